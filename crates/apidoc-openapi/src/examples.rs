//! Every example left in the document validates against its schema.
//!
//! A page's example that its own tables contradict (an array where the table
//! says object, a value outside the enumeration, a required field missing, a
//! body two `oneOf` arms both accept) would be presented to validators, mock
//! servers and generated clients as a valid payload. Such an example moves
//! from `examples` to the media type's `x-contradicted-examples` (same name,
//! same content), which consumers ignore; the checker reports it in
//! FINDINGS.md.
//!
//! The validator below covers the JSON Schema subset of OpenAPI 3.0 this
//! crate writes (types and formats, `nullable`, `enum`, bounds, lengths,
//! item counts, `properties`, `required`, `additionalProperties`, `items`,
//! `allOf` / `anyOf` / `oneOf`, component `$ref`s). It is small enough to
//! keep in step with [`crate::schema`]; CI lints every spec with redocly and
//! spectral, whose validators catch any drift.

use indexmap::IndexMap;
use openapiv3::{MediaType, OpenAPI, ReferenceOr};
use serde_json::{Map, Value};

/// The extension holding the examples their schema rejects.
pub(crate) const CONTRADICTED: &str = "x-contradicted-examples";

/// Moves every example its media type's schema rejects under
/// [`CONTRADICTED`].
pub(crate) fn confine_examples(doc: &mut OpenAPI) {
    let components: Map<String, Value> = doc
        .components
        .as_ref()
        .map(|c| {
            c.schemas
                .iter()
                .filter_map(|(name, schema)| {
                    Some((name.clone(), serde_json::to_value(schema).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    let validator = Validator {
        components: &components,
    };
    for (_, item) in doc.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        for op in operations.into_iter().flatten() {
            if let Some(ReferenceOr::Item(body)) = &mut op.request_body {
                body.content.values_mut().for_each(|m| validator.confine(m));
            }
            for response in op.responses.responses.values_mut() {
                if let ReferenceOr::Item(response) = response {
                    response
                        .content
                        .values_mut()
                        .for_each(|m| validator.confine(m));
                }
            }
        }
    }
}

/// Validates values against schemas whose `$ref`s point into `components`.
struct Validator<'a> {
    components: &'a Map<String, Value>,
}

impl Validator<'_> {
    fn confine(&self, media: &mut MediaType) {
        let Some(schema) = media
            .schema
            .as_ref()
            .and_then(|s| serde_json::to_value(s).ok())
        else {
            return;
        };
        let (kept, contradicted): (IndexMap<_, _>, IndexMap<_, _>) =
            std::mem::take(&mut media.examples).into_iter().partition(
                |(_, example)| match example {
                    ReferenceOr::Item(example) => example
                        .value
                        .as_ref()
                        .is_none_or(|v| self.valid(&schema, v)),
                    ReferenceOr::Reference { .. } => true,
                },
            );
        media.examples = kept;
        if !contradicted.is_empty() {
            let moved = serde_json::to_value(contradicted).unwrap_or_default();
            media.extensions.insert(CONTRADICTED.to_owned(), moved);
        }
    }

    /// Whether `value` satisfies `schema`.
    fn valid(&self, schema: &Value, value: &Value) -> bool {
        let Some(schema) = schema.as_object() else {
            return true;
        };
        if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
            let name = target.rsplit('/').next().unwrap_or_default();
            return self
                .components
                .get(name)
                .is_none_or(|resolved| self.valid(resolved, value));
        }
        if value.is_null() && schema.get("nullable") == Some(&Value::Bool(true)) {
            return true;
        }
        self.combinators(schema, value)
            && has_type(schema, value)
            && listed(schema, value)
            && within_bounds(schema, value)
            && self.members(schema, value)
    }

    fn combinators(&self, schema: &Map<String, Value>, value: &Value) -> bool {
        let arms = |key: &str| schema.get(key).and_then(Value::as_array);
        let matching =
            |key| arms(key).map(|arms| arms.iter().filter(|arm| self.valid(arm, value)).count());
        arms("allOf").is_none_or(|arms| arms.iter().all(|arm| self.valid(arm, value)))
            && matching("anyOf").is_none_or(|n| n >= 1)
            && matching("oneOf").is_none_or(|n| n == 1)
    }

    /// Properties, required names, additional properties and items.
    fn members(&self, schema: &Map<String, Value>, value: &Value) -> bool {
        match value {
            Value::Object(object) => {
                let properties = schema.get("properties").and_then(Value::as_object);
                let required = schema.get("required").and_then(Value::as_array);
                let present = required.is_none_or(|names| {
                    names
                        .iter()
                        .filter_map(Value::as_str)
                        .all(|name| object.contains_key(name))
                });
                present
                    && object.iter().all(|(key, member)| {
                        match properties.and_then(|p| p.get(key)) {
                            Some(property) => self.valid(property, member),
                            None => match schema.get("additionalProperties") {
                                Some(Value::Bool(allowed)) => *allowed,
                                Some(extra) => self.valid(extra, member),
                                None => true,
                            },
                        }
                    })
            }
            Value::Array(items) => schema
                .get("items")
                .is_none_or(|item| items.iter().all(|member| self.valid(item, member))),
            _ => true,
        }
    }
}

/// `type` and the integer formats.
fn has_type(schema: &Map<String, Value>, value: &Value) -> bool {
    let Some(typ) = schema.get("type").and_then(Value::as_str) else {
        return true;
    };
    match typ {
        "string" => value.is_string(),
        "integer" => match schema.get("format").and_then(Value::as_str) {
            Some("int32") => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
            _ => value.is_i64() || value.is_u64(),
        },
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    }
}

fn listed(schema: &Map<String, Value>, value: &Value) -> bool {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .is_none_or(|values| values.iter().any(|listed| same(listed, value)))
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// `minimum`/`maximum`, `minLength`/`maxLength`, `minItems`/`maxItems`.
fn within_bounds(schema: &Map<String, Value>, value: &Value) -> bool {
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    let check = |n: f64, low: &str, high: &str| {
        bound(low).is_none_or(|low| n >= low) && bound(high).is_none_or(|high| n <= high)
    };
    match value {
        Value::Number(number) => number
            .as_f64()
            .is_none_or(|n| check(n, "minimum", "maximum")),
        Value::String(text) => check(text.chars().count() as f64, "minLength", "maxLength"),
        Value::Array(items) => check(items.len() as f64, "minItems", "maxItems"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn valid(schema: Value, value: Value) -> bool {
        let components = json!({
            "Lock": {"type": "object", "required": ["lock"], "properties": {"lock": {"type": "object", "nullable": true}}},
            "Unlock": {"type": "object", "required": ["unlock"], "properties": {"unlock": {"type": "object", "nullable": true}}},
            "Tags": {"type": "object", "properties": {"action": {"type": "string"}}},
        });
        let components = components.as_object().cloned().unwrap_or_default();
        Validator {
            components: &components,
        }
        .valid(&schema, &value)
    }

    #[test]
    fn types_nullability_enums_and_bounds() {
        assert!(valid(
            json!({"$ref": "#/components/schemas/Lock"}),
            json!({"lock": null})
        ));
        assert!(!valid(
            json!({"$ref": "#/components/schemas/Lock"}),
            json!([{"lock": null}])
        ));
        assert!(!valid(
            json!({"type": "string", "enum": ["0/false"]}),
            json!("false")
        ));
        assert!(valid(
            json!({"type": "integer", "minimum": 1, "maximum": 3}),
            json!(3)
        ));
        assert!(!valid(
            json!({"type": "integer", "format": "int32"}),
            json!(4_000_000_000_i64)
        ));
        assert!(!valid(
            json!({"type": "string", "maxLength": 2}),
            json!("abc")
        ));
        assert!(!valid(
            json!({"type": "object", "required": ["a"]}),
            json!({"b": 1})
        ));
        assert!(valid(json!({}), json!("anything")));
    }

    #[test]
    fn one_of_needs_exactly_one_arm() {
        let arms = |a: &str, b: &str| json!({"oneOf": [{"$ref": format!("#/components/schemas/{a}")}, {"$ref": format!("#/components/schemas/{b}")}]});
        assert!(valid(arms("Lock", "Unlock"), json!({"lock": null})));
        assert!(!valid(arms("Tags", "Tags"), json!({"action": "create"})));
        assert!(!valid(arms("Lock", "Unlock"), json!({"reboot": {}})));
    }
}
