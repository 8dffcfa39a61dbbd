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
//! conversion get numeric suffixes (`name_2`, `Name2`). An enum of a field
//! is named `<Model><Field>`, of a parameter `<Operation><Parameter>`; two
//! enums that would share a name share the type when their values are
//! identical, else the second is numbered.
//!
//! Mapping rules (types in `types`, the rest in `plan`):
//! - `Integer` → `i32`, `Long` → `i64`, `Number` → `f64`, `Object` →
//!   `serde_json::Value`, `Map` → `BTreeMap<String, _>`, arrays → `Vec`, a
//!   model held by value that leads back to itself → `Box`.
//! - A field is `Option<T>` unless the page marks it mandatory; optional and
//!   nullable fields of request bodies are `Option<Nullable<T>>` (absent,
//!   `null`, value); in responses `null` reads as `None`.
//! - String fields with listed values get an enum with `Unknown(String)`
//!   for unlisted values; integer and boolean values stay plain and are
//!   listed in the field's docs.
//! - Requests: required parameters and a required body are arguments of
//!   `new`, the rest builder methods. `project_id` in the path is optional
//!   (the runtime fills it from the client); authentication, signing,
//!   `Content-Type` and `Host` headers are the runtime's and not exposed.
//!   A query array repeats its name per item; path and header arrays are
//!   comma-joined; object parameters travel as JSON text.
//! - Responses: the status, the headers of every 2xx response, and the
//!   body the 2xx statuses document (`Option` when one of them documents
//!   none; where they document different bodies, an enum
//!   `<Op>SuccessBody` with a variant per body named by its status, `Ok`,
//!   `Created`, decoded by the status that came). A HEAD answer and a 204
//!   have no body, whatever the page documents. A 2xx the pages do not
//!   document is `Error::UndocumentedStatus`, carrying the answer.
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
mod constructor;
mod docs;
mod enums;
mod example;
mod fields;
mod ident;
mod mock_tests;
mod models;
mod operations;
mod placement;
mod plan;
mod render;
mod sample;
mod types;
mod validate;

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

/// The files of the SDK crate of `service`: path relative to the crate
/// directory (`Cargo.toml`, `src/lib.rs`, `src/models.rs`,
/// `src/operations.rs`, `src/client.rs`, `tests/mock_server.rs`) → content.
/// `options` decide the manifest's runtime dependency and workspace ties.
/// The service is planned once; the files are rendered in parallel
/// (rayon), each building and formatting its syntax trees on its own thread.
pub fn emit_with(service: &Service, options: &CrateOptions) -> BTreeMap<String, String> {
    type Render = fn(&Plan, &CrateOptions) -> String;
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
    files
        .into_par_iter()
        .map(|(path, render)| (path.to_owned(), render(&plan, options)))
        .collect()
}
