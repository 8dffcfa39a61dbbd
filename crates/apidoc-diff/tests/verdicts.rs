//! The verdict table: every case of `common::CASES` is a pair of page
//! versions whose change must get the verdicts the table in
//! `docs/API-DIFF.md` gives it, and the table lists exactly these cases.

mod common;

use common::CASES;

#[test]
fn every_case_gets_the_verdicts_of_the_table() {
    let mut failures = Vec::new();
    for case in CASES {
        let changelog = common::changelog(case);
        let changes = &changelog.services[0].changes;
        let found = changes.iter().find(|c| c.kind == case.kind);
        match found {
            None => failures.push(format!(
                "{}: no `{}` change in {changes:#?}",
                case.id,
                case.kind.id()
            )),
            Some(c) if (c.verdict.sdk, c.verdict.wire) != (case.sdk, case.wire) => {
                failures.push(format!(
                    "{}: expected sdk={} wire={}, got {:?}",
                    case.id, case.sdk, case.wire, c.verdict
                ))
            }
            Some(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The rows of the verdict table: (case id, SDK breaking, wire breaking).
fn table_rows() -> Vec<(String, bool, bool)> {
    let doc = include_str!("../../../docs/API-DIFF.md");
    doc.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let id = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let breaking = |cell: &str| cell.starts_with("**breaking**");
            Some((
                id.to_owned(),
                breaking(cells.get(4)?),
                breaking(cells.get(5)?),
            ))
        })
        .collect()
}

#[test]
fn the_table_in_the_docs_lists_every_case_with_its_verdicts() {
    let documented = table_rows();
    let tested: Vec<(String, bool, bool)> = CASES
        .iter()
        .map(|c| (c.id.to_owned(), c.sdk, c.wire))
        .collect();
    assert_eq!(documented, tested);
}

#[test]
fn every_kind_has_a_case() {
    let missing: Vec<String> = apidoc_diff::Kind::ALL
        .iter()
        .filter(|k| !CASES.iter().any(|c| c.kind == **k))
        .map(|k| k.id())
        .collect();
    assert!(missing.is_empty(), "kinds without a case: {missing:?}");
}

#[test]
fn identical_pages_have_no_changes() {
    let changelog = common::changelog(&common::Case {
        old: &[],
        new: &[],
        ..CASES[0]
    });
    assert!(changelog.is_empty());
    assert!(!changelog.has_breaking());
    assert_eq!(changelog.markdown(), "no API changes\n");
}
