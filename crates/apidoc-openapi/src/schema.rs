//! The one mapping from an IR type and its constraints to an OpenAPI schema.

use apidoc_ir::{Constraints, EnumValue, Fact, Field, Model, Number, TypeRef, Value};
use openapiv3::{
    AdditionalProperties, AnySchema, ArrayType, BooleanType, IntegerType, NumberType, ObjectType,
    ReferenceOr, Schema, SchemaData, SchemaKind, StringType, Type,
};

use crate::names::ComponentNames;
use crate::prose::{Extensions, describe, place};

/// Builds schemas; model types become `$ref`s through the component names.
pub(crate) struct SchemaMapper<'a> {
    names: &'a ComponentNames,
}

impl<'a> SchemaMapper<'a> {
    /// A mapper whose `$ref`s use `names`.
    pub(crate) fn new(names: &'a ComponentNames) -> Self {
        Self { names }
    }

    /// The schema of a value of type `ty` under `constraints`: the only place
    /// that decides types, formats, bounds, enumerations and nullability.
    pub(crate) fn schema(&self, ty: &TypeRef, constraints: &Constraints) -> ReferenceOr<Schema> {
        let core = match ty {
            TypeRef::String => scalar(Scalar::String, constraints),
            TypeRef::Integer => scalar(Scalar::Integer, constraints),
            TypeRef::Long => scalar(Scalar::Long, constraints),
            TypeRef::Number => scalar(Scalar::Number, constraints),
            TypeRef::Boolean => scalar(Scalar::Boolean, constraints),
            TypeRef::Object => ReferenceOr::Item(free_form_object()),
            TypeRef::Map(value) => ReferenceOr::Item(object_kind(ObjectType {
                additional_properties: Some(AdditionalProperties::Schema(Box::new(
                    self.schema(value, &element_constraints(constraints)),
                ))),
                ..ObjectType::default()
            })),
            TypeRef::Array(item) => ReferenceOr::Item(type_kind(Type::Array(ArrayType {
                items: Some(boxed(self.schema(item, &element_constraints(constraints)))),
                min_items: lower_length(&constraints.min_items),
                max_items: length(&constraints.max_items),
                unique_items: false,
            }))),
            TypeRef::Model(name) => match self.names.reference(name) {
                Some(reference) => ReferenceOr::Reference { reference },
                None => ReferenceOr::Item(missing_model(name)),
            },
            TypeRef::Any => ReferenceOr::Item(Schema {
                schema_data: SchemaData::default(),
                schema_kind: SchemaKind::Any(AnySchema::default()),
            }),
        };
        let outer = SchemaData {
            nullable: constraints.nullable.is_some(),
            ..SchemaData::default()
        };
        let schema = annotate(core, outer);
        match &constraints.default {
            Some(default) => with_default(schema, &default.value),
            None => schema,
        }
    }

    /// The schema of a field (a model property): its type's schema with the
    /// field's description.
    pub(crate) fn field(&self, field: &Field) -> ReferenceOr<Schema> {
        let mut data = SchemaData::default();
        data.description = describe(&field.description, "x-description-zh", &mut data.extensions);
        annotate(self.typed(field), data)
    }

    /// The schema of a field's value (a property, parameter or header):
    /// its type and constraints, and what the page states of the parts
    /// written otherwise (`x-degraded`: part → the page's words).
    pub(crate) fn typed(&self, field: &Field) -> ReferenceOr<Schema> {
        let schema = self.schema(&field.ty, &field.constraints);
        if field.degraded.is_empty() {
            return schema;
        }
        let stated = field
            .degraded
            .iter()
            .map(|d| (d.part.as_str().to_owned(), Value::String(d.stated.clone())))
            .collect();
        let mut data = SchemaData::default();
        data.extensions
            .insert("x-degraded".to_owned(), Value::Object(stated));
        annotate(schema, data)
    }

    /// The component schema of a model stored under `key`: an object with its
    /// fields as properties in page order. The first of two same-named fields
    /// wins, as a JSON object cannot hold both.
    pub(crate) fn model(&self, model: &Model, key: &str) -> Schema {
        let mut object = ObjectType::default();
        for field in &model.fields {
            if object.properties.contains_key(&field.name) {
                continue;
            }
            object
                .properties
                .insert(field.name.clone(), boxed(self.field(field)));
            if field.required == Some(true) {
                object.required.push(field.name.clone());
            }
        }
        let mut data = SchemaData {
            // Keep the page's name where the key had to differ from it.
            title: (key != model.name).then(|| model.name.clone()),
            ..SchemaData::default()
        };
        data.description = describe(&model.description, "x-description-zh", &mut data.extensions);
        Schema {
            schema_data: data,
            schema_kind: SchemaKind::Type(Type::Object(object)),
        }
    }
}

/// The JSON scalar types, with their OpenAPI type and format names.
#[derive(Clone, Copy)]
enum Scalar {
    String,
    Integer,
    Long,
    Number,
    Boolean,
}

impl Scalar {
    fn type_name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer | Self::Long => "integer",
            Self::Number => "number",
            Self::Boolean => "boolean",
        }
    }

    fn format(self) -> Option<String> {
        let format = match self {
            Self::Integer => "int32",
            Self::Long => "int64",
            Self::Number => "double",
            Self::String | Self::Boolean => return None,
        };
        Some(format.to_owned())
    }
}

/// A scalar schema. Where a constraint does not fit the type (a text value
/// in an integer enumeration, a numeric range on a string), the facts are
/// kept verbatim in an untyped schema rather than dropped.
fn scalar(scalar: Scalar, constraints: &Constraints) -> ReferenceOr<Schema> {
    let nullable =
        constraints.nullable.is_some() || constraints.enum_values.iter().any(|v| v.value.is_null());
    let schema_kind = typed_scalar(scalar, constraints, nullable)
        .map(SchemaKind::Type)
        .unwrap_or_else(|| untyped_scalar(scalar, constraints, nullable));
    let mut schema_data = SchemaData {
        nullable,
        ..SchemaData::default()
    };
    enum_descriptions(&constraints.enum_values, &mut schema_data.extensions);
    ReferenceOr::Item(Schema {
        schema_data,
        schema_kind,
    })
}

fn typed_scalar(scalar: Scalar, c: &Constraints, nullable: bool) -> Option<Type> {
    let has_bounds = c.minimum.is_some() || c.maximum.is_some();
    let has_lengths = c.min_length.is_some() || c.max_length.is_some();
    Some(match scalar {
        Scalar::String if !has_bounds => Type::String(StringType {
            enumeration: enumeration(c, nullable, |v| v.as_str().map(str::to_owned))?,
            min_length: lower_length(&c.min_length),
            max_length: length(&c.max_length),
            ..StringType::default()
        }),
        Scalar::Integer | Scalar::Long if !has_lengths => Type::Integer(IntegerType {
            format: scalar.format().into(),
            minimum: bound(&c.minimum, Number::as_i64)?,
            maximum: bound(&c.maximum, Number::as_i64)?,
            enumeration: enumeration(c, nullable, Value::as_i64)?,
            ..IntegerType::default()
        }),
        Scalar::Number if !has_lengths => Type::Number(NumberType {
            format: scalar.format().into(),
            minimum: bound(&c.minimum, Number::as_f64)?,
            maximum: bound(&c.maximum, Number::as_f64)?,
            enumeration: enumeration(c, nullable, Value::as_f64)?,
            ..NumberType::default()
        }),
        Scalar::Boolean if !has_bounds && !has_lengths => Type::Boolean(BooleanType {
            enumeration: enumeration(c, nullable, Value::as_bool)?,
        }),
        _ => return None,
    })
}

fn untyped_scalar(scalar: Scalar, c: &Constraints, nullable: bool) -> SchemaKind {
    let mut enumeration: Vec<Value> = c.enum_values.iter().map(|v| v.value.clone()).collect();
    if nullable && !enumeration.is_empty() && !enumeration.contains(&Value::Null) {
        enumeration.push(Value::Null);
    }
    SchemaKind::Any(AnySchema {
        typ: Some(scalar.type_name().to_owned()),
        format: scalar.format(),
        enumeration,
        minimum: c.minimum.as_ref().and_then(|f| f.value.as_f64()),
        maximum: c.maximum.as_ref().and_then(|f| f.value.as_f64()),
        min_length: lower_length(&c.min_length),
        max_length: length(&c.max_length),
        ..AnySchema::default()
    })
}

/// The enumeration converted to the scalar type, `null` included when the
/// value may be null (OpenAPI 3.0.3 needs `null` in `enum` to admit it);
/// `None` when a value does not convert.
fn enumeration<T>(
    c: &Constraints,
    nullable: bool,
    convert: impl Fn(&Value) -> Option<T>,
) -> Option<Vec<Option<T>>> {
    let mut values = c
        .enum_values
        .iter()
        .map(|v| match &v.value {
            Value::Null => Some(None),
            value => convert(value).map(Some),
        })
        .collect::<Option<Vec<Option<T>>>>()?;
    if nullable && !values.is_empty() && !values.iter().any(Option::is_none) {
        values.push(None);
    }
    Some(values)
}

/// A bound converted to the scalar type: `Some(None)` when absent, `None`
/// when it does not convert.
fn bound<T>(fact: &Option<Fact<Number>>, convert: fn(&Number) -> Option<T>) -> Option<Option<T>> {
    match fact {
        None => Some(None),
        Some(fact) => convert(&fact.value).map(Some),
    }
}

fn length(fact: &Option<Fact<u64>>) -> Option<usize> {
    fact.as_ref().and_then(|f| usize::try_from(f.value).ok())
}

/// A lower bound on a length or item count; 0 is the default and says
/// nothing, and generators that turn it into a check compare an unsigned
/// number with 0 (typify writes `len < 0usize`, which clippy rejects).
fn lower_length(fact: &Option<Fact<u64>>) -> Option<usize> {
    length(fact).filter(|&bound| bound > 0)
}

/// `x-enum-descriptions` and `x-enum-descriptions-zh`: value (as text) to
/// meaning, for the values whose meaning the page states.
fn enum_descriptions(values: &[EnumValue], extensions: &mut Extensions) {
    let mut main = serde_json::Map::new();
    let mut zh = serde_json::Map::new();
    for value in values {
        let placed = place(&value.description);
        let key = enum_key(&value.value);
        if let Some(text) = placed.zh {
            zh.insert(key.clone(), Value::String(text));
        }
        if let Some(text) = placed.main {
            main.insert(key, Value::String(text));
        }
    }
    for (name, map) in [
        ("x-enum-descriptions", main),
        ("x-enum-descriptions-zh", zh),
    ] {
        if !map.is_empty() {
            extensions.insert(name.to_owned(), Value::Object(map));
        }
    }
}

fn enum_key(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The constraints that describe each element of an array or map: the
/// enumeration, bounds and lengths; the default, nullability and item counts
/// belong to the container.
fn element_constraints(c: &Constraints) -> Constraints {
    Constraints {
        enum_values: c.enum_values.clone(),
        minimum: c.minimum.clone(),
        maximum: c.maximum.clone(),
        min_length: c.min_length.clone(),
        max_length: c.max_length.clone(),
        ..Constraints::default()
    }
}

/// Adds the page's default. A default the schema itself rejects (a misread
/// sentence, a value outside the stated range) would make the whole
/// document invalid, so it is kept as `x-documented-default` instead.
fn with_default(schema: ReferenceOr<Schema>, default: &Value) -> ReferenceOr<Schema> {
    let mut data = SchemaData::default();
    if admits(&schema, default) {
        data.default = Some(default.clone());
    } else {
        data.extensions
            .insert("x-documented-default".to_owned(), default.clone());
    }
    annotate(schema, data)
}

/// Whether `value` satisfies the type, enumeration, bounds and lengths this
/// module writes into `schema`. A `$ref` or `allOf` names a model, which is
/// an object.
fn admits(schema: &ReferenceOr<Schema>, value: &Value) -> bool {
    let ReferenceOr::Item(schema) = schema else {
        return value.is_object();
    };
    if value.is_null() {
        return schema.schema_data.nullable;
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => value.as_str().is_some_and(|text| {
            let chars = text.chars().count();
            listed(&s.enumeration, &text.to_owned()) && within(chars, s.min_length, s.max_length)
        }),
        SchemaKind::Type(Type::Integer(s)) => value
            .as_i64()
            .is_some_and(|n| listed(&s.enumeration, &n) && within(n, s.minimum, s.maximum)),
        SchemaKind::Type(Type::Number(s)) => value
            .as_f64()
            .is_some_and(|n| listed(&s.enumeration, &n) && within(n, s.minimum, s.maximum)),
        SchemaKind::Type(Type::Boolean(s)) => {
            value.as_bool().is_some_and(|b| listed(&s.enumeration, &b))
        }
        SchemaKind::Type(Type::Array(_)) => value.is_array(),
        SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. } => value.is_object(),
        SchemaKind::Any(any) => any.typ.as_deref().is_none_or(|typ| has_type(value, typ)),
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } | SchemaKind::Not { .. } => true,
    }
}

fn listed<T: PartialEq>(enumeration: &[Option<T>], value: &T) -> bool {
    enumeration.is_empty()
        || enumeration
            .iter()
            .any(|listed| listed.as_ref() == Some(value))
}

fn within<T: PartialOrd>(n: T, minimum: Option<T>, maximum: Option<T>) -> bool {
    minimum.is_none_or(|min| n >= min) && maximum.is_none_or(|max| n <= max)
}

/// JSON Schema's type names applied to a non-null value.
fn has_type(value: &Value, typ: &str) -> bool {
    match typ {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    }
}

/// Puts description, default, nullability and extensions beside a schema.
/// A bare `$ref` cannot carry them in OpenAPI 3.0, so it is wrapped in a
/// one-element `allOf` when there is anything to add.
fn annotate(core: ReferenceOr<Schema>, data: SchemaData) -> ReferenceOr<Schema> {
    match core {
        ReferenceOr::Item(mut schema) => {
            let inner = &mut schema.schema_data;
            inner.nullable |= data.nullable;
            inner.description = data.description.or(inner.description.take());
            inner.default = data.default.or(inner.default.take());
            inner.extensions.extend(data.extensions);
            ReferenceOr::Item(schema)
        }
        reference if data == SchemaData::default() => reference,
        reference => ReferenceOr::Item(Schema {
            schema_data: data,
            schema_kind: SchemaKind::AllOf {
                all_of: vec![reference],
            },
        }),
    }
}

fn type_kind(ty: Type) -> Schema {
    Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::Type(ty),
    }
}

fn object_kind(object: ObjectType) -> Schema {
    type_kind(Type::Object(object))
}

/// Any JSON object.
fn free_form_object() -> Schema {
    object_kind(ObjectType {
        additional_properties: Some(AdditionalProperties::Any(true)),
        ..ObjectType::default()
    })
}

/// Stands in for a model that no page defines, so the document stays valid;
/// `x-missing-model` names it.
fn missing_model(name: &str) -> Schema {
    let mut schema = free_form_object();
    schema
        .schema_data
        .extensions
        .insert("x-missing-model".to_owned(), Value::String(name.to_owned()));
    schema
}

/// openapiv3 boxes the schemas of properties and items.
pub(crate) fn boxed(schema: ReferenceOr<Schema>) -> ReferenceOr<Box<Schema>> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference },
        ReferenceOr::Item(schema) => ReferenceOr::Item(Box::new(schema)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apidoc_ir::{Span, Text};
    use serde_json::json;

    fn enum_value(value: Value) -> EnumValue {
        EnumValue {
            value,
            description: Text::default(),
            span: Span::default(),
        }
    }

    fn json_of(ty: &TypeRef, constraints: &Constraints) -> Value {
        let names = ComponentNames::new(["Known"]);
        let schema = SchemaMapper::new(&names).schema(ty, constraints);
        serde_json::to_value(schema).unwrap_or_default()
    }

    #[test]
    fn integer_range_and_default_stay_integers() {
        let constraints = Constraints {
            default: Some(Fact::new(json!(10), Span::default())),
            minimum: Some(Fact::new(1.into(), Span::default())),
            maximum: Some(Fact::new(100.into(), Span::default())),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Integer, &constraints),
            json!({"default": 10, "type": "integer", "format": "int32", "minimum": 1, "maximum": 100})
        );
    }

    #[test]
    fn nullable_enumeration_lists_null() {
        let constraints = Constraints {
            enum_values: vec![enum_value(json!("KMS")), enum_value(json!("normal"))],
            nullable: Some(Span::default()),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::String, &constraints),
            json!({"nullable": true, "type": "string", "enum": ["KMS", "normal", null]})
        );
    }

    #[test]
    fn null_in_the_enumeration_makes_the_value_nullable() {
        let constraints = Constraints {
            enum_values: vec![enum_value(json!("KMS")), enum_value(Value::Null)],
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::String, &constraints),
            json!({"nullable": true, "type": "string", "enum": ["KMS", null]})
        );
    }

    #[test]
    fn facts_that_do_not_fit_the_type_are_kept_untyped() {
        let constraints = Constraints {
            enum_values: vec![enum_value(json!(1)), enum_value(json!("two"))],
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Integer, &constraints),
            json!({"type": "integer", "enum": [1, "two"], "format": "int32"})
        );
    }

    #[test]
    fn array_constraints_split_between_array_and_items() {
        let constraints = Constraints {
            enum_values: vec![enum_value(json!("a"))],
            max_length: Some(Fact::new(8, Span::default())),
            max_items: Some(Fact::new(3, Span::default())),
            nullable: Some(Span::default()),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Array(Box::new(TypeRef::String)), &constraints),
            json!({"nullable": true, "type": "array",
                   "items": {"type": "string", "enum": ["a"], "maxLength": 8},
                   "maxItems": 3})
        );
    }

    #[test]
    fn zero_lower_bounds_on_lengths_and_counts_are_left_out() {
        let zero = Constraints {
            min_length: Some(Fact::new(0, Span::default())),
            min_items: Some(Fact::new(0, Span::default())),
            max_length: Some(Fact::new(0, Span::default())),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Array(Box::new(TypeRef::String)), &zero),
            json!({"type": "array", "items": {"type": "string", "maxLength": 0}})
        );
        let untyped = Constraints {
            minimum: Some(Fact::new(1.into(), Span::default())),
            ..zero
        };
        assert_eq!(
            json_of(&TypeRef::String, &untyped),
            json!({"type": "string", "minimum": 1.0, "maxLength": 0})
        );
        let one = Constraints {
            min_length: Some(Fact::new(1, Span::default())),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::String, &one),
            json!({"type": "string", "minLength": 1})
        );
    }

    #[test]
    fn references_with_annotations_are_wrapped() {
        assert_eq!(
            json_of(&TypeRef::Model("Known".into()), &Constraints::default()),
            json!({"$ref": "#/components/schemas/Known"})
        );
        let nullable = Constraints {
            nullable: Some(Span::default()),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Model("Known".into()), &nullable),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/Known"}]})
        );
    }

    #[test]
    fn defaults_the_schema_rejects_are_kept_aside() {
        let constraints = |default: Value| Constraints {
            default: Some(Fact::new(default, Span::default())),
            minimum: Some(Fact::new(1.into(), Span::default())),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Number, &constraints(json!("the"))),
            json!({"type": "number", "format": "double", "minimum": 1.0, "x-documented-default": "the"})
        );
        assert_eq!(
            json_of(&TypeRef::Integer, &constraints(json!(0))),
            json!({"type": "integer", "format": "int32", "minimum": 1, "x-documented-default": 0})
        );
        let listed = Constraints {
            default: Some(Fact::new(json!("c"), Span::default())),
            enum_values: vec![enum_value(json!("a")), enum_value(json!("b"))],
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::String, &listed)["x-documented-default"],
            json!("c")
        );
        let model_default = Constraints {
            default: Some(Fact::new(json!({}), Span::default())),
            ..Constraints::default()
        };
        assert_eq!(
            json_of(&TypeRef::Model("Known".into()), &model_default),
            json!({"default": {}, "allOf": [{"$ref": "#/components/schemas/Known"}]})
        );
    }

    #[test]
    fn undefined_models_become_free_form_objects() {
        assert_eq!(
            json_of(&TypeRef::Model("Nowhere".into()), &Constraints::default()),
            json!({"x-missing-model": "Nowhere", "type": "object", "additionalProperties": true})
        );
    }

    #[test]
    fn maps_describe_their_values() {
        assert_eq!(
            json_of(
                &TypeRef::Map(Box::new(TypeRef::Long)),
                &Constraints::default()
            ),
            json!({"type": "object", "additionalProperties": {"type": "integer", "format": "int64"}})
        );
    }

    #[test]
    fn an_unread_type_is_any_value_with_the_page_words_beside_it() {
        let names = ComponentNames::new(["Known"]);
        let field = Field {
            name: "size".to_owned(),
            required: Some(true),
            ty: TypeRef::Any,
            type_text: "Whole number".to_owned(),
            description: Text::default(),
            constraints: Constraints::default(),
            span: Span::default(),
            degraded: vec![apidoc_ir::Degraded {
                part: apidoc_ir::Part::Type,
                stated: "Whole number".to_owned(),
                written: "a value of any type".to_owned(),
                code: "unknown-type".to_owned(),
                span: Span::default(),
            }],
        };
        let schema = SchemaMapper::new(&names).field(&field);
        assert_eq!(
            serde_json::to_value(schema).unwrap_or_default(),
            json!({"x-degraded": {"type": "Whole number"}})
        );
    }
}
