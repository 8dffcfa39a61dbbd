//! Example requests and responses, and the Status Codes section.

use apidoc_ir::{
    Diagnostic, ExampleBody, Method, Operation, RequestExample, ResponseExample, StatusCodeDoc,
    Text, Value,
};

use super::{Placed, Reader, Role, Tables, response_index, sections, sections::Section, table};
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
        operation.status_codes = self.status_codes(tables);
        operation.request_examples = self.request_examples(placed, operation);
        self.response_examples(placed, operation);
        for doc in &operation.status_codes {
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

    fn status_codes(&mut self, tables: &Tables<'_>) -> Vec<StatusCodeDoc> {
        let mut out = Vec::new();
        for t in tables.iter().filter(|t| t.role == Role::StatusCodes) {
            let Some(columns) = t.columns.as_ref() else {
                continue;
            };
            for row in table::rows(t.table, columns) {
                let span = self.span(row.line);
                match row.name.parse::<u16>() {
                    Ok(status) if (100..600).contains(&status) => {
                        let text = super::prose::description(&row.prose);
                        out.push(StatusCodeDoc {
                            status,
                            description: self.text(text),
                            span,
                        });
                    }
                    _ => self.diagnostics.push(Diagnostic::warning(
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

    fn request_examples(
        &self,
        placed: &[Placed<'_>],
        operation: &Operation,
    ) -> Vec<RequestExample> {
        let mut out: Vec<RequestExample> = Vec::new();
        let mut pending: Vec<&str> = Vec::new();
        for p in placed
            .iter()
            .filter(|p| p.section == Section::ExampleRequest)
        {
            let span = self.span(p.block.line);
            match &p.block.kind {
                BlockKind::Paragraph(text) => match sections::example_line(text) {
                    Some((method, url)) => {
                        out.push(self.request_example(method, url, &mut pending, span))
                    }
                    None => pending.push(text),
                },
                BlockKind::Code { text, .. } => {
                    let mut lines = text.splitn(2, '\n');
                    let first = lines.next().unwrap_or("");
                    if let Some((method, url)) = sections::example_line(first) {
                        let mut example = self.request_example(method, url, &mut pending, span);
                        example.body = lines
                            .next()
                            .filter(|b| !b.trim().is_empty())
                            .map(example_body);
                        out.push(example);
                    } else if let Some(last) = out.last_mut().filter(|e| e.body.is_none()) {
                        last.body = Some(example_body(text));
                    } else {
                        let primary = operation.primary();
                        let mut example = self.request_example(
                            primary.method,
                            primary.path.clone(),
                            &mut pending,
                            span,
                        );
                        example.body = Some(example_body(text));
                        out.push(example);
                    }
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

    fn response_examples(&mut self, placed: &[Placed<'_>], operation: &mut Operation) {
        let default_status = operation
            .responses
            .iter()
            .map(|r| r.status)
            .find(|s| (200..300).contains(s))
            .unwrap_or(200);
        let mut pending: Vec<&str> = Vec::new();
        for p in placed
            .iter()
            .filter(|p| p.section == Section::ExampleResponse)
        {
            match &p.block.kind {
                BlockKind::Paragraph(text) if sections::status_line(text).is_none() => {
                    pending.push(text)
                }
                BlockKind::Code { text, .. } => {
                    let status = p.status.unwrap_or(default_status);
                    let span = self.span(p.block.line);
                    let description = std::mem::take(&mut pending).join("\n\n");
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
                        body: example_body(text),
                        span,
                    });
                }
                _ => pending.clear(),
            }
        }
    }
}

/// A JSON body where the text parses as JSON, the text itself otherwise.
fn example_body(text: &str) -> ExampleBody {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => ExampleBody::Json(value),
        Err(_) => ExampleBody::Text(text.to_owned()),
    }
}
