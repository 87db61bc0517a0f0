//! The convention: the content of the eight wizard steps.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Contact, HostService, Internship, Organisation, StudentStep, Supervisor};
use crate::ids::Country;

/// The steps of the creation wizard (P-Stage's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WizardStep {
    /// 1: student, enrolment, address, insurance.
    Student,
    /// 2: host organisation.
    Organisation,
    /// 3: host service.
    HostService,
    /// 4: workplace tutor.
    Tutor,
    /// 5: internship information.
    Internship,
    /// 6: academic supervisor.
    Supervisor,
    /// 7: host signatory.
    Signatory,
    /// 8: summary; holds no data of its own.
    Summary,
}

impl WizardStep {
    /// The seven steps that hold data, in order.
    pub const DATA_STEPS: [WizardStep; 7] = [
        Self::Student,
        Self::Organisation,
        Self::HostService,
        Self::Tutor,
        Self::Internship,
        Self::Supervisor,
        Self::Signatory,
    ];

    /// The step's number, 1–8, as users know it.
    pub fn number(self) -> u8 {
        match self {
            Self::Student => 1,
            Self::Organisation => 2,
            Self::HostService => 3,
            Self::Tutor => 4,
            Self::Internship => 5,
            Self::Supervisor => 6,
            Self::Signatory => 7,
            Self::Summary => 8,
        }
    }

    /// The step a violation's field path belongs to (`internship.end` → 5),
    /// so a refusal can tell which steps to finish.
    pub fn of_field(path: &str) -> Option<Self> {
        let root = path.split(['.', '[']).next().unwrap_or(path);
        match root {
            "student" => Some(Self::Student),
            "organisation" => Some(Self::Organisation),
            "host_service" => Some(Self::HostService),
            "tutor" => Some(Self::Tutor),
            "internship" => Some(Self::Internship),
            "supervisor" => Some(Self::Supervisor),
            "signatory" => Some(Self::Signatory),
            _ => None,
        }
    }
}

/// A convention's content. The workflow state (number, validations) lives in
/// [`crate::lifecycle::Workflow`], so that editing content and moving through
/// the workflow are separate, separately permitted acts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Convention {
    /// Step 1.
    pub student: StudentStep,
    /// Step 2.
    pub organisation: Option<Organisation>,
    /// Step 3.
    pub host_service: Option<HostService>,
    /// Step 4.
    pub tutor: Option<Contact>,
    /// Step 5.
    pub internship: Internship,
    /// Step 6.
    pub supervisor: Option<Supervisor>,
    /// Step 7.
    pub signatory: Option<Contact>,
}

impl Convention {
    /// Whether French internship law applies: the internship takes place in
    /// France (the host service's country, else the organisation's). Abroad,
    /// the stipend obligation, the leave clause and the host quota do not
    /// apply (GRAT-09, ABS-02, ABR-02).
    pub fn is_in_france(&self) -> bool {
        self.country().is_none_or(Country::is_french_territory)
    }

    /// The country the internship takes place in, the one the agreement
    /// names (ABR-03): the host service's, else the organisation's.
    pub fn country(&self) -> Option<&Country> {
        self.host_service
            .as_ref()
            .and_then(|s| s.address.country.as_ref())
            .or_else(|| {
                self.organisation
                    .as_ref()
                    .and_then(|o| o.address.country.as_ref())
            })
    }

    /// SAF-07: whether the intern may be a minor on the first day: under
    /// 18 on it when it is known, else on the first day of the enrolment's
    /// academic year (1 September), so that the wizard asks for the legal
    /// representative in step 1, before the dates of step 5.
    pub fn intern_may_be_minor(&self) -> bool {
        let Some(birth) = self.student.student.birth_date else {
            return false;
        };
        let first_day = self.internship.start.or_else(|| {
            let year = self.student.enrolment.as_ref()?.academic_year;
            NaiveDate::from_ymd_opt(year.start_year(), 9, 1)
        });
        first_day.is_some_and(|day| under_18_on(birth, day))
    }

    /// SAF-07: whether the intern is under 18 on the first day. The birth
    /// date comes from the student registry; unknown, no one can tell, and
    /// the answer is `false`.
    pub fn intern_is_minor(&self) -> bool {
        match (self.student.student.birth_date, self.internship.start) {
            (Some(birth), Some(start)) => under_18_on(birth, start),
            _ => false,
        }
    }
}

/// Whether someone born on `birth` is under 18 on `day`.
fn under_18_on(birth: NaiveDate, day: NaiveDate) -> bool {
    let had_birthday = (day.month(), day.day()) >= (birth.month(), birth.day());
    day.year() - birth.year() - i32::from(!had_birthday) < 18
}
