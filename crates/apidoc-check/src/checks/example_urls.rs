//! Example request URLs against the operation's URIs.

use apidoc_ir::{Diagnostic, Operation, RequestExample, Service, Uri};

use crate::paths::{normalised, path_only, placeholder, segments};

/// A segment the example writes differently from the URI template.
struct Respelled<'a> {
    example: &'a str,
    uri: &'a str,
}

/// Compares an example path with a URI template segment by segment:
/// `None` when they do not match, else the segments spelled differently.
/// A URI placeholder matches any example segment (a concrete value or a
/// placeholder of any name); literal segments match when equal, and count as
/// respelled when equal after [`normalised`].
fn compare<'a>(uri: &'a str, example: &'a str) -> Option<Vec<Respelled<'a>>> {
    let (uri, example): (Vec<&str>, Vec<&str>) = (
        segments(path_only(uri)).collect(),
        segments(example).collect(),
    );
    if uri.len() != example.len() {
        return None;
    }
    let mut respelled = Vec::new();
    for (uri, example) in uri.into_iter().zip(example) {
        let same_literal = normalised(uri) == normalised(example);
        match (placeholder(uri), placeholder(example)) {
            (Some(_), None) => {}
            (Some(_), Some(_)) | (None, None) if uri == example => {}
            (Some(_), Some(_)) => respelled.push(Respelled { example, uri }),
            (None, None) if same_literal => respelled.push(Respelled { example, uri }),
            (None, _) => return None,
        }
    }
    Some(respelled)
}

/// `example-url-param-spelling` (warning): an example URL writes a path
/// segment differently from the URI (`{projectId}` for `{project_id}`);
/// `example-url-mismatch` (warning): an example URL whose method or path
/// matches no URI of the operation.
pub(crate) fn example_urls(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        for example in &op.request_examples {
            check_example(op, example, out);
        }
    }
}

fn check_example(op: &Operation, example: &RequestExample, out: &mut Vec<Diagnostic>) {
    let path = path_only(&example.url);
    let same_method: Vec<&Uri> = op
        .uris
        .iter()
        .filter(|uri| uri.method == example.method)
        .collect();
    let best = same_method
        .iter()
        .filter_map(|uri| compare(&uri.path, path).map(|respelled| (*uri, respelled)))
        .min_by_key(|(_, respelled)| respelled.len());
    let Some((uri, respelled)) = best else {
        out.push(mismatch(op, example, same_method.is_empty()));
        return;
    };
    for Respelled {
        example: written,
        uri: expected,
    } in respelled
    {
        out.push(
            Diagnostic::warning(
                "example-url-param-spelling",
                format!(
                    "the example URL of `{}` writes `{written}` where the URI has `{expected}`",
                    op.id
                ),
                example.span.clone(),
                format!("`{written}` written here"),
            )
            .with_secondary(uri.span.clone(), format!("`{expected}` in the URI")),
        );
    }
}

fn mismatch(op: &Operation, example: &RequestExample, method_differs: bool) -> Diagnostic {
    let method = example.method.as_str();
    let message = if method_differs {
        format!(
            "the example request of `{}` uses {method}, which none of its URIs does",
            op.id
        )
    } else {
        format!(
            "the example URL `{}` of `{}` matches none of its URIs",
            example.url, op.id
        )
    };
    let diagnostic = Diagnostic::warning(
        "example-url-mismatch",
        message,
        example.span.clone(),
        "this example",
    );
    match op.uris.first() {
        Some(uri) => diagnostic.with_secondary(
            uri.span.clone(),
            format!("the URI is `{} {}`", uri.method.as_str(), uri.path),
        ),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, Text};

    use super::*;
    use crate::testkit::*;

    fn run(method: Method, url: &str) -> Vec<Diagnostic> {
        let mut op = operation(
            "GetJob",
            Method::Get,
            "/v1/{project_id}/jobs/{job_id}",
            span("p", 5),
        );
        op.request_examples = vec![RequestExample {
            description: Text::default(),
            method,
            url: url.to_owned(),
            body: None,
            span: span("p", 40),
        }];
        let mut out = Vec::new();
        example_urls(&service(vec![op], vec![]), &mut out);
        out
    }

    #[test]
    fn respelled_placeholder_is_a_warning() {
        let out = run(
            Method::Get,
            "https://{endpoint}/v1/{projectId}/jobs/{job_id}",
        );
        assert_eq!(codes(&out), ["example-url-param-spelling"]);
        assert_eq!(
            out[0].message,
            "the example URL of `GetJob` writes `{projectId}` where the URI has `{project_id}`"
        );
    }

    #[test]
    fn concrete_values_and_query_strings_match() {
        assert!(
            run(
                Method::Get,
                "https://{endpoint}/v1/{project_id}/jobs/{job_id}"
            )
            .is_empty()
        );
        assert!(
            run(
                Method::Get,
                "https://host.example/v1/0504201b5f/jobs/42?verbose=true"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_different_path_or_method_is_a_mismatch() {
        let out = run(
            Method::Get,
            "https://{endpoint}/v1/{project_id}/tasks/{job_id}",
        );
        assert_eq!(codes(&out), ["example-url-mismatch"]);
        let out = run(
            Method::Post,
            "https://{endpoint}/v1/{project_id}/jobs/{job_id}",
        );
        assert_eq!(codes(&out), ["example-url-mismatch"]);
        assert_eq!(
            out[0].message,
            "the example request of `GetJob` uses POST, which none of its URIs does"
        );
    }

    #[test]
    fn literal_segment_spelled_with_other_separators_is_respelled() {
        let out = run(
            Method::Get,
            "https://{endpoint}/v1/{project_id}/Jobs/{job_id}",
        );
        assert_eq!(codes(&out), ["example-url-param-spelling"]);
    }
}
