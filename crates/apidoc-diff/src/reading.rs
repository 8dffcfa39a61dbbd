//! How each version of the docs was read, and which changes that
//! explains: a change whose place one version did not read as it states it
//! (a table or value list the reader did not take, a type it could not
//! read, a page left out) is uncertain, with the finding beside it.

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Method, Service, Severity, Span};
use serde::Serialize;

use crate::change::{Change, Explanation, Kind, Version};

/// One version of the docs as the pipeline read it: its services and the
/// findings of reading them.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// The services, as `generate` reads them.
    pub services: Vec<Service>,
    /// Every finding of reading, checking and fixing the pages.
    pub findings: Vec<Diagnostic>,
    /// Pages whose operation the reading left out.
    pub left_out: Vec<LeftOutPage>,
}

impl Reading {
    /// Services read without findings (IR snapshots, tests).
    pub fn of(services: Vec<Service>) -> Self {
        Self {
            services,
            ..Self::default()
        }
    }
}

/// A page whose operation was left out of its service.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOutPage {
    /// The page file (`<service>/<page>`).
    pub file: String,
    /// The method and path of its operation, where the reader found them.
    pub operation: Option<(Method, String)>,
    /// The error that left it out.
    pub reason: Diagnostic,
}

/// How the reader may have misread a place, by finding code: a finding
/// about one field row, or about a table of the page (any place on it).
const FIELD_FINDINGS: &[&str] = &[
    "default-not-in-enum",
    "default-type-mismatch",
    "enum-type-mismatch",
    "mandatory-unknown",
    "range-inverted",
    "row-missing-cell",
    "type-misspelled",
    "unknown-type",
];
const PAGE_FINDINGS: &[&str] = &[
    "model-undefined",
    "table-header-unknown",
    "table-link-disagrees",
    "table-link-guessed",
    "table-link-unresolved",
    "table-of-scalar-field",
    "table-unclassified",
    "table-unreferenced",
];

/// The findings of one version that explain `change`: a field finding on
/// the line of the change's place, a table finding on its page (for
/// anything but the operation itself), a page left out for an operation
/// added or removed.
fn explanations(change: &Change, version: Version, reading: &Reading) -> Vec<Explanation> {
    let span = match version {
        Version::Old => &change.old,
        Version::New => &change.new,
    };
    let mut found: Vec<Explanation> = span
        .iter()
        .flat_map(|span| {
            reading
                .findings
                .iter()
                .filter(move |d| explains(d, span, change.kind))
        })
        .map(|d| explanation(version, d))
        .collect();
    let missing_here = match version {
        Version::Old => Kind::OperationAdded,
        Version::New => Kind::OperationRemoved,
    };
    if change.kind == missing_here {
        found.extend(
            reading
                .left_out
                .iter()
                .filter(|page| same_operation(page, &change.operation))
                .map(|page| Explanation {
                    message: format!("page `{}` left out: {}", page.file, page.reason.message),
                    code: "page-left-out".to_owned(),
                    ..explanation(version, &page.reason)
                }),
        );
    }
    found.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    found
}

fn explains(finding: &Diagnostic, span: &Span, kind: Kind) -> bool {
    let Some(at) = &finding.primary else {
        return false;
    };
    let code = finding.code.as_str();
    at.span.file == span.file
        && (FIELD_FINDINGS.contains(&code) && at.span.line == span.line
            || PAGE_FINDINGS.contains(&code) && !is_operation_kind(kind))
}

fn is_operation_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::OperationAdded
            | Kind::OperationRemoved
            | Kind::OperationRenamed
            | Kind::OperationMoved
    )
}

fn explanation(version: Version, finding: &Diagnostic) -> Explanation {
    Explanation {
        version: Some(version),
        code: finding.code.clone(),
        message: finding.message.clone(),
        span: finding.primary.as_ref().map(|l| l.span.clone()),
    }
}

/// True when a left-out page documents `operation` ("METHOD /path").
fn same_operation(page: &LeftOutPage, operation: &str) -> bool {
    page.operation
        .as_ref()
        .is_some_and(|(method, path)| format!("{} {path}", method.as_str()) == operation)
}

/// Marks the changes that the findings of either version explain.
pub(crate) fn mark_uncertain(changes: &mut [Change], old: &Reading, new: &Reading) {
    for change in changes {
        let why = explanations(change, Version::Old, old);
        change.uncertain.extend(why);
        let why = explanations(change, Version::New, new);
        change.uncertain.extend(why);
    }
}

/// What reading one version of a service found, in short.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReadingReport {
    /// Error findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// How many findings of each code, most frequent first.
    pub codes: Vec<(String, usize)>,
    /// The pages left out, each with the error that left it out.
    pub left_out: Vec<(String, String)>,
}

impl ReadingReport {
    /// The findings of `reading` on the pages of the service `name`
    /// (files `<name>/…`).
    pub(crate) fn of(reading: &Reading, name: &str) -> Self {
        let prefix = format!("{name}/");
        let mine = |file: &str| file.starts_with(&prefix);
        let findings: Vec<&Diagnostic> = reading
            .findings
            .iter()
            .filter(|d| d.primary.as_ref().is_some_and(|l| mine(&l.span.file)))
            .collect();
        let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &findings {
            *codes.entry(&d.code).or_default() += 1;
        }
        let mut codes: Vec<(String, usize)> =
            codes.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
        codes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let count = |severity: Severity| findings.iter().filter(|d| d.severity == severity).count();
        Self {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            codes,
            left_out: reading
                .left_out
                .iter()
                .filter(|p| mine(&p.file))
                .map(|p| (p.file.clone(), p.reason.code.clone()))
                .collect(),
        }
    }

    /// True when reading found nothing.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.left_out.is_empty()
    }
}
