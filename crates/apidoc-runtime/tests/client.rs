//! `Client::send` against a local mock server (127.0.0.1 only): what goes
//! on the wire for token and AK/SK credentials, and how answers decode.

use std::time::Duration;

use apidoc_runtime::mock::{header_text, recomputed_authorization, signed_headers};
use apidoc_runtime::signer::SigningKey;
use apidoc_runtime::{
    ApiError, Client, ClientBuilder, Credentials, Error, Method, OperationRequest, RawResponse,
};
use serde::Deserialize;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";
const TOKEN: &str = "TOKEN-SECRET-VALUE";
const ACCESS_KEY: &str = "AK-SECRET-VALUE";
const SECRET_KEY: &str = "SK-SECRET-VALUE";
const SECURITY_TOKEN: &str = "ST-SECRET-VALUE";

/// A server answering every request with `200 {}`.
async fn server_answering_ok() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    server
}

fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .endpoint(server.uri())
        .project_id(PROJECT)
        .timeout(Duration::from_secs(10))
}

fn ak_sk_client(server: &MockServer) -> Client {
    builder(server)
        .credentials(Credentials::ak_sk(ACCESS_KEY, SECRET_KEY).with_security_token(SECURITY_TOKEN))
        .build()
        .expect("client builds")
}

fn token_client(server: &MockServer) -> Client {
    builder(server)
        .credentials(Credentials::token(TOKEN))
        .build()
        .expect("client builds")
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "exactly one request expected");
    requests.remove(0)
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

fn search_request() -> OperationRequest {
    OperationRequest {
        method: Method::GET,
        path_template: "/v1/{project_id}/items",
        path_params: Vec::new(),
        query: pairs(&[("tag", "b"), ("limit", "10"), ("tag", "a b")]),
        headers: Vec::new(),
        body: None,
    }
}

fn create_request() -> OperationRequest {
    OperationRequest {
        method: Method::POST,
        path_template: "/v1/{project_id}/objects/{name}",
        path_params: vec![("name", "数字 人/1".to_owned())],
        query: Vec::new(),
        headers: pairs(&[("X-Custom", "  padded  ")]),
        body: Some(br#"{"name":"x","size":1}"#.to_vec()),
    }
}

/// The received and the recomputed `Authorization` values of a request.
fn authorizations(request: &Request) -> (Option<&str>, Option<String>) {
    let key = SigningKey::new(ACCESS_KEY, SECRET_KEY);
    (
        header_text(request, "authorization"),
        recomputed_authorization(request, &key),
    )
}

#[tokio::test]
async fn token_credentials_send_x_auth_token_and_no_signature() {
    let server = server_answering_ok().await;
    let response = token_client(&server).send(search_request()).await;
    assert_eq!(response.map(|response| response.status).ok(), Some(200));
    let request = only_request(&server).await;
    assert_eq!(header_text(&request, "x-auth-token"), Some(TOKEN));
    assert_eq!(header_text(&request, "authorization"), None);
    assert_eq!(header_text(&request, "x-sdk-date"), None);
    let user_agent = header_text(&request, "user-agent").unwrap_or_default();
    assert!(user_agent.starts_with("apidoc-runtime/"), "{user_agent}");
    // No body and no signing: no Content-Type.
    assert_eq!(header_text(&request, "content-type"), None);
}

#[tokio::test]
async fn ak_sk_signature_verifies_on_the_server_side() {
    let server = server_answering_ok().await;
    let client = ak_sk_client(&server);
    for request in [search_request(), create_request()] {
        client.send(request).await.expect("request is answered");
    }
    let received = server.received_requests().await.expect("recording is on");
    assert_eq!(received.len(), 2);
    for request in &received {
        let (sent, recomputed) = authorizations(request);
        assert!(recomputed.is_some(), "{} {}", request.method, request.url);
        assert_eq!(sent, recomputed.as_deref());
        let sent = sent.unwrap_or_default();
        assert!(sent.starts_with(&format!("SDK-HMAC-SHA256 Access={ACCESS_KEY}, ")));
    }
}

#[tokio::test]
async fn ak_sk_signs_what_the_official_client_signs() {
    let server = server_answering_ok().await;
    ak_sk_client(&server)
        .send(create_request())
        .await
        .expect("request is answered");
    let request = only_request(&server).await;
    let authorization = header_text(&request, "authorization").unwrap_or_default();
    assert_eq!(
        signed_headers(authorization),
        Some("content-type;host;user-agent;x-custom;x-project-id;x-sdk-date;x-security-token")
    );
    assert_eq!(header_text(&request, "x-project-id"), Some(PROJECT));
    assert_eq!(
        header_text(&request, "x-security-token"),
        Some(SECURITY_TOKEN)
    );
    assert_eq!(
        header_text(&request, "content-type"),
        Some("application/json")
    );
    assert_eq!(header_text(&request, "x-custom"), Some("padded"));
    assert_eq!(request.body, br#"{"name":"x","size":1}"#);
}

#[tokio::test]
async fn ak_sk_get_without_body_still_sends_json_content_type() {
    let server = server_answering_ok().await;
    ak_sk_client(&server)
        .send(search_request())
        .await
        .expect("request is answered");
    let request = only_request(&server).await;
    assert_eq!(
        header_text(&request, "content-type"),
        Some("application/json")
    );
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn project_id_from_config_fills_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/{PROJECT}/items")))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let response = token_client(&server).send(search_request()).await;
    assert_eq!(response.map(|response| response.status).ok(), Some(200));
}

#[tokio::test]
async fn project_id_missing_everywhere_is_a_config_error() {
    let server = MockServer::start().await;
    let client = Client::builder()
        .endpoint(server.uri())
        .unauthenticated()
        .build()
        .expect("client builds");
    match client.send(search_request()).await {
        Err(Error::Config(message)) => assert!(message.contains("`project_id`"), "{message}"),
        other => panic!("expected a config error, got {other:?}"),
    }
    let requests = server.received_requests().await.unwrap_or_default();
    assert!(requests.is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn path_values_are_percent_encoded_with_nothing_left_unescaped() {
    let server = server_answering_ok().await;
    token_client(&server)
        .send(create_request())
        .await
        .expect("request is answered");
    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        format!("/v1/{PROJECT}/objects/%E6%95%B0%E5%AD%97%20%E4%BA%BA%2F1")
    );
}

#[tokio::test]
async fn query_repeats_keys_in_caller_order_with_token() {
    let server = server_answering_ok().await;
    token_client(&server)
        .send(search_request())
        .await
        .expect("request is answered");
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), Some("tag=b&limit=10&tag=a%20b"));
}

#[tokio::test]
async fn query_is_the_canonical_sorted_string_with_ak_sk() {
    let server = server_answering_ok().await;
    ak_sk_client(&server)
        .send(search_request())
        .await
        .expect("request is answered");
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), Some("limit=10&tag=a%20b&tag=b"));
}

#[tokio::test]
async fn error_status_is_returned_and_decodes_to_api_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("X-Request-Id", "req-42")
                .set_body_string(r#"{"error_code":"MSS.00000003","error_msg":"Not found"}"#),
        )
        .mount(&server)
        .await;
    let response = token_client(&server)
        .send(search_request())
        .await
        .expect("a 404 is a response, not an error");
    assert!(!response.is_success());
    assert_eq!(response.request_id(), Some("req-42"));
    match response.into_api_error() {
        Error::Api(ApiError {
            status,
            error_code,
            error_msg,
            request_id,
            ..
        }) => {
            assert_eq!(status, 404);
            assert_eq!(error_code.as_deref(), Some("MSS.00000003"));
            assert_eq!(error_msg.as_deref(), Some("Not found"));
            assert_eq!(request_id.as_deref(), Some("req-42"));
        }
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

#[derive(Debug, Deserialize)]
struct Listing {
    #[allow(dead_code, reason = "only decoding is under test")]
    count: u32,
}

#[tokio::test]
async fn json_answer_decodes_and_non_json_gives_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/{PROJECT}/items")))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"count":3}"#))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/html"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>maintenance</html>"))
        .mount(&server)
        .await;
    let client = token_client(&server);
    let listing: Result<Listing, Error> = send_ok(&client, search_request()).await.json();
    assert_eq!(listing.map(|listing| listing.count).ok(), Some(3));
    let html = send_ok(&client, OperationRequest::new(Method::GET, "/html")).await;
    match html.json::<Listing>() {
        Err(Error::Decode { status, body, .. }) => {
            assert_eq!(status, 200);
            assert_eq!(body, "<html>maintenance</html>");
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

async fn send_ok(client: &Client, request: OperationRequest) -> RawResponse {
    client.send(request).await.expect("request is answered")
}

#[tokio::test]
async fn slow_answer_gives_transport_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client builds");
    match client.send(search_request()).await {
        Err(Error::Transport(inner)) => {
            assert!(inner.is_timeout(), "{inner}");
            let shown = Error::Transport(inner).to_string();
            assert!(shown.contains("timed out"), "{shown}");
        }
        other => panic!("expected a transport timeout, got {other:?}"),
    }
}

/// Every way a secret could leak into text: Debug of the credentials,
/// builder and client, and Display/Debug of errors raised while they are
/// in use.
#[tokio::test]
async fn secrets_never_appear_in_debug_or_error_text() {
    let credentials = [
        Credentials::token(TOKEN).with_security_token(SECURITY_TOKEN),
        Credentials::ak_sk(ACCESS_KEY, SECRET_KEY).with_security_token(SECURITY_TOKEN),
    ];
    let mut texts = Vec::new();
    for credentials in credentials {
        texts.push(format!("{credentials:?}"));
        // Port 1 on the loopback address: refused at once, a transport error.
        let unreachable = Client::builder()
            .endpoint("http://127.0.0.1:1")
            .project_id(PROJECT)
            .credentials(credentials.clone());
        texts.push(format!("{unreachable:?}"));
        let client = unreachable.build().expect("client builds");
        texts.push(format!("{client:?}"));
        let transport = client.send(search_request()).await;
        assert!(
            matches!(transport, Err(Error::Transport(_))),
            "{transport:?}"
        );
        let config = client
            .send(OperationRequest::new(Method::GET, "/v1/{missing}"))
            .await;
        assert!(matches!(config, Err(Error::Config(_))), "{config:?}");
        let mut bad_header = search_request();
        bad_header
            .headers
            .push(("X-Bad".to_owned(), format!("{TOKEN}\n{SECRET_KEY}")));
        let validation = client.send(bad_header).await;
        assert!(
            matches!(validation, Err(Error::Validation { .. })),
            "{validation:?}"
        );
        for error in [transport, config, validation]
            .into_iter()
            .filter_map(Result::err)
        {
            texts.push(format!("{error} {error:?}"));
        }
    }
    assert_eq!(texts.len(), 12);
    for text in &texts {
        for secret in [TOKEN, ACCESS_KEY, SECRET_KEY, SECURITY_TOKEN] {
            assert!(!text.contains(secret), "{secret} leaked into: {text}");
        }
    }
}
