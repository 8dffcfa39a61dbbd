//! Works around one progenitor limit without changing what the document
//! says: progenitor gives each operation a single error type and panics
//! ("assertion failed: response_types.len() <= 1", progenitor issues #344
//! and #950) when an operation's error responses name different schemas.
//!
//! Huawei pages repeat the same `error_code`/`error_msg` table under every
//! status, and the emitter writes one schema per status
//! (`…Response401Body`, `…Response403Body`, …), identical in every field.
//! Pointing those responses at the first of the identical schemas gives
//! progenitor one type. Schemas that differ in anything are left alone, so
//! progenitor still rejects an operation whose error bodies really differ.

use openapiv3::{Components, OpenAPI, Operation, ReferenceOr, Response, Schema, StatusCode};

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// Makes every operation's error responses that carry identical body
/// schemas refer to the same one.
pub fn share_identical_error_bodies(document: &mut OpenAPI) {
    let Some(components) = document.components.clone() else {
        return;
    };
    for path_item in document.paths.paths.values_mut() {
        let ReferenceOr::Item(item) = path_item else {
            continue;
        };
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        for operation in operations.into_iter().flatten() {
            share_within_operation(operation, &components);
        }
    }
}

fn share_within_operation(operation: &mut Operation, components: &Components) {
    let mut kept: Vec<String> = Vec::new();
    for response in error_responses(operation) {
        for media in response.content.values_mut() {
            let Some(ReferenceOr::Reference { reference }) = &mut media.schema else {
                continue;
            };
            let twin = kept.iter().find(|earlier| {
                *earlier != reference && same_schema(earlier, reference, components)
            });
            match twin {
                Some(earlier) => reference.clone_from(earlier),
                None => kept.push(reference.clone()),
            }
        }
    }
}

/// The responses progenitor folds into the error type: 4xx, 5xx and default.
fn error_responses(operation: &mut Operation) -> impl Iterator<Item = &mut Response> {
    let responses = &mut operation.responses;
    let by_status = responses
        .responses
        .iter_mut()
        .filter(|(status, _)| is_error_status(status))
        .map(|(_, response)| response);
    by_status
        .chain(responses.default.as_mut())
        .filter_map(|response| match response {
            ReferenceOr::Item(response) => Some(response),
            ReferenceOr::Reference { .. } => None,
        })
}

fn is_error_status(status: &StatusCode) -> bool {
    match status {
        StatusCode::Code(code) => (400..=599).contains(code),
        StatusCode::Range(range) => (4..=5).contains(range),
    }
}

fn same_schema(left: &str, right: &str, components: &Components) -> bool {
    match (component(left, components), component(right, components)) {
        (Some(left), Some(right)) => left == right,
        _ => false,
    }
}

fn component<'a>(reference: &str, components: &'a Components) -> Option<&'a Schema> {
    let name = reference.strip_prefix(SCHEMA_PREFIX)?;
    components.schemas.get(name)?.as_item()
}
