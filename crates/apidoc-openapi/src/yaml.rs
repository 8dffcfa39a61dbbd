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
//! Writing the text here rather than through `serde_json::to_value` and
//! `yaml_serde` costs a sixth of the instructions: no intermediate JSON
//! tree ([`serialize`] drives the writer straight from the document's
//! `Serialize`), no libyaml event queue, no byte-at-a-time output buffer,
//! no marker words to swap back. The writer keeps libyaml's emitter state
//! (`indent`, `whitespace`, `indention`, the start of the current line)
//! and makes its decisions in the same order, so layouts libyaml produces
//! for odd text (`? ` keys, `|2-` blocks, `\u2028` inside quotes) come out
//! the same.
//! The tests compare it with `yaml_serde` on generated tricky text.

mod serialize;
#[cfg(test)]
mod tests;

use serde::Serialize;

/// The indentation step libyaml uses by default (`best_indent`).
const STEP: usize = 2;

/// The longest key libyaml writes as `key: value`; longer keys take the
/// explicit `? key` form.
const SIMPLE_KEY_MAX: usize = 128;

/// `value` as YAML text ending in a newline, ambiguous strings quoted.
pub(crate) fn to_yaml(value: &impl Serialize) -> String {
    let mut writer = Writer::new();
    // Fails only for a map key that is not text, an integer or a bool, or
    // a value integer beyond 64 bits; an OpenAPI document has neither.
    value
        .serialize(serialize::Node::root(&mut writer))
        .expect("an OpenAPI document has text keys and 64-bit numbers");
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
    match text.as_bytes().first() {
        // None of the words starts like a number.
        Some(b'0'..=b'9' | b'+' | b'-' | b'.') => text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_:.+- ".contains(&b)),
        // The length test spares most strings the comparisons.
        _ => text.len() <= 5 && WORDS.contains(&text),
    }
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
    /// Holds a `\n` (yaml_serde asks for a literal block).
    newline: bool,
    /// Holds any line break.
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

    /// `[]` or `{}`: libyaml writes empty collections in flow style.
    fn empty_collection(&mut self, open: &str, close: &str) {
        self.indicator(open, true, true, false);
        self.indicator(close, false, false, false);
    }

    /// Starts a non-empty block sequence; returns the indentation to
    /// restore at its end.
    fn open_sequence(&mut self, place: Place) -> Option<usize> {
        let outer = self.indent;
        // A sequence that is a mapping's value starts at the key's column.
        let indentless = place == Place::InMapping && !self.indention;
        self.increase_indent(false, indentless);
        outer
    }

    /// `- ` before an item.
    fn item(&mut self) {
        self.write_indent();
        self.indicator("-", true, false, true);
    }

    /// Starts a non-empty block mapping; returns the indentation to restore
    /// at its end.
    fn open_mapping(&mut self) -> Option<usize> {
        let outer = self.indent;
        self.increase_indent(false, false);
        outer
    }

    fn close(&mut self, outer: Option<usize>) {
        self.indent = outer;
    }

    /// `key:`, or `? key` and `:` on the next line for a key libyaml will
    /// not write on one line (multi-line or long).
    fn key(&mut self, key: &str) {
        self.write_indent();
        // An ambiguous key was a short marker word for libyaml, so simple.
        if is_ambiguous(key) {
            self.write_scalar(key, Style::Quoted11);
            self.indicator(":", false, false, false);
            return;
        }
        let analysis = analyze(key);
        if key.len() <= SIMPLE_KEY_MAX && !analysis.multiline {
            self.analyzed(key, &analysis, Place::SimpleKey);
            self.indicator(":", false, false, false);
        } else {
            self.indicator("?", true, false, true);
            self.analyzed(key, &analysis, Place::InMapping);
            self.write_indent();
            self.indicator(":", true, false, true);
        }
    }

    /// A string value, styled as yaml_serde's `serialize_str` asks: the
    /// project's quoting, else a literal block for multi-line text, else
    /// any style, which libyaml starts from plain (see [`is_ambiguous`] for
    /// why yaml_serde's own quoting never applies here).
    fn string(&mut self, text: &str, place: Place) {
        if is_ambiguous(text) {
            self.write_scalar(text, Style::Quoted11);
        } else {
            self.analyzed(text, &analyze(text), place);
        }
    }

    /// A number, bool or null: plain unless libyaml finds it cannot be.
    fn plain_scalar(&mut self, text: &str, place: Place) {
        self.analyzed(text, &analyze(text), place);
    }

    fn analyzed(&mut self, text: &str, analysis: &Analysis, place: Place) {
        let requested = if analysis.newline {
            Style::Literal
        } else {
            Style::Plain
        };
        let style = select_style(
            requested,
            analysis,
            text.is_empty(),
            place == Place::SimpleKey,
        );
        self.write_scalar(text, style);
    }

    /// libyaml's `yaml_emitter_emit_scalar` once the style is settled: the
    /// text one indentation step in from the enclosing node.
    fn write_scalar(&mut self, text: &str, style: Style) {
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
        for _ in self.out.len() - self.line_start..indent {
            self.out.push(' ');
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
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest.find(is_break).unwrap_or(rest.len());
            let (line, after) = rest.split_at(end);
            if !line.is_empty() {
                if breaks {
                    self.write_indent();
                }
                self.out.push_str(line);
                self.indention = false;
                breaks = false;
            }
            let mut after = after.chars();
            if let Some(c) = after.next() {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            }
            rest = after.as_str();
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
///
/// Most text is runs of ASCII letters, digits and punctuation that change
/// nothing but what the next character follows, so those bytes are passed
/// over without decoding; every other character goes through [`Scan`].
fn analyze(text: &str) -> Analysis {
    let Some(first) = text.chars().next() else {
        return Analysis {
            newline: false,
            multiline: false,
            plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    };
    let leading = is_leading_indicator(first, followed_by_blankz(text, first.len_utf8()));
    let mut scan = Scan {
        indicators: leading || text.starts_with("---") || text.starts_with("..."),
        previous_blankz: true,
        ..Scan::default()
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if is_ordinary(bytes[at]) {
            scan.ordinary();
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        let next = at + c.len_utf8();
        let colon_before_blank = c == ':' && followed_by_blankz(text, next);
        scan.char(c, at == 0, next == bytes.len(), colon_before_blank);
        at = next;
    }
    scan.analysis()
}

/// ASCII that is printable, not a space and not `:` or `#` (which are
/// indicators next to whitespace).
fn is_ordinary(byte: u8) -> bool {
    matches!(byte, 0x21..=0x7E) && byte != b':' && byte != b'#'
}

/// Whether the character at byte `at` is whitespace, a break, or the end.
fn followed_by_blankz(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(is_blankz)
}

/// What [`analyze`] has seen so far.
#[derive(Default)]
struct Scan {
    indicators: bool,
    /// A space or break first, or a break last.
    edge_space: bool,
    trailing_space: bool,
    line_breaks: bool,
    newline: bool,
    /// A character that is not printable.
    special: bool,
    break_space: bool,
    space_break: bool,
    previous_space: bool,
    previous_break: bool,
    previous_blankz: bool,
}

impl Scan {
    fn ordinary(&mut self) {
        self.previous_space = false;
        self.previous_break = false;
        self.previous_blankz = false;
    }

    fn char(&mut self, c: char, first: bool, last: bool, colon_before_blank: bool) {
        self.indicators |= colon_before_blank || (c == '#' && self.previous_blankz);
        self.special |= !is_printable(c);
        if c == ' ' {
            self.edge_space |= first;
            self.trailing_space |= last;
            self.break_space |= self.previous_break;
            (self.previous_space, self.previous_break) = (true, false);
        } else if is_break(c) {
            self.line_breaks = true;
            self.newline |= c == '\n';
            self.edge_space |= first || last;
            self.space_break |= self.previous_space;
            (self.previous_space, self.previous_break) = (false, true);
        } else {
            (self.previous_space, self.previous_break) = (false, false);
        }
        self.previous_blankz = is_blankz(c);
    }

    fn analysis(&self) -> Analysis {
        let mangled = self.break_space || self.space_break || self.special;
        Analysis {
            newline: self.newline,
            multiline: self.line_breaks,
            plain_allowed: !(self.edge_space
                || self.trailing_space
                || mangled
                || self.line_breaks
                || self.indicators),
            single_quoted_allowed: !mangled,
            block_allowed: !(self.trailing_space || self.space_break || self.special),
        }
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
