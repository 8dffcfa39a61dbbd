//! The configured client: endpoint, project, credentials and timeouts, and
//! [`Client::send`], which turns an [`OperationRequest`] into an
//! authenticated HTTP call.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, Url};

use crate::credentials::Scheme;
use crate::request::expand_path;
use crate::signer::{self, SigningRequest};
use crate::{Credentials, Error, OperationRequest, RawResponse, template};

/// `apidoc-runtime/<version>`, unless [`ClientBuilder::user_agent`] says otherwise.
const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));
/// Whole-request limit unless [`ClientBuilder::timeout`] says otherwise
/// (the official SDK's read timeout).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
/// Connection limit unless [`ClientBuilder::connect_timeout`] says otherwise
/// (the official SDK's connect timeout).
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
/// Media type of every body generated code sends.
const JSON: &str = "application/json";
/// Headers whose values are secrets: marked so HTTP-layer logs hide them.
const SENSITIVE_HEADERS: [&str; 3] = ["authorization", "x-auth-token", "x-security-token"];

/// An API client. Cloning is cheap: clones share configuration and the
/// connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    endpoint: Endpoint,
    project_id: Option<String>,
    credentials: Option<Credentials>,
    user_agent: String,
}

/// The resolved endpoint and the parts signing and URL building need.
#[derive(Debug)]
struct Endpoint {
    url: Url,
    /// `host` or `host:port`, the value of the `Host` header.
    host: String,
    /// The endpoint's own path without trailing `/`, put before every
    /// resource path.
    base_path: String,
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

/// Builds a [`Client`]; start with [`Client::builder`].
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    endpoint: Option<EndpointSource>,
    region: Option<String>,
    project_id: Option<String>,
    credentials: Option<Credentials>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent: Option<String>,
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

    /// The region filling `{region}` in the endpoint template (unused with
    /// an explicit [`endpoint`](Self::endpoint)).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The project id: fills `{project_id}` in paths the caller left open,
    /// and is sent as `X-Project-Id` with AK/SK credentials.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// How requests authenticate. Without credentials, requests are sent
    /// unauthenticated.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Limit for a whole request, from connecting to the last body byte
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

    /// Resolves the endpoint and builds the client. Installs rustls' `ring`
    /// crypto provider as the process default unless one is installed
    /// already.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = self.resolve_endpoint()?;
        install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(self.timeout.unwrap_or(DEFAULT_TIMEOUT))
            .connect_timeout(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))
            .build()
            .map_err(|error| Error::Config(format!("cannot build the HTTP client: {error}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint,
                project_id: self.project_id,
                credentials: self.credentials,
                user_agent: self
                    .user_agent
                    .unwrap_or_else(|| DEFAULT_USER_AGENT.to_owned()),
            }),
        })
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
        // one serves as well.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

impl Client {
    /// A builder with nothing set.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The configured project id.
    pub fn project_id(&self) -> Option<&str> {
        self.inner.project_id.as_deref()
    }

    /// Fills the path, adds default and authentication headers, signs when
    /// the credentials are AK/SK, and sends. Any status comes back as a
    /// [`RawResponse`]; only failures to get a response are errors.
    pub async fn send(&self, request: OperationRequest) -> Result<RawResponse, Error> {
        let request = self.prepare(request)?;
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

    fn prepare(&self, request: OperationRequest) -> Result<reqwest::Request, Error> {
        let OperationRequest {
            method,
            path_template,
            path_params,
            query,
            mut headers,
            body,
        } = request;
        let endpoint = &self.inner.endpoint;
        let resource_path = expand_path(path_template, &path_params, self.project_id())?;
        let mut url = endpoint.url.clone();
        url.set_path(&format!("{}{resource_path}", endpoint.base_path));
        self.add_default_headers(&mut headers, body.is_some());
        // Sign the path as the URL type normalised it: that is what goes out.
        let authenticated =
            self.authenticate(&method, url.path(), &query, headers, body.as_deref())?;
        url.set_query(Some(authenticated.query.as_str()).filter(|query| !query.is_empty()));
        let mut http_request = reqwest::Request::new(method, url);
        *http_request.headers_mut() = header_map(&authenticated.headers)?;
        *http_request.body_mut() = body.map(reqwest::Body::from);
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
            .is_some_and(|credentials| matches!(credentials.scheme, Scheme::AkSk(_)));
        if has_body || signs {
            add_if_absent(headers, "Content-Type", JSON);
        }
    }

    /// Adds the credentials' headers (signing for AK/SK) and encodes the
    /// query: sorted canonically when signed, as the official SDK sends it,
    /// else in caller order.
    fn authenticate(
        &self,
        method: &Method,
        path: &str,
        query: &[(String, String)],
        mut headers: Vec<(String, String)>,
        body: Option<&[u8]>,
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
        if let Some(project_id) = self.project_id() {
            add_if_absent(&mut headers, "X-Project-Id", project_id);
        }
        let request = SigningRequest {
            method: method.as_str(),
            host: &self.inner.endpoint.host,
            path,
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
