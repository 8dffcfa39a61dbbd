//! The words and line shapes of text pages, in one table-driven place.
//!
//! Everything the text front end knows about the vocabulary of Huawei Cloud
//! API reference pages (English and Chinese) lives here: section names,
//! table header words, Mandatory values, type names, captions, status lines,
//! page furniture. The rest of the front end only asks these predicates.

use std::sync::LazyLock;

use regex::Regex;

/// Section names that stand on a line of their own (compared ignoring ASCII
/// case). Singular and variant forms are listed because pages differ.
const SECTION_HEADINGS: &[&str] = &[
    // English
    "Function",
    "Functions",
    "Calling Method",
    "Authorization Information",
    "Debugging",
    "URI",
    "Request",
    "Request Parameters",
    "Request Parameter",
    "Response",
    "Response Parameters",
    "Response Parameter",
    "Example Request",
    "Example Requests",
    "Request Example",
    "Request Examples",
    "Example Response",
    "Example Responses",
    "Response Example",
    "Response Examples",
    "Returned Value",
    "Returned Values",
    "Status Code",
    "Status Codes",
    "Error Code",
    "Error Codes",
    "SDK Sample Code",
    "Related Documents",
    // Chinese
    "功能介绍",
    "调用方法",
    "授权信息",
    "调试",
    "请求参数",
    "响应参数",
    "请求示例",
    "响应示例",
    "SDK代码示例",
    "状态码",
    "错误码",
    "相关文档",
];

/// What a table header word says about its column.
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

/// Table header words (compared ignoring ASCII case, but a header word never
/// starts with a lowercase letter: a body row named `type` is not the
/// header `Type`).
const HEADER_WORDS: &[(&str, HeaderRole)] = &[
    ("Parameter", HeaderRole::Name),
    ("Parameters", HeaderRole::Name),
    ("Parameter Name", HeaderRole::Name),
    ("Name", HeaderRole::Name),
    ("Field", HeaderRole::Name),
    ("Attribute", HeaderRole::Name),
    ("Error Code", HeaderRole::Name),
    ("参数", HeaderRole::Name),
    ("参数名", HeaderRole::Name),
    ("参数名称", HeaderRole::Name),
    ("名称", HeaderRole::Name),
    ("字段", HeaderRole::Name),
    ("错误码", HeaderRole::Name),
    ("Status Code", HeaderRole::StatusCode),
    ("HTTP Status Code", HeaderRole::StatusCode),
    ("Returned Value", HeaderRole::StatusCode),
    ("状态码", HeaderRole::StatusCode),
    ("HTTP状态码", HeaderRole::StatusCode),
    ("返回值", HeaderRole::StatusCode),
    ("Mandatory", HeaderRole::Mandatory),
    ("Required", HeaderRole::Mandatory),
    ("是否必选", HeaderRole::Mandatory),
    ("是否必填", HeaderRole::Mandatory),
    ("必选", HeaderRole::Mandatory),
    ("Type", HeaderRole::Type),
    ("Data Type", HeaderRole::Type),
    ("Parameter Type", HeaderRole::Type),
    ("参数类型", HeaderRole::Type),
    ("类型", HeaderRole::Type),
    ("数据类型", HeaderRole::Type),
    ("Description", HeaderRole::Text),
    ("Error Message", HeaderRole::Text),
    ("Default Value", HeaderRole::Text),
    ("Value Range", HeaderRole::Text),
    ("Value", HeaderRole::Text),
    ("Constraint", HeaderRole::Text),
    ("Remarks", HeaderRole::Text),
    ("Example", HeaderRole::Text),
    ("Solution", HeaderRole::Text),
    ("Handling Measure", HeaderRole::Text),
    ("描述", HeaderRole::Text),
    ("说明", HeaderRole::Text),
    ("错误信息", HeaderRole::Text),
    ("默认值", HeaderRole::Text),
    ("取值范围", HeaderRole::Text),
    ("约束", HeaderRole::Text),
    ("备注", HeaderRole::Text),
    ("示例", HeaderRole::Text),
    ("处理措施", HeaderRole::Text),
];

/// Values of a Mandatory cell.
const MANDATORY_VALUES: &[&str] = &[
    "Yes",
    "No",
    "Optional",
    "Mandatory",
    "是",
    "否",
    "必选",
    "可选",
];

/// Type names that stand alone (compared ignoring ASCII case).
const SCALAR_TYPES: &[&str] = &[
    "String",
    "Integer",
    "Int",
    "Int32",
    "Int64",
    "Long",
    "Short",
    "Float",
    "Double",
    "Number",
    "Decimal",
    "BigDecimal",
    "Boolean",
    "Bool",
    "Object",
    "Array",
    "List",
    "Map",
    "Dict",
    "Null",
    "Json",
    "File",
    "Date",
    "DateTime",
    "Timestamp",
];

/// Characters that start a bullet item when followed by white space.
const BULLET_MARKERS: &[char] = &['•', '·', '●', '○', '◦', '▪', '■', '-'];

/// Prefixes of the "updated on" line under the breadcrumb.
const UPDATED_PREFIXES: &[&str] = &["Updated on", "更新时间"];

/// Lines of page furniture that carry no content ("share" buttons).
const FURNITURE_LINES: &[&str] = &["分享", "Share"];

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Table\s*\d+|表\s*\d+)(?:\s|$)").expect("caption pattern is valid")
});

static STATUS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:status\s+code|状态码)\s*[:：]\s*\d{3}(?:\D|$)")
        .expect("status line pattern is valid")
});

static GENERIC_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:map|list|set|array|dict)\s*<[A-Za-z0-9_,\s<>\[\]]*>$")
        .expect("generic type pattern is valid")
});

/// True when `text` is a known section name.
pub(super) fn is_section_heading(text: &str) -> bool {
    SECTION_HEADINGS
        .iter()
        .any(|name| name.eq_ignore_ascii_case(text))
}

/// The role of a table header word, if `text` is one.
pub(super) fn header_role(text: &str) -> Option<HeaderRole> {
    if text.chars().next()?.is_lowercase() {
        return None;
    }
    HEADER_WORDS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(text))
        .map(|&(_, role)| role)
}

/// True for a Mandatory cell value (Yes/No, 是/否).
pub(super) fn is_mandatory_value(text: &str) -> bool {
    MANDATORY_VALUES
        .iter()
        .any(|value| value.eq_ignore_ascii_case(text))
}

/// True for a "Table N ..." / "表N ..." caption line.
pub(super) fn is_caption(text: &str) -> bool {
    CAPTION.is_match(text)
}

/// True for a status line such as "Status code: 200" or "状态码:200".
pub(super) fn is_status_line(text: &str) -> bool {
    STATUS_LINE.is_match(text)
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

/// True for an identifier-like name: ASCII letters, digits and `_ - . $ [ ] : @`,
/// no spaces.
pub(super) fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 200
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.$[]:@".contains(c))
}

/// True for an HTTP status code cell ("200").
pub(super) fn is_status_code(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit())
}

/// True for a line that names a type: a scalar ("String"), an array
/// ("Array of strings", "Array of CollectionInfo objects", "String array",
/// "String[]"), a model ("CollectionInfo object") or a generic
/// ("Map<String,String>", "List<String>").
pub(super) fn is_type_like(text: &str) -> bool {
    if is_scalar(text) || GENERIC_TYPE.is_match(text) {
        return true;
    }
    if let Some(element) = strip_prefix_ignore_case(text, "Array of ") {
        return is_element_type(element);
    }
    if let Some(element) =
        strip_suffix_ignore_case(text, " array").or_else(|| text.strip_suffix("[]"))
    {
        return is_scalar(element) || is_model_name(element);
    }
    strip_suffix_ignore_case(text, " object").is_some_and(is_model_name)
}

/// The element type after "Array of": a plural scalar ("strings"), a model
/// plural ("CollectionInfo objects"), or any type.
fn is_element_type(text: &str) -> bool {
    if let Some(model) = strip_suffix_ignore_case(text, " objects") {
        return is_model_name(model) || is_scalar(model);
    }
    is_type_like(text) || text.strip_suffix('s').is_some_and(is_scalar)
}

fn is_scalar(text: &str) -> bool {
    SCALAR_TYPES
        .iter()
        .any(|name| name.eq_ignore_ascii_case(text))
}

/// A CamelCase model name such as `CollectionInfo`.
fn is_model_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let split = text.len().checked_sub(suffix.len())?;
    let tail = text.get(split..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..split])
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
    fn types_seen_on_pages_are_type_like() {
        for text in [
            "String",
            "Integer",
            "Long",
            "Float",
            "Double",
            "Number",
            "Boolean",
            "Object",
            "Null",
            "Json",
            "Array of strings",
            "Array of integers",
            "Array of objects",
            "Array of Object",
            "Array of CollectionInfo objects",
            "CollectionInfo object",
            "SubAccountControlConfig object",
            "Map<String,String>",
            "List<String>",
            "String array",
            "String[]",
        ] {
            assert!(is_type_like(text), "{text}");
        }
    }

    #[test]
    fn prose_and_values_are_not_type_like() {
        for text in [
            "false",
            "10",
            "Range",
            "Definition",
            "N/A",
            "a string object",
            "Array of",
            "OK",
            "",
        ] {
            assert!(!is_type_like(text), "{text}");
        }
    }

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
    fn breadcrumbs_split_on_slash_space_only() {
        assert_eq!(
            breadcrumb_segments("Help Center/ AK/SK Signing/ Title"),
            Some(vec!["Help Center", "AK/SK Signing", "Title"])
        );
        assert_eq!(breadcrumb_segments("GET /v1/{project_id}/x"), None);
        assert_eq!(breadcrumb_segments("a/ "), None);
    }
}
