//! The configured client: endpoint, ids, credentials, retries and transport
//! options, and [`Client::send`], which turns an [`OperationRequest`] into
//! authenticated HTTP attempts inside one `tracing` span.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, Url};
use tracing::Instrument as _;

use crate::credentials::Scheme;
use crate::discovery;
use crate::request::{DOMAIN_ID, Ids, PROJECT_ID, expand_path};
use crate::retry::Failure;
use crate::signer::{self, SigningRequest};
use crate::{
    Credentials, Error, HttpOptions, OperationRequest, RawResponse, RetryPolicy, template,
};

/// `apidoc-runtime/<version>`, unless [`ClientBuilder::user_agent`] says otherwise.
const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));
/// Whole-request limit unless [`ClientBuilder::timeout`] says otherwise
/// (the official SDK's read timeout).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// Connection limit unless [`ClientBuilder::connect_timeout`] says otherwise
/// (the official SDK's connect timeout).
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
/// Where project ids are looked up unless configured otherwise.
pub const DEFAULT_IAM_ENDPOINT: &str = "https://iam.myhuaweicloud.com";
/// Media type of every body generated code sends.
const JSON: &str = "application/json";
/// Headers whose values are secrets: marked so HTTP-layer logs hide them.
const SENSITIVE_HEADERS: [&str; 3] = ["authorization", "x-auth-token", "x-security-token"];

/// An API client. Cloning is cheap: clones share configuration, the
/// connection pool and the discovered project id.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    endpoint: Endpoint,
    region: Option<String>,
    project_id: Option<String>,
    domain_id: Option<String>,
    credentials: Option<Credentials>,
    user_agent: String,
    retry: RetryPolicy,
    iam_endpoint: Endpoint,
    /// The project id IAM named for the region, looked up once.
    discovered_project_id: tokio::sync::OnceCell<String>,
}

/// The resolved endpoint and the parts signing and URL building need.
#[derive(Debug)]
pub(crate) struct Endpoint {
    url: Url,
    /// `host` or `host:port`, the value of the `Host` header.
    host: String,
    /// The endpoint's own path without trailing `/`, put before every
    /// resource path.
    base_path: String,
}

impl Endpoint {
    /// The endpoint as given, for messages.
    pub(crate) fn url(&self) -> &Url {
        &self.url
    }
}

/// Where the endpoint comes from.
#[derive(Debug, Clone)]
enum EndpointSource {
    Url(String),
    Template {
        template: String,
        defaults: Vec<(String, String)>,
    },
}

/// Whether requests authenticate, and how.
#[derive(Debug, Clone, Default)]
enum CredentialsSource {
    /// The default chain (environment, then credentials file).
    #[default]
    DefaultChain,
    Given(Credentials),
    Unauthenticated,
}

/// Builds a [`Client`]; start with [`Client::builder`].
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    endpoint: Option<EndpointSource>,
    region: Option<String>,
    project_id: Option<String>,
    domain_id: Option<String>,
    credentials: CredentialsSource,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent: Option<String>,
    retry: Option<RetryPolicy>,
    http: HttpOptions,
    iam_endpoint: Option<String>,
}

impl ClientBuilder {
    /// An explicit endpoint such as `https://ecs.eu-de.otc.t-systems.com` or
    /// `http://127.0.0.1:1234`. Replaces any endpoint template.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(EndpointSource::Url(url.into()));
        self
    }

    /// An endpoint template such as `https://metastudio.{region}.myhuaweicloud.com`.
    /// `{region}` is filled from [`region`](Self::region), other variables
    /// (and `region`, when none is set) from `defaults`. Replaces any
    /// explicit endpoint.
    pub fn endpoint_template(mut self, template: &str, defaults: &[(&str, &str)]) -> Self {
        self.endpoint = Some(EndpointSource::Template {
            template: template.to_owned(),
            defaults: defaults
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
        });
        self
    }

    /// The region: fills `{region}` in the endpoint template, and names the
    /// project that project id discovery looks up.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The project id: fills `{project_id}` in paths the caller left open,
    /// and is sent as `X-Project-Id` with AK/SK credentials. Without one
    /// (here or in the credentials), AK/SK clients look it up through IAM
    /// on the first call that needs it.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// The domain (account) id: fills `{domain_id}` in paths the caller
    /// left open, and is sent as `X-Domain-Id` with AK/SK credentials when
    /// the path names `{domain_id}` or there is no project id (global
    /// services).
    pub fn domain_id(mut self, domain_id: impl Into<String>) -> Self {
        self.domain_id = Some(domain_id.into());
        self
    }

    /// How requests authenticate. Without this (and without
    /// [`unauthenticated`](Self::unauthenticated)), [`build`](Self::build)
    /// takes [`Credentials::from_default_chain`], and sends requests
    /// unauthenticated when that finds none.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = CredentialsSource::Given(credentials);
        self
    }

    /// Sends requests without credentials and does not consult the
    /// environment or the credentials file.
    pub fn unauthenticated(mut self) -> Self {
        self.credentials = CredentialsSource::Unauthenticated;
        self
    }

    /// Limit for each attempt, from connecting to the last body byte
    /// (default 120 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Limit for establishing a connection (default 60 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The `User-Agent` header (default `apidoc-runtime/<version>`). It is
    /// signed with AK/SK, as the official client signs its own.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// When failed attempts are repeated (default [`RetryPolicy::default`]:
    /// 3 attempts for idempotent methods).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Proxy, certificates, TLS verification and connection pool.
    pub fn http(mut self, options: HttpOptions) -> Self {
        self.http = options;
        self
    }

    /// The IAM endpoint project id discovery asks (default: the
    /// credentials' one, else `https://iam.myhuaweicloud.com`).
    pub fn iam_endpoint(mut self, url: impl Into<String>) -> Self {
        self.iam_endpoint = Some(url.into());
        self
    }

    /// Resolves the endpoint and credentials and builds the client.
    /// Installs rustls' `ring` crypto provider as the process default
    /// unless one is installed already.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = self.resolve_endpoint()?;
        let credentials = match self.credentials.clone() {
            CredentialsSource::Given(credentials) => Some(credentials),
            CredentialsSource::Unauthenticated => None,
            CredentialsSource::DefaultChain => Credentials::from_default_chain()?,
        };
        let from_credentials = |get: fn(&Credentials) -> Option<&str>| {
            credentials.as_ref().and_then(get).map(str::to_owned)
        };
        let iam_endpoint = self
            .iam_endpoint
            .clone()
            .or_else(|| from_credentials(Credentials::iam_endpoint))
            .unwrap_or_else(|| DEFAULT_IAM_ENDPOINT.to_owned());
        install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(self.timeout.unwrap_or(DEFAULT_TIMEOUT))
            .connect_timeout(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT));
        let http = self
            .http
            .apply(http)?
            .build()
            .map_err(|error| Error::Config(format!("cannot build the HTTP client: {error}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint,
                region: self.region.clone().or_else(|| self.default_region()),
                project_id: self
                    .project_id
                    .clone()
                    .or_else(|| from_credentials(Credentials::project_id)),
                domain_id: self
                    .domain_id
                    .clone()
                    .or_else(|| from_credentials(Credentials::domain_id)),
                iam_endpoint: parse_endpoint(&iam_endpoint)?,
                credentials,
                user_agent: self
                    .user_agent
                    .unwrap_or_else(|| DEFAULT_USER_AGENT.to_owned()),
                retry: self.retry.unwrap_or_default(),
                discovered_project_id: tokio::sync::OnceCell::new(),
            }),
        })
    }

    /// The endpoint template's default `region`.
    fn default_region(&self) -> Option<String> {
        match &self.endpoint {
            Some(EndpointSource::Template { defaults, .. }) => defaults
                .iter()
                .find(|(name, _)| name == "region")
                .map(|(_, value)| value.clone()),
            _ => None,
        }
    }

    fn resolve_endpoint(&self) -> Result<Endpoint, Error> {
        let text = match &self.endpoint {
            None => {
                return Err(Error::Config(
                    "no endpoint: call ClientBuilder::endpoint or ClientBuilder::endpoint_template"
                        .to_owned(),
                ));
            }
            Some(EndpointSource::Url(url)) => url.clone(),
            Some(EndpointSource::Template { template, defaults }) => {
                template::fill(template, |name| {
                    self.template_value(template, defaults, name)
                })?
            }
        };
        parse_endpoint(&text)
    }

    fn template_value(
        &self,
        template: &str,
        defaults: &[(String, String)],
        name: &str,
    ) -> Result<String, Error> {
        let from_region = self.region.clone().filter(|_| name == "region");
        let from_defaults = || {
            defaults
                .iter()
                .find(|(default, _)| default == name)
                .map(|(_, value)| value.clone())
        };
        from_region.or_else(from_defaults).ok_or_else(|| {
            let hint = if name == "region" {
                "call ClientBuilder::region"
            } else {
                "add it to the endpoint template's defaults"
            };
            Error::Config(format!(
                "endpoint template `{template}` has no value for `{{{name}}}`: {hint}"
            ))
        })
    }
}

/// Checks the endpoint is an absolute http(s) URL with a host.
fn parse_endpoint(text: &str) -> Result<Endpoint, Error> {
    let url = Url::parse(text)
        .map_err(|error| Error::Config(format!("endpoint `{text}` is not a valid URL: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::Config(format!(
            "endpoint `{text}` must start with http:// or https://"
        )));
    }
    let host = url
        .host_str()
        .ok_or_else(|| Error::Config(format!("endpoint `{text}` has no host")))?;
    // `port()` is None for the scheme's default port, matching the Host
    // header the HTTP stack itself would send.
    let host = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    let base_path = url.path().trim_end_matches('/').to_owned();
    Ok(Endpoint {
        url,
        host,
        base_path,
    })
}

/// reqwest is built without a bundled TLS crypto provider (see Cargo.toml):
/// install ring's unless the application already chose one.
fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // An error means another thread installed a provider first; that
        // one serves as well. rustls 0.23.48 deprecates ring's provider
        // for lacking post-quantum key exchange; rustls still installs it
        // itself when `ring` is its only provider feature, and ring keeps
        // the runtime's build short (see Cargo.toml).
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let _ = provider.install_default();
    }
}

impl Client {
    /// A builder with nothing set.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The configured project id, or the one discovered through IAM.
    pub fn project_id(&self) -> Option<&str> {
        self.inner
            .project_id
            .as_deref()
            .or_else(|| self.inner.discovered_project_id.get().map(String::as_str))
    }

    /// The configured domain id.
    pub fn domain_id(&self) -> Option<&str> {
        self.inner.domain_id.as_deref()
    }

    /// Where project id discovery asks.
    pub(crate) fn iam_endpoint(&self) -> &Endpoint {
        &self.inner.iam_endpoint
    }

    /// Fills the path, adds default and authentication headers, signs when
    /// the credentials are AK/SK, and sends, retrying as the
    /// [`RetryPolicy`] allows (each attempt signed afresh). Any status
    /// comes back as a [`RawResponse`]; only failures to get a response
    /// are errors. Generated code calls [`send_operation`](Self::send_operation),
    /// which also names the operation in the log.
    pub async fn send(&self, request: OperationRequest) -> Result<RawResponse, Error> {
        self.send_operation("", request).await
    }

    /// [`send`](Self::send), recorded as operation `operation_id` in the
    /// `apidoc.call` tracing span (also: method, path template, status,
    /// request id, attempts, elapsed milliseconds; never a credential).
    pub async fn send_operation(
        &self,
        operation_id: &'static str,
        request: OperationRequest,
    ) -> Result<RawResponse, Error> {
        let span = tracing::info_span!(
            "apidoc.call",
            operation = operation_id,
            method = %request.method,
            path = request.path_template,
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
            attempts = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        async {
            let started = Instant::now();
            let project_id = self.project_id_for(&request).await?;
            let ids = Ids {
                project_id: project_id.as_deref(),
                domain_id: self.domain_id(),
            };
            let result = self.attempts(&self.inner.endpoint, &request, ids).await;
            let span = tracing::Span::current();
            span.record("elapsed_ms", started.elapsed().as_millis());
            if let Ok(response) = &result {
                span.record("status", response.status);
                if let Some(request_id) = response.request_id() {
                    span.record("request_id", request_id);
                }
            }
            result
        }
        .instrument(span)
        .await
    }

    /// The project id for `request`: the configured one; else, when the
    /// path leaves `{project_id}` open and the credentials are AK/SK, the
    /// one IAM names for the region (looked up once per client).
    async fn project_id_for(&self, request: &OperationRequest) -> Result<Option<String>, Error> {
        if let Some(project_id) = self.project_id() {
            return Ok(Some(project_id.to_owned()));
        }
        let discoverable = self
            .inner
            .credentials
            .as_ref()
            .is_some_and(Credentials::is_ak_sk);
        if !discoverable || !request.leaves_open(PROJECT_ID) {
            return Ok(None);
        }
        let region = self.inner.region.as_deref().ok_or_else(|| {
            Error::Config(
                "no project id and no region to look it up by: call ClientBuilder::project_id \
                 or ClientBuilder::region"
                    .to_owned(),
            )
        })?;
        let project_id = self
            .inner
            .discovered_project_id
            .get_or_try_init(|| discovery::project_id(self, region))
            .await?;
        Ok(Some(project_id.clone()))
    }

    /// Sends `request` to `endpoint` until an attempt succeeds or the retry
    /// policy gives up; each attempt is prepared (and signed) afresh.
    pub(crate) async fn attempts(
        &self,
        endpoint: &Endpoint,
        request: &OperationRequest,
        ids: Ids<'_>,
    ) -> Result<RawResponse, Error> {
        let mut attempt = 1;
        loop {
            let prepared = self.prepare(endpoint, request, ids)?;
            let outcome = self.attempt(prepared).await;
            let (failure, headers) = match &outcome {
                Ok(response) => (Failure::Status(response.status), Some(&response.headers)),
                Err(error) if error.is_builder() => (Failure::Status(0), None),
                Err(_) => (Failure::Transport, None),
            };
            let Some(wait) = self
                .inner
                .retry
                .delay(&request.method, attempt, failure, headers)
            else {
                tracing::Span::current().record("attempts", attempt);
                return outcome.map_err(Error::from);
            };
            log_retry(attempt, wait, &outcome);
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            attempt += 1;
        }
    }

    async fn attempt(&self, request: reqwest::Request) -> Result<RawResponse, reqwest::Error> {
        let mut response = self.inner.http.execute(request).await?;
        let status = response.status().as_u16();
        let headers = std::mem::take(response.headers_mut());
        let body = response.bytes().await?;
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }

    fn prepare(
        &self,
        endpoint: &Endpoint,
        request: &OperationRequest,
        ids: Ids<'_>,
    ) -> Result<reqwest::Request, Error> {
        let resource_path = expand_path(request.path_template, &request.path_params, ids)?;
        let mut url = endpoint.url.clone();
        url.set_path(&format!("{}{resource_path}", endpoint.base_path));
        let mut headers = request.headers.clone();
        self.add_default_headers(&mut headers, request.body.is_some());
        let target = Target {
            method: &request.method,
            host: &endpoint.host,
            // Sign the path as the URL type normalised it: that is what goes out.
            path: url.path(),
            domain_in_path: request.path_template.contains(&format!("{{{DOMAIN_ID}}}")),
        };
        let authenticated = self.authenticate(
            &target,
            &request.query,
            headers,
            request.body.as_deref(),
            ids,
        )?;
        url.set_query(Some(authenticated.query.as_str()).filter(|query| !query.is_empty()));
        let mut http_request = reqwest::Request::new(request.method.clone(), url);
        *http_request.headers_mut() = header_map(&authenticated.headers)?;
        *http_request.body_mut() = request.body.clone().map(reqwest::Body::from);
        Ok(http_request)
    }

    /// `User-Agent`, and `Content-Type: application/json` when there is a
    /// body or the request is signed (the official client sends the
    /// operation's content type on every request and signs it).
    fn add_default_headers(&self, headers: &mut Vec<(String, String)>, has_body: bool) {
        add_if_absent(headers, "User-Agent", &self.inner.user_agent);
        let signs = self
            .inner
            .credentials
            .as_ref()
            .is_some_and(Credentials::is_ak_sk);
        if has_body || signs {
            add_if_absent(headers, "Content-Type", JSON);
        }
    }

    /// Adds the credentials' headers (signing for AK/SK) and encodes the
    /// query: sorted canonically when signed, as the official SDK sends it,
    /// else in caller order.
    fn authenticate(
        &self,
        target: &Target<'_>,
        query: &[(String, String)],
        mut headers: Vec<(String, String)>,
        body: Option<&[u8]>,
        ids: Ids<'_>,
    ) -> Result<Authenticated, Error> {
        let Some(credentials) = &self.inner.credentials else {
            return Ok(Authenticated::unsigned(query, headers));
        };
        if let Some(security_token) = &credentials.security_token {
            add_if_absent(&mut headers, "X-Security-Token", security_token);
        }
        let key = match &credentials.scheme {
            Scheme::Token(token) => {
                add_if_absent(&mut headers, "X-Auth-Token", token);
                return Ok(Authenticated::unsigned(query, headers));
            }
            Scheme::AkSk(key) => key,
        };
        if let Some(project_id) = ids.project_id {
            add_if_absent(&mut headers, "X-Project-Id", project_id);
        }
        if let Some(domain_id) = ids
            .domain_id
            .filter(|_| target.domain_in_path || ids.project_id.is_none())
        {
            add_if_absent(&mut headers, "X-Domain-Id", domain_id);
        }
        let request = SigningRequest {
            method: target.method.as_str(),
            host: target.host,
            path: target.path,
            query,
            headers: &headers,
            body,
        };
        let signed = signer::sign(&request, key, SystemTime::now())
            .map_err(|error| Error::Config(format!("cannot sign the request: {error}")))?;
        let mut headers = signed.headers;
        headers.push(("Authorization".to_owned(), signed.signature.authorization));
        Ok(Authenticated {
            query: signed.signature.canonical_query_string,
            headers,
        })
    }
}

/// A retry event: the attempt, why it failed (status or transport error,
/// never a header or body) and the wait.
fn log_retry(attempt: u32, wait: Duration, outcome: &Result<RawResponse, reqwest::Error>) {
    let wait_ms = wait.as_millis();
    match outcome {
        Ok(response) => tracing::info!(
            attempt,
            wait_ms,
            status = response.status,
            request_id = response.request_id(),
            "retrying after an answer"
        ),
        Err(error) => tracing::info!(
            attempt,
            wait_ms,
            error = %crate::error::error_chain(error),
            "retrying after a transport error"
        ),
    }
}

/// Where a request goes, for authentication.
struct Target<'a> {
    method: &'a Method,
    host: &'a str,
    path: &'a str,
    /// Whether the path template names `{domain_id}`.
    domain_in_path: bool,
}

/// Headers and encoded query, ready to send.
struct Authenticated {
    query: String,
    headers: Vec<(String, String)>,
}

impl Authenticated {
    fn unsigned(query: &[(String, String)], headers: Vec<(String, String)>) -> Self {
        Self {
            query: signer::encode_query(query),
            headers,
        }
    }
}

fn add_if_absent(headers: &mut Vec<(String, String)>, name: &str, value: &str) {
    if !headers
        .iter()
        .any(|(present, _)| present.eq_ignore_ascii_case(name))
    {
        headers.push((name.to_owned(), value.to_owned()));
    }
}

/// Converts header pairs; a bad name or value is reported by header name
/// only, since values may be secrets.
fn header_map(headers: &[(String, String)]) -> Result<HeaderMap, Error> {
    let mut map = HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        let invalid = |what: &str| Error::Validation {
            field: name.clone(),
            message: format!("not a valid HTTP header {what}"),
        };
        let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid("name"))?;
        let mut header_value =
            HeaderValue::from_bytes(value.as_bytes()).map_err(|_| invalid("value"))?;
        header_value.set_sensitive(SENSITIVE_HEADERS.contains(&header_name.as_str()));
        map.append(header_name, header_value);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint_error(builder: ClientBuilder) -> String {
        match builder.build() {
            Err(Error::Config(message)) => message,
            other => format!("not a config error: {other:?}"),
        }
    }

    const TEMPLATE: &str = "https://metastudio.{region}.myhuaweicloud.com";

    #[test]
    fn template_takes_region_then_defaults() {
        let from_region = Client::builder()
            .endpoint_template(TEMPLATE, &[("region", "cn-north-4")])
            .region("ap-southeast-1")
            .build();
        assert_eq!(
            from_region
                .map(|client| client.inner.endpoint.host.clone())
                .ok()
                .as_deref(),
            Some("metastudio.ap-southeast-1.myhuaweicloud.com")
        );
        let from_default = Client::builder()
            .endpoint_template(TEMPLATE, &[("region", "cn-north-4")])
            .build();
        assert_eq!(
            from_default
                .map(|client| client.inner.endpoint.host.clone())
                .ok()
                .as_deref(),
            Some("metastudio.cn-north-4.myhuaweicloud.com")
        );
    }

    #[test]
    fn unfilled_template_variable_is_named() {
        let message = endpoint_error(Client::builder().endpoint_template(TEMPLATE, &[]));
        assert!(
            message.contains("`{region}`") && message.contains("ClientBuilder::region"),
            "{message}"
        );
        let message = endpoint_error(
            Client::builder()
                .endpoint_template("https://{service}.{region}.example.com", &[])
                .region("eu-de"),
        );
        assert!(message.contains("`{service}`"), "{message}");
    }

    #[test]
    fn endpoint_must_be_an_http_url_with_a_host() {
        for bad in ["not a url", "ftp://example.com", "unix:/tmp/socket"] {
            let message = endpoint_error(Client::builder().endpoint(bad));
            assert!(message.contains(bad), "{message}");
        }
        assert!(endpoint_error(Client::builder()).contains("no endpoint"));
    }

    #[test]
    fn endpoint_keeps_port_and_base_path() {
        let endpoint = parse_endpoint("http://127.0.0.1:1234/base/").ok();
        assert_eq!(
            endpoint.map(|endpoint| (endpoint.host, endpoint.base_path)),
            Some(("127.0.0.1:1234".to_owned(), "/base".to_owned()))
        );
        let default_port = parse_endpoint("https://example.com:443").ok();
        assert_eq!(
            default_port.map(|endpoint| endpoint.host).as_deref(),
            Some("example.com")
        );
    }

    #[test]
    fn secret_headers_are_marked_sensitive() {
        let headers = vec![
            ("X-Auth-Token".to_owned(), "t".to_owned()),
            ("Accept".to_owned(), "a".to_owned()),
        ];
        let map = header_map(&headers).ok();
        let sensitive = |name: &str| {
            map.as_ref()
                .and_then(|map| map.get(name))
                .map(HeaderValue::is_sensitive)
        };
        assert_eq!(sensitive("x-auth-token"), Some(true));
        assert_eq!(sensitive("accept"), Some(false));
    }

    #[test]
    fn bad_header_is_reported_by_name_without_its_value() {
        let headers = vec![("X-Custom".to_owned(), "line\nbreak".to_owned())];
        match header_map(&headers) {
            Err(error @ Error::Validation { .. }) => {
                let shown = format!("{error} {error:?}");
                assert!(
                    shown.contains("X-Custom") && !shown.contains("line"),
                    "{shown}"
                );
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
    }
}
