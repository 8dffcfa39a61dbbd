//! String enums: one variant per documented value and `Unknown(String)`
//! that keeps any other value, so that a service adding a value does not
//! break decoding. Their serde impls go through the text (`as_str`,
//! `From<String>`) rather than serde's derive, whose untagged `Unknown`
//! variant would buffer every value and try each variant in turn: far more
//! code per enum and per deserializer.

use crate::docs::{Doc, code};
use crate::plan::{EnumPlan, UNKNOWN_VARIANT};
use crate::syntax::str_lit;
use quote::format_ident;

/// The enum, its `VALUES`, `as_str()`, `From<String>`, `From<&str>`,
/// `FromStr` (never failing: an unlisted value is `Unknown`), `Display`
/// and serde impls. The conversions share one match (`listed`).
pub(crate) fn enum_items(plan: &EnumPlan) -> Vec<syn::Item> {
    let mut doc = Doc::from_text(
        &plan.description,
        format!("The values of {}.", code(&plan.ident.to_string())),
    );
    doc.paragraph(
        "Values the documentation does not list decode as `Unknown` and keep their text.",
    );
    let variants: Vec<syn::Variant> = plan
        .variants
        .iter()
        .map(|variant| {
            let mut doc = Doc::with_summary(code(&variant.wire));
            doc.text(&variant.description);
            syn::Variant {
                attrs: doc.attrs(),
                ident: variant.ident.ident(),
                fields: syn::Fields::Unit,
                discriminant: None,
            }
        })
        .collect();
    let arms: Vec<syn::Arm> = plan
        .variants
        .iter()
        .map(|variant| syntax!(syn::Arm; name = &variant.ident, wire = &variant.wire; Self::#name => #wire,))
        .collect();
    let from_wire: Vec<syn::Arm> = plan
        .variants
        .iter()
        .map(|variant| syntax!(syn::Arm; wire = &variant.wire, name = &variant.ident; #wire => Some(Self::#name),))
        .collect();
    let wires: Vec<syn::Expr> = plan
        .variants
        .iter()
        .map(|variant| str_lit(&variant.wire))
        .collect();
    let file = syntax!(syn::File;
        doc = doc.attrs(),
        ident = &plan.ident,
        unknown = format_ident!("{UNKNOWN_VARIANT}"),
        variants = variants,
        wires = wires,
        arms = arms,
        from_wire = from_wire;

        #[#doc]
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum #ident {
            #variants,
            /// A value the documentation does not list, as received.
            #unknown(String),
        }

        impl #ident {
            /// The values the documentation lists.
            pub const VALUES: &[&str] = &[#wires];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #arms => (),
                    Self::#unknown(value) => value,
                }
            }

            /// The variant of a listed wire value.
            fn listed(value: &str) -> Option<Self> {
                match value {
                    #from_wire => (),
                    _ => None,
                }
            }
        }

        impl From<String> for #ident {
            /// The variant of a wire value; `Unknown` for an unlisted one.
            fn from(value: String) -> Self {
                Self::listed(&value).unwrap_or(Self::#unknown(value))
            }
        }

        impl From<&str> for #ident {
            /// The variant of a wire value; `Unknown` for an unlisted one.
            fn from(value: &str) -> Self {
                Self::listed(value).unwrap_or_else(|| Self::#unknown(value.to_owned()))
            }
        }

        impl std::str::FromStr for #ident {
            type Err = std::convert::Infallible;

            /// The variant of a wire value; `Unknown` for an unlisted one.
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    );
    file.items
}
