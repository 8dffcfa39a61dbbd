//! Raw HTTP messages and XML documents, which a page shows in a code block
//! and a browser copies as plain lines.
//!
//! A message starts with its request line (`PUT /?acl HTTP/1.1`) or its
//! status line (`HTTP/1.1 200 OK`, `HTTP/1.1 status_code`), goes on with
//! header lines (`Name: value`) and may end with a body after them: an XML
//! document, a JSON body, a multipart body (`--boundary` lines up to
//! `--boundary--`), one line of data (`0123456789`) or a one-line
//! placeholder standing for the content (`[1024 bytes of data]`,
//! `<Response Body>`). A copy puts a blank line
//! between blocks, so every line right under a message line is the
//! message's (the final response under `HTTP/1.1 100 Continue`, a header
//! value whose name the copy lost); after a blank line, and in a message
//! whose start line the page left out, header lines count only as a run of
//! two or more with no blank line between them: one `Name: value` line
//! alone may be prose.
//!
//! An XML document runs from its first tag (or its `<?xml ...?>`
//! declaration) to the line closing its root element; a multipart body
//! stands alone as well.

use std::sync::LazyLock;

use regex::Regex;

use super::flow;
use super::lines::Lines;
use super::vocab;
use crate::blocks::Block;

/// A status line: the HTTP version, then the status (a number, or a word
/// standing for it).
static STATUS_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^HTTP/\d(?:\.\d)?\s+\S").expect("a valid pattern"));

/// A header line: a token name (no spaces; `*` for a family of names),
/// a colon (half or full width), and the value, possibly empty; not a URL
/// (`https://...`).
static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z][A-Za-z0-9_*-]*\s?[:：](?:$|[^/])").expect("a valid pattern")
});

/// An XML element's opening: a tag name after `<`, then white space, `>`
/// or `/>`.
static ELEMENT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<[A-Za-z_][A-Za-z0-9_.:-]*(?:\s|>|/>|$)").expect("a valid pattern")
});

/// HTML elements, which a copy keeps only where the page's source leaked
/// into it: markup, not an XML document of the API.
const HTML_ELEMENTS: &[&str] = &[
    "a", "b", "br", "code", "div", "em", "i", "img", "li", "ol", "p", "pre", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
];

/// An HTTP message starting at `start` as one code block, and the index
/// after it; `None` when `start` is neither a request or status line nor
/// the first of a run of header lines.
pub(super) fn http_message(lines: &Lines, start: usize, end: usize) -> Option<(Block, usize)> {
    if !starts_message(lines.text(start)) && !header_run(lines, start, end) {
        return None;
    }
    let mut last = start;
    let mut body_read = false;
    let mut next = lines.next_non_blank(start + 1, end);
    while let Some(i) = next {
        let text = lines.text(i);
        // A copy puts a blank line between blocks: a line right under the
        // message is the message's (a header whose name the copy lost, the
        // final response under `100 Continue`, a part after the closing
        // boundary); after a blank line only more headers or the body are.
        let adjacent = i == last + 1 && !vocab::is_section_heading(text);
        let body = if body_read {
            None
        } else {
            body_end(lines, i, end)
        };
        if let Some(after) = body {
            last = after - 1;
            body_read = true;
        } else if adjacent || !body_read && header_run(lines, i, end) {
            last = i;
        } else {
            break;
        }
        next = lines.next_non_blank(last + 1, end);
    }
    Some((flow::code_block(lines, start..last + 1, None), last + 1))
}

/// True when line `i` starts an HTTP message: a request or status line
/// with a header line right under it. Such a line is no table cell.
pub(super) fn starts_at(lines: &Lines, i: usize) -> bool {
    starts_message(lines.text(i)) && i + 1 < lines.len() && is_header_line(lines.text(i + 1))
}

/// An XML document starting at `start` as one code block, and the index
/// after it.
pub(super) fn xml_code(lines: &Lines, start: usize, end: usize) -> Option<(Block, usize)> {
    let after = xml_end(lines, start, end)?;
    Some((flow::code_block(lines, start..after, Some("xml")), after))
}

/// A multipart body starting at `start` as one code block, and the index
/// after it.
pub(super) fn multipart_code(lines: &Lines, start: usize, end: usize) -> Option<(Block, usize)> {
    let after = multipart_end(lines, start, end)?;
    Some((flow::code_block(lines, start..after, None), after))
}

/// The index after a multipart body (form fields between `--boundary`
/// lines) starting at `start`: the line after its closing `--boundary--`,
/// or, where the page leaves that out, after the last `--boundary` line
/// before the next section.
fn multipart_end(lines: &Lines, start: usize, end: usize) -> Option<usize> {
    let boundary = lines.text(start).strip_prefix("--")?;
    let is_boundary =
        !boundary.is_empty() && !boundary.ends_with('-') && !boundary.contains(char::is_whitespace);
    if !is_boundary {
        return None;
    }
    let close = format!("--{boundary}--");
    let open = lines.text(start);
    let mut last_open = start;
    for j in start + 1..end {
        let text = lines.text(j);
        if text == close {
            return Some(j + 1);
        }
        if vocab::is_section_heading(text) {
            break;
        }
        if text == open {
            last_open = j;
        }
    }
    (last_open > start).then_some(last_open + 1)
}

/// True for a request line or a status line.
fn starts_message(text: &str) -> bool {
    vocab::is_request_line(text) || STATUS_LINE.is_match(text)
}

/// True when lines `i` and `i + 1` are both header lines: after a blank
/// line (or with no start line) one `Name: value` line alone may be prose
/// ("Note: ...").
fn header_run(lines: &Lines, i: usize, end: usize) -> bool {
    i + 1 < end && is_header_line(lines.text(i)) && is_header_line(lines.text(i + 1))
}

fn is_header_line(text: &str) -> bool {
    HEADER_LINE.is_match(text) && !starts_message(text)
}

/// The index after a message body starting at `i`, if the line starts one.
fn body_end(lines: &Lines, i: usize, end: usize) -> Option<usize> {
    if let Some(after) = xml_end(lines, i, end) {
        return Some(after);
    }
    if let Some((_, after)) = flow::json_code(lines, i, end) {
        return Some(after);
    }
    if let Some(after) = multipart_end(lines, i, end) {
        return Some(after);
    }
    if is_placeholder(lines.text(i)) || is_data(lines.text(i)) {
        return Some(i + 1);
    }
    // A body the page got wrong (a bracket missing) is still the code
    // block's in the Markdown: it runs to the next blank line, as bodies
    // copied from a code block have none inside.
    lines
        .text(i)
        .starts_with(['{', '[', '<'])
        .then(|| (i..end).find(|&j| lines.text(j).is_empty()).unwrap_or(end))
}

/// A one-line body of data: one ASCII token (`0123456789`,
/// `file_content`), which no prose line is, with no colon (which a
/// header `Name:value` has).
fn is_data(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, ':' | '：'))
        && !vocab::is_section_heading(text)
}

/// A one-line stand-in for a body: the whole line in square or angle
/// brackets (`[5 bytes of data]`, `<Object Content>`).
fn is_placeholder(text: &str) -> bool {
    let bracketed = |open: char, close: char| {
        text.len() > 2
            && text.starts_with(open)
            && text.ends_with(close)
            && !text[1..text.len() - 1].contains([open, close])
    };
    bracketed('[', ']') || bracketed('<', '>')
}

/// The index after the XML document starting at `start`: the line where
/// its root element closes, with nothing after it. `None` when `start`
/// starts no element or declaration, or the root never closes.
fn xml_end(lines: &Lines, start: usize, end: usize) -> Option<usize> {
    let first = lines.text(start);
    let element = ELEMENT_START.find(first).map(|m| {
        m.as_str()[1..]
            .trim_end_matches(['>', '/'])
            .trim()
            .to_owned()
    });
    let html = element
        .as_deref()
        .is_some_and(|name| HTML_ELEMENTS.contains(&name));
    if !first.starts_with("<?xml") && (element.is_none() || html) {
        return None;
    }
    let mut scanner = TagScanner::default();
    for i in start..end {
        match scanner.feed(lines.raw(i))? {
            Some(true) => return Some(i + 1),
            Some(false) => return None,
            None => {}
        }
    }
    None
}

/// Counts open elements across lines.
#[derive(Default)]
struct TagScanner {
    depth: usize,
    /// The text of a tag opened on an earlier line and not yet closed.
    pending: Option<String>,
}

impl TagScanner {
    /// Feeds a line: `Some(Some(true))` when the root closed at its end,
    /// `Some(Some(false))` when it closed with text after it, `Some(None)`
    /// while still open, `None` when more closed than opened.
    fn feed(&mut self, line: &str) -> Option<Option<bool>> {
        let mut rest = line;
        if let Some(mut tag) = self.pending.take() {
            match rest.find('>') {
                Some(close) => {
                    tag.push_str(&rest[..=close]);
                    rest = &rest[close + 1..];
                    if self.tag(&tag)? {
                        return Some(Some(rest.trim().is_empty()));
                    }
                }
                None => {
                    tag.push_str(rest);
                    self.pending = Some(tag);
                    return Some(None);
                }
            }
        }
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>') else {
                self.pending = Some(rest[open..].to_owned());
                return Some(None);
            };
            let tag = &rest[open..open + close + 1];
            rest = &rest[open + close + 1..];
            if self.tag(tag)? {
                return Some(Some(rest.trim().is_empty()));
            }
        }
        Some(None)
    }

    /// Applies one tag; true when it closed the root.
    fn tag(&mut self, tag: &str) -> Option<bool> {
        let inner = &tag[1..tag.len() - 1];
        if inner.starts_with(['?', '!']) {
            return Some(false);
        }
        if inner.ends_with('/') {
            return Some(self.depth == 0);
        }
        if inner.starts_with('/') {
            self.depth = self.depth.checked_sub(1)?;
            return Some(self.depth == 0);
        }
        self.depth += 1;
        Some(false)
    }
}
