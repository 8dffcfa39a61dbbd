//! Raw HTML tables that hold blank lines.
//!
//! CommonMark ends an HTML block such as `<table ...>` at the first blank
//! line, and reads what follows as Markdown. pandoc writes a `<pre>` inside
//! a raw table cell verbatim, blank lines included, so the rest of the table
//! would turn into Markdown (indented code, list items) and lose its shape.
//! Browsers and pandoc read such a table to its `</table>`; so does this
//! front end: from a line that starts a raw HTML block opening a `table`,
//! until the tables it opened are closed, every blank line gets an empty
//! comment `<!---->` (invisible to the HTML reader, even inside `pre`), which
//! keeps the block whole. Lines are neither added nor removed, so line
//! numbers stay those of the original.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static TABLE_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)table[\s>/]").expect("valid regex"));

/// `source` with blank lines inside raw HTML tables filled with a comment.
pub(super) fn keep_raw_tables_whole(source: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut open_tables = 0usize;
    let mut fence = Fence::default();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if open_tables > 0 {
            if body.trim().is_empty() {
                out.push_str(&source[copied..offset + body.len()]);
                out.push_str("<!---->");
                copied = offset + body.len();
            }
            open_tables = count_tables(open_tables, body);
        } else if !fence.update(body) && starts_html_block(body) {
            open_tables = count_tables(0, body);
        }
        offset += line.len();
    }
    if out.is_empty() {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[copied..]);
    Cow::Owned(out)
}

/// `open` after the table tags on `line`.
fn count_tables(open: usize, line: &str) -> usize {
    TABLE_TAG
        .captures_iter(line)
        .fold(open, |open, tag| match tag.get(1).map(|m| m.as_str()) {
            Some("/") => open.saturating_sub(1),
            _ => open + 1,
        })
}

/// A line that can start an HTML block: `<` after at most three spaces.
fn starts_html_block(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    indent <= 3 && line[indent..].starts_with('<')
}

/// Fenced code blocks, whose content is never HTML.
#[derive(Default)]
struct Fence {
    /// The open fence's character and length.
    open: Option<(char, usize)>,
}

impl Fence {
    /// Follows `line`; true when it is part of a fenced code block
    /// (its fences included).
    fn update(&mut self, line: &str) -> bool {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let marker = (indent <= 3).then(|| &line[indent..]).and_then(|rest| {
            let c = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
            let len = rest.len() - rest.trim_start_matches(c).len();
            (len >= 3).then_some((c, len, rest[len..].trim().is_empty()))
        });
        match (self.open, marker) {
            (None, Some((c, len, _))) => {
                self.open = Some((c, len));
                true
            }
            (Some((c, len)), Some((mc, mlen, bare))) if c == mc && mlen >= len && bare => {
                self.open = None;
                true
            }
            (open, _) => open.is_some(),
        }
    }
}
