//! Checks the signer against every entry of `tests/data/vectors.json`, a
//! copy of `shared/signing/vectors.json` (computed with the official
//! Python SDK signer, plus the Go SDK's published test signatures).

use std::time::SystemTime;

use apidoc_runtime::signer::{self, SigningKey, SigningRequest};
use serde_json::Value;

const VECTORS: &str = include_str!("data/vectors.json");

fn vectors_file() -> Value {
    serde_json::from_str(VECTORS).expect("vectors.json is valid JSON")
}

fn text<'v>(value: &'v Value, field: &str) -> &'v str {
    value[field]
        .as_str()
        .unwrap_or_else(|| panic!("field {field} is not a string in {value}"))
}

/// Query pairs as the runtime passes them: scalars written out, a list
/// value as the key repeated once per element.
fn query_pairs(query: &Value) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for pair in query.as_array().expect("query is a list") {
        let key = pair[0].as_str().expect("query key is a string").to_owned();
        match &pair[1] {
            Value::Array(items) => {
                pairs.extend(items.iter().map(|item| (key.clone(), scalar(item))));
            }
            value => pairs.push((key, scalar(value))),
        }
    }
    pairs
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        other => panic!("unexpected query value {other}"),
    }
}

fn header_pairs(headers: &Value) -> Vec<(String, String)> {
    headers
        .as_object()
        .expect("headers is an object")
        .iter()
        .map(|(name, value)| {
            (
                name.clone(),
                value.as_str().expect("header value").to_owned(),
            )
        })
        .collect()
}

/// The inputs of one vector, owned so a `SigningRequest` can borrow them.
struct Inputs {
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

impl Inputs {
    /// The caller's headers plus `X-Sdk-Date`, as the generator set it
    /// before calling the official signer.
    fn from_vector(vector: &Value) -> Self {
        let mut headers = header_pairs(&vector["headers"]);
        let date = text(vector, "x_sdk_date");
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("X-Sdk-Date"))
        {
            headers.push(("X-Sdk-Date".to_owned(), date.to_owned()));
        }
        Self {
            query: query_pairs(&vector["query"]),
            headers,
            body: vector["body"].as_str().map(str::to_owned),
        }
    }

    fn request<'a>(&'a self, vector: &'a Value) -> SigningRequest<'a> {
        SigningRequest {
            method: text(vector, "method"),
            host: text(vector, "host"),
            path: text(vector, "path"),
            query: &self.query,
            headers: &self.headers,
            body: self.body.as_deref().map(str::as_bytes),
        }
    }
}

/// Compares one field and records the comparison, so the test can report
/// (and check) how many fields it covered.
struct Checker {
    fields_checked: usize,
}

impl Checker {
    fn check(&mut self, vector: &str, field: &str, actual: &str, expected: &Value) {
        let expected = expected[field]
            .as_str()
            .unwrap_or_else(|| panic!("{vector}: expected.{field} missing"));
        assert_eq!(actual, expected, "{vector}: field {field}");
        self.fields_checked += 1;
    }
}

#[test]
fn official_python_sdk_vectors_match_byte_for_byte() {
    let file = vectors_file();
    let key = SigningKey::new(text(&file, "access_key"), text(&file, "secret_key"));
    let vectors = file["vectors"].as_array().expect("vectors list");
    let mut checker = Checker { fields_checked: 0 };
    for vector in vectors {
        let name = text(vector, "name");
        let expected = &vector["expected"];
        let inputs = Inputs::from_vector(vector);
        // The date comes from the X-Sdk-Date header; `now` must be ignored.
        let signed = signer::sign(&inputs.request(vector), &key, SystemTime::UNIX_EPOCH)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        let signature = &signed.signature;
        for (field, actual) in [
            ("canonical_uri", &signature.canonical_uri),
            ("canonical_query_string", &signature.canonical_query_string),
            ("signed_headers", &signature.signed_headers),
            ("payload_hash", &signature.payload_hash),
            ("canonical_request", &signature.canonical_request),
            ("string_to_sign", &signature.string_to_sign),
            ("signature", &signature.signature),
            ("authorization", &signature.authorization),
            ("request_uri", &signed.request_uri),
        ] {
            checker.check(name, field, actual, expected);
        }
        // Order matters too: the official client appends in a fixed order.
        assert_eq!(
            signed.headers,
            header_pairs(&expected["headers_after_signing"]),
            "{name}: headers_after_signing"
        );
        checker.fields_checked += 1;
    }
    println!(
        "checked {} official vectors, {} fields",
        vectors.len(),
        checker.fields_checked
    );
    assert_eq!(vectors.len(), 18);
    assert_eq!(checker.fields_checked, 18 * 10);
}

#[test]
fn go_sdk_cross_checks_match_with_their_header_set() {
    let file = vectors_file();
    let vectors = file["go_sdk_cross_checks"]["vectors"]
        .as_array()
        .expect("go_sdk_cross_checks.vectors list");
    let mut checker = Checker { fields_checked: 0 };
    for vector in vectors {
        let name = text(vector, "name");
        let expected = &vector["expected"];
        let key = SigningKey::new(text(vector, "access_key"), text(vector, "secret_key"));
        let inputs = Inputs::from_vector(vector);
        let signed_names: Vec<String> = text(expected, "signed_headers")
            .split(';')
            .map(str::to_owned)
            .collect();
        let signature = signer::sign_prepared(&inputs.request(vector), &signed_names, &key)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        for (field, actual) in [
            ("signed_headers", &signature.signed_headers),
            ("canonical_request", &signature.canonical_request),
            ("string_to_sign", &signature.string_to_sign),
            ("signature", &signature.signature),
            ("authorization", &signature.authorization),
        ] {
            checker.check(name, field, actual, expected);
        }
    }
    println!(
        "checked {} Go SDK cross-checks, {} fields",
        vectors.len(),
        checker.fields_checked
    );
    assert_eq!(vectors.len(), 2);
    assert_eq!(checker.fields_checked, 2 * 5);
}

#[test]
fn vectors_file_is_an_unchanged_copy_of_the_shared_one() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/signing/vectors.json");
    // The shared folder sits beside the checkout; when it is absent (a
    // standalone clone) only the embedded copy can be checked.
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(original, VECTORS);
    }
}
