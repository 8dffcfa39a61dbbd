//! `src/models.rs` of the generated crate: one struct per model, with the
//! enums of its fields.

use crate::constructor::Constructor;
use crate::docs::{Doc, code};
use crate::enums::enum_items;
use crate::fields::field_doc;
use crate::ident::Name;
use crate::plan::{ModelPlan, Module, Plan};
use crate::render::Items;
use crate::types::{Shape, TypeContext};
use crate::validate::{Checker, FieldPath};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// The items of `src/models.rs`: each model followed by the enums its
/// fields introduce.
pub(crate) fn models_file(plan: &Plan) -> Items {
    let context = TypeContext {
        plan,
        module: Module::Models,
    };
    let mut items = Items::from(
        Doc::with_summary(format!(
            "The objects of the {} API: request and response bodies and the objects inside them.",
            plan.title
        ))
        .inner_attrs(),
    );
    let mut emitted = BTreeSet::new();
    for model in &plan.models {
        items.tokens(model_item(model, context));
        for index in model.fields.iter().filter_map(|field| field.enum_index) {
            if emitted.insert(index) {
                items.trees(enum_items(&plan.enums[index]));
            }
        }
    }
    items
}

fn model_item(model: &ModelPlan, context: TypeContext) -> TokenStream {
    let ident = &model.ident;
    let doc = Doc::from_text(
        &model.model.description,
        format!("The {} object.", code(&model.model.name)),
    )
    .attrs();
    let derive_default = model.all_optional().then(|| quote!(Default,));
    let fields = model.fields.iter().map(|field| {
        let shape = Shape::of_model_field(field, model.request_side);
        let ty = context.field_type(field, shape);
        let doc = field_doc(field.field).attrs();
        let serde = serde_attr(&field.field.name, &field.ident, shape);
        let name = &field.ident;
        quote! { #doc #serde pub #name: #ty, }
    });
    let constructor =
        (!model.all_optional()).then(|| Constructor::for_model(model, context).item());
    let validate = model.validates.then(|| validate_at(model, context));
    let methods = (constructor.is_some() || validate.is_some())
        .then(|| quote!(impl #ident { #constructor #validate }));
    quote! {
        #doc
        #[derive(Clone, Debug, #derive_default PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct #ident { #(#fields)* }
        #methods
    }
}

/// The `#[serde]` attribute of a field: its wire name where the Rust name
/// differs, and how absence and `null` read and write.
fn serde_attr(wire: &str, ident: &Name, shape: Shape) -> TokenStream {
    let rename = (ident.unraw() != wire).then(|| quote!(rename = #wire));
    let presence = match shape {
        Shape::Plain | Shape::Nullable => None,
        Shape::Optional => Some(quote!(default, skip_serializing_if = "Option::is_none")),
        Shape::OptionalNullable => Some(quote!(
            default,
            deserialize_with = "apidoc_runtime::nullable::deserialize",
            skip_serializing_if = "Option::is_none"
        )),
    };
    match (rename, presence) {
        (None, None) => TokenStream::new(),
        (Some(rename), None) => quote!(#[serde(#rename)]),
        (None, Some(presence)) => quote!(#[serde(#presence)]),
        (Some(rename), Some(presence)) => quote!(#[serde(#rename, #presence)]),
    }
}

/// `validate_at`: the model's checks, reporting fields below `path`.
fn validate_at(model: &ModelPlan, context: TypeContext) -> TokenStream {
    let checker = Checker { context };
    let checks = model.fields.iter().map(|field| {
        let shape = Shape::of_model_field(field, model.request_side);
        checker.field(
            field,
            &field.field.ty,
            shape,
            &FieldPath::below_argument(&field.field.name),
        )
    });
    quote! {
        /// Checks the documented constraints, naming fields below `path`.
        pub(crate) fn validate_at(&self, path: &str) -> Result<(), apidoc_runtime::Error> {
            #(#checks)*
            Ok(())
        }
    }
}
