//! Helpers shared by the text front end's tests: a compact, complete
//! rendering of blocks for snapshots, and the multiset of text lines the
//! blocks hold (to prove no line is lost or invented).

#![allow(dead_code)] // each test file uses a subset

use std::collections::BTreeMap;
use std::fmt::Write;

use apidoc_parser::blocks::{Block, BlockKind, Cell};

/// Renders blocks one per line with their line numbers; tables row by row
/// with every cell's line and content. Every field of the blocks appears.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    render_blocks(blocks, 0, &mut out);
    out
}

fn render_blocks(blocks: &[Block], depth: usize, out: &mut String) {
    for block in blocks {
        render_block(block, depth, out);
    }
}

fn render_block(block: &Block, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    let line = block.line;
    match &block.kind {
        BlockKind::Heading { level, text, .. } => writeln!(out, "{pad}L{line} H{level} {text}"),
        BlockKind::Paragraph(text) => writeln!(out, "{pad}L{line} P {text}"),
        BlockKind::List { ordered, items } => {
            writeln!(out, "{pad}L{line} {}", if *ordered { "OL" } else { "UL" }).unwrap();
            for item in items {
                writeln!(out, "{pad}  item").unwrap();
                render_blocks(item, depth + 2, out);
            }
            Ok(())
        }
        BlockKind::Code { lang, text } => {
            writeln!(out, "{pad}L{line} CODE {}", lang.as_deref().unwrap_or("-")).unwrap();
            for code_line in text.split('\n') {
                writeln!(out, "{pad}  | {code_line}").unwrap();
            }
            Ok(())
        }
        BlockKind::Note(inner) => {
            writeln!(out, "{pad}L{line} NOTE").unwrap();
            render_blocks(inner, depth + 1, out);
            Ok(())
        }
        BlockKind::Table(table) => {
            writeln!(
                out,
                "{pad}L{line} TABLE {}",
                table.caption.as_deref().unwrap_or("(no caption)")
            )
            .unwrap();
            for row in &table.header {
                writeln!(out, "{pad}  header").unwrap();
                render_row(row, depth + 2, out);
            }
            for row in &table.rows {
                writeln!(out, "{pad}  row").unwrap();
                render_row(row, depth + 2, out);
            }
            Ok(())
        }
    }
    .unwrap();
}

/// A cell holding one paragraph on its own line renders on one line:
/// `[k] L12 text`; an empty cell as `[k] L12 (empty)`.
fn render_row(row: &[Cell], depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for (k, cell) in row.iter().enumerate() {
        match cell.blocks.as_slice() {
            [] => writeln!(out, "{pad}[{k}] L{} (empty)", cell.line).unwrap(),
            [
                Block {
                    kind: BlockKind::Paragraph(text),
                    line,
                    ..
                },
            ] if *line == cell.line => writeln!(out, "{pad}[{k}] L{line} {text}").unwrap(),
            blocks => {
                writeln!(out, "{pad}[{k}] L{}", cell.line).unwrap();
                render_blocks(blocks, depth + 1, out);
            }
        }
    }
}

/// A line as the comparison sees it: white space collapsed, one leading
/// bullet marker dropped (list items hold the text after the marker).
pub fn comparable(line: &str) -> String {
    let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = text.chars();
    let marker = chars.next();
    let rest = chars.as_str();
    match (marker, rest.strip_prefix(' ')) {
        (Some('•' | '·' | '●' | '○' | '◦' | '▪' | '■' | '-'), Some(item)) if !item.is_empty() => {
            item.to_owned()
        }
        _ => text,
    }
}

/// The multiset of non-blank source lines, after [`comparable`].
pub fn source_lines(source: &str) -> BTreeMap<String, usize> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    count(source.lines())
}

/// The multiset of non-blank text lines held by the blocks (headings,
/// paragraphs, list items, code lines, captions, cells), after [`comparable`].
pub fn block_lines(blocks: &[Block]) -> BTreeMap<String, usize> {
    let mut texts = Vec::new();
    collect(blocks, &mut texts);
    count(texts.iter().map(String::as_str))
}

fn count<'a>(lines: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for line in lines.map(comparable).filter(|line| !line.is_empty()) {
        *counts.entry(line).or_insert(0) += 1;
    }
    counts
}

fn collect(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { text, .. } | BlockKind::Paragraph(text) => out.push(text.clone()),
            BlockKind::Code { text, .. } => out.extend(text.split('\n').map(str::to_owned)),
            BlockKind::List { items, .. } => {
                // Put a marker back so that [`comparable`] strips exactly the
                // one the source line had (an item may itself start with "• ").
                for item in items {
                    let start = out.len();
                    collect(item, out);
                    if let Some(first) = out.get_mut(start) {
                        *first = format!("• {first}");
                    }
                }
            }
            BlockKind::Note(inner) => collect(inner, out),
            BlockKind::Table(table) => {
                out.extend(table.caption.clone());
                for cell in table.header.iter().chain(&table.rows).flatten() {
                    collect(&cell.blocks, out);
                }
            }
        }
    }
}

/// `counts` without the entries whose line is only digits.
pub fn without_numbers(mut counts: BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    counts.retain(|line, _| !line.bytes().all(|b| b.is_ascii_digit()));
    counts
}

/// Every block's and cell's line, depth first.
pub fn all_lines(blocks: &[Block], out: &mut Vec<u32>) {
    for block in blocks {
        out.push(block.line);
        match &block.kind {
            BlockKind::List { items, .. } => items.iter().for_each(|item| all_lines(item, out)),
            BlockKind::Note(inner) => all_lines(inner, out),
            BlockKind::Table(table) => {
                for cell in table.header.iter().chain(&table.rows).flatten() {
                    out.push(cell.line);
                    all_lines(&cell.blocks, out);
                }
            }
            _ => {}
        }
    }
}
