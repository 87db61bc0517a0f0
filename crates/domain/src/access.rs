//! Who may act on the records around conventions (reference tables,
//! centres, host organisations, tickets), and which centre manages a
//! convention. Conventions themselves are in [`crate::permissions`].

use serde::{Deserialize, Serialize};

use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::staff::{self, Right, StaffRights};

/// What a person acts as, from the directory (affiliation) and from the
/// database (admin flag, centre membership).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Enrolled student.
    Student,
    /// Teaching staff: academic supervisor.
    Supervisor,
    /// Staff of a management centre.
    Manager,
    /// Administrator of the whole installation.
    Admin,
}

fn has(roles: &[Role], role: Role) -> bool {
    roles.contains(&role)
}

/// Managers and administrators.
pub fn is_staff(roles: &[Role]) -> bool {
    has(roles, Role::Manager) || has(roles, Role::Admin)
}

/// An offer: written by a centre's staff; its managers and the
/// administrators change it (another centre's managers do not).
pub fn may_manage_offer(roles: &[Role], manages_its_centre: bool) -> Result<(), Refusal> {
    may_edit_centre(roles, manages_its_centre)
}

/// The indicators of one centre (`Some(the caller's rights there, if they
/// manage it)`): the administrators, and its managers whose rights include
/// statistics (PERM-16); of the whole university (`None`): the
/// administrators.
pub fn may_view_statistics(
    roles: &[Role],
    centre: Option<Option<StaffRights>>,
) -> Result<(), Refusal> {
    match centre {
        Some(rights) => may_do_centre_work(roles, rights, |r| r.statistics, Right::Statistics),
        None => may_administer(roles),
    }
}

/// Work on the installation itself: API tokens, enrolment imports.
pub fn may_administer(roles: &[Role]) -> Result<(), Refusal> {
    if has(roles, Role::Admin) {
        Ok(())
    } else {
        Err(Refusal::forbidden("PERM-11", MessageKey::Perm11AdminOnly))
    }
}

/// What an administrator does to someone's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountChange {
    /// The account stops signing in; its sessions and tokens end.
    Deactivate,
    Reactivate,
    GrantAdmin,
    RevokeAdmin,
    /// A temporary password, to be changed at the next sign-in.
    ResetPassword,
}

/// What the database knows of the account to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountFacts {
    /// It is the caller's own account.
    pub is_caller: bool,
    /// It is an active administrator's.
    pub active_admin: bool,
    /// Active administrators besides it.
    pub other_active_admins: i64,
    /// It signs in with a password kept by Stages.
    pub local_password: bool,
}

/// Who changes an account, and which changes are refused:
/// - PERM-11: administrators only;
/// - ADMIN-01: an administrator neither deactivates their own account nor
///   revokes their own rights (undoing it would need another one), nor
///   resets their own password (they change it on their account page);
/// - ADMIN-02: the last active administrator stays active and one;
/// - AUTH-05: only a local account has a password to reset.
pub fn may_change_account(
    roles: &[Role],
    change: AccountChange,
    facts: AccountFacts,
) -> Result<(), Refusal> {
    may_administer(roles)?;
    let removes_an_admin = matches!(
        change,
        AccountChange::Deactivate | AccountChange::RevokeAdmin
    );
    let locks_out = removes_an_admin || change == AccountChange::ResetPassword;
    if locks_out && facts.is_caller {
        return Err(Refusal::new("ADMIN-01", MessageKey::Admin01OwnAccount));
    }
    if removes_an_admin && facts.active_admin && facts.other_active_admins == 0 {
        return Err(Refusal::new("ADMIN-02", MessageKey::Admin02LastAdmin));
    }
    if change == AccountChange::ResetPassword && !facts.local_password {
        return Err(crate::requests::not_a_local_account());
    }
    Ok(())
}

/// AUTH-06: an account whose password an administrator reset works only
/// to change it, until it is changed.
pub fn may_act_before_changing_password(must_change_password: bool) -> Result<(), Refusal> {
    if must_change_password {
        Err(Refusal::forbidden(
            "AUTH-06",
            MessageKey::Auth06MustChangePassword,
        ))
    } else {
        Ok(())
    }
}

/// Reference tables (nomenclatures) and the list of centres change with the
/// whole institution: administrators only.
pub fn may_manage_reference_data(roles: &[Role]) -> Result<(), Refusal> {
    may_administer(roles)
}

/// A centre's details and settings: its administrators, and the managers
/// of that centre. Its staff list and routing stay with administrators
/// ([`may_manage_reference_data`]), or a manager could take over another
/// centre's programmes.
pub fn may_edit_centre(roles: &[Role], manages_this_centre: bool) -> Result<(), Refusal> {
    if has(roles, Role::Admin) || (has(roles, Role::Manager) && manages_this_centre) {
        Ok(())
    } else {
        Err(Refusal::forbidden(
            "PERM-14",
            MessageKey::Perm14NotCentreManager,
        ))
    }
}

/// A right a manager needs in the centre for centre-wide work (`rights`:
/// the caller's there, if they manage it): administrators always; a
/// manager of the centre when `granted(rights)`, PERM-16 naming `right`
/// otherwise; anyone else PERM-14.
pub fn may_do_centre_work(
    roles: &[Role],
    rights: Option<StaffRights>,
    granted: fn(StaffRights) -> bool,
    right: Right,
) -> Result<(), Refusal> {
    if has(roles, Role::Admin) {
        return Ok(());
    }
    may_edit_centre(roles, rights.is_some())?;
    staff::require(rights.is_some_and(granted), right)
}

/// The centre's validation levels and print condition decide what its
/// managers' rights mean: changing them takes every validation right and
/// the print right (or an administrator), or a manager could drop the
/// level they may not give.
pub fn may_change_centre_rules(roles: &[Role], rights: Option<StaffRights>) -> Result<(), Refusal> {
    may_do_centre_work(
        roles,
        rights,
        |r| {
            r.validate_pedagogical
                && r.validate_administrative_check
                && r.validate_administrative
                && r.print
        },
        Right::Validate,
    )
}

/// Anyone signed in may record a host organisation, a service or a contact
/// (seed §4.2: "il vous sera proposé de le créer").
pub fn may_create_host_record(roles: &[Role]) -> Result<(), Refusal> {
    if roles.is_empty() {
        Err(Refusal::forbidden(
            "PERM-04",
            MessageKey::Perm04RoleNotAllowed,
        ))
    } else {
        Ok(())
    }
}

/// What is known of a host record (organisation, service, contact) when
/// someone asks to change it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HostRecordFacts {
    /// The caller created it.
    pub created_by_caller: bool,
    /// Someone else changed it since.
    pub changed_by_someone_else: bool,
    /// A created (submitted) convention names it as its host, service,
    /// tutor or signatory.
    pub named_by_submitted_convention: bool,
}

/// Staff correct any host record. Others only one they created and nobody
/// else changed since (ESUP-Stage's owner rule), so that a student cannot
/// rewrite an organisation other conventions rely on; they report errors
/// through a ticket instead (seed §4.2). Once a created convention names
/// the record, only staff change it (PERM-15): the student could otherwise
/// give her tutor's address as her own and receive the tutor's evaluation
/// link, or alter what the school is about to sign.
pub fn may_edit_host_record(roles: &[Role], facts: HostRecordFacts) -> Result<(), Refusal> {
    if is_staff(roles) {
        Ok(())
    } else if facts.named_by_submitted_convention {
        Err(Refusal::forbidden(
            "PERM-15",
            MessageKey::Perm15NamedBySubmittedConvention,
        ))
    } else if facts.created_by_caller && !facts.changed_by_someone_else {
        Ok(())
    } else {
        Err(Refusal::forbidden(
            "PERM-13",
            MessageKey::Perm13NotYourRecord,
        ))
    }
}

/// Deactivating an organisation, reading a record's change history, and
/// answering or closing tickets are staff work.
pub fn may_do_staff_work(roles: &[Role]) -> Result<(), Refusal> {
    if is_staff(roles) {
        Ok(())
    } else {
        Err(Refusal::forbidden("PERM-12", MessageKey::Perm12StaffOnly))
    }
}

/// Answering a ticket: the administrators, and the managers of the centre
/// that handles it whose rights include tickets (PERM-16); `rights` are the
/// caller's in that centre, if they manage it.
pub fn may_answer_ticket(roles: &[Role], rights: Option<StaffRights>) -> Result<(), Refusal> {
    may_do_staff_work(roles)?;
    may_do_centre_work(roles, rights, |r| r.tickets, Right::Tickets)
}

/// A ticket is read by its author and by staff.
///
/// Among staff, administrators read every ticket and a manager those of
/// the centres they manage (a ticket belongs to its convention's centre,
/// else its author's, else the fallback centre).
pub fn may_view_ticket(
    roles: &[Role],
    is_author: bool,
    manages_its_centre: bool,
) -> Result<(), Refusal> {
    if is_author || has(roles, Role::Admin) || (is_staff(roles) && manages_its_centre) {
        Ok(())
    } else {
        Err(Refusal::forbidden("PERM-01", MessageKey::Perm01NotRelated))
    }
}

/// What a centre manages: a programme (étape) or a whole faculty (UFR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RouteKind {
    /// One programme, by its code.
    Programme,
    /// Every programme of a faculty, by its code.
    Faculty,
}

/// One routing rule: conventions of this programme or faculty go to `centre`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route<C> {
    /// Programme or faculty.
    pub kind: RouteKind,
    /// Its code in the student information system.
    pub code: String,
    /// The centre.
    pub centre: C,
}

/// ACCOUNT-01: an account reaches Stages while it is active and its
/// affiliation or flags give it at least one role.
pub fn may_sign_in(active: bool, roles: &[Role]) -> Result<(), Refusal> {
    if active && !roles.is_empty() {
        Ok(())
    } else {
        Err(Refusal::forbidden(
            "ACCOUNT-01",
            MessageKey::Account01NoAccess,
        ))
    }
}

/// ACCOUNT-02: a directory identity never signs in as the local account
/// of the same name (an emergency administrator, a demo account).
pub fn directory_name_reserved() -> Refusal {
    Refusal::forbidden("ACCOUNT-02", MessageKey::Account02ReservedName)
}

/// SCOPE-01: a token whose scopes lack `write` only reads.
pub fn may_write_with_token(has_write_scope: bool) -> Result<(), Refusal> {
    if has_write_scope {
        Ok(())
    } else {
        Err(Refusal::forbidden("SCOPE-01", MessageKey::Scope01ReadOnly))
    }
}

/// ROUTE-02: a programme or faculty is managed by one centre only; `code`
/// is already another centre's.
pub fn route_taken(code: &str) -> Refusal {
    Refusal::new("ROUTE-02", MessageKey::Route02Taken).with_arg("code", code)
}

/// The centre that manages a convention of this enrolment: the centre of
/// the programme, else of the faculty, else the institution's fallback
/// centre (ESUP-Stage's "établissement" centre for orphan conventions).
pub fn route_convention<C: Clone>(
    programme: &str,
    faculty: &str,
    routes: &[Route<C>],
    fallback: Option<C>,
) -> Result<C, Refusal> {
    let find = |kind: RouteKind, code: &str| {
        routes
            .iter()
            .find(|r| r.kind == kind && r.code == code)
            .map(|r| r.centre.clone())
    };
    find(RouteKind::Programme, programme)
        .or_else(|| find(RouteKind::Faculty, faculty))
        .or(fallback)
        .ok_or_else(|| {
            Refusal::new("ROUTE-01", MessageKey::Route01NoCentre).with_arg("programme", programme)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes() -> Vec<Route<u32>> {
        vec![
            Route {
                kind: RouteKind::Faculty,
                code: "UFR-ST".into(),
                centre: 1,
            },
            Route {
                kind: RouteKind::Programme,
                code: "M1-INFO".into(),
                centre: 2,
            },
        ]
    }

    #[test]
    fn programme_beats_faculty_which_beats_the_fallback() {
        assert_eq!(
            route_convention("M1-INFO", "UFR-ST", &routes(), Some(9)),
            Ok(2)
        );
        assert_eq!(
            route_convention("L3-MATH", "UFR-ST", &routes(), Some(9)),
            Ok(1)
        );
        assert_eq!(
            route_convention("L1-HIST", "UFR-LLSH", &routes(), Some(9)),
            Ok(9)
        );
        let refusal =
            route_convention("L1-HIST", "UFR-LLSH", &routes(), None).expect_err("no centre");
        assert_eq!(refusal.rule, "ROUTE-01");
    }

    #[test]
    fn students_edit_only_their_untouched_records() {
        let student = [Role::Student];
        let facts = |created_by_caller, changed_by_someone_else| HostRecordFacts {
            created_by_caller,
            changed_by_someone_else,
            named_by_submitted_convention: false,
        };
        assert!(may_edit_host_record(&student, facts(true, false)).is_ok());
        assert_eq!(
            may_edit_host_record(&student, facts(true, true)).map_err(|r| r.rule),
            Err("PERM-13".to_owned())
        );
        assert!(may_edit_host_record(&student, facts(false, false)).is_err());
        assert!(may_edit_host_record(&[Role::Manager], facts(false, true)).is_ok());
    }

    #[test]
    fn a_record_a_created_convention_names_is_for_staff_only() {
        let named = HostRecordFacts {
            created_by_caller: true,
            changed_by_someone_else: false,
            named_by_submitted_convention: true,
        };
        assert_eq!(
            may_edit_host_record(&[Role::Student], named).map_err(|r| r.rule),
            Err("PERM-15".to_owned())
        );
        assert_eq!(
            may_edit_host_record(&[Role::Supervisor], named).map_err(|r| r.rule),
            Err("PERM-15".to_owned())
        );
        assert!(may_edit_host_record(&[Role::Manager], named).is_ok());
        assert!(may_edit_host_record(&[Role::Admin], named).is_ok());
    }

    #[test]
    fn only_admins_change_reference_data_and_managers_their_centre() {
        assert!(may_manage_reference_data(&[Role::Admin]).is_ok());
        assert!(may_manage_reference_data(&[Role::Manager]).is_err());
        assert!(may_edit_centre(&[Role::Manager], true).is_ok());
        assert!(may_edit_centre(&[Role::Manager], false).is_err());
        assert!(may_edit_centre(&[Role::Student], true).is_err());
        assert!(may_do_staff_work(&[Role::Supervisor]).is_err());
        assert!(may_view_ticket(&[Role::Student], true, false).is_ok());
        assert!(may_view_ticket(&[Role::Student], false, false).is_err());
        assert!(may_view_ticket(&[Role::Student], false, true).is_err());
        assert!(may_view_ticket(&[Role::Manager], false, true).is_ok());
        assert!(may_view_ticket(&[Role::Manager], false, false).is_err());
        assert!(may_view_ticket(&[Role::Admin], false, false).is_ok());
    }

    #[test]
    fn a_managers_rights_decide_tickets_and_statistics() {
        let without = StaffRights {
            tickets: false,
            statistics: false,
            ..StaffRights::ALL
        };
        let rule = |r: Result<(), Refusal>| r.map_err(|r| r.rule);
        let manager = [Role::Manager];
        assert!(may_answer_ticket(&manager, Some(StaffRights::ALL)).is_ok());
        assert_eq!(
            rule(may_answer_ticket(&manager, Some(without))),
            Err("PERM-16".into())
        );
        assert_eq!(
            rule(may_answer_ticket(&manager, None)),
            Err("PERM-14".into())
        );
        assert!(may_answer_ticket(&[Role::Admin], None).is_ok());
        assert_eq!(
            rule(may_answer_ticket(&[Role::Student], None)),
            Err("PERM-12".into())
        );
        assert!(may_view_statistics(&manager, Some(Some(StaffRights::ALL))).is_ok());
        assert_eq!(
            rule(may_view_statistics(&manager, Some(Some(without)))),
            Err("PERM-16".into())
        );
        assert_eq!(
            rule(may_view_statistics(&manager, Some(None))),
            Err("PERM-14".into())
        );
        assert_eq!(
            rule(may_view_statistics(&manager, None)),
            Err("PERM-11".into())
        );
        assert!(may_view_statistics(&[Role::Admin], Some(None)).is_ok());
    }

    #[test]
    fn administrators_do_not_lock_everyone_out() {
        let admin = [Role::Admin];
        let facts = AccountFacts {
            is_caller: false,
            active_admin: true,
            other_active_admins: 1,
            local_password: true,
        };
        let rule = |roles: &[Role], change, facts| {
            may_change_account(roles, change, facts).map_err(|r| r.rule)
        };
        assert_eq!(rule(&admin, AccountChange::Deactivate, facts), Ok(()));
        assert_eq!(
            rule(&[Role::Manager], AccountChange::Reactivate, facts),
            Err("PERM-11".to_owned())
        );
        let own = AccountFacts {
            is_caller: true,
            ..facts
        };
        for change in [AccountChange::Deactivate, AccountChange::RevokeAdmin] {
            assert_eq!(rule(&admin, change, own), Err("ADMIN-01".to_owned()));
        }
        assert_eq!(
            rule(&admin, AccountChange::ResetPassword, own),
            Err("ADMIN-01".to_owned())
        );
        assert_eq!(rule(&admin, AccountChange::GrantAdmin, own), Ok(()));
        let last = AccountFacts {
            other_active_admins: 0,
            ..facts
        };
        assert_eq!(
            rule(&admin, AccountChange::RevokeAdmin, last),
            Err("ADMIN-02".to_owned())
        );
        assert_eq!(rule(&admin, AccountChange::GrantAdmin, last), Ok(()));
        let sso = AccountFacts {
            local_password: false,
            ..facts
        };
        assert_eq!(
            rule(&admin, AccountChange::ResetPassword, sso),
            Err("AUTH-05".to_owned())
        );
        assert!(may_act_before_changing_password(false).is_ok());
        assert_eq!(
            may_act_before_changing_password(true).map_err(|r| r.rule),
            Err("AUTH-06".to_owned())
        );
    }
}
