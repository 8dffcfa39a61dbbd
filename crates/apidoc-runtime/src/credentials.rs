//! How requests authenticate: an IAM token or an AK/SK pair, with the ids
//! and IAM endpoint that travel with them. Secrets stay out of every
//! `Debug` output. Reading them from the environment or the official SDKs'
//! credentials file is in [`provider`](crate::provider).

use std::fmt;

use crate::signer::SigningKey;

/// Credentials for [`ClientBuilder::credentials`](crate::ClientBuilder::credentials).
#[derive(Clone)]
pub struct Credentials {
    pub(crate) scheme: Scheme,
    pub(crate) security_token: Option<String>,
    pub(crate) project_id: Option<String>,
    pub(crate) domain_id: Option<String>,
    pub(crate) iam_endpoint: Option<String>,
}

/// The authentication scheme and its secret.
#[derive(Clone)]
pub(crate) enum Scheme {
    /// Sent as `X-Auth-Token`.
    Token(String),
    /// Signs each request with SDK-HMAC-SHA256.
    AkSk(SigningKey),
}

impl Credentials {
    /// An IAM token, sent as the `X-Auth-Token` header.
    pub fn token(token: impl Into<String>) -> Self {
        Self::with_scheme(Scheme::Token(token.into()))
    }

    /// An access key and secret key: each request is signed
    /// (SDK-HMAC-SHA256) and, when the client has a project id, carries
    /// `X-Project-Id`.
    pub fn ak_sk(access_key: impl Into<String>, secret_key: impl Into<String>) -> Self {
        Self::with_scheme(Scheme::AkSk(SigningKey::new(access_key, secret_key)))
    }

    /// Adds the security token of temporary credentials, sent (and, with
    /// AK/SK, signed) as `X-Security-Token`.
    pub fn with_security_token(mut self, security_token: impl Into<String>) -> Self {
        self.security_token = Some(security_token.into());
        self
    }

    /// The project these credentials work in: used when the client builder
    /// sets none (see [`ClientBuilder::project_id`](crate::ClientBuilder::project_id)).
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// The account (domain) id: used when the client builder sets none (see
    /// [`ClientBuilder::domain_id`](crate::ClientBuilder::domain_id)).
    pub fn with_domain_id(mut self, domain_id: impl Into<String>) -> Self {
        self.domain_id = Some(domain_id.into());
        self
    }

    /// The IAM endpoint that project id discovery asks (default
    /// `https://iam.myhuaweicloud.com`), used when the client builder sets none.
    pub fn with_iam_endpoint(mut self, iam_endpoint: impl Into<String>) -> Self {
        self.iam_endpoint = Some(iam_endpoint.into());
        self
    }

    /// The project id these credentials carry.
    pub fn project_id(&self) -> Option<&str> {
        self.project_id.as_deref()
    }

    /// The domain id these credentials carry.
    pub fn domain_id(&self) -> Option<&str> {
        self.domain_id.as_deref()
    }

    /// The IAM endpoint these credentials carry.
    pub fn iam_endpoint(&self) -> Option<&str> {
        self.iam_endpoint.as_deref()
    }

    /// True for an access key / secret key pair (requests are signed).
    pub fn is_ak_sk(&self) -> bool {
        matches!(self.scheme, Scheme::AkSk(_))
    }

    fn with_scheme(scheme: Scheme) -> Self {
        Self {
            scheme,
            security_token: None,
            project_id: None,
            domain_id: None,
            iam_endpoint: None,
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Credentials");
        match &self.scheme {
            Scheme::Token(_) => debug.field("token", &"<set>"),
            Scheme::AkSk(key) => debug.field("ak_sk", key),
        };
        debug
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<set>"),
            )
            .field("project_id", &self.project_id)
            .field("domain_id", &self.domain_id)
            .field("iam_endpoint", &self.iam_endpoint)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_says_which_values_are_set_without_showing_them() {
        let token = format!("{:?}", Credentials::token("TOKEN-SECRET"));
        assert_eq!(
            token,
            r#"Credentials { token: "<set>", security_token: None, project_id: None, domain_id: None, iam_endpoint: None }"#
        );
        let ak_sk = format!(
            "{:?}",
            Credentials::ak_sk("AK-SECRET", "SK-SECRET").with_security_token("ST-SECRET")
        );
        assert!(!ak_sk.contains("SECRET"), "{ak_sk}");
        assert!(
            ak_sk.contains(r#"security_token: Some("<set>")"#),
            "{ak_sk}"
        );
    }
}
