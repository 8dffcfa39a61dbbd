//! Job waiters (`src/waiters.rs`): where an operation's answer carries a
//! job id and the service has a job query (`apidoc_ir::jobs`), the answer
//! gets `wait(&client, options)`, polling the job query through the
//! runtime's `wait_for_job` until a status the job query's page lists as
//! an end; the job query's answer reads as a runtime `Job`.

use crate::docs::{Doc, code};
use crate::paginate::{expr, field_plan};
use crate::plan::{OperationPlan, Plan};
use crate::render::Items;
use apidoc_ir::TypeRef;
use apidoc_ir::jobs::{JobQuery, JobStart, job_starts};
use apidoc_ir::paging::Step;

/// An operation answering with a job id, with the plans the waiter names.
pub(crate) struct Waiter<'p, 'a> {
    start: JobStart<'a>,
    operation: &'p OperationPlan<'a>,
    query: &'p OperationPlan<'a>,
}

/// The waiters the plan can write: the job query takes the job id as its
/// only required member, and the fields read have a plain or optional
/// shape.
pub(crate) fn waiters<'p, 'a>(plan: &'p Plan<'a>) -> Vec<Waiter<'p, 'a>> {
    let find = |operation: &apidoc_ir::Operation| {
        plan.operations
            .iter()
            .find(|candidate| std::ptr::eq(candidate.operation, operation))
    };
    job_starts(plan.service)
        .into_iter()
        .filter_map(|start| {
            let operation = find(start.operation)?;
            let query = find(start.query.operation)?;
            let takes_job_id = matches!(
                query.parameters.iter().filter(|p| p.required).collect::<Vec<_>>().as_slice(),
                [only] if only.field.field.name == "job_id"
                    && only.field.field.ty == TypeRef::String
                    && only.field.enum_index.is_none()
            ) && query.body.as_ref().is_none_or(|body| !body.required);
            let readable = operation.response_body.as_ref()?.only_for.is_none()
                && query.response_body.as_ref()?.only_for.is_none()
                && optional(plan, &start.job_id).is_some()
                && optional(plan, &start.query.status).is_some();
            (takes_job_id && readable).then_some(Waiter {
                start,
                operation,
                query,
            })
        })
        .collect()
}

/// `src/waiters.rs`.
pub(crate) fn waiters_file(plan: &Plan) -> Items {
    let doc = Doc::with_summary(format!(
        "Waiting for the jobs the {} API starts.",
        plan.title
    ))
    .inner_attrs();
    let mut items = Items::with_inner_attrs(doc);
    let waiters = waiters(plan);
    let mut queries: Vec<&OperationPlan> = Vec::new();
    for waiter in &waiters {
        if !queries
            .iter()
            .any(|query| std::ptr::eq(*query, waiter.query))
        {
            queries.push(waiter.query);
            items.trees([job_impl(plan, waiter.query, &waiter.start.query)]);
        }
        items.trees([wait_impl(plan, waiter)]);
    }
    items
}

/// The job query's answer as a runtime `Job`.
fn job_impl(plan: &Plan, query: &OperationPlan, job: &JobQuery) -> syn::Item {
    let status = match optional(plan, &job.status) {
        Some((ident, true, false)) => format!("self.body.{ident}.as_deref()"),
        Some((ident, true, true)) => {
            format!("self.body.{ident}.as_ref().map(|status| status.as_str())")
        }
        Some((ident, false, _)) => format!("Some(self.body.{ident}.as_str())"),
        None => "None".to_owned(),
    };
    syntax!(syn::Item;
        response = &query.response,
        status = expr(&status);

        impl apidoc_runtime::wait::Job for crate::operations::#response {
            #[inline]
            fn status(&self) -> Option<&str> {
                #status
            }

            #[inline]
            fn describe(&self) -> String {
                serde_json::to_string(&self.body).unwrap_or_default()
            }
        }
    )
}

/// `wait` of an answer carrying a job id.
fn wait_impl(plan: &Plan, waiter: &Waiter) -> syn::Item {
    let job = &waiter.start.query;
    let job_id = match optional(plan, &waiter.start.job_id) {
        Some((ident, true, _)) => format!(
            "self.body.{ident}.as_deref().ok_or_else(|| apidoc_runtime::Error::Decode {{ \
             status: self.status, message: \"the answer names no job_id\".to_owned(), \
             body: String::new() }})?"
        ),
        Some((ident, false, _)) => format!("self.body.{ident}.as_str()"),
        None => String::new(),
    };
    let list = |values: &[String]| {
        values
            .iter()
            .map(|value| format!("{value:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let statuses = format!(
        "apidoc_runtime::wait::JobStatuses {{ success: &[{}], failure: &[{}] }}",
        list(&job.success),
        list(&job.failure)
    );
    let quoted = |values: &[String]| {
        values
            .iter()
            .map(|value| code(value))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let mut doc = Doc::with_summary(format!(
        "Waits for the job this answer started: queries {} until the job's status is one \
         its page lists as an end.",
        plan.method_link(&waiter.query.method)
    ));
    doc.paragraph(format!(
        "Returns the job query's final answer once the status is {}; a status of {} is \
         [`apidoc_runtime::Error::JobFailed`], a job still running at `options.timeout` \
         [`apidoc_runtime::Error::WaitTimeout`]. The delay between queries grows from \
         `options.initial_delay` to `options.max_delay`, jittered.",
        quoted(&job.success),
        if job.failure.is_empty() {
            "none the page lists".to_owned()
        } else {
            quoted(&job.failure)
        }
    ));
    syntax!(syn::Item;
        doc = doc.attrs(),
        response = &waiter.operation.response,
        client = &plan.client,
        query_response = &waiter.query.response,
        query_request = &waiter.query.request,
        query = &waiter.query.method,
        job_id = expr(&job_id),
        statuses = expr(&statuses);

        impl crate::operations::#response {
            #[#doc]
            #[inline]
            pub async fn wait(
                &self,
                client: &crate::#client,
                options: apidoc_runtime::wait::WaitOptions,
            ) -> Result<crate::operations::#query_response, apidoc_runtime::Error> {
                let job_id: &str = #job_id;
                apidoc_runtime::wait::wait_for_job(job_id, #statuses, options, || {
                    client.#query(crate::operations::#query_request::new(job_id))
                })
                .await
            }
        }
    )
}

/// A top-level body field's identifier, whether it is optional and
/// whether it is a string enum; `None` for a shape with `Nullable`.
fn optional(plan: &Plan, step: &Step) -> Option<(String, bool, bool)> {
    let (field, optional) = field_plan(plan, step)?;
    Some((
        field.ident.to_string(),
        optional,
        field.enum_index.is_some(),
    ))
}
