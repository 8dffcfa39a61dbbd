//! Constraints hidden in description prose: defaults, enumerations,
//! numeric ranges, lengths, nullability.
//!
//! A description cell arrives as [`ProseLine`]s (one per paragraph or list
//! item). Pages write constraints in three ways, all handled here:
//! a label line followed by its value ("Value range:" / "1~100"), the newer
//! labelled cells ("Definition" / "Range" / "Default Value"), and sentences
//! or bullets anywhere ("The default value is 10.", "• VOICE: timbre",
//! "contains 0 to 256 characters").

use std::collections::BTreeSet;
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
    /// "枚举值：" / "可选值：": the values follow, one a line or listed.
    Enum,
    MinLength,
    MaxLength,
    Minimum,
    Maximum,
    Other,
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(value range|range|valid values?|default value|default|definition|constraints?|options|取值范围|默认取值|默认值|缺省值|枚举值|可选值|取值|定义|约束|范围)\s*[:：]?$",
    )
});
static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(value range|default value|default|取值范围|默认取值|默认值|缺省值|枚举值|可选值|最小长度|最大长度|最小值|最大值)\s*[:：]\s*(.+)$",
    )
});
const NUMBER: &str = r"-?\d[\d,]*(?:\.\d+)?";
/// A unit written after a bound: `5Mbit/s~2000Mbit/s`, `1~100 GB`.
const UNIT: &str = r"(?:[A-Za-z]+(?:/[A-Za-z]+)?|个|秒|分钟|小时|天|字节|位|%)";
/// Two bounds: `1~100`, `1 to 100`, `[10, 4000]`, `5Mbit/s~2000Mbit/s`.
fn range_pattern() -> String {
    format!(
        r"(?:[\[(（]\s*({NUMBER})\s*[,，]\s*({NUMBER})\s*[\])）]|[\[(（]?\s*({NUMBER})\s*{UNIT}?\s*(?:~|～|–|—|-|to|至|到)\s*({NUMBER})\s*{UNIT}?\s*[\])）]?)(?:\s*(?:characters?|chars|个字符|字符|bytes))?"
    )
}
/// A range cell: the bounds, then nothing or the end of a clause and an
/// explanation ("0~100，0表示不限制": 0 means no limit).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:默认)?{}\s*(?:$|[.。,，;；(（]|\s)",
        range_pattern()
    ))
});
/// A cell that is a range and nothing else: "1~100", "(0, 255)", "1 to 64
/// characters".
static BARE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[\[(（]?\s*{NUMBER}\s*(?:~|～|–|—|-|to|至|到)\s*{NUMBER}\s*[\])）]?(?:\s*(?:characters?|chars|个字符|字符|bytes))?[.。]?$"
    ))
});
/// A range stated inside a sentence: "帧率。取值范围：0-30，0表示…".
static RANGE_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)(?:取值范围|取值区间|value range)\s*(?:为|是)?\s*[:：]?\s*(?:默认)?{}\s*(?:$|[.。,，;；(（]|\s)",
        range_pattern()
    ))
});
/// Where the literal a label states ends: the end of its clause.
static CLAUSE_END: LazyLock<Regex> =
    LazyLock::new(|| regex(r"[。，；！？（]|[.,;!?](?:\s|$)|\s\("));
/// A placeholder standing for any value the user chooses (`XXX`, `xx`):
/// the values listed with it are examples, not an enumeration.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?i)x{2,}$"));
static LENGTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)({NUMBER})\s*(?:~|～|–|—|-|to|至|到)\s*({NUMBER})\s*(?:characters|chars|个字符|字符)|长度(?:范围|限制)?(?:为|是)?\s*[:：]?\s*({NUMBER})\s*(?:~|～|–|—|-|至|到)\s*({NUMBER})"
    ))
});
/// "取值为add、replace和remove", "可选值：A、B", "取值范围：public、private":
/// two or more literal values listed after a Chinese value phrase.
static CN_VALUES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?:取值为|取值范围(?:为|是)?|可选值(?:为|有)?|枚举值(?:为|有)?|取值(?:包括|有))\s*[:：]?\s*((?:["“]?[A-Za-z0-9_.\-]+["”]?(?:\s*(?:（[^）]*）|\([^)]*\)))?)(?:\s*(?:、|，|,|/|或者|或|和|以及)\s*["“]?[A-Za-z0-9_.\-]+["”]?(?:\s*(?:（[^）]*）|\([^)]*\)))?)+)"#,
    )
});
/// A note in brackets after a listed value ("PTR（仅限内网）": only for
/// private zones).
static VALUE_NOTE: LazyLock<Regex> = LazyLock::new(|| regex(r"\s*(?:（[^）]*）|\([^)]*\))"));
static CN_VALUE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\s*(?:、|，|,|/|或者|或|和|以及)\s*"));
/// A literal value written alone on a line (the lines after "枚举值：").
static LONE_VALUE: LazyLock<Regex> =
    LazyLock::new(|| regex(r#"^["“]?([A-Za-z0-9_.\-:/+*]+)["”]?$"#));
/// A query parameter that may be given more than once.
static REPEATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)支持多个|可(?:以)?(?:传|填|指定|输入)多个|可多次|可重复(?:指定|传)|can be (?:specified|given|repeated|passed) (?:multiple|several) times|can be repeated",
    )
});
/// Words saying the values are joined in one string, not repeated.
static JOINED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)分隔|隔开|逗号|separated|comma|delimit"));
static EXACT_LENGTH: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(\d+)-character\b"));
static MAX_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:can contain|contains|up to|a maximum of|maximum|at most|no more than|not exceeding|not exceed)\s+(\d[\d,]*)\s+characters|(?:不超过|不能超过|最多|最大长度为?|长度限制为)\s*(\d+)\s*(?:个|位)?\s*(?:(?:unicode|Unicode|UTF-8)\s*)?(?:字符|位|$|[，。；,;])",
    )
});
static DEFAULT_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)\bdefault(?: value)? is\s+["'“]?((?:[^\s,;"'”，。；.()（）]|\.\d)+)|(?:^|[。，；,;：:\s（(])默认(?:值|取值)?(?:为|是)\s*["'“]?((?:[^\s,;"'”，。；.()（）]|\.\d)+)"#,
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
    // Bounds a sentence states in passing ("取值范围：0~2000。"), kept
    // apart: the labelled ones ("最小值：1") win wherever both are stated.
    let mut in_passing = Constraints::default();
    let mut label = Label::Other;
    for (index, line) in lines.iter().enumerate() {
        let span = Span::new(file, line.line);
        if let Some(caps) = LABEL_LINE.captures(&line.text) {
            label = label_kind(&caps[1]);
            continue;
        }
        // In a list of values, a value named like a label ("default：默认
        //访问模式") is a value.
        let enum_item = line.bullet && is_enum_list(lines, index);
        if let Some(caps) = INLINE_LABEL.captures(&line.text).filter(|_| !enum_item) {
            apply_labelled(&mut out, label_kind(&caps[1]), caps[2].trim(), ty, &span);
            // The clauses after the value may state more ("取值范围：[-1,
            // 100]。默认为-1。").
            apply_sentences(&mut out, &mut in_passing, &line.text, ty, &span);
            continue;
        }
        if label == Label::Enum {
            if let Some(caps) = LONE_VALUE.captures(&line.text).filter(|_| accepts_enum(ty)) {
                push_enum(&mut out, &caps[1], Text::default(), ty, &span);
                continue;
            }
            label = Label::Other;
        }
        if label != Label::Other && !line.bullet {
            apply_labelled(&mut out, label, &line.text, ty, &span);
            if label != Label::Range {
                label = Label::Other;
            }
        }
        apply_sentences(&mut out, &mut in_passing, &line.text, ty, &span);
        if enum_item {
            apply_enum_item(&mut out, &line.text, ty, &span);
        } else {
            apply_inline_items(&mut out, &line.text, ty, &span);
        }
    }
    fill_bounds(&mut out, in_passing);
    if out.enum_values.iter().any(|e| is_placeholder(&e.value)) {
        // "XXX: a name of your own": the values listed are examples.
        out.enum_values.clear();
    }
    out
}

/// Each bound of `from` that `out` does not state.
fn fill_bounds(out: &mut Constraints, from: Constraints) {
    out.minimum = out.minimum.take().or(from.minimum);
    out.maximum = out.maximum.take().or(from.maximum);
    out.min_length = out.min_length.take().or(from.min_length);
    out.max_length = out.max_length.take().or(from.max_length);
    out.min_items = out.min_items.take().or(from.min_items);
    out.max_items = out.max_items.take().or(from.max_items);
}

fn is_placeholder(value: &Value) -> bool {
    value.as_str().is_some_and(|v| PLACEHOLDER.is_match(v))
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
        "default value" | "default" | "默认取值" | "默认值" | "缺省值" => Label::Default,
        "枚举值" | "可选值" | "取值" => Label::Enum,
        "最小长度" => Label::MinLength,
        "最大长度" => Label::MaxLength,
        "最小值" => Label::Minimum,
        "最大值" => Label::Maximum,
        "value range" | "range" | "valid values" | "valid value" | "取值范围" | "范围" => {
            Label::Range
        }
        _ => Label::Other,
    }
}

/// The value of a "Default value:" or "Range" label.
fn apply_labelled(out: &mut Constraints, label: Label, text: &str, ty: &TypeRef, span: &Span) {
    match label {
        Label::Default => {
            if let Some(value) = stated_literal(text) {
                set_default(out, value, ty, span);
            }
        }
        Label::Range if !is_not_applicable(text) => apply_range(out, text, ty, span),
        Label::Enum => apply_value_list(out, text, 1, ty, span),
        Label::MinLength | Label::MaxLength => {
            let n = text.trim().parse::<u64>().ok();
            match (label, ty) {
                (Label::MinLength, TypeRef::Array(_)) => set_items(out, n, None, span),
                (Label::MaxLength, TypeRef::Array(_)) => set_items(out, None, n, span),
                (Label::MinLength, _) => set_lengths(out, n, None, span),
                _ => set_lengths(out, None, n, span),
            }
        }
        Label::Minimum | Label::Maximum if is_numeric(ty) => {
            if let Some(n) = parse_number(text.trim()) {
                let bound = if label == Label::Minimum {
                    &mut out.minimum
                } else {
                    &mut out.maximum
                };
                bound.get_or_insert_with(|| Fact::new(n, span.clone()));
            }
        }
        _ => {}
    }
}

/// The literal a label states, without the sentence it may stand in: up
/// to the end of its clause ("30。", "45000，超出范围时使用默认值", "10. If
/// ..."). `None` where the label states none: a word for "none", or a
/// description in Chinese ("标准csv格式…") rather than a literal.
fn stated_literal(text: &str) -> Option<&str> {
    let end = CLAUSE_END.find(text).map_or(text.len(), |m| m.start());
    let literal = text[..end].trim();
    let stated =
        !literal.is_empty() && !is_not_applicable(literal) && !literal.chars().any(super::is_cjk);
    stated.then_some(literal)
}

fn is_not_applicable(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '。']);
    ["n/a", "na", "none", "无", "空", "不涉及", "-", "—"].contains(&t.to_lowercase().as_str())
}

/// A range cell: "1~100", "A string that can contain 1 to 100,000
/// characters.", "KMS, normal, or null.", "allow: Allow. deny: Reject."
fn apply_range(out: &mut Constraints, text: &str, ty: &TypeRef, span: &Span) {
    if let Some(caps) = RANGE.captures(text.trim()) {
        apply_bounds(out, &caps, ty, span, BARE_RANGE.is_match(text.trim()));
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
    } else if CN_VALUE_SEPARATOR.is_match(text) && !text.contains([' ', '.']) {
        apply_value_list(out, text, 2, ty, span);
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

/// The bounds a [`range_pattern`] matched (an interval `[a, b]` or
/// `a~b`). On a string they bound its length where they count characters
/// or are all the cell says ("1~64"); a string range with units or an
/// explanation ("1~65535，端口号", "24~28") bounds the number it holds, which
/// a length cannot say.
fn apply_bounds(
    out: &mut Constraints,
    caps: &regex::Captures<'_>,
    ty: &TypeRef,
    span: &Span,
    bare: bool,
) {
    let bound = |a: usize, b: usize| caps.get(a).or(caps.get(b)).map_or("", |m| m.as_str());
    let whole = caps.get(0).map_or("", |m| m.as_str());
    let says_chars = whole.contains('字') || whole.contains("char");
    if matches!(ty, TypeRef::String) && !says_chars && !bare {
        return;
    }
    set_bounds(out, bound(1, 3), bound(2, 4), ty, span, says_chars);
}

/// "A、B、C" after an enumeration label (at least `min` values): each a
/// value.
fn apply_value_list(out: &mut Constraints, text: &str, min: usize, ty: &TypeRef, span: &Span) {
    if !accepts_enum(ty) {
        return;
    }
    let text = VALUE_NOTE.replace_all(text, "");
    let values: Vec<&str> = CN_VALUE_SEPARATOR
        .split(text.trim().trim_end_matches(['.', '。']))
        .collect();
    let listed = values.len() >= min
        && values.iter().all(|v| LONE_VALUE.is_match(v))
        && !values.iter().any(|v| RANGE.is_match(v));
    if listed {
        for value in values {
            let value = LONE_VALUE
                .captures(value)
                .map_or(value, |c| c.get(1).map_or(value, |m| m.as_str()));
            push_enum(out, value, Text::default(), ty, span);
        }
    }
}

fn is_numeric(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Integer | TypeRef::Long | TypeRef::Number)
}

/// True when a query parameter's description says it may be given more
/// than once ("支持多个", "can be specified multiple times"), not as one
/// joined string ("多个ID使用逗号分隔").
pub fn says_repeated(description: &str) -> bool {
    REPEATED.is_match(description) && !JOINED.is_match(description)
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

fn set_items(out: &mut Constraints, low: Option<u64>, high: Option<u64>, span: &Span) {
    if let Some(low) = low {
        out.min_items
            .get_or_insert_with(|| Fact::new(low, span.clone()));
    }
    if let Some(high) = high {
        out.max_items
            .get_or_insert_with(|| Fact::new(high, span.clone()));
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

/// True when `text` holds the ASCII `word` in any letter case. Tested
/// before the patterns with a word boundary (`\b`) that every description
/// line meets, as a match needs the word: on text beyond ASCII (Chinese
/// pages) the regex engine checks Unicode word boundaries by backtracking,
/// which costs far more than this test.
fn contains_ignoring_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// Sentences that state a constraint wherever they stand; a range stated
/// in passing goes to `in_passing`.
fn apply_sentences(
    out: &mut Constraints,
    in_passing: &mut Constraints,
    text: &str,
    ty: &TypeRef,
    span: &Span,
) {
    if matches!(ty, TypeRef::String) {
        if let Some(caps) = LENGTH_RANGE.captures(text) {
            let bound = |a: usize, b: usize| {
                caps.get(a)
                    .or(caps.get(b))
                    .and_then(|m| parse_number(m.as_str()))
            };
            let (low, high) = (bound(1, 3), bound(2, 4));
            set_lengths(
                out,
                low.and_then(|n| n.as_u64()),
                high.and_then(|n| n.as_u64()),
                span,
            );
        } else if let Some(caps) = contains_ignoring_case(text, "-character")
            .then(|| EXACT_LENGTH.captures(text))
            .flatten()
        {
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
    let may_state_range = text.contains("取值") || contains_ignoring_case(text, "range");
    if let Some(caps) = may_state_range
        .then(|| RANGE_SENTENCE.captures(text))
        .flatten()
    {
        apply_bounds(in_passing, &caps, ty, span, false);
    } else if let Some(caps) = CN_VALUES.captures(text) {
        // "A、B、C等": "and others", the values are examples; a list going
        // on in words the pattern does not read is cut short.
        let open = caps
            .get(1)
            .is_some_and(|m| text[m.end()..].trim_start().starts_with(['等', '…', '、']));
        if !open {
            apply_value_list(out, &caps[1], 2, ty, span);
        }
    }
    let may_state_default = contains_ignoring_case(text, "default") || text.contains("默认");
    if let Some(caps) = may_state_default
        .then(|| DEFAULT_SENTENCE.captures(text))
        .flatten()
    {
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
        // A default written in Chinese ("默认为空", "默认为创建时间")
        // describes the default rather than states a literal.
        TypeRef::String => !is_filler_word(raw) && !raw.chars().any(super::is_cjk),
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

/// A list counts as an enumeration when every item reads "VALUE: text",
/// not with one value for all ("engine_type：1", "engine_type：2" list
/// pairs of another kind), and not every item is a label ("Default: 10",
/// "Range: 1~100").
fn is_enum_list(lines: &[ProseLine], index: usize) -> bool {
    let start = lines[..index]
        .iter()
        .rposition(|l| !l.bullet)
        .map_or(0, |p| p + 1);
    let end = lines[index..]
        .iter()
        .position(|l| !l.bullet)
        .map_or(lines.len(), |p| index + p);
    let mut values = BTreeSet::new();
    let mut all_labels = true;
    for line in &lines[start..end] {
        let Some(caps) = ENUM_ITEM.captures(&line.text) else {
            return false;
        };
        values.insert(caps[1].to_owned());
        all_labels &= INLINE_LABEL.is_match(&line.text);
    }
    let one_value_for_all = values.len() == 1 && end - start > 1;
    !all_labels && !one_value_for_all
}

fn apply_enum_item(out: &mut Constraints, text: &str, ty: &TypeRef, span: &Span) {
    let Some(caps) = ENUM_ITEM.captures(text) else {
        return;
    };
    let meaning = caps[2].trim();
    if RANGE.is_match(meaning) {
        // "TCP：[10, 4000]": the range under a condition, not a value.
        return;
    }
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
/// each of which the field accepts, so each is an enum value of its own;
/// and "FOREVER/null": a value or null. Only numbers, boolean words and
/// `null` split: "application/json" or "x86/arm" stay whole, as a slash
/// inside a name is part of it, and `null` is never part of a name.
fn flag_spellings(raw: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = raw.split('/').map(str::trim).collect();
    let is_null = |part: &&str| part.eq_ignore_ascii_case("null");
    let is_flag = |part: &&str| {
        part.parse::<f64>().is_ok()
            || ["true", "false", "yes", "no", "on", "off"]
                .iter()
                .any(|word| part.eq_ignore_ascii_case(word))
    };
    let alternatives = parts.iter().all(is_flag) || parts.iter().any(is_null);
    (parts.len() > 1 && alternatives).then_some(parts)
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
        // "默认值：[]": a JSON literal.
        TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Object | TypeRef::Model(_) => {
            serde_json::from_str::<Value>(raw)
                .ok()
                .filter(|v| v.is_array() || v.is_object())
        }
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

    fn enum_values(c: &Constraints) -> Vec<Value> {
        c.enum_values.iter().map(|e| e.value.clone()).collect()
    }

    #[test]
    fn chinese_labels_of_generated_cells() {
        let c = read(
            &["实例的名字。", "最小长度：1", "最大长度：64"],
            TypeRef::String,
        );
        assert_eq!(
            (c.min_length.map(|f| f.value), c.max_length.map(|f| f.value)),
            (Some(1), Some(64))
        );
        let c = read(
            &["每页条数。", "最小值：1", "最大值：2000", "缺省值：2000"],
            TypeRef::Integer,
        );
        assert_eq!(c.minimum.map(|f| f.value), Some(num(1)));
        assert_eq!(c.maximum.map(|f| f.value), Some(num(2000)));
        assert_eq!(c.default.map(|f| f.value), Some(Value::from(2000)));
        let c = read(
            &["标签列表。", "最大长度：20"],
            TypeRef::Array(Box::new(TypeRef::String)),
        );
        assert_eq!(c.max_items.map(|f| f.value), Some(20));
    }

    #[test]
    fn chinese_enum_label_with_one_value_a_line() {
        let c = read(
            &[
                "实例的规格。",
                "缺省值：Small",
                "枚举值：",
                "Small",
                "Medium",
                "Extra-large",
                "说明文字。",
            ],
            TypeRef::String,
        );
        assert_eq!(
            enum_values(&c),
            [
                Value::from("Small"),
                Value::from("Medium"),
                Value::from("Extra-large")
            ]
        );
        assert_eq!(c.default.map(|f| f.value), Some(Value::from("Small")));
    }

    #[test]
    fn chinese_value_phrases_list_enum_values() {
        let c = read(
            &["操作类型，目前取值为add、replace和remove。"],
            TypeRef::String,
        );
        assert_eq!(
            enum_values(&c),
            [
                Value::from("add"),
                Value::from("replace"),
                Value::from("remove")
            ]
        );
        let c = read(
            &["待查询的类型。", "取值范围：public、private"],
            TypeRef::String,
        );
        assert_eq!(
            enum_values(&c),
            [Value::from("public"), Value::from("private")]
        );
        let c = read(&["可选值：ON或者OFF"], TypeRef::String);
        assert_eq!(enum_values(&c), [Value::from("ON"), Value::from("OFF")]);
        let c = read(&["枚举值：A、B"], TypeRef::String);
        assert_eq!(enum_values(&c), [Value::from("A"), Value::from("B")]);
        // One value, a Chinese description, a boolean: no enumeration.
        for (text, ty) in [
            ("镜像是否可用，取值为true。", TypeRef::String),
            ("取值为镜像ID。", TypeRef::String),
            ("取值为true/false。", TypeRef::Boolean),
            ("取值为40～1024。", TypeRef::Integer),
        ] {
            assert!(read(&[text], ty).enum_values.is_empty(), "{text}");
        }
    }

    #[test]
    fn chinese_defaults_state_a_literal_at_a_clause_start() {
        let c = read(&["每页返回的个数。", "默认值为500。"], TypeRef::Integer);
        assert_eq!(c.default.map(|f| f.value), Some(Value::from(500)));
        let c = read(&["镜像格式，默认值是vhd。"], TypeRef::String);
        assert_eq!(c.default.map(|f| f.value), Some(Value::from("vhd")));
        for text in [
            "默认值为空。",
            "搜索模式默认为模糊搜索。",
            "排序字段，默认为创建时间。",
            "默认值：空",
        ] {
            assert_eq!(read(&[text], TypeRef::String).default, None, "{text}");
        }
    }

    #[test]
    fn chinese_lengths() {
        let cases: [(&str, Option<u64>, Option<u64>); 6] = [
            ("最大长度36个unicode字符。", None, Some(36)),
            ("企业项目ID，长度不超过36个字符。", None, Some(36)),
            ("规则的描述，长度限制为255。", None, Some(255)),
            ("名称，长度限制为1-80个字符。", Some(1), Some(80)),
            ("长度为1～255位。", Some(1), Some(255)),
            ("描述，长度不能超过1024个字符。", None, Some(1024)),
        ];
        for (text, low, high) in cases {
            let c = read(&[text], TypeRef::String);
            assert_eq!(
                (c.min_length.map(|f| f.value), c.max_length.map(|f| f.value)),
                (low, high),
                "{text}"
            );
        }
    }

    #[test]
    fn a_labelled_default_ends_with_its_clause() {
        for (text, ty, want) in [
            ("默认值：30。", TypeRef::Integer, Value::from(30)),
            (
                "默认值：5，超出范围时取默认值",
                TypeRef::Integer,
                Value::from(5),
            ),
            (
                "Default value: 8. Larger values are slower.",
                TypeRef::Integer,
                Value::from(8),
            ),
            ("默认值：true。", TypeRef::Boolean, Value::Bool(true)),
            ("默认值：\"abc\"。", TypeRef::String, Value::from("abc")),
            ("默认值：“”。", TypeRef::String, Value::from("")),
            ("Default value: 1.5", TypeRef::Number, Value::from(1.5)),
            (
                "默认值：[]",
                TypeRef::Array(Box::new(TypeRef::String)),
                serde_json::json!([]),
            ),
        ] {
            let c = read(&[text], ty);
            assert_eq!(c.default.map(|f| f.value), Some(want), "{text}");
        }
    }

    #[test]
    fn a_labelled_default_in_words_states_no_literal() {
        for text in [
            "默认值：。",
            "默认值：按名称排序，可选",
            "Default value: N/A.",
        ] {
            assert_eq!(read(&[text], TypeRef::String).default, None, "{text}");
        }
    }

    #[test]
    fn a_range_then_an_explanation_is_a_range() {
        let c = read(&["取值范围：0~100，0表示不限制。"], TypeRef::Integer);
        assert_eq!(c.minimum.map(|f| f.value), Some(num(0)));
        assert_eq!(c.maximum.map(|f| f.value), Some(num(100)));
        assert!(c.enum_values.is_empty());
        // Inside a sentence, after other words.
        let c = read(
            &["帧率，单位fps。取值范围：0-30，0表示不变。"],
            TypeRef::Integer,
        );
        assert_eq!(c.maximum.map(|f| f.value), Some(num(30)));
        assert!(c.enum_values.is_empty());
        let c = read(&["超时时间。取值范围2 ~ 30。"], TypeRef::Integer);
        assert_eq!(c.minimum.map(|f| f.value), Some(num(2)));
    }

    #[test]
    fn ranges_with_units_and_intervals() {
        for (text, low, high) in [
            ("取值范围：5Mbit/s~2000Mbit/s。", 5, 2000),
            ("取值范围：1~100 GB", 1, 100),
            ("取值范围：1-65535", 1, 65535),
            ("取值范围：[-10, 10]", -10, 10),
            ("权重，取值范围[0，100]。", 0, 100),
        ] {
            let c = read(&[text], TypeRef::Integer);
            assert_eq!(
                (c.minimum.map(|f| f.value), c.maximum.map(|f| f.value)),
                (Some(num(low)), Some(num(high))),
                "{text}"
            );
            assert!(c.enum_values.is_empty(), "{text}");
        }
    }

    #[test]
    fn labelled_bounds_win_over_a_range_in_passing() {
        let c = read(
            &["每页个数。取值范围：0~2000。", "最小值：1", "最大值：2000"],
            TypeRef::Integer,
        );
        assert_eq!(c.minimum.map(|f| f.value), Some(num(1)));
        assert_eq!(c.maximum.map(|f| f.value), Some(num(2000)));
    }

    #[test]
    fn a_numeric_range_on_a_string_is_no_length() {
        // The string holds a number from 24 to 28, not 24 to 28 characters.
        let c = read(&["掩码位数，取值范围：24~28。"], TypeRef::String);
        assert_eq!((c.min_length, c.max_length), (None, None));
        let c = read(&["名称，取值范围：1~64个字符。"], TypeRef::String);
        assert_eq!(c.max_length.map(|f| f.value), Some(64));
    }

    #[test]
    fn a_range_under_a_condition_is_no_value() {
        let c = read(
            &[
                "空闲超时时间。",
                "取值范围：",
                "• UDP：[10, 4000]，单位：秒。",
                "• HTTP/HTTPS：[0, 4000]，单位：秒。",
            ],
            TypeRef::Integer,
        );
        assert!(c.enum_values.is_empty());
    }

    #[test]
    fn placeholders_leave_the_values_open() {
        let c = read(
            &[
                "清晰度名称。",
                "• HIGH：高清",
                "• LOW：流畅",
                "• XXX：用户自己起的名字",
            ],
            TypeRef::String,
        );
        assert!(c.enum_values.is_empty());
        let c = read(&["可选值：ON、OFF、xx"], TypeRef::String);
        assert!(c.enum_values.is_empty());
        let c = read(&["类别，取值为RED、GREEN等。"], TypeRef::String);
        assert!(c.enum_values.is_empty());
    }

    #[test]
    fn listed_values_keep_their_notes_out() {
        let c = read(
            &["记录类型。取值范围：A、MX（仅限内网）、TXT（仅限公网）。"],
            TypeRef::String,
        );
        assert_eq!(enum_values(&c), ["A", "MX", "TXT"].map(Value::from));
    }

    #[test]
    fn a_value_or_null_is_two_alternatives() {
        let c = read(
            &["有效期。", "• ALWAYS/null：永久", "• 12：半天"],
            TypeRef::String,
        );
        assert_eq!(enum_values(&c), [Value::from("ALWAYS"), Value::from("12")]);
        assert!(c.nullable.is_some());
    }

    #[test]
    fn a_value_named_like_a_label_is_a_value() {
        let c = read(
            &["访问方式。", "• default：两种都可以。", "• api：只用接口。"],
            TypeRef::String,
        );
        assert_eq!(
            enum_values(&c),
            [Value::from("default"), Value::from("api")]
        );
        assert_eq!(c.default, None);
        // A list of labels stays a list of labels.
        let c = read(&["Retries.", "• Default: 5"], TypeRef::Integer);
        assert!(c.enum_values.is_empty());
        assert_eq!(c.default.map(|f| f.value), Some(Value::from(5)));
    }

    #[test]
    fn pairs_naming_one_key_are_no_values() {
        let c = read(
            &[
                "类型与名称的对应：",
                "• kind：1，name：alpha",
                "• kind：2，name：beta",
            ],
            TypeRef::Integer,
        );
        assert!(c.enum_values.is_empty());
    }

    #[test]
    fn chinese_sentence_defaults() {
        let c = read(&["最大连接数。默认为-1，无限制。"], TypeRef::Integer);
        assert_eq!(c.default.map(|f| f.value), Some(Value::from(-1)));
    }

    #[test]
    fn repeated_query_parameters() {
        assert!(says_repeated("实例ID，支持多个。"));
        assert!(says_repeated("The ID. It can be specified multiple times."));
        assert!(!says_repeated(
            "弹性公网IP的ID，支持多个，多个ID使用逗号分隔。"
        ));
        assert!(!says_repeated("实例ID。"));
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
