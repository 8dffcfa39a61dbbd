//! One IR operation as an OpenAPI operation: parameters, request body,
//! responses and examples.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{
    BodyVariant, Constraints, ExampleBody, Field, ParamLocation, RequestExample, Text, Value,
    VariantTell,
};
use indexmap::IndexMap;
use openapiv3::{
    AnySchema, Example, Header, HeaderStyle, MediaType, ObjectType, Parameter, ParameterData,
    ParameterSchemaOrContent, PathStyle, QueryStyle, ReferenceOr, RequestBody, Response, Responses,
    Schema, SchemaData, SchemaKind, StatusCode, StringType, Type,
};

use crate::prose::{Extensions, describe, place};
use crate::schema::SchemaMapper;
use crate::template::template_vars;

/// The media type of every documented body.
const JSON: &str = "application/json";

/// Builds operations with schemas from one mapper.
pub(crate) struct OperationMapper<'a> {
    schemas: &'a SchemaMapper<'a>,
}

impl<'a> OperationMapper<'a> {
    /// Operations whose schemas come from `schemas`.
    pub(crate) fn new(schemas: &'a SchemaMapper<'a>) -> Self {
        Self { schemas }
    }

    /// `op` as served at `path`, under `operation_id`.
    pub(crate) fn operation(
        &self,
        op: &apidoc_ir::Operation,
        path: &str,
        operation_id: String,
    ) -> openapiv3::Operation {
        let mut extensions = Extensions::new();
        let summary = describe(&op.summary, "x-summary-zh", &mut extensions);
        let description = describe(&op.description, "x-description-zh", &mut extensions);
        if !op.sources.is_empty() {
            extensions.insert("x-source-pages".to_owned(), op.sources.clone().into());
        }
        if !op.names.is_empty() {
            extensions.insert("x-operation-names".to_owned(), official_names(&op.names));
        }
        openapiv3::Operation {
            summary,
            description,
            operation_id: Some(operation_id),
            parameters: self.parameters(&op.parameters, path),
            request_body: op
                .request_body
                .as_ref()
                .map(|body| ReferenceOr::Item(self.request_body(body, &op.request_examples))),
            responses: self.responses(op),
            extensions,
            ..openapiv3::Operation::default()
        }
    }

    /// The parameters that apply at `path`: documented path parameters that
    /// the path does not contain belong to another URI of the operation and
    /// are left out, and so are the headers OpenAPI reserves (see
    /// [`is_reserved_header`]) and those the security schemes send
    /// ([`apidoc_ir::Parameter::is_credential_header`]); placeholders that no parameter documents are
    /// added as required strings marked `x-undocumented`, as OpenAPI
    /// requires every placeholder to be declared. A repeated name and
    /// location keeps the first row.
    fn parameters(
        &self,
        parameters: &[apidoc_ir::Parameter],
        path: &str,
    ) -> Vec<ReferenceOr<Parameter>> {
        let placeholders = template_vars(path);
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for parameter in parameters {
            let name = parameter.field.name.as_str();
            let left_out = match parameter.location {
                ParamLocation::Path => !placeholders.contains(&name),
                ParamLocation::Header => {
                    is_reserved_header(name) || parameter.is_credential_header()
                }
                ParamLocation::Query => false,
            };
            if !left_out && seen.insert((parameter.location, name)) {
                out.push(ReferenceOr::Item(self.parameter(parameter)));
            }
        }
        for name in placeholders {
            if !seen.contains(&(ParamLocation::Path, name)) {
                out.push(ReferenceOr::Item(undocumented_path_parameter(name)));
            }
        }
        out
    }

    fn parameter(&self, parameter: &apidoc_ir::Parameter) -> Parameter {
        let field = &parameter.field;
        let mut extensions = Extensions::new();
        let parameter_data = ParameterData {
            name: field.name.clone(),
            description: describe(&field.description, "x-description-zh", &mut extensions),
            required: parameter.location == ParamLocation::Path || field.is_required(),
            deprecated: None,
            format: ParameterSchemaOrContent::Schema(self.schemas.typed(field)),
            example: None,
            examples: IndexMap::new(),
            explode: None,
            extensions,
        };
        match parameter.location {
            ParamLocation::Path => Parameter::Path {
                parameter_data,
                style: PathStyle::Simple,
            },
            ParamLocation::Query => Parameter::Query {
                parameter_data,
                allow_reserved: false,
                style: QueryStyle::Form,
                allow_empty_value: None,
            },
            ParamLocation::Header => Parameter::Header {
                parameter_data,
                style: HeaderStyle::Simple,
            },
        }
    }

    fn request_body(
        &self,
        body: &apidoc_ir::RequestBody,
        examples: &[RequestExample],
    ) -> RequestBody {
        let schema = match body.variants.as_slice() {
            [] => any_value(),
            [only] => self.body_schema(&only.schema),
            variants => ReferenceOr::Item(self.one_of(variants)),
        };
        let with_body = examples
            .iter()
            .filter_map(|e| Some((&e.description, e.body.as_ref()?, Some(e.url.as_str()))));
        let media = MediaType {
            schema: Some(schema),
            examples: named_examples(with_body),
            ..MediaType::default()
        };
        RequestBody {
            content: IndexMap::from([(JSON.to_owned(), media)]),
            required: body.required,
            ..RequestBody::default()
        }
    }

    /// The body shapes with `x-variants` naming each shape in order (a
    /// `$ref` cannot carry a title itself). Where every variant has a tell
    /// ([`apidoc_ir::VariantTell`]) they are a `oneOf` whose arms require
    /// it (`allOf` of the model and `required: [key]`, or the shared
    /// property's one value as an `enum`), so exactly one arm matches any
    /// body; otherwise an `anyOf` of the plain schemas (the checker reports
    /// that nothing tells them apart).
    fn one_of(&self, variants: &[BodyVariant]) -> Schema {
        let described = variants
            .iter()
            .map(|variant| {
                let placed = place(&variant.summary);
                let mut entry = serde_json::Map::new();
                entry.insert("name".to_owned(), variant.name.clone().into());
                if let Some(summary) = placed.main {
                    entry.insert("summary".to_owned(), summary.into());
                }
                if let Some(summary) = placed.zh {
                    entry.insert("summary-zh".to_owned(), summary.into());
                }
                Value::Object(entry)
            })
            .collect::<Vec<_>>();
        let mut schema_data = SchemaData::default();
        schema_data
            .extensions
            .insert("x-variants".to_owned(), Value::Array(described));
        let told: Option<Vec<ReferenceOr<Schema>>> = variants
            .iter()
            .map(|variant| {
                Some(told_arm(
                    self.body_schema(&variant.schema),
                    variant.tell.as_ref()?,
                ))
            })
            .collect();
        let schema_kind = match told {
            Some(one_of) => SchemaKind::OneOf { one_of },
            None => SchemaKind::AnyOf {
                any_of: variants
                    .iter()
                    .map(|variant| self.body_schema(&variant.schema))
                    .collect(),
            },
        };
        Schema {
            schema_data,
            schema_kind,
        }
    }

    fn body_schema(&self, ty: &apidoc_ir::TypeRef) -> ReferenceOr<Schema> {
        self.schemas.schema(ty, &Constraints::default())
    }

    /// Every documented status, ascending: those with a response section and
    /// those only listed under Status Codes. OpenAPI needs at least one
    /// response, so an operation without any gets a `default` one.
    fn responses(&self, op: &apidoc_ir::Operation) -> Responses {
        let mut by_status: BTreeMap<u16, Response> = BTreeMap::new();
        for response in &op.responses {
            by_status
                .entry(response.status)
                .or_insert_with(|| self.response(op, response.status, Some(response)));
        }
        for doc in &op.status_codes {
            by_status
                .entry(doc.status)
                .or_insert_with(|| self.response(op, doc.status, None));
        }
        let default = by_status.is_empty().then(|| {
            ReferenceOr::Item(Response {
                description: "The pages document no response.".to_owned(),
                ..Response::default()
            })
        });
        Responses {
            default,
            responses: by_status
                .into_iter()
                .map(|(status, response)| (StatusCode::Code(status), ReferenceOr::Item(response)))
                .collect(),
            ..Responses::default()
        }
    }

    fn response(
        &self,
        op: &apidoc_ir::Operation,
        status: u16,
        response: Option<&apidoc_ir::Response>,
    ) -> Response {
        let mut extensions = Extensions::new();
        let description = response
            .map(|r| &r.description)
            .into_iter()
            .chain(
                op.status_codes
                    .iter()
                    .filter(|d| d.status == status)
                    .map(|d| &d.description),
            )
            .find_map(|text| describe(text, "x-description-zh", &mut extensions))
            .unwrap_or_else(|| reason_phrase(status));
        let Some(response) = response else {
            return Response {
                description,
                extensions,
                ..Response::default()
            };
        };
        let headers = response
            .headers
            .iter()
            .map(|header| (header.name.clone(), ReferenceOr::Item(self.header(header))))
            .collect();
        Response {
            description,
            headers,
            content: self.response_content(response),
            extensions,
            ..Response::default()
        }
    }

    /// The JSON body of a response with its examples. A status that never
    /// has a body (1xx, 204, 304) gets content only when the page documents
    /// a body table for it: the page wins over HTTP there (the checker
    /// reports the contradiction), while an example alone (`{}` under 204)
    /// is dropped. Examples without a body table get a schema admitting
    /// any value: consumers such as progenitor need a schema beside every
    /// media type.
    fn response_content(&self, response: &apidoc_ir::Response) -> IndexMap<String, MediaType> {
        let examples = named_examples(
            response
                .examples
                .iter()
                .map(|e| (&e.description, &e.body, None)),
        );
        if response.body.is_none() && (status_has_no_body(response.status) || examples.is_empty()) {
            return IndexMap::new();
        }
        let schema = match &response.body {
            Some(ty) => self.body_schema(ty),
            None => any_value(),
        };
        let media = MediaType {
            schema: Some(schema),
            examples,
            ..MediaType::default()
        };
        IndexMap::from([(JSON.to_owned(), media)])
    }

    fn header(&self, field: &Field) -> Header {
        let mut extensions = Extensions::new();
        Header {
            description: describe(&field.description, "x-description-zh", &mut extensions),
            style: HeaderStyle::Simple,
            required: field.is_required(),
            deprecated: None,
            format: ParameterSchemaOrContent::Schema(self.schemas.typed(field)),
            example: None,
            examples: IndexMap::new(),
            extensions,
        }
    }
}

/// A `oneOf` arm: the variant's schema and what tells it apart.
fn told_arm(schema: ReferenceOr<Schema>, tell: &VariantTell) -> ReferenceOr<Schema> {
    let mut object = ObjectType::default();
    match tell {
        VariantTell::Key(key) => {
            // Named among the properties too: `required` alone reads as a
            // typo to linters; `{}` adds nothing to the model's own schema.
            let any = Box::new(Schema {
                schema_data: SchemaData::default(),
                schema_kind: SchemaKind::Any(AnySchema::default()),
            });
            object
                .properties
                .insert(key.clone(), ReferenceOr::Item(any));
            object.required.push(key.clone());
        }
        VariantTell::Value { property, value } => {
            let only = StringType {
                enumeration: vec![Some(value.clone())],
                ..StringType::default()
            };
            let only = Schema {
                schema_data: SchemaData::default(),
                schema_kind: SchemaKind::Type(Type::String(only)),
            };
            object
                .properties
                .insert(property.clone(), ReferenceOr::Item(Box::new(only)));
            object.required.push(property.clone());
        }
    }
    let tell = Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::Type(Type::Object(object)),
    };
    ReferenceOr::Item(Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::AllOf {
            all_of: vec![schema, ReferenceOr::Item(tell)],
        },
    })
}

/// Headers OpenAPI 3.0.3 says a header parameter SHALL NOT define
/// (`Accept`, `Content-Type`, `Authorization`, in any letter case): the
/// media types and the `aksk` security scheme carry them, and tools ignore
/// or reject them as parameters.
fn is_reserved_header(name: &str) -> bool {
    ["Accept", "Content-Type", "Authorization"]
        .iter()
        .any(|reserved| reserved.eq_ignore_ascii_case(name))
}

/// Statuses whose responses HTTP defines without a body: informational
/// (1xx), 204 No Content and 304 Not Modified.
fn status_has_no_body(status: u16) -> bool {
    matches!(status, 100..=199 | 204 | 304)
}

/// The schema `{}`: any JSON value.
fn any_value() -> ReferenceOr<Schema> {
    ReferenceOr::Item(Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::Any(AnySchema::default()),
    })
}

/// A path placeholder that no parameter row documents.
fn undocumented_path_parameter(name: &str) -> Parameter {
    let schema = Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::Type(Type::String(StringType::default())),
    };
    Parameter::Path {
        parameter_data: ParameterData {
            name: name.to_owned(),
            description: None,
            required: true,
            deprecated: None,
            format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)),
            example: None,
            examples: IndexMap::new(),
            explode: None,
            extensions: IndexMap::from([("x-undocumented".to_owned(), Value::Bool(true))]),
        },
        style: PathStyle::Simple,
    }
}

/// Examples named `example1`, `example2`, ... in page order, each with the
/// page's description as summary and, for requests, the example URL as
/// `x-example-url`. A body that is not JSON is kept as a string.
fn named_examples<'e>(
    examples: impl Iterator<Item = (&'e Text, &'e ExampleBody, Option<&'e str>)>,
) -> IndexMap<String, ReferenceOr<Example>> {
    examples
        .enumerate()
        .map(|(index, (description, body, url))| {
            let mut extensions = Extensions::new();
            let summary = describe(description, "x-summary-zh", &mut extensions);
            if let Some(url) = url {
                extensions.insert("x-example-url".to_owned(), url.into());
            }
            let value = match body {
                ExampleBody::Json(value) => value.clone(),
                ExampleBody::Text(text) => Value::String(text.clone()),
            };
            let example = Example {
                summary,
                value: Some(value),
                extensions,
                ..Example::default()
            };
            (format!("example{}", index + 1), ReferenceOr::Item(example))
        })
        .collect()
}

/// The standard reason phrase of a status, for responses the pages leave
/// undescribed (OpenAPI requires a description).
fn reason_phrase(status: u16) -> String {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .map_or_else(|| format!("HTTP status {status}"), str::to_owned)
}

/// `x-operation-names`: the official names of an operation merged from the
/// pages of several (public and private zones), each with the body variant
/// (`x-variants`) its page sends, so that a generator can give each name a
/// method of its own.
fn official_names(names: &[apidoc_ir::OperationName]) -> Value {
    let entries = names
        .iter()
        .map(|official| {
            let mut entry = serde_json::Map::new();
            entry.insert("name".to_owned(), official.name.clone().into());
            if let Some(body) = &official.body {
                entry.insert("body".to_owned(), body.clone().into());
            }
            Value::Object(entry)
        })
        .collect();
    Value::Array(entries)
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, ResponseExample, Span, TypeRef, Uri};
    use serde_json::json;

    use super::*;
    use crate::names::ComponentNames;

    fn operation() -> apidoc_ir::Operation {
        apidoc_ir::Operation {
            id: "DoIt".to_owned(),
            id_is_explicit: true,
            uris: vec![Uri {
                method: Method::Post,
                path: "/v1/things".to_owned(),
                span: Span::default(),
            }],
            summary: Text::default(),
            description: Text::default(),
            parameters: Vec::new(),
            request_body: None,
            responses: Vec::new(),
            request_examples: Vec::new(),
            status_codes: Vec::new(),
            sources: Vec::new(),
            names: Vec::new(),
        }
    }

    fn response(status: u16, body: Option<TypeRef>, example: Option<Value>) -> apidoc_ir::Response {
        apidoc_ir::Response {
            status,
            description: Text::default(),
            headers: Vec::new(),
            body,
            examples: example
                .into_iter()
                .map(|value| ResponseExample {
                    description: Text::default(),
                    body: ExampleBody::Json(value),
                    span: Span::default(),
                })
                .collect(),
            span: Span::default(),
        }
    }

    fn header(name: &str) -> apidoc_ir::Parameter {
        apidoc_ir::Parameter {
            location: ParamLocation::Header,
            field: Field {
                name: name.to_owned(),
                required: Some(true),
                ty: TypeRef::String,
                type_text: "String".to_owned(),
                description: Text::default(),
                constraints: Constraints::default(),
                span: Span::default(),
                degraded: Vec::new(),
            },
        }
    }

    /// The operation as JSON, with `Body` the only model.
    fn emitted(op: &apidoc_ir::Operation) -> Value {
        let names = ComponentNames::new(["Body"]);
        let schemas = SchemaMapper::new(&names);
        let operation = OperationMapper::new(&schemas).operation(op, "/v1/things", op.id.clone());
        serde_json::to_value(operation).unwrap_or_default()
    }

    #[test]
    fn the_official_names_of_a_merged_operation_are_listed_with_their_bodies() {
        let mut op = operation();
        assert!(emitted(&op).get("x-operation-names").is_none());
        let official = |name: &str, body: Option<&str>| apidoc_ir::OperationName {
            name: name.to_owned(),
            summary: Text::default(),
            body: body.map(str::to_owned),
            span: Span::default(),
        };
        op.names = vec![
            official("CreatePublicThing", Some("CreatePublicThing")),
            official("TouchThing", None),
        ];
        assert_eq!(
            emitted(&op)["x-operation-names"],
            json!([{"name": "CreatePublicThing", "body": "CreatePublicThing"}, {"name": "TouchThing"}])
        );
    }

    #[test]
    fn examples_without_a_body_table_get_a_schema_admitting_anything() {
        let mut op = operation();
        op.responses = vec![
            response(200, None, Some(json!({"job_id": "1"}))),
            response(400, Some(TypeRef::Model("Body".into())), None),
            response(404, None, None),
        ];
        let responses = &emitted(&op)["responses"];
        assert_eq!(
            responses["200"]["content"]["application/json"]["schema"],
            json!({})
        );
        assert_eq!(
            responses["400"]["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/Body"})
        );
        assert_eq!(responses["404"].get("content"), None);
    }

    #[test]
    fn statuses_without_a_body_keep_only_a_documented_body_table() {
        let mut op = operation();
        op.responses = [101, 204, 304]
            .into_iter()
            .map(|status| response(status, None, Some(json!({}))))
            .collect();
        op.responses[1].body = Some(TypeRef::Model("Body".into()));
        let responses = &emitted(&op)["responses"];
        for status in ["101", "304"] {
            assert_eq!(responses[status].get("content"), None, "{status}");
            assert!(responses[status]["description"].is_string(), "{status}");
        }
        assert_eq!(
            responses["204"]["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/Body"}),
            "the page's body table wins"
        );
    }

    #[test]
    fn reserved_and_credential_headers_are_not_parameters() {
        let mut op = operation();
        op.parameters = [
            "X-Auth-Token",
            "authorization",
            "Content-Type",
            "ACCEPT",
            "X-Sdk-Date",
            "X-Language",
        ]
        .into_iter()
        .map(header)
        .collect();
        let names: Vec<Value> = emitted(&op)["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|parameter| parameter["name"].clone())
            .collect();
        assert_eq!(names, [json!("X-Language")]);
    }

    #[test]
    fn reason_phrases_fall_back_to_the_number() {
        assert_eq!(reason_phrase(404), "Not Found");
        assert_eq!(reason_phrase(599), "HTTP status 599");
    }
}
