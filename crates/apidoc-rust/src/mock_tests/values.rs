//! Values as the generated tests write them: Rust expressions of parameter
//! and header values, the text they travel as, and JSON in raw strings.

use super::Uses;
use crate::plan::{Module, Plan, UNKNOWN_VARIANT};
use crate::syntax::{lit, str_lit};
use apidoc_ir::{TypeRef, Value};
use proc_macro2::Literal;
use quote::format_ident;

/// A Rust expression of a value of a parameter or header of type `ty` (a
/// type as `parameter_type` or `header_type` give it). At the `top`, a
/// plain string stays a `&str` literal: setters and `new` take
/// `impl Into<String>`.
pub(super) fn rust_value(
    plan: &Plan,
    uses: &mut Uses,
    value: &Value,
    ty: &TypeRef,
    enum_index: Option<usize>,
    top: bool,
) -> syn::Expr {
    match (ty, value) {
        (TypeRef::Array(inner), Value::Array(items)) => {
            let items: Vec<syn::Expr> = items
                .iter()
                .map(|item| rust_value(plan, uses, item, inner, enum_index, false))
                .collect();
            syntax!(syn::Expr; items = items; vec![#items])
        }
        (TypeRef::String, Value::String(text)) => match enum_index {
            Some(index) => enum_value(plan, uses, index, text),
            None if top => str_lit(text),
            None => syntax!(syn::Expr; text = text; #text.to_owned()),
        },
        (TypeRef::Integer | TypeRef::Long, Value::Number(number)) => match number.as_i64() {
            Some(integer) => signed(Literal::u64_unsuffixed(integer.unsigned_abs()), integer < 0),
            None => json_value(uses, value),
        },
        (TypeRef::Number, Value::Number(number)) => match number.as_f64() {
            Some(float) => signed(Literal::f64_unsuffixed(float.abs()), float < 0.0),
            None => json_value(uses, value),
        },
        (TypeRef::Boolean, Value::Bool(flag)) => syn::Expr::Lit(syn::ExprLit {
            attrs: Vec::new(),
            lit: syn::Lit::Bool(syn::LitBool::new(*flag, proc_macro2::Span::call_site())),
        }),
        _ => json_value(uses, value),
    }
}

/// `-literal` for negative numbers: a literal token holds no sign.
fn signed(literal: Literal, negative: bool) -> syn::Expr {
    if negative {
        syntax!(syn::Expr; literal = literal; -#literal)
    } else {
        lit(literal)
    }
}

/// A listed value as its variant, another as `Unknown`.
fn enum_value(plan: &Plan, uses: &mut Uses, index: usize, wire: &str) -> syn::Expr {
    let item = &plan.enums[index];
    let module = match item.module {
        Module::Models => {
            uses.models = true;
            format_ident!("models")
        }
        Module::Operations => format_ident!("operations"),
    };
    match item.variants.iter().find(|variant| variant.wire == wire) {
        Some(variant) => syntax!(syn::Expr;
            module = module, ident = &item.ident, variant = &variant.ident;
            #module::#ident::#variant
        ),
        None => syntax!(syn::Expr;
            module = module,
            ident = &item.ident,
            unknown = format_ident!("{UNKNOWN_VARIANT}"),
            wire = wire;
            #module::#ident::#unknown(#wire.to_owned())
        ),
    }
}

/// `json(r#"..."#)`: a JSON value from its text.
pub(super) fn json_value(uses: &mut Uses, value: &Value) -> syn::Expr {
    uses.json = true;
    syntax!(syn::Expr; text = raw_string(&pretty(value)); json(#text))
}

/// The text a scalar value travels as in a URL or header, as the SDK
/// writes it (`to_string` of the Rust value).
pub(super) fn wire_text(value: &Value, ty: &TypeRef) -> String {
    match (ty, value) {
        (_, Value::String(text)) => text.clone(),
        (TypeRef::Number, Value::Number(number)) => number
            .as_f64()
            .map_or_else(|| number.to_string(), |float| float.to_string()),
        (_, other) => other.to_string(),
    }
}

/// JSON as the page shows it: indented, keys in page order.
pub(super) fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// A raw string literal (`r#"..."#`) of text with quotes, backslashes or
/// lines, with enough `#` that the text cannot end it; an ordinary string
/// literal for other text and where a raw one cannot hold the text (a
/// carriage return).
pub(super) fn raw_string(text: &str) -> Literal {
    if !text.contains(['"', '\\', '\n']) || text.contains('\r') {
        return Literal::string(text);
    }
    let mut hashes = "#".to_owned();
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| Literal::string(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_strings_outlast_their_text() {
        assert_eq!(raw_string("{}").to_string(), "\"{}\"");
        assert_eq!(raw_string("{\"a\": 1}").to_string(), "r#\"{\"a\": 1}\"#");
        assert_eq!(raw_string("\"#").to_string(), "r##\"\"#\"##");
        assert_eq!(raw_string("a\rb").to_string(), "\"a\\rb\"");
    }

    #[test]
    fn numbers_travel_as_rust_prints_them() {
        assert_eq!(wire_text(&Value::from(1), &TypeRef::Number), "1");
        assert_eq!(wire_text(&Value::from(0.5), &TypeRef::Number), "0.5");
        assert_eq!(wire_text(&Value::from(-3), &TypeRef::Integer), "-3");
        assert_eq!(wire_text(&Value::from("a b"), &TypeRef::String), "a b");
        assert_eq!(wire_text(&Value::from(true), &TypeRef::Boolean), "true");
    }
}
