//! Small builders of hand-made IR for the unit tests.

use apidoc_ir::{
    BodyVariant, Constraints, EnumValue, Fact, Field, Lang, Method, Model, Operation, Page,
    ParamLocation, Parameter, RequestBody, Response, Service, ServiceMeta, Span, StatusCodeDoc,
    Text, TypeRef, Uri, Value,
};

/// A span.
pub(crate) fn span(file: &str, line: u32) -> Span {
    Span::new(file, line)
}

/// A field with no constraints and no required flag.
pub(crate) fn field(name: &str, ty: TypeRef, at: Span) -> Field {
    Field {
        name: name.to_owned(),
        required: None,
        type_text: String::new(),
        ty,
        description: Text::default(),
        constraints: Constraints::default(),
        span: at,
        degraded: Vec::new(),
    }
}

/// A parameter.
pub(crate) fn param(location: ParamLocation, name: &str, ty: TypeRef, at: Span) -> Parameter {
    Parameter {
        location,
        field: field(name, ty, at),
    }
}

/// A string enumeration value.
pub(crate) fn enum_value(value: &str, at: Span) -> EnumValue {
    EnumValue {
        value: Value::from(value),
        description: Text::default(),
        span: at,
    }
}

/// A model.
pub(crate) fn model(name: &str, fields: Vec<Field>, at: Span) -> Model {
    Model {
        name: name.to_owned(),
        description: Text::default(),
        fields,
        span: at,
    }
}

/// An operation with one URI and nothing else.
pub(crate) fn operation(id: &str, method: Method, path: &str, at: Span) -> Operation {
    Operation {
        id: id.to_owned(),
        id_is_explicit: false,
        uris: vec![Uri {
            method,
            path: path.to_owned(),
            span: at.clone(),
        }],
        summary: Text::default(),
        description: Text::default(),
        parameters: Vec::new(),
        request_body: None,
        responses: Vec::new(),
        request_examples: Vec::new(),
        status_codes: Vec::new(),
        sources: vec![at.file],
        names: Vec::new(),
    }
}

/// A required request body of one model.
pub(crate) fn body(name: &str, model: &str, at: Span) -> RequestBody {
    RequestBody {
        required: true,
        variants: vec![BodyVariant {
            name: name.to_owned(),
            summary: Text::default(),
            schema: TypeRef::Model(model.to_owned()),
            span: at,
            tell: None,
        }],
    }
}

/// A response with an optional body model.
pub(crate) fn response(status: u16, model: Option<&str>, at: Span) -> Response {
    Response {
        status,
        description: Text::default(),
        headers: Vec::new(),
        body: model.map(|name| TypeRef::Model(name.to_owned())),
        examples: Vec::new(),
        span: at,
    }
}

/// A Status Codes row.
pub(crate) fn status_code(status: u16, at: Span) -> StatusCodeDoc {
    StatusCodeDoc {
        status,
        description: Text::default(),
        span: at,
    }
}

/// A page around an operation; the title line is line 1 of the file.
pub(crate) fn page(lang: Lang, title: &str, operation: Operation, models: Vec<Model>) -> Page {
    let file = operation.sources.first().cloned().unwrap_or_default();
    Page {
        title: Fact::new(title.to_owned(), span(&file, 1)),
        file,
        lang,
        breadcrumb: Vec::new(),
        explorer_product: None,
        stated_names: Vec::new(),
        operation,
        models,
    }
}

/// A service of the given operations and models.
pub(crate) fn service(operations: Vec<Operation>, models: Vec<Model>) -> Service {
    Service {
        meta: ServiceMeta {
            name: "demo".to_owned(),
            title: "Demo".to_owned(),
            version: "v1".to_owned(),
            endpoint: "https://demo.example".to_owned(),
            endpoint_defaults: Vec::new(),
            description: None,
        },
        operations,
        models,
    }
}

/// The codes of the diagnostics, in order.
pub(crate) fn codes(diagnostics: &[apidoc_ir::Diagnostic]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect()
}

/// The names of models, in order.
pub(crate) fn model_names(models: &[Model]) -> Vec<&str> {
    models.iter().map(|model| model.name.as_str()).collect()
}
