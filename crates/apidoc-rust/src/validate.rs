//! Checks of documented constraints (ranges, lengths, item counts, enum
//! values) that generated requests run before sending.
//!
//! [`own_checks`] says which checks a field has; the code generators place
//! exactly those, so a model is marked as validating (in the plan) exactly
//! when it gets a `validate_at` method.

use crate::ident::Name;
use crate::plan::{FieldPlan, Plan, leaf};
use crate::syntax::{Stmts, path_expr, str_lit};
use crate::types::{Shape, TypeContext};
use apidoc_ir::{Fact, Number, TypeRef, Value};
use proc_macro2::{Ident, Literal};
use quote::format_ident;

/// One documented constraint of a field.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Check {
    /// Number of items of the (outer) array.
    Items(Option<u64>, Option<u64>),
    /// Numeric range of each number.
    Range(Option<f64>, Option<f64>),
    /// Length of each string.
    Length(Option<u64>, Option<u64>),
    /// Each string is one of the values of the enum (index into the plan).
    OneOf(usize),
}

impl Check {
    /// True when a JSON value passes the check as the generated `validate`
    /// decides it: `Items` reads the outer array, the others a leaf.
    pub(crate) fn admits(&self, value: &Value, plan: &Plan) -> bool {
        match self {
            Self::Items(min, max) => value
                .as_array()
                .is_some_and(|items| within(items.len(), *min, *max)),
            Self::Length(min, max) => value
                .as_str()
                .is_some_and(|text| within(text.chars().count(), *min, *max)),
            Self::Range(min, max) => value.as_f64().is_some_and(|number| {
                min.is_none_or(|min| number >= min) && max.is_none_or(|max| number <= max)
            }),
            Self::OneOf(index) => value.as_str().is_some_and(|text| {
                plan.enums[*index]
                    .variants
                    .iter()
                    .any(|variant| variant.wire == text)
            }),
        }
    }
}

/// True when a count lies within the bounds.
fn within(count: usize, min: Option<u64>, max: Option<u64>) -> bool {
    let count = u64::try_from(count).unwrap_or(u64::MAX);
    min.is_none_or(|min| count >= min) && max.is_none_or(|max| count <= max)
}

/// The checks a field's constraints call for, those that apply to its type.
pub(crate) fn own_checks(field: &FieldPlan) -> Vec<Check> {
    let constraints = &field.field.constraints;
    let mut checks = Vec::new();
    if matches!(field.field.ty, TypeRef::Array(_)) {
        push_bounds(
            &mut checks,
            &constraints.min_items,
            &constraints.max_items,
            Check::Items,
        );
    }
    match (leaf(&field.field.ty), field.enum_index) {
        (TypeRef::String, Some(index)) => checks.push(Check::OneOf(index)),
        (TypeRef::String, None) => {
            push_bounds(
                &mut checks,
                &constraints.min_length,
                &constraints.max_length,
                Check::Length,
            );
        }
        (TypeRef::Integer | TypeRef::Long | TypeRef::Number, _) => {
            let (min, max) = (as_f64(&constraints.minimum), as_f64(&constraints.maximum));
            if min.is_some() || max.is_some() {
                checks.push(Check::Range(min, max));
            }
        }
        _ => {}
    }
    checks
}

fn push_bounds<T: Copy>(
    checks: &mut Vec<Check>,
    min: &Option<Fact<T>>,
    max: &Option<Fact<T>>,
    check: fn(Option<T>, Option<T>) -> Check,
) {
    let (min, max) = (min.as_ref().map(|f| f.value), max.as_ref().map(|f| f.value));
    if min.is_some() || max.is_some() {
        checks.push(check(min, max));
    }
}

fn as_f64(bound: &Option<Fact<Number>>) -> Option<f64> {
    bound.as_ref().and_then(|fact| fact.value.as_f64())
}

/// A field path as reported in validation errors, e.g. `body.items[3].name`:
/// literal text and the names of variables holding path parts.
#[derive(Clone, Debug)]
pub(crate) struct FieldPath {
    parts: Vec<Part>,
}

#[derive(Clone, Debug)]
enum Part {
    Text(String),
    Var(Ident),
}

impl FieldPath {
    /// A path that is plain text (a parameter name, `body`).
    pub(crate) fn text(text: &str) -> Self {
        Self {
            parts: vec![Part::Text(text.to_owned())],
        }
    }

    /// The path of a field below the `path: &str` argument of `validate_at`.
    pub(crate) fn below_argument(wire: &str) -> Self {
        Self {
            parts: vec![
                Part::Var(format_ident!("path")),
                Part::Text(format!(".{wire}")),
            ],
        }
    }

    /// The path of an array item whose index is in variable `index`.
    fn index(&self, index: &Ident) -> Self {
        self.then([
            Part::Text("[".to_owned()),
            Part::Var(index.clone()),
            Part::Text("]".to_owned()),
        ])
    }

    /// The path of a map value whose key is in variable `key`.
    fn key(&self, key: &Ident) -> Self {
        self.then([Part::Text(".".to_owned()), Part::Var(key.clone())])
    }

    fn then(&self, more: impl IntoIterator<Item = Part>) -> Self {
        let mut parts = self.parts.clone();
        parts.extend(more);
        Self { parts }
    }

    /// A `&str` expression of the path: a literal, or a `format!` where a
    /// part is only known at run time.
    fn expr(&self) -> syn::Expr {
        let dynamic = self.parts.iter().any(|part| matches!(part, Part::Var(_)));
        let text: String = self
            .parts
            .iter()
            .map(|part| match part {
                Part::Text(text) if dynamic => text.replace('{', "{{").replace('}', "}}"),
                Part::Text(text) => text.clone(),
                Part::Var(var) => format!("{{{var}}}"),
            })
            .collect();
        if dynamic {
            syntax!(syn::Expr; text = &text; &format!(#text))
        } else {
            str_lit(&text)
        }
    }
}

/// Generates checks in one module of the generated crate.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checker<'p, 'a> {
    /// The names and the module.
    pub(crate) context: TypeContext<'p, 'a>,
}

impl Checker<'_, '_> {
    /// Checks of a struct field `self.<ident>` of the given shape and type
    /// (the type as the struct holds it, before `Option`/`Nullable`).
    pub(crate) fn field(
        &self,
        field: &FieldPlan,
        ty: &TypeRef,
        shape: Shape,
        path: &FieldPath,
    ) -> Vec<syn::Stmt> {
        let checks = own_checks(field);
        let body = self.value(ty, &checks, &value_var(), path, 0);
        unwrap_member(&field.ident, shape, body)
    }

    /// Checks of `value` (an expression of type `&T`) of type `ty`: the
    /// item count at the outer level, then each leaf and nested model.
    /// Empty when nothing is checked.
    pub(crate) fn value(
        &self,
        ty: &TypeRef,
        checks: &[Check],
        value: &syn::Expr,
        path: &FieldPath,
        depth: usize,
    ) -> Vec<syn::Stmt> {
        let field = path.expr();
        let mut stmts = Vec::new();
        for check in checks.iter().filter(|_| depth == 0) {
            if let Check::Items(min, max) = check {
                stmts.extend(
                    syntax!(Stmts;
                        field = field.clone(),
                        value = value.clone(),
                        min = bound(min.map(Literal::u64_unsuffixed)),
                        max = bound(max.map(Literal::u64_unsuffixed));
                        apidoc_runtime::validate::items(#field, #value.len(), #min, #max)?;
                    )
                    .0,
                );
            }
        }
        match ty {
            TypeRef::Array(inner) | TypeRef::Map(inner) => {
                let array = matches!(ty, TypeRef::Array(_));
                let key = format_ident!("{}{depth}", if array { "index" } else { "key" });
                let item = format_ident!("item{depth}");
                let path = if array {
                    path.index(&key)
                } else {
                    path.key(&key)
                };
                let body = self.value(
                    inner,
                    checks,
                    &path_expr(item.clone().into()),
                    &path,
                    depth + 1,
                );
                if !body.is_empty() {
                    let (value, body) = (value.clone(), body);
                    let each = if array {
                        syntax!(Stmts; key = key, item = item, value = value, body = body;
                            for (#key, #item) in #value.iter().enumerate() { #body; }
                        )
                    } else {
                        syntax!(Stmts; key = key, item = item, value = value, body = body;
                            for (#key, #item) in #value { #body; }
                        )
                    };
                    stmts.extend(each.0);
                }
            }
            TypeRef::Model(name) => {
                if self
                    .context
                    .plan
                    .model(name)
                    .is_some_and(|model| model.validates)
                {
                    stmts.extend(
                        syntax!(Stmts; value = value.clone(), field = field;
                            #value.validate_at(#field)?;
                        )
                        .0,
                    );
                }
            }
            leaf_type => {
                for check in checks {
                    stmts.extend(leaf_check(check, leaf_type, value, &field, &self.context));
                }
            }
        }
        stmts
    }
}

/// `value`, the variable the checks of a member read.
fn value_var() -> syn::Expr {
    path_expr(format_ident!("value").into())
}

/// Runs `checks` (which read `value`) on the value of member `self.<ident>`
/// where it has one; nothing when there is nothing to check.
pub(crate) fn unwrap_member(ident: &Name, shape: Shape, checks: Vec<syn::Stmt>) -> Vec<syn::Stmt> {
    if checks.is_empty() {
        return checks;
    }
    let unwrapped = match shape {
        Shape::Plain => syntax!(Stmts; ident = ident, checks = checks;
            let value = &self.#ident;
            #checks;
        ),
        Shape::Optional => syntax!(Stmts; ident = ident, checks = checks;
            if let Some(value) = &self.#ident { #checks; }
        ),
        Shape::Nullable => syntax!(Stmts; ident = ident, checks = checks;
            if let apidoc_runtime::Nullable::Value(value) = &self.#ident { #checks; }
        ),
        Shape::OptionalNullable => syntax!(Stmts; ident = ident, checks = checks;
            if let Some(apidoc_runtime::Nullable::Value(value)) = &self.#ident { #checks; }
        ),
    };
    unwrapped.0
}

/// A check of a string or number leaf.
fn leaf_check(
    check: &Check,
    ty: &TypeRef,
    value: &syn::Expr,
    field: &syn::Expr,
    context: &TypeContext,
) -> Vec<syn::Stmt> {
    let (value, field) = (value.clone(), field.clone());
    let check = match check {
        Check::Items(..) => return Vec::new(),
        Check::Length(min, max) => syntax!(Stmts;
            field = field,
            value = value,
            min = bound(min.map(Literal::u64_unsuffixed)),
            max = bound(max.map(Literal::u64_unsuffixed));
            apidoc_runtime::validate::length(#field, #value, #min, #max)?;
        ),
        Check::OneOf(index) => syntax!(Stmts;
            field = field,
            value = value,
            known = context.enum_values(*index);
            apidoc_runtime::validate::one_of(#field, #value.as_str(), #known)?;
        ),
        Check::Range(min, max) => {
            let number = match ty {
                TypeRef::Integer => syntax!(syn::Expr; value = value; f64::from(*#value)),
                TypeRef::Long => syntax!(syn::Expr; value = value; *#value as f64),
                _ => syntax!(syn::Expr; value = value; *#value),
            };
            syntax!(Stmts;
                field = field,
                number = number,
                min = bound(min.map(Literal::f64_unsuffixed)),
                max = bound(max.map(Literal::f64_unsuffixed));
                apidoc_runtime::validate::range(#field, #number, #min, #max)?;
            )
        }
    };
    check.0
}

fn bound(literal: Option<Literal>) -> syn::Expr {
    match literal {
        Some(literal) => syntax!(syn::Expr; literal = literal; Some(#literal)),
        None => syntax!(syn::Expr;; None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{FieldExt, array, field, string};
    use crate::ident::{Case, Scope};
    use quote::ToTokens;

    fn checks(field: &apidoc_ir::Field, enum_index: Option<usize>) -> Vec<Check> {
        let mut plan = FieldPlan::new(field, &mut Scope::new(Case::Snake));
        plan.enum_index = enum_index;
        own_checks(&plan)
    }

    #[test]
    fn checks_apply_where_the_type_allows() {
        let tags = field("tags", array(string()))
            .items(Some(1), None)
            .length(None, Some(64))
            .range(1, 2);
        assert_eq!(
            checks(&tags, None),
            [Check::Items(Some(1), None), Check::Length(None, Some(64))]
        );
        // An enum replaces the length check; a range on text means nothing.
        let kind = field("kind", string()).length(Some(1), None);
        assert_eq!(checks(&kind, Some(3)), [Check::OneOf(3)]);
        let limit = field("limit", TypeRef::Integer)
            .range(1, 100)
            .length(Some(1), None);
        assert_eq!(checks(&limit, None), [Check::Range(Some(1.0), Some(100.0))]);
        assert!(checks(&field("flag", TypeRef::Boolean).range(0, 1), None).is_empty());
    }

    #[test]
    fn paths_are_literals_until_a_part_is_dynamic() {
        assert_eq!(
            FieldPath::text("limit")
                .expr()
                .to_token_stream()
                .to_string(),
            "\"limit\""
        );
        let nested = FieldPath::below_argument("a{b}").index(&format_ident!("index0"));
        assert_eq!(
            nested.expr().to_token_stream().to_string(),
            "& format ! (\"{path}.a{{b}}[{index0}]\")"
        );
    }
}
