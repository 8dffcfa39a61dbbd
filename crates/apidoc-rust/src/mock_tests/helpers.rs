//! The imports every generated mock-server test file starts with: the
//! shared test support of `apidoc_runtime::mock` (test credentials,
//! answers, the exchange with a mock server, the AK/SK signature check)
//! and the crate's own client and operations.

use super::Uses;
use crate::plan::Plan;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The imports the tests use, and only those.
pub(super) fn helper_items(plan: &Plan, uses: &Uses) -> TokenStream {
    let krate = format_ident!("{}", plan.crate_name);
    let client = &plan.client;
    let models = uses.models.then(|| quote!(models,));
    let matchers = used([
        (uses.body_json, "body_json"),
        (uses.header, "header"),
        (uses.headers, "headers"),
    ]);
    let support = used([
        (true, "ACCESS_KEY"),
        (uses.project_id, "PROJECT_ID"),
        (uses.request_id, "REQUEST_ID"),
        (true, "SECRET_KEY"),
        (true, "TOKEN"),
        (true, "answer"),
        (true, "assert_api_error"),
        (true, "exchange"),
        (uses.from_json, "from_json"),
        (uses.json, "json"),
        (true, "query_is"),
        (true, "sent_with_token"),
        (true, "signed_with_ak_sk"),
        (uses.to_json, "to_json"),
        (uses.without_body, "without_body"),
    ]);
    quote! {
        use apidoc_runtime::mock::wiremock::Mock;
        use apidoc_runtime::mock::wiremock::matchers::{#(#matchers,)* method, path};
        use apidoc_runtime::mock::{#(#support),*};
        use #krate::{#models operations, Credentials, #client};
    }
}

/// The identifiers of the names used.
fn used<const N: usize>(names: [(bool, &str); N]) -> impl Iterator<Item = proc_macro2::Ident> {
    names
        .into_iter()
        .filter(|(used, _)| *used)
        .map(|(_, name)| format_ident!("{name}"))
}

/// Names of the helpers, imports and the harness, which no test may take.
pub(super) const HELPER_NAMES: &[&str] = &[
    "answer",
    "assert_api_error",
    "body_json",
    "exchange",
    "from_json",
    "header",
    "headers",
    "json",
    // The test harness's entry point.
    "main",
    "method",
    "models",
    "operations",
    "path",
    "query_is",
    "sent_with_token",
    "signed_with_ak_sk",
    "to_json",
    "without_body",
];
