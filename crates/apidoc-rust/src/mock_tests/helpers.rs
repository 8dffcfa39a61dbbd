//! The items every generated mock-server test file starts with: imports,
//! the test credentials, and the helpers the tests share (the AK/SK
//! signature check among them).

use super::Uses;
use crate::plan::Plan;
use crate::sample::TEST_PROJECT_ID;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The imports, constants and helpers the tests use.
pub(super) fn helper_items(plan: &Plan, uses: &Uses) -> TokenStream {
    let krate = format_ident!("{}", plan.crate_name);
    let client = &plan.client;
    let models = uses.models.then(|| quote!(models,));
    let matchers = [
        (uses.body_json, quote!(body_json)),
        (uses.header, quote!(header)),
        (uses.headers, quote!(headers)),
    ]
    .into_iter()
    .filter_map(|(used, name)| used.then_some(name));
    let from_json = uses.from_json.then(|| {
        quote! {
            /// The request body the test builds, deserialised from the page's JSON.
            fn from_json<T: serde::de::DeserializeOwned>(value: &Value) -> T {
                serde_json::from_value(value.clone()).expect("the body fits the request's types")
            }
        }
    });
    let to_json = uses.to_json.then(|| {
        quote! {
            /// A decoded response body serialised again, to compare with the answer.
            fn to_json<T: serde::Serialize>(value: &T) -> Value {
                serde_json::to_value(value).expect("the response body serialises")
            }
        }
    });
    let without_body = uses.without_body.then(|| {
        quote! {
            /// Matches a request without a body.
            fn without_body(request: &Request) -> bool {
                request.body.is_empty()
            }
        }
    });
    quote! {
        use apidoc_runtime::signer::{self, SigningKey, SigningRequest};
        use #krate::{#models operations, ApiError, Credentials, Error, #client};
        use serde_json::Value;
        use wiremock::matchers::{#(#matchers,)* method, path};
        use wiremock::{Match, Mock, MockBuilder, MockServer, Request, ResponseTemplate};

        /// The project id the client is configured with; it fills `{project_id}` in paths.
        const PROJECT_ID: &str = #TEST_PROJECT_ID;
        /// The access key of the calls signed with AK/SK.
        const ACCESS_KEY: &str = "test-access-key";
        /// The secret key of the calls signed with AK/SK.
        const SECRET_KEY: &str = "test-secret-key";
        /// The token of the calls authenticated with a token.
        const TOKEN: &str = "test-token";
        /// The `X-Request-Id` of every answer.
        const REQUEST_ID: &str = "test-request-id";

        /// A JSON value from its text.
        fn json(text: &str) -> Value {
            serde_json::from_str(text).expect("the test's JSON is valid")
        }

        #from_json
        #to_json

        /// An answer of `status` carrying the request id and `body` (none when empty).
        fn answer(status: u16, body: &str) -> ResponseTemplate {
            let answer = ResponseTemplate::new(status).insert_header("X-Request-Id", REQUEST_ID);
            if body.is_empty() {
                answer
            } else {
                answer.set_body_raw(body, "application/json")
            }
        }

        /// Serves `answer` once to a request that `mock` matches, on a mock
        /// server on 127.0.0.1; makes the `call` with a client of that server
        /// and `credentials`; checks the server saw the expected request
        /// (naming what it received otherwise) and returns the call's result.
        async fn exchange<T>(
            mock: MockBuilder,
            answer: ResponseTemplate,
            credentials: Credentials,
            call: impl AsyncFnOnce(#client) -> Result<T, Error>,
        ) -> Result<T, Error> {
            let server = MockServer::start().await;
            mock.respond_with(answer).expect(1).mount(&server).await;
            let client = #client::builder()
                .endpoint(server.uri())
                .project_id(PROJECT_ID)
                .credentials(credentials)
                .build()
                .expect("the client builds");
            let result = call(client).await;
            server.verify().await;
            result
        }

        /// Matches a request whose query holds exactly these pairs, in any order.
        fn query_is(expected: &'static [(&'static str, &'static str)]) -> impl Match {
            move |request: &Request| {
                let mut received: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
                let mut expected: Vec<(String, String)> = expected
                    .iter()
                    .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                    .collect();
                received.sort();
                expected.sort();
                received == expected
            }
        }

        #without_body

        /// The value of a received header, if it is text.
        fn header_text<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
            request.headers.get(name)?.to_str().ok()
        }

        /// Matches a request signed with the test AK/SK: the signature is
        /// computed again from what was received (method, path, query, the
        /// headers `SignedHeaders` names, body) and must equal the
        /// `Authorization` header; the project id travels in `X-Project-Id`.
        fn signed_with_ak_sk(request: &Request) -> bool {
            let Some(authorization) = header_text(request, "authorization") else {
                return false;
            };
            let Some(signed_headers) = authorization
                .split(", ")
                .find_map(|part| part.strip_prefix("SignedHeaders="))
            else {
                return false;
            };
            let signed_names: Vec<String> = signed_headers.split(';').map(str::to_owned).collect();
            let headers: Vec<(String, String)> = request
                .headers
                .iter()
                .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
                .collect();
            let query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
            let received = SigningRequest {
                method: request.method.as_str(),
                // Unused: the received Host header is signed.
                host: "",
                path: request.url.path(),
                query: &query,
                headers: &headers,
                body: Some(&request.body),
            };
            let key = SigningKey::new(ACCESS_KEY, SECRET_KEY);
            let recomputed = signer::sign_prepared(&received, &signed_names, &key);
            recomputed.is_ok_and(|signature| signature.authorization == authorization)
                && header_text(request, "x-project-id") == Some(PROJECT_ID)
        }

        /// Matches a request carrying the test token and no signature.
        fn sent_with_token(request: &Request) -> bool {
            header_text(request, "x-auth-token") == Some(TOKEN)
                && !request.headers.contains_key("authorization")
        }

        /// Checks that the call failed with the documented error answer.
        fn assert_api_error<T: std::fmt::Debug>(
            result: Result<T, Error>,
            status: u16,
            error_code: Option<&str>,
            error_msg: Option<&str>,
        ) {
            match result {
                Err(Error::Api(ApiError {
                    status: answered,
                    error_code: code,
                    error_msg: message,
                    request_id,
                    ..
                })) => assert_eq!(
                    (answered, code.as_deref(), message.as_deref(), request_id.as_deref()),
                    (status, error_code, error_msg, Some(REQUEST_ID))
                ),
                other => panic!("expected Error::Api, got {other:?}"),
            }
        }
    }
}

/// Names of the helpers, imports and the harness, which no test may take.
pub(super) const HELPER_NAMES: &[&str] = &[
    "answer",
    "assert_api_error",
    "body_json",
    "exchange",
    "from_json",
    "header",
    "header_text",
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
    "signer",
    "to_json",
    "without_body",
];
