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
//! 2. Several different operations under one method and path (the "action"
//!    APIs) become one operation with one request body variant per page;
//!    its id comes from the method and path (`PostServersServerIdAction`).
//! 3. Models of the same name must agree; a table without a Mandatory
//!    column takes the flags of one that has it.
//!
//! # Findings
//!
//! Errors mean the pages cannot give a correct spec (the caller decides
//! whether to stop); warnings are documentation bugs to report.
//!
//! | code | severity | finding |
//! |---|---|---|
//! | `lang-conflict` | error | the English and Chinese pages state a type, required flag, default, range or enumeration differently |
//! | `lang-missing` | warning | a parameter, field, response or body only one language documents |
//! | `parameter-conflict` | error | pages sharing a method and path state a parameter differently |
//! | `response-conflict` | error | pages sharing a method and path state a response differently |
//! | `model-conflict` | error | two definitions of one model disagree |
//! | `missing-uri` | error | a page states no `METHOD /path` line (it is left out) |
//! | `path-param-undocumented` | error | a `{name}` in a URI without a path parameter |
//! | `path-param-unused` | warning | a path parameter no URI contains |
//! | `example-url-param-spelling` | warning | an example URL spells a path segment differently |
//! | `example-url-mismatch` | warning | an example URL matches no URI of its method |
//! | `example-field-undocumented` | warning | an example body field no table defines |
//! | `example-type-mismatch` | warning | an example value of the wrong JSON kind (or an unexpected `null`) |
//! | `example-status-undocumented` | warning | an example response for an undocumented status |
//! | `model-unreferenced` | error | a model nothing refers to |
//! | `model-undefined` | error | a reference to a model no table defines |
//! | `status-code-mismatch` | warning | response tables and the Status Codes section list different statuses |
//! | `default-type-mismatch` | error | a default that does not fit its type |
//! | `default-not-in-enum` | warning | a default outside the allowed values |
//! | `range-inverted` | error | a minimum above its maximum |
//! | `enum-type-mismatch` | error | an allowed value that does not fit its type |
//! | `duplicate-parameter` | error | the same parameter twice in one operation |

mod checks;
mod facts;
mod merge;
mod pair;
mod paths;
mod render;
mod report;
#[cfg(test)]
mod testkit;
mod types;

use apidoc_ir::{Diagnostic, Page, Service, ServiceMeta};

pub use render::render;
pub use report::findings_report;

/// Merges the pages of one service and checks the result.
///
/// Returns the service (operations sorted by primary path, then method;
/// models sorted by name, each once) and every finding, sorted by place
/// (file, line) and code.
pub fn build_service(meta: ServiceMeta, pages: Vec<Page>) -> (Service, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let (operations, models) = merge::merge_pages(pages, &mut diagnostics);
    let service = Service {
        meta,
        operations,
        models,
    };
    diagnostics.extend(checks::run_all(&service));
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
