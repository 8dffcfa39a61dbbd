//! Models nothing refers to. (References to models no table defines are
//! freed before the checks, by `crate::repair`.)

use std::collections::BTreeSet;

use apidoc_ir::{Diagnostic, Service};

use super::{Owner, each_field};
use crate::types::model_of;

/// A reference to a model: the model's name and what refers to it.
struct Reference<'a> {
    model: &'a str,
    /// The model whose field refers, if a model field does.
    inside: Option<&'a str>,
}

/// Every model reference in the service: fields, parameters, headers, body
/// variants, response bodies.
fn references(service: &Service) -> Vec<Reference<'_>> {
    let mut found = Vec::new();
    each_field(service, |owner, field| {
        if let Some(model) = model_of(&field.ty) {
            let inside = match owner {
                Owner::Model(name) => Some(*name),
                _ => None,
            };
            found.push(Reference { model, inside });
        }
    });
    for op in &service.operations {
        for variant in op.request_body.iter().flat_map(|body| &body.variants) {
            if let Some(model) = model_of(&variant.schema) {
                found.push(Reference {
                    model,
                    inside: None,
                });
            }
        }
        for response in &op.responses {
            if let Some(model) = response.body.as_ref().and_then(model_of) {
                found.push(Reference {
                    model,
                    inside: None,
                });
            }
        }
    }
    found
}

/// `model-unreferenced` (error): a model that no field, parameter or body
/// refers to (a table the reader could not attach to anything). A model
/// referring only to itself counts as unreferenced.
pub(crate) fn model_unreferenced(service: &Service, out: &mut Vec<Diagnostic>) {
    let referenced: BTreeSet<&str> = references(service)
        .into_iter()
        .filter(|reference| reference.inside != Some(reference.model))
        .map(|reference| reference.model)
        .collect();
    for model in service
        .models
        .iter()
        .filter(|model| !referenced.contains(model.name.as_str()))
    {
        out.push(
            Diagnostic::error(
                "model-unreferenced",
                format!("model `{}` is defined but nothing refers to it", model.name),
                model.span.clone(),
                "defined here",
            )
            .with_help("name it in the Type column of the field it describes (\"X object\")"),
        );
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, TypeRef};

    use super::*;
    use crate::testkit::*;

    fn run(check: fn(&Service, &mut Vec<Diagnostic>), service: &Service) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        check(service, &mut out);
        out
    }

    fn body_service(models: Vec<apidoc_ir::Model>) -> Service {
        let mut op = operation("Put", Method::Put, "/x", span("p", 3));
        op.request_body = Some(body("Put", "Body", span("p", 5)));
        service(vec![op], models)
    }

    #[test]
    fn model_nothing_refers_to_is_an_error() {
        let nested = TypeRef::Array(Box::new(TypeRef::Model("Item".to_owned())));
        let body = model(
            "Body",
            vec![field("items", nested, span("p", 7))],
            span("p", 6),
        );
        let lonely = TypeRef::Model("Lonely".to_owned());
        let lonely = model(
            "Lonely",
            vec![field("next", lonely, span("p", 11))],
            span("p", 10),
        );
        let item = model("Item", vec![], span("p", 8));
        let out = run(model_unreferenced, &body_service(vec![body, item, lonely]));
        assert_eq!(codes(&out), ["model-unreferenced"]);
        assert_eq!(
            out[0].message,
            "model `Lonely` is defined but nothing refers to it"
        );
    }
}
