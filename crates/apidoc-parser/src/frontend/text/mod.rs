//! Text front end: a page copied as plain text from a browser → blocks.
//!
//! The copy keeps no markup, so structure is recovered from line shapes:
//! the first line is the breadcrumb, the page title repeats its last
//! segment, section names stand on lines of their own, tables come one cell
//! per line (after a "Table N" caption, or recognised by their header words,
//! their shape or their URI lines: an operation listing is a table, so no
//! URI in it is the page's), JSON bodies are bracket-balanced runs, raw
//! HTTP messages and XML documents are runs of their own line shapes
//! (`message`) and SDK samples are a run of line numbers followed by that
//! many lines of code. The words involved are the reader's, asked through
//! `vocab`; tables in `table`; running content (paragraphs, bullet lists,
//! code) in `flow`.
//!
//! Every non-blank line of the source ends up in exactly one block (the
//! line numbers of SDK samples excepted), so nothing is lost silently.

mod flow;
mod lines;
mod message;
mod table;
mod vocab;

use lines::Lines;

use crate::blocks::{Block, BlockKind};

/// Parses a page copied as text into blocks, in reading order. Never fails:
/// lines that fit no rule become paragraphs.
pub fn parse(source: &str) -> Vec<Block> {
    let lines = Lines::new(source);
    let title = title_line(&lines);
    let mut blocks = Vec::new();
    let mut next = lines.next_non_blank(0, lines.len());
    while let Some(i) = next {
        let (block, after) = page_item(&lines, i, title);
        blocks.push(block);
        next = lines.next_non_blank(after, lines.len());
    }
    blocks
}

/// The block starting at the non-blank line `i`, and the index after it.
fn page_item(lines: &Lines, i: usize, title: Option<usize>) -> (Block, usize) {
    let text = lines.text(i);
    if title == Some(i) {
        return (heading(1, text, lines.number(i)), i + 1);
    }
    // Tables before headings: "状态码" is both the Status Codes heading and
    // the first header cell of the table under it.
    if let Some(table) = table::parse_at(lines, i) {
        return table;
    }
    if vocab::is_section_heading(text) {
        return (heading(2, text, lines.number(i)), i + 1);
    }
    // A raw request message's request line is no listing's row.
    if let Some(message) = message::http_message(lines, i, lines.len()) {
        return message;
    }
    if let Some(listing) = table::uri_listing(lines, i) {
        return listing;
    }
    if let Some(code) = flow::numbered_code(lines, i) {
        return code;
    }
    flow::item(lines, i, lines.len())
}

fn heading(level: u8, text: &str, line: u32) -> Block {
    Block::new(
        BlockKind::Heading {
            level,
            text: text.to_owned(),
            anchor: None,
        },
        line,
    )
}

/// The page title's line: among the lines before the first section heading
/// or table, the one equal to the breadcrumb's last segment, else the first
/// that is neither the breadcrumb nor page furniture ("Updated on ...").
fn title_line(lines: &Lines) -> Option<usize> {
    let first = lines.next_non_blank(0, lines.len())?;
    let last_segment =
        vocab::breadcrumb_segments(lines.text(first)).and_then(|segments| segments.last().copied());
    let preamble_start = if last_segment.is_some() {
        first + 1
    } else {
        first
    };
    let preamble: Vec<usize> = lines
        .non_blank(preamble_start..lines.len())
        .take_while(|&i| {
            !vocab::is_section_heading(lines.text(i)) && !table::is_caption_start(lines, i)
        })
        .filter(|&i| !vocab::is_page_furniture(lines.text(i)))
        .collect();
    last_segment
        .and_then(|segment| preamble.iter().copied().find(|&i| lines.text(i) == segment))
        .or_else(|| preamble.first().copied())
}
