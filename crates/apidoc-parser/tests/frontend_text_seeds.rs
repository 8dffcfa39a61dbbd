//! The text front end on the five seed pages: snapshots of their blocks,
//! and proof that every line of each page lands in a block.

mod frontend_text_support;

use std::collections::BTreeMap;

use apidoc_parser::blocks::{Block, BlockKind, Table};
use apidoc_parser::frontend::text::parse;
use frontend_text_support::{block_lines, render, source_lines};

const SEEDS: &[(&str, &str)] = &[
    (
        "000",
        include_str!("fixtures/text/000_37ecb5e41607ce1b.txt"),
    ),
    (
        "001",
        include_str!("fixtures/text/001_5895c310bf871631.txt"),
    ),
    (
        "002",
        include_str!("fixtures/text/002_4e79ef88630fefdf.txt"),
    ),
    (
        "003",
        include_str!("fixtures/text/003_b856d7b32c063b91.txt"),
    ),
    (
        "004",
        include_str!("fixtures/text/004_05b83e28723b5985.txt"),
    ),
];

fn seed(name: &str) -> &'static str {
    SEEDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .expect("seed exists")
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|block| match &block.kind {
            BlockKind::Table(table) => Some(table),
            _ => None,
        })
        .collect()
}

#[test]
fn seed_000_snapshot() {
    insta::assert_snapshot!(render(&parse(seed("000"))));
}

#[test]
fn seed_001_snapshot() {
    insta::assert_snapshot!(render(&parse(seed("001"))));
}

#[test]
fn seed_002_snapshot() {
    insta::assert_snapshot!(render(&parse(seed("002"))));
}

#[test]
fn seed_003_snapshot() {
    insta::assert_snapshot!(render(&parse(seed("003"))));
}

#[test]
fn seed_004_snapshot() {
    insta::assert_snapshot!(render(&parse(seed("004"))));
}

/// The line-number lines of SDK samples: runs "1", "2", ... of two or more.
fn sdk_line_numbers(source: &str) -> BTreeMap<String, usize> {
    let lines: Vec<&str> = source.lines().map(str::trim).collect();
    let mut numbers = BTreeMap::new();
    let mut i = 0;
    while i < lines.len() {
        let run = (0..)
            .take_while(|&k| lines.get(i + k) == Some(&(k + 1).to_string().as_str()))
            .count();
        if run >= 2 {
            for k in 1..=run {
                *numbers.entry(k.to_string()).or_insert(0) += 1;
            }
        }
        i += run.max(1);
    }
    numbers
}

#[test]
fn every_seed_line_lands_in_a_block() {
    for (name, source) in SEEDS {
        let mut expected = source_lines(source);
        for (number, n) in sdk_line_numbers(source) {
            let left = expected.get_mut(&number).expect("numbers are source lines");
            *left -= n;
            if *left == 0 {
                expected.remove(&number);
            }
        }
        assert_eq!(block_lines(&parse(source)), expected, "seed {name}");
    }
}

#[test]
fn every_seed_has_one_title_and_its_tables() {
    let expected_tables = [
        ("000", 10),
        ("001", 9),
        ("002", 11),
        ("003", 11),
        ("004", 6),
    ];
    for (name, count) in expected_tables {
        let blocks = parse(seed(name));
        let titles = blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading { level: 1, .. }))
            .count();
        assert_eq!(titles, 1, "seed {name}");
        assert_eq!(tables(&blocks).len(), count, "seed {name}");
    }
}

#[test]
fn chinese_rows_have_an_empty_mandatory_cell() {
    let blocks = parse(seed("003"));
    let tables = tables(&blocks);
    for table in tables.iter().filter(|t| t.header[0].len() == 4) {
        for row in &table.rows {
            assert_eq!(row.len(), 4);
            assert!(row[1].blocks.is_empty(), "{:?}", row[0].text());
            assert!(!row[2].blocks.is_empty(), "{:?}", row[0].text());
        }
    }
}

#[test]
fn status_code_tables_have_no_caption_and_one_row_per_code() {
    for (name, source) in SEEDS {
        let blocks = parse(source);
        let status = tables(&blocks)
            .into_iter()
            .find(|t| t.caption.is_none())
            .expect("status table");
        let codes: Vec<String> = status.rows.iter().map(|row| row[0].text()).collect();
        assert!(
            codes.iter().all(|code| code.len() == 3),
            "seed {name}: {codes:?}"
        );
        assert!(
            status
                .rows
                .iter()
                .all(|row| row.len() == 2 && !row[1].blocks.is_empty()),
            "seed {name}"
        );
    }
}
