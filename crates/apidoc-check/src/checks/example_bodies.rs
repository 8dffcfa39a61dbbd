//! Example bodies against the tables that define them.
//!
//! [`check_examples`] walks each example body of an operation along its
//! documented type and says where and how it disagrees with the tables
//! ([`ExampleFinding`]: a path into the body and a [`Disagreement`]); the
//! checks turn the findings into diagnostics, and `apidoc-fixes` reads them
//! to suggest corrections.

use std::{collections::BTreeSet, fmt};

use apidoc_ir::{
    Constraints, Diagnostic, ExampleBody, Model, Operation, Service, Span, TypeRef, Value,
    VariantTell,
};

use crate::facts::type_name;
use crate::types::{kind_name, value_fits, with_article};

/// A step from an example body's root towards one of its values.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// A member of an object: a model's field or a map's entry.
    Key(String),
    /// Every item of an array.
    Item,
}

/// A path into an example body as messages write it: `tags[].key`, empty
/// for the body itself.
pub fn path_text(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(key) if text.is_empty() => text.push_str(key),
            Step::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            Step::Item => text.push_str("[]"),
        }
    }
    text
}

/// How a value of an example disagrees with its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Disagreement {
    /// `null` where the table does not allow it.
    Null,
    /// A value of another JSON kind than the table's type.
    Kind,
    /// A mandatory field the example lacks (the path names the field).
    Missing,
    /// A member no table defines (the path names the member).
    Undocumented,
    /// A body where no table documents one.
    NoTable,
    /// A value outside the field's allowed values, range or length.
    NotAllowed,
    /// A body that is not JSON where a table documents a JSON body.
    NotJson,
}

impl Disagreement {
    /// The finding code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Null | Self::Kind => "example-type-mismatch",
            Self::Missing => "example-field-missing",
            Self::Undocumented | Self::NoTable => "example-field-undocumented",
            Self::NotAllowed => "example-value-not-allowed",
            Self::NotJson => "example-not-json",
        }
    }

    /// True when the example contradicts its schema (a member the tables
    /// do not define only goes beyond it).
    pub fn contradicts(self) -> bool {
        !matches!(self, Self::Undocumented | Self::NoTable)
    }
}

/// One finding inside an example body; ordered so that findings come out
/// sorted and each once (array items repeat the same path).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ExampleFinding {
    /// The finding code.
    pub code: &'static str,
    /// What the finding says (without the example and operation).
    pub message: String,
    /// Where in the body.
    pub path: Vec<Step>,
    /// How the value disagrees.
    pub disagreement: Disagreement,
}

/// The body an example shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExampleOf {
    /// The request body.
    Request,
    /// The body of the response with this status.
    Response(u16),
}

impl fmt::Display for ExampleOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Request => f.write_str("request"),
            Self::Response(status) => write!(f, "response {status}"),
        }
    }
}

/// One example body of an operation, checked against its schema.
#[derive(Clone, Debug)]
pub struct CheckedExample<'a> {
    /// Which body it shows.
    pub of: ExampleOf,
    /// Where the example is.
    pub span: &'a Span,
    /// The body, when it is JSON.
    pub body: Option<&'a Value>,
    /// The schema it was checked against (for a request, the body variant
    /// it was judged by); `None` where no table documents a body.
    pub schema: Option<&'a TypeRef>,
    /// How it disagrees with the tables, sorted by code and message.
    pub findings: Vec<ExampleFinding>,
}

impl CheckedExample<'_> {
    /// True when a table documents the body and the example does not
    /// contradict it (members beyond the tables are allowed).
    pub fn validates(&self) -> bool {
        self.schema.is_some() && !self.findings.iter().any(|f| f.disagreement.contradicts())
    }
}

/// Walks a JSON value along its documented type.
struct Walker<'a> {
    models: &'a [Model],
    findings: BTreeSet<ExampleFinding>,
}

impl Walker<'_> {
    /// Walks `value` as a value of `ty` under the field's `constraints`
    /// (`None` for array items, map values and whole bodies, which the
    /// tables constrain only through their type).
    fn walk(
        &mut self,
        value: &Value,
        ty: &TypeRef,
        constraints: Option<&Constraints>,
        path: &mut Vec<Step>,
    ) {
        if value.is_null() {
            if constraints.is_none_or(|c| c.nullable.is_none()) {
                let message = format!("{} is null, which its table does not allow", at(path));
                self.found(Disagreement::Null, message, path);
            }
            return;
        }
        if !value_fits(ty, value) {
            let (kind, expected) = (with_article(kind_name(value)), type_name(ty));
            let message = format!("{} is {kind} where the table says {expected}", at(path));
            self.found(Disagreement::Kind, message, path);
            return;
        }
        if let Some(constraints) = constraints {
            self.allowed(value, ty, constraints, path);
        }
        match (ty, value) {
            (TypeRef::Model(name), Value::Object(members)) => {
                let Some(model) = self.models.iter().find(|m| &m.name == name) else {
                    return;
                };
                for field in model.fields.iter().filter(|f| f.is_required()) {
                    if !members.contains_key(&field.name) {
                        path.push(Step::Key(field.name.clone()));
                        let message = format!(
                            "`{}` is mandatory in the table of model `{name}` but missing",
                            path_text(path)
                        );
                        self.found(Disagreement::Missing, message, path);
                        path.pop();
                    }
                }
                for (key, member) in members {
                    path.push(Step::Key(key.clone()));
                    match model.fields.iter().find(|field| &field.name == key) {
                        Some(field) => self.walk(member, &field.ty, Some(&field.constraints), path),
                        None => {
                            let message = format!(
                                "`{}` is not defined by the table of model `{name}`",
                                path_text(path)
                            );
                            self.found(Disagreement::Undocumented, message, path);
                        }
                    }
                    path.pop();
                }
            }
            (TypeRef::Map(inner), Value::Object(members)) => {
                for (key, member) in members {
                    path.push(Step::Key(key.clone()));
                    self.walk(member, inner, None, path);
                    path.pop();
                }
            }
            (TypeRef::Array(inner), Value::Array(items)) => {
                path.push(Step::Item);
                for item in items {
                    self.walk(item, inner, None, path);
                    if **inner == TypeRef::Object {
                        self.untyped_members(item, path);
                    }
                }
                path.pop();
            }
            _ => {}
        }
    }

    /// The members of an item of a list the table types only as `Array of
    /// objects`: no table defines them (a list of records whose table the
    /// page lacks).
    fn untyped_members(&mut self, item: &Value, path: &mut Vec<Step>) {
        let Value::Object(members) = item else {
            return;
        };
        for key in members.keys() {
            path.push(Step::Key(key.clone()));
            let message = format!(
                "`{}` is not defined by a table (the list's items are objects of no table)",
                path_text(path)
            );
            self.found(Disagreement::Undocumented, message, path);
            path.pop();
        }
    }

    /// `example-value-not-allowed`: a scalar outside the field's allowed
    /// values, range or length.
    fn allowed(&mut self, value: &Value, ty: &TypeRef, c: &Constraints, path: &[Step]) {
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
            let message = format!(
                "{} is {value}, which its table's allowed values, range or length exclude",
                at(path)
            );
            self.found(Disagreement::NotAllowed, message, path);
        }
    }

    fn found(&mut self, disagreement: Disagreement, message: String, path: &[Step]) {
        self.findings.insert(ExampleFinding {
            code: disagreement.code(),
            message,
            path: path.to_vec(),
            disagreement,
        });
    }
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn at(path: &[Step]) -> String {
    if path.is_empty() {
        "the body".to_owned()
    } else {
        format!("`{}`", path_text(path))
    }
}

/// The findings of one example body checked against one schema (`None`:
/// no table documents a body).
fn findings(models: &[Model], body: &Value, schema: Option<&TypeRef>) -> Vec<ExampleFinding> {
    let mut walker = Walker {
        models,
        findings: BTreeSet::new(),
    };
    match schema {
        Some(schema) => walker.walk(body, schema, None, &mut Vec::new()),
        None if is_empty(body) => {}
        None => walker.found(
            Disagreement::NoTable,
            "the example has a body, but no table documents one".to_owned(),
            &[],
        ),
    }
    walker.findings.into_iter().collect()
}

fn is_empty(body: &Value) -> bool {
    match body {
        Value::Null => true,
        Value::Object(members) => members.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// Checks every example body of `op` against the tables: its request
/// examples against the body variant whose tell they show (its key, or its
/// value of the shared property), else the one they fit best (fewest
/// findings); its response examples against their status's body. `models`
/// are the tables the operation's types name (a service's or a page's).
/// A text body is checked only where a table documents a JSON body.
pub fn check_examples<'a>(op: &'a Operation, models: &'a [Model]) -> Vec<CheckedExample<'a>> {
    let mut out = Vec::new();
    let request_documented = op.request_body.is_some();
    for example in &op.request_examples {
        let checked = |body, schema, findings| CheckedExample {
            of: ExampleOf::Request,
            span: &example.span,
            body,
            schema,
            findings,
        };
        match &example.body {
            Some(ExampleBody::Json(body)) => {
                let (schema, found) = best_variant(models, op, body);
                out.push(checked(Some(body), schema, found));
            }
            Some(ExampleBody::Text(_)) if request_documented => {
                let schema = op.request_body.iter().flat_map(|b| &b.variants).next();
                out.push(checked(None, schema.map(|v| &v.schema), not_json()));
            }
            _ => {}
        }
    }
    for response in &op.responses {
        let schema = response.body.as_ref();
        for example in &response.examples {
            let (body, found) = match &example.body {
                ExampleBody::Json(body) => (Some(body), findings(models, body, schema)),
                ExampleBody::Text(_) if schema.is_some() => (None, not_json()),
                ExampleBody::Text(_) => continue,
            };
            out.push(CheckedExample {
                of: ExampleOf::Response(response.status),
                span: &example.span,
                body,
                schema,
                findings: found,
            });
        }
    }
    out
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
/// `x-contradicted-examples`).
pub(crate) fn example_bodies(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        for checked in check_examples(op, &service.models) {
            out.extend(checked.findings.iter().map(|finding| {
                Diagnostic::warning(
                    finding.code,
                    example_message(&op.id, checked.of, finding),
                    checked.span.clone(),
                    format!("example {}", checked.of),
                )
            }));
        }
    }
}

/// The message of a finding's diagnostic: the example, the operation and
/// what the finding says.
pub fn example_message(operation: &str, of: ExampleOf, finding: &ExampleFinding) -> String {
    format!("example {of} of `{operation}`: {}", finding.message)
}

fn not_json() -> Vec<ExampleFinding> {
    vec![ExampleFinding {
        code: Disagreement::NotJson.code(),
        message: "the body is not JSON, while its table documents a JSON body".to_owned(),
        path: Vec::new(),
        disagreement: Disagreement::NotJson,
    }]
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

/// The schema a request example is judged by, and its findings there.
fn best_variant<'a>(
    models: &[Model],
    op: &'a Operation,
    body: &Value,
) -> (Option<&'a TypeRef>, Vec<ExampleFinding>) {
    let variants = op.request_body.iter().flat_map(|request| &request.variants);
    let told = variants
        .clone()
        .find(|variant| variant.tell.as_ref().is_some_and(|tell| shows(body, tell)));
    if let Some(variant) = told {
        return (
            Some(&variant.schema),
            findings(models, body, Some(&variant.schema)),
        );
    }
    let mut candidates = variants.map(|variant| {
        let schema = Some(&variant.schema);
        (schema, findings(models, body, schema))
    });
    let first = candidates
        .next()
        .unwrap_or_else(|| (None, findings(models, body, None)));
    candidates.fold(first, |best, next| {
        if next.1.len() < best.1.len() {
            next
        } else {
            best
        }
    })
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
    fn findings_say_where_in_the_body_and_how_it_disagrees() {
        let service = service_with(json!({"name": null, "tags": [{"value": 2}]}), json!({}));
        let op = &service.operations[0];
        let checked = check_examples(op, &service.models);
        let request = &checked[0];
        assert_eq!(request.of, ExampleOf::Request);
        assert!(!request.validates());
        let found: Vec<(Disagreement, String)> = request
            .findings
            .iter()
            .map(|f| (f.disagreement, path_text(&f.path)))
            .collect();
        assert_eq!(
            found,
            [
                (Disagreement::Undocumented, "tags[].value".to_owned()),
                (Disagreement::Null, "name".to_owned()),
            ]
        );
        let key = Step::Key("tags".to_owned());
        assert_eq!(request.findings[0].path[..2], [key, Step::Item]);
        assert!(checked[1].validates(), "an empty object has no finding");
    }

    #[test]
    fn members_of_items_of_a_list_of_untyped_objects_are_undocumented() {
        let mut service = service_with(json!({"name": "a"}), json!({}));
        let job = service
            .models
            .iter_mut()
            .find(|m| m.name == "Job")
            .expect("Job");
        job.fields[1].ty = TypeRef::Array(Box::new(TypeRef::Object));
        service.operations[0].request_examples[0].body = Some(ExampleBody::Json(
            json!({"tags": [{"key": "k"}, {"key": "l"}]}),
        ));
        let out = run(&service);
        assert_eq!(
            out.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
            [
                "example request of `CreateJob`: `tags[].key` is not defined by a table (the list's items are objects of no table)"
            ]
        );
        let checked = check_examples(&service.operations[0], &service.models);
        assert!(
            checked[0].validates(),
            "members beyond the tables do not contradict them"
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
