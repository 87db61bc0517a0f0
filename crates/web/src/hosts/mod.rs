//! Host records (organisations, their services and contacts): searched,
//! shown, created and corrected from the wizard's steps 2, 3, 4 and 7 and
//! from the "Établissements d'accueil" pages alike.

pub mod card;
pub mod contacts;
pub mod organisation_form;
pub mod search;
pub mod services;
