//! The line shapes of text pages, and the page vocabulary asked of the
//! reader.
//!
//! The words of the pages (section names, captions, column headers,
//! Mandatory answers, type spellings) are the reader's
//! ([`crate::read::sections`], [`crate::read::table`],
//! [`crate::read::types`]): a word added there is known here. What is only
//! a browser copy's (bullets, the breadcrumb, page furniture) lives here.

use crate::blocks::normalise;
use crate::read::{self, sections, table, types};

/// What a table header word says about its column, as far as telling a
/// copied row's lines apart needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HeaderRole {
    /// A name column (parameter, field, error code): cells are identifiers.
    Name,
    /// A status code column: cells are three-digit numbers.
    StatusCode,
    /// Yes/No (是/否); the Chinese pages leave these cells out entirely.
    Mandatory,
    /// A type column: cells are type names.
    Type,
    /// Free text (description, message, default value, ...).
    Text,
}

/// Characters that start a bullet item when followed by white space.
const BULLET_MARKERS: &[char] = &['•', '·', '●', '○', '◦', '▪', '■', '-'];

/// Prefixes of the "updated on" line under the breadcrumb.
const UPDATED_PREFIXES: &[&str] = &["Updated on", "更新时间"];

/// Lines of page furniture that carry no content ("share" buttons).
const FURNITURE_LINES: &[&str] = &["分享", "Share"];

/// True when `text` is a section name standing on its own line. Like a
/// header word, a heading never starts with a lowercase letter: a row
/// named `description` is no Description heading.
pub(super) fn is_section_heading(text: &str) -> bool {
    !text.starts_with(char::is_lowercase)
        && sections::names_section(text)
        && sections::status_line(text).is_none()
}

/// The role of a table header word, if `text` is one the vocabulary
/// knows. A header word never starts with a lowercase letter: a body row
/// named `type` is not the header `Type`.
pub(super) fn header_role(text: &str) -> Option<HeaderRole> {
    if text.chars().next()?.is_lowercase() || !table::is_column_word(text) {
        return None;
    }
    Some(match table::column_of(text) {
        table::Column::Name => HeaderRole::Name,
        table::Column::Status => HeaderRole::StatusCode,
        table::Column::Mandatory => HeaderRole::Mandatory,
        table::Column::Type => HeaderRole::Type,
        table::Column::Description | table::Column::Other(_) => HeaderRole::Text,
    })
}

/// True for the header words of a method and URI table ("请求方法", "URI").
pub(super) fn is_method_uri_header(method: &str, uri: &str) -> bool {
    table::is_method_uri_header(method, uri)
}

/// True for a Mandatory cell value (Yes/No, 是/否, a condition).
pub(super) fn is_mandatory_value(text: &str) -> bool {
    read::is_mandatory_cell(text)
}

/// Punctuation that ends or goes on with a sentence: a "表6。" line is
/// the end of a sentence whose link the copy broke onto a line of its own
/// ("参数说明参见" / "表6。"), not a caption.
const SENTENCE_PUNCTUATION: &[char] = &['。', '，', '；', '、', '.', ',', ';'];

/// True for a "Table N ..." / "表N ..." caption line.
pub(super) fn is_caption(text: &str) -> bool {
    caption(text).is_some()
}

/// The caption a "Table N ..." / "表N ..." line gives, if it is one. Some
/// pages show a caption as Markdown left unrendered (`**表 7**
/// root\_volume字段数据结构说明`), which a copy keeps: its bold marks and
/// escapes are no part of the caption.
pub(super) fn caption(text: &str) -> Option<String> {
    let unmarked;
    let text = match text.strip_prefix("**") {
        Some(rest) => {
            unmarked = normalise(&rest.replacen("**", "", 1).replace('\\', ""));
            unmarked.as_str()
        }
        None => text,
    };
    let label = sections::caption_label(text)?;
    let ends_sentence = text[label.len()..]
        .trim_start()
        .starts_with(SENTENCE_PUNCTUATION);
    (!ends_sentence).then(|| text.to_owned())
}

/// True for a status line such as "Status code: 200" or "状态码:200".
pub(super) fn is_status_line(text: &str) -> bool {
    sections::status_line(text).is_some()
}

/// True for a raw request message's first line (`PUT /?acl HTTP/1.1`).
pub(super) fn is_request_line(text: &str) -> bool {
    sections::is_request_line(text)
}

/// True for the "Updated on ..." line and share buttons.
pub(super) fn is_page_furniture(text: &str) -> bool {
    UPDATED_PREFIXES
        .iter()
        .any(|prefix| text.starts_with(prefix))
        || FURNITURE_LINES.contains(&text)
}

/// The segments of a breadcrumb line ("Help Center/ Service/ ... / Title"),
/// or `None` when the line is not one.
pub(super) fn breadcrumb_segments(text: &str) -> Option<Vec<&str>> {
    let segments: Vec<&str> = text.split("/ ").map(str::trim).collect();
    (segments.len() >= 2 && segments.iter().all(|s| !s.is_empty())).then_some(segments)
}

/// True for an identifier-like name: ASCII letters, digits and
/// `_ - . $ [ ] : @ / * ,` with a letter or digit, no spaces
/// (`alpha.cce/NodeImageID`, a family `x-meta-*`, names sharing a row
/// `Expires,Content-Type`), the reader's placeholder for an array's
/// elements (`[数组元素]`), a placeholder of user-chosen keys
/// (`{自定义key}`), or dashes standing for a body with no name of its own
/// (`--`).
pub(super) fn is_name(text: &str) -> bool {
    let identifier = text.len() <= 200
        && text.chars().any(|c| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.$[]:@/*,".contains(c));
    let unnamed = (1..=3).contains(&text.len()) && text.chars().all(|c| c == '-');
    identifier || unnamed || read::is_array_placeholder_name(text) || is_key_placeholder(text)
}

/// True for a placeholder of keys the user chooses, in braces as a URI's
/// (`{自定义key}`, `{tag_key}`): one word, no quotes or separators.
fn is_key_placeholder(text: &str) -> bool {
    text.strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .is_some_and(|inner| {
            !inner.is_empty()
                && inner.chars().count() <= 40
                && inner
                    .chars()
                    .all(|c| !c.is_whitespace() && !"{}[]\"':,;".contains(c))
        })
}

/// True for a model's name as pages write it: one word of ASCII letters
/// and digits, capitalised, with small letters (`LampSetup`; not `ACTIVE`,
/// not `lamp_setup`).
pub(super) fn is_model_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_lowercase())
}

/// True for a name cell starting a table row: an identifier ([`is_name`]),
/// also with what pages write after a field's name: a note in brackets
/// (the version that added it, "deprecated": `limit（2.2.23）`,
/// `ip (deprecated)`, nested `tag（a（b））`) or a star marking it
/// (`typeName*`).
pub(super) fn is_field_name(text: &str) -> bool {
    let name = text.strip_suffix('*').unwrap_or(text);
    is_name(name) || without_bracketed_note(name).is_some_and(is_name)
}

/// `text` without the bracketed note that ends it (full-width or ASCII
/// brackets, nested ones included), trimmed; `None` when it ends with none.
fn without_bracketed_note(text: &str) -> Option<&str> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(text[..at].trim_end());
                }
            }
            _ if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

/// True for an HTTP status code cell ("200", "400 Bad Request").
pub(super) fn is_status_code(text: &str) -> bool {
    sections::status_cell(text).is_some()
}

/// True for a line that names a type by its words ("String", "Array of
/// strings", "CollectionInfo object", "Map<String,String>"), also with a
/// comment or a qualifier ("List结构，参见…", "对应X的Y结构数组"), or a type
/// word misspelled as the reader forgives it ("Stirng").
pub(super) fn is_type_like(text: &str) -> bool {
    types::names_type(text)
        || types::names_type_with_more(text)
        || types::misspelled_primitive(text).is_some()
}

/// The item text of a bullet line ("  • VALUE: text" → "VALUE: text"), or
/// `None` when the line is not a bullet. `text` is whitespace-normalised.
pub(super) fn bullet_item(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let marker = chars.next()?;
    if !BULLET_MARKERS.contains(&marker) {
        return None;
    }
    let rest = chars.as_str();
    let item = rest.strip_prefix(' ')?;
    (!item.is_empty()).then_some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines_are_not_headings() {
        for text in [
            "状态码:200",
            "状态码: 200",
            "状态码：200",
            "Status code: 200",
            "Status Code: 401 Unauthorized",
        ] {
            assert!(is_status_line(text), "{text}");
            assert!(!is_section_heading(text), "{text}");
        }
        assert!(is_section_heading("状态码"));
        assert!(!is_status_line("状态码"));
        assert!(!is_status_line("Status code: 20000"));
    }

    #[test]
    fn header_words_are_capitalised() {
        assert_eq!(header_role("Type"), Some(HeaderRole::Type));
        assert_eq!(header_role("type"), None);
        assert_eq!(header_role("是否必选"), Some(HeaderRole::Mandatory));
        assert_eq!(header_role("状态码"), Some(HeaderRole::StatusCode));
    }

    #[test]
    fn captions_need_a_number() {
        assert!(is_caption("Table 1 Path Parameters"));
        assert!(is_caption("表1 路径参数"));
        assert!(is_caption("Table 12"));
        assert!(!is_caption("Table of contents"));
        assert!(!is_caption("Table 1a"));
        assert!(!is_caption("表格"));
        assert!(!is_caption("表6。"));
        assert!(!is_caption("Table 6."));
        assert_eq!(
            caption("**表 7**  lamp\\_setup字段数据结构说明").as_deref(),
            Some("表 7 lamp_setup字段数据结构说明")
        );
    }

    #[test]
    fn bullets_need_text_after_a_spaced_marker() {
        assert_eq!(bullet_item("• VOICE: timbre"), Some("VOICE: timbre"));
        assert_eq!(bullet_item("- a"), Some("a"));
        assert_eq!(bullet_item("-1"), None);
        assert_eq!(bullet_item("•"), None);
        assert_eq!(bullet_item("–100"), None);
    }

    #[test]
    fn field_names_may_carry_a_note_or_a_star() {
        for name in [
            "limit（2.2.23）",
            "ip (deprecated)",
            "tag（a（b））",
            "typeName*",
            "id",
        ] {
            assert!(is_field_name(name), "{name}");
        }
        for text in [
            "（2.2.23）",
            "a b（c）",
            "limit（2.2.23",
            "limit（2.2.23）。",
            "默认（是）",
        ] {
            assert!(!is_field_name(text), "{text}");
        }
    }

    #[test]
    fn breadcrumbs_split_on_slash_space_only() {
        assert_eq!(
            breadcrumb_segments("Help Center/ AK/SK Signing/ Title"),
            Some(vec!["Help Center", "AK/SK Signing", "Title"])
        );
        assert_eq!(breadcrumb_segments("GET /v1/{project_id}/x"), None);
        assert_eq!(breadcrumb_segments("a/ "), None);
    }
}
