//! Merging two statements of the same field or model: facts one side lacks
//! are taken from the other, facts both state differently are reported as
//! [`Difference`]s. The language merge, the merge of same-path pages and the
//! union of models all use these; each turns differences into its own
//! diagnostics.

use std::fmt::Display;

use apidoc_ir::{Constraints, EnumValue, Fact, Field, Model, Span, Text, TypeRef};

use crate::pair::{Side, merge_by};

/// One side's version of a fact, as shown in a message.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Shown {
    /// The value as written for a reader.
    pub value: String,
    /// Where that side states it.
    pub span: Span,
}

/// What two statements of the same thing disagree about.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Difference {
    /// Both sides state a fact, differently.
    Fact {
        /// What the fact is about, e.g. "field `limit` of model `Page`".
        subject: String,
        /// Which fact, e.g. "type", "default".
        fact: &'static str,
        /// The first (kept) side's value.
        first: Shown,
        /// The second side's value.
        second: Shown,
    },
    /// Only one side has the item at all.
    Missing {
        /// The item, e.g. "parameter `limit` (query)".
        subject: String,
        /// Where the side that has it states it.
        present: Span,
        /// True when the first side has it and the second lacks it.
        in_first: bool,
    },
}

/// Fills the languages `into` lacks from `other`.
pub(crate) fn fill_text(into: &mut Text, other: &Text) {
    if into.en.is_none() {
        into.en.clone_from(&other.en);
    }
    if into.zh.is_none() {
        into.zh.clone_from(&other.zh);
    }
}

/// A type as a reader knows it: the Type cell, or the understood type where
/// the cell is empty.
pub(crate) fn type_shown(field: &Field) -> String {
    if field.type_text.is_empty() {
        type_name(&field.ty)
    } else {
        field.type_text.clone()
    }
}

/// A type in words, for messages.
pub(crate) fn type_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "string".to_owned(),
        TypeRef::Integer => "integer".to_owned(),
        TypeRef::Long => "long".to_owned(),
        TypeRef::Number => "number".to_owned(),
        TypeRef::Boolean => "boolean".to_owned(),
        TypeRef::Object => "object".to_owned(),
        TypeRef::Map(value) => format!("map of {}", type_name(value)),
        TypeRef::Array(item) => format!("array of {}", type_name(item)),
        TypeRef::Model(name) => format!("{name} object"),
        TypeRef::Any => "any type".to_owned(),
    }
}

/// Merges `other` into `into` (the same field stated twice): fills what
/// `into` lacks and returns what the two state differently. The type only
/// counts when the understood types differ (the cells may be worded
/// differently); `required` only when both state it.
pub(crate) fn merge_field(subject: &str, into: &mut Field, other: &Field) -> Vec<Difference> {
    let mut differences = Vec::new();
    let mut differ = |fact, first: String, second: String, spans: (&Span, &Span)| {
        differences.push(Difference::Fact {
            subject: subject.to_owned(),
            fact,
            first: Shown {
                value: first,
                span: spans.0.clone(),
            },
            second: Shown {
                value: second,
                span: spans.1.clone(),
            },
        });
    };
    let spans = (&into.span, &other.span);
    if into.ty != other.ty {
        differ("type", type_shown(into), type_shown(other), spans);
    }
    match (into.required, other.required) {
        (Some(first), Some(second)) if first != second => {
            differ("required", yes_no(first), yes_no(second), spans);
        }
        (None, second) => into.required = second,
        _ => {}
    }
    fill_text(&mut into.description, &other.description);
    merge_constraints(
        subject,
        &mut into.constraints,
        &other.constraints,
        spans,
        &mut differences,
    );
    differences
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_owned()
}

fn merge_constraints(
    subject: &str,
    into: &mut Constraints,
    other: &Constraints,
    field_spans: (&Span, &Span),
    out: &mut Vec<Difference>,
) {
    merge_fact(subject, "default", &mut into.default, &other.default, out);
    merge_fact(subject, "minimum", &mut into.minimum, &other.minimum, out);
    merge_fact(subject, "maximum", &mut into.maximum, &other.maximum, out);
    merge_fact(
        subject,
        "minimum length",
        &mut into.min_length,
        &other.min_length,
        out,
    );
    merge_fact(
        subject,
        "maximum length",
        &mut into.max_length,
        &other.max_length,
        out,
    );
    merge_fact(
        subject,
        "minimum item count",
        &mut into.min_items,
        &other.min_items,
        out,
    );
    merge_fact(
        subject,
        "maximum item count",
        &mut into.max_items,
        &other.max_items,
        out,
    );
    merge_enum_values(
        subject,
        &mut into.enum_values,
        &other.enum_values,
        field_spans,
        out,
    );
    if into.nullable.is_none() {
        into.nullable.clone_from(&other.nullable);
    }
}

fn merge_fact<T: Clone + PartialEq + Display>(
    subject: &str,
    fact: &'static str,
    into: &mut Option<Fact<T>>,
    other: &Option<Fact<T>>,
    out: &mut Vec<Difference>,
) {
    match (into.as_ref(), other) {
        (Some(first), Some(second)) if first.value != second.value => out.push(Difference::Fact {
            subject: subject.to_owned(),
            fact,
            first: Shown {
                value: first.value.to_string(),
                span: first.span.clone(),
            },
            second: Shown {
                value: second.value.to_string(),
                span: second.span.clone(),
            },
        }),
        (None, Some(_)) => into.clone_from(other),
        _ => {}
    }
}

/// Enumerations must list the same values (in any order); descriptions of
/// equal values fill each other's languages.
fn merge_enum_values(
    subject: &str,
    into: &mut Vec<EnumValue>,
    other: &[EnumValue],
    field_spans: (&Span, &Span),
    out: &mut Vec<Difference>,
) {
    if into.is_empty() {
        into.extend_from_slice(other);
        return;
    }
    if other.is_empty() {
        return;
    }
    let (first, second) = (enum_listing(into), enum_listing(other));
    if first != second {
        out.push(Difference::Fact {
            subject: subject.to_owned(),
            fact: "allowed values",
            first: Shown {
                value: first,
                span: enum_span(into, field_spans.0),
            },
            second: Shown {
                value: second,
                span: enum_span(other, field_spans.1),
            },
        });
        return;
    }
    merge_by(
        into,
        other,
        |value| value.value.to_string(),
        |side| {
            if let Side::Both(kept, other) = side {
                fill_text(&mut kept.description, &other.description);
            }
        },
    );
}

/// The values, sorted, as one comparable and readable string.
fn enum_listing(values: &[EnumValue]) -> String {
    let mut listed: Vec<String> = values.iter().map(|value| value.value.to_string()).collect();
    listed.sort();
    listed.dedup();
    listed.join(", ")
}

fn enum_span(values: &[EnumValue], field: &Span) -> Span {
    values
        .first()
        .map_or_else(|| field.clone(), |value| value.span.clone())
}

/// Merges `other` into `into` (the same model defined twice): fields are
/// matched by name; a field only one side defines is a
/// [`Difference::Missing`] and is kept.
pub(crate) fn merge_model(into: &mut Model, other: &Model) -> Vec<Difference> {
    let mut differences = Vec::new();
    fill_text(&mut into.description, &other.description);
    let model = into.name.clone();
    merge_by(
        &mut into.fields,
        &other.fields,
        |field| field.name.clone(),
        |side| {
            let subject = |field: &Field| format!("field `{}` of model `{model}`", field.name);
            match side {
                Side::Both(kept, other) => {
                    differences.extend(merge_field(&subject(kept), kept, other))
                }
                Side::OnlyFirst(field) => differences.push(Difference::Missing {
                    subject: subject(field),
                    present: field.span.clone(),
                    in_first: true,
                }),
                Side::OnlySecond(field) => differences.push(Difference::Missing {
                    subject: subject(field),
                    present: field.span.clone(),
                    in_first: false,
                }),
            }
        },
    );
    differences
}

/// True when two models define the same fields with the same facts (names,
/// descriptions and spans aside; a fact one side lacks is no
/// disagreement). Symmetric: the sides only swap in the differences.
pub(crate) fn models_agree(first: &Model, second: &Model) -> bool {
    merge_model(&mut first.clone(), second).is_empty()
}

#[cfg(test)]
mod tests {
    use apidoc_ir::Value;

    use super::*;
    use crate::testkit::*;

    #[test]
    fn field_takes_missing_facts_from_the_other_statement() {
        let mut english = field("limit", TypeRef::Integer, span("en", 3));
        english.required = Some(false);
        english.description = Text::in_lang(apidoc_ir::Lang::En, "Page size.");
        let mut chinese = field("limit", TypeRef::Integer, span("zh", 4));
        chinese.description = Text::in_lang(apidoc_ir::Lang::Zh, "每页数量。");
        chinese.constraints.default = Some(Fact::new(Value::from(10), span("zh", 5)));
        assert!(merge_field("limit", &mut english, &chinese).is_empty());
        assert_eq!(english.required, Some(false));
        assert_eq!(english.description.zh.as_deref(), Some("每页数量。"));
        assert_eq!(
            english.constraints.default.map(|d| d.value),
            Some(Value::from(10))
        );
    }

    #[test]
    fn field_reports_each_fact_stated_differently() {
        let mut first = field("mode", TypeRef::String, span("a", 1));
        first.required = Some(true);
        first.constraints.enum_values = vec![enum_value("A", span("a", 2))];
        let mut second = field("mode", TypeRef::Integer, span("b", 1));
        second.required = Some(false);
        second.constraints.enum_values = vec![enum_value("B", span("b", 2))];
        let facts: Vec<_> = merge_field("mode", &mut first, &second)
            .into_iter()
            .map(|difference| match difference {
                Difference::Fact {
                    fact,
                    first,
                    second,
                    ..
                } => {
                    format!(
                        "{fact}: {} @{} vs {} @{}",
                        first.value, first.span, second.value, second.span
                    )
                }
                Difference::Missing { .. } => "missing".to_owned(),
            })
            .collect();
        assert_eq!(
            facts,
            [
                "type: string @a:1 vs integer @b:1",
                "required: yes @a:1 vs no @b:1",
                "allowed values: \"A\" @a:2 vs \"B\" @b:2",
            ]
        );
    }

    /// A model `Page` (page `a`, line 1) of one field, stated on line 2.
    fn page_with_field(name: &str, type_ref: TypeRef) -> Model {
        model(
            "Page",
            vec![field(name, type_ref, span("a", 2))],
            span("a", 1),
        )
    }

    #[test]
    fn models_with_a_field_on_one_side_only_disagree() {
        let first = page_with_field("a", TypeRef::String);
        let mut second = first.clone();
        assert!(models_agree(&first, &second));
        second
            .fields
            .push(field("b", TypeRef::String, span("b", 3)));
        assert!(!models_agree(&first, &second));
        assert!(!models_agree(&second, &first));
    }

    #[test]
    fn models_agree_both_ways_when_one_lacks_a_fact_and_neither_when_they_differ() {
        let first = page_with_field("limit", TypeRef::Integer);
        let mut second = first.clone();
        second.fields[0].constraints.default = Some(Fact::new(Value::from(10), span("b", 3)));
        assert!(models_agree(&first, &second) && models_agree(&second, &first));
        let mut third = first.clone();
        third.fields[0].constraints.default = Some(Fact::new(Value::from(20), span("c", 3)));
        assert!(!models_agree(&second, &third) && !models_agree(&third, &second));
    }
}
