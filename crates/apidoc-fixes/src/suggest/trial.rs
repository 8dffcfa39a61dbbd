//! A drafted fix on trial: applied to copies of the pages it names, it
//! must change every one of them as expected, answer its finding, and
//! leave no new finding in any example of those pages, except inside what
//! it reshapes (the items of a list it wraps are walked for the first
//! time, and may show what a later round corrects).

use std::collections::BTreeMap;

use apidoc_check::{ExampleOf, check_examples};
use apidoc_ir::Page;

use super::FindingKey;
use super::derive::Candidate;
use crate::apply::{apply_fix, choose_pages};
use crate::format::{Fix, Place};

/// An accepted candidate: the fix, possibly narrowed to one language's
/// pages, and the findings it answers (those gone once it applies).
pub(super) type Accepted = (Fix, Vec<FindingKey>);

/// Every finding of every example on `pages`, with its body and message.
fn findings(pages: &[Page]) -> BTreeMap<FindingKey, (ExampleOf, String)> {
    let mut out = BTreeMap::new();
    for page in pages {
        for checked in check_examples(&page.operation, &page.models) {
            for finding in &checked.findings {
                let key = FindingKey {
                    example: checked.span.clone(),
                    disagreement: finding.disagreement,
                    path: finding.path.clone(),
                };
                out.insert(key, (checked.of, finding.message.clone()));
            }
        }
    }
    out
}

/// Tries the candidate on the pages it names. Where it changes the
/// example's page but not that page's translation (which states the
/// target otherwise, or not at all), tries it again narrowed to the
/// example's language.
/// `Err` says why the candidate is not suggested.
pub(super) fn judge(
    candidate: &Candidate,
    of: ExampleOf,
    home: &Page,
    pages: &[Page],
) -> Result<Accepted, String> {
    match try_fix(&candidate.fix, candidate, of, home, pages) {
        Err(Trouble::Partial(why)) => {
            let mut narrowed = candidate.fix.clone();
            narrowed.target.lang = Some(home.lang);
            match try_fix(&narrowed, candidate, of, home, pages) {
                Ok(answered) => Ok((narrowed, answered)),
                Err(Trouble::Partial(_)) => Err(why),
                Err(Trouble::Rejected(why)) => Err(why),
            }
        }
        Err(Trouble::Rejected(why)) => Err(why),
        Ok(answered) => Ok((candidate.fix.clone(), answered)),
    }
}

enum Trouble {
    /// The fix did not change the example's page and its translation as
    /// expected.
    Partial(String),
    Rejected(String),
}

/// Whether the fix can change the page at all: a fix naming a model and
/// no operation reaches only the pages defining the model (the others are
/// left out of the trial, which would find them unchanged).
fn reached(page: &Page, fix: &Fix) -> bool {
    match (&fix.target.operation, &fix.target.place) {
        (None, Place::Model { name, .. }) => page.models.iter().any(|m| &m.name == name),
        _ => true,
    }
}

/// The example's page and its translation: the pages a fix drafted from
/// the example must change.
fn must_change(page: &Page, home: &Page) -> bool {
    page.file == home.file
        || page.lang != home.lang
            && page.operation.uris.iter().any(|a| {
                home.operation
                    .uris
                    .iter()
                    .any(|b| a.method == b.method && a.path == b.path)
            })
}

fn try_fix(
    fix: &Fix,
    candidate: &Candidate,
    of: ExampleOf,
    home: &Page,
    pages: &[Page],
) -> Result<Vec<FindingKey>, Trouble> {
    let chosen: Vec<Page> = choose_pages(pages, &fix.target)
        .into_iter()
        .filter(|&i| reached(&pages[i], fix))
        .map(|i| pages[i].clone())
        .collect();
    let before = findings(&chosen);
    let mut trial = chosen.clone();
    let outcome = apply_fix(fix, &mut trial);
    let on = |file: &str| {
        chosen
            .iter()
            .any(|p| p.file == file && must_change(p, home))
    };
    if let Some((span, found)) = outcome.mismatches.iter().find(|(span, _)| on(&span.file)) {
        return Err(Trouble::Partial(format!(
            "the fix would not apply to every page of the operation: `{span}` states {found}"
        )));
    }
    let unchanged = chosen.iter().find(|page| {
        must_change(page, home) && !outcome.changed.iter().any(|span| span.file == page.file)
    });
    if let Some(page) = unchanged {
        return Err(Trouble::Partial(format!(
            "the fix would not apply to every page of the operation: `{}` does not state its target",
            page.file
        )));
    }
    let after = findings(&trial);
    if after.contains_key(&candidate.answers) {
        return Err(Trouble::Rejected(
            "the fix would not answer the finding".to_owned(),
        ));
    }
    let scope = &candidate.scope;
    let tolerated = |key: &FindingKey, body: ExampleOf| {
        body == of && key.path.len() > scope.len() && key.path.starts_with(scope)
    };
    let new = after
        .iter()
        .find(|(key, (body, _))| !before.contains_key(key) && !tolerated(key, *body));
    match new {
        Some((key, (_, message))) => Err(Trouble::Rejected(format!(
            "the example at `{}` shows otherwise: with the fix, {message}",
            key.example
        ))),
        None => Ok(before
            .into_keys()
            .filter(|key| !after.contains_key(key))
            .collect()),
    }
}
