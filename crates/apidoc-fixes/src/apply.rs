//! Applying fixes to pages: find the target on every page of the operation,
//! compare what the page states with what the fix expects, change it.
//!
//! A fix applies wherever its target states the expected values (the
//! English page of an operation may need a fix its Chinese page does not);
//! it must apply somewhere, else it is stale or matches nothing.

use std::collections::BTreeMap;

use apidoc_ir::{
    EnumValue, Field, Lang, Method, Model, Page, ParamLocation, Parameter, Response, Span, Text,
    TypeRef,
};
use heck::ToUpperCamelCase;

use crate::format::{Fix, NewField, Place, Props, Target, type_of, written_type};

/// What one fix did.
#[derive(Clone, Debug, Default)]
pub(crate) struct Outcome {
    /// The page files of the target operation (or of every page).
    pub pages: Vec<String>,
    /// Page places changed.
    pub changed: Vec<Span>,
    /// Page places where the target is but states something else: what.
    pub mismatches: Vec<(Span, String)>,
}

/// Applies one fix to the pages (removing pages of a skipped operation).
pub(crate) fn apply_fix(fix: &Fix, pages: &mut Vec<Page>) -> Outcome {
    let chosen = choose_pages(pages, &fix.target);
    let mut outcome = Outcome {
        pages: chosen
            .iter()
            .map(|&index| pages[index].file.clone())
            .collect(),
        ..Outcome::default()
    };
    let mut dropped = Vec::new();
    for index in chosen {
        if apply_on_page(fix, &mut pages[index], &mut outcome) == Effect::DropPage {
            dropped.push(index);
        }
    }
    for index in dropped.into_iter().rev() {
        pages.remove(index);
    }
    outcome
}

/// The pages a target's operation names: pages whose own id is the name
/// (or that list that `METHOD /path`), and the other language's page of
/// the same operation (the page sharing a URI with the same id, or the
/// only one of its language sharing it), so that the id `generated/`
/// shows reaches both languages. All pages when no operation is named.
pub(crate) fn choose_pages(pages: &[Page], target: &Target) -> Vec<usize> {
    let in_lang = |page: &Page| target.lang.is_none_or(|lang| page.lang == lang);
    let Some(name) = &target.operation else {
        return (0..pages.len()).filter(|&i| in_lang(&pages[i])).collect();
    };
    let direct: Vec<usize> = (0..pages.len())
        .filter(|&i| names_operation(&pages[i], name))
        .collect();
    let mut chosen = direct.clone();
    for &index in &direct {
        for partner in partners(pages, index) {
            if !chosen.contains(&partner) {
                chosen.push(partner);
            }
        }
    }
    chosen.sort_unstable();
    chosen.retain(|&i| in_lang(&pages[i]));
    chosen
}

fn names_operation(page: &Page, name: &str) -> bool {
    let op = &page.operation;
    if op.id == name {
        return true;
    }
    let Some((method, path)) = name.split_once(' ') else {
        return false;
    };
    let method = Method::parse(method.trim());
    op.uris
        .iter()
        .any(|uri| Some(uri.method) == method && uri.path == path.trim())
}

pub(crate) fn shares_uri(a: &Page, b: &Page) -> bool {
    a.operation.uris.iter().any(|x| {
        b.operation
            .uris
            .iter()
            .any(|y| x.method == y.method && x.path == y.path)
    })
}

/// The other-language pages of the same operation as `pages[index]`.
fn partners(pages: &[Page], index: usize) -> Vec<usize> {
    let page = &pages[index];
    let sharing: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].lang != page.lang && shares_uri(&pages[i], page))
        .collect();
    let same_id: Vec<usize> = sharing
        .iter()
        .copied()
        .filter(|&i| {
            pages[i]
                .operation
                .id
                .eq_ignore_ascii_case(&page.operation.id)
        })
        .collect();
    if !same_id.is_empty() || sharing.len() != 1 {
        same_id
    } else {
        sharing
    }
}

#[derive(PartialEq)]
enum Effect {
    Keep,
    DropPage,
}

fn apply_on_page(fix: &Fix, page: &mut Page, outcome: &mut Outcome) -> Effect {
    match &fix.target.place {
        Place::Operation => return on_operation(fix, page, outcome),
        Place::Parameter { name, location } => on_parameters(fix, page, name, *location, outcome),
        Place::Request { path } if path.is_empty() => on_request_body(fix, page, outcome),
        Place::Request { path } => {
            let roots = request_roots(page);
            on_fields(fix, page, &roots, path, outcome);
        }
        Place::Response { status, path } if path.is_empty() => {
            on_response(fix, page, *status, outcome);
        }
        Place::Response { status, path } => {
            let roots = response_root(page, *status).into_iter().collect::<Vec<_>>();
            on_fields(fix, page, &roots, path, outcome);
        }
        Place::Model { name, path } if path.is_empty() => on_model(fix, page, name, outcome),
        Place::Model { name, path } => {
            on_fields(fix, page, std::slice::from_ref(name), path, outcome)
        }
        Place::Finding { .. } => {}
    }
    Effect::Keep
}

fn on_operation(fix: &Fix, page: &mut Page, outcome: &mut Outcome) -> Effect {
    let span = page.title.span.clone();
    if let Some(new) = &fix.add {
        let location = new.location.unwrap_or(ParamLocation::Query);
        let exists = page
            .operation
            .parameters
            .iter()
            .any(|p| p.location == location && p.field.name == new.name);
        if exists {
            outcome
                .mismatches
                .push((span.clone(), format!("a parameter `{}` already", new.name)));
            return Effect::Keep;
        }
        page.operation.parameters.push(Parameter {
            location,
            field: new_field(new, &fix.span),
        });
    }
    outcome.changed.push(span);
    if fix.remove {
        Effect::DropPage
    } else {
        Effect::Keep
    }
}

fn on_parameters(
    fix: &Fix,
    page: &mut Page,
    name: &str,
    location: Option<ParamLocation>,
    outcome: &mut Outcome,
) {
    let lang = page.lang;
    let matches = |p: &Parameter| p.field.name == name && location.is_none_or(|l| l == p.location);
    let mut removed = Vec::new();
    for (index, parameter) in page.operation.parameters.iter_mut().enumerate() {
        if matches(parameter) && change_field(fix, &mut parameter.field, lang, outcome) {
            removed.push(index);
        }
    }
    remove_indices(&mut page.operation.parameters, &removed);
}

/// Checks a field against the fix and changes it; true when the fix
/// removes it.
fn change_field(fix: &Fix, field: &mut Field, lang: Lang, outcome: &mut Outcome) -> bool {
    if let Err(found) = field_states(&fix.expect, field, lang) {
        outcome.mismatches.push((field.span.clone(), found));
        return false;
    }
    outcome.changed.push(field.span.clone());
    update_field(&fix.update, field, lang, &fix.span);
    fix.remove
}

/// `Ok` when the field states every expected value, else what it states.
fn field_states(expect: &Props, field: &Field, lang: Lang) -> Result<(), String> {
    if let Some(name) = &expect.name
        && &field.name != name
    {
        return Err(format!("name `{}`", field.name));
    }
    if let Some(text) = &expect.type_text
        && !type_matches(text, &field.type_text, &field.ty)
    {
        return Err(format!("type `{}`", field.type_text));
    }
    if let Some(required) = expect.required
        && field.is_required() != required
    {
        return Err(format!("required: {}", field.is_required()));
    }
    if let Some(nullable) = expect.nullable
        && field.constraints.nullable.is_some() != nullable
    {
        return Err(format!(
            "nullable: {}",
            field.constraints.nullable.is_some()
        ));
    }
    if let Some(values) = &expect.enum_values {
        let stated: Vec<&apidoc_ir::Value> = field
            .constraints
            .enum_values
            .iter()
            .map(|v| &v.value)
            .collect();
        if !values
            .iter()
            .map(value_text)
            .eq(stated.into_iter().map(value_text))
        {
            return Err(format!(
                "enum {}",
                enum_text(&field.constraints.enum_values)
            ));
        }
    }
    if let Some(description) = &expect.description {
        let stated = text_in(&field.description, lang);
        if !same_text(stated, description) {
            return Err(format!("description {:?}", stated.unwrap_or_default()));
        }
    }
    Ok(())
}

fn value_text(value: &apidoc_ir::Value) -> String {
    match value {
        apidoc_ir::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn enum_text(values: &[EnumValue]) -> String {
    let items: Vec<String> = values.iter().map(|v| value_text(&v.value)).collect();
    format!("[{}]", items.join(", "))
}

/// A Type cell matches the expected text as written (any spacing or case)
/// or when both name the same type.
fn type_matches(expected: &str, written: &str, ty: &TypeRef) -> bool {
    let squash = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    squash(expected) == squash(written)
        || apidoc_parser::read::types::parse_type(expected).as_ref() == Some(ty)
}

fn update_field(update: &Props, field: &mut Field, lang: Lang, fix_span: &Span) {
    if let Some(name) = &update.name {
        field.name = name.clone();
    }
    if let Some(text) = &update.type_text {
        field.ty = type_of(text);
        field.type_text = text.clone();
    }
    if update.repeat == Some(true) {
        field.ty = TypeRef::Array(Box::new(field.ty.clone()));
        field.type_text = format!("Array of {}", field.type_text);
    }
    if let Some(required) = update.required {
        field.required = Some(required);
    }
    if let Some(nullable) = update.nullable {
        field.constraints.nullable = nullable.then(|| fix_span.clone());
    }
    if let Some(values) = &update.enum_values {
        field.constraints.enum_values = values
            .iter()
            .map(|value| EnumValue {
                value: value.clone(),
                description: Text::default(),
                span: fix_span.clone(),
            })
            .collect();
    }
    if let Some(description) = &update.description {
        set_text(&mut field.description, lang, description);
    }
}

fn new_field(new: &NewField, fix_span: &Span) -> Field {
    Field {
        name: new.name.clone(),
        required: Some(new.required),
        ty: type_of(&new.type_text),
        type_text: new.type_text.clone(),
        description: Text {
            en: new.description.clone(),
            zh: None,
        },
        constraints: Default::default(),
        span: fix_span.clone(),
        degraded: Vec::new(),
    }
}

fn text_in(text: &Text, lang: Lang) -> Option<&str> {
    match lang {
        Lang::En => text.en.as_deref(),
        Lang::Zh => text.zh.as_deref(),
    }
}

fn set_text(text: &mut Text, lang: Lang, value: &str) {
    let slot = match lang {
        Lang::En => &mut text.en,
        Lang::Zh => &mut text.zh,
    };
    *slot = Some(value.to_owned());
}

/// Equal up to spacing.
fn same_text(stated: Option<&str>, expected: &str) -> bool {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    stated.is_some_and(|stated| words(stated) == words(expected))
}

/// The model a type refers to, through arrays and maps.
fn model_name(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Model(name) => Some(name),
        TypeRef::Array(inner) | TypeRef::Map(inner) => model_name(inner),
        _ => None,
    }
}

fn request_roots(page: &Page) -> Vec<String> {
    let Some(body) = &page.operation.request_body else {
        return Vec::new();
    };
    body.variants
        .iter()
        .filter_map(|variant| model_name(&variant.schema).map(str::to_owned))
        .collect()
}

fn response_root(page: &Page, status: u16) -> Option<String> {
    let response = page
        .operation
        .responses
        .iter()
        .find(|r| r.status == status)?;
    model_name(response.body.as_ref()?).map(str::to_owned)
}

/// The (model, field) indices a dotted path reaches from the root models;
/// a model defined twice on the page (a repeated table) gives both.
fn resolve(models: &[Model], roots: &[String], path: &[String]) -> Vec<(usize, usize)> {
    let mut current: Vec<String> = roots.to_vec();
    let mut hits = Vec::new();
    for step in path {
        hits = models
            .iter()
            .enumerate()
            .filter(|(_, model)| current.contains(&model.name))
            .flat_map(|(mi, model)| {
                model
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(_, field)| &field.name == step)
                    .map(move |(fi, _)| (mi, fi))
            })
            .collect();
        current = hits
            .iter()
            .filter_map(|&(mi, fi)| model_name(&models[mi].fields[fi].ty).map(str::to_owned))
            .collect();
    }
    hits
}

fn on_fields(fix: &Fix, page: &mut Page, roots: &[String], path: &[String], outcome: &mut Outcome) {
    let lang = page.lang;
    let hits = resolve(&page.models, roots, path);
    let mut removed = Vec::new();
    let mut grow = Vec::new();
    let mut untyped = Vec::new();
    for (mi, fi) in hits {
        let field = &mut page.models[mi].fields[fi];
        if fix.add.is_some() {
            match (
                field_states(&fix.expect, field, lang),
                model_name(&field.ty),
            ) {
                (Ok(()), Some(model)) => grow.push((model.to_owned(), field.span.clone())),
                (Err(found), _) => outcome.mismatches.push((field.span.clone(), found)),
                (Ok(()), None) if typed_by_a_new_model(&field.ty, "").is_some() => {
                    untyped.push((mi, fi));
                }
                (Ok(()), None) => outcome.mismatches.push((
                    field.span.clone(),
                    format!("type `{}`, not an object", field.type_text),
                )),
            }
            continue;
        }
        if change_field(fix, field, lang, outcome) {
            removed.push((mi, fi));
        }
    }
    for (mi, fi) in removed.into_iter().rev() {
        let field = page.models[mi].fields.remove(fi);
        prune(page, &field.ty);
    }
    grow.extend(give_model(page, &untyped));
    if let Some(new) = &fix.add {
        for (model, span) in grow {
            add_field(fix, new, page, &model, span, outcome);
        }
    }
}

/// The type of a field once a new model `name` describes the objects it
/// holds: `None` unless it holds free-form objects (`Object`, `Array of
/// objects`), which no table describes.
fn typed_by_a_new_model(ty: &TypeRef, name: &str) -> Option<TypeRef> {
    let model = TypeRef::Model(name.to_owned());
    match ty {
        TypeRef::Object => Some(model),
        TypeRef::Array(item) if **item == TypeRef::Object => Some(TypeRef::Array(Box::new(model))),
        _ => None,
    }
}

/// Gives the fields (model and field indices, one field stated in
/// repeated tables) that hold free-form objects a new, empty model, named
/// after the first field's model and name, for a field to be added to.
fn give_model(page: &mut Page, fields: &[(usize, usize)]) -> Option<(String, Span)> {
    let &(mi, fi) = fields.first()?;
    let first = &page.models[mi].fields[fi];
    let span = first.span.clone();
    let name = format!(
        "{}{}",
        page.models[mi].name,
        first.name.to_upper_camel_case()
    );
    let name = unused_name(page, &name);
    for &(mi, fi) in fields {
        let field = &mut page.models[mi].fields[fi];
        if let Some(ty) = typed_by_a_new_model(&field.ty, &name) {
            field.type_text = written_type(&ty);
            field.ty = ty;
        }
    }
    page.models.push(Model {
        name: name.clone(),
        description: Text::default(),
        fields: Vec::new(),
        span: span.clone(),
    });
    Some((name, span))
}

/// Adds a field to every definition of `model` on the page, unless the
/// page documents it already (then the fix is stale).
fn add_field(
    fix: &Fix,
    new: &NewField,
    page: &mut Page,
    model: &str,
    at: Span,
    outcome: &mut Outcome,
) {
    let mut reached = false;
    for definition in page.models.iter_mut().filter(|m| m.name == model) {
        reached = true;
        if definition.fields.iter().any(|f| f.name == new.name) {
            outcome.mismatches.push((
                definition.span.clone(),
                format!("a field `{}` already", new.name),
            ));
            continue;
        }
        definition.fields.push(new_field(new, &fix.span));
        outcome.changed.push(at.clone());
    }
    if !reached {
        outcome
            .mismatches
            .push((at, format!("no table for model `{model}`")));
    }
}

fn on_model(fix: &Fix, page: &mut Page, name: &str, outcome: &mut Outcome) {
    let lang = page.lang;
    let mut found = false;
    for model in page.models.iter_mut().filter(|m| m.name == name) {
        let stated = text_in(&model.description, lang);
        if let Some(expected) = &fix.expect.description
            && !same_text(stated, expected)
        {
            let stated = format!("description {:?}", stated.unwrap_or_default());
            outcome.mismatches.push((model.span.clone(), stated));
            continue;
        }
        found = true;
        if let Some(description) = &fix.update.description {
            set_text(&mut model.description, lang, description);
        }
        if fix.add.is_none() {
            outcome.changed.push(model.span.clone());
        }
    }
    if let Some(new) = &fix.add
        && found
    {
        let at = page.title.span.clone();
        add_field(fix, new, page, name, at, outcome);
    }
    if fix.remove && found {
        page.models.retain(|m| m.name != name);
    }
}

fn on_response(fix: &Fix, page: &mut Page, status: u16, outcome: &mut Outcome) {
    let lang = page.lang;
    let Some(index) = page
        .operation
        .responses
        .iter()
        .position(|r| r.status == status)
    else {
        if let Some(row) = page
            .operation
            .status_codes
            .iter()
            .find(|r| r.status == status)
        {
            outcome
                .mismatches
                .push((row.span.clone(), "no response table".to_owned()));
        }
        return;
    };
    let response = &page.operation.responses[index];
    if let Err(found) = response_states(&fix.expect, response, &page.operation.status_codes, lang) {
        outcome.mismatches.push((response.span.clone(), found));
        return;
    }
    if !reshape(fix, page, Body::Response(index), outcome) {
        return;
    }
    let span = status_span(page, index);
    if let Some(new) = &fix.add {
        match response_root(page, status) {
            Some(model) => add_field(fix, new, page, &model, span, outcome),
            None => outcome.mismatches.push((span, "no body table".to_owned())),
        }
        return;
    }
    update_response(fix, page, index, lang);
    outcome.changed.push(span);
    if fix.remove {
        let response = page.operation.responses.remove(index);
        page.operation
            .status_codes
            .retain(|row| row.status != status);
        if let Some(body) = &response.body {
            prune(page, body);
        }
    }
}

/// A fix of the request body itself, on every body variant of the type
/// it expects.
fn on_request_body(fix: &Fix, page: &mut Page, outcome: &mut Outcome) {
    let variants = page
        .operation
        .request_body
        .as_ref()
        .map_or(0, |body| body.variants.len());
    for index in 0..variants {
        let body = Body::Request(index);
        let span = body.span(page);
        if let Some(expected) = &fix.expect.type_text {
            let stated = body.ty(page);
            if apidoc_parser::read::types::parse_type(expected).as_ref() != stated {
                let found = stated.map(written_type).unwrap_or_default();
                outcome.mismatches.push((span, format!("type `{found}`")));
                continue;
            }
        }
        if !reshape(fix, page, body, outcome) {
            continue;
        }
        match (&fix.add, body.ty(page).and_then(model_name)) {
            (Some(new), Some(model)) => {
                let model = model.to_owned();
                add_field(fix, new, page, &model, span, outcome);
            }
            (Some(_), None) => outcome.mismatches.push((span, "no body table".to_owned())),
            (None, _) => outcome.changed.push(span),
        }
    }
}

/// Where a status is described: its Status Codes row, else its table.
fn status_span(page: &Page, index: usize) -> Span {
    let response = &page.operation.responses[index];
    page.operation
        .status_codes
        .iter()
        .find(|row| row.status == response.status)
        .map_or_else(|| response.span.clone(), |row| row.span.clone())
}

/// A response's description is stated in up to three places (the Status
/// Codes row, the response, the example headings); the expected text must
/// be one of them.
fn response_states(
    expect: &Props,
    response: &Response,
    rows: &[apidoc_ir::StatusCodeDoc],
    lang: Lang,
) -> Result<(), String> {
    if let Some(expected) = &expect.description {
        let mut stated = description_slots(response, rows, lang);
        if !stated.iter().any(|text| same_text(Some(text), expected)) {
            stated.dedup();
            return Err(format!("description {:?}", stated.join(" / ")));
        }
    }
    if let Some(expected) = &expect.type_text {
        let body = response.body.as_ref();
        if apidoc_parser::read::types::parse_type(expected).as_ref() != body {
            return Err(format!("body {body:?}"));
        }
    }
    Ok(())
}

fn description_slots(
    response: &Response,
    rows: &[apidoc_ir::StatusCodeDoc],
    lang: Lang,
) -> Vec<String> {
    let rows = rows
        .iter()
        .filter(|row| row.status == response.status)
        .map(|row| &row.description);
    let examples = response.examples.iter().map(|e| &e.description);
    std::iter::once(&response.description)
        .chain(rows)
        .chain(examples)
        .filter_map(|text| text_in(text, lang).map(str::to_owned))
        .collect()
}

fn update_response(fix: &Fix, page: &mut Page, index: usize, lang: Lang) {
    let op = &mut page.operation;
    let status = op.responses[index].status;
    let (Some(new), Some(old)) = (&fix.update.description, &fix.expect.description) else {
        return;
    };
    let response = &mut op.responses[index];
    let rows = op
        .status_codes
        .iter_mut()
        .filter(|row| row.status == status);
    let texts = std::iter::once(&mut response.description)
        .chain(rows.map(|row| &mut row.description))
        .chain(response.examples.iter_mut().map(|e| &mut e.description));
    for text in texts {
        if same_text(text_in(text, lang), old) {
            set_text(text, lang, new);
        }
    }
}

/// A body of a page's operation that a fix reshapes.
#[derive(Clone, Copy)]
enum Body {
    /// A request body variant, by index.
    Request(usize),
    /// A response, by index.
    Response(usize),
}

impl Body {
    fn ty(self, page: &Page) -> Option<&TypeRef> {
        match self {
            Body::Request(i) => page
                .operation
                .request_body
                .as_ref()
                .map(|body| &body.variants[i].schema),
            Body::Response(i) => page.operation.responses[i].body.as_ref(),
        }
    }

    fn set(self, page: &mut Page, ty: TypeRef) {
        match self {
            Body::Request(i) => {
                if let Some(body) = &mut page.operation.request_body {
                    body.variants[i].schema = ty;
                }
            }
            Body::Response(i) => page.operation.responses[i].body = Some(ty),
        }
    }

    fn span(self, page: &Page) -> Span {
        match self {
            Body::Request(i) => page
                .operation
                .request_body
                .as_ref()
                .map_or_else(|| page.title.span.clone(), |b| b.variants[i].span.clone()),
            Body::Response(i) => page.operation.responses[i].span.clone(),
        }
    }

    /// The name of a model made for the body where it has none.
    fn model_name(self, page: &Page) -> String {
        let id = &page.operation.id;
        match self {
            Body::Request(_) => format!("{id}RequestBody"),
            Body::Response(i) => format!("{id}Response{}Body", page.operation.responses[i].status),
        }
    }
}

/// The changes of a body's type `update` names, in order: `unwrap`, `type`,
/// `repeat`, `wrap`. False (with a mismatch) when the field to unwrap is
/// not there.
fn reshape(fix: &Fix, page: &mut Page, body: Body, outcome: &mut Outcome) -> bool {
    let update = &fix.update;
    if let Some(key) = &update.unwrap
        && !unwrap(page, body, key, outcome)
    {
        return false;
    }
    if let Some(text) = &update.type_text {
        body.set(page, type_of(text));
    }
    if update.repeat == Some(true)
        && let Some(ty) = body.ty(page).cloned()
    {
        body.set(page, TypeRef::Array(Box::new(ty)));
    }
    if let Some(key) = &update.wrap {
        wrap(page, body, key, &fix.span);
    }
    true
}

/// The body becomes the type of its field `key`; the wrapping model goes
/// when nothing else on the page refers to it.
fn unwrap(page: &mut Page, body: Body, key: &str, outcome: &mut Outcome) -> bool {
    let Some(wrapper) = body.ty(page).and_then(model_name).map(str::to_owned) else {
        outcome
            .mismatches
            .push((body.span(page), "no body table".to_owned()));
        return false;
    };
    let inner = page
        .models
        .iter()
        .filter(|m| m.name == wrapper)
        .flat_map(|m| &m.fields)
        .find(|f| f.name == key)
        .map(|f| f.ty.clone());
    let Some(inner) = inner else {
        outcome
            .mismatches
            .push((body.span(page), format!("no field `{key}` in `{wrapper}`")));
        return false;
    };
    body.set(page, inner);
    prune(page, &TypeRef::Model(wrapper));
    true
}

/// The body becomes an object whose one field `key` holds what the body
/// was. The wrapper takes the name of the body's model (what the page calls
/// the body stays the body), which is renamed after the key wherever the
/// page refers to it.
fn wrap(page: &mut Page, body: Body, key: &str, fix_span: &Span) {
    let wrapper = match body.ty(page).and_then(model_name) {
        Some(name) => {
            let name = name.to_owned();
            let renamed = unused_name(page, &format!("{name}{}", key.to_upper_camel_case()));
            apidoc_check::rename_models(page, &BTreeMap::from([(name.clone(), renamed)]));
            name
        }
        None => unused_name(page, &body.model_name(page)),
    };
    let Some(wrapped) = body.ty(page).cloned() else {
        return;
    };
    let field = Field {
        name: key.to_owned(),
        required: Some(true),
        type_text: written_type(&wrapped),
        ty: wrapped,
        description: Text::default(),
        constraints: Default::default(),
        span: fix_span.clone(),
        degraded: Vec::new(),
    };
    page.models.push(Model {
        name: wrapper.clone(),
        description: Text::default(),
        fields: vec![field],
        span: fix_span.clone(),
    });
    body.set(page, TypeRef::Model(wrapper));
}

/// `name`, or `name` with the first number that makes it a name no model
/// of the page has.
fn unused_name(page: &Page, name: &str) -> String {
    apidoc_check::unused_name(name, |candidate| {
        page.models.iter().any(|m| m.name == candidate)
    })
}

/// After a removal: the model `ty` refers to goes when nothing else on
/// the page refers to it, and so on down its fields, so that a removed
/// response or field takes its tables along.
fn prune(page: &mut Page, ty: &TypeRef) {
    let Some(name) = model_name(ty).map(str::to_owned) else {
        return;
    };
    if refers_to(page, &name) {
        return;
    }
    let (gone, kept): (Vec<Model>, Vec<Model>) = std::mem::take(&mut page.models)
        .into_iter()
        .partition(|m| m.name == name);
    page.models = kept;
    for field in gone.iter().flat_map(|m| &m.fields) {
        prune(page, &field.ty);
    }
}

/// True when anything on the page (a body, a response, a field) uses the
/// model.
fn refers_to(page: &Page, name: &str) -> bool {
    let op = &page.operation;
    let bodies = op
        .request_body
        .iter()
        .flat_map(|b| &b.variants)
        .map(|v| &v.schema);
    let responses = op.responses.iter().filter_map(|r| r.body.as_ref());
    let fields = page
        .models
        .iter()
        .filter(|m| m.name != name)
        .flat_map(|m| &m.fields)
        .map(|f| &f.ty);
    bodies
        .chain(responses)
        .chain(fields)
        .any(|ty| model_name(ty) == Some(name))
}

fn remove_indices<T>(items: &mut Vec<T>, indices: &[usize]) {
    for &index in indices.iter().rev() {
        items.remove(index);
    }
}
