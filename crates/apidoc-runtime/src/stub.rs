//! Typed mocks for an SDK's users (cargo feature `mock`): a local server
//! on 127.0.0.1 whose answers a test states per operation. Each generated
//! crate's `mock` module names one [`Stub`] per operation, typed with the
//! operation's request and response body; this is the service-independent
//! part: matching the method and path (and, where the test gives one, the
//! whole request as the SDK would send it) and answering.

use std::marker::PhantomData;

use serde::Serialize;
use wiremock::{Match, Mock, MockBuilder, MockServer, Request};

use crate::mock::{PROJECT_ID, REQUEST_ID, TOKEN, answer};
use crate::request::{Ids, expand_path};
use crate::{Client, Credentials, Error, Method, OperationRequest, RetryPolicy};

/// A local mock server of one service.
pub struct MockService {
    server: MockServer,
}

impl MockService {
    /// Starts a server on 127.0.0.1.
    pub async fn start() -> Self {
        Self {
            server: MockServer::start().await,
        }
    }

    /// The server's base URL.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A runtime client of this server: project id [`PROJECT_ID`], token
    /// [`TOKEN`], no retries (an answer is what the test stated).
    ///
    /// # Panics
    ///
    /// Never for the server's own URL.
    pub fn client(&self) -> Client {
        Client::builder()
            .endpoint(self.uri())
            .project_id(PROJECT_ID)
            .credentials(Credentials::token(TOKEN))
            .retry(RetryPolicy::none())
            .build()
            .expect("a client of the local server builds")
    }

    /// A stub of the operation of `method` and `path_template` (any value
    /// in each `{placeholder}`).
    pub fn stub<R, B>(&self, method: Method, path_template: &'static str) -> Stub<'_, R, B> {
        let mock = Mock::given(wiremock::matchers::method(method.as_str()))
            .and(PathTemplate(path_template));
        Stub {
            server: &self.server,
            mock,
            request: None,
            times: None,
            types: PhantomData,
        }
    }
}

/// A request an operation's stub expects, as the SDK sends it (generated
/// crates turn each request type into one).
pub struct Expected(pub Result<OperationRequest, Error>);

/// The stub of one operation: `R` is its request type, `B` its response
/// body type. Mounted by one of its `respond` methods.
#[must_use = "a stub answers nothing until a `respond` method mounts it"]
pub struct Stub<'s, R, B> {
    server: &'s MockServer,
    mock: MockBuilder,
    request: Option<OperationRequest>,
    times: Option<u64>,
    types: PhantomData<fn(R) -> B>,
}

impl<R, B> Stub<'_, R, B>
where
    R: Into<Expected>,
    B: Serialize,
{
    /// Answers only this request: its path values, query, headers and body
    /// as the SDK sends them (`{project_id}` left open is [`PROJECT_ID`]).
    ///
    /// # Panics
    ///
    /// When the request does not build (it fails validation).
    #[track_caller]
    pub fn with_request(mut self, request: R) -> Self {
        let Expected(request) = request.into();
        self.request = Some(request.expect("the expected request builds"));
        self
    }

    /// Checks, when the server stops, that it answered exactly `times`
    /// requests of this stub.
    pub fn times(mut self, times: u64) -> Self {
        self.times = Some(times);
        self
    }

    /// Answers `status` with `body` as JSON.
    ///
    /// # Panics
    ///
    /// When the body does not serialise.
    pub async fn respond(self, status: u16, body: &B) {
        let text = serde_json::to_string(body).expect("the response body serialises");
        self.mount(answer(status, &text)).await;
    }

    /// Answers `status` without a body.
    pub async fn respond_status(self, status: u16) {
        self.mount(answer(status, "")).await;
    }

    /// Answers `status` with the standard error body
    /// (`{"error_code", "error_msg"}`) and [`REQUEST_ID`].
    pub async fn respond_error(self, status: u16, error_code: &str, error_msg: &str) {
        let body = serde_json::json!({ "error_code": error_code, "error_msg": error_msg });
        self.mount(answer(status, &body.to_string())).await;
    }

    async fn mount(self, template: wiremock::ResponseTemplate) {
        let mut mock = self.mock;
        if let Some(request) = self.request {
            mock = mock.and(ExactRequest(request));
        }
        let mut mock = mock.respond_with(template.insert_header("X-Request-Id", REQUEST_ID));
        if let Some(times) = self.times {
            mock = mock.expect(times);
        }
        mock.mount(self.server).await;
    }
}

/// Matches a path of the template, any value standing in a segment holding
/// a placeholder.
struct PathTemplate(&'static str);

impl Match for PathTemplate {
    fn matches(&self, request: &Request) -> bool {
        let template: Vec<&str> = self.0.trim_end_matches('/').split('/').collect();
        let received: Vec<&str> = request
            .url
            .path()
            .trim_end_matches('/')
            .split('/')
            .collect();
        template.len() == received.len()
            && template
                .iter()
                .zip(&received)
                .all(|(expected, got)| expected.contains('{') && !got.is_empty() || expected == got)
    }
}

/// Matches the request an SDK sends for an [`OperationRequest`].
struct ExactRequest(OperationRequest);

impl Match for ExactRequest {
    fn matches(&self, request: &Request) -> bool {
        let expected = &self.0;
        let ids = Ids {
            project_id: Some(PROJECT_ID),
            domain_id: None,
        };
        let path = expand_path(expected.path_template, &expected.path_params, ids);
        let mut query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
        let mut expected_query = expected.query.clone();
        query.sort();
        expected_query.sort();
        let headers = expected
            .headers
            .iter()
            .all(|(name, value)| crate::mock::header_text(request, name) == Some(value.as_str()));
        let body = match &expected.body {
            None => request.body.is_empty(),
            Some(body) => {
                serde_json::from_slice::<serde_json::Value>(body).ok()
                    == serde_json::from_slice::<serde_json::Value>(&request.body).ok()
            }
        };
        path.is_ok_and(|path| path == request.url.path())
            && query == expected_query
            && headers
            && body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Listed {
        names: Vec<&'static str>,
    }

    struct ListRequest(u32);

    impl From<ListRequest> for Expected {
        fn from(request: ListRequest) -> Self {
            let mut operation = OperationRequest::new(Method::GET, "/v1/{project_id}/items");
            operation
                .query
                .push(("limit".to_owned(), request.0.to_string()));
            Expected(Ok(operation))
        }
    }

    async fn list(service: &MockService, limit: u32) -> u16 {
        let Expected(request) = ListRequest(limit).into();
        let request = request.expect("builds");
        service
            .client()
            .send(request)
            .await
            .map_or(0, |raw| raw.status)
    }

    #[tokio::test]
    async fn a_stub_answers_its_request_and_no_other() {
        let service = MockService::start().await;
        service
            .stub::<ListRequest, Listed>(Method::GET, "/v1/{project_id}/items")
            .with_request(ListRequest(2))
            .times(1)
            .respond(200, &Listed { names: vec!["a"] })
            .await;
        assert_eq!(list(&service, 2).await, 200);
        assert_eq!(list(&service, 3).await, 404);
    }

    #[tokio::test]
    async fn a_stub_without_request_answers_any_value_of_a_placeholder() {
        let service = MockService::start().await;
        service
            .stub::<ListRequest, Listed>(Method::GET, "/v1/{project_id}/items")
            .respond_error(409, "X.409", "busy")
            .await;
        let request = OperationRequest::new(Method::GET, "/v1/{project_id}/items");
        let raw = service.client().send(request).await.expect("answered");
        let error = raw.into_api_error();
        crate::mock::assert_api_error::<()>(Err(error), 409, Some("X.409"), Some("busy"));
    }
}
