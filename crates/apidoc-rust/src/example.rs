//! The `no_run` doc example of an operation: build the client with AK/SK
//! credentials, build the request with example values for its required
//! members, call the operation. The generated crate's doc tests compile it.

use crate::ident::Name;
use crate::plan::{BodyShape, Module, OperationPlan, Plan};
use crate::render::{Items, format_items};
use crate::syntax::{lit, method_call, str_lit};
use crate::types::{Shape, parameter_type};
use apidoc_ir::{Constraints, Number, TypeRef, Value};
use proc_macro2::Literal;
use quote::format_ident;
use std::collections::{BTreeMap, BTreeSet};

/// Nesting of required models beyond which an example argument is `todo!()`
/// (only a cycle of required models goes that deep, and it has no value).
const MAX_DEPTH: usize = 4;

/// The Markdown of the example: a fenced `no_run` block.
pub(crate) fn example(plan: &Plan, operation: &OperationPlan) -> String {
    let mut builder = ExampleBuilder {
        plan,
        imports: BTreeSet::new(),
    };
    let request = builder.request(operation);
    let krate = format_ident!("{}", plan.crate_name);
    let imports: Vec<syn::Stmt> = builder
        .imports_by_module()
        .into_iter()
        .map(|(module, idents)| {
            let path = [krate.clone(), format_ident!("{module}")];
            syn::Stmt::Item(use_group(&path, idents.iter().map(|ident| ident.ident())))
        })
        .collect();
    let mut client = syntax!(syn::Expr; client = &plan.client; #client::builder());
    if let Some(region) = region(plan) {
        client = method_call(client, format_ident!("region"), vec![str_lit(&region)]);
    }
    let function = syntax!(syn::Item;
        krate = krate,
        client_type = &plan.client,
        imports = imports,
        client = client,
        request = request,
        method = &operation.method;

        async fn example() -> Result<(), #krate::Error> {
            use #krate::{Credentials, #client_type};
            #imports;
            let client = #client
                .credentials(Credentials::ak_sk("my-access-key", "my-secret-key"))
                .build()?;
            let request = #request;
            let response = client.#method(request).await?;
            println!("{response:?}");
            Ok(())
        }
    );
    let mut items = Items::default();
    items.trees([function]);
    fenced(&format_items(items))
}

/// `use a::b::{C, D};`, as syn parses it.
fn use_group(
    path: &[proc_macro2::Ident],
    names: impl Iterator<Item = proc_macro2::Ident>,
) -> syn::Item {
    let group = syn::UseTree::Group(syn::UseGroup {
        brace_token: Default::default(),
        items: names
            .map(|ident| syn::UseTree::Name(syn::UseName { ident }))
            .collect(),
    });
    let tree = path.iter().rev().fold(group, |tree, ident| {
        syn::UseTree::Path(syn::UsePath {
            ident: ident.clone(),
            colon2_token: Default::default(),
            tree: Box::new(tree),
        })
    });
    syn::Item::Use(syn::ItemUse {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        use_token: Default::default(),
        leading_colon: None,
        tree,
        semi_token: Default::default(),
    })
}

/// `todo!()`, where no example value can be written.
fn todo_expr() -> syn::Expr {
    syntax!(syn::Expr;; todo!())
}

/// The default `{region}` of the endpoint template, if it has one.
fn region(plan: &Plan) -> Option<String> {
    let meta = &plan.service.meta;
    meta.endpoint.contains("{region}").then(|| {
        let default = meta
            .endpoint_defaults
            .iter()
            .find(|(name, _)| name == "region");
        default.map_or_else(|| "cn-north-4".to_owned(), |(_, value)| value.clone())
    })
}

/// The formatted function as doc-test lines: the signature, `Ok(())` and
/// the closing brace hidden with `# `, the body unindented, a blank line
/// between the imports and the code.
fn fenced(function: &str) -> String {
    let lines: Vec<&str> = function.trim_end().lines().collect();
    let last = lines.len().saturating_sub(1);
    let mut body = Vec::with_capacity(lines.len() + 3);
    body.push("```no_run".to_owned());
    for (index, line) in lines.iter().enumerate() {
        let unindented = line.strip_prefix("    ").unwrap_or(line);
        if unindented.starts_with("let client") {
            body.push(String::new());
        }
        if index == 0 || index == last || unindented == "Ok(())" {
            body.push(format!("# {unindented}"));
        } else {
            body.push(unindented.to_owned());
        }
    }
    body.push("```".to_owned());
    body.join("\n")
}

struct ExampleBuilder<'p, 'a> {
    plan: &'p Plan<'a>,
    /// Items the example names: (module, type).
    imports: BTreeSet<(&'static str, Name)>,
}

impl ExampleBuilder<'_, '_> {
    /// `XRequest::new(<required members>)`.
    fn request(&mut self, operation: &OperationPlan) -> syn::Expr {
        let ident = &operation.request;
        self.import(Module::Operations, ident);
        let params = operation
            .parameters
            .iter()
            .filter(|param| param.required)
            .map(|param| {
                let ty = parameter_type(&param.field.field.ty);
                self.value(
                    &ty,
                    param.field.enum_index,
                    &param.field.field.constraints,
                    &param.field.field.name,
                    0,
                )
            });
        let mut arguments: Vec<syn::Expr> = params.collect();
        if let Some(body) = operation.body.as_ref().filter(|body| body.required) {
            let value = match &body.shape {
                BodyShape::Single(schema) => {
                    self.value(schema, None, &Constraints::default(), "body", 0)
                }
                BodyShape::Variants { ident, variants } => {
                    self.import(Module::Operations, ident);
                    match variants.first() {
                        Some((variant, documented)) => {
                            let inner = self.value(
                                &documented.schema,
                                None,
                                &Constraints::default(),
                                "body",
                                0,
                            );
                            syntax!(syn::Expr; ident = ident, variant = variant, inner = inner;
                                #ident::#variant(#inner)
                            )
                        }
                        None => todo_expr(),
                    }
                }
            };
            arguments.push(value);
        }
        syntax!(syn::Expr; ident = ident, arguments = arguments; #ident::new(#arguments))
    }

    /// An example value of a type: the documented default where it fits,
    /// else the minimum, else a plain value.
    fn value(
        &mut self,
        ty: &TypeRef,
        enum_index: Option<usize>,
        constraints: &Constraints,
        name: &str,
        depth: usize,
    ) -> syn::Expr {
        let default = constraints.default.as_ref().map(|fact| &fact.value);
        let minimum = constraints.minimum.as_ref().map(|fact| &fact.value);
        match ty {
            TypeRef::String => match enum_index {
                Some(index) => {
                    let item = &self.plan.enums[index];
                    self.import(item.module, &item.ident);
                    let ident = &item.ident;
                    match item.variants.first() {
                        Some(variant) => {
                            syntax!(syn::Expr; ident = ident, variant = &variant.ident; #ident::#variant)
                        }
                        None => todo_expr(),
                    }
                }
                None => str_lit(default.and_then(Value::as_str).unwrap_or(name)),
            },
            TypeRef::Integer => {
                let fits = |n: &i64| i32::try_from(*n).is_ok();
                let number = default
                    .and_then(Value::as_i64)
                    .filter(fits)
                    .or_else(|| minimum.and_then(Number::as_i64).filter(fits));
                lit(Literal::i64_unsuffixed(number.unwrap_or(1)))
            }
            TypeRef::Long => {
                let number = default
                    .and_then(Value::as_i64)
                    .or_else(|| minimum.and_then(Number::as_i64));
                lit(Literal::i64_unsuffixed(number.unwrap_or(1)))
            }
            TypeRef::Number => {
                let number = default
                    .and_then(Value::as_f64)
                    .or_else(|| minimum.and_then(Number::as_f64));
                lit(Literal::f64_unsuffixed(number.unwrap_or(1.0)))
            }
            TypeRef::Boolean => {
                let flag = default.and_then(Value::as_bool).unwrap_or(true);
                syn::Expr::Lit(syn::ExprLit {
                    attrs: Vec::new(),
                    lit: syn::Lit::Bool(syn::LitBool::new(flag, proc_macro2::Span::call_site())),
                })
            }
            TypeRef::Object | TypeRef::Any => syntax!(syn::Expr;; serde_json::Value::Null),
            TypeRef::Map(_) => syntax!(syn::Expr;; std::collections::BTreeMap::new()),
            TypeRef::Array(_) => syntax!(syn::Expr;; Vec::new()),
            TypeRef::Model(model_name) => self.model(model_name, depth),
        }
    }

    /// `Model::default()`, or `Model::new(<required fields>)`.
    fn model(&mut self, name: &str, depth: usize) -> syn::Expr {
        let Some(model) = self.plan.model(name) else {
            return syntax!(syn::Expr;; serde_json::Value::Null);
        };
        if depth >= MAX_DEPTH {
            return todo_expr();
        }
        let ident = &model.ident;
        self.import(Module::Models, ident);
        if model.all_optional() {
            return syntax!(syn::Expr; ident = ident; #ident::default());
        }
        let arguments: Vec<syn::Expr> = model
            .fields
            .iter()
            .filter(|field| !Shape::of_model_field(field, model.request_side).is_optional())
            .map(|field| {
                let shape = Shape::of_model_field(field, model.request_side);
                if shape == Shape::Nullable {
                    let krate = format_ident!("{}", self.plan.crate_name);
                    return syntax!(syn::Expr; krate = krate; #krate::Nullable::Null);
                }
                let constraints = &field.field.constraints;
                self.value(
                    &field.field.ty,
                    field.enum_index,
                    constraints,
                    &field.field.name,
                    depth + 1,
                )
            })
            .collect();
        syntax!(syn::Expr; ident = ident, arguments = arguments; #ident::new(#arguments))
    }

    /// The imports grouped by module, for one `use` line each.
    fn imports_by_module(&self) -> BTreeMap<&'static str, Vec<&Name>> {
        let mut grouped: BTreeMap<&'static str, Vec<&Name>> = BTreeMap::new();
        for (module, ident) in &self.imports {
            grouped.entry(module).or_default().push(ident);
        }
        grouped
    }

    fn import(&mut self, module: Module, ident: &Name) {
        let module = match module {
            Module::Models => "models",
            Module::Operations => "operations",
        };
        self.imports.insert((module, ident.clone()));
    }
}
