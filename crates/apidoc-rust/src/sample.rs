//! Values for the generated mock-server tests, decided as JSON while the
//! tests are generated: the page's example where it fits the tables, else
//! a value built from the type and the documented constraints.
//!
//! A value fits when the SDK's types decode it and, for what the SDK sends,
//! its `validate` accepts it. What does not fit is replaced, and every
//! replacement (and every example field the tables do not define) is noted,
//! so that the generated test says where it departs from the page.

use crate::docs::code;
use crate::plan::{FieldPlan, ModelPlan, PROJECT_ID, Plan};
use crate::types::Shape;
use crate::validate::{Check, own_checks};
use apidoc_ir::{Constraints, TypeRef, Value};
use serde_json::Map;

/// The project id the generated tests configure, and the value of any
/// other field named `project_id` (pages give it 32 characters): the
/// `PROJECT_ID` of `apidoc_runtime::mock`, which the tests import.
pub(crate) const TEST_PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";

/// Built objects fill their optional fields this many models deep; deeper,
/// only the required ones, so that recursive models stay small.
const OPTIONAL_DEPTH: usize = 2;

/// Nesting of required models beyond which a built object is left empty:
/// only a cycle of required models goes that deep, and it has no value.
const MAX_DEPTH: usize = 8;

/// Which way a value travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Sent by the SDK: it must also pass the request's `validate`.
    Request,
    /// Answered by the mock server: it must decode.
    Response,
}

/// The field or parameter a value fills: what samples are made from and
/// what the value must pass.
#[derive(Debug)]
pub(crate) struct Slot<'f> {
    name: &'f str,
    constraints: Option<&'f Constraints>,
    enum_index: Option<usize>,
    checks: Vec<Check>,
}

impl<'f> Slot<'f> {
    /// The slot of a model field or parameter.
    pub(crate) fn of_field(field: &FieldPlan<'f>) -> Self {
        Self {
            name: &field.field.name,
            constraints: Some(&field.field.constraints),
            enum_index: field.enum_index,
            checks: own_checks(field),
        }
    }

    /// A slot without constraints (a whole body).
    pub(crate) fn bare(name: &'f str) -> Self {
        Self {
            name,
            constraints: None,
            enum_index: None,
            checks: Vec::new(),
        }
    }

    /// True when a leaf value (a string or number) passes the checks.
    fn admits_leaf(&self, value: &Value, plan: &Plan) -> bool {
        self.checks
            .iter()
            .filter(|check| !matches!(check, Check::Items(..)))
            .all(|check| check.admits(value, plan))
    }

    /// True when the outer array passes the item count check.
    fn admits_items(&self, items: &Value, plan: &Plan) -> bool {
        self.checks
            .iter()
            .filter(|check| matches!(check, Check::Items(..)))
            .all(|check| check.admits(items, plan))
    }

    /// How many items a built outer array gets: the documented minimum
    /// (at least one), within the maximum.
    fn item_count(&self) -> u64 {
        let (min, max) = self
            .checks
            .iter()
            .find_map(|check| match check {
                Check::Items(min, max) => Some((*min, *max)),
                _ => None,
            })
            .unwrap_or_default();
        min.unwrap_or(1).max(1).min(max.unwrap_or(u64::MAX))
    }
}

/// Fits and builds values of one side, collecting notes on what differs
/// from the page.
#[derive(Debug)]
pub(crate) struct Sampler<'p, 'a> {
    plan: &'p Plan<'a>,
    side: Side,
    /// One sentence (Markdown) per departure from the page's example.
    pub(crate) notes: Vec<String>,
}

impl<'p, 'a> Sampler<'p, 'a> {
    /// A sampler without notes.
    pub(crate) fn new(plan: &'p Plan<'a>, side: Side) -> Self {
        Self {
            plan,
            side,
            notes: Vec::new(),
        }
    }

    /// The value of `slot`: `given` (the page's) made to fit `ty`, or a
    /// built one. `path` names the value in notes (`body.tags[1]`).
    pub(crate) fn value(
        &mut self,
        given: Option<&Value>,
        ty: &TypeRef,
        slot: &Slot,
        path: &str,
    ) -> Value {
        self.fit(given, ty, slot, path, Level::OUTER)
    }

    fn fit(
        &mut self,
        given: Option<&Value>,
        ty: &TypeRef,
        slot: &Slot,
        path: &str,
        level: Level,
    ) -> Value {
        let Some(given) = given else {
            return self.build(ty, slot, level);
        };
        if let Some(fitted) = self.fitted(given, ty, slot, path, level) {
            return fitted;
        }
        let built = self.build(ty, slot, level);
        self.notes.push(format!(
            "{} is {} on the page, which does not fit the tables; {} is used instead.",
            code(path),
            code(&given.to_string()),
            code(&built.to_string())
        ));
        built
    }

    /// `given` with its parts made to fit, or `None` when it is of another
    /// type or, in a request, breaks a documented constraint.
    fn fitted(
        &mut self,
        given: &Value,
        ty: &TypeRef,
        slot: &Slot,
        path: &str,
        level: Level,
    ) -> Option<Value> {
        match ty {
            TypeRef::Array(inner) => {
                let items = given.as_array()?;
                if level.outer && self.enforces() && !slot.admits_items(given, self.plan) {
                    return None;
                }
                let items = items.iter().enumerate().map(|(index, item)| {
                    self.fit(
                        Some(item),
                        inner,
                        slot,
                        &format!("{path}[{index}]"),
                        level.inner(),
                    )
                });
                Some(Value::Array(items.collect()))
            }
            TypeRef::Map(inner) => {
                let entries = given.as_object()?.iter().map(|(key, item)| {
                    let item = self.fit(
                        Some(item),
                        inner,
                        slot,
                        &format!("{path}.{key}"),
                        level.inner(),
                    );
                    (key.clone(), item)
                });
                Some(Value::Object(entries.collect()))
            }
            TypeRef::Model(name) => match self.plan.model(name) {
                Some(model) => Some(self.fitted_object(given.as_object()?, model, path, level)),
                None => Some(given.clone()),
            },
            TypeRef::Object | TypeRef::Any => Some(given.clone()),
            leaf => (is_a(given, leaf) && (!self.enforces() || slot.admits_leaf(given, self.plan)))
                .then(|| given.clone()),
        }
    }

    /// True when constraints of given values are checked (requests).
    fn enforces(&self) -> bool {
        self.side == Side::Request
    }

    /// An object of `model`: the given fields fitted (fields the tables do
    /// not define kept, as the page sends them), missing required fields
    /// built.
    fn fitted_object(
        &mut self,
        given: &Map<String, Value>,
        model: &ModelPlan,
        path: &str,
        level: Level,
    ) -> Value {
        let mut object = Map::new();
        for (key, value) in given {
            let field_path = format!("{path}.{key}");
            match model.fields.iter().find(|field| field.field.name == *key) {
                Some(field) => {
                    let value = self.fitted_field(value, field, model, &field_path, level);
                    object.insert(key.clone(), value);
                }
                None => {
                    self.notes.push(format!(
                        "{} is not defined by the tables of {}: {}.",
                        code(&field_path),
                        code(&model.model.name),
                        match self.side {
                            Side::Request => "the SDK leaves it out",
                            Side::Response => "the SDK ignores it",
                        }
                    ));
                    object.insert(key.clone(), value.clone());
                }
            }
        }
        for field in &model.fields {
            let shape = Shape::of_model_field(field, model.request_side);
            if shape.is_optional() || given.contains_key(&field.field.name) {
                continue;
            }
            let built = self.build(&field.field.ty, &Slot::of_field(field), level.nested());
            self.notes.push(format!(
                "{} is required but missing on the page; {} is added.",
                code(&format!("{path}.{}", field.field.name)),
                code(&built.to_string())
            ));
            object.insert(field.field.name.clone(), built);
        }
        Value::Object(object)
    }

    /// A field's value: `null` stays where the field's type reads it.
    fn fitted_field(
        &mut self,
        value: &Value,
        field: &FieldPlan,
        model: &ModelPlan,
        path: &str,
        level: Level,
    ) -> Value {
        let shape = Shape::of_model_field(field, model.request_side);
        if value.is_null() && (shape != Shape::Plain || is_any_json(self.plan, &field.field.ty)) {
            return Value::Null;
        }
        self.fit(
            Some(value),
            &field.field.ty,
            &Slot::of_field(field),
            path,
            level.nested(),
        )
    }

    /// A value built from the type and constraints.
    fn build(&mut self, ty: &TypeRef, slot: &Slot, level: Level) -> Value {
        match ty {
            TypeRef::String => self.build_string(slot),
            TypeRef::Integer | TypeRef::Long | TypeRef::Number | TypeRef::Boolean => {
                self.build_scalar(ty, slot)
            }
            TypeRef::Object | TypeRef::Any => Value::Object(Map::new()),
            TypeRef::Map(inner) => {
                let item = self.build(inner, slot, level.inner());
                Value::Object(Map::from_iter([("key".to_owned(), item)]))
            }
            TypeRef::Array(inner) => {
                let count = if level.outer { slot.item_count() } else { 1 };
                let items = (0..count).map(|_| self.build(inner, slot, level.inner()));
                Value::Array(items.collect())
            }
            TypeRef::Model(name) => match self.plan.model(name) {
                Some(model) => self.build_object(model, level),
                None => Value::Object(Map::new()),
            },
        }
    }

    /// The required fields of `model`, and the optional ones near the top.
    fn build_object(&mut self, model: &ModelPlan, level: Level) -> Value {
        if level.models >= MAX_DEPTH {
            self.notes.push(format!(
                "{} holds itself through required fields, so it has no finite value; `{{}}` is used.",
                code(&model.model.name)
            ));
            return Value::Object(Map::new());
        }
        let mut object = Map::new();
        for field in &model.fields {
            let optional = Shape::of_model_field(field, model.request_side).is_optional();
            if optional && level.models >= OPTIONAL_DEPTH {
                continue;
            }
            let value = self.build(&field.field.ty, &Slot::of_field(field), level.nested());
            object.insert(field.field.name.clone(), value);
        }
        Value::Object(object)
    }

    /// The documented default, else the first listed value, else text from
    /// the name within the length bounds: the first that passes the checks.
    fn build_string(&self, slot: &Slot) -> Value {
        let default = slot
            .constraints
            .and_then(|c| c.default.as_ref())
            .map(|fact| &fact.value)
            .filter(|value| value.is_string());
        let listed = slot
            .enum_index
            .and_then(|index| self.plan.enums[index].variants.first())
            .map(|variant| Value::String(variant.wire.clone()));
        let named = Value::String(text_from_name(slot));
        default
            .cloned()
            .into_iter()
            .chain(listed)
            .find(|value| slot.admits_leaf(value, self.plan))
            .unwrap_or(named)
    }

    /// A number or boolean: the default, a listed value, the minimum, the
    /// maximum, then 1 and 0: the first of the type that passes the checks.
    fn build_scalar(&self, ty: &TypeRef, slot: &Slot) -> Value {
        let constraints = slot.constraints;
        let default = constraints
            .and_then(|c| c.default.as_ref())
            .map(|fact| fact.value.clone());
        let listed = constraints
            .into_iter()
            .flat_map(|c| &c.enum_values)
            .map(|value| value.value.clone());
        let bounds = constraints
            .into_iter()
            .flat_map(|c| [&c.minimum, &c.maximum])
            .flatten()
            .map(|fact| Value::Number(fact.value.clone()));
        let fallback = match ty {
            TypeRef::Boolean => [Value::Bool(true), Value::Bool(false)],
            _ => [Value::from(1), Value::from(0)],
        };
        default
            .into_iter()
            .chain(listed)
            .chain(bounds)
            .chain(fallback.clone())
            .find(|value| is_a(value, ty) && slot.admits_leaf(value, self.plan))
            .unwrap_or_else(|| fallback[0].clone())
    }

    /// The JSON the SDK's type of `ty` turns `value` (a fitted value) back
    /// into: fields the tables do not define and `null`s read as absent
    /// are left out, numbers of `f64` fields become floats.
    pub(crate) fn reserialised(&self, value: &Value, ty: &TypeRef) -> Value {
        match (ty, value) {
            (TypeRef::Array(inner), Value::Array(items)) => Value::Array(
                items
                    .iter()
                    .map(|item| self.reserialised(item, inner))
                    .collect(),
            ),
            (TypeRef::Map(inner), Value::Object(entries)) => Value::Object(
                entries
                    .iter()
                    .map(|(key, item)| (key.clone(), self.reserialised(item, inner)))
                    .collect(),
            ),
            (TypeRef::Model(name), Value::Object(given)) => match self.plan.model(name) {
                Some(model) => self.reserialised_object(given, model),
                None => value.clone(),
            },
            (TypeRef::Number, Value::Number(number)) => {
                number.as_f64().map_or_else(|| value.clone(), Value::from)
            }
            _ => value.clone(),
        }
    }

    fn reserialised_object(&self, given: &Map<String, Value>, model: &ModelPlan) -> Value {
        let fields = given.iter().filter_map(|(key, value)| {
            let field = model.fields.iter().find(|field| field.field.name == *key)?;
            let shape = Shape::of_model_field(field, model.request_side);
            if value.is_null() && shape == Shape::Optional {
                return None;
            }
            Some((key.clone(), self.reserialised(value, &field.field.ty)))
        });
        Value::Object(fields.collect())
    }
}

/// Where a value sits: in the outer array of its field or deeper, and how
/// many models down.
#[derive(Clone, Copy, Debug)]
struct Level {
    outer: bool,
    models: usize,
}

impl Level {
    const OUTER: Self = Self {
        outer: true,
        models: 0,
    };

    /// An item of an array or map.
    fn inner(self) -> Self {
        Self {
            outer: false,
            ..self
        }
    }

    /// A field of a model.
    fn nested(self) -> Self {
        Self {
            outer: true,
            models: self.models + 1,
        }
    }
}

/// True when a JSON value decodes as the scalar type `ty`.
fn is_a(value: &Value, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::String => value.is_string(),
        TypeRef::Integer => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        TypeRef::Long => value.as_i64().is_some(),
        TypeRef::Number => value.is_number(),
        TypeRef::Boolean => value.is_boolean(),
        TypeRef::Object
        | TypeRef::Any
        | TypeRef::Map(_)
        | TypeRef::Array(_)
        | TypeRef::Model(_) => false,
    }
}

/// True when the type is `serde_json::Value` in the SDK, which holds `null`.
fn is_any_json(plan: &Plan, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Object | TypeRef::Any => true,
        TypeRef::Model(name) => plan.model(name).is_none(),
        _ => false,
    }
}

/// Text for a string field: the test project id for `project_id`, else the
/// name's ASCII letters, digits, `-` and `_` (`x` when none), padded with
/// `x` or cut to the documented length.
fn text_from_name(slot: &Slot) -> String {
    let base: String = if slot.name == PROJECT_ID {
        TEST_PROJECT_ID.to_owned()
    } else {
        slot.name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect()
    };
    let base = if base.is_empty() {
        "x".to_owned()
    } else {
        base
    };
    let bound = |bound: Option<&apidoc_ir::Fact<u64>>| {
        bound.and_then(|fact| usize::try_from(fact.value).ok())
    };
    let min = bound(slot.constraints.and_then(|c| c.min_length.as_ref())).unwrap_or(0);
    let max = bound(slot.constraints.and_then(|c| c.max_length.as_ref())).unwrap_or(usize::MAX);
    let mut text: String = base.chars().take(max).collect();
    while text.len() < min {
        text.push('x');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{FieldExt, array, field, metastudio, model, model_ref, service, string};
    use serde_json::json;

    fn model_type(name: &str) -> TypeRef {
        TypeRef::Model(name.to_owned())
    }

    #[test]
    fn request_examples_keep_what_fits_and_note_the_rest() {
        let service = metastudio();
        let plan = Plan::new(&service);
        let mut sampler = Sampler::new(&plan, Side::Request);
        let ty = model_type("UpdateTenantServiceConfigsRequestBody");
        let given = json!({
            "sub_account_control_config": {"sub_account_type": "ROOT"},
            "tags": ["a", ""],
            "weight": 1,
            "extra": null,
            "comment": "x"
        });
        let sent = sampler.value(Some(&given), &ty, &Slot::bare("body"), "body");
        assert_eq!(
            sent,
            json!({
                "sub_account_control_config": {"sub_account_type": "IAM_USER"},
                "tags": ["a", "tags"],
                "weight": 1,
                "extra": null,
                "comment": "x"
            })
        );
        assert_eq!(sampler.notes.len(), 3, "{:?}", sampler.notes);
        assert!(
            sampler.notes[0]
                .contains("`body.sub_account_control_config.sub_account_type` is `\"ROOT\"`")
        );
        assert!(sampler.notes[1].contains("`body.tags[1]`"));
        assert!(sampler.notes[2].contains("`body.comment` is not defined"));
        // What the SDK sends: no undefined field, a float, the explicit null.
        assert_eq!(
            sampler.reserialised(&sent, &ty),
            json!({
                "sub_account_control_config": {"sub_account_type": "IAM_USER"},
                "tags": ["a", "tags"],
                "weight": 1.0,
                "extra": null
            })
        );
    }

    #[test]
    fn response_examples_change_only_what_would_not_decode() {
        let service = metastudio();
        let plan = Plan::new(&service);
        let mut sampler = Sampler::new(&plan, Side::Response);
        let ty = model_type("ShowTenantNotificationsResponseBody");
        let given = json!({
            "my_collections": [{"collection_ids": ["a"]}],
            "count": "3",
            "encryption_type": null,
            "more": true
        });
        let answered = sampler.value(Some(&given), &ty, &Slot::bare("body"), "body");
        assert_eq!(
            answered,
            json!({
                "my_collections": [{"collection_ids": ["a"], "collection_type": "VOICE"}],
                "count": 1,
                "encryption_type": null,
                "more": true
            })
        );
        let notes = sampler.notes.join("\n");
        assert!(
            notes.contains("`body.my_collections[0].collection_type` is required but missing"),
            "{notes}"
        );
        assert!(
            notes.contains("`body.count` is `\"3\"` on the page"),
            "{notes}"
        );
        assert!(notes.contains("`body.more` is not defined"), "{notes}");
        // A response reads `null` as absent and ignores undefined fields.
        assert_eq!(
            sampler.reserialised(&answered, &ty),
            json!({
                "my_collections": [{"collection_ids": ["a"], "collection_type": "VOICE"}],
                "count": 1
            })
        );
        // An unlisted value decodes (as `Unknown`): only requests refuse it.
        let unlisted = json!({"collection_type": "HOLOGRAM"});
        let kept = sampler.value(
            Some(&unlisted),
            &model_type("CollectionInfo"),
            &Slot::bare("x"),
            "x",
        );
        assert_eq!(kept, unlisted);
    }

    #[test]
    fn built_values_follow_the_constraints() {
        let service = service(
            "s",
            "S",
            "https://s.example",
            vec![],
            vec![model(
                "Sample",
                vec![
                    field("a", string()).length(Some(3), Some(4)),
                    field("longname", string()).length(None, Some(4)),
                    field("project_id", string()),
                    field("名字", string()),
                    field("kind", string()).strings(&["K1", "K2"]),
                    field("size", TypeRef::Integer).range(5, 10),
                    field("page", TypeRef::Integer)
                        .range(5, 10)
                        .default_value(7.into()),
                    field("ratio", TypeRef::Number).range(-2, 0),
                    field("flag", TypeRef::Boolean).default_value(false.into()),
                    field("ids", array(TypeRef::Long)).items(Some(2), Some(3)),
                    field("free", TypeRef::Object),
                    field("labels", TypeRef::Map(Box::new(string()))),
                ],
            )],
        );
        let plan = Plan::new(&service);
        let mut sampler = Sampler::new(&plan, Side::Request);
        let built = sampler.value(None, &model_type("Sample"), &Slot::bare("body"), "body");
        assert_eq!(
            built,
            json!({
                "a": "axx",
                "longname": "long",
                "project_id": TEST_PROJECT_ID,
                "名字": "x",
                "kind": "K1",
                "size": 5,
                "page": 7,
                "ratio": -2,
                "flag": false,
                "ids": [1, 1],
                "free": {},
                "labels": {"key": "labels"}
            })
        );
        assert!(sampler.notes.is_empty(), "{:?}", sampler.notes);
    }

    #[test]
    fn required_cycles_end_in_an_empty_object_with_a_note() {
        let service = service(
            "s",
            "S",
            "https://s.example",
            vec![],
            vec![
                model("Loop", vec![field("next", model_ref("Loop")).required()]),
                model("Tree", vec![field("child", model_ref("Tree"))]),
            ],
        );
        let plan = Plan::new(&service);
        let mut sampler = Sampler::new(&plan, Side::Response);
        let mut depth = 0;
        let mut value = sampler.value(None, &model_type("Loop"), &Slot::bare("body"), "body");
        while let Some(next) = value.get("next") {
            depth += 1;
            value = next.clone();
        }
        assert_eq!((depth, value), (MAX_DEPTH, json!({})));
        assert_eq!(sampler.notes.len(), 1);
        // Optional fields stop after a few levels, without a note.
        let mut sampler = Sampler::new(&plan, Side::Response);
        let tree = sampler.value(None, &model_type("Tree"), &Slot::bare("body"), "body");
        assert_eq!(tree, json!({"child": {"child": {}}}));
        assert!(sampler.notes.is_empty());
    }
}
