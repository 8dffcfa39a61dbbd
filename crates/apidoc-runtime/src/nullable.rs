//! Three-state request fields: absent, explicitly `null`, or a value.
//!
//! An optional field that the API also accepts as `null` is declared
//!
//! ```
//! use apidoc_runtime::Nullable;
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Update {
//!     #[serde(
//!         default,
//!         deserialize_with = "apidoc_runtime::nullable::deserialize",
//!         skip_serializing_if = "Option::is_none"
//!     )]
//!     description: Option<Nullable<String>>,
//! }
//! ```
//!
//! `None` leaves the field out, `Some(Nullable::Null)` sends `null`,
//! `Some(Nullable::Value(v))` sends `v`. The `deserialize_with` is needed
//! because serde reads a present `null` into `Option::None` on its own; it
//! is called only for a present field, so `null` becomes
//! `Some(Nullable::Null)` and `default` covers the absent case.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value that may be explicitly `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// JSON `null`.
    Null,
    /// A present value.
    Value(T),
}

impl<T> Nullable<T> {
    /// The value, or `None` for `Null`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Null => None,
            Self::Value(value) => Some(value),
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_none(),
            Self::Value(value) => serializer.serialize_some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            None => Self::Null,
            Some(value) => Self::Value(value),
        })
    }
}

/// `deserialize_with` target for `Option<Nullable<T>>` fields: a present
/// field (including `null`) becomes `Some`.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<Nullable<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Nullable::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Update {
        #[serde(
            default,
            deserialize_with = "deserialize",
            skip_serializing_if = "Option::is_none"
        )]
        description: Option<Nullable<String>>,
    }

    fn update(description: Option<Nullable<String>>) -> Update {
        Update { description }
    }

    #[test]
    fn serializes_three_states() {
        assert_eq!(serde_json::to_value(update(None)).ok(), Some(json!({})));
        assert_eq!(
            serde_json::to_value(update(Some(Nullable::Null))).ok(),
            Some(json!({"description": null}))
        );
        assert_eq!(
            serde_json::to_value(update(Some("x".to_owned().into()))).ok(),
            Some(json!({"description": "x"}))
        );
    }

    #[test]
    fn deserializes_three_states() {
        let parse = |text: &str| serde_json::from_str::<Update>(text).ok();
        assert_eq!(parse("{}"), Some(update(None)));
        assert_eq!(
            parse(r#"{"description":null}"#),
            Some(update(Some(Nullable::Null)))
        );
        assert_eq!(
            parse(r#"{"description":"x"}"#),
            Some(update(Some(Nullable::Value("x".to_owned()))))
        );
    }

    #[test]
    fn wrong_type_is_still_an_error() {
        assert!(serde_json::from_str::<Update>(r#"{"description":1}"#).is_err());
    }

    #[test]
    fn into_option_drops_the_null_marker() {
        assert_eq!(Nullable::Value(3).into_option(), Some(3));
        assert_eq!(Nullable::<i32>::Null.into_option(), None);
    }
}
