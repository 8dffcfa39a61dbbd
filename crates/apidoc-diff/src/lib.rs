//! The semantic API changelog: two versions of the IR in, the changes
//! between them out.
//!
//! [`diff`] compares the [`Service`]s read from two docs directories (or
//! [`diff_service`] one pair): operations, parameters, authentication,
//! request and response bodies field by field, statuses and headers. Each
//! [`Change`] carries the page lines that state it on both sides and a
//! [`Verdict`]: breaking or not for a caller of the generated Rust SDK, and
//! on the wire as oasdiff's documented rules judge (the table is
//! `docs/API-DIFF.md`). [`Changelog::markdown`] renders a pull-request
//! comment, [`Changelog::json`] the same for tools; [`snapshot`] keeps a
//! compact copy of a service's IR next to the generated files so that the
//! next `generate` can say what it changed.

mod change;
mod compare;
mod render;
mod schema;
pub mod snapshot;

use apidoc_ir::Service;
use serde::Serialize;

pub use change::{Change, Context, Kind, Side, Verdict, verdict};
pub use compare::diff_service;

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
    /// The bump its generated crate needs.
    pub semver: Bump,
    /// How many changes break a caller (of the SDK or on the wire).
    pub breaking: usize,
    /// The changes, breaking ones first, then in operation order.
    pub changes: Vec<Change>,
}

impl ServiceDiff {
    /// Compares two versions of one service.
    pub fn new(old: &Service, new: &Service) -> Self {
        let mut changes = diff_service(old, new);
        changes.sort_by_key(|c| !c.verdict.breaking());
        let breaking = changes.iter().filter(|c| c.verdict.breaking()).count();
        let semver = if changes.iter().any(|c| c.verdict.sdk) {
            Bump::Major
        } else if changes.iter().any(|c| c.kind.adds_api()) {
            Bump::Minor
        } else if changes.is_empty() {
            Bump::None
        } else {
            Bump::Patch
        };
        Self {
            service: new.meta.name.clone(),
            semver,
            breaking,
            changes,
        }
    }

    /// The diff of a service with itself: no change.
    pub fn unchanged(service: &Service) -> Self {
        Self {
            service: service.meta.name.clone(),
            semver: Bump::None,
            breaking: 0,
            changes: Vec::new(),
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
        format!(
            "{}; {} breaking (semver: {})",
            parts.join(", "),
            self.breaking,
            self.semver.as_str()
        )
    }
}

fn plural(n: usize) -> &'static str {
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
pub fn diff(old: &[Service], new: &[Service]) -> Changelog {
    let empty = |s: &Service| Service {
        meta: s.meta.clone(),
        operations: Vec::new(),
        models: Vec::new(),
    };
    let find =
        |services: &'_ [Service], name: &str| services.iter().position(|s| s.meta.name == name);
    let mut services: Vec<ServiceDiff> = new
        .iter()
        .map(|n| match find(old, &n.meta.name) {
            Some(i) => ServiceDiff::new(&old[i], n),
            None => ServiceDiff::new(&empty(n), n),
        })
        .collect();
    for o in old.iter().filter(|o| find(new, &o.meta.name).is_none()) {
        services.push(ServiceDiff::new(o, &empty(o)));
    }
    Changelog { services }
}
