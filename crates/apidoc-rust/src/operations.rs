//! `src/operations.rs` of the generated crate: per operation a request
//! (required members in `new`, optional ones on builder methods, checks in
//! `validate`), a response (status, documented headers, decoded body), the
//! enum of its request bodies where the page documents several, and the
//! enums of its parameters.

use crate::constructor::{Constructor, Required};
use crate::docs::{Doc, code};
use crate::enums::enum_items;
use crate::fields::field_doc;
use crate::ident::Name;
use crate::plan::{
    BodyPlan, BodyShape, FieldPlan, Module, OperationPlan, PROJECT_ID, ParamPlan, Plan,
};
use crate::render::Items;
use crate::types::{Shape, TypeContext, header_type, parameter_type};
use crate::validate::{Checker, FieldPath, unwrap_member};
use apidoc_ir::{ParamLocation, TypeRef};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use std::collections::BTreeSet;

/// The items of `src/operations.rs`.
pub(crate) fn operations_file(plan: &Plan) -> Items {
    let context = TypeContext {
        plan,
        module: Module::Operations,
    };
    let mut items = Items::from(
        Doc::with_summary(format!(
            "The requests and responses of the {} API operations.",
            plan.title
        ))
        .inner_attrs(),
    );
    let mut emitted = BTreeSet::new();
    for operation in &plan.operations {
        items.tokens(Request { operation, context }.item());
        if let Some(body) = operation
            .body
            .as_ref()
            .and_then(|body| body_enum(operation, body, context))
        {
            items.tokens(body);
        }
        for param in &operation.parameters {
            if let Some(index) = param
                .field
                .enum_index
                .filter(|index| emitted.insert(*index))
            {
                items.trees(enum_items(&plan.enums[index]));
            }
        }
        items.tokens(response_item(operation, context));
    }
    if plan.operations.iter().any(|op| op.body.is_some()) {
        items.tokens(json_body_fn());
    }
    items
}

/// A request type in the making.
struct Request<'p, 'a> {
    operation: &'p OperationPlan<'a>,
    context: TypeContext<'p, 'a>,
}

impl Request<'_, '_> {
    fn item(&self) -> TokenStream {
        let ident = &self.operation.request;
        let constructor = self.constructor();
        let derive_default = constructor.takes_nothing().then(|| quote!(Default,));
        let doc = self.doc().attrs();
        let fields = self.fields();
        let new = constructor.item();
        let setters = self.setters();
        let validate = self.validate();
        let into_operation = self.operation_conversion();
        quote! {
            #doc
            #[derive(Clone, Debug, #derive_default PartialEq)]
            pub struct #ident { #fields }

            impl #ident {
                #new
                #setters
                #validate
                #into_operation
            }
        }
    }

    fn doc(&self) -> Doc {
        let operation = self.operation.operation;
        let plan = self.context.plan;
        let mut doc = Doc::from_text(
            &operation.summary,
            format!("The {} operation.", code(&operation.id)),
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
    fn fields(&self) -> TokenStream {
        let params = self.operation.parameters.iter().map(|param| {
            let (ident, ty) = (&param.field.ident, self.param_type(param));
            let ty = if param.required {
                ty
            } else {
                quote!(Option<#ty>)
            };
            quote!(#ident: #ty,)
        });
        let body = self.operation.body.as_ref().map(|body| {
            let (ident, ty) = (&body.ident, self.body_type(body));
            let ty = if body.required {
                ty
            } else {
                quote!(Option<#ty>)
            };
            quote!(#ident: #ty,)
        });
        quote!(#(#params)* #body)
    }

    fn param_type(&self, param: &ParamPlan) -> TokenStream {
        self.context.rust_type(
            &parameter_type(&param.field.field.ty),
            param.field.enum_index,
        )
    }

    fn body_type(&self, body: &BodyPlan) -> TokenStream {
        match &body.shape {
            BodyShape::Single(schema) => self.context.rust_type(schema, None),
            BodyShape::Variants { ident, .. } => quote!(#ident),
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
    fn setters(&self) -> TokenStream {
        let params = self
            .operation
            .parameters
            .iter()
            .filter(|param| !param.required)
            .map(|param| {
                let mut doc = field_doc(param.field.field);
                doc.paragraph(location_sentence(param));
                let ty = parameter_type(&param.field.field.ty);
                let string = ty == TypeRef::String && param.field.enum_index.is_none();
                setter(
                    &param.field.ident,
                    self.context.rust_type(&ty, param.field.enum_index),
                    string,
                    &doc,
                )
            });
        let body = self
            .operation
            .body
            .as_ref()
            .filter(|body| !body.required)
            .map(|body| {
                setter(
                    &body.ident,
                    self.body_type(body),
                    false,
                    &Doc::with_summary("Sets the request body."),
                )
            });
        quote!(#(#params)* #body)
    }

    fn validate(&self) -> TokenStream {
        let checker = Checker {
            context: self.context,
        };
        let params = self.operation.parameters.iter().map(|param| {
            let shape = if param.required {
                Shape::Plain
            } else {
                Shape::Optional
            };
            let ty = parameter_type(&param.field.field.ty);
            checker.field(
                &param.field,
                &ty,
                shape,
                &FieldPath::text(&param.field.field.name),
            )
        });
        let body = self
            .operation
            .body
            .as_ref()
            .map(|body| body_checks(body, checker));
        quote! {
            /// Checks the documented constraints of the parameters and the
            /// body; the error names the field (`body.items[0].name`).
            pub fn validate(&self) -> Result<(), apidoc_runtime::Error> {
                #(#params)*
                #body
                Ok(())
            }
        }
    }

    fn operation_conversion(&self) -> TokenStream {
        let primary = self.operation.uri;
        let method = Ident::new(primary.method.as_str(), proc_macro2::Span::call_site());
        let path = &primary.path;
        let path_params = self.pairs(ParamLocation::Path, "path_params");
        let query = self.pairs(ParamLocation::Query, "query");
        let headers = self.pairs(ParamLocation::Header, "headers");
        let body = match &self.operation.body {
            Some(BodyPlan {
                ident,
                required: true,
                ..
            }) => quote!(Some(json_body(&self.#ident)?)),
            Some(BodyPlan {
                ident,
                required: false,
                ..
            }) => quote!(self.#ident.as_ref().map(json_body).transpose()?),
            None => quote!(None),
        };
        // `#[inline]` (here and on `from_raw`) leaves the code generation of
        // an operation's encoding and decoding, with the serde_json
        // instantiations of every model it reaches, to the crate that calls
        // the operation: the SDK's own build stays small and a user's build
        // pays only for the operations it uses (progenitor's clients get the
        // same from their `async fn`s). Without it a release build of the
        // ecs corpus crate took 61 s against progenitor's 24 s.
        quote! {
            /// The request as the runtime sends it, once its constraints hold.
            #[inline]
            pub(crate) fn into_operation(self) -> Result<apidoc_runtime::OperationRequest, apidoc_runtime::Error> {
                self.validate()?;
                #path_params
                #query
                #headers
                Ok(apidoc_runtime::OperationRequest {
                    method: apidoc_runtime::Method::#method,
                    path_template: #path,
                    path_params,
                    query,
                    headers,
                    body: #body,
                })
            }
        }
    }

    /// `let <var> = ...;` collecting the (name, text) pairs of the
    /// parameters at `location`: required ones in the initial `vec!`,
    /// optional ones pushed when set. A query array repeats its name per
    /// item; path and header arrays are joined with commas.
    fn pairs(&self, location: ParamLocation, var: &str) -> TokenStream {
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
                ParamLocation::Path => quote!(#wire),
                ParamLocation::Query | ParamLocation::Header => quote!(#wire.to_owned()),
            };
            let ident = &param.field.ident;
            let ty = parameter_type(&param.field.field.ty);
            let value = if param.required {
                quote!(self.#ident)
            } else {
                quote!(value)
            };
            let sent = match (&ty, location) {
                (TypeRef::Array(item), ParamLocation::Query) => {
                    let text = text(&quote!(item), item, param.field.enum_index);
                    Sent::Statement(
                        quote!(#var.extend(#value.into_iter().map(|item| (#key, #text)));),
                    )
                }
                (TypeRef::Array(item), _) => {
                    Sent::Pair(joined(&value, item, param.field.enum_index))
                }
                (scalar, _) => Sent::Pair(text(&value, scalar, param.field.enum_index)),
            };
            match (sent, param.required) {
                (Sent::Pair(text), true) => initial.push(quote!((#key, #text))),
                (Sent::Pair(text), false) => {
                    statements.push(
                        quote!(if let Some(value) = self.#ident { #var.push((#key, #text)); }),
                    );
                }
                (Sent::Statement(statement), true) => statements.push(statement),
                (Sent::Statement(statement), false) => {
                    statements.push(quote!(if let Some(value) = self.#ident { #statement }));
                }
            }
        }
        match (initial.is_empty(), statements.is_empty()) {
            (true, true) => quote!(let #var = Vec::new();),
            (false, true) => quote!(let #var = vec![#(#initial),*];),
            (true, false) => quote!(let mut #var = Vec::new(); #(#statements)*),
            (false, false) => quote!(let mut #var = vec![#(#initial),*]; #(#statements)*),
        }
    }
}

/// How a parameter value joins the list of pairs.
enum Sent {
    /// One (name, text) pair.
    Pair(TokenStream),
    /// A statement adding pairs (a query array: one pair per item).
    Statement(TokenStream),
}

/// A builder method setting an optional member.
fn setter(ident: &Name, ty: TokenStream, string: bool, doc: &Doc) -> TokenStream {
    let doc = doc.attrs();
    let (argument, value) = if string {
        (quote!(impl Into<String>), quote!(#ident.into()))
    } else {
        (ty, quote!(#ident))
    };
    quote! {
        #doc
        pub fn #ident(mut self, #ident: #argument) -> Self {
            self.#ident = Some(#value);
            self
        }
    }
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
fn text(value: &TokenStream, ty: &TypeRef, enum_index: Option<usize>) -> TokenStream {
    match (ty, enum_index) {
        (TypeRef::String, None) => value.clone(),
        _ => quote!(#value.to_string()),
    }
}

/// An array parameter as comma-separated text.
fn joined(value: &TokenStream, item: &TypeRef, enum_index: Option<usize>) -> TokenStream {
    match (item, enum_index) {
        (TypeRef::String, None) => quote!(#value.join(",")),
        _ => quote!(#value.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")),
    }
}

/// The checks of the request body: its models' `validate_at("body")`.
fn body_checks(body: &BodyPlan, checker: Checker) -> TokenStream {
    let shape = if body.required {
        Shape::Plain
    } else {
        Shape::Optional
    };
    let path = FieldPath::text("body");
    match &body.shape {
        BodyShape::Single(schema) => unwrap_member(
            &body.ident,
            shape,
            checker.value(schema, &[], &quote!(value), &path, 0),
        ),
        BodyShape::Variants {
            ident: enum_ident,
            variants,
        } => {
            let arms: Vec<_> = variants
                .iter()
                .filter_map(|(variant, documented)| {
                    let checks = checker.value(&documented.schema, &[], &quote!(value), &path, 0);
                    let pattern = quote!(#enum_ident::#variant(value));
                    let pattern = if body.required {
                        pattern
                    } else {
                        quote!(Some(#pattern))
                    };
                    (!checks.is_empty()).then_some((pattern, checks))
                })
                .collect();
            let member = &body.ident;
            match arms.as_slice() {
                [] => TokenStream::new(),
                [(pattern, checks)] => quote!(if let #pattern = &self.#member { #checks }),
                arms => {
                    let rest =
                        (arms.len() < variants.len() || !body.required).then(|| quote!(_ => {}));
                    let arms = arms
                        .iter()
                        .map(|(pattern, checks)| quote!(#pattern => { #checks }));
                    quote!(match &self.#member { #(#arms)* #rest })
                }
            }
        }
    }
}

/// The untagged enum of an operation's documented bodies.
fn body_enum(
    operation: &OperationPlan,
    body: &BodyPlan,
    context: TypeContext,
) -> Option<TokenStream> {
    let BodyShape::Variants { ident, variants } = &body.shape else {
        return None;
    };
    let doc = Doc::with_summary(format!(
        "The bodies [`{}`] can send; each variant is the body of one documented operation.",
        operation.request
    ))
    .attrs();
    let variants = variants.iter().map(|(variant, documented)| {
        let doc = Doc::from_text(
            &documented.summary,
            format!("The body of {}.", code(&documented.name)),
        )
        .attrs();
        let ty = context.rust_type(&documented.schema, None);
        quote!(#doc #variant(#ty),)
    });
    Some(quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        pub enum #ident { #(#variants)* }
    })
}

/// The response type and its decoding.
fn response_item(operation: &OperationPlan, context: TypeContext) -> TokenStream {
    let ident = &operation.response;
    let doc = Doc::with_summary(format!(
        "The successful answer of {}.",
        context.plan.method_link(&operation.method)
    ))
    .attrs();
    let headers: Vec<_> = operation
        .response_headers
        .iter()
        .map(|header| response_header(header, context))
        .collect();
    let (header_fields, header_inits): (Vec<_>, Vec<_>) = headers.into_iter().unzip();
    let (body_field, body_init) = match &operation.response_body {
        Some(body) => {
            let (member, ty) = (&body.ident, context.rust_type(body.schema, None));
            let doc = Doc::with_summary("The decoded body.").attrs();
            let statuses = body
                .only_for
                .as_ref()
                .map(|statuses| statuses.iter().map(|s| Literal::u16_unsuffixed(*s)));
            match statuses {
                None => (
                    quote!(#doc pub #member: #ty,),
                    quote!(#member: raw.json()?,),
                ),
                Some(statuses) => (
                    quote!(#doc pub #member: Option<#ty>,),
                    quote!(#member: if matches!(raw.status, #(#statuses)|*) { Some(raw.json()?) } else { None },),
                ),
            }
        }
        None => (TokenStream::new(), TokenStream::new()),
    };
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq)]
        pub struct #ident {
            /// The HTTP status code (2xx).
            pub status: u16,
            #(#header_fields)*
            #body_field
        }

        impl #ident {
            /// Decodes a 2xx answer; any other status becomes
            /// [`apidoc_runtime::Error::Api`].
            #[inline]
            pub(crate) fn from_raw(raw: apidoc_runtime::RawResponse) -> Result<Self, apidoc_runtime::Error> {
                if !raw.is_success() {
                    return Err(raw.into_api_error());
                }
                Ok(Self {
                    #(#header_inits)*
                    #body_init
                    status: raw.status,
                })
            }
        }
    }
}

/// A response header's field and how it is read.
fn response_header(header: &FieldPlan, context: TypeContext) -> (TokenStream, TokenStream) {
    let ty = header_type(&header.field.ty);
    let member = &header.ident;
    let wire = &header.field.name;
    let mut doc = field_doc(header.field);
    doc.paragraph(format!("From the {} header.", code(wire)));
    let doc = doc.attrs();
    let rust = context.rust_type(&ty, None);
    let read = match ty {
        TypeRef::String => quote!(raw.header(#wire).map(str::to_owned)),
        _ => quote!(raw.header(#wire).and_then(|value| value.parse().ok())),
    };
    (
        quote!(#doc pub #member: Option<#rust>,),
        quote!(#member: #read,),
    )
}

/// The helper that serialises request bodies.
fn json_body_fn() -> TokenStream {
    quote! {
        /// The JSON text of a request body. Serialising these types fails
        /// only on a map with non-text keys, which they do not have.
        fn json_body<T: serde::Serialize>(body: &T) -> Result<Vec<u8>, apidoc_runtime::Error> {
            serde_json::to_vec(body).map_err(|error| apidoc_runtime::Error::Validation {
                field: "body".to_owned(),
                message: error.to_string(),
            })
        }
    }
}
