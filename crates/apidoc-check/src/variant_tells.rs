//! What tells apart the request bodies of pages sharing a method and path.
//!
//! A body must match exactly one `oneOf` arm, so each variant needs
//! something a JSON body shows: a top-level key only it has (the "action"
//! APIs: `{"lock": null}`, `{"reboot": {...}}`), or the value of a string
//! property all variants share (`{"action": "create", "tags": [...]}`
//! beside `{"action": "delete", ...}`), stated by a one-value enumeration or
//! by every example request of the variant's page. Where nothing does, the
//! variants stay without a tell (the spec uses `anyOf`) and a warning says so.

use std::collections::BTreeSet;

use apidoc_ir::{
    BodyVariant, Diagnostic, ExampleBody, Field, Model, Operation, Service, TypeRef, Value,
    VariantTell,
};

/// Sets [`BodyVariant::tell`] on every variant of every operation with
/// several, or reports `variants-indistinguishable` (warning).
pub(crate) fn tell_variants_apart(service: &mut Service, out: &mut Vec<Diagnostic>) {
    let models = &service.models;
    for op in &mut service.operations {
        let Some(body) = &op.request_body else {
            continue;
        };
        if body.variants.len() < 2 {
            continue;
        }
        let tells =
            key_tells(models, &body.variants).or_else(|| value_tells(models, op, &body.variants));
        match tells {
            Some(tells) => {
                let body = op.request_body.as_mut().expect("checked above");
                for (variant, tell) in body.variants.iter_mut().zip(tells) {
                    variant.tell = Some(tell);
                }
            }
            None => out.push(indistinguishable(op, &body.variants)),
        }
    }
}

fn indistinguishable(op: &Operation, variants: &[BodyVariant]) -> Diagnostic {
    let names: Vec<String> = variants.iter().map(|v| format!("`{}`", v.name)).collect();
    let mut diagnostic = Diagnostic::warning(
        "variants-indistinguishable",
        format!(
            "`{} {}` has {} request bodies ({}) and no key or property value tells them apart; the spec offers them as `anyOf`",
            op.primary().method.as_str(),
            op.primary().path,
            variants.len(),
            names.join(", ")
        ),
        variants[0].span.clone(),
        "this body",
    );
    for variant in &variants[1..] {
        diagnostic = diagnostic.with_secondary(variant.span.clone(), "and this one");
    }
    diagnostic.with_help(
        "give each body a top-level key of its own, or state the value of a shared property such as `action`",
    )
}

/// The model of a variant, if its body is a model a table defines.
fn model_of<'m>(models: &'m [Model], variant: &BodyVariant) -> Option<&'m Model> {
    match &variant.schema {
        TypeRef::Model(name) => models.iter().find(|m| &m.name == name),
        _ => None,
    }
}

/// Each variant's key that no other variant has and that every body of it
/// holds (its only field, or a mandatory one).
fn key_tells(models: &[Model], variants: &[BodyVariant]) -> Option<Vec<VariantTell>> {
    let fields: Vec<&[Field]> = variants
        .iter()
        .map(|v| model_of(models, v).map(|m| m.fields.as_slice()))
        .collect::<Option<_>>()?;
    fields
        .iter()
        .enumerate()
        .map(|(index, own)| {
            let others: BTreeSet<&str> = fields
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .flat_map(|(_, fields)| fields.iter().map(|f| f.name.as_str()))
                .collect();
            own.iter()
                .filter(|f| own.len() == 1 || f.is_required())
                .find(|f| !others.contains(f.name.as_str()))
                .map(|f| VariantTell::Key(f.name.clone()))
        })
        .collect()
}

/// A mandatory string property of every variant whose value each variant
/// states once (a one-value enumeration, else all the example requests of
/// the variant's page agree), all values different.
fn value_tells(
    models: &[Model],
    op: &Operation,
    variants: &[BodyVariant],
) -> Option<Vec<VariantTell>> {
    let first = model_of(models, &variants[0])?;
    first
        .fields
        .iter()
        .filter(|f| f.ty == TypeRef::String && f.is_required())
        .find_map(|candidate| {
            let values: Vec<String> = variants
                .iter()
                .map(|v| stated_value(models, op, v, &candidate.name))
                .collect::<Option<_>>()?;
            let distinct: BTreeSet<&String> = values.iter().collect();
            (distinct.len() == values.len()).then(|| {
                values
                    .into_iter()
                    .map(|value| VariantTell::Value {
                        property: candidate.name.clone(),
                        value,
                    })
                    .collect()
            })
        })
}

fn stated_value(
    models: &[Model],
    op: &Operation,
    variant: &BodyVariant,
    property: &str,
) -> Option<String> {
    let field = model_of(models, variant)?
        .fields
        .iter()
        .find(|f| f.name == property && f.ty == TypeRef::String)?;
    if let [only] = field.constraints.enum_values.as_slice() {
        return only.value.as_str().map(str::to_owned);
    }
    let seen: BTreeSet<&str> = op
        .request_examples
        .iter()
        .filter(|e| e.span.file == variant.span.file)
        .filter_map(|e| match &e.body {
            Some(ExampleBody::Json(Value::Object(body))) => Some(body.get(property)?.as_str()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    match seen.into_iter().collect::<Vec<_>>().as_slice() {
        [only] => Some((*only).to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, RequestExample, Text};
    use serde_json::json;

    use super::*;
    use crate::testkit::{body, codes, field, model, operation, service, span};

    fn required(name: &str, ty: TypeRef, file: &str) -> Field {
        let mut f = field(name, ty, span(file, 9));
        f.required = Some(true);
        f
    }

    fn two_variants(first: (&str, Model), second: (&str, Model)) -> Operation {
        let mut op = operation(
            "Act",
            Method::Post,
            "/v1/machines/{id}/action",
            span(first.0, 3),
        );
        let mut request = body(&first.1.name, &first.1.name, span(first.0, 8));
        let other = body(&second.1.name, &second.1.name, span(second.0, 8));
        request.variants.extend(other.variants);
        op.request_body = Some(request);
        op
    }

    fn example(file: &str, body: serde_json::Value) -> RequestExample {
        RequestExample {
            description: Text::default(),
            method: Method::Post,
            url: "https://{endpoint}/v1/machines/1/action".to_owned(),
            body: Some(ExampleBody::Json(body)),
            span: span(file, 20),
        }
    }

    fn tells(service: &Service) -> Vec<Option<VariantTell>> {
        let body = service.operations[0].request_body.as_ref().expect("a body");
        body.variants.iter().map(|v| v.tell.clone()).collect()
    }

    #[test]
    fn a_key_of_its_own_tells_a_variant() {
        let freeze = model(
            "Freeze",
            vec![field("freeze", TypeRef::Object, span("f.html", 9))],
            span("f.html", 8),
        );
        let thaw = model(
            "Thaw",
            vec![required("thaw", TypeRef::Object, "t.html")],
            span("t.html", 8),
        );
        let op = two_variants(("f.html", freeze.clone()), ("t.html", thaw.clone()));
        let mut service = service(vec![op], vec![freeze, thaw]);
        let mut out = Vec::new();
        tell_variants_apart(&mut service, &mut out);
        assert!(out.is_empty());
        assert_eq!(
            tells(&service),
            [
                Some(VariantTell::Key("freeze".into())),
                Some(VariantTell::Key("thaw".into()))
            ]
        );
    }

    #[test]
    fn the_examples_value_of_a_shared_property_tells_variants() {
        let shape = |name: &str, file: &str| {
            model(
                name,
                vec![
                    required("action", TypeRef::String, file),
                    required("labels", TypeRef::Object, file),
                ],
                span(file, 8),
            )
        };
        let (add, remove) = (
            shape("AddLabels", "add.html"),
            shape("RemoveLabels", "remove.html"),
        );
        let mut op = two_variants(("add.html", add.clone()), ("remove.html", remove.clone()));
        op.request_examples = vec![
            example("add.html", json!({"action": "add", "labels": {}})),
            example("remove.html", json!({"action": "remove", "labels": {}})),
        ];
        let mut service = service(vec![op.clone()], vec![add.clone(), remove.clone()]);
        tell_variants_apart(&mut service, &mut Vec::new());
        let value = |v: &str| {
            Some(VariantTell::Value {
                property: "action".into(),
                value: v.into(),
            })
        };
        assert_eq!(tells(&service), [value("add"), value("remove")]);

        // Without examples nothing tells them apart: a warning, no tells.
        op.request_examples.clear();
        let mut service = crate::testkit::service(vec![op], vec![add, remove]);
        let mut out = Vec::new();
        tell_variants_apart(&mut service, &mut out);
        assert_eq!(codes(&out), ["variants-indistinguishable"]);
        assert_eq!(tells(&service), [None, None]);
        assert_eq!(out[0].secondary[0].span.file, "remove.html");
    }
}
