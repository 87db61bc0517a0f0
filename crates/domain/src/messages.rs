//! Message keys and the message texts, shipped as data.
//!
//! Every key the crate can emit (violations, refusals, identifier errors) is
//! a variant of [`MessageKey`], declared once below with the names of its
//! placeables. The texts are Fluent files, French being the reference:
//! [`RULES_FTL_FR`] and [`RULES_FTL_EN`]. Tests check that both files hold
//! exactly these keys with exactly these placeables, and that they load in
//! a Fluent bundle.

/// The French messages (reference), `locales/fr/rules.ftl`.
pub const RULES_FTL_FR: &str = include_str!("../locales/fr/rules.ftl");

/// The English messages, `locales/en/rules.ftl`.
pub const RULES_FTL_EN: &str = include_str!("../locales/en/rules.ftl");

/// Declares an enum of Fluent message ids with their placeables: the
/// domain's [`MessageKey`] and the server's own texts use it, so that each
/// has `ALL`, `as_str` and `args` for its completeness test.
#[macro_export]
#[doc(hidden)]
macro_rules! fluent_keys {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal [$($arg:literal),*],)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                #[doc = concat!("`", $key, "`")]
                $variant,
            )*
        }

        impl $name {
            /// Every key, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The fluent message id.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }

            /// The names of the message's placeables (`$max` → `"max"`).
            pub const fn args(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($arg),*],)*
                }
            }
        }
    };
}

fluent_keys! {
    /// A fluent message key the crate can emit.
    MessageKey {
        FieldRequired = "field-required" [],
        TextTooLong = "text-too-long" ["max"],

        IdSiretFormat = "id-siret-format" [],
        IdSiretAllZero = "id-siret-all-zero" [],
        IdSiretChecksum = "id-siret-checksum" [],
        IdSiretSirenChecksum = "id-siret-siren-checksum" [],
        IdSirenFormat = "id-siren-format" [],
        IdSirenAllZero = "id-siren-all-zero" [],
        IdSirenChecksum = "id-siren-checksum" [],
        IdNafFormat = "id-naf-format" [],
        IdPostalCodeFormat = "id-postal-code-format" [],
        IdIneFormat = "id-ine-format" [],
        IdIneChecksum = "id-ine-checksum" [],
        IdPhoneFormat = "id-phone-format" [],
        FmtEmail = "fmt-email" [],
        FmtCountry = "fmt-country" [],
        FmtCurrency = "fmt-currency" [],
        FmtAcademicYear = "fmt-academic-year" [],
        FmtConventionNumber = "fmt-convention-number" [],
        FmtDaysPerWeek = "fmt-days-per-week" [],
        FmtValidationOrder = "fmt-validation-order" [],

        Id03SiretRequired = "id-03-siret-required" [],
        Id04NafOrActivityRequired = "id-04-naf-or-activity-required" [],
        Id10AmountNotPositive = "id-10-amount-not-positive" [],
        Id10DailyHoursRange = "id-10-daily-hours-range" ["max"],
        Id10PartTimePercentage = "id-10-part-time-percentage" ["min", "max"],
        Conv03StartNotInFuture = "conv-03-start-not-in-future" ["start"],
        Conv03NotSignedBeforeStart = "conv-03-not-signed-before-start" ["start"],
        Conv04TeachingHours = "conv-04-teaching-hours" ["hours", "min"],
        Conv07EndAfterAcademicYear = "conv-07-end-after-academic-year" ["limit", "academic_year"],
        Dur02MaxHoursPerHost = "dur-02-max-hours-per-host" ["hours", "other_hours", "max"],
        Dur03WaitingPeriod = "dur-03-waiting-period" ["earliest", "days"],
        Dur03SamePostToReview = "dur-03-same-post-to-review" ["previous_start", "previous_end", "earliest", "days"],
        Dur03NextInternToReview = "dur-03-next-intern-to-review" ["next_start", "next_end", "days"],
        Dur03NextInternTooSoon = "dur-03-next-intern-too-soon" ["next_start", "days"],
        Dur04WeeklyHoursAboveLegal = "dur-04-weekly-hours-above-legal" ["hours", "max"],
        Dur04DailyHoursAboveLegal = "dur-04-daily-hours-above-legal" ["hours", "max"],
        Dur05EndBeforeStart = "dur-05-end-before-start" [],
        Dur05PeriodInverted = "dur-05-period-inverted" [],
        Dur05PeriodOutside = "dur-05-period-outside" ["start", "end"],
        Dur05PeriodsOverlap = "dur-05-periods-overlap" [],
        Dur05WeeklyHoursAboveCap = "dur-05-weekly-hours-above-cap" ["hours", "max"],
        Saf07MinorWeeklyHours = "saf-07-minor-weekly-hours" ["hours", "max"],
        Saf07MinorDailyHours = "saf-07-minor-daily-hours" ["hours", "max"],
        Saf07MinorNightWork = "saf-07-minor-night-work" [],
        Abr03TooLong = "abr-03-too-long" ["months", "end", "last_covered"],
        Abr03PaidAboveLimit = "abr-03-paid-above-limit" ["hourly", "limit", "year"],
        Abr03ForeignCurrency = "abr-03-foreign-currency" ["currency", "limit"],
        Ovl01Overlap = "ovl-01-overlap" ["count"],
        Grat01StipendMandatory = "grat-01-stipend-mandatory" ["hours", "threshold"],
        Grat02BelowMinimum = "grat-02-below-minimum" ["hourly", "minimum", "year"],
        Grat02BelowKnownMinimum = "grat-02-below-known-minimum" ["hourly", "minimum", "year", "rate_year"],
        Grat02RateUnknown = "grat-02-rate-unknown" ["year"],
        Grat02RateYear = "grat-02-rate-year" ["min", "max"],
        Grat02RateAmount = "grat-02-rate-amount" ["min", "max"],
        Grat02RateDecreases = "grat-02-rate-decreases" ["year", "rate"],
        Grat02RateIncreases = "grat-02-rate-increases" ["year", "rate"],
        Grat02RateGap = "grat-02-rate-gap" ["last"],
        Grat02RateExists = "grat-02-rate-exists" ["year"],
        Grat04StipendNowMandatory = "grat-04-stipend-now-mandatory" ["hours", "threshold"],
        Grat04CatchUpFromFirstDay = "grat-04-catch-up-from-first-day" ["hours", "threshold"],
        Grat05PublicHostAboveRate = "grat-05-public-host-above-rate" ["hourly", "rate"],
        Grat05PublicHostBelowRate = "grat-05-public-host-below-rate" ["hourly", "rate"],
        Grat11PublicHostIndemnity = "grat-11-public-host-indemnity" [],
        Abs02LeaveRequired = "abs-02-leave-required" ["hours", "threshold"],
        Enc01SupervisorOverloaded = "enc-01-supervisor-overloaded" ["ongoing", "max"],
        Enc02TutorOverloaded = "enc-02-tutor-overloaded" ["ongoing", "max"],
        Enc03HostQuota = "enc-03-host-quota" ["ongoing", "quota", "headcount", "week"],
        Eval01AnswerType = "eval-01-answer-type" [],
        Eval01ScaleRange = "eval-01-scale-range" ["min", "max"],
        Eval03Submitted = "eval-03-submitted" [],
        Ofr01InternshipContract = "ofr-01-internship-contract" [],
        Ofr01ApprenticeshipContract = "ofr-01-apprenticeship-contract" [],
        Ofr02AlreadyPublished = "ofr-02-already-published" [],
        Ofr02NotPublished = "ofr-02-not-published" [],
        Ofr02Closed = "ofr-02-closed" [],
        Avn02NoChange = "avn-02-no-change" [],
        Avn02DuplicateChange = "avn-02-duplicate-change" ["kind"],
        Avn02TerminationOutside = "avn-02-termination-outside" ["start", "end"],
        Avn02ServiceNeedsTutor = "avn-02-service-needs-tutor" [],
        Avn02AnotherHost = "avn-02-another-host" [],
        Enr01NotTheStudents = "enr-01-not-the-students" [],
        Enr02Fixed = "enr-02-fixed" [],
        Ref01NoSuchHost = "ref-01-no-such-host" [],
        Ref02NoSuchOffer = "ref-02-no-such-offer" [],
        Ref02NotAServiceOfTheHost = "ref-02-not-a-service-of-the-host" [],
        Ref03NotAContactOfTheService = "ref-03-not-a-contact-of-the-service" [],
        Ref04NotATeacher = "ref-04-not-a-teacher" [],
        Ref05NotAContactOfTheHost = "ref-05-not-a-contact-of-the-host" [],
        Att01Incomplete = "att-01-incomplete" [],
        Route02Taken = "route-02-taken" ["code"],

        Wf01AlreadyCreated = "wf-01-already-created" [],
        Wf02StepsIncomplete = "wf-02-steps-incomplete" ["steps"],
        Wf03OutOfOrder = "wf-03-out-of-order" ["expected"],
        Wf04LevelNotEnabled = "wf-04-level-not-enabled" ["level"],
        Wf05LevelAlreadyGiven = "wf-05-level-already-given" ["level"],
        Wf06BlockingViolations = "wf-06-blocking-violations" ["count"],
        Wf07NotLastLevel = "wf-07-not-last-level" ["last"],
        Wf08LevelNotGiven = "wf-08-level-not-given" ["level"],
        Wf09ReasonRequired = "wf-09-reason-required" [],
        Wf10AlreadyValidated = "wf-10-already-validated" [],
        Wf11NotCreated = "wf-11-not-created" [],
        Wf12Terminated = "wf-12-terminated" [],
        Wf14CertificateBeforeEnd = "wf-14-certificate-before-end" ["end"],
        Wf15ValidationGiven = "wf-15-validation-given" [],
        NotValidated = "not-validated" [],
        AmendmentExists = "amendment-exists" [],
        AmendmentValidated = "amendment-validated" [],
        Perm01NotRelated = "perm-01-not-related" [],
        Perm02StudentNeverValidates = "perm-02-student-never-validates" [],
        Perm03SupervisorPedagogicalOnly = "perm-03-supervisor-pedagogical-only" [],
        Perm04RoleNotAllowed = "perm-04-role-not-allowed" [],
        Perm05StudentEditUntilFirstValidation = "perm-05-student-edit-until-first-validation" [],
        Perm06PrintCondition = "perm-06-print-condition" ["condition"],
        Perm07AmendmentNotValidated = "perm-07-amendment-not-validated" [],
        Perm08EvaluationBeforeEnd = "perm-08-evaluation-before-end" ["end"],
        Perm08EvaluationEndUnknown = "perm-08-evaluation-end-unknown" [],
        Perm09EvaluationNotYours = "perm-09-evaluation-not-yours" [],
        Perm10StudentsMayNotCreate = "perm-10-students-may-not-create" [],
        Perm11AdminOnly = "perm-11-admin-only" [],
        Perm12StaffOnly = "perm-12-staff-only" [],
        Perm13NotYourRecord = "perm-13-not-your-record" [],
        Perm14NotCentreManager = "perm-14-not-centre-manager" [],
        Perm16LevelNotGranted = "perm-16-level-not-granted" [],
        Perm16PrintNotGranted = "perm-16-print-not-granted" [],
        Perm16EvaluationsNotGranted = "perm-16-evaluations-not-granted" [],
        Perm16TicketsNotGranted = "perm-16-tickets-not-granted" [],
        Perm16StatisticsNotGranted = "perm-16-statistics-not-granted" [],
        Perm15NamedBySubmittedConvention = "perm-15-named-by-submitted-convention" [],
        Route01NoCentre = "route-01-no-centre" ["programme"],
        Tkt01Closed = "tkt-01-closed" [],

        Json01Unreadable = "json-01-unreadable" ["detail"],
        Json01Invalid = "json-01-invalid" ["detail"],
        Path01Invalid = "path-01-invalid" ["detail"],
        Text01ControlCharacter = "text-01-control-character" ["character"],
        Text02Script = "text-02-script" ["character"],
        Query01Invalid = "query-01-invalid" ["detail"],
        Query01OneOf = "query-01-one-of" ["allowed"],
        Query01PublishedOnly = "query-01-published-only" [],
        Query01OneOfTwo = "query-01-one-of-two" ["other"],
        Query01Needs = "query-01-needs" ["other"],
        Query02TooLong = "query-02-too-long" ["max"],
        Query02ParameterTooLong = "query-02-parameter-too-long" ["max"],
        Page01Limit = "page-01-limit" ["max"],
        Page02Cursor = "page-02-cursor" [],
        Search01Siret = "search-01-siret" [],
        Search01Naf = "search-01-naf" [],
        Search01Phone = "search-01-phone" [],
        Search02TooShort = "search-02-too-short" ["min"],
        Search03TooLong = "search-03-too-long" ["max"],
        Search03TooManyWords = "search-03-too-many-words" ["given", "max"],
        Search04Empty = "search-04-empty" [],
        Auth01Username = "auth-01-username" ["max"],
        Auth02Password = "auth-02-password" ["max"],
        Auth03PasswordShort = "auth-03-password-short" ["min"],
        Auth03PasswordLong = "auth-03-password-long" ["max"],
        Auth03PasswordGuessable = "auth-03-password-guessable" [],
        Auth04WrongCurrentPassword = "auth-04-wrong-current-password" [],
        Auth05NotALocalAccount = "auth-05-not-a-local-account" [],
        Account01NoAccess = "account-01-no-access" [],
        Account02ReservedName = "account-02-reserved-name" [],
        Auth06MustChangePassword = "auth-06-must-change-password" [],
        Admin01OwnAccount = "admin-01-own-account" [],
        Admin02LastAdmin = "admin-02-last-admin" [],
        Scope01ReadOnly = "scope-01-read-only" [],
        Scope02NoScope = "scope-02-no-scope" [],
        Scope03Lifetime = "scope-03-lifetime" ["max"],
        Form01Length = "form-01-length" ["max"],
        Form02UnknownUser = "form-02-unknown-user" [],
        Form03ListTooLong = "form-03-list-too-long" ["max"],
        Form04Duplicate = "form-04-duplicate" [],
        Sig01PartyTwice = "sig-01-party-twice" [],
        Sig01RepresentativeAdded = "sig-01-representative-added" [],
        Sig01RequiredParties = "sig-01-required-parties" [],
        Sig02NotValidated = "sig-02-not-validated" [],
        Sig03AlreadySent = "sig-03-already-sent" [],
        Sig04NotSent = "sig-04-not-sent" [],
        Sig05NotAParty = "sig-05-not-a-party" [],
        Sig06AlreadySigned = "sig-06-already-signed" [],
        Sig07NotYourTurn = "sig-07-not-your-turn" [],
        Sig08SignatureDate = "sig-08-signature-date" ["from", "today"],
        Sig09SignedIsAmended = "sig-09-signed-is-amended" [],
        Sig10NotSigned = "sig-10-not-signed" [],
        Sig15OutForSignature = "sig-15-out-for-signature" [],
        Sig16NoAddress = "sig-16-no-address" [],
        Sig17AddressNotVouched = "sig-17-address-not-vouched" [],
        Sig17NotVouchable = "sig-17-not-vouchable" [],
        Sig12WrongCode = "sig-12-wrong-code" [],
        Sig12LinkLocked = "sig-12-link-locked" [],
        Sig13OtherDocument = "sig-13-other-document" [],
        Sig14ReminderDays = "sig-14-reminder-days" ["max"],
        Fmt04Image = "fmt-04-image" [],
        Fmt05Scan = "fmt-05-scan" [],
        Csv01Invalid = "csv-01-invalid" ["detail"],
        Csv01Line = "csv-01-line" ["detail"],
        Csv02StudentNumber = "csv-02-student-number" ["max"],
        Csv02TeachingHours = "csv-02-teaching-hours" ["max"],
        Csv02BirthDate = "csv-02-birth-date" [],
        Batch01TooLarge = "batch-01-too-large" ["max"],
        Ref06NoSuchConvention = "ref-06-no-such-convention" [],
        Ref07NoSuchUser = "ref-07-no-such-user" [],
        Nom01CodesFixed = "nom-01-codes-fixed" [],
        Nom02Unknown = "nom-02-unknown" ["code"],
        Srv01HasContacts = "srv-01-has-contacts" ["count"],
        Srv02NamedByConventions = "srv-02-named-by-conventions" ["count"],
        Org01SiretTaken = "org-01-siret-taken" ["siret", "existing"],
        Eval02NoQuestion = "eval-02-no-question" [],
        Eval02SectionTitle = "eval-02-section-title" [],
        Eval02QuestionCode = "eval-02-question-code" [],
        Eval02QuestionText = "eval-02-question-text" [],
        Eval02ChoiceOptions = "eval-02-choice-options" [],
        Eval02KindMismatch = "eval-02-kind-mismatch" [],
        DbDuplicate = "db-duplicate" [],
    }
}

impl MessageKey {
    /// The key with this fluent id, if the crate emits it.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == id)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → placeable names, read from a Fluent file: a message
    /// starts at column 0 with `id =`, continues on indented lines.
    fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in ftl.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ')
                && let Some((id, _)) = line.split_once(" =")
            {
                current = Some(id.trim().to_owned());
                out.entry(id.trim().to_owned()).or_default();
            }
            if let Some(id) = &current {
                let vars = out.entry(id.clone()).or_default();
                for part in line.split('$').skip(1) {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_key_is_in_both_files_with_its_placeables() {
        for (lang, ftl) in [("fr", RULES_FTL_FR), ("en", RULES_FTL_EN)] {
            let found = messages(ftl);
            for key in MessageKey::ALL {
                let vars = found
                    .get(key.as_str())
                    .unwrap_or_else(|| panic!("{lang}: missing {}", key.as_str()));
                let declared: BTreeSet<String> =
                    key.args().iter().map(|s| (*s).to_owned()).collect();
                assert_eq!(vars, &declared, "{lang}: placeables of {}", key.as_str());
            }
            for id in found.keys() {
                assert!(
                    MessageKey::from_id(id).is_some(),
                    "{lang}: {id} is never emitted"
                );
            }
        }
    }

    #[test]
    fn files_load_and_format_in_fluent() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
        for (lang, ftl) in [("fr", RULES_FTL_FR), ("en", RULES_FTL_EN)] {
            let resource = FluentResource::try_new(ftl.to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
            let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).unwrap();
            for key in MessageKey::ALL {
                let message = bundle.get_message(key.as_str()).unwrap();
                let mut args = FluentArgs::new();
                for name in key.args() {
                    args.set(*name, "1");
                }
                let mut errors = vec![];
                let text =
                    bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} {}: {errors:?}", key.as_str());
                assert!(!text.trim().is_empty());
            }
        }
    }

    #[test]
    fn french_selectors_render_the_words_users_read() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
        let resource = FluentResource::try_new(RULES_FTL_FR.to_owned()).unwrap();
        let mut bundle = FluentBundle::new(vec!["fr".parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        let render = |key: MessageKey, name: &str, value: fluent_bundle::FluentValue<'static>| {
            let mut args = FluentArgs::new();
            args.set(name.to_owned(), value);
            let pattern = bundle.get_message(key.as_str()).unwrap().value().unwrap();
            bundle
                .format_pattern(pattern, Some(&args), &mut vec![])
                .into_owned()
        };
        assert_eq!(
            render(MessageKey::Ovl01Overlap, "count", 1.into()),
            "Les dates chevauchent une autre convention de l'étudiant."
        );
        assert_eq!(
            render(MessageKey::Ovl01Overlap, "count", 2.into()),
            "Les dates chevauchent 2 autres conventions de l'étudiant."
        );
        assert!(
            render(MessageKey::Wf03OutOfOrder, "expected", "pedagogical".into())
                .contains("la validation pédagogique doit être donnée d'abord")
        );
    }

    #[test]
    fn ids_are_unique() {
        let ids: BTreeSet<&str> = MessageKey::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(ids.len(), MessageKey::ALL.len());
    }
}
