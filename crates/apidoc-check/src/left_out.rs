//! Pages left out of a service.
//!
//! A page is left out only when the reader could not make an operation of
//! it and says so with an error: no method and path could be read on a
//! page that looks like an operation, the file is not UTF-8 or cannot be
//! read. Every other problem degrades the part it concerns (the reader's
//! degraded fields, `crate::repair`), so the operation is still written.

use std::collections::BTreeSet;

use apidoc_ir::{Diagnostic, Page, Span};

/// A page that gave no operation because of errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The page file.
    pub file: String,
    /// The errors that point at the page.
    pub reasons: Vec<Diagnostic>,
}

impl LeftOut {
    /// Where the finding is shown: the first error's place, else the
    /// page's first line.
    pub fn span(&self) -> Span {
        self.reasons
            .iter()
            .find_map(|d| d.primary.as_ref())
            .map_or_else(|| Span::new(&self.file, 1), |label| label.span.clone())
    }

    /// The codes of the reasons, each once, in order: "not-utf8".
    pub fn why(&self) -> String {
        let codes: BTreeSet<&str> = self.reasons.iter().map(|d| d.code.as_str()).collect();
        codes.into_iter().collect::<Vec<_>>().join(", ")
    }
}

/// The pages that reading errors point at and that gave no operation
/// (`pages` are those that did), by file.
pub fn pages_left_out(pages: &[Page], read_findings: &[Diagnostic]) -> Vec<LeftOut> {
    let read: BTreeSet<&str> = pages.iter().map(|page| page.file.as_str()).collect();
    let mut left_out: Vec<LeftOut> = Vec::new();
    for error in read_findings.iter().filter(|d| d.is_error()) {
        let Some(file) = error.primary.as_ref().map(|l| l.span.file.as_str()) else {
            continue;
        };
        if read.contains(file) {
            continue;
        }
        match left_out.iter_mut().find(|l| l.file == file) {
            Some(page) => page.reasons.push(error.clone()),
            None => left_out.push(LeftOut {
                file: file.to_owned(),
                reasons: vec![error.clone()],
            }),
        }
    }
    left_out.sort_by(|a, b| a.file.cmp(&b.file));
    left_out
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method};

    use super::*;
    use crate::testkit::*;

    #[test]
    fn only_pages_that_gave_no_operation_are_left_out() {
        let mut fine = page(
            Lang::Zh,
            "ShowFine",
            operation("ShowFine", Method::Get, "/v1/fine", span("a.md", 3)),
            vec![],
        );
        fine.file = "a.md".to_owned();
        let findings = [
            Diagnostic::error("unknown-type", "bad type", span("a.md", 7), "here"),
            Diagnostic::error("page-unreadable", "cannot read", span("z.md", 1), "here"),
            Diagnostic::error("not-utf8", "bad byte", span("y.md", 4), "here"),
            Diagnostic::warning("not-an-api-page", "overview", span("x.md", 1), "here"),
        ];
        let left_out = pages_left_out(&[fine], &findings);
        let files: Vec<&str> = left_out.iter().map(|l| l.file.as_str()).collect();
        assert_eq!(files, ["y.md", "z.md"], "a page with an operation stays");
        assert_eq!(left_out[0].span(), span("y.md", 4));
        assert_eq!(left_out[0].why(), "not-utf8");
    }
}
