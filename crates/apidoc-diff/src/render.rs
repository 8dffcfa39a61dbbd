//! The changelog as a pull-request comment (Markdown) and as JSON.

use std::fmt::Write;

use crate::{
    Change, Changelog, Kind, ReadingReport, Readings, Section, ServiceDiff, Version, plural,
};

/// Lists longer than this are folded in `<details>`.
const FOLD_OVER: usize = 10;

impl Changelog {
    /// Markdown for a pull-request comment: a table of counts per service,
    /// then per changed service (or one with pages left out, whose
    /// changes cannot be seen) its changes by section (breaking first,
    /// renames by the reader folded, uncertain ones last) and what reading
    /// each version found; long lists folded. "no API changes" when
    /// nothing changed.
    pub fn markdown(&self) -> String {
        if self.is_empty() {
            return "no API changes\n".to_owned();
        }
        let total =
            |count: fn(&ServiceDiff) -> usize| self.services.iter().map(count).sum::<usize>();
        let breaking = total(|s| s.breaking);
        let mut out = String::from("## API changes\n\n");
        let _ = write!(
            out,
            "{breaking} breaking change{} (Rust SDK or wire)",
            plural(breaking)
        );
        for (n, what) in [
            (total(|s| s.documented), "documentation only"),
            (total(|s| s.folded), "folded renames"),
            (total(|s| s.uncertain), "uncertain"),
        ] {
            if n > 0 {
                let _ = write!(out, "; {n} {what}");
            }
        }
        out.push_str(".\n\n");
        out.push_str(
            "| service | breaking | documented | other | folded | uncertain | semver |\n\
             |---|---:|---:|---:|---:|---:|---|\n",
        );
        for s in &self.services {
            let other = s.changes.len() - s.breaking - s.documented - s.folded - s.uncertain;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {other} | {} | {} | {} |",
                s.service,
                s.breaking,
                s.documented,
                s.folded,
                s.uncertain,
                s.semver.as_str()
            );
        }
        out.push('\n');
        for s in self.services.iter().filter(|s| {
            !s.changes.is_empty()
                || !s.reading.old.left_out.is_empty()
                || !s.reading.new.left_out.is_empty()
        }) {
            service(&mut out, s);
        }
        out
    }

    /// The changelog as pretty-printed JSON.
    pub fn json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn service(out: &mut String, s: &ServiceDiff) {
    let _ = writeln!(out, "### {}\n\n{}\n", s.service, s.counts());
    let read = &s.reading;
    if !read.old.is_empty() || !read.new.is_empty() {
        let _ = writeln!(
            out,
            "Findings of reading: old pages {}; new pages {} (listed at the end).\n",
            findings_summary(&read.old),
            findings_summary(&read.new)
        );
    }
    let of = |section: Section| -> Vec<&Change> {
        s.changes
            .iter()
            .filter(|c| c.section() == section)
            .collect()
    };
    list(out, "Breaking", &of(Section::Breaking));
    list(
        out,
        "Newly or no longer documented (what the pages state, not an API change)",
        &of(Section::Documented),
    );
    list(out, "Other changes", &of(Section::Other));
    folded(out, &of(Section::Folded));
    list(
        out,
        "Uncertain (a finding of reading explains the change)",
        &of(Section::Uncertain),
    );
    findings(out, read);
}

fn list(out: &mut String, title: &str, changes: &[&Change]) {
    if changes.is_empty() {
        return;
    }
    let fold = changes.len() > FOLD_OVER;
    if fold {
        let _ = writeln!(
            out,
            "<details><summary>{title} ({})</summary>\n",
            changes.len()
        );
    } else {
        let _ = writeln!(out, "**{title}**\n");
    }
    for change in changes {
        let _ = writeln!(out, "{}", line(change));
    }
    out.push('\n');
    if fold {
        out.push_str("</details>\n\n");
    }
}

/// The folded renames: one line per kind, the renames themselves folded
/// under it.
fn folded(out: &mut String, changes: &[&Change]) {
    if changes.is_empty() {
        return;
    }
    out.push_str(
        "**Renamed by the reader** (names the old pages did not state, which the reader \
         made up; same method and path, same fields)\n\n",
    );
    let mut kinds: Vec<Kind> = changes.iter().map(|c| c.kind).collect();
    kinds.dedup();
    for kind in kinds {
        let of_kind: Vec<&&Change> = changes.iter().filter(|c| c.kind == kind).collect();
        let n = of_kind.len();
        let what = match kind {
            Kind::OperationRenamed => "operation",
            _ => "model",
        };
        let _ = writeln!(
            out,
            "- {n} {what}{} renamed, same structure — {}\n\n  <details><summary>the renames</summary>\n",
            plural(n),
            of_kind[0].verdict.label()
        );
        for c in of_kind {
            let _ = writeln!(out, "  - **{}**: {}: {}", c.operation, c.target, c.detail);
        }
        out.push_str("\n  </details>\n\n");
    }
}

/// "22 errors (3 pages left out), 40 warnings", or "no findings".
fn findings_summary(report: &ReadingReport) -> String {
    if report.is_empty() {
        return "no findings".to_owned();
    }
    let mut text = format!("{} error{}", report.errors, plural(report.errors));
    let left_out = report.left_out.len();
    if left_out > 0 {
        let _ = write!(text, " ({left_out} page{} left out)", plural(left_out));
    }
    let _ = write!(
        text,
        ", {} warning{}",
        report.warnings,
        plural(report.warnings)
    );
    text
}

/// The findings of reading both versions, by code, and the pages left out.
fn findings(out: &mut String, read: &Readings) {
    if read.old.is_empty() && read.new.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details><summary>Findings of reading (old: {}; new: {})</summary>\n",
        findings_summary(&read.old),
        findings_summary(&read.new)
    );
    out.push_str("| finding | old | new |\n|---|---:|---:|\n");
    let mut codes: Vec<&str> = read
        .old
        .codes
        .iter()
        .chain(&read.new.codes)
        .map(|(c, _)| c.as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let count = |report: &ReadingReport, code: &str| {
        report
            .codes
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0, |(_, n)| *n)
    };
    for code in codes {
        let _ = writeln!(
            out,
            "| `{code}` | {} | {} |",
            count(&read.old, code),
            count(&read.new, code)
        );
    }
    for (version, report) in [("old", &read.old), ("new", &read.new)] {
        if !report.left_out.is_empty() {
            let _ = writeln!(out, "\nPages left out of the {version} version:\n");
            for (file, code) in &report.left_out {
                let _ = writeln!(out, "- `{file}` (`{code}`)");
            }
        }
    }
    out.push_str("\n</details>\n\n");
}

/// One change as a list item: kind, operation, what, verdict, page
/// lines, and for an uncertain change the finding that explains it.
fn line(c: &Change) -> String {
    let mut text = format!(
        "- `{}` **{}** ({}): {}: {} — {}",
        c.kind.id(),
        c.operation,
        c.operation_id,
        c.target,
        c.detail,
        c.verdict.label()
    );
    for (side, span) in [("old", &c.old), ("new", &c.new)] {
        if let Some(span) = span {
            let _ = write!(text, " · {side} `{}`", span);
        }
    }
    for why in &c.uncertain {
        let pages = why.version.map_or("both", Version::as_str);
        let _ = write!(text, "\n  - {pages} pages: `{}`", why.code);
        if let Some(span) = &why.span {
            let _ = write!(text, " at `{span}`");
        }
        let _ = write!(text, ": {}", why.message);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Bump, Context, Kind, Side, verdict};

    fn added(n: usize) -> Change {
        let context = Context::on(Side::Request);
        Change {
            kind: Kind::OperationAdded,
            operation: format!("GET /v1/things/{n}"),
            operation_id: format!("Thing{n}"),
            target: "operation".into(),
            detail: "added".into(),
            context,
            verdict: verdict(Kind::OperationAdded, &context),
            old: None,
            new: Some(apidoc_ir::Span::new("svc/page.txt", 3)),
            uncertain: Vec::new(),
            folded: false,
        }
    }

    #[test]
    fn lists_longer_than_ten_are_folded() {
        let changelog = Changelog {
            services: vec![ServiceDiff {
                service: "svc".into(),
                semver: Bump::Minor,
                breaking: 0,
                documented: 0,
                folded: 0,
                uncertain: 0,
                changes: (0..=FOLD_OVER).map(added).collect(),
                reading: Readings::default(),
            }],
        };
        let text = changelog.markdown();
        assert!(text.contains("<details><summary>Other changes (11)</summary>\n\n- "));
        assert!(text.trim_end().ends_with("</details>"));
        assert!(text.contains("| svc | 0 | 0 | 11 | 0 | 0 | minor |"));
    }
}
