//! The request generated code hands to [`Client::send`](crate::Client::send),
//! and how its path template becomes a path.

use reqwest::Method;

use crate::signer::encode;
use crate::{Error, template};

/// Name of the path parameter the client fills with its project id.
pub(crate) const PROJECT_ID: &str = "project_id";
/// Name of the path parameter the client fills with its domain id.
pub(crate) const DOMAIN_ID: &str = "domain_id";

/// The ids the client fills `{project_id}` and `{domain_id}` with when the
/// request leaves them open.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ids<'a> {
    /// The configured or discovered project id.
    pub(crate) project_id: Option<&'a str>,
    /// The configured domain (account) id.
    pub(crate) domain_id: Option<&'a str>,
}

impl Ids<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        match name {
            PROJECT_ID => self.project_id,
            DOMAIN_ID => self.domain_id,
            _ => None,
        }
    }
}

/// One API call, before authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRequest {
    /// HTTP method.
    pub method: Method,
    /// Path with `{name}` placeholders, as documented, e.g.
    /// `/v1/{project_id}/servers/{server_id}`.
    pub path_template: &'static str,
    /// Raw (not encoded) values for the placeholders. `project_id` and
    /// `domain_id` may be left out: the client's configured ids fill them.
    pub path_params: Vec<(&'static str, String)>,
    /// Raw query pairs; an array parameter repeats its key once per element.
    pub query: Vec<(String, String)>,
    /// Extra headers, raw.
    pub headers: Vec<(String, String)>,
    /// JSON body bytes, sent (and signed) exactly as given.
    pub body: Option<Vec<u8>>,
}

impl OperationRequest {
    /// A request without parameters, headers or body.
    pub fn new(method: Method, path_template: &'static str) -> Self {
        Self {
            method,
            path_template,
            path_params: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Whether `{name}` is a placeholder of the path that the request
    /// leaves for the client to fill.
    pub(crate) fn leaves_open(&self, name: &str) -> bool {
        self.path_template.contains(&format!("{{{name}}}"))
            && !self.path_params.iter().any(|(given, _)| *given == name)
    }
}

/// Fills `template` from `params` (falling back to `ids` for the
/// `{project_id}` and `{domain_id}` placeholders), percent-encoding each
/// value with nothing but `A-Z a-z 0-9 - _ . ~` left unescaped, as the
/// official client does.
pub(crate) fn expand_path(
    template: &str,
    params: &[(&str, String)],
    ids: Ids<'_>,
) -> Result<String, Error> {
    if let Some((unused, _)) = params
        .iter()
        .find(|(name, _)| !template.contains(&format!("{{{name}}}")))
    {
        return Err(Error::Config(format!(
            "path parameter `{unused}` does not appear in `{template}`"
        )));
    }
    template::fill(template, |name| {
        let value = params
            .iter()
            .find(|(given, _)| *given == name)
            .map(|(_, value)| value.as_str())
            .or_else(|| ids.get(name))
            .ok_or_else(|| missing_parameter(name, template))?;
        check_segment(name, value)?;
        Ok(encode(value))
    })
}

fn missing_parameter(name: &str, template: &str) -> Error {
    let hint = match name {
        PROJECT_ID => {
            " (set it on the request or with ClientBuilder::project_id, or give AK/SK \
             credentials and a region to look it up)"
        }
        DOMAIN_ID => " (set it on the request or with ClientBuilder::domain_id)",
        _ => "",
    };
    Error::Config(format!(
        "path parameter `{name}` of `{template}` has no value{hint}"
    ))
}

/// Empty, `.` and `..` survive encoding unchanged and would address a
/// different resource (`/v1//servers`, `/v1/../servers`), so they are
/// refused.
fn check_segment(name: &str, value: &str) -> Result<(), Error> {
    if matches!(value, "" | "." | "..") {
        return Err(Error::Validation {
            field: name.to_owned(),
            message: format!("path parameter must not be `{value}`"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned()))
            .collect()
    }

    fn project(id: &str) -> Ids<'_> {
        Ids {
            project_id: Some(id),
            domain_id: None,
        }
    }

    #[test]
    fn values_are_encoded_with_nothing_left_unescaped() {
        let path = expand_path(
            "/v1/{a}/x",
            &params(&[("a", "b c/d?e#f+%~é")]),
            Ids::default(),
        );
        assert_eq!(
            path.ok().as_deref(),
            Some("/v1/b%20c%2Fd%3Fe%23f%2B%25~%C3%A9/x")
        );
    }

    #[test]
    fn project_id_comes_from_the_config_unless_given() {
        let from_config = expand_path("/v1/{project_id}/x", &[], project("p1"));
        assert_eq!(from_config.ok().as_deref(), Some("/v1/p1/x"));
        let given = expand_path(
            "/v1/{project_id}/x",
            &params(&[("project_id", "p2")]),
            project("p1"),
        );
        assert_eq!(given.ok().as_deref(), Some("/v1/p2/x"));
    }

    #[test]
    fn domain_id_comes_from_the_config_unless_given() {
        let ids = Ids {
            project_id: Some("p1"),
            domain_id: Some("d1"),
        };
        let from_config = expand_path("/v3/domains/{domain_id}/x", &[], ids);
        assert_eq!(from_config.ok().as_deref(), Some("/v3/domains/d1/x"));
        let given = expand_path(
            "/v3/domains/{domain_id}",
            &params(&[("domain_id", "d2")]),
            ids,
        );
        assert_eq!(given.ok().as_deref(), Some("/v3/domains/d2"));
        match expand_path("/v3/domains/{domain_id}", &[], project("p1")) {
            Err(Error::Config(message)) => {
                assert!(message.contains("ClientBuilder::domain_id"), "{message}")
            }
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn missing_parameter_is_named() {
        match expand_path("/v1/{project_id}/x", &[], Ids::default()) {
            Err(Error::Config(message)) => assert!(message.contains("`project_id`"), "{message}"),
            other => panic!("expected a config error, got {other:?}"),
        }
        match expand_path("/v1/{server_id}", &[], project("p")) {
            Err(Error::Config(message)) => assert!(message.contains("`server_id`"), "{message}"),
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_parameter_is_a_config_error() {
        let result = expand_path("/v1/x", &params(&[("id", "1")]), Ids::default());
        assert!(matches!(result, Err(Error::Config(message)) if message.contains("`id`")));
    }

    #[test]
    fn dot_segments_and_empty_values_are_refused() {
        for value in ["", ".", ".."] {
            let result = expand_path("/v1/{id}", &params(&[("id", value)]), Ids::default());
            assert!(
                matches!(&result, Err(Error::Validation { field, .. }) if field == "id"),
                "{value:?}: {result:?}"
            );
        }
    }
}
