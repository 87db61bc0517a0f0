//! Single sign-on: the university's CAS server (CAS 3.0) or OpenID
//! Connect provider signs people in, Stages never sees their password. What the server releases about a
//! person (attributes) is read through a configurable mapping, and the
//! account is then kept as a directory account is: created on first
//! sign-in, refreshed on each, never mistaken for a local account.

pub mod cas;
pub mod oidc;

use crate::directory::ldap::DirectoryUser;
use std::collections::HashMap;

/// Longest value accepted for a name, an address or a number released by
/// the identity provider; longer ones refuse the sign-in rather than
/// being cut (a cut name would print wrongly on agreements).
pub const MAX_VALUE_CHARS: usize = 256;
/// Most affiliations kept for one person.
pub const MAX_AFFILIATIONS: usize = 32;
/// A character of a username a provider may release: ASCII letters,
/// digits and `.`, `-`, `_`, `@`, as university uids are.
fn username_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@')
}

/// Single sign-on starts and callbacks one address may make per minute
/// (a campus NAT's morning rush stays far below).
pub const SSO_REQUESTS_PER_MINUTE: u32 = 300;
/// OpenID sign-ins under way at once (each is a row for 10 minutes):
/// past it new ones wait, so that the table stays bounded.
pub const MAX_PENDING_OIDC_LOGINS: i64 = 100_000;

/// What the identity provider released about a person, by attribute
/// name (several values each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributes(HashMap<String, Vec<String>>);

impl Attributes {
    pub fn push(&mut self, name: &str, value: String) {
        self.0.entry(name.to_owned()).or_default().push(value);
    }

    /// The values of `name`, compared without case as directories do.
    fn values(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(move |(key, _)| key.eq_ignore_ascii_case(name))
            .flat_map(|(_, values)| values.iter().map(|v| v.trim()))
            .filter(|v| !v.is_empty())
    }

    fn first(&self, name: &str) -> Option<&str> {
        self.values(name).next()
    }
}

/// Which attribute holds each fact Stages keeps about a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeMap {
    /// The sign-in name; `None` takes the provider's own (CAS's `user`).
    pub username: Option<String>,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    pub department: String,
    /// Mapped to roles by `STAGES_AFFILIATION_ROLES`, as LDAP's are.
    pub affiliations: String,
    pub student_number: String,
}

/// SUPANN's names, as French universities' CAS servers release them.
pub const DEFAULT_CAS_ATTRIBUTES: &str = "email=mail,first_name=givenName,last_name=sn,display_name=displayName,department=supannEntiteAffectationPrincipale,affiliations=eduPersonAffiliation,student_number=supannEtuId";

/// The fields a mapping may name.
const FIELDS: &[&str] = &[
    "username",
    "email",
    "first_name",
    "last_name",
    "display_name",
    "department",
    "affiliations",
    "student_number",
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MappingError {
    #[error(
        "invalid attribute mapping {0:?}: write field=attribute pairs separated by commas; fields are username, email, first_name, last_name, display_name, department, affiliations and student_number"
    )]
    Syntax(String),
}

impl AttributeMap {
    /// `defaults`, with the pairs of `overrides` (`field=attribute`, comma
    /// separated) replacing theirs.
    pub fn parse(defaults: &str, overrides: Option<&str>) -> Result<Self, MappingError> {
        let mut pairs: HashMap<&str, String> = HashMap::new();
        for text in std::iter::once(defaults).chain(overrides) {
            for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let (field, attribute) = pair
                    .split_once('=')
                    .map(|(f, a)| (f.trim(), a.trim()))
                    .filter(|(f, a)| FIELDS.contains(f) && !a.is_empty())
                    .ok_or_else(|| MappingError::Syntax(text.to_owned()))?;
                let field = FIELDS.iter().find(|f| **f == field).copied().unwrap_or("");
                pairs.insert(field, attribute.to_owned());
            }
        }
        let take = |field: &str| pairs.get(field).cloned().unwrap_or_default();
        Ok(Self {
            username: pairs.get("username").cloned(),
            email: take("email"),
            first_name: take("first_name"),
            last_name: take("last_name"),
            display_name: take("display_name"),
            department: take("department"),
            affiliations: take("affiliations"),
            student_number: take("student_number"),
        })
    }

    /// The person the attributes describe; `principal` is the name the
    /// provider signed in (CAS's `user`).
    pub fn person(
        &self,
        principal: &str,
        attributes: &Attributes,
    ) -> Result<DirectoryUser, IdentityError> {
        let bounded = |field: &'static str, value: Option<&str>| match value {
            Some(v) if v.chars().count() > MAX_VALUE_CHARS || v.chars().any(char::is_control) => {
                Err(IdentityError::Unusable(field))
            }
            other => Ok(other.map(str::to_owned)),
        };
        let uid = match &self.username {
            Some(name) => attributes.first(name),
            None => Some(principal.trim()).filter(|p| !p.is_empty()),
        };
        let uid = bounded("username", uid)?.ok_or(IdentityError::NoUsername)?;
        // University uids are ASCII: a look-alike (Cyrillic "а", a
        // full-width letter, a combining mark) would otherwise be another
        // account whose name reads like a colleague's or a local one's.
        if !uid.chars().all(username_char) {
            return Err(IdentityError::Unusable("username"));
        }
        let first_name = bounded("first_name", attributes.first(&self.first_name))?;
        let last_name = bounded("last_name", attributes.first(&self.last_name))?;
        let display_name = bounded("display_name", attributes.first(&self.display_name))?;
        let affiliations: Vec<String> = attributes
            .values(&self.affiliations)
            .take(MAX_AFFILIATIONS)
            .map(|a| bounded("affiliations", Some(a)).map(Option::unwrap_or_default))
            .collect::<Result<_, _>>()?;
        let display_name = display_name.unwrap_or_else(|| {
            [first_name.as_deref(), last_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        });
        Ok(DirectoryUser {
            display_name: if display_name.is_empty() {
                uid.clone()
            } else {
                display_name
            },
            first_name: first_name.unwrap_or_default(),
            last_name: last_name.unwrap_or_default(),
            email: bounded("email", attributes.first(&self.email))?,
            department: bounded("department", attributes.first(&self.department))?,
            student_number: bounded("student_number", attributes.first(&self.student_number))?,
            affiliations,
            uid,
        })
    }
}

/// Why the attributes do not describe a usable account.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdentityError {
    #[error("the identity provider released no username")]
    NoUsername,
    #[error("the identity provider released an unusable {0}")]
    Unusable(&'static str),
}

/// Where to go after signing in: a path of this site only (`/…`, not
/// `//host` nor `/\host`, which browsers read as another site), else home.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.starts_with("/\\")
                && p.len() <= 512
                && !p.chars().any(char::is_control) =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn released(pairs: &[(&str, &str)]) -> Attributes {
        let mut attributes = Attributes::default();
        for (name, value) in pairs {
            attributes.push(name, (*value).to_owned());
        }
        attributes
    }

    #[test]
    fn supann_attributes_describe_the_person() {
        let map = AttributeMap::parse(DEFAULT_CAS_ATTRIBUTES, None).expect("default mapping");
        let person = map
            .person(
                "cmartin",
                &released(&[
                    ("givenName", "Camille"),
                    ("sn", "Martin"),
                    ("mail", "camille.martin@etu.univ-demo.fr"),
                    ("eduPersonAffiliation", "student"),
                    ("eduPersonAffiliation", "member"),
                    ("supannEtuId", "22401234"),
                ]),
            )
            .expect("usable");
        assert_eq!(person.uid, "cmartin");
        assert_eq!(person.display_name, "Camille Martin");
        assert_eq!(person.affiliations, ["student", "member"]);
        assert_eq!(person.student_number.as_deref(), Some("22401234"));
        assert_eq!(person.department, None);
    }

    #[test]
    fn a_mapping_names_other_attributes_and_refuses_unknown_fields() {
        let map = AttributeMap::parse(
            DEFAULT_CAS_ATTRIBUTES,
            Some("student_number=employeeNumber, username=uid"),
        )
        .expect("valid");
        assert_eq!(map.student_number, "employeeNumber");
        assert_eq!(map.email, "mail");
        let person = map
            .person(
                "ignored",
                &released(&[("UID", "ldurand"), ("employeeNumber", "1")]),
            )
            .expect("usable");
        assert_eq!(person.uid, "ldurand");
        assert_eq!(person.display_name, "ldurand");
        assert!(AttributeMap::parse(DEFAULT_CAS_ATTRIBUTES, Some("birthday=dob")).is_err());
        assert!(AttributeMap::parse(DEFAULT_CAS_ATTRIBUTES, Some("email")).is_err());
    }

    #[test]
    fn unusable_identities_are_refused_not_cut() {
        let map = AttributeMap::parse(DEFAULT_CAS_ATTRIBUTES, None).expect("default");
        assert_eq!(
            map.person(" ", &Attributes::default()),
            Err(IdentityError::NoUsername)
        );
        assert_eq!(
            map.person("a b", &Attributes::default()),
            Err(IdentityError::Unusable("username"))
        );
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        assert_eq!(
            map.person("u", &released(&[("sn", &long)])),
            Err(IdentityError::Unusable("last_name"))
        );
    }

    #[test]
    fn look_alike_usernames_are_refused() {
        let map = AttributeMap::parse(DEFAULT_CAS_ATTRIBUTES, None).expect("default");
        for uid in ["\u{430}dmin", "ａdmin", "admi\u{301}n", "jean/../admin"] {
            assert_eq!(
                map.person(uid, &Attributes::default()),
                Err(IdentityError::Unusable("username")),
                "{uid}"
            );
        }
        assert!(
            map.person("jean-marc.dupont_2@univ.fr", &Attributes::default())
                .is_ok()
        );
    }

    #[test]
    fn only_paths_of_this_site_are_followed() {
        assert_eq!(local_path(Some("/conventions/3")), "/conventions/3");
        assert_eq!(local_path(Some("//evil.example/")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(Some("https://evil.example/")), "/");
        assert_eq!(local_path(None), "/");
    }
}
