//! Asynchronous operations and the job query that follows them, as the
//! pages state them: an operation whose answer carries a `job_id`, and the
//! service's `GET …/jobs/{job_id}` whose answer's `status` lists the values
//! the job runs through. The emitters' reading of those facts (the Rust
//! emitter writes a `wait` of each such answer).

use crate::paging::Step;
use crate::{Field, Method, Operation, ParamLocation, Service, TypeRef, Value};

/// The answer field naming the job, and the job query's path parameter.
const JOB_ID: &str = "job_id";
/// The path segment before the job query's `{job_id}`.
const JOBS_SEGMENT: &[&str] = &["jobs", "job"];
/// Path parameters the runtime fills without the caller.
const FILLED_PARAMS: &[&str] = &["project_id"];
/// The job's status field.
const STATUS_FIELD: &str = "status";
/// Status values (any case) of a job that ended well.
const SUCCESS_STATUSES: &[&str] = &[
    "success",
    "succeeded",
    "succeed",
    "completed",
    "finished",
    "done",
];
/// Status values of a job that ended badly.
const FAILURE_STATUSES: &[&str] = &[
    "fail",
    "failed",
    "failure",
    "error",
    "cancelled",
    "canceled",
];

/// A service's job query and the statuses its page lists.
#[derive(Clone, Debug)]
pub struct JobQuery<'a> {
    /// The `GET …/jobs/{job_id}` operation.
    pub operation: &'a Operation,
    /// The answer's status field.
    pub status: Step<'a>,
    /// The listed values of a job that ended well.
    pub success: Vec<String>,
    /// The listed values of a job that ended badly.
    pub failure: Vec<String>,
}

/// An operation answering with a job id, and the job query that follows it.
#[derive(Clone, Debug)]
pub struct JobStart<'a> {
    /// The operation.
    pub operation: &'a Operation,
    /// The answer's job id field.
    pub job_id: Step<'a>,
    /// The job query.
    pub query: JobQuery<'a>,
}

/// The operations of `service` answering with a job id that a job query of
/// the service follows (the query sharing the longest path prefix with
/// the operation, where there are several: `/v1` jobs for `/v1` servers).
pub fn job_starts(service: &Service) -> Vec<JobStart<'_>> {
    let queries: Vec<JobQuery> = service
        .operations
        .iter()
        .filter_map(|op| job_query(service, op))
        .collect();
    if queries.is_empty() {
        return Vec::new();
    }
    service
        .operations
        .iter()
        .filter(|op| op.primary().method != Method::Get)
        .filter_map(|operation| {
            let job_id = top_field(service, operation, JOB_ID)?;
            let query = queries
                .iter()
                .max_by_key(|query| {
                    common_prefix(&operation.primary().path, &query.operation.primary().path)
                })?
                .clone();
            Some(JobStart {
                operation,
                job_id,
                query,
            })
        })
        .collect()
}

/// `operation` as a job query: `GET …/jobs/{job_id}` needing no other path
/// parameter than the runtime fills, whose answer's `status` lists at
/// least one value of a job that ended well.
fn job_query<'a>(service: &'a Service, operation: &'a Operation) -> Option<JobQuery<'a>> {
    let uri = operation.uris.first()?;
    let mut segments = uri.path.trim_end_matches('/').rsplit('/');
    let last = segments.next()?;
    let before = segments.next()?;
    let is_query = uri.method == Method::Get
        && last == format!("{{{JOB_ID}}}")
        && JOBS_SEGMENT.contains(&before)
        && operation
            .parameters
            .iter()
            .filter(|param| param.location == ParamLocation::Path)
            .all(|param| {
                param.field.name == JOB_ID || FILLED_PARAMS.contains(&param.field.name.as_str())
            });
    if !is_query {
        return None;
    }
    let status = top_field(service, operation, STATUS_FIELD)?;
    let values = string_values(status.field);
    let matching = |words: &[&str]| -> Vec<String> {
        values
            .iter()
            .filter(|value| words.contains(&value.to_lowercase().as_str()))
            .cloned()
            .collect()
    };
    let success = matching(SUCCESS_STATUSES);
    let failure = matching(FAILURE_STATUSES);
    (!success.is_empty()).then_some(JobQuery {
        operation,
        status,
        success,
        failure,
    })
}

/// A string field named `name` at the top of the first 2xx answer's body.
fn top_field<'a>(service: &'a Service, operation: &'a Operation, name: &str) -> Option<Step<'a>> {
    let body = operation
        .responses
        .iter()
        .filter(|response| (200..300).contains(&response.status))
        .find_map(|response| response.body.as_ref())?;
    let TypeRef::Model(model_name) = body else {
        return None;
    };
    let model = service.model(model_name)?;
    let field = model
        .fields
        .iter()
        .find(|field| field.name == name && field.ty == TypeRef::String)?;
    Some(Step { model, field })
}

/// The values the field lists; where it lists none (pages writing
/// "SUCCESS：成功RUNNING：运行中FAIL：失败" as one sentence), the upper-case
/// words of its description, each once.
fn string_values(field: &Field) -> Vec<String> {
    let listed: Vec<String> = field
        .constraints
        .enum_values
        .iter()
        .filter_map(|value| match &value.value {
            Value::String(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    if !listed.is_empty() {
        return listed;
    }
    let mut words: Vec<String> = Vec::new();
    let description = [&field.description.en, &field.description.zh];
    for text in description.into_iter().flatten() {
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            let upper = word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase() || c == '_');
            if upper && !words.iter().any(|seen| seen == word) {
                words.push(word.to_owned());
            }
        }
    }
    words
}

/// The number of leading path segments two paths share.
fn common_prefix(a: &str, b: &str) -> usize {
    a.split('/')
        .zip(b.split('/'))
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Constraints, EnumValue, Model, Parameter, Response, ServiceMeta, Span, Text, Uri};

    fn field(name: &str) -> Field {
        Field {
            name: name.to_owned(),
            required: None,
            ty: TypeRef::String,
            type_text: String::new(),
            description: Text::default(),
            constraints: Constraints::default(),
            span: Span::new("job.md", 3),
            degraded: Vec::new(),
        }
    }

    fn operation(id: &str, method: Method, path: &str, body: &str, params: &[&str]) -> Operation {
        Operation {
            id: id.to_owned(),
            id_is_explicit: true,
            names: Vec::new(),
            uris: vec![Uri {
                method,
                path: path.to_owned(),
                span: Span::new("job.md", 1),
            }],
            summary: Text::default(),
            description: Text::default(),
            parameters: params
                .iter()
                .map(|name| Parameter {
                    location: ParamLocation::Path,
                    field: field(name),
                })
                .collect(),
            request_body: None,
            responses: vec![Response {
                status: 200,
                description: Text::default(),
                headers: Vec::new(),
                body: Some(TypeRef::Model(body.to_owned())),
                examples: Vec::new(),
                span: Span::new("job.md", 5),
            }],
            request_examples: Vec::new(),
            status_codes: Vec::new(),
            sources: vec!["job.md".to_owned()],
        }
    }

    fn model(name: &str, fields: Vec<Field>) -> Model {
        Model {
            name: name.to_owned(),
            description: Text::default(),
            fields,
            span: Span::new("job.md", 9),
        }
    }

    fn service(status_values: &[&str]) -> Service {
        let mut status = field("status");
        status.constraints.enum_values = status_values
            .iter()
            .map(|value| EnumValue {
                value: Value::from(*value),
                description: Text::default(),
                span: Span::new("job.md", 7),
            })
            .collect();
        Service {
            meta: ServiceMeta::for_tests(),
            operations: vec![
                operation(
                    "ShowJob",
                    Method::Get,
                    "/v1/{project_id}/jobs/{job_id}",
                    "Job",
                    &["project_id", "job_id"],
                ),
                operation(
                    "CreateServers",
                    Method::Post,
                    "/v1/{project_id}/servers",
                    "Created",
                    &["project_id"],
                ),
                operation(
                    "ShowServer",
                    Method::Get,
                    "/v1/{project_id}/servers/{id}",
                    "Created",
                    &["project_id", "id"],
                ),
            ],
            models: vec![
                model("Created", vec![field("job_id")]),
                model("Job", vec![field("job_id"), status]),
            ],
        }
    }

    #[test]
    fn a_write_answering_a_job_id_is_followed_by_the_job_query() {
        let service = service(&["SUCCESS", "RUNNING", "FAIL", "INIT"]);
        let starts = job_starts(&service);
        let [start] = starts.as_slice() else {
            panic!("one start expected, got {starts:?}");
        };
        assert_eq!(start.operation.id, "CreateServers");
        assert_eq!(start.query.operation.id, "ShowJob");
        assert_eq!(start.query.success, ["SUCCESS"]);
        assert_eq!(start.query.failure, ["FAIL"]);
    }

    #[test]
    fn statuses_written_as_one_sentence_are_read_from_the_description() {
        let mut service = service(&[]);
        let job = service
            .models
            .iter_mut()
            .find(|m| m.name == "Job")
            .expect("Job");
        job.fields[1].description = Text::in_lang(
            crate::Lang::Zh,
            "Job的状态。SUCCESS：成功RUNNING：运行中FAIL：失败INIT：正在初始化",
        );
        let starts = job_starts(&service);
        assert_eq!(starts[0].query.success, ["SUCCESS"]);
        assert_eq!(starts[0].query.failure, ["FAIL"]);
    }

    #[test]
    fn a_job_query_listing_no_end_of_success_follows_nothing() {
        let service = service(&["RUNNING", "INIT"]);
        assert!(job_starts(&service).is_empty());
    }
}
