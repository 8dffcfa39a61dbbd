//! Corrections of known documentation defects, kept beside the pages.
//!
//! Pages are never edited by hand; where a page is wrong (a misspelled
//! placeholder, a `String` that takes several values, a 403 described as
//! "Bad Request") a service's `fixes.yaml` says what to correct, what the
//! page states now and why. [`parse_fixes`] reads the file into plain data
//! ([`Fixes`]); [`build_with_fixes`] applies the fixes to the pages after
//! reading and before the checks (so a fix can answer an error that would
//! leave an operation out), and to the findings after them (severity of a
//! finding kind). The OpenAPI, the Rust SDK and `FINDINGS.md` therefore
//! agree.
//!
//! A fix applies wherever its target states the values it expects; a fix
//! that applies nowhere is an error naming the fix and the page: `fix-stale`
//! when the target is there but the page states something else now,
//! `fix-unmatched` when the target is not there. Every applied fix becomes a
//! `fixed` warning (the page is still wrong, its owners should know) at the
//! place of the finding it answers, with the fix's reason.
//!
//! [`suggest()`] drafts fixes where a page's example and its tables disagree
//! in a way with one clear correction, tried on the pages before they are
//! offered; the findings they answer carry them ([`suggest::annotate`], in
//! [`build_with_fixes`]), and [`yaml`] writes them as `fixes.yaml` text.
//!
//! The format borrows the OpenAPI Overlay 1.0 vocabulary (`target`,
//! `update`, `remove`); see the README section "Correcting a documentation
//! defect".

mod apply;
mod findings;
mod format;
pub mod suggest;
pub mod yaml;

use apidoc_ir::{Diagnostic, Page, Service, ServiceMeta};

pub use format::{Fix, Fixes, NewField, Place, Props, SeverityName, Target, parse_fixes};
pub use suggest::{Suggestions, suggest};

/// The name of a service's fixes file, beside its `service.toml`.
pub const FILE_NAME: &str = "fixes.yaml";

/// Builds a service with its fixes applied.
///
/// `read_findings` are the findings of reading the pages (severity fixes
/// apply to them too). `build` merges and checks pages
/// (`apidoc_check::build_service`). Without fixes this is `build` alone.
/// With fixes, `build` also runs once on the unfixed pages, so that the
/// findings a fix answers can be listed beside it. Returns the service and
/// every finding (`read_findings`, then the fixes' errors and `fixed`
/// entries, then the checks').
pub fn build_with_fixes(
    fixes: &Fixes,
    meta: ServiceMeta,
    mut pages: Vec<Page>,
    mut read_findings: Vec<Diagnostic>,
    build: impl Fn(ServiceMeta, Vec<Page>) -> (Service, Vec<Diagnostic>),
) -> (Service, Vec<Diagnostic>) {
    if fixes.is_empty() {
        let suggestions = suggest(&pages);
        let (service, mut diagnostics) = build(meta, pages);
        suggest::annotate(&service, &mut diagnostics, &suggestions);
        read_findings.extend(diagnostics);
        return (service, read_findings);
    }
    let finding_files: Vec<Option<Vec<String>>> = fixes
        .fixes
        .iter()
        .map(|fix| {
            fix.target.operation.as_ref().map(|_| {
                let chosen = apply::choose_pages(&pages, &fix.target);
                chosen.into_iter().map(|i| pages[i].file.clone()).collect()
            })
        })
        .collect();
    let unfixed = pages.clone();
    let mut outcomes = Vec::new();
    let mut errors = Vec::new();
    for fix in fixes.fixes.iter().filter(|fix| !is_finding_fix(fix)) {
        let outcome = apply::apply_fix(fix, &mut pages);
        if outcome.changed.is_empty() {
            errors.push(findings::not_applied(fix, &outcome));
        } else {
            outcomes.push((fix, outcome));
        }
    }
    let suggestions = suggest(&pages);
    let (_, before) = build(meta.clone(), unfixed);
    let (service, mut checked) = build(meta, pages);
    let answered: Vec<Diagnostic> = before
        .into_iter()
        .filter(|d| !checked.contains(d))
        .collect();
    suggest::annotate(&service, &mut checked, &suggestions);
    for (fix, files) in fixes.fixes.iter().zip(&finding_files) {
        if let Place::Finding { code } = &fix.target.place {
            let all = read_findings.iter_mut().chain(checked.iter_mut());
            errors.extend(findings::set_severity(fix, code, files.as_deref(), all));
        }
    }
    let applied: Vec<(&Fix, &apply::Outcome)> = outcomes.iter().map(|(f, o)| (*f, o)).collect();
    read_findings.extend(errors);
    read_findings.extend(findings::fixed(&applied, answered));
    read_findings.extend(checked);
    (service, read_findings)
}

/// The fixes the examples of `pages` suggest once `fixes` are applied to
/// them (the fixes that apply nowhere are left out, as generation reports).
pub fn suggest_with(fixes: &Fixes, mut pages: Vec<Page>) -> Suggestions {
    for fix in fixes.fixes.iter().filter(|fix| !is_finding_fix(fix)) {
        apply::apply_fix(fix, &mut pages);
    }
    suggest(&pages)
}

fn is_finding_fix(fix: &Fix) -> bool {
    matches!(fix.target.place, Place::Finding { .. })
}
