//! Example bodies against the tables that define them.

use std::collections::BTreeSet;

use apidoc_ir::{
    Constraints, Diagnostic, ExampleBody, Operation, Service, Span, TypeRef, Value, VariantTell,
};

use crate::facts::type_name;
use crate::types::{kind_name, value_fits, with_article};

/// One finding inside an example body; ordered so that findings come out
/// sorted and each once (array items repeat the same path).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    code: &'static str,
    message: String,
}

/// Walks a JSON value along its documented type.
struct Walker<'a> {
    service: &'a Service,
    findings: BTreeSet<Finding>,
}

impl Walker<'_> {
    /// Walks `value` as a value of `ty` under the field's `constraints`
    /// (`None` for array items, map values and whole bodies, which the
    /// tables constrain only through their type).
    fn walk(&mut self, value: &Value, ty: &TypeRef, constraints: Option<&Constraints>, path: &str) {
        if value.is_null() {
            if constraints.is_none_or(|c| c.nullable.is_none()) {
                self.found(
                    "example-type-mismatch",
                    format!("{} is null, which its table does not allow", at(path)),
                );
            }
            return;
        }
        if !value_fits(ty, value) {
            let (kind, expected) = (with_article(kind_name(value)), type_name(ty));
            self.found(
                "example-type-mismatch",
                format!("{} is {kind} where the table says {expected}", at(path)),
            );
            return;
        }
        if let Some(constraints) = constraints {
            self.allowed(value, ty, constraints, path);
        }
        match (ty, value) {
            (TypeRef::Model(name), Value::Object(members)) => {
                let Some(model) = self.service.model(name) else {
                    return;
                };
                for field in model.fields.iter().filter(|f| f.is_required()) {
                    if !members.contains_key(&field.name) {
                        self.found(
                            "example-field-missing",
                            format!(
                                "`{}` is mandatory in the table of model `{name}` but missing",
                                child(path, &field.name)
                            ),
                        );
                    }
                }
                for (key, member) in members {
                    let inner = child(path, key);
                    match model.fields.iter().find(|field| &field.name == key) {
                        Some(field) => {
                            self.walk(member, &field.ty, Some(&field.constraints), &inner)
                        }
                        None => self.found(
                            "example-field-undocumented",
                            format!("`{inner}` is not defined by the table of model `{name}`"),
                        ),
                    }
                }
            }
            (TypeRef::Map(inner), Value::Object(members)) => {
                for (key, member) in members {
                    self.walk(member, inner, None, &child(path, key));
                }
            }
            (TypeRef::Array(inner), Value::Array(items)) => {
                for item in items {
                    self.walk(item, inner, None, &format!("{path}[]"));
                }
            }
            _ => {}
        }
    }

    /// `example-value-not-allowed`: a scalar outside the field's allowed
    /// values, range or length.
    fn allowed(&mut self, value: &Value, ty: &TypeRef, c: &Constraints, path: &str) {
        let scalar = !matches!(
            ty,
            TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Model(_) | TypeRef::Object
        );
        let listed =
            c.enum_values.is_empty() || c.enum_values.iter().any(|e| same(&e.value, value));
        let number = value.as_f64();
        let low = c.minimum.as_ref().and_then(|f| f.value.as_f64());
        let high = c.maximum.as_ref().and_then(|f| f.value.as_f64());
        let in_range =
            number.is_none_or(|n| low.is_none_or(|l| n >= l) && high.is_none_or(|h| n <= h));
        let chars = value.as_str().map(|text| text.chars().count() as u64);
        let (shortest, longest) = (
            c.min_length.as_ref().map(|f| f.value),
            c.max_length.as_ref().map(|f| f.value),
        );
        let in_length =
            chars.is_none_or(|n| shortest.is_none_or(|l| n >= l) && longest.is_none_or(|h| n <= h));
        if scalar && !(listed && in_range && in_length) {
            self.found(
                "example-value-not-allowed",
                format!(
                    "{} is {value}, which its table's allowed values, range or length exclude",
                    at(path)
                ),
            );
        }
    }

    fn found(&mut self, code: &'static str, message: String) {
        self.findings.insert(Finding { code, message });
    }
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn at(path: &str) -> String {
    if path.is_empty() {
        "the body".to_owned()
    } else {
        format!("`{path}`")
    }
}

/// The findings of one example body checked against one schema (`None`:
/// no table documents a body).
fn findings(service: &Service, body: &Value, schema: Option<&TypeRef>) -> BTreeSet<Finding> {
    let mut walker = Walker {
        service,
        findings: BTreeSet::new(),
    };
    match schema {
        Some(schema) => walker.walk(body, schema, None, ""),
        None if is_empty(body) => {}
        None => walker.found(
            "example-field-undocumented",
            "the example has a body, but no table documents one".to_owned(),
        ),
    }
    walker.findings
}

fn is_empty(body: &Value) -> bool {
    match body {
        Value::Null => true,
        Value::Object(members) => members.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// `example-field-undocumented` (warning): a member of an example body
/// (request or response, through objects, arrays and maps) that the tables
/// do not define, or a body where no table documents one;
/// `example-type-mismatch` (warning): a value of another JSON kind than its
/// table says, or `null` where the table does not allow it;
/// `example-field-missing` (warning): a mandatory field the example lacks;
/// `example-value-not-allowed` (warning): a value outside the field's
/// allowed values, range or length; `example-not-json` (warning): a body
/// that is not JSON where a table documents a JSON body.
///
/// All but `example-field-undocumented` mean the example contradicts its
/// schema: the OpenAPI spec keeps it out of `examples` (under
/// `x-contradicted-examples`). A request example is checked against the
/// body variant whose tell it shows (its key, or its value of the shared
/// property), else the one it fits best (fewest findings).
pub(crate) fn example_bodies(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        let request_documented = op.request_body.is_some();
        for example in &op.request_examples {
            match &example.body {
                Some(ExampleBody::Json(body)) => {
                    let found = best_variant_findings(service, op, body);
                    report(found, &op.id, "request", &example.span, out);
                }
                Some(ExampleBody::Text(_)) if request_documented => {
                    report(not_json(), &op.id, "request", &example.span, out);
                }
                _ => {}
            }
        }
        for response in &op.responses {
            for example in &response.examples {
                let found = match &example.body {
                    ExampleBody::Json(body) => findings(service, body, response.body.as_ref()),
                    ExampleBody::Text(_) if response.body.is_some() => not_json(),
                    ExampleBody::Text(_) => BTreeSet::new(),
                };
                let status = format!("response {}", response.status);
                report(found, &op.id, &status, &example.span, out);
            }
        }
    }
}

fn not_json() -> BTreeSet<Finding> {
    BTreeSet::from([Finding {
        code: "example-not-json",
        message: "the body is not JSON, while its table documents a JSON body".to_owned(),
    }])
}

/// Whether a body shows a variant's tell.
fn shows(body: &Value, tell: &VariantTell) -> bool {
    match tell {
        VariantTell::Key(key) => body.get(key).is_some(),
        VariantTell::Value { property, value } => {
            body.get(property).and_then(Value::as_str) == Some(value)
        }
    }
}

fn best_variant_findings(service: &Service, op: &Operation, body: &Value) -> BTreeSet<Finding> {
    let variants = op.request_body.iter().flat_map(|request| &request.variants);
    let told = variants
        .clone()
        .find(|variant| variant.tell.as_ref().is_some_and(|tell| shows(body, tell)));
    if let Some(variant) = told {
        return findings(service, body, Some(&variant.schema));
    }
    let mut candidates = variants.map(|variant| findings(service, body, Some(&variant.schema)));
    let first = candidates
        .next()
        .unwrap_or_else(|| findings(service, body, None));
    candidates.fold(
        first,
        |best, next| if next.len() < best.len() { next } else { best },
    )
}

fn report(
    findings: BTreeSet<Finding>,
    operation: &str,
    example: &str,
    span: &Span,
    out: &mut Vec<Diagnostic>,
) {
    out.extend(findings.into_iter().map(|Finding { code, message }| {
        Diagnostic::warning(
            code,
            format!("example {example} of `{operation}`: {message}"),
            span.clone(),
            format!("example {example}"),
        )
    }));
}

/// `example-status-undocumented` (warning): an example response for a
/// status that has neither a response table nor a Status Codes row.
pub(crate) fn example_status_undocumented(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        let listed = |status| op.status_codes.iter().any(|row| row.status == status);
        for response in &op.responses {
            let documented =
                response.body.is_some() || !response.headers.is_empty() || listed(response.status);
            if documented {
                continue;
            }
            for example in &response.examples {
                out.push(
                    Diagnostic::warning(
                        "example-status-undocumented",
                        format!(
                            "`{}` shows an example response for status {}, which neither a table nor the Status Codes section documents",
                            op.id, response.status
                        ),
                        example.span.clone(),
                        format!("example response {}", response.status),
                    )
                    .with_help(format!("document status {} or correct the example's status", response.status)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{BodyVariant, Method, RequestExample, ResponseExample, Text};
    use serde_json::json;

    use super::*;
    use crate::testkit::*;

    /// `POST /jobs` with body `Job { name: string, tags: array of Tag, note: string (nullable) }`
    /// and `Tag { key: string }`; answers 200 with a `Job`.
    fn service_with(request: Value, response: Value) -> Service {
        let at = |line| span("p", line);
        let mut op = operation("CreateJob", Method::Post, "/jobs", at(3));
        op.request_body = Some(body("CreateJob", "Job", at(5)));
        op.request_examples = vec![RequestExample {
            description: Text::default(),
            method: Method::Post,
            url: "/jobs".to_owned(),
            body: Some(ExampleBody::Json(request)),
            span: at(40),
        }];
        let mut ok = self::response(200, Some("Job"), at(20));
        ok.examples = vec![ResponseExample {
            description: Text::default(),
            body: ExampleBody::Json(response),
            span: at(50),
        }];
        op.responses = vec![ok];
        let tags = TypeRef::Array(Box::new(TypeRef::Model("Tag".to_owned())));
        let mut note = field("note", TypeRef::String, at(8));
        note.constraints.nullable = Some(at(8));
        let job = model(
            "Job",
            vec![
                field("name", TypeRef::String, at(6)),
                field("tags", tags, at(7)),
                note,
            ],
            at(5),
        );
        let tag = model("Tag", vec![field("key", TypeRef::String, at(10))], at(9));
        service(vec![op], vec![job, tag])
    }

    fn run(service: &Service) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        example_bodies(service, &mut out);
        out
    }

    #[test]
    fn documented_examples_pass() {
        let good = json!({"name": "a", "tags": [{"key": "k"}], "note": null});
        assert!(run(&service_with(good.clone(), good)).is_empty());
    }

    #[test]
    fn nested_undocumented_field_is_reported_once() {
        let request = json!({"name": "a", "tags": [{"key": "k", "value": 1}, {"value": 2}]});
        let out = run(&service_with(request, json!({})));
        assert_eq!(codes(&out), ["example-field-undocumented"]);
        assert_eq!(
            out[0].message,
            "example request of `CreateJob`: `tags[].value` is not defined by the table of model `Tag`"
        );
    }

    #[test]
    fn wrong_kinds_and_unexpected_nulls_are_reported() {
        let response = json!({"name": 3, "tags": {"key": "k"}, "note": null});
        let out = run(&service_with(json!({"name": null}), response));
        let messages: Vec<_> = out
            .iter()
            .map(|d| (d.code.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "example-type-mismatch",
                    "example request of `CreateJob`: `name` is null, which its table does not allow"
                ),
                (
                    "example-type-mismatch",
                    "example response 200 of `CreateJob`: `name` is an integer where the table says string"
                ),
                (
                    "example-type-mismatch",
                    "example response 200 of `CreateJob`: `tags` is an object where the table says array of Tag object"
                ),
            ]
        );
    }

    #[test]
    fn example_for_an_undocumented_status_is_a_warning() {
        let mut bad = service_with(json!({}), json!({}));
        bad.operations[0].responses[0].body = None;
        let mut out = Vec::new();
        example_status_undocumented(&bad, &mut out);
        assert_eq!(codes(&out), ["example-status-undocumented"]);
        bad.operations[0].status_codes = vec![status_code(200, span("p", 60))];
        let mut out = Vec::new();
        example_status_undocumented(&bad, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn missing_mandatory_fields_values_outside_the_table_and_text_bodies_are_reported() {
        let mut service = service_with(json!({"tags": []}), json!({"name": "b"}));
        let job = service
            .models
            .iter_mut()
            .find(|m| m.name == "Job")
            .expect("Job");
        job.fields[0].required = Some(true);
        job.fields[0].constraints.enum_values = vec![enum_value("a", span("p", 6))];
        job.fields[0].constraints.max_length = Some(apidoc_ir::Fact::new(1, span("p", 6)));
        service.operations[0].responses[0].examples[0].body = ExampleBody::Text("<html/>".into());
        let out = run(&service);
        assert_eq!(codes(&out), ["example-field-missing", "example-not-json"]);
        let mut service = service_with(json!({"name": "ab"}), json!({}));
        let job = service
            .models
            .iter_mut()
            .find(|m| m.name == "Job")
            .expect("Job");
        job.fields[0].constraints.enum_values = vec![enum_value("a", span("p", 6))];
        assert_eq!(codes(&run(&service)), ["example-value-not-allowed"]);
    }

    #[test]
    fn a_request_example_is_judged_by_the_variant_whose_tell_it_shows() {
        let mut service = service_with(json!({"key": 5}), json!({}));
        let variants = &mut service.operations[0]
            .request_body
            .as_mut()
            .expect("body")
            .variants;
        variants[0].tell = Some(VariantTell::Key("name".into()));
        variants.push(BodyVariant {
            tell: Some(VariantTell::Key("key".into())),
            ..body("TagIt", "Tag", span("q", 5)).variants.remove(0)
        });
        let out = run(&service);
        assert_eq!(
            out.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
            ["example request of `CreateJob`: `key` is an integer where the table says string"]
        );
    }
}
