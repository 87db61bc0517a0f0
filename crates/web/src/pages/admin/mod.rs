//! Staff administration: the management centres and their settings, and
//! the reference tables.

mod accounts;
mod centre;
mod centre_staff;
mod centres;
mod evaluation_forms;
mod nomenclatures;
mod rates;
mod vouched;

pub use accounts::AccountsPage;
pub use centre::CentrePage;
pub use centres::CentresPage;
pub use nomenclatures::{NomenclaturePage, NomenclaturesPage};
pub use rates::HourlyRatesPage;
pub use vouched::VouchedAddressesPage;

use stages_domain::model::{CentreLevel, PrintCondition};

pub fn level_key(level: CentreLevel) -> &'static str {
    match level {
        CentreLevel::Establishment => "centre-level-establishment",
        CentreLevel::Faculty => "centre-level-faculty",
        CentreLevel::Programme => "centre-level-programme",
    }
}

pub fn print_key(condition: PrintCondition) -> &'static str {
    match condition {
        PrintCondition::Always => "print-always",
        PrintCondition::AfterPedagogical => "print-after-pedagogical",
        PrintCondition::AfterAdministrative => "print-after-administrative",
        PrintCondition::AfterBoth => "print-after-both",
        PrintCondition::AfterAdministrativeCheck => "print-after-administrative-check",
    }
}
