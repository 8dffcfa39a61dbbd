//! The one error type every runtime call and generated operation returns.

use std::error::Error as _;
use std::fmt;

use crate::RawResponse;

/// Everything that can go wrong between building a request and decoding its
/// response.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value was rejected before anything was sent.
    #[error("invalid value for `{field}`: {message}")]
    Validation {
        /// The field, parameter or header the value belongs to.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The service answered with an error status.
    #[error("{0}")]
    Api(ApiError),
    /// The request never got a complete answer: connection, TLS, timeout.
    #[error("HTTP transport failed: {}", error_chain(.0))]
    Transport(reqwest::Error),
    /// The service answered with a 2xx status its pages do not document for
    /// the operation, so there is no telling what the body holds: the
    /// answer is kept whole for the caller to read.
    #[error(
        "the service answered HTTP {}, which the operation does not document (documented: {}); body: {}",
        .response.status,
        statuses(.documented),
        excerpt(&String::from_utf8_lossy(&.response.body))
    )]
    UndocumentedStatus {
        /// The answer: status, headers and the whole body.
        response: Box<RawResponse>,
        /// The 2xx statuses the operation documents.
        documented: Vec<u16>,
    },
    /// The answer arrived but its body is not what the operation expects.
    #[error("cannot decode the HTTP {status} response: {message}; body: {body}")]
    Decode {
        /// HTTP status of the response.
        status: u16,
        /// What the decoder reported.
        message: String,
        /// The start of the body, as text.
        body: String,
    },
    /// The client or request is set up wrongly (endpoint, missing parameter).
    #[error("configuration error: {0}")]
    Config(String),
    /// A job waited for ended with a status its page lists as a failure.
    #[error("job {job_id} ended with status {status}: {job}")]
    JobFailed {
        /// The job's id.
        job_id: String,
        /// Its final status.
        status: String,
        /// The job query's last answer (its JSON body).
        job: String,
    },
    /// A job waited for was still running at the deadline.
    #[error("job {job_id} still has status {status:?} after {waited:?}")]
    WaitTimeout {
        /// The job's id.
        job_id: String,
        /// Its last status.
        status: String,
        /// How long it was waited for.
        waited: std::time::Duration,
    },
}

impl From<reqwest::Error> for Error {
    fn from(error: reqwest::Error) -> Self {
        Self::Transport(error)
    }
}

/// An error answer from the service, decoded as far as its body allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// Service error code such as `APIGW.0301`, when the body has one.
    pub error_code: Option<String>,
    /// Service error message, when the body has one.
    pub error_msg: Option<String>,
    /// `X-Request-Id` of the response (or `request_id` from the body):
    /// quote it to support.
    pub request_id: Option<String>,
    /// The whole body as text (invalid UTF-8 replaced).
    pub body: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the service answered HTTP {}", self.status)?;
        match (&self.error_code, &self.error_msg) {
            (Some(code), Some(message)) => write!(f, ": {code}: {message}")?,
            (Some(text), None) | (None, Some(text)) => write!(f, ": {text}")?,
            (None, None) if !self.body.is_empty() => write!(f, ": {}", excerpt(&self.body))?,
            (None, None) => {}
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {request_id})")?;
        }
        Ok(())
    }
}

/// Longest body excerpt kept in messages, in characters.
const EXCERPT_CHARS: usize = 512;

/// The first [`EXCERPT_CHARS`] characters of `text`, marked when cut.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// `200, 201`.
fn statuses(statuses: &[u16]) -> String {
    let text: Vec<String> = statuses.iter().map(u16::to_string).collect();
    text.join(", ")
}

/// reqwest's own message names only the step that failed ("error sending
/// request"); the cause ("operation timed out") sits in its source chain.
pub(crate) fn error_chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_error(code: Option<&str>, message: Option<&str>, body: &str) -> ApiError {
        ApiError {
            status: 404,
            error_code: code.map(str::to_owned),
            error_msg: message.map(str::to_owned),
            request_id: Some("req-1".to_owned()),
            body: body.to_owned(),
        }
    }

    #[test]
    fn api_error_display_names_code_message_and_request_id() {
        let error = api_error(Some("APIGW.0101"), Some("The API does not exist"), "{}");
        assert_eq!(
            error.to_string(),
            "the service answered HTTP 404: APIGW.0101: The API does not exist (request id req-1)"
        );
    }

    #[test]
    fn api_error_display_falls_back_to_the_body() {
        let error = api_error(None, None, "not found");
        assert_eq!(
            error.to_string(),
            "the service answered HTTP 404: not found (request id req-1)"
        );
    }

    #[test]
    fn excerpt_cuts_on_a_character_boundary() {
        let long = "é".repeat(EXCERPT_CHARS + 1);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt("short"), "short");
    }

    #[test]
    fn validation_display_names_the_field() {
        let error = Error::Validation {
            field: "limit".to_owned(),
            message: "must be at most 100, got 200".to_owned(),
        };
        assert_eq!(
            error.to_string(),
            "invalid value for `limit`: must be at most 100, got 200"
        );
    }
}
