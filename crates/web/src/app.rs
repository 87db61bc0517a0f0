//! The map of the application: its routes.

use crate::components::shell::Shell;
use crate::i18n::provide_i18n;
use crate::pages::account::PasswordPage;
use crate::pages::admin::{
    AccountsPage, CentrePage, CentresPage, HourlyRatesPage, NomenclaturePage, NomenclaturesPage,
    VouchedAddressesPage,
};
use crate::pages::conventions::{ConventionPage, ConventionSearchPage, NewAmendmentPage};
use crate::pages::documents::DocumentsPage;
use crate::pages::evaluations::{
    ConventionEvaluationsPage, EvaluationsPage, QuestionnairePage, TutorEvaluationPage,
};
use crate::pages::offers::{NewOfferPage, OfferPage, OffersPage};
use crate::pages::organisations::{OrganisationPage, OrganisationsPage};
use crate::pages::report::ReportPage;
use crate::pages::statistics::StatisticsPage;
use crate::pages::tokens::TokensPage;
use crate::pages::wizard::{NewConventionPage, WizardPage};
use crate::pages::{home::Home, login::Login, not_found::NotFound};
use crate::session::provide_session;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=Login />
                <Route path=path!("/evaluation/tutor/:token") view=TutorEvaluationPage />
                <Route path=path!("/signer/:token") view=crate::pages::signing::SigningPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Home />
                    <Route path=path!("/tickets/new") view=ReportPage />
                    <Route path=path!("/conventions") view=ConventionSearchPage />
                    <Route path=path!("/conventions/new") view=NewConventionPage />
                    <Route path=path!("/conventions/:id") view=ConventionPage />
                    <Route path=path!("/conventions/:id/steps/:step") view=WizardPage />
                    <Route path=path!("/conventions/:id/amendments/new") view=NewAmendmentPage />
                    <Route path=path!("/organisations") view=OrganisationsPage />
                    <Route path=path!("/organisations/:id") view=OrganisationPage />
                    <Route path=path!("/offers") view=OffersPage />
                    <Route path=path!("/offers/new") view=NewOfferPage />
                    <Route path=path!("/offers/:id") view=OfferPage />
                    <Route path=path!("/evaluations") view=EvaluationsPage />
                    <Route path=path!("/evaluations/:id") view=ConventionEvaluationsPage />
                    <Route path=path!("/evaluations/:id/:kind") view=QuestionnairePage />
                    <Route path=path!("/statistics") view=StatisticsPage />
                    <Route path=path!("/documents") view=DocumentsPage />
                    <Route path=path!("/centres") view=CentresPage />
                    <Route path=path!("/centres/:id") view=CentrePage />
                    <Route path=path!("/nomenclatures") view=NomenclaturesPage />
                    <Route path=path!("/nomenclatures/:kind") view=NomenclaturePage />
                    <Route path=path!("/hourly-rates") view=HourlyRatesPage />
                    <Route path=path!("/admin/accounts") view=AccountsPage />
                    <Route path=path!("/admin/vouched-addresses") view=VouchedAddressesPage />
                    <Route path=path!("/account/password") view=PasswordPage />
                    <Route path=path!("/account/tokens") view=TokensPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
