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

use apidoc_ir::{Method, NameSource, Page};

use super::variants::camel;
use crate::paths::{path_words, version_of};
use crate::types::rename_models;

/// A primary path and method: one operation.
type OperationKey = (String, Method);

/// Gives the operations of a clashing id distinct ids. Pages of the same
/// primary method and path are one operation (its two languages) and keep
/// one id; pages without a URI are left alone (they are left out later).
/// When one of the clashing operations states its id from a stronger
/// source than all others (an official name in the title's anchor against
/// the same name in an older version's API Explorer link, or any stated
/// name against derived ones), it keeps it and the others take the
/// suffixes.
pub(crate) fn make_ids_unique(pages: &mut [Page]) {
    let mut by_id: BTreeMap<String, BTreeMap<OperationKey, Vec<usize>>> = BTreeMap::new();
    for (index, page) in pages.iter().enumerate() {
        if let Some(uri) = page.operation.uris.first() {
            let operations = by_id.entry(page.operation.id.clone()).or_default();
            operations
                .entry((uri.path.clone(), uri.method))
                .or_default()
                .push(index);
        }
    }
    let mut taken: BTreeSet<String> = by_id.keys().cloned().collect();
    for (id, operations) in by_id.iter().filter(|(_, operations)| operations.len() > 1) {
        let strength = |members: &Vec<usize>| {
            members
                .iter()
                .filter_map(|&i| stated_source(&pages[i]))
                .min()
        };
        let strongest = operations.values().filter_map(strength).min();
        let keeping: Vec<&OperationKey> = operations
            .iter()
            .filter(|(_, members)| strongest.is_some() && strength(members) == strongest)
            .map(|(key, _)| key)
            .collect();
        let renamed: Vec<(&OperationKey, &Vec<usize>)> = operations
            .iter()
            .filter(|(key, _)| keeping.len() != 1 || !keeping.contains(key))
            .collect();
        let keys: Vec<&OperationKey> = renamed.iter().map(|(key, _)| *key).collect();
        let new_ids = distinct_ids(id, &keys, &taken);
        taken.extend(new_ids.iter().cloned());
        for ((_, members), new_id) in renamed.into_iter().zip(new_ids) {
            for &index in members {
                rename_operation(&mut pages[index], new_id.clone());
            }
        }
    }
}

/// Where the page states its operation's id, if it does.
fn stated_source(page: &Page) -> Option<NameSource> {
    if !page.operation.id_is_explicit {
        return None;
    }
    page.stated_names
        .iter()
        .find(|stated| stated.name == page.operation.id)
        .map(|stated| stated.source)
        .or(Some(NameSource::FileName))
}

/// A suffix from an operation's primary path and method.
type Suffix = fn(&OperationKey) -> String;

fn version((path, _): &OperationKey) -> String {
    let version = version_of(path).unwrap_or_default().replace('.', "");
    camel(&[&version])
}

fn words((path, _): &OperationKey) -> String {
    camel(&path_words(path))
}

fn version_and_words(key: &OperationKey) -> String {
    version(key) + &words(key)
}

fn method_version_and_words(key: &OperationKey) -> String {
    camel(&[key.1.as_str()]) + &version_and_words(key)
}

fn distinct_ids(id: &str, keys: &[&OperationKey], taken: &BTreeSet<String>) -> Vec<String> {
    let suffixes: [Suffix; 4] = [version, words, version_and_words, method_version_and_words];
    for suffix in suffixes {
        let candidates: Vec<String> = keys
            .iter()
            .map(|key| format!("{id}{}", suffix(key)))
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
    (1..=keys.len())
        .map(|number| format!("{id}{number}"))
        .collect()
}

/// Renames the operation, the body variants named after it and the models
/// whose names start with the old id.
pub(super) fn rename_operation(page: &mut Page, new_id: String) {
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
    fn the_pages_of_one_operation_keep_one_id() {
        let mut chinese = creating("/v1/{project_id}/cloudservers", Method::Post, "zh");
        chinese.lang = Lang::Zh;
        let mut pages = [
            creating("/v1/{project_id}/cloudservers", Method::Post, "en"),
            chinese,
            creating("/v2.1/{project_id}/servers", Method::Post, "b"),
        ];
        make_ids_unique(&mut pages);
        assert_eq!(
            ids(&pages),
            ["CreatingAnECSV1", "CreatingAnECSV1", "CreatingAnECSV21"]
        );
    }

    #[test]
    fn an_id_the_page_states_stays_and_the_others_take_suffixes() {
        let mut stated = creating("/v2/{project_id}/servers", Method::Post, "a");
        stated.operation.id_is_explicit = true;
        let mut pages = [
            stated,
            creating("/v1/{project_id}/cloudservers", Method::Post, "b"),
        ];
        make_ids_unique(&mut pages);
        assert_eq!(ids(&pages), ["CreatingAnECS", "CreatingAnECSV1"]);
    }

    #[test]
    fn the_stronger_source_keeps_a_name_two_versions_state() {
        let stating = |path: &str, file: &str, source: NameSource| {
            let mut page = creating(path, Method::Post, file);
            page.operation.id_is_explicit = true;
            page.stated_names = vec![apidoc_ir::StatedName {
                name: "CreatingAnECS".to_owned(),
                source,
                span: span(file, 1),
            }];
            page
        };
        let mut pages = [
            stating("/v2/{project_id}/servers", "a", NameSource::ExplorerLink),
            stating("/v3/{project_id}/servers", "b", NameSource::TitleAnchor),
        ];
        make_ids_unique(&mut pages);
        assert_eq!(ids(&pages), ["CreatingAnECSV2", "CreatingAnECS"]);
        let mut even = [
            stating("/v2/{project_id}/servers", "a", NameSource::ExplorerLink),
            stating("/v3/{project_id}/servers", "b", NameSource::ExplorerLink),
        ];
        make_ids_unique(&mut even);
        assert_eq!(ids(&even), ["CreatingAnECSV2", "CreatingAnECSV3"]);
    }

    #[test]
    fn unique_ids_stay() {
        let mut pages = [creating("/v1/{project_id}/cloudservers", Method::Post, "a")];
        make_ids_unique(&mut pages);
        assert_eq!(ids(&pages), ["CreatingAnECS"]);
    }
}
