//! Comparing two versions of a service operation by operation: which
//! operations match, then parameters, authentication, request body and
//! responses of each matched pair.

use std::collections::{BTreeSet, HashMap, HashSet};

use apidoc_ir::{
    BodyVariant, Operation, ParamLocation, Parameter, Response, Service, Span, TypeRef,
};

use crate::change::{Change, Context, Explanation, Kind, Side, Statement, verdict};
use crate::schema::{Models, Place, RequiredKinds, Walk, array_body, requirement, same_shape};

/// Collects the changes of one operation.
pub(crate) struct Sink {
    operation: String,
    operation_id: String,
    changes: Vec<Change>,
}

impl Sink {
    /// Records a change; its verdict follows from its kind and context.
    pub(crate) fn push(
        &mut self,
        kind: Kind,
        target: String,
        detail: String,
        context: Context,
        (old, new): (Option<&Span>, Option<&Span>),
    ) -> &mut Change {
        self.changes.push(Change {
            kind,
            operation: self.operation.clone(),
            operation_id: self.operation_id.clone(),
            target,
            detail,
            context,
            verdict: verdict(kind, &context),
            old: old.cloned(),
            new: new.cloned(),
            uncertain: Vec::new(),
            folded: false,
        });
        let last = self.changes.len() - 1;
        &mut self.changes[last]
    }
}

impl Sink {
    /// How many changes are recorded.
    pub(crate) fn len(&self) -> usize {
        self.changes.len()
    }

    /// Adds `why` to every change recorded from index `start` on.
    pub(crate) fn explain_since(&mut self, start: usize, why: &[Explanation]) {
        for change in &mut self.changes[start..] {
            change.uncertain.extend_from_slice(why);
        }
    }
}

/// Every change from `old` to `new`, operation by operation: matched
/// operations in the new order, then removed ones.
pub fn diff_service(old: &Service, new: &Service) -> Vec<Change> {
    let models = Models { old, new };
    let mut changes = Vec::new();
    let mut matched = vec![false; old.operations.len()];
    let old_keys: HashMap<_, usize> = old
        .operations
        .iter()
        .enumerate()
        .map(|(i, o)| (key(o), i))
        .collect();
    let new_keys: HashSet<_> = new.operations.iter().map(key).collect();
    for new_op in &new.operations {
        // Same method and path; else the same name at a method and path
        // the new pages no longer have (a moved operation).
        let found = old_keys.get(&key(new_op)).copied().or_else(|| {
            old.operations
                .iter()
                .enumerate()
                .position(|(i, o)| o.id == new_op.id && !matched[i] && !new_keys.contains(&key(o)))
        });
        let mut sink = sink_of(new_op);
        match found {
            Some(i) => {
                matched[i] = true;
                operation(models, &old.operations[i], new_op, &mut sink);
            }
            None => {
                sink.push(
                    Kind::OperationAdded,
                    "operation".to_owned(),
                    format!("`{}` added", new_op.id),
                    Context::on(Side::Request),
                    (None, Some(&new_op.primary().span)),
                );
            }
        }
        changes.extend(sink.changes);
    }
    for (old_op, _) in old.operations.iter().zip(&matched).filter(|(_, m)| !**m) {
        let mut sink = sink_of(old_op);
        sink.push(
            Kind::OperationRemoved,
            "operation".to_owned(),
            format!("`{}` removed", old_op.id),
            Context::on(Side::Request),
            (Some(&old_op.primary().span), None),
        );
        changes.extend(sink.changes);
    }
    changes
}

fn sink_of(op: &Operation) -> Sink {
    let uri = op.primary();
    Sink {
        operation: format!("{} {}", uri.method.as_str(), uri.path),
        operation_id: op.id.clone(),
        changes: Vec::new(),
    }
}

/// Method and path with placeholder names left out: renaming `{id}` to
/// `{server_id}` is the same operation.
fn key(op: &Operation) -> (apidoc_ir::Method, String) {
    let uri = op.primary();
    let mut path = String::with_capacity(uri.path.len());
    let mut inside = false;
    for c in uri.path.chars() {
        match c {
            '{' => {
                inside = true;
                path.push_str("{}");
            }
            '}' => inside = false,
            _ if !inside => path.push(c),
            _ => {}
        }
    }
    (uri.method, path)
}

fn operation(models: Models<'_>, old: &Operation, new: &Operation, sink: &mut Sink) {
    let spans = (Some(&old.primary().span), Some(&new.primary().span));
    let context = Context::on(Side::Request);
    if key(old) != key(new) {
        let (o, n) = (old.primary(), new.primary());
        let detail = format!(
            "`{} {}` → `{} {}`",
            o.method.as_str(),
            o.path,
            n.method.as_str(),
            n.path
        );
        sink.push(
            Kind::OperationMoved,
            "operation".to_owned(),
            detail,
            context,
            spans,
        );
    } else if old.id != new.id {
        let detail = format!("`{}` → `{}`", old.id, new.id);
        // Same method and path: a name the old page did not state was
        // made up by the reader, and the page now names the operation.
        sink.push(
            Kind::OperationRenamed,
            "operation".to_owned(),
            detail,
            context,
            spans,
        )
        .folded = !old.id_is_explicit;
    }
    let mut walk = Walk::new(models, (&old.id, &new.id), sink);
    parameters(&mut walk, old, new);
    security(&mut walk, old, new);
    request_body(&mut walk, old, new);
    responses(&mut walk, old, new);
}

/// A header the SDK runtime sets itself: the authentication ones are
/// compared as security, the others not at all.
fn is_managed(p: &Parameter) -> bool {
    p.location == ParamLocation::Header
        && apidoc_ir::RUNTIME_HEADERS.contains(&p.field.name.to_ascii_lowercase().as_str())
}

fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn location(l: ParamLocation) -> &'static str {
    match l {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}

fn parameter_place(p: &Parameter) -> Place {
    Place::new(
        format!("{} parameter `{}`", location(p.location), p.field.name),
        Side::Request,
    )
}

fn parameters(walk: &mut Walk<'_, '_>, old: &Operation, new: &Operation) {
    let visible = |op: &Operation| {
        op.parameters
            .iter()
            .filter(|p| !is_managed(p))
            .cloned()
            .collect::<Vec<_>>()
    };
    let (old_params, new_params) = (visible(old), visible(new));
    for was in &old_params {
        let Some(is) = new_params
            .iter()
            .find(|p| same_name(&p.field.name, &was.field.name))
        else {
            let mut context = Context::on(Side::Request);
            context.required = was.field.is_required();
            let detail = format!("{} parameter removed", requirement(context.required));
            let target = parameter_place(was).target();
            walk.sink.push(
                Kind::ParameterRemoved,
                target,
                detail,
                context,
                (Some(&was.field.span), Some(&new.primary().span)),
            );
            continue;
        };
        let place = parameter_place(is);
        if was.location != is.location {
            let detail = format!("{} → {}", location(was.location), location(is.location));
            let context = Context::on(Side::Request);
            walk.sink.push(
                Kind::ParameterMoved,
                place.target(),
                detail,
                context,
                (Some(&was.field.span), Some(&is.field.span)),
            );
        }
        walk.required(&was.field, &is.field, &place, RequiredKinds::PARAMETER);
        walk.field(&was.field, &is.field, &place);
    }
    for is in new_params.iter().filter(|p| {
        !old_params
            .iter()
            .any(|o| same_name(&o.field.name, &p.field.name))
    }) {
        let mut context = Context::on(Side::Request);
        context.required = is.field.is_required();
        let detail = format!(
            "{}, type `{}`",
            requirement(context.required),
            is.field.type_text
        );
        let target = parameter_place(is).target();
        walk.sink.push(
            Kind::ParameterAdded,
            target,
            detail,
            context,
            (Some(&old.primary().span), Some(&is.field.span)),
        );
    }
}

/// The ways to authenticate a page documents, by the headers it lists,
/// each with the line of its header.
fn schemes(op: &Operation) -> Vec<(&'static str, &Span)> {
    let header = |names: &[&str]| {
        op.parameters
            .iter()
            .find(|p| {
                p.location == ParamLocation::Header
                    && names.iter().any(|n| same_name(n, &p.field.name))
            })
            .map(|p| &p.field.span)
    };
    [
        ("token (`X-Auth-Token`)", header(&["X-Auth-Token"])),
        (
            "AK/SK (`Authorization`)",
            header(&["Authorization", "X-Sdk-Date"]),
        ),
    ]
    .into_iter()
    .filter_map(|(name, span)| Some((name, span?)))
    .collect()
}

fn security(walk: &mut Walk<'_, '_>, old: &Operation, new: &Operation) {
    let (was, is) = (schemes(old), schemes(new));
    let names = |s: &[(&'static str, &Span)]| s.iter().map(|(n, _)| *n).collect::<BTreeSet<_>>();
    let (was_names, is_names) = (names(&was), names(&is));
    for (name, span) in &was {
        if !is_names.contains(name) {
            let (kind, context) = absent_altogether(
                Kind::SecurityRemoved,
                Kind::NoLongerDocumented,
                is.is_empty(),
                Side::Request,
                Statement::Authentication,
            );
            let detail = format!("{name} no longer documented");
            walk.sink.push(
                kind,
                "authentication".to_owned(),
                detail,
                context,
                (Some(span), Some(&new.primary().span)),
            );
        }
    }
    for (name, span) in &is {
        if !was_names.contains(name) {
            let (kind, context) = absent_altogether(
                Kind::SecurityAdded,
                Kind::NewlyDocumented,
                was.is_empty(),
                Side::Request,
                Statement::Authentication,
            );
            let detail = format!("{name} documented");
            walk.sink.push(
                kind,
                "authentication".to_owned(),
                detail,
                context,
                (Some(&old.primary().span), Some(span)),
            );
        }
    }
}

/// The kind and context of something one version states and the other
/// does not: `documentation` with its [`Statement`] where the other
/// version states nothing of the kind at all (`none_there`), else `change`.
pub(crate) fn absent_altogether(
    change: Kind,
    documentation: Kind,
    none_there: bool,
    side: Side,
    statement: Statement,
) -> (Kind, Context) {
    if none_there {
        (documentation, Context::stating(side, statement))
    } else {
        (change, Context::on(side))
    }
}

fn request_body(walk: &mut Walk<'_, '_>, old: &Operation, new: &Operation) {
    let place = Place::new("request body", Side::Request);
    let mut context = place.context();
    let (old_span, new_span) = (&old.primary().span, &new.primary().span);
    let body_span = |op: &Operation| {
        op.request_body
            .as_ref()
            .and_then(|b| b.variants.first())
            .map(|v| v.span.clone())
    };
    match (&old.request_body, &new.request_body) {
        (None, None) => {}
        (None, Some(only)) | (Some(only), None) => {
            let added = old.request_body.is_none();
            let (kind, spans) = if added {
                (
                    Kind::RequestBodyAdded,
                    (Some(old_span.clone()), body_span(new)),
                )
            } else {
                (
                    Kind::RequestBodyRemoved,
                    (body_span(old), Some(new_span.clone())),
                )
            };
            context.required = only.required;
            let detail = requirement(only.required).to_owned();
            walk.sink.push(
                kind,
                place.target(),
                detail,
                context,
                (spans.0.as_ref(), spans.1.as_ref()),
            );
        }
        (Some(was), Some(is)) => {
            if was.required != is.required {
                let kind = if is.required {
                    Kind::RequestBodyBecameRequired
                } else {
                    Kind::RequestBodyBecameOptional
                };
                context.required = was.required;
                let detail = format!(
                    "{} → {}",
                    requirement(was.required),
                    requirement(is.required)
                );
                walk.sink.push(
                    kind,
                    place.target(),
                    detail,
                    context,
                    (body_span(old).as_ref(), body_span(new).as_ref()),
                );
            }
            variants(walk, &was.variants, &is.variants, &place);
        }
    }
}

/// Compares the alternative bodies of an operation (the "action" APIs
/// document one per page): a single one on each side is the same body
/// whatever its name; otherwise variants match by name, and a variant on
/// one side only is a body added or removed.
fn variants(walk: &mut Walk<'_, '_>, was: &[BodyVariant], is: &[BodyVariant], place: &Place) {
    let single = was.len() == 1 && is.len() == 1;
    for old in was {
        let matched = is.iter().find(|v| single || v.name == old.name);
        match matched {
            Some(new) => body(
                walk,
                (&old.schema, &new.schema),
                place,
                (&old.span, &new.span),
            ),
            None => {
                let target = format!("request body variant `{}`", old.name);
                let context = place.context();
                walk.sink.push(
                    Kind::RequestBodyRemoved,
                    target,
                    "variant removed".to_owned(),
                    context,
                    (Some(&old.span), None),
                );
            }
        }
    }
    for new in is
        .iter()
        .filter(|v| !single && !was.iter().any(|o| o.name == v.name))
    {
        let target = format!("request body variant `{}`", new.name);
        let context = place.context();
        walk.sink.push(
            Kind::RequestBodyAdded,
            target,
            "variant added".to_owned(),
            context,
            (None, Some(&new.span)),
        );
    }
}

/// Compares two body schemas at `place`: one type change when their
/// shapes differ, else the models inside. A body given as the items of an
/// array on one side and as an object with the same fields on the other
/// is one uncertain change (pages write a root array either way), and the
/// objects are compared.
fn body(
    walk: &mut Walk<'_, '_>,
    (old, new): (&TypeRef, &TypeRef),
    place: &Place,
    spans: (&Span, &Span),
) {
    let (old, new) = (
        array_body(walk.models.old, old),
        array_body(walk.models.new, new),
    );
    if same_shape(old, new) {
        walk.types(old, new, place);
        return;
    }
    let objects = match (old, new) {
        (TypeRef::Model(object), TypeRef::Array(items)) => Some((object, items, "object → array")),
        (TypeRef::Array(items), TypeRef::Model(object)) => Some((object, items, "array → object")),
        _ => None,
    }
    .and_then(|(object, items, change)| match &**items {
        TypeRef::Model(item) if walk.models.alike(object, item) => Some((change, object, item)),
        _ => None,
    });
    let Some((change, object, item)) = objects else {
        let detail = "the body's type changed".to_owned();
        walk.sink.push(
            Kind::TypeChanged,
            place.target(),
            detail,
            place.context(),
            (Some(spans.0), Some(spans.1)),
        );
        return;
    };
    let detail = format!("{change} of the same objects");
    walk.sink
        .push(
            Kind::TypeChanged,
            place.target(),
            detail,
            place.context(),
            (Some(spans.0), Some(spans.1)),
        )
        .uncertain
        .push(Explanation {
            version: None,
            code: "root-array-written-as-object".to_owned(),
            message: format!(
                "one page gives the objects (`{object}`) as the body, the other as the items of \
                 an array (`{item}`): pages write a root array either way"
            ),
            span: None,
        });
    let (old_model, new_model) = if change.starts_with("object") {
        (object, item)
    } else {
        (item, object)
    };
    walk.types(
        &TypeRef::Model(old_model.clone()),
        &TypeRef::Model(new_model.clone()),
        place,
    );
}

fn responses(walk: &mut Walk<'_, '_>, old: &Operation, new: &Operation) {
    let success = |r: &Response| (200..300).contains(&r.status);
    // Whether an operation documents a status of the same class (success
    // or error) as `r`.
    let documents_class =
        |op: &Operation, r: &Response| op.responses.iter().any(|o| success(o) == success(r));
    for was in &old.responses {
        let Some(is) = new.responses.iter().find(|r| r.status == was.status) else {
            let (kind, mut context) = absent_altogether(
                Kind::StatusRemoved,
                Kind::NoLongerDocumented,
                !documents_class(new, was),
                Side::Response,
                Statement::Status,
            );
            context.success = success(was);
            let detail = format!("status {} no longer documented", was.status);
            walk.sink.push(
                kind,
                format!("response {}", was.status),
                detail,
                context,
                (Some(&was.span), Some(&new.primary().span)),
            );
            continue;
        };
        let mut context = Context::on(Side::Response);
        context.success = success(was);
        response(walk, was, is, context);
    }
    for is in new
        .responses
        .iter()
        .filter(|r| !old.responses.iter().any(|o| o.status == r.status))
    {
        let (kind, mut context) = absent_altogether(
            Kind::StatusAdded,
            Kind::NewlyDocumented,
            !documents_class(old, is),
            Side::Response,
            Statement::Status,
        );
        context.success = success(is);
        let detail = format!("status {} documented", is.status);
        walk.sink.push(
            kind,
            format!("response {}", is.status),
            detail,
            context,
            (Some(&old.primary().span), Some(&is.span)),
        );
    }
}

fn response(walk: &mut Walk<'_, '_>, was: &Response, is: &Response, context: Context) {
    let status = was.status;
    for old_header in &was.headers {
        let place = Place::new(
            format!("response {status} header `{}`", old_header.name),
            Side::Response,
        );
        match is
            .headers
            .iter()
            .find(|h| same_name(&h.name, &old_header.name))
        {
            Some(new_header) => walk.field(old_header, new_header, &place),
            None => {
                let (kind, header_context) = absent_altogether(
                    Kind::HeaderRemoved,
                    Kind::NoLongerDocumented,
                    is.headers.is_empty(),
                    Side::Response,
                    Statement::Header,
                );
                let detail = if kind == Kind::HeaderRemoved {
                    "header removed"
                } else {
                    "header no longer documented"
                };
                walk.sink.push(
                    kind,
                    place.target(),
                    detail.to_owned(),
                    Context {
                        success: context.success,
                        ..header_context
                    },
                    (Some(&old_header.span), Some(&is.span)),
                );
            }
        }
    }
    for new_header in is
        .headers
        .iter()
        .filter(|h| !was.headers.iter().any(|o| same_name(&o.name, &h.name)))
    {
        let place = Place::new(
            format!("response {status} header `{}`", new_header.name),
            Side::Response,
        );
        let detail = format!("type `{}`", new_header.type_text);
        let (kind, header_context) = absent_altogether(
            Kind::HeaderAdded,
            Kind::NewlyDocumented,
            was.headers.is_empty(),
            Side::Response,
            Statement::Header,
        );
        walk.sink.push(
            kind,
            place.target(),
            detail,
            Context {
                success: context.success,
                ..header_context
            },
            (Some(&was.span), Some(&new_header.span)),
        );
    }
    let place = Place::new(format!("response {status} body"), Side::Response);
    let kind = match (&was.body, &is.body) {
        (None, None) => return,
        (None, Some(_)) => Kind::ResponseBodyAdded,
        (Some(_), None) => Kind::ResponseBodyRemoved,
        (Some(old_body), Some(new_body)) => {
            return body(walk, (old_body, new_body), &place, (&was.span, &is.span));
        }
    };
    let detail = if kind == Kind::ResponseBodyAdded {
        "body documented"
    } else {
        "body no longer documented"
    };
    walk.sink.push(
        kind,
        place.target(),
        detail.to_owned(),
        context,
        (Some(&was.span), Some(&is.span)),
    );
}
