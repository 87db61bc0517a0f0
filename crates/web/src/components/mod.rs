//! Building blocks shared by the pages.

pub mod menus;
pub mod shell;
