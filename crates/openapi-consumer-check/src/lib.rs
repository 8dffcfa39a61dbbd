//! Proves the generated OpenAPI is usable by a second, independent consumer:
//! the build script runs progenitor over every `generated/openapi/*.yaml`
//! and this crate compiles the Rust clients it produces, one module per
//! service (`codearts-repo.yaml` → `codearts_repo`). If progenitor rejects
//! a document, or its client does not compile, the workspace build fails.
//!
//! Set `OPENAPI_CONSUMER_CHECK_SPECS` to another directory of `*.yaml` to
//! check that instead (the tests then no longer match and only `cargo build`
//! is meaningful).

include!(concat!(env!("OUT_DIR"), "/all.rs"));
