//! A real seed page edited the way a docs update would: `limit` 1~100
//! becomes 1~50. The diff must call it a breaking tightening and point at
//! the page line of the range on both sides.

use apidoc_diff::{Bump, Kind, ServiceDiff};
use apidoc_ir::{Service, ServiceMeta};

const PAGE: &str = "metastudio/001_5895c310bf871631.txt";
const SEED: &str = include_str!("../../../docs-input/metastudio/001_5895c310bf871631.txt");

fn service(text: &str) -> Service {
    let parsed = apidoc_parser::parse_page(PAGE, text.as_bytes(), apidoc_parser::Format::Text);
    let meta = ServiceMeta {
        name: "metastudio".into(),
        title: "MetaStudio".into(),
        version: "v1".into(),
        endpoint: "https://metastudio.{region}.myhuaweicloud.com".into(),
        endpoint_defaults: Vec::new(),
        description: None,
    };
    apidoc_check::build_service(meta, parsed.page.into_iter().collect()).0
}

/// The 1-based line of the only line equal to `text`.
fn line_of(page: &str, text: &str) -> u32 {
    let lines: Vec<usize> = page
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == text)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "{text:?} on lines {lines:?}");
    lines[0] as u32
}

#[test]
fn narrowing_limit_on_the_seed_page_is_a_breaking_tightening_at_its_line() {
    let edited = SEED.replacen("\n1~100\n", "\n1~50\n", 1);
    assert_ne!(edited, SEED, "the seed page states limit 1~100");
    let diff = ServiceDiff::new(&service(SEED), &service(&edited));
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    let change = &diff.changes[0];
    assert_eq!(change.kind, Kind::RangeTightened);
    assert_eq!(change.target, "query parameter `limit`");
    assert_eq!(change.detail, "maximum 100 → 50");
    assert!(change.verdict.sdk && change.verdict.wire);
    let old = change.old.as_ref().expect("old line");
    let new = change.new.as_ref().expect("new line");
    assert_eq!(
        (old.file.as_str(), old.line),
        (PAGE, line_of(SEED, "1~100"))
    );
    assert_eq!(
        (new.file.as_str(), new.line),
        (PAGE, line_of(&edited, "1~50"))
    );
    assert_eq!(diff.semver, Bump::Major);
    assert_eq!(
        diff.summary(),
        "metastudio: 1 change in existing operations; 1 breaking (semver: major)"
    );
}

#[test]
fn the_seed_page_against_itself_has_no_changes() {
    let diff = ServiceDiff::new(&service(SEED), &service(SEED));
    assert!(diff.changes.is_empty());
    assert_eq!(diff.semver, Bump::None);
    assert_eq!(diff.summary(), "metastudio: no API changes");
}

/// `generate` skips reading back a snapshot identical to the new one and
/// says "no API changes" straight away: that must be what reading it back
/// would have said.
#[test]
fn an_identical_snapshot_is_an_unchanged_service() {
    let seed = service(SEED);
    let back = apidoc_diff::snapshot::read(&apidoc_diff::snapshot::write(&seed)).expect("reads");
    let diff = ServiceDiff::new(&back, &seed);
    assert!(diff.changes.is_empty(), "{:?}", diff.changes);
    assert_eq!(diff.summary(), ServiceDiff::unchanged(&seed).summary());
}
