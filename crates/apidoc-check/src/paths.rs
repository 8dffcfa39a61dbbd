//! Reading URI templates and example URLs: the path part, its segments and
//! its `{placeholders}`.

/// The path of a URL or URI template: without scheme and host (`https://{endpoint}`),
/// query string and fragment, and without a trailing `/`.
pub(crate) fn path_only(url: &str) -> &str {
    let after_host = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
        None => url.find('/').map_or("", |slash| &url[slash..]),
    };
    let path = after_host.split(['?', '#']).next().unwrap_or_default();
    path.strip_suffix('/')
        .filter(|rest| !rest.is_empty())
        .unwrap_or(path)
}

/// The non-empty `/`-separated segments of a path.
pub(crate) fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|segment| !segment.is_empty())
}

/// The name inside a `{name}` segment, if the segment is a placeholder.
pub(crate) fn placeholder(segment: &str) -> Option<&str> {
    segment.strip_prefix('{')?.strip_suffix('}')
}

/// The `{placeholders}` of a path template's path part, in order.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    segments(path_only(template))
        .filter_map(placeholder)
        .collect()
}

/// A name with case, `_` and `-` ignored, so `projectId`, `project_id` and
/// `Project-ID` compare equal.
pub(crate) fn normalised(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_only_drops_host_query_and_trailing_slash() {
        assert_eq!(
            path_only("https://{endpoint}/v1/{project_id}/x?limit=10"),
            "/v1/{project_id}/x"
        );
        assert_eq!(path_only("{endpoint}/v1/x/"), "/v1/x");
        assert_eq!(path_only("/v1/x#frag"), "/v1/x");
        assert_eq!(path_only("https://host"), "");
        assert_eq!(path_only("/"), "/");
    }

    #[test]
    fn placeholders_come_from_the_path_only() {
        assert_eq!(
            placeholders("/v1/{project_id}/jobs/{job_id}?limit={limit}"),
            ["project_id", "job_id"]
        );
    }

    #[test]
    fn normalised_ignores_case_and_separators() {
        assert_eq!(normalised("projectId"), normalised("project_id"));
        assert_ne!(normalised("project"), normalised("project_id"));
    }
}
