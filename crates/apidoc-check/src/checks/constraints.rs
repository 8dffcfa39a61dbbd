//! Field constraints that contradict the field's type or themselves, and
//! parameters stated twice.

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Fact, Field, Service, Span, Value};

use super::{Owner, each_field};
use crate::facts::type_shown;
use crate::merge::{location_name, parameter_key};
use crate::types::{item_type, kind_name, value_fits, with_article};

/// True when the field may hold `value`: its type's kind, the item kind of
/// an array (defaults and enumerations of arrays list items), or `null`
/// where the page allows it.
fn fits_field(field: &Field, value: &Value) -> bool {
    (value.is_null() && field.constraints.nullable.is_some())
        || value_fits(&field.ty, value)
        || value_fits(item_type(&field.ty), value)
}

/// `default-type-mismatch` (error): a default that does not fit the field's
/// type (`"abc"` for an integer); `default-not-in-enum` (warning): a
/// default that fits but is not among the allowed values.
pub(crate) fn default_fits(service: &Service, out: &mut Vec<Diagnostic>) {
    each_field(service, |owner, field| {
        let Some(default) = &field.constraints.default else {
            return;
        };
        if !fits_field(field, &default.value) {
            out.push(default_type_mismatch(owner, field, default));
        } else if let Some(first) = field.constraints.enum_values.first()
            && !in_enum(field, &default.value)
        {
            out.push(
                Diagnostic::warning(
                    "default-not-in-enum",
                    format!(
                        "the default `{}` of {} is not one of its allowed values",
                        default.value,
                        owner.subject(field)
                    ),
                    default.span.clone(),
                    "this default",
                )
                .with_secondary(first.span.clone(), "the allowed values start here"),
            );
        }
    });
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

/// The default, or each item of an array default, is an allowed value.
fn in_enum(field: &Field, value: &Value) -> bool {
    let allowed = |value: &Value| {
        field
            .constraints
            .enum_values
            .iter()
            .any(|allowed| &allowed.value == value)
    };
    match value {
        Value::Array(items) => items.iter().all(allowed),
        single => allowed(single),
    }
}

/// `enum-type-mismatch` (error): an allowed value that does not fit the
/// field's type (`"abc"` listed for an integer).
pub(crate) fn enum_type_mismatch(service: &Service, out: &mut Vec<Diagnostic>) {
    each_field(service, |owner, field| {
        for allowed in field
            .constraints
            .enum_values
            .iter()
            .filter(|allowed| !fits_field(field, &allowed.value))
        {
            out.push(
                Diagnostic::error(
                    "enum-type-mismatch",
                    format!(
                        "the allowed value `{}` of {} does not fit its type `{}`",
                        allowed.value,
                        owner.subject(field),
                        type_shown(field)
                    ),
                    allowed.span.clone(),
                    "this value",
                )
                .with_secondary(field.span.clone(), format!("type `{}`", type_shown(field))),
            );
        }
    });
}

/// One end of a range, for comparing.
struct Bound<'a> {
    value: f64,
    shown: String,
    span: &'a Span,
}

fn number_bound(fact: &Option<Fact<apidoc_ir::Number>>) -> Option<Bound<'_>> {
    let fact = fact.as_ref()?;
    Some(Bound {
        value: fact.value.as_f64()?,
        shown: fact.value.to_string(),
        span: &fact.span,
    })
}

fn count_bound(fact: &Option<Fact<u64>>) -> Option<Bound<'_>> {
    // Counts far beyond 2^53 lose precision as f64; no page states such.
    fact.as_ref().map(|fact| Bound {
        value: fact.value as f64,
        shown: fact.value.to_string(),
        span: &fact.span,
    })
}

/// `range-inverted` (error): a minimum above its maximum (value, length or
/// item count).
pub(crate) fn range_inverted(service: &Service, out: &mut Vec<Diagnostic>) {
    each_field(service, |owner, field| {
        let constraints = &field.constraints;
        let ranges = [
            (
                "value",
                number_bound(&constraints.minimum),
                number_bound(&constraints.maximum),
            ),
            (
                "length",
                count_bound(&constraints.min_length),
                count_bound(&constraints.max_length),
            ),
            (
                "item count",
                count_bound(&constraints.min_items),
                count_bound(&constraints.max_items),
            ),
        ];
        for (what, lower, upper) in ranges {
            if let (Some(lower), Some(upper)) = (lower, upper)
                && lower.value > upper.value
            {
                out.push(
                    Diagnostic::error(
                        "range-inverted",
                        format!(
                            "the minimum {what} {} of {} is above its maximum {}",
                            lower.shown,
                            owner.subject(field),
                            upper.shown
                        ),
                        lower.span.clone(),
                        format!("minimum {}", lower.shown),
                    )
                    .with_secondary(upper.span.clone(), format!("maximum {}", upper.shown)),
                );
            }
        }
    });
}

/// `duplicate-parameter` (error): the same location and name twice in one
/// operation (header names compared without case).
pub(crate) fn duplicate_parameter(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        let mut first_of = BTreeMap::new();
        for parameter in &op.parameters {
            let key = parameter_key(parameter);
            match first_of.get(&key) {
                None => {
                    first_of.insert(key, &parameter.field.span);
                }
                Some(first) => out.push(
                    Diagnostic::error(
                        "duplicate-parameter",
                        format!(
                            "{} parameter `{}` of `{}` is documented twice",
                            location_name(parameter.location),
                            parameter.field.name,
                            op.id
                        ),
                        parameter.field.span.clone(),
                        "documented again here",
                    )
                    .with_secondary((*first).clone(), "first documented here"),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, ParamLocation, TypeRef};
    use serde_json::json;

    use super::*;
    use crate::testkit::*;

    fn run_on(check: fn(&Service, &mut Vec<Diagnostic>), field: Field) -> Vec<Diagnostic> {
        let service = service(vec![], vec![model("M", vec![field], span("m", 1))]);
        let mut out = Vec::new();
        check(&service, &mut out);
        out
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
    fn default_of_the_wrong_kind_is_an_error() {
        let out = run_on(
            default_fits,
            with_default(TypeRef::Integer, json!("abc"), &[]),
        );
        assert_eq!(codes(&out), ["default-type-mismatch"]);
        assert_eq!(
            out[0].message,
            "the default of field `f` of model `M` is a string `\"abc\"`, which does not fit its type `integer`"
        );
        assert!(run_on(default_fits, with_default(TypeRef::Integer, json!(10), &[])).is_empty());
        let items = TypeRef::Array(Box::new(TypeRef::String));
        assert!(run_on(default_fits, with_default(items, json!("a"), &[])).is_empty());
    }

    #[test]
    fn default_outside_the_enumeration_is_a_warning() {
        let out = run_on(
            default_fits,
            with_default(TypeRef::String, json!("c"), &[json!("a"), json!("b")]),
        );
        assert_eq!(codes(&out), ["default-not-in-enum"]);
        assert!(
            run_on(
                default_fits,
                with_default(TypeRef::String, json!("b"), &[json!("a"), json!("b")])
            )
            .is_empty()
        );
    }

    #[test]
    fn enumeration_value_of_the_wrong_kind_is_an_error() {
        let mut bad = with_default(TypeRef::Integer, json!(1), &[json!(1), json!("two")]);
        bad.constraints.default = None;
        assert_eq!(
            codes(&run_on(enum_type_mismatch, bad)),
            ["enum-type-mismatch"]
        );
        let mut good = with_default(TypeRef::Integer, json!(1), &[json!(1), json!(2)]);
        good.constraints.default = None;
        assert!(run_on(enum_type_mismatch, good).is_empty());
    }

    #[test]
    fn minimum_above_maximum_is_an_error() {
        let bounded = |min: u64, max: u64| {
            let mut field = field("f", TypeRef::String, span("m", 2));
            field.constraints.min_length = Some(Fact::new(min, span("m", 3)));
            field.constraints.max_length = Some(Fact::new(max, span("m", 4)));
            field.constraints.minimum = Some(Fact::new(apidoc_ir::Number::from(1), span("m", 5)));
            field.constraints.maximum = Some(Fact::new(apidoc_ir::Number::from(100), span("m", 5)));
            field
        };
        let out = run_on(range_inverted, bounded(64, 1));
        assert_eq!(codes(&out), ["range-inverted"]);
        assert_eq!(
            out[0].message,
            "the minimum length 64 of field `f` of model `M` is above its maximum 1"
        );
        assert!(run_on(range_inverted, bounded(1, 64)).is_empty());
    }

    #[test]
    fn the_same_parameter_twice_is_an_error() {
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
        let mut out = Vec::new();
        duplicate_parameter(&build("x-auth-token"), &mut out);
        assert_eq!(codes(&out), ["duplicate-parameter"]);
        let mut out = Vec::new();
        duplicate_parameter(&build("X-Language"), &mut out);
        assert!(out.is_empty());
    }
}
