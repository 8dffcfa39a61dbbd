//! `src/client.rs` of the generated crate: the service client (one async
//! method per operation) and its builder, preloaded with the service's
//! endpoint template.

use crate::docs::{Doc, code};
use crate::example::example;
use crate::plan::{OperationPlan, Plan};
use proc_macro2::TokenStream;
use quote::quote;

/// The items of `src/client.rs`.
pub(crate) fn client_file(plan: &Plan) -> TokenStream {
    let doc = Doc::with_summary(format!("The {} client.", plan.title)).inner_attrs();
    let client = client_item(plan);
    let builder = builder_item(plan);
    quote!(#doc #client #builder)
}

fn client_item(plan: &Plan) -> TokenStream {
    let (client, builder) = (&plan.client, &plan.builder);
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
    let doc = doc.attrs();
    let endpoint = &meta.endpoint;
    let defaults = meta
        .endpoint_defaults
        .iter()
        .map(|(name, value)| quote!((#name, #value)));
    let methods = plan
        .operations
        .iter()
        .map(|operation| operation_method(plan, operation));
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct #client {
            client: apidoc_runtime::Client,
        }

        impl #client {
            /// The endpoint template; its variables are filled from the
            /// region and [`Self::ENDPOINT_DEFAULTS`].
            pub const ENDPOINT: &str = #endpoint;

            /// The default values of the endpoint template's variables.
            pub const ENDPOINT_DEFAULTS: &[(&str, &str)] = &[#(#defaults),*];

            /// A client sending through a configured runtime client.
            pub fn new(client: apidoc_runtime::Client) -> Self {
                Self { client }
            }

            /// A builder preloaded with the service's endpoint template.
            pub fn builder() -> #builder {
                #builder {
                    builder: apidoc_runtime::Client::builder().endpoint_template(Self::ENDPOINT, Self::ENDPOINT_DEFAULTS),
                }
            }

            #(#methods)*
        }
    }
}

/// `async fn <operation>(&self, request) -> Result<Response, Error>`.
fn operation_method(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let ir = operation.operation;
    let mut doc = Doc::from_text(&ir.summary, format!("The {} operation.", code(&ir.id)));
    doc.text(&ir.description);
    doc.paragraph(code(&format!(
        "{} {}",
        operation.uri.method.as_str(),
        operation.uri.path
    )));
    doc.paragraph(
        "Checks the request's documented constraints first ([`apidoc_runtime::Error::Validation`]); \
         a non-2xx answer is [`apidoc_runtime::Error::Api`].",
    );
    doc.paragraph("# Example");
    doc.paragraph(example(plan, operation));
    let doc = doc.attrs();
    let (method, request, response) = (&operation.method, &operation.request, &operation.response);
    let id = &ir.id;
    quote! {
        #doc
        pub async fn #method(
            &self,
            request: crate::operations::#request,
        ) -> Result<crate::operations::#response, apidoc_runtime::Error> {
            let raw = self.client.call(#id, request.into_operation()).await?;
            crate::operations::#response::from_raw(raw)
        }
    }
}

/// The builder: the runtime's builder with the service's endpoint.
fn builder_item(plan: &Plan) -> TokenStream {
    let (client, builder) = (&plan.client, &plan.builder);
    let forwards = forwarded_settings()
        .into_iter()
        .map(|(name, argument, doc)| {
            let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
            quote! {
                #[doc = #doc]
                pub fn #name(self, value: #argument) -> Self {
                    Self { builder: self.builder.#name(value) }
                }
            }
        });
    let doc = format!(" Builds a [`{client}`]; start with [`{client}::builder`].");
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug)]
        pub struct #builder {
            builder: apidoc_runtime::ClientBuilder,
        }

        impl #builder {
            #(#forwards)*

            /// The client, or [`apidoc_runtime::Error::Config`] when the
            /// endpoint cannot be built.
            pub fn build(self) -> Result<#client, apidoc_runtime::Error> {
                self.builder.build().map(#client::new)
            }
        }
    }
}

/// The runtime builder's settings: name, argument type, doc.
fn forwarded_settings() -> Vec<(&'static str, TokenStream, &'static str)> {
    vec![
        (
            "region",
            quote!(impl Into<String>),
            " The region filling `{region}` in the endpoint template.",
        ),
        (
            "endpoint",
            quote!(impl Into<String>),
            " An explicit endpoint URL instead of the template.",
        ),
        (
            "project_id",
            quote!(impl Into<String>),
            " The project id: fills `{project_id}` in paths the request leaves open \
             (looked up through IAM for the region when AK/SK credentials come without one).",
        ),
        (
            "domain_id",
            quote!(impl Into<String>),
            " The domain (account) id: fills `{domain_id}` in paths the request leaves open.",
        ),
        (
            "credentials",
            quote!(apidoc_runtime::Credentials),
            " How requests authenticate (token or AK/SK); without it, the environment \
             and then `~/.huaweicloud/credentials`.",
        ),
        (
            "retry",
            quote!(apidoc_runtime::RetryPolicy),
            " When failed attempts are repeated (default: 3 attempts, idempotent methods).",
        ),
        (
            "http",
            quote!(apidoc_runtime::HttpOptions),
            " Proxy, certificates, TLS verification and connection pool.",
        ),
        (
            "iam_endpoint",
            quote!(impl Into<String>),
            " The IAM endpoint project id discovery asks.",
        ),
        (
            "timeout",
            quote!(std::time::Duration),
            " Limit for each attempt, from connecting to the last body byte.",
        ),
        (
            "connect_timeout",
            quote!(std::time::Duration),
            " Limit for establishing a connection.",
        ),
        (
            "user_agent",
            quote!(impl Into<String>),
            " The `User-Agent` header.",
        ),
    ]
}
