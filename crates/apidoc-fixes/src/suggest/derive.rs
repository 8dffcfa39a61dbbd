//! The rules: which fix one finding of an example calls for, if any.
//!
//! Each rule reads the example's values at the finding's path beside the
//! type the tables give there, and drafts a fix only where the example
//! shows one clear correction: a field it names otherwise (singular and
//! plural, or another spelling), a body it wraps in a list or unwraps, a
//! list where the table says one value (or the reverse), `null` where the
//! table does not allow it, a member with a plain value that no table
//! lists. Whether the fix really answers the example, and contradicts
//! nothing else on the pages, is for the trial to show (`super::trial`).

use std::collections::BTreeSet;

use apidoc_check::{CheckedExample, Disagreement, ExampleFinding, ExampleOf, Step, value_fits};
use apidoc_ir::{Field, Model, Page, TypeRef, Value};

use super::evidence::Evidence;
use super::names::{close, plural_of, related};
use super::{FindingKey, Kind};
use crate::format::{Fix, NewField, Place, Props, Target, type_of, written_type};

/// A drafted fix, before its trial.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub kind: Kind,
    pub fix: Fix,
    /// The finding the fix must answer.
    pub answers: FindingKey,
    /// Where new findings may appear once it applies: strictly below this
    /// path, in the examples of the same body (a wrapped list's items, a
    /// renamed member's contents are walked for the first time).
    pub scope: Vec<Step>,
}

/// What a rule concluded about one finding.
pub(super) enum Derived {
    Candidate(Box<Candidate>),
    /// No fix, and why.
    Declined(FindingKey, String),
}

/// One JSON example of an operation's page, with what the checks found.
pub(super) struct Example<'a> {
    pub page: &'a Page,
    /// How a fix names the operation.
    pub operation: &'a str,
    pub checked: &'a CheckedExample<'a>,
    /// The models that other pages of the page's language define too: a
    /// fix of one of them names the model, so that every page defining it
    /// changes alike.
    pub shared: &'a BTreeSet<String>,
    /// What the service's examples show of each field.
    pub evidence: &'a Evidence,
}

/// The values at a path of an example, and what the tables say there.
struct Node<'a> {
    /// The values (every item of the arrays on the way), `null` included.
    values: Vec<&'a Value>,
    /// The documented type, where the tables give one.
    ty: Option<&'a TypeRef>,
    /// The field of a model the last step names, if it does.
    field: Option<&'a Field>,
    /// The model of that field.
    owner: Option<&'a Model>,
    /// The path as field names only (a fix's dotted path): map entries and
    /// list items leave no step.
    fields: Vec<String>,
}

impl Example<'_> {
    fn key(&self, finding: &ExampleFinding) -> FindingKey {
        FindingKey {
            example: self.checked.span.clone(),
            disagreement: finding.disagreement,
            path: finding.path.clone(),
        }
    }

    fn models(&self) -> &[Model] {
        &self.page.models
    }

    fn model(&self, ty: &TypeRef) -> Option<&Model> {
        let TypeRef::Model(name) = ty else {
            return None;
        };
        self.models().iter().find(|m| &m.name == name)
    }

    fn locate(&self, path: &[Step]) -> Node<'_> {
        let mut node = Node {
            values: self.checked.body.into_iter().collect(),
            ty: self.checked.schema,
            field: None,
            owner: None,
            fields: Vec::new(),
        };
        for step in path {
            let ty = node.ty;
            node = match step {
                Step::Key(key) => {
                    let values = node.values.iter().filter_map(|v| v.get(key)).collect();
                    let mut fields = node.fields;
                    match ty {
                        Some(TypeRef::Model(_)) => {
                            let owner = ty.and_then(|ty| self.model(ty));
                            let field =
                                owner.and_then(|m| m.fields.iter().find(|f| &f.name == key));
                            fields.push(key.clone());
                            Node {
                                values,
                                ty: field.map(|f| &f.ty),
                                field,
                                owner,
                                fields,
                            }
                        }
                        Some(TypeRef::Map(inner)) => Node {
                            values,
                            ty: Some(inner),
                            field: None,
                            owner: None,
                            fields,
                        },
                        _ => Node {
                            values,
                            ty: None,
                            field: None,
                            owner: None,
                            fields,
                        },
                    }
                }
                Step::Item => Node {
                    values: node
                        .values
                        .iter()
                        .filter_map(|v| v.as_array())
                        .flatten()
                        .collect(),
                    ty: match ty {
                        Some(TypeRef::Array(inner)) => Some(inner),
                        _ => None,
                    },
                    field: None,
                    owner: None,
                    fields: node.fields,
                },
            };
        }
        node
    }

    /// True when `value` is of `ty`'s JSON kind and, for a model, an
    /// object sharing a field with its table (or either is empty): enough
    /// to say the value is what the table describes.
    fn fits(&self, value: &Value, ty: &TypeRef) -> bool {
        if !value_fits(ty, value) {
            return false;
        }
        match (self.model(ty), value) {
            (Some(model), Value::Object(members)) => {
                members.is_empty()
                    || model.fields.is_empty()
                    || members
                        .keys()
                        .any(|key| model.fields.iter().any(|f| &f.name == key))
            }
            _ => true,
        }
    }

    fn all_fit(&self, values: &[&Value], ty: &TypeRef) -> bool {
        values.iter().all(|value| self.fits(value, ty))
    }

    /// The target of the field of `owner` at the dotted path `fields`
    /// of this example's body (the last step names the field).
    fn field_target(&self, owner: &Model, fields: &[String]) -> Target {
        match fields.split_last() {
            Some((field, _)) if self.shared.contains(&owner.name) => {
                Self::by_model(owner, std::slice::from_ref(field))
            }
            _ => self.by_path(owner, fields),
        }
    }

    /// The target of the table `model` of the object at the dotted path
    /// `fields` of this example's body (to add a field to).
    fn table_target(&self, model: &Model, fields: &[String]) -> Target {
        if self.shared.contains(&model.name) {
            Self::by_model(model, &[])
        } else {
            self.by_path(model, fields)
        }
    }

    /// By the model, on every page defining it: a table other pages share
    /// changes alike everywhere.
    fn by_model(model: &Model, path: &[String]) -> Target {
        Target {
            operation: None,
            lang: None,
            place: Place::Model {
                name: model.name.clone(),
                path: path.to_vec(),
            },
        }
    }

    /// By the operation and the path in its body (a request body's own
    /// table by its model, on the operation's pages: a target cannot name
    /// the request body itself).
    fn by_path(&self, model: &Model, fields: &[String]) -> Target {
        let place = match self.checked.of {
            ExampleOf::Request if fields.is_empty() => Place::Model {
                name: model.name.clone(),
                path: Vec::new(),
            },
            ExampleOf::Request => Place::Request {
                path: fields.to_vec(),
            },
            ExampleOf::Response(status) => Place::Response {
                status,
                path: fields.to_vec(),
            },
        };
        Target {
            operation: Some(self.operation.to_owned()),
            lang: None,
            place,
        }
    }

    fn fix(&self, target: Target, expect: Props, update: Props, reason: String) -> Fix {
        Fix {
            span: self.checked.span.clone(),
            target,
            expect,
            update,
            remove: false,
            add: None,
            reason,
            suggested: true,
        }
    }

    fn candidate(
        &self,
        kind: Kind,
        fix: Fix,
        answers: &ExampleFinding,
        scope: Vec<Step>,
    ) -> Derived {
        Derived::Candidate(Box::new(Candidate {
            kind,
            fix,
            answers: self.key(answers),
            scope,
        }))
    }

    fn declined(&self, finding: &ExampleFinding, why: impl Into<String>) -> Derived {
        Derived::Declined(self.key(finding), why.into())
    }

    /// "example response 200 at `svc/page.md:97`".
    fn shown(&self) -> String {
        format!("the example {} at `{}`", self.checked.of, self.checked.span)
    }
}

/// Why an example that is not JSON gets no suggestion.
pub(super) const NOT_JSON: &str = "the example is not JSON, so it shows nothing a fix could follow";

/// What the rules make of one example's findings.
pub(super) fn derive(example: &Example<'_>) -> Vec<Derived> {
    let mut out = Vec::new();
    let findings = &example.checked.findings;
    let reshaped = reshape_body(example);
    let body_reshaped = reshaped.is_some();
    out.extend(reshaped);
    for finding in findings {
        let derived = match finding.disagreement {
            Disagreement::Null => nullable(example, finding),
            Disagreement::Kind if finding.path.is_empty() => None,
            Disagreement::Kind => reshape_field(example, finding),
            Disagreement::Undocumented if body_reshaped && finding.path.len() == 1 => None,
            Disagreement::Undocumented => member(example, finding),
            Disagreement::NotJson => Some(example.declined(finding, NOT_JSON)),
            _ => None,
        };
        out.extend(derived);
    }
    out
}

/// `null` where the field's table does not allow it: the field is nullable.
fn nullable(example: &Example<'_>, finding: &ExampleFinding) -> Option<Derived> {
    let node = example.locate(&finding.path);
    let (field, owner) = (node.field?, node.owner?);
    let target = example.field_target(owner, &node.fields);
    let reason = format!(
        "{} shows `null` for `{}`; the table at `{}` does not allow it",
        example.shown(),
        apidoc_check::path_text(&finding.path),
        field.span
    );
    let fix = example.fix(
        target,
        Props {
            nullable: Some(false),
            ..Props::default()
        },
        Props {
            nullable: Some(true),
            ..Props::default()
        },
        reason,
    );
    Some(example.candidate(Kind::Nullable, fix, finding, finding.path.clone()))
}

/// A field holding a list where its table says one value, or one value
/// where its table says a list.
fn reshape_field(example: &Example<'_>, finding: &ExampleFinding) -> Option<Derived> {
    let node = example.locate(&finding.path);
    let (field, ty, owner) = (node.field?, node.ty?, node.owner?);
    let target = example.field_target(owner, &node.fields);
    let values: Vec<&Value> = node.values.into_iter().filter(|v| !v.is_null()).collect();
    let at = apidoc_check::path_text(&finding.path);
    let Some(change) = list_change(example, &values, ty) else {
        let lists = values.iter().all(|v| v.is_array());
        return (lists && !values.is_empty()).then(|| {
            let why = format!(
                "the table at `{}` types `{}` `{}`, one value that is not an object, which a list in the example does not make a list of",
                field.span, field.name, field.type_text
            );
            example.declined(finding, why)
        });
    };
    if matches!(change, Change::Single(_)) && names_its_items(&field.type_text) {
        return Some(example.declined(
            finding,
            format!(
                "the table at `{}` types `{}` as a list of named items (`{}`), which one value in the example does not outweigh",
                field.span, field.name, field.type_text
            ),
        ));
    }
    if let Some(other) = example
        .evidence
        .agreeing(&field.name, ty, example.checked.span)
    {
        return Some(example.declined(
            finding,
            format!(
                "the example at `{other}` shows `{}` as the table at `{}` types it",
                field.name, field.span
            ),
        ));
    }
    let (kind, update, shape) = match change {
        Change::Repeat => (
            Kind::List,
            Props {
                repeat: Some(true),
                ..Props::default()
            },
            "a list",
        ),
        Change::Single(item) => (
            Kind::Single,
            Props {
                type_text: Some(written_type(item)),
                ..Props::default()
            },
            "one value",
        ),
    };
    let reason = format!(
        "{} holds {shape} at `{at}`; the table at `{}` types it `{}`",
        example.shown(),
        field.span,
        field.type_text
    );
    let expect = Props {
        type_text: Some(field.type_text.clone()),
        ..Props::default()
    };
    let fix = example.fix(target, expect, update, reason);
    Some(example.candidate(kind, fix, finding, finding.path.clone()))
}

/// True when a Type cell says what its list holds (`Array of strings`,
/// `Array of Tag objects`), not just that it is a list (`Array of
/// objects`, `List`).
fn names_its_items(type_text: &str) -> bool {
    !matches!(type_of(type_text), TypeRef::Array(item) if *item == TypeRef::Object)
}

/// How a list and one value differ between an example and its type.
/// Only objects repeat: a list where a table says one text or number may
/// as well be the service's joined values, or a map's.
enum Change<'t> {
    /// The example holds lists of the type (an object): the type repeats.
    Repeat,
    /// The example holds single items of the listed type.
    Single(&'t TypeRef),
}

fn list_change<'t>(
    example: &Example<'_>,
    values: &[&Value],
    ty: &'t TypeRef,
) -> Option<Change<'t>> {
    if values.is_empty() {
        return None;
    }
    match ty {
        TypeRef::Array(item) => example
            .all_fit(values, item)
            .then_some(Change::Single(item)),
        TypeRef::Object | TypeRef::Model(_) => {
            let lists: Option<Vec<&Value>> = values
                .iter()
                .map(|v| v.as_array().map(|items| items.iter()))
                .collect::<Option<Vec<_>>>()
                .map(|lists| lists.into_iter().flatten().collect());
            let items = lists?;
            example.all_fit(&items, ty).then_some(Change::Repeat)
        }
        _ => None,
    }
}

/// The body as a whole has another shape than its table: a list of what
/// the table describes, a wrapper around it, or what one field of the
/// table's wrapper holds.
fn reshape_body(example: &Example<'_>) -> Option<Derived> {
    let (body, schema) = (example.checked.body?, example.checked.schema?);
    let findings = &example.checked.findings;
    let root_kind = findings
        .iter()
        .find(|f| f.path.is_empty() && f.disagreement == Disagreement::Kind);
    let first_stray = findings
        .iter()
        .find(|f| f.path.len() == 1 && f.disagreement == Disagreement::Undocumented);
    let shares_nothing = example.model(schema).is_some_and(|model| {
        body.as_object().is_some_and(|members| {
            !members.is_empty()
                && !members
                    .keys()
                    .any(|key| model.fields.iter().any(|f| &f.name == key))
        })
    });
    let finding = match (root_kind, first_stray) {
        (Some(finding), _) => finding,
        (None, Some(finding)) if shares_nothing => finding,
        _ => return None,
    };
    let expect = Props {
        type_text: Some(written_type(schema)),
        ..Props::default()
    };
    let (place, table_span) = match example.checked.of {
        ExampleOf::Request => {
            let variants = example.page.operation.request_body.iter();
            let variant = variants
                .flat_map(|b| &b.variants)
                .find(|v| &v.schema == schema);
            (
                Place::Request { path: Vec::new() },
                variant.map(|v| v.span.clone()),
            )
        }
        ExampleOf::Response(status) => {
            let responses = example.page.operation.responses.iter();
            let response = responses.clone().find(|r| r.status == status);
            let path = Vec::new();
            (
                Place::Response { status, path },
                response.map(|r| r.span.clone()),
            )
        }
    };
    let target = Target {
        operation: Some(example.operation.to_owned()),
        lang: None,
        place,
    };
    let response_span = table_span.unwrap_or_else(|| example.checked.span.clone());
    let table = format!("the table at `{response_span}`");
    let candidates = [
        body_list(example, body, schema).map(|()| {
            (
                Kind::List,
                Props {
                    repeat: Some(true),
                    ..Props::default()
                },
                format!(
                    "{} is a list of what {table} documents as the body",
                    example.shown()
                ),
            )
        }),
        wrapping_key(example, body, schema)
            .filter(|_| {
                !example
                    .model(schema)
                    .is_some_and(|m| example.shared.contains(&m.name))
            })
            .map(|(key, repeat)| {
                (
                    Kind::Wrap,
                    Props {
                        wrap: Some(key.to_owned()),
                        repeat: repeat.then_some(true),
                        ..Props::default()
                    },
                    format!(
                        "{} holds what {table} documents as the body under `{key}`",
                        example.shown()
                    ),
                )
            }),
        unwrapping_key(example, body, schema).map(|key| {
            (
                Kind::Unwrap,
                Props {
                    unwrap: Some(key.to_owned()),
                    ..Props::default()
                },
                format!(
                    "{} is what {table} documents under `{key}`, without the wrapper",
                    example.shown()
                ),
            )
        }),
    ];
    let mut found = candidates.into_iter().flatten();
    match (found.next(), found.next()) {
        (Some((kind, update, reason)), None) => {
            let fix = example.fix(target, expect, update, reason);
            Some(example.candidate(kind, fix, finding, Vec::new()))
        }
        (Some(_), Some(_)) => Some(example.declined(
            finding,
            "the body could be corrected in more than one way (a list, a wrapper, a wrapper's field)",
        )),
        (None, _) => Some(example.declined(
            finding,
            "the body shares no field with its table, and no list, wrapper or field of it holds what the table documents",
        )),
    }
}

/// The body is a list whose items the table describes.
fn body_list(example: &Example<'_>, body: &Value, schema: &TypeRef) -> Option<()> {
    let items = body.as_array()?;
    let items: Vec<&Value> = items.iter().collect();
    (!matches!(schema, TypeRef::Array(_)) && example.all_fit(&items, schema)).then_some(())
}

/// The one member of the body that holds what the table describes as the
/// body (a list of it, when the second value is true).
fn wrapping_key<'v>(
    example: &Example<'_>,
    body: &'v Value,
    schema: &TypeRef,
) -> Option<(&'v str, bool)> {
    let members = body.as_object()?;
    let mut holding = members.iter().filter_map(|(key, value)| {
        if example.fits(value, schema) && !value.as_object().is_some_and(|m| m.is_empty()) {
            return Some((key.as_str(), false));
        }
        let items: Vec<&Value> = value.as_array()?.iter().collect();
        let repeat = !items.is_empty()
            && !matches!(schema, TypeRef::Array(_))
            && example.all_fit(&items, schema);
        repeat.then_some((key.as_str(), true))
    });
    match (holding.next(), holding.next()) {
        (Some(found), None) => Some(found),
        _ => None,
    }
}

/// The one field of the table's wrapper whose type the body has.
fn unwrapping_key<'m>(example: &'m Example<'_>, body: &Value, schema: &TypeRef) -> Option<&'m str> {
    let wrapper = example.model(schema)?;
    let mut holding = wrapper.fields.iter().filter(|field| {
        let nested = matches!(field.ty, TypeRef::Array(_) | TypeRef::Model(_));
        nested
            && example.fits(body, &field.ty)
            && match (&field.ty, body) {
                (TypeRef::Array(item), Value::Array(items)) => {
                    example.all_fit(&items.iter().collect::<Vec<_>>(), item)
                }
                _ => true,
            }
    });
    match (holding.next(), holding.next()) {
        (Some(field), None) => Some(&field.name),
        _ => None,
    }
}

/// A member no table lists: a field the table names otherwise, or one to
/// add when its value is plain.
fn member(example: &Example<'_>, finding: &ExampleFinding) -> Option<Derived> {
    let (Step::Key(key), parent_path) = finding.path.split_last()? else {
        return None;
    };
    let parent = example.locate(parent_path);
    let Some(model) = example.model(parent.ty?) else {
        return untyped_member(example, finding, parent_path, key);
    };
    let objects: Vec<&serde_json::Map<String, Value>> =
        parent.values.iter().filter_map(|v| v.as_object()).collect();
    let shares_a_field = objects.iter().any(|members| {
        members
            .keys()
            .any(|k| model.fields.iter().any(|f| &f.name == k))
    });
    if !shares_a_field {
        return Some(example.declined(
            finding,
            format!(
                "the object holding `{key}` shares no field with the table of `{}`",
                model.name
            ),
        ));
    }
    let with_key: Vec<_> = objects.iter().filter(|m| m.contains_key(key)).collect();
    let absent = |field: &&Field| {
        !with_key
            .iter()
            .any(|members| members.contains_key(&field.name))
    };
    let renamed: Vec<&Field> = model
        .fields
        .iter()
        .filter(absent)
        .filter(|f| related(&f.name, key))
        .collect();
    let values: Vec<&Value> = with_key.iter().filter_map(|m| m.get(key)).collect();
    match renamed.as_slice() {
        [field] if !plural_of(&field.name, key) => Some(example.declined(
            finding,
            format!(
                "`{key}` may be the table's `{}` (at `{}`) written otherwise; of such names only a plural where the table has the singular is suggested",
                field.name, field.span
            ),
        )),
        [field] => Some(rename(example, finding, (model, &parent.fields), field, key, &values)),
        [] => add(example, finding, &parent.fields, model, key, &values),
        several => Some(example.declined(
            finding,
            format!(
                "`{key}` could be the example's name of any of {}",
                several
                    .iter()
                    .map(|f| format!("`{}`", f.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

fn rename(
    example: &Example<'_>,
    finding: &ExampleFinding,
    (owner, parent_fields): (&Model, &[String]),
    field: &Field,
    key: &str,
    values: &[&Value],
) -> Derived {
    if let Some(other) = example
        .evidence
        .agreeing(&field.name, &field.ty, example.checked.span)
    {
        return example.declined(
            finding,
            format!(
                "the example at `{other}` names `{}` as the table at `{}` does",
                field.name, field.span
            ),
        );
    }
    let mut path = parent_fields.to_vec();
    path.push(field.name.clone());
    let target = example.field_target(owner, &path);
    let values: Vec<&Value> = values.iter().copied().filter(|v| !v.is_null()).collect();
    let mut update = Props {
        name: Some(key.to_owned()),
        ..Props::default()
    };
    let mut expect = Props::default();
    if !example.all_fit(&values, &field.ty) {
        match list_change(example, &values, &field.ty) {
            Some(Change::Repeat) => update.repeat = Some(true),
            Some(Change::Single(item)) => update.type_text = Some(written_type(item)),
            None => {
                return example.declined(
                    finding,
                    format!(
                        "`{key}` looks like `{}` renamed, but holds other values than its type `{}`",
                        field.name, field.type_text
                    ),
                );
            }
        }
        expect.type_text = Some(field.type_text.clone());
    }
    let reason = format!(
        "{} names `{key}` what the table at `{}` names `{}`",
        example.shown(),
        field.span,
        field.name
    );
    let fix = example.fix(target, expect, update, reason);
    example.candidate(Kind::Rename, fix, finding, finding.path.clone())
}

/// A member with plain values (text, numbers, booleans, or lists of one of
/// them) that no table lists, unless its name is a near miss of a field
/// the example lacks (a misspelling in the example, most likely).
fn add(
    example: &Example<'_>,
    finding: &ExampleFinding,
    parent_fields: &[String],
    model: &Model,
    key: &str,
    values: &[&Value],
) -> Option<Derived> {
    let type_text = plain_type(values)?;
    if let Some(near) = model.fields.iter().find(|f| close(&f.name, key)) {
        return Some(example.declined(
            finding,
            format!(
                "`{key}` may be a misspelling of `{}` (the table at `{}`)",
                near.name, near.span
            ),
        ));
    }
    let target = example.table_target(model, parent_fields);
    let table = if &model.span == example.checked.span {
        // A wrapper an earlier suggestion made, placed at the example.
        format!("the wrapper `{}` suggested above", model.name)
    } else {
        format!("the table of `{}` at `{}`", model.name, model.span)
    };
    let reason = format!(
        "{} has `{}`, which {table} does not list",
        example.shown(),
        apidoc_check::path_text(&finding.path),
    );
    Some(added(example, finding, target, (key, type_text), reason))
}

/// The candidate adding the member `key` of type `type_text` at `target`.
fn added(
    example: &Example<'_>,
    finding: &ExampleFinding,
    target: Target,
    (key, type_text): (&str, String),
    reason: String,
) -> Derived {
    let mut fix = example.fix(target, Props::default(), Props::default(), reason);
    fix.add = Some(NewField {
        location: None,
        name: key.to_owned(),
        type_text,
        required: false,
        description: None,
    });
    example.candidate(Kind::Add, fix, finding, finding.path.clone())
}

/// A member with plain values of the items of a list its table types
/// only as `Array of objects`: added to the list's field, which gets a
/// table of its own for it.
fn untyped_member(
    example: &Example<'_>,
    finding: &ExampleFinding,
    parent_path: &[Step],
    key: &str,
) -> Option<Derived> {
    let (Step::Item, list_path) = parent_path.split_last()? else {
        return None;
    };
    let list = example.locate(list_path);
    let (field, owner) = (list.field?, list.owner?);
    let values = example.locate(&finding.path).values;
    let type_text = plain_type(&values)?;
    let reason = format!(
        "{} has `{}` in the items of `{}`, which the table at `{}` types `{}`, with no table of their fields",
        example.shown(),
        apidoc_check::path_text(&finding.path),
        field.name,
        field.span,
        field.type_text
    );
    let target = example.field_target(owner, &list.fields);
    Some(added(example, finding, target, (key, type_text), reason))
}

/// The type of plain values as pages write it: all text, all booleans,
/// all numbers, or all lists of one of these; `None` otherwise (objects,
/// `null`, mixed kinds, empty lists).
fn plain_type(values: &[&Value]) -> Option<String> {
    let scalar = |values: &[&Value]| -> Option<TypeRef> {
        let first = values.first()?;
        let ty = match first {
            Value::String(_) => TypeRef::String,
            Value::Bool(_) => TypeRef::Boolean,
            Value::Number(_) if values.iter().any(|v| v.is_f64()) => TypeRef::Number,
            Value::Number(_) => {
                let small = values
                    .iter()
                    .all(|v| v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()));
                if small {
                    TypeRef::Integer
                } else {
                    TypeRef::Long
                }
            }
            _ => return None,
        };
        values.iter().all(|v| value_fits(&ty, v)).then_some(ty)
    };
    let ty = match scalar(values) {
        Some(ty) => ty,
        None => {
            let items: Vec<&Value> = values
                .iter()
                .map(|v| v.as_array())
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .flatten()
                .collect();
            TypeRef::Array(Box::new(scalar(&items)?))
        }
    };
    Some(written_type(&ty))
}
