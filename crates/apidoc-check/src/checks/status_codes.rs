//! Response tables against the Status Codes section.

use apidoc_ir::{Diagnostic, Operation, Response, Service};

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
