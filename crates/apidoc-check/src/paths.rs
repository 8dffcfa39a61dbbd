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

/// True for a version segment: `v1`, `V2`, `v2.1`.
pub(crate) fn is_version(segment: &str) -> bool {
    segment.strip_prefix(['v', 'V']).is_some_and(|number| {
        !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.')
    })
}

/// The words of a path that tell operations apart: its segments with
/// placeholders unwrapped, leaving out version segments and
/// `{project_id}`, which nearly every path has.
pub(crate) fn path_words(path: &str) -> Vec<&str> {
    segments(path_only(path))
        .map(|segment| placeholder(segment).unwrap_or(segment))
        .filter(|word| *word != "project_id" && !is_version(word))
        .collect()
}

/// The path's first version segment, if it has one.
pub(crate) fn version_of(path: &str) -> Option<&str> {
    segments(path_only(path)).find(|segment| is_version(segment))
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
    fn words_leave_out_versions_and_the_project() {
        let path = "/v2.1/{project_id}/servers/{server_id}/action";
        assert_eq!(path_words(path), ["servers", "server_id", "action"]);
        assert_eq!(version_of(path), Some("v2.1"));
        assert_eq!(version_of("/servers"), None);
    }

    #[test]
    fn normalised_ignores_case_and_separators() {
        assert_eq!(normalised("projectId"), normalised("project_id"));
        assert_ne!(normalised("project"), normalised("project_id"));
    }
}
