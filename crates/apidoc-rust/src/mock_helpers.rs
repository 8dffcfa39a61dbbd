//! Typed mocks for the generated crate's users (`src/mock.rs`, cargo
//! feature `mock`): `<Service>Mock` starts a local server, gives a client
//! of it, and has per operation a method returning the runtime's `Stub`
//! typed with the operation's request and response body, so that a user's
//! test states an answer by the operation's name. Also the test of
//! `tests/mock_server.rs` that uses them as a user would.

use crate::docs::{Doc, code};
use crate::ident::{Case, Name, Scope};
use crate::plan::{Module, OperationPlan, Plan, ResponseShape};
use crate::render::Items;
use crate::types::TypeContext;
use apidoc_ir::TypeRef;
use quote::format_ident;

/// The mock's own methods, which operations' stubs must not take.
const OWN_METHODS: &[&str] = &["start", "client", "uri"];

/// The mock type's name, e.g. `MetastudioMock`.
fn mock_type(plan: &Plan) -> proc_macro2::Ident {
    let client = plan.client.to_string();
    format_ident!("{}Mock", client.strip_suffix("Client").unwrap_or(&client))
}

/// Each operation's stub method name.
fn stub_names(plan: &Plan) -> Vec<Name> {
    let mut scope = Scope::new(Case::Snake);
    for name in OWN_METHODS {
        scope.reserve(name);
    }
    plan.operations
        .iter()
        .map(|operation| scope.ident(operation.method.unraw(), "operation"))
        .collect()
}

/// `src/mock.rs`.
pub(crate) fn mock_file(plan: &Plan) -> Items {
    let mock = mock_type(plan);
    let mut doc = Doc::with_summary(format!(
        "Typed mocks of the {} API for the tests of code using this crate (cargo feature `mock`).",
        plan.title
    ));
    doc.paragraph(format!(
        "[`{mock}::start`] serves on 127.0.0.1; [`{mock}::client`] is a client of it. Each \
         operation has a method of the same name returning its stub: `with_request` makes it \
         answer only that request (as the client sends it), `times` checks how often it was \
         called, and `respond` (a typed body), `respond_status` or `respond_error` (the \
         standard error body) mount it. A request no stub matches is answered 404."
    ));
    if let Some(example) = doc_example(plan, &mock) {
        doc.paragraph(example);
    }
    let mut items = Items::with_inner_attrs(doc.inner_attrs());
    let stubs: Vec<syn::ImplItem> = plan
        .operations
        .iter()
        .zip(stub_names(plan))
        .map(|(operation, name)| stub_method(plan, operation, &name))
        .collect();
    let expected: Vec<syn::Item> = plan
        .operations
        .iter()
        .map(|operation| {
            syntax!(syn::Item; request = &operation.request;
                impl From<crate::operations::#request> for apidoc_runtime::mock::Expected {
                    fn from(request: crate::operations::#request) -> Self {
                        Self(request.into_operation())
                    }
                }
            )
        })
        .collect();
    let mock_doc = Doc::with_summary(format!(
        "A mock server of the {} API on 127.0.0.1, with a stub per operation.",
        plan.title
    ));
    items.trees([syntax!(syn::Item;
        doc = mock_doc.attrs(),
        mock = mock.clone();

        #[#doc]
        pub struct #mock {
            service: apidoc_runtime::mock::MockService,
        }
    )]);
    items.trees([syntax!(syn::Item;
        mock = mock,
        client = &plan.client,
        stubs = stubs;

        impl #mock {
            /// Starts the server.
            pub async fn start() -> Self {
                Self { service: apidoc_runtime::mock::MockService::start().await }
            }

            /// A client of the server (a token, the project id
            /// [`apidoc_runtime::mock::PROJECT_ID`], no retries).
            pub fn client(&self) -> crate::#client {
                crate::#client::new(self.service.client())
            }

            /// The server's base URL.
            pub fn uri(&self) -> String {
                self.service.uri()
            }

            #stubs! {}
        }
    )]);
    items.trees(expected);
    items
}

/// An operation's stub method.
fn stub_method(plan: &Plan, operation: &OperationPlan, name: &Name) -> syn::ImplItem {
    let doc = Doc::with_summary(format!(
        "The stub of {}: {}.",
        plan.method_link(&operation.method),
        code(&format!(
            "{} {}",
            operation.uri.method.as_str(),
            operation.uri.path
        ))
    ));
    let body = body_type(plan, operation);
    let method = format_ident!("{}", operation.uri.method.as_str());
    syntax!(syn::ImplItem;
        doc = doc.attrs(),
        name = name,
        request = &operation.request,
        body = body,
        method = method,
        path = operation.uri.path.as_str();

        #[#doc]
        pub fn #name(&self) -> apidoc_runtime::mock::Stub<'_, crate::operations::#request, #body> {
            self.service.stub(apidoc_runtime::Method::#method, #path)
        }
    )
}

/// The response body type a stub answers with; `()` without one.
fn body_type(plan: &Plan, operation: &OperationPlan) -> syn::Type {
    let context = TypeContext {
        plan,
        module: Module::Operations,
    };
    match &operation.response_body {
        Some(body) => match &body.shape {
            ResponseShape::Single(schema) => context.rust_type(schema, None),
            ResponseShape::ByStatus { ident, .. } => {
                syntax!(syn::Type; ident = ident; crate::operations::#ident)
            }
        },
        None => syntax!(syn::Type;; ()),
    }
}

/// The first operation whose request `new()` takes nothing, for examples.
fn argumentless<'p>(plan: &'p Plan) -> Option<&'p OperationPlan<'p>> {
    plan.operations.iter().find(|operation| {
        operation.parameters.iter().all(|param| !param.required)
            && operation.body.as_ref().is_none_or(|body| !body.required)
    })
}

/// The doc example of the module: a stub answering an error, and the call
/// it answers.
fn doc_example(plan: &Plan, mock: &proc_macro2::Ident) -> Option<String> {
    let operation = argumentless(plan)?;
    let name = stub_names(plan)
        .into_iter()
        .zip(&plan.operations)
        .find(|(_, candidate)| std::ptr::eq(*candidate, operation))?
        .0;
    Some(format!(
        "```\n\
         # #[tokio::main(flavor = \"current_thread\")]\n\
         # async fn main() {{\n\
         use {krate}::mock::{mock};\n\
         use {krate}::operations::{request};\n\
         \n\
         let mock = {mock}::start().await;\n\
         mock.{name}()\n    .with_request({request}::new())\n    .times(1)\n    \
         .respond_error(409, \"EXAMPLE.409\", \"Busy\")\n    .await;\n\
         let error = mock.client().{method}({request}::new()).await.unwrap_err();\n\
         assert!(matches!(error, {krate}::Error::Api(api) if api.status == 409));\n\
         # }}\n```",
        krate = plan.crate_name,
        request = operation.request,
        method = operation.method,
    ))
}

/// The test of `tests/mock_server.rs` using the typed mock as a user
/// would, on the first operation whose request the file's
/// `<operation>_request` builds whole: an error answer, and a typed 2xx
/// body where the body has a default value.
pub(crate) fn user_test(plan: &Plan, builders: &[(usize, Name)]) -> Option<syn::Item> {
    let (index, builder) = builders.first()?;
    let operation = &plan.operations[*index];
    let stub = &stub_names(plan)[*index];
    let mut tests = vec![syntax!(syn::Item;
        krate = format_ident!("{}", plan.crate_name),
        mock = mock_type(plan),
        stub = stub,
        method = &operation.method,
        builder = builder;

        #[tokio::test]
        async fn a_stub_answers_an_error() {
            let mock = #krate::mock::#mock::start().await;
            mock.#stub()
                .with_request(super::#builder())
                .times(1)
                .respond_error(409, "TEST.409", "Busy")
                .await;
            let result = mock.client().#method(super::#builder()).await;
            assert_api_error(result, 409, Some("TEST.409"), Some("Busy"));
        }
    )];
    if default_body(plan, operation) {
        tests.push(syntax!(syn::Item;
            krate = format_ident!("{}", plan.crate_name),
            mock = mock_type(plan),
            stub = stub,
            method = &operation.method,
            builder = builder;

            #[tokio::test]
            async fn a_stub_answers_a_typed_body() {
                let mock = #krate::mock::#mock::start().await;
                mock.#stub()
                    .with_request(super::#builder())
                    .respond(200, &Default::default())
                    .await;
                let response = mock
                    .client()
                    .#method(super::#builder())
                    .await
                    .expect("the stub answers");
                assert_eq!(response.status, 200);
            }
        ));
    }
    let doc = Doc::with_summary(format!(
        "The crate's typed mocks (feature `mock`) used as a user's test would, on {}.",
        code(&operation.operation.id)
    ))
    .inner_attrs();
    Some(syntax!(syn::Item; doc = doc, tests = tests;
        mod typed_mock {
            #![#doc]
            use apidoc_runtime::mock::assert_api_error;
            #tests! {}
        }
    ))
}

/// True where the operation's 2xx body is a model of optional fields only
/// (it has a `Default`), documented for every 2xx status.
fn default_body(plan: &Plan, operation: &OperationPlan) -> bool {
    operation.response_body.as_ref().is_some_and(|body| {
        body.only_for.is_none()
            && matches!(body.shape, ResponseShape::Single(TypeRef::Model(name))
                if plan.model(name).is_some_and(|model| model.all_optional()))
    })
}

/// The modules of the helpers in `src/lib.rs`: paginators and waiters
/// where the service has them, the mocks behind their feature.
pub(crate) fn helper_modules(plan: &Plan) -> proc_macro2::TokenStream {
    let paginators = (!crate::paginate::paginated(plan).is_empty()).then(|| {
        quote::quote!(
            mod paginators;
        )
    });
    let waiters = (!crate::waiter::waiters(plan).is_empty()).then(|| {
        quote::quote! {
            mod waiters;
            pub use apidoc_runtime::wait::WaitOptions;
        }
    });
    quote::quote! {
        #paginators
        #waiters
        #[cfg(feature = "mock")]
        pub mod mock;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{awkward, metastudio};
    use crate::render::format_items;

    #[test]
    fn every_operation_gets_a_stub_that_takes_no_name_of_the_mock() {
        for service in [metastudio(), awkward()] {
            let plan = Plan::new(&service);
            let text = format_items(mock_file(&plan));
            assert_eq!(
                text.matches("apidoc_runtime::mock::Stub<").count(),
                plan.operations.len(),
                "{text}"
            );
            for own in OWN_METHODS {
                assert_eq!(text.matches(&format!(" fn {own}(")).count(), 1, "{text}");
            }
        }
    }

    #[test]
    fn the_user_test_stubs_an_operation_whose_request_is_built_whole() {
        let service = metastudio();
        let plan = Plan::new(&service);
        let builder = Name::composed("show_request".to_owned());
        let test = user_test(&plan, &[(0, builder)]).expect("a test");
        let text = format_items(Items::from(quote::quote!(#test)));
        assert!(
            text.contains(".with_request(super::show_request())"),
            "{text}"
        );
        assert!(
            text.contains(".respond_error(409, \"TEST.409\", \"Busy\")"),
            "{text}"
        );
        assert!(user_test(&plan, &[]).is_none());
    }
}
