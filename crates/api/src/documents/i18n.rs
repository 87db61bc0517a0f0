//! The wording of the documents and the locale formats of dates, numbers
//! and money.
//!
//! Every word printed comes from `crates/api/locales/<lang>/documents.ftl`
//! (French is the reference). The code names messages only through [`Key`],
//! whose [`Key::ALL`] a test checks against all five resources.
//!
//! fluent-rs does not format numbers for a locale, so numbers, amounts and
//! dates are formatted here, following CLDR, and handed to the messages as
//! text. Small counts that choose a plural form are passed as numbers.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use stages_domain::duration::DurationBreakdown;
use stages_domain::ids::Currency;
use stages_domain::model::AgreementLanguage;
use unic_langid::{LanguageIdentifier, langid};

/// Declares [`Key`], its message ids and [`Key::ALL`] from one list, so no
/// key can be used without being checked.
macro_rules! keys {
    ($($key:ident = $id:literal,)*) => {
        /// A message of `documents.ftl`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Key {
            $($key,)*
        }

        impl Key {
            /// Every key, for the completeness test.
            #[cfg(test)]
            pub(super) const ALL: &[Key] = &[$(Key::$key,)*];

            /// The message id in the `.ftl` files.
            pub(super) fn id(self) -> &'static str {
                match self {
                    $(Key::$key => $id,)*
                }
            }
        }
    };
}

keys! {
    // Page furniture.
    HeaderNumber = "header-number",
    FooterPage = "footer-page",
    // Formats.
    Date = "date",
    Month1 = "month-1",
    Month2 = "month-2",
    Month3 = "month-3",
    Month4 = "month-4",
    Month5 = "month-5",
    Month6 = "month-6",
    Month7 = "month-7",
    Month8 = "month-8",
    Month9 = "month-9",
    Month10 = "month-10",
    Month11 = "month-11",
    Month12 = "month-12",
    Hours = "hours",
    HoursMinutes = "hours-minutes",
    DurationBreakdown = "duration-breakdown",
    FromTo = "from-to",
    CountingRule = "counting-rule",
    CivilityMs = "civility-ms",
    CivilityMr = "civility-mr",
    // Field labels.
    LabelName = "label-name",
    LabelRepresentedBy = "label-represented-by",
    LabelPosition = "label-position",
    LabelAddress = "label-address",
    LabelPhone = "label-phone",
    LabelEmail = "label-email",
    LabelStudentNumber = "label-student-number",
    LabelIne = "label-ine",
    LabelBirthDate = "label-birth-date",
    LabelUsageName = "label-usage-name",
    LabelHealthInsurance = "label-health-insurance",
    LabelSiret = "label-siret",
    LabelActivity = "label-activity",
    LabelLegalStatus = "label-legal-status",
    LabelWebsite = "label-website",
    LabelDepartment = "label-department",
    LabelSupervisor = "label-supervisor",
    LabelTutor = "label-tutor",
    LabelInstitution = "label-institution",
    LabelCentre = "label-centre",
    LabelProgramme = "label-programme",
    LabelAcademicYear = "label-academic-year",
    LabelFaculty = "label-faculty",
    LabelTeachingHours = "label-teaching-hours",
    LabelTeachingElement = "label-teaching-element",
    LabelConventionType = "label-convention-type",
    LabelSubject = "label-subject",
    LabelTheme = "label-theme",
    LabelTasks = "label-tasks",
    LabelDetails = "label-details",
    LabelConfidentiality = "label-confidentiality",
    LabelSkills = "label-skills",
    LabelStart = "label-start",
    LabelEnd = "label-end",
    LabelInterruptions = "label-interruptions",
    LabelEffectivePresence = "label-effective-presence",
    LabelWeeklyHours = "label-weekly-hours",
    LabelDaysPerWeek = "label-days-per-week",
    LabelSchedule = "label-schedule",
    LabelWorkingTime = "label-working-time",
    LabelPresenceType = "label-presence-type",
    LabelWorkingTimeComment = "label-working-time-comment",
    LabelNightSundayHoliday = "label-night-sunday-holiday",
    LabelSupervisionMode = "label-supervision-mode",
    LabelStipendPaid = "label-stipend-paid",
    LabelStipendAmount = "label-stipend-amount",
    LabelPaymentMode = "label-payment-mode",
    LabelStipendTotal = "label-stipend-total",
    LabelLegalMinimum = "label-legal-minimum",
    LabelLeaveDays = "label-leave-days",
    LabelLeaveTerms = "label-leave-terms",
    LabelValidationMode = "label-validation-mode",
    LabelWorkToDeliver = "label-work-to-deliver",
    LabelBenefits = "label-benefits",
    LabelPeriod = "label-period",
    LabelDuration = "label-duration",
    LabelStipendPaidTotal = "label-stipend-paid-total",
    // Values.
    TeachingHoursValue = "teaching-hours-value",
    TypeInitialMandatory = "type-initial-mandatory",
    TypeInitialRecommended = "type-initial-recommended",
    TypeContinuingEducation = "type-continuing-education",
    TypeGapYear = "type-gap-year",
    TypeReorientation = "type-reorientation",
    ConfidentialityNone = "confidentiality-none",
    ConfidentialityTotal = "confidentiality-total",
    ConfidentialityFree = "confidentiality-free",
    ScheduleIrregular = "schedule-irregular",
    SchedulePeriod = "schedule-period",
    DaysPerWeekValue = "days-per-week-value",
    WorkingTimeFull = "working-time-full",
    WorkingTimePart = "working-time-part",
    PresenceContinuous = "presence-continuous",
    PresenceDiscontinuous = "presence-discontinuous",
    StipendNone = "stipend-none",
    StipendAmountValue = "stipend-amount-value",
    BasisGross = "basis-gross",
    BasisNet = "basis-net",
    UnitHour = "unit-hour",
    UnitDay = "unit-day",
    UnitWeek = "unit-week",
    UnitMonth = "unit-month",
    PaymentBankTransfer = "payment-bank-transfer",
    PaymentCheque = "payment-cheque",
    PaymentCash = "payment-cash",
    LegalMinimumValue = "legal-minimum-value",
    HourlyRate = "hourly-rate",
    HourlyRateFloor = "hourly-rate-floor",
    LegalMinimumUnknown = "legal-minimum-unknown",
    StipendMandatory = "stipend-mandatory",
    StipendOptional = "stipend-optional",
    StipendAbroad = "stipend-abroad",
    StipendContinuingEducation = "stipend-continuing-education",
    LeaveDaysValue = "leave-days-value",
    DurationValue = "duration-value",
    // Convention.
    ConventionTitle = "convention-title",
    ConventionSubtitle = "convention-subtitle",
    PartiesTitle = "parties-title",
    SignaturePageTitle = "signature-page-title",
    SignaturesIntro = "signatures-intro",
    SignaturesSeal = "signatures-seal",
    SignaturesPartyStudent = "signatures-party-student",
    SignaturesPartyLegalRepresentative = "signatures-party-legal-representative",
    SignaturesPartyHostSignatory = "signatures-party-host-signatory",
    SignaturesPartyTutor = "signatures-party-tutor",
    SignaturesPartySupervisor = "signatures-party-supervisor",
    SignaturesPartySchool = "signatures-party-school",
    SignaturesMethodElectronic = "signatures-method-electronic",
    SignaturesMethodPaper = "signatures-method-paper",
    LabelSigner = "label-signer",
    LabelSignedOn = "label-signed-on",
    LabelMethod = "label-method",
    LabelRecordedBy = "label-recorded-by",
    LabelNetworkAddress = "label-network-address",
    LabelUserAgent = "label-user-agent",
    LabelRecordedAt = "label-recorded-at",
    LabelScanHash = "label-scan-hash",
    PartyInstitution = "party-institution",
    PartyStudent = "party-student",
    PartyHost = "party-host",
    PartyService = "party-service",
    PartyTutor = "party-tutor",
    PartySupervisor = "party-supervisor",
    AgreedIntro = "agreed-intro",
    ArticleHeading = "article-heading",
    ArtProgramme = "art-programme",
    ArtSubject = "art-subject",
    ArtSkills = "art-skills",
    ArtDates = "art-dates",
    ArtHours = "art-hours",
    ArtSupervision = "art-supervision",
    ArtStipend = "art-stipend",
    ArtSocial = "art-social",
    ArtLeave = "art-leave",
    ArtTermination = "art-termination",
    ArtValidation = "art-validation",
    ArtBenefits = "art-benefits",
    ArtRules = "art-rules",
    ArtCertificate = "art-certificate",
    ClauseHours = "clause-hours",
    ClauseSupervision = "clause-supervision",
    ClauseStipend = "clause-stipend",
    ClauseSocial = "clause-social",
    ClauseLeave = "clause-leave",
    ClauseTermination = "clause-termination",
    ClauseValidation = "clause-validation",
    ClauseBenefits = "clause-benefits",
    ClauseRules = "clause-rules",
    ClauseCertificate = "clause-certificate",
    // Signatures.
    SignaturesTitle = "signatures-title",
    DoneAt = "done-at",
    SignStudent = "sign-student",
    SignInstitution = "sign-institution",
    SignHost = "sign-host",
    SignTutor = "sign-tutor",
    SignSupervisor = "sign-supervisor",
    SignDateSignature = "sign-date-signature",
    // Amendment.
    AmendmentTitle = "amendment-title",
    AmendmentSubtitle = "amendment-subtitle",
    AmendmentIntro = "amendment-intro",
    LabelConvention = "label-convention",
    LabelStudent = "label-student",
    LabelHost = "label-host",
    LabelAmendmentTitle = "label-amendment-title",
    LabelReason = "label-reason",
    ChangesTitle = "changes-title",
    NoChanges = "no-changes",
    LabelBefore = "label-before",
    LabelAfter = "label-after",
    ChangeTermination = "change-termination",
    ChangeDates = "change-dates",
    ChangeInterruptions = "change-interruptions",
    ChangeHostService = "change-host-service",
    ChangeSubject = "change-subject",
    ChangeSupervisor = "change-supervisor",
    ChangeTutor = "change-tutor",
    ChangeStipend = "change-stipend",
    ChangeOther = "change-other",
    PlannedEnd = "planned-end",
    TerminationValue = "termination-value",
    InitiatedByIntern = "initiated-by-intern",
    InitiatedByHost = "initiated-by-host",
    InitiatedBySchool = "initiated-by-school",
    // Minors (SAF-07) and internships abroad (ABR-01…03).
    LabelLegalRepresentative = "label-legal-representative",
    LabelNightWork = "label-night-work",
    NightWorkYes = "night-work-yes",
    NightWorkNo = "night-work-no",
    ClauseSocialAbroad = "clause-social-abroad",
    LabelAccidentCover = "label-accident-cover",
    AccidentCoverFrench = "accident-cover-french",
    AccidentCoverHost = "accident-cover-host",
    AccidentCoverToDeclare = "accident-cover-to-declare",
    AccidentCoverFrenchShort = "accident-cover-french-short",
    ClauseLeaveAbroad = "clause-leave-abroad",
    AnnexesTitle = "annexes-title",
    AnnexCountrySheet = "annex-country-sheet",
    SignLegalRepresentative = "sign-legal-representative",
    ChangeAccidentCover = "change-accident-cover",
    // Evaluation sheets.
    EvaluationTitleStudent = "evaluation-title-student",
    EvaluationTitleSupervisor = "evaluation-title-supervisor",
    EvaluationTitleTutor = "evaluation-title-tutor",
    EvaluationAbout = "evaluation-about",
    EvaluationSubmitted = "evaluation-submitted",
    EvaluationDraft = "evaluation-draft",
    EvaluationYes = "evaluation-yes",
    EvaluationNo = "evaluation-no",
    EvaluationUnanswered = "evaluation-unanswered",
    EvaluationScale = "evaluation-scale",
    // Certificate.
    CertificateTitle = "certificate-title",
    CertificateLegalBasis = "certificate-legal-basis",
    CertificateHost = "certificate-host",
    CertificateCertifies = "certificate-certifies",
    CertificateInternship = "certificate-internship",
    CertificateTerminatedEarly = "certificate-terminated-early",
    CertificateNoStipend = "certificate-no-stipend",
    CertificatePension = "certificate-pension",
    CertificateRepresentative = "certificate-representative",
}

impl Key {
    /// The month's name, 1 = January.
    fn month(month: u32) -> Key {
        const MONTHS: [Key; 12] = [
            Key::Month1,
            Key::Month2,
            Key::Month3,
            Key::Month4,
            Key::Month5,
            Key::Month6,
            Key::Month7,
            Key::Month8,
            Key::Month9,
            Key::Month10,
            Key::Month11,
            Key::Month12,
        ];
        let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
        MONTHS.get(index).copied().unwrap_or(Key::Month1)
    }
}

/// The resources, in the order of [`index`].
const RESOURCES: [(&str, LanguageIdentifier); 5] = [
    (
        include_str!("../../locales/fr/documents.ftl"),
        langid!("fr"),
    ),
    (
        include_str!("../../locales/en/documents.ftl"),
        langid!("en"),
    ),
    (
        include_str!("../../locales/de/documents.ftl"),
        langid!("de"),
    ),
    (
        include_str!("../../locales/es/documents.ftl"),
        langid!("es"),
    ),
    (
        include_str!("../../locales/it/documents.ftl"),
        langid!("it"),
    ),
];

fn index(language: AgreementLanguage) -> usize {
    match language {
        AgreementLanguage::Fr => 0,
        AgreementLanguage::En => 1,
        AgreementLanguage::De => 2,
        AgreementLanguage::Es => 3,
        AgreementLanguage::It => 4,
    }
}

/// Parsed once for the life of the process.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    RESOURCES
        .iter()
        .map(|(source, lang)| {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
            // Isolation marks are not in the PDF fonts' character set.
            bundle.set_use_isolating(false);
            // The tests parse every resource; a broken entry would only be
            // skipped, and its key printed instead.
            let resource =
                FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
            let _ = bundle.add_resource(resource);
            bundle
        })
        .collect()
});

/// Separators of a locale's numbers (CLDR).
struct NumberFormat {
    /// Between groups of three digits.
    group: &'static str,
    /// Before the decimals.
    decimal: char,
    /// Digits an integer needs before it is grouped (Spanish: 5).
    grouping_from: usize,
}

/// French groups with a narrow no-break space, and puts a no-break space
/// before the euro sign; the layout turns both into plain spaces, the only
/// ones the PDF fonts have.
const FR: NumberFormat = NumberFormat {
    group: "\u{202F}",
    decimal: ',',
    grouping_from: 4,
};
const EN: NumberFormat = NumberFormat {
    group: ",",
    decimal: '.',
    grouping_from: 4,
};
const DE_IT: NumberFormat = NumberFormat {
    group: ".",
    decimal: ',',
    grouping_from: 4,
};
const ES: NumberFormat = NumberFormat {
    group: ".",
    decimal: ',',
    grouping_from: 5,
};

/// The words and formats of one language.
pub(super) struct Words {
    language: AgreementLanguage,
    bundle: &'static FluentBundle<FluentResource>,
}

/// An argument of a message.
pub(super) enum Arg {
    /// Already formatted text.
    Text(String),
    /// A count that may choose a plural form.
    Count(u64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<u64> for Arg {
    fn from(count: u64) -> Self {
        Arg::Count(count)
    }
}

impl Words {
    pub(super) fn new(language: AgreementLanguage) -> Self {
        let bundles: &'static [FluentBundle<FluentResource>] = &BUNDLES;
        Self {
            language,
            bundle: &bundles[index(language)],
        }
    }

    /// The message `key` without arguments.
    pub(super) fn get(&self, key: Key) -> String {
        self.with(key, Vec::new())
    }

    /// The message `key` with its arguments. A missing message prints its
    /// id, so that the gap shows instead of failing the document.
    pub(super) fn with(&self, key: Key, args: Vec<(&'static str, Arg)>) -> String {
        let Some(pattern) = self.bundle.get_message(key.id()).and_then(|m| m.value()) else {
            return key.id().to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text),
                Arg::Count(count) => FluentValue::from(count),
            };
            fluent_args.set(name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    fn numbers(&self) -> &'static NumberFormat {
        match self.language {
            AgreementLanguage::Fr => &FR,
            AgreementLanguage::En => &EN,
            AgreementLanguage::De | AgreementLanguage::It => &DE_IT,
            AgreementLanguage::Es => &ES,
        }
    }

    /// `,` or `.`.
    pub(super) fn decimal_separator(&self) -> char {
        self.numbers().decimal
    }

    /// `1 417 500`, `1,417,500`, `1.417.500`; Spanish leaves four digits
    /// alone (`1417`).
    pub(super) fn integer(&self, n: u64) -> String {
        let format = self.numbers();
        let digits = n.to_string();
        if digits.len() < format.grouping_from {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(format.group);
            }
            out.push(digit);
        }
        out
    }

    /// An amount in cents: `1 417,50 €`, `€1,417.50`, `1.417,50 €`,
    /// `1417,50 €`; other currencies by their ISO code (`1 417,50 CHF`,
    /// `CHF 1,417.50`).
    pub(super) fn money(&self, cents: i64, currency: &Currency) -> String {
        let format = self.numbers();
        let abs = cents.unsigned_abs();
        let sign = if cents < 0 { "-" } else { "" };
        let number = format!(
            "{}{}{:02}",
            self.integer(abs / 100),
            format.decimal,
            abs % 100
        );
        let symbol = if currency.is_euro() {
            "€"
        } else {
            currency.as_str()
        };
        match (self.language, currency.is_euro()) {
            (AgreementLanguage::En, true) => format!("{sign}{symbol}{number}"),
            (AgreementLanguage::En, false) => format!("{sign}{symbol}\u{A0}{number}"),
            _ => format!("{sign}{number}\u{A0}{symbol}"),
        }
    }

    /// `29 novembre 2026`, `November 29, 2026`, `29. November 2026`,
    /// `29 de noviembre de 2026`, `29 novembre 2026`.
    pub(super) fn date(&self, date: NaiveDate) -> String {
        self.with(
            Key::Date,
            vec![
                ("day", date.day().to_string().into()),
                ("month", self.get(Key::month(date.month())).into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }

    /// From one date to another.
    pub(super) fn period(&self, start: NaiveDate, end: NaiveDate) -> String {
        self.with(
            Key::FromTo,
            vec![
                ("start", self.date(start).into()),
                ("end", self.date(end).into()),
            ],
        )
    }

    /// Minutes of presence as hours: `315 h`, `17 h 30 min`.
    pub(super) fn hours(&self, minutes: u64) -> String {
        let hours = self.integer(minutes / 60);
        match minutes % 60 {
            0 => self.with(Key::Hours, vec![("hours", hours.into())]),
            rest => self.with(
                Key::HoursMinutes,
                vec![
                    ("hours", hours.into()),
                    ("minutes", rest.to_string().into()),
                ],
            ),
        }
    }

    /// The D124-6 breakdown: `2 mois, 1 jour et 0 h`.
    pub(super) fn breakdown(&self, duration: DurationBreakdown) -> String {
        self.with(
            Key::DurationBreakdown,
            vec![
                ("months", duration.months.into()),
                ("days", duration.days.into()),
                ("rest", self.hours(duration.minutes).into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const LANGUAGES: [AgreementLanguage; 5] = [
        AgreementLanguage::Fr,
        AgreementLanguage::En,
        AgreementLanguage::De,
        AgreementLanguage::Es,
        AgreementLanguage::It,
    ];

    #[test]
    fn every_key_is_in_every_language() {
        for (source, lang) in &RESOURCES {
            let resource = FluentResource::try_new((*source).to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
            let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
            bundle.add_resource(resource).unwrap();
            let missing: Vec<_> = Key::ALL
                .iter()
                .filter(|key| {
                    bundle
                        .get_message(key.id())
                        .and_then(|m| m.value())
                        .is_none()
                })
                .map(|key| key.id())
                .collect();
            assert!(missing.is_empty(), "{lang} misses {missing:?}");
        }
    }

    #[test]
    fn every_message_formats_without_error_and_in_the_pdf_charset() {
        for language in LANGUAGES {
            let words = Words::new(language);
            for key in Key::ALL {
                let pattern = words.bundle.get_message(key.id()).unwrap().value().unwrap();
                let mut args = FluentArgs::new();
                for name in [
                    "number",
                    "page",
                    "pages",
                    "day",
                    "month",
                    "year",
                    "hours",
                    "minutes",
                    "rest",
                    "start",
                    "end",
                    "title",
                    "label",
                    "value",
                    "percentage",
                    "amount",
                    "basis",
                    "unit",
                    "rates",
                    "rate",
                    "rate_year",
                    "place",
                    "date",
                    "index",
                    "comment",
                    "initiator",
                    "duration",
                    "breakdown",
                    "days",
                    "months",
                    "mode",
                    "student",
                    "host",
                    "limit",
                    "country",
                    "institution",
                ] {
                    args.set(name, FluentValue::from(2u64));
                }
                let mut errors = Vec::new();
                let text = words
                    .bundle
                    .format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{language:?} {}: {errors:?}", key.id());
                let unprintable: String = text
                    .chars()
                    .filter(|&c| !super::super::fonts::printable(c))
                    .collect();
                assert!(
                    unprintable.is_empty(),
                    "{language:?} {}: {unprintable:?}",
                    key.id()
                );
            }
        }
    }

    #[test]
    fn dates_follow_cldr() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let expected = [
            "29 novembre 2026",
            "November 29, 2026",
            "29. November 2026",
            "29 de noviembre de 2026",
            "29 novembre 2026",
        ];
        for (language, expected) in LANGUAGES.into_iter().zip(expected) {
            assert_eq!(Words::new(language).date(date), expected);
        }
    }

    #[test]
    fn money_follows_cldr() {
        let euro = Currency::euro();
        let expected = [
            "1\u{202F}417,50\u{A0}€",
            "€1,417.50",
            "1.417,50\u{A0}€",
            "1417,50\u{A0}€",
            "1.417,50\u{A0}€",
        ];
        for (language, expected) in LANGUAGES.into_iter().zip(expected) {
            assert_eq!(Words::new(language).money(141_750, &euro), expected);
        }
        let es = Words::new(AgreementLanguage::Es);
        assert_eq!(es.money(1_234_567, &euro), "12.345,67\u{A0}€");
        let en = Words::new(AgreementLanguage::En);
        assert_eq!(en.money(-5, &euro), "-€0.05");
        let chf = Currency::parse("CHF").unwrap();
        assert_eq!(en.money(100_000, &chf), "CHF\u{A0}1,000.00");
        assert_eq!(en.money(i64::MIN, &euro), "-€92,233,720,368,547,758.08");
    }

    #[test]
    fn hours_and_breakdown() {
        let fr = Words::new(AgreementLanguage::Fr);
        assert_eq!(fr.hours(315 * 60), "315 h");
        assert_eq!(fr.hours(1540 * 60 + 30), "1\u{202F}540 h 30 min");
        let duration = stages_domain::duration::breakdown(315 * 60);
        assert_eq!(fr.breakdown(duration), "2 mois, 1 jour et 0 h");
        let en = Words::new(AgreementLanguage::En);
        assert_eq!(en.breakdown(duration), "2 months, 1 day and 0 h");
    }
}
