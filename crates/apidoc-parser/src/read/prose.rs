//! Constraints hidden in description prose: defaults, enumerations,
//! numeric ranges, lengths, nullability.
//!
//! A description cell arrives as [`ProseLine`]s (one per paragraph or list
//! item). Pages write constraints in three ways, all handled here:
//! a label line followed by its value ("Value range:" / "1~100"), the newer
//! labelled cells ("Definition" / "Range" / "Default Value"), and sentences
//! or bullets anywhere ("The default value is 10.", "• VOICE: timbre",
//! "contains 0 to 256 characters").

use std::sync::LazyLock;

use apidoc_ir::{Constraints, EnumValue, Fact, Number, Span, Text, TypeRef, Value};
use regex::Regex;

/// One paragraph or list item of a description cell.
#[derive(Clone, Debug, PartialEq)]
pub struct ProseLine {
    /// The text, whitespace-normalised.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
    /// True for a list item.
    pub bullet: bool,
}

/// What a label line introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Default,
    Range,
    Other,
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(value range|range|valid values?|default value|default|definition|constraints?|options|取值范围|默认取值|默认值|定义|约束|范围)\s*[:：]?$",
    )
});
static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(value range|default value|default|取值范围|默认取值|默认值)\s*[:：]\s*(.+)$")
});
const NUMBER: &str = r"-?\d[\d,]*(?:\.\d+)?";
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[\[(（]?\s*({NUMBER})\s*(?:~|～|–|—|-|to|至|到)\s*({NUMBER})\s*[\])）]?(?:\s*(?:characters?|chars|个字符|字符|bytes))?[.。]?$"
    ))
});
static LENGTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)({NUMBER})\s*(?:~|～|–|—|-|to|至|到)\s*({NUMBER})\s*(?:characters|chars|个字符|字符)"
    ))
});
static EXACT_LENGTH: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(\d+)-character\b"));
static MAX_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:can contain|contains|up to|a maximum of|maximum|at most|no more than|not exceeding|not exceed)\s+(\d[\d,]*)\s+characters|(?:不超过|最多|最大长度为?)\s*(\d+)\s*个?字符",
    )
});
static DEFAULT_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)\bdefault(?: value)? is\s+["'“]?((?:[^\s,;"'”，。；.()（）]|\.\d)+)|默认(?:值|取值)?(?:为|是)\s*["'“]?((?:[^\s,;"'”，。；.()（）]|\.\d)+)"#,
    )
});
static DEFAULT_MARKER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)[(（]\s*(?:default(?: value)?|默认(?:值)?)\s*[)）]"));
static ENUM_ITEM: LazyLock<Regex> =
    LazyLock::new(|| regex(r#"^["'“`]?([A-Za-z0-9_.\-/+*]+)["'”`]?\s*[:：]\s*(.*)$"#));
static INLINE_ITEMS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|\s)-\s+([A-Za-z0-9_.\-]+)\s*[:：]\s"));
static VALUE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^([A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*),?\s+(?:or|and)\s+([A-Za-z0-9_\-]+)(?:[.。]|\s|$)",
    )
});
static VALUE_PAIRS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"([A-Za-z0-9_\-]+)\s*[:：]\s*([^.。]*[.。]?)"));

/// Reads the constraints a description states for a field of type `ty`.
pub fn constraints(lines: &[ProseLine], ty: &TypeRef, file: &str) -> Constraints {
    let mut out = Constraints::default();
    let mut label = Label::Other;
    for (index, line) in lines.iter().enumerate() {
        let span = Span::new(file, line.line);
        if let Some(caps) = LABEL_LINE.captures(&line.text) {
            label = label_kind(&caps[1]);
            continue;
        }
        if let Some(caps) = INLINE_LABEL.captures(&line.text) {
            apply_labelled(&mut out, label_kind(&caps[1]), caps[2].trim(), ty, &span);
            continue;
        }
        if label != Label::Other && !line.bullet {
            apply_labelled(&mut out, label, &line.text, ty, &span);
            if label == Label::Default {
                label = Label::Other;
            }
        }
        apply_sentences(&mut out, &line.text, ty, &span);
        if line.bullet && is_enum_list(lines, index) {
            apply_enum_item(&mut out, &line.text, ty, &span);
        } else {
            apply_inline_items(&mut out, &line.text, ty, &span);
        }
    }
    out
}

/// The description as one text: paragraphs separated by blank lines, list
/// items as `- item` lines.
pub fn description(lines: &[ProseLine]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(if line.bullet && lines[i - 1].bullet {
                "\n"
            } else {
                "\n\n"
            });
        }
        if line.bullet {
            out.push_str("- ");
        }
        out.push_str(&line.text);
    }
    out
}

fn label_kind(label: &str) -> Label {
    match label.to_lowercase().as_str() {
        "default value" | "default" | "默认取值" | "默认值" => Label::Default,
        "value range" | "range" | "valid values" | "valid value" | "取值范围" | "范围" => {
            Label::Range
        }
        _ => Label::Other,
    }
}

/// The value of a "Default value:" or "Range" label.
fn apply_labelled(out: &mut Constraints, label: Label, text: &str, ty: &TypeRef, span: &Span) {
    match label {
        Label::Default if !is_not_applicable(text) => set_default(out, text, ty, span),
        Label::Range if !is_not_applicable(text) => apply_range(out, text, ty, span),
        _ => {}
    }
}

fn is_not_applicable(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '。']);
    ["n/a", "na", "none", "无", "不涉及", "-", "—"].contains(&t.to_lowercase().as_str())
}

/// A range cell: "1~100", "A string that can contain 1 to 100,000
/// characters.", "KMS, normal, or null.", "allow: Allow. deny: Reject."
fn apply_range(out: &mut Constraints, text: &str, ty: &TypeRef, span: &Span) {
    if let Some(caps) = RANGE.captures(text.trim()) {
        let (low, high) = (&caps[1], &caps[2]);
        set_bounds(
            out,
            low,
            high,
            ty,
            span,
            text.contains('字') || text.contains("char"),
        );
        return;
    }
    if !accepts_enum(ty) {
        return;
    }
    if let Some(caps) = VALUE_LIST.captures(text.trim()) {
        let values = caps[1].split(',').map(str::trim).chain([&caps[2]]);
        for value in values {
            push_enum(out, value, Text::default(), ty, span);
        }
    } else if !LENGTH_RANGE.is_match(text) && !MAX_LENGTH.is_match(text) {
        let pairs: Vec<_> = VALUE_PAIRS.captures_iter(text).collect();
        if pairs.len() >= 2
            && pairs
                .iter()
                .all(|c| !c[1].chars().all(|ch| ch.is_ascii_digit()))
        {
            for caps in pairs {
                push_enum(out, &caps[1], lang_text(caps[2].trim()), ty, span);
            }
        }
    }
}

/// Bounds from a numeric range, applied to what the type can bound.
fn set_bounds(
    out: &mut Constraints,
    low: &str,
    high: &str,
    ty: &TypeRef,
    span: &Span,
    says_chars: bool,
) {
    let (Some(low), Some(high)) = (parse_number(low), parse_number(high)) else {
        return;
    };
    match ty {
        TypeRef::Integer | TypeRef::Long | TypeRef::Number if !says_chars => {
            out.minimum
                .get_or_insert_with(|| Fact::new(low.clone(), span.clone()));
            out.maximum
                .get_or_insert_with(|| Fact::new(high.clone(), span.clone()));
        }
        TypeRef::String => set_lengths(out, low.as_u64(), high.as_u64(), span),
        TypeRef::Array(_) => {
            if let (Some(l), Some(h)) = (low.as_u64(), high.as_u64()) {
                out.min_items
                    .get_or_insert_with(|| Fact::new(l, span.clone()));
                out.max_items
                    .get_or_insert_with(|| Fact::new(h, span.clone()));
            }
        }
        _ => {}
    }
}

fn set_lengths(out: &mut Constraints, low: Option<u64>, high: Option<u64>, span: &Span) {
    if let Some(low) = low {
        out.min_length
            .get_or_insert_with(|| Fact::new(low, span.clone()));
    }
    if let Some(high) = high {
        out.max_length
            .get_or_insert_with(|| Fact::new(high, span.clone()));
    }
}

/// Sentences that state a constraint wherever they stand.
fn apply_sentences(out: &mut Constraints, text: &str, ty: &TypeRef, span: &Span) {
    if matches!(ty, TypeRef::String) {
        if let Some(caps) = LENGTH_RANGE.captures(text) {
            let (low, high) = (parse_number(&caps[1]), parse_number(&caps[2]));
            set_lengths(
                out,
                low.and_then(|n| n.as_u64()),
                high.and_then(|n| n.as_u64()),
                span,
            );
        } else if let Some(caps) = EXACT_LENGTH.captures(text) {
            let n = caps[1].parse().ok();
            set_lengths(out, n, n, span);
        } else if let Some(caps) = MAX_LENGTH.captures(text) {
            let n = caps
                .get(1)
                .or(caps.get(2))
                .and_then(|m| parse_number(m.as_str()))
                .and_then(|n| n.as_u64());
            set_lengths(out, None, n, span);
        }
    }
    if let Some(caps) = DEFAULT_SENTENCE.captures(text) {
        if let Some(value) = caps
            .get(1)
            .or(caps.get(2))
            .and_then(|raw| sentence_default(raw.as_str(), ty))
        {
            out.default
                .get_or_insert_with(|| Fact::new(value, span.clone()));
        }
    }
}

/// A default stated in passing ("the default value is 3") counts only
/// when it fits the field: sentences also give defaults of a part ("the
/// depth ... the default value is 3" of an array) or describe one ("the
/// default value is the time when ...").
fn sentence_default(raw: &str, ty: &TypeRef) -> Option<Value> {
    let value = typed_value(raw, ty);
    let fits = match ty {
        TypeRef::Integer | TypeRef::Long => value.is_i64(),
        TypeRef::Number => value.is_number(),
        TypeRef::Boolean => value.is_boolean(),
        TypeRef::String => !is_filler_word(raw),
        _ => false,
    };
    fits.then_some(value)
}

/// Words that start a description of a default rather than state it.
fn is_filler_word(word: &str) -> bool {
    const FILLERS: [&str; 16] = [
        "the",
        "a",
        "an",
        "not",
        "empty",
        "blank",
        "left",
        "determined",
        "set",
        "used",
        "specified",
        "that",
        "this",
        "same",
        "based",
        "generated",
    ];
    FILLERS.contains(&word.to_lowercase().as_str())
}

/// A list counts as an enumeration when every item reads "VALUE: text".
fn is_enum_list(lines: &[ProseLine], index: usize) -> bool {
    let start = lines[..index]
        .iter()
        .rposition(|l| !l.bullet)
        .map_or(0, |p| p + 1);
    let end = lines[index..]
        .iter()
        .position(|l| !l.bullet)
        .map_or(lines.len(), |p| index + p);
    lines[start..end]
        .iter()
        .all(|l| ENUM_ITEM.is_match(&l.text))
}

fn apply_enum_item(out: &mut Constraints, text: &str, ty: &TypeRef, span: &Span) {
    let Some(caps) = ENUM_ITEM.captures(text) else {
        return;
    };
    let meaning = caps[2].trim();
    if DEFAULT_MARKER.is_match(meaning) {
        set_default(out, &caps[1], ty, span);
    }
    if accepts_enum(ty) {
        push_enum(out, &caps[1], lang_text(meaning), ty, span);
    }
}

/// "The options are as follows: - true: ... (Default value) - false: ..."
fn apply_inline_items(out: &mut Constraints, text: &str, ty: &TypeRef, span: &Span) {
    let starts: Vec<_> = INLINE_ITEMS.captures_iter(text).collect();
    if starts.len() < 2 {
        return;
    }
    for (i, caps) in starts.iter().enumerate() {
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        let end = starts
            .get(i + 1)
            .and_then(|c| c.get(0))
            .map_or(text.len(), |m| m.start());
        let meaning = text[whole.end..end].trim();
        if DEFAULT_MARKER.is_match(meaning) {
            set_default(out, &caps[1], ty, span);
        }
        if accepts_enum(ty) {
            push_enum(out, &caps[1], lang_text(meaning), ty, span);
        }
    }
}

fn accepts_enum(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::String | TypeRef::Integer | TypeRef::Long => true,
        TypeRef::Array(inner) => matches!(**inner, TypeRef::String),
        _ => false,
    }
}

fn push_enum(out: &mut Constraints, raw: &str, description: Text, ty: &TypeRef, span: &Span) {
    if let Some(alternatives) = flag_spellings(raw) {
        for alternative in alternatives {
            push_enum(out, alternative, description.clone(), ty, span);
        }
        return;
    }
    if raw.eq_ignore_ascii_case("null") {
        out.nullable.get_or_insert_with(|| span.clone());
        return;
    }
    let value = typed_value(raw, element(ty));
    if out.enum_values.iter().all(|e| e.value != value) {
        out.enum_values.push(EnumValue {
            value,
            description,
            span: span.clone(),
        });
    }
}

/// "0/false", "1/true", "yes/1": one option written in two notations,
/// each of which the field accepts, so each is an enum value of its own.
/// Only numbers and boolean words split: "application/json" or "x86/arm"
/// stay whole, as a slash inside a name is part of it.
fn flag_spellings(raw: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = raw.split('/').map(str::trim).collect();
    let is_flag = |part: &&str| {
        part.parse::<f64>().is_ok()
            || ["true", "false", "yes", "no", "on", "off"]
                .iter()
                .any(|word| part.eq_ignore_ascii_case(word))
    };
    (parts.len() > 1 && parts.iter().all(is_flag)).then_some(parts)
}

fn set_default(out: &mut Constraints, raw: &str, ty: &TypeRef, span: &Span) {
    if out.default.is_none() {
        out.default = Some(Fact::new(typed_value(raw, ty), span.clone()));
    }
}

fn element(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Array(inner) => inner,
        other => other,
    }
}

/// A literal read as its field's type where it fits; kept as a string
/// where it does not (the checker reports the mismatch).
pub fn typed_value(raw: &str, ty: &TypeRef) -> Value {
    let raw = raw.trim().trim_matches(['"', '\'', '“', '”', '`']);
    let typed = match ty {
        TypeRef::Integer | TypeRef::Long => {
            raw.replace(',', "").parse::<i64>().ok().map(Value::from)
        }
        TypeRef::Number => parse_number(raw).map(Value::Number),
        TypeRef::Boolean => match raw.to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    };
    typed.unwrap_or_else(|| Value::String(raw.to_owned()))
}

/// "2147483647", "-1", "100,000", "0.5" → a JSON number.
fn parse_number(text: &str) -> Option<Number> {
    let clean = text.replace(',', "");
    if let Ok(int) = clean.parse::<i64>() {
        return Some(Number::from(int));
    }
    clean.parse::<f64>().ok().and_then(Number::from_f64)
}

/// Enum meanings are in the page's language; the reader re-labels them
/// for Chinese pages.
fn lang_text(text: &str) -> Text {
    if text.is_empty() {
        Text::default()
    } else {
        Text {
            en: Some(text.to_owned()),
            zh: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<ProseLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let bullet = t.starts_with("• ");
                ProseLine {
                    text: t.trim_start_matches("• ").to_owned(),
                    line: i as u32 + 1,
                    bullet,
                }
            })
            .collect()
    }

    fn read(texts: &[&str], ty: TypeRef) -> Constraints {
        constraints(&lines(texts), &ty, "p.txt")
    }

    fn num(n: i64) -> Number {
        Number::from(n)
    }

    #[test]
    fn label_lines_give_range_and_default() {
        let c = read(
            &[
                "Number of items.",
                "Value range:",
                "1~100",
                "Default value:",
                "10",
            ],
            TypeRef::Integer,
        );
        assert_eq!(c.minimum.map(|f| f.value), Some(num(1)));
        assert_eq!(c.maximum.map(|f| f.value), Some(num(100)));
        let default = c.default.expect("default");
        assert_eq!(default.value, Value::from(10));
        assert_eq!(default.span.line, 5);
    }

    #[test]
    fn wide_ranges_and_dashes() {
        let c = read(&["Value range:", "0~2147483647"], TypeRef::Integer);
        assert_eq!(c.maximum.map(|f| f.value), Some(num(2_147_483_647)));
        let c = read(&["取值范围：", "1–100"], TypeRef::Long);
        assert_eq!(c.minimum.map(|f| f.value), Some(num(1)));
    }

    #[test]
    fn chinese_default_label() {
        let c = read(&["AI标识开关", "默认取值:", "false"], TypeRef::Boolean);
        assert_eq!(c.default.map(|f| f.value), Some(Value::Bool(false)));
    }

    #[test]
    fn lengths_in_prose() {
        let c = read(
            &[
                "Range",
                "A string that can contain 1 to 100,000 characters.",
            ],
            TypeRef::String,
        );
        assert_eq!(
            (c.min_length.map(|f| f.value), c.max_length.map(|f| f.value)),
            (Some(1), Some(100_000))
        );
        let c = read(
            &["unique 32-character UUID of the project."],
            TypeRef::String,
        );
        assert_eq!(
            (c.min_length.map(|f| f.value), c.max_length.map(|f| f.value)),
            (Some(32), Some(32))
        );
        let c = read(
            &["A string that can contain 32 characters."],
            TypeRef::String,
        );
        assert_eq!(
            (c.min_length, c.max_length.map(|f| f.value)),
            (None, Some(32))
        );
        let c = read(
            &["The description contains 0 to 256 characters."],
            TypeRef::String,
        );
        assert_eq!(c.max_length.map(|f| f.value), Some(256));
        let c = read(&["1–100,000 characters"], TypeRef::String);
        assert_eq!(c.max_length.map(|f| f.value), Some(100_000));
    }

    #[test]
    fn bullets_are_enum_values() {
        let c = read(
            &[
                "Notification type.",
                "• RESOURCE_EXPIRE: expiring",
                "• RESOURCE_LEFT: remaining",
            ],
            TypeRef::String,
        );
        let values: Vec<_> = c.enum_values.iter().map(|e| e.value.clone()).collect();
        assert_eq!(
            values,
            [Value::from("RESOURCE_EXPIRE"), Value::from("RESOURCE_LEFT")]
        );
        assert_eq!(
            c.enum_values[1].description.en.as_deref(),
            Some("remaining")
        );
    }

    #[test]
    fn prose_bullets_are_not_enums() {
        let c = read(
            &["• Note that the value is kept.", "• FOO: bar"],
            TypeRef::String,
        );
        assert!(c.enum_values.is_empty());
    }

    #[test]
    fn nullable_enum_from_a_value_list() {
        let c = read(
            &[
                "Range",
                "KMS, normal, or null. If the value is KMS, KMS encryption is enabled.",
            ],
            TypeRef::String,
        );
        let values: Vec<_> = c.enum_values.iter().map(|e| e.value.clone()).collect();
        assert_eq!(values, [Value::from("KMS"), Value::from("normal")]);
        assert!(c.nullable.is_some());
    }

    #[test]
    fn two_notations_of_one_option_are_two_values() {
        let c = read(
            &[
                "Whether the item is marked. Options:",
                "• 0/false: not marked",
                "• 1/true: marked",
                "• application/json: a slash inside a name stays",
            ],
            TypeRef::String,
        );
        let values: Vec<_> = c.enum_values.iter().map(|e| e.value.clone()).collect();
        assert_eq!(
            values,
            ["0", "false", "1", "true", "application/json"].map(Value::from)
        );
        assert_eq!(c.enum_values[3].description.en.as_deref(), Some("marked"));
    }

    #[test]
    fn value_pairs_in_a_range_cell() {
        let c = read(&["Range", "allow: Allow. deny: Reject."], TypeRef::String);
        let values: Vec<_> = c.enum_values.iter().map(|e| e.value.clone()).collect();
        assert_eq!(values, [Value::from("allow"), Value::from("deny")]);
    }

    #[test]
    fn inline_option_list_with_default_marker() {
        let text = "Whether to clear. The options are as follows: - true: Clear. (Default value) - false: Keep.";
        let c = read(&[text], TypeRef::Boolean);
        assert_eq!(c.default.map(|f| f.value), Some(Value::Bool(true)));
        assert!(c.enum_values.is_empty(), "booleans need no enum");
    }

    #[test]
    fn default_sentences() {
        let c = read(
            &["The default value is 1.00, indicating all."],
            TypeRef::String,
        );
        assert_eq!(c.default.map(|f| f.value), Some(Value::from("1.00")));
        let c = read(&["默认值为20。"], TypeRef::Integer);
        assert_eq!(c.default.map(|f| f.value), Some(Value::from(20)));
    }

    #[test]
    fn sentence_defaults_must_fit_the_field() {
        let text = "the third number indicates the depth (the default value is 3). For example, [100,200,3].";
        let c = read(&[text], TypeRef::Array(Box::new(TypeRef::Object)));
        assert_eq!(c.default, None);
        let c = read(
            &["If not modified, the default value is the time when it was created."],
            TypeRef::Number,
        );
        assert_eq!(c.default, None);
        let c = read(
            &["If not modified, the default value is the time when it was created."],
            TypeRef::String,
        );
        assert_eq!(c.default, None);
        let c = read(&["The default value is (3)."], TypeRef::Integer);
        assert_eq!(c.default, None);
        let c = read(&["The default value is 3."], TypeRef::Integer);
        assert_eq!(c.default.map(|f| f.value), Some(Value::from(3)));
    }

    #[test]
    fn not_applicable_values_are_ignored() {
        let c = read(&["Default Value", "N/A", "Range", "N/A"], TypeRef::String);
        assert_eq!(c, Constraints::default());
    }

    #[test]
    fn a_default_that_does_not_fit_stays_a_string() {
        let c = read(&["Default value:", "ten"], TypeRef::Integer);
        assert_eq!(c.default.map(|f| f.value), Some(Value::from("ten")));
    }

    #[test]
    fn rejects_non_ranges() {
        let c = read(&["Value range:", "see the table"], TypeRef::Integer);
        assert!(c.minimum.is_none() && c.maximum.is_none());
        let c = read(&["Version 2.1 of 2020"], TypeRef::Integer);
        assert_eq!(c, Constraints::default());
    }

    #[test]
    fn description_keeps_everything() {
        let text = description(&lines(&[
            "Type.",
            "• A: a",
            "• B: b",
            "Default value:",
            "A",
        ]));
        assert_eq!(text, "Type.\n\n- A: a\n- B: b\n\nDefault value:\n\nA");
    }
}
