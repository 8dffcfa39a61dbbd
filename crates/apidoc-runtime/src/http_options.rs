//! Transport settings of [`ClientBuilder::http`](crate::ClientBuilder::http):
//! proxy, extra root certificates, a client certificate, TLS verification
//! and connection-pool limits, applied to the underlying `reqwest` client.
//!
//! Without an explicit proxy, the standard environment variables
//! `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` (and their
//! lower-case forms) are honoured; [`HttpOptions::no_proxy`] turns that off.

use std::fmt;
use std::time::Duration;

use crate::Error;

/// HTTP transport options; start with [`HttpOptions::default`].
#[derive(Clone, Default)]
pub struct HttpOptions {
    proxy: Option<String>,
    proxy_auth: Option<(String, String)>,
    no_proxy: bool,
    root_certificates: Vec<Vec<u8>>,
    client_identity: Option<Vec<u8>>,
    accept_invalid_certs: bool,
    pool_max_idle_per_host: Option<usize>,
    pool_idle_timeout: Option<Duration>,
}

impl HttpOptions {
    /// Sends every request (http and https) through this proxy, e.g.
    /// `http://proxy.example:3128`, instead of the one the environment names.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// User and password for the [`proxy`](Self::proxy) (HTTP basic,
    /// `Proxy-Authorization`); without a proxy, building the client fails.
    pub fn proxy_auth(mut self, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.proxy_auth = Some((user.into(), password.into()));
        self
    }

    /// Ignores the proxy environment variables (and sets no proxy).
    pub fn no_proxy(mut self) -> Self {
        self.no_proxy = true;
        self.proxy = None;
        self.proxy_auth = None;
        self
    }

    /// Also trusts the certificates of this PEM bundle (one or more
    /// `CERTIFICATE` blocks), beside the platform's roots.
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// Presents this client certificate: a PEM holding the private key
    /// (PKCS#8, RSA or SEC1) and the certificate chain.
    pub fn client_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.client_identity = Some(pem.into());
        self
    }

    /// **Dangerous**: accepts any server certificate, expired, self-signed
    /// or for another host, so anyone on the path can read and change the
    /// traffic, credentials included. For test rigs only; the official
    /// SDK's `ignore_ssl_verification`.
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self
    }

    /// Idle connections kept per host (default: no limit).
    pub fn pool_max_idle_per_host(mut self, max: usize) -> Self {
        self.pool_max_idle_per_host = Some(max);
        self
    }

    /// How long an idle connection is kept (default 90 s).
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = Some(timeout);
        self
    }

    /// Applies the options to a reqwest builder; bad certificates or proxy
    /// URLs are [`Error::Config`] naming the option.
    pub(crate) fn apply(
        &self,
        mut builder: reqwest::ClientBuilder,
    ) -> Result<reqwest::ClientBuilder, Error> {
        if self.no_proxy {
            builder = builder.no_proxy();
        }
        if let Some(proxy) = self.reqwest_proxy()? {
            builder = builder.proxy(proxy);
        }
        for pem in &self.root_certificates {
            for certificate in reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|error| option_error("add_root_certificate_pem", &error))?
            {
                builder = builder.add_root_certificate(certificate);
            }
        }
        if let Some(pem) = &self.client_identity {
            let identity = reqwest::Identity::from_pem(pem)
                .map_err(|error| option_error("client_certificate_pem", &error))?;
            builder = builder.identity(identity);
        }
        if self.accept_invalid_certs {
            builder = builder.tls_danger_accept_invalid_certs(true);
        }
        if let Some(max) = self.pool_max_idle_per_host {
            builder = builder.pool_max_idle_per_host(max);
        }
        if let Some(timeout) = self.pool_idle_timeout {
            builder = builder.pool_idle_timeout(timeout);
        }
        Ok(builder)
    }
}

impl HttpOptions {
    fn reqwest_proxy(&self) -> Result<Option<reqwest::Proxy>, Error> {
        let Some(url) = &self.proxy else {
            return match self.proxy_auth {
                Some(_) => Err(Error::Config(
                    "HttpOptions::proxy_auth needs HttpOptions::proxy".to_owned(),
                )),
                None => Ok(None),
            };
        };
        // The URL itself may carry `user:password@`: never echo it.
        let proxy = reqwest::Proxy::all(url.as_str())
            .map_err(|_| Error::Config("HttpOptions::proxy is not a valid proxy URL".to_owned()))?;
        Ok(Some(match &self.proxy_auth {
            Some((user, password)) => proxy.basic_auth(user, password),
            None => proxy,
        }))
    }
}

fn option_error(option: &str, error: &reqwest::Error) -> Error {
    Error::Config(format!("HttpOptions::{option}: {error}"))
}

impl fmt::Debug for HttpOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpOptions")
            .field("proxy", &self.proxy.as_ref().map(|_| "<set>"))
            .field("proxy_auth", &self.proxy_auth.as_ref().map(|_| "<set>"))
            .field("no_proxy", &self.no_proxy)
            .field("root_certificates", &self.root_certificates.len())
            .field("client_certificate", &self.client_identity.is_some())
            .field("danger_accept_invalid_certs", &self.accept_invalid_certs)
            .field("pool_max_idle_per_host", &self.pool_max_idle_per_host)
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_error(options: &HttpOptions) -> String {
        match options.apply(reqwest::Client::builder()) {
            Err(Error::Config(message)) => message,
            Err(other) => format!("not a config error: {other:?}"),
            Ok(_) => "applied".to_owned(),
        }
    }

    #[test]
    fn bad_options_are_named_without_their_secrets() {
        let proxy = HttpOptions::default().proxy("::not a url SECRET");
        let message = config_error(&proxy);
        assert!(
            message.contains("HttpOptions::proxy") && !message.contains("SECRET"),
            "{message}"
        );
        let auth_alone = HttpOptions::default().proxy_auth("user", "SECRET");
        let message = config_error(&auth_alone);
        assert!(message.contains("needs HttpOptions::proxy"), "{message}");
        let identity = HttpOptions::default().client_certificate_pem("no key here");
        assert!(config_error(&identity).contains("client_certificate_pem"));
    }

    #[test]
    fn debug_hides_proxy_credentials() {
        let options = HttpOptions::default()
            .proxy("http://user:SECRET@127.0.0.1:1")
            .proxy_auth("user", "SECRET");
        let shown = format!("{options:?}");
        assert!(
            !shown.contains("SECRET") && shown.contains("proxy_auth: Some"),
            "{shown}"
        );
    }
}
