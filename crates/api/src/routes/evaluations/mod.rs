//! Evaluations (Évaluations des stages, seed §11): each centre's
//! questionnaires; a convention's three questionnaires, saved as drafts
//! then submitted (read-only afterwards); the workplace tutor's link; the
//! list of evaluations by completion (Rechercher une évaluation); exports.

mod answers;
mod forms;
mod listing;
mod tutor;
mod tutor_links;

pub use answers::*;
pub use forms::*;
pub use listing::*;
pub use tutor::*;
pub use tutor_links::*;

use crate::app::caller;
use crate::app::conventions::load_visible;
use crate::app::evaluations::answers::{
    Change, fill_decision, is_submitted, save_answers, sheet, status_of,
};
use crate::app::evaluations::{self, CentreForm, defaults, kind_code, links};
use crate::auth::{Caller, Credentials};
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::centres;
use crate::db::conventions as repo;
use crate::db::conventions::visible_filter;
use crate::documents::{self, EvaluationDocument, Letterhead};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::pagination::{Page, PageParams};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use chrono::NaiveDate;
use serde::Deserialize;
use stages_domain::model::{AgreementLanguage, Answer, EvaluationKind, EvaluationProgress};
use stages_domain::permissions::{self, Relation};
use stages_domain::staff::Right;
use stages_domain::{access, requests, rules};
use std::collections::BTreeMap;
use utoipa::IntoParams;

pub use stages_api_types::evaluations::FormInput;

pub use stages_api_types::evaluations::EvaluationStatus;

pub use stages_api_types::evaluations::EvaluationSheet;

pub use stages_api_types::evaluations::AnswersInput;

pub use stages_api_types::evaluations::TutorLink;

pub use stages_api_types::evaluations::TutorSheet;

pub use stages_api_types::evaluations::EvaluationRow;
