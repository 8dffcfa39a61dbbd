//! Merge rule 2: different operations documented on different pages under
//! the same method and path (the ECS "action" APIs: start, stop, reboot all
//! `POST /v2.1/{project_id}/servers/{server_id}/action`) become one
//! operation whose request body has one variant per page.
//!
//! Parameters and responses are unioned; the same parameter or response
//! field stated differently is widened to what both allow
//! ([`super::widen`]) with a warning (`parameter-conflict`,
//! `response-conflict`). Response bodies that differ between the pages
//! become one model with the fields of all. The operation is named by the
//! names the pages state ([`names::merged_name`]), else from the method and
//! path (see [`path_operation_id`]); the name each page states stays in
//! [`Operation::names`] with the body variant it sends, so that the SDK
//! can call it by that name.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{
    BodyVariant, Diagnostic, Model, Operation, OperationName, Page, Parameter, RequestBody,
    Severity, Text, TypeRef, Uri,
};
use heck::ToUpperCamelCase;

use super::align::{corresponding_models, find, renames};
use super::conflict_diagnostic;
use super::names;
use super::parts::{
    merge_parameters, merge_responses, merge_status_codes, parameter_key, parameter_subject,
};
use super::widen::widen_reporting;
use crate::facts::{Difference, merge_model, models_agree};
use crate::pair::union_by;
use crate::paths::path_words;
use crate::types::{model_of, reachable_models, rename_in, rename_models};

/// Merges pages that share their primary method and path; `first` gives
/// the URIs' order and the title.
pub(crate) fn merge_variants(first: Page, rest: Vec<Page>, out: &mut Vec<Diagnostic>) -> Page {
    let operations =
        std::iter::once(&first.operation).chain(rest.iter().map(|page| &page.operation));
    let (id, id_is_explicit) = names::merged_name(operations).unwrap_or_else(|| {
        let by_path = first
            .operation
            .uris
            .first()
            .map_or_else(|| first.operation.id.clone(), path_operation_id);
        (by_path, false)
    });
    let mut merged = first;
    let mut used = reachable_models(&merged.operation, &merged.models);
    let mut summaries = vec![merged.operation.summary.clone()];
    let mut descriptions = vec![merged.operation.description.clone()];
    let mut variants = named_variants(&merged.operation);
    let mut names: Vec<OperationName> = official_name(&merged, variants.first())
        .into_iter()
        .collect();
    let mut required = body_required(&merged.operation);
    for mut page in rest {
        keep_models_apart(&merged, &mut page);
        used.extend(reachable_models(&page.operation, &page.models));
        share_response_models(&merged, &mut page);
        report_conflicts(
            "response-conflict",
            unite_response_bodies(&mut merged, &mut page, &id),
            out,
        );
        let (op, into) = (&page.operation, &mut merged.operation);
        union_by(&mut into.uris, &op.uris, |uri| {
            (uri.method, uri.path.clone())
        });
        report_conflicts(
            "parameter-conflict",
            merge_variant_parameters(&mut into.parameters, &op.parameters),
            out,
        );
        report_conflicts(
            "response-conflict",
            merge_responses(&mut into.responses, &op.responses),
            out,
        );
        merge_status_codes(&mut into.status_codes, &op.status_codes);
        into.request_examples
            .extend(op.request_examples.iter().cloned());
        into.sources.extend(op.sources.iter().cloned());
        summaries.push(op.summary.clone());
        descriptions.push(op.description.clone());
        let mut sent = None;
        for variant in named_variants(op) {
            if let Some((kept, differences)) =
                unite_same_body(&variants, &mut merged.models, &variant, &page.models)
            {
                report_conflicts("request-conflict", differences, out);
                sent.get_or_insert(kept);
                continue;
            }
            let name = unused_name(&variant.name, |name| {
                variants.iter().any(|v| v.name == name)
            });
            variants.push(BodyVariant { name, ..variant });
            sent.get_or_insert(variants.len() - 1);
        }
        if let Some(name) = official_name(&page, sent.map(|index| &variants[index]))
            && names.iter().all(|known| known.name != name.name)
        {
            names.push(name);
        }
        required &= body_required(op);
        merged.models.append(&mut page.models);
    }
    let op = &mut merged.operation;
    op.id = id;
    op.id_is_explicit = id_is_explicit;
    op.summary = join_texts(&summaries, " / ");
    op.description = join_texts(&descriptions, "\n\n");
    op.request_body = (!variants.is_empty()).then_some(RequestBody { required, variants });
    op.names = if names.len() > 1 { names } else { Vec::new() };
    drop_replaced_models(&mut merged, &used);
    merged
}

/// The official name of a page's operation, with the body it sends: the
/// id the page states itself (not one made unique by a suffix).
fn official_name(page: &Page, sent: Option<&BodyVariant>) -> Option<OperationName> {
    let op = &page.operation;
    let stated = page
        .stated_names
        .iter()
        .find(|stated| op.id_is_explicit && stated.name == op.id)?;
    Some(OperationName {
        name: op.id.clone(),
        summary: op.summary.clone(),
        body: sent.map(|variant| variant.name.clone()),
        span: stated.span.clone(),
    })
}

/// A request body named or titled like a variant already kept (its page
/// has the same operation id or title) whose top-level fields are those of
/// the kept one, or of which the kept one's are part (an older and a newer
/// page of one operation, the newer adding fields), is the same request:
/// it joins that variant's model ([`unite`]: the fields of both, those of
/// one only not required) instead of becoming a variant no request could
/// be told apart by. `None` when it is a variant of its own; else the
/// index of the variant it joined and the differences to report.
fn unite_same_body(
    variants: &[BodyVariant],
    kept_models: &mut [Model],
    variant: &BodyVariant,
    own_models: &[Model],
) -> Option<(usize, Vec<Difference>)> {
    let own = find(own_models, model_of(&variant.schema)?)?;
    let names = |model: &Model| -> BTreeSet<String> {
        model
            .fields
            .iter()
            .map(|field| field.name.clone())
            .collect()
    };
    let (index, kept_name) = variants.iter().enumerate().find_map(|(index, kept)| {
        if kept.name != variant.name && kept.summary != variant.summary {
            return None;
        }
        let name = model_of(&kept.schema)?;
        let kept = find(kept_models, name)?;
        let (fields, kept_fields) = (names(own), names(kept));
        let nested = fields.is_subset(&kept_fields) || kept_fields.is_subset(&fields);
        (!fields.is_empty() && !kept_fields.is_empty() && nested)
            .then(|| (index, kept.name.clone()))
    })?;
    Some((index, unite_deep(kept_models, &kept_name, own, own_models)))
}

/// A model of `page` named like one of `merged`'s but defined otherwise
/// (an older and a newer page of one operation, both naming their models
/// after it) is the page's own: it is renamed `<Name>2` (or the next
/// number free), so each variant keeps what its page documents. Renaming
/// a nested model makes the models holding it differ in turn, so this
/// repeats until no model of the page differs from its namesake.
fn keep_models_apart(merged: &Page, page: &mut Page) {
    loop {
        let taken = |name: &str| {
            merged.models.iter().any(|m| m.name == name)
                || page.models.iter().any(|m| m.name == name)
        };
        let renames: BTreeMap<String, String> = page
            .models
            .iter()
            .filter(|model| {
                find(&merged.models, &model.name).is_some_and(|kept| !models_agree(kept, model))
            })
            .map(|model| (model.name.clone(), unused_name(&model.name, taken)))
            .collect();
        if renames.is_empty() {
            return;
        }
        rename_models(page, &renames);
    }
}

/// `name`, else `name2`, `name3`… whichever is not `taken`.
pub fn unused_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|number| format!("{name}{number}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// The operation's body variants, each named after its page's operation
/// and titled with its summary where the reader left them empty.
fn named_variants(op: &Operation) -> Vec<BodyVariant> {
    let variants = op.request_body.iter().flat_map(|body| &body.variants);
    variants
        .map(|variant| {
            let mut variant = variant.clone();
            if variant.name.is_empty() {
                variant.name.clone_from(&op.id);
            }
            if variant.summary.is_empty() {
                variant.summary.clone_from(&op.summary);
            }
            variant
        })
        .collect()
}

/// A body is required only when every page requires one.
fn body_required(op: &Operation) -> bool {
    op.request_body.as_ref().is_some_and(|body| body.required)
}

/// Response bodies of the same status whose models are named after each
/// page's operation but define the same fields become one model: the later
/// page takes the earlier page's name.
fn share_response_models(merged: &Page, page: &mut Page) {
    let mut roots = Vec::new();
    for kept in &merged.operation.responses {
        let other = page
            .operation
            .responses
            .iter()
            .find(|other| other.status == kept.status);
        if let (Some(kept), Some(other)) = (&kept.body, other.and_then(|other| other.body.as_ref()))
        {
            roots.push((other, kept));
        }
    }
    let pairs = corresponding_models(roots, &page.models, &merged.models);
    let agreeing = pairs.into_iter().filter(|(own, kept)| {
        let (own, kept) = (find(&page.models, own), find(&merged.models, kept));
        own.zip(kept)
            .is_some_and(|(own, kept)| models_agree(kept, own))
    });
    let renames = renames(agreeing, &page.models);
    rename_models(page, &renames);
}

/// Response bodies of the same status that still differ (each action
/// answers with its own shape) become one model named after the merged
/// operation, holding the fields of all: a response of any variant decodes
/// into it. Fields only some variants return are not required. A field the
/// variants type differently is a difference the caller reports.
fn unite_response_bodies(merged: &mut Page, page: &mut Page, id: &str) -> Vec<Difference> {
    let mut differences = Vec::new();
    let statuses = merged
        .operation
        .responses
        .iter()
        .chain(&page.operation.responses);
    let first_success = statuses
        .map(|response| response.status)
        .filter(|status| (200..300).contains(status))
        .min();
    for response in &mut page.operation.responses {
        let Some(TypeRef::Model(own)) = &response.body else {
            continue;
        };
        let kept = merged
            .operation
            .responses
            .iter_mut()
            .find(|kept| kept.status == response.status);
        let Some(kept) = kept else { continue };
        let Some(TypeRef::Model(kept_name)) = kept.body.clone() else {
            continue;
        };
        let Some(own) = find(&page.models, own).cloned() else {
            continue;
        };
        if kept_name == own.name {
            continue;
        }
        let union_name = response_model_name(id, response.status, first_success);
        if kept_name != union_name {
            let Some(first) = find(&merged.models, &kept_name) else {
                continue;
            };
            if find(&merged.models, &union_name).is_some() {
                continue;
            }
            let union = Model {
                name: union_name.clone(),
                ..first.clone()
            };
            merged.models.push(union);
            kept.body = Some(TypeRef::Model(union_name.clone()));
        }
        differences.extend(unite_deep(
            &mut merged.models,
            &union_name,
            &own,
            &page.models,
        ));
        response.body = Some(TypeRef::Model(union_name));
    }
    differences
}

/// The reader's name for a response body model, after the merged id: the
/// first success status's is `{id}ResponseBody`.
fn response_model_name(id: &str, status: u16, first_success: Option<u16>) -> String {
    if first_success == Some(status) {
        format!("{id}ResponseBody")
    } else {
        format!("{id}Response{status}Body")
    }
}

/// Adds the fields of `other` (a model of `other_models`) to the model
/// `union` of `models`, and so on down: where both hold a field of objects
/// described by different models (an older and a newer page's `graph`,
/// the newer adding fields), the objects' models are united too, so the
/// merged operation carries what either page documents. Returns the
/// differences to report.
fn unite_deep(
    models: &mut [Model],
    union: &str,
    other: &Model,
    other_models: &[Model],
) -> Vec<Difference> {
    let mut differences = Vec::new();
    let mut pending = vec![(union.to_owned(), other.clone())];
    let mut seen = BTreeSet::new();
    while let Some((name, other)) = pending.pop() {
        if !seen.insert((name.clone(), other.name.clone())) {
            continue;
        }
        let Some(union) = models.iter_mut().find(|model| model.name == name) else {
            continue;
        };
        let (found, nested) = unite(union, &other);
        differences.extend(found);
        pending.extend(
            nested
                .into_iter()
                .filter_map(|(kept, theirs)| Some((kept, find(other_models, &theirs)?.clone()))),
        );
    }
    differences
}

/// Adds `other`'s fields to the union model, each field widened to
/// what both allow ([`super::widen`]); fields not in both are not
/// required. Returns the differences to report, and the pairs of models
/// (the union's, the other's) describing one field's objects, to unite in
/// turn.
fn unite(union: &mut Model, other: &Model) -> (Vec<Difference>, Vec<(String, String)>) {
    let in_union: BTreeSet<String> = union
        .fields
        .iter()
        .map(|field| field.name.clone())
        .collect();
    let mut other = other.clone();
    let mut differences = Vec::new();
    let mut nested = Vec::new();
    for theirs in &mut other.fields {
        if let Some(kept) = union
            .fields
            .iter_mut()
            .find(|kept| kept.name == theirs.name)
        {
            if let (Some(ours), Some(their)) = (model_of(&kept.ty), model_of(&theirs.ty))
                && ours != their
            {
                let renamed = BTreeMap::from([(their.to_owned(), ours.to_owned())]);
                nested.push((ours.to_owned(), their.to_owned()));
                rename_in(&mut theirs.ty, &renamed);
            }
            let subject = format!("field `{}` of model `{}`", kept.name, union.name);
            differences.extend(widen_reporting(&subject, kept, theirs));
        }
    }
    merge_model(union, &other);
    for field in &mut union.fields {
        let in_other = other.fields.iter().any(|theirs| theirs.name == field.name);
        if !(in_union.contains(&field.name) && in_other) {
            field.required = None;
        }
    }
    (differences, nested)
}

/// Merges another page's parameters into the operation's, each shared one
/// widened to what both allow ([`super::widen`]). Returns the differences to report.
fn merge_variant_parameters(into: &mut Vec<Parameter>, other: &[Parameter]) -> Vec<Difference> {
    let mut other = other.to_vec();
    let mut differences = Vec::new();
    for theirs in &mut other {
        let key = parameter_key(theirs);
        if let Some(kept) = into.iter_mut().find(|kept| parameter_key(kept) == key) {
            let subject = parameter_subject(kept);
            differences.extend(widen_reporting(
                &subject,
                &mut kept.field,
                &mut theirs.field,
            ));
        }
    }
    merge_parameters(into, &other);
    differences
}

/// Drops the models the pages used that the merged operation no longer
/// uses (the body models a union replaced); models no page used (tables
/// the reader could not attach) stay, for `model-unreferenced`.
fn drop_replaced_models(merged: &mut Page, used_before: &BTreeSet<String>) {
    let used_now = reachable_models(&merged.operation, &merged.models);
    merged
        .models
        .retain(|model| used_now.contains(&model.name) || !used_before.contains(&model.name));
}

/// Differences between pages of one method and path are warnings: the
/// merged operation takes what both allow ([`super::widen`]), else the first
/// page's statement.
fn report_conflicts(code: &str, differences: Vec<Difference>, out: &mut Vec<Diagnostic>) {
    let help = "pages that share a method and path should document shared parameters and responses alike; \
         the merged operation takes what both allow (not required, the wider range, a list over one value), \
         else the first page's statement";
    out.extend(
        differences
            .into_iter()
            .filter_map(|difference| match difference {
                Difference::Fact {
                    subject,
                    fact,
                    first,
                    second,
                } => {
                    let mut diagnostic = conflict_diagnostic(code, &subject, fact, first, second);
                    diagnostic.severity = Severity::Warning;
                    Some(diagnostic.with_help(help))
                }
                Difference::Missing { .. } => None,
            }),
    );
}

/// The id of an operation merged from several pages: the method and the
/// path's [`path_words`] in UpperCamelCase:
/// `POST /v2.1/{project_id}/servers/{server_id}/action` →
/// `PostServersServerIdAction`.
pub(crate) fn path_operation_id(uri: &Uri) -> String {
    let phrase: Vec<&str> = std::iter::once(uri.method.as_str())
        .chain(path_words(&uri.path))
        .collect();
    camel(&phrase)
}

/// Words joined in UpperCamelCase (`["GET", "os-keys"]` → `GetOsKeys`).
pub(crate) fn camel(words: &[&str]) -> String {
    words.join("_").to_lowercase().to_upper_camel_case()
}

/// Joins the texts of several pages per language.
fn join_texts(texts: &[Text], separator: &str) -> Text {
    let join = |language: fn(&Text) -> Option<&String>| {
        let parts: Vec<&str> = texts
            .iter()
            .filter_map(language)
            .map(String::as_str)
            .collect();
        (!parts.is_empty()).then(|| parts.join(separator))
    };
    Text {
        en: join(|text| text.en.as_ref()),
        zh: join(|text| text.zh.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method, ParamLocation, TypeRef};

    use super::*;
    use crate::testkit::*;

    const ACTION: &str = "/v2.1/{project_id}/servers/{server_id}/action";

    /// One ECS action page: its body model has a single field named after
    /// the action; every action answers 202 with a job id.
    fn action_page(id: &str, summary: &str, action: &str, file: &str) -> Page {
        let at = |line| span(file, line);
        let mut op = operation(id, Method::Post, ACTION, at(5));
        op.summary = Text::in_lang(Lang::En, summary);
        op.parameters = vec![param(
            ParamLocation::Path,
            "server_id",
            TypeRef::String,
            at(8),
        )];
        op.request_body = Some(body("", &format!("{id}RequestBody"), at(10)));
        op.responses = vec![response(202, Some(&format!("{id}ResponseBody")), at(20))];
        let models = vec![
            model(
                &format!("{id}RequestBody"),
                vec![field(action, TypeRef::Object, at(11))],
                at(10),
            ),
            model(
                &format!("{id}ResponseBody"),
                vec![field("job_id", TypeRef::String, at(21))],
                at(20),
            ),
        ];
        page(Lang::En, summary, op, models)
    }

    #[test]
    fn each_page_becomes_a_body_variant_of_one_operation() {
        let start = action_page(
            "BatchStartServers",
            "Starting ECSs",
            "os-start",
            "start.txt",
        );
        let stop = action_page("BatchStopServers", "Stopping ECSs", "os-stop", "stop.txt");
        let mut out = Vec::new();
        let merged = merge_variants(start, vec![stop], &mut out);
        assert!(out.is_empty(), "{out:?}");
        let op = &merged.operation;
        assert_eq!(op.id, "PostServersServerIdAction");
        assert_eq!(
            op.summary.en.as_deref(),
            Some("Starting ECSs / Stopping ECSs")
        );
        let variants = op
            .request_body
            .as_ref()
            .map(|body| &body.variants[..])
            .unwrap_or_default();
        let names: Vec<_> = variants
            .iter()
            .map(|variant| (variant.name.as_str(), variant.summary.en.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("BatchStartServers", Some("Starting ECSs")),
                ("BatchStopServers", Some("Stopping ECSs"))
            ]
        );
        assert_eq!(op.parameters.len(), 1);
        assert_eq!(op.responses.len(), 1);
        assert_eq!(op.sources, ["start.txt", "stop.txt"]);
        let body = op.responses[0].body.clone();
        assert_eq!(
            body,
            Some(TypeRef::Model("BatchStartServersResponseBody".to_owned()))
        );
        let response_models = merged
            .models
            .iter()
            .filter(|model| model.name.ends_with("ResponseBody"))
            .count();
        assert_eq!(
            response_models, 2,
            "both copies stay until the model union merges them"
        );
        assert!(
            merged
                .models
                .iter()
                .all(|model| model.name != "BatchStopServersResponseBody")
        );
    }

    #[test]
    fn a_shared_parameter_stated_differently_is_a_conflict() {
        let start = action_page(
            "BatchStartServers",
            "Starting ECSs",
            "os-start",
            "start.txt",
        );
        let mut stop = action_page("BatchStopServers", "Stopping ECSs", "os-stop", "stop.txt");
        stop.operation.parameters[0].field.ty = TypeRef::Integer;
        let mut out = Vec::new();
        merge_variants(start, vec![stop], &mut out);
        assert_eq!(codes(&out), ["parameter-conflict"]);
        assert_eq!(
            out[0].primary.as_ref().map(|label| &label.span),
            Some(&span("stop.txt", 8))
        );
        assert_eq!(
            out[0].severity,
            Severity::Warning,
            "the first page's type is kept"
        );
    }

    /// The newer page names the body's object (`StopOption object`) and
    /// links its API Explorer entry; the older page of the same operation
    /// says `Object`. Both name their models after the same id.
    fn newer_and_older_stop_pages() -> (Page, Page) {
        let mut newer = action_page("BatchStopServers", "Stopping ECSs", "os-stop", "new.md");
        newer.operation.id_is_explicit = true;
        newer.models[0].fields[0].ty = TypeRef::Model("StopOption".into());
        let option = vec![field("type", TypeRef::String, span("new.md", 31))];
        newer
            .models
            .push(model("StopOption", option, span("new.md", 30)));
        let older = action_page(
            "BatchStopServers",
            "Stopping ECSs (old)",
            "os-stop",
            "old.md",
        );
        (newer, older)
    }

    #[test]
    fn an_older_page_of_the_same_operation_joins_the_newer_one() {
        let (newer, older) = newer_and_older_stop_pages();
        let mut out = Vec::new();
        let merged = merge_variants(newer, vec![older], &mut out);
        assert!(
            out.is_empty(),
            "a model for `Object` is no conflict: {out:?}"
        );
        let op = &merged.operation;
        assert_eq!(
            (op.id.as_str(), op.id_is_explicit),
            ("BatchStopServers", true)
        );
        let variants = op.request_body.as_ref().map(|b| b.variants.len());
        assert_eq!(variants, Some(1), "one request, not two alike variants");
        let body = find(&merged.models, "BatchStopServersRequestBody").expect("body");
        assert_eq!(body.fields[0].ty, TypeRef::Model("StopOption".into()));
        assert!(
            find(&merged.models, "BatchStopServersRequestBody2").is_none(),
            "the older copy went into the newer one"
        );
    }

    #[test]
    fn differing_bodies_of_pages_naming_one_id_stay_variants_with_their_own_models() {
        let (newer, mut older) = newer_and_older_stop_pages();
        older.models[0].fields[0].name = "os-halt".to_owned();
        let mut out = Vec::new();
        let merged = merge_variants(newer, vec![older], &mut out);
        let op = &merged.operation;
        let names: Vec<&str> = op
            .request_body
            .iter()
            .flat_map(|body| &body.variants)
            .map(|variant| variant.name.as_str())
            .collect();
        assert_eq!(names, ["BatchStopServers", "BatchStopServers2"]);
        let halt = find(&merged.models, "BatchStopServersRequestBody2").expect("own copy");
        assert_eq!(halt.fields[0].name, "os-halt");
    }

    /// Two pages naming their models after one id, whose answers hold
    /// lists of objects described differently (one documents `routers`).
    fn pages_answering_lists_of_differing_objects() -> (Page, Page) {
        let answering = |file: &str, extra: Option<&str>| {
            let mut page = action_page("ListLamps", "Listing lamps", "filter", file);
            let lamp = TypeRef::Array(Box::new(TypeRef::Model("ListLampsLamps".into())));
            page.models[1].fields = vec![field("lamps", lamp, span(file, 21))];
            let mut fields = vec![field("id", TypeRef::String, span(file, 31))];
            fields.extend(extra.map(|name| field(name, TypeRef::String, span(file, 32))));
            page.models
                .push(model("ListLampsLamps", fields, span(file, 30)));
            page
        };
        (answering("a.md", None), answering("b.md", Some("routers")))
    }

    #[test]
    fn objects_described_differently_deep_in_one_answer_are_united() {
        let (first, second) = pages_answering_lists_of_differing_objects();
        let merged = merge_variants(first, vec![second], &mut Vec::new());
        let answer = merged.operation.responses[0].body.clone();
        let Some(TypeRef::Model(answer)) = answer else {
            panic!("a model answers: {answer:?}");
        };
        let body = find(&merged.models, &answer).expect("answer model");
        let TypeRef::Array(item) = &body.fields[0].ty else {
            panic!("a list: {:?}", body.fields[0].ty);
        };
        let TypeRef::Model(item) = item.as_ref() else {
            panic!("of objects: {item:?}");
        };
        let lamp = find(&merged.models, item).expect("item model");
        let names: Vec<&str> = lamp.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["id", "routers"], "the second page's field is kept");
    }

    #[test]
    fn a_newer_page_adding_fields_to_the_same_operation_joins_it() {
        let (newer, mut older) = newer_and_older_stop_pages();
        let added = field("force", TypeRef::Boolean, span("old.md", 12));
        older.models[0].fields.push(added);
        let merged = merge_variants(newer, vec![older], &mut Vec::new());
        let variants = merged
            .operation
            .request_body
            .as_ref()
            .map(|b| b.variants.len());
        assert_eq!(variants, Some(1), "one request with the fields of both");
        let body = find(&merged.models, "BatchStopServersRequestBody").expect("body");
        let names: Vec<&str> = body.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["os-stop", "force"]);
        assert_eq!(body.fields[1].required, None, "only one page has it");
    }

    #[test]
    fn different_operations_sending_the_same_fields_stay_variants() {
        let add = action_page("BatchAddTags", "Adding tags", "tags", "add.md");
        let delete = action_page("BatchDeleteTags", "Deleting tags", "tags", "delete.md");
        let merged = merge_variants(add, vec![delete], &mut Vec::new());
        let variants = merged.operation.request_body.map(|b| b.variants.len());
        assert_eq!(variants, Some(2));
    }

    /// A page stating its id (an API Explorer link on line 2).
    fn stating(mut page: Page) -> Page {
        page.operation.id_is_explicit = true;
        page.stated_names = vec![apidoc_ir::StatedName {
            name: page.operation.id.clone(),
            source: apidoc_ir::NameSource::ExplorerLink,
            span: span(&page.file, 2),
        }];
        page
    }

    fn official_names(op: &Operation) -> Vec<(&str, Option<&str>)> {
        op.names
            .iter()
            .map(|name| (name.name.as_str(), name.body.as_deref()))
            .collect()
    }

    #[test]
    fn pages_stating_different_names_are_named_by_the_words_they_share() {
        let public = stating(action_page(
            "CreatePublicZone",
            "Public zone",
            "email",
            "public.md",
        ));
        let private = stating(action_page(
            "CreatePrivateZone",
            "Private zone",
            "router",
            "private.md",
        ));
        let merged = merge_variants(private, vec![public], &mut Vec::new());
        assert_eq!(merged.operation.id, "CreateZone");
        assert!(!merged.operation.id_is_explicit, "no page states this name");
        assert_eq!(
            official_names(&merged.operation),
            [
                ("CreatePrivateZone", Some("CreatePrivateZone")),
                ("CreatePublicZone", Some("CreatePublicZone"))
            ],
            "each stated name stays, with the body its page sends"
        );
        assert_eq!(merged.operation.names[1].span, span("public.md", 2));
    }

    #[test]
    fn the_names_of_bodiless_pages_stay_and_derived_or_repeated_names_are_no_official_names() {
        let bodiless = |id: &str, file: &str| {
            let mut page = stating(action_page(id, id, "x", file));
            page.operation.request_body = None;
            page
        };
        let public = bodiless("ListPublicZones", "public.md");
        let private = bodiless("ListPrivateZones", "private.md");
        let derived = action_page("ListZonesOld", "Old list", "x", "old.md");
        let merged = merge_variants(public, vec![private, derived], &mut Vec::new());
        assert_eq!(
            official_names(&merged.operation),
            [("ListPublicZones", None), ("ListPrivateZones", None)]
        );

        // An older and a newer page of one name: one name, so none listed.
        let (newer, older) = newer_and_older_stop_pages();
        let merged = merge_variants(stating(newer), vec![stating(older)], &mut Vec::new());
        assert!(merged.operation.names.is_empty());
    }

    #[test]
    fn a_page_whose_body_joins_a_kept_variant_names_that_variant() {
        let (newer, mut older) = newer_and_older_stop_pages();
        older.operation.id = "StopServersOld".to_owned();
        older.operation.summary = newer.operation.summary.clone();
        let merged = merge_variants(stating(newer), vec![stating(older)], &mut Vec::new());
        assert_eq!(
            official_names(&merged.operation),
            [
                ("BatchStopServers", Some("BatchStopServers")),
                ("StopServersOld", Some("BatchStopServers"))
            ]
        );
    }

    #[test]
    fn differing_response_bodies_become_one_model_with_all_fields() {
        let start = action_page(
            "BatchStartServers",
            "Starting ECSs",
            "os-start",
            "start.txt",
        );
        let mut console = action_page(
            "GetConsoleOutput",
            "Getting logs",
            "os-getConsoleOutput",
            "log.txt",
        );
        console.models[1].fields = vec![field("output", TypeRef::String, span("log.txt", 21))];
        console.models[1].fields[0].required = Some(true);
        let mut out = Vec::new();
        let merged = merge_variants(start, vec![console], &mut out);
        assert!(out.is_empty(), "{out:?}");
        let union = "PostServersServerIdActionResponseBody";
        assert_eq!(
            merged.operation.responses[0].body,
            Some(TypeRef::Model(union.to_owned()))
        );
        let names = model_names(&merged.models);
        assert_eq!(
            names,
            [
                "BatchStartServersRequestBody",
                union,
                "GetConsoleOutputRequestBody"
            ]
        );
        let fields: Vec<_> = merged.models[1]
            .fields
            .iter()
            .map(|field| (field.name.as_str(), field.required))
            .collect();
        assert_eq!(fields, [("job_id", None), ("output", None)]);
    }

    #[test]
    fn the_objects_of_one_response_field_described_by_two_pages_unite() {
        let with_job = |id: &str, title: &str, file: &str, job_fields: &[&str]| {
            let mut page = action_page(id, title, "os-start", file);
            let job = format!("{id}Job");
            page.models[1].fields = vec![field("job", TypeRef::Model(job.clone()), span(file, 21))];
            let fields = job_fields
                .iter()
                .map(|name| field(name, TypeRef::String, span(file, 22)))
                .collect();
            page.models.push(model(&job, fields, span(file, 22)));
            page
        };
        let older = with_job("StartServers", "Starting (old)", "old.txt", &["id"]);
        let newer = with_job(
            "BatchStartServers",
            "Starting",
            "new.txt",
            &["id", "status"],
        );
        let merged = merge_variants(older, vec![newer], &mut Vec::new());
        let job = find(&merged.models, "StartServersJob").expect("the first page's job");
        let names: Vec<&str> = job.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["id", "status"], "the newer page's field joins");
        assert_eq!(job.fields[1].required, None);
    }

    #[test]
    fn a_response_field_typed_differently_by_two_actions_is_a_conflict() {
        let start = action_page(
            "BatchStartServers",
            "Starting ECSs",
            "os-start",
            "start.txt",
        );
        let mut console = action_page(
            "GetConsoleOutput",
            "Getting logs",
            "os-getConsoleOutput",
            "log.txt",
        );
        console.models[1]
            .fields
            .push(field("output", TypeRef::String, span("log.txt", 22)));
        console.models[1].fields[0].ty = TypeRef::Integer;
        let mut out = Vec::new();
        merge_variants(start, vec![console], &mut out);
        assert_eq!(codes(&out), ["response-conflict"]);
        assert_eq!(
            out[0].message,
            "field `job_id` of model `PostServersServerIdActionResponseBody` is stated twice \
             with different type: `string` and `integer`"
        );
    }

    #[test]
    fn path_ids_skip_versions_and_the_project() {
        let uri = |method, path: &str| Uri {
            method,
            path: path.to_owned(),
            span: span("p", 1),
        };
        assert_eq!(
            path_operation_id(&uri(Method::Post, ACTION)),
            "PostServersServerIdAction"
        );
        assert_eq!(
            path_operation_id(&uri(Method::Get, "/v1/{project_id}/os-keys")),
            "GetOsKeys"
        );
    }
}
