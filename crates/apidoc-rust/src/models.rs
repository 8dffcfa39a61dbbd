//! `src/models.rs` of the generated crate: one struct per model (public
//! fields, `new` taking the required ones, a builder method per optional
//! one), with the enums of its fields.

use crate::constructor::{Constructor, Required, setter};
use crate::docs::{Doc, code};
use crate::enums::enum_items;
use crate::fields::field_doc;
use crate::ident::Name;
use crate::plan::{ModelPlan, Module, Plan};
use crate::render::Items;
use crate::syntax::list_attr;
use crate::types::{Shape, TypeContext};
use crate::validate::{Checker, FieldPath};
use quote::quote;
use std::collections::BTreeSet;

/// The items of `src/models.rs`: each model followed by the enums its
/// fields introduce.
pub(crate) fn models_file(plan: &Plan) -> Items {
    let context = TypeContext {
        plan,
        module: Module::Models,
    };
    let mut items = Items::with_inner_attrs(
        Doc::with_summary(format!(
            "The objects of the {} API: request and response bodies and the objects inside them.",
            plan.title
        ))
        .inner_attrs(),
    );
    let mut emitted = BTreeSet::new();
    for model in &plan.models {
        items.trees(model_items(model, context));
        for index in model.fields.iter().filter_map(|field| field.enum_index) {
            if emitted.insert(index) {
                items.trees(enum_items(&plan.enums[index]));
            }
        }
    }
    items
}

fn model_items(model: &ModelPlan, context: TypeContext) -> Vec<syn::Item> {
    let doc = Doc::from_text(
        &model.model.description,
        format!("The {} object.", code(&model.model.name)),
    );
    let derives = if model.all_optional() {
        quote!(
            Clone,
            Debug,
            Default,
            PartialEq,
            serde::Serialize,
            serde::Deserialize
        )
    } else {
        quote!(
            Clone,
            Debug,
            PartialEq,
            serde::Serialize,
            serde::Deserialize
        )
    };
    let fields: Vec<syn::Field> = model
        .fields
        .iter()
        .map(|field| {
            let shape = Shape::of_model_field(field, model.request_side);
            let mut attrs = field_doc(field.field).attrs();
            attrs.extend(serde_attr(&field.field.name, &field.ident, shape));
            syntax!(syn::Field;
                attrs = attrs,
                name = &field.ident,
                ty = context.field_type(field, shape);
                #[#attrs] pub #name: #ty
            )
        })
        .collect();
    let mut methods = Vec::new();
    if !model.all_optional() {
        methods.push(Constructor::for_model(model, context).item());
    }
    methods.extend(model.fields.iter().filter_map(|field| {
        let shape = Shape::of_model_field(field, model.request_side);
        let doc = Doc::with_summary(format!("Sets the {} field.", code(&field.field.name)));
        shape
            .is_optional()
            .then(|| setter(Required::of_field(field, shape, context), &doc))
    }));
    if model.validates {
        methods.push(validate_at(model, context));
    }
    let structure = syntax!(syn::Item;
        doc = doc.attrs(),
        derive = vec![list_attr("derive", derives)],
        ident = &model.ident,
        fields = fields;

        #[#doc]
        #[#derive]
        pub struct #ident { #fields: () }
    );
    if methods.is_empty() {
        return vec![structure];
    }
    let methods = syntax!(syn::Item; ident = &model.ident, methods = methods;
        impl #ident { #methods! {} }
    );
    vec![structure, methods]
}

/// The `#[serde]` attribute of a field: its wire name where the Rust name
/// differs, and how absence and `null` read and write.
fn serde_attr(wire: &str, ident: &Name, shape: Shape) -> Option<syn::Attribute> {
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
    let tokens = match (rename, presence) {
        (None, None) => return None,
        (Some(rename), None) => rename,
        (None, Some(presence)) => presence,
        (Some(rename), Some(presence)) => quote!(#rename, #presence),
    };
    Some(list_attr("serde", tokens))
}

/// `validate_at`: the model's checks, reporting fields below `path`.
fn validate_at(model: &ModelPlan, context: TypeContext) -> syn::ImplItem {
    let checker = Checker { context };
    let checks: Vec<syn::Stmt> = model
        .fields
        .iter()
        .flat_map(|field| {
            let shape = Shape::of_model_field(field, model.request_side);
            checker.field(
                field,
                &field.field.ty,
                shape,
                &FieldPath::below_argument(&field.field.name),
            )
        })
        .collect();
    syntax!(syn::ImplItem; checks = checks;
        /// Checks the documented constraints, naming fields below `path`.
        pub(crate) fn validate_at(&self, path: &str) -> Result<(), apidoc_runtime::Error> {
            #checks;
            Ok(())
        }
    )
}
