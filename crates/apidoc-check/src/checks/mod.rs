//! The consistency checks run on a merged service. Each check is one
//! function reading the whole service and adding its findings; the codes and
//! severities are listed in the crate documentation.

mod constraints;
mod example_bodies;
mod example_urls;
mod models;
mod paging;
mod path_params;
mod status_codes;

use apidoc_ir::{Diagnostic, Field, ParamLocation, Service};

pub use example_bodies::{
    CheckedExample, Disagreement, ExampleFinding, ExampleOf, Step, check_examples, example_message,
    path_text,
};
pub(crate) use path_params::document_missing_path_params;

use crate::merge::location_name;

/// A check: reads the service, adds findings.
type Check = fn(&Service, &mut Vec<Diagnostic>);

/// Every check, in the order their findings are produced.
const CHECKS: &[Check] = &[
    path_params::path_param_undocumented,
    path_params::path_param_unused,
    example_urls::example_urls,
    example_bodies::example_bodies,
    example_bodies::example_status_undocumented,
    models::model_unreferenced,
    status_codes::status_code_mismatch,
    status_codes::status_description_mismatch,
    status_codes::body_on_bodiless_status,
    constraints::default_in_enum,
    paging::paging_unrecognised,
];

/// Runs every check.
pub(crate) fn run_all(service: &Service) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for check in CHECKS {
        check(service, &mut out);
    }
    out
}

/// What a field belongs to, for messages.
pub(crate) enum Owner<'a> {
    /// A parameter of an operation.
    Parameter {
        /// The operation id.
        operation: &'a str,
        /// Where the parameter travels.
        location: ParamLocation,
    },
    /// A field of a model.
    Model(&'a str),
    /// A response header.
    ResponseHeader {
        /// The operation id.
        operation: &'a str,
        /// The response status.
        status: u16,
    },
}

impl Owner<'_> {
    /// The field named for a message, e.g. "query parameter `limit` of `ListJobs`".
    pub(crate) fn subject(&self, field: &Field) -> String {
        let name = &field.name;
        match self {
            Self::Parameter {
                operation,
                location,
            } => {
                format!(
                    "{} parameter `{name}` of `{operation}`",
                    location_name(*location)
                )
            }
            Self::Model(model) => format!("field `{name}` of model `{model}`"),
            Self::ResponseHeader { operation, status } => {
                format!("header `{name}` of response {status} of `{operation}`")
            }
        }
    }
}

/// Calls `visit` with every field of the service, to change it:
/// parameters, response headers, model fields.
pub(crate) fn each_field_mut(service: &mut Service, mut visit: impl FnMut(&Owner<'_>, &mut Field)) {
    for op in &mut service.operations {
        let operation = op.id.as_str();
        for parameter in &mut op.parameters {
            let owner = Owner::Parameter {
                operation,
                location: parameter.location,
            };
            visit(&owner, &mut parameter.field);
        }
        for response in &mut op.responses {
            let owner = Owner::ResponseHeader {
                operation,
                status: response.status,
            };
            for header in &mut response.headers {
                visit(&owner, header);
            }
        }
    }
    for model in &mut service.models {
        let owner = Owner::Model(&model.name);
        for field in &mut model.fields {
            visit(&owner, field);
        }
    }
}

/// Calls `visit` with every field of the service: parameters, response
/// headers, model fields.
pub(crate) fn each_field<'a>(service: &'a Service, mut visit: impl FnMut(&Owner<'a>, &'a Field)) {
    for op in &service.operations {
        for parameter in &op.parameters {
            visit(
                &Owner::Parameter {
                    operation: &op.id,
                    location: parameter.location,
                },
                &parameter.field,
            );
        }
        for response in &op.responses {
            let owner = Owner::ResponseHeader {
                operation: &op.id,
                status: response.status,
            };
            response
                .headers
                .iter()
                .for_each(|header| visit(&owner, header));
        }
    }
    for model in &service.models {
        model
            .fields
            .iter()
            .for_each(|field| visit(&Owner::Model(&model.name), field));
    }
}
