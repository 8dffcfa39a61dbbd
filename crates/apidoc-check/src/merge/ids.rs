//! Making operation ids unique.
//!
//! Ids derived from titles clash when two operations share a title (the
//! ECS pages document "Creating an ECS" for `/v1/.../cloudservers` and for
//! `/v2.1/.../servers`); the spec and the SDK need one name per operation.
//! Every operation of a clashing id gets a suffix from its primary URI,
//! the shortest kind that tells them all apart: the version (`V1`, `V21`),
//! else the path words, else version and path words, else the method too;
//! failing all, a number. The models the reader named after the old id
//! (`CreatingAnECSRequestBody`) are renamed with it.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{Page, Uri};

use super::variants::camel;
use crate::paths::{path_words, version_of};
use crate::types::rename_models;

/// Gives every operation of a clashing id a distinct id.
pub(crate) fn make_ids_unique(pages: &mut [Page]) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, page) in pages.iter().enumerate() {
        by_id
            .entry(page.operation.id.clone())
            .or_default()
            .push(index);
    }
    let mut taken: BTreeSet<String> = by_id.keys().cloned().collect();
    for (id, members) in by_id.iter().filter(|(_, members)| members.len() > 1) {
        let uris: Vec<Option<&Uri>> = members
            .iter()
            .map(|&index| pages[index].operation.uris.first())
            .collect();
        let new_ids = distinct_ids(id, &uris, &taken);
        taken.extend(new_ids.iter().cloned());
        for (&index, new_id) in members.iter().zip(new_ids) {
            rename_operation(&mut pages[index], new_id);
        }
    }
}

/// A suffix from a URI.
type Suffix = fn(&Uri) -> String;

fn version(uri: &Uri) -> String {
    let version = version_of(&uri.path).unwrap_or_default().replace('.', "");
    camel(&[&version])
}

fn words(uri: &Uri) -> String {
    camel(&path_words(&uri.path))
}

fn version_and_words(uri: &Uri) -> String {
    version(uri) + &words(uri)
}

fn method_version_and_words(uri: &Uri) -> String {
    camel(&[uri.method.as_str()]) + &version_and_words(uri)
}

fn distinct_ids(id: &str, uris: &[Option<&Uri>], taken: &BTreeSet<String>) -> Vec<String> {
    let suffixes: [Suffix; 4] = [version, words, version_and_words, method_version_and_words];
    for suffix in suffixes {
        let candidates: Vec<String> = uris
            .iter()
            .map(|uri| format!("{id}{}", uri.map(suffix).unwrap_or_default()))
            .collect();
        let distinct: BTreeSet<&String> = candidates.iter().collect();
        if distinct.len() == candidates.len()
            && candidates
                .iter()
                .all(|candidate| !taken.contains(candidate))
        {
            return candidates;
        }
    }
    (1..=uris.len())
        .map(|number| format!("{id}{number}"))
        .collect()
}

/// Renames the operation, the body variants named after it and the models
/// whose names start with the old id.
fn rename_operation(page: &mut Page, new_id: String) {
    let old_id = std::mem::replace(&mut page.operation.id, new_id.clone());
    for variant in page
        .operation
        .request_body
        .iter_mut()
        .flat_map(|body| &mut body.variants)
    {
        if variant.name == old_id {
            variant.name.clone_from(&new_id);
        }
    }
    let renames = page
        .models
        .iter()
        .filter_map(|model| {
            Some((
                model.name.clone(),
                format!("{new_id}{}", model.name.strip_prefix(&old_id)?),
            ))
        })
        .collect();
    rename_models(page, &renames);
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method, TypeRef};

    use super::*;
    use crate::testkit::*;

    fn creating(path: &str, method: Method, file: &str) -> Page {
        let mut op = operation("CreatingAnECS", method, path, span(file, 3));
        op.request_body = Some(body(
            "CreatingAnECS",
            "CreatingAnECSRequestBody",
            span(file, 5),
        ));
        let fields = vec![field("name", TypeRef::String, span(file, 7))];
        page(
            Lang::En,
            "Creating an ECS",
            op,
            vec![model("CreatingAnECSRequestBody", fields, span(file, 6))],
        )
    }

    fn ids(pages: &[Page]) -> Vec<&str> {
        pages
            .iter()
            .map(|page| page.operation.id.as_str())
            .collect()
    }

    #[test]
    fn clashing_ids_take_the_version_and_rename_their_models() {
        let mut pages = [
            creating("/v1/{project_id}/cloudservers", Method::Post, "a"),
            creating("/v2.1/{project_id}/servers", Method::Post, "b"),
        ];
        make_ids_unique(&mut pages);
        assert_eq!(ids(&pages), ["CreatingAnECSV1", "CreatingAnECSV21"]);
        assert_eq!(pages[1].models[0].name, "CreatingAnECSV21RequestBody");
        let variant = pages[1]
            .operation
            .request_body
            .as_ref()
            .map(|body| body.variants[0].name.as_str());
        assert_eq!(variant, Some("CreatingAnECSV21"));
    }

    #[test]
    fn same_version_falls_back_to_path_words_then_method() {
        let mut pages = [
            creating("/v2.1/{project_id}/servers/detail", Method::Get, "a"),
            creating("/v2.1/{project_id}/servers/{server_id}", Method::Get, "b"),
        ];
        make_ids_unique(&mut pages);
        assert_eq!(
            ids(&pages),
            ["CreatingAnECSServersDetail", "CreatingAnECSServersServerId"]
        );
        let mut pages = [
            creating("/v2.1/{project_id}/servers", Method::Get, "a"),
            creating("/v2.1/{project_id}/servers", Method::Post, "b"),
        ];
        make_ids_unique(&mut pages);
        assert_eq!(
            ids(&pages),
            ["CreatingAnECSGetV21Servers", "CreatingAnECSPostV21Servers"]
        );
    }

    #[test]
    fn unique_ids_stay() {
        let mut pages = [creating("/v1/{project_id}/cloudservers", Method::Post, "a")];
        make_ids_unique(&mut pages);
        assert_eq!(ids(&pages), ["CreatingAnECS"]);
    }
}
