//! The log of a call: one `apidoc.call` span with the call's facts,
//! events for retries and project id discovery, and no secret. A binary of
//! its own, because the subscriber is the process-wide default: a
//! thread-scoped one can miss callsites other tests' threads registered
//! first.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use apidoc_runtime::mock::header_text;
use apidoc_runtime::{Client, Credentials, Method, OperationRequest, RetryPolicy};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCESS_KEY: &str = "AK-SECRET-VALUE";
const SECRET_KEY: &str = "SK-SECRET-VALUE";
const SECURITY_TOKEN: &str = "ST-SECRET-VALUE";
const REGION: &str = "cn-north-4";

/// Everything the subscriber writes, shared with the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("not poisoned")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// An AK/SK call with a security token, project id discovery and one
/// retry, logged at TRACE: the log names the operation, status, request
/// id and attempts, and holds neither key, secret, token nor signature.
#[tokio::test]
async fn the_log_of_an_ak_sk_call_has_its_facts_and_no_secret() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(captured.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");

    let iam = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v3/projects"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"projects": [{"id": "p-found", "name": REGION}]}),
            ),
        )
        .mount(&iam)
        .await;
    let service = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .mount(&service)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).insert_header("X-Request-Id", "req-7"))
        .mount(&service)
        .await;
    let client = Client::builder()
        .endpoint(service.uri())
        .region(REGION)
        .iam_endpoint(iam.uri())
        .credentials(Credentials::ak_sk(ACCESS_KEY, SECRET_KEY).with_security_token(SECURITY_TOKEN))
        .retry(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .expect("client builds");
    client
        .send_operation(
            "list_items",
            OperationRequest::new(Method::GET, "/v1/{project_id}/items"),
        )
        .await
        .expect("answered");

    let log = String::from_utf8(captured.0.lock().expect("not poisoned").clone())
        .expect("the log is text");
    for fact in [
        "apidoc.call",
        "operation=\"list_items\"",
        "method=GET",
        "path=\"/v1/{project_id}/items\"",
        "status=200",
        "request_id=\"req-7\"",
        "attempts=2",
        "elapsed_ms=",
        "retrying after an answer",
        "status=502",
        "discovered the project id",
    ] {
        assert!(log.contains(fact), "`{fact}` missing from the log:\n{log}");
    }
    let mut secrets = vec![
        ACCESS_KEY.to_owned(),
        SECRET_KEY.to_owned(),
        SECURITY_TOKEN.to_owned(),
    ];
    let mut requests = service.received_requests().await.expect("recording is on");
    requests.extend(iam.received_requests().await.expect("recording is on"));
    for request in &requests {
        let authorization = header_text(request, "authorization").expect("signed");
        let signature = authorization
            .rsplit("Signature=")
            .next()
            .expect("signature");
        secrets.push(signature.to_owned());
    }
    for secret in secrets {
        assert!(!log.contains(&secret), "a secret is in the log:\n{log}");
    }
}
