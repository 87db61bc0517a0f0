//! The mails the convention's life sends, queued in the transaction of the
//! change: creation (student and centre staff), validations given or
//! withdrawn and rejection (student), amendments (staff, then student).

use super::outbox::{Mail, enqueue};
use super::templates::{MailLang, render};
use crate::db::AnyConnection;
use crate::db::conventions::Loaded;
use crate::db::schema::{centre_staff, students, users};
use diesel::prelude::*;
use stages_domain::model::ValidationLevel;

/// What the templates need to know about a convention.
pub struct Context<'a> {
    pub loaded: &'a Loaded,
    /// Where the SPA is, for links.
    pub public_url: &'a str,
}

impl Context<'_> {
    fn number(&self) -> String {
        self.loaded
            .workflow
            .number()
            .map(|n| n.to_string())
            .unwrap_or_default()
    }

    fn student(&self) -> String {
        let s = &self.loaded.content.student.student;
        format!("{} {}", s.first_name, s.last_name)
    }

    fn host(&self) -> String {
        self.loaded
            .content
            .organisation
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default()
    }

    pub fn link(&self) -> String {
        format!(
            "{}/conventions/{}",
            self.public_url.trim_end_matches('/'),
            self.loaded.row.id
        )
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("number", self.number()),
            ("student", self.student()),
            ("host", self.host()),
            ("centre", self.loaded.centre_name.clone()),
            ("link", self.link()),
        ]
    }
}

/// The student's address: the university one, else the personal one.
pub fn student_address(conn: &mut AnyConnection, loaded: &Loaded) -> QueryResult<Option<String>> {
    let registry: Option<Option<String>> = students::table
        .find(loaded.row.student_id)
        .select(students::email)
        .first(conn)
        .optional()?;
    Ok(registry.flatten().or_else(|| {
        loaded
            .content
            .student
            .personal_email
            .as_ref()
            .map(|e| e.as_str().to_owned())
    }))
}

/// The addresses of the centre's staff whose rights include its alert
/// mails.
fn staff_addresses(conn: &mut AnyConnection, centre: i64) -> QueryResult<Vec<String>> {
    let emails: Vec<Option<String>> = centre_staff::table
        .inner_join(users::table)
        .filter(centre_staff::centre_id.eq(centre))
        .filter(centre_staff::alerts.eq(true))
        .filter(users::active.eq(true))
        .select(users::email)
        .load(conn)?;
    Ok(emails.into_iter().flatten().collect())
}

fn level_words(level: ValidationLevel) -> &'static str {
    match level {
        ValidationLevel::Pedagogical => "validation pédagogique",
        ValidationLevel::AdministrativeCheck => "vérification administrative",
        ValidationLevel::Administrative => "validation administrative",
    }
}

fn send_to(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    event: &'static str,
    to: Vec<String>,
    args: &[(&'static str, String)],
) -> QueryResult<()> {
    let (subject, body) = render(MailLang::Fr, event, args);
    for recipient in to {
        enqueue(
            conn,
            &Mail {
                event,
                recipient,
                subject: subject.clone(),
                body: body.clone(),
                convention_id: Some(ctx.loaded.row.id),
                dedupe_key: None,
                link_id: None,
                signature_request: None,
            },
        )?;
    }
    Ok(())
}

/// Created with its number: the student is told, the staff asked to validate.
pub fn created(conn: &mut AnyConnection, ctx: &Context<'_>) -> QueryResult<()> {
    let args = ctx.args();
    let student = student_address(conn, ctx.loaded)?.into_iter().collect();
    send_to(conn, ctx, "convention-created", student, &args)?;
    let staff = staff_addresses(conn, ctx.loaded.row.centre_id)?;
    send_to(conn, ctx, "convention-to-validate", staff, &args)
}

/// A level given or withdrawn: the student is told.
pub fn validation(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    level: ValidationLevel,
    given: bool,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("level", level_words(level).to_owned()));
    let student = student_address(conn, ctx.loaded)?.into_iter().collect();
    let event = if given {
        "validation-given"
    } else {
        "validation-withdrawn"
    };
    send_to(conn, ctx, event, student, &args)
}

/// Sent back with a reason: the student reads it.
pub fn rejected(conn: &mut AnyConnection, ctx: &Context<'_>, reason: &str) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("reason", reason.to_owned()));
    let student = student_address(conn, ctx.loaded)?.into_iter().collect();
    send_to(conn, ctx, "convention-rejected", student, &args)
}

/// A validation withdrawn after `name` signed: their signature no longer
/// counts, and the agreement will be sent again.
pub fn signature_voided(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    address: &str,
    name: &str,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("name", name.to_owned()));
    send_to(
        conn,
        ctx,
        "signature-voided",
        vec![address.to_owned()],
        &args,
    )
}

/// A party's turn to sign: their personal link (a placeholder the worker
/// fills from `request`).
pub fn signature_requested(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    request: i64,
    address: &str,
    name: &str,
    link: &str,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("name", name.to_owned()));
    args.retain(|(key, _)| *key != "link");
    args.push(("link", link.to_owned()));
    signing_mail(conn, ctx, "signature-requested", request, address, &args)
}

/// A reminder to a party who has not signed: the same link.
pub fn signature_reminder(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    request: i64,
    address: &str,
    name: &str,
    link: &str,
    dedupe_key: &str,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("name", name.to_owned()));
    args.retain(|(key, _)| *key != "link");
    args.push(("link", link.to_owned()));
    let (subject, body) = render(MailLang::Fr, "signature-reminder", &args);
    enqueue(
        conn,
        &Mail {
            event: "signature-reminder",
            recipient: address.to_owned(),
            subject,
            body,
            convention_id: Some(ctx.loaded.row.id),
            dedupe_key: Some(dedupe_key.to_owned()),
            link_id: None,
            signature_request: Some(request),
        },
    )?;
    Ok(())
}

/// The one-time code a signer asked for (a placeholder the worker fills).
pub fn signature_code(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    request: i64,
    address: &str,
    code: &str,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("code", code.to_owned()));
    signing_mail(conn, ctx, "signature-code", request, address, &args)
}

fn signing_mail(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    event: &'static str,
    request: i64,
    address: &str,
    args: &[(&'static str, String)],
) -> QueryResult<()> {
    let (subject, body) = render(MailLang::Fr, event, args);
    enqueue(
        conn,
        &Mail {
            event,
            recipient: address.to_owned(),
            subject,
            body,
            convention_id: Some(ctx.loaded.row.id),
            dedupe_key: None,
            link_id: None,
            signature_request: Some(request),
        },
    )?;
    Ok(())
}

/// An amendment entered: the centre's staff validate it.
pub fn amendment_created(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    title: &str,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("title", title.to_owned()));
    let staff = staff_addresses(conn, ctx.loaded.row.centre_id)?;
    send_to(conn, ctx, "amendment-created", staff, &args)
}

/// An amendment validated: the student may print and sign it.
pub fn amendment_validated(
    conn: &mut AnyConnection,
    ctx: &Context<'_>,
    title: &str,
) -> QueryResult<()> {
    let mut args = ctx.args();
    args.push(("title", title.to_owned()));
    let student = student_address(conn, ctx.loaded)?.into_iter().collect();
    send_to(conn, ctx, "amendment-validated", student, &args)
}
