//! Pages → the operations and models of one service.
//!
//! Pages are grouped by their primary method and path. In a group, each
//! English page is merged with its Chinese page ([`lang`], rule 1); pages
//! left that are different operations become body variants of one
//! operation ([`variants`], rule 2). Operations whose ids clash get
//! distinct ids ([`ids`]), before grouping (so that the models the reader
//! named after a page's id are told apart) and after (merged ids). Finally every model of every page joins
//! one list by name (rule 3): definitions of the same name must agree
//! (`model-conflict`), and merge silently when they do.

mod align;
mod ids;
mod lang;
mod names;
mod parts;
mod shared;
mod variants;
mod widen;

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Lang, Method, Model, Operation, Page, Span};

pub(crate) use parts::{location_name, parameter_key};
pub use variants::unused_name;

use crate::facts::{Difference, Shown, merge_model, models_agree};
use crate::types::model_of;

/// Merges all pages of a service: operations sorted by primary path, then
/// method; models sorted by name, each once.
pub(crate) fn merge_pages(
    mut pages: Vec<Page>,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Operation>, Vec<Model>) {
    names::distrust_foreign_explorer_links(&mut pages, out);
    names::distrust_shared_explorer_names(&mut pages, out);
    names::name_untitled_operations(&mut pages);
    ids::make_ids_unique(&mut pages);
    let mut groups = group_by_shared_uri(pages, out);
    for group in &mut groups {
        put_common_uri_first(group);
    }
    let mut merged: Vec<Page> = groups
        .into_iter()
        .filter_map(|group| merge_group(group, out))
        .collect();
    ids::make_ids_unique(&mut merged);
    shared::share_models(&mut merged);
    keep_diverging_models_apart(&mut merged, out);
    let mut operations = Vec::new();
    let mut models = Vec::new();
    for page in merged {
        operations.push(page.operation);
        models.extend(page.models);
    }
    (operations, union_models(models, out))
}

/// A model that pages define differently (doc drift: a field more or
/// less, another type) is kept apart: the definition most pages agree with
/// keeps the name (ties: the first page's), and every page defining it
/// otherwise gets its own `<Name><OpId>`, with a warning, so each page
/// keeps exactly what it documents and the service still generates.
/// Differences within one page stay `model-conflict` errors (its fields
/// could point at either table).
fn keep_diverging_models_apart(pages: &mut [Page], out: &mut Vec<Diagnostic>) {
    let canonical = canonical_definitions(pages);
    for page in pages.iter_mut() {
        let mut renames = BTreeMap::new();
        for model in &page.models {
            let Some(first) = canonical.get(&model.name) else {
                continue;
            };
            if first.span.file == model.span.file || models_agree(first, model) {
                continue;
            }
            let new = format!("{}{}", model.name, page.operation.id);
            out.push(
                Diagnostic::warning(
                    "model-diverges",
                    format!(
                        "model `{}` is defined differently here than on other pages; this page's definition is kept as `{new}`",
                        model.name
                    ),
                    model.span.clone(),
                    "this definition",
                )
                .with_secondary(first.span.clone(), "the definition other pages share")
                .with_help("a model shared by several pages should be defined alike everywhere"),
            );
            renames.insert(model.name.clone(), new);
        }
        crate::types::rename_models(page, &renames);
    }
}

/// For each model name more than one page defines, the definition the
/// most pages agree with (ties: the earliest page's). Agreement is not
/// transitive (a response table without a Mandatory column agrees with a
/// request table saying `yes` and with one saying `no`), so definitions
/// are gathered into groups in page order, each joining the first group
/// whose facts so far it agrees with (and lending it the facts it lacks);
/// the largest group's facts are the canonical definition. A name only
/// one page defines has nothing to diverge from.
fn canonical_definitions(pages: &[Page]) -> BTreeMap<String, Model> {
    let mut by_name: BTreeMap<&str, Vec<&Model>> = BTreeMap::new();
    for model in pages.iter().flat_map(|page| &page.models) {
        by_name.entry(&model.name).or_default().push(model);
    }
    by_name
        .into_iter()
        .filter(|(_, definitions)| {
            definitions
                .iter()
                .any(|model| model.span.file != definitions[0].span.file)
        })
        .filter_map(|(name, definitions)| {
            let groups = agreeing_groups(&definitions);
            let (best, _) = groups
                .into_iter()
                .rev()
                .max_by_key(|(_, members)| *members)?;
            Some((name.to_owned(), best))
        })
        .collect()
}

/// The definitions gathered into groups that agree: each group's merged
/// facts and how many definitions it holds, in order of first member.
fn agreeing_groups(definitions: &[&Model]) -> Vec<(Model, usize)> {
    let mut groups: Vec<(Model, usize)> = Vec::new();
    for definition in definitions {
        match groups
            .iter_mut()
            .find(|(facts, _)| models_agree(facts, definition))
        {
            Some((facts, members)) => {
                merge_model(facts, definition);
                *members += 1;
            }
            None => groups.push(((*definition).clone(), 1)),
        }
    }
    groups
}

/// A `METHOD /path` line as a grouping key.
type UriKey = (String, Method);

/// Groups pages that share any `METHOD /path` line: a page listing the
/// `/v2` and `/v2.1` paths of an operation joins the pages listing either,
/// whichever it lists first; a path whose version is a placeholder
/// (`/{version_id}/{project_id}/x`) is the same as the one path of the
/// service writing a version there (`/v1/{project_id}/x`). Groups come out
/// in the order of their smallest URI, so the result does not depend on
/// page order.
fn group_by_shared_uri(pages: Vec<Page>, out: &mut Vec<Diagnostic>) -> Vec<Vec<Page>> {
    let versioned = versioned_paths(&pages);
    let mut groups: Vec<(Vec<UriKey>, Vec<Page>)> = Vec::new();
    for page in pages {
        let keys: Vec<UriKey> = page
            .operation
            .uris
            .iter()
            .map(|uri| {
                let path = versioned
                    .get(&(uri.path.clone(), uri.method))
                    .unwrap_or(&uri.path);
                (path.clone(), uri.method)
            })
            .collect();
        if keys.is_empty() {
            out.push(Diagnostic::error(
                "missing-uri",
                format!(
                    "page `{}` states no `METHOD /path` line, so it is left out",
                    page.file
                ),
                page.title.span.clone(),
                "the page of an operation without a URI",
            ));
            continue;
        }
        let (sharing, rest): (Vec<_>, Vec<_>) = groups
            .into_iter()
            .partition(|(group_keys, _)| group_keys.iter().any(|k| keys.contains(k)));
        let mut joined = (keys, vec![page]);
        for (group_keys, group_pages) in sharing {
            joined.0.extend(group_keys);
            joined.1.extend(group_pages);
        }
        joined.0.sort();
        joined.0.dedup();
        groups = rest;
        groups.push(joined);
    }
    groups.sort_by(|a, b| a.0.first().cmp(&b.0.first()));
    groups.into_iter().map(|(_, pages)| pages).collect()
}

/// For each path whose first step is a version placeholder (`{version}`,
/// `{version_id}`), the one path of the same method that writes a version
/// there and is otherwise the same, where exactly one does.
fn versioned_paths(pages: &[Page]) -> BTreeMap<UriKey, String> {
    let uris = || pages.iter().flat_map(|page| &page.operation.uris);
    let mut by_rest: BTreeMap<(Method, &str), Vec<&str>> = BTreeMap::new();
    for uri in uris() {
        if let Some((first, rest)) = uri.path.trim_start_matches('/').split_once('/')
            && crate::paths::is_version(first)
        {
            by_rest
                .entry((uri.method, rest))
                .or_default()
                .push(&uri.path);
        }
    }
    let mut out = BTreeMap::new();
    for uri in uris() {
        let Some((first, rest)) = uri.path.trim_start_matches('/').split_once('/') else {
            continue;
        };
        let placeholder =
            crate::paths::placeholder(first).is_some_and(|name| name.contains("version"));
        let mut written: Vec<&str> = by_rest
            .get(&(uri.method, rest))
            .cloned()
            .unwrap_or_default();
        written.sort_unstable();
        written.dedup();
        if let (true, [only]) = (placeholder, written.as_slice()) {
            out.insert((uri.path.clone(), uri.method), (*only).to_owned());
        }
    }
    out
}

/// Reorders each page's URIs so that the one most pages of the group list
/// comes first (ties: the smallest), so the merged operation's primary
/// path is the one the group shares.
fn put_common_uri_first(group: &mut [Page]) {
    let mut counts: BTreeMap<UriKey, usize> = BTreeMap::new();
    for page in group.iter() {
        for uri in &page.operation.uris {
            *counts.entry((uri.path.clone(), uri.method)).or_default() += 1;
        }
    }
    let Some(common) = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
    else {
        return;
    };
    for page in group.iter_mut() {
        if let Some(at) = page
            .operation
            .uris
            .iter()
            .position(|u| (u.path.clone(), u.method) == common)
        {
            let uri = page.operation.uris.remove(at);
            page.operation.uris.insert(0, uri);
        }
    }
}

/// Merges the pages of one method and path into one page (`None` for no
/// pages).
fn merge_group(mut pages: Vec<Page>, out: &mut Vec<Diagnostic>) -> Option<Page> {
    pages.sort_by(|a, b| a.file.cmp(&b.file));
    let (english, chinese): (Vec<Page>, Vec<Page>) =
        pages.into_iter().partition(|page| page.lang == Lang::En);
    let mut operations = pair_languages(english, chinese, out);
    operations.sort_by(|a, b| page_order(a).cmp(&page_order(b)));
    let mut operations = operations.into_iter();
    let first = operations.next()?;
    let rest: Vec<Page> = operations.collect();
    Some(if rest.is_empty() {
        first
    } else {
        variants::merge_variants(first, rest, out)
    })
}

/// The order of a group's pages: pages stating their id first (the newer
/// page of an operation, which names it officially, is the base), then by
/// id and file.
fn page_order(page: &Page) -> (bool, &str, &str) {
    (
        !page.operation.id_is_explicit,
        &page.operation.id,
        &page.file,
    )
}

/// Merges each English page with the Chinese page of the same operation.
/// With at most one page per language they are the same operation; with
/// more, a Chinese page pairs with the English page of the same id, else
/// with the one whose request body has the same top-level fields. Pages
/// without a partner stay as they are.
fn pair_languages(
    english: Vec<Page>,
    mut chinese: Vec<Page>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    if english.len() <= 1 && chinese.len() <= 1 {
        return match (english.into_iter().next(), chinese.pop()) {
            (Some(en), Some(zh)) => vec![lang::merge_languages(en, zh, out)],
            (en, zh) => en.into_iter().chain(zh).collect(),
        };
    }
    let mut merged = Vec::new();
    for en in english {
        let partner = chinese
            .iter()
            .position(|zh| zh.operation.id.eq_ignore_ascii_case(&en.operation.id))
            .or_else(|| chinese.iter().position(|zh| same_body_fields(&en, zh)));
        merged.push(match partner {
            Some(index) => lang::merge_languages(en, chinese.remove(index), out),
            None => en,
        });
    }
    merged.extend(chinese);
    merged
}

/// True when both pages' first request bodies define the same field names.
fn same_body_fields(a: &Page, b: &Page) -> bool {
    let fields = |page: &Page| {
        let schema = page.operation.request_body.as_ref()?.variants.first()?;
        let name = model_of(&schema.schema)?;
        let model = page.models.iter().find(|model| model.name == name)?;
        let mut names: Vec<String> = model
            .fields
            .iter()
            .map(|field| field.name.clone())
            .collect();
        names.sort();
        Some(names)
    };
    fields(a).is_some_and(|names| Some(names) == fields(b))
}

/// Rule 3: one model per name; the first definition (in operation order)
/// is kept and later ones fill what it lacks.
fn union_models(models: Vec<Model>, out: &mut Vec<Diagnostic>) -> Vec<Model> {
    let mut by_name: BTreeMap<String, Model> = BTreeMap::new();
    for model in models {
        match by_name.get_mut(&model.name) {
            Some(first) => {
                let differences = merge_model(first, &model);
                let definitions = (&first.span, &model.span);
                out.extend(
                    differences
                        .into_iter()
                        .map(|difference| model_conflict(difference, definitions)),
                );
            }
            None => {
                by_name.insert(model.name.clone(), model);
            }
        }
    }
    by_name.into_values().collect()
}

/// A warning about two definitions of one name that differ where neither
/// the reader nor [`keep_diverging_models_apart`] could tell them apart:
/// the first definition is written for both.
fn model_conflict(
    difference: Difference,
    (first_definition, second_definition): (&Span, &Span),
) -> Diagnostic {
    let help = "a model shared by several tables or pages must be defined alike everywhere";
    let written = format!("the first definition (`{first_definition}`) for both");
    let diagnostic = match difference {
        Difference::Fact {
            subject,
            fact,
            first,
            second,
        } => conflict_diagnostic("model-conflict", &subject, fact, first, second),
        Difference::Missing {
            subject,
            present,
            in_first,
        } => {
            let lacking = if in_first {
                second_definition
            } else {
                first_definition
            };
            Diagnostic::error(
                "model-conflict",
                format!("{subject} is in only one of two definitions of the model"),
                present,
                "defined here",
            )
            .with_secondary(lacking.clone(), "this definition lacks it")
        }
    };
    Diagnostic {
        severity: apidoc_ir::Severity::Warning,
        ..diagnostic
    }
    .with_help(help)
    .degrading(written)
}

/// An error about one thing stated differently in two places: primary at
/// the later statement, secondary at the first.
pub(crate) fn conflict_diagnostic(
    code: &str,
    subject: &str,
    fact: &str,
    first: Shown,
    second: Shown,
) -> Diagnostic {
    Diagnostic::error(
        code,
        format!(
            "{subject} is stated twice with different {fact}: `{}` and `{}`",
            first.value, second.value
        ),
        second.span,
        format!("{fact} `{}` here", second.value),
    )
    .with_secondary(
        first.span,
        format!("{fact} `{}` first stated here", first.value),
    )
}

#[cfg(test)]
mod tests {
    use apidoc_ir::TypeRef;

    use super::*;
    use crate::testkit::*;

    #[test]
    fn a_model_a_later_page_defines_differently_is_kept_apart_with_a_warning() {
        let page_with_member = |file: &str, id: &str, path: &str, fields: Vec<apidoc_ir::Field>| {
            let mut op = operation(id, Method::Get, path, span(file, 1));
            op.responses = vec![response(
                200,
                Some(&format!("{id}ResponseBody")),
                span(file, 2),
            )];
            let body_field = field("member", TypeRef::Model("Member".into()), span(file, 4));
            let body = model(
                &format!("{id}ResponseBody"),
                vec![body_field],
                span(file, 3),
            );
            let mut page = page(
                Lang::En,
                id,
                op,
                vec![body, model("Member", fields, span(file, 5))],
            );
            page.file = file.to_owned();
            page
        };
        let id_field = |file| field("id", TypeRef::String, span(file, 6));
        let weighed = || {
            page_with_member(
                "b",
                "ListMembers",
                "/v1/members",
                vec![
                    id_field("b"),
                    field("weight", TypeRef::Integer, span("b", 7)),
                ],
            )
        };
        let pages = vec![
            page_with_member("a", "ShowMember", "/v1/members/{id}", vec![id_field("a")]),
            weighed(),
            page_with_member("c", "CreateMember", "/v1/members/new", vec![id_field("c")]),
        ];
        let mut out = Vec::new();
        let (operations, models) = merge_pages(pages, &mut out);
        assert_eq!(
            codes(&out),
            ["model-diverges"],
            "only the page that differs from the other two"
        );
        let names: Vec<&str> = models.iter().map(|m| m.name.as_str()).collect();
        assert!(
            names.contains(&"Member") && names.contains(&"MemberListMembers"),
            "{names:?}"
        );
        let list_body = models
            .iter()
            .find(|m| m.name == "ListMembersResponseBody")
            .expect("body");
        assert_eq!(
            list_body.fields[0].ty,
            TypeRef::Model("MemberListMembers".into())
        );
        assert_eq!(operations.len(), 3);

        // One page against one: the earlier page's definition keeps the name.
        let tie = vec![
            weighed(),
            page_with_member("a", "ShowMember", "/v1/members/{id}", vec![id_field("a")]),
        ];
        let mut out = Vec::new();
        let (_, models) = merge_pages(tie, &mut out);
        let member = models.iter().find(|m| m.name == "Member").expect("kept");
        assert_eq!(
            member.fields.len(),
            2,
            "the first page's Member, with weight"
        );
        assert!(models.iter().any(|m| m.name == "MemberShowMember"));
    }

    #[test]
    fn pages_sharing_any_uri_are_one_operation_on_the_shared_path() {
        let uri = |method, path: &str, at| apidoc_ir::Uri {
            method,
            path: path.to_owned(),
            span: at,
        };
        let mut start = operation(
            "StartServer",
            Method::Post,
            "/v2.1/{project_id}/servers/{server_id}/action",
            span("a", 1),
        );
        start.uris.push(uri(
            Method::Post,
            "/v2/{project_id}/servers/{server_id}/action",
            span("a", 2),
        ));
        start.request_body = Some(body("StartServer", "StartServerRequestBody", span("a", 3)));
        let mut stop = operation(
            "StopServer",
            Method::Post,
            "/v2/{project_id}/servers/{server_id}/action",
            span("b", 1),
        );
        stop.uris.push(uri(
            Method::Post,
            "/v2.1/{project_id}/servers/{server_id}/action",
            span("b", 2),
        ));
        stop.request_body = Some(body("StopServer", "StopServerRequestBody", span("b", 3)));
        let mut reboot = operation(
            "RebootServer",
            Method::Post,
            "/v2.1/{project_id}/servers/{server_id}/action",
            span("c", 1),
        );
        reboot.request_body = Some(body(
            "RebootServer",
            "RebootServerRequestBody",
            span("c", 3),
        ));
        let pages = [("a", start), ("b", stop), ("c", reboot)]
            .into_iter()
            .map(|(file, op)| {
                let (title, name) = (op.id.clone(), format!("{}RequestBody", op.id));
                let mut page = page(
                    Lang::En,
                    &title,
                    op,
                    vec![model(&name, vec![], span(file, 4))],
                );
                page.file = file.to_owned();
                page
            })
            .collect();
        let mut out = Vec::new();
        let (operations, _) = merge_pages(pages, &mut out);
        assert_eq!(operations.len(), 1, "{operations:#?}");
        let op = &operations[0];
        assert_eq!(
            op.primary().path,
            "/v2.1/{project_id}/servers/{server_id}/action"
        );
        assert_eq!(op.uris.len(), 2);
        assert_eq!(op.request_body.as_ref().map(|b| b.variants.len()), Some(3));
    }

    #[test]
    fn identical_models_merge_silently_and_flags_fill_in() {
        let mut requested = field("enable", TypeRef::Boolean, span("a", 3));
        requested.required = Some(true);
        let request_table = model("Config", vec![requested], span("a", 2));
        let response_table = model(
            "Config",
            vec![field("enable", TypeRef::Boolean, span("b", 9))],
            span("b", 8),
        );
        let mut out = Vec::new();
        let models = union_models(vec![response_table, request_table], &mut out);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(models.len(), 1);
        assert_eq!(models[0].fields[0].required, Some(true));
    }

    #[test]
    fn differing_models_are_a_conflict_naming_both_definitions() {
        let first = model(
            "Config",
            vec![field("enable", TypeRef::Boolean, span("a", 3))],
            span("a", 2),
        );
        let second = model(
            "Config",
            vec![
                field("enable", TypeRef::String, span("b", 9)),
                field("extra", TypeRef::String, span("b", 10)),
            ],
            span("b", 8),
        );
        let mut out = Vec::new();
        union_models(vec![first, second], &mut out);
        assert_eq!(codes(&out), ["model-conflict", "model-conflict"]);
        assert_eq!(
            out[0].message,
            "field `enable` of model `Config` is stated twice with different type: `boolean` and `string`"
        );
        assert_eq!(
            out[0].primary.as_ref().map(|label| &label.span),
            Some(&span("b", 9))
        );
        assert_eq!(out[0].secondary[0].span, span("a", 3));
        assert_eq!(
            out[1].primary.as_ref().map(|label| &label.span),
            Some(&span("b", 10))
        );
        assert_eq!(out[1].secondary[0].span, span("a", 2));
    }

    #[test]
    fn pages_are_grouped_by_method_and_path_and_sorted() {
        let pages = vec![
            page(
                Lang::En,
                "B",
                operation("B", Method::Get, "/v1/b", span("b", 3)),
                vec![],
            ),
            page(
                Lang::En,
                "A2",
                operation("A2", Method::Post, "/v1/a", span("a2", 3)),
                vec![],
            ),
            page(
                Lang::En,
                "A1",
                operation("A1", Method::Get, "/v1/a", span("a1", 3)),
                vec![],
            ),
        ];
        let (operations, _) = merge_pages(pages, &mut Vec::new());
        let ids: Vec<_> = operations.iter().map(|op| op.id.as_str()).collect();
        assert_eq!(ids, ["A1", "A2", "B"]);
    }

    #[test]
    fn a_version_placeholder_stands_for_the_version_another_page_writes() {
        let pages = vec![
            page(
                Lang::Zh,
                "A",
                operation(
                    "TagSecret",
                    Method::Post,
                    "/{version_id}/{project_id}/secrets/{id}/tags",
                    span("a", 3),
                ),
                vec![],
            ),
            page(
                Lang::Zh,
                "B",
                operation(
                    "TagSecret",
                    Method::Post,
                    "/v1/{project_id}/secrets/{id}/tags",
                    span("b", 3),
                ),
                vec![],
            ),
        ];
        let (operations, _) = merge_pages(pages, &mut Vec::new());
        assert_eq!(operations.len(), 1, "{operations:#?}");
        assert_eq!(
            operations[0].primary().path,
            "/v1/{project_id}/secrets/{id}/tags"
        );
    }

    #[test]
    fn a_page_without_uri_is_left_out_with_an_error() {
        let mut op = operation("A", Method::Get, "/v1/a", span("a", 3));
        op.uris.clear();
        let mut out = Vec::new();
        let (operations, _) = merge_pages(vec![page(Lang::En, "A", op, vec![])], &mut out);
        assert!(operations.is_empty());
        assert_eq!(codes(&out), ["missing-uri"]);
    }
}
