//! `tests/mock_server.rs` of the generated crate: one test per operation
//! against a mock server on 127.0.0.1, and one against a mock server of the
//! spec.
//!
//! One function per operation, `<operation>_request`, builds the request
//! from the page's example request (else from values built from the
//! tables); a body's JSON text is a constant that the mock server's body
//! matcher reads too. The test calls the operation twice with it: signed
//! with AK/SK, answered with the page's 2xx example, which must decode;
//! then with a token, answered with the page's error example, which must
//! give `Error::Api`. The mock server checks method, path, query, headers,
//! body and authentication (recomputing the AK/SK signature from what it
//! received) and answers only a request that matches. The `contract`
//! module sends the same request to `$APIDOC_CONTRACT_URL`.

mod answers;
mod helpers;
mod request;
mod values;

use crate::docs::{Doc, code};
use crate::ident::{Case, Name, Scope};
use crate::plan::{OperationPlan, Plan};
use crate::render::Items;
use crate::syntax::{Stmts, method_call, name_value_attr, str_lit};
use answers::{Failure, Success, failure, optional_text, success};
use proc_macro2::Literal;
use quote::format_ident;
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
pub(crate) fn mock_tests_file(plan: &Plan) -> Items {
    let mut names = Scope::new(Case::Snake);
    for name in helpers::HELPER_NAMES {
        names.reserve(name);
    }
    let mut contract_names = Scope::new(Case::Snake);
    contract_names.reserve("contract_client");
    let mut uses = Uses::default();
    let mut tests = Vec::new();
    let mut contract = Vec::new();
    let mut whole_requests = Vec::new();
    for (index, operation) in plan.operations.iter().enumerate() {
        let test = names.ident(operation.method.unraw(), "operation");
        let builder = names.ident(
            &format!("{}_request", operation.method.unraw()),
            "operation_request",
        );
        let request = request_case(plan, &mut uses, operation, &builder);
        let unfilled = request.unfilled.is_empty();
        tests.extend(request_builder(operation, &request, &builder));
        tests.push(operation_test(
            plan, &mut uses, operation, request, &test, &builder,
        ));
        if unfilled {
            whole_requests.push((index, builder.clone()));
            let name = contract_names.ident(operation.method.unraw(), "operation");
            contract.push(contract_test(plan, operation, &name, &builder));
        }
    }
    let mut doc = Doc::with_summary(format!(
        "Every operation of the {} API against a mock server on 127.0.0.1.",
        plan.title
    ));
    doc.paragraph(
        "Each operation's request is built by one function, `<operation>_request`, from the \
         page's example (or from values built from the tables). Its test calls the operation \
         twice: signed with AK/SK and answered with the page's 2xx example, which must decode; \
         then with a token and answered with the page's error example, which must give \
         `Error::Api`. The server answers only a request of the expected method, path, query, \
         headers, body and authentication; it computes the AK/SK signature again from what it \
         received.",
    );
    doc.paragraph(
        "The `contract` module calls every operation once more with the same request, against \
         a mock server of the crate's OpenAPI spec (`cargo xtask test` runs them under Prism, \
         which validates each request against the spec); the answer must decode.",
    );
    let doc = doc.inner_attrs();
    let helpers = helpers::helper_items(plan, &uses);
    let mut items = Items::with_inner_attrs(doc);
    items.tokens(helpers);
    items.trees(tests);
    let contract_doc =
        Doc::with_summary("Every operation against a mock server of the crate's OpenAPI spec.")
            .inner_attrs();
    items.trees([syntax!(syn::Item; doc = contract_doc, tests = contract;
        mod contract {
            #![#doc]
            use super::*;
            use apidoc_runtime::mock::contract_client;
            #tests! {}
        }
    )]);
    items.trees(crate::mock_helpers::user_test(plan, &whole_requests));
    items
}

/// The function building an operation's request (and the constant of its
/// body), which its mock-server test and its contract test both call.
fn request_builder(
    operation: &OperationPlan,
    request: &RequestCase,
    builder: &Name,
) -> Vec<syn::Item> {
    let source = match (request.from_example, request.has_example) {
        (true, _) => "the page's example request",
        (false, true) => "values built from the tables (the page's example request gives no value)",
        (false, false) => "values built from the tables (the page has no example request)",
    };
    let mut doc = Doc::with_summary(format!(
        "The request of {}: {source}.",
        code(&operation.operation.id)
    ));
    for note in &request.notes {
        doc.item(note);
    }
    let builder = syntax!(syn::Item;
        doc = doc.attrs(),
        builder = builder,
        ty = &operation.request,
        build = request.build.clone();

        #[#doc]
        fn #builder() -> operations::#ty {
            #build
        }
    );
    request
        .body_const
        .iter()
        .cloned()
        .chain([builder])
        .collect()
}

/// The contract test of one operation: its request sent to the server at
/// `$APIDOC_CONTRACT_URL` (a mock server of the spec), whose answer must
/// decode. Ignored by default; operations whose path cannot be filled get
/// none, as their mock-server tests are ignored.
fn contract_test(plan: &Plan, operation: &OperationPlan, name: &Name, builder: &Name) -> syn::Item {
    let doc = Doc::with_summary(format!(
        "{} under the spec's mock server.",
        code(&operation.operation.id)
    ));
    syntax!(syn::Item;
        doc = doc.attrs(),
        name = name,
        client = &plan.client,
        call = &operation.method,
        builder = builder;

        #[#doc]
        #[tokio::test]
        #[ignore = "needs a mock server of the spec at $APIDOC_CONTRACT_URL: cargo xtask test"]
        async fn #name() {
            contract_client(#client::new)
                .#call(super::#builder())
                .await
                .expect("the spec's mock server accepts the request and its answer decodes");
        }
    )
}

/// The test of one operation.
fn operation_test(
    plan: &Plan,
    uses: &mut Uses,
    operation: &OperationPlan,
    request: RequestCase,
    name: &Name,
    builder: &Name,
) -> syn::Item {
    let success = success(plan, uses, operation);
    let failure = failure(operation);
    let doc = test_doc(operation, builder, &success, &failure);
    let ignore: Vec<syn::Attribute> = if request.unfilled.is_empty() {
        Vec::new()
    } else {
        let reason = format!(
            "no documented parameter fills {} in the path, so the SDK cannot call it",
            request
                .unfilled
                .iter()
                .map(|name| format!("{{{name}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        vec![name_value_attr("ignore", str_lit(&reason))]
    };
    let body = test_body(plan, operation, request, builder, success, failure);
    syntax!(syn::Item;
        doc = doc.attrs(),
        ignore = ignore,
        name = name,
        body = body;

        #[#doc]
        #[tokio::test]
        #[#ignore]
        async fn #name() { #body; }
    )
}

/// The statements of an operation's test: the request, the matchers, the
/// exchange signed with AK/SK and its checks, the exchange with a token and
/// its error.
fn test_body(
    plan: &Plan,
    operation: &OperationPlan,
    request: RequestCase,
    builder: &Name,
    success: Success,
    failure: Failure,
) -> Vec<syn::Stmt> {
    let matching = syntax!(syn::Expr; method = operation.uri.method.as_str();
        Mock::given(method(#method))
    );
    let expected = request
        .matchers
        .into_iter()
        .fold(matching, |chain, matcher| {
            method_call(chain, format_ident!("and"), vec![matcher])
        });
    let success_status = Literal::u16_unsuffixed(success.status);
    let (success_let, success_body) = if success.text.is_empty() {
        (Vec::new(), str_lit(""))
    } else {
        let text = raw_string(&success.text);
        (
            syntax!(Stmts; text = text; let success = #text;).0,
            syntax!(syn::Expr;; success),
        )
    };
    let answer = success.headers.iter().fold(
        syntax!(syn::Expr; status = success_status.clone(), body = success_body;
            answer(#status, #body)
        ),
        |answer, (name, value)| {
            method_call(
                answer,
                format_ident!("insert_header"),
                vec![str_lit(name), str_lit(value)],
            )
        },
    );
    let failure_status = Literal::u16_unsuffixed(failure.status);
    syntax!(Stmts;
        builder = builder,
        lets = request.lets,
        expected = expected,
        success_let = success_let,
        answer = answer,
        client = &plan.client,
        call = &operation.method,
        success_status = success_status,
        checks = success.checks,
        failure_status = failure_status,
        failure_text = raw_string(&failure.text),
        error_code = optional_text(failure.error_code.as_deref()),
        error_msg = optional_text(failure.error_msg.as_deref());

        let request = #builder();
        #lets;
        let expected = || #expected;
        #success_let;
        let response = exchange(
            expected().and(signed_with_ak_sk),
            #answer,
            Credentials::ak_sk(ACCESS_KEY, SECRET_KEY),
            #client::new,
            async |client| client.#call(request.clone()).await,
        )
        .await
        .expect("the documented answer decodes");
        assert_eq!(response.status, #success_status);
        #checks;

        let error = exchange(
            expected().and(sent_with_token),
            answer(#failure_status, #failure_text),
            Credentials::token(TOKEN),
            #client::new,
            async |client| client.#call(request).await,
        )
        .await;
        assert_api_error(error, #failure_status, #error_code, #error_msg);
    )
    .0
}

/// What the test sends and what answers it, and where the answer departs
/// from the page.
fn test_doc(
    operation: &OperationPlan,
    builder: &Name,
    success: &Success,
    failure: &Failure,
) -> Doc {
    let uri = operation.uri;
    let mut doc = Doc::with_summary(format!(
        "{} ({}).",
        code(&format!("{} {}", uri.method.as_str(), uri.path)),
        code(&operation.operation.id)
    ));
    doc.paragraph(format!(
        "The request {} builds, signed with AK/SK, is answered with {}; sent with a token, \
         with {}.",
        code(&format!("{}()", builder.unraw())),
        success.source,
        failure.source
    ));
    for note in &success.notes {
        doc.item(note);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{awkward, metastudio};
    use crate::render::format_items;

    /// The file without its last module, the typed mocks' test
    /// (`mock_helpers`' tests read it).
    fn file(service: &apidoc_ir::Service) -> String {
        let text = format_items(mock_tests_file(&Plan::new(service)));
        let (tests, _typed_mock) = text
            .split_once("mod typed_mock")
            .expect("a typed_mock module");
        tests.to_owned()
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
    fn each_request_is_built_once_and_both_tests_call_its_builder() {
        for service in [metastudio(), awkward()] {
            let plan = Plan::new(&service);
            let text = file(&service);
            let (own, contract) = text.split_once("mod contract").expect("a contract module");
            assert!(!text.contains("allow("), "{text}");
            assert!(!contract.contains("::new("), "{contract}");
            for operation in &plan.operations {
                let builder = format!("{}_request", operation.method.unraw());
                let request = &operation.request;
                assert_eq!(
                    own.matches(&format!("operations::{request}::new(")).count(),
                    1,
                    "{text}"
                );
                assert!(own.contains(&format!("fn {builder}() -> operations::{request} {{")));
                assert!(own.contains(&format!("let request = {builder}();")));
                assert!(
                    contract.contains(&format!("super::{builder}()")),
                    "{contract}"
                );
            }
        }
    }

    #[test]
    fn builders_and_tests_never_share_a_name() {
        let mut service = metastudio();
        let mut twin = service.operations[0].clone();
        twin.id = format!("{}Request", twin.id);
        service.operations.push(twin);
        let plan = Plan::new(&service);
        let first = plan.operations[0].method.unraw();
        let text = file(&service);
        let own = text
            .split_once("mod contract")
            .expect("a contract module")
            .0;
        for name in [
            format!("fn {first}_request()"),
            format!("async fn {first}_request_2()"),
            format!("fn {first}_request_request()"),
        ] {
            assert_eq!(own.matches(&name).count(), 1, "{name} in {text}");
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
