//! The server's own sentences: the details of problems that no business
//! rule decides (authentication, stale versions, an unavailable
//! dependency) and the labels it prints in exports. Each is a Fluent
//! message of `locales/{fr,en}/server.ftl`, declared once here with the
//! names of its placeables; a test checks both files hold exactly these.
//! Rule messages are the domain's ([`stages_domain::MessageKey`]).

/// French texts (reference).
pub const SERVER_FTL_FR: &str = include_str!("../locales/fr/server.ftl");

/// English texts.
pub const SERVER_FTL_EN: &str = include_str!("../locales/en/server.ftl");

stages_domain::fluent_keys! {
    /// A sentence of the server, by its Fluent id.
    Text {
        TokenMissing = "problem-token-missing" [],
        TokenScheme = "problem-token-scheme" [],
        TokenInvalid = "problem-token-invalid" [],
        ApiTokenInvalid = "problem-api-token-invalid" [],
        AccountGone = "problem-account-gone" [],
        AccountDisabled = "problem-account-disabled" [],
        WrongCredentials = "problem-wrong-credentials" [],
        NoSession = "problem-no-session" [],
        SessionEnded = "problem-session-ended" [],
        EvaluationLinkInvalid = "problem-evaluation-link-invalid" [],
        SigningLinkInvalid = "problem-signing-link-invalid" [],
        PlatformReportStale = "problem-platform-report-stale" ["minutes"],
        PlatformReportReceived = "problem-platform-report-received" [],
        TryAgainIn = "problem-try-again-in" ["seconds"],
        UnsupportedMediaType = "problem-unsupported-media-type" [],
        PayloadTooLarge = "problem-payload-too-large" ["limit"],
        IfMatchRequired = "problem-if-match-required" [],
        IfMatchUnreadable = "problem-if-match-unreadable" [],
        VersionUnknown = "problem-version-unknown" ["version"],
        VersionChanged = "problem-version-changed" ["current", "expected"],
        ChangedWhileSaving = "problem-changed-while-saving" [],
        CreatedWhileSaving = "problem-created-while-saving" [],
        KeepsChanging = "problem-keeps-changing" [],
        DatabaseLate = "problem-database-late" [],
        DatabaseBusy = "problem-database-busy" [],
        DatabaseConflict = "problem-database-conflict" [],
        DatabaseSlow = "problem-database-slow" [],
        DatabaseLost = "problem-database-lost" [],
        DatabaseDown = "problem-database-down" [],
        SearchesBusy = "problem-searches-busy" [],
        DirectoryDown = "problem-directory-down" [],
        StatSheetStatuses = "stat-sheet-statuses" [],
        StatSheetOrganisations = "stat-sheet-organisations" [],
        StatSheetCountries = "stat-sheet-countries" [],
        StatSheetDepartments = "stat-sheet-departments" [],
        StatSheetProgrammes = "stat-sheet-programmes" [],
        StatSheetDurations = "stat-sheet-durations" [],
        StatSheetStipends = "stat-sheet-stipends" [],
        StatSheetEvaluations = "stat-sheet-evaluations" [],
        StatColStatus = "stat-col-status" [],
        StatColOrganisation = "stat-col-organisation" [],
        StatColCountry = "stat-col-country" [],
        StatColDepartment = "stat-col-department" [],
        StatColProgramme = "stat-col-programme" [],
        StatColCode = "stat-col-code" [],
        StatColConventions = "stat-col-conventions" [],
        StatColDuration = "stat-col-duration" [],
        StatColIndicator = "stat-col-indicator" [],
        StatColValue = "stat-col-value" [],
        StatColQuestionnaire = "stat-col-questionnaire" [],
        StatColSubmitted = "stat-col-submitted" [],
        StatColDraft = "stat-col-draft" [],
        StatColNotStarted = "stat-col-not-started" [],
        StatOtherOrganisations = "stat-other-organisations" [],
        StatMedianHours = "stat-median-hours" [],
        StatMeanHours = "stat-mean-hours" [],
        StatPaid = "stat-paid" [],
        StatUnpaid = "stat-unpaid" [],
        StatUnknown = "stat-unknown" [],
        StatPaidShare = "stat-paid-share" [],
        StatUnpaidThoughDue = "stat-unpaid-though-due" ["hours"],
        StatLegalRate = "stat-legal-rate" [],
        StatMedianHourly = "stat-median-hourly" [],
        StatBandUpToTwo = "stat-band-up-to-two" ["max"],
        StatBandTwoToFour = "stat-band-two-to-four" ["max", "min"],
        StatBandFourToSix = "stat-band-four-to-six" ["max", "min"],
        StatBandOverSix = "stat-band-over-six" ["min"],
        StatStipendBelow = "stat-stipend-below" [],
        StatStipendAt = "stat-stipend-at" [],
        StatStipendQuarter = "stat-stipend-quarter" [],
        StatStipendMore = "stat-stipend-more" [],
        StatusDraft = "status-draft" [],
        StatusCreated = "status-created" [],
        StatusRejected = "status-rejected" [],
        StatusInValidation = "status-in-validation" [],
        StatusValidated = "status-validated" [],
        StatusTerminatedEarly = "status-terminated-early" [],
        TableConventionType = "table-convention-type" [],
        TableTheme = "table-theme" [],
        TableLanguage = "table-language" [],
        TableCountry = "table-country" [],
        TableDepartment = "table-department" [],
        TableNaf = "table-naf" [],
        TableLegalStatus = "table-legal-status" [],
        TableHeadcountBand = "table-headcount-band" [],
        TableOrganisationType = "table-organisation-type" [],
        TableWorkingTime = "table-working-time" [],
        TableStipendUnit = "table-stipend-unit" [],
        TableStipendBasis = "table-stipend-basis" [],
        TablePaymentMode = "table-payment-mode" [],
        TableCurrency = "table-currency" [],
        TableInternshipOrigin = "table-internship-origin" [],
        TableConfidentiality = "table-confidentiality" [],
        TableWorkToDeliver = "table-work-to-deliver" [],
        TableValidationMode = "table-validation-mode" [],
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id → placeable names of a Fluent file.
    fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(ftl).unwrap();
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                for element in m.value.iter().flat_map(|p| &p.elements) {
                    if let fluent_syntax::ast::PatternElement::Placeable {
                        expression:
                            fluent_syntax::ast::Expression::Inline(
                                fluent_syntax::ast::InlineExpression::VariableReference { id },
                            ),
                    } = element
                    {
                        vars.insert(id.name.to_owned());
                    }
                }
                out.insert(m.id.name.to_owned(), vars);
            }
        }
        out
    }

    #[test]
    fn both_files_hold_every_text_with_its_placeables() {
        for (lang, ftl) in [("fr", SERVER_FTL_FR), ("en", SERVER_FTL_EN)] {
            let found = messages(ftl);
            let declared: BTreeMap<String, BTreeSet<String>> = Text::ALL
                .iter()
                .map(|t| {
                    (
                        t.as_str().to_owned(),
                        t.args().iter().map(|a| (*a).to_owned()).collect(),
                    )
                })
                .collect();
            assert_eq!(found, declared, "{lang}");
        }
    }
}
