//! Checks generated code runs on documented constraints before sending, so
//! a bad value fails locally with the field's name instead of as an opaque
//! service error.

use std::cmp::Ordering;

use crate::Error;

/// `value` must lie within `min..=max` (either bound optional). NaN fails
/// whenever a bound is given.
pub fn range(field: &str, value: f64, min: Option<f64>, max: Option<f64>) -> Result<(), Error> {
    // NaN compares as neither below nor at/above a bound: it fails both.
    if let Some(min) = min.filter(|min| value.partial_cmp(min).is_none_or(Ordering::is_lt)) {
        return Err(invalid(
            field,
            format!("must be at least {min}, got {value}"),
        ));
    }
    if let Some(max) = max.filter(|max| value.partial_cmp(max).is_none_or(Ordering::is_gt)) {
        return Err(invalid(
            field,
            format!("must be at most {max}, got {value}"),
        ));
    }
    Ok(())
}

/// `value` must have between `min` and `max` characters (Unicode scalar
/// values, not bytes). The value itself is left out of the message, as it
/// may be a password.
pub fn length(field: &str, value: &str, min: Option<u64>, max: Option<u64>) -> Result<(), Error> {
    count(field, value.chars().count(), min, max, "character")
}

/// A list must have between `min` and `max` items.
pub fn items(field: &str, len: usize, min: Option<u64>, max: Option<u64>) -> Result<(), Error> {
    count(field, len, min, max, "item")
}

/// `value` must be one of `allowed` (compared exactly).
pub fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<(), Error> {
    if allowed.contains(&value) {
        return Ok(());
    }
    let choices = allowed
        .iter()
        .map(|choice| format!("`{choice}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Err(invalid(
        field,
        format!("must be one of {choices}, got `{value}`"),
    ))
}

/// Checks a count against optional bounds; `unit` is the singular noun.
fn count(
    field: &str,
    actual: usize,
    min: Option<u64>,
    max: Option<u64>,
    unit: &str,
) -> Result<(), Error> {
    // usize always fits in u64 on supported targets; saturate rather than panic.
    let actual = u64::try_from(actual).unwrap_or(u64::MAX);
    if let Some(min) = min.filter(|min| actual < *min) {
        return Err(invalid(
            field,
            format!("must have at least {}, has {actual}", quantity(min, unit)),
        ));
    }
    if let Some(max) = max.filter(|max| actual > *max) {
        return Err(invalid(
            field,
            format!("must have at most {}, has {actual}", quantity(max, unit)),
        ));
    }
    Ok(())
}

fn quantity(amount: u64, unit: &str) -> String {
    let plural = if amount == 1 { "" } else { "s" };
    format!("{amount} {unit}{plural}")
}

fn invalid(field: &str, message: String) -> Error {
    Error::Validation {
        field: field.to_owned(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<(), Error>) -> String {
        match result {
            Err(Error::Validation { field, message }) => format!("{field}: {message}"),
            other => format!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn range_accepts_bounds_and_rejects_outside() {
        assert!(range("limit", 1.0, Some(1.0), Some(100.0)).is_ok());
        assert!(range("limit", 100.0, Some(1.0), Some(100.0)).is_ok());
        assert!(range("limit", -5.0, None, None).is_ok());
        assert_eq!(
            message(range("limit", 0.0, Some(1.0), Some(100.0))),
            "limit: must be at least 1, got 0"
        );
        assert_eq!(
            message(range("limit", 100.5, Some(1.0), Some(100.0))),
            "limit: must be at most 100, got 100.5"
        );
    }

    #[test]
    fn range_rejects_nan_when_bounded() {
        assert!(range("ratio", f64::NAN, Some(0.0), None).is_err());
        assert!(range("ratio", f64::NAN, None, Some(1.0)).is_err());
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(length("name", "数字人", Some(3), Some(3)).is_ok());
        assert_eq!(
            message(length("name", "数字人", None, Some(2))),
            "name: must have at most 2 characters, has 3"
        );
        assert_eq!(
            message(length("name", "", Some(1), None)),
            "name: must have at least 1 character, has 0"
        );
    }

    #[test]
    fn length_message_leaves_the_value_out() {
        assert!(!message(length("password", "hunter2", Some(8), None)).contains("hunter2"));
    }

    #[test]
    fn items_checks_list_size() {
        assert!(items("ids", 2, Some(1), Some(2)).is_ok());
        assert_eq!(
            message(items("ids", 3, Some(1), Some(2))),
            "ids: must have at most 2 items, has 3"
        );
        assert_eq!(
            message(items("ids", 0, Some(1), None)),
            "ids: must have at least 1 item, has 0"
        );
    }

    #[test]
    fn one_of_lists_the_choices() {
        assert!(one_of("type", "RESOURCE_EXPIRE", &["RESOURCE_EXPIRE", "OTHER"]).is_ok());
        assert_eq!(
            message(one_of(
                "type",
                "resource_expire",
                &["RESOURCE_EXPIRE", "OTHER"]
            )),
            "type: must be one of `RESOURCE_EXPIRE`, `OTHER`, got `resource_expire`"
        );
    }
}
