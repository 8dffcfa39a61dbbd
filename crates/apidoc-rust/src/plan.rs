//! The naming plan: every identifier of the generated crate and the facts
//! about models (request side, recursion, validation) that code generation
//! needs, decided once before any code is printed.

use crate::concepts;
use crate::docs::escape_line;
use crate::ident::{Case, Name, Scope, camel, snake};
use apidoc_ir::{
    Field, Method, Model, Operation, OperationName, ParamLocation, Parameter, Service, Text,
    TypeRef, Uri, Value,
};
use std::collections::{BTreeMap, BTreeSet};

/// Request headers the runtime sets itself; they are not request fields.
const MANAGED_HEADERS: &[&str] = apidoc_ir::RUNTIME_HEADERS;

/// The path parameter the runtime fills from the client configuration when
/// the request does not set it.
pub(crate) const PROJECT_ID: &str = "project_id";

/// The module of the generated crate an item lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Module {
    /// `src/models.rs`: models and the enums of their fields.
    Models,
    /// `src/operations.rs`: requests, responses and the enums of parameters.
    Operations,
}

/// Everything decided about a service before printing.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    /// The service.
    pub(crate) service: &'a Service,
    /// The library name, e.g. `metastudio_sdk`.
    pub(crate) crate_name: String,
    /// The service title as Markdown (page-like text, escaped).
    pub(crate) title: String,
    /// The client type, e.g. `MetastudioClient`.
    pub(crate) client: Name,
    /// Its builder, e.g. `MetastudioClientBuilder`.
    pub(crate) builder: Name,
    /// Models in service order.
    pub(crate) models: Vec<ModelPlan<'a>>,
    /// Model index by IR name.
    model_index: BTreeMap<&'a str, usize>,
    /// Every string enum, of model fields and of parameters.
    pub(crate) enums: Vec<EnumPlan>,
    /// Operations in service order.
    pub(crate) operations: Vec<OperationPlan<'a>>,
    /// The official names of merged operations that get methods of their
    /// own, in operation order.
    pub(crate) named_variants: Vec<NamedVariant<'a>>,
}

/// An official name of a merged operation ([`apidoc_ir::OperationName`])
/// with a method of its own, sending that name's request: the parameters
/// of the operation and the body its page documents, answered by the
/// operation's response.
#[derive(Debug)]
pub(crate) struct NamedVariant<'a> {
    /// The operation as the name calls it ([`OperationPlan::official`] set).
    pub(crate) plan: OperationPlan<'a>,
    /// The merged operation's method.
    pub(crate) merged: Name,
    /// The merged operation's request where the name's is the same (it
    /// documents no body and the operation one at most, or the
    /// operation's only body): its request type is an alias of that.
    pub(crate) alias_of: Option<Name>,
}

/// A model and its names.
#[derive(Debug)]
pub(crate) struct ModelPlan<'a> {
    /// The IR model.
    pub(crate) model: &'a Model,
    /// The struct name.
    pub(crate) ident: Name,
    /// Its fields.
    pub(crate) fields: Vec<FieldPlan<'a>>,
    /// True when some request body contains it: nullable optional fields
    /// then take three states.
    pub(crate) request_side: bool,
    /// True when it has constraints to check before sending (only for
    /// request-side models).
    pub(crate) validates: bool,
}

impl ModelPlan<'_> {
    /// True when every field is optional, so the model derives `Default`
    /// instead of getting a constructor.
    pub(crate) fn all_optional(&self) -> bool {
        self.fields.iter().all(|field| !field.field.is_required())
    }
}

/// A model field, parameter or response header and its names.
#[derive(Clone, Debug)]
pub(crate) struct FieldPlan<'a> {
    /// The IR field.
    pub(crate) field: &'a Field,
    /// The Rust field (and builder method) name.
    pub(crate) ident: Name,
    /// The string enum of its values, as an index into [`Plan::enums`].
    pub(crate) enum_index: Option<usize>,
    /// True when the field refers back to its own model without a `Vec` or
    /// map in between, so it needs a `Box`.
    pub(crate) boxed: bool,
}

/// A generated string enum.
#[derive(Debug)]
pub(crate) struct EnumPlan {
    /// The type name.
    pub(crate) ident: Name,
    /// The module it lives in.
    pub(crate) module: Module,
    /// The documentation of the field it was first made for.
    pub(crate) description: Text,
    /// The variants, in page order.
    pub(crate) variants: Vec<VariantPlan>,
}

/// One enum value.
#[derive(Debug)]
pub(crate) struct VariantPlan {
    /// The variant name.
    pub(crate) ident: Name,
    /// The value on the wire.
    pub(crate) wire: String,
    /// What it means.
    pub(crate) description: Text,
}

/// A string field or parameter with listed values: where it is, who holds
/// it (the model's or the operation's type name), and its values.
struct EnumUse<'a> {
    slot: EnumSlot,
    owner: String,
    field: &'a Field,
    values: Vec<(String, Text)>,
}

/// Where an enum is used: a model's field or an operation's parameter
/// (indices into [`Plan::models`] or [`Plan::operations`] and their
/// fields or parameters).
#[derive(Clone, Copy, Debug)]
enum EnumSlot {
    Field(usize, usize),
    Parameter(usize, usize),
}

/// The name of the catch-all variant of every enum.
pub(crate) const UNKNOWN_VARIANT: &str = "Unknown";

/// An operation and its names.
#[derive(Debug)]
pub(crate) struct OperationPlan<'a> {
    /// The IR operation.
    pub(crate) operation: &'a Operation,
    /// The official name it is called by, for a [`NamedVariant`].
    pub(crate) official: Option<&'a OperationName>,
    /// Its primary method and path.
    pub(crate) uri: &'a Uri,
    /// The client method name.
    pub(crate) method: Name,
    /// The request type.
    pub(crate) request: Name,
    /// The response type.
    pub(crate) response: Name,
    /// Parameters the request exposes (managed headers left out).
    pub(crate) parameters: Vec<ParamPlan<'a>>,
    /// The request body, if the operation has one.
    pub(crate) body: Option<BodyPlan<'a>>,
    /// The response headers (of every 2xx response, once each).
    pub(crate) response_headers: Vec<FieldPlan<'a>>,
    /// The identifier of the response's body field, if it has one.
    pub(crate) response_body: Option<ResponseBodyPlan<'a>>,
    /// The 2xx statuses the pages document; any other 2xx answer is an
    /// error (none: any 2xx is taken).
    pub(crate) success_statuses: Vec<u16>,
}

/// A parameter of a request.
#[derive(Clone, Debug)]
pub(crate) struct ParamPlan<'a> {
    /// Where it travels.
    pub(crate) location: ParamLocation,
    /// Its field.
    pub(crate) field: FieldPlan<'a>,
    /// True when `new()` takes it; false when a builder method sets it.
    pub(crate) required: bool,
}

/// The request body of an operation.
#[derive(Clone, Debug)]
pub(crate) struct BodyPlan<'a> {
    /// The request field and builder method name.
    pub(crate) ident: Name,
    /// True when `new()` takes it.
    pub(crate) required: bool,
    /// The shape: one schema, or an enum of variants.
    pub(crate) shape: BodyShape<'a>,
}

/// The shape of a request body.
#[derive(Clone, Debug)]
pub(crate) enum BodyShape<'a> {
    /// One documented body.
    Single(&'a TypeRef),
    /// Several documented bodies: an untagged enum.
    Variants {
        /// The enum's name, `<OpId>Body`.
        ident: Name,
        /// Each variant's name and schema.
        variants: Vec<(Name, &'a apidoc_ir::BodyVariant)>,
    },
}

/// The decoded body of a successful response.
#[derive(Clone, Debug)]
pub(crate) struct ResponseBodyPlan<'a> {
    /// The response field name.
    pub(crate) ident: Name,
    /// One schema, or one per status where the 2xx statuses document
    /// different bodies.
    pub(crate) shape: ResponseShape<'a>,
    /// The 2xx statuses that document a body; `None` when all do, so the
    /// field needs no `Option`.
    pub(crate) only_for: Option<Vec<u16>>,
}

/// What the body of a successful response decodes into.
#[derive(Clone, Debug)]
pub(crate) enum ResponseShape<'a> {
    /// Every 2xx status with a body documents the same one.
    Single(&'a TypeRef),
    /// The 2xx statuses document different bodies: an enum with a variant
    /// per body, chosen by the status that came.
    ByStatus {
        /// The enum's name, `<OpId>SuccessBody`.
        ident: Name,
        /// Each variant: its name, schema and statuses.
        variants: Vec<StatusVariant<'a>>,
    },
}

/// A variant of [`ResponseShape::ByStatus`].
#[derive(Clone, Debug)]
pub(crate) struct StatusVariant<'a> {
    /// Named after its first status (`Ok`, `Created`, `Status299`).
    pub(crate) ident: Name,
    /// The body these statuses document.
    pub(crate) schema: &'a TypeRef,
    /// The statuses documenting it.
    pub(crate) statuses: Vec<u16>,
}

impl ResponseBodyPlan<'_> {
    /// The schema the body of an answer of `status` decodes into, if any.
    pub(crate) fn schema_for(&self, status: u16) -> Option<&TypeRef> {
        let documented = self
            .only_for
            .as_ref()
            .is_none_or(|statuses| statuses.contains(&status));
        match &self.shape {
            ResponseShape::Single(schema) => documented.then_some(*schema),
            ResponseShape::ByStatus { variants, .. } => variants
                .iter()
                .find(|variant| variant.statuses.contains(&status))
                .map(|variant| variant.schema),
        }
    }
}

/// The reason phrases of the 2xx statuses (RFC 9110), naming the variants
/// of a response body that differs by status.
const SUCCESS_REASONS: &[(u16, &str)] = &[
    (200, "Ok"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "NonAuthoritativeInformation"),
    (204, "NoContent"),
    (205, "ResetContent"),
    (206, "PartialContent"),
    (207, "MultiStatus"),
];

impl<'a> Plan<'a> {
    /// Decides every name and model fact of `service`.
    pub(crate) fn new(service: &'a Service) -> Self {
        let name = &service.meta.name;
        let client_name = format!("{}Client", fallback_if_empty(camel(name), "Service"));
        let mut plan = Plan {
            service,
            crate_name: format!("{}_sdk", fallback_if_empty(snake(name), "service")),
            title: escape_line(&service.meta.title),
            builder: Name::composed(format!("{client_name}Builder")),
            client: Name::composed(client_name),
            models: Vec::new(),
            model_index: BTreeMap::new(),
            enums: Vec::new(),
            operations: Vec::new(),
            named_variants: Vec::new(),
        };
        let mut model_types = Scope::types();
        let mut operation_types = Scope::types();
        let mut methods = Scope::new(Case::Snake);
        for reserved in ["new", "builder"] {
            methods.reserve(reserved);
        }
        plan.name_models(&mut model_types);
        plan.name_operations(&mut operation_types, &mut methods);
        plan.name_enums(&mut model_types, &mut operation_types);
        plan.name_variants(&mut operation_types, &mut methods);
        plan.mark_request_side();
        plan.mark_boxed();
        plan.mark_validating();
        plan
    }

    /// A doc link to a client method, e.g.
    /// ``[`MetastudioClient::show_x`](crate::MetastudioClient::show_x)``.
    /// Link targets name a raw method (`r#type`) without its `r#`.
    pub(crate) fn method_link(&self, method: &Name) -> String {
        let (client, name) = (&self.client, method.unraw());
        format!("[`{client}::{method}`](crate::{client}::{name})")
    }

    /// The plan of the model of that IR name.
    pub(crate) fn model(&self, name: &str) -> Option<&ModelPlan<'a>> {
        self.model_index.get(name).map(|&index| &self.models[index])
    }

    fn name_models(&mut self, types: &mut Scope) {
        for (index, model) in self.service.models.iter().enumerate() {
            let mut fields = Scope::new(Case::Snake);
            // `new` is the constructor of models with required fields,
            // `validate_at` their check; setters are named after fields.
            for reserved in ["new", "validate_at"] {
                fields.reserve(reserved);
            }
            let fields = model
                .fields
                .iter()
                .map(|field| FieldPlan::new(field, &mut fields))
                .collect();
            self.models.push(ModelPlan {
                model,
                ident: types.ident(&model.name, "Model"),
                fields,
                request_side: false,
                validates: false,
            });
            self.model_index.entry(model.name.as_str()).or_insert(index);
        }
    }

    fn name_operations(&mut self, types: &mut Scope, methods: &mut Scope) {
        // An operation without a `METHOD /path` line cannot be called; the
        // checker reports it, and the SDK leaves it out.
        let callable = self
            .service
            .operations
            .iter()
            .filter_map(|op| Some((op, op.uris.first()?)));
        for (operation, uri) in callable {
            let base = operation_base(operation);
            let plan = OperationPlan {
                operation,
                official: None,
                uri,
                method: methods.ident(&operation.id, "operation"),
                request: types.ident(&format!("{base}Request"), "Request"),
                response: types.ident(&format!("{base}Response"), "Response"),
                parameters: Vec::new(),
                body: None,
                response_headers: Vec::new(),
                response_body: None,
                success_statuses: Vec::new(),
            };
            self.operations.push(plan.with_members(&base, types));
        }
    }

    /// Plans a method for each official name of a merged operation that no
    /// operation's method has taken (the merged operation named after one
    /// of its pages keeps its method; two names never share one).
    fn name_variants(&mut self, types: &mut Scope, methods: &mut Scope) {
        let mut named = Vec::new();
        for operation in &self.operations {
            for official in &operation.operation.names {
                let Some(method) = methods.fresh(&official.name) else {
                    continue;
                };
                named.push(operation.variant(official, method, types));
            }
        }
        self.named_variants = named;
    }

    /// Gives each string field and parameter with listed values its enum:
    /// one per concept of the service ([`crate::concepts`]). An enum only
    /// one model or operation holds is named `<Model><Field>` or
    /// `<OpId><Param>`; one several hold, by what their names share. An
    /// enum some model holds lives with the models. Enums that would share
    /// a name share the type where their values are the same, else the
    /// later one is numbered.
    fn name_enums(&mut self, model_types: &mut Scope, operation_types: &mut Scope) {
        let mut uses: Vec<EnumUse<'a>> = Vec::new();
        for (model_index, model) in self.models.iter().enumerate() {
            for (field_index, field) in model.fields.iter().enumerate() {
                if let Some(values) = string_enum_values(field.field) {
                    uses.push(EnumUse {
                        slot: EnumSlot::Field(model_index, field_index),
                        owner: model.ident.to_string(),
                        field: field.field,
                        values,
                    });
                }
            }
        }
        for (op_index, operation) in self.operations.iter().enumerate() {
            for (param_index, param) in operation.parameters.iter().enumerate() {
                if let Some(values) = string_enum_values(param.field.field) {
                    uses.push(EnumUse {
                        slot: EnumSlot::Parameter(op_index, param_index),
                        owner: operation_base(operation.operation),
                        field: param.field.field,
                        values,
                    });
                }
            }
        }
        let mut concepts: Vec<Vec<usize>> = Vec::new();
        let mut by_key = BTreeMap::new();
        for (index, used) in uses.iter().enumerate() {
            let wires: Vec<&str> = used.values.iter().map(|(wire, _)| wire.as_str()).collect();
            let key = concepts::concept_key(&used.field.name, &wires);
            let at = *by_key.entry(key).or_insert_with(|| {
                concepts.push(Vec::new());
                concepts.len() - 1
            });
            concepts[at].push(index);
        }
        let mut by_name = BTreeMap::new();
        for members in concepts {
            let used: Vec<&EnumUse> = members.iter().map(|&i| &uses[i]).collect();
            let field = used[0].field;
            let values = meanings(&used);
            let mut owners: Vec<&str> = Vec::new();
            for member in &used {
                if !owners.contains(&member.owner.as_str()) {
                    owners.push(&member.owner);
                }
            }
            let name = match owners.as_slice() {
                [owner] => format!("{owner}{}", camel(&field.name)),
                several => concepts::shared_name(several, &field.name),
            };
            let in_models = used
                .iter()
                .any(|member| matches!(member.slot, EnumSlot::Field(..)));
            let (module, types) = if in_models {
                (Module::Models, &mut *model_types)
            } else {
                (Module::Operations, &mut *operation_types)
            };
            let index = self.enum_for(field, &values, &name, module, types, &mut by_name);
            for member in used {
                match member.slot {
                    EnumSlot::Field(model, field) => {
                        self.models[model].fields[field].enum_index = Some(index);
                    }
                    EnumSlot::Parameter(op, param) => {
                        self.operations[op].parameters[param].field.enum_index = Some(index);
                    }
                }
            }
        }
    }

    /// The enum of `field`'s `values` named `name`, reusing the enum already
    /// named so when it has the same values.
    fn enum_for(
        &mut self,
        field: &Field,
        values: &[(String, Text)],
        name: &str,
        module: Module,
        types: &mut Scope,
        by_name: &mut BTreeMap<(String, Vec<String>), usize>,
    ) -> usize {
        let key = (
            name.to_owned(),
            values.iter().map(|(wire, _)| wire.clone()).collect(),
        );
        if let Some(&index) = by_name.get(&key) {
            return index;
        }
        let mut variant_names = Scope::new(Case::Camel);
        variant_names.reserve(UNKNOWN_VARIANT);
        let variants = values
            .iter()
            .zip(concepts::variant_names(values))
            .map(|((wire, description), name)| VariantPlan {
                ident: variant_names.ident(&name, if wire.is_empty() { "Empty" } else { "Value" }),
                wire: wire.clone(),
                description: description.clone(),
            })
            .collect();
        self.enums.push(EnumPlan {
            ident: types.ident(name, "Enum"),
            module,
            description: field.description.clone(),
            variants,
        });
        by_name.insert(key, self.enums.len() - 1);
        self.enums.len() - 1
    }

    /// Models reachable from a request body.
    fn mark_request_side(&mut self) {
        let roots = self
            .service
            .operations
            .iter()
            .flat_map(|op| op.request_body.iter().flat_map(|body| &body.variants))
            .map(|variant| &variant.schema);
        let mut pending: Vec<&str> = roots.flat_map(model_names).collect();
        while let Some(name) = pending.pop() {
            let Some(&index) = self.model_index.get(name) else {
                continue;
            };
            if std::mem::replace(&mut self.models[index].request_side, true) {
                continue;
            }
            pending.extend(
                self.models[index]
                    .model
                    .fields
                    .iter()
                    .flat_map(|f| model_names(&f.ty)),
            );
        }
    }

    /// Boxes a field whose model, held directly, leads back to the field's
    /// own model through models held directly.
    fn mark_boxed(&mut self) {
        for index in 0..self.models.len() {
            for field_index in 0..self.models[index].fields.len() {
                let field = self.models[index].fields[field_index].field;
                let boxed = match &field.ty {
                    TypeRef::Model(target) => self.holds_directly(target, index),
                    _ => false,
                };
                self.models[index].fields[field_index].boxed = boxed;
            }
        }
    }

    /// True when the model named `from` holds model `goal` by value, itself
    /// or through other models held by value.
    fn holds_directly(&self, from: &str, goal: usize) -> bool {
        let mut seen = BTreeSet::new();
        let mut pending = vec![from];
        while let Some(name) = pending.pop() {
            let Some(&index) = self.model_index.get(name) else {
                continue;
            };
            if index == goal {
                return true;
            }
            if seen.insert(index) {
                pending.extend(self.models[index].model.fields.iter().filter_map(
                    |f| match &f.ty {
                        TypeRef::Model(target) => Some(target.as_str()),
                        _ => None,
                    },
                ));
            }
        }
        false
    }

    /// Request-side models with a constraint of their own, or holding one
    /// that has; repeated until nothing changes, for nesting and cycles.
    fn mark_validating(&mut self) {
        loop {
            let mut changed = false;
            for index in 0..self.models.len() {
                let model = &self.models[index];
                if model.validates || !model.request_side {
                    continue;
                }
                let validates = model.fields.iter().any(|field| self.field_validates(field));
                self.models[index].validates = validates;
                changed |= validates;
            }
            if !changed {
                break;
            }
        }
    }

    /// True when a value of this field has something to check.
    pub(crate) fn field_validates(&self, field: &FieldPlan) -> bool {
        !crate::validate::own_checks(field).is_empty()
            || model_names(&field.field.ty)
                .any(|name| self.model(name).is_some_and(|m| m.validates))
    }
}

impl<'a> FieldPlan<'a> {
    /// Names a field in `scope`.
    pub(crate) fn new(field: &'a Field, scope: &mut Scope) -> Self {
        Self::named(field, scope.ident(&field.name, "field"))
    }

    /// A field named `ident`.
    fn named(field: &'a Field, ident: Name) -> Self {
        Self {
            field,
            ident,
            enum_index: None,
            boxed: false,
        }
    }
}

impl<'a> OperationPlan<'a> {
    /// The name the operation is called by: the official name of a named
    /// variant, else the operation's id.
    pub(crate) fn id(&self) -> &'a str {
        self.official
            .map_or(&self.operation.id, |official| &official.name)
    }

    /// The title of the page(s) it is documented on.
    pub(crate) fn summary(&self) -> &'a Text {
        self.official
            .map_or(&self.operation.summary, |official| &official.summary)
    }

    /// The operation as `official` calls it, by `method`: the body its
    /// page documents instead of the operation's variants.
    fn variant(
        &self,
        official: &'a OperationName,
        method: Name,
        types: &mut Scope,
    ) -> NamedVariant<'a> {
        let documented = self.operation.request_body.as_ref().and_then(|body| {
            let name = official.body.as_deref()?;
            body.variants.iter().find(|variant| variant.name == name)
        });
        let body = match (&self.body, documented) {
            (Some(body), Some(documented)) => Some(BodyPlan {
                shape: BodyShape::Single(&documented.schema),
                ..body.clone()
            }),
            (Some(body), None) if official.body.is_some() => Some(body.clone()),
            _ => None,
        };
        let same = match (&self.body, &body) {
            (None, None) => true,
            (Some(own), Some(_)) => matches!(own.shape, BodyShape::Single(_)),
            _ => false,
        };
        let base = fallback_if_empty(camel(&official.name), "Operation");
        NamedVariant {
            plan: OperationPlan {
                operation: self.operation,
                official: Some(official),
                uri: self.uri,
                method,
                request: types.ident(&format!("{base}Request"), "Request"),
                response: self.response.clone(),
                parameters: self.parameters.clone(),
                body,
                response_headers: self.response_headers.clone(),
                response_body: self.response_body.clone(),
                success_statuses: self.success_statuses.clone(),
            },
            merged: self.method.clone(),
            alias_of: same.then(|| self.request.clone()),
        }
    }

    /// Names the parameters, body and response members.
    fn with_members(mut self, base: &str, types: &mut Scope) -> Self {
        let operation = self.operation;
        let mut members = Scope::new(Case::Snake);
        for reserved in ["new", "validate", "into_operation"] {
            members.reserve(reserved);
        }
        // The body is `.body(...)` whatever the parameters are called.
        let body = operation
            .request_body
            .as_ref()
            .filter(|body| !body.variants.is_empty());
        let body_ident = body.map(|_| members.ident("body", "body"));
        let exposed: Vec<&Parameter> = operation
            .parameters
            .iter()
            .filter(|param| !is_managed_header(param) && !of_another_path(param, self.uri))
            .collect();
        // Path parameters are named first, so that they keep their names.
        let mut order: Vec<usize> = (0..exposed.len()).collect();
        order.sort_by_key(|&index| exposed[index].location != ParamLocation::Path);
        let mut idents: BTreeMap<usize, Name> = order
            .into_iter()
            .map(|index| {
                let name = parameter_name(exposed[index], &exposed);
                (index, members.ident(&name, "field"))
            })
            .collect();
        self.parameters = exposed
            .iter()
            .enumerate()
            .filter_map(|(index, param)| {
                Some(ParamPlan {
                    location: param.location,
                    required: param_required(param),
                    field: FieldPlan::named(&param.field, idents.remove(&index)?),
                })
            })
            .collect();
        self.body = body.zip(body_ident).map(|(body, ident)| BodyPlan {
            ident,
            required: body.required,
            shape: match body.variants.as_slice() {
                [single] => BodyShape::Single(&single.schema),
                variants => {
                    let mut names = Scope::new(Case::Camel);
                    BodyShape::Variants {
                        ident: types.ident(&format!("{base}Body"), "Body"),
                        variants: variants
                            .iter()
                            .map(|v| (names.ident(&v.name, "Variant"), v))
                            .collect(),
                    }
                }
            },
        });
        self.name_response(base, types);
        self
    }

    /// Names the status, body and header fields of the response, and the
    /// 2xx statuses it documents.
    fn name_response(&mut self, base: &str, types: &mut Scope) {
        let mut members = Scope::new(Case::Snake);
        for reserved in ["status", "request_id"] {
            members.reserve(reserved);
        }
        let successes: Vec<_> = self
            .operation
            .responses
            .iter()
            .filter(|r| (200..300).contains(&r.status))
            .collect();
        self.success_statuses = successes.iter().map(|r| r.status).collect();
        let body_ident = members.ident("body", "body");
        let mut variants: Vec<(&TypeRef, Vec<u16>)> = Vec::new();
        for response in &successes {
            let Some(schema) = response
                .body
                .as_ref()
                .filter(|_| answer_has_body(self.uri.method, response.status))
            else {
                continue;
            };
            match variants.iter_mut().find(|(known, _)| *known == schema) {
                Some((_, statuses)) => statuses.push(response.status),
                None => variants.push((schema, vec![response.status])),
            }
        }
        let with_body: Vec<u16> = variants.iter().flat_map(|(_, s)| s.clone()).collect();
        let only_for = (with_body.len() < successes.len()).then_some(with_body);
        self.response_body = match variants.as_slice() {
            [] => None,
            [(schema, _)] => Some(ResponseShape::Single(schema)),
            _ => {
                let mut names = Scope::new(Case::Camel);
                Some(ResponseShape::ByStatus {
                    ident: types.ident(&format!("{base}SuccessBody"), "SuccessBody"),
                    variants: variants
                        .into_iter()
                        .map(|(schema, statuses)| StatusVariant {
                            ident: names.ident(&status_name(statuses[0]), "Status"),
                            schema,
                            statuses,
                        })
                        .collect(),
                })
            }
        }
        .map(|shape| ResponseBodyPlan {
            ident: body_ident,
            shape,
            only_for,
        });
        let mut seen = BTreeSet::new();
        self.response_headers = successes
            .iter()
            .flat_map(|response| &response.headers)
            .filter(|header| seen.insert(header.name.to_ascii_lowercase()))
            .map(|header| FieldPlan::new(header, &mut members))
            .collect();
    }
}

/// The name a request member of `param` is made from: its own, but a
/// query or header parameter whose name a parameter of another location
/// shares (a `project_id` query filter beside the `{project_id}` path
/// placeholder) says where it travels (`query_project_id`), not a number.
fn parameter_name(param: &Parameter, all: &[&Parameter]) -> String {
    let clashes = all.iter().any(|other| {
        other.location != param.location && snake(&other.field.name) == snake(&param.field.name)
    });
    match param.location {
        ParamLocation::Query if clashes => format!("query_{}", param.field.name),
        ParamLocation::Header if clashes => format!("header_{}", param.field.name),
        _ => param.field.name.clone(),
    }
}

/// False where HTTP sends the answer without a body (RFC 9110): to a HEAD
/// request, and of 204 (and 1xx, 304, which are no successes), whatever
/// table the page documents (apidoc-check reports it).
fn answer_has_body(method: Method, status: u16) -> bool {
    method != Method::Head && status != 204
}

/// The reason phrase of a 2xx status, else `Status<n>`.
fn status_name(status: u16) -> String {
    SUCCESS_REASONS
        .iter()
        .find(|(known, _)| *known == status)
        .map_or_else(|| format!("Status{status}"), |(_, name)| (*name).to_owned())
}

/// True for the headers the runtime sets (authentication, signing).
fn is_managed_header(param: &Parameter) -> bool {
    param.location == ParamLocation::Header
        && MANAGED_HEADERS.contains(&param.field.name.to_ascii_lowercase().as_str())
}

/// True for a path parameter the request's path does not contain: it
/// belongs to another URI of the operation, or the page wrote the path with
/// example values (`path-param-unused`); it could not be sent (as the
/// OpenAPI document leaves it out too).
fn of_another_path(param: &Parameter, uri: &Uri) -> bool {
    param.location == ParamLocation::Path
        && !uri.path.contains(&format!("{{{}}}", param.field.name))
}

/// Path parameters are always required except `project_id`, which the
/// runtime fills from the configuration; others follow the Mandatory column.
fn param_required(param: &Parameter) -> bool {
    match param.location {
        ParamLocation::Path => param.field.name != PROJECT_ID,
        ParamLocation::Query | ParamLocation::Header => param.field.is_required(),
    }
}

/// The names of the models a type mentions, through arrays and maps.
pub(crate) fn model_names(ty: &TypeRef) -> Box<dyn Iterator<Item = &str> + '_> {
    match ty {
        TypeRef::Model(name) => Box::new(std::iter::once(name.as_str())),
        TypeRef::Array(inner) | TypeRef::Map(inner) => model_names(inner),
        _ => Box::new(std::iter::empty()),
    }
}

/// The innermost type of arrays and maps.
pub(crate) fn leaf(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Array(inner) | TypeRef::Map(inner) => leaf(inner),
        other => other,
    }
}

/// The values of a string field's enumeration, each once, with what they
/// mean; `None` when the field is not a string or lists no value. A listed
/// `null` is no value: nullability is a separate fact.
fn string_enum_values(field: &Field) -> Option<Vec<(String, Text)>> {
    if leaf(&field.ty) != &TypeRef::String {
        return None;
    }
    let mut seen = BTreeSet::new();
    let values: Vec<(String, Text)> = field
        .constraints
        .enum_values
        .iter()
        .filter_map(|value| {
            let wire = match &value.value {
                Value::String(text) => text.clone(),
                Value::Null => return None,
                other => other.to_string(),
            };
            seen.insert(wire.clone())
                .then(|| (wire, value.description.clone()))
        })
        .collect();
    (!values.is_empty()).then_some(values)
}

/// The values of a concept (of its first member) with what they mean:
/// for each value, the first meaning a member lists with it, else the
/// first its description states ([`concepts::stated_meaning`]).
fn meanings(members: &[&EnumUse]) -> Vec<(String, Text)> {
    let Some(first) = members.first() else {
        return Vec::new();
    };
    first
        .values
        .iter()
        .map(|(wire, own)| {
            let listed = || {
                members.iter().find_map(|member| {
                    member
                        .values
                        .iter()
                        .find(|(other, meaning)| other == wire && !meaning.is_empty())
                        .map(|(_, meaning)| meaning.clone())
                })
            };
            let stated = || {
                members.iter().find_map(|member| {
                    Some(concepts::stated_meaning(&member.field.description, wire))
                        .filter(|meaning| !meaning.is_empty())
                })
            };
            let meaning = if own.is_empty() {
                listed().or_else(stated).unwrap_or_default()
            } else {
                own.clone()
            };
            (wire.clone(), meaning)
        })
        .collect()
}

/// The CamelCase stem of an operation's type names.
fn operation_base(operation: &Operation) -> String {
    fallback_if_empty(camel(&operation.id), "Operation")
}

fn fallback_if_empty(name: String, fallback: &str) -> String {
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{awkward, metastudio};

    fn operation<'p>(plan: &'p Plan, id: &str) -> &'p OperationPlan<'p> {
        plan.operations
            .iter()
            .find(|op| op.operation.id == id)
            .unwrap_or_else(|| panic!("no operation {id}"))
    }

    fn model<'p>(plan: &'p Plan, name: &str) -> &'p ModelPlan<'p> {
        plan.model(name)
            .unwrap_or_else(|| panic!("no model {name}"))
    }

    fn field_enum(plan: &Plan, model_name: &str, field: &str) -> String {
        let model = model(plan, model_name);
        let field = model
            .fields
            .iter()
            .find(|f| f.field.name == field)
            .expect("field");
        field
            .enum_index
            .map_or_else(String::new, |index| plan.enums[index].ident.to_string())
    }

    #[test]
    fn enums_of_one_name_are_shared_when_their_values_agree() {
        let service = awkward();
        let plan = Plan::new(&service);
        assert_eq!(field_enum(&plan, "Foo", "bar_baz"), "FooBarBaz");
        assert_eq!(field_enum(&plan, "FooBar", "baz"), "FooBarBaz");
        assert_eq!(field_enum(&plan, "Foo", "BarBaz"), "FooBarBaz2");
    }

    #[test]
    fn enum_variants_are_unique_identifiers_keeping_every_distinct_value() {
        let service = awkward();
        let plan = Plan::new(&service);
        let values = field_enum(&plan, "type", "values");
        let item = plan
            .enums
            .iter()
            .find(|e| e.ident.to_string() == values)
            .expect("enum");
        let variants: Vec<(String, &str)> = item
            .variants
            .iter()
            .map(|v| (v.ident.to_string(), v.wire.as_str()))
            .collect();
        assert_eq!(
            variants,
            [
                ("AB".to_owned(), "a-b"),
                ("_1".to_owned(), "1"),
                ("Empty".to_owned(), ""),
                ("Self_".to_owned(), "Self"),
                ("Self2".to_owned(), "self"),
                ("Unknown2".to_owned(), "Unknown"),
                ("Unknown3".to_owned(), "UNKNOWN"),
                ("AB2".to_owned(), "a_b"),
                ("AB3".to_owned(), "A-B"),
                ("Value".to_owned(), "类型"),
                ("X".to_owned(), "x"),
            ]
        );
    }

    #[test]
    fn fields_and_parameters_of_one_concept_share_an_enum_named_by_their_owners() {
        let service = awkward();
        let plan = Plan::new(&service);
        // The models share `Gateway`, the operation `builder` no word.
        let shared = field_enum(&plan, "CreateGatewayOption", "size");
        assert_eq!(shared, "Size");
        assert_eq!(field_enum(&plan, "GatewayResponseBody", "size"), shared);
        let builder = operation(&plan, "builder");
        let size = builder
            .parameters
            .iter()
            .find(|p| p.field.field.name == "size");
        let index = size.and_then(|p| p.field.enum_index).expect("an enum");
        let item = &plan.enums[index];
        assert_eq!(item.ident.to_string(), shared);
        assert_eq!(item.module, Module::Models);
        let variants: Vec<String> = item.variants.iter().map(|v| v.ident.to_string()).collect();
        assert_eq!(variants, ["Small", "Medium"], "named by the meanings");
    }

    #[test]
    fn a_query_parameter_named_like_a_path_parameter_says_where_it_travels() {
        let service = awkward();
        let plan = Plan::new(&service);
        let names: Vec<String> = operation(&plan, "builder")
            .parameters
            .iter()
            .map(|p| p.field.ident.to_string())
            .collect();
        assert_eq!(names, ["query_project_id", "project_id", "size"]);
    }

    #[test]
    fn official_names_get_methods_unless_taken_and_share_requests_where_alike() {
        let service = awkward();
        let plan = Plan::new(&service);
        let named: Vec<(String, String, Option<String>, &str)> = plan
            .named_variants
            .iter()
            .map(|variant| {
                let body = match variant.plan.body.as_ref().map(|body| &body.shape) {
                    Some(BodyShape::Single(TypeRef::Model(name))) => name.as_str(),
                    Some(_) => "other",
                    None => "none",
                };
                (
                    variant.plan.method.to_string(),
                    variant.plan.request.to_string(),
                    variant.alias_of.as_ref().map(ToString::to_string),
                    body,
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                (
                    "delete_things".to_owned(),
                    "DeleteThingsRequest".to_owned(),
                    Some("NewRequest".to_owned()),
                    "none"
                ),
                (
                    "remove_things".to_owned(),
                    "RemoveThingsRequest".to_owned(),
                    Some("NewRequest".to_owned()),
                    "none"
                ),
                (
                    "patch_ab".to_owned(),
                    "PatchAbRequest".to_owned(),
                    None,
                    "Node"
                ),
                (
                    "patch_self".to_owned(),
                    "PatchSelfRequest".to_owned(),
                    None,
                    "Node"
                ),
                ("touch".to_owned(), "TouchRequest".to_owned(), None, "none"),
            ],
            "`ListThings` is an operation's method already"
        );
        let touch = &plan.named_variants[4].plan;
        assert_eq!(
            (touch.id(), touch.summary().en.as_deref()),
            ("Touch", Some("The Touch page."))
        );
    }

    #[test]
    fn model_names_are_unique_types() {
        let service = awkward();
        let plan = Plan::new(&service);
        let names: Vec<String> = plan.models.iter().map(|m| m.ident.to_string()).collect();
        assert_eq!(
            names,
            [
                "_1stModel",
                "Ab",
                "AB",
                "CreateGatewayOption",
                "ErrorResponse",
                "Foo",
                "FooBar",
                "GatewayResponseBody",
                "Node",
                "Option2",
                "Peer",
                "Self_",
                "Wide",
                "AB2",
                "Type"
            ]
        );
    }

    #[test]
    fn direct_cycles_are_boxed_and_collections_are_not() {
        let service = awkward();
        let plan = Plan::new(&service);
        let boxed = |name: &str| -> Vec<&str> {
            let model = model(&plan, name);
            model
                .fields
                .iter()
                .filter(|f| f.boxed)
                .map(|f| f.field.name.as_str())
                .collect()
        };
        assert_eq!(boxed("Node"), ["parent", "peer"]);
        assert_eq!(boxed("Peer"), ["back"]);
        assert!(boxed("Wide").is_empty());
    }

    #[test]
    fn only_request_side_models_with_constraints_validate() {
        let service = metastudio();
        let plan = Plan::new(&service);
        let flags = |name: &str| {
            (
                model(&plan, name).request_side,
                model(&plan, name).validates,
            )
        };
        assert_eq!(flags("UpdateTenantServiceConfigsRequestBody"), (true, true));
        // Reached from a request body and from a response: request side.
        assert_eq!(flags("SubAccountControlConfig"), (true, true));
        assert_eq!(flags("ServerList"), (true, true));
        // Validates only through the model it holds.
        assert_eq!(flags("BatchStartServersRequestBody"), (true, true));
        // Response only: its enum is not checked.
        assert_eq!(flags("CollectionInfo"), (false, false));
        assert_eq!(flags("ErrorResponse"), (false, false));
    }

    #[test]
    fn operations_expose_what_the_caller_sets() {
        let service = metastudio();
        let plan = Plan::new(&service);
        let show = plan
            .operations
            .iter()
            .find(|op| op.operation.id == "ShowTenantNotifications")
            .expect("op");
        let params: Vec<(String, bool)> = show
            .parameters
            .iter()
            .map(|p| (p.field.ident.to_string(), p.required))
            .collect();
        // Auth headers are the runtime's; project_id is filled from the
        // client when unset, so it is optional.
        assert_eq!(
            params,
            [
                ("project_id".to_owned(), false),
                ("limit".to_owned(), false),
                ("offset".to_owned(), false),
                ("r#type".to_owned(), true),
                ("scope".to_owned(), false),
                ("x_app_user_id".to_owned(), false),
            ]
        );
        let action = plan
            .operations
            .iter()
            .find(|op| op.operation.id == "BatchActionServers")
            .expect("op");
        let body = action.response_body.as_ref().expect("body");
        assert_eq!(body.only_for, Some(vec![200, 201]));
        assert_eq!(action.success_statuses, [200, 201, 204]);
        let ResponseShape::ByStatus { ident, variants } = &body.shape else {
            panic!("200 and 201 document different bodies: {:?}", body.shape);
        };
        assert_eq!(ident.to_string(), "BatchActionServersSuccessBody");
        let named: Vec<(String, &[u16])> = variants
            .iter()
            .map(|v| (v.ident.to_string(), v.statuses.as_slice()))
            .collect();
        assert_eq!(
            named,
            [
                ("Ok".to_owned(), &[200][..]),
                ("Created".to_owned(), &[201][..])
            ]
        );
        assert!(body.schema_for(201).is_some() && body.schema_for(204).is_none());
    }

    #[test]
    fn path_parameters_the_path_does_not_contain_are_left_out() {
        let mut service = metastudio();
        let action = service
            .operations
            .iter_mut()
            .find(|op| op.id == "BatchActionServers")
            .expect("op");
        action.uris[0].path = "/v1/p-1/servers/g-1/action".to_owned();
        let plan = Plan::new(&service);
        let action = plan
            .operations
            .iter()
            .find(|op| op.operation.id == "BatchActionServers")
            .expect("op");
        assert!(action.parameters.is_empty(), "{:?}", action.parameters);
    }

    #[test]
    fn answers_http_sends_without_a_body_decode_none() {
        let mut service = metastudio();
        for op in &mut service.operations {
            if op.id == "ShowTenantNotifications" {
                op.uris[0].method = Method::Head;
            }
            for response in &mut op.responses {
                if response.status == 204 {
                    response.body = Some(TypeRef::Object);
                }
            }
        }
        let plan = Plan::new(&service);
        let body = |id: &str| {
            let op = plan.operations.iter().find(|op| op.operation.id == id);
            op.expect("op").response_body.as_ref()
        };
        assert!(body("ShowTenantNotifications").is_none());
        let action = body("BatchActionServers").expect("200 and 201 have bodies");
        assert_eq!(action.only_for, Some(vec![200, 201]));
    }

    #[test]
    fn response_headers_are_named_once_and_apart_from_status_and_body() {
        let service = awkward();
        let plan = Plan::new(&service);
        let tricky = plan
            .operations
            .iter()
            .find(|op| op.operation.id == "type")
            .expect("op");
        let headers: Vec<String> = tricky
            .response_headers
            .iter()
            .map(|h| h.ident.to_string())
            .collect();
        assert_eq!(headers, ["x_count", "body_2", "status_2"]);
        assert_eq!(tricky.method.to_string(), "r#type");
        let methods: Vec<String> = plan
            .operations
            .iter()
            .map(|op| op.method.to_string())
            .collect();
        assert_eq!(
            methods,
            [
                "r#type",
                "new_2",
                "builder_2",
                "list_things",
                "list_things_2",
                "_1st_op"
            ]
        );
    }

    #[test]
    fn operations_without_a_uri_are_left_out() {
        let mut service = metastudio();
        service.operations[0].uris.clear();
        let plan = Plan::new(&service);
        assert_eq!(plan.operations.len(), service.operations.len() - 1);
    }
}
