//! `src/client.rs` of the generated crate: the service client (one async
//! method per operation) and its builder, preloaded with the service's
//! endpoint template.

use crate::docs::{Doc, code};
use crate::example::example;
use crate::ident::Name;
use crate::plan::{OperationPlan, Plan};
use crate::render::Items;

/// The items of `src/client.rs`.
pub(crate) fn client_file(plan: &Plan) -> Items {
    let doc = Doc::with_summary(format!("The {} client.", plan.title)).inner_attrs();
    let mut items = Items::with_inner_attrs(doc);
    items.trees(client_items(plan));
    items.trees(builder_items(plan));
    items
}

fn client_items(plan: &Plan) -> Vec<syn::Item> {
    let meta = &plan.service.meta;
    let mut doc = Doc::with_summary(format!(
        "Client of the {} API ({}).",
        plan.title,
        code(&meta.version)
    ));
    if let Some(description) = &meta.description {
        doc.paragraph(crate::docs::escape_line(description));
    }
    doc.paragraph("Cloning is cheap: clones share the configuration and connections.");
    let defaults: Vec<syn::Expr> = meta
        .endpoint_defaults
        .iter()
        .map(|(name, value)| syntax!(syn::Expr; name = name, value = value; (#name, #value)))
        .collect();
    let mut methods: Vec<syn::ImplItem> = plan
        .operations
        .iter()
        .map(|operation| operation_method(plan, operation, None))
        .chain(
            plan.named_variants
                .iter()
                .map(|variant| operation_method(plan, &variant.plan, Some(&variant.merged))),
        )
        .collect();
    methods.extend(crate::paginate::client_methods(plan));
    syntax!(syn::File;
        doc = doc.attrs(),
        client = &plan.client,
        builder = &plan.builder,
        endpoint = &meta.endpoint,
        defaults = defaults,
        methods = methods;

        #[#doc]
        #[derive(Clone, Debug)]
        pub struct #client {
            client: apidoc_runtime::Client,
        }

        impl #client {
            /// The endpoint template; its variables are filled from the
            /// region and [`Self::ENDPOINT_DEFAULTS`].
            pub const ENDPOINT: &str = #endpoint;

            /// The default values of the endpoint template's variables.
            pub const ENDPOINT_DEFAULTS: &[(&str, &str)] = &[#defaults];

            /// A client sending through a configured runtime client.
            pub fn new(client: apidoc_runtime::Client) -> Self {
                Self { client }
            }

            /// The runtime client this one sends through, for what the
            /// operations do not cover ([`apidoc_runtime::Client::send`]).
            pub fn runtime(&self) -> &apidoc_runtime::Client {
                &self.client
            }

            /// A builder preloaded with the service's endpoint template.
            pub fn builder() -> #builder {
                #builder {
                    builder: apidoc_runtime::Client::builder().endpoint_template(Self::ENDPOINT, Self::ENDPOINT_DEFAULTS),
                }
            }

            #methods! {}
        }
    )
    .items
}

/// `async fn <operation>(&self, request) -> Result<Response, Error>`; for
/// a named variant, `merged` is the method of its merged operation.
fn operation_method(
    plan: &Plan,
    operation: &OperationPlan,
    merged: Option<&Name>,
) -> syn::ImplItem {
    let id = operation.id();
    let mut doc = Doc::from_text(operation.summary(), format!("The {} operation.", code(id)));
    match merged {
        Some(merged) => doc.paragraph(format!(
            "One of the requests {} sends, called by the official name its page states.",
            plan.method_link(merged)
        )),
        None => doc.text(&operation.operation.description),
    }
    doc.paragraph(code(&format!(
        "{} {}",
        operation.uri.method.as_str(),
        operation.uri.path
    )));
    doc.paragraph(
        "Checks the request's documented constraints first ([`apidoc_runtime::Error::Validation`]); \
         a non-2xx answer is [`apidoc_runtime::Error::Api`], a 2xx the pages do not document \
         [`apidoc_runtime::Error::UndocumentedStatus`].",
    );
    doc.paragraph("# Example");
    doc.paragraph(example(plan, operation));
    syntax!(syn::ImplItem;
        doc = doc.attrs(),
        method = &operation.method,
        request = &operation.request,
        response = &operation.response,
        id = id;

        #[#doc]
        pub async fn #method(
            &self,
            request: crate::operations::#request,
        ) -> Result<crate::operations::#response, apidoc_runtime::Error> {
            let raw = self.client.call(#id, request.into_operation()).await?;
            crate::operations::#response::from_raw(raw)
        }
    )
}

/// The builder: the runtime's builder with the service's endpoint.
fn builder_items(plan: &Plan) -> Vec<syn::Item> {
    let client = &plan.client;
    let forwards: Vec<syn::ImplItem> = forwarded_settings()
        .into_iter()
        .map(|(name, argument, doc)| {
            syntax!(syn::ImplItem;
                doc = doc,
                name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
                argument = argument;

                #[doc = #doc]
                pub fn #name(self, value: #argument) -> Self {
                    Self { builder: self.builder.#name(value) }
                }
            )
        })
        .collect();
    syntax!(syn::File;
        doc = format!(" Builds a [`{client}`]; start with [`{client}::builder`]."),
        builder = &plan.builder,
        client = client,
        forwards = forwards;

        #[doc = #doc]
        #[derive(Clone, Debug)]
        pub struct #builder {
            builder: apidoc_runtime::ClientBuilder,
        }

        impl #builder {
            #forwards! {}

            /// Sends requests without credentials and does not consult the
            /// environment or the credentials file.
            pub fn unauthenticated(self) -> Self {
                Self { builder: self.builder.unauthenticated() }
            }

            /// The client, or [`apidoc_runtime::Error::Config`] when the
            /// endpoint cannot be built.
            pub fn build(self) -> Result<#client, apidoc_runtime::Error> {
                self.builder.build().map(#client::new)
            }
        }
    )
    .items
}

/// The runtime builder's settings: name, argument type, doc.
fn forwarded_settings() -> Vec<(&'static str, syn::Type, &'static str)> {
    vec![
        (
            "region",
            syntax!(syn::Type;; impl Into<String>),
            " The region filling `{region}` in the endpoint template.",
        ),
        (
            "endpoint",
            syntax!(syn::Type;; impl Into<String>),
            " An explicit endpoint URL instead of the template.",
        ),
        (
            "project_id",
            syntax!(syn::Type;; impl Into<String>),
            " The project id: fills `{project_id}` in paths the request leaves open \
             (looked up through IAM for the region when AK/SK credentials come without one).",
        ),
        (
            "domain_id",
            syntax!(syn::Type;; impl Into<String>),
            " The domain (account) id: fills `{domain_id}` in paths the request leaves open.",
        ),
        (
            "credentials",
            syntax!(syn::Type;; apidoc_runtime::Credentials),
            " How requests authenticate (token or AK/SK); without it, the environment \
             and then `~/.huaweicloud/credentials`.",
        ),
        (
            "retry",
            syntax!(syn::Type;; apidoc_runtime::RetryPolicy),
            " When failed attempts are repeated (default: 3 attempts, idempotent methods).",
        ),
        (
            "http",
            syntax!(syn::Type;; apidoc_runtime::HttpOptions),
            " Proxy, certificates, TLS verification and connection pool.",
        ),
        (
            "iam_endpoint",
            syntax!(syn::Type;; impl Into<String>),
            " The IAM endpoint project id discovery asks.",
        ),
        (
            "timeout",
            syntax!(syn::Type;; std::time::Duration),
            " Limit for each attempt, from connecting to the last body byte.",
        ),
        (
            "connect_timeout",
            syntax!(syn::Type;; std::time::Duration),
            " Limit for establishing a connection.",
        ),
        (
            "user_agent",
            syntax!(syn::Type;; impl Into<String>),
            " The `User-Agent` header.",
        ),
    ]
}
