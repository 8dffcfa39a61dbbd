//! The request of an operation's test, and what the mock server expects of
//! it: parameters and body from the page's example request where it has
//! one, else built from the tables.

use super::Uses;
use super::values::{json_value, pretty, raw_string, rust_value, wire_text};
use crate::docs::{Doc, code};
use crate::ident::Name;
use crate::plan::{BodyPlan, BodyShape, OperationPlan, PROJECT_ID, ParamPlan, Plan};
use crate::sample::{Sampler, Side, Slot};
use crate::syntax::{Stmts, method_call, str_lit};
use crate::types::parameter_type;
use apidoc_ir::{ExampleBody, ParamLocation, RequestExample, TypeRef, Value};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use proc_macro2::Ident;
use quote::format_ident;
use std::collections::BTreeMap;

/// What the runtime leaves unescaped in a path value: `A-Z a-z 0-9 - _ . ~`.
const PATH_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The request of an operation's tests, and what the mock server expects
/// of it.
pub(super) struct RequestCase {
    /// The body's JSON text as a constant, for the request and the mock's
    /// body matcher alike.
    pub(super) body_const: Option<syn::Item>,
    /// The expression building the request.
    pub(super) build: syn::Expr,
    /// `let` statements of the mock-server test: the body the SDK sends,
    /// where it differs from the text it was built from.
    pub(super) lets: Vec<syn::Stmt>,
    /// The arguments of the `.and(...)` matchers after the method matcher.
    pub(super) matchers: Vec<syn::Expr>,
    /// True when the page has an example request of the operation.
    pub(super) has_example: bool,
    /// True when the page's example request gave a value.
    pub(super) from_example: bool,
    /// Departures from the page's example.
    pub(super) notes: Vec<String>,
    /// Path placeholders that no documented parameter fills.
    pub(super) unfilled: Vec<String>,
}

/// One parameter's value: how the test sets it and how it travels.
struct ParamValue<'p, 'a> {
    param: &'p ParamPlan<'a>,
    /// The Rust expression.
    rust: syn::Expr,
    /// The texts it travels as: one per query item, else one.
    texts: Vec<String>,
}

/// Builds the request case of `operation`, whose request the function
/// `builder` makes.
pub(super) fn request_case(
    plan: &Plan,
    uses: &mut Uses,
    operation: &OperationPlan,
    builder: &Name,
) -> RequestCase {
    let example = example(operation);
    let url = example
        .map(|example| UrlValues::read(&operation.uri.path, &example.url))
        .unwrap_or_default();
    let mut sampler = Sampler::new(plan, Side::Request);
    let mut from_example = false;
    let values: Vec<ParamValue> = operation
        .parameters
        .iter()
        // The client fills the path's project id: the test checks it does.
        .filter(|param| {
            !(param.location == ParamLocation::Path && param.field.field.name == PROJECT_ID)
        })
        .map(|param| {
            let given = url.given(param);
            from_example |= given.is_some();
            param_value(plan, uses, &mut sampler, param, given.as_ref())
        })
        .collect();
    let mut notes = sampler.notes;
    let body = operation.body.as_ref().map(|body| {
        let given = example.and_then(|example| match &example.body {
            Some(ExampleBody::Json(value)) => Some(value),
            _ => None,
        });
        from_example |= given.is_some();
        let built = body_value(plan, body, given);
        notes.extend(built.notes.iter().cloned());
        built
    });
    let unfilled = unfilled_placeholders(operation);
    let body_name = format_ident!("{}_BODY", builder.unraw().to_uppercase());
    let body = body.map(|value| NamedBody {
        value,
        name: body_name,
    });
    let matchers = matchers(operation, &values, body.as_ref(), uses);
    let build = build(operation, &values, body.as_ref(), uses);
    let (body_const, lets) = match &body {
        Some(body) => (Some(body.constant(builder)), body.wire_let(uses)),
        None => (None, Vec::new()),
    };
    RequestCase {
        body_const,
        build,
        lets,
        matchers,
        has_example: example.is_some(),
        from_example,
        notes,
        unfilled,
    }
}

/// The page's example request of this method, if any.
fn example<'a>(operation: &OperationPlan<'a>) -> Option<&'a RequestExample> {
    let examples = &operation.operation.request_examples;
    examples
        .iter()
        .find(|example| example.method == operation.uri.method)
        .or(examples.first())
}

fn param_value<'p, 'a>(
    plan: &Plan,
    uses: &mut Uses,
    sampler: &mut Sampler,
    param: &'p ParamPlan<'a>,
    given: Option<&Value>,
) -> ParamValue<'p, 'a> {
    let ty = parameter_type(&param.field.field.ty);
    let slot = Slot::of_field(&param.field);
    let value = sampler.value(given, &ty, &slot, &param.field.field.name);
    let enum_index = param.field.enum_index;
    let texts = match (&ty, &value, param.location) {
        (TypeRef::Array(inner), Value::Array(items), ParamLocation::Query) => {
            items.iter().map(|item| wire_text(item, inner)).collect()
        }
        (TypeRef::Array(inner), Value::Array(items), _) => vec![
            items
                .iter()
                .map(|item| wire_text(item, inner))
                .collect::<Vec<_>>()
                .join(","),
        ],
        _ => vec![wire_text(&value, &ty)],
    };
    ParamValue {
        param,
        rust: rust_value(plan, uses, &value, &ty, enum_index, true),
        texts,
    }
}

/// Path and query values of an example URL.
#[derive(Debug, Default)]
struct UrlValues {
    path: BTreeMap<String, String>,
    query: BTreeMap<String, Vec<String>>,
}

impl UrlValues {
    /// Reads `https://{endpoint}/v1/abc/x?limit=10` against the template
    /// `/v1/{id}/x`: `id` is `abc`, `limit` is `10`. Placeholders left in
    /// the example (`{project_id}`) give nothing; a path of another shape
    /// gives no path values.
    fn read(template: &str, url: &str) -> Self {
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let target = match after_scheme.find('/') {
            Some(start) => &after_scheme[start..],
            None => "",
        };
        let target = target.split('#').next().unwrap_or_default();
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let mut values = Self::default();
        let template_segments: Vec<&str> = template.split('/').collect();
        let example_segments: Vec<&str> = path.split('/').collect();
        if template_segments.len() == example_segments.len() {
            for (template, example) in template_segments.iter().zip(&example_segments) {
                let name = template.strip_prefix('{').and_then(|t| t.strip_suffix('}'));
                // `{x}` is a placeholder; empty and dot segments are refused by
                // the runtime, so they are no example of a value.
                let value = decoded(example);
                if let Some(name) = name.filter(|_| !example.contains('{'))
                    && !matches!(value.as_str(), "" | "." | "..")
                {
                    values.path.insert(name.to_owned(), value);
                }
            }
        }
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if !value.contains('{') {
                values
                    .query
                    .entry(decoded(key))
                    .or_default()
                    .push(decoded(value));
            }
        }
        values
    }

    /// The example's value of a parameter, typed as far as its text allows
    /// (text that does not parse stays text, and the sampler notes it).
    fn given(&self, param: &ParamPlan) -> Option<Value> {
        let name = &param.field.field.name;
        let texts: Vec<&str> = match param.location {
            ParamLocation::Path => self.path.get(name).map(|v| vec![v.as_str()])?,
            ParamLocation::Query => self.query.get(name)?.iter().map(String::as_str).collect(),
            ParamLocation::Header => return None,
        };
        match parameter_type(&param.field.field.ty) {
            TypeRef::Array(inner) => {
                let items: Vec<&str> = match param.location {
                    ParamLocation::Query => texts,
                    _ => texts.first()?.split(',').collect(),
                };
                Some(Value::Array(
                    items.into_iter().map(|text| typed(text, &inner)).collect(),
                ))
            }
            // Object parameters travel as JSON text whose key order depends
            // on serde_json's features: the test sends `{}` instead.
            TypeRef::Object => None,
            scalar => Some(typed(texts.first()?, &scalar)),
        }
    }
}

/// URL text percent-decoded where it decodes to UTF-8.
fn decoded(text: &str) -> String {
    percent_decode_str(text)
        .decode_utf8()
        .map_or_else(|_| text.to_owned(), |decoded| decoded.into_owned())
}

/// URL text as a value of a scalar type; text where it does not parse.
fn typed(text: &str, ty: &TypeRef) -> Value {
    let parsed = match ty {
        TypeRef::Integer | TypeRef::Long => text.parse::<i64>().ok().map(Value::from),
        TypeRef::Number => text
            .parse::<f64>()
            .ok()
            .filter(|number| number.is_finite())
            .map(Value::from),
        TypeRef::Boolean => text.parse::<bool>().ok().map(Value::from),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(text.to_owned()))
}

/// The request body of a test.
#[derive(Debug)]
struct BodyValue<'p, 'a> {
    plan: &'p BodyPlan<'a>,
    /// The JSON the test deserialises the body from.
    sent: Value,
    /// What the SDK sends for it, where that differs.
    on_the_wire: Option<Value>,
    /// The variant of a body of several documented shapes.
    variant: Option<Name>,
    notes: Vec<String>,
}

/// The body from the example where it fits, else built; for several
/// documented bodies, the one the example fits best.
fn body_value<'p, 'a>(
    plan: &Plan,
    body: &'p BodyPlan<'a>,
    given: Option<&Value>,
) -> BodyValue<'p, 'a> {
    let candidates: Vec<(Option<&Name>, &TypeRef)> = match &body.shape {
        BodyShape::Single(schema) => vec![(None, *schema)],
        BodyShape::Variants { variants, .. } => variants
            .iter()
            .map(|(ident, variant)| (Some(ident), &variant.schema))
            .collect(),
    };
    let tried = candidates.into_iter().map(|(variant, schema)| {
        let mut sampler = Sampler::new(plan, Side::Request);
        let sent = sampler.value(given, schema, &Slot::bare("body"), "body");
        let wire = sampler.reserialised(&sent, schema);
        BodyValue {
            plan: body,
            on_the_wire: (wire != sent).then_some(wire),
            sent,
            variant: variant.cloned(),
            notes: sampler.notes,
        }
    });
    // The first of the fewest departures from the page.
    tried
        .reduce(|best, next| {
            if next.notes.len() < best.notes.len() {
                next
            } else {
                best
            }
        })
        .unwrap_or_else(|| BodyValue {
            plan: body,
            sent: Value::Null,
            on_the_wire: None,
            variant: None,
            notes: Vec::new(),
        })
}

/// A request body and the constant holding its JSON text.
struct NamedBody<'p, 'a> {
    value: BodyValue<'p, 'a>,
    /// `<BUILDER>_BODY`.
    name: Ident,
}

impl NamedBody<'_, '_> {
    /// `const <BUILDER>_BODY: &str = r#"..."#;`
    fn constant(&self, builder: &Name) -> syn::Item {
        let doc = Doc::with_summary(format!(
            "The JSON body of {}.",
            code(&format!("{}()", builder.unraw()))
        ));
        syntax!(syn::Item;
            doc = doc.attrs(),
            name = &self.name,
            text = raw_string(&pretty(&self.value.sent));

            #[#doc]
            const #name: &str = #text;
        )
    }

    /// `let body_on_the_wire = json(...);` where the SDK sends other JSON
    /// than the text it was built from.
    fn wire_let(&self, uses: &mut Uses) -> Vec<syn::Stmt> {
        match &self.value.on_the_wire {
            Some(wire) => {
                syntax!(Stmts; wire = json_value(uses, wire); let body_on_the_wire = #wire;).0
            }
            None => Vec::new(),
        }
    }

    /// The body argument: `from_json(&json(<BUILDER>_BODY))`, wrapped in
    /// its variant.
    fn expression(&self, uses: &mut Uses) -> syn::Expr {
        uses.from_json = true;
        uses.json = true;
        let value = syntax!(syn::Expr; name = &self.name; from_json(&json(#name)));
        match (&self.value.plan.shape, &self.value.variant) {
            (BodyShape::Variants { ident, .. }, Some(variant)) => syntax!(syn::Expr;
                ident = ident, variant = variant, value = value;
                operations::#ident::#variant(#value)
            ),
            _ => value,
        }
    }

    /// The body the mock server expects: the SDK's own reading of the text.
    fn expected(&self, uses: &mut Uses) -> syn::Expr {
        if self.value.on_the_wire.is_some() {
            syntax!(syn::Expr;; &body_on_the_wire)
        } else {
            uses.json = true;
            syntax!(syn::Expr; name = &self.name; json(#name))
        }
    }
}

/// `operations::XRequest::new(<required>).<optional>(...)`.
fn build(
    operation: &OperationPlan,
    values: &[ParamValue],
    body: Option<&NamedBody>,
    uses: &mut Uses,
) -> syn::Expr {
    let mut arguments = Vec::new();
    let mut setters = Vec::new();
    for value in values {
        if value.param.required {
            arguments.push(value.rust.clone());
        } else {
            setters.push((&value.param.field.ident, value.rust.clone()));
        }
    }
    if let Some(body) = body {
        let expression = body.expression(uses);
        if body.value.plan.required {
            arguments.push(expression);
        } else {
            setters.push((&body.value.plan.ident, expression));
        }
    }
    let new = syntax!(syn::Expr; request = &operation.request, arguments = arguments;
        operations::#request::new(#arguments)
    );
    setters.into_iter().fold(new, |request, (setter, value)| {
        method_call(request, setter.ident(), vec![value])
    })
}

/// The matchers of path, query, headers and body.
fn matchers(
    operation: &OperationPlan,
    values: &[ParamValue],
    body: Option<&NamedBody>,
    uses: &mut Uses,
) -> Vec<syn::Expr> {
    let path = expected_path(&operation.uri.path, values, uses);
    let pairs: Vec<syn::Expr> = values
        .iter()
        .filter(|value| value.param.location == ParamLocation::Query)
        .flat_map(|value| {
            let name = &value.param.field.field.name;
            value
                .texts
                .iter()
                .map(move |text| syntax!(syn::Expr; name = name, text = text; (#name, #text)))
        })
        .collect();
    let mut matchers = vec![
        syntax!(syn::Expr; path = path; path(#path)),
        syntax!(syn::Expr; pairs = pairs; query_is(&[#pairs])),
    ];
    for value in values
        .iter()
        .filter(|value| value.param.location == ParamLocation::Header)
    {
        let name = &value.param.field.field.name;
        matchers.push(match parameter_type(&value.param.field.field.ty) {
            // The matcher splits received values on commas.
            TypeRef::Array(_) => {
                uses.headers = true;
                let items: Vec<syn::Expr> = value
                    .texts
                    .iter()
                    .flat_map(|text| text.split(','))
                    .map(str_lit)
                    .collect();
                syntax!(syn::Expr; name = name, items = items; headers(#name, vec![#items]))
            }
            _ => {
                uses.header = true;
                let text = value.texts.first().map(String::as_str).unwrap_or_default();
                syntax!(syn::Expr; name = name, text = text; header(#name, #text))
            }
        });
    }
    match body {
        Some(body) => {
            uses.body_json = true;
            uses.header = true;
            matchers.push(syntax!(syn::Expr;; header("content-type", "application/json")));
            let expected = body.expected(uses);
            matchers.push(syntax!(syn::Expr; expected = expected; body_json(#expected)));
        }
        None => {
            uses.without_body = true;
            matchers.push(syntax!(syn::Expr;; without_body));
        }
    }
    matchers
}

/// The path the server must see: the project id from the client's
/// configuration, other values percent-encoded as the runtime encodes
/// them; a `format!` where the project id constant takes part.
fn expected_path(template: &str, values: &[ParamValue], uses: &mut Uses) -> syn::Expr {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some((before, after_open)) = rest.split_once('{') {
        let Some((name, after)) = after_open.split_once('}') else {
            break;
        };
        parts.push(PathPart::Text(before.to_owned()));
        let value = values.iter().find(|value| {
            value.param.location == ParamLocation::Path && value.param.field.field.name == name
        });
        parts.push(match value.and_then(|value| value.texts.first()) {
            Some(value) => PathPart::Text(utf8_percent_encode(value, PATH_VALUE).to_string()),
            None if name == PROJECT_ID => PathPart::ProjectId,
            // Unfilled: the test is ignored, and says why.
            None => PathPart::Text(format!("{{{name}}}")),
        });
        rest = after;
    }
    parts.push(PathPart::Text(rest.to_owned()));
    if parts.iter().any(|part| matches!(part, PathPart::ProjectId)) {
        uses.project_id = true;
        let format: String = parts
            .iter()
            .map(|part| match part {
                PathPart::Text(text) => text.replace('{', "{{").replace('}', "}}"),
                PathPart::ProjectId => "{PROJECT_ID}".to_owned(),
            })
            .collect();
        syntax!(syn::Expr; format = &format; format!(#format))
    } else {
        let plain: String = parts
            .iter()
            .filter_map(|part| match part {
                PathPart::Text(text) => Some(text.as_str()),
                PathPart::ProjectId => None,
            })
            .collect();
        str_lit(&plain)
    }
}

/// A piece of the expected path.
enum PathPart {
    Text(String),
    ProjectId,
}

/// Placeholders of the path that neither a documented path parameter nor
/// the client's project id fills: the operation cannot be called.
fn unfilled_placeholders(operation: &OperationPlan) -> Vec<String> {
    let mut unfilled = Vec::new();
    let mut rest = operation.uri.path.as_str();
    while let Some((_, after_open)) = rest.split_once('{') {
        let Some((name, after)) = after_open.split_once('}') else {
            break;
        };
        let documented = operation
            .parameters
            .iter()
            .any(|param| param.location == ParamLocation::Path && param.field.field.name == name);
        if !documented && name != PROJECT_ID {
            unfilled.push(name.to_owned());
        }
        rest = after;
    }
    unfilled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_urls_give_path_and_query_values() {
        let values = UrlValues::read(
            "/v1/{project_id}/servers/{server_id}/x",
            "https://{endpoint}/v1/{project_id}/servers/a%20b/x?limit=10&tag=a&tag=b&offset={offset}",
        );
        assert_eq!(
            values.path,
            BTreeMap::from([("server_id".to_owned(), "a b".to_owned())])
        );
        assert_eq!(
            values.query,
            BTreeMap::from([
                ("limit".to_owned(), vec!["10".to_owned()]),
                ("tag".to_owned(), vec!["a".to_owned(), "b".to_owned()]),
            ])
        );
        let other_shape = UrlValues::read("/v1/{id}", "GET /v2/x/y");
        assert!(other_shape.path.is_empty());
    }

    #[test]
    fn url_text_is_typed_where_it_parses() {
        assert_eq!(typed("10", &TypeRef::Integer), Value::from(10));
        assert_eq!(typed("ten", &TypeRef::Integer), Value::from("ten"));
        assert_eq!(typed("true", &TypeRef::Boolean), Value::from(true));
        assert_eq!(typed("inf", &TypeRef::Number), Value::from("inf"));
    }
}
