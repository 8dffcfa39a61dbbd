//! Behaviour of the SDK generated from the MetaStudio fixture, against a
//! one-request HTTP server on 127.0.0.1. Copied into the generated crate by
//! `tests/compile.rs` of apidoc-rust; it is not a test target of apidoc-rust.

use metastudio_sdk::models::{
    BatchActionServersCreatedBody, BatchActionServersResponseBody, BatchStartServersRequestBody,
    BatchStopServersRequestBody, CollectionInfoCollectionType, ServerList, SubAccountControlConfig,
    SubAccountControlConfigSubAccountType, UpdateTenantServiceConfigsRequestBody,
};
use metastudio_sdk::operations::{
    BatchActionServersBody, BatchActionServersRequest, BatchActionServersSuccessBody,
    BatchStopServersRequest, ShowTenantNotificationsRequest, ShowTenantNotificationsType,
    UpdateTenantServiceConfigsRequest,
};
use metastudio_sdk::{Credentials, Error, MetastudioClient, Nullable};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::thread::JoinHandle;

/// What the server received: the request head and the body.
struct Received {
    head: String,
    body: String,
}

/// Answers one request with `status`, extra header lines and `body`;
/// returns the endpoint and the handle that yields what was received.
fn serve_once(status: &'static str, headers: &'static str, body: &'static str) -> (String, JoinHandle<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let endpoint = format!("http://{}", listener.local_addr().expect("address"));
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("read");
            if line == "\r\n" {
                break;
            }
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().expect("length");
            }
            head.push_str(&line);
        }
        let mut body_bytes = vec![0; length];
        reader.read_exact(&mut body_bytes).expect("body");
        let answer = format!(
            "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n{headers}\r\n{body}",
            body.len()
        );
        (&stream).write_all(answer.as_bytes()).expect("write");
        Received { head, body: String::from_utf8(body_bytes).expect("utf-8") }
    });
    (endpoint, handle)
}

fn client(endpoint: &str) -> MetastudioClient {
    MetastudioClient::builder()
        .endpoint(endpoint)
        .project_id("p1")
        .credentials(Credentials::ak_sk("ak", "sk"))
        .build()
        .expect("client")
}

fn validation_field(result: Result<(), Error>) -> String {
    match result {
        Err(Error::Validation { field, .. }) => field,
        other => format!("not a validation error: {other:?}"),
    }
}

#[tokio::test]
async fn get_sends_parameters_and_decodes_headers_and_body() {
    let (endpoint, server) = serve_once(
        "200 OK",
        "content-type: application/json\r\nx-request-id: r-1\r\n",
        r#"{"my_collections":[{"collection_type":"VOICE","collection_ids":["a"]},{"collection_type":"NEW_KIND"}],"count":2,"encryption_type":null}"#,
    );
    let request = ShowTenantNotificationsRequest::new(ShowTenantNotificationsType::ResourceLeft)
        .limit(5)
        .x_app_user_id("u-1");
    let response = client(&endpoint).show_tenant_notifications(request).await.expect("response");
    let received = server.join().expect("server");
    let request_line = received.head.lines().next().unwrap_or_default();
    let target = request_line.split(' ').nth(1).unwrap_or_default();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    assert_eq!(path, "/v1/p1/tenants/notice-configurations");
    // The runtime orders the query (for signing); the pairs are what counts.
    let mut pairs: Vec<&str> = query.split('&').collect();
    pairs.sort_unstable();
    assert_eq!(pairs, ["limit=5", "type=RESOURCE_LEFT"]);
    let head = received.head.to_ascii_lowercase();
    assert!(head.contains("x-app-userid: u-1"), "{head}");
    assert!(head.contains("authorization: sdk-hmac-sha256"), "{head}");
    assert_eq!(response.status, 200);
    assert_eq!(response.x_request_id.as_deref(), Some("r-1"));
    let collections = response.body.my_collections.expect("collections");
    assert_eq!(collections[0].collection_type, CollectionInfoCollectionType::Voice);
    assert_eq!(collections[0].collection_ids.as_deref(), Some(&["a".to_owned()][..]));
    assert_eq!(collections[1].collection_type, CollectionInfoCollectionType::Unknown("NEW_KIND".to_owned()));
    assert_eq!(response.body.count, Some(2));
    assert_eq!(response.body.encryption_type, None);
}

#[tokio::test]
async fn put_sends_absent_null_and_values() {
    let (endpoint, server) = serve_once("200 OK", "", r#"{"tenant_id":"t-1"}"#);
    let body = UpdateTenantServiceConfigsRequestBody {
        sub_account_control_config: Some(SubAccountControlConfig {
            sub_account_type: Some(Nullable::Null),
            ..SubAccountControlConfig::default()
        }),
        is_ai_mark_on: Some(true),
        ..UpdateTenantServiceConfigsRequestBody::default()
    };
    let request = UpdateTenantServiceConfigsRequest::new().body(body);
    let response = client(&endpoint).update_tenant_service_configs(request).await.expect("response");
    let received = server.join().expect("server");
    assert!(received.head.starts_with("PUT /v1/p1/tenants/service-configs HTTP/1.1"), "{}", received.head);
    let sent: serde_json::Value = serde_json::from_str(&received.body).expect("json body");
    assert_eq!(sent, serde_json::json!({"sub_account_control_config": {"sub_account_type": null}, "is_ai_mark_on": true}));
    assert_eq!(response.body.tenant_id.as_deref(), Some("t-1"));
    assert_eq!(response.x_request_id, None);
}

/// A start request for group `group`.
fn start(group: &str) -> BatchActionServersRequest {
    let body = BatchActionServersBody::BatchStartServers(BatchStartServersRequestBody::new(ServerList::new(vec![
        "s-1".to_owned(),
    ])));
    BatchActionServersRequest::new(group, body)
}

#[tokio::test]
async fn each_documented_success_status_decodes_its_own_body() {
    let (endpoint, server) = serve_once("200 OK", "", r#"{"job_id":"j-1"}"#);
    let response = client(&endpoint).batch_action_servers(start("g/1")).await.expect("200");
    let received = server.join().expect("server");
    assert!(received.head.starts_with("POST /v1/p1/servers/g%2F1/action HTTP/1.1"), "{}", received.head);
    assert_eq!(received.body, r#"{"os-start":{"servers":["s-1"]}}"#);
    let ok = BatchActionServersResponseBody { job_id: Some("j-1".to_owned()) };
    assert_eq!(response.body, Some(BatchActionServersSuccessBody::Ok(ok)));

    let (endpoint, server) = serve_once("201 Created", "", r#"{"server_ids":["s-1"]}"#);
    let response = client(&endpoint).batch_action_servers(start("g")).await.expect("201");
    server.join().expect("server");
    let created = BatchActionServersCreatedBody::new(vec!["s-1".to_owned()]);
    assert_eq!(response.body, Some(BatchActionServersSuccessBody::Created(created)));

    let (endpoint, server) = serve_once("204 No Content", "", "");
    let response = client(&endpoint).batch_action_servers(start("g")).await.expect("204");
    server.join().expect("server");
    assert_eq!((response.status, response.body), (204, None));
}

#[tokio::test]
async fn an_undocumented_success_status_is_an_error_carrying_the_answer() {
    let (endpoint, server) = serve_once("202 Accepted", "x-request-id: r-9\r\n", r#"{"job_id":"j-2"}"#);
    let result = client(&endpoint).batch_action_servers(start("g")).await;
    server.join().expect("server");
    match result {
        Err(Error::UndocumentedStatus { response, documented }) => {
            assert_eq!(response.status, 202);
            assert_eq!(response.request_id(), Some("r-9"));
            assert_eq!(&response.body[..], br#"{"job_id":"j-2"}"#);
            assert_eq!(documented, [200, 201, 204]);
        }
        other => panic!("expected an undocumented status, got {other:?}"),
    }
}

#[tokio::test]
async fn error_bodies_of_the_common_shapes_give_code_and_message() {
    for body in [
        r#"{"error_code":"MSS.00000005","error_msg":"Forbidden"}"#,
        r#"{"error":{"code":"MSS.00000005","message":"Forbidden"}}"#,
        r#"{"type":"about:blank","title":"MSS.00000005","status":403,"detail":"Forbidden"}"#,
    ] {
        let (endpoint, server) = serve_once("403 Forbidden", "", body);
        let result = client(&endpoint).batch_action_servers(start("g")).await;
        server.join().expect("server");
        match result {
            Err(Error::Api(error)) => {
                assert_eq!(error.status, 403, "{body}");
                assert_eq!(error.error_code.as_deref(), Some("MSS.00000005"), "{body}");
                assert_eq!(error.error_msg.as_deref(), Some("Forbidden"), "{body}");
            }
            other => panic!("expected an API error for {body}, got {other:?}"),
        }
    }
}

#[test]
fn validation_names_the_field() {
    let request = ShowTenantNotificationsRequest::new(ShowTenantNotificationsType::ResourceLeft).limit(0);
    assert_eq!(validation_field(request.validate()), "limit");
    let unknown = ShowTenantNotificationsRequest::new(ShowTenantNotificationsType::Unknown("X".to_owned()));
    assert_eq!(validation_field(unknown.validate()), "type");

    let body = |body: UpdateTenantServiceConfigsRequestBody| UpdateTenantServiceConfigsRequest::new().body(body).validate();
    let tags = |tags: Vec<&str>| UpdateTenantServiceConfigsRequestBody {
        tags: Some(tags.into_iter().map(str::to_owned).collect()),
        ..UpdateTenantServiceConfigsRequestBody::default()
    };
    assert!(body(tags(vec!["ok"])).is_ok());
    assert_eq!(validation_field(body(tags(vec!["t"; 11]))), "body.tags");
    assert_eq!(validation_field(body(tags(vec!["ok", ""]))), "body.tags[1]");
    let nested = UpdateTenantServiceConfigsRequestBody {
        sub_account_control_config: Some(SubAccountControlConfig {
            sub_account_type: Some(Nullable::Value(SubAccountControlConfigSubAccountType::Unknown("X".to_owned()))),
            ..SubAccountControlConfig::default()
        }),
        ..UpdateTenantServiceConfigsRequestBody::default()
    };
    assert_eq!(validation_field(body(nested)), "body.sub_account_control_config.sub_account_type");

    let empty = BatchActionServersBody::BatchStartServers(BatchStartServersRequestBody::new(ServerList::new(Vec::new())));
    assert_eq!(validation_field(BatchActionServersRequest::new("g", empty).validate()), "body.os-start.servers");
}

#[test]
fn unknown_enum_values_round_trip() {
    let known: CollectionInfoCollectionType = serde_json::from_str(r#""VOICE""#).expect("known");
    assert_eq!(known, CollectionInfoCollectionType::Voice);
    let unknown: CollectionInfoCollectionType = serde_json::from_str(r#""HOLOGRAM""#).expect("unknown");
    assert_eq!(unknown, CollectionInfoCollectionType::Unknown("HOLOGRAM".to_owned()));
    assert_eq!(serde_json::to_string(&unknown).expect("serialise"), r#""HOLOGRAM""#);
    assert_eq!(unknown.to_string(), "HOLOGRAM");
    assert_eq!(CollectionInfoCollectionType::VALUES, ["VOICE", "MATERIAL"]);
}

#[tokio::test]
async fn an_official_name_sends_its_own_body_and_the_answer_carries_the_request_id() {
    let (endpoint, server) =
        serve_once("200 OK", "content-type: application/json\r\nx-request-id: r-9\r\n", r#"{"job_id":"j-1"}"#);
    let body = BatchStopServersRequestBody::new(ServerList::new(vec!["s-1".to_owned()])).r#type("SOFT".into());
    let response = client(&endpoint)
        .batch_stop_servers(BatchStopServersRequest::new("g", body))
        .await
        .expect("response");
    let received = server.join().expect("server");
    assert!(received.head.starts_with("POST /v1/p1/servers/g/action HTTP/1.1"), "{}", received.head);
    let sent: serde_json::Value = serde_json::from_str(&received.body).expect("json body");
    assert_eq!(sent, serde_json::json!({"os-stop": {"servers": ["s-1"]}, "type": "SOFT"}));
    assert_eq!(response.request_id.as_deref(), Some("r-9"));
    let ok = BatchActionServersResponseBody { job_id: Some("j-1".to_owned()) };
    assert_eq!(response.body, Some(BatchActionServersSuccessBody::Ok(ok)));
}

#[tokio::test]
async fn an_unauthenticated_client_sends_no_credentials() {
    let (endpoint, server) = serve_once("200 OK", "", r#"{"tenant_id":"t-1"}"#);
    let client = MetastudioClient::builder()
        .endpoint(&endpoint)
        .project_id("p1")
        .unauthenticated()
        .build()
        .expect("client");
    client
        .update_tenant_service_configs(UpdateTenantServiceConfigsRequest::new())
        .await
        .expect("response");
    let head = server.join().expect("server").head.to_ascii_lowercase();
    assert!(!head.contains("authorization") && !head.contains("x-auth-token"), "{head}");
}

#[test]
fn models_have_setters_and_enums_read_text() {
    let config = SubAccountControlConfig::default()
        .separately_controlled(true)
        .sub_account_type(SubAccountControlConfigSubAccountType::from("IAM_USER"));
    assert_eq!(config.separately_controlled, Some(true));
    assert_eq!(config.sub_account_type, Some(Nullable::Value(SubAccountControlConfigSubAccountType::IamUser)));
    let parsed: CollectionInfoCollectionType = "MATERIAL".parse().expect("never fails");
    assert_eq!(parsed, CollectionInfoCollectionType::Material);
    assert_eq!(CollectionInfoCollectionType::from("NEW"), CollectionInfoCollectionType::Unknown("NEW".to_owned()));
}
