//! `{name}` placeholders, shared by endpoint templates
//! (`https://ecs.{region}.example.com`) and path templates
//! (`/v1/{project_id}/servers`).

use crate::Error;

/// Replaces every `{name}` in `template` with `value_of(name)`; text
/// outside placeholders is copied unchanged. An unclosed `{` or an empty
/// name is a configuration error.
pub(crate) fn fill(
    template: &str,
    mut value_of: impl FnMut(&str) -> Result<String, Error>,
) -> Result<String, Error> {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after_open = &rest[open + 1..];
        let close = after_open
            .find('}')
            .filter(|close| !after_open[..*close].contains('{'))
            .ok_or_else(|| Error::Config(format!("template `{template}` has an unclosed `{{`")))?;
        let name = &after_open[..close];
        if name.is_empty() {
            return Err(Error::Config(format!(
                "template `{template}` has an empty `{{}}`"
            )));
        }
        filled.push_str(&value_of(name)?);
        rest = &after_open[close + 1..];
    }
    filled.push_str(rest);
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(name: &str) -> Result<String, Error> {
        Ok(name.to_uppercase())
    }

    #[test]
    fn fills_every_placeholder() {
        let filled = fill("/v1/{project_id}/items/{id}", upper).ok();
        assert_eq!(filled.as_deref(), Some("/v1/PROJECT_ID/items/ID"));
        assert_eq!(fill("/plain", upper).ok().as_deref(), Some("/plain"));
    }

    #[test]
    fn malformed_templates_are_config_errors() {
        for template in ["/v1/{id", "/v1/{a{b}", "/v1/{}"] {
            assert!(
                matches!(fill(template, upper), Err(Error::Config(_))),
                "{template}"
            );
        }
    }

    #[test]
    fn lookup_errors_propagate() {
        let result = fill("{x}", |_| Err(Error::Config("no x".to_owned())));
        assert!(matches!(result, Err(Error::Config(message)) if message == "no x"));
    }
}
