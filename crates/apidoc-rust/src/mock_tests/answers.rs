//! The two answers of an operation's test: the page's 2xx example (else a
//! body built from the response tables), and its error example (else a
//! made-up error), with what the SDK must read from each.

use super::Uses;
use super::values::{json_value, pretty, rust_value, wire_text};
use crate::plan::{OperationPlan, Plan};
use crate::sample::{Sampler, Side, Slot};
use crate::syntax::Stmts;
use crate::types::header_type;
use apidoc_ir::{ExampleBody, Method, Response, TypeRef, Value};

/// The status of the made-up error answer of pages without one.
const MADE_UP_ERROR_STATUS: u16 = 400;

/// The successful answer and the assertions on the SDK's response.
pub(super) struct Success {
    /// The status.
    pub(super) status: u16,
    /// The body text; empty for none.
    pub(super) text: String,
    /// Where the answer comes from, as a Markdown phrase.
    pub(super) source: String,
    /// Documented response headers the mock adds: name and value.
    pub(super) headers: Vec<(String, String)>,
    /// The assertions after the status one.
    pub(super) checks: Vec<syn::Stmt>,
    /// Departures from the page's example.
    pub(super) notes: Vec<String>,
}

/// The error answer and the `ApiError` it must give.
#[derive(Debug)]
pub(super) struct Failure {
    /// The status.
    pub(super) status: u16,
    /// The body text.
    pub(super) text: String,
    /// Where the answer comes from, as a Markdown phrase.
    pub(super) source: String,
    /// The error code the SDK must read.
    pub(super) error_code: Option<String>,
    /// The error message the SDK must read.
    pub(super) error_msg: Option<String>,
}

/// The page's first 2xx example; else, where a body is documented, one
/// built from its tables; else an empty answer.
pub(super) fn success(plan: &Plan, uses: &mut Uses, operation: &OperationPlan) -> Success {
    let successes: Vec<&Response> = operation
        .operation
        .responses
        .iter()
        .filter(|response| (200..300).contains(&response.status))
        .collect();
    let schema_for = |status: u16| {
        operation
            .response_body
            .as_ref()
            .and_then(|body| body.schema_for(status))
    };
    let example = successes.iter().find_map(|response| {
        let example = response.examples.first()?;
        Some((response.status, &example.body))
    });
    let status = example.map(|(status, _)| status).unwrap_or_else(|| {
        let documented = successes.iter().map(|response| response.status);
        documented
            .clone()
            .find(|status| schema_for(*status).is_some())
            .or(documented.clone().next())
            .unwrap_or(200)
    });
    let mut sampler = Sampler::new(plan, Side::Response);
    let schema = schema_for(status);
    let (text, source, body_checks) = match (example, schema) {
        (Some((_, ExampleBody::Json(given))), Some(schema)) => {
            let answer = sampler.value(Some(given), schema, &Slot::bare("body"), "body");
            let checks = body_equals(&sampler, &answer, schema, uses);
            (
                pretty(&answer),
                format!("the page's `{status}` example"),
                checks,
            )
        }
        (Some((_, ExampleBody::Text(_))), Some(schema)) => {
            sampler
                .notes
                .push(format!("The page's `{status}` example is not JSON; a body built from the tables is sent instead."));
            let answer = sampler.value(None, schema, &Slot::bare("body"), "body");
            let checks = body_equals(&sampler, &answer, schema, uses);
            (
                pretty(&answer),
                format!("a `{status}` body built from the tables"),
                checks,
            )
        }
        (Some((_, body)), None) => {
            let checks = body_absent(operation);
            (
                example_text(body),
                format!("the page's `{status}` example"),
                checks,
            )
        }
        (None, Some(schema)) => {
            let answer = sampler.value(None, schema, &Slot::bare("body"), "body");
            let checks = body_equals(&sampler, &answer, schema, uses);
            (
                pretty(&answer),
                format!("a `{status}` body built from the tables (the page has no 2xx example)"),
                checks,
            )
        }
        (None, None) => (
            String::new(),
            format!("an empty `{status}` answer (the page documents no body)"),
            body_absent(operation),
        ),
    };
    let (headers, mut checks) = response_headers(plan, uses, operation);
    checks.extend(body_checks);
    Success {
        status,
        text,
        source,
        headers,
        checks,
        notes: sampler.notes,
    }
}

/// The decoded body, serialised again, equals the answer's documented part.
fn body_equals(
    sampler: &Sampler,
    answer: &Value,
    schema: &TypeRef,
    uses: &mut Uses,
) -> Vec<syn::Stmt> {
    uses.to_json = true;
    uses.json = true;
    let documented = sampler.reserialised(answer, schema);
    let expected = if documented == *answer {
        syntax!(syn::Expr;; json(success))
    } else {
        json_value(uses, &documented)
    };
    syntax!(Stmts; expected = expected;
        let decoded = to_json(&response.body);
        assert_eq!(decoded, #expected);
    )
    .0
}

/// A body documented for other statuses stays unset.
fn body_absent(operation: &OperationPlan) -> Vec<syn::Stmt> {
    match &operation.response_body {
        Some(body) => syntax!(Stmts; ident = &body.ident; assert_eq!(response.#ident, None);).0,
        None => Vec::new(),
    }
}

/// Each documented response header: the value the mock sends and the
/// assertion that the SDK read it. `X-Request-Id` is the request id every
/// answer carries.
fn response_headers(
    plan: &Plan,
    uses: &mut Uses,
    operation: &OperationPlan,
) -> (Vec<(String, String)>, Vec<syn::Stmt>) {
    let mut sent = Vec::new();
    let mut checks = Vec::new();
    let mut sampler = Sampler::new(plan, Side::Response);
    for header in &operation.response_headers {
        let name = &header.field.name;
        if !is_header_name(name) {
            continue;
        }
        let ident = &header.ident;
        let ty = header_type(&header.field.ty);
        if name.eq_ignore_ascii_case("x-request-id") {
            if ty == TypeRef::String {
                uses.request_id = true;
                checks.extend(
                    syntax!(Stmts; ident = ident;
                        assert_eq!(response.#ident.as_deref(), Some(REQUEST_ID));
                    )
                    .0,
                );
            }
            continue;
        }
        let value = sampler.value(None, &ty, &Slot::of_field(header), name);
        let expected = rust_value(plan, uses, &value, &ty, None, true);
        let check = match ty {
            TypeRef::String => syntax!(Stmts; ident = ident, expected = expected;
                assert_eq!(response.#ident.as_deref(), Some(#expected));
            ),
            _ => syntax!(Stmts; ident = ident, expected = expected;
                assert_eq!(response.#ident, Some(#expected));
            ),
        };
        checks.extend(check.0);
        sent.push((name.clone(), wire_text(&value, &ty)));
    }
    (sent, checks)
}

/// True for a name HTTP accepts as a header name (a token).
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

/// The page's first example of an error status; else a made-up error of
/// the first documented error status. The answer to a HEAD request has no
/// body (HTTP drops it), so the SDK reads no code or message there.
pub(super) fn failure(operation: &OperationPlan) -> Failure {
    let mut failure = documented_failure(operation);
    if operation.uri.method == Method::Head {
        failure.error_code = None;
        failure.error_msg = None;
    }
    failure
}

fn documented_failure(operation: &OperationPlan) -> Failure {
    let errors = operation
        .operation
        .responses
        .iter()
        .filter(|response| (400..600).contains(&response.status));
    let example = errors.clone().find_map(|response| {
        let example = response.examples.first()?;
        Some((response.status, &example.body))
    });
    match example {
        Some((status, body)) => {
            let (error_code, error_msg) = match body {
                ExampleBody::Json(value) => error_fields(value),
                ExampleBody::Text(_) => (None, None),
            };
            Failure {
                status,
                text: example_text(body),
                source: format!("its `{status}` example"),
                error_code,
                error_msg,
            }
        }
        None => {
            let status = errors
                .map(|response| response.status)
                .next()
                .unwrap_or(MADE_UP_ERROR_STATUS);
            let body = serde_json::json!({
                "error_code": "TEST.0001",
                "error_msg": "The page documents no error example",
            });
            let (error_code, error_msg) = error_fields(&body);
            Failure {
                status,
                text: pretty(&body),
                source: format!("a made-up `{status}` error (the page has no error example)"),
                error_code,
                error_msg,
            }
        }
    }
}

/// The text of an example body.
fn example_text(body: &ExampleBody) -> String {
    match body {
        ExampleBody::Json(value) => pretty(value),
        ExampleBody::Text(text) => text.clone(),
    }
}

/// Where the runtime reads an error's code from an error body, in order
/// (`apidoc_runtime::ERROR_CODE_FIELDS`; a test keeps the two equal).
const ERROR_CODE_FIELDS: &[&str] = &["error_code", "code", "errorCode", "title", "error"];

/// Where the runtime reads an error's message
/// (`apidoc_runtime::ERROR_MESSAGE_FIELDS`).
const ERROR_MESSAGE_FIELDS: &[&str] = &[
    "error_msg",
    "message",
    "error_message",
    "errorMsg",
    "errorMessage",
    "detail",
    "error_description",
];

/// The error code and message the runtime reads from an error body: the
/// first of [`ERROR_CODE_FIELDS`] and [`ERROR_MESSAGE_FIELDS`] present as
/// text or number, from `error` where that is an object.
fn error_fields(body: &Value) -> (Option<String>, Option<String>) {
    let object = body
        .get("error")
        .filter(|inner| inner.is_object())
        .unwrap_or(body);
    let text = |names: &[&str]| {
        names.iter().find_map(|name| match object.get(name)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        })
    };
    (text(ERROR_CODE_FIELDS), text(ERROR_MESSAGE_FIELDS))
}

/// `Some("text")` or `None`.
pub(super) fn optional_text(text: Option<&str>) -> syn::Expr {
    match text {
        Some(text) => syntax!(syn::Expr; text = text; Some(#text)),
        None => syntax!(syn::Expr;; None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_fields_are_read_as_the_runtime_reads_them() {
        let flat = serde_json::json!({"error_code": "A.1", "error_msg": "m"});
        assert_eq!(error_fields(&flat), (Some("A.1".into()), Some("m".into())));
        let nested =
            serde_json::json!({"error": {"code": 7, "message": "n"}, "error_code": "outer"});
        assert_eq!(error_fields(&nested), (Some("7".into()), Some("n".into())));
        assert_eq!(error_fields(&serde_json::json!([1])), (None, None));
    }

    #[test]
    fn the_error_answer_of_a_head_request_has_no_code_or_message() {
        let mut service = crate::fixtures::metastudio();
        let show = |service: &apidoc_ir::Service| {
            let plan = Plan::new(service);
            let op = plan
                .operations
                .iter()
                .find(|op| op.operation.id == "ShowTenantNotifications");
            let failure = failure(op.expect("op"));
            (failure.error_code, failure.error_msg)
        };
        assert_eq!(
            show(&service),
            (Some("MSS.00000001".into()), Some("Unauthorized".into()))
        );
        service
            .operations
            .iter_mut()
            .for_each(|op| op.uris[0].method = Method::Head);
        assert_eq!(show(&service), (None, None));
    }

    #[test]
    fn error_fields_are_the_runtimes() {
        assert_eq!(ERROR_CODE_FIELDS, apidoc_runtime::ERROR_CODE_FIELDS);
        assert_eq!(ERROR_MESSAGE_FIELDS, apidoc_runtime::ERROR_MESSAGE_FIELDS);
        let problem = serde_json::json!({"title": "Bad", "detail": "d", "status": 400});
        assert_eq!(
            error_fields(&problem),
            (Some("Bad".into()), Some("d".into()))
        );
    }

    #[test]
    fn header_names_are_tokens() {
        assert!(is_header_name("X-Request-Id"));
        assert!(!is_header_name("X Request"));
        assert!(!is_header_name(""));
        assert!(!is_header_name("请求"));
    }
}
