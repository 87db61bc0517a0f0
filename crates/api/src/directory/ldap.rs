//! The LDAP directory (ldap3): look people up with the service account,
//! check a password by binding as the person. A new connection per request,
//! so that a directory that comes back is used again without a restart.

use super::{MAX_RESULTS, Person};
use crate::config::LdapConfig;
use ldap3::{LdapConnAsync, LdapConnSettings, Scope, SearchEntry, SearchOptions, ldap_escape};
use std::collections::HashMap;
use std::time::Duration;

/// How long a directory may take before it is considered down.
const TIMEOUT: Duration = Duration::from_secs(4);
/// LDAP result codes: invalid credentials, size limit exceeded.
const INVALID_CREDENTIALS: u32 = 49;
const SIZE_LIMIT_EXCEEDED: u32 = 4;

#[derive(Debug, thiserror::Error)]
pub enum LdapError {
    #[error("LDAP: {0}")]
    Ldap(#[from] ldap3::LdapError),
    #[error("LDAP: no answer within {0:?}")]
    Timeout(Duration),
    #[error("LDAP: the service account was refused (code {0})")]
    ServiceBind(u32),
    #[error("LDAP: search failed (code {0}: {1})")]
    Search(u32, String),
}

/// A person as the directory describes them, after a successful sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryUser {
    pub uid: String,
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    pub email: Option<String>,
    pub department: Option<String>,
    pub affiliations: Vec<String>,
    pub student_number: Option<String>,
}

async fn within<T>(
    work: impl std::future::Future<Output = Result<T, ldap3::LdapError>>,
) -> Result<T, LdapError> {
    tokio::time::timeout(TIMEOUT, work)
        .await
        .map_err(|_| LdapError::Timeout(TIMEOUT))?
        .map_err(LdapError::from)
}

/// Connects and binds with the service account (anonymously without one).
async fn connect(config: &LdapConfig) -> Result<ldap3::Ldap, LdapError> {
    let settings = LdapConnSettings::new().set_conn_timeout(TIMEOUT);
    let (conn, mut ldap) = within(LdapConnAsync::with_settings(settings, &config.url)).await?;
    ldap3::drive!(conn);
    if let Some(dn) = &config.bind_dn {
        let password = config.bind_password.as_deref().unwrap_or("");
        let result = within(ldap.simple_bind(dn, password)).await?;
        if result.rc != 0 {
            return Err(LdapError::ServiceBind(result.rc));
        }
    }
    Ok(ldap)
}

fn first(attrs: &HashMap<String, Vec<String>>, name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .and_then(|(_, values)| values.first().cloned())
        .filter(|v| !v.trim().is_empty())
}

fn all(attrs: &HashMap<String, Vec<String>>, name: &str) -> Vec<String> {
    attrs
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, values)| values.clone())
        .unwrap_or_default()
}

fn person(entry: &SearchEntry) -> Option<Person> {
    Some(Person {
        uid: first(&entry.attrs, "uid")?,
        first_name: first(&entry.attrs, "givenName").unwrap_or_default(),
        last_name: first(&entry.attrs, "sn")?,
        email: first(&entry.attrs, "mail"),
        department: first(&entry.attrs, "ou"),
    })
}

const PERSON_ATTRIBUTES: [&str; 5] = ["uid", "givenName", "sn", "mail", "ou"];

/// Runs a search, keeping what came back when the size limit cut it short.
async fn search(
    ldap: &mut ldap3::Ldap,
    config: &LdapConfig,
    filter: &str,
    attributes: &[&str],
    limit: i32,
) -> Result<Vec<SearchEntry>, LdapError> {
    let attributes: Vec<String> = attributes.iter().map(|a| (*a).to_owned()).collect();
    let result = within(
        ldap.with_search_options(SearchOptions::new().sizelimit(limit))
            .search(&config.base_dn, Scope::Subtree, filter, attributes),
    )
    .await?;
    let ldap3::SearchResult(entries, status) = result;
    if status.rc != 0 && status.rc != SIZE_LIMIT_EXCEEDED {
        return Err(LdapError::Search(status.rc, status.text));
    }
    Ok(entries.into_iter().map(SearchEntry::construct).collect())
}

/// The supervisors' filter with one clause per query word, each word
/// escaped: `*)(uid=*` searches for those characters, nothing else.
pub fn supervisor_filter(config: &LdapConfig, query: &str) -> String {
    let words: String = query
        .split_whitespace()
        .map(|word| {
            let w = ldap_escape(word);
            format!("(|(sn={w}*)(givenName={w}*)(cn={w}*)(cn=* {w}*))")
        })
        .collect();
    format!("(&{}{words})", config.supervisor_filter)
}

pub async fn search_supervisors(
    config: &LdapConfig,
    query: &str,
) -> Result<Vec<Person>, LdapError> {
    let mut ldap = connect(config).await?;
    let filter = supervisor_filter(config, query);
    let entries = search(&mut ldap, config, &filter, &PERSON_ATTRIBUTES, MAX_RESULTS).await?;
    let _ = ldap.unbind().await;
    let mut people: Vec<Person> = entries.iter().filter_map(person).collect();
    people.sort_by(|a, b| (&a.last_name, &a.first_name).cmp(&(&b.last_name, &b.first_name)));
    Ok(people)
}

pub async fn find_supervisor(config: &LdapConfig, uid: &str) -> Result<Option<Person>, LdapError> {
    let mut ldap = connect(config).await?;
    let filter = format!("(&{}(uid={}))", config.supervisor_filter, ldap_escape(uid));
    let entries = search(&mut ldap, config, &filter, &PERSON_ATTRIBUTES, 2).await?;
    let _ = ldap.unbind().await;
    Ok(match entries.as_slice() {
        [only] => person(only),
        _ => None,
    })
}

/// Checks `password` for `username`: `Ok(None)` when the person is unknown
/// or the password wrong (the same answer, as the caller must not tell
/// them apart); `Err` when the directory cannot be asked.
pub async fn authenticate(
    config: &LdapConfig,
    username: &str,
    password: &str,
) -> Result<Option<DirectoryUser>, LdapError> {
    // An empty password would be an anonymous bind, which succeeds.
    if password.is_empty() {
        return Ok(None);
    }
    let mut ldap = connect(config).await?;
    let filter = config
        .user_filter
        .replace("{username}", &ldap_escape(username));
    let attributes = [
        "uid",
        "givenName",
        "sn",
        "displayName",
        "cn",
        "mail",
        "ou",
        "eduPersonAffiliation",
        config.student_number_attribute.as_str(),
    ];
    let entries = search(&mut ldap, config, &filter, &attributes, 2).await?;
    let [entry] = entries.as_slice() else {
        let _ = ldap.unbind().await;
        return Ok(None);
    };
    let bound = within(ldap.simple_bind(&entry.dn, password)).await?;
    let _ = ldap.unbind().await;
    match bound.rc {
        0 => {}
        INVALID_CREDENTIALS => return Ok(None),
        other => return Err(LdapError::Search(other, bound.text)),
    }
    let attrs = &entry.attrs;
    let first_name = first(attrs, "givenName").unwrap_or_default();
    let last_name = first(attrs, "sn").unwrap_or_default();
    Ok(Some(DirectoryUser {
        uid: first(attrs, "uid").unwrap_or_else(|| username.to_owned()),
        display_name: first(attrs, "displayName")
            .or_else(|| first(attrs, "cn"))
            .unwrap_or_else(|| format!("{first_name} {last_name}")),
        first_name,
        last_name,
        email: first(attrs, "mail"),
        department: first(attrs, "ou"),
        affiliations: all(attrs, "eduPersonAffiliation"),
        student_number: first(attrs, &config.student_number_attribute),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> LdapConfig {
        LdapConfig {
            url: "ldap://127.0.0.1:1".into(),
            base_dn: "dc=univ-demo,dc=fr".into(),
            bind_dn: None,
            bind_password: None,
            user_filter: "(uid={username})".into(),
            supervisor_filter: "(eduPersonAffiliation=faculty)".into(),
            student_number_attribute: "supannEtuId".into(),
        }
    }

    #[test]
    fn filter_metacharacters_are_escaped() {
        let filter = supervisor_filter(&config(), "*)(uid=*");
        assert_eq!(
            filter,
            "(&(eduPersonAffiliation=faculty)(|(sn=\\2a\\29\\28uid=\\2a*)(givenName=\\2a\\29\\28uid=\\2a*)(cn=\\2a\\29\\28uid=\\2a*)(cn=* \\2a\\29\\28uid=\\2a*)))"
        );
    }

    #[tokio::test]
    async fn a_directory_that_does_not_answer_is_an_error_not_a_refusal() {
        let result = authenticate(&config(), "someone", "secret").await;
        assert!(result.is_err(), "{result:?}");
    }
}
