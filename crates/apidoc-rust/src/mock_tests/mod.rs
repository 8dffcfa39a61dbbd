//! `tests/mock_server.rs` of the generated crate: one test per operation
//! against a mock server on 127.0.0.1.
//!
//! Each test builds the operation's request from the page's example request
//! (else from values built from the tables) and calls it twice: signed with
//! AK/SK, answered with the page's 2xx example, which must decode; then with
//! a token, answered with the page's error example, which must give
//! `Error::Api`. The mock server checks method, path, query, headers, body
//! and authentication (recomputing the AK/SK signature from what it
//! received) and answers only a request that matches.

mod answers;
mod helpers;
mod request;
mod values;

use crate::docs::{Doc, code};
use crate::ident::{Case, Scope, serde_name};
use crate::plan::{OperationPlan, Plan};
use answers::{Failure, Success, failure, optional_text, success};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use request::{RequestCase, request_case};
use values::raw_string;

/// What the tests use, so that the file declares nothing unused.
#[derive(Debug, Default)]
pub(crate) struct Uses {
    /// An enum of the `models` module.
    models: bool,
    /// The `header` matcher.
    header: bool,
    /// The `headers` matcher (array headers).
    headers: bool,
    /// The `body_json` matcher.
    body_json: bool,
    /// The `from_json` helper (request bodies).
    from_json: bool,
    /// The `to_json` helper (decoded response bodies).
    to_json: bool,
    /// The `without_body` matcher.
    without_body: bool,
    /// The `json` helper (JSON values from their text).
    json: bool,
    /// The `PROJECT_ID` constant (paths holding the project id).
    project_id: bool,
    /// The `REQUEST_ID` constant (decoded `X-Request-Id` headers).
    request_id: bool,
}

/// The items of `tests/mock_server.rs`.
pub(crate) fn mock_tests_file(plan: &Plan) -> TokenStream {
    let mut names = Scope::new(Case::Snake);
    for name in helpers::HELPER_NAMES {
        names.reserve(name);
    }
    let mut uses = Uses::default();
    let tests: TokenStream = plan
        .operations
        .iter()
        .map(|operation| operation_test(plan, &mut uses, &mut names, operation))
        .collect();
    let contract = contract_tests(plan, &mut uses);
    let mut doc = Doc::with_summary(format!(
        "Every operation of the {} API against a mock server on 127.0.0.1.",
        plan.title
    ));
    doc.paragraph(
        "Each test builds the request from the page's example (or from values built from the \
         tables) and calls the operation twice: signed with AK/SK and answered with the page's \
         2xx example, which must decode; then with a token and answered with the page's error \
         example, which must give `Error::Api`. The server answers only a request of the \
         expected method, path, query, headers, body and authentication; it computes the \
         AK/SK signature again from what it received.",
    );
    doc.paragraph(
        "The `contract` module calls every operation once more, against a mock server of the \
         crate's OpenAPI spec (`cargo xtask test` runs them under Prism, which validates each \
         request against the spec); the answer must decode.",
    );
    let doc = doc.inner_attrs();
    let helpers = helpers::helper_items(plan, &uses);
    quote!(#doc #helpers #tests #contract)
}

/// `mod contract`: one ignored test per operation that sends the same
/// request as its mock-server test to the server at
/// `$APIDOC_CONTRACT_URL` (a mock server of the spec) and expects an
/// answer that decodes. Operations whose path cannot be filled are left
/// out, as their mock-server tests are ignored.
fn contract_tests(plan: &Plan, uses: &mut Uses) -> TokenStream {
    let mut names = Scope::new(Case::Snake);
    names.reserve("contract_client");
    let client = &plan.client;
    let tests: TokenStream = plan
        .operations
        .iter()
        .filter_map(|operation| {
            let request = request_case(plan, uses, operation);
            if !request.unfilled.is_empty() {
                return None;
            }
            let name = names.ident(&serde_name(&operation.method), "operation");
            let (lets, build, call) = (&request.lets, &request.build, &operation.method);
            let doc = Doc::with_summary(format!(
                "{} under the spec's mock server.",
                code(&operation.operation.id)
            ))
            .attrs();
            Some(quote! {
                #doc
                #[tokio::test]
                #[ignore = "needs a mock server of the spec at $APIDOC_CONTRACT_URL: cargo xtask test"]
                async fn #name() {
                    #lets
                    let request = #build;
                    contract_client(#client::new)
                        .#call(request)
                        .await
                        .expect("the spec's mock server accepts the request and its answer decodes");
                }
            })
        })
        .collect();
    let doc =
        Doc::with_summary("Every operation against a mock server of the crate's OpenAPI spec.")
            .inner_attrs();
    quote! {
        mod contract {
            #doc
            #![allow(
                unused_variables,
                reason = "the requests are built as in the mock-server tests, with the body they expect on the wire"
            )]
            use super::*;
            use apidoc_runtime::mock::contract_client;
            #tests
        }
    }
}

/// The test of one operation.
fn operation_test(
    plan: &Plan,
    uses: &mut Uses,
    names: &mut Scope,
    operation: &OperationPlan,
) -> TokenStream {
    let request = request_case(plan, uses, operation);
    let success = success(plan, uses, operation);
    let failure = failure(operation);
    let doc = test_doc(operation, &request, &success, &failure).attrs();
    let ignore = (!request.unfilled.is_empty()).then(|| {
        let reason = format!(
            "no documented parameter fills {} in the path, so the SDK cannot call it",
            request
                .unfilled
                .iter()
                .map(|name| format!("{{{name}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        quote!(#[ignore = #reason])
    });
    let name = names.ident(&serde_name(&operation.method), "operation");
    let body = test_body(plan, operation, &request, &success, &failure);
    quote! {
        #doc
        #[tokio::test]
        #ignore
        async fn #name() { #body }
    }
}

fn test_body(
    plan: &Plan,
    operation: &OperationPlan,
    request: &RequestCase,
    success: &Success,
    failure: &Failure,
) -> TokenStream {
    let method_name = operation.uri.method.as_str();
    let call = &operation.method;
    let client = &plan.client;
    let (lets, build, matchers) = (&request.lets, &request.build, &request.matchers);
    let success_status = Literal::u16_unsuffixed(success.status);
    let (success_let, success_body) = if success.text.is_empty() {
        (TokenStream::new(), quote!(""))
    } else {
        let text = raw_string(&success.text);
        (quote!(let success = #text;), quote!(success))
    };
    let extra_headers = success
        .headers
        .iter()
        .map(|(name, value)| quote!(.insert_header(#name, #value)));
    let checks = &success.checks;
    let failure_status = Literal::u16_unsuffixed(failure.status);
    let failure_text = raw_string(&failure.text);
    let error_code = optional_text(failure.error_code.as_deref());
    let error_msg = optional_text(failure.error_msg.as_deref());
    quote! {
        #lets
        let request = #build;
        let expected = || Mock::given(method(#method_name)) #matchers;

        #success_let
        let response = exchange(
            expected().and(signed_with_ak_sk),
            answer(#success_status, #success_body) #(#extra_headers)*,
            Credentials::ak_sk(ACCESS_KEY, SECRET_KEY),
            #client::new,
            async |client| client.#call(request.clone()).await,
        )
        .await
        .expect("the documented answer decodes");
        assert_eq!(response.status, #success_status);
        #checks

        let error = exchange(
            expected().and(sent_with_token),
            answer(#failure_status, #failure_text),
            Credentials::token(TOKEN),
            #client::new,
            async |client| client.#call(request).await,
        )
        .await;
        assert_api_error(error, #failure_status, #error_code, #error_msg);
    }
}

/// What the test sends and what answers it, and where it departs from the
/// page.
fn test_doc(
    operation: &OperationPlan,
    request: &RequestCase,
    success: &Success,
    failure: &Failure,
) -> Doc {
    let uri = operation.uri;
    let sent = match (request.from_example, request.has_example) {
        (true, _) => "The request from the page's example",
        (false, true) => {
            "A request built from the tables (the page's example request gives no value)"
        }
        (false, false) => "A request built from the tables (the page has no example request)",
    };
    let mut doc = Doc::with_summary(format!(
        "{} ({}).",
        code(&format!("{} {}", uri.method.as_str(), uri.path)),
        code(&operation.operation.id)
    ));
    doc.paragraph(format!(
        "{sent}, signed with AK/SK, is answered with {}; sent with a token, with {}.",
        success.source, failure.source
    ));
    for note in request.notes.iter().chain(&success.notes) {
        doc.item(note);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{awkward, metastudio};
    use crate::render::format_items;

    fn file(service: &apidoc_ir::Service) -> String {
        format_items(mock_tests_file(&Plan::new(service)))
    }

    #[test]
    fn every_operation_gets_one_test_and_one_contract_test() {
        for service in [metastudio(), awkward()] {
            let text = file(&service);
            let (own, contract) = text.split_once("mod contract").expect("a contract module");
            for part in [own, contract] {
                assert_eq!(
                    part.matches("#[tokio::test]").count(),
                    service.operations.len(),
                    "{}",
                    service.meta.name
                );
            }
            assert!(!own.contains("#[ignore"), "{text}");
            assert_eq!(
                contract.matches("#[ignore").count(),
                service.operations.len()
            );
        }
    }

    #[test]
    fn a_path_placeholder_without_a_parameter_ignores_the_test() {
        let mut service = metastudio();
        let action = service
            .operations
            .iter_mut()
            .find(|op| op.id == "BatchActionServers")
            .expect("op");
        action
            .parameters
            .retain(|param| param.field.name != "server_group_id");
        let text = file(&service);
        let (own, contract) = text.split_once("mod contract").expect("a contract module");
        assert!(
            own.contains(
                "#[ignore = \"no documented parameter fills {server_group_id} in the path, so the SDK cannot call it\"]"
            ),
            "{text}"
        );
        assert_eq!(own.matches("#[ignore").count(), 1);
        assert_eq!(
            contract.matches("#[tokio::test]").count(),
            service.operations.len() - 1,
            "the contract test of an operation the SDK cannot call is left out"
        );
    }

    #[test]
    fn helpers_are_declared_only_when_used() {
        let mut service = metastudio();
        service.operations.retain(|op| op.request_body.is_none());
        let text = file(&service);
        for unused in ["from_json", "body_json", "models"] {
            assert!(!text.contains(unused), "{unused} in {text}");
        }
        assert!(text.contains("without_body,"), "{text}");
    }

    #[test]
    fn the_project_id_of_paths_is_the_one_the_mock_client_sends() {
        assert_eq!(
            crate::sample::TEST_PROJECT_ID,
            apidoc_runtime::mock::PROJECT_ID
        );
    }
}
