//! Pages of one service → one [`Service`], checked for consistency.
//!
//! [`build_service`] merges the pages the reader produced and runs the
//! checks; [`render`] shows the findings rustc-style, [`findings_report`]
//! lists them in Markdown for the documentation owners.
//!
//! # Merging
//!
//! 1. The English and the Chinese page of the same method and path are one
//!    operation: the English page is the base, the Chinese page adds the
//!    Chinese texts and any fact the English page lacks (e.g. the Mandatory
//!    column). An operation id the page states (`Operation::id_is_explicit`,
//!    e.g. "设置租户服务配置 - UpdateTenantServiceConfigs") wins over one
//!    derived from an English title.
//! 2. Several pages under one method and path become one operation. Pages
//!    whose request bodies have the same top-level fields (an older and a
//!    newer page of one API) give one body; different operations (the
//!    "action" APIs, public and private zones) one request body variant per
//!    page, each with its page's own models. Facts the pages state
//!    differently are widened to what both allow, with a warning. The id
//!    is the one the pages state (or the words their stated ids share:
//!    `CreatePublicZone`, `CreatePrivateZone` → `CreateZone`), else one
//!    from the method and path (`PostServersServerIdAction`). Pages named
//!    after a Chinese title are first given a readable id: the title's
//!    verb and the path's resource (创建NAT网关 → `CreateNatGateway`).
//!    Each variant then gets what tells it apart in JSON
//!    (`BodyVariant::tell`: a key of its own, or its value of a shared
//!    property such as `action`).
//! 3. Models of the same name must agree; a table without a Mandatory
//!    column takes the flags of one that has it. A qualified type name
//!    (`io.k8s.api.core.v1.PodSpec`) is one model named by its last step
//!    where unique; nested tables several pages define alike are one
//!    model (`merge::shared`).
//! 4. Within one operation, error responses (status 400 and above) whose
//!    body models have the same shape (fields, types, required flags,
//!    allowed values, defaults, bounds; not descriptions) share one model,
//!    `<OperationId>ErrorBody`; the per-status models go unless something
//!    else refers to them. Clients get one error type per operation.
//!
//! # Findings
//!
//! Errors are what the pages' owners must correct (a page contradicting
//! itself or unreadable as it stands), warnings documentation bugs worth
//! reporting. Severity decides the run's exit status, never what is
//! written: a problem degrades the smallest part it concerns (a field
//! typed free-form, a constraint left out, a per-page model) and the
//! finding says what was written instead ([`Diagnostic::degraded`]). A page
//! is left out ([`LeftOut`], [`pages_left_out`]) only when the reader
//! could not make an operation of it.
//!
//! | code | severity | finding |
//! |---|---|---|
//! | `lang-conflict` | error | the English and Chinese pages state a type, required flag, default, range or enumeration differently (the English page's is written) |
//! | `lang-missing` | warning | a parameter, field, response or body only one language documents |
//! | `parameter-conflict` | warning | pages sharing a method and path state a parameter differently (the operation takes what both allow: not required, the wider range, a list over one value; else the first page's) |
//! | `request-conflict` | warning | pages sharing a method and path send request bodies with the same fields, typed or bounded differently (one body, widened like parameters) |
//! | `response-conflict` | warning | pages sharing a method and path state a response differently (widened like parameters; different body models of one status become one model with the fields of all) |
//! | `model-conflict` | warning | two definitions of one model differ where nothing tells them apart (the first is written for both) |
//! | `model-diverges` | warning | pages define a shared model differently; the pages that differ from the definition most pages agree with keep theirs as `<Name><OpId>` |
//! | `explorer-name-shared` | warning | an API Explorer name other operations' links state too (only its owner keeps it) |
//! | `explorer-product-mismatch` | warning | a page's API Explorer link is of another product than the service's other pages link (its name is not used) |
//! | `missing-uri` | error | a page states no `METHOD /path` line (it is left out) |
//! | `path-param-undocumented` | warning | a `{name}` in a URI without a path parameter (added as a required string) |
//! | `path-param-unused` | warning | a path parameter no URI contains |
//! | `path-placeholder-repeated` | warning | a path names one placeholder twice (the later ones are numbered: `{project_id_2}`) |
//! | `path-placeholder-names` | warning | pages name one position of the same path differently (the name most pages use wins) |
//! | `example-url-param-spelling` | warning | an example URL spells a path segment differently |
//! | `example-url-mismatch` | warning | an example URL matches no URI of its method |
//! | `example-field-undocumented` | warning | an example body field no table defines |
//! | `example-type-mismatch` | warning | an example value of the wrong JSON kind (or an unexpected `null`) |
//! | `example-field-missing` | warning | an example body without a mandatory field |
//! | `example-value-not-allowed` | warning | an example value outside its field's allowed values, range or length |
//! | `example-not-json` | warning | an example body that is not JSON where a table documents a JSON body |
//! | `example-status-undocumented` | warning | an example response for an undocumented status |
//! | `variants-indistinguishable` | warning | request bodies sharing a method and path that no top-level key or property value tells apart (the spec uses `anyOf`) |
//! | `model-unreferenced` | error | a model nothing refers to |
//! | `model-undefined` | error | a reference to a model no table defines (written as a free-form object) |
//! | `status-code-mismatch` | warning | response tables and the Status Codes section list different statuses |
//! | `body-on-bodiless-status` | warning | a body table under 1xx, 204 or 304, or of a HEAD answer, which HTTP sends without a body |
//! | `status-description-mismatch` | warning | a status described with another status's reason phrase ("403: Bad Request") |
//! | `default-type-mismatch` | error | a default that does not fit its type (left out) |
//! | `default-not-in-enum` | warning | a default outside the allowed values |
//! | `range-inverted` | error | a minimum above its maximum (the range left out) |
//! | `enum-type-mismatch` | error | an allowed value that does not fit its type (the list left out) |
//! | `paging-unrecognised` | warning | a GET answering a list takes a paging-like query parameter, but its paging is none `apidoc_ir::paging` reads (no paginator is written) |
//! | `duplicate-parameter` | error | the same parameter twice in one operation (the later one left out) |
//! | `duplicate-field` | error | the same field twice in one model (the later one left out) |

mod checks;
mod error_bodies;
mod facts;
mod left_out;
mod merge;
mod pair;
mod paths;
mod placeholders;
mod render;
mod repair;
mod report;
#[cfg(test)]
mod testkit;
mod types;
mod variant_tells;

use apidoc_ir::{Diagnostic, Page, Service, ServiceMeta};

pub use checks::{
    CheckedExample, Disagreement, ExampleFinding, ExampleOf, Step, check_examples, example_message,
    path_text,
};
pub use left_out::{LeftOut, pages_left_out};
pub use merge::unused_name;
pub use render::render;
pub use report::{ServiceCount, findings_report};
pub use types::{rename_models, value_fits};

/// Merges the pages of one service and checks the result.
///
/// Returns the service (operations sorted by primary path, then method;
/// models sorted by name, each once) and every finding, sorted by place
/// (file, line) and code.
pub fn build_service(meta: ServiceMeta, pages: Vec<Page>) -> (Service, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut pages = pages;
    placeholders::unify_placeholders(&mut pages, &mut diagnostics);
    let (operations, models) = merge::merge_pages(pages, &mut diagnostics);
    let mut service = Service {
        meta,
        operations,
        models,
    };
    repair::degrade_contradictions(&mut service, &mut diagnostics);
    error_bodies::share_error_bodies(&mut service);
    variant_tells::tell_variants_apart(&mut service, &mut diagnostics);
    diagnostics.extend(checks::run_all(&service));
    checks::document_missing_path_params(&mut service);
    diagnostics.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    (service, diagnostics)
}

/// Findings with a place come first, by place; then by code and message.
fn sort_key(diagnostic: &Diagnostic) -> (bool, Option<&apidoc_ir::Span>, &str, &str) {
    let place = diagnostic.primary.as_ref().map(|label| &label.span);
    (
        place.is_none(),
        place,
        &diagnostic.code,
        &diagnostic.message,
    )
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{
        ExampleBody, Fact, Lang, Method, ParamLocation, RequestExample, ResponseExample, Text,
        TypeRef, Value,
    };

    use super::*;
    use crate::testkit::*;

    const EN: &str = "en/update.txt";
    const ZH: &str = "zh/update.txt";
    const PATH: &str = "/v1/{project_id}/tenants/{tenant_id}/configs";

    /// The English page: the URI uses `{tenant_id}` without a row, the
    /// default "abc" does not fit an integer, the example URL spells
    /// `{projectId}`, the example response has a field no table defines.
    fn english_page() -> Page {
        let at = |line| span(EN, line);
        let mut op = operation("ConfiguringTenantServices", Method::Put, PATH, at(5));
        op.summary = Text::in_lang(Lang::En, "Configuring Tenant Services");
        op.parameters = vec![param(
            ParamLocation::Path,
            "project_id",
            TypeRef::String,
            at(8),
        )];
        op.parameters[0].field.required = Some(true);
        op.request_body = Some(body(
            "ConfiguringTenantServices",
            "ConfiguringTenantServicesRequestBody",
            at(10),
        ));
        op.request_examples = vec![RequestExample {
            description: Text::default(),
            method: Method::Put,
            url: "https://{endpoint}/v1/{projectId}/tenants/{tenant_id}/configs".to_owned(),
            body: Some(ExampleBody::Json(serde_json::json!({"priority": 1}))),
            span: at(30),
        }];
        let mut ok = response(200, Some("ConfiguringTenantServicesResponseBody"), at(20));
        ok.examples = vec![ResponseExample {
            description: Text::default(),
            body: ExampleBody::Json(serde_json::json!({"id": "x", "extra": 1})),
            span: at(40),
        }];
        op.responses = vec![ok];
        op.status_codes = vec![status_code(200, at(50))];
        let mut priority = field("priority", TypeRef::Integer, at(12));
        priority.required = Some(false);
        priority.type_text = "Integer".to_owned();
        priority.constraints.default = Some(Fact::new(Value::from("abc"), at(13)));
        let models = vec![
            model(
                "ConfiguringTenantServicesRequestBody",
                vec![priority],
                at(10),
            ),
            model(
                "ConfiguringTenantServicesResponseBody",
                vec![field("id", TypeRef::String, at(21))],
                at(20),
            ),
        ];
        page(Lang::En, "Configuring Tenant Services", op, models)
    }

    /// The Chinese page names the operation, types `priority` as a string
    /// and documents a `limit` query parameter the English page lacks.
    fn chinese_page() -> Page {
        let at = |line| span(ZH, line);
        let mut op = operation("UpdateTenantServiceConfigs", Method::Put, PATH, at(5));
        op.id_is_explicit = true;
        op.summary = Text::in_lang(Lang::Zh, "设置租户服务配置");
        op.parameters = vec![
            param(ParamLocation::Path, "project_id", TypeRef::String, at(8)),
            param(ParamLocation::Query, "limit", TypeRef::Integer, at(9)),
        ];
        op.request_body = Some(body(
            "UpdateTenantServiceConfigs",
            "UpdateTenantServiceConfigsRequestBody",
            at(10),
        ));
        op.responses = vec![response(
            200,
            Some("UpdateTenantServiceConfigsResponseBody"),
            at(20),
        )];
        let mut priority = field("priority", TypeRef::String, at(12));
        priority.type_text = "String".to_owned();
        let models = vec![
            model(
                "UpdateTenantServiceConfigsRequestBody",
                vec![priority],
                at(10),
            ),
            model(
                "UpdateTenantServiceConfigsResponseBody",
                vec![field("id", TypeRef::String, at(21))],
                at(20),
            ),
        ];
        page(
            Lang::Zh,
            "设置租户服务配置 - UpdateTenantServiceConfigs",
            op,
            models,
        )
    }

    /// The English page's text: only the lines the spans point at matter.
    fn english_source() -> String {
        let lines: &[(u32, &str)] = &[
            (1, "Configuring Tenant Services"),
            (5, "PUT /v1/{project_id}/tenants/{tenant_id}/configs"),
            (8, "project_id | Yes | String | Project ID."),
            (10, "Table 3 Request body parameters"),
            (12, "priority | No | Integer | Priority."),
            (13, "    Default value: abc"),
            (20, "Table 5 Response body parameters"),
            (21, "id | String | Configuration ID."),
            (
                30,
                "PUT https://{endpoint}/v1/{projectId}/tenants/{tenant_id}/configs",
            ),
            (40, "{\"id\": \"x\", \"extra\": 1}"),
            (50, "200 | OK"),
        ];
        (1..=50)
            .map(|number| {
                lines
                    .iter()
                    .find(|(line, _)| *line == number)
                    .map_or("", |(_, text)| text)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn built() -> (Service, Vec<Diagnostic>) {
        build_service(
            service(vec![], vec![]).meta,
            vec![chinese_page(), english_page()],
        )
    }

    #[test]
    fn english_and_chinese_pages_merge_into_one_operation() {
        let (service, _) = built();
        assert_eq!(service.operations.len(), 1);
        let op = &service.operations[0];
        assert_eq!(op.id, "UpdateTenantServiceConfigs");
        assert_eq!(
            op.summary.en.as_deref(),
            Some("Configuring Tenant Services")
        );
        assert_eq!(op.summary.zh.as_deref(), Some("设置租户服务配置"));
        assert_eq!(
            crate::testkit::model_names(&service.models),
            [
                "UpdateTenantServiceConfigsRequestBody",
                "UpdateTenantServiceConfigsResponseBody"
            ]
        );
    }

    #[test]
    fn findings_are_sorted_by_place() {
        let (_, diagnostics) = built();
        assert_eq!(
            codes(&diagnostics),
            [
                "path-param-undocumented",
                "lang-conflict",
                "default-type-mismatch",
                "example-url-param-spelling",
                "example-field-undocumented",
                "lang-missing",
                "lang-missing",
            ]
        );
    }

    #[test]
    fn rendered_findings() {
        let (_, diagnostics) = built();
        let sources = |file: &str| (file == EN).then(english_source);
        insta::assert_snapshot!(render(&diagnostics, &sources, false));
    }

    #[test]
    fn colored_rendering_only_adds_escapes() {
        let (_, diagnostics) = built();
        let sources = |file: &str| (file == EN).then(english_source);
        let colored = render(&diagnostics, &sources, true);
        assert!(colored.contains("\u{1b}["));
        let stripped = regex_free_strip(&colored);
        assert_eq!(stripped, render(&diagnostics, &sources, false));
    }

    /// Removes ANSI `ESC [ ... m` sequences.
    fn regex_free_strip(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                chars.by_ref().find(|c| *c == 'm');
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn findings_report_for_owners() {
        let (_, diagnostics) = built();
        let services = [
            ServiceCount {
                name: "en",
                operations: 1,
            },
            ServiceCount {
                name: "zh",
                operations: 1,
            },
        ];
        insta::assert_snapshot!(findings_report(&services, &diagnostics, &[]));
    }
}
