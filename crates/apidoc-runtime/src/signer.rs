//! AK/SK request signing with `SDK-HMAC-SHA256`, byte for byte as the
//! official Huawei Cloud Python SDK (`huaweicloudsdkcore`) signs.
//!
//! The scheme is described step by step in `shared/signing/SPEC.md`; the
//! step numbers in the comments below refer to it.
//!
//! Two entry points:
//!
//! - [`sign`] does everything the official client does: adds `X-Sdk-Date`,
//!   `Host` and (for non-JSON bodies) `X-Sdk-Content-Sha256`, trims header
//!   values, signs every header whose name has no `_`, and returns the
//!   `Authorization` value, the URI to send and the headers to send.
//! - [`sign_prepared`] is the core (steps 5–12) for a caller that chooses
//!   the signed header set itself (as the Go SDK does, or a server that
//!   re-checks a received request against its `SignedHeaders` list).
//!
//! ```
//! use apidoc_runtime::signer::{self, SigningKey, SigningRequest};
//! let key = SigningKey::new("AK", "SK");
//! let headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
//! let query = vec![("limit".to_owned(), "10".to_owned())];
//! let request = SigningRequest {
//!     method: "GET",
//!     host: "ecs.example.com",
//!     path: "/v1/servers",
//!     query: &query,
//!     headers: &headers,
//!     body: None,
//! };
//! let signed = signer::sign(&request, &key, std::time::SystemTime::now()).unwrap();
//! assert_eq!(signed.request_uri, "/v1/servers?limit=10");
//! assert!(signed.signature.authorization.starts_with("SDK-HMAC-SHA256 Access=AK, "));
//! ```

use std::fmt;
use std::time::SystemTime;

use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use sha2::{Digest, Sha256};
use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// The algorithm name that starts the string to sign and the `Authorization` value.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// Header carrying the signing time.
pub const HEADER_SDK_DATE: &str = "X-Sdk-Date";
/// Header marking a payload that is not hashed.
pub const HEADER_CONTENT_SHA256: &str = "X-Sdk-Content-Sha256";
/// Value of [`HEADER_CONTENT_SHA256`] for a payload that is not hashed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// SHA-256 of the empty byte string: the payload hash of a request without body.
pub const EMPTY_PAYLOAD_HASH: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// `YYYYMMDD'T'HHMMSS'Z'`, the only time format the scheme uses.
const SDK_DATE_FORMAT: &[FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// Every byte except `A-Z a-z 0-9 - _ . ~` is escaped (step 5); the
/// official client uses the same set when it substitutes path parameters.
const ESCAPE_ALL_BUT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// An access key / secret key pair. `Debug` shows neither value.
#[derive(Clone)]
pub struct SigningKey {
    access_key: String,
    secret_key: String,
}

impl SigningKey {
    /// A key pair from the access key (AK) and secret key (SK).
    pub fn new(access_key: impl Into<String>, secret_key: impl Into<String>) -> Self {
        Self {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
        }
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("access_key", &"<set>")
            .field("secret_key", &"<set>")
            .finish()
    }
}

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The `X-Sdk-Date` header is not in the `YYYYMMDD'T'HHMMSS'Z'` form.
    #[error("header X-Sdk-Date must look like 20261123T063000Z, got {0:?}")]
    InvalidDate(String),
    /// The `X-Sdk-Date` header is missing (only [`sign_prepared`] requires it).
    #[error("header X-Sdk-Date is missing; it must be set before signing")]
    MissingDate,
    /// A header chosen for signing is not on the request.
    #[error("header {0:?} is listed for signing but not present on the request")]
    MissingSignedHeader(String),
    /// The signing time is before 1970 or after 9999.
    #[error("the signing time is outside the range the date format can express")]
    TimeOutOfRange,
    /// The secret key was refused by HMAC-SHA256 (which takes keys of any
    /// length, so this does not happen with the current `hmac` crate).
    #[error("the secret key cannot key HMAC-SHA256")]
    InvalidSecretKey,
}

/// What gets signed: the request as it will be sent.
#[derive(Debug, Clone, Copy)]
pub struct SigningRequest<'a> {
    /// HTTP method, any case (it is upper-cased for signing).
    pub method: &'a str,
    /// Endpoint host, with `:port` when the endpoint names one. Used for the
    /// `Host` header unless `headers` already has one.
    pub host: &'a str,
    /// Resource path as placed on the request (path parameters already
    /// substituted and percent-encoded).
    pub path: &'a str,
    /// Query pairs in caller order, raw (not encoded); a list value is the
    /// key repeated.
    pub query: &'a [(String, String)],
    /// Headers in caller order.
    pub headers: &'a [(String, String)],
    /// Exact body bytes, or `None` for no body.
    pub body: Option<&'a [u8]>,
}

/// The intermediate and final values of steps 5–12.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Step 5: the canonical URI (decoded once, re-encoded, trailing `/`).
    pub canonical_uri: String,
    /// Step 6: sorted and encoded query; also the query the official SDK sends.
    pub canonical_query_string: String,
    /// Step 4: lower-case signed header names joined with `;`.
    pub signed_headers: String,
    /// Step 8: hex SHA-256 of the body, or the unsigned-payload marker.
    pub payload_hash: String,
    /// Step 9: the canonical request.
    pub canonical_request: String,
    /// Step 10: the string to sign.
    pub string_to_sign: String,
    /// Step 11: lower-case hex HMAC-SHA256.
    pub signature: String,
    /// Step 12: the `Authorization` header value.
    pub authorization: String,
}

/// A request signed the way the official client signs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// All canonical values and the `Authorization` value.
    pub signature: Signature,
    /// Path plus `?` and the canonical query string (no `?` when the query
    /// is empty): what the official SDK puts on the wire.
    pub request_uri: String,
    /// Every header to send except `Authorization`, in order: the caller's
    /// (values trimmed), then `X-Sdk-Date`, `X-Sdk-Content-Sha256` and `Host`
    /// where the signer added them.
    pub headers: Vec<(String, String)>,
}

/// Signs `request` as the official Python SDK does (steps 1–12), using
/// `now` unless the request already carries an `X-Sdk-Date` header.
pub fn sign(
    request: &SigningRequest<'_>,
    key: &SigningKey,
    now: SystemTime,
) -> Result<SignedRequest, SignError> {
    let headers = prepare_headers(request.headers, request.host, now)?;
    let names = official_signed_header_names(&headers);
    let signature = sign_prepared(
        &SigningRequest {
            headers: &headers,
            ..*request
        },
        &names,
        key,
    )?;
    let request_uri = request_uri(request.path, &signature.canonical_query_string);
    Ok(SignedRequest {
        signature,
        request_uri,
        headers,
    })
}

/// Steps 1–3 and the value trimming the official client applies: returns
/// the headers to send (and sign), adding `X-Sdk-Date` (from `now`),
/// `X-Sdk-Content-Sha256` and `Host` where needed.
pub fn prepare_headers(
    headers: &[(String, String)],
    host: &str,
    now: SystemTime,
) -> Result<Vec<(String, String)>, SignError> {
    let mut prepared: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| (name.clone(), value.trim().to_owned()))
        .collect();
    match header_value(&prepared, HEADER_SDK_DATE) {
        Some(given) => {
            parse_sdk_date(given)?;
        }
        None => prepared.push((HEADER_SDK_DATE.to_owned(), format_sdk_date(now)?)),
    }
    if header_value(&prepared, "Content-Type").is_some_and(is_unsigned_content_type) {
        prepared.push((
            HEADER_CONTENT_SHA256.to_owned(),
            UNSIGNED_PAYLOAD.to_owned(),
        ));
    }
    if header_value(&prepared, "Host").is_none() {
        prepared.push(("Host".to_owned(), host.to_owned()));
    }
    Ok(prepared)
}

/// Step 4 with the official client's policy: every header name without
/// `_`, lower-cased, sorted by byte value, deduplicated.
pub fn official_signed_header_names(headers: &[(String, String)]) -> Vec<String> {
    let mut names: Vec<String> = headers
        .iter()
        .filter(|(name, _)| !name.contains('_'))
        .map(|(name, _)| name.to_ascii_lowercase())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Steps 5–12 with the signed header set given explicitly (lower-case
/// names, in the order they should appear). The signing time is the
/// request's `X-Sdk-Date` header, which must be present; the payload hash
/// honours an `X-Sdk-Content-Sha256` header.
pub fn sign_prepared(
    request: &SigningRequest<'_>,
    signed_header_names: &[String],
    key: &SigningKey,
) -> Result<Signature, SignError> {
    let timestamp = header_value(request.headers, HEADER_SDK_DATE).ok_or(SignError::MissingDate)?;
    parse_sdk_date(timestamp)?;
    let canonical_uri = canonical_uri(request.path);
    let canonical_query_string = canonical_query_string(request.query);
    let canonical_headers = canonical_headers(request.headers, signed_header_names)?;
    let signed_headers = signed_header_names.join(";");
    let payload_hash = payload_hash(request.body, request.headers);
    let canonical_request = [
        request.method.to_ascii_uppercase().as_str(),
        &canonical_uri,
        &canonical_query_string,
        &canonical_headers,
        &signed_headers,
        &payload_hash,
    ]
    .join("\n");
    let string_to_sign = [
        ALGORITHM,
        timestamp,
        &sha256_hex(canonical_request.as_bytes()),
    ]
    .join("\n");
    let signature = hmac_sha256_hex(&key.secret_key, &string_to_sign)?;
    let authorization = format!(
        "{ALGORITHM} Access={}, SignedHeaders={signed_headers}, Signature={signature}",
        key.access_key
    );
    Ok(Signature {
        canonical_uri,
        canonical_query_string,
        signed_headers,
        payload_hash,
        canonical_request,
        string_to_sign,
        signature,
        authorization,
    })
}

/// Percent-encodes every byte of the UTF-8 form of `value` except
/// `A-Z a-z 0-9 - _ . ~`, with upper-case hex. Used for path parameter
/// values, query keys and values, and canonical URI segments.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, ESCAPE_ALL_BUT_UNRESERVED).to_string()
}

/// Step 5: decode the path once, split on `/`, encode each piece, join,
/// and end with `/`.
pub fn canonical_uri(path: &str) -> String {
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let mut uri = decoded.split('/').map(encode).collect::<Vec<_>>().join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Step 6: pairs sorted by raw key then raw value, each encoded, joined
/// with `&`. The official SDK also sends exactly this string as the query.
pub fn canonical_query_string(query: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = query.iter().collect();
    sorted.sort();
    encode_query(sorted)
}

/// Encodes `key=value` pairs in the order given, joined with `&`.
pub fn encode_query<'a>(pairs: impl IntoIterator<Item = &'a (String, String)>) -> String {
    pairs
        .into_iter()
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Step 7: `name:value\n` for each signed name, value trimmed.
fn canonical_headers(
    headers: &[(String, String)],
    signed_header_names: &[String],
) -> Result<String, SignError> {
    signed_header_names
        .iter()
        .map(|name| {
            header_value(headers, name)
                .map(|value| format!("{name}:{}\n", value.trim()))
                .ok_or_else(|| SignError::MissingSignedHeader(name.clone()))
        })
        .collect()
}

/// Step 8. An empty body hashes as empty even when marked unsigned.
fn payload_hash(body: Option<&[u8]>, headers: &[(String, String)]) -> String {
    match body {
        None | Some([]) => EMPTY_PAYLOAD_HASH.to_owned(),
        Some(bytes) => match header_value(headers, HEADER_CONTENT_SHA256) {
            Some(marker) => marker.to_owned(),
            None => sha256_hex(bytes),
        },
    }
}

/// Step 3: content types whose payload the official client does not hash.
fn is_unsigned_content_type(content_type: &str) -> bool {
    !(content_type.starts_with("application/json") || content_type.starts_with("application/bson"))
}

fn request_uri(path: &str, canonical_query_string: &str) -> String {
    if canonical_query_string.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{canonical_query_string}")
    }
}

/// The value of the first header called `name`, compared case-insensitively.
fn header_value<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

fn parse_sdk_date(value: &str) -> Result<OffsetDateTime, SignError> {
    PrimitiveDateTime::parse(value, SDK_DATE_FORMAT)
        .map(PrimitiveDateTime::assume_utc)
        .map_err(|_| SignError::InvalidDate(value.to_owned()))
}

/// Converts without `From<SystemTime>`, which panics out of range.
fn format_sdk_date(now: SystemTime) -> Result<String, SignError> {
    let seconds = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .and_then(|since_epoch| i64::try_from(since_epoch.as_secs()).ok())
        .ok_or(SignError::TimeOutOfRange)?;
    OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .and_then(|time| time.format(SDK_DATE_FORMAT).ok())
        .ok_or(SignError::TimeOutOfRange)
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn hmac_sha256_hex(secret_key: &str, message: &str) -> Result<String, SignError> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret_key.as_bytes())
        .map_err(|_| SignError::InvalidSecretKey)?;
    mac.update(message.as_bytes());
    Ok(hex::encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_keeps_only_unreserved() {
        assert_eq!(
            encode("a b+c/d=e&f*g~h_i-j.k"),
            "a%20b%2Bc%2Fd%3De%26f%2Ag~h_i-j.k"
        );
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn canonical_uri_adds_one_trailing_slash() {
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri("/a/"), "/a/");
        assert_eq!(canonical_uri("/a"), "/a/");
        assert_eq!(canonical_uri("/a%2Fb"), "/a/b/");
    }

    #[test]
    fn generated_date_is_utc_basic_format() {
        let at = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_136_214_245);
        assert_eq!(format_sdk_date(at), Ok("20060102T150405Z".to_owned()));
    }

    #[test]
    fn time_outside_the_format_is_an_error_not_a_panic() {
        let before_1970 = SystemTime::UNIX_EPOCH - std::time::Duration::from_secs(1);
        assert_eq!(format_sdk_date(before_1970), Err(SignError::TimeOutOfRange));
        let far_future = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(400_000_000_000);
        assert_eq!(format_sdk_date(far_future), Err(SignError::TimeOutOfRange));
    }

    #[test]
    fn bad_date_header_is_rejected() {
        let headers = vec![(HEADER_SDK_DATE.to_owned(), "yesterday".to_owned())];
        assert_eq!(
            prepare_headers(&headers, "h", SystemTime::now()),
            Err(SignError::InvalidDate("yesterday".to_owned()))
        );
    }

    #[test]
    fn signed_header_missing_from_request_is_an_error() {
        let headers = vec![(HEADER_SDK_DATE.to_owned(), "20060102T150405Z".to_owned())];
        let request = SigningRequest {
            method: "GET",
            host: "h",
            path: "/",
            query: &[],
            headers: &headers,
            body: None,
        };
        let result = sign_prepared(&request, &["host".to_owned()], &SigningKey::new("a", "s"));
        assert_eq!(
            result,
            Err(SignError::MissingSignedHeader("host".to_owned()))
        );
    }

    #[test]
    fn signing_key_debug_hides_both_keys() {
        let shown = format!("{:?}", SigningKey::new("AK-VISIBLE?", "SK-VISIBLE?"));
        assert!(!shown.contains("VISIBLE"), "{shown}");
    }
}
