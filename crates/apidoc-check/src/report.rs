//! Findings as a Markdown report for the documentation owners.

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Severity};

use crate::LeftOut;

/// A Markdown report of the findings: a count, the operations left out
/// because of errors (page, operation, the errors' codes), then one
/// section per page file (sorted) with a table of its findings ordered by
/// line, severity, code and message; findings without a place come last.
/// Secondary places are listed under the finding. The output depends only
/// on the input.
pub fn findings_report(diagnostics: &[Diagnostic], left_out: &[LeftOut]) -> String {
    let mut out = String::from("# Documentation findings\n\n");
    out.push_str(&summary(diagnostics));
    out.push_str(&left_out_section(left_out));
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for diagnostic in diagnostics {
        match &diagnostic.primary {
            Some(label) => by_file
                .entry(&label.span.file)
                .or_default()
                .push(diagnostic),
            None => unplaced.push(diagnostic),
        }
    }
    for (file, findings) in by_file {
        out.push_str(&format!("\n## `{file}`\n\n"));
        out.push_str(&table(findings));
    }
    if !unplaced.is_empty() {
        out.push_str("\n## Without a place\n\n");
        out.push_str(&table(unplaced));
    }
    out
}

/// "## Left out": one row per page whose operation is not in the output.
fn left_out_section(left_out: &[LeftOut]) -> String {
    if left_out.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n## Left out\n\n{} left out because of errors (see each page's findings below):\n\n\
         | Page | Operation | Errors |\n|---|---|---|\n",
        counted(left_out.len(), "page")
    );
    for page in left_out {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            page.span(),
            cell(&page.what()),
            page.why()
        ));
    }
    out
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "No findings.\n".to_owned();
    }
    let errors = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .count();
    let warnings = diagnostics.len() - errors;
    format!(
        "{} and {}.\n",
        counted(errors, "error"),
        counted(warnings, "warning")
    )
}

fn counted(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn table(mut findings: Vec<&Diagnostic>) -> String {
    findings.sort_by_key(|diagnostic| {
        let line = diagnostic.primary.as_ref().map(|label| label.span.line);
        (
            line,
            diagnostic.severity,
            &diagnostic.code,
            &diagnostic.message,
        )
    });
    let mut out =
        String::from("| Line | Severity | Code | Finding | Help |\n|---:|---|---|---|---|\n");
    for diagnostic in findings {
        let line = diagnostic
            .primary
            .as_ref()
            .map_or_else(|| "-".to_owned(), |label| label.span.line.to_string());
        let mut finding = cell(&diagnostic.message);
        for label in &diagnostic.secondary {
            finding.push_str(&format!(
                "<br>see `{}`: {}",
                label.span,
                cell(&label.message)
            ));
        }
        let help = diagnostic.help.as_deref().map(cell).unwrap_or_default();
        out.push_str(&format!(
            "| {line} | {} | `{}` | {finding} | {help} |\n",
            severity_name(diagnostic.severity),
            diagnostic.code
        ));
    }
    out
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Text safe inside a table cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::span;

    #[test]
    fn no_findings_say_so() {
        assert_eq!(
            findings_report(&[], &[]),
            "# Documentation findings\n\nNo findings.\n"
        );
    }

    #[test]
    fn pages_left_out_are_listed_with_their_operation_and_errors() {
        let error = Diagnostic::error("unknown-type", "bad", span("svc/a.md", 7), "l");
        let left_out = [
            LeftOut {
                file: "svc/a.md".to_owned(),
                operation: Some((
                    "ShowThing".to_owned(),
                    apidoc_ir::Method::Get,
                    "/v1/things/{id}".to_owned(),
                    span("svc/a.md", 3),
                )),
                reasons: vec![error.clone()],
            },
            LeftOut {
                file: "svc/b.md".to_owned(),
                operation: None,
                reasons: vec![],
            },
        ];
        let report = findings_report(&[error], &left_out);
        assert!(
            report.contains(
                "## Left out\n\n2 pages left out because of errors (see each page's findings below):\n\n\
                 | Page | Operation | Errors |\n|---|---|---|\n\
                 | `svc/a.md:3` | `GET /v1/things/{id}` (ShowThing) | unknown-type |\n\
                 | `svc/b.md:1` | the page |  |\n"
            ),
            "{report}"
        );
    }

    #[test]
    fn pipes_in_messages_do_not_break_the_table() {
        let diagnostic = Diagnostic::warning("w", "a | b", span("p.txt", 3), "l");
        assert!(
            findings_report(&[diagnostic], &[]).contains("| 3 | warning | `w` | a \\| b |  |\n")
        );
    }
}
