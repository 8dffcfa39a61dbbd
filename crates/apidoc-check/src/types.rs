//! Small facts about types: renaming models wherever a page refers to them,
//! and whether a JSON value has the shape a type asks for.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{Model, Operation, Page, TypeRef, Value};

/// Renames models (definitions and every reference) on a page.
pub fn rename_models(page: &mut Page, renames: &BTreeMap<String, String>) {
    if renames.is_empty() {
        return;
    }
    let rename = |ty: &mut TypeRef| rename_in(ty, renames);
    let operation = &mut page.operation;
    operation
        .parameters
        .iter_mut()
        .for_each(|parameter| rename(&mut parameter.field.ty));
    for variant in operation
        .request_body
        .iter_mut()
        .flat_map(|body| &mut body.variants)
    {
        rename(&mut variant.schema);
    }
    for response in &mut operation.responses {
        response.body.iter_mut().for_each(rename);
        response
            .headers
            .iter_mut()
            .for_each(|header| rename(&mut header.ty));
    }
    for model in &mut page.models {
        if let Some(new) = renames.get(&model.name) {
            model.name.clone_from(new);
        }
        model
            .fields
            .iter_mut()
            .for_each(|field| rename(&mut field.ty));
    }
}

/// Renames the models `ty` names, as an array item or map value too.
pub(crate) fn rename_in(ty: &mut TypeRef, renames: &BTreeMap<String, String>) {
    match ty {
        TypeRef::Model(name) => {
            if let Some(new) = renames.get(name.as_str()) {
                name.clone_from(new);
            }
        }
        TypeRef::Array(inner) | TypeRef::Map(inner) => rename_in(inner, renames),
        _ => {}
    }
}

/// The types an operation states directly: parameters, body variants,
/// response bodies and headers.
pub(crate) fn operation_types(op: &Operation) -> Vec<&TypeRef> {
    let parameters = op.parameters.iter().map(|parameter| &parameter.field.ty);
    let variants = op
        .request_body
        .iter()
        .flat_map(|body| &body.variants)
        .map(|variant| &variant.schema);
    let bodies = op
        .responses
        .iter()
        .filter_map(|response| response.body.as_ref());
    let headers = op
        .responses
        .iter()
        .flat_map(|response| &response.headers)
        .map(|header| &header.ty);
    parameters
        .chain(variants)
        .chain(bodies)
        .chain(headers)
        .collect()
}

/// The names of the models an operation uses, directly or through fields
/// of the given models.
pub(crate) fn reachable_models(op: &Operation, models: &[Model]) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let mut pending: Vec<&TypeRef> = operation_types(op);
    while let Some(ty) = pending.pop() {
        let Some(name) = model_of(ty) else { continue };
        if reached.insert(name.to_owned()) {
            let fields = models
                .iter()
                .filter(|model| model.name == name)
                .flat_map(|model| &model.fields);
            pending.extend(fields.map(|field| &field.ty));
        }
    }
    reached
}

/// The model a type names, directly or as array item or map value.
pub(crate) fn model_of(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Model(name) => Some(name),
        TypeRef::Array(inner) | TypeRef::Map(inner) => model_of(inner),
        _ => None,
    }
}

/// The type of one value of a field: the item type of an array, else the
/// type itself (enumerations and defaults of arrays list items).
pub(crate) fn item_type(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Array(item) => item,
        other => other,
    }
}

/// True when `value` has the JSON kind `ty` asks for (one level deep).
/// `null` is judged by the caller, who knows whether the field allows it.
pub fn value_fits(ty: &TypeRef, value: &Value) -> bool {
    match ty {
        TypeRef::String => value.is_string(),
        TypeRef::Integer | TypeRef::Long => value.is_i64() || value.is_u64(),
        TypeRef::Number => value.is_number(),
        TypeRef::Boolean => value.is_boolean(),
        TypeRef::Object | TypeRef::Map(_) | TypeRef::Model(_) => value.is_object(),
        TypeRef::Array(_) => value.is_array(),
        TypeRef::Any => true,
    }
}

/// The JSON kind of a value in words, for messages.
pub(crate) fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_f64() => "number with a fraction",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A word with its indefinite article ("an integer", "a string").
pub(crate) fn with_article(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method};
    use serde_json::json;

    use super::*;
    use crate::testkit::*;

    #[test]
    fn renames_definitions_and_nested_references() {
        let name = |n: &str| TypeRef::Model(n.to_owned());
        let mut op = operation("Op", Method::Put, "/x", span("p", 3));
        op.request_body = Some(body("Op", "OldBody", span("p", 5)));
        let fields = vec![field(
            "items",
            TypeRef::Array(Box::new(name("OldBody"))),
            span("p", 7),
        )];
        let mut page = page(
            Lang::En,
            "Op",
            op,
            vec![model("OldBody", fields, span("p", 6))],
        );
        let renames = BTreeMap::from([("OldBody".to_owned(), "NewBody".to_owned())]);
        rename_models(&mut page, &renames);
        assert_eq!(page.models[0].name, "NewBody");
        assert_eq!(model_of(&page.models[0].fields[0].ty), Some("NewBody"));
        let variant = &page
            .operation
            .request_body
            .as_ref()
            .map(|b| b.variants[0].schema.clone());
        assert_eq!(variant, &Some(name("NewBody")));
    }

    #[test]
    fn reachable_models_follow_fields_but_not_orphans() {
        let mut op = operation("Op", Method::Put, "/x", span("p", 3));
        op.request_body = Some(body("Op", "Body", span("p", 5)));
        let models = [
            model(
                "Body",
                vec![field(
                    "item",
                    TypeRef::Model("Item".to_owned()),
                    span("p", 7),
                )],
                span("p", 6),
            ),
            model("Item", vec![], span("p", 8)),
            model("Orphan", vec![], span("p", 9)),
        ];
        let reached: Vec<String> = reachable_models(&op, &models).into_iter().collect();
        assert_eq!(reached, ["Body", "Item"]);
    }

    #[test]
    fn values_fit_by_json_kind() {
        assert!(value_fits(&TypeRef::Integer, &json!(3)));
        assert!(!value_fits(&TypeRef::Integer, &json!(3.5)));
        assert!(!value_fits(&TypeRef::Integer, &json!("3")));
        assert!(value_fits(&TypeRef::Number, &json!(3.5)));
        assert!(value_fits(&TypeRef::Model("M".to_owned()), &json!({})));
        assert!(!value_fits(
            &TypeRef::Array(Box::new(TypeRef::String)),
            &json!("a")
        ));
        assert_eq!(kind_name(&json!(3.5)), "number with a fraction");
    }
}
