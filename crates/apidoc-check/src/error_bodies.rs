//! One model for the error bodies an operation documents alike.
//!
//! Pages repeat the same `error_code` / `error_msg` table under every error
//! status, and the reader names one model per table (`…Response401Body`,
//! `…Response403Body`, …). Generated clients want one error type per
//! operation (progenitor even insists), so the error responses (status 400
//! and above) of one operation whose models have the same shape share one
//! model, `<OperationId>ErrorBody` (`…ErrorBody2`, … for a second shape or
//! where the name is taken). The per-status models are dropped unless
//! something else still refers to them.
//!
//! The shape is what a body on the wire must look like: field names,
//! understood types (nested models by name), whether a field is required
//! (an unstated flag counts as optional), defaults, allowed values, bounds,
//! lengths, item counts and nullability. Descriptions, the Type cells as
//! written and spans are not part of it: the tables describe the same body
//! in the words of each status, sometimes in one language only. The shared
//! model keeps the texts of the lowest status and takes a language it lacks
//! from the others.

use std::collections::BTreeSet;

use apidoc_ir::{
    Constraints, EnumValue, Fact, Field, Model, Operation, Service, Span, Text, TypeRef,
};

use crate::facts::merge_model;
use crate::types::reachable_models;

/// Gives every operation's identically shaped error bodies one model and
/// drops the models this leaves unused; models stay sorted by name.
pub(crate) fn share_error_bodies(service: &mut Service) {
    let Service {
        operations, models, ..
    } = service;
    let mut taken: BTreeSet<String> = models.iter().map(|model| model.name.clone()).collect();
    let mut replaced = BTreeSet::new();
    let mut shared = Vec::new();
    for op in operations.iter_mut() {
        for group in alike_error_bodies(op, models) {
            let name = claim(&mut taken, &format!("{}ErrorBody", op.id));
            let members: Vec<&Model> = group.models.iter().map(|&index| &models[index]).collect();
            shared.push(merged(&name, &members));
            replaced.extend(members.iter().map(|model| model.name.clone()));
            for &response in &group.responses {
                op.responses[response].body = Some(TypeRef::Model(name.clone()));
            }
        }
    }
    models.extend(shared);
    let used: BTreeSet<String> = operations
        .iter()
        .flat_map(|op| reachable_models(op, models))
        .collect();
    models.retain(|model| !replaced.contains(&model.name) || used.contains(&model.name));
    models.sort_by(|a, b| a.name.cmp(&b.name));
}

/// Error responses of one operation whose body models share a shape.
#[derive(Default)]
struct Group {
    /// Indices into the operation's responses, ascending by status.
    responses: Vec<usize>,
    /// Indices into the service's models, one per distinct model.
    models: Vec<usize>,
}

/// The groups of an operation's error responses worth sharing: one shape
/// stated by at least two different models. Responses whose body is not a
/// defined model keep it.
fn alike_error_bodies(op: &Operation, models: &[Model]) -> Vec<Group> {
    let mut groups: Vec<(Model, Group)> = Vec::new();
    for (response_index, response) in op.responses.iter().enumerate() {
        let Some(TypeRef::Model(name)) = response.body.as_ref().filter(|_| response.status >= 400)
        else {
            continue;
        };
        let Some(model_index) = models.iter().position(|model| &model.name == name) else {
            continue;
        };
        let shape = shape(&models[model_index]);
        let position = groups
            .iter()
            .position(|(known, _)| *known == shape)
            .unwrap_or_else(|| {
                groups.push((shape, Group::default()));
                groups.len() - 1
            });
        let group = &mut groups[position].1;
        group.responses.push(response_index);
        if !group.models.contains(&model_index) {
            group.models.push(model_index);
        }
    }
    groups
        .into_iter()
        .map(|(_, group)| group)
        .filter(|group| group.models.len() > 1)
        .collect()
}

/// `wanted` if no model has that name yet, else the first free of
/// `wanted2`, `wanted3`, …
fn claim(taken: &mut BTreeSet<String>, wanted: &str) -> String {
    let name = (1..)
        .map(|n| match n {
            1 => wanted.to_owned(),
            n => format!("{wanted}{n}"),
        })
        .find(|name| !taken.contains(name))
        .unwrap_or_else(|| wanted.to_owned());
    taken.insert(name.clone());
    name
}

/// The shared model: the first member under `name`, with the languages it
/// lacks taken from the others.
fn merged(name: &str, members: &[&Model]) -> Model {
    let mut shared = members
        .first()
        .map_or_else(|| empty_model(name), |first| (*first).clone());
    shared.name = name.to_owned();
    for other in members.iter().skip(1) {
        // Equal shapes leave nothing to disagree about: only texts and
        // unstated required flags are filled in.
        let differences = merge_model(&mut shared, other);
        debug_assert!(differences.is_empty(), "{differences:?}");
    }
    shared
}

fn empty_model(name: &str) -> Model {
    Model {
        name: name.to_owned(),
        description: Text::default(),
        fields: Vec::new(),
        span: Span::default(),
    }
}

/// The model with everything but its shape blanked: no name, texts, Type
/// cells or spans; fields in name order; flags as read.
fn shape(model: &Model) -> Model {
    let mut fields: Vec<Field> = model.fields.iter().map(field_shape).collect();
    fields.sort_by(|a, b| a.name.cmp(&b.name));
    Model {
        fields,
        ..empty_model("")
    }
}

fn field_shape(field: &Field) -> Field {
    Field {
        name: field.name.clone(),
        required: Some(field.is_required()),
        ty: field.ty.clone(),
        type_text: String::new(),
        description: Text::default(),
        constraints: constraints_shape(&field.constraints),
        span: Span::default(),
        degraded: Vec::new(),
    }
}

fn constraints_shape(c: &Constraints) -> Constraints {
    let mut enum_values: Vec<EnumValue> = c
        .enum_values
        .iter()
        .map(|value| EnumValue {
            value: value.value.clone(),
            description: Text::default(),
            span: Span::default(),
        })
        .collect();
    enum_values.sort_by_key(|value| value.value.to_string());
    Constraints {
        default: unplaced(&c.default),
        enum_values,
        minimum: unplaced(&c.minimum),
        maximum: unplaced(&c.maximum),
        min_length: unplaced(&c.min_length),
        max_length: unplaced(&c.max_length),
        min_items: unplaced(&c.min_items),
        max_items: unplaced(&c.max_items),
        nullable: c.nullable.as_ref().map(|_| Span::default()),
    }
}

fn unplaced<T: Clone>(fact: &Option<Fact<T>>) -> Option<Fact<T>> {
    fact.as_ref()
        .map(|fact| Fact::new(fact.value.clone(), Span::default()))
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method, Value};

    use super::*;
    use crate::testkit::*;

    fn error_model(name: &str, line: u32) -> Model {
        let mut code = field("error_code", TypeRef::String, span("p", line + 1));
        code.description = Text::in_lang(Lang::En, "Error code.");
        code.type_text = "String".to_owned();
        let message = field("error_msg", TypeRef::String, span("p", line + 2));
        model(name, vec![code, message], span("p", line))
    }

    /// `Op` with a 200 body and errors 401, 403 (alike) and 500 (`extra`
    /// field), plus `Other` whose field refers to the 403 model.
    fn service_with_errors() -> Service {
        let mut op = operation("Op", Method::Get, "/x", span("p", 1));
        op.responses = vec![
            response(200, Some("OpResponseBody"), span("p", 5)),
            response(401, Some("OpResponse401Body"), span("p", 10)),
            response(403, Some("OpResponse403Body"), span("p", 20)),
            response(404, Some("OpResponse403Body"), span("p", 25)),
            response(500, Some("OpResponse500Body"), span("p", 30)),
        ];
        let mut forbidden = error_model("OpResponse403Body", 20);
        forbidden.fields.reverse();
        forbidden.fields[1].description = Text::in_lang(Lang::Zh, "错误码。");
        forbidden.fields[1].required = Some(false);
        let mut failed = error_model("OpResponse500Body", 30);
        failed
            .fields
            .push(field("extra", TypeRef::Integer, span("p", 33)));
        let models = vec![
            model("OpResponseBody", vec![], span("p", 5)),
            error_model("OpResponse401Body", 10),
            forbidden,
            failed,
        ];
        service(vec![op], models)
    }

    fn body_names(service: &Service) -> Vec<(u16, Option<&str>)> {
        service.operations[0]
            .responses
            .iter()
            .map(|r| (r.status, r.body.as_ref().and_then(crate::types::model_of)))
            .collect()
    }

    fn model_names(service: &Service) -> Vec<&str> {
        service.models.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn alike_error_bodies_share_one_model_named_after_the_operation() {
        let mut service = service_with_errors();
        share_error_bodies(&mut service);
        assert_eq!(
            body_names(&service),
            [
                (200, Some("OpResponseBody")),
                (401, Some("OpErrorBody")),
                (403, Some("OpErrorBody")),
                (404, Some("OpErrorBody")),
                (500, Some("OpResponse500Body")),
            ]
        );
        assert_eq!(
            model_names(&service),
            ["OpErrorBody", "OpResponse500Body", "OpResponseBody"]
        );
        let shared = service.model("OpErrorBody").cloned();
        let shared = shared.unwrap_or_else(|| empty_model("missing"));
        assert_eq!(shared.span, span("p", 10), "the lowest status's table");
        let code = &shared.fields[0];
        assert_eq!(code.name, "error_code");
        assert_eq!(code.description.en.as_deref(), Some("Error code."));
        assert_eq!(code.description.zh.as_deref(), Some("错误码。"));
        assert_eq!(code.required, Some(false));
    }

    #[test]
    fn models_still_referred_to_elsewhere_are_kept() {
        let mut service = service_with_errors();
        let mut other = operation("Other", Method::Get, "/y", span("q", 1));
        other.request_body = Some(body("Other", "OtherRequestBody", span("q", 2)));
        service.operations.push(other);
        let refers = field(
            "last_error",
            TypeRef::Model("OpResponse403Body".to_owned()),
            span("q", 3),
        );
        service
            .models
            .push(model("OtherRequestBody", vec![refers], span("q", 2)));
        share_error_bodies(&mut service);
        assert!(service.model("OpResponse403Body").is_some());
        assert!(service.model("OpResponse401Body").is_none());
    }

    #[test]
    fn any_difference_in_shape_keeps_the_models_apart() {
        let changes: [fn(&mut Field); 5] = [
            |f| f.ty = TypeRef::Integer,
            |f| f.required = Some(true),
            |f| f.constraints.enum_values = vec![enum_value("E1", span("p", 99))],
            |f| f.constraints.max_length = Some(Fact::new(64, span("p", 99))),
            |f| f.constraints.default = Some(Fact::new(Value::from("E1"), span("p", 99))),
        ];
        for change in changes {
            let mut service = service_with_errors();
            let forbidden = service
                .models
                .iter_mut()
                .find(|m| m.name == "OpResponse403Body");
            if let Some(forbidden) = forbidden {
                change(&mut forbidden.fields[0]);
            }
            share_error_bodies(&mut service);
            assert_eq!(
                body_names(&service)[1..4],
                [
                    (401, Some("OpResponse401Body")),
                    (403, Some("OpResponse403Body")),
                    (404, Some("OpResponse403Body")),
                ]
            );
        }
    }

    #[test]
    fn a_taken_name_and_a_second_shape_get_numbers() {
        let mut service = service_with_errors();
        let mut op = service.operations[0].clone();
        op.responses
            .push(response(502, Some("OpResponse502Body"), span("p", 40)));
        service.operations[0] = op;
        let mut bad_gateway = error_model("OpResponse502Body", 40);
        bad_gateway
            .fields
            .push(field("extra", TypeRef::Integer, span("p", 43)));
        service.models.push(bad_gateway);
        service
            .models
            .push(model("OpErrorBody", vec![], span("z", 1)));
        share_error_bodies(&mut service);
        let names = body_names(&service);
        assert_eq!(names[1], (401, Some("OpErrorBody2")));
        assert_eq!(
            names[4..],
            [(500, Some("OpErrorBody3")), (502, Some("OpErrorBody3"))]
        );
        assert!(
            service
                .model("OpErrorBody")
                .is_some_and(|m| m.fields.is_empty())
        );
    }

    #[test]
    fn one_model_per_shape_already_is_left_alone() {
        let mut service = service_with_errors();
        service.operations[0].responses.truncate(2);
        service.operations[0].responses.push(response(
            403,
            Some("OpResponse401Body"),
            span("p", 20),
        ));
        let before = service.clone();
        share_error_bodies(&mut service);
        assert_eq!(body_names(&service), body_names(&before));
        assert_eq!(service.models.len(), before.models.len());
    }
}
