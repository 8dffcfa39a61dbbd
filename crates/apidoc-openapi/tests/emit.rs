//! The emitted document for the MetaStudio-like fixture: its exact text,
//! determinism, and what readers get back from it.

use apidoc_openapi::fixtures::{metastudio_like, misread};
use apidoc_openapi::{document, emit};
use openapiv3::{OpenAPI, Parameter, ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use serde_json::{Value, json};

#[test]
fn yaml_snapshot() {
    insta::assert_snapshot!(emit(&metastudio_like()));
}

#[test]
fn emitting_twice_gives_the_same_bytes() {
    let service = metastudio_like();
    let first = emit(&service);
    assert_eq!(first, emit(&service));
    assert_eq!(first, emit(&service.clone()));
    assert!(first.ends_with('\n'));
}

#[test]
fn yaml_reads_back_as_the_document() {
    let service = metastudio_like();
    let yaml = emit(&service);
    let read: Value = yaml_serde::from_str(&yaml).expect("emitted YAML parses");
    let built = serde_json::to_value(document(&service)).expect("document converts to JSON");
    assert_eq!(read, built);
}

fn parsed() -> OpenAPI {
    yaml_serde::from_str(&emit(&metastudio_like())).expect("emitted YAML is an OpenAPI document")
}

fn component<'a>(api: &'a OpenAPI, name: &str) -> &'a Schema {
    let schema = api
        .components
        .as_ref()
        .and_then(|c| c.schemas.get(name))
        .and_then(ReferenceOr::as_item);
    schema.unwrap_or_else(|| panic!("component {name}"))
}

fn property<'a>(schema: &'a Schema, name: &str) -> &'a Schema {
    let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
        panic!("not an object: {schema:?}");
    };
    let property = object.properties.get(name).and_then(ReferenceOr::as_item);
    property.unwrap_or_else(|| panic!("property {name}"))
}

fn json_of(schema: &Schema) -> Value {
    serde_json::to_value(schema).expect("schema converts to JSON")
}

#[test]
fn defaults_and_enumerations_keep_their_types() {
    let api = parsed();
    let storage = component(&api, "StorageConfig");
    assert_eq!(
        property(storage, "quota").schema_data.default,
        Some(json!(10))
    );
    assert_eq!(
        property(storage, "retention_days").schema_data.default,
        Some(json!("10"))
    );
    assert_eq!(
        property(storage, "auto_renew").schema_data.default,
        Some(json!("no"))
    );
    assert_eq!(
        property(storage, "usage_ratio").schema_data.default,
        Some(json!(0.5))
    );
    assert_eq!(
        json_of(property(storage, "auto_renew"))["enum"],
        json!(["yes", "no", "null"])
    );
    assert_eq!(
        json_of(property(storage, "region_code"))["enum"],
        json!(["0123", "10"])
    );
    let encrypt_type = property(storage, "encrypt_type");
    assert!(encrypt_type.schema_data.nullable);
    assert_eq!(
        json_of(encrypt_type)["enum"],
        json!(["KMS", "normal", null])
    );
    assert_eq!(
        json_of(property(storage, "bucket_name"))["maxLength"],
        json!(64)
    );
}

#[test]
fn query_parameters_keep_integer_ranges_and_defaults() {
    let api = parsed();
    let operation = api
        .operations()
        .find(|(_, _, op)| op.operation_id.as_deref() == Some("ListUserConfigurations"))
        .map(|(_, _, op)| op)
        .expect("ListUserConfigurations");
    let limit = operation
        .parameters
        .iter()
        .filter_map(ReferenceOr::as_item)
        .find(|p| p.parameter_data_ref().name == "limit")
        .expect("limit");
    assert!(matches!(limit, Parameter::Query { .. }));
    let openapiv3::ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) =
        &limit.parameter_data_ref().format
    else {
        panic!("limit has an inline schema");
    };
    assert_eq!(
        json_of(schema),
        json!({"default": 10, "type": "integer", "format": "int32", "minimum": 1, "maximum": 100})
    );
    let statuses: Vec<&StatusCode> = operation.responses.responses.keys().collect();
    assert_eq!(
        statuses,
        [200, 401, 403, 500]
            .map(StatusCode::Code)
            .iter()
            .collect::<Vec<_>>()
    );
}

#[test]
fn alternate_uris_get_suffixed_ids_pointing_at_the_primary() {
    let api = parsed();
    let ids: Vec<(&str, &str, Option<&str>)> = api
        .operations()
        .map(|(path, method, op)| (path, method, op.operation_id.as_deref()))
        .collect();
    assert!(ids.contains(&(
        "/v1/{project_id}/servers/{server_id}/start",
        "post",
        Some("StartServer")
    )));
    assert!(ids.contains(&(
        "/v2/{project_id}/servers/{server_id}/start",
        "post",
        Some("StartServerV2")
    )));
    let alternate = api
        .operations()
        .find(|(_, _, op)| op.operation_id.as_deref() == Some("StartServerV2"))
        .map(|(_, _, op)| op)
        .expect("StartServerV2");
    assert_eq!(
        alternate.extensions.get("x-alternate-of"),
        Some(&json!("StartServer"))
    );
}

/// Every `$ref` in the document names a component that exists.
#[test]
fn references_resolve() {
    let api = parsed();
    let tree = serde_json::to_value(&api).expect("document converts to JSON");
    let mut references = Vec::new();
    collect_references(&tree, &mut references);
    assert!(references.len() > 5, "{references:?}");
    for reference in references {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .expect("schema ref");
        component(&api, name);
    }
}

fn collect_references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("$ref", Value::String(reference)) => out.push(reference.clone()),
                    _ => collect_references(item, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_references(item, out)),
        _ => {}
    }
}

#[test]
fn misread_facts_stay_visible() {
    let tree = serde_json::to_value(document(&misread())).expect("document converts to JSON");
    let storage = &tree["paths"]["/v1/{project_id}/tenants/storage-configs"];
    assert_eq!(storage["get"]["operationId"], "ShowStorageConfig");
    assert_eq!(
        storage["x-conflicting-operations"],
        json!(["ShowStorageConfigAgain"])
    );
    let job = &tree["paths"]["/v1/{project_id}/jobs/{job_id}"];
    assert_eq!(job["get"]["operationId"], "ShowJob");
    assert_eq!(
        job["get"]["parameters"][1],
        json!({
            "in": "path", "name": "job_id", "required": true,
            "schema": {"type": "string"}, "x-undocumented": true
        })
    );
    assert_eq!(job["x-conflicting-operations"], json!(["ShowJobAlt"]));
    let detail = &tree["components"]["schemas"]["JobDetail"]["properties"];
    assert_eq!(detail["owner"]["x-missing-model"], "Nowhere");
    assert_eq!(detail["updated_at"]["x-documented-default"], "the");
    assert_eq!(detail["updated_at"].get("default"), None);
    assert_eq!(detail["priority"]["enum"], json!([1, "high"]));
}
