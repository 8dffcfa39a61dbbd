//! `new(...)` of models with required fields and of requests: required
//! members are arguments, optional ones start unset; and the builder
//! method setting each optional member.

use crate::docs::Doc;
use crate::ident::Name;
use crate::plan::{FieldPlan, ModelPlan};
use crate::syntax::{Attrs, shorthand};
use crate::types::{Shape, TypeContext};
use apidoc_ir::TypeRef;

/// Clippy's default limit of function arguments.
const CLIPPY_MAX_ARGUMENTS: usize = 7;

/// A constructor under construction.
pub(crate) struct Constructor {
    doc: Doc,
    arguments: Vec<syn::FnArg>,
    inits: Vec<syn::FieldValue>,
}

/// A member: how it is passed and stored.
pub(crate) struct Required<'t> {
    /// The member (and argument) name.
    pub(crate) ident: &'t Name,
    /// The member's type without `Box`/`Nullable`.
    pub(crate) inner: syn::Type,
    /// True when the member is a plain `String`, taken as `impl Into<String>`.
    pub(crate) string: bool,
    /// True when the member is boxed.
    pub(crate) boxed: bool,
    /// True when the member is `Nullable`.
    pub(crate) nullable: bool,
}

impl<'t> Required<'t> {
    /// A model field of that shape.
    pub(crate) fn of_field(field: &'t FieldPlan, shape: Shape, context: TypeContext) -> Self {
        Self {
            ident: &field.ident,
            inner: context.rust_type(&field.field.ty, field.enum_index),
            string: field.field.ty == TypeRef::String && field.enum_index.is_none(),
            boxed: field.boxed,
            nullable: matches!(shape, Shape::Nullable | Shape::OptionalNullable),
        }
    }
}

impl Constructor {
    /// An empty constructor with its doc comment.
    pub(crate) fn new(doc: Doc) -> Self {
        Self {
            doc,
            arguments: Vec::new(),
            inits: Vec::new(),
        }
    }

    /// The constructor of a model: its required fields in page order.
    pub(crate) fn for_model(model: &ModelPlan, context: TypeContext) -> Self {
        let mut constructor = Self::new(Doc::with_summary(format!(
            "A `{}` with the required fields; optional fields start unset.",
            model.ident
        )));
        for field in &model.fields {
            let shape = Shape::of_model_field(field, model.request_side);
            if shape.is_optional() {
                constructor.optional(&field.ident);
            } else {
                constructor.required(Required::of_field(field, shape, context));
            }
        }
        constructor
    }

    /// Adds an argument.
    pub(crate) fn required(&mut self, member: Required) {
        let Required {
            ident,
            inner,
            string,
            boxed,
            nullable,
        } = member;
        let (argument, init) = match (string, boxed, nullable) {
            (true, _, false) => (
                syntax!(syn::Type;; impl Into<String>),
                syntax!(syn::FieldValue; ident = ident; #ident: #ident.into()),
            ),
            (_, true, false) => (
                inner,
                syntax!(syn::FieldValue; ident = ident; #ident: Box::new(#ident)),
            ),
            (_, true, true) => (
                syntax!(syn::Type; inner = inner; apidoc_runtime::Nullable<Box<#inner>>),
                shorthand(ident.ident()),
            ),
            (_, false, true) => (
                syntax!(syn::Type; inner = inner; apidoc_runtime::Nullable<#inner>),
                shorthand(ident.ident()),
            ),
            (false, false, false) => (inner, shorthand(ident.ident())),
        };
        self.arguments
            .push(syntax!(syn::FnArg; ident = ident, ty = argument; #ident: #ty));
        self.inits.push(init);
    }

    /// Adds a member that starts as `None`.
    pub(crate) fn optional(&mut self, ident: &Name) {
        self.inits
            .push(syntax!(syn::FieldValue; ident = ident; #ident: None));
    }

    /// True when `new()` takes no argument (the type then derives
    /// `Default`, which clippy asks for).
    pub(crate) fn takes_nothing(&self) -> bool {
        self.arguments.is_empty()
    }

    /// The `pub fn new`.
    pub(crate) fn item(self) -> syn::ImplItem {
        let allow = if self.arguments.len() > CLIPPY_MAX_ARGUMENTS {
            syntax!(Attrs;;
                #[allow(clippy::too_many_arguments, reason = "one argument per required field of the documentation")]
            )
            .0
        } else {
            Vec::new()
        };
        let body = if self.takes_nothing() {
            syntax!(syn::Expr;; Self::default())
        } else {
            syntax!(syn::Expr; inits = self.inits; Self { #inits })
        };
        syntax!(syn::ImplItem;
            doc = self.doc.attrs(),
            allow = allow,
            arguments = self.arguments,
            body = body;

            #[#doc]
            #[#allow]
            pub fn new(#arguments: ()) -> Self { #body }
        )
    }
}

/// Methods of the operator traits that take `self` and one value, as a
/// setter does: clippy asks a method so named to be the trait's.
const OPERATOR_METHODS: &[&str] = &[
    "add", "bitand", "bitor", "bitxor", "div", "mul", "rem", "shl", "shr", "sub",
];

/// The builder method of an optional member: `member(value) -> Self`,
/// storing `Some` of the value (boxed, or a present `Nullable`, as the
/// member is). `#[inline]`: like the operations' encoding, it is compiled
/// in the crate that calls it, so unused setters cost the SDK's own build
/// nothing.
pub(crate) fn setter(member: Required, doc: &Doc) -> syn::ImplItem {
    let Required {
        ident,
        inner,
        string,
        boxed,
        nullable,
    } = member;
    // The argument is `value`, not the member's name: clippy rejects
    // placeholder names (`foo`, `baz`) that pages may give fields.
    let (argument, value) = if string {
        (
            syntax!(syn::Type;; impl Into<String>),
            syntax!(syn::Expr;; value.into()),
        )
    } else {
        (inner, syntax!(syn::Expr;; value))
    };
    let value = if boxed {
        syntax!(syn::Expr; value = value; Box::new(#value))
    } else {
        value
    };
    let value = if nullable {
        syntax!(syn::Expr; value = value; apidoc_runtime::Nullable::Value(#value))
    } else {
        value
    };
    let allow = if OPERATOR_METHODS.contains(&ident.unraw()) {
        syntax!(Attrs;;
            #[allow(clippy::should_implement_trait, reason = "a setter named after its field")]
        )
        .0
    } else {
        Vec::new()
    };
    syntax!(syn::ImplItem;
        doc = doc.attrs(),
        allow = allow,
        ident = ident,
        argument = argument,
        value = value;

        #[#doc]
        #[#allow]
        #[inline]
        pub fn #ident(mut self, value: #argument) -> Self {
            self.#ident = Some(#value);
            self
        }
    )
}
