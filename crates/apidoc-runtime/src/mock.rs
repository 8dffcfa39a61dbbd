//! Support for testing a generated SDK against a local [`wiremock`] server
//! on 127.0.0.1 (cargo feature `mock`; for tests only: helpers panic on
//! bad test data instead of returning errors).
//!
//! Each generated crate's `tests/mock_server.rs` calls every operation
//! through [`exchange`]: a mock server expecting the documented request
//! answers once with the documented answer, and the server checks it saw
//! that request. The matchers here check what is the same for every
//! service: the query ([`query_is`]), an empty body ([`without_body`]), and
//! authentication ([`signed_with_ak_sk`] computes the AK/SK signature again
//! from what the server received; [`sent_with_token`]). The client is
//! configured with the test credentials and project id of this module's
//! constants.
//!
//! ```no_run
//! use apidoc_runtime::mock::wiremock::Mock;
//! use apidoc_runtime::mock::wiremock::matchers::{method, path};
//! use apidoc_runtime::mock::{ACCESS_KEY, SECRET_KEY, answer, exchange, signed_with_ak_sk};
//! use apidoc_runtime::{Credentials, Method, OperationRequest};
//!
//! # async fn run() {
//! let response = exchange(
//!     Mock::given(method("GET")).and(path("/v1/items")).and(signed_with_ak_sk),
//!     answer(200, "{}"),
//!     Credentials::ak_sk(ACCESS_KEY, SECRET_KEY),
//!     // An SDK passes its client's constructor, such as `MetastudioClient::new`.
//!     |client| client,
//!     async |client| client.send(OperationRequest::new(Method::GET, "/v1/items")).await,
//! )
//! .await
//! .expect("the server answers");
//! assert_eq!(response.status, 200);
//! # }
//! ```

use serde_json::Value;
pub use wiremock;

pub use crate::stub::{Expected, MockService, Stub};
use wiremock::{Match, MockBuilder, MockServer, Request, ResponseTemplate};

use crate::signer::{self, SigningKey, SigningRequest};
use crate::{ApiError, Client, Credentials, Error, RetryPolicy};

/// The project id the client is configured with; it fills `{project_id}`
/// in paths and travels in `X-Project-Id` with AK/SK.
pub const PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";

/// The access key of the calls signed with AK/SK.
pub const ACCESS_KEY: &str = "test-access-key";

/// The secret key of the calls signed with AK/SK.
pub const SECRET_KEY: &str = "test-secret-key";

/// The token of the calls authenticated with a token.
pub const TOKEN: &str = "test-token";

/// The `X-Request-Id` of every [`answer`].
pub const REQUEST_ID: &str = "test-request-id";

/// A JSON value from its text.
#[track_caller]
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the test's JSON is valid")
}

/// A request body the test builds, deserialised from the page's JSON.
#[track_caller]
pub fn from_json<T: serde::de::DeserializeOwned>(value: &Value) -> T {
    serde_json::from_value(value.clone()).expect("the body fits the request's types")
}

/// A decoded response body serialised again, to compare with the answer.
#[track_caller]
pub fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("the response body serialises")
}

/// An answer of `status` carrying [`REQUEST_ID`] and the JSON `body` (none
/// when empty).
pub fn answer(status: u16, body: &str) -> ResponseTemplate {
    let answer = ResponseTemplate::new(status).insert_header("X-Request-Id", REQUEST_ID);
    if body.is_empty() {
        answer
    } else {
        answer.set_body_raw(body, "application/json")
    }
}

/// Serves `answer` once to a request that `mock` matches, on a mock server
/// on 127.0.0.1; makes the `call` with the SDK client that `sdk_client`
/// wraps around a runtime [`Client`] of that server with [`PROJECT_ID`]
/// and `credentials`; checks the server saw the expected request (naming
/// what it received otherwise) and returns the call's result.
///
/// `sdk_client` is the generated client's constructor (`XyzClient::new`);
/// the runtime [`Client`] itself serves with `|client| client`.
pub async fn exchange<C, T>(
    mock: MockBuilder,
    answer: ResponseTemplate,
    credentials: Credentials,
    sdk_client: impl FnOnce(Client) -> C,
    call: impl AsyncFnOnce(C) -> Result<T, Error>,
) -> Result<T, Error> {
    let server = MockServer::start().await;
    mock.respond_with(answer).expect(1).mount(&server).await;
    let client = Client::builder()
        .endpoint(server.uri())
        .project_id(PROJECT_ID)
        .credentials(credentials)
        // Each documented answer is served once: a 5xx is not retried.
        .retry(RetryPolicy::none())
        .build()
        .expect("the client builds");
    let result = call(sdk_client(client)).await;
    server.verify().await;
    result
}

/// The environment variable naming the base URL of a mock server that
/// serves the service's OpenAPI spec (Prism, started by `cargo xtask test`)
/// for the generated contract tests.
pub const CONTRACT_URL_VAR: &str = "APIDOC_CONTRACT_URL";

/// The SDK client that `sdk_client` wraps around a runtime [`Client`] of
/// the spec's mock server at `$APIDOC_CONTRACT_URL`, with [`PROJECT_ID`]
/// and the [`TOKEN`] credentials (the spec's `token` security scheme).
///
/// # Panics
///
/// When the variable is unset or the client does not build: the contract
/// tests are `#[ignore]`d and meant to be run by `cargo xtask test`.
#[track_caller]
pub fn contract_client<C>(sdk_client: impl FnOnce(Client) -> C) -> C {
    let url = std::env::var(CONTRACT_URL_VAR).unwrap_or_else(|_| {
        panic!("{CONTRACT_URL_VAR} names no mock server of the spec; `cargo xtask test` starts one")
    });
    let client = Client::builder()
        .endpoint(url)
        .project_id(PROJECT_ID)
        .credentials(Credentials::token(TOKEN))
        .build()
        .expect("the client builds");
    sdk_client(client)
}

/// Matches a request whose query holds exactly these pairs, in any order.
pub fn query_is(expected: &'static [(&'static str, &'static str)]) -> impl Match {
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

/// Matches a request without a body.
pub fn without_body(request: &Request) -> bool {
    request.body.is_empty()
}

/// The value of a received header, if it is text.
pub fn header_text<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request.headers.get(name)?.to_str().ok()
}

/// The `SignedHeaders` part of an `Authorization` value: the signed header
/// names joined with `;`.
pub fn signed_headers(authorization: &str) -> Option<&str> {
    authorization
        .split(", ")
        .find_map(|part| part.strip_prefix("SignedHeaders="))
}

/// The `Authorization` value the signer computes with `key` from what the
/// server received (method, path, query, the headers the received
/// `Authorization` names, body); `None` when the request carries no
/// signature or cannot be signed (no `X-Sdk-Date`, say).
pub fn recomputed_authorization(request: &Request, key: &SigningKey) -> Option<String> {
    let authorization = header_text(request, "authorization")?;
    let signed_names: Vec<String> = signed_headers(authorization)?
        .split(';')
        .map(str::to_owned)
        .collect();
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
        })
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
    let signature = signer::sign_prepared(&received, &signed_names, key).ok()?;
    Some(signature.authorization)
}

/// Matches a request signed with [`ACCESS_KEY`] and [`SECRET_KEY`]: its
/// `Authorization` equals the [`recomputed_authorization`], and
/// [`PROJECT_ID`] travels in `X-Project-Id`.
pub fn signed_with_ak_sk(request: &Request) -> bool {
    let key = SigningKey::new(ACCESS_KEY, SECRET_KEY);
    recomputed_authorization(request, &key).is_some_and(|recomputed| {
        header_text(request, "authorization") == Some(recomputed.as_str())
    }) && header_text(request, "x-project-id") == Some(PROJECT_ID)
}

/// Matches a request carrying [`TOKEN`] and no signature.
pub fn sent_with_token(request: &Request) -> bool {
    header_text(request, "x-auth-token") == Some(TOKEN)
        && !request.headers.contains_key("authorization")
}

/// Checks that the call failed with the documented error answer: its
/// status, error code and message, and [`REQUEST_ID`].
#[track_caller]
pub fn assert_api_error<T: std::fmt::Debug>(
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
            (
                answered,
                code.as_deref(),
                message.as_deref(),
                request_id.as_deref()
            ),
            (status, error_code, error_msg, Some(REQUEST_ID))
        ),
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Method, OperationRequest};
    use wiremock::Mock;
    use wiremock::matchers::method;

    /// A POST with a query and a body, so that all of them are signed.
    fn create_request() -> OperationRequest {
        let mut request = OperationRequest::new(Method::POST, "/v1/{project_id}/items");
        request.query.push(("limit".to_owned(), "10".to_owned()));
        request.body = Some(br#"{"name":"x"}"#.to_vec());
        request
    }

    async fn send_with(
        mock: MockBuilder,
        credentials: Credentials,
    ) -> Result<crate::RawResponse, Error> {
        exchange(
            mock,
            answer(200, "{}"),
            credentials,
            |client| client,
            async |client| client.send(create_request()).await,
        )
        .await
    }

    #[tokio::test]
    async fn a_request_the_client_signs_matches_signed_with_ak_sk() {
        let mock = Mock::given(method("POST")).and(signed_with_ak_sk);
        let response = send_with(mock, Credentials::ak_sk(ACCESS_KEY, SECRET_KEY)).await;
        assert_eq!(response.map(|response| response.status).ok(), Some(200));
    }

    #[tokio::test]
    async fn a_request_signed_with_another_secret_key_does_not_match() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server)
            .await;
        let client = Client::builder()
            .endpoint(server.uri())
            .project_id(PROJECT_ID)
            .credentials(Credentials::ak_sk(ACCESS_KEY, "another-secret-key"))
            .build()
            .expect("the client builds");
        client.send(create_request()).await.expect("answered");
        let received = server.received_requests().await.expect("recording is on");
        let [request] = received.as_slice() else {
            panic!("one request expected, got {}", received.len());
        };
        assert!(header_text(request, "authorization").is_some());
        assert!(!signed_with_ak_sk(request));
    }

    #[tokio::test]
    async fn a_token_request_matches_sent_with_token() {
        let mock = Mock::given(method("POST"))
            .and(sent_with_token)
            .and(query_is(&[("limit", "10")]));
        let response = send_with(mock, Credentials::token(TOKEN)).await;
        assert_eq!(response.map(|response| response.status).ok(), Some(200));
    }

    #[tokio::test]
    async fn an_error_answer_carries_the_request_id() {
        let result = exchange(
            Mock::given(method("POST")).and(query_is(&[("limit", "10")])),
            answer(400, r#"{"error_code":"X.1","error_msg":"bad"}"#),
            Credentials::token(TOKEN),
            |client| client,
            async |client| {
                let raw = client.send(create_request()).await?;
                Err::<(), _>(raw.into_api_error())
            },
        )
        .await;
        assert_api_error(result, 400, Some("X.1"), Some("bad"));
    }
}
