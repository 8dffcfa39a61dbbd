//! One model per shape across a service's pages.
//!
//! Pages repeat the tables of shared objects: fourteen pages of one
//! service each describe the same `tag` object, which the reader names
//! after each page's operation (`CreateServerTag`, `ListServersTag`), and
//! container APIs describe `io.k8s.api.core.v1.PodSpec` on every page
//! that sends a pod. A service has each such object once:
//!
//! - a qualified type name (`io.k8s.api.core.v1.PodSpec`) names one model
//!   of the service, by its last step (`PodSpec`) where no other model
//!   takes that name, else by as many trailing steps as tell it apart
//!   (`V1PodSpec`);
//! - nested models the reader named after their page's operation that
//!   define the same fields alike (see `crate::facts::models_agree`) are
//!   one model, named by what their names share after the operation
//!   (`Tag`) where that is free, else by the first of their names; every
//!   reference follows, so objects holding them become alike too and are
//!   shared in turn.
//!
//! Request and response bodies stay each operation's own.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{Model, Page};
use heck::ToUpperCamelCase;

use crate::facts::models_agree;
use crate::types::{model_of, operation_types, rename_models};

/// Names qualified models by their short names and shares the nested
/// models pages define alike (see the module doc).
pub(super) fn share_models(pages: &mut [Page]) {
    let renames = short_names(pages);
    pages
        .iter_mut()
        .for_each(|page| rename_models(page, &renames));
    loop {
        let renames = shared_names(pages);
        if renames.is_empty() {
            break;
        }
        pages
            .iter_mut()
            .for_each(|page| rename_models(page, &renames));
    }
}

/// `io.k8s.api.core.v1.PodSpec` → `PodSpec`, or more trailing steps where
/// the shorter name is taken.
fn short_names(pages: &[Page]) -> BTreeMap<String, String> {
    let names: BTreeSet<&str> = pages
        .iter()
        .flat_map(|page| &page.models)
        .map(|model| model.name.as_str())
        .collect();
    let qualified: Vec<&str> = names.iter().copied().filter(|n| n.contains('.')).collect();
    let mut taken: BTreeSet<String> = names
        .iter()
        .filter(|n| !n.contains('.'))
        .map(|n| (*n).to_owned())
        .collect();
    let mut renames = BTreeMap::new();
    let steps = |name: &str| name.split('.').count();
    for depth in 1..=qualified.iter().copied().map(steps).max().unwrap_or(0) {
        let mut candidates: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for name in qualified.iter().filter(|n| !renames.contains_key(**n)) {
            candidates
                .entry(trailing(name, depth))
                .or_default()
                .push(name);
        }
        for (short, claimants) in candidates {
            if let [only] = claimants.as_slice()
                && !taken.contains(&short)
            {
                taken.insert(short.clone());
                renames.insert((*only).to_owned(), short);
            }
        }
    }
    renames
}

/// The last `depth` steps of a qualified name, in UpperCamelCase.
fn trailing(name: &str, depth: usize) -> String {
    let steps: Vec<&str> = name.split('.').collect();
    steps[steps.len().saturating_sub(depth)..]
        .iter()
        .map(|step| step.to_upper_camel_case())
        .collect()
}

/// A nested model the reader named after its page's operation, with the
/// rest of its name.
struct Derived<'a> {
    model: &'a Model,
    subject: &'a str,
}

/// The renames that make alike nested models one: every name of a group
/// of alike derived models → the group's name.
fn shared_names(pages: &[Page]) -> BTreeMap<String, String> {
    let derived = derived_models(pages);
    let mut by_fields: BTreeMap<Vec<(&str, String)>, Vec<&Derived<'_>>> = BTreeMap::new();
    for model in &derived {
        let mut key: Vec<(&str, String)> = model
            .model
            .fields
            .iter()
            .map(|field| (field.name.as_str(), format!("{:?}", field.ty)))
            .collect();
        key.sort();
        by_fields.entry(key).or_default().push(model);
    }
    let mut taken: BTreeSet<String> = pages
        .iter()
        .flat_map(|page| &page.models)
        .map(|model| model.name.clone())
        .collect();
    let mut renames = BTreeMap::new();
    for candidates in by_fields.into_values().filter(|group| group.len() > 1) {
        for group in agreeing_groups(candidates) {
            let names: BTreeSet<&str> = group.iter().map(|d| d.model.name.as_str()).collect();
            if names.len() < 2 {
                continue;
            }
            let name = group_name(&group, &names, &taken);
            taken.insert(name.clone());
            for old in names.into_iter().filter(|old| *old != name) {
                renames.insert(old.to_owned(), name.clone());
            }
        }
    }
    renames
}

/// The nested models of every page whose name starts with the page's
/// operation id.
fn derived_models(pages: &[Page]) -> Vec<Derived<'_>> {
    let mut out = Vec::new();
    for page in pages {
        let id = page.operation.id.as_str();
        let bodies: BTreeSet<&str> = operation_types(&page.operation)
            .into_iter()
            .filter_map(model_of)
            .collect();
        for model in &page.models {
            let Some(subject) = model.name.strip_prefix(id) else {
                continue;
            };
            if subject.is_empty() || bodies.contains(model.name.as_str()) {
                continue;
            }
            out.push(Derived { model, subject });
        }
    }
    out
}

/// Splits models with the same fields into groups whose members agree
/// with the group's first.
fn agreeing_groups<'a, 'b>(candidates: Vec<&'a Derived<'b>>) -> Vec<Vec<&'a Derived<'b>>> {
    let mut groups: Vec<Vec<&Derived<'_>>> = Vec::new();
    for candidate in candidates {
        match groups
            .iter_mut()
            .find(|group| models_agree(group[0].model, candidate.model))
        {
            Some(group) => group.push(candidate),
            None => groups.push(vec![candidate]),
        }
    }
    groups
}

/// What the group's names share after their operations (`Tag`) where no
/// other model takes it, else the first of its names.
fn group_name(group: &[&Derived<'_>], names: &BTreeSet<&str>, taken: &BTreeSet<String>) -> String {
    let subjects: BTreeSet<&str> = group.iter().map(|d| d.subject).collect();
    match subjects.into_iter().collect::<Vec<_>>().as_slice() {
        [subject] if !taken.contains(*subject) && subject.starts_with(char::is_uppercase) => {
            (*subject).to_owned()
        }
        _ => names.first().map(|n| (*n).to_owned()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method, TypeRef};

    use super::*;
    use crate::testkit::*;

    /// A page of operation `id` whose response body holds a `tag` object
    /// described by a table the reader named `<id>Tag`.
    fn tagging(id: &str, path: &str, tag_fields: &[&str]) -> Page {
        let file = format!("{id}.md");
        let mut op = operation(id, Method::Get, path, span(&file, 1));
        let body = format!("{id}ResponseBody");
        op.responses = vec![response(200, Some(&body), span(&file, 2))];
        let tag = format!("{id}Tag");
        let fields = tag_fields
            .iter()
            .map(|name| field(name, TypeRef::String, span(&file, 4)))
            .collect();
        let mut page = page(
            Lang::Zh,
            id,
            op,
            vec![
                model(
                    &body,
                    vec![field("tag", TypeRef::Model(tag.clone()), span(&file, 3))],
                    span(&file, 2),
                ),
                model(&tag, fields, span(&file, 4)),
            ],
        );
        page.file = file;
        page
    }

    fn names(pages: &[Page]) -> Vec<&str> {
        pages
            .iter()
            .flat_map(|p| &p.models)
            .map(|m| m.name.as_str())
            .collect()
    }

    #[test]
    fn alike_nested_models_of_several_pages_are_one() {
        let mut pages = [
            tagging("ShowServer", "/v1/servers/{id}", &["key", "value"]),
            tagging("ShowVolume", "/v1/volumes/{id}", &["key", "value"]),
            tagging("ShowImage", "/v1/images/{id}", &["key", "name"]),
        ];
        share_models(&mut pages);
        assert_eq!(
            names(&pages),
            [
                "ShowServerResponseBody",
                "Tag",
                "ShowVolumeResponseBody",
                "Tag",
                "ShowImageResponseBody",
                "ShowImageTag"
            ],
            "bodies stay each operation's own; the differing tag stays apart"
        );
        assert_eq!(
            pages[1].models[0].fields[0].ty,
            TypeRef::Model("Tag".into()),
            "references follow"
        );
    }

    #[test]
    fn qualified_type_names_are_named_by_their_last_steps() {
        let mut page = tagging("ShowPod", "/v1/pods/{id}", &["key"]);
        page.models
            .push(model("io.k8s.api.core.v1.PodSpec", vec![], span("p", 9)));
        page.models
            .push(model("io.k8s.api.core.v1.Status", vec![], span("p", 9)));
        page.models.push(model(
            "io.k8s.apimachinery.pkg.apis.meta.v1.Status",
            vec![],
            span("p", 9),
        ));
        let mut pages = [page];
        share_models(&mut pages);
        assert_eq!(
            &names(&pages)[2..],
            ["PodSpec", "CoreV1Status", "MetaV1Status"]
        );
    }
}
