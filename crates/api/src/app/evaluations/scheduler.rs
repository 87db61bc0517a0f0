//! Asks for evaluations when internships end, and reminds those who have
//! not answered. Every replica may run it: a questionnaire is marked
//! requested by one conditional write, and each mail has a dedupe key, so
//! two schedulers never send the same request twice.

use super::links;
use super::{centre_form, defaults, find_answers, kind_code, start};
use crate::db::AnyConnection;
use crate::db::conventions::{self as repo, Loaded};
use crate::db::evaluations as store;
use crate::error::ApiError;
use crate::mail::events::student_address;
use crate::mail::outbox::{Mail, enqueue};
use crate::mail::templates::{MailLang, render};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::Connection;
use stages_domain::model::{AgreementLanguage, EvaluationKind};
use stages_domain::signature;

/// Internships that ended longer ago are not asked about any more (an
/// installation's history is not mailed when the scheduler first runs).
pub const LOOK_BACK_DAYS: i64 = 30;
/// Reminders sent at most.
pub const MAX_REMINDERS: i32 = 3;

/// To whom a request goes, where they fill the questionnaire in, and the
/// tutor's link the mail carries (signed when the mail is sent).
struct Recipient {
    to: String,
    url: String,
    link: Option<i64>,
}

/// Where the person asked to fill the questionnaire in is mailed; `None`
/// when nowhere: no address, or a tutor's address staff have not vouched
/// for (SIG-17: the link lets whoever holds it evaluate the intern, and the
/// address may be the student's own; staff hand a link over themselves
/// meanwhile).
fn address(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    kind: EvaluationKind,
) -> Result<Option<String>, ApiError> {
    Ok(match kind {
        EvaluationKind::Student => student_address(conn, loaded)?,
        EvaluationKind::Supervisor => match loaded.parties.supervisor_id {
            Some(s) => store::supervisor_email(conn, s)?,
            None => None,
        },
        EvaluationKind::Tutor => match tutor_address(conn, loaded)? {
            Some((to, true)) => Some(to),
            _ => None,
        },
    })
}

/// The tutor's address as the scheduler mails it, the contact's own (a
/// correction by staff since the convention was written included), and
/// whether a link may go to it (SIG-17). The convention's page warns from
/// it, so that what staff see is what the scheduler does.
pub fn tutor_address(
    conn: &mut AnyConnection,
    loaded: &Loaded,
) -> Result<Option<(String, bool)>, ApiError> {
    let Some(tutor) = loaded.parties.tutor_id else {
        return Ok(None);
    };
    // A contact without an address keeps an empty one.
    let Some(address) = store::contact_email(conn, tutor)?.filter(|a| !a.trim().is_empty()) else {
        return Ok(None);
    };
    let vouched = crate::db::vouched_addresses::is_vouched(conn, &address)?;
    let may = signature::check_link_address(signature::Party::Tutor, true, vouched).is_ok();
    Ok(Some((address, may)))
}

/// Where the person fills the questionnaire, and to whom it is sent.
fn recipient(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    kind: EvaluationKind,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<Option<Recipient>, ApiError> {
    let Some(to) = address(conn, loaded, kind)? else {
        return Ok(None);
    };
    let base = public_url.trim_end_matches('/');
    let id = loaded.row.id;
    Ok(Some(match kind {
        EvaluationKind::Student => Recipient {
            to,
            url: format!("{base}/evaluations/{id}/student"),
            link: None,
        },
        EvaluationKind::Supervisor => Recipient {
            to,
            url: format!("{base}/evaluations/{id}/supervisor"),
            link: None,
        },
        EvaluationKind::Tutor => {
            // The queued mail holds a placeholder, not the token: the
            // worker signs the link when it sends the mail.
            let link = links::record(conn, id, loaded.parties.tutor_id, None, now)?;
            Recipient {
                to,
                url: format!("{base}/evaluation/tutor/{}", links::placeholder(link.id)),
                link: Some(link.id),
            }
        }
    }))
}

/// The tutor reads the convention's language when it is English.
fn language(loaded: &Loaded, kind: EvaluationKind) -> MailLang {
    match (kind, loaded.content.internship.language) {
        (EvaluationKind::Tutor, Some(AgreementLanguage::En)) => MailLang::En,
        _ => MailLang::Fr,
    }
}

/// What every mail of a run shares.
struct Run<'a> {
    public_url: &'a str,
    now: NaiveDateTime,
}

fn mail(
    conn: &mut AnyConnection,
    run: &Run<'_>,
    loaded: &Loaded,
    kind: EvaluationKind,
    event: &'static str,
    dedupe_key: String,
) -> Result<bool, ApiError> {
    let Some(Recipient { to, url, link }) = recipient(conn, loaded, kind, run.public_url, run.now)?
    else {
        return Ok(false);
    };
    let student = &loaded.content.student.student;
    let args = [
        (
            "number",
            loaded
                .workflow
                .number()
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        (
            "student",
            format!("{} {}", student.first_name, student.last_name),
        ),
        (
            "host",
            loaded
                .content
                .organisation
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
        ),
        ("link", url),
    ];
    let (subject, body) = render(language(loaded, kind), event, &args);
    Ok(enqueue(
        conn,
        &Mail {
            event,
            recipient: to,
            subject,
            body,
            convention_id: Some(loaded.row.id),
            dedupe_key: Some(dedupe_key),
            link_id: link,
            signature_request: None,
        },
    )?)
}

/// Requests the evaluations of internships that just ended; returns the
/// number of requests queued.
pub fn request_due(
    conn: &mut AnyConnection,
    today: NaiveDate,
    public_url: &str,
) -> Result<usize, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let run = Run { public_url, now };
    let mut queued = 0;
    for id in store::ended_between(conn, today - Duration::days(LOOK_BACK_DAYS), today)? {
        let loaded = repo::load(conn, id)?;
        for kind in defaults::KINDS {
            let form = centre_form(conn, loaded.row.centre_id, kind)?;
            if !form.enabled {
                continue;
            }
            queued += crate::db::transaction(conn, |conn| {
                // Only the scheduler that marks the questionnaire requested
                // sends the request.
                let marked = match find_answers(conn, id, kind)? {
                    Some(row) if row.requested_at.is_some() || row.submitted_at.is_some() => false,
                    Some(row) => store::mark_requested(conn, row.id, now)?,
                    None => conn
                        .transaction(|conn| start(conn, id, &form.form, true))
                        .is_ok(),
                };
                if !marked {
                    return Ok::<_, ApiError>(0);
                }
                let key = format!("eval-request:{id}:{}", kind_code(kind));
                let sent = mail(conn, &run, &loaded, kind, "evaluation-requested", key)?;
                Ok(usize::from(sent))
            })?;
        }
    }
    Ok(queued)
}

/// Reminds those who were asked `delay_days` ago (or reminded that long
/// ago) and have not submitted; at most [`MAX_REMINDERS`] times.
pub fn remind_due(
    conn: &mut AnyConnection,
    public_url: &str,
    delay_days: i64,
) -> Result<usize, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let run = Run { public_url, now };
    let before = now - Duration::days(delay_days);
    let due = store::reminders_due(conn, before, MAX_REMINDERS)?;
    let mut queued = 0;
    for row in due {
        let (convention, reminders) = (row.convention_id, row.reminders);
        let kind = row.kind()?;
        let loaded = repo::load(conn, convention)?;
        queued += crate::db::transaction(conn, |conn| {
            if !store::claim_reminder(conn, row.id, reminders, now)? {
                return Ok::<_, ApiError>(0);
            }
            let key = format!(
                "eval-reminder:{convention}:{}:{}",
                kind_code(kind),
                reminders + 1
            );
            let sent = mail(conn, &run, &loaded, kind, "evaluation-reminder", key)?;
            Ok(usize::from(sent))
        })?;
    }
    Ok(queued)
}

/// One pass: evaluation requests and reminders, then the reminders of
/// pending signatures. Returns the mails queued.
pub fn tick(state: &crate::state::AppState) -> Result<usize, ApiError> {
    let config = &state.config;
    crate::db::checkout::with_connection(&state.pool, |conn| {
        let requested = request_due(conn, state.today(), &config.public_url)?;
        let reminded = remind_due(conn, &config.public_url, config.evaluation_reminder_days)?;
        let signatures = crate::app::signing::remind_due(
            conn,
            &config.public_url,
            chrono::Utc::now().naive_utc(),
        )?;
        Ok(requested + reminded + signatures)
    })
}

/// Runs forever, one pass per `interval`.
pub async fn run(state: crate::state::AppState, interval: std::time::Duration) {
    tracing::info!("evaluation scheduler started");
    loop {
        let pass = state.clone();
        match tokio::task::spawn_blocking(move || tick(&pass)).await {
            Ok(Ok(0)) => {}
            Ok(Ok(queued)) => tracing::info!(queued, "evaluation mails queued"),
            Ok(Err(error)) => tracing::warn!(?error, "evaluation scheduler pass failed"),
            Err(error) => tracing::warn!(%error, "evaluation scheduler pass panicked"),
        }
        tokio::time::sleep(interval).await;
    }
}
