//! YAML text that YAML 1.1 and YAML 1.2 readers read back with the same
//! types.
//!
//! yaml_serde quotes only strings that its own YAML 1.2 resolver would take
//! for another type. YAML 1.1 readers, which OpenAPI tools still use (PyYAML
//! under openapi-spec-validator, SnakeYAML), also read `yes`, `no`, `on`,
//! `off`, `y`, `n` as booleans, `10:30` as a number, `2024-01-01` as a date,
//! `1_000` as 1000, and reject a plain `=` or `<<`. yaml_serde offers no way
//! to choose a scalar's style, so such strings are swapped for unique plain
//! marker words before serialising and the markers are replaced by the
//! single-quoted strings afterwards. The markers are whole scalars, so the
//! replacement never touches anything else.

use serde::Serialize;
use serde_json::Value;

/// `value` as YAML text ending in a newline, ambiguous strings quoted.
pub(crate) fn to_yaml(value: &impl Serialize) -> String {
    // Both conversions fail only for non-string map keys or non-finite
    // floats written as keys; an OpenAPI document has neither.
    let mut tree = serde_json::to_value(value).expect("an OpenAPI document converts to JSON");
    let mut markers = Markers::for_tree(&tree);
    markers.mark(&mut tree);
    let text = yaml_serde::to_string(&tree).expect("a JSON value converts to YAML");
    let mut text = markers.unmark(&text);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// True when a reader following YAML 1.1 or 1.2 could take `text`, written
/// plain, for something other than a string. Over-quoting is harmless, so
/// anything that starts like a number and holds only number, date or time
/// characters counts.
fn is_ambiguous(text: &str) -> bool {
    const WORDS: [&str; 29] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "",
        "=", "<<",
    ];
    let starts_like_number = text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c));
    let number_like_chars = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_:.+- ".contains(c));
    WORDS.contains(&text) || (starts_like_number && number_like_chars)
}

/// The marker words standing in for ambiguous strings.
struct Markers {
    /// A word that no string of the document contains.
    prefix: String,
    /// The quoted form of each marked string, by marker number.
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

    /// Replaces every ambiguous string and map key in `value` by a marker.
    fn mark(&mut self, value: &mut Value) {
        match value {
            Value::String(text) if is_ambiguous(text) => *text = self.marker_for(text),
            Value::Array(items) => items.iter_mut().for_each(|item| self.mark(item)),
            Value::Object(map) if !map.keys().any(|key| is_ambiguous(key)) => {
                // Keys stay: mark the values in place rather than rebuild
                // the (ordered, hashed) map.
                map.values_mut().for_each(|item| self.mark(item));
            }
            Value::Object(map) => {
                let entries = std::mem::take(map);
                for (key, mut item) in entries {
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

    /// `<prefix><number><prefix>`: the closing prefix keeps marker 1 from
    /// matching the start of marker 10.
    fn marker_for(&mut self, text: &str) -> String {
        let marker = format!("{0}{1}{0}", self.prefix, self.quoted.len());
        self.quoted.push(format!("'{}'", text.replace('\'', "''")));
        marker
    }

    /// `yaml` with each marker replaced by its quoted string.
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
