//! Valid path templates before merging: no placeholder twice in one path,
//! and one name per placeholder position across the pages of a service.
//!
//! OpenAPI needs both: a path naming `{project_id}` twice cannot say which
//! value goes where, and `/x/{id}` beside `/x/{port_id}` are one path to
//! every router (linters call them identical or ambiguous).

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Page, ParamLocation, Span};

use crate::paths::{placeholder, placeholders};

/// Renames placeholders on every page so that each path is valid and
/// consistent, with a warning for each rename.
pub(crate) fn unify_placeholders(pages: &mut [Page], out: &mut Vec<Diagnostic>) {
    for page in pages.iter_mut() {
        number_repeated(page, out);
    }
    name_positions_alike(pages, out);
}

/// `path-placeholder-repeated` (warning): a placeholder a path names twice;
/// the second occurrence becomes `{name_2}` (the third `{name_3}`, …), a
/// path parameter documented like the first.
fn number_repeated(page: &mut Page, out: &mut Vec<Diagnostic>) {
    let op = &mut page.operation;
    let mut added = Vec::new();
    for uri in &mut op.uris {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let renamed = map_placeholders(&uri.path, |_, name| {
            let count = seen.entry(name.to_owned()).or_default();
            *count += 1;
            (*count > 1).then(|| format!("{name}_{count}"))
        });
        if renamed == uri.path {
            continue;
        }
        for (name, count) in seen.into_iter().filter(|(_, count)| *count > 1) {
            out.push(
                Diagnostic::warning(
                    "path-placeholder-repeated",
                    format!(
                        "`{{{name}}}` appears {count} times in `{}`; OpenAPI allows a name once, so the later ones are `{{{name}_2}}`…",
                        uri.path
                    ),
                    uri.span.clone(),
                    "placeholder repeated",
                )
                .with_help("name each position of the path differently"),
            );
            added.extend((2..=count).map(|n| (name.clone(), format!("{name}_{n}"))));
        }
        uri.path = renamed;
    }
    for (name, new) in added {
        let documented = op
            .parameters
            .iter()
            .any(|p| p.location == ParamLocation::Path && p.field.name == new);
        let original = op
            .parameters
            .iter()
            .position(|p| p.location == ParamLocation::Path && p.field.name == name);
        if let (false, Some(index)) = (documented, original) {
            let mut copy = op.parameters[index].clone();
            copy.field.name = new;
            op.parameters.insert(index + 1, copy);
        }
    }
}

/// A page's use of one placeholder position: which page and where.
struct Use {
    page: usize,
    name: String,
    span: Span,
}

/// `path-placeholder-names` (warning): pages naming one position of the
/// same path differently (`/x/{id}` and `/x/{port_id}`). The name most
/// pages use wins (on a tie the longer, more telling one, then the first
/// alphabetically); the other pages' URIs and path parameters take it.
fn name_positions_alike(pages: &mut [Page], out: &mut Vec<Diagnostic>) {
    let mut positions: BTreeMap<(String, usize), Vec<Use>> = BTreeMap::new();
    for (index, page) in pages.iter().enumerate() {
        for uri in &page.operation.uris {
            let shape = shape(&uri.path);
            for (position, name) in placeholders(&uri.path).into_iter().enumerate() {
                positions
                    .entry((shape.clone(), position))
                    .or_default()
                    .push(Use {
                        page: index,
                        name: name.to_owned(),
                        span: uri.span.clone(),
                    });
            }
        }
    }
    for ((shape, position), uses) in positions {
        let Some(winner) = winning_name(&uses) else {
            continue;
        };
        let example = uses
            .iter()
            .find(|u| u.name == winner)
            .map(|u| u.span.clone());
        for loser in uses.iter().filter(|u| u.name != winner) {
            rename_in_page(
                &mut pages[loser.page],
                &shape,
                position,
                &loser.name,
                &winner,
            );
            let mut diagnostic = Diagnostic::warning(
                "path-placeholder-names",
                format!(
                    "this page names a placeholder of `{shape}` `{{{}}}` where another page names it `{{{winner}}}`; the spec uses `{{{winner}}}`",
                    loser.name
                ),
                loser.span.clone(),
                format!("`{{{}}}` here", loser.name),
            );
            if let Some(span) = &example {
                diagnostic =
                    diagnostic.with_secondary(span.clone(), format!("`{{{winner}}}` here"));
            }
            out.push(diagnostic.with_help("use one name for one position of a path on every page"));
        }
    }
}

/// The name most uses give; `None` when all agree.
fn winning_name(uses: &[Use]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for u in uses {
        *counts.entry(&u.name).or_default() += 1;
    }
    if counts.len() < 2 {
        return None;
    }
    counts
        .into_iter()
        .max_by(|(a, m), (b, n)| m.cmp(n).then(a.len().cmp(&b.len())).then(b.cmp(a)))
        .map(|(name, _)| name.to_owned())
}

/// Renames `from` to `to` at placeholder `position` of every URI of the
/// page with that shape, and the path parameter of that name.
fn rename_in_page(page: &mut Page, shape_wanted: &str, position: usize, from: &str, to: &str) {
    let op = &mut page.operation;
    for uri in op
        .uris
        .iter_mut()
        .filter(|uri| shape(&uri.path) == shape_wanted)
    {
        uri.path = map_placeholders(&uri.path, |index, name| {
            (index == position && name == from).then(|| to.to_owned())
        });
    }
    let taken = op
        .parameters
        .iter()
        .any(|p| p.location == ParamLocation::Path && p.field.name == to);
    for parameter in &mut op.parameters {
        if !taken && parameter.location == ParamLocation::Path && parameter.field.name == from {
            parameter.field.name = to.to_owned();
        }
    }
}

/// The path with every placeholder written `{}`: paths with the same shape
/// are one path to a router.
fn shape(path: &str) -> String {
    map_placeholders(path, |_, _| Some(String::new()))
}

/// The path with placeholder number `index` named `name` replaced by
/// `{new}` wherever `rename(index, name)` gives a new name.
fn map_placeholders(path: &str, mut rename: impl FnMut(usize, &str) -> Option<String>) -> String {
    let mut index = 0;
    path.split('/')
        .map(|segment| match placeholder(segment) {
            Some(name) => {
                let new = rename(index, name);
                index += 1;
                new.map_or_else(|| segment.to_owned(), |new| format!("{{{new}}}"))
            }
            None => segment.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method, TypeRef};

    use super::*;
    use crate::testkit::{operation, page, param, span};

    fn path_page(file: &str, method: Method, path: &str, params: &[&str]) -> Page {
        let mut op = operation("Op", method, path, span(file, 3));
        op.parameters = params
            .iter()
            .map(|name| param(ParamLocation::Path, name, TypeRef::String, span(file, 7)))
            .collect();
        page(Lang::En, "Op", op, vec![])
    }

    fn path_params(page: &Page) -> Vec<&str> {
        page.operation
            .parameters
            .iter()
            .map(|p| p.field.name.as_str())
            .collect()
    }

    #[test]
    fn a_repeated_placeholder_is_numbered_and_documented_like_the_first() {
        let mut pages = vec![path_page(
            "quota.html",
            Method::Get,
            "/v2/{project_id}/quotas/{project_id}/defaults",
            &["project_id"],
        )];
        let mut out = Vec::new();
        unify_placeholders(&mut pages, &mut out);
        let op = &pages[0].operation;
        assert_eq!(
            op.uris[0].path,
            "/v2/{project_id}/quotas/{project_id_2}/defaults"
        );
        assert_eq!(path_params(&pages[0]), ["project_id", "project_id_2"]);
        let codes: Vec<_> = out.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["path-placeholder-repeated"]);
    }

    #[test]
    fn one_position_gets_the_name_most_pages_use_and_both_pages_are_named() {
        let mut pages = vec![
            path_page(
                "get.html",
                Method::Get,
                "/v2/machines/{machine_id}/ports/{port_id}",
                &["machine_id", "port_id"],
            ),
            path_page(
                "delete.html",
                Method::Delete,
                "/v2/machines/{machine_id}/ports/{id}",
                &["machine_id", "id"],
            ),
            path_page(
                "put.html",
                Method::Put,
                "/v2/machines/{machine_id}/ports/{port_id}",
                &["machine_id", "port_id"],
            ),
            path_page(
                "other.html",
                Method::Get,
                "/v2/machines/{machine_id}/disks/{id}",
                &["machine_id", "id"],
            ),
        ];
        let mut out = Vec::new();
        unify_placeholders(&mut pages, &mut out);
        assert_eq!(
            pages[1].operation.uris[0].path,
            "/v2/machines/{machine_id}/ports/{port_id}"
        );
        assert_eq!(path_params(&pages[1]), ["machine_id", "port_id"]);
        assert_eq!(
            pages[3].operation.uris[0].path,
            "/v2/machines/{machine_id}/disks/{id}"
        );
        assert_eq!(out.len(), 1, "{out:?}");
        let finding = &out[0];
        assert_eq!(finding.code, "path-placeholder-names");
        assert_eq!(
            finding.primary.as_ref().map(|l| l.span.file.as_str()),
            Some("delete.html")
        );
        assert_eq!(finding.secondary[0].span.file, "get.html");
    }

    #[test]
    fn a_tie_goes_to_the_longer_name() {
        let mut pages = vec![
            path_page("a.html", Method::Get, "/x/{id}", &["id"]),
            path_page("b.html", Method::Delete, "/x/{item_id}", &["item_id"]),
        ];
        unify_placeholders(&mut pages, &mut Vec::new());
        assert_eq!(pages[0].operation.uris[0].path, "/x/{item_id}");
    }
}
