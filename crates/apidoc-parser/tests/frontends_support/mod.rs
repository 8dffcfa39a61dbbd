//! Helpers shared by the HTML and Markdown front-end tests.

// Each test crate uses its own part of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use apidoc_parser::blocks::{Block, BlockKind, Link, Table};

/// `tests/fixtures/<relative>`.
pub fn fixture_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// The text of `tests/fixtures/<relative>`.
pub fn fixture(relative: &str) -> String {
    let path = fixture_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every table in `blocks`, tables nested in cells, lists and notes included.
pub fn tables(blocks: &[Block]) -> Vec<&Table> {
    let mut found = Vec::new();
    let mut pending: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = pending.pop() {
        match &block.kind {
            BlockKind::Table(table) => {
                found.push(table);
                let cells = table.header.iter().chain(&table.rows).flatten();
                pending.extend(cells.flat_map(|cell| cell.blocks.iter()).rev());
            }
            BlockKind::List { items, .. } => pending.extend(items.iter().flatten().rev()),
            BlockKind::Note(inner) => pending.extend(inner.iter().rev()),
            BlockKind::Heading { .. } | BlockKind::Paragraph(_) | BlockKind::Code { .. } => {}
        }
    }
    found
}

/// Panics unless every row of every table in `blocks` has the same width.
pub fn assert_rectangular(blocks: &[Block], what: &str) {
    for table in tables(blocks) {
        let widths: Vec<usize> = table
            .header
            .iter()
            .chain(&table.rows)
            .map(Vec::len)
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{what}: ragged table {:?}: widths {widths:?}",
            table.caption
        );
    }
}

/// A paragraph on `line` holding links `(href, text)`.
pub fn linking(text: &str, line: u32, links: &[(&str, &str)]) -> Block {
    let mut block = Block::new(BlockKind::Paragraph(text.to_owned()), line);
    block.links = links
        .iter()
        .map(|&(href, text)| Link {
            href: href.to_owned(),
            text: text.to_owned(),
        })
        .collect();
    block
}
