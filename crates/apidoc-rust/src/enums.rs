//! String enums: one variant per documented value and `Unknown(String)`
//! that keeps any other value, so that a service adding a value does not
//! break decoding.

use crate::docs::{Doc, code};
use crate::plan::{EnumPlan, UNKNOWN_VARIANT};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The enum, its `VALUES`, `as_str()` and `Display`.
pub(crate) fn enum_item(plan: &EnumPlan) -> TokenStream {
    let ident = &plan.ident;
    let unknown = format_ident!("{UNKNOWN_VARIANT}");
    let mut doc = Doc::from_text(
        &plan.description,
        format!("The values of {}.", code(&ident.to_string())),
    );
    doc.paragraph(
        "Values the documentation does not list decode as `Unknown` and keep their text.",
    );
    let doc = doc.attrs();
    let variants = plan.variants.iter().map(|variant| {
        let mut doc = Doc::with_summary(code(&variant.wire));
        doc.text(&variant.description);
        let doc = doc.attrs();
        let (name, wire) = (&variant.ident, &variant.wire);
        quote! { #doc #[serde(rename = #wire)] #name, }
    });
    let arms = plan.variants.iter().map(|variant| {
        let (name, wire) = (&variant.ident, &variant.wire);
        quote!(Self::#name => #wire,)
    });
    let wires = plan.variants.iter().map(|variant| &variant.wire);
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum #ident {
            #(#variants)*
            /// A value the documentation does not list, as received.
            #[serde(untagged)]
            #unknown(String),
        }

        impl #ident {
            /// The values the documentation lists.
            pub const VALUES: &[&str] = &[#(#wires),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#arms)*
                    Self::#unknown(value) => value,
                }
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
