//! The documentation of a field, parameter or header: the page's
//! description followed by the constraints the page states, and what of
//! the page could not be carried as stated.

use crate::docs::{Doc, code, escape_line};
use crate::plan::leaf;
use apidoc_ir::{Constraints, Fact, Field, Number, Text, TypeRef, Value};

/// The doc comment of a field: the description, then the constraints it
/// does not already state (pages usually repeat them in the description;
/// hand-written or stripped descriptions may not).
pub(crate) fn field_doc(field: &Field) -> Doc {
    let mut doc = Doc::from_text(
        &field.description,
        format!("The {} field.", code(&field.name)),
    );
    let unstated = constraint_items(&field.constraints, leaf(&field.ty))
        .into_iter()
        .filter(|item| {
            !item
                .values
                .iter()
                .all(|value| stated(&field.description, value))
        });
    for item in unstated {
        doc.item(item.markdown);
    }
    for degraded in &field.degraded {
        doc.item(format!(
            "Degraded: the page states the {} {}, written as {} ({}).",
            degraded.part.as_str(),
            code(&degraded.stated),
            degraded.written,
            code(&degraded.code)
        ));
    }
    doc
}

/// A constraint as a list item, with the values that show it is stated.
struct Item {
    markdown: String,
    values: Vec<String>,
}

/// One list item per stated constraint. String values are listed by the
/// field's enum type instead.
fn constraint_items(constraints: &Constraints, leaf: &TypeRef) -> Vec<Item> {
    let mut items = Vec::new();
    if let Some(default) = &constraints.default {
        let value = value_text(&default.value);
        items.push(Item {
            markdown: format!("Default: {}", code(&value)),
            values: vec![value],
        });
    }
    let number = |bound: &Option<Fact<Number>>| bound.as_ref().map(|f| f.value.to_string());
    let count = |bound: &Option<Fact<u64>>| bound.as_ref().map(|f| f.value.to_string());
    let ranges = [
        (
            "Range",
            "",
            number(&constraints.minimum),
            number(&constraints.maximum),
        ),
        (
            "Length",
            " characters",
            count(&constraints.min_length),
            count(&constraints.max_length),
        ),
        (
            "Items",
            "",
            count(&constraints.min_items),
            count(&constraints.max_items),
        ),
    ];
    for (label, unit, min, max) in ranges {
        let values: Vec<String> = min.iter().chain(&max).cloned().collect();
        if let Some(range) = bounds(min, max) {
            items.push(Item {
                markdown: format!("{label}: {range}{unit}"),
                values,
            });
        }
    }
    if constraints.nullable.is_some() {
        items.push(Item {
            markdown: "May be `null`".to_owned(),
            values: vec!["null".to_owned()],
        });
    }
    if leaf != &TypeRef::String {
        items.extend(constraints.enum_values.iter().map(|value| {
            let text = value_text(&value.value);
            let markdown = match value.description.preferred() {
                Some(meaning) => format!(
                    "{}: {}",
                    code(&text),
                    escape_line(&meaning.split_whitespace().collect::<Vec<_>>().join(" "))
                ),
                None => code(&text),
            };
            Item {
                markdown,
                values: vec![text],
            }
        }));
    }
    items
}

/// True when `value` appears in the text as a word of its own (`10` is not
/// in `100`).
fn stated(text: &Text, value: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    [&text.en, &text.zh].into_iter().flatten().any(|prose| {
        prose.match_indices(value).any(|(start, _)| {
            let before = prose[..start].chars().next_back();
            let after = prose[start + value.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
    })
}

/// `1 to 100`, `at least 1`, `at most 100`.
fn bounds(min: Option<String>, max: Option<String>) -> Option<String> {
    match (min, max) {
        (Some(min), Some(max)) => Some(format!("{min} to {max}")),
        (Some(min), None) => Some(format!("at least {min}")),
        (None, Some(max)) => Some(format!("at most {max}")),
        (None, None) => None,
    }
}

/// A JSON value as text: strings without their quotes.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{FieldExt, en, field};

    fn items(field: &Field) -> Vec<String> {
        let doc = field_doc(field);
        doc.lines()
            .iter()
            .filter_map(|line| line.strip_prefix("- "))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn constraints_the_description_omits_are_listed() {
        let limit = field("limit", TypeRef::Integer)
            .range(1, 100)
            .default_value(10.into())
            .nullable();
        assert_eq!(
            items(&limit),
            ["Default: `10`", "Range: 1 to 100", "May be `null`"]
        );
    }

    #[test]
    fn constraints_the_description_states_are_not_repeated() {
        let limit = field("limit", TypeRef::Integer)
            .range(1, 100)
            .default_value(10.into())
            .doc(en(
                "Items per page.\n\nValue range:\n\n1~100\n\nDefault value:\n\n100",
            ));
        // `10` is not stated (only `100` is), so the default stays.
        assert_eq!(items(&limit), ["Default: `10`"]);
    }

    #[test]
    fn non_string_enum_values_are_listed() {
        let scope = field("scope", TypeRef::Integer)
            .values(&[(0.into(), "own\nresources"), (1.into(), "")]);
        assert_eq!(items(&scope), ["`0`: own resources", "`1`"]);
    }

    #[test]
    fn degraded_parts_say_what_the_page_states() {
        let mut size = field("size", TypeRef::Any);
        size.degraded.push(apidoc_ir::Degraded {
            part: apidoc_ir::Part::Type,
            stated: "Whole number".to_owned(),
            written: "a value of any type".to_owned(),
            code: "unknown-type".to_owned(),
            span: apidoc_ir::Span::new("p.md", 3),
        });
        assert_eq!(
            items(&size),
            [
                "Degraded: the page states the type `Whole number`, written as a value of any type (`unknown-type`)."
            ]
        );
    }
}
