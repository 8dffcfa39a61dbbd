//! What one field may carry when pages sharing a method and path state it
//! differently (an older and a newer page of one operation, the public
//! and private variant of one API).
//!
//! The merged operation must accept every variant's request and decode
//! every variant's response, so it takes what both statements allow: a
//! named model over an untyped `Object` (the same thing, said more
//! precisely), a list over a single value (a repeated parameter also
//! carries one), not required over required, the lower minimum and the
//! higher maximum (of values, lengths and items), the values of both lists
//! of allowed values. Any other difference
//! keeps the first page's statement. [`widen`] sets both statements to
//! the widened facts, so that merging them finds only the differences it
//! could not resolve.

use std::cmp::Ordering;

use apidoc_ir::{EnumValue, Fact, Field, Number, TypeRef};

use crate::facts::{Difference, merge_field};

/// Widens `kept` and `other` to what both allow (see the module doc).
fn widen(kept: &mut Field, other: &mut Field) {
    if let Some(ty) = wider_type(&kept.ty, &other.ty) {
        if ty == other.ty {
            kept.type_text.clone_from(&other.type_text);
        } else {
            other.type_text.clone_from(&kept.type_text);
        }
        kept.ty = ty.clone();
        other.ty = ty;
    }
    if kept.required != other.required && kept.required.is_some() && other.required.is_some() {
        kept.required = Some(false);
        other.required = Some(false);
    }
    let (into, from) = (&mut kept.constraints, &mut other.constraints);
    widen_number(&mut into.minimum, &mut from.minimum, Ordering::Less);
    widen_number(&mut into.maximum, &mut from.maximum, Ordering::Greater);
    widen_count(&mut into.min_length, &mut from.min_length, Ordering::Less);
    widen_count(
        &mut into.max_length,
        &mut from.max_length,
        Ordering::Greater,
    );
    widen_count(&mut into.min_items, &mut from.min_items, Ordering::Less);
    widen_count(&mut into.max_items, &mut from.max_items, Ordering::Greater);
    widen_enum(&mut into.enum_values, &mut from.enum_values);
}

/// Two lists of allowed values allow either's values (the pages of
/// `?action_id=bindEip` and `?action_id=unbindEip` share one parameter).
fn widen_enum(kept: &mut Vec<EnumValue>, other: &mut Vec<EnumValue>) {
    if kept.is_empty() || other.is_empty() {
        return;
    }
    for value in other.iter() {
        if !kept.iter().any(|k| k.value == value.value) {
            kept.push(value.clone());
        }
    }
    other.clone_from(kept);
}

/// Widens both statements of one field (named `subject` in messages) and
/// returns the differences of the statements as written, to report,
/// except a model named where the other page says `Object`.
pub(super) fn widen_reporting(
    subject: &str,
    kept: &mut Field,
    other: &mut Field,
) -> Vec<Difference> {
    let reported = merge_field(subject, &mut kept.clone(), other)
        .into_iter()
        .filter(|difference| !is_refinement(difference, kept, other))
        .collect();
    widen(kept, other);
    reported
}

/// True when a difference is only one page naming what the other calls
/// an untyped object: nothing to report.
fn is_refinement(difference: &Difference, kept: &Field, other: &Field) -> bool {
    matches!(difference, Difference::Fact { fact: "type", .. })
        && (refines(&kept.ty, &other.ty) || refines(&other.ty, &kept.ty))
}

/// `precise` says what `vague` says, more precisely: a model (or a list or
/// map of them) for an untyped object.
fn refines(precise: &TypeRef, vague: &TypeRef) -> bool {
    match (precise, vague) {
        (TypeRef::Model(_) | TypeRef::Map(_), TypeRef::Object) => true,
        (TypeRef::Array(p), TypeRef::Array(v)) | (TypeRef::Map(p), TypeRef::Map(v)) => {
            refines(p, v)
        }
        _ => false,
    }
}

/// The type both statements fit, when there is one other than the first.
fn wider_type(kept: &TypeRef, other: &TypeRef) -> Option<TypeRef> {
    if kept == other || refines(kept, other) {
        return None;
    }
    if refines(other, kept) {
        return Some(other.clone());
    }
    match other {
        TypeRef::Array(item) if **item == *kept => Some(other.clone()),
        _ => None,
    }
}

fn widen_number(kept: &mut Option<Fact<Number>>, other: &mut Option<Fact<Number>>, keep: Ordering) {
    if let (Some(a), Some(b)) = (kept.as_mut(), other.as_mut()) {
        let (x, y) = (a.value.as_f64(), b.value.as_f64());
        if let Some(order) = x.zip(y).and_then(|(x, y)| y.partial_cmp(&x)) {
            if order == keep {
                a.value = b.value.clone();
            } else {
                b.value = a.value.clone();
            }
        }
    }
}

fn widen_count(kept: &mut Option<Fact<u64>>, other: &mut Option<Fact<u64>>, keep: Ordering) {
    if let (Some(a), Some(b)) = (kept.as_mut(), other.as_mut()) {
        if b.value.cmp(&a.value) == keep {
            a.value = b.value;
        } else {
            b.value = a.value;
        }
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::Span;

    use super::*;
    use crate::testkit::*;

    fn bounded(ty: TypeRef, required: bool, minimum: i64, max_length: u64) -> Field {
        let mut field = field("ttl", ty, span("a", 1));
        field.required = Some(required);
        field.constraints.minimum = Some(Fact::new(minimum.into(), Span::new("a", 2)));
        field.constraints.max_length = Some(Fact::new(max_length, Span::new("a", 3)));
        field
    }

    #[test]
    fn both_statements_take_what_either_allows() {
        let mut kept = bounded(TypeRef::Integer, true, 300, 10);
        let mut other = bounded(TypeRef::Integer, false, 1, 20);
        widen(&mut kept, &mut other);
        for field in [&kept, &other] {
            assert_eq!(field.required, Some(false));
            let minimum = field.constraints.minimum.as_ref().map(|f| f.value.clone());
            assert_eq!(minimum, Some(1.into()));
            assert_eq!(
                field.constraints.max_length.as_ref().map(|f| f.value),
                Some(20)
            );
        }
    }

    #[test]
    fn a_named_model_wins_over_an_untyped_object_and_a_list_over_one_value() {
        let model = TypeRef::Array(Box::new(TypeRef::Model("Rule".into())));
        let mut kept = field(
            "rules",
            TypeRef::Array(Box::new(TypeRef::Object)),
            span("a", 1),
        );
        let mut other = field("rules", model.clone(), span("b", 1));
        widen(&mut kept, &mut other);
        assert_eq!((&kept.ty, &other.ty), (&model, &model));
        let list = TypeRef::Array(Box::new(TypeRef::String));
        let mut kept = field("status", TypeRef::String, span("a", 1));
        let mut other = field("status", list.clone(), span("b", 1));
        widen(&mut kept, &mut other);
        assert_eq!(kept.ty, list);
    }

    #[test]
    fn unrelated_types_keep_the_first_page_s() {
        let mut kept = field("id", TypeRef::String, span("a", 1));
        let mut other = field("id", TypeRef::Integer, span("b", 1));
        widen(&mut kept, &mut other);
        assert_eq!((kept.ty, other.ty), (TypeRef::String, TypeRef::Integer));
    }
}
