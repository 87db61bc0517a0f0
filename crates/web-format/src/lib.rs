//! What the SPA shows and reads back that does not need a browser: the
//! reader's language and the way dates, hours and amounts are written in
//! it. Kept apart from `crates/web` (which builds only for wasm32) so that
//! its tests run with the others.

pub mod format;
mod lang;

pub use lang::Lang;
