//! URI placeholders against the path parameter table.

use apidoc_ir::{Diagnostic, Operation, ParamLocation, Service, Uri};

use crate::paths::placeholders;

fn path_parameters(op: &Operation) -> impl Iterator<Item = &apidoc_ir::Field> {
    op.parameters
        .iter()
        .filter(|parameter| parameter.location == ParamLocation::Path)
        .map(|parameter| &parameter.field)
}

/// `path-param-undocumented` (warning): a `{name}` in a URI that no path
/// parameter row documents; reported once per operation, at the first URI
/// that has it, the other URIs as secondary places. The URI itself says the
/// parameter exists, so [`document_missing_path_params`] adds it as a
/// required string and the operation stays callable.
pub(crate) fn path_param_undocumented(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        let mut undocumented: Vec<(&str, Vec<&Uri>)> = Vec::new();
        for uri in &op.uris {
            for name in placeholders(&uri.path) {
                if path_parameters(op).any(|field| field.name == name) {
                    continue;
                }
                match undocumented.iter_mut().find(|(seen, _)| *seen == name) {
                    Some((_, uris)) => uris.push(uri),
                    None => undocumented.push((name, vec![uri])),
                }
            }
        }
        for (name, uris) in undocumented {
            out.extend(undocumented_diagnostic(op, name, &uris));
        }
    }
}

fn undocumented_diagnostic(op: &Operation, name: &str, uris: &[&Uri]) -> Option<Diagnostic> {
    let (first, others) = uris.split_first()?;
    let diagnostic = Diagnostic::warning(
        "path-param-undocumented",
        format!(
            "`{{{name}}}` in the URI of `{}` has no row in the path parameter table",
            op.id
        ),
        first.span.clone(),
        format!("`{{{name}}}` used here"),
    )
    .with_help(format!(
        "add `{name}` to the path parameters; the spec types it as a required string meanwhile"
    ));
    Some(others.iter().fold(diagnostic, |diagnostic, uri| {
        diagnostic.with_secondary(uri.span.clone(), "and here")
    }))
}

/// Adds the path parameters the URI names but no row documents, as
/// required strings at the URI's line, after the checks reported them.
pub(crate) fn document_missing_path_params(service: &mut Service) {
    for op in &mut service.operations {
        let mut missing: Vec<(String, apidoc_ir::Span)> = Vec::new();
        for uri in &op.uris {
            for name in placeholders(&uri.path) {
                let documented = path_parameters(op).any(|field| field.name == name);
                if !documented && missing.iter().all(|(seen, _)| seen != name) {
                    missing.push((name.to_owned(), uri.span.clone()));
                }
            }
        }
        for (name, span) in missing {
            let field = apidoc_ir::Field {
                name,
                required: Some(true),
                ty: apidoc_ir::TypeRef::String,
                type_text: String::new(),
                description: apidoc_ir::Text::default(),
                constraints: apidoc_ir::Constraints::default(),
                span,
                degraded: Vec::new(),
            };
            op.parameters.push(apidoc_ir::Parameter {
                location: ParamLocation::Path,
                field,
            });
        }
    }
}

/// `path-param-unused` (warning): a path parameter that no URI of its
/// operation contains.
pub(crate) fn path_param_unused(service: &Service, out: &mut Vec<Diagnostic>) {
    for op in &service.operations {
        for field in path_parameters(op) {
            if !op
                .uris
                .iter()
                .any(|uri| placeholders(&uri.path).contains(&field.name.as_str()))
            {
                let diagnostic = Diagnostic::warning(
                    "path-param-unused",
                    format!(
                        "path parameter `{}` of `{}` appears in no URI",
                        field.name, op.id
                    ),
                    field.span.clone(),
                    "documented here",
                );
                let uri = op
                    .uris
                    .first()
                    .map(|uri| (uri.span.clone(), format!("the URI is `{}`", uri.path)));
                out.push(match uri {
                    Some((span, label)) => diagnostic.with_secondary(span, label),
                    None => diagnostic,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Method, TypeRef};

    use super::*;
    use crate::testkit::*;

    fn service_with(path: &str, parameters: &[&str]) -> Service {
        let mut op = operation("GetJob", Method::Get, path, span("p", 5));
        op.parameters = parameters
            .iter()
            .map(|name| param(ParamLocation::Path, name, TypeRef::String, span("p", 8)))
            .collect();
        service(vec![op], vec![])
    }

    fn run(check: fn(&Service, &mut Vec<Diagnostic>), service: &Service) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        check(service, &mut out);
        out
    }

    #[test]
    fn placeholder_without_row_is_reported_then_documented() {
        let bad = service_with("/v1/{project_id}/jobs/{job_id}", &["project_id"]);
        let out = run(path_param_undocumented, &bad);
        assert_eq!(codes(&out), ["path-param-undocumented"]);
        assert!(out[0].message.starts_with("`{job_id}` in the URI"));
        let good = service_with("/v1/{project_id}/jobs/{job_id}", &["project_id", "job_id"]);
        assert!(run(path_param_undocumented, &good).is_empty());
        let mut filled = bad;
        document_missing_path_params(&mut filled);
        assert!(run(path_param_undocumented, &filled).is_empty());
        let added = filled.operations[0]
            .parameters
            .last()
            .map(|p| (&p.field.name, p.field.required));
        assert_eq!(added, Some((&"job_id".to_owned(), Some(true))));
    }

    #[test]
    fn a_placeholder_missing_from_several_uris_is_reported_once() {
        let mut bad = service_with("/v2/{project_id}/jobs/{job_id}", &["project_id"]);
        let alternate = apidoc_ir::Uri {
            method: Method::Get,
            path: "/v2.1/{project_id}/jobs/{job_id}".to_owned(),
            span: span("p", 6),
        };
        bad.operations[0].uris.push(alternate);
        let out = run(path_param_undocumented, &bad);
        assert_eq!(codes(&out), ["path-param-undocumented"]);
        assert_eq!(out[0].secondary[0].span, span("p", 6));
    }

    #[test]
    fn row_without_placeholder_is_a_warning() {
        let bad = service_with("/v1/{project_id}/jobs", &["project_id", "job_id"]);
        let out = run(path_param_unused, &bad);
        assert_eq!(codes(&out), ["path-param-unused"]);
        assert_eq!(out[0].severity, apidoc_ir::Severity::Warning);
        let good = service_with("/v1/{project_id}/jobs", &["project_id"]);
        assert!(run(path_param_unused, &good).is_empty());
    }
}
