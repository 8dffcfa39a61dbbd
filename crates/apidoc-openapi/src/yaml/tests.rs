//! The writer against yaml_serde, its oracle.

use super::*;
use proptest::prelude::*;
use serde::Serializer;
use serde::ser::{SerializeStructVariant, SerializeTupleVariant};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The writer [`to_yaml`] replaced, kept as the oracle: yaml_serde's
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

/// Every shape serde offers, to check that writing a value directly gives
/// what writing its `serde_json::to_value` gives.
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i128, char),
    EmptyTuple,
    Struct { a: Option<f32>, b: Vec<f64> },
    EmptyStruct,
    Bytes(&'static [u8]),
}

impl Serialize for Shape {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Shape::Unit => serializer.serialize_unit_variant("Shape", 0, "Unit"),
            Shape::Newtype(n) => serializer.serialize_newtype_variant("Shape", 1, "Newtype", n),
            Shape::Tuple(n, c) => {
                let mut tuple = serializer.serialize_tuple_variant("Shape", 2, "Tuple", 2)?;
                tuple.serialize_field(n)?;
                tuple.serialize_field(c)?;
                tuple.end()
            }
            Shape::EmptyTuple => serializer
                .serialize_tuple_variant("Shape", 3, "EmptyTuple", 0)?
                .end(),
            Shape::Struct { a, b } => {
                let mut fields = serializer.serialize_struct_variant("Shape", 4, "Struct", 2)?;
                fields.serialize_field("a", a)?;
                fields.serialize_field("b", b)?;
                fields.end()
            }
            Shape::EmptyStruct => serializer
                .serialize_struct_variant("Shape", 5, "EmptyStruct", 0)?
                .end(),
            Shape::Bytes(bytes) => serializer.serialize_bytes(bytes),
        }
    }
}

fn assert_written_as_its_json_value(value: &impl Serialize) {
    let tree = serde_json::to_value(value).expect("converts to JSON");
    assert_eq!(to_yaml(value), to_yaml(&tree));
    assert_eq!(to_yaml(value), oracle::to_yaml(&tree));
}

#[test]
fn every_serde_shape_is_written_as_its_json_value() {
    let shapes = vec![
        Shape::Unit,
        Shape::Newtype(7),
        Shape::Tuple(-3, 'y'),
        Shape::EmptyTuple,
        Shape::Struct {
            a: Some(f32::NAN),
            b: vec![1.5, f64::INFINITY, 1e300],
        },
        Shape::Struct { a: None, b: vec![] },
        Shape::EmptyStruct,
        Shape::Bytes(b"ab"),
        Shape::Bytes(b""),
    ];
    assert_written_as_its_json_value(&shapes);
    let keyed: BTreeMap<i64, Shape> = [(-1, Shape::Newtype(1)), (2, Shape::EmptyStruct)].into();
    assert_written_as_its_json_value(&keyed);
    let flags: BTreeMap<bool, Option<()>> = [(true, Some(())), (false, None)].into();
    assert_written_as_its_json_value(&flags);
    assert_written_as_its_json_value(&Shape::Struct {
        a: Some(0.1),
        b: vec![-0.0],
    });
}

#[test]
fn a_generated_document_is_written_as_its_json_value() {
    let document = crate::document(&crate::fixtures::metastudio_like());
    assert_written_as_its_json_value(&document);
}

#[test]
fn keys_serde_json_cannot_write_are_refused() {
    let keyed: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
    assert!(
        keyed
            .serialize(serialize::Node::root(&mut Writer::new()))
            .is_err()
    );
}
