//! Comparing one field, parameter or header with its new version, and
//! the objects inside it: type, listed values, ranges, lengths, sizes,
//! `null`, default, and the fields of nested models.

use std::collections::BTreeSet;

use apidoc_ir::{Constraints, Fact, Field, Model, Number, Service, Span, TypeRef, Value};

use crate::change::{Context, Explanation, Kind, Side, Statement, Version};
use crate::compare::Sink;
use crate::compare::absent_altogether;

/// Where a compared value sits: "request body" and a path inside it
/// (`items[].name`), or a parameter's whole label.
#[derive(Clone, Debug)]
pub(crate) struct Place {
    /// What the path is inside: "request body", "query parameter `limit`".
    pub(crate) prefix: String,
    /// The path of fields inside it, empty for the value itself.
    pub(crate) path: String,
    /// Which way it travels.
    pub(crate) side: Side,
}

impl Place {
    /// The value itself of `prefix`.
    pub(crate) fn new(prefix: impl Into<String>, side: Side) -> Self {
        Self {
            prefix: prefix.into(),
            path: String::new(),
            side,
        }
    }

    /// The place one step further down: a field name, `[]` or `{}`.
    fn child(&self, step: &str) -> Self {
        let path = match (self.path.is_empty(), step.starts_with(['[', '{'])) {
            (true, _) | (false, true) => format!("{}{step}", self.path),
            (false, false) => format!("{}.{step}", self.path),
        };
        Self {
            path,
            ..self.clone()
        }
    }

    /// The label of the place in a change.
    pub(crate) fn target(&self) -> String {
        if self.path.is_empty() {
            self.prefix.clone()
        } else {
            format!("{} `{}`", self.prefix, self.path)
        }
    }

    /// A context on this place's side.
    pub(crate) fn context(&self) -> Context {
        Context::on(self.side)
    }
}

/// The two services whose models the walk looks up.
#[derive(Clone, Copy)]
pub(crate) struct Models<'a> {
    pub(crate) old: &'a Service,
    pub(crate) new: &'a Service,
}

impl Models<'_> {
    /// True when the old model `old` and the new model `new` share at
    /// least half the fields of the smaller one (by name): the same
    /// objects, whatever else changed.
    pub(crate) fn alike(&self, old: &str, new: &str) -> bool {
        let (Some(old), Some(new)) = (self.old.model(old), self.new.model(new)) else {
            return false;
        };
        let shared = old
            .fields
            .iter()
            .filter(|o| new.fields.iter().any(|n| n.name == o.name))
            .count();
        shared > 0 && 2 * shared >= old.fields.len().min(new.fields.len())
    }
}

/// The type a body really has: a model whose only field is an array with
/// a name no JSON member has (`[数组元素]`, `[array]`, `-`: a page's way of
/// writing "the body is an array of") is that array.
pub(crate) fn array_body<'a>(service: &'a Service, body: &'a TypeRef) -> &'a TypeRef {
    let TypeRef::Model(name) = body else {
        return body;
    };
    match service.model(name).map(|m| m.fields.as_slice()) {
        Some([only])
            if matches!(only.ty, TypeRef::Array(_))
                && (only.name.starts_with(['[', '［'])
                    || !only.name.chars().any(char::is_alphanumeric)) =>
        {
            &only.ty
        }
        _ => body,
    }
}

/// A walk over the schemas of one operation: the model pairs already
/// compared, so that recursive or repeated models are compared once.
pub(crate) struct Walk<'a, 's> {
    pub(crate) models: Models<'a>,
    /// The operation names, old and new: objects named after the
    /// operation are renamed with it, which the operation's own change
    /// already says.
    operation_ids: (&'a str, &'a str),
    pub(crate) sink: &'s mut Sink,
    seen: BTreeSet<(String, String)>,
}

impl<'a, 's> Walk<'a, 's> {
    /// A walk of one operation.
    pub(crate) fn new(
        models: Models<'a>,
        operation_ids: (&'a str, &'a str),
        sink: &'s mut Sink,
    ) -> Self {
        Self {
            models,
            operation_ids,
            sink,
            seen: BTreeSet::new(),
        }
    }

    /// Compares a parameter, field or header (already matched by name)
    /// at `place`; a changed type is one change, otherwise its listed
    /// values, constraints and nested fields are compared.
    pub(crate) fn field(&mut self, old: &Field, new: &Field, place: &Place) {
        let before = self.sink.len();
        self.compare_field(old, new, place);
        // A part the reader degraded on either side (a type it could not
        // read, a value list it left out) explains what changed here.
        let degraded = [(Version::Old, old), (Version::New, new)]
            .into_iter()
            .flat_map(|(version, f)| f.degraded.iter().map(move |d| (version, d)));
        let explanations: Vec<Explanation> = degraded
            .map(|(version, d)| Explanation {
                version: Some(version),
                code: d.code.clone(),
                message: format!("`{}` read as {}", d.stated, d.written),
                span: Some(d.span.clone()),
            })
            .collect();
        if !explanations.is_empty() {
            self.sink.explain_since(before, &explanations);
        }
    }

    fn compare_field(&mut self, old: &Field, new: &Field, place: &Place) {
        if !same_shape(&old.ty, &new.ty) {
            self.type_changed(old, new, place);
            return;
        }
        let mut context = place.context();
        context.required = old.is_required();
        context.rust_enum = leaf(&new.ty) == &TypeRef::String;
        let spans = (&old.span, &new.span);
        self.enums(&old.constraints, &new.constraints, place, context, spans);
        self.constraints(&old.constraints, &new.constraints, place, context, spans);
        self.types(&old.ty, &new.ty, place);
    }

    /// A parameter, field or header whose type changed: the same Type
    /// cell read two ways (uncertain), an object the pages now describe or
    /// no longer describe (documentation), or a type change.
    fn type_changed(&mut self, old: &Field, new: &Field, place: &Place) {
        let detail = format!("type `{}` → `{}`", old.type_text, new.type_text);
        let spans = (Some(&old.span), Some(&new.span));
        if old.type_text.trim() == new.type_text.trim() {
            // The reader linked a table, or took a value list, on one
            // side only.
            let explanation = Explanation {
                version: None,
                code: "type-read-differently".to_owned(),
                message: format!(
                    "both pages write the type `{}`, read as {} and as {}",
                    new.type_text.trim(),
                    type_name(&old.ty),
                    type_name(&new.ty)
                ),
                span: None,
            };
            let change = self.sink.push(
                Kind::TypeChanged,
                place.target(),
                detail,
                place.context(),
                spans,
            );
            change.uncertain.push(explanation);
        } else if let Some(kind) = schema_statement(&old.ty, &new.ty) {
            let context = Context::stating(place.side, Statement::Schema);
            self.sink.push(kind, place.target(), detail, context, spans);
        } else {
            let mut context = place.context();
            context.widening = widens(&old.ty, &new.ty);
            context.narrowing = widens(&new.ty, &old.ty);
            self.sink
                .push(Kind::TypeChanged, place.target(), detail, context, spans);
        }
    }

    /// Compares the types of a body, or the inside of a field's type,
    /// whose shapes agree: model names and the fields of models.
    pub(crate) fn types(&mut self, old: &TypeRef, new: &TypeRef, place: &Place) {
        match (old, new) {
            (TypeRef::Array(old), TypeRef::Array(new)) => self.types(old, new, &place.child("[]")),
            (TypeRef::Map(old), TypeRef::Map(new)) => self.types(old, new, &place.child("{}")),
            (TypeRef::Model(old), TypeRef::Model(new)) => self.model(old, new, place),
            _ => {}
        }
    }

    fn model(&mut self, old_name: &str, new_name: &str, place: &Place) {
        let (Some(old), Some(new)) = (
            self.models.old.model(old_name),
            self.models.new.model(new_name),
        ) else {
            return;
        };
        let (old_id, new_id) = self.operation_ids;
        let follows_operation = old_name
            .strip_prefix(old_id)
            .is_some_and(|rest| new_name.strip_prefix(new_id) == Some(rest));
        if old_name != new_name && !follows_operation {
            self.sink
                .push(
                    Kind::ModelRenamed,
                    place.target(),
                    format!("object `{old_name}` → `{new_name}`"),
                    place.context(),
                    (Some(&old.span), Some(&new.span)),
                )
                .folded = (derived_name(self.models.old, old_name)
                || derived_name(self.models.new, new_name))
                && same_fields(old, new);
        }
        if self.seen.insert((old_name.to_owned(), new_name.to_owned())) {
            self.fields(old, new, place);
        }
    }

    fn fields(&mut self, old: &Model, new: &Model, place: &Place) {
        for old_field in &old.fields {
            let Some(new_field) = new.fields.iter().find(|f| f.name == old_field.name) else {
                let mut context = place.context();
                context.required = old_field.is_required();
                self.sink.push(
                    Kind::FieldRemoved,
                    place.child(&old_field.name).target(),
                    requirement(old_field.is_required()).to_owned(),
                    context,
                    (Some(&old_field.span), Some(&new.span)),
                );
                continue;
            };
            let child = place.child(&old_field.name);
            self.required(old_field, new_field, &child, RequiredKinds::FIELD);
            self.field(old_field, new_field, &child);
        }
        for new_field in &new.fields {
            if !old.fields.iter().any(|f| f.name == new_field.name) {
                let mut context = place.context();
                context.required = new_field.is_required();
                self.sink.push(
                    Kind::FieldAdded,
                    place.child(&new_field.name).target(),
                    format!(
                        "{}, type `{}`",
                        requirement(new_field.is_required()),
                        new_field.type_text
                    ),
                    context,
                    (Some(&old.span), Some(&new_field.span)),
                );
            }
        }
    }

    /// A change of the Mandatory column.
    pub(crate) fn required(
        &mut self,
        old: &Field,
        new: &Field,
        place: &Place,
        kinds: RequiredKinds,
    ) {
        let (was, is) = (old.is_required(), new.is_required());
        if was == is {
            return;
        }
        let kind = if is {
            kinds.became_required
        } else {
            kinds.became_optional
        };
        let mut context = place.context();
        context.required = was;
        self.sink.push(
            kind,
            place.target(),
            format!("{} → {}", requirement(was), requirement(is)),
            context,
            (Some(&old.span), Some(&new.span)),
        );
    }

    fn enums(
        &mut self,
        old: &Constraints,
        new: &Constraints,
        place: &Place,
        context: Context,
        spans: (&Span, &Span),
    ) {
        let old_values: Vec<_> = old
            .enum_values
            .iter()
            .map(|e| (&e.value, &e.span))
            .collect();
        let new_values: Vec<_> = new
            .enum_values
            .iter()
            .map(|e| (&e.value, &e.span))
            .collect();
        let missing = |from: &[(&Value, &Span)], to: &[(&Value, &Span)]| -> Vec<(String, Span)> {
            from.iter()
                .filter(|(v, _)| !to.iter().any(|(w, _)| w == v))
                .map(|(v, span)| (value_text(v), (*span).clone()))
                .collect()
        };
        let removed = missing(&old_values, &new_values);
        let added = missing(&new_values, &old_values);
        // A list where the other version lists no value at all is what
        // the pages state, not a change of the allowed values.
        let values = |change: Kind, documentation: Kind, none_there: bool| {
            let (kind, stated) = absent_altogether(
                change,
                documentation,
                none_there,
                place.side,
                Statement::Values,
            );
            let context = Context {
                statement: stated.statement,
                ..context
            };
            (kind, context)
        };
        if !removed.is_empty() {
            let (kind, context) = values(
                Kind::EnumValueRemoved,
                Kind::NoLongerDocumented,
                new_values.is_empty(),
            );
            let detail = format!("values no longer listed: {}", list(&removed));
            self.sink.push(
                kind,
                place.target(),
                detail,
                context,
                (Some(&removed[0].1), Some(spans.1)),
            );
        }
        if !added.is_empty() {
            let (kind, context) = values(
                Kind::EnumValueAdded,
                Kind::NewlyDocumented,
                old_values.is_empty(),
            );
            let verb = if old_values.is_empty() {
                "listed"
            } else {
                "added"
            };
            let detail = format!("values {verb}: {}", list(&added));
            self.sink.push(
                kind,
                place.target(),
                detail,
                context,
                (Some(spans.0), Some(&added[0].1)),
            );
        }
    }

    fn constraints(
        &mut self,
        old: &Constraints,
        new: &Constraints,
        place: &Place,
        context: Context,
        spans: (&Span, &Span),
    ) {
        let number = |f: &Option<Fact<Number>>| {
            f.as_ref().map(|f| {
                (
                    f.value.as_f64().unwrap_or(0.0),
                    f.value.to_string(),
                    f.span.clone(),
                )
            })
        };
        let count = |f: &Option<Fact<u64>>| {
            f.as_ref()
                .map(|f| (f.value as f64, f.value.to_string(), f.span.clone()))
        };
        let families = [
            (
                "",
                Kind::RangeTightened,
                Kind::RangeLoosened,
                [number(&old.minimum), number(&old.maximum)],
                [number(&new.minimum), number(&new.maximum)],
            ),
            (
                " length",
                Kind::LengthTightened,
                Kind::LengthLoosened,
                [count(&old.min_length), count(&old.max_length)],
                [count(&new.min_length), count(&new.max_length)],
            ),
            (
                " items",
                Kind::ItemsTightened,
                Kind::ItemsLoosened,
                [count(&old.min_items), count(&old.max_items)],
                [count(&new.min_items), count(&new.max_items)],
            ),
        ];
        for (unit, tightened, loosened, was, is) in families {
            for ((bound, was), is) in [Bound::Lower, Bound::Upper].into_iter().zip(was).zip(is) {
                let Some(tighter) =
                    bound.tighter(was.as_ref().map(|b| b.0), is.as_ref().map(|b| b.0))
                else {
                    continue;
                };
                // A bound one version does not state at all is what the
                // pages state, not a change of the range.
                let stated = Context {
                    statement: Some(Statement::Constraint),
                    ..context
                };
                let (kind, context, detail) = match (&was, &is) {
                    (Some(was), Some(is)) => (
                        if tighter { tightened } else { loosened },
                        context,
                        format!("{}{unit} {} → {}", bound.name(), was.1, is.1),
                    ),
                    (None, Some(is)) => (
                        Kind::NewlyDocumented,
                        stated,
                        format!("{}{unit} {} now stated", bound.name(), is.1),
                    ),
                    (Some(was), None) => (
                        Kind::NoLongerDocumented,
                        stated,
                        format!("{}{unit} {} no longer stated", bound.name(), was.1),
                    ),
                    (None, None) => continue,
                };
                let old_span = was.as_ref().map_or(spans.0, |b| &b.2);
                let new_span = is.as_ref().map_or(spans.1, |b| &b.2);
                self.sink.push(
                    kind,
                    place.target(),
                    detail,
                    context,
                    (Some(old_span), Some(new_span)),
                );
            }
        }
        self.nullable(old, new, place, context, spans);
        self.default(old, new, place, context, spans);
    }

    fn nullable(
        &mut self,
        old: &Constraints,
        new: &Constraints,
        place: &Place,
        context: Context,
        spans: (&Span, &Span),
    ) {
        if old.nullable.is_some() == new.nullable.is_some() {
            return;
        }
        let (kind, detail) = match new.nullable {
            Some(_) => (Kind::BecameNullable, "`null` allowed"),
            None => (Kind::NoLongerNullable, "`null` no longer allowed"),
        };
        let old_span = old.nullable.as_ref().unwrap_or(spans.0);
        let new_span = new.nullable.as_ref().unwrap_or(spans.1);
        self.sink.push(
            kind,
            place.target(),
            detail.to_owned(),
            context,
            (Some(old_span), Some(new_span)),
        );
    }

    fn default(
        &mut self,
        old: &Constraints,
        new: &Constraints,
        place: &Place,
        context: Context,
        spans: (&Span, &Span),
    ) {
        let default = |c: &Constraints| {
            c.default
                .as_ref()
                .map(|d| (value_text(&d.value), d.span.clone()))
        };
        let (was, is) = (default(old), default(new));
        if was.as_ref().map(|d| &d.0) == is.as_ref().map(|d| &d.0) {
            return;
        }
        let text =
            |d: &Option<(String, Span)>| d.as_ref().map_or("none".to_owned(), |d| d.0.clone());
        let detail = format!("default {} → {}", text(&was), text(&is));
        let old_span = was.as_ref().map_or(spans.0, |d| &d.1);
        let new_span = is.as_ref().map_or(spans.1, |d| &d.1);
        self.sink.push(
            Kind::DefaultChanged,
            place.target(),
            detail,
            context,
            (Some(old_span), Some(new_span)),
        );
    }
}

/// The kinds a change of the Mandatory column is reported as.
#[derive(Clone, Copy)]
pub(crate) struct RequiredKinds {
    became_required: Kind,
    became_optional: Kind,
}

impl RequiredKinds {
    /// For body fields.
    pub(crate) const FIELD: Self = Self {
        became_required: Kind::FieldBecameRequired,
        became_optional: Kind::FieldBecameOptional,
    };
    /// For path, query and header parameters.
    pub(crate) const PARAMETER: Self = Self {
        became_required: Kind::ParameterBecameRequired,
        became_optional: Kind::ParameterBecameOptional,
    };
}

/// Which end of a range a bound is.
#[derive(Clone, Copy)]
enum Bound {
    Lower,
    Upper,
}

impl Bound {
    /// "minimum" or "maximum".
    fn name(self) -> &'static str {
        match self {
            Self::Lower => "minimum",
            Self::Upper => "maximum",
        }
    }

    /// `Some(true)` when the new bound admits fewer values, `Some(false)`
    /// when more, `None` when the same.
    fn tighter(self, old: Option<f64>, new: Option<f64>) -> Option<bool> {
        match (old, new) {
            (None, None) => None,
            (None, Some(_)) => Some(true),
            (Some(_), None) => Some(false),
            (Some(a), Some(b)) if a == b => None,
            (Some(a), Some(b)) => Some(match self {
                Self::Lower => b > a,
                Self::Upper => b < a,
            }),
        }
    }
}

/// "mandatory" or "optional".
pub(crate) fn requirement(required: bool) -> &'static str {
    if required { "mandatory" } else { "optional" }
}

/// True when the types agree but for model names (which the walk
/// compares as models).
pub(crate) fn same_shape(old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::Model(_), TypeRef::Model(_)) => true,
        (TypeRef::Array(old), TypeRef::Array(new)) | (TypeRef::Map(old), TypeRef::Map(new)) => {
            same_shape(old, new)
        }
        _ => old == new,
    }
}

/// True when the reader made the model name up: it names no table or
/// Type cell of the page but is an operation's name followed by the
/// field or part it describes (`ListThingsItems`), as the reader names an
/// uncaptioned table.
fn derived_name(service: &Service, name: &str) -> bool {
    service
        .operations
        .iter()
        .any(|op| name.len() > op.id.len() && name.starts_with(&op.id))
}

/// True when two models have the same field names: the same objects,
/// so a rename of one is a rename only (changes of its fields are
/// changes of their own).
fn same_fields(old: &Model, new: &Model) -> bool {
    old.fields.len() == new.fields.len()
        && old
            .fields
            .iter()
            .all(|o| new.fields.iter().any(|n| n.name == o.name))
}

/// [`Kind::NewlyDocumented`] when the old type is free-form where the new
/// one names a model (`Object` → `Quota object`, `Array` → `Array of Pool
/// objects`): the pages now say what the objects hold.
/// [`Kind::NoLongerDocumented`] the other way round.
fn schema_statement(old: &TypeRef, new: &TypeRef) -> Option<Kind> {
    if describes(new, old) {
        Some(Kind::NewlyDocumented)
    } else if describes(old, new) {
        Some(Kind::NoLongerDocumented)
    } else {
        None
    }
}

/// True when `described` is `free_form` with a model where it has a
/// free-form object, through arrays and maps.
fn describes(described: &TypeRef, free_form: &TypeRef) -> bool {
    match (described, free_form) {
        (TypeRef::Model(_), TypeRef::Object) => true,
        (TypeRef::Array(d), TypeRef::Array(f)) | (TypeRef::Map(d), TypeRef::Map(f)) => {
            describes(d, f)
        }
        _ => false,
    }
}

/// True when every value of `old` is a value of `new` (integer → long →
/// number), through arrays and maps.
fn widens(old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::Array(old), TypeRef::Array(new)) | (TypeRef::Map(old), TypeRef::Map(new)) => {
            widens(old, new)
        }
        (TypeRef::Integer, TypeRef::Long | TypeRef::Number) | (TypeRef::Long, TypeRef::Number) => {
            true
        }
        _ => false,
    }
}

/// A type as the IR holds it: `string`, `array of Widget`.
fn type_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Array(inner) => format!("array of {}", type_name(inner)),
        TypeRef::Map(inner) => format!("map of {}", type_name(inner)),
        TypeRef::Model(name) => format!("`{name}`"),
        TypeRef::Object => "a free-form object".to_owned(),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// The element type under arrays and maps.
fn leaf(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Array(inner) | TypeRef::Map(inner) => leaf(inner),
        other => other,
    }
}

/// A value as the pages write it: strings bare, anything else as JSON.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// "`A`, `B`".
fn list(values: &[(String, Span)]) -> String {
    values
        .iter()
        .map(|(v, _)| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
