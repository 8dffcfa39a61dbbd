//! The clients progenitor generated from the seed services' OpenAPI have a
//! method per operation, taking the parameters the pages document, and each
//! builds and sends its request: aimed at a closed local port, every call
//! gets as far as connecting. A request progenitor could not build (a bad
//! header value, a body that does not serialize) fails earlier, with
//! another error.

use std::future::Future;

use openapi_consumer_check::{codearts_repo, metastudio};
use progenitor_client::{Error, ResponseValue};

/// Nothing listens on port 1, so a call that was built and sent fails to connect.
const CLOSED_PORT: &str = "http://127.0.0.1:1";

/// Installs rustls' ring provider for reqwest: in a workspace build reqwest
/// has no provider of its own (apidoc-runtime picks ring the same way).
fn with_crypto_provider() {
    // An error only says a provider is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Runs one generated call and checks it failed only at connecting.
fn assert_sent<T, E: std::fmt::Debug>(
    call: impl Future<Output = Result<ResponseValue<T>, Error<E>>>,
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime");
    match runtime.block_on(call) {
        Err(Error::CommunicationError(error)) => assert!(error.is_connect(), "{error}"),
        Err(error) => panic!("the request was not sent: {error}"),
        Ok(response) => panic!("a closed port answered {}", response.status()),
    }
}

#[test]
fn metastudio_client_has_every_operation() {
    with_crypto_provider();
    let client = metastudio::Client::new(CLOSED_PORT);
    assert_sent(client.querying_tenant_personalized_notifications(
        "project",
        std::num::NonZeroU32::new(10),
        Some(0),
        metastudio::types::QueryingTenantPersonalizedNotificationsType::ResourceExpire,
    ));
    assert_sent(client.querying_tenant_personalized_configurations("project", None, None));
    let body = metastudio::types::UpdateTenantServiceConfigsRequestBody {
        is_ai_mark_on: true,
        ..Default::default()
    };
    assert_sent(client.update_tenant_service_configs("project", &body));
}

#[test]
fn codearts_repo_client_has_every_operation() {
    with_crypto_provider();
    let client = codearts_repo::Client::new(CLOSED_PORT);
    // X-Auth-Token is no parameter: the token security scheme covers it.
    assert_sent(client.obtaining_tenant_settings(None));
}
