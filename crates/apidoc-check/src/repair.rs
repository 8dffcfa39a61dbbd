//! Degrading what contradicts itself, before the checks.
//!
//! A page's problem costs the smallest part it concerns, never the
//! operation: a default or an allowed value that does not fit the field's
//! type, a range whose minimum is above its maximum, a parameter stated
//! twice, a reference to a model no table defines. Each is an error for the
//! pages' owners, and each is taken out of the service here (the field
//! stays, without that constraint; the later parameter goes; the reference
//! becomes a free-form object), the field marked [`apidoc_ir::Degraded`]
//! and the finding saying what was written instead. The checks then see a
//! service that holds only what the pages state consistently.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{Degraded, Diagnostic, Fact, Field, Part, Service, Span, TypeRef, Value};

use crate::checks::{Owner, each_field_mut};
use crate::facts::type_shown;
use crate::merge::{location_name, parameter_key};
use crate::types::{item_type, kind_name, value_fits, with_article};

/// Takes out every self-contradicting part of `service`, with an error
/// each.
pub(crate) fn degrade_contradictions(service: &mut Service, out: &mut Vec<Diagnostic>) {
    let defined: BTreeSet<String> = service.models.iter().map(|m| m.name.clone()).collect();
    each_field_mut(service, |owner, field| {
        drop_unfitting_default(owner, field, out);
        drop_unfitting_enum(owner, field, out);
        drop_inverted_ranges(owner, field, out);
        free_undefined_model(&defined, &owner.subject(field), field, out);
    });
    drop_repeated_parameters(service, out);
    drop_repeated_fields(service, out);
    free_undefined_bodies(service, &defined, out);
}

/// True when the field may hold `value`: its type's kind, the item kind of
/// an array (defaults and enumerations of arrays list items), or `null`
/// where the page allows it.
pub(crate) fn fits_field(field: &Field, value: &Value) -> bool {
    (value.is_null() && field.constraints.nullable.is_some())
        || value_fits(&field.ty, value)
        || value_fits(item_type(&field.ty), value)
}

/// Marks `field` degraded in `part` and returns the finding saying so.
fn degrade(
    field: &mut Field,
    part: Part,
    stated: String,
    written: &str,
    diagnostic: Diagnostic,
) -> Diagnostic {
    let span = diagnostic
        .primary
        .as_ref()
        .map_or_else(|| field.span.clone(), |label| label.span.clone());
    field.degraded.push(Degraded {
        part,
        stated,
        written: written.to_owned(),
        code: diagnostic.code.clone(),
        span,
    });
    diagnostic.degrading(format!("`{}`: {written}", field.name))
}

/// `default-type-mismatch`: a default that does not fit the type (`"abc"`
/// for an integer) is left out.
fn drop_unfitting_default(owner: &Owner<'_>, field: &mut Field, out: &mut Vec<Diagnostic>) {
    let fits = |d: &Fact<Value>| fits_field(field, &d.value);
    if field.constraints.default.as_ref().is_none_or(fits) {
        return;
    }
    let Some(default) = field.constraints.default.take() else {
        return;
    };
    let diagnostic = default_type_mismatch(owner, field, &default);
    out.push(degrade(
        field,
        Part::Default,
        default.value.to_string(),
        "no default",
        diagnostic,
    ));
}

fn default_type_mismatch(owner: &Owner<'_>, field: &Field, default: &Fact<Value>) -> Diagnostic {
    Diagnostic::error(
        "default-type-mismatch",
        format!(
            "the default of {} is {} `{}`, which does not fit its type `{}`",
            owner.subject(field),
            with_article(kind_name(&default.value)),
            default.value,
            type_shown(field)
        ),
        default.span.clone(),
        "this default",
    )
    .with_secondary(field.span.clone(), format!("type `{}`", type_shown(field)))
}

/// `enum-type-mismatch`: an allowed value that does not fit the type
/// (`"abc"` listed for an integer) makes the whole list unreliable, so the
/// field is written without one (a partial list would refuse values the
/// service takes).
fn drop_unfitting_enum(owner: &Owner<'_>, field: &mut Field, out: &mut Vec<Diagnostic>) {
    let Some(misfit) = field
        .constraints
        .enum_values
        .iter()
        .find(|allowed| !fits_field(field, &allowed.value))
    else {
        return;
    };
    let diagnostic = Diagnostic::error(
        "enum-type-mismatch",
        format!(
            "the allowed value `{}` of {} does not fit its type `{}`",
            misfit.value,
            owner.subject(field),
            type_shown(field)
        ),
        misfit.span.clone(),
        "this value",
    )
    .with_secondary(field.span.clone(), format!("type `{}`", type_shown(field)));
    let values = std::mem::take(&mut field.constraints.enum_values);
    let stated = values
        .iter()
        .map(|v| v.value.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    out.push(degrade(
        field,
        Part::Enum,
        stated,
        "no list of allowed values",
        diagnostic,
    ));
}

/// `range-inverted`: a minimum above its maximum (value, length or item
/// count) leaves the field without that range.
fn drop_inverted_ranges(owner: &Owner<'_>, field: &mut Field, out: &mut Vec<Diagnostic>) {
    let c = &field.constraints;
    let inverted = [
        (Part::Range, "value", number_bounds(&c.minimum, &c.maximum)),
        (
            Part::Length,
            "length",
            count_bounds(&c.min_length, &c.max_length),
        ),
        (
            Part::Items,
            "item count",
            count_bounds(&c.min_items, &c.max_items),
        ),
    ];
    let inverted: Vec<(Part, &str, Bounds)> = inverted
        .into_iter()
        .filter_map(|(part, what, bounds)| Some((part, what, bounds?)))
        .filter(|(_, _, bounds)| bounds.lower.0 > bounds.upper.0)
        .collect();
    for (part, what, bounds) in inverted {
        let (lower, upper) = (&bounds.lower, &bounds.upper);
        let diagnostic = Diagnostic::error(
            "range-inverted",
            format!(
                "the minimum {what} {} of {} is above its maximum {}",
                lower.1,
                owner.subject(field),
                upper.1
            ),
            lower.2.clone(),
            format!("minimum {}", lower.1),
        )
        .with_secondary(upper.2.clone(), format!("maximum {}", upper.1));
        let c = &mut field.constraints;
        match part {
            Part::Range => (c.minimum, c.maximum) = (None, None),
            Part::Length => (c.min_length, c.max_length) = (None, None),
            _ => (c.min_items, c.max_items) = (None, None),
        }
        let stated = format!("{}~{}", lower.1, upper.1);
        out.push(degrade(
            field,
            part,
            stated,
            &format!("no {what} range"),
            diagnostic,
        ));
    }
}

/// One end of a range: its value for comparing, as shown, and its place.
type Bound = (f64, String, Span);

/// Both ends of a stated range.
struct Bounds {
    lower: Bound,
    upper: Bound,
}

fn number_bounds(
    lower: &Option<Fact<apidoc_ir::Number>>,
    upper: &Option<Fact<apidoc_ir::Number>>,
) -> Option<Bounds> {
    let bound = |fact: &Option<Fact<apidoc_ir::Number>>| {
        let fact = fact.as_ref()?;
        Some((
            fact.value.as_f64()?,
            fact.value.to_string(),
            fact.span.clone(),
        ))
    };
    Some(Bounds {
        lower: bound(lower)?,
        upper: bound(upper)?,
    })
}

fn count_bounds(lower: &Option<Fact<u64>>, upper: &Option<Fact<u64>>) -> Option<Bounds> {
    // Counts far beyond 2^53 lose precision as f64; no page states such.
    let bound = |fact: &Option<Fact<u64>>| {
        let fact = fact.as_ref()?;
        Some((fact.value as f64, fact.value.to_string(), fact.span.clone()))
    };
    Some(Bounds {
        lower: bound(lower)?,
        upper: bound(upper)?,
    })
}

/// `model-undefined`: a field typed with a model no table defines holds a
/// free-form object in its place.
fn free_undefined_model(
    defined: &BTreeSet<String>,
    subject: &str,
    field: &mut Field,
    out: &mut Vec<Diagnostic>,
) {
    let Some(name) = undefined_model(&field.ty, defined) else {
        return;
    };
    let diagnostic = model_undefined(subject, &name, field.span.clone());
    free_model(&mut field.ty, &name);
    out.push(degrade(
        field,
        Part::Model,
        name,
        "a free-form object",
        diagnostic,
    ));
}

/// Request and response bodies referring to a model no table defines are
/// free-form objects.
fn free_undefined_bodies(
    service: &mut Service,
    defined: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for op in &mut service.operations {
        for variant in op.request_body.iter_mut().flat_map(|b| &mut b.variants) {
            if let Some(name) = undefined_model(&variant.schema, defined) {
                let subject = format!("the request body of `{}`", variant.name);
                out.push(
                    model_undefined(&subject, &name, variant.span.clone())
                        .degrading("the body as a free-form object"),
                );
                free_model(&mut variant.schema, &name);
            }
        }
        for response in &mut op.responses {
            let Some(body) = &mut response.body else {
                continue;
            };
            if let Some(name) = undefined_model(body, defined) {
                let subject = format!("the body of response {} of `{}`", response.status, op.id);
                out.push(
                    model_undefined(&subject, &name, response.span.clone())
                        .degrading("the body as a free-form object"),
                );
                free_model(body, &name);
            }
        }
    }
}

fn undefined_model(ty: &TypeRef, defined: &BTreeSet<String>) -> Option<String> {
    crate::types::model_of(ty)
        .filter(|name| !defined.contains(*name))
        .map(str::to_owned)
}

/// Replaces the model `name` inside `ty` (an array or map of it too) by a
/// free-form object.
fn free_model(ty: &mut TypeRef, name: &str) {
    match ty {
        TypeRef::Model(model) if model == name => *ty = TypeRef::Object,
        TypeRef::Array(inner) | TypeRef::Map(inner) => free_model(inner, name),
        _ => {}
    }
}

fn model_undefined(subject: &str, name: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        "model-undefined",
        format!("{subject} refers to model `{name}`, which no table defines"),
        span,
        format!("`{name}` referred to here"),
    )
    .with_help(format!("add the `{name}` table, or correct the type"))
}

/// `duplicate-parameter`: the same location and name twice in one
/// operation (header names compared without case); the first counts.
fn drop_repeated_parameters(service: &mut Service, out: &mut Vec<Diagnostic>) {
    for op in &mut service.operations {
        let mut first_of = BTreeMap::new();
        let id = &op.id;
        op.parameters.retain(|parameter| {
            let key = parameter_key(parameter);
            let Some(first) = first_of.get(&key) else {
                first_of.insert(key, parameter.field.span.clone());
                return true;
            };
            out.push(
                Diagnostic::error(
                    "duplicate-parameter",
                    format!(
                        "{} parameter `{}` of `{id}` is documented twice",
                        location_name(parameter.location),
                        parameter.field.name,
                    ),
                    parameter.field.span.clone(),
                    "documented again here",
                )
                .with_secondary(Span::clone(first), "first documented here")
                .degrading("left out: the first row counts"),
            );
            false
        });
    }
}

/// `duplicate-field`: two fields of one model with the same name: a body
/// holds one value per name, so the first row counts.
fn drop_repeated_fields(service: &mut Service, out: &mut Vec<Diagnostic>) {
    for model in &mut service.models {
        let mut first_of = BTreeMap::new();
        let name = &model.name;
        model.fields.retain(|field| {
            let Some(first) = first_of.get(&field.name) else {
                first_of.insert(field.name.clone(), field.span.clone());
                return true;
            };
            out.push(
                Diagnostic::error(
                    "duplicate-field",
                    format!("field `{}` of `{name}` is documented twice", field.name),
                    field.span.clone(),
                    "documented again here",
                )
                .with_secondary(Span::clone(first), "first documented here")
                .degrading("left out: the first row counts"),
            );
            false
        });
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, ParamLocation};
    use serde_json::json;

    use super::*;
    use crate::testkit::*;

    /// Runs the pass on a service whose one model holds `field`; the field
    /// as left and the findings.
    fn repaired(field: Field) -> (Field, Vec<Diagnostic>) {
        let mut op = operation("Put", Method::Put, "/x", span("p", 1));
        op.request_body = Some(body("Put", "M", span("p", 2)));
        let mut service = service(vec![op], vec![model("M", vec![field], span("m", 1))]);
        let mut out = Vec::new();
        degrade_contradictions(&mut service, &mut out);
        (service.models[0].fields[0].clone(), out)
    }

    fn with_default(ty: TypeRef, default: Value, allowed: &[Value]) -> Field {
        let mut field = field("f", ty, span("m", 2));
        field.constraints.default = Some(Fact::new(default, span("m", 3)));
        field.constraints.enum_values = allowed
            .iter()
            .map(|value| apidoc_ir::EnumValue {
                value: value.clone(),
                description: Default::default(),
                span: span("m", 4),
            })
            .collect();
        field
    }

    #[test]
    fn a_default_of_the_wrong_kind_is_left_out_with_an_error() {
        let (field, out) = repaired(with_default(TypeRef::Integer, json!("abc"), &[]));
        assert_eq!(codes(&out), ["default-type-mismatch"]);
        assert_eq!(
            out[0].message,
            "the default of field `f` of model `M` is a string `\"abc\"`, which does not fit its type `integer`"
        );
        assert_eq!(out[0].degraded.as_deref(), Some("`f`: no default"));
        assert_eq!(field.constraints.default, None);
        assert_eq!(field.degraded.len(), 1);
        assert_eq!(field.degraded[0].part, Part::Default);
        assert_eq!(field.degraded[0].stated, "\"abc\"");
        assert_eq!(field.degraded[0].span, span("m", 3));

        let (kept, out) = repaired(with_default(TypeRef::Integer, json!(10), &[]));
        assert!(out.is_empty() && kept.constraints.default.is_some());
        let items = TypeRef::Array(Box::new(TypeRef::String));
        let (kept, out) = repaired(with_default(items, json!("a"), &[]));
        assert!(out.is_empty() && kept.degraded.is_empty());
    }

    #[test]
    fn an_allowed_value_of_the_wrong_kind_drops_the_whole_list() {
        let mut bad = with_default(TypeRef::Integer, json!(1), &[json!(1), json!("two")]);
        bad.constraints.default = None;
        let (field, out) = repaired(bad);
        assert_eq!(codes(&out), ["enum-type-mismatch"]);
        assert!(field.constraints.enum_values.is_empty());
        assert_eq!(field.degraded[0].stated, "1, \"two\"");
        let mut good = with_default(TypeRef::Integer, json!(1), &[json!(1), json!(2)]);
        good.constraints.default = None;
        let (field, out) = repaired(good);
        assert!(out.is_empty());
        assert_eq!(field.constraints.enum_values.len(), 2);
    }

    #[test]
    fn an_inverted_range_is_left_out_and_the_others_stay() {
        let mut field = field("f", TypeRef::String, span("m", 2));
        field.constraints.min_length = Some(Fact::new(64, span("m", 3)));
        field.constraints.max_length = Some(Fact::new(1, span("m", 4)));
        field.constraints.minimum = Some(Fact::new(apidoc_ir::Number::from(1), span("m", 5)));
        field.constraints.maximum = Some(Fact::new(apidoc_ir::Number::from(100), span("m", 5)));
        let (field, out) = repaired(field);
        assert_eq!(codes(&out), ["range-inverted"]);
        assert_eq!(
            out[0].message,
            "the minimum length 64 of field `f` of model `M` is above its maximum 1"
        );
        assert_eq!(field.constraints.min_length, None);
        assert_eq!(field.constraints.max_length, None);
        assert!(field.constraints.maximum.is_some(), "the value range stays");
        assert_eq!(field.degraded[0].part, Part::Length);
    }

    #[test]
    fn the_same_parameter_twice_keeps_the_first() {
        let build = |second: &str| {
            let mut op = operation("ListJobs", Method::Get, "/v1/jobs", span("p", 5));
            op.parameters = vec![
                param(
                    ParamLocation::Header,
                    "X-Auth-Token",
                    TypeRef::String,
                    span("p", 8),
                ),
                param(ParamLocation::Header, second, TypeRef::String, span("p", 9)),
            ];
            service(vec![op], vec![])
        };
        let mut repeated = build("x-auth-token");
        let mut out = Vec::new();
        degrade_contradictions(&mut repeated, &mut out);
        assert_eq!(codes(&out), ["duplicate-parameter"]);
        assert_eq!(repeated.operations[0].parameters.len(), 1);
        assert_eq!(
            repeated.operations[0].parameters[0].field.span,
            span("p", 8)
        );
        let mut distinct = build("X-Language");
        let mut out = Vec::new();
        degrade_contradictions(&mut distinct, &mut out);
        assert!(out.is_empty());
        assert_eq!(distinct.operations[0].parameters.len(), 2);
    }

    #[test]
    fn a_field_documented_twice_in_a_model_keeps_its_first_row() {
        let mut op = operation("Put", Method::Put, "/x", span("p", 1));
        op.request_body = Some(body("Put", "M", span("p", 2)));
        let fields = vec![
            field("name", TypeRef::String, span("p", 3)),
            field("size", TypeRef::Integer, span("p", 4)),
            field("name", TypeRef::Integer, span("p", 5)),
        ];
        let mut repeated = service(vec![op], vec![model("M", fields, span("p", 2))]);
        let mut out = Vec::new();
        degrade_contradictions(&mut repeated, &mut out);
        assert_eq!(codes(&out), ["duplicate-field"]);
        let kept: Vec<(&str, &Span)> = repeated.models[0]
            .fields
            .iter()
            .map(|f| (f.name.as_str(), &f.span))
            .collect();
        assert_eq!(kept, [("name", &span("p", 3)), ("size", &span("p", 4))]);
    }

    #[test]
    fn references_to_missing_models_become_free_form_objects() {
        let listed = TypeRef::Array(Box::new(TypeRef::Model("Gone".to_owned())));
        let (field, out) = repaired(field("items", listed, span("m", 2)));
        assert_eq!(codes(&out), ["model-undefined"]);
        assert_eq!(field.ty, TypeRef::Array(Box::new(TypeRef::Object)));
        assert_eq!(field.degraded[0].part, Part::Model);

        let mut op = operation("Put", Method::Put, "/x", span("p", 3));
        op.request_body = Some(body("Put", "Body", span("p", 5)));
        let mut service = service(vec![op], vec![]);
        let mut out = Vec::new();
        degrade_contradictions(&mut service, &mut out);
        assert_eq!(codes(&out), ["model-undefined"]);
        assert_eq!(
            out[0].message,
            "the request body of `Put` refers to model `Body`, which no table defines"
        );
        let schema = &service.operations[0]
            .request_body
            .as_ref()
            .unwrap()
            .variants[0]
            .schema;
        assert_eq!(schema, &TypeRef::Object);
    }
}
