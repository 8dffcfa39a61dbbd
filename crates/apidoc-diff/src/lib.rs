//! The semantic API changelog: two versions of the IR in, the changes
//! between them out.
//!
//! [`diff`] compares two versions of the docs as read ([`Reading`]: the
//! [`Service`]s and the findings of reading them; [`diff_service`] compares
//! one pair of services): operations, parameters, authentication, request
//! and response bodies field by field, statuses and headers. Each
//! [`Change`] carries the page lines that state it on both sides and a
//! [`Verdict`]: breaking or not for a caller of the generated Rust SDK, and
//! on the wire as oasdiff's documented rules judge (the table is
//! `docs/API-DIFF.md`). Not every difference is an API change: what one
//! version states and the other does not state at all is newly (or no
//! longer) documented; a difference a finding of reading explains is
//! uncertain, with the finding; a rename of a name the reader made up is
//! folded into one line per kind ([`Section`]). [`Changelog::markdown`]
//! renders a pull-request comment, [`Changelog::json`] the same for tools;
//! [`snapshot`] keeps a compact copy of a service's IR next to the
//! generated files so that the next `generate` can say what it changed.

mod change;
mod compare;
mod reading;
mod render;
mod schema;
pub mod snapshot;

use std::fmt::Write;

use apidoc_ir::Service;
use serde::Serialize;

pub use change::{
    Change, Context, Explanation, Kind, Section, Side, Statement, Verdict, Version, verdict,
};
pub use compare::diff_service;
pub use reading::{LeftOutPage, Reading, ReadingReport};

/// The version bump a generated crate needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Changes that neither add to nor break the crate's API.
    Patch,
    /// Additions only.
    Minor,
    /// A change breaking for a caller of the SDK.
    Major,
}

impl Bump {
    /// "major", "minor", "patch" or "none".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Patch => "patch",
            Self::Minor => "minor",
            Self::Major => "major",
        }
    }
}

/// The changes of one service.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceDiff {
    /// The service name (`docs-input/<name>/`, the crate's stem).
    pub service: String,
    /// The bump its generated crate needs (every change counts, whatever
    /// its section: the generated code changes with the pages).
    pub semver: Bump,
    /// How many certain API changes break a caller (of the SDK or on the
    /// wire): the [`Section::Breaking`] ones.
    pub breaking: usize,
    /// How many changes are documentation only ([`Section::Documented`]).
    pub documented: usize,
    /// How many renames are folded ([`Section::Folded`]).
    pub folded: usize,
    /// How many changes are uncertain ([`Section::Uncertain`]).
    pub uncertain: usize,
    /// The changes, by section (breaking first, uncertain last), then in
    /// operation order.
    pub changes: Vec<Change>,
    /// What reading each version of the service's pages found.
    pub reading: Readings,
}

/// What reading the old and the new pages of a service found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Readings {
    /// The old pages.
    pub old: ReadingReport,
    /// The new pages.
    pub new: ReadingReport,
}

impl ServiceDiff {
    /// Compares two versions of one service read without findings.
    pub fn new(old: &Service, new: &Service) -> Self {
        Self::read(old, new, (&Reading::default(), &Reading::default()))
    }

    /// Compares two versions of one service, each read with the findings
    /// of its [`Reading`], which say which changes are uncertain.
    fn read(old: &Service, new: &Service, (old_read, new_read): (&Reading, &Reading)) -> Self {
        let mut changes = diff_service(old, new);
        reading::mark_uncertain(&mut changes, old_read, new_read);
        changes.sort_by_key(Change::section);
        let count = |section: Section| changes.iter().filter(|c| c.section() == section).count();
        let semver = if changes.iter().any(|c| c.verdict.sdk) {
            Bump::Major
        } else if changes.iter().any(|c| c.kind.adds_api()) {
            Bump::Minor
        } else if changes.is_empty() {
            Bump::None
        } else {
            Bump::Patch
        };
        let name = &new.meta.name;
        Self {
            service: name.clone(),
            semver,
            breaking: count(Section::Breaking),
            documented: count(Section::Documented),
            folded: count(Section::Folded),
            uncertain: count(Section::Uncertain),
            changes,
            reading: Readings {
                old: ReadingReport::of(old_read, name),
                new: ReadingReport::of(new_read, name),
            },
        }
    }

    /// The diff of a service with itself: no change.
    pub fn unchanged(service: &Service) -> Self {
        Self {
            service: service.meta.name.clone(),
            semver: Bump::None,
            breaking: 0,
            documented: 0,
            folded: 0,
            uncertain: 0,
            changes: Vec::new(),
            reading: Readings::default(),
        }
    }

    /// One line: "ecs: 2 operations added, 3 changes in existing
    /// operations; 1 breaking (semver: major)", or "ecs: no API changes".
    pub fn summary(&self) -> String {
        format!("{}: {}", self.service, self.counts())
    }

    /// The summary without the service name.
    pub fn counts(&self) -> String {
        if self.changes.is_empty() {
            return "no API changes".to_owned();
        }
        let count = |kind: Kind| self.changes.iter().filter(|c| c.kind == kind).count();
        let (added, removed) = (count(Kind::OperationAdded), count(Kind::OperationRemoved));
        let other = self.changes.len() - added - removed;
        let mut parts = Vec::new();
        for (n, what) in [(added, "added"), (removed, "removed")] {
            if n > 0 {
                parts.push(format!("{n} operation{} {what}", plural(n)));
            }
        }
        if other > 0 {
            parts.push(format!(
                "{other} change{} in existing operations",
                plural(other)
            ));
        }
        let mut counts = format!("{} breaking", self.breaking);
        for (n, what) in [
            (self.documented, "documentation only"),
            (self.folded, "folded renames"),
            (self.uncertain, "uncertain"),
        ] {
            if n > 0 {
                let _ = write!(counts, ", {n} {what}");
            }
        }
        format!(
            "{}; {counts} (semver: {})",
            parts.join(", "),
            self.semver.as_str()
        )
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The changes of every service, in the new services' order, then
/// services removed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changelog {
    /// One entry per service present on either side, changed or not.
    pub services: Vec<ServiceDiff>,
}

impl Changelog {
    /// True when any change breaks a caller.
    pub fn has_breaking(&self) -> bool {
        self.services.iter().any(|s| s.breaking > 0)
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.services.iter().all(|s| s.changes.is_empty())
    }
}

/// Compares services by name; a service on one side only is compared
/// with an empty one (all its operations added or removed).
pub fn diff(old: &Reading, new: &Reading) -> Changelog {
    let empty = |s: &Service| Service {
        meta: s.meta.clone(),
        operations: Vec::new(),
        models: Vec::new(),
    };
    let find =
        |reading: &Reading, name: &str| reading.services.iter().position(|s| s.meta.name == name);
    let readings = (old, new);
    let mut services: Vec<ServiceDiff> = new
        .services
        .iter()
        .map(|n| match find(old, &n.meta.name) {
            Some(i) => ServiceDiff::read(&old.services[i], n, readings),
            None => ServiceDiff::read(&empty(n), n, readings),
        })
        .collect();
    for o in old
        .services
        .iter()
        .filter(|o| find(new, &o.meta.name).is_none())
    {
        services.push(ServiceDiff::read(o, &empty(o), readings));
    }
    Changelog { services }
}
