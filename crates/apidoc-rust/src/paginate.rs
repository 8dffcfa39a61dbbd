//! Paginators of the list operations whose paging the pages state
//! (`apidoc_ir::paging`): `src/paginators.rs` implements the runtime's
//! `Paged` for each list request (which parameters page, where the items
//! and the next marker are in the answer), and the client gets
//! `<operation>_paginator(request)`, whose `pages()` and `items()` are
//! streams. The loop itself is the runtime's, compiled once.

use crate::docs::{Doc, code};
use crate::plan::{FieldPlan, Module, OperationPlan, Plan};
use crate::render::Items;
use crate::types::{Shape, TypeContext};
use apidoc_ir::paging::{Paging, Reading, Step, Style, paging};
use quote::format_ident;

/// A list operation and its paging.
pub(crate) struct Paginated<'p, 'a> {
    pub(crate) operation: &'p OperationPlan<'a>,
    pub(crate) paging: Paging<'a>,
}

/// The list operations of the plan that page, with accessors the emitter
/// can write (a body field the plan has no shape for gets no paginator).
pub(crate) fn paginated<'p, 'a>(plan: &'p Plan<'a>) -> Vec<Paginated<'p, 'a>> {
    plan.operations
        .iter()
        .filter(|operation| operation.response_body.is_some())
        .filter_map(
            |operation| match paging(plan.service, operation.operation) {
                Reading::Paged(paging) => Some(Paginated { operation, paging }),
                _ => None,
            },
        )
        .filter(|list| Accessors::of(plan, list).is_some())
        .collect()
}

/// The name of an operation's paginator method.
pub(crate) fn method_name(operation: &OperationPlan) -> proc_macro2::Ident {
    format_ident!("{}_paginator", operation.method.unraw())
}

/// `src/paginators.rs`, where the service has list operations that page.
pub(crate) fn paginators_file(plan: &Plan) -> Items {
    let doc = Doc::with_summary(format!(
        "How the list operations of the {} API page, for their paginators.",
        plan.title
    ))
    .inner_attrs();
    let mut items = Items::with_inner_attrs(doc);
    let impls: Vec<syn::Item> = paginated(plan)
        .iter()
        .filter_map(|list| paged_impl(plan, list))
        .collect();
    items.trees(impls);
    items
}

/// The client's `<operation>_paginator` methods.
pub(crate) fn client_methods(plan: &Plan) -> Vec<syn::ImplItem> {
    paginated(plan)
        .iter()
        .map(|list| {
            let operation = list.operation;
            let mut doc = Doc::with_summary(format!(
                "The pages of {}, read as they are polled.",
                plan.method_link(&operation.method)
            ));
            doc.paragraph(format!(
                "The pages state their paging as {}: `pages()` streams each answer, \
                 `items()` the items of them all. They end on an empty or short page, \
                 an answer naming no next page, a marker named twice, or `max_pages`.",
                code(list.paging.style.as_str())
            ));
            syntax!(syn::ImplItem;
                doc = doc.attrs(),
                method = method_name(operation),
                request = &operation.request;

                #[#doc]
                pub fn #method(
                    &self,
                    request: crate::operations::#request,
                ) -> apidoc_runtime::paginate::Paginator<'_, crate::operations::#request> {
                    apidoc_runtime::paginate::Paginator::new(&self.client, request)
                }
            )
        })
        .collect()
}

fn paged_impl(plan: &Plan, list: &Paginated) -> Option<syn::Item> {
    let accessors = Accessors::of(plan, list)?;
    let operation = list.operation;
    let paging = &list.paging;
    let param = |param: Option<&apidoc_ir::Parameter>| param.map(|p| p.field.name.clone());
    let name = param(paging.cursor).unwrap_or_default();
    let cursor = match paging.style {
        Style::Offset => format!("Offset({name:?})"),
        Style::Page => format!("Page({name:?})"),
        Style::Marker => format!("Marker({name:?})"),
        Style::NextUrl => "NextUrl".to_owned(),
    };
    let option = |value: Option<String>| value.map_or("None".to_owned(), |v| format!("Some({v})"));
    let constant = format!(
        "apidoc_runtime::paginate::Paging {{ cursor: apidoc_runtime::paginate::Cursor::{cursor}, \
         first: {first}, size: {size}, default_size: {default_size} }}",
        first = paging.first(),
        size = option(param(paging.size).map(|name| format!("{name:?}"))),
        default_size = option(paging.default_size().map(|size| size.to_string())),
    );
    let next: Vec<syn::ImplItem> = accessors
        .next
        .iter()
        .map(|next| {
            syntax!(syn::ImplItem; next = next.clone();
                #[inline]
                fn next(page: &Self::Page) -> Option<String> {
                    #next
                }
            )
        })
        .collect();
    Some(syntax!(syn::Item;
        request = &operation.request,
        response = &operation.response,
        item = accessors.item,
        id = &operation.operation.id,
        paging = expr(&constant),
        items = accessors.items,
        into_items = accessors.into_items,
        next = next;

        impl apidoc_runtime::paginate::Paged for crate::operations::#request {
            type Page = crate::operations::#response;
            type Item = #item;
            const OPERATION_ID: &'static str = #id;
            const PAGING: apidoc_runtime::paginate::Paging = #paging;

            #[inline]
            fn first_request(self) -> Result<apidoc_runtime::OperationRequest, apidoc_runtime::Error> {
                self.into_operation()
            }

            #[inline]
            fn decode(raw: apidoc_runtime::RawResponse) -> Result<Self::Page, apidoc_runtime::Error> {
                crate::operations::#response::from_raw(raw)
            }

            #[inline]
            fn items(page: &Self::Page) -> &[Self::Item] {
                #items
            }

            #[inline]
            fn into_items(page: Self::Page) -> Vec<Self::Item> {
                #into_items
            }

            #next! {}
        }
    ))
}

/// The expressions reading a page.
struct Accessors {
    item: syn::Type,
    items: syn::Expr,
    into_items: syn::Expr,
    next: Option<syn::Expr>,
}

impl Accessors {
    /// The accessors of a list's answer, where every field on the way has
    /// a plain or optional shape.
    fn of(plan: &Plan, list: &Paginated) -> Option<Self> {
        let body = list.operation.response_body.as_ref()?;
        let body_optional = body.only_for.is_some();
        let context = TypeContext {
            plan,
            module: Module::Operations,
        };
        let (item, items, into_items) = match &list.paging.items {
            Some(step) => {
                let (field, optional) = field_plan(plan, step)?;
                let item = context.rust_type(list.paging.item, field.enum_index);
                let ident = &field.ident;
                let (items, into_items) = match (body_optional, optional) {
                    (false, false) => (format!("&page.body.{ident}"), format!("page.body.{ident}")),
                    (false, true) => (
                        format!("page.body.{ident}.as_deref().unwrap_or_default()"),
                        format!("page.body.{ident}.unwrap_or_default()"),
                    ),
                    (true, false) => (
                        format!(
                            "page.body.as_ref().map(|body| body.{ident}.as_slice()).unwrap_or_default()"
                        ),
                        format!("page.body.map(|body| body.{ident}).unwrap_or_default()"),
                    ),
                    (true, true) => (
                        format!(
                            "page.body.as_ref().and_then(|body| body.{ident}.as_deref()).unwrap_or_default()"
                        ),
                        format!("page.body.and_then(|body| body.{ident}).unwrap_or_default()"),
                    ),
                };
                (item, items, into_items)
            }
            None => {
                let item = context.rust_type(list.paging.item, None);
                if body_optional {
                    (
                        item,
                        "page.body.as_deref().unwrap_or_default()".to_owned(),
                        "page.body.unwrap_or_default()".to_owned(),
                    )
                } else {
                    (item, "&page.body".to_owned(), "page.body".to_owned())
                }
            }
        };
        let next = match (&list.paging.item_id, list.paging.next.as_slice()) {
            (Some(id), _) => Some(last_item_id(plan, id)?),
            (None, []) => None,
            (None, path) => Some(field_path(plan, path, body_optional)?),
        };
        // The response's body member is always `body` (`plan::name_response`).
        Some(Self {
            item,
            items: expr(&items),
            into_items: expr(&into_items),
            next: next.as_deref().map(expr),
        })
    }
}

/// `Self::items(page).last()`'s id, as text.
fn last_item_id(plan: &Plan, id: &Step) -> Option<String> {
    let (field, optional) = field_plan(plan, id)?;
    let ident = &field.ident;
    Some(if optional {
        format!(
            "Self::items(page).last().and_then(|item| item.{ident}.as_ref()).map(ToString::to_string)"
        )
    } else {
        format!("Self::items(page).last().map(|item| item.{ident}.to_string())")
    })
}

/// The value at `path` in the page's body, as text.
fn field_path(plan: &Plan, path: &[Step], body_optional: bool) -> Option<String> {
    let (mut text, mut in_option) = if body_optional {
        ("page.body.as_ref()".to_owned(), true)
    } else {
        ("page.body".to_owned(), false)
    };
    for step in path {
        let (field, optional) = field_plan(plan, step)?;
        let ident = &field.ident;
        text = match (in_option, optional) {
            (false, false) => format!("{text}.{ident}"),
            (false, true) => format!("{text}.{ident}.as_ref()"),
            (true, false) => format!("{text}.map(|value| &value.{ident})"),
            (true, true) => format!("{text}.and_then(|value| value.{ident}.as_ref())"),
        };
        in_option |= optional;
    }
    Some(if in_option {
        format!("{text}.map(ToString::to_string)")
    } else {
        format!("Some({text}.to_string())")
    })
}

/// The plan of a step's field and whether it is optional; `None` for a
/// shape with `Nullable` (request-side models), which no accessor reads.
pub(crate) fn field_plan<'p>(plan: &'p Plan, step: &Step) -> Option<(&'p FieldPlan<'p>, bool)> {
    let model = plan.model(&step.model.name)?;
    let field = model
        .fields
        .iter()
        .find(|field| std::ptr::eq(field.field, step.field))?;
    match Shape::of_model_field(field, model.request_side) {
        Shape::Plain => Some((field, false)),
        Shape::Optional => Some((field, true)),
        Shape::Nullable | Shape::OptionalNullable => None,
    }
}

/// An expression of the emitter's own text (small accessors).
pub(crate) fn expr(text: &str) -> syn::Expr {
    syn::parse_str(text)
        .unwrap_or_else(|error| panic!("the emitter's expression `{text}` parses: {error}"))
}
