//! The documentation of a field, parameter or header: the page's
//! description followed by the constraints the page states.

use crate::docs::{Doc, code, escape_line};
use crate::plan::leaf;
use apidoc_ir::{Constraints, Field, TypeRef, Value};

/// The doc comment of a field.
pub(crate) fn field_doc(field: &Field) -> Doc {
    let mut doc = Doc::from_text(
        &field.description,
        format!("The {} field.", code(&field.name)),
    );
    for item in constraint_items(&field.constraints, leaf(&field.ty)) {
        doc.item(item);
    }
    doc
}

/// One list item per stated constraint. String values are listed by the
/// field's enum type instead.
fn constraint_items(constraints: &Constraints, leaf: &TypeRef) -> Vec<String> {
    let mut items = Vec::new();
    if let Some(default) = &constraints.default {
        items.push(format!("Default: {}", value_code(&default.value)));
    }
    let number = |bound: &Option<apidoc_ir::Fact<apidoc_ir::Number>>| {
        bound.as_ref().map(|f| f.value.to_string())
    };
    if let Some(range) = bounds(number(&constraints.minimum), number(&constraints.maximum)) {
        items.push(format!("Range: {range}"));
    }
    let count = |bound: &Option<apidoc_ir::Fact<u64>>| bound.as_ref().map(|f| f.value.to_string());
    if let Some(range) = bounds(
        count(&constraints.min_length),
        count(&constraints.max_length),
    ) {
        items.push(format!("Length: {range} characters"));
    }
    if let Some(range) = bounds(count(&constraints.min_items), count(&constraints.max_items)) {
        items.push(format!("Items: {range}"));
    }
    if constraints.nullable.is_some() {
        items.push("May be `null`".to_owned());
    }
    if leaf != &TypeRef::String {
        items.extend(constraints.enum_values.iter().map(
            |value| match value.description.preferred() {
                Some(meaning) => format!(
                    "{}: {}",
                    value_code(&value.value),
                    escape_line(&meaning.split_whitespace().collect::<Vec<_>>().join(" "))
                ),
                None => value_code(&value.value),
            },
        ));
    }
    items
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

/// A JSON value as inline code: strings without their quotes.
fn value_code(value: &Value) -> String {
    match value {
        Value::String(text) => code(text),
        other => code(&other.to_string()),
    }
}
