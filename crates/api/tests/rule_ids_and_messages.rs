//! Every rule id and every sentence a person reads has one home: rule ids
//! are the domain's (`stages_domain`), sentences are Fluent messages of the
//! `.ftl` files. This guard reads the server's and the SPA's sources and
//! fails when a rule-id literal (`"DUR-02"`) or a sentence appears in code
//! outside tests, so that a rule cannot be restated or reworded on one side
//! only.
//!
//! What it skips, and why: test modules and `#[test]` functions (they
//! assert on ids); attributes (doc comments, `#[error(...)]` of internal
//! errors, OpenAPI descriptions for developers); log macros (operators read
//! logs in English); `expect`/`panic!` texts (defects, not messages).

use std::path::{Path, PathBuf};
use syn::visit::{self, Visit};

/// Files whose literals are documentation, not decisions or messages.
const ALLOWED: &[&str] = &[
    // The example values of the OpenAPI document (a problem body among
    // them).
    "crates/api/src/openapi_examples.rs",
];

/// Macros whose strings are for operators or defects, not users.
const SILENT_MACROS: &[&str] = &[
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "event",
    "span",
    "info_span",
    "panic",
    "unreachable",
    "todo",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "include_str",
    "include_bytes",
    "concat",
    "env",
    "log",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `DUR-02`, `QUERY-01`: two to five capitals, a dash, two digits.
fn is_rule_id(text: &str) -> bool {
    let Some((letters, digits)) = text.split_once('-') else {
        return false;
    };
    (2..=5).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && digits.len() == 2
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A sentence a person would read: a capital, at least three words of
/// letters, and a sentence's end; not a SQL statement (`… WHERE key = ?`).
fn is_sentence(text: &str) -> bool {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or("");
    if ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(&first) {
        return false;
    }
    let starts_upper = text.chars().next().is_some_and(char::is_uppercase);
    let ends = text.ends_with(['.', '!', '?', ':', '…']);
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    starts_upper && ends && words >= 3
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("test")
            || (a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test"))
    })
}

struct Finder<'a> {
    file: &'a str,
    found: Vec<String>,
}

impl Finder<'_> {
    fn literal(&mut self, text: &str) {
        if ALLOWED.contains(&self.file) {
            return;
        }
        if is_rule_id(text) {
            self.found.push(format!("{}: rule id {text:?}", self.file));
        }
        if is_sentence(text) {
            self.found.push(format!("{}: sentence {text:?}", self.file));
        }
    }

    /// A macro's arguments, attributes (`#[doc = "…"]`) aside.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        let mut after_hash = false;
        for token in tokens {
            let hash = matches!(&token, proc_macro2::TokenTree::Punct(p) if p.as_char() == '#');
            match token {
                proc_macro2::TokenTree::Group(group)
                    if after_hash && group.delimiter() == proc_macro2::Delimiter::Bracket => {}
                proc_macro2::TokenTree::Group(group) => self.tokens(group.stream()),
                proc_macro2::TokenTree::Literal(literal) => {
                    if let Ok(text) = syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                        self.literal(&text.value());
                    }
                }
                _ => {}
            }
            after_hash = hash;
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test_only(&item.attrs) {
            visit::visit_item_mod(self, item);
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test_only(&item.attrs) {
            visit::visit_item_fn(self, item);
        }
    }

    fn visit_lit_str(&mut self, literal: &'ast syn::LitStr) {
        self.literal(&literal.value());
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if call.method == "expect" {
            self.visit_expr(&call.receiver);
        } else {
            visit::visit_expr_method_call(self, call);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if !SILENT_MACROS.contains(&name.as_str()) {
            self.tokens(mac.tokens.clone());
        }
    }
}

fn findings() -> Vec<String> {
    let root = workspace();
    let mut files = Vec::new();
    for dir in ["crates/api/src", "crates/web/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "the sources were not found");
    let mut found = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).expect("readable source");
        let syntax = syn::parse_file(&source).expect("a Rust file");
        let file = path
            .strip_prefix(&root)
            .expect("under the workspace")
            .to_string_lossy()
            .replace('\\', "/");
        let mut finder = Finder {
            file: &file,
            found: Vec::new(),
        };
        finder.visit_file(&syntax);
        found.extend(finder.found);
    }
    found
}

#[test]
fn rule_ids_and_sentences_live_in_the_domain_and_the_ftl_files() {
    let found = findings();
    assert!(
        found.is_empty(),
        "{} rule id(s) or sentence(s) written in code; take the id from \
         stages_domain and the words from a .ftl file:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_guard_sees_what_it_guards() {
    let source = r#"
        fn f() -> ApiError {
            let _ = format!("The parameter must not exceed {} characters.", 3);
            tracing::warn!("The database did not answer in time.");
            bad("QUERY-01", "ok")
        }
        macro_rules! keys { ($($t:tt)*) => {}; }
        keys! { #[doc = "The names of the message's placeables."] A = "a", }
        #[cfg(test)]
        mod tests { fn t() { assert_eq!(rule, "DUR-02"); } }
    "#;
    let syntax = syn::parse_file(source).expect("parses");
    let mut finder = Finder {
        file: "x.rs",
        found: Vec::new(),
    };
    finder.visit_file(&syntax);
    assert_eq!(
        finder.found,
        [
            "x.rs: sentence \"The parameter must not exceed {} characters.\"",
            "x.rs: rule id \"QUERY-01\"",
        ]
    );
}
