//! `{variable}` placeholders in URL and path templates.

/// The distinct `{name}` placeholders of `template`, in order of first
/// appearance. Unclosed or empty braces are not placeholders; in `{a{b}` the
/// placeholder is `b`.
pub(crate) fn template_vars(template: &str) -> Vec<&str> {
    let mut vars: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let name = name.rfind('{').map_or(name, |inner| &name[inner + 1..]);
        if !name.is_empty() && !vars.contains(&name) {
            vars.push(name);
        }
        rest = &after[close + 1..];
    }
    vars
}

#[cfg(test)]
mod tests {
    use super::template_vars;

    #[test]
    fn finds_each_placeholder_once_in_order() {
        assert_eq!(
            template_vars("/v1/{project_id}/a/{id}/b/{project_id}"),
            ["project_id", "id"]
        );
    }

    #[test]
    fn ignores_empty_and_unclosed_braces() {
        assert_eq!(template_vars("https://x.{region}.com/{}/{open"), ["region"]);
        assert_eq!(template_vars("/{a{b}"), ["b"]);
        assert!(template_vars("/plain/path").is_empty());
    }
}
