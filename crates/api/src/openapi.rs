//! The OpenAPI document, generated from the handlers' annotations. The
//! committed copy in `openapi/openapi.json` is checked against it by a test.

use crate::error::{Problem, ProblemViolation};
use crate::openapi_examples::BodyExamples;
use crate::routes;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{
    AnyOfBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

/// Every route is served under this prefix.
pub const API_PREFIX: &str = "/api";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Stages API",
        description = "Internship agreements (conventions de stage) of French universities: \
                       from the student's draft to the signed PDF, amendments and evaluations. \
                       Errors are RFC 9457 problems (`application/problem+json`) whose \
                       `violations` name the rule and the field.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(Problem, ProblemViolation)),
    tags(
        (name = "health", description = "Server status"),
        (name = "auth", description = "Sign-in and the signed-in user"),
        (name = "nomenclatures", description = "Reference tables (Tables de nomenclature)"),
        (name = "centres", description = "Management centres (Centres de gestion): settings, staff, routing"),
        (name = "students", description = "The student registry: identity and enrolments"),
        (name = "organisations", description = "Host organisations, their services and contacts (Établissements d'accueil)"),
        (name = "supervisors", description = "Academic supervisors from the university directory"),
        (name = "conventions", description = "Internship agreements: the wizard's steps, creation, validation, search"),
        (name = "amendments", description = "Amendments (avenants) of validated conventions"),
        (name = "tickets", description = "Helpdesk: Signaler un problème"),
        (name = "evaluations", description = "Evaluations (Évaluations des stages): questionnaires, answers, the tutor's link, exports"),
        (name = "offers", description = "Offers (Offres de stage et d'emploi): written and published by the centres, searched by students"),
        (name = "statistics", description = "Statistics of a centre's year: JSON, CSV and XLSX"),
        (name = "documents", description = "Printable documents: agreement, amendment, certificate (PDF)"),
        (name = "signatures", description = "The signature circuit: sending for signature, paper signatures with their scans, the signed agreement"),
        (name = "admin", description = "Administration: personal API tokens, enrolment imports"),
    )
)]
pub struct ApiDoc;

/// The API's routes in their `/api` scope, as registered on a server:
/// mounting them also collects their operations and schemas.
pub fn api_scope() -> utoipa_actix_web::scope::Scope<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    utoipa_actix_web::scope(API_PREFIX)
        .configure(routes::configure)
        .default_service(actix_web::web::to(|| async {
            Err::<(), _>(crate::error::ApiError::not_found())
        }))
}

/// The routes under `/api` as the server's workers mount them: the same
/// handlers as [`api_scope`], without building their OpenAPI operations
/// again (the server serves the document [`document`] built once).
pub fn mounted_api_scope() -> actix_web::Scope {
    actix_web::web::scope(API_PREFIX)
        .configure(routes::mount)
        .default_service(actix_web::web::to(|| async {
            Err::<(), _>(crate::error::ApiError::not_found())
        }))
}

/// The document: the info, tags and shared components of [`ApiDoc`], the
/// operations of every registered route, and what the modifiers below
/// add to all of them.
pub fn document() -> utoipa::openapi::OpenApi {
    use utoipa_actix_web::AppExt;
    let (_, mut doc) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(api_scope())
        .split_for_parts();
    let modifiers: [&dyn Modify; 5] = [
        &SecuritySchemes,
        &BinaryBodies,
        &CommonResponses,
        &UntaggedValues,
        &BodyExamples,
    ];
    for modifier in modifiers {
        modifier.modify(&mut doc);
    }
    doc
}

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from POST /api/auth/login"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("stg_…")
                    .description(Some(
                        "Personal API token (POST /api/admin/api-tokens): scope `read` for GET, `write` for the rest",
                    ))
                    .build(),
            ),
        );
        // Every operation that takes an access token also takes an API token.
        let api_token = SecurityRequirement::new("api_token", Vec::<String>::new());
        for operation in openapi.paths.paths.values_mut().flat_map(operations) {
            if let Some(security) = &mut operation.security
                && !security.is_empty()
            {
                security.push(api_token.clone());
            }
        }
    }
}

/// The operations of a path, whatever their method.
fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

/// Files (PDF, ZIP, images, CSV) are bytes: utoipa documents a `Vec<u8>`
/// body as an array of numbers, which no client would send or expect, so
/// every body that is not JSON becomes a binary string, which generated
/// clients hand over as a file.
struct BinaryBodies;

impl Modify for BinaryBodies {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for operation in openapi.paths.paths.values_mut().flat_map(operations) {
            if let Some(RefOr::T(body)) = &mut operation.request_body {
                body.content.iter_mut().for_each(as_binary);
            }
            for response in operation.responses.responses.values_mut() {
                if let RefOr::T(response) = response {
                    response.content.iter_mut().for_each(as_binary);
                }
            }
        }
    }
}

fn as_binary((content_type, content): (&String, &mut RefOr<Content>)) {
    let is_file = !content_type.contains("json");
    if let (true, RefOr::T(content)) = (is_file, content) {
        content.schema = Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
                .into(),
        );
    }
}

/// Answers every operation may give, besides what each handler adds: 400
/// when a path, query or header value does not parse (a number out of
/// range, a value outside an enumeration) and 415 when a body comes in
/// another media type (the extractors do it for all of them), and 503 when
/// the database does not answer or, on SQLite, stays busy with another
/// writer.
struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for operation in openapi.paths.paths.values_mut().flat_map(operations) {
            let reads_values = operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
            let reads_body = operation.request_body.is_some();
            let responses = &mut operation.responses.responses;
            if reads_values || reads_body {
                responses.entry("400".into()).or_insert_with(|| {
                    problem("Malformed request: a value or the body does not parse")
                });
            }
            if reads_body {
                responses
                    .entry("415".into())
                    .or_insert_with(|| problem("The body is not of the documented media type"));
            }
            responses.entry("503".into()).or_insert_with(|| {
                problem("The database does not answer or is busy: send the request again")
            });
        }
    }
}

/// A message argument (`ArgValue`) is untagged: a number, or a string that
/// may read as a decimal. utoipa writes `oneOf`, which a string matching
/// both the decimal and the text schema fails; `anyOf` says what is sent.
struct UntaggedValues;

impl Modify for UntaggedValues {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        if let Some(schema @ RefOr::T(Schema::OneOf(_))) = components.schemas.get_mut("ArgValue")
            && let RefOr::T(Schema::OneOf(one_of)) =
                std::mem::replace(schema, RefOr::T(Schema::default()))
        {
            let any_of = one_of
                .items
                .into_iter()
                .fold(AnyOfBuilder::new(), AnyOfBuilder::item)
                .description(one_of.description);
            *schema = RefOr::T(any_of.build().into());
        }
    }
}

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

/// The document as committed: pretty JSON with a final newline.
/// The committed document, as `/api/openapi.json` serves it.
pub const COMMITTED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../openapi/openapi.json"
));

pub fn document_json() -> String {
    let mut json = document()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_under_the_api_prefix() {
        let doc = document();
        assert!(doc.paths.paths.keys().all(|p| p.starts_with("/api/")));
        assert!(doc.paths.paths.contains_key("/api/health"));
    }

    /// The committed document is what the code generates; when it is not,
    /// the failure shows what changed as a unified diff (the first lines of
    /// it), so a change of the contract reads as one. Regenerate with
    /// `cargo run -p stages-cli -- openapi --output openapi/openapi.json`.
    #[test]
    fn committed_document_is_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        let generated = document_json();
        if committed != generated {
            let diff = similar::TextDiff::from_lines(&committed, &generated)
                .unified_diff()
                .context_radius(3)
                .header("openapi/openapi.json (committed)", "generated")
                .to_string();
            let shown: String = diff.lines().take(200).collect::<Vec<_>>().join("\n");
            panic!(
                "openapi/openapi.json is stale: run `cargo run -p stages-cli -- openapi --output openapi/openapi.json`\n{shown}"
            );
        }
    }
}
