//! The `paths` object: every URI of every operation, with unique operation
//! ids.

use std::collections::BTreeSet;

use apidoc_ir::{Method, Operation, Uri, Value};
use heck::ToUpperCamelCase;
use indexmap::IndexMap;
use openapiv3::{PathItem, Paths, ReferenceOr};

use crate::names::UniqueNames;
use crate::operation::OperationMapper;

/// Path items in the order the service lists its operations; the methods of
/// one path come out in openapiv3's fixed order (get, put, post, delete,
/// options, head, patch).
pub(crate) fn paths(operations: &[Operation], mapper: &OperationMapper<'_>) -> Paths {
    let mut items: IndexMap<String, PathItem> = IndexMap::new();
    for (op, ids) in operations.iter().zip(operation_ids(operations)) {
        let primary_id = ids.first().cloned();
        for (index, (uri, id)) in op.uris.iter().zip(ids).enumerate() {
            let path = path_key(&uri.path);
            let mut operation = mapper.operation(op, &path, id);
            if let (true, Some(primary)) = (index > 0, &primary_id) {
                operation
                    .extensions
                    .insert("x-alternate-of".to_owned(), primary.clone().into());
            }
            put(items.entry(path).or_default(), uri.method, operation);
        }
    }
    Paths {
        paths: items
            .into_iter()
            .map(|(path, item)| (path, ReferenceOr::Item(item)))
            .collect(),
        ..Paths::default()
    }
}

/// Places `operation` under its method. A method that is already taken
/// keeps its first operation (JSON cannot hold two); the id of the one left
/// out is listed in `x-conflicting-operations` so the loss stays visible.
fn put(item: &mut PathItem, method: Method, operation: openapiv3::Operation) {
    let slot = match method {
        Method::Get => &mut item.get,
        Method::Put => &mut item.put,
        Method::Post => &mut item.post,
        Method::Delete => &mut item.delete,
        Method::Patch => &mut item.patch,
        Method::Head => &mut item.head,
        Method::Options => &mut item.options,
    };
    if slot.is_none() {
        *slot = Some(operation);
        return;
    }
    let left_out = item
        .extensions
        .entry("x-conflicting-operations".to_owned())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let (Value::Array(ids), Some(id)) = (left_out, operation.operation_id) {
        ids.push(id.into());
    }
}

/// Path keys start with `/`, as OpenAPI requires, and end before a brace
/// left open (what remains of `{port_id}{?reserve_port}` when a page's
/// query template is cut off at `?`): such a key is not a path template and
/// stops validators.
fn path_key(path: &str) -> String {
    let unclosed = path.rfind('{').filter(|&open| !path[open..].contains('}'));
    let path = unclosed.map_or(path, |open| &path[..open]);
    if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    }
}

/// The operation id of each URI of each operation, unique in the document.
/// Primary ids are claimed first, so an operation keeps its own name even
/// when another operation's alternate would have produced it.
fn operation_ids(operations: &[Operation]) -> Vec<Vec<String>> {
    let mut unique = UniqueNames::default();
    let primaries: Vec<String> = operations.iter().map(|op| unique.claim(&op.id)).collect();
    operations
        .iter()
        .zip(primaries)
        .map(|(op, primary)| {
            let alternates: Vec<String> = match op.uris.split_first() {
                Some((first, rest)) => rest
                    .iter()
                    .map(|uri| unique.claim(&format!("{primary}{}", alternate_suffix(first, uri))))
                    .collect(),
                None => Vec::new(),
            };
            std::iter::once(primary).chain(alternates).collect()
        })
        .collect()
}

/// What distinguishes an alternate URI from the primary one, in
/// UpperCamelCase: the segments of its path key that the primary's lacks (`/v2/...` →
/// `V2`, `{name}` → `ByName`), else its method when that differs, else
/// `Alt`.
fn alternate_suffix(primary: &Uri, alternate: &Uri) -> String {
    let (primary_path, alternate_path) = (path_key(&primary.path), path_key(&alternate.path));
    let primary_segments: BTreeSet<&str> = segments(&primary_path).collect();
    let suffix: String = segments(&alternate_path)
        .filter(|segment| !primary_segments.contains(segment))
        .map(
            |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(placeholder) => format!("By{}", placeholder.to_upper_camel_case()),
                None => segment.to_upper_camel_case(),
            },
        )
        .collect();
    if !suffix.is_empty() {
        suffix
    } else if alternate.method != primary.method {
        alternate.method.as_str().to_upper_camel_case()
    } else {
        "Alt".to_owned()
    }
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|segment| !segment.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use apidoc_ir::Span;

    fn uri(method: Method, path: &str) -> Uri {
        Uri {
            method,
            path: path.to_owned(),
            span: Span::default(),
        }
    }

    #[test]
    fn suffix_names_the_segments_the_primary_lacks() {
        let primary = uri(Method::Post, "/v1/{project_id}/servers/{server_id}/start");
        let by_version = uri(Method::Post, "/v2/{project_id}/servers/{server_id}/start");
        let by_name = uri(Method::Post, "/v1/{project_id}/servers/{server_name}/start");
        let by_method = uri(Method::Put, "/v1/{project_id}/servers/{server_id}/start");
        let same = uri(Method::Post, "/v1/{project_id}/servers/{server_id}/start");
        assert_eq!(alternate_suffix(&primary, &by_version), "V2");
        assert_eq!(alternate_suffix(&primary, &by_name), "ByServerName");
        assert_eq!(alternate_suffix(&primary, &by_method), "Put");
        assert_eq!(alternate_suffix(&primary, &same), "Alt");
    }

    #[test]
    fn paths_get_a_leading_slash() {
        assert_eq!(path_key("v1/x"), "/v1/x");
        assert_eq!(path_key("/v1/x"), "/v1/x");
        assert_eq!(path_key("/v1/{id}{"), "/v1/{id}");
        assert_eq!(path_key("/v1/{id}/{open"), "/v1/{id}/");
    }
}
