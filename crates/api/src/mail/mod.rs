//! Mail notifications: a transactional outbox, templates in French and
//! English, a worker that sends over SMTP, and the events of the
//! convention's life that produce mail.

pub mod events;
pub mod outbox;
pub mod templates;
pub mod worker;
