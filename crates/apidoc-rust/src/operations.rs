//! `src/operations.rs` of the generated crate: per operation a request
//! (required members in `new`, optional ones on builder methods, checks in
//! `validate`), a response (status, documented headers, decoded body), the
//! enum of its request bodies where the page documents several, and the
//! enums of its parameters.

use crate::constructor::{Constructor, Required, setter};
use crate::docs::{Doc, code};
use crate::enums::enum_items;
use crate::fields::field_doc;
use crate::ident::Name;
use crate::plan::{
    BodyPlan, BodyShape, FieldPlan, Module, NamedVariant, OperationPlan, PROJECT_ID, ParamPlan,
    Plan, ResponseBodyPlan, ResponseShape, StatusVariant,
};
use crate::render::Items;
use crate::syntax::{Stmts, list_attr, lit, str_lit};
use crate::types::option;
use crate::types::{Shape, TypeContext, header_type, parameter_type};
use crate::validate::{Checker, FieldPath, unwrap_member};
use apidoc_ir::{ParamLocation, TypeRef};
use proc_macro2::{Ident, Literal};
use quote::quote;
use std::collections::BTreeSet;

/// The items of `src/operations.rs`.
pub(crate) fn operations_file(plan: &Plan) -> Items {
    let context = TypeContext {
        plan,
        module: Module::Operations,
    };
    let mut items = Items::with_inner_attrs(
        Doc::with_summary(format!(
            "The requests and responses of the {} API operations.",
            plan.title
        ))
        .inner_attrs(),
    );
    let mut emitted = BTreeSet::new();
    for operation in &plan.operations {
        items.trees(Request { operation, context }.items());
        if let Some(body) = operation
            .body
            .as_ref()
            .and_then(|body| body_enum(operation, body, context))
        {
            items.trees([body]);
        }
        for param in &operation.parameters {
            // An enum some model shares lives in `models.rs`.
            if let Some(index) = param.field.enum_index.filter(|index| {
                plan.enums[*index].module == Module::Operations && emitted.insert(*index)
            }) {
                items.trees(enum_items(&plan.enums[index]));
            }
        }
        items.trees(response_items(operation, context));
    }
    for variant in &plan.named_variants {
        items.trees(variant_request(variant, context));
    }
    if plan.operations.iter().any(|op| op.body.is_some()) {
        items.trees([json_body_fn()]);
    }
    items
}

/// A request type in the making.
struct Request<'p, 'a> {
    operation: &'p OperationPlan<'a>,
    context: TypeContext<'p, 'a>,
}

impl Request<'_, '_> {
    fn items(&self) -> Vec<syn::Item> {
        let constructor = self.constructor();
        let derives = if constructor.takes_nothing() {
            quote!(Clone, Debug, Default, PartialEq)
        } else {
            quote!(Clone, Debug, PartialEq)
        };
        let mut methods = vec![constructor.item()];
        methods.extend(self.setters());
        methods.push(self.validate());
        methods.push(self.operation_conversion());
        syntax!(syn::File;
            doc = self.doc().attrs(),
            derive = vec![list_attr("derive", derives)],
            ident = &self.operation.request,
            fields = self.fields(),
            methods = methods;

            #[#doc]
            #[#derive]
            pub struct #ident { #fields: () }

            impl #ident {
                #methods! {}
            }
        )
        .items
    }

    fn doc(&self) -> Doc {
        let plan = self.context.plan;
        let mut doc = Doc::from_text(
            self.operation.summary(),
            format!("The {} operation.", code(self.operation.id())),
        );
        doc.paragraph(format!(
            "The request of {}: {}.",
            plan.method_link(&self.operation.method),
            code(&format!(
                "{} {}",
                self.operation.uri.method.as_str(),
                self.operation.uri.path
            )),
        ));
        doc
    }

    /// The private fields: parameters, then the body.
    fn fields(&self) -> Vec<syn::Field> {
        let member = |ident: &Name, ty: syn::Type, required: bool| {
            let ty = if required { ty } else { option(ty) };
            syntax!(syn::Field; ident = ident, ty = ty; #ident: #ty)
        };
        let mut fields: Vec<syn::Field> = self
            .operation
            .parameters
            .iter()
            .map(|param| member(&param.field.ident, self.param_type(param), param.required))
            .collect();
        if let Some(body) = &self.operation.body {
            fields.push(member(&body.ident, self.body_type(body), body.required));
        }
        fields
    }

    fn param_type(&self, param: &ParamPlan) -> syn::Type {
        self.context.rust_type(
            &parameter_type(&param.field.field.ty),
            param.field.enum_index,
        )
    }

    fn body_type(&self, body: &BodyPlan) -> syn::Type {
        match &body.shape {
            BodyShape::Single(schema) => self.context.rust_type(schema, None),
            BodyShape::Variants { ident, .. } => syntax!(syn::Type; ident = ident; #ident),
        }
    }

    fn constructor(&self) -> Constructor {
        let mut constructor = Constructor::new(Doc::with_summary(
            "A request with the required parameters; optional ones are set by the builder methods.",
        ));
        for param in &self.operation.parameters {
            if param.required {
                let ty = parameter_type(&param.field.field.ty);
                constructor.required(Required {
                    ident: &param.field.ident,
                    inner: self.context.rust_type(&ty, param.field.enum_index),
                    string: ty == TypeRef::String && param.field.enum_index.is_none(),
                    boxed: false,
                    nullable: false,
                });
            } else {
                constructor.optional(&param.field.ident);
            }
        }
        if let Some(body) = &self.operation.body {
            if body.required {
                constructor.required(Required {
                    ident: &body.ident,
                    inner: self.body_type(body),
                    string: false,
                    boxed: false,
                    nullable: false,
                });
            } else {
                constructor.optional(&body.ident);
            }
        }
        constructor
    }

    /// A builder method per optional parameter and for an optional body.
    fn setters(&self) -> Vec<syn::ImplItem> {
        let mut setters: Vec<syn::ImplItem> = self
            .operation
            .parameters
            .iter()
            .filter(|param| !param.required)
            .map(|param| {
                let mut doc = field_doc(param.field.field);
                doc.paragraph(location_sentence(param));
                let ty = parameter_type(&param.field.field.ty);
                let member = Required {
                    ident: &param.field.ident,
                    inner: self.context.rust_type(&ty, param.field.enum_index),
                    string: ty == TypeRef::String && param.field.enum_index.is_none(),
                    boxed: false,
                    nullable: false,
                };
                setter(member, &doc)
            })
            .collect();
        if let Some(body) = self.operation.body.as_ref().filter(|body| !body.required) {
            let member = Required {
                ident: &body.ident,
                inner: self.body_type(body),
                string: false,
                boxed: false,
                nullable: false,
            };
            setters.push(setter(member, &Doc::with_summary("Sets the request body.")));
        }
        setters
    }

    fn validate(&self) -> syn::ImplItem {
        let checker = Checker {
            context: self.context,
        };
        let mut checks: Vec<syn::Stmt> = Vec::new();
        for param in &self.operation.parameters {
            let shape = if param.required {
                Shape::Plain
            } else {
                Shape::Optional
            };
            let ty = parameter_type(&param.field.field.ty);
            checks.extend(checker.field(
                &param.field,
                &ty,
                shape,
                &FieldPath::text(&param.field.field.name),
            ));
        }
        if let Some(body) = &self.operation.body {
            checks.extend(body_checks(body, checker));
        }
        syntax!(syn::ImplItem; checks = checks;
            /// Checks the documented constraints of the parameters and the
            /// body; the error names the field (`body.items[0].name`).
            pub fn validate(&self) -> Result<(), apidoc_runtime::Error> {
                #checks;
                Ok(())
            }
        )
    }

    fn operation_conversion(&self) -> syn::ImplItem {
        let primary = self.operation.uri;
        let body = match &self.operation.body {
            Some(BodyPlan {
                ident,
                required: true,
                ..
            }) => syntax!(syn::Expr; ident = ident; Some(json_body(&self.#ident)?)),
            Some(BodyPlan {
                ident,
                required: false,
                ..
            }) => {
                syntax!(syn::Expr; ident = ident; self.#ident.as_ref().map(json_body).transpose()?)
            }
            None => syntax!(syn::Expr;; None),
        };
        // `#[inline]` (here and on `from_raw`) leaves the code generation of
        // an operation's encoding and decoding, with the serde_json
        // instantiations of every model it reaches, to the crate that calls
        // the operation: the SDK's own build stays small and a user's build
        // pays only for the operations it uses (progenitor's clients get the
        // same from their `async fn`s). Without it a release build of the
        // ecs corpus crate took 61 s against progenitor's 24 s.
        syntax!(syn::ImplItem;
            path_params = self.pairs(ParamLocation::Path, "path_params"),
            query = self.pairs(ParamLocation::Query, "query"),
            headers = self.pairs(ParamLocation::Header, "headers"),
            method = Ident::new(primary.method.as_str(), proc_macro2::Span::call_site()),
            path = &primary.path,
            body = body;

            /// The request as the runtime sends it, once its constraints hold.
            #[inline]
            pub(crate) fn into_operation(self) -> Result<apidoc_runtime::OperationRequest, apidoc_runtime::Error> {
                self.validate()?;
                #path_params;
                #query;
                #headers;
                Ok(apidoc_runtime::OperationRequest {
                    method: apidoc_runtime::Method::#method,
                    path_template: #path,
                    path_params,
                    query,
                    headers,
                    body: #body,
                })
            }
        )
    }

    /// `let <var> = ...;` collecting the (name, text) pairs of the
    /// parameters at `location`: required ones in the initial `vec!`,
    /// optional ones pushed when set. A query array repeats its name per
    /// item; path and header arrays are joined with commas.
    fn pairs(&self, location: ParamLocation, var: &str) -> Vec<syn::Stmt> {
        let var = Ident::new(var, proc_macro2::Span::call_site());
        let mut initial = Vec::new();
        let mut statements = Vec::new();
        for param in self
            .operation
            .parameters
            .iter()
            .filter(|param| param.location == location)
        {
            let wire = &param.field.field.name;
            let key = match location {
                ParamLocation::Path => str_lit(wire),
                ParamLocation::Query | ParamLocation::Header => {
                    syntax!(syn::Expr; wire = wire; #wire.to_owned())
                }
            };
            let ident = &param.field.ident;
            let ty = parameter_type(&param.field.field.ty);
            let value = if param.required {
                syntax!(syn::Expr; ident = ident; self.#ident)
            } else {
                syntax!(syn::Expr;; value)
            };
            let sent = match (&ty, location) {
                (TypeRef::Array(item), ParamLocation::Query) => {
                    let text = text(syntax!(syn::Expr;; item), item, param.field.enum_index);
                    Sent::Statement(
                        syntax!(Stmts;
                            var = var.clone(), value = value, key = key.clone(), text = text;
                            #var.extend(#value.into_iter().map(|item| (#key, #text)));
                        )
                        .0,
                    )
                }
                (TypeRef::Array(item), _) => {
                    Sent::Pair(joined(value, item, param.field.enum_index))
                }
                (scalar, _) => Sent::Pair(text(value, scalar, param.field.enum_index)),
            };
            match (sent, param.required) {
                (Sent::Pair(text), true) => {
                    initial.push(syntax!(syn::Expr; key = key, text = text; (#key, #text)));
                }
                (Sent::Pair(text), false) => statements.extend(
                    syntax!(Stmts; ident = ident, var = var.clone(), key = key, text = text;
                        if let Some(value) = self.#ident { #var.push((#key, #text)); }
                    )
                    .0,
                ),
                (Sent::Statement(statement), true) => statements.extend(statement),
                (Sent::Statement(statement), false) => statements.extend(
                    syntax!(Stmts; ident = ident, statement = statement;
                        if let Some(value) = self.#ident { #statement; }
                    )
                    .0,
                ),
            }
        }
        let declaration = match (initial.is_empty(), statements.is_empty()) {
            (true, true) => syntax!(Stmts; var = var; let #var = Vec::new();),
            (false, true) => {
                syntax!(Stmts; var = var, initial = initial; let #var = vec![#initial];)
            }
            (true, false) => syntax!(Stmts; var = var; let mut #var = Vec::new();),
            (false, false) => {
                syntax!(Stmts; var = var, initial = initial; let mut #var = vec![#initial];)
            }
        };
        let mut pairs = declaration.0;
        pairs.extend(statements);
        pairs
    }
}

/// The request of an official name of a merged operation: an alias of
/// the operation's request where the two are the same, else a request of
/// its own (the body its page documents instead of the variants).
fn variant_request(variant: &NamedVariant, context: TypeContext) -> Vec<syn::Item> {
    let operation = &variant.plan;
    let Some(merged) = &variant.alias_of else {
        return Request { operation, context }.items();
    };
    let mut doc = Doc::from_text(
        operation.summary(),
        format!("The {} operation.", code(operation.id())),
    );
    doc.paragraph(format!(
        "The request of {}: that of [`{merged}`].",
        context.plan.method_link(&operation.method)
    ));
    vec![syntax!(syn::Item;
        doc = doc.attrs(),
        ident = &operation.request,
        merged = merged;

        #[#doc]
        pub type #ident = #merged;
    )]
}

/// How a parameter value joins the list of pairs.
enum Sent {
    /// One (name, text) pair.
    Pair(syn::Expr),
    /// Statements adding pairs (a query array: one pair per item).
    Statement(Vec<syn::Stmt>),
}

/// Where a parameter travels, for its builder method's doc.
fn location_sentence(param: &ParamPlan) -> String {
    let name = code(&param.field.field.name);
    match param.location {
        ParamLocation::Path if param.field.field.name == PROJECT_ID => format!(
            "Sent as the {name} path parameter; when unset, the project id configured on the client is used."
        ),
        ParamLocation::Path => format!("Sent as the {name} path parameter."),
        ParamLocation::Query => format!("Sent as the {name} query parameter."),
        ParamLocation::Header => format!("Sent as the {name} header."),
    }
}

/// A parameter value (an owned expression) as the text it travels as.
fn text(value: syn::Expr, ty: &TypeRef, enum_index: Option<usize>) -> syn::Expr {
    match (ty, enum_index) {
        (TypeRef::String, None) => value,
        _ => syntax!(syn::Expr; value = value; #value.to_string()),
    }
}

/// An array parameter as comma-separated text.
fn joined(value: syn::Expr, item: &TypeRef, enum_index: Option<usize>) -> syn::Expr {
    match (item, enum_index) {
        (TypeRef::String, None) => syntax!(syn::Expr; value = value; #value.join(",")),
        _ => syntax!(syn::Expr; value = value;
            #value.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
        ),
    }
}

/// The checks of the request body: its models' `validate_at("body")`.
fn body_checks(body: &BodyPlan, checker: Checker) -> Vec<syn::Stmt> {
    let shape = if body.required {
        Shape::Plain
    } else {
        Shape::Optional
    };
    let path = FieldPath::text("body");
    let value = syntax!(syn::Expr;; value);
    match &body.shape {
        BodyShape::Single(schema) => unwrap_member(
            &body.ident,
            shape,
            checker.value(schema, &[], &value, &path, 0),
        ),
        BodyShape::Variants {
            ident: enum_ident,
            variants,
        } => {
            let arms: Vec<(syn::Pat, Vec<syn::Stmt>)> = variants
                .iter()
                .filter_map(|(variant, documented)| {
                    let checks = checker.value(&documented.schema, &[], &value, &path, 0);
                    let arm = if body.required {
                        syntax!(syn::Arm; ident = enum_ident, variant = variant;
                            #ident::#variant(value) => (),
                        )
                    } else {
                        syntax!(syn::Arm; ident = enum_ident, variant = variant;
                            Some(#ident::#variant(value)) => (),
                        )
                    };
                    (!checks.is_empty()).then_some((arm.pat, checks))
                })
                .collect();
            let member = &body.ident;
            match arms {
                arms if arms.is_empty() => Vec::new(),
                mut arms if arms.len() == 1 => {
                    let (pattern, checks) = arms.remove(0);
                    syntax!(Stmts; pattern = pattern, member = member, checks = checks;
                        if let #pattern = &self.#member { #checks; }
                    )
                    .0
                }
                arms => {
                    let rest = arms.len() < variants.len() || !body.required;
                    let mut arms: Vec<syn::Arm> = arms
                        .into_iter()
                        .map(|(pattern, checks)| {
                            syntax!(syn::Arm; pattern = pattern, checks = checks;
                                #pattern => { #checks; }
                            )
                        })
                        .collect();
                    if rest {
                        arms.push(syntax!(syn::Arm;; _ => {}));
                    }
                    syntax!(Stmts; member = member, arms = arms;
                        match &self.#member { #arms => () }
                    )
                    .0
                }
            }
        }
    }
}

/// The untagged enum of an operation's documented bodies. Variants stay
/// unboxed whatever their sizes (clippy's `large_enum_variant`): a body is
/// built once per call, and boxing would make every caller write `Box::new`.
fn body_enum(
    operation: &OperationPlan,
    body: &BodyPlan,
    context: TypeContext,
) -> Option<syn::Item> {
    let BodyShape::Variants { ident, variants } = &body.shape else {
        return None;
    };
    let doc = Doc::with_summary(format!(
        "The bodies [`{}`] can send; each variant is the body of one documented operation.",
        operation.request
    ));
    let variants: Vec<syn::Variant> = variants
        .iter()
        .map(|(variant, documented)| {
            let doc = Doc::from_text(
                &documented.summary,
                format!("The body of {}.", code(&documented.name)),
            );
            syntax!(syn::Variant;
                doc = doc.attrs(),
                variant = variant,
                ty = context.rust_type(&documented.schema, None);
                #[#doc] #variant(#ty)
            )
        })
        .collect();
    Some(syntax!(syn::Item;
        doc = doc.attrs(),
        ident = ident,
        variants = variants;

        #[#doc]
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        #[allow(clippy::large_enum_variant)]
        pub enum #ident { #variants }
    ))
}

/// The response type and its decoding, and the enum of its bodies where
/// they differ by status.
fn response_items(operation: &OperationPlan, context: TypeContext) -> Vec<syn::Item> {
    let doc = Doc::with_summary(format!(
        "The successful answer of {}.",
        context.plan.method_link(&operation.method)
    ));
    let (mut fields, mut inits): (Vec<syn::Field>, Vec<syn::FieldValue>) = operation
        .response_headers
        .iter()
        .map(|header| response_header(header, context))
        .unzip();
    let mut items = Vec::new();
    if let Some(body) = &operation.response_body {
        let (ty, decode) = match &body.shape {
            ResponseShape::Single(schema) => (context.rust_type(schema, None), decode_single(body)),
            ResponseShape::ByStatus { ident, variants } => {
                items.push(success_body_enum(operation, ident, variants, context));
                let ty = syntax!(syn::Type; ident = ident; #ident);
                (ty, decode_by_status(body, ident, variants))
            }
        };
        let ty = if body.only_for.is_some() {
            option(ty)
        } else {
            ty
        };
        let doc = Doc::with_summary("The decoded body.").attrs();
        let member = &body.ident;
        fields.push(syntax!(syn::Field; doc = doc, member = member, ty = ty;
            #[#doc] pub #member: #ty
        ));
        inits.push(syntax!(syn::FieldValue; member = member, decode = decode; #member: #decode));
    }
    let statuses: Vec<syn::Expr> = operation
        .success_statuses
        .iter()
        .map(|status| lit(Literal::u16_unsuffixed(*status)))
        .collect();
    items.extend(
        syntax!(syn::File;
            doc = doc.attrs(),
            ident = &operation.response,
            fields = fields,
            inits = inits,
            statuses = statuses;

            #[#doc]
            #[derive(Clone, Debug, PartialEq)]
            pub struct #ident {
                /// The HTTP status code (2xx).
                pub status: u16,
                /// The `X-Request-Id` header, the id support asks for.
                pub request_id: Option<String>,
                #fields: (),
            }

            impl #ident {
                /// Decodes an answer of a documented 2xx status; an error
                /// status becomes [`apidoc_runtime::Error::Api`], another
                /// 2xx [`apidoc_runtime::Error::UndocumentedStatus`].
                #[inline]
                pub(crate) fn from_raw(raw: apidoc_runtime::RawResponse) -> Result<Self, apidoc_runtime::Error> {
                    let raw = raw.success(&[#statuses])?;
                    Ok(Self {
                        #inits,
                        request_id: raw.request_id().map(str::to_owned),
                        status: raw.status,
                    })
                }
            }
        )
        .items,
    );
    items
}

/// Decoding the one body: always, or only for the statuses documenting it.
fn decode_single(body: &ResponseBodyPlan) -> syn::Expr {
    match &body.only_for {
        None => syntax!(syn::Expr;; raw.json()?),
        Some(statuses) => {
            let statuses: Vec<syn::Expr> = statuses
                .iter()
                .map(|status| lit(Literal::u16_unsuffixed(*status)))
                .collect();
            syntax!(syn::Expr; statuses = statuses_pattern(statuses);
                if matches!(raw.status, #statuses) { Some(raw.json()?) } else { None }
            )
        }
    }
}

/// Decoding the body of the status that came into its variant; where every
/// documented 2xx has a body, the last variant takes the rest (the status
/// is a documented one by then).
fn decode_by_status(
    body: &ResponseBodyPlan,
    ident: &Name,
    variants: &[StatusVariant],
) -> syn::Expr {
    let optional = body.only_for.is_some();
    let mut arms: Vec<syn::Arm> = variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let pattern = if !optional && index + 1 == variants.len() {
                syn::Pat::Wild(syn::PatWild {
                    attrs: Vec::new(),
                    underscore_token: Default::default(),
                })
            } else {
                or_pattern(&variant.statuses)
            };
            let value = syntax!(syn::Expr; ident = ident, variant = &variant.ident;
                #ident::#variant(raw.json()?)
            );
            let value = if optional {
                syntax!(syn::Expr; value = value; Some(#value))
            } else {
                value
            };
            syntax!(syn::Arm; pattern = pattern, value = value; #pattern => #value,)
        })
        .collect();
    if optional {
        arms.push(syntax!(syn::Arm;; _ => None,));
    }
    syntax!(syn::Expr; arms = arms; match raw.status { #arms => (), })
}

/// `200 | 201`: a match pattern of statuses.
fn or_pattern(statuses: &[u16]) -> syn::Pat {
    let literal = |status: &u16| {
        syn::Pat::Lit(syn::PatLit {
            attrs: Vec::new(),
            lit: syn::Lit::Int(syn::LitInt::new(
                &status.to_string(),
                proc_macro2::Span::call_site(),
            )),
        })
    };
    match statuses {
        [single] => literal(single),
        _ => syn::Pat::Or(syn::PatOr {
            attrs: Vec::new(),
            leading_vert: None,
            cases: statuses.iter().map(literal).collect(),
        }),
    }
}

/// The enum of the bodies of an operation whose 2xx statuses document
/// different ones: a variant per body, serialised as the body itself
/// (unboxed, as the request bodies' enum).
fn success_body_enum(
    operation: &OperationPlan,
    ident: &Name,
    variants: &[StatusVariant],
    context: TypeContext,
) -> syn::Item {
    let doc = Doc::with_summary(format!(
        "The body of a successful answer of {}, by the status that came.",
        context.plan.method_link(&operation.method)
    ));
    let variants: Vec<syn::Variant> = variants
        .iter()
        .map(|variant| {
            let statuses: Vec<String> = variant.statuses.iter().map(u16::to_string).collect();
            let doc = Doc::with_summary(format!("The body of HTTP {}.", statuses.join(", ")));
            syntax!(syn::Variant;
                doc = doc.attrs(),
                ident = &variant.ident,
                ty = context.rust_type(variant.schema, None);
                #[#doc] #ident(#ty)
            )
        })
        .collect();
    syntax!(syn::Item;
        doc = doc.attrs(),
        ident = ident,
        variants = variants;

        #[#doc]
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[allow(clippy::large_enum_variant)]
        pub enum #ident { #variants }
    )
}

/// `a | b | c`: the statuses as one pattern, for the input of `matches!`.
fn statuses_pattern(statuses: Vec<syn::Expr>) -> syn::Expr {
    statuses
        .into_iter()
        .reduce(|left, right| {
            syn::Expr::Binary(syn::ExprBinary {
                attrs: Vec::new(),
                left: Box::new(left),
                op: syn::BinOp::BitOr(Default::default()),
                right: Box::new(right),
            })
        })
        .unwrap_or_else(|| syntax!(syn::Expr;; _))
}

/// A response header's field and how it is read.
fn response_header(header: &FieldPlan, context: TypeContext) -> (syn::Field, syn::FieldValue) {
    let ty = header_type(&header.field.ty);
    let member = &header.ident;
    let wire = &header.field.name;
    let mut doc = field_doc(header.field);
    doc.paragraph(format!("From the {} header.", code(wire)));
    let read = match ty {
        TypeRef::String => syntax!(syn::Expr; wire = wire; raw.header(#wire).map(str::to_owned)),
        _ => {
            syntax!(syn::Expr; wire = wire; raw.header(#wire).and_then(|value| value.parse().ok()))
        }
    };
    (
        syntax!(syn::Field;
            doc = doc.attrs(),
            member = member,
            ty = option(context.rust_type(&ty, None));
            #[#doc] pub #member: #ty
        ),
        syntax!(syn::FieldValue; member = member, read = read; #member: #read),
    )
}

/// The helper that serialises request bodies.
fn json_body_fn() -> syn::Item {
    syntax!(syn::Item;;
        /// The JSON text of a request body. Serialising these types fails
        /// only on a map with non-text keys, which they do not have.
        fn json_body<T: serde::Serialize>(body: &T) -> Result<Vec<u8>, apidoc_runtime::Error> {
            serde_json::to_vec(body).map_err(|error| apidoc_runtime::Error::Validation {
                field: "body".to_owned(),
                message: error.to_string(),
            })
        }
    )
}
