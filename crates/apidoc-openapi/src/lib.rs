//! Turns a merged [`apidoc_ir::Service`] into an OpenAPI 3.0.3 YAML document.
//!
//! [`document`] builds the [`openapiv3::OpenAPI`] value; [`emit`] writes it as
//! YAML. The output is deterministic: every map is ordered (page order for
//! properties and parameters, the service's order for paths, ascending status
//! codes, model names sorted), so two runs over the same service give the same
//! bytes.
//!
//! Conventions beyond plain OpenAPI (all `x-` extensions appear only where
//! they carry something):
//!
//! - `description` / `summary` hold the English text, or the Chinese text
//!   where the pages give no English; `x-description-zh` / `x-summary-zh`
//!   hold the Chinese text beside English.
//! - `x-enum-descriptions` (`x-enum-descriptions-zh`) map each enumerated
//!   value, written as text, to what it means.
//! - `x-source-pages` lists the pages an operation was read from.
//! - An operation with several URIs appears under each path; the copies under
//!   the additional paths get an operation id with a suffix naming what
//!   differs from the primary path (`/v2/...` → `StartServerV2`) and
//!   `x-alternate-of` naming the primary operation id.
//! - A request body documented in several shapes is a `oneOf` whose arms
//!   are `allOf` of the shape's `$ref` and what tells it apart (a required
//!   key of its own, or its one value of a shared property such as
//!   `action`), so exactly one arm matches any body; where the checker found
//!   nothing that tells the shapes apart, an `anyOf` of plain `$ref`s.
//!   `x-variants` lists, in the same order, the name and title of the page
//!   that documents each shape.
//! - A `$ref` that needs a description, default or `nullable` is wrapped in a
//!   one-element `allOf`, because OpenAPI 3.0 ignores siblings of `$ref`.
//! - A server variable without a default in the service metadata gets its own
//!   name as default (OpenAPI requires one).
//! - Header rows named `Accept`, `Content-Type` or `Authorization` are not
//!   parameters (OpenAPI 3.0.3 says such parameters SHALL be ignored); the
//!   `aksk` security scheme stands for `Authorization`.
//! - A response of a status without a body (1xx, 204, 304) has no
//!   `content`, whatever the pages show; a body known only from examples
//!   has the schema `{}` (any value), as consumers need a schema.
//! - `minLength: 0` and `minItems: 0` are left out: they are the default.
//!
//! Misreadings upstream never make the document invalid; what could not be
//! placed stays visible instead:
//!
//! - `x-documented-default`: a default the field's own schema rejects (wrong
//!   type, not among the enumerated values, out of range).
//! - `x-missing-model`: a model type no page defines (a free-form object
//!   stands in for it).
//! - `x-undocumented: true`: a path placeholder no parameter row documents.
//! - `x-contradicted-examples` (on a media type): the page's examples that
//!   its schema rejects, under their names; `examples` keeps only those
//!   that validate (see `examples.rs`).
//! - `x-conflicting-operations`: ids of operations left out because another
//!   operation already took the same path and method.
//! - Constraints that do not fit the type (a text value in an integer
//!   enumeration) are written verbatim in an untyped schema.

mod document;
mod examples;
#[cfg(feature = "fixtures")]
pub mod fixtures;
mod names;
mod operation;
mod paths;
mod prose;
mod schema;
mod template;
mod yaml;

use apidoc_ir::Service;

pub use document::document;

/// The service as OpenAPI 3.0.3 YAML text, ending in a newline.
///
/// Strings that some YAML reader could take for another type (`yes`, `no`,
/// `on`, `null`, `10`, `0123`, `10:30`, `2024-01-01`, ...) are quoted, so
/// YAML 1.1 readers (PyYAML, SnakeYAML) and YAML 1.2 readers read back the
/// same types.
pub fn emit(service: &Service) -> String {
    yaml::to_yaml(&document(service))
}
