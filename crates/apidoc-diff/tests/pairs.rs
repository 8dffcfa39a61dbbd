//! The changelog of every pair of page versions (one per change kind),
//! as the Markdown a pull request would show, in one snapshot.

mod common;

use common::CASES;

#[test]
fn changelog_of_each_pair() {
    let mut all = String::new();
    for case in CASES {
        let changelog = common::changelog(case);
        all.push_str(&format!("==== {}\n", case.id));
        for change in &changelog.services[0].changes {
            all.push_str(&render(change));
        }
    }
    insta::assert_snapshot!(all);
}

/// One change on one line: kind, target, detail, verdict, page lines.
fn render(c: &apidoc_diff::Change) -> String {
    let span =
        |s: &Option<apidoc_ir::Span>| s.as_ref().map_or("-".to_owned(), |s| s.line.to_string());
    format!(
        "{} | {} | {} | {} | old {} new {}\n",
        c.kind.id(),
        c.target,
        c.detail,
        c.verdict.label(),
        span(&c.old),
        span(&c.new)
    )
}

#[test]
fn markdown_of_a_pair_puts_breaking_changes_first() {
    insta::assert_snapshot!(common::changelog(&common::MIXED).markdown());
}

#[test]
fn json_of_a_pair() {
    let case = CASES
        .iter()
        .find(|c| c.id == "range-tightened-request")
        .expect("case");
    insta::assert_snapshot!(common::changelog(case).json());
}

#[test]
fn a_second_body_variant_of_an_operation_is_a_body_added() {
    let changelog = common::changelog(&common::VARIANT_ADDED);
    let changes: Vec<String> = changelog.services[0].changes.iter().map(render).collect();
    insta::assert_snapshot!(changes.concat());
}
