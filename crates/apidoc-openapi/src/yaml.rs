//! YAML text that YAML 1.1 and YAML 1.2 readers read back with the same
//! types, written in one pass over the document.
//!
//! The text is byte for byte what `yaml_serde` (libyaml's emitter, block
//! style, unicode, no line folding) writes, plus one rule of the project's
//! own: YAML 1.1 readers, which OpenAPI tools still use (PyYAML under
//! openapi-spec-validator, SnakeYAML), also read `yes`, `no`, `on`, `off`,
//! `y`, `n` as booleans, `10:30` as a number, `2024-01-01` as a date,
//! `1_000` as 1000, and reject a plain `=` or `<<`, so such strings are
//! single-quoted ([`is_ambiguous`]).
//!
//! Writing the text here rather than through `yaml_serde` costs a tenth of
//! the instructions: no serde events, no event queue, no byte-at-a-time
//! output buffer. The writer keeps libyaml's emitter state (`indent`,
//! `whitespace`, `indention`, the start of the current line) and makes its
//! decisions in the same order, so layouts libyaml produces for odd text
//! (`? ` keys, `|2-` blocks, `\u2028` inside quotes) come out the same.
//! The tests compare it with `yaml_serde` on generated tricky text.

use serde::Serialize;
use serde_json::{Map, Value};

/// The indentation step libyaml uses by default (`best_indent`).
const STEP: usize = 2;

/// The longest key libyaml writes as `key: value`; longer keys take the
/// explicit `? key` form.
const SIMPLE_KEY_MAX: usize = 128;

/// `value` as YAML text ending in a newline, ambiguous strings quoted.
pub(crate) fn to_yaml(value: &impl Serialize) -> String {
    // Fails only for non-string map keys or non-finite floats written as
    // keys; an OpenAPI document has neither.
    let tree = serde_json::to_value(value).expect("an OpenAPI document converts to JSON");
    let mut writer = Writer::new();
    writer.node(&tree, Place::Root);
    writer.document_end();
    writer.out
}

/// True when a reader following YAML 1.1 or 1.2 could take `text`, written
/// plain, for something other than a string. Over-quoting is harmless, so
/// anything that starts like a number and holds only number, date or time
/// characters counts.
///
/// This covers every string `yaml_serde` would quote itself (empty, `~`,
/// `null`/`true`/`false` spellings, integers, floats, `.inf`, `.nan`,
/// zero-padded digits): all of those are either one of the words or start
/// like a number and hold only digits, letters and `+-._`. So once this is
/// false, yaml_serde's own style choice is "plain" (or a literal block for
/// multi-line text), and the writer need not repeat its number parsing.
fn is_ambiguous(text: &str) -> bool {
    const WORDS: [&str; 29] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "",
        "=", "<<",
    ];
    let starts_like_number = text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c));
    let number_like_chars = || {
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_:.+- ".contains(&b))
    };
    (starts_like_number && number_like_chars()) || WORDS.contains(&text)
}

/// Where a node sits; libyaml's `mapping_context` and `simple_key_context`.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// The document itself.
    Root,
    /// An item of a block sequence.
    Item,
    /// A key written `key:` on one line.
    SimpleKey,
    /// A key written after `? `, or a mapping value.
    InMapping,
}

/// How a scalar is written.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    /// Quoted by the project's YAML 1.1 rule: laid out as libyaml lays out
    /// a plain word (the old writer's marker), written `'...'`.
    Quoted11,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// What libyaml's `yaml_emitter_analyze_scalar` finds in a scalar, reduced
/// to what block context uses.
struct Analysis {
    multiline: bool,
    plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

/// The text being written and libyaml's emitter state.
struct Writer {
    out: String,
    /// Byte offset where the current line starts; after a line break
    /// written as itself (`\u2028`) too, as libyaml resets its column
    /// there. While `indention` holds, the line holds only ASCII spaces and
    /// indicators, so `out.len() - line_start` is libyaml's column.
    line_start: usize,
    /// libyaml's `indent`; `None` is its -1 (nothing open yet).
    indent: Option<usize>,
    /// The last thing written was whitespace (or nothing).
    whitespace: bool,
    /// The current line holds only indentation and indicators.
    indention: bool,
}

impl Writer {
    /// The state at the start of a stream: nothing written, which counts
    /// as whitespace and indentation.
    fn new() -> Self {
        Self {
            out: String::new(),
            line_start: 0,
            indent: None,
            whitespace: true,
            indention: true,
        }
    }

    fn node(&mut self, value: &Value, place: Place) {
        match value {
            Value::Array(items) if items.is_empty() => self.empty_collection("[", "]"),
            Value::Object(map) if map.is_empty() => self.empty_collection("{", "}"),
            Value::Array(items) => self.sequence(items, place),
            Value::Object(map) => self.mapping(map),
            Value::String(text) => self.scalar(text, requested_style(text), place),
            Value::Null => self.scalar("null", Style::Plain, place),
            Value::Bool(flag) => {
                self.scalar(if *flag { "true" } else { "false" }, Style::Plain, place)
            }
            Value::Number(number) => self.scalar(&number_text(number), Style::Plain, place),
        }
    }

    /// `[]` or `{}`: libyaml writes empty collections in flow style.
    fn empty_collection(&mut self, open: &str, close: &str) {
        self.indicator(open, true, true, false);
        self.indicator(close, false, false, false);
    }

    fn sequence(&mut self, items: &[Value], place: Place) {
        let outer = self.indent;
        // A sequence that is a mapping's value starts at the key's column.
        let indentless = place == Place::InMapping && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.indicator("-", true, false, true);
            self.node(item, Place::Item);
        }
        self.indent = outer;
    }

    fn mapping(&mut self, map: &Map<String, Value>) {
        let outer = self.indent;
        self.increase_indent(false, false);
        for (key, value) in map {
            self.write_indent();
            self.key(key);
            self.node(value, Place::InMapping);
        }
        self.indent = outer;
    }

    /// `key:`, or `? key` and `:` on the next line for a key libyaml will
    /// not write on one line (multi-line or long).
    fn key(&mut self, key: &str) {
        let style = requested_style(key);
        // An ambiguous key was a short marker word for libyaml, so simple.
        let simple = style == Style::Quoted11 || (key.len() <= SIMPLE_KEY_MAX && !has_break(key));
        if simple {
            self.scalar(key, style, Place::SimpleKey);
            self.indicator(":", false, false, false);
        } else {
            self.indicator("?", true, false, true);
            self.scalar(key, style, Place::InMapping);
            self.write_indent();
            self.indicator(":", true, false, true);
        }
    }

    /// libyaml's `yaml_emitter_emit_scalar`: settle the style, then write
    /// one indentation step in from the enclosing node.
    fn scalar(&mut self, text: &str, requested: Style, place: Place) {
        let simple_key = place == Place::SimpleKey;
        let style = if requested == Style::Quoted11 {
            requested
        } else {
            select_style(requested, &analyze(text), text.is_empty(), simple_key)
        };
        let outer = self.indent;
        self.increase_indent(true, false);
        match style {
            Style::Plain => self.plain(text),
            Style::Quoted11 => self.quoted_word(text),
            Style::SingleQuoted => self.single_quoted(text),
            Style::DoubleQuoted => self.double_quoted(text),
            Style::Literal => self.literal(text),
        }
        self.indent = outer;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indent = match self.indent {
            None if flow => Some(STEP),
            None => Some(0),
            Some(indent) if indentless => Some(indent),
            Some(indent) => Some(indent + STEP),
        };
    }

    /// libyaml's `yaml_emitter_write_indent`: a new line unless the current
    /// one holds only indentation short of the wanted column.
    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        let column = self.out.len() - self.line_start;
        if !self.indention || column > indent || (column == indent && !self.whitespace) {
            self.put_break();
        }
        let column = self.out.len() - self.line_start;
        if column < indent {
            self.out.extend(std::iter::repeat_n(' ', indent - column));
        }
        self.whitespace = true;
        self.indention = true;
    }

    /// libyaml's `yaml_emitter_write_indicator`: `text`, after a space if
    /// it needs one; the flags say what the text counts as afterwards.
    fn indicator(
        &mut self,
        text: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.whitespace = is_whitespace;
        self.indention &= is_indention;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.line_start = self.out.len();
    }

    /// A line break inside a scalar: `\n` as a newline, the others as
    /// themselves.
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.line_start = self.out.len();
        }
    }

    fn end_scalar(&mut self) {
        self.whitespace = false;
        self.indention = false;
    }

    fn plain(&mut self, text: &str) {
        if !self.whitespace && !text.is_empty() {
            self.out.push(' ');
        }
        // Plain text never holds a line break (the analysis forbids it).
        self.out.push_str(text);
        self.end_scalar();
    }

    /// An ambiguous word: where libyaml wrote the marker word, `'text'`.
    fn quoted_word(&mut self, text: &str) {
        if !self.whitespace {
            self.out.push(' ');
        }
        self.out.push('\'');
        push_doubling_quotes(&mut self.out, text);
        self.out.push('\'');
        self.end_scalar();
    }

    fn single_quoted(&mut self, text: &str) {
        self.indicator("'", true, false, false);
        if has_break(text) {
            self.single_quoted_lines(text);
        } else {
            push_doubling_quotes(&mut self.out, text);
        }
        self.indicator("'", false, false, false);
        self.end_scalar();
    }

    /// libyaml's single-quoted writer for text with line breaks (only
    /// `\u2028` and `\u2029` get here: `\n` text is a literal block or
    /// double-quoted, `\r` and `\u0085` are not printable).
    fn single_quoted_lines(&mut self, text: &str) {
        let mut breaks = false;
        for c in text.chars() {
            if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.out.push('\'');
                }
                self.out.push(c);
                self.indention = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
    }

    fn double_quoted(&mut self, text: &str) {
        self.indicator("\"", true, false, false);
        for c in text.chars() {
            if is_printable(c) && !is_break(c) && c != '"' && c != '\\' {
                self.out.push(c);
            } else {
                push_escape(&mut self.out, c);
            }
        }
        self.indicator("\"", false, false, false);
        self.end_scalar();
    }

    /// `|` with its hints, then each line at the scalar's indentation.
    fn literal(&mut self, text: &str) {
        self.indicator("|", true, false, false);
        self.block_hints(text);
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for c in text.chars() {
            if is_break(c) {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.out.push(c);
                self.indention = false;
                breaks = false;
            }
        }
    }

    /// The indentation indicator (text starting with a space or break
    /// would otherwise set the indentation itself) and the chomping
    /// indicator: `-` without a final break, `+` with more than one.
    fn block_hints(&mut self, text: &str) {
        if text.starts_with(|c: char| c == ' ' || is_break(c)) {
            self.indicator("2", false, false, false);
        }
        let mut tail = text.chars().rev();
        let chomp = match (tail.next(), tail.next()) {
            (Some(last), _) if !is_break(last) => Some("-"),
            (None, _) => Some("-"),
            (Some(_), None) => Some("+"),
            (Some(_), Some(before)) if is_break(before) => Some("+"),
            _ => None,
        };
        if let Some(chomp) = chomp {
            self.indicator(chomp, false, false, false);
        }
    }

    /// libyaml's implicit document end: a final line break unless the
    /// text already ends on an empty indentation.
    fn document_end(&mut self) {
        self.indent = None;
        self.write_indent();
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }
}

/// The style asked of libyaml for a string: the project's quoting, else
/// yaml_serde's `serialize_str` (a literal block for multi-line text, else
/// any, which libyaml starts from plain; see [`is_ambiguous`] for why its
/// own quoting never applies here).
fn requested_style(text: &str) -> Style {
    if is_ambiguous(text) {
        Style::Quoted11
    } else if text.contains('\n') {
        Style::Literal
    } else {
        Style::Plain
    }
}

/// libyaml's `yaml_emitter_select_scalar_style` in block context without
/// tags.
fn select_style(requested: Style, analysis: &Analysis, empty: bool, simple_key: bool) -> Style {
    let mut style = requested;
    if simple_key && analysis.multiline {
        style = Style::DoubleQuoted;
    }
    if style == Style::Plain && (!analysis.plain_allowed || (empty && simple_key)) {
        style = Style::SingleQuoted;
    }
    if style == Style::SingleQuoted && !analysis.single_quoted_allowed {
        style = Style::DoubleQuoted;
    }
    if style == Style::Literal && (!analysis.block_allowed || simple_key) {
        style = Style::DoubleQuoted;
    }
    style
}

/// libyaml's `yaml_emitter_analyze_scalar`, block-context flags only.
fn analyze(text: &str) -> Analysis {
    if text.is_empty() {
        return Analysis {
            multiline: false,
            plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let mut indicators = text.starts_with("---") || text.starts_with("...");
    let mut edge_space = false;
    let mut trailing_space = false;
    let mut line_breaks = false;
    let mut special = false;
    let mut break_space = false;
    let mut space_break = false;
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    let mut chars = text.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let followed_by_whitespace = chars.peek().is_none_or(|&next| is_blankz(next));
        let last = chars.peek().is_none();
        indicators |= if first {
            is_leading_indicator(c, followed_by_whitespace)
        } else {
            (c == ':' && followed_by_whitespace) || (c == '#' && preceded_by_whitespace)
        };
        special |= !is_printable(c);
        if c == ' ' {
            edge_space |= first;
            trailing_space |= last;
            break_space |= previous_break;
            (previous_space, previous_break) = (true, false);
        } else if is_break(c) {
            line_breaks = true;
            edge_space |= first || last;
            space_break |= previous_space;
            (previous_space, previous_break) = (false, true);
        } else {
            (previous_space, previous_break) = (false, false);
        }
        preceded_by_whitespace = is_blankz(c);
        first = false;
    }
    let mangled = break_space || space_break || special;
    Analysis {
        multiline: line_breaks,
        plain_allowed: !(edge_space || trailing_space || mangled || line_breaks || indicators),
        single_quoted_allowed: !mangled,
        block_allowed: !(trailing_space || space_break || special),
    }
}

/// A first character that makes plain text mean something else.
fn is_leading_indicator(c: char, followed_by_whitespace: bool) -> bool {
    match c {
        '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%'
        | '@' | '`' => true,
        '?' | ':' | '-' => followed_by_whitespace,
        _ => false,
    }
}

/// libyaml's `IS_BREAK`.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn has_break(text: &str) -> bool {
    text.contains(is_break)
}

/// libyaml's `IS_BLANKZ`: blank, break, or the NUL that ends its strings.
fn is_blankz(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\0') || is_break(c)
}

/// libyaml's `IS_PRINTABLE` (tab and carriage return are not).
fn is_printable(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{10000}'..)
        || (('\u{E000}'..='\u{FFFD}').contains(&c) && c != '\u{FEFF}')
}

fn push_doubling_quotes(out: &mut String, text: &str) {
    let mut pieces = text.split('\'');
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        out.push_str("''");
        out.push_str(piece);
    }
}

/// libyaml's double-quoted escape of `c`.
fn push_escape(out: &mut String, c: char) {
    out.push('\\');
    let short = match c {
        '\0' => '0',
        '\u{7}' => 'a',
        '\u{8}' => 'b',
        '\t' => 't',
        '\n' => 'n',
        '\u{B}' => 'v',
        '\u{C}' => 'f',
        '\r' => 'r',
        '\u{1B}' => 'e',
        '"' => '"',
        '\\' => '\\',
        '\u{85}' => 'N',
        '\u{A0}' => '_',
        '\u{2028}' => 'L',
        '\u{2029}' => 'P',
        _ => {
            let code = u32::from(c);
            let (marker, width) = match code {
                0..=0xFF => ('x', 2),
                0x100..=0xFFFF => ('u', 4),
                _ => ('U', 8),
            };
            out.push(marker);
            out.push_str(&format!("{code:0width$X}"));
            return;
        }
    };
    out.push(short);
}

/// A JSON number as yaml_serde writes it: integers in decimal, floats in
/// ryu's shortest form (serde_json's own `Display` uses another algorithm).
fn number_text(number: &serde_json::Number) -> String {
    if let Some(unsigned) = number.as_u64() {
        unsigned.to_string()
    } else if let Some(signed) = number.as_i64() {
        signed.to_string()
    } else {
        let float = number.as_f64().unwrap_or_default();
        ryu::Buffer::new().format_finite(float).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// The writer this module replaced, kept as the oracle: yaml_serde's
    /// text with ambiguous strings swapped for unique plain marker words
    /// before serialising and the markers replaced by the single-quoted
    /// strings afterwards.
    mod oracle {
        use super::super::is_ambiguous;
        use serde_json::Value;

        pub(super) fn to_yaml(value: &Value) -> String {
            let mut tree = value.clone();
            let mut markers = Markers::for_tree(&tree);
            markers.mark(&mut tree);
            let text = yaml_serde::to_string(&tree).expect("a JSON value converts to YAML");
            let mut text = markers.unmark(&text);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text
        }

        struct Markers {
            prefix: String,
            quoted: Vec<String>,
        }

        impl Markers {
            fn for_tree(tree: &Value) -> Self {
                let mut prefix = String::from("apidocquoted");
                while contains_text(tree, &prefix) {
                    prefix.push('x');
                }
                Self {
                    prefix,
                    quoted: Vec::new(),
                }
            }

            fn mark(&mut self, value: &mut Value) {
                match value {
                    Value::String(text) if is_ambiguous(text) => *text = self.marker_for(text),
                    Value::Array(items) => items.iter_mut().for_each(|item| self.mark(item)),
                    Value::Object(map) => {
                        for (key, mut item) in std::mem::take(map) {
                            self.mark(&mut item);
                            let key = if is_ambiguous(&key) {
                                self.marker_for(&key)
                            } else {
                                key
                            };
                            map.insert(key, item);
                        }
                    }
                    _ => {}
                }
            }

            fn marker_for(&mut self, text: &str) -> String {
                let marker = format!("{0}{1}{0}", self.prefix, self.quoted.len());
                self.quoted.push(format!("'{}'", text.replace('\'', "''")));
                marker
            }

            fn unmark(&self, yaml: &str) -> String {
                let mut out = String::with_capacity(yaml.len());
                let mut rest = yaml;
                while let Some(start) = rest.find(&self.prefix) {
                    out.push_str(&rest[..start]);
                    let after = &rest[start + self.prefix.len()..];
                    let digits = after
                        .find(|c: char| !c.is_ascii_digit())
                        .unwrap_or(after.len());
                    let quoted = after[..digits]
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| self.quoted.get(n));
                    match quoted {
                        Some(quoted) if after[digits..].starts_with(&self.prefix) => {
                            out.push_str(quoted);
                            rest = &after[digits + self.prefix.len()..];
                        }
                        _ => {
                            out.push_str(&self.prefix);
                            rest = after;
                        }
                    }
                }
                out.push_str(rest);
                out
            }
        }

        fn contains_text(value: &Value, needle: &str) -> bool {
            match value {
                Value::String(text) => text.contains(needle),
                Value::Array(items) => items.iter().any(|item| contains_text(item, needle)),
                Value::Object(map) => map
                    .iter()
                    .any(|(key, item)| key.contains(needle) || contains_text(item, needle)),
                _ => false,
            }
        }
    }

    /// Pieces of text that steer libyaml's choices: indicators at the
    /// start, `: ` and ` #` inside, edge spaces, every kind of line break,
    /// characters it escapes, YAML 1.1 words and numbers, wide characters.
    #[rustfmt::skip]
    const PIECES: [&str; 64] = [
        "", " ", "  ", "a", "word", "Yes", "10:30", "0123", "1.5", "-2", "1e5", ".inf", "0x1F",
        "-", "- ", "?", "? ", ":", ": ", " #", "#", ",", "[", "]", "{", "}", "&", "*", "!", "|",
        ">", "'", "\"", "%", "@", "`", "\\", "~", "=", "<<", "---", "...", "\t", "\r", "\n",
        "\n\n", "\r\n", " \n", "\n ", "\u{0}", "\u{7}", "\u{1b}", "\u{7f}", "\u{85}", "\u{a0}",
        "\u{2028}", "\u{2029}", "\u{feff}", "\u{fffe}", "\u{e000}", "😀", "中文描述", "是：",
        "a fairly long run of ordinary words that pushes a key past the simple-key limit",
    ];

    /// Every way a string is placed: root, value, key, item, nested.
    fn placements(text: &str) -> Vec<Value> {
        vec![
            json!(text),
            json!({ "k": text }),
            json!({ text: "v" }),
            json!({ text: { text: [text, { "k": text }] } }),
            json!([text, [text], { text: text }]),
            json!({ "k": [text, [text]], text: {}, "e": [] }),
            json!([{ text: [text] }, { "k": { text: text } }]),
        ]
    }

    fn assert_same_as_oracle(value: &Value) {
        assert_eq!(to_yaml(value), oracle::to_yaml(value), "{value:?}");
    }

    #[test]
    fn every_piece_and_pair_of_pieces_is_written_as_yaml_serde_writes_it() {
        for first in PIECES {
            for second in PIECES {
                for value in placements(&format!("{first}{second}")) {
                    assert_same_as_oracle(&value);
                }
            }
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(&PIECES[..]), 0..6)
            .prop_map(|pieces| pieces.concat())
    }

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            text().prop_map(Value::String),
            any::<String>().prop_map(Value::String),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            any::<bool>().prop_map(Value::from),
            Just(Value::Null),
        ]
    }

    fn tree() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((text(), inner), 0..5)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_tree_is_written_as_yaml_serde_writes_it(value in tree()) {
            prop_assert_eq!(to_yaml(&value), oracle::to_yaml(&value));
        }
    }

    #[test]
    fn odd_text_takes_libyaml_s_layouts() {
        let long_key = "k".repeat(SIMPLE_KEY_MAX + 1);
        let value = json!({
            "lines": "a\nb",
            "kept": "a\n\n",
            "indented": "  a\nb\n",
            "trailing space": "a \nb",
            "tab": "a\tb",
            "line\nkey": {"k": "v"},
            long_key.clone(): ["x"],
            "": "- a",
        });
        let expected = format!(
            "lines: |-\n  a\n  b\n\
             kept: |+\n  a\n\n\
             indented: |2\n    a\n  b\n\
             trailing space: \"a \\nb\"\n\
             tab: \"a\\tb\"\n\
             ? |-\n  line\n  key\n: k: v\n\
             ? {long_key}\n: - x\n\
             '': '- a'\n"
        );
        assert_eq!(to_yaml(&value), expected);
        assert_same_as_oracle(&value);
    }

    #[test]
    fn yaml_1_1_words_numbers_dates_and_times_are_quoted() {
        let value = json!({
            "y": ["yes", "No", "on", "null", "0123", "10", "10:30", "2024-01-01", "1_000", "=", "<<", ".inf", "it's 1"],
            "plain": ["v1", "KMS", "中文描述", "yesterday"],
            "typed": [10, 1.5, true, null]
        });
        let text = to_yaml(&value);
        assert_eq!(
            text,
            "'y':\n\
             - 'yes'\n- 'No'\n- 'on'\n- 'null'\n- '0123'\n- '10'\n- '10:30'\n- '2024-01-01'\n\
             - '1_000'\n- '='\n- '<<'\n- '.inf'\n- it's 1\n\
             plain:\n- v1\n- KMS\n- 中文描述\n- yesterday\n\
             typed:\n- 10\n- 1.5\n- true\n- null\n"
        );
        let back: Value = yaml_serde::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
    }

    #[test]
    fn text_that_contains_the_marker_word_survives() {
        let value = json!({"a": "apidocquoted0apidocquoted", "b": "yes", "apidocquotedx": "no"});
        let text = to_yaml(&value);
        let back: Value = yaml_serde::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
        assert!(text.contains("b: 'yes'"), "{text}");
    }

    #[test]
    fn multi_line_text_is_kept_verbatim() {
        let value = json!({"d": "- yes\n- 10:30\n"});
        let back: Value = yaml_serde::from_str(&to_yaml(&value)).unwrap_or_default();
        assert_eq!(back, value);
    }
}
