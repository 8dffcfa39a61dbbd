//! Fixes written as `fixes.yaml` text: the entries `cargo xtask fixes
//! suggest` prints and adds to a file, and the one-line form a finding's
//! help shows. [`crate::parse_fixes`] reads both back to the same fixes.

use apidoc_ir::{Lang, ParamLocation, Value};

use crate::format::{Fix, NewField, Place, Props, SeverityName, parse_fixes};
use crate::suggest::same_change;

/// One fix as a flow mapping on one line: `{target: {...}, update: {...},
/// reason: ..., suggested: true}`.
pub fn flow(fix: &Fix) -> String {
    let parts: Vec<String> = entry(fix)
        .into_iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// Fixes as the items of a `fixes:` list, each line indented by `indent`.
pub fn block(fixes: &[Fix], indent: &str) -> String {
    let mut out = String::new();
    for fix in fixes {
        for (i, (key, value)) in entry(fix).into_iter().enumerate() {
            let lead = if i == 0 { "- " } else { "  " };
            out.push_str(&format!("{indent}{lead}{key}: {value}\n"));
        }
    }
    out
}

/// What adding fixes to a file gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// The file's new text.
    pub text: String,
    /// How many fixes were added (the others were there already).
    pub added: usize,
}

/// `fixes.yaml` (`existing`, if there is one; `file` names it in errors)
/// with the fixes it does not hold yet (the same change, whatever the
/// reason) added at the end of its `fixes:` list, in the order given. The
/// rest of the text is kept as it is.
pub fn add_to_file(existing: Option<&str>, file: &str, fixes: &[Fix]) -> Result<Added, String> {
    let text = existing.unwrap_or_default();
    let (held, errors) = parse_fixes(file, text);
    if let Some(error) = errors.first() {
        return Err(format!(
            "{file}: {} (correct the file before adding to it)",
            error.message
        ));
    }
    let mut new: Vec<&Fix> = Vec::new();
    for fix in fixes {
        let known = held.fixes.iter().chain(new.iter().copied());
        if !known.clone().any(|h| same_change(h, fix)) {
            new.push(fix);
        }
    }
    if new.is_empty() {
        return Ok(Added {
            text: text.to_owned(),
            added: 0,
        });
    }
    let new: Vec<Fix> = new.into_iter().cloned().collect();
    let mut out = text.to_owned();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    let list = list_layout(text).ok_or_else(|| {
        format!(
            "{file}: expected `fixes:` followed by a block list (`- target: ...` items) to add to"
        )
    })?;
    if !list.present {
        out.push_str("fixes:\n");
    }
    out.push_str(&block(&new, &list.indent));
    Ok(Added {
        text: out,
        added: new.len(),
    })
}

/// Where a file's `fixes:` list is and how its items are indented.
struct Layout {
    /// The file has a `fixes:` key.
    present: bool,
    /// The indentation of its items.
    indent: String,
}

/// `None` when the list cannot be appended to (written in flow style, or
/// followed by other keys).
fn list_layout(text: &str) -> Option<Layout> {
    let content: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .collect();
    let Some(start) = content.iter().position(|line| line.starts_with("fixes:")) else {
        return content.is_empty().then(|| Layout {
            present: false,
            indent: "  ".to_owned(),
        });
    };
    if !content[start]["fixes:".len()..].trim().is_empty() {
        return None;
    }
    let rest = &content[start + 1..];
    if rest.iter().any(|line| !line.starts_with([' ', '-'])) {
        return None;
    }
    let indent = rest
        .iter()
        .find(|line| line.trim_start().starts_with('-'))
        .map_or("  ", |line| &line[..line.len() - line.trim_start().len()]);
    Some(Layout {
        present: true,
        indent: indent.to_owned(),
    })
}

/// The top-level keys of a fix with their values as YAML text.
fn entry(fix: &Fix) -> Vec<(&'static str, String)> {
    let mut out = vec![("target", mapping(&target(fix)))];
    let props = |p: &Props| mapping(&props(p));
    if fix.expect != Props::default() {
        out.push(("expect", props(&fix.expect)));
    }
    if fix.update != Props::default() {
        out.push(("update", props(&fix.update)));
    }
    if fix.remove {
        out.push(("remove", "true".to_owned()));
    }
    if let Some(new) = &fix.add {
        out.push(("add", mapping(&new_field(new))));
    }
    out.push(("reason", scalar(&fix.reason)));
    if fix.suggested {
        out.push(("suggested", "true".to_owned()));
    }
    out
}

fn mapping(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{{}}}", parts.join(", "))
}

fn target(fix: &Fix) -> Vec<(&'static str, String)> {
    let target = &fix.target;
    let mut out = Vec::new();
    if let Some(operation) = &target.operation {
        out.push(("operation", scalar(operation)));
    }
    if let Some(lang) = target.lang {
        let name = match lang {
            Lang::En => "en",
            Lang::Zh => "zh",
        };
        out.push(("lang", name.to_owned()));
    }
    let dotted = |path: &[String]| scalar(&path.join("."));
    match &target.place {
        Place::Operation => {}
        Place::Parameter { name, location } => {
            out.push(("parameter", scalar(name)));
            if let Some(location) = location {
                out.push(("in", location_name(*location).to_owned()));
            }
        }
        Place::Request { path } => out.push(("request", dotted(path))),
        Place::Response { status, path } => {
            out.push(("response", status.to_string()));
            if !path.is_empty() {
                out.push(("field", dotted(path)));
            }
        }
        Place::Model { name, path } => {
            out.push(("model", scalar(name)));
            if !path.is_empty() {
                out.push(("field", dotted(path)));
            }
        }
        Place::Finding { code } => out.push(("finding", scalar(code))),
    }
    out
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}

fn props(props: &Props) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let text = |value: &Option<String>| value.as_deref().map(scalar);
    let flag = |value: Option<bool>| value.map(|v| v.to_string());
    let values = [
        ("name", text(&props.name)),
        ("type", text(&props.type_text)),
        ("required", flag(props.required)),
        ("nullable", flag(props.nullable)),
        (
            "enum",
            props.enum_values.as_ref().map(|values| {
                let items: Vec<String> = values.iter().map(json_scalar).collect();
                format!("[{}]", items.join(", "))
            }),
        ),
        ("description", text(&props.description)),
        ("repeat", flag(props.repeat)),
        ("unwrap", text(&props.unwrap)),
        ("wrap", text(&props.wrap)),
        (
            "severity",
            props.severity.map(|s| {
                match s {
                    SeverityName::Error => "error",
                    SeverityName::Warning => "warning",
                }
                .to_owned()
            }),
        ),
    ];
    for (key, value) in values {
        if let Some(value) = value {
            out.push((key, value));
        }
    }
    out
}

fn new_field(new: &NewField) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(location) = new.location {
        out.push(("in", location_name(location).to_owned()));
    }
    out.push(("name", scalar(&new.name)));
    out.push(("type", scalar(&new.type_text)));
    if new.required {
        out.push(("required", "true".to_owned()));
    }
    if let Some(description) = &new.description {
        out.push(("description", scalar(description)));
    }
    out
}

/// A JSON value inside a flow sequence: strings as YAML scalars, other
/// values as JSON writes them (which YAML reads as the same value).
fn json_scalar(value: &Value) -> String {
    match value {
        Value::String(text) => scalar(text),
        other => other.to_string(),
    }
}

/// A string as a YAML scalar that reads back as that string in flow
/// context: plain where that is unambiguous (words, dots, slashes, spaces
/// inside, CJK text), else double-quoted as JSON writes strings (JSON's
/// escapes are YAML's).
fn scalar(text: &str) -> String {
    let plain_char =
        |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ' ' | '(' | ')');
    let first_ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_');
    let keyword = matches!(
        text.to_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
    );
    let plain = first_ok
        && !keyword
        && text.chars().all(plain_char)
        && !text.ends_with(' ')
        && !text.contains("  ");
    if plain {
        text.to_owned()
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text_in_a_flow_mapping() {
        let texts = [
            "plain words",
            "true",
            "No",
            "200",
            "1.5",
            "a: b",
            "x, y",
            "{braces}",
            "[数组元素]",
            "中文说明",
            "-dash",
            "# not a comment",
            "Map<String,Foo object>",
            "",
            " lead",
            "trail ",
            "OS-EXT-STS:task_state",
            "it's \"quoted\" \\ here",
            "tab\there",
            "line\nbreak",
        ];
        for text in texts {
            let yaml = format!("{{k: {}}}", scalar(text));
            let read: BTreeMap<String, String> =
                yaml_serde::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
            assert_eq!(read["k"], text, "{yaml}");
        }
        assert_eq!(scalar("security_group"), "security_group");
        assert_eq!(scalar("Array of Tag objects"), "Array of Tag objects");
    }
}
