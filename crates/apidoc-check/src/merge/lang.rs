//! Merge rule 1: the English and the Chinese page of one operation become
//! one page. The English page is the base; the Chinese page adds its texts
//! (`Text::zh`) and any fact the English page lacks. A fact both state
//! differently is an error (`lang-conflict`, primary at the English fact); an
//! item only one page documents is a warning (`lang-missing`) and is kept.

use apidoc_ir::{Diagnostic, Model, Operation, Page, RequestBody, Span, TypeRef};

use super::align::{corresponding_models, renames};
use super::parts::{
    body_key, merge_parameters, merge_responses, merge_status_codes, parameter_key,
};
use crate::facts::{Difference, Shown, fill_text, merge_model, type_name};
use crate::pair::{Side, merge_by, union_by};
use crate::types::rename_models;

/// Merges the Chinese page of an operation into its English page.
///
/// The operation id: an explicit id (the page states the name, as in
/// "设置租户服务配置 - UpdateTenantServiceConfigs") wins over one the reader
/// derived from an English title. The page whose id wins
/// also gives its names to the body models both pages describe.
pub(crate) fn merge_languages(
    mut english: Page,
    mut chinese: Page,
    out: &mut Vec<Diagnostic>,
) -> Page {
    let chinese_wins = chinese.operation.id_is_explicit && !english.operation.id_is_explicit;
    align_model_names(&mut english, &mut chinese, chinese_wins);
    if chinese_wins {
        english.operation.id.clone_from(&chinese.operation.id);
        english.operation.id_is_explicit = true;
    }
    let mut differences = merge_operation(&mut english.operation, &chinese.operation);
    differences.extend(merge_models(&mut english.models, &chinese.models));
    let pages = (&english.title.span, &chinese.title.span);
    out.extend(
        differences
            .into_iter()
            .map(|difference| language_diagnostic(difference, pages)),
    );
    english
}

/// Renames the body models of the losing page to the winning page's names.
fn align_model_names(english: &mut Page, chinese: &mut Page, chinese_wins: bool) {
    let roots = shared_roots(&english.operation, &chinese.operation);
    let pairs = corresponding_models(roots, &english.models, &chinese.models);
    if chinese_wins {
        let renames = renames(pairs, &english.models);
        rename_models(english, &renames);
    } else {
        let renames = renames(pairs.into_iter().map(|(en, zh)| (zh, en)), &chinese.models);
        rename_models(chinese, &renames);
    }
}

/// The types both pages state for the same place: request bodies in order,
/// response bodies of the same status, parameters of the same name.
fn shared_roots<'a>(
    first: &'a Operation,
    second: &'a Operation,
) -> Vec<(&'a TypeRef, &'a TypeRef)> {
    let variants = |op: &'a Operation| op.request_body.iter().flat_map(|body| &body.variants);
    let mut roots: Vec<_> = variants(first)
        .zip(variants(second))
        .map(|(a, b)| (&a.schema, &b.schema))
        .collect();
    for a in &first.responses {
        let b = second.responses.iter().find(|b| b.status == a.status);
        if let (Some(a), Some(b)) = (&a.body, b.and_then(|b| b.body.as_ref())) {
            roots.push((a, b));
        }
    }
    for a in &first.parameters {
        if let Some(b) = second
            .parameters
            .iter()
            .find(|b| parameter_key(b) == parameter_key(a))
        {
            roots.push((&a.field.ty, &b.field.ty));
        }
    }
    roots
}

/// Merges everything two pages of one operation say about it.
fn merge_operation(into: &mut Operation, other: &Operation) -> Vec<Difference> {
    fill_text(&mut into.summary, &other.summary);
    fill_text(&mut into.description, &other.description);
    union_by(&mut into.uris, &other.uris, |uri| {
        (uri.method, uri.path.clone())
    });
    let mut differences = merge_parameters(&mut into.parameters, &other.parameters);
    differences.extend(merge_request_body(
        &mut into.request_body,
        &other.request_body,
    ));
    differences.extend(merge_responses(&mut into.responses, &other.responses));
    differences.extend(merge_status_codes(
        &mut into.status_codes,
        &other.status_codes,
    ));
    union_by(
        &mut into.request_examples,
        &other.request_examples,
        |example| {
            (
                example.method,
                example.url.clone(),
                example.body.as_ref().map(body_key),
            )
        },
    );
    union_by(&mut into.sources, &other.sources, String::clone);
    differences
}

fn merge_request_body(
    into: &mut Option<RequestBody>,
    other: &Option<RequestBody>,
) -> Vec<Difference> {
    let missing = |body: &RequestBody, in_first| {
        body.variants.first().map(|variant| Difference::Missing {
            subject: "the request body".to_owned(),
            present: variant.span.clone(),
            in_first,
        })
    };
    match (into.as_mut(), other) {
        (Some(kept), Some(other)) => merge_body_variants(kept, other),
        (Some(kept), None) => missing(kept, true).into_iter().collect(),
        (None, Some(other)) => {
            *into = Some(other.clone());
            missing(other, false).into_iter().collect()
        }
        (None, None) => Vec::new(),
    }
}

/// Variants pair up in page order; each pair must name the same schema.
fn merge_body_variants(into: &mut RequestBody, other: &RequestBody) -> Vec<Difference> {
    let mut differences = Vec::new();
    for (kept, other) in into.variants.iter_mut().zip(&other.variants) {
        fill_text(&mut kept.summary, &other.summary);
        if kept.schema != other.schema {
            differences.push(Difference::Fact {
                subject: "the request body".to_owned(),
                fact: "type",
                first: Shown {
                    value: type_name(&kept.schema),
                    span: kept.span.clone(),
                },
                second: Shown {
                    value: type_name(&other.schema),
                    span: other.span.clone(),
                },
            });
        }
    }
    let extra = other.variants.iter().skip(into.variants.len()).cloned();
    into.variants.extend(extra);
    differences
}

/// Models pair by name (a table repeated on a page pairs with its
/// repetition on the other page).
fn merge_models(into: &mut Vec<Model>, other: &[Model]) -> Vec<Difference> {
    let mut differences = Vec::new();
    merge_by(
        into,
        other,
        |model| model.name.clone(),
        |side| {
            if let Side::Both(kept, other) = side {
                differences.extend(merge_model(kept, other));
            }
        },
    );
    differences
}

fn language_diagnostic(
    difference: Difference,
    (english_page, chinese_page): (&Span, &Span),
) -> Diagnostic {
    match difference {
        Difference::Fact {
            subject,
            fact,
            first,
            second,
        } => Diagnostic::error(
            "lang-conflict",
            format!(
                "{subject}: the English page says {fact} `{}`, the Chinese page says `{}`",
                first.value, second.value
            ),
            first.span,
            format!("English: {fact} `{}`", first.value),
        )
        .with_secondary(second.span, format!("Chinese: {fact} `{}`", second.value))
        .with_help("correct the page in error so that both languages state the same")
        .degrading(format!(
            "{subject}: the English page's {fact} `{}`",
            first.value
        )),
        Difference::Missing {
            subject,
            present,
            in_first,
        } => {
            let (has, lacks, lacking_page) = if in_first {
                ("English", "Chinese", chinese_page)
            } else {
                ("Chinese", "English", english_page)
            };
            Diagnostic::warning(
                "lang-missing",
                format!("{subject} is documented on the {has} page only"),
                present,
                format!("only the {has} page documents this"),
            )
            .with_secondary(lacking_page.clone(), format!("the {lacks} page"))
            .with_help(format!("add it to the {lacks} page"))
        }
    }
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Fact, Lang, Method, ParamLocation, Text, Value};

    use super::*;
    use crate::testkit::*;

    /// An English page whose id the reader derived from the title, and the
    /// Chinese page of the same operation that states its name; the Chinese
    /// page types `priority` as a string and lacks the Mandatory column.
    fn pages() -> (Page, Page) {
        let en = |line| span("en.txt", line);
        let zh = |line| span("zh.txt", line);
        let mut english = operation(
            "ConfiguringTenantServices",
            Method::Put,
            "/v1/{project_id}/configs",
            en(5),
        );
        english.summary = Text::in_lang(Lang::En, "Configuring Tenant Services");
        let mut project = param(ParamLocation::Path, "project_id", TypeRef::String, en(8));
        project.field.required = Some(true);
        english.parameters = vec![project];
        english.request_body = Some(body(
            "ConfiguringTenantServices",
            "ConfiguringTenantServicesRequestBody",
            en(10),
        ));
        english.responses = vec![response(
            200,
            Some("ConfiguringTenantServicesResponseBody"),
            en(20),
        )];
        let mut priority = field("priority", TypeRef::Integer, en(12));
        priority.required = Some(false);
        priority.description = Text::in_lang(Lang::En, "Priority.");
        let mut mode = field("mode", TypeRef::String, en(13));
        mode.constraints.enum_values = vec![enum_value("A", en(14))];
        mode.constraints.enum_values[0].description = Text::in_lang(Lang::En, "Mode A.");
        let english_models = vec![
            model(
                "ConfiguringTenantServicesRequestBody",
                vec![priority, mode],
                en(11),
            ),
            model(
                "ConfiguringTenantServicesResponseBody",
                vec![field("id", TypeRef::String, en(21))],
                en(20),
            ),
        ];
        let english = page(
            Lang::En,
            "Configuring Tenant Services",
            english,
            english_models,
        );

        let mut chinese = operation(
            "UpdateTenantServiceConfigs",
            Method::Put,
            "/v1/{project_id}/configs",
            zh(5),
        );
        chinese.summary = Text::in_lang(Lang::Zh, "设置租户服务配置");
        chinese.parameters = vec![param(
            ParamLocation::Path,
            "project_id",
            TypeRef::String,
            zh(8),
        )];
        chinese.request_body = Some(body(
            "UpdateTenantServiceConfigs",
            "UpdateTenantServiceConfigsRequestBody",
            zh(10),
        ));
        chinese.responses = vec![response(
            200,
            Some("UpdateTenantServiceConfigsResponseBody"),
            zh(20),
        )];
        let mut priority = field("priority", TypeRef::String, zh(12));
        priority.description = Text::in_lang(Lang::Zh, "优先级。");
        priority.constraints.default = Some(Fact::new(Value::from("high"), zh(13)));
        let mut mode = field("mode", TypeRef::String, zh(14));
        mode.constraints.enum_values = vec![enum_value("A", zh(15))];
        mode.constraints.enum_values[0].description = Text::in_lang(Lang::Zh, "模式A。");
        let chinese_models = vec![
            model(
                "UpdateTenantServiceConfigsRequestBody",
                vec![priority, mode],
                zh(11),
            ),
            model(
                "UpdateTenantServiceConfigsResponseBody",
                vec![field("id", TypeRef::String, zh(21))],
                zh(20),
            ),
        ];
        chinese.id_is_explicit = true;
        let title = "设置租户服务配置 - UpdateTenantServiceConfigs";
        (english, page(Lang::Zh, title, chinese, chinese_models))
    }

    #[test]
    fn chinese_texts_and_missing_facts_join_the_english_page() {
        let (english, chinese) = pages();
        let mut out = Vec::new();
        let merged = merge_languages(english, chinese, &mut out);
        let op = &merged.operation;
        assert_eq!(
            op.id, "UpdateTenantServiceConfigs",
            "the explicit Chinese name wins"
        );
        assert_eq!(op.summary.zh.as_deref(), Some("设置租户服务配置"));
        assert_eq!(
            op.summary.en.as_deref(),
            Some("Configuring Tenant Services")
        );
        assert_eq!(op.parameters[0].field.required, Some(true));
        assert_eq!(op.sources, ["en.txt", "zh.txt"]);
        let names = model_names(&merged.models);
        assert_eq!(
            names,
            [
                "UpdateTenantServiceConfigsRequestBody",
                "UpdateTenantServiceConfigsResponseBody"
            ]
        );
        let mode = &merged.models[0].fields[1];
        assert_eq!(
            mode.constraints.enum_values[0].description.zh.as_deref(),
            Some("模式A。")
        );
        let priority = &merged.models[0].fields[0];
        assert_eq!(priority.description.zh.as_deref(), Some("优先级。"));
        assert_eq!(priority.required, Some(false));
        assert!(
            priority.constraints.default.is_some(),
            "a default only the Chinese page states is kept"
        );
    }

    #[test]
    fn a_type_conflict_points_at_both_pages() {
        let (english, chinese) = pages();
        let mut out = Vec::new();
        merge_languages(english, chinese, &mut out);
        assert_eq!(codes(&out), ["lang-conflict"]);
        let conflict = &out[0];
        assert_eq!(
            conflict.message,
            "field `priority` of model `UpdateTenantServiceConfigsRequestBody`: \
             the English page says type `integer`, the Chinese page says `string`"
        );
        assert_eq!(
            conflict.primary.as_ref().map(|label| &label.span),
            Some(&span("en.txt", 12))
        );
        assert_eq!(conflict.secondary[0].span, span("zh.txt", 12));
    }

    #[test]
    fn english_names_stay_when_no_page_states_its_id() {
        let (english, mut chinese) = pages();
        chinese.operation.id_is_explicit = false;
        let merged = merge_languages(english, chinese, &mut Vec::new());
        assert_eq!(merged.operation.id, "ConfiguringTenantServices");
        assert_eq!(
            merged.models[0].name,
            "ConfiguringTenantServicesRequestBody"
        );
        assert_eq!(merged.models.len(), 2);
    }

    #[test]
    fn a_parameter_on_one_page_only_is_kept_with_a_warning() {
        let (english, mut chinese) = pages();
        let limit = param(
            ParamLocation::Query,
            "limit",
            TypeRef::Integer,
            span("zh.txt", 9),
        );
        chinese.operation.parameters.push(limit);
        chinese.models[0].fields[0].ty = TypeRef::Integer;
        let mut out = Vec::new();
        let merged = merge_languages(english, chinese, &mut out);
        assert_eq!(codes(&out), ["lang-missing"]);
        assert_eq!(
            out[0].message,
            "query parameter `limit` is documented on the Chinese page only"
        );
        assert_eq!(out[0].secondary[0].span, span("en.txt", 1));
        assert_eq!(merged.operation.parameters.len(), 2);
    }

    #[test]
    fn a_repeated_response_example_is_kept_once() {
        let (mut english, mut chinese) = pages();
        let example = |file: &str| apidoc_ir::ResponseExample {
            description: Text::default(),
            body: apidoc_ir::ExampleBody::Json(Value::from(1)),
            span: span(file, 30),
        };
        english.operation.responses[0]
            .examples
            .push(example("en.txt"));
        chinese.operation.responses[0]
            .examples
            .push(example("zh.txt"));
        chinese.models[0].fields[0].ty = TypeRef::Integer;
        let merged = merge_languages(english, chinese, &mut Vec::new());
        assert_eq!(merged.operation.responses[0].examples.len(), 1);
    }
}
