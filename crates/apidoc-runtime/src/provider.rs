//! Where credentials come from when the code does not spell them out, with
//! the names the official Huawei Cloud SDKs use: environment variables
//! ([`Credentials::from_env`]), the credentials file
//! ([`Credentials::from_profile`]) and the chain of both
//! ([`Credentials::from_default_chain`]), which
//! [`ClientBuilder::build`](crate::ClientBuilder::build) consults when the
//! caller set no credentials.
//!
//! Error messages name the variable, file, section or key that is missing;
//! they never contain a value.

use std::path::{Path, PathBuf};

use crate::{Credentials, Error};

/// Access key.
pub const ENV_AK: &str = "HUAWEICLOUD_SDK_AK";
/// Secret key.
pub const ENV_SK: &str = "HUAWEICLOUD_SDK_SK";
/// Security token of temporary credentials.
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
/// Project id.
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// Domain (account) id.
pub const ENV_DOMAIN_ID: &str = "HUAWEICLOUD_SDK_DOMAIN_ID";
/// IAM endpoint of project id discovery.
pub const ENV_IAM_ENDPOINT: &str = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
/// Path of the credentials file.
pub const ENV_CREDENTIALS_FILE: &str = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
/// The credentials file under the home directory when
/// [`ENV_CREDENTIALS_FILE`] is not set.
pub const DEFAULT_CREDENTIALS_FILE: &str = ".huaweicloud/credentials";
/// The sections of the credentials file, in the order they are looked for:
/// `[basic]` (project-scoped services), then `[global]` (global services).
pub const PROFILE_SECTIONS: [&str; 2] = ["basic", "global"];

/// Looks up one setting by name: an environment variable or a key of the
/// credentials file. Empty values count as unset, as in the official SDKs.
type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

impl Credentials {
    /// AK/SK credentials from `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK`,
    /// with `HUAWEICLOUD_SDK_SECURITY_TOKEN`, `HUAWEICLOUD_SDK_PROJECT_ID`,
    /// `HUAWEICLOUD_SDK_DOMAIN_ID` and `HUAWEICLOUD_SDK_IAM_ENDPOINT` when
    /// set. [`Error::Config`] names the variables missing.
    pub fn from_env() -> Result<Self, Error> {
        from_env_with(&env_var)?.ok_or_else(|| {
            Error::Config(format!(
                "no credentials in the environment: set {ENV_AK} and {ENV_SK}"
            ))
        })
    }

    /// AK/SK credentials from the official SDKs' INI credentials file:
    /// `path`, else the file `HUAWEICLOUD_SDK_CREDENTIALS_FILE` names, else
    /// `~/.huaweicloud/credentials`. The section `[basic]` is read when
    /// present, else `[global]`; keys `ak`, `sk` and optionally
    /// `security_token`, `project_id`, `domain_id`, `iam_endpoint`.
    pub fn from_profile(path: Option<&Path>) -> Result<Self, Error> {
        let path = match path {
            Some(path) => path.to_owned(),
            None => profile_path(&env_var)?,
        };
        let text = std::fs::read_to_string(&path).map_err(|error| {
            Error::Config(format!(
                "cannot read the credentials file {}: {error}",
                path.display()
            ))
        })?;
        from_profile_text(&text, &path)
    }

    /// The default chain: the environment ([`from_env`](Self::from_env))
    /// when `HUAWEICLOUD_SDK_AK` or `HUAWEICLOUD_SDK_SK` is set, else the
    /// credentials file ([`from_profile`](Self::from_profile)) when it
    /// exists, else `None`. Half-set variables and unreadable or incomplete
    /// files are errors, not skipped.
    pub fn from_default_chain() -> Result<Option<Self>, Error> {
        default_chain_with(&env_var)
    }
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// [`Credentials::from_env`] over any lookup: `None` when neither key is set.
fn from_env_with(var: Lookup<'_>) -> Result<Option<Credentials>, Error> {
    let names = Names {
        ak: ENV_AK,
        sk: ENV_SK,
        security_token: ENV_SECURITY_TOKEN,
        project_id: ENV_PROJECT_ID,
        domain_id: ENV_DOMAIN_ID,
        iam_endpoint: ENV_IAM_ENDPOINT,
    };
    credentials_from(var, &names, "in the environment")
}

fn default_chain_with(var: Lookup<'_>) -> Result<Option<Credentials>, Error> {
    if let Some(credentials) = from_env_with(var)? {
        return Ok(Some(credentials));
    }
    let path = profile_path(var)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => from_profile_text(&text, &path).map(Some),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(Error::Config(format!(
            "cannot read the credentials file {}: {error}",
            path.display()
        ))),
    }
}

/// `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `~/.huaweicloud/credentials`.
fn profile_path(var: Lookup<'_>) -> Result<PathBuf, Error> {
    if let Some(path) = var(ENV_CREDENTIALS_FILE) {
        return Ok(PathBuf::from(path));
    }
    std::env::home_dir()
        .map(|home| home.join(DEFAULT_CREDENTIALS_FILE))
        .ok_or_else(|| {
            Error::Config(format!(
                "no home directory to find ~/{DEFAULT_CREDENTIALS_FILE} in: set {ENV_CREDENTIALS_FILE}"
            ))
        })
}

/// Reads the first of [`PROFILE_SECTIONS`] present in the INI `text`.
fn from_profile_text(text: &str, path: &Path) -> Result<Credentials, Error> {
    let mut ini = configparser::ini::Ini::new();
    ini.read(text.to_owned()).map_err(|error| {
        Error::Config(format!(
            "the credentials file {} is not valid INI: {error}",
            path.display()
        ))
    })?;
    let sections = ini.sections();
    let section = PROFILE_SECTIONS
        .into_iter()
        .find(|wanted| sections.iter().any(|present| present == wanted))
        .ok_or_else(|| {
            Error::Config(format!(
                "the credentials file {} has neither a [basic] nor a [global] section",
                path.display()
            ))
        })?;
    let lookup = |key: &str| ini.get(section, key).filter(|value| !value.is_empty());
    let names = Names {
        ak: "ak",
        sk: "sk",
        security_token: "security_token",
        project_id: "project_id",
        domain_id: "domain_id",
        iam_endpoint: "iam_endpoint",
    };
    let place = format!("in section [{section}] of {}", path.display());
    credentials_from(&lookup, &names, &place)?
        .ok_or_else(|| Error::Config(format!("no `ak` and `sk` {place}")))
}

/// The names of the settings in one source.
struct Names {
    ak: &'static str,
    sk: &'static str,
    security_token: &'static str,
    project_id: &'static str,
    domain_id: &'static str,
    iam_endpoint: &'static str,
}

/// AK/SK credentials with the optional settings; `None` when neither key is
/// set, an error naming the missing one when only one is. `place` says
/// where the names were looked up, for messages.
fn credentials_from(
    lookup: Lookup<'_>,
    names: &Names,
    place: &str,
) -> Result<Option<Credentials>, Error> {
    let (ak, sk) = match (lookup(names.ak), lookup(names.sk)) {
        (None, None) => return Ok(None),
        (Some(ak), Some(sk)) => (ak, sk),
        (Some(_), None) => return Err(half_set(names.ak, names.sk, place)),
        (None, Some(_)) => return Err(half_set(names.sk, names.ak, place)),
    };
    let mut credentials = Credentials::ak_sk(ak, sk);
    credentials.security_token = lookup(names.security_token);
    credentials.project_id = lookup(names.project_id);
    credentials.domain_id = lookup(names.domain_id);
    credentials.iam_endpoint = lookup(names.iam_endpoint);
    Ok(Some(credentials))
}

fn half_set(present: &str, missing: &str, place: &str) -> Error {
    Error::Config(format!(
        "incomplete credentials {place}: `{present}` is set but `{missing}` is not"
    ))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    fn from_vars(pairs: &[(&str, &str)]) -> Result<Option<Credentials>, Error> {
        let vars = vars(pairs);
        from_env_with(&|name| vars.get(name).cloned().filter(|value| !value.is_empty()))
    }

    fn config_message<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
        match result {
            Err(Error::Config(message)) => message,
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    fn temp_file(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("apidoc-runtime-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, text).expect("temp file");
        path
    }

    #[test]
    fn environment_gives_every_setting_the_official_names_give() {
        let credentials = from_vars(&[
            (ENV_AK, "AK-SECRET"),
            (ENV_SK, "SK-SECRET"),
            (ENV_SECURITY_TOKEN, "ST-SECRET"),
            (ENV_PROJECT_ID, "project-1"),
            (ENV_DOMAIN_ID, "domain-1"),
            (ENV_IAM_ENDPOINT, "http://127.0.0.1:9"),
        ]);
        let credentials = credentials.ok().flatten().expect("credentials");
        assert!(credentials.is_ak_sk());
        assert_eq!(credentials.security_token.as_deref(), Some("ST-SECRET"));
        assert_eq!(credentials.project_id(), Some("project-1"));
        assert_eq!(credentials.domain_id(), Some("domain-1"));
        assert_eq!(credentials.iam_endpoint(), Some("http://127.0.0.1:9"));
    }

    #[test]
    fn environment_without_keys_is_none_and_half_set_keys_are_named() {
        assert!(matches!(from_vars(&[(ENV_PROJECT_ID, "p")]), Ok(None)));
        assert!(matches!(from_vars(&[(ENV_AK, ""), (ENV_SK, "")]), Ok(None)));
        let message = config_message(from_vars(&[(ENV_AK, "AK-SECRET")]));
        assert!(
            message.contains("`HUAWEICLOUD_SDK_AK` is set but `HUAWEICLOUD_SDK_SK` is not"),
            "{message}"
        );
        assert!(!message.contains("SECRET"), "{message}");
        let message = config_message(from_vars(&[(ENV_SK, "SK-SECRET")]));
        assert!(message.contains("`HUAWEICLOUD_SDK_AK` is not"), "{message}");
    }

    #[test]
    fn profile_reads_basic_before_global() {
        let path = temp_file(
            "both",
            "[global]\nak = G-AK\nsk = G-SK\ndomain_id = d-1\n\n\
             [basic]\nak = B-AK\nsk = B-SK\nproject_id = p-1\n\
             security_token = B-ST\niam_endpoint = https://iam.example\n",
        );
        let credentials = Credentials::from_profile(Some(&path)).expect("profile reads");
        assert_eq!(credentials.project_id(), Some("p-1"));
        assert_eq!(credentials.domain_id(), None);
        assert_eq!(credentials.iam_endpoint(), Some("https://iam.example"));
        assert_eq!(credentials.security_token.as_deref(), Some("B-ST"));
        let path = temp_file(
            "global",
            "[global]\nak = G-AK\nsk = G-SK\ndomain_id = d-1\n",
        );
        let credentials = Credentials::from_profile(Some(&path)).expect("profile reads");
        assert_eq!(credentials.domain_id(), Some("d-1"));
        assert_eq!(credentials.project_id(), None);
    }

    #[test]
    fn profile_errors_name_file_section_and_key_without_values() {
        let path = temp_file("half", "[basic]\nak = AK-SECRET\n");
        let message = config_message(Credentials::from_profile(Some(&path)));
        assert!(
            message.contains("[basic]") && message.contains("`sk` is not"),
            "{message}"
        );
        assert!(!message.contains("SECRET"), "{message}");
        let path = temp_file("other", "[default]\nak = a\nsk = s\n");
        let message = config_message(Credentials::from_profile(Some(&path)));
        assert!(
            message.contains("neither a [basic] nor a [global]"),
            "{message}"
        );
        let missing = std::env::temp_dir().join("apidoc-runtime-no-such-credentials");
        let message = config_message(Credentials::from_profile(Some(&missing)));
        assert!(
            message.contains("cannot read the credentials file"),
            "{message}"
        );
    }

    #[test]
    fn chain_prefers_the_environment_then_the_file_then_nothing() {
        let path = temp_file(
            "chain",
            "[basic]\nak = FILE-AK\nsk = FILE-SK\nproject_id = file-p\n",
        );
        let path_text = path.display().to_string();
        let chain = |pairs: &[(&str, &str)]| {
            let vars = vars(pairs);
            default_chain_with(&|name| vars.get(name).cloned())
        };
        let from_env = chain(&[
            (ENV_AK, "a"),
            (ENV_SK, "s"),
            (ENV_PROJECT_ID, "env-p"),
            (ENV_CREDENTIALS_FILE, &path_text),
        ]);
        assert_eq!(
            from_env.ok().flatten().and_then(|c| c.project_id),
            Some("env-p".to_owned())
        );
        let from_file = chain(&[(ENV_CREDENTIALS_FILE, &path_text)]);
        assert_eq!(
            from_file.ok().flatten().and_then(|c| c.project_id),
            Some("file-p".to_owned())
        );
        let missing = std::env::temp_dir().join("apidoc-runtime-no-such-credentials");
        let nothing = chain(&[(ENV_CREDENTIALS_FILE, &missing.display().to_string())]);
        assert!(matches!(nothing, Ok(None)), "{nothing:?}");
    }
}
