//! Findings as a Markdown report for the documentation owners.
//!
//! An owner of many services reads it top down: one row per service
//! (operations written, parts degraded, findings by kind), then per
//! service the pages left out, the parts degraded (what the page states
//! and what was written instead) and each page's findings.

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Severity};

use crate::LeftOut;

/// A service as the report names it: its folder name and how many
/// operations were written for it.
#[derive(Clone, Copy, Debug)]
pub struct ServiceCount<'a> {
    /// The service's folder name, which starts its pages' paths.
    pub name: &'a str,
    /// Operations written.
    pub operations: usize,
}

/// A Markdown report of the findings. Findings belong to the service whose
/// folder their place is in; those of no service's folder (or without a
/// place) come last. The output depends only on the input.
pub fn findings_report(
    services: &[ServiceCount<'_>],
    diagnostics: &[Diagnostic],
    left_out: &[LeftOut],
) -> String {
    let mut out = String::from("# Documentation findings\n\n");
    out.push_str(&summary(diagnostics, left_out));
    let sections = by_service(services, diagnostics, left_out);
    if diagnostics.is_empty() && left_out.is_empty() {
        return out;
    }
    out.push_str(&overview(&sections));
    for section in &sections {
        out.push_str(&section.details());
    }
    out
}

/// One service's share of the findings.
struct Section<'a> {
    /// `None` for the findings of no service.
    service: Option<ServiceCount<'a>>,
    findings: Vec<&'a Diagnostic>,
    left_out: Vec<&'a LeftOut>,
}

fn by_service<'a>(
    services: &[ServiceCount<'a>],
    diagnostics: &'a [Diagnostic],
    left_out: &'a [LeftOut],
) -> Vec<Section<'a>> {
    let mut sections: Vec<Section<'a>> = services
        .iter()
        .map(|service| Section {
            service: Some(*service),
            findings: Vec::new(),
            left_out: Vec::new(),
        })
        .collect();
    sections.push(Section {
        service: None,
        findings: Vec::new(),
        left_out: Vec::new(),
    });
    let index = |file: &str| {
        let folder = file.split('/').next().unwrap_or_default();
        services
            .iter()
            .position(|s| s.name == folder && file.contains('/'))
            .unwrap_or(services.len())
    };
    for diagnostic in diagnostics {
        let file = diagnostic
            .primary
            .as_ref()
            .map_or("", |l| l.span.file.as_str());
        sections[index(file)].findings.push(diagnostic);
    }
    for page in left_out {
        sections[index(&page.file)].left_out.push(page);
    }
    sections.retain(|s| s.service.is_some() || !s.findings.is_empty() || !s.left_out.is_empty());
    sections
}

/// "N errors and M warnings; D parts degraded; L pages left out."
fn summary(diagnostics: &[Diagnostic], left_out: &[LeftOut]) -> String {
    if diagnostics.is_empty() && left_out.is_empty() {
        return "No findings.\n".to_owned();
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let degraded = diagnostics.iter().filter(|d| d.degraded.is_some()).count();
    format!(
        "{} and {}; {} degraded; {} left out.\n",
        counted(errors, "error"),
        counted(diagnostics.len() - errors, "warning"),
        counted(degraded, "part"),
        counted(left_out.len(), "page"),
    )
}

/// The table of services.
fn overview(sections: &[Section<'_>]) -> String {
    let mut out = String::from(
        "\n| Service | Operations | Degraded | Left out | Errors | Warnings | Findings by kind |\n\
         |---|---:|---:|---:|---:|---:|---|\n",
    );
    for section in sections {
        let errors = section.findings.iter().filter(|d| d.is_error()).count();
        let degraded = section
            .findings
            .iter()
            .filter(|d| d.degraded.is_some())
            .count();
        out.push_str(&format!(
            "| {} | {} | {degraded} | {} | {errors} | {} | {} |\n",
            section.name(),
            section
                .service
                .map_or_else(|| "-".to_owned(), |s| s.operations.to_string()),
            section.left_out.len(),
            section.findings.len() - errors,
            kinds(&section.findings),
        ));
    }
    out
}

/// "`code` 12, `other` 3": the kinds of findings, the most frequent first.
fn kinds(findings: &[&Diagnostic]) -> String {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for finding in findings {
        *counts.entry((&finding.code, finding.severity)).or_default() += 1;
    }
    let mut counts: Vec<((&str, Severity), usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
        .iter()
        .map(|((code, severity), n)| {
            let mark = if *severity == Severity::Error {
                " (error)"
            } else {
                ""
            };
            format!("`{code}`{mark} {n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Section<'_> {
    fn name(&self) -> &str {
        self.service.map_or("(no service)", |s| s.name)
    }

    /// The service's heading, its pages left out, its degraded parts and
    /// its findings page by page.
    fn details(&self) -> String {
        if self.findings.is_empty() && self.left_out.is_empty() {
            return String::new();
        }
        let mut out = format!("\n## {}\n", self.name());
        out.push_str(&self.left_out_part());
        out.push_str(&self.degraded_part());
        let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
        let mut unplaced = Vec::new();
        for diagnostic in &self.findings {
            match &diagnostic.primary {
                Some(label) => by_file
                    .entry(&label.span.file)
                    .or_default()
                    .push(diagnostic),
                None => unplaced.push(*diagnostic),
            }
        }
        for (file, findings) in by_file {
            out.push_str(&format!("\n### `{file}`\n\n"));
            out.push_str(&table(findings));
        }
        if !unplaced.is_empty() {
            out.push_str("\n### Without a place\n\n");
            out.push_str(&table(unplaced));
        }
        out
    }

    /// "### Left out": one row per page the reader made no operation of.
    fn left_out_part(&self) -> String {
        if self.left_out.is_empty() {
            return String::new();
        }
        let mut out = format!(
            "\n### Left out\n\n{} gave no operation (see the page's findings below):\n\n\
             | Page | Errors |\n|---|---|\n",
            counted(self.left_out.len(), "page")
        );
        for page in &self.left_out {
            out.push_str(&format!("| `{}` | {} |\n", page.span(), page.why()));
        }
        out
    }

    /// "### Degraded": what the output carries instead of what a page
    /// states, one row per finding that degraded a part.
    fn degraded_part(&self) -> String {
        let mut degraded: Vec<&Diagnostic> = self
            .findings
            .iter()
            .copied()
            .filter(|d| d.degraded.is_some())
            .collect();
        if degraded.is_empty() {
            return String::new();
        }
        degraded.sort_by_key(|d| (d.primary.as_ref().map(|l| &l.span), &d.code));
        let mut out = format!(
            "\n### Degraded\n\n{} written otherwise than the page states:\n\n\
             | Place | Written instead | Code |\n|---|---|---|\n",
            counted(degraded.len(), "part")
        );
        for diagnostic in degraded {
            let place = diagnostic
                .primary
                .as_ref()
                .map_or_else(|| "-".to_owned(), |l| format!("`{}`", l.span));
            out.push_str(&format!(
                "| {place} | {} | `{}` |\n",
                cell(diagnostic.degraded.as_deref().unwrap_or_default()),
                diagnostic.code
            ));
        }
        out
    }
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

    fn services() -> [ServiceCount<'static>; 2] {
        [
            ServiceCount {
                name: "svc",
                operations: 4,
            },
            ServiceCount {
                name: "quiet",
                operations: 2,
            },
        ]
    }

    #[test]
    fn no_findings_say_so() {
        assert_eq!(
            findings_report(&services(), &[], &[]),
            "# Documentation findings\n\nNo findings.\n"
        );
    }

    #[test]
    fn services_open_the_report_then_left_out_degraded_and_pages() {
        let unreadable = Diagnostic::error("not-utf8", "bad byte", span("svc/b.md", 2), "l");
        let findings = [
            Diagnostic::error("unknown-type", "bad type", span("svc/a.md", 7), "l")
                .degrading("`size` typed as a value of any type"),
            Diagnostic::warning("lang-missing", "one side", span("svc/a.md", 9), "l"),
            Diagnostic::warning("lang-missing", "other side", span("svc/c.md", 3), "l"),
            unreadable.clone(),
        ];
        let left_out = [LeftOut {
            file: "svc/b.md".to_owned(),
            reasons: vec![unreadable],
        }];
        let report = findings_report(&services(), &findings, &left_out);
        insta::assert_snapshot!(report);
    }

    #[test]
    fn pipes_in_messages_do_not_break_the_table() {
        let diagnostic = Diagnostic::warning("w", "a | b", span("svc/p.txt", 3), "l");
        assert!(
            findings_report(&services(), &[diagnostic], &[])
                .contains("| 3 | warning | `w` | a \\| b |  |\n")
        );
    }
}
