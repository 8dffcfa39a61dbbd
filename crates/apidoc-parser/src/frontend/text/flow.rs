//! Running content: paragraphs, bullet lists and code (JSON bodies, SDK
//! samples, and the HTTP messages, XML documents and multipart bodies of
//! `message`), both between tables and inside table cells.

use std::ops::Range;

use super::lines::Lines;
use super::message;
use super::vocab;
use crate::blocks::{Block, BlockKind};
use crate::read::sections;

/// The blocks of the lines in `range` (a table cell's content).
pub(super) fn blocks(lines: &Lines, range: Range<usize>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut next = lines.next_non_blank(range.start, range.end);
    while let Some(i) = next {
        let (block, after) = item(lines, i, range.end);
        out.push(block);
        next = lines.next_non_blank(after, range.end);
    }
    out
}

/// One block starting at the non-blank line `start`, reading no further than
/// `end`; returns the block and the index after it.
pub(super) fn item(lines: &Lines, start: usize, end: usize) -> (Block, usize) {
    if let Some(block) = message::http_message(lines, start, end) {
        return block;
    }
    if let Some(block) = json_code(lines, start, end) {
        return block;
    }
    if let Some(block) = message::xml_code(lines, start, end) {
        return block;
    }
    if let Some(block) = message::multipart_code(lines, start, end) {
        return block;
    }
    if let Some(block) = titled_json(lines, start, end) {
        return block;
    }
    if vocab::bullet_item(lines.text(start)).is_some() {
        return bullet_list(lines, start, end);
    }
    (paragraph(lines, start), start + 1)
}

/// A line with a JSON body right under it, no blank line between ("Http
/// Status Code: 400" over `{…}`): one code block, as the page shows it —
/// a copy separates blocks by a blank line, so lines that touch are one.
fn titled_json(lines: &Lines, start: usize, end: usize) -> Option<(Block, usize)> {
    let body = start + 1;
    if body >= end || lines.text(body).is_empty() || vocab::bullet_item(lines.text(start)).is_some()
    {
        return None;
    }
    let (json, after) = json_code(lines, body, end)?;
    let BlockKind::Code { text, .. } = json.kind else {
        return None;
    };
    let code = BlockKind::Code {
        lang: None,
        text: format!("{}\n{text}", lines.raw(start)),
    };
    Some((Block::new(code, lines.number(start)), after))
}

/// Line `i` as a paragraph.
fn paragraph(lines: &Lines, i: usize) -> Block {
    Block::new(
        BlockKind::Paragraph(lines.text(i).to_owned()),
        lines.number(i),
    )
}

/// Consecutive bullet lines (blank lines between them allowed) as one list,
/// one item per bullet. Plain lines between two bullets continue the item
/// above them (a copy drops the indent of an item's own paragraphs: "•
/// 正常" over "201").
fn bullet_list(lines: &Lines, start: usize, end: usize) -> (Block, usize) {
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut after = start;
    for i in lines.non_blank(start..end) {
        let text = lines.text(i);
        let block = match vocab::bullet_item(text) {
            Some(item) => {
                items.push(Vec::new());
                item
            }
            None if continues_item(lines, i, end) => text,
            None => break,
        };
        if let Some(item) = items.last_mut() {
            item.push(Block::new(
                BlockKind::Paragraph(block.to_owned()),
                lines.number(i),
            ));
        }
        after = i + 1;
    }
    (
        Block::new(
            BlockKind::List {
                ordered: false,
                items,
            },
            lines.number(start),
        ),
        after,
    )
}

/// The most plain lines an item's continuation may have.
const ITEM_CONTINUATION_LINES: usize = 4;

/// True when the plain line `i` inside a bullet list is the item's own:
/// a bullet follows within [`ITEM_CONTINUATION_LINES`] plain lines, none
/// of them a heading, caption, status line or URI line.
fn continues_item(lines: &Lines, i: usize, end: usize) -> bool {
    for j in lines.non_blank(i..end).take(ITEM_CONTINUATION_LINES + 1) {
        let text = lines.text(j);
        if vocab::bullet_item(text).is_some() {
            return true;
        }
        let structural = vocab::is_section_heading(text)
            || vocab::is_caption(text)
            || vocab::is_status_line(text)
            || sections::uri_line(text).is_some();
        if structural || json_code(lines, j, end).is_some() {
            return false;
        }
    }
    false
}

/// A JSON body: from a line starting with `{` or `[` to the line where the
/// brackets balance (brackets inside strings do not count), with nothing
/// after the closing bracket. A single line must also parse as JSON, so that
/// "[Optional]" stays prose; a body that never balances (a truncated page) is
/// not code.
pub(super) fn json_code(lines: &Lines, start: usize, end: usize) -> Option<(Block, usize)> {
    if !lines.text(start).starts_with(['{', '[']) {
        return None;
    }
    let mut scanner = BracketScanner::default();
    for i in start..end {
        match scanner.feed(lines.raw(i)) {
            Balance::Open => continue,
            Balance::Broken => return None,
            Balance::Closed => {
                if i == start && serde_json::from_str::<serde_json::Value>(lines.raw(i)).is_err() {
                    return None;
                }
                return Some((code_block(lines, start..i + 1, Some("json")), i + 1));
            }
        }
    }
    None
}

/// The raw lines of `range` as a code block.
pub(super) fn code_block(lines: &Lines, range: Range<usize>, lang: Option<&str>) -> Block {
    let line = lines.number(range.start);
    let text = range.map(|i| lines.raw(i)).collect::<Vec<_>>().join("\n");
    Block::new(
        BlockKind::Code {
            lang: lang.map(str::to_owned),
            text,
        },
        line,
    )
}

/// Where a bracket scan stands after a line.
enum Balance {
    /// Brackets still open.
    Open,
    /// The brackets closed at the end of this line.
    Closed,
    /// The brackets closed with text after them, or closed more than opened.
    Broken,
}

/// Counts `{[` and `]}` across lines, skipping JSON strings.
#[derive(Default)]
struct BracketScanner {
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl BracketScanner {
    fn feed(&mut self, line: &str) -> Balance {
        for (offset, c) in line.char_indices() {
            if self.in_string {
                match c {
                    _ if self.escaped => self.escaped = false,
                    '\\' => self.escaped = true,
                    '"' => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => self.in_string = true,
                '{' | '[' => self.depth += 1,
                '}' | ']' => {
                    let Some(depth) = self.depth.checked_sub(1) else {
                        return Balance::Broken;
                    };
                    self.depth = depth;
                    if depth == 0 {
                        let rest = &line[offset + c.len_utf8()..];
                        return if rest.trim().is_empty() {
                            Balance::Closed
                        } else {
                            Balance::Broken
                        };
                    }
                }
                _ => {}
            }
        }
        Balance::Open
    }
}

/// An SDK sample as browsers copy it: a run of line-number lines "1", "2",
/// ... "N" (at least two) followed by the N lines of code. The line numbers
/// are dropped; the block starts at the first code line. Returns `None` when
/// `start` does not begin such a run or no code follows it.
pub(super) fn numbered_code(lines: &Lines, start: usize) -> Option<(Block, usize)> {
    let mut count = 0usize;
    while start + count < lines.len() && lines.text(start + count) == (count + 1).to_string() {
        count += 1;
    }
    let code_start = start + count;
    if count < 2 || code_start >= lines.len() {
        return None;
    }
    let code_end = code_start.saturating_add(count).min(lines.len());
    let code: Vec<&str> = (code_start..code_end).map(|i| lines.raw(i)).collect();
    let lang = guess_language(&code).map(str::to_owned);
    let block = Block::new(
        BlockKind::Code {
            lang,
            text: code.join("\n"),
        },
        lines.number(code_start),
    );
    Some((block, code_end))
}

/// The language of an SDK sample, from its first non-blank line (the pages
/// show Java, Python and Go samples). `None` when unsure.
fn guess_language(code: &[&str]) -> Option<&'static str> {
    let first = code
        .iter()
        .map(|line| line.trim())
        .find(|line| !line.is_empty())?;
    if first.starts_with("package ") {
        return Some(if first.ends_with(';') { "java" } else { "go" });
    }
    let python_import =
        (first.starts_with("from ") || first.starts_with("import ")) && !first.ends_with(';');
    (first.starts_with("# coding") || python_import).then_some("python")
}
