//! What [`Client::send`](crate::Client::send) returns for any status, and
//! how generated code turns it into a typed value or an [`ApiError`].

use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::excerpt;
use crate::{ApiError, Error};

/// Response header carrying the id support asks for.
const REQUEST_ID_HEADER: &str = "X-Request-Id";

/// A complete HTTP response, whatever its status.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// Response body.
    pub body: bytes::Bytes,
}

impl RawResponse {
    /// The value of header `name` (any case), if present and valid text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// The `X-Request-Id` header.
    pub fn request_id(&self) -> Option<&str> {
        self.header(REQUEST_ID_HEADER)
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Decodes the body as JSON. An empty body reads as `null`, so `()` and
    /// `Option<T>` decode from responses without content.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let body: &[u8] = if self.body.is_empty() {
            b"null"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|error| Error::Decode {
            status: self.status,
            message: error.to_string(),
            body: excerpt(&self.body_text()),
        })
    }

    /// `self` when its status is 2xx and one of `documented` (any 2xx
    /// when the operation documents none); an error status becomes
    /// [`Error::Api`] ([`into_api_error`](Self::into_api_error)), an
    /// undocumented 2xx [`Error::UndocumentedStatus`] carrying the answer.
    pub fn success(self, documented: &[u16]) -> Result<Self, Error> {
        if !self.is_success() {
            return Err(self.into_api_error());
        }
        if documented.is_empty() || documented.contains(&self.status) {
            return Ok(self);
        }
        Err(Error::UndocumentedStatus {
            response: Box::new(self),
            documented: documented.to_vec(),
        })
    }

    /// Turns an error response into [`Error::Api`], reading the service's
    /// error code and message from the common body shapes
    /// ([`ERROR_CODE_FIELDS`], [`ERROR_MESSAGE_FIELDS`]), at the top or
    /// nested under `"error"`.
    pub fn into_api_error(self) -> Error {
        let parsed: Option<Value> = serde_json::from_slice(&self.body).ok();
        let fields = parsed.as_ref().map(error_object);
        let text_field = |names: &[&str]| fields.and_then(|object| first_text(object, names));
        Error::Api(ApiError {
            status: self.status,
            error_code: text_field(ERROR_CODE_FIELDS),
            error_msg: text_field(ERROR_MESSAGE_FIELDS),
            request_id: self.request_id().map(str::to_owned).or_else(|| {
                parsed
                    .as_ref()
                    .and_then(|body| first_text(body, &["request_id"]))
            }),
            body: self.body_text(),
        })
    }

    fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Where error bodies put the error code, in order of preference: the
/// Huawei Cloud form, the common `code`, camelCase services, RFC 9457
/// problem details (`title`), OAuth (`error` as text).
pub const ERROR_CODE_FIELDS: &[&str] = &["error_code", "code", "errorCode", "title", "error"];

/// Where error bodies put the message, in the same order.
pub const ERROR_MESSAGE_FIELDS: &[&str] = &[
    "error_msg",
    "message",
    "error_message",
    "errorMsg",
    "errorMessage",
    "detail",
    "error_description",
];

/// The object holding the error fields: `body.error` when that is an
/// object, else the body itself.
fn error_object(body: &Value) -> &Value {
    body.get("error")
        .filter(|inner| inner.is_object())
        .unwrap_or(body)
}

/// The first of `names` present in `object` as a string or number.
fn first_text(object: &Value, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| match object.get(name)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn response(status: u16, body: &str, request_id: Option<&'static str>) -> RawResponse {
        let mut headers = HeaderMap::new();
        if let Some(id) = request_id {
            headers.insert(REQUEST_ID_HEADER, HeaderValue::from_static(id));
        }
        RawResponse {
            status,
            headers,
            body: bytes::Bytes::from(body.to_owned()),
        }
    }

    fn api_error(response: RawResponse) -> ApiError {
        match response.into_api_error() {
            Error::Api(error) => error,
            other => panic!("expected Error::Api, got {other:?}"),
        }
    }

    #[test]
    fn decodes_the_common_error_body_forms() {
        for body in [
            r#"{"error_code":"E.1","error_msg":"bad"}"#,
            r#"{"code":"E.1","message":"bad"}"#,
            r#"{"error":{"code":"E.1","message":"bad"}}"#,
            r#"{"error":{"error_code":"E.1","error_msg":"bad"}}"#,
            r#"{"errorCode":"E.1","errorMessage":"bad"}"#,
            r#"{"type":"about:blank","title":"E.1","status":400,"detail":"bad"}"#,
            r#"{"error":"E.1","error_description":"bad"}"#,
        ] {
            let error = api_error(response(400, body, Some("r-1")));
            assert_eq!(error.error_code.as_deref(), Some("E.1"), "{body}");
            assert_eq!(error.error_msg.as_deref(), Some("bad"), "{body}");
            assert_eq!(error.request_id.as_deref(), Some("r-1"), "{body}");
            assert_eq!(error.body, body);
        }
    }

    #[test]
    fn numeric_code_and_body_request_id_are_used() {
        let error = api_error(response(
            404,
            r#"{"code":404,"message":"gone","request_id":"r-body"}"#,
            None,
        ));
        assert_eq!(error.error_code.as_deref(), Some("404"));
        assert_eq!(error.request_id.as_deref(), Some("r-body"));
    }

    #[test]
    fn non_json_error_body_keeps_the_text() {
        let error = api_error(response(502, "<html>bad gateway</html>", None));
        assert_eq!(error.error_code, None);
        assert_eq!(error.body, "<html>bad gateway</html>");
    }

    #[test]
    fn empty_body_decodes_as_null() {
        assert_eq!(
            response(204, "", None).json::<Option<u8>>().ok(),
            Some(None)
        );
        assert!(response(204, "", None).json::<()>().is_ok());
    }

    #[test]
    fn json_failure_reports_status_and_body() {
        match response(200, "not json", None).json::<Value>() {
            Err(Error::Decode { status, body, .. }) => {
                assert_eq!(status, 200);
                assert_eq!(body, "not json");
            }
            other => panic!("expected Error::Decode, got {other:?}"),
        }
    }

    #[test]
    fn success_takes_the_documented_2xx_statuses_only() {
        assert!(response(201, "{}", None).success(&[200, 201]).is_ok());
        assert!(response(204, "", None).success(&[]).is_ok());
        match response(202, r#"{"job_id":"j"}"#, None).success(&[200, 201]) {
            Err(Error::UndocumentedStatus {
                response,
                documented,
            }) => {
                assert_eq!(response.status, 202);
                assert_eq!(&response.body[..], br#"{"job_id":"j"}"#);
                assert_eq!(documented, [200, 201]);
            }
            other => panic!("expected Error::UndocumentedStatus, got {other:?}"),
        }
        assert!(matches!(
            response(404, "", None).success(&[200]),
            Err(Error::Api(_))
        ));
    }

    #[test]
    fn success_is_2xx_only() {
        assert!(response(200, "", None).is_success());
        assert!(response(299, "", None).is_success());
        assert!(!response(300, "", None).is_success());
        assert!(!response(404, "", None).is_success());
    }
}
