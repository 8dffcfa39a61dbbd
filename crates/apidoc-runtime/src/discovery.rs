//! Project id discovery: with AK/SK credentials and a region but no project
//! id, the first call whose path needs `{project_id}` asks IAM for the
//! project named after the region (`GET /v3/projects?name=<region>`, signed
//! with the same key), as the official SDKs do on first use. The client
//! caches the answer.

use serde::Deserialize;

use crate::client::Client;
use crate::request::Ids;
use crate::{Error, Method, OperationRequest};

/// The IAM operation listing the projects the credentials can see.
const LIST_PROJECTS: &str = "/v3/projects";

/// The part of IAM's answer discovery reads.
#[derive(Deserialize)]
struct Projects {
    projects: Vec<Project>,
}

#[derive(Deserialize)]
struct Project {
    id: String,
    name: String,
}

/// The id of the one project named `region`, or [`Error::Config`] saying
/// that IAM knows none or several, or why the lookup failed.
pub(crate) async fn project_id(client: &Client, region: &str) -> Result<String, Error> {
    let iam = client.iam_endpoint();
    let failed = |why: String| {
        Error::Config(format!(
            "cannot look up the project id of region `{region}` at IAM {}: {why}; \
             set it with ClientBuilder::project_id",
            iam.url()
        ))
    };
    let mut request = OperationRequest::new(Method::GET, LIST_PROJECTS);
    request.query.push(("name".to_owned(), region.to_owned()));
    let response = client
        .attempts(iam, &request, Ids::default())
        .await
        .map_err(|error| failed(error.to_string()))?;
    if !response.is_success() {
        return Err(failed(response.into_api_error().to_string()));
    }
    let projects: Projects = response.json().map_err(|error| failed(error.to_string()))?;
    let mut ids: Vec<String> = projects
        .projects
        .into_iter()
        .filter(|project| project.name == region)
        .map(|project| project.id)
        .collect();
    match ids.len() {
        1 => {
            let id = ids.remove(0);
            tracing::info!(region, project_id = %id, "discovered the project id");
            Ok(id)
        }
        0 => Err(failed("IAM knows no project of that name".to_owned())),
        several => Err(failed(format!(
            "IAM knows {several} projects of that name ({})",
            ids.join(", ")
        ))),
    }
}
