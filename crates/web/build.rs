//! Optimised wasm builds link without the symbol names: the `name` section
//! is two thirds of the SPA's module (4 of 6.5 MB) and only serves
//! debuggers. wasm-bindgen finds what it needs without it (it warns that
//! `target_features` went too, and detects reference types from the
//! module's exports instead). Unoptimised builds keep the names for
//! readable stack traces.

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let optimised = std::env::var("OPT_LEVEL").is_ok_and(|level| level != "0");
    if wasm && optimised {
        println!("cargo:rustc-link-arg-bins=--strip-all");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
