//! Building blocks shared by the pages.

pub mod charts;
pub mod confirm;
pub mod decision;
pub mod download;
pub mod fields;
pub mod figures;
pub mod loading;
pub mod menus;
pub mod messages;
pub mod periods;
pub mod recap;
pub mod reference;
pub mod shell;
