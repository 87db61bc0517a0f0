//! Établissements d'accueil: search, create and correct the host
//! organisations with their services and contacts.

mod detail;
mod list;

pub use detail::OrganisationPage;
pub use list::OrganisationsPage;
