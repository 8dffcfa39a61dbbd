//! The production features of the runtime against local servers on
//! 127.0.0.1 only: retries (re-signed each attempt), project id discovery
//! through a mock IAM, `{domain_id}`, proxies and TLS options. (The log of
//! a call is tested in `logging.rs`, a binary of its own.)

use std::sync::Arc;
use std::time::Duration;

use apidoc_runtime::mock::{header_text, recomputed_authorization};
use apidoc_runtime::signer::SigningKey;
use apidoc_runtime::{
    Client, ClientBuilder, Credentials, Error, HttpOptions, Method, OperationRequest, RetryPolicy,
};
use wiremock::matchers::{any, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCESS_KEY: &str = "AK-SECRET-VALUE";
const SECRET_KEY: &str = "SK-SECRET-VALUE";
const PROJECT: &str = "0123456789abcdef0123456789abcdef";
const REGION: &str = "cn-north-4";

fn ak_sk() -> Credentials {
    Credentials::ak_sk(ACCESS_KEY, SECRET_KEY)
}

/// A client of `server` with AK/SK and a project id; retries wait 1 ms.
fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .endpoint(server.uri())
        .project_id(PROJECT)
        .credentials(ak_sk())
        .timeout(Duration::from_secs(10))
        .retry(fast_retries())
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_secs(2))
}

fn items() -> OperationRequest {
    OperationRequest::new(Method::GET, "/v1/{project_id}/items")
}

fn correctly_signed(request: &Request) -> bool {
    let key = SigningKey::new(ACCESS_KEY, SECRET_KEY);
    recomputed_authorization(request, &key)
        .is_some_and(|expected| header_text(request, "authorization") == Some(expected.as_str()))
}

async fn answering(status: u16, server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status))
        .mount(server)
        .await;
}

async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}

mod retries {
    use super::*;

    /// The 503 asks for a one-second wait, so the second attempt's
    /// `X-Sdk-Date` (second resolution) must differ: signed afresh.
    #[tokio::test]
    async fn a_503_then_200_makes_two_attempts_each_signed_afresh() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "1"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        answering(200, &server).await;
        let client = builder(&server).build().expect("client builds");
        let response = client.send(items()).await.expect("answered");
        assert_eq!(response.status, 200);
        let requests = received(&server).await;
        assert_eq!(requests.len(), 2);
        assert!(
            requests.iter().all(correctly_signed),
            "both signatures verify"
        );
        let dates: Vec<_> = requests
            .iter()
            .map(|request| header_text(request, "x-sdk-date"))
            .collect();
        assert_ne!(dates[0], dates[1], "each attempt has its own X-Sdk-Date");
    }

    #[tokio::test]
    async fn a_post_is_not_retried_unless_the_caller_opts_in() {
        let server = MockServer::start().await;
        answering(503, &server).await;
        let post = || OperationRequest::new(Method::POST, "/v1/{project_id}/items");
        let client = builder(&server).build().expect("client builds");
        let response = client.send(post()).await.expect("answered");
        assert_eq!((response.status, received(&server).await.len()), (503, 1));
        server.reset().await;
        answering(503, &server).await;
        let opted_in = builder(&server)
            .retry(fast_retries().retry_non_idempotent(true))
            .build()
            .expect("client builds");
        opted_in.send(post()).await.expect("answered");
        assert_eq!(received(&server).await.len(), 3);
    }

    #[tokio::test]
    async fn attempts_stop_at_the_ceiling() {
        let server = MockServer::start().await;
        answering(500, &server).await;
        let client = builder(&server)
            .retry(fast_retries().max_attempts(4))
            .build()
            .expect("client builds");
        let response = client.send(items()).await.expect("answered");
        assert_eq!((response.status, received(&server).await.len()), (500, 4));
        server.reset().await;
        answering(200, &server).await;
        assert_eq!(received(&server).await.len(), 0);
        let client_errors = builder(&server).build().expect("client builds");
        client_errors.send(items()).await.expect("answered");
        assert_eq!(received(&server).await.len(), 1, "a 200 is not retried");
    }

    #[tokio::test]
    async fn a_retry_after_beyond_the_ceiling_returns_the_answer() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3600"))
            .mount(&server)
            .await;
        let client = builder(&server).build().expect("client builds");
        let response = client.send(items()).await.expect("answered");
        assert_eq!((response.status, received(&server).await.len()), (429, 1));
    }

    #[tokio::test]
    async fn connection_failures_are_retried_then_reported() {
        // Port 1 on the loopback address refuses at once.
        let client = Client::builder()
            .endpoint("http://127.0.0.1:1")
            .unauthenticated()
            .retry(fast_retries().max_attempts(2))
            .build()
            .expect("client builds");
        let result = client.send(OperationRequest::new(Method::GET, "/x")).await;
        assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
    }
}

mod ids {
    use super::*;

    /// A mock IAM answering the project list for [`REGION`] with `projects`
    /// (id, name pairs), to signed requests only, exactly `calls` times.
    async fn iam(projects: &[(&str, &str)], calls: u64) -> MockServer {
        let iam = MockServer::start().await;
        let projects: Vec<_> = projects
            .iter()
            .map(|(id, name)| serde_json::json!({"id": id, "name": name, "enabled": true}))
            .collect();
        Mock::given(method("GET"))
            .and(path("/v3/projects"))
            .and(query_param("name", REGION))
            .and(correctly_signed)
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "projects": projects,
                "links": {"self": "http://127.0.0.1/v3/projects"}
            })))
            .expect(calls)
            .mount(&iam)
            .await;
        iam
    }

    fn discovering(service: &MockServer, iam: &MockServer) -> Client {
        Client::builder()
            .endpoint(service.uri())
            .region(REGION)
            .iam_endpoint(iam.uri())
            .credentials(ak_sk())
            .build()
            .expect("client builds")
    }

    fn config_message<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
        match result {
            Err(Error::Config(message)) => message,
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn the_project_id_is_found_once_and_cached() {
        let iam = iam(&[("p-found", REGION), ("p-other", "cn-north-4_sub")], 1).await;
        let service = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/v1/p-found/items"))
            .and(|request: &Request| header_text(request, "x-project-id") == Some("p-found"))
            .respond_with(ResponseTemplate::new(200))
            .expect(2)
            .mount(&service)
            .await;
        let client = discovering(&service, &iam);
        for _ in 0..2 {
            let response = client.send(items()).await.expect("answered");
            assert_eq!(response.status, 200);
        }
        assert_eq!(client.project_id(), Some("p-found"));
        iam.verify().await;
        service.verify().await;
    }

    #[tokio::test]
    async fn no_matching_project_is_a_clear_error_and_nothing_is_sent() {
        let iam = iam(&[("p-other", "eu-west-0")], 1).await;
        let service = MockServer::start().await;
        let message = config_message(discovering(&service, &iam).send(items()).await);
        assert!(
            message.contains("`cn-north-4`") && message.contains("no project"),
            "{message}"
        );
        assert!(message.contains("ClientBuilder::project_id"), "{message}");
        assert!(received(&service).await.is_empty());
    }

    #[tokio::test]
    async fn several_matching_projects_are_listed() {
        let iam = iam(&[("p-1", REGION), ("p-2", REGION)], 1).await;
        let service = MockServer::start().await;
        let message = config_message(discovering(&service, &iam).send(items()).await);
        assert!(
            message.contains("2 projects") && message.contains("p-1, p-2"),
            "{message}"
        );
    }

    #[tokio::test]
    async fn an_iam_error_answer_is_reported() {
        let iam = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(401).set_body_string(
                r#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"}"#,
            ))
            .mount(&iam)
            .await;
        let service = MockServer::start().await;
        let message = config_message(discovering(&service, &iam).send(items()).await);
        assert!(
            message.contains("APIGW.0301") && message.contains("HTTP 401"),
            "{message}"
        );
    }

    #[tokio::test]
    async fn no_lookup_without_a_project_placeholder_or_with_a_configured_id() {
        let iam = iam(&[("p-found", REGION)], 0).await;
        let service = MockServer::start().await;
        answering(200, &service).await;
        let client = discovering(&service, &iam);
        let global = OperationRequest::new(Method::GET, "/v3/services");
        client.send(global).await.expect("answered");
        let configured = Client::builder()
            .endpoint(service.uri())
            .region(REGION)
            .iam_endpoint(iam.uri())
            .credentials(ak_sk().with_project_id(PROJECT))
            .build()
            .expect("client builds");
        configured.send(items()).await.expect("answered");
        iam.verify().await;
        let paths: Vec<_> = received(&service)
            .await
            .iter()
            .map(|request| request.url.path().to_owned())
            .collect();
        assert_eq!(
            paths,
            ["/v3/services".to_owned(), format!("/v1/{PROJECT}/items")]
        );
    }

    #[tokio::test]
    async fn the_domain_id_fills_its_placeholder_and_header() {
        let service = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/v3/domains/d-1/tags"))
            .and(|request: &Request| header_text(request, "x-domain-id") == Some("d-1"))
            .and(|request: &Request| header_text(request, "x-project-id").is_none())
            .and(correctly_signed)
            .respond_with(ResponseTemplate::new(200))
            .expect(1)
            .mount(&service)
            .await;
        let client = Client::builder()
            .endpoint(service.uri())
            .credentials(ak_sk().with_domain_id("d-1"))
            .build()
            .expect("client builds");
        assert_eq!(client.domain_id(), Some("d-1"));
        let request = OperationRequest::new(Method::GET, "/v3/domains/{domain_id}/tags");
        client.send(request).await.expect("answered");
        service.verify().await;
    }
}

mod transport {
    use std::net::SocketAddr;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    use super::*;

    /// The proxy is a mock server too: a proxied plain-HTTP request reaches
    /// it in absolute form, with `Proxy-Authorization`.
    #[tokio::test]
    async fn requests_go_through_the_proxy_with_its_credentials() {
        let proxy = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(format!("/v1/{PROJECT}/items")))
            .and(|request: &Request| {
                // user:secret in base64.
                header_text(request, "proxy-authorization") == Some("Basic dXNlcjpzZWNyZXQ=")
            })
            .respond_with(ResponseTemplate::new(200))
            .expect(1)
            .mount(&proxy)
            .await;
        let client = Client::builder()
            .endpoint("http://service.invalid")
            .project_id(PROJECT)
            .credentials(ak_sk())
            .http(
                HttpOptions::default()
                    .proxy(proxy.uri())
                    .proxy_auth("user", "secret"),
            )
            .build()
            .expect("client builds");
        let response = client.send(items()).await.expect("answered by the proxy");
        assert_eq!(response.status, 200);
        proxy.verify().await;
    }

    /// Environment variables cannot be set safely in a running test, so
    /// this test runs itself again as a child process with `HTTPS_PROXY`
    /// naming a local listener, and checks the child's https call arrived
    /// there as a `CONNECT`.
    #[tokio::test]
    async fn https_proxy_comes_from_the_environment() {
        if std::env::var_os("APIDOC_RUNTIME_PROXY_CHILD").is_some() {
            let client = Client::builder()
                .endpoint("https://service.invalid")
                .unauthenticated()
                .retry(RetryPolicy::none())
                .build()
                .expect("client builds");
            let result = client.send(OperationRequest::new(Method::GET, "/x")).await;
            assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
            return;
        }
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("listens");
        let address = listener.local_addr().expect("has an address");
        let child = tokio::task::spawn_blocking(move || run_child(address));
        let accepted = tokio::time::timeout(Duration::from_secs(60), listener.accept()).await;
        let (mut stream, _) = accepted
            .expect("the child connects within a minute")
            .expect("the child connects");
        let mut head = vec![0; 256];
        let read = stream.read(&mut head).await.expect("reads");
        let _ = stream.write_all(b"HTTP/1.1 403 Forbidden\r\n\r\n").await;
        drop(stream);
        let head = String::from_utf8_lossy(&head[..read]).into_owned();
        assert!(head.starts_with("CONNECT service.invalid:443 "), "{head}");
        let output = child.await.expect("the child ran");
        assert!(
            output.status.success(),
            "the child test failed:\n{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }

    fn run_child(proxy: SocketAddr) -> std::process::Output {
        let mut command = std::process::Command::new(std::env::current_exe().expect("test binary"));
        command
            .args([
                "transport::https_proxy_comes_from_the_environment",
                "--exact",
            ])
            .env("APIDOC_RUNTIME_PROXY_CHILD", "1")
            .env("HTTPS_PROXY", format!("http://{proxy}"));
        for name in [
            "NO_PROXY",
            "no_proxy",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            command.env_remove(name);
        }
        command.output().expect("the child starts")
    }

    /// A throwaway CA, a server certificate for 127.0.0.1 and a client
    /// certificate, both issued by the CA.
    struct Pki {
        ca_pem: String,
        server_chain: Vec<rustls::pki_types::CertificateDer<'static>>,
        server_key: rustls::pki_types::PrivateKeyDer<'static>,
        client_pem: String,
    }

    fn pki() -> Pki {
        let ca_key = rcgen::KeyPair::generate().expect("key");
        let mut ca_params = rcgen::CertificateParams::new(Vec::new()).expect("params");
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca = ca_params.self_signed(&ca_key).expect("CA");
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let server_key = rcgen::KeyPair::generate().expect("key");
        let server = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
            .expect("params")
            .signed_by(&server_key, &issuer)
            .expect("server certificate");
        let client_key = rcgen::KeyPair::generate().expect("key");
        let client = rcgen::CertificateParams::new(vec!["client.test".to_owned()])
            .expect("params")
            .signed_by(&client_key, &issuer)
            .expect("client certificate");
        Pki {
            ca_pem: ca.pem(),
            server_chain: vec![server.der().clone()],
            server_key: rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
            client_pem: format!("{}{}", client_key.serialize_pem(), client.pem()),
        }
    }

    /// An HTTPS server on 127.0.0.1 answering `200 {}` to each connection,
    /// requiring a client certificate from the CA when `client_auth`.
    async fn tls_server(pki: &Pki, client_auth: bool) -> SocketAddr {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .expect("protocols");
        let builder = if client_auth {
            let mut roots = rustls::RootCertStore::empty();
            let ca = rustls::pki_types::CertificateDer::from_pem_slice(pki.ca_pem.as_bytes())
                .expect("CA pem");
            roots.add(ca).expect("CA added");
            let verifier =
                rustls::server::WebPkiClientVerifier::builder_with_provider(roots.into(), provider)
                    .build()
                    .expect("client verifier");
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let config = builder
            .with_single_cert(pki.server_chain.clone(), pki.server_key.clone_key())
            .expect("server config");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("listens");
        let address = listener.local_addr().expect("has an address");
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(stream).await else {
                        return;
                    };
                    let mut buffer = vec![0; 4096];
                    let _ = tls.read(&mut buffer).await;
                    let answer =
                        "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}";
                    let _ = tls.write_all(answer.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        address
    }

    async fn call(address: SocketAddr, http: HttpOptions) -> Result<u16, Error> {
        let client = Client::builder()
            .endpoint(format!("https://{address}"))
            .unauthenticated()
            .retry(RetryPolicy::none())
            .http(http.no_proxy())
            .build()?;
        let response = client
            .send(OperationRequest::new(Method::GET, "/x"))
            .await?;
        Ok(response.status)
    }

    use rustls::pki_types::pem::PemObject as _;

    #[tokio::test]
    async fn an_extra_root_certificate_is_trusted() {
        let pki = pki();
        let address = tls_server(&pki, false).await;
        let untrusted = call(address, HttpOptions::default()).await;
        assert!(
            matches!(untrusted, Err(Error::Transport(_))),
            "{untrusted:?}"
        );
        let trusted = HttpOptions::default().add_root_certificate_pem(pki.ca_pem.clone());
        assert_eq!(call(address, trusted).await.ok(), Some(200));
    }

    #[tokio::test]
    async fn turning_verification_off_accepts_an_unknown_certificate() {
        let pki = pki();
        let address = tls_server(&pki, false).await;
        let dangerous = HttpOptions::default().danger_accept_invalid_certs(true);
        assert_eq!(call(address, dangerous).await.ok(), Some(200));
    }

    #[tokio::test]
    async fn a_client_certificate_is_presented() {
        let pki = pki();
        let address = tls_server(&pki, true).await;
        let trusted = || HttpOptions::default().add_root_certificate_pem(pki.ca_pem.clone());
        let without = call(address, trusted()).await;
        assert!(matches!(without, Err(Error::Transport(_))), "{without:?}");
        let with = trusted().client_certificate_pem(pki.client_pem.clone());
        assert_eq!(call(address, with).await.ok(), Some(200));
    }

    #[tokio::test]
    async fn pool_limits_are_accepted() {
        let server = MockServer::start().await;
        answering(200, &server).await;
        let client = builder(&server)
            .http(
                HttpOptions::default()
                    .pool_max_idle_per_host(0)
                    .pool_idle_timeout(Duration::from_millis(10)),
            )
            .build()
            .expect("client builds");
        for _ in 0..2 {
            client.send(items()).await.expect("answered");
        }
        assert_eq!(received(&server).await.len(), 2);
    }
}
