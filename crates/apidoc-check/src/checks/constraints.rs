//! A default outside the allowed values. (Constraints that contradict the
//! field's type or themselves are taken out before the checks, by
//! `crate::repair`.)

use apidoc_ir::{Diagnostic, Field, Service, Value};

use super::each_field;

/// `default-not-in-enum` (warning): a default that fits its type but is
/// not among the allowed values.
pub(crate) fn default_in_enum(service: &Service, out: &mut Vec<Diagnostic>) {
    each_field(service, |owner, field| {
        let Some(default) = &field.constraints.default else {
            return;
        };
        if let Some(first) = field.constraints.enum_values.first()
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

#[cfg(test)]
mod tests {
    use apidoc_ir::{Fact, TypeRef};
    use serde_json::json;

    use super::*;
    use crate::testkit::*;

    fn run_on(field: Field) -> Vec<Diagnostic> {
        let service = service(vec![], vec![model("M", vec![field], span("m", 1))]);
        let mut out = Vec::new();
        default_in_enum(&service, &mut out);
        out
    }

    fn with_default(default: Value, allowed: &[Value]) -> Field {
        let mut field = field("f", TypeRef::String, span("m", 2));
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
    fn default_outside_the_enumeration_is_a_warning() {
        let out = run_on(with_default(json!("c"), &[json!("a"), json!("b")]));
        assert_eq!(codes(&out), ["default-not-in-enum"]);
        assert!(run_on(with_default(json!("b"), &[json!("a"), json!("b")])).is_empty());
        assert!(run_on(with_default(json!("b"), &[])).is_empty());
    }
}
