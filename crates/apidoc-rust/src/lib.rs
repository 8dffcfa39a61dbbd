//! Emits the source of a Rust SDK crate from an [`apidoc_ir::Service`].
//!
//! The generated crate holds only what the documentation states (models,
//! enums, requests with their documented constraints, responses, a client
//! with one async method per operation) and calls the hand-written
//! `apidoc-runtime` crate for configuration, authentication, signing and
//! HTTP. Code is built as `syn` trees from templates (`syntax`: each
//! `quote!` template parsed once per thread, copied with its holes filled)
//! and formatted with `prettyplease` as it is built (`render::Items`);
//! output depends only on the service, so the same input gives the same
//! bytes.
//!
//! Naming rules (all in one sanitiser, `ident`): wire names become
//! snake_case fields and UpperCamelCase types; keywords become raw
//! identifiers (`r#type`) or, where Rust forbids that (`self`, `Self`,
//! `super`, `crate`), get a trailing `_`; separators and other characters
//! become word breaks; a leading digit gets a `_`; names that collide after
//! conversion get numeric suffixes (`name_2`, `Name2`). Fields and
//! parameters of one name listing the same values share one enum
//! (`concepts`): named `<Model><Field>` or `<Operation><Parameter>` where
//! one model or operation holds it, else by the words their names share
//! (`NatGatewaySpec`); two enums that would share a name share the type
//! when their values are identical, else the second is numbered. Variants
//! are named by their values, or by what the page says a value means
//! where the values are no words (`1：小型` → `Small`). A query or header
//! parameter sharing a path parameter's name is `query_<name>` or
//! `header_<name>`. Each official name of a merged operation
//! ([`apidoc_ir::Operation::names`]) not taken by another operation is a
//! client method of its own, sending its page's request.
//!
//! Mapping rules (types in `types`, the rest in `plan`):
//! - `Integer` → `i32`, `Long` → `i64`, `Number` → `f64`, `Object` →
//!   `serde_json::Value`, `Map` → `BTreeMap<String, _>`, arrays → `Vec`, a
//!   model held by value that leads back to itself → `Box`.
//! - A field is `Option<T>` unless the page marks it mandatory; optional and
//!   nullable fields of request bodies are `Option<Nullable<T>>` (absent,
//!   `null`, value); in responses `null` reads as `None`.
//! - String fields with listed values get an enum with `Unknown(String)`
//!   for unlisted values (`From<String>`, `From<&str>`, `FromStr`);
//!   integer and boolean values stay plain and are listed in the field's
//!   docs.
//! - Models: public fields, `new` taking the required ones, a builder
//!   method per optional one (`.description("…")`).
//! - Requests: required parameters and a required body are arguments of
//!   `new`, the rest builder methods. `project_id` in the path is optional
//!   (the runtime fills it from the client); authentication, signing,
//!   `Content-Type` and `Host` headers are the runtime's and not exposed.
//!   A query array repeats its name per item; path and header arrays are
//!   comma-joined; object parameters travel as JSON text.
//! - Responses: the status, the request id (`X-Request-Id`), the headers
//!   of every 2xx response, and the body the 2xx statuses document
//!   (`Option` when one of them documents none; where they document
//!   different bodies, an enum `<Op>SuccessBody` with a variant per body
//!   named by its status, `Ok`, `Created`, decoded by the status that
//!   came). A HEAD answer and a 204 have no body, whatever the page
//!   documents. A 2xx the pages do not document is
//!   `Error::UndocumentedStatus`, carrying the answer.
//!
//! Each crate also gets `tests/mock_server.rs` (`mock_tests`): one test per
//! operation against a mock server on 127.0.0.1, with the request and
//! answers taken from the page's examples where they fit the tables
//! (`sample` decides the values, and notes in each test's documentation
//! where it departs from the page).

// First: its `syntax!` macro is for the modules below.
#[macro_use]
mod syntax;
mod client;
mod concepts;
mod constructor;
mod docs;
mod enums;
mod example;
mod fields;
mod ident;
mod mock_helpers;
mod mock_tests;
mod models;
mod operations;
mod paginate;
mod placement;
mod plan;
mod render;
mod sample;
mod types;
mod validate;
mod waiter;

#[cfg(test)]
#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use apidoc_ir::Service;
pub use placement::{CrateOptions, RuntimeSource, WORKSPACE_OUTPUT, WORKSPACE_RUNTIME_PATH};
use plan::Plan;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The files of the SDK crate of `service` as a member of the apidoc
/// workspace, see [`emit_with`]. `runtime_path` is the path of the
/// `apidoc-runtime` crate relative to the crate directory.
pub fn emit(service: &Service, runtime_path: &str) -> BTreeMap<String, String> {
    let options = CrateOptions {
        runtime: RuntimeSource::Path(runtime_path.to_owned()),
        ..CrateOptions::workspace_member()
    };
    emit_with(service, &options)
}

/// How one file of the crate is rendered.
type Render = fn(&Plan, &CrateOptions) -> String;

/// The files of the SDK crate of `service`: path relative to the crate
/// directory (`Cargo.toml`, `src/lib.rs`, `src/models.rs`,
/// `src/operations.rs`, `src/client.rs`, `tests/mock_server.rs`, and the
/// helpers `src/mock.rs`, `src/paginators.rs`, `src/waiters.rs`) → content.
/// `options` decide the manifest's runtime dependency and workspace ties.
/// The service is planned once; the files are rendered in parallel
/// (rayon), each building and formatting its syntax trees on its own thread.
pub fn emit_with(service: &Service, options: &CrateOptions) -> BTreeMap<String, String> {
    // The largest files first, so that no large one starts last.
    let files: [(&str, Render); 6] = [
        ("src/models.rs", |plan, _| {
            render::rust_file(plan, models::models_file)
        }),
        ("src/operations.rs", |plan, _| {
            render::rust_file(plan, operations::operations_file)
        }),
        ("tests/mock_server.rs", |plan, _| {
            render::rust_file(plan, mock_tests::mock_tests_file)
        }),
        ("src/client.rs", |plan, _| {
            render::rust_file(plan, client::client_file)
        }),
        ("src/lib.rs", |plan, _| {
            render::rust_file(plan, render::lib_items)
        }),
        ("Cargo.toml", render::cargo_toml),
    ];
    let plan = Plan::new(service);
    let mut files = files.to_vec();
    files.extend(helper_files(&plan));
    files
        .into_par_iter()
        .map(|(path, render)| (path.to_owned(), render(&plan, options)))
        .collect()
}

/// The files of the helpers a user would otherwise write: paginators and
/// waiters where the service has lists that page and jobs to wait for,
/// and the typed mocks.
fn helper_files(plan: &Plan) -> Vec<(&'static str, Render)> {
    let mut files: Vec<(&'static str, Render)> = vec![("src/mock.rs", |plan, _| {
        render::rust_file(plan, mock_helpers::mock_file)
    })];
    if !paginate::paginated(plan).is_empty() {
        files.push(("src/paginators.rs", |plan, _| {
            render::rust_file(plan, paginate::paginators_file)
        }));
    }
    if !waiter::waiters(plan).is_empty() {
        files.push(("src/waiters.rs", |plan, _| {
            render::rust_file(plan, waiter::waiters_file)
        }));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enum_models_and_parameters_share_is_defined_once_with_the_models() {
        let files = emit(&fixtures::awkward(), "../runtime");
        let defined = |file: &str| files[file].matches("pub enum Size {").count();
        assert_eq!(
            (defined("src/models.rs"), defined("src/operations.rs")),
            (1, 0)
        );
        assert!(files["src/operations.rs"].contains("Option<crate::models::Size>"));
    }
}
