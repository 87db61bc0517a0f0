//! Every Fluent resource of the project has the same messages in each of
//! its languages, so no screen, rule message or document shows a raw key.

use fluent_syntax::ast::Entry;
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// `crates/<crate>/locales/<lang>/<file>.ftl`, grouped by crate and file.
fn resources() -> BTreeMap<(String, String), BTreeMap<String, PathBuf>> {
    let mut found: BTreeMap<(String, String), BTreeMap<String, PathBuf>> = BTreeMap::new();
    let crates = workspace().join("crates");
    for krate in std::fs::read_dir(&crates).expect("crates dir").flatten() {
        let locales = krate.path().join("locales");
        let Ok(langs) = std::fs::read_dir(&locales) else {
            continue;
        };
        for lang in langs.flatten() {
            for file in std::fs::read_dir(lang.path()).expect("lang dir").flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let key = (
                        krate.file_name().to_string_lossy().into_owned(),
                        file.file_name().to_string_lossy().into_owned(),
                    );
                    found
                        .entry(key)
                        .or_default()
                        .insert(lang.file_name().to_string_lossy().into_owned(), path);
                }
            }
        }
    }
    found
}

fn message_ids(path: &Path) -> BTreeSet<String> {
    let source = std::fs::read_to_string(path).expect("read ftl");
    let resource = parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_language_has_every_message() {
    let resources = resources();
    assert!(
        resources.contains_key(&("web".to_owned(), "main.ftl".to_owned())),
        "the SPA's resources were not found"
    );
    for ((krate, file), langs) in resources {
        let reference = langs
            .get("fr")
            .unwrap_or_else(|| panic!("crates/{krate}: {file} has no French version"));
        let expected = message_ids(reference);
        assert!(!expected.is_empty(), "{} is empty", reference.display());
        for (lang, path) in &langs {
            let ids = message_ids(path);
            let missing: Vec<_> = expected.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&expected).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "crates/{krate}/locales/{lang}/{file}: missing {missing:?}, not in French {extra:?}"
            );
        }
    }
}
