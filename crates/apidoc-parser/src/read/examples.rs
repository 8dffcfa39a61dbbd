//! Example requests and responses, and the Status Codes section.

use std::collections::BTreeSet;

use apidoc_ir::{
    Diagnostic, ExampleBody, Method, Model, Operation, RequestExample, ResponseExample, Span,
    StatusCodeDoc, Text, TypeRef, Value,
};

use super::{Placed, Reader, Role, Tables, response_index, sections, sections::Section};
use crate::blocks::BlockKind;

impl Reader<'_> {
    /// Fills the operation's examples, status codes and response
    /// descriptions.
    pub(super) fn read_examples_and_codes(
        &mut self,
        placed: &[Placed<'_>],
        tables: &Tables<'_>,
        operation: &mut Operation,
    ) {
        operation.status_codes = self.status_codes(placed, tables);
        operation.request_examples = self.request_examples(placed, operation);
        self.response_examples(placed, tables, operation);
        // A status known only from a "Normal: 204" line says nothing more.
        for doc in operation
            .status_codes
            .iter()
            .filter(|d| !d.description.is_empty())
        {
            if let Some(response) = operation
                .responses
                .iter_mut()
                .find(|r| r.status == doc.status)
            {
                response.description = doc.description.clone();
            }
        }
        operation.responses.sort_by_key(|r| r.status);
    }

    /// The Status Codes tables' rows; where they list only errors (older
    /// pages give the success as a "Normal: 204" line above an Error
    /// table), the line's status too, so a bodiless operation keeps it.
    fn status_codes(&mut self, placed: &[Placed<'_>], tables: &Tables<'_>) -> Vec<StatusCodeDoc> {
        let mut out = self.status_code_rows(tables);
        if !out.iter().any(|doc| (200..300).contains(&doc.status))
            && let Some((status, line)) = super::tables::normal_status_line(placed)
        {
            out.insert(
                0,
                StatusCodeDoc {
                    status,
                    description: Text::default(),
                    span: self.span(line),
                },
            );
        }
        out
    }

    fn status_code_rows(&mut self, tables: &Tables<'_>) -> Vec<StatusCodeDoc> {
        let mut out = Vec::new();
        for t in tables.iter().filter(|t| t.role == Role::StatusCodes) {
            for row in t.rows() {
                let span = self.span(row.line);
                match sections::status_cell(&row.name) {
                    Some((status, reason)) => {
                        let mut text = super::prose::description(&row.prose);
                        if text.is_empty() {
                            text = reason.to_owned();
                        }
                        out.push(StatusCodeDoc {
                            status,
                            description: self.text(text),
                            span,
                        });
                    }
                    None => self.diagnostics.push(Diagnostic::warning(
                        "status-code-invalid",
                        format!(
                            "expected an HTTP status code such as 200, found `{}`",
                            row.name
                        ),
                        span,
                        "not a status code",
                    )),
                }
            }
        }
        out
    }

    /// The example requests. A request line (`POST https://{endpoint}/x`),
    /// as a paragraph or as a line of a code block, starts an example; the
    /// body that follows (the rest of that code block, or the next code
    /// block) belongs to every request line written since the last body, so
    /// a block listing one request under two URLs gives both the body and a
    /// URL line is never mistaken for a body.
    fn request_examples(
        &self,
        placed: &[Placed<'_>],
        operation: &Operation,
    ) -> Vec<RequestExample> {
        let mut out: Vec<RequestExample> = Vec::new();
        let mut pending: Vec<&str> = Vec::new();
        // Index in `out` of the first request line still waiting for a body.
        let mut open = 0;
        for p in placed
            .iter()
            .filter(|p| p.section == Section::ExampleRequest)
        {
            let span = self.span(p.block.line);
            match &p.block.kind {
                BlockKind::Paragraph(text) if says_nothing(text) => {}
                BlockKind::Paragraph(text) => match sections::example_line(text) {
                    Some((method, url)) => {
                        out.push(self.request_example(method, url, &mut pending, span))
                    }
                    None => pending.push(text),
                },
                BlockKind::Code { text, .. } => {
                    let (lines, body) = split_request_lines(text);
                    for (method, url) in lines {
                        out.push(self.request_example(method, url, &mut pending, span.clone()));
                    }
                    let Some(body) = body else { continue };
                    if open == out.len() {
                        let primary = operation.primary();
                        out.push(self.request_example(
                            primary.method,
                            primary.path.clone(),
                            &mut pending,
                            span,
                        ));
                    }
                    let body = example_body(body);
                    let method = out[out.len() - 1].method;
                    for example in out[open..]
                        .iter_mut()
                        .filter(|e| e.method == method && e.body.is_none())
                    {
                        example.body = Some(body.clone());
                    }
                    open = out.len();
                }
                _ => {}
            }
        }
        out
    }

    fn request_example(
        &self,
        method: Method,
        url: String,
        pending: &mut Vec<&str>,
        span: apidoc_ir::Span,
    ) -> RequestExample {
        let description = std::mem::take(pending).join("\n\n");
        RequestExample {
            description: if description.is_empty() {
                Text::default()
            } else {
                self.text(description)
            },
            method,
            url,
            body: None,
            span,
        }
    }

    fn response_examples(
        &mut self,
        placed: &[Placed<'_>],
        tables: &Tables<'_>,
        operation: &mut Operation,
    ) {
        let default_status = operation
            .responses
            .iter()
            .map(|r| r.status)
            .find(|s| (200..300).contains(s))
            .unwrap_or(200);
        let unstated = UnstatedStatus {
            success: default_status,
            success_fields: body_field_names(tables, default_status),
            errors: error_statuses(placed, operation),
        };
        let mut pending: Vec<&str> = Vec::new();
        for p in placed
            .iter()
            .filter(|p| p.section == Section::ExampleResponse)
        {
            match &p.block.kind {
                BlockKind::Paragraph(text) if says_nothing(text) => {}
                BlockKind::Paragraph(text) if sections::status_line(text).is_none() => {
                    pending.push(text)
                }
                BlockKind::Code { text, .. } if sections::status_code_block(text).is_none() => {
                    let span = self.span(p.block.line);
                    let description = std::mem::take(&mut pending).join("\n\n");
                    let (stated, text) = status_and_body(text);
                    let body = example_body(text);
                    let status = match stated.or(p.status) {
                        Some(status) => status,
                        None => match unstated.status_of(&body) {
                            Ok(status) => status,
                            Err(warning) => {
                                self.diagnostics.push(warning.at(span));
                                continue;
                            }
                        },
                    };
                    let index = response_index(&mut operation.responses, status, span.clone());
                    let response = &mut operation.responses[index];
                    if response.description.is_empty() && !description.is_empty() {
                        response.description = self.text(description.clone());
                    }
                    let description = if description.is_empty() {
                        Text::default()
                    } else {
                        self.text(description)
                    };
                    response.examples.push(ResponseExample {
                        description,
                        body,
                        span,
                    });
                }
                _ => pending.clear(),
            }
        }
    }

    /// A response body table that lists the fields of one element, where
    /// every example of that status is a list of such elements (`[{"id":
    /// …}]`), documents a list: the body is an array of the table's model,
    /// with a warning.
    pub(super) fn arrays_the_examples_show(&mut self, operation: &mut Operation, models: &[Model]) {
        for response in &mut operation.responses {
            let Some(TypeRef::Model(name)) = &response.body else {
                continue;
            };
            let Some(model) = models.iter().find(|m| &m.name == name) else {
                continue;
            };
            let fields: BTreeSet<&str> = model.fields.iter().map(|f| f.name.as_str()).collect();
            let lists = !response.examples.is_empty()
                && response
                    .examples
                    .iter()
                    .all(|example| lists_elements_of(&example.body, &fields));
            if !lists {
                continue;
            }
            self.diagnostics.push(
                Diagnostic::warning(
                    "body-array-by-example",
                    format!(
                        "expected the table of response {} to say its body is a list, found the fields of one element; the examples are lists of them",
                        response.status
                    ),
                    model.span.clone(),
                    "read as an array of this model",
                )
                .with_secondary(response.examples[0].span.clone(), "a list of elements")
                .with_help("add a row `[数组元素]` typed `Array of <Model> objects`, or say the body is a list"),
            );
            response.body = Some(TypeRef::Array(Box::new(TypeRef::Model(name.clone()))));
        }
    }
}

/// A JSON list whose elements are objects with most of their keys among
/// `fields` (and at least one element).
fn lists_elements_of(body: &ExampleBody, fields: &BTreeSet<&str>) -> bool {
    let ExampleBody::Json(Value::Array(items)) = body else {
        return false;
    };
    !items.is_empty()
        && items.iter().all(|item| {
            let Some(object) = item.as_object() else {
                return false;
            };
            let known = object
                .keys()
                .filter(|k| fields.contains(k.as_str()))
                .count();
            known > 0 && known * 2 >= object.len()
        })
}

/// A paragraph that describes no example: a connective, or the label of
/// the list item holding the examples ("请求样例").
fn says_nothing(text: &str) -> bool {
    is_connective(text) || sections::list_label(text).is_some()
}

/// A paragraph that only joins two examples ("Or" between a success and an
/// error body): neither example's description.
fn is_connective(text: &str) -> bool {
    let word = text
        .trim()
        .trim_end_matches([':', '：', ',', '，', '.', '。'])
        .trim();
    ["or", "或", "或者"]
        .iter()
        .any(|connective| word.eq_ignore_ascii_case(connective))
}

/// What decides the status of an example response the page gives no
/// status line for.
struct UnstatedStatus {
    /// The first success status: where an example goes by default.
    success: u16,
    /// The fields of that status's body table.
    success_fields: BTreeSet<String>,
    /// Every error status the page documents, ascending.
    errors: Vec<u16>,
}

impl UnstatedStatus {
    /// The success status, or for an error body ([`is_error_body`]) the
    /// one error status the page documents. An error body where the page
    /// documents no or several error statuses cannot be placed; the `Err`
    /// says so.
    fn status_of(&self, body: &ExampleBody) -> Result<u16, UnplacedError> {
        if !is_error_body(body, &self.success_fields) {
            return Ok(self.success);
        }
        match self.errors.as_slice() {
            [only] => Ok(*only),
            several => Err(UnplacedError {
                documented: several.to_vec(),
            }),
        }
    }
}

/// An error example without a status line that no single documented error
/// status claims.
struct UnplacedError {
    documented: Vec<u16>,
}

impl UnplacedError {
    fn at(self, span: Span) -> Diagnostic {
        let documented = match self.documented.as_slice() {
            [] => "no error status".to_owned(),
            several => {
                let listed: Vec<String> = several.iter().map(u16::to_string).collect();
                format!("several error statuses ({})", listed.join(", "))
            }
        };
        Diagnostic::warning(
            "example-error-status-unknown",
            format!(
                "expected a status line above this error example, found none, and the page documents {documented}"
            ),
            span,
            "left out: no status to file it under",
        )
        .with_help("put a \"Status code: 400\" line (with the status meant) above the example")
    }
}

/// Huawei Cloud's two error body shapes: `{"error": {"code", "message"}}`
/// (older services) and `{"error_code", "error_msg"}` with at most other
/// `error_…` keys and `request_id`. A body using a field of the success
/// table is a success body whatever its keys.
fn is_error_body(body: &ExampleBody, success_fields: &BTreeSet<String>) -> bool {
    let ExampleBody::Json(Value::Object(object)) = body else {
        return false;
    };
    if object.keys().any(|key| success_fields.contains(key)) {
        return false;
    }
    let nested = object.len() == 1
        && object
            .get("error")
            .and_then(Value::as_object)
            .is_some_and(|error| error.contains_key("code") || error.contains_key("message"));
    let flat = object.contains_key("error_code")
        && object.contains_key("error_msg")
        && object
            .keys()
            .all(|key| key.starts_with("error_") || key == "request_id");
    nested || flat
}

/// The names in the body tables of `status`.
fn body_field_names(tables: &Tables<'_>, status: u16) -> BTreeSet<String> {
    tables
        .iter()
        .filter(|t| t.role == Role::ResponseBody(status))
        .flat_map(|t| t.rows())
        .map(|row| row.name.clone())
        .collect()
}

/// The error statuses (400 and above) of the response tables, the Status
/// Codes section and the status lines of the examples, ascending, once.
fn error_statuses(placed: &[Placed<'_>], operation: &Operation) -> Vec<u16> {
    let stated = placed
        .iter()
        .filter(|p| p.section == Section::ExampleResponse)
        .filter_map(|p| p.status);
    let statuses: BTreeSet<u16> = operation
        .responses
        .iter()
        .map(|r| r.status)
        .chain(operation.status_codes.iter().map(|doc| doc.status))
        .chain(stated)
        .filter(|status| *status >= 400)
        .collect();
    statuses.into_iter().collect()
}

/// The request lines at the top of a code block (blank lines between them
/// allowed) and the body below them, if any text other than blank lines
/// remains.
fn split_request_lines(text: &str) -> (Vec<(Method, String)>, Option<&str>) {
    let mut lines = Vec::new();
    let mut body_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(request) = sections::example_line(line) {
            lines.push(request);
        } else if lines.is_empty() || !line.trim().is_empty() {
            // Blank lines may separate request lines; anything else ends them.
            break;
        }
        body_start += line.len();
    }
    let body = &text[body_start..];
    (lines, Some(body).filter(|body| !body.trim().is_empty()))
}

/// A JSON body where the text parses as JSON, the text itself otherwise.
/// A response example that starts with its status line (`HTTP/1.1 200
/// OK`, `Http Status Code: 400`), perhaps with header lines after it:
/// the status and the body after them.
fn status_and_body(text: &str) -> (Option<u16>, &str) {
    let first = text.lines().next().unwrap_or_default();
    let Some(status) = sections::status_line(first) else {
        return (None, text);
    };
    let rest = &text[first.len()..];
    let body = rest
        .find(['{', '['])
        .map_or(rest.trim(), |at| rest[at..].trim());
    (Some(status), body)
}

fn example_body(text: &str) -> ExampleBody {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => ExampleBody::Json(value),
        Err(_) => ExampleBody::Text(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_line_above_the_body_is_the_example_s_status() {
        assert_eq!(
            status_and_body("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": 1}"),
            (Some(200), "{\"id\": 1}")
        );
        assert_eq!(
            status_and_body("Http Status Code: 400\n{\"error_code\": \"X\"}"),
            (Some(400), "{\"error_code\": \"X\"}")
        );
        assert_eq!(status_and_body("{\"id\": 1}"), (None, "{\"id\": 1}"));
    }
}
