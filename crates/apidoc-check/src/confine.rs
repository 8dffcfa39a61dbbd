//! Confining errors to the operations they concern.
//!
//! An error means a page cannot give a correct spec, but it says nothing
//! about the service's other pages. [`build_service_confined`] leaves out
//! every page an error points at (its primary place) and builds the
//! service again from the rest, until no error points at a page still in:
//! one odd page costs its own operation (or its variant of a shared method
//! and path), never the service. Each page left out becomes a [`LeftOut`]
//! saying which operation went and why.

use std::collections::BTreeSet;

use apidoc_ir::{Diagnostic, Method, Page, Service, ServiceMeta, Span};

use crate::build_service;

/// A page whose operation was left out of the service because of errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The page file.
    pub file: String,
    /// The operation the page documents: id, method and primary path, and
    /// where its URI line is; `None` for a page the reader could not make
    /// an operation of.
    pub operation: Option<(String, Method, String, Span)>,
    /// The errors that point at the page.
    pub reasons: Vec<Diagnostic>,
}

impl LeftOut {
    /// Where the finding is shown: the URI line, else the page's first line.
    pub fn span(&self) -> Span {
        self.operation
            .as_ref()
            .map_or_else(|| Span::new(&self.file, 1), |(_, _, _, span)| span.clone())
    }

    /// "`POST /v2/nat_gateways` (CreateNatGateway)", or "the page" when it
    /// documents no operation.
    pub fn what(&self) -> String {
        match &self.operation {
            Some((id, method, path, _)) => format!("`{} {path}` ({id})", method.as_str()),
            None => "the page".to_owned(),
        }
    }

    /// The codes of the reasons, each once, in order: "model-conflict,
    /// parameter-conflict".
    pub fn why(&self) -> String {
        let codes: BTreeSet<&str> = self.reasons.iter().map(|d| d.code.as_str()).collect();
        codes.into_iter().collect::<Vec<_>>().join(", ")
    }
}

/// A service built from the pages that have no error, and what went.
#[derive(Debug)]
pub struct Confined {
    /// The service without the pages left out.
    pub service: Service,
    /// The findings of this stage: the merge and check errors that left
    /// pages out, then the findings of the service as built (the reader's
    /// are the caller's).
    pub diagnostics: Vec<Diagnostic>,
    /// The pages left out, by file.
    pub left_out: Vec<LeftOut>,
}

/// Builds the service like [`build_service`], leaving out every page an
/// error points at: the reader's errors (`page_errors`, of any page, also
/// those that gave no [`Page`]) and the merge and check errors. Errors
/// that point at no page (no place, or a file that is no page) stay in the
/// diagnostics and leave nothing out. `adjust` sees every finding before
/// its severity counts (a caller's severity policy, e.g. a fixes file that
/// lowers a finding kind to a warning).
pub fn build_service_confined(
    meta: ServiceMeta,
    mut pages: Vec<Page>,
    page_errors: &[Diagnostic],
    adjust: &dyn Fn(&mut Diagnostic),
) -> Confined {
    let mut left_out = Vec::new();
    let mut reasons: Vec<Diagnostic> = Vec::new();
    let mut pending: Vec<Diagnostic> = page_errors
        .iter()
        .cloned()
        .map(|mut d| {
            adjust(&mut d);
            d
        })
        .filter(Diagnostic::is_error)
        .collect();
    let readable: BTreeSet<String> = pages.iter().map(|page| page.file.clone()).collect();
    for file in files_of(&pending) {
        if !readable.contains(&file) {
            left_out.push(left_out_page(&file, None, &pending));
        }
    }
    loop {
        let failing: BTreeSet<String> = files_of(&pending)
            .into_iter()
            .filter(|file| pages.iter().any(|page| &page.file == file))
            .collect();
        let (dropped, kept): (Vec<Page>, Vec<Page>) = pages
            .into_iter()
            .partition(|page| failing.contains(&page.file));
        pages = kept;
        for page in &dropped {
            left_out.push(left_out_page(&page.file, Some(page), &pending));
        }
        let (service, mut diagnostics) = build_service(meta.clone(), pages.clone());
        diagnostics.iter_mut().for_each(adjust);
        let errors: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.is_error() && points_at_a_page(d, &pages))
            .cloned()
            .collect();
        if errors.is_empty() {
            left_out.sort_by(|a, b| a.file.cmp(&b.file));
            reasons.extend(diagnostics);
            return Confined {
                service,
                diagnostics: reasons,
                left_out,
            };
        }
        reasons.extend(errors.iter().cloned());
        pending = errors;
    }
}

fn left_out_page(file: &str, page: Option<&Page>, errors: &[Diagnostic]) -> LeftOut {
    let files = BTreeSet::from([file.to_owned()]);
    LeftOut {
        file: file.to_owned(),
        operation: page.and_then(|page| {
            let uri = page.operation.uris.first()?;
            Some((
                page.operation.id.clone(),
                uri.method,
                uri.path.clone(),
                uri.span.clone(),
            ))
        }),
        reasons: errors
            .iter()
            .filter(|d| in_files(d, &files))
            .cloned()
            .collect(),
    }
}

fn primary_file(diagnostic: &Diagnostic) -> Option<&str> {
    diagnostic
        .primary
        .as_ref()
        .map(|label| label.span.file.as_str())
}

fn files_of(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    diagnostics
        .iter()
        .filter_map(primary_file)
        .map(str::to_owned)
        .collect()
}

fn in_files(diagnostic: &Diagnostic, files: &BTreeSet<String>) -> bool {
    primary_file(diagnostic).is_some_and(|file| files.contains(file))
}

fn points_at_a_page(diagnostic: &Diagnostic, pages: &[Page]) -> bool {
    primary_file(diagnostic).is_some_and(|file| pages.iter().any(|page| page.file == file))
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, TypeRef};

    use super::*;
    use crate::testkit::*;

    /// A GET page answering with a body model of one field.
    fn page_answering(file: &str, id: &str, path: &str, ty: TypeRef) -> Page {
        let mut op = operation(id, Method::Get, path, span(file, 3));
        let body = format!("{id}ResponseBody");
        op.responses = vec![response(200, Some(&body), span(file, 5))];
        let models = vec![model(
            &body,
            vec![field("id", ty, span(file, 7))],
            span(file, 6),
        )];
        let mut page = page(Lang::Zh, id, op, models);
        page.file = file.to_owned();
        page
    }

    #[test]
    fn a_broken_page_costs_only_its_own_operation() {
        let mut broken = page_answering("b.md", "ShowBroken", "/v1/broken", TypeRef::String);
        broken.operation.responses[0].body = Some(TypeRef::Model("Nowhere".into()));
        let pages = vec![
            page_answering("a.md", "ShowFine", "/v1/fine", TypeRef::String),
            broken,
            page_answering("c.md", "ShowOther", "/v1/other", TypeRef::Integer),
        ];
        let confined = build_service_confined(service(vec![], vec![]).meta, pages, &[], &|_| {});
        let ids: Vec<&str> = confined
            .service
            .operations
            .iter()
            .map(|op| op.id.as_str())
            .collect();
        assert_eq!(ids, ["ShowFine", "ShowOther"]);
        assert_eq!(confined.left_out.len(), 1);
        let left = &confined.left_out[0];
        assert_eq!(left.what(), "`GET /v1/broken` (ShowBroken)");
        assert_eq!(left.span(), span("b.md", 3));
        assert!(left.why().contains("model-undefined"), "{}", left.why());
        assert!(confined.diagnostics.iter().any(Diagnostic::is_error));
        assert!(
            !confined
                .service
                .models
                .iter()
                .any(|m| m.name.contains("Broken")),
            "the left-out page's models go with it"
        );
    }

    #[test]
    fn a_reader_error_leaves_out_its_page_even_without_an_operation() {
        let pages = vec![page_answering(
            "a.md",
            "ShowFine",
            "/v1/fine",
            TypeRef::String,
        )];
        let errors = [
            Diagnostic::error("unknown-type", "bad type", span("a.md", 7), "here"),
            Diagnostic::error("page-unreadable", "cannot read", span("z.md", 1), "here"),
        ];
        let confined =
            build_service_confined(service(vec![], vec![]).meta, pages, &errors, &|_| {});
        assert!(confined.service.operations.is_empty());
        let files: Vec<&str> = confined.left_out.iter().map(|l| l.file.as_str()).collect();
        assert_eq!(files, ["a.md", "z.md"]);
        assert_eq!(confined.left_out[1].what(), "the page");
        assert!(
            confined.diagnostics.is_empty(),
            "the reader's errors are the caller's to report"
        );
    }

    #[test]
    fn pages_without_errors_are_not_rebuilt_differently() {
        let pages = vec![page_answering(
            "a.md",
            "ShowFine",
            "/v1/fine",
            TypeRef::String,
        )];
        let confined =
            build_service_confined(service(vec![], vec![]).meta, pages.clone(), &[], &|_| {});
        let (service, diagnostics) = build_service(service(vec![], vec![]).meta, pages);
        assert_eq!(confined.service.operations, service.operations);
        assert_eq!(confined.diagnostics, diagnostics);
        assert!(confined.left_out.is_empty());
    }
}
