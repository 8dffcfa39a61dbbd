//! The one mapping from IR types to Rust types, and the wrappers
//! (`Option`, `Nullable`, `Box`) a field's presence adds around them.

use crate::ident::Name;
use crate::plan::{FieldPlan, Module, Plan};
use apidoc_ir::TypeRef;
use quote::format_ident;

/// How a field's value is wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Always present: `T`.
    Plain,
    /// Present, possibly `null` (required and nullable, request side):
    /// `Nullable<T>`.
    Nullable,
    /// May be absent: `Option<T>`.
    Optional,
    /// May be absent, `null` or a value (optional and nullable, request
    /// side): `Option<Nullable<T>>`.
    OptionalNullable,
}

impl Shape {
    /// The shape of a model field. `null` needs its own state only where
    /// the caller sends it (request side); in responses `null` and absent
    /// both read as `None`.
    pub(crate) fn of_model_field(field: &FieldPlan, request_side: bool) -> Self {
        let nullable = field.field.constraints.nullable.is_some();
        match (field.field.is_required(), nullable, request_side) {
            (true, false, _) => Self::Plain,
            (true, true, true) => Self::Nullable,
            (false, true, true) => Self::OptionalNullable,
            (true, true, false) | (false, _, _) => Self::Optional,
        }
    }

    /// True when the value may be absent.
    pub(crate) fn is_optional(self) -> bool {
        matches!(self, Self::Optional | Self::OptionalNullable)
    }

    /// Wraps a type.
    pub(crate) fn wrap(self, inner: syn::Type) -> syn::Type {
        match self {
            Self::Plain => inner,
            Self::Nullable => syntax!(syn::Type; inner = inner; apidoc_runtime::Nullable<#inner>),
            Self::Optional => option(inner),
            Self::OptionalNullable => {
                syntax!(syn::Type; inner = inner; Option<apidoc_runtime::Nullable<#inner>>)
            }
        }
    }
}

/// Where a type is printed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TypeContext<'p, 'a> {
    /// The names.
    pub(crate) plan: &'p Plan<'a>,
    /// The module the type is printed in, which decides the paths of
    /// models and enums.
    pub(crate) module: Module,
}

impl TypeContext<'_, '_> {
    /// The Rust type of an IR type; a string leaf becomes the enum
    /// `string_enum` (an index into the plan's enums) where the field has
    /// one. A model the service does not define reads as any JSON value.
    pub(crate) fn rust_type(&self, ty: &TypeRef, string_enum: Option<usize>) -> syn::Type {
        match ty {
            TypeRef::String => match string_enum {
                Some(index) => self.enum_path(index),
                None => syntax!(syn::Type;; String),
            },
            TypeRef::Integer => syntax!(syn::Type;; i32),
            TypeRef::Long => syntax!(syn::Type;; i64),
            TypeRef::Number => syntax!(syn::Type;; f64),
            TypeRef::Boolean => syntax!(syn::Type;; bool),
            TypeRef::Object | TypeRef::Any => syntax!(syn::Type;; serde_json::Value),
            TypeRef::Map(inner) => syntax!(syn::Type;
                inner = self.rust_type(inner, string_enum);
                std::collections::BTreeMap<String, #inner>
            ),
            TypeRef::Array(inner) => {
                syntax!(syn::Type; inner = self.rust_type(inner, string_enum); Vec<#inner>)
            }
            TypeRef::Model(name) => match self.plan.model(name) {
                Some(model) => self.path(Module::Models, &model.ident),
                None => syntax!(syn::Type;; serde_json::Value),
            },
        }
    }

    /// The type of a model field, boxed where it recurses, wrapped by its
    /// shape.
    pub(crate) fn field_type(&self, field: &FieldPlan, shape: Shape) -> syn::Type {
        let inner = self.rust_type(&field.field.ty, field.enum_index);
        let inner = if field.boxed {
            syntax!(syn::Type; inner = inner; Box<#inner>)
        } else {
            inner
        };
        shape.wrap(inner)
    }

    /// The path of an enum from this module.
    pub(crate) fn enum_path(&self, index: usize) -> syn::Type {
        syn::Type::Path(syn::TypePath {
            attrs: Vec::new(),
            qself: None,
            path: self.enum_type_path(index),
        })
    }

    /// `<enum>::VALUES` from this module.
    pub(crate) fn enum_values(&self, index: usize) -> syn::Expr {
        let mut path = self.enum_type_path(index);
        path.segments.push(format_ident!("VALUES").into());
        crate::syntax::path_expr(path)
    }

    fn enum_type_path(&self, index: usize) -> syn::Path {
        let item = &self.plan.enums[index];
        self.module_path(item.module, &item.ident)
    }

    fn path(&self, module: Module, ident: &Name) -> syn::Type {
        syn::Type::Path(syn::TypePath {
            attrs: Vec::new(),
            qself: None,
            path: self.module_path(module, ident),
        })
    }

    /// `ident` of `module`, as written in this module.
    fn module_path(&self, module: Module, ident: &Name) -> syn::Path {
        let mut segments: Vec<proc_macro2::Ident> = match (self.module, module) {
            (from, to) if from == to => Vec::new(),
            (_, Module::Models) => vec![format_ident!("crate"), format_ident!("models")],
            (_, Module::Operations) => vec![format_ident!("crate"), format_ident!("operations")],
        };
        segments.push(ident.ident());
        syn::Path {
            leading_colon: None,
            segments: segments.into_iter().map(syn::PathSegment::from).collect(),
        }
    }
}

/// `Option<inner>`.
pub(crate) fn option(inner: syn::Type) -> syn::Type {
    syntax!(syn::Type; inner = inner; Option<#inner>)
}

/// The type a parameter travels as: text in a URL or header, so objects
/// and maps are sent as JSON text of a `serde_json::Value`.
pub(crate) fn parameter_type(ty: &TypeRef) -> TypeRef {
    match ty {
        TypeRef::Array(inner) => TypeRef::Array(Box::new(parameter_type(inner))),
        TypeRef::Model(_) | TypeRef::Map(_) => TypeRef::Object,
        other => other.clone(),
    }
}

/// The type a response header is read as: numbers and booleans parsed,
/// anything else kept as text.
pub(crate) fn header_type(ty: &TypeRef) -> TypeRef {
    match ty {
        TypeRef::Integer | TypeRef::Long | TypeRef::Number | TypeRef::Boolean => ty.clone(),
        _ => TypeRef::String,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{field, model, service};
    use quote::ToTokens;

    fn printed(ty: &TypeRef, module: Module) -> String {
        let service = service(
            "pets",
            "Pets",
            "https://pets.example",
            vec![],
            vec![model("Pet", vec![])],
        );
        let plan = Plan::new(&service);
        TypeContext {
            plan: &plan,
            module,
        }
        .rust_type(ty, None)
        .to_token_stream()
        .to_string()
    }

    #[test]
    fn scalars() {
        assert_eq!(printed(&TypeRef::String, Module::Models), "String");
        assert_eq!(printed(&TypeRef::Integer, Module::Models), "i32");
        assert_eq!(printed(&TypeRef::Long, Module::Models), "i64");
        assert_eq!(printed(&TypeRef::Number, Module::Models), "f64");
        assert_eq!(printed(&TypeRef::Boolean, Module::Models), "bool");
        assert_eq!(
            printed(&TypeRef::Object, Module::Models),
            "serde_json :: Value"
        );
    }

    #[test]
    fn containers_and_models() {
        let pets = TypeRef::Array(Box::new(TypeRef::Model("Pet".into())));
        assert_eq!(printed(&pets, Module::Models), "Vec < Pet >");
        assert_eq!(
            printed(&pets, Module::Operations),
            "Vec < crate :: models :: Pet >"
        );
        let map = TypeRef::Map(Box::new(TypeRef::Array(Box::new(TypeRef::Long))));
        assert_eq!(
            printed(&map, Module::Models),
            "std :: collections :: BTreeMap < String , Vec < i64 > >"
        );
        assert_eq!(
            printed(&TypeRef::Model("Missing".into()), Module::Models),
            "serde_json :: Value"
        );
    }

    #[test]
    fn shapes_wrap() {
        let ty: syn::Type = syn::parse2(quote::quote!(T)).expect("a type");
        let printed = |shape: Shape| shape.wrap(ty.clone()).to_token_stream().to_string();
        assert_eq!(printed(Shape::Plain), "T");
        assert_eq!(printed(Shape::Optional), "Option < T >");
        assert_eq!(printed(Shape::Nullable), "apidoc_runtime :: Nullable < T >");
        assert_eq!(
            printed(Shape::OptionalNullable),
            "Option < apidoc_runtime :: Nullable < T > >"
        );
    }

    #[test]
    fn nullable_takes_three_states_only_on_the_request_side() {
        let mut nullable = field("x", TypeRef::String);
        nullable.constraints.nullable = Some(apidoc_ir::Span::default());
        let mut scope = crate::ident::Scope::new(crate::ident::Case::Snake);
        let optional = FieldPlan::new(&nullable, &mut scope);
        assert_eq!(
            Shape::of_model_field(&optional, true),
            Shape::OptionalNullable
        );
        assert_eq!(Shape::of_model_field(&optional, false), Shape::Optional);
        let mut required = nullable.clone();
        required.required = Some(true);
        let required = FieldPlan::new(&required, &mut scope);
        assert_eq!(Shape::of_model_field(&required, true), Shape::Nullable);
        assert_eq!(Shape::of_model_field(&required, false), Shape::Optional);
        let mut plain = field("y", TypeRef::Integer);
        plain.required = Some(true);
        assert_eq!(
            Shape::of_model_field(&FieldPlan::new(&plain, &mut scope), false),
            Shape::Plain
        );
    }

    #[test]
    fn parameters_and_headers_travel_as_text() {
        let nested = TypeRef::Array(Box::new(TypeRef::Model("Pet".into())));
        assert_eq!(
            parameter_type(&nested),
            TypeRef::Array(Box::new(TypeRef::Object))
        );
        assert_eq!(parameter_type(&TypeRef::Long), TypeRef::Long);
        assert_eq!(header_type(&TypeRef::Integer), TypeRef::Integer);
        assert_eq!(header_type(&TypeRef::Object), TypeRef::String);
    }
}
