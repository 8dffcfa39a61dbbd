//! How requests authenticate: an IAM token or an AK/SK pair. Secrets stay
//! out of every `Debug` output.

use std::fmt;

use crate::signer::SigningKey;

/// Credentials for [`ClientBuilder::credentials`](crate::ClientBuilder::credentials).
#[derive(Clone)]
pub struct Credentials {
    pub(crate) scheme: Scheme,
    pub(crate) security_token: Option<String>,
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
        Self {
            scheme: Scheme::Token(token.into()),
            security_token: None,
        }
    }

    /// An access key and secret key: each request is signed
    /// (SDK-HMAC-SHA256) and, when the client has a project id, carries
    /// `X-Project-Id`.
    pub fn ak_sk(access_key: impl Into<String>, secret_key: impl Into<String>) -> Self {
        Self {
            scheme: Scheme::AkSk(SigningKey::new(access_key, secret_key)),
            security_token: None,
        }
    }

    /// Adds the security token of temporary credentials, sent (and, with
    /// AK/SK, signed) as `X-Security-Token`.
    pub fn with_security_token(mut self, security_token: impl Into<String>) -> Self {
        self.security_token = Some(security_token.into());
        self
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
            r#"Credentials { token: "<set>", security_token: None }"#
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
