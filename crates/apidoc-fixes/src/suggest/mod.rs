//! Fixes drafted from the pages' own examples, for review.
//!
//! A page's tables are written by hand; its examples are usually captured
//! from the service. Where the two disagree in a way with one clear
//! correction, [`suggest`] drafts the `fixes.yaml` entry that makes the
//! tables say what the example shows ([`Kind`] lists the ways), with the
//! example's and the table's lines as its reason. Nothing is applied: the
//! suggestions go to the findings' help ([`annotate`]) and, through
//! `cargo xtask fixes suggest --write`, into `fixes.yaml`, whose review is
//! the user's.
//!
//! Every draft is tried on copies of the pages it names (`trial`): it must
//! apply to the example's page and its translation, answer its finding,
//! and make no other example of those pages disagree anew. A draft two
//! examples disagree about, or that would leave its example contradicting
//! the table elsewhere, is dropped, and the finding says why. Accepted
//! drafts are applied and the examples checked again, so that what they
//! uncover (the items of a list only the example wrapped) is drafted in a
//! later round; the rounds end when one accepts nothing.

mod derive;
mod evidence;
mod names;
mod trial;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use apidoc_check::{Disagreement, Step, check_examples, example_message};
use apidoc_ir::{Diagnostic, Lang, Page, Service, Span};

use crate::apply::{apply_fix, choose_pages, shares_uri};
use crate::format::{Fix, Place, Target};
use crate::yaml;
use derive::{Derived, Example};

/// Rounds of drafting after which [`suggest`] stops even if the last one
/// accepted something (each round answers findings the one before
/// uncovered; real pages need two or three).
const MAX_ROUNDS: usize = 8;

/// One finding of one example, by place.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FindingKey {
    /// The example.
    pub example: Span,
    /// How it disagrees.
    pub disagreement: Disagreement,
    /// Where in its body.
    pub path: Vec<Step>,
}

/// The ways a table and its example disagree that a fix can correct.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The example names a field otherwise (singular and plural, or
    /// another spelling): `update: {name}`.
    Rename,
    /// The example holds the documented body in a wrapper object:
    /// `update: {wrap}` on the response.
    Wrap,
    /// The table documents a wrapper the example lacks: `update: {unwrap}`.
    Unwrap,
    /// The example holds a list where the table says one value (a field or
    /// a response body): `update: {repeat: true}`.
    List,
    /// The example holds one value where the table says a list:
    /// `update: {type}` with the item type.
    Single,
    /// The example has a member with a plain value that no table lists:
    /// `add`.
    Add,
    /// The example shows `null` where the table does not allow it:
    /// `update: {nullable: true}`.
    Nullable,
}

impl Kind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Kind; 7] = [
        Kind::Rename,
        Kind::Wrap,
        Kind::Unwrap,
        Kind::List,
        Kind::Single,
        Kind::Add,
        Kind::Nullable,
    ];

    /// The kind's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Rename => "rename",
            Kind::Wrap => "wrap",
            Kind::Unwrap => "unwrap",
            Kind::List => "list",
            Kind::Single => "single",
            Kind::Add => "add",
            Kind::Nullable => "nullable",
        }
    }
}

/// A drafted fix that passed its trial.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What it corrects.
    pub kind: Kind,
    /// The `fixes.yaml` entry (marked `suggested`).
    pub fix: Fix,
    /// The round that drafted it (a later round's fix may name what an
    /// earlier one made: they must be applied in order).
    pub round: usize,
    /// The findings it answers.
    pub answers: Vec<FindingKey>,
}

/// A finding for which no fix is suggested, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Declined {
    /// The finding.
    pub finding: FindingKey,
    /// Why: two examples disagree, the example is not JSON, ...
    pub why: String,
}

/// What [`suggest`] found for a service.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// The fixes, in the order they apply: by operation, then round.
    pub suggestions: Vec<Suggestion>,
    /// The findings that got none, with the reason.
    pub declined: Vec<Declined>,
}

impl Suggestions {
    /// The fixes alone, in order.
    pub fn fixes(&self) -> Vec<Fix> {
        self.suggestions.iter().map(|s| s.fix.clone()).collect()
    }

    /// How many suggestions of each kind, in [`Kind::ALL`] order.
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .into_iter()
            .map(|kind| {
                let n = self.suggestions.iter().filter(|s| s.kind == kind).count();
                (kind, n)
            })
            .collect()
    }
}

/// Drafts the fixes the pages' examples call for (see the module
/// documentation). `pages` are one service's pages with its `fixes.yaml`
/// applied, so that what is already corrected is not suggested again.
pub fn suggest(pages: &[Page]) -> Suggestions {
    let mut out = Suggestions::default();
    let mut work: Option<Vec<Page>> = None;
    for round in 0..MAX_ROUNDS {
        let current = work.as_deref().unwrap_or(pages);
        let accepted = draft_round(current, round, &mut out.declined);
        if accepted.is_empty() {
            break;
        }
        let pages = work.get_or_insert_with(|| pages.to_vec());
        for suggestion in accepted {
            if apply_fix(&suggestion.fix, pages).changed.is_empty() {
                let why = "another suggested fix changed its target first".to_owned();
                out.declined
                    .extend(suggestion.answers.into_iter().map(|finding| Declined {
                        finding,
                        why: why.clone(),
                    }));
            } else {
                out.suggestions.push(suggestion);
            }
        }
    }
    out.suggestions.sort_by(|a, b| {
        let order = |s: &Suggestion| (s.fix.target.operation.clone(), s.round);
        order(a).cmp(&order(b))
    });
    out.declined.sort_by(|a, b| a.finding.cmp(&b.finding));
    out.declined.dedup_by(|a, b| a.finding == b.finding);
    out
}

/// One round: every example's findings drafted and tried on `pages`.
fn draft_round(pages: &[Page], round: usize, declined: &mut Vec<Declined>) -> Vec<Suggestion> {
    let shared = shared_models(pages);
    let evidence = evidence::Evidence::of(pages);
    let mut accepted: Vec<Suggestion> = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let examples = check_examples(&page.operation, &page.models);
        if examples.iter().all(|checked| checked.findings.is_empty()) {
            continue;
        }
        let operation = operation_name(pages, index);
        for checked in &examples {
            let example = Example {
                page,
                operation: &operation,
                checked,
                shared: &shared,
                evidence: &evidence,
            };
            for derived in derive::derive(&example) {
                let candidate = match derived {
                    Derived::Candidate(candidate) => candidate,
                    Derived::Declined(finding, why) => {
                        declined.push(Declined { finding, why });
                        continue;
                    }
                };
                if let Some(same) = accepted
                    .iter_mut()
                    .find(|s| same_change(&s.fix, &candidate.fix))
                {
                    same.answers.push(candidate.answers);
                    continue;
                }
                match trial::judge(&candidate, checked.of, page, pages) {
                    Ok((fix, answers)) => accepted.push(Suggestion {
                        kind: candidate.kind,
                        fix,
                        round,
                        answers,
                    }),
                    Err(why) => declined.push(Declined {
                        finding: candidate.answers,
                        why,
                    }),
                }
            }
        }
    }
    accepted
}

/// The names of the models that several pages of one language define,
/// all alike (the same fields, typed alike): one table the pages share.
/// Pages defining a name differently share only the name.
fn shared_models(pages: &[Page]) -> BTreeSet<String> {
    type Shape<'a> = Vec<(&'a str, &'a str)>;
    let mut definitions: BTreeMap<(Lang, &str), (usize, BTreeSet<Shape<'_>>)> = BTreeMap::new();
    for page in pages {
        let mut on_page = BTreeMap::new();
        for model in &page.models {
            let shape: Shape<'_> = model
                .fields
                .iter()
                .map(|f| (f.name.as_str(), f.type_text.as_str()))
                .collect();
            on_page.insert(model.name.as_str(), shape);
        }
        for (name, shape) in on_page {
            let (count, shapes) = definitions.entry((page.lang, name)).or_default();
            *count += 1;
            shapes.insert(shape);
        }
    }
    definitions
        .into_iter()
        .filter(|(_, (count, shapes))| *count > 1 && shapes.len() == 1)
        .map(|((_, name), _)| name.to_owned())
        .collect()
}

/// How a fix names the page's operation: its id, where the id names no
/// other operation's pages, else its method and path.
fn operation_name(pages: &[Page], index: usize) -> String {
    let page = &pages[index];
    let by_id = Target {
        operation: Some(page.operation.id.clone()),
        lang: None,
        place: Place::Operation,
    };
    let only_its_own = choose_pages(pages, &by_id)
        .into_iter()
        .all(|i| shares_uri(&pages[i], page));
    match page.operation.uris.first() {
        Some(uri) if !only_its_own => format!("{} {}", uri.method.as_str(), uri.path),
        _ => page.operation.id.clone(),
    }
}

/// Two fixes making the same change (their reasons and places in the file
/// aside).
pub(crate) fn same_change(a: &Fix, b: &Fix) -> bool {
    a.target == b.target
        && a.expect == b.expect
        && a.update == b.update
        && a.remove == b.remove
        && a.add == b.add
}

/// Adds to each example finding of the built service the fixes suggested
/// for it, as `fixes.yaml` text, or why none is.
pub fn annotate(service: &Service, diagnostics: &mut [Diagnostic], suggestions: &Suggestions) {
    let mut keys: HashMap<(Span, String), FindingKey> = HashMap::new();
    for op in &service.operations {
        for checked in check_examples(op, &service.models) {
            for finding in &checked.findings {
                let message = example_message(&op.id, checked.of, finding);
                let key = FindingKey {
                    example: checked.span.clone(),
                    disagreement: finding.disagreement,
                    path: finding.path.clone(),
                };
                keys.insert((checked.span.clone(), message), key);
            }
        }
    }
    for diagnostic in diagnostics.iter_mut() {
        let Some(label) = &diagnostic.primary else {
            continue;
        };
        let Some(key) = keys.get(&(label.span.clone(), diagnostic.message.clone())) else {
            continue;
        };
        if let Some(help) = help(key, suggestions) {
            diagnostic.help = Some(match diagnostic.help.take() {
                Some(old) => format!("{old}\n{help}"),
                None => help,
            });
        }
    }
}

/// The suggested fixes answering a finding, or why there is none.
fn help(key: &FindingKey, suggestions: &Suggestions) -> Option<String> {
    let fixes: Vec<String> = suggestions
        .suggestions
        .iter()
        .filter(|s| s.answers.contains(key))
        // Double backticks: the reason quotes places in single ones.
        .map(|s| format!("`` - {} ``", yaml::flow(&s.fix)))
        .collect();
    if !fixes.is_empty() {
        return Some(format!(
            "suggested fix (`cargo xtask fixes suggest --write` adds it to fixes.yaml): {}",
            fixes.join(" ")
        ));
    }
    let why = match suggestions.declined.iter().find(|d| &d.finding == key) {
        Some(declined) => declined.why.as_str(),
        // The merged operation may document a body its page alone does not.
        None if key.disagreement == Disagreement::NotJson => derive::NOT_JSON,
        None => return None,
    };
    Some(format!("no fix suggested: {why}"))
}
