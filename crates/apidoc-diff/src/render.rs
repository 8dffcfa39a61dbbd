//! The changelog as a pull-request comment (Markdown) and as JSON.

use std::fmt::Write;

use crate::{Change, Changelog, ServiceDiff};

/// Lists longer than this are folded in `<details>`.
const FOLD_OVER: usize = 10;

impl Changelog {
    /// Markdown for a pull-request comment: a table of counts per service,
    /// then per changed service its breaking changes and its other
    /// changes, long lists folded. "no API changes" when nothing changed.
    pub fn markdown(&self) -> String {
        if self.is_empty() {
            return "no API changes\n".to_owned();
        }
        let breaking: usize = self.services.iter().map(|s| s.breaking).sum();
        let mut out = String::from("## API changes\n\n");
        let _ = writeln!(
            out,
            "{breaking} breaking change{} (Rust SDK or wire).\n",
            if breaking == 1 { "" } else { "s" }
        );
        out.push_str("| service | breaking | other | semver |\n|---|---:|---:|---|\n");
        for s in &self.services {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                s.service,
                s.breaking,
                s.changes.len() - s.breaking,
                s.semver.as_str()
            );
        }
        out.push('\n');
        for s in self.services.iter().filter(|s| !s.changes.is_empty()) {
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
    let (breaking, other): (Vec<&Change>, Vec<&Change>) =
        s.changes.iter().partition(|c| c.verdict.breaking());
    list(out, "Breaking", &breaking);
    list(out, "Other changes", &other);
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
        out.push_str("</details>\n");
    }
}

/// One change as a list item: kind, operation, what, verdict, page lines.
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
        }
    }

    #[test]
    fn lists_longer_than_ten_are_folded() {
        let changelog = Changelog {
            services: vec![ServiceDiff {
                service: "svc".into(),
                semver: Bump::Minor,
                breaking: 0,
                changes: (0..=FOLD_OVER).map(added).collect(),
            }],
        };
        let text = changelog.markdown();
        assert!(text.contains("<details><summary>Other changes (11)</summary>\n\n- "));
        assert!(text.trim_end().ends_with("</details>"));
        assert!(text.contains("| svc | 0 | 11 | minor |"));
    }
}
