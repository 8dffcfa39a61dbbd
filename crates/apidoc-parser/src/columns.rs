//! Columns for spans on markup lines, so that a diagnostic points at the
//! words a fact was read from rather than at a whole line of HTML.
//!
//! Help Center pages as HTML, and Markdown conversions that keep complex
//! tables as raw HTML, put a table cell on one line of several hundred
//! characters: `<td class=… headers=…><p id=…><a name=…></a>project_id</p>`.
//! A span on such a line gets the columns of the line's first text outside
//! tags (`project_id`): the cell's text, since each cell starts on its own
//! line. Lines without markup (plain text, Markdown prose and pipe tables)
//! read well as they are and keep no columns.
//!
//! The rule works on the page's source, after reading: front ends and the
//! reader stay line-based, and every span of the page and of its
//! diagnostics is narrowed the same way.

use std::borrow::Cow;
use std::cell::OnceCell;

use apidoc_ir::{Columns, Diagnostic, Field, Page, Response, Span};

/// The page's source by line; the text columns of a line are worked out
/// when a span asks for them (most lines carry no span).
pub(crate) struct SourceLines<'s> {
    /// The source with LF line breaks.
    text: Cow<'s, str>,
    /// Byte offset of each line's start, line 1 first.
    starts: Vec<usize>,
    /// The text columns of each line, once a span asked for them.
    columns: Vec<OnceCell<Option<Columns>>>,
}

impl<'s> SourceLines<'s> {
    /// Reads the lines of `source` (LF, CRLF or CR line breaks).
    pub(crate) fn new(source: &'s str) -> Self {
        let text = crate::frontend::html::unify_line_breaks(source);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let columns = vec![OnceCell::new(); starts.len()];
        Self {
            text,
            starts,
            columns,
        }
    }

    /// The columns of the text on `line`, if it is a markup line with text.
    fn of(&self, line: u32) -> Option<Columns> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.starts.get(index)?;
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        *self.columns[index].get_or_init(|| text_columns(&self.text[start..end]))
    }

    /// Narrows `span` to its line's text, unless it already has columns.
    fn narrow(&self, span: &mut Span) {
        if span.columns.is_none() {
            span.columns = self.of(span.line);
        }
    }

    /// Narrows every span of `page` read from `file`.
    pub(crate) fn narrow_page(&self, page: &mut Page) {
        let file = page.file.clone();
        let mut visit = |span: &mut Span| {
            if span.file == file {
                self.narrow(span);
            }
        };
        visit(&mut page.title.span);
        let operation = &mut page.operation;
        operation.uris.iter_mut().for_each(|u| visit(&mut u.span));
        for parameter in &mut operation.parameters {
            field_spans(&mut parameter.field, &mut visit);
        }
        if let Some(body) = &mut operation.request_body {
            body.variants.iter_mut().for_each(|v| visit(&mut v.span));
        }
        operation
            .responses
            .iter_mut()
            .for_each(|r| response_spans(r, &mut visit));
        let examples = operation.request_examples.iter_mut().map(|e| &mut e.span);
        examples.for_each(&mut visit);
        let codes = operation.status_codes.iter_mut().map(|c| &mut c.span);
        codes.for_each(&mut visit);
        for model in &mut page.models {
            visit(&mut model.span);
            for field in &mut model.fields {
                field_spans(field, &mut visit);
            }
        }
    }

    /// Narrows the spans of diagnostics made on `file`.
    pub(crate) fn narrow_diagnostics(&self, file: &str, diagnostics: &mut [Diagnostic]) {
        for diagnostic in diagnostics {
            let labels = diagnostic
                .primary
                .iter_mut()
                .chain(diagnostic.secondary.iter_mut());
            for label in labels.filter(|l| l.span.file == file) {
                self.narrow(&mut label.span);
            }
        }
    }
}

fn response_spans(response: &mut Response, visit: &mut impl FnMut(&mut Span)) {
    visit(&mut response.span);
    for header in &mut response.headers {
        field_spans(header, visit);
    }
    response
        .examples
        .iter_mut()
        .for_each(|e| visit(&mut e.span));
}

fn field_spans(field: &mut Field, visit: &mut impl FnMut(&mut Span)) {
    visit(&mut field.span);
    let c = &mut field.constraints;
    let facts = [
        c.minimum.as_mut().map(|f| &mut f.span),
        c.maximum.as_mut().map(|f| &mut f.span),
        c.min_length.as_mut().map(|f| &mut f.span),
        c.max_length.as_mut().map(|f| &mut f.span),
        c.min_items.as_mut().map(|f| &mut f.span),
        c.max_items.as_mut().map(|f| &mut f.span),
        c.default.as_mut().map(|f| &mut f.span),
        c.nullable.as_mut(),
    ];
    facts.into_iter().flatten().for_each(&mut *visit);
    c.enum_values.iter_mut().for_each(|v| visit(&mut v.span));
}

/// The columns of the first text outside tags on a line that holds a tag,
/// through inline markup (`Array of <a …>tag</a> objects`) up to the next
/// other tag; `None` for a line without tags or without text between them.
fn text_columns(line: &str) -> Option<Columns> {
    if !has_tag(line) {
        return None;
    }
    let mut start = None;
    let mut end = line.len();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').map_or(line.len(), |c| i + c + 1);
            if start.is_some() && !is_inline_tag(rest) {
                end = i;
                break;
            }
            i = close;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        i += c.len_utf8();
    }
    columns(line, start?, end)
}

/// Phrasing tags whose text continues the text around them.
fn is_inline_tag(tag: &str) -> bool {
    const INLINE: [&str; 11] = [
        "a", "b", "strong", "em", "i", "u", "code", "span", "sup", "sub", "kbd",
    ];
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    INLINE.contains(&name.to_ascii_lowercase().as_str())
}

/// Text from byte `start` to `end`, without trailing white space, as
/// 1-based columns.
fn columns(line: &str, start: usize, end: usize) -> Option<Columns> {
    let end = start + line[start..end].trim_end().len();
    Some(Columns {
        start: u32::try_from(start + 1).ok()?,
        end: u32::try_from(end + 1).ok()?,
    })
}

/// True when the line holds something that reads as a tag: `<` followed
/// by a letter, `/` or `!`.
fn has_tag(line: &str) -> bool {
    line.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at(line: &str) -> Option<&str> {
        let c = text_columns(line)?;
        Some(&line[c.start as usize - 1..c.end as usize - 1])
    }

    #[test]
    fn a_cell_line_points_at_the_cell_text() {
        let line = r#"<tr id="r1"><td class="cellrowborder" valign="top" width="20%"><p id="p1"><a name="p1"></a><a name="p1"></a>volume_id</p>"#;
        assert_eq!(text_at(line), Some("volume_id"));
        assert_eq!(text_at("    <p>卷的ID。 </p>"), Some("卷的ID。"));
        assert_eq!(
            text_at("<p>Array of <a href=\"x.md#t\">tag</a> objects</p>"),
            Some("Array of <a href=\"x.md#t\">tag</a> objects")
        );
    }

    #[test]
    fn lines_without_tags_or_text_have_no_columns() {
        assert_eq!(text_at("| name | Yes | String |"), None);
        assert_eq!(text_at("a < b and c > d"), None);
        assert_eq!(text_at("</td>"), None);
        assert_eq!(text_at("<table><thead align=\"left\"><tr>"), None);
    }

    #[test]
    fn text_after_the_last_tag_counts() {
        assert_eq!(
            text_at("<br>Value range: 1~100"),
            Some("Value range: 1~100")
        );
    }

    #[test]
    fn lines_are_counted_like_the_front_ends() {
        let lines = SourceLines::new("plain\r\n<p>one</p>\r<td>two</td>\n");
        assert_eq!(lines.of(1), None);
        assert_eq!(lines.of(2), Some(Columns { start: 4, end: 7 }));
        assert_eq!(lines.of(3), Some(Columns { start: 5, end: 8 }));
        assert_eq!(lines.of(9), None);
    }
}
