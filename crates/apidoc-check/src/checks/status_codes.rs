//! Response tables against the Status Codes section.

use apidoc_ir::{Diagnostic, Method, Operation, Response, Service};

/// True when a response has a table: a body or headers.
fn has_table(response: &Response) -> bool {
    response.body.is_some() || !response.headers.is_empty()
}

/// `status-code-mismatch` (warning), in both directions:
/// - a status with a response table that the Status Codes section does not
///   list;
/// - a success status (2xx other than 204) the section lists without a
///   response table, on an operation that has a table for another status
///   (the tables were likely written for a different status).
///
/// Operations without a Status Codes section are not judged: the reader
/// reports a missing section.
pub(crate) fn status_code_mismatch(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in service
        .operations
        .iter()
        .filter(|op| !op.status_codes.is_empty())
    {
        tables_missing_from_section(op, out);
        section_success_without_table(op, out);
    }
}

fn tables_missing_from_section(op: &Operation, out: &mut Vec<Diagnostic>) {
    let listed = |status| op.status_codes.iter().any(|row| row.status == status);
    for response in op
        .responses
        .iter()
        .filter(|response| has_table(response) && !listed(response.status))
    {
        let mut diagnostic = Diagnostic::warning(
            "status-code-mismatch",
            format!(
                "`{}` documents a response {} that its Status Codes section does not list",
                op.id, response.status
            ),
            response.span.clone(),
            format!("response {} documented here", response.status),
        );
        if let Some(first) = op.status_codes.first() {
            diagnostic = diagnostic.with_secondary(first.span.clone(), "the Status Codes section");
        }
        out.push(diagnostic);
    }
}

fn section_success_without_table(op: &Operation, out: &mut Vec<Diagnostic>) {
    let tabled = |status| {
        op.responses
            .iter()
            .any(|response| response.status == status && has_table(response))
    };
    if !op.responses.iter().any(has_table) {
        return;
    }
    let is_success = |status: u16| (200..300).contains(&status) && status != 204;
    for row in op
        .status_codes
        .iter()
        .filter(|row| is_success(row.status) && !tabled(row.status))
    {
        out.push(
            Diagnostic::warning(
                "status-code-mismatch",
                format!(
                    "`{}` lists success status {} but documents no response table for it",
                    op.id, row.status
                ),
                row.span.clone(),
                format!("status {} listed here", row.status),
            )
            .with_help("check which status the response tables belong to"),
        );
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::Method;

    use super::*;
    use crate::testkit::*;

    fn run(tables: &[u16], listed: &[u16]) -> Vec<Diagnostic> {
        let mut op = operation("Create", Method::Post, "/x", span("p", 3));
        op.responses = tables
            .iter()
            .map(|status| response(*status, Some("Body"), span("p", 10)))
            .collect();
        op.responses.push(response(400, None, span("p", 20)));
        op.status_codes = listed
            .iter()
            .map(|status| status_code(*status, span("p", 30)))
            .collect();
        let mut out = Vec::new();
        status_code_mismatch(&service(vec![op], vec![]), &mut out);
        out
    }

    #[test]
    fn table_status_missing_from_the_section_is_a_warning() {
        let out = run(&[200], &[201, 400]);
        assert_eq!(
            codes(&out),
            ["status-code-mismatch", "status-code-mismatch"]
        );
        assert_eq!(
            out[0].message,
            "`Create` documents a response 200 that its Status Codes section does not list"
        );
        assert_eq!(
            out[1].message,
            "`Create` lists success status 201 but documents no response table for it"
        );
    }

    #[test]
    fn matching_statuses_and_untabled_errors_pass() {
        assert!(run(&[200], &[200, 400, 404]).is_empty());
        assert!(run(&[200], &[]).is_empty(), "no section: not judged");
    }
}

/// `status-description-mismatch` (warning): a status code described with
/// the standard reason phrase of another code ("403: Bad Request"), a sign
/// that the row's code or its text was copied from elsewhere.
pub(crate) fn status_description_mismatch(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        for row in &op.status_codes {
            let Some(text) = row.description.en.as_deref() else {
                continue;
            };
            let Some(other) = code_of_reason_phrase(text).filter(|&code| code != row.status) else {
                continue;
            };
            out.push(
                Diagnostic::warning(
                    "status-description-mismatch",
                    format!(
                        "`{}` describes status {} as \"{}\", the reason phrase of status {other}",
                        op.id,
                        row.status,
                        text.trim()
                    ),
                    row.span.clone(),
                    format!("status {} described here", row.status),
                )
                .with_help(format!(
                    "either the code should be {other} or the description should say what {} means",
                    row.status
                )),
            );
        }
    }
}

/// The status code whose standard reason phrase is `text` (case and a
/// trailing period ignored).
fn code_of_reason_phrase(text: &str) -> Option<u16> {
    let text = text.trim().trim_end_matches('.');
    (100..600).find(|&code| {
        http::StatusCode::from_u16(code)
            .ok()
            .and_then(|status| status.canonical_reason())
            .is_some_and(|reason| reason.eq_ignore_ascii_case(text))
    })
}

#[cfg(test)]
mod reason_phrase_tests {
    use apidoc_ir::{Lang, Method};

    use super::*;
    use crate::testkit::*;

    fn service_with_rows(rows: &[(u16, &str)]) -> Service {
        let mut op = operation("GetThing", Method::Get, "/v1/things", span("p", 1));
        op.status_codes = rows
            .iter()
            .enumerate()
            .map(|(i, (status, text))| {
                let mut row = status_code(*status, span("p", 10 + i as u32));
                row.description = apidoc_ir::Text::in_lang(Lang::En, *text);
                row
            })
            .collect();
        service(vec![op], vec![])
    }

    #[test]
    fn a_code_described_with_another_codes_phrase_is_reported() {
        let service =
            service_with_rows(&[(200, "OK"), (401, "Unauthorized"), (403, "Bad Request")]);
        let mut out = Vec::new();
        status_description_mismatch(&service, &mut out);
        assert_eq!(codes(&out), ["status-description-mismatch"]);
        assert_eq!(out[0].primary.as_ref().map(|l| l.span.line), Some(12));
        assert!(out[0].message.contains("status 400"), "{}", out[0].message);
    }

    #[test]
    fn own_phrases_and_free_text_pass() {
        let service = service_with_rows(&[
            (200, "ok."),
            (404, "Not Found"),
            (500, "Internal service error."),
        ]);
        let mut out = Vec::new();
        status_description_mismatch(&service, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}

/// `body-on-bodiless-status` (warning): a body table documented for an
/// answer that HTTP sends without a body (of 1xx, 204, 304, or to a HEAD
/// request). The spec keeps the table (the page wins), but clients will
/// never see that body.
pub(crate) fn body_on_bodiless_status(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        let head = op
            .uris
            .first()
            .is_some_and(|uri| uri.method == Method::Head);
        for response in op
            .responses
            .iter()
            .filter(|r| r.body.is_some() && (head || never_has_body(r.status)))
        {
            let answer = if head {
                format!("status {} of a HEAD request", response.status)
            } else {
                format!("status {}", response.status)
            };
            out.push(
                Diagnostic::warning(
                    "body-on-bodiless-status",
                    format!(
                        "`{}` documents a response body for {answer}, which HTTP sends without a body",
                        op.id
                    ),
                    response.span.clone(),
                    format!("body table under status {}", response.status),
                )
                .with_help(if head {
                    "document what the answer carries as response headers"
                } else {
                    "document the body under the status the API really answers with (e.g. 200)"
                }),
            );
        }
    }
}

fn never_has_body(status: u16) -> bool {
    (100..200).contains(&status) || status == 204 || status == 304
}

#[cfg(test)]
mod bodiless_tests {
    use apidoc_ir::Method;

    use super::*;
    use crate::testkit::*;

    #[test]
    fn a_body_table_under_204_is_reported_and_200_is_not() {
        let mut op = operation(
            "DeleteThing",
            Method::Delete,
            "/v1/things/{id}",
            span("p", 1),
        );
        op.responses = vec![
            response(204, Some("Body"), span("p", 5)),
            response(200, Some("Body"), span("p", 9)),
        ];
        let mut out = Vec::new();
        body_on_bodiless_status(&service(vec![op], vec![]), &mut out);
        assert_eq!(codes(&out), ["body-on-bodiless-status"]);
        assert_eq!(out[0].primary.as_ref().map(|l| l.span.line), Some(5));
    }

    #[test]
    fn a_body_table_of_a_head_answer_is_reported() {
        let mut op = operation("ShowThing", Method::Head, "/v1/things/{id}", span("p", 1));
        op.responses = vec![response(200, Some("Body"), span("p", 5))];
        let mut out = Vec::new();
        body_on_bodiless_status(&service(vec![op], vec![]), &mut out);
        assert_eq!(codes(&out), ["body-on-bodiless-status"]);
        assert!(out[0].message.contains("HEAD"), "{}", out[0].message);
    }
}
