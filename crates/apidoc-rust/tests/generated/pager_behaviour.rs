//! Paginators and job waiters of the SDK generated from the pager fixture,
//! against its own typed mocks on 127.0.0.1, used as a user's test would.
//! Copied into the generated crate by `tests/compile.rs` of apidoc-rust;
//! it is not a test target of apidoc-rust.

use pager_sdk::mock::PagerMock;
use pager_sdk::models::{
    CreateThingsResponseBody, Job, JobStatus, LinkedThingPage, Links, MarkedThingPage, PageInfo,
    Thing, ThingPage,
};
use pager_sdk::operations::{
    CreateThingsRequest, ListLinkedThingsRequest, ListMarkedThingsRequest, ListNumberedThingsRequest,
    ListThingsRequest, ShowJobRequest,
};
use pager_sdk::{Error, WaitOptions};
use std::time::Duration;

fn things(ids: &[&str]) -> Vec<Thing> {
    ids.iter().map(|id| Thing::new(*id)).collect()
}

fn ids(things: Vec<Thing>) -> Vec<String> {
    things.into_iter().map(|thing| thing.id).collect()
}

fn page(ids: &[&str]) -> ThingPage {
    ThingPage {
        things: Some(things(ids)),
        count: None,
    }
}

#[tokio::test]
async fn offsets_page_until_a_short_page() {
    let mock = PagerMock::start().await;
    let first = || ListThingsRequest::new().limit(2);
    for (request, answer) in [
        (first(), page(&["a", "b"])),
        (first().offset(2), page(&["c", "d"])),
        (first().offset(4), page(&["e"])),
    ] {
        mock.list_things().with_request(request).times(1).respond(200, &answer).await;
    }
    let client = mock.client();
    let items = client.list_things_paginator(first()).items().collect_all().await;
    assert_eq!(ids(items.expect("every page answers")), ["a", "b", "c", "d", "e"]);
}

#[tokio::test]
async fn page_numbers_count_up_with_the_documented_size() {
    let mock = PagerMock::start().await;
    for (request, answer) in [
        (ListNumberedThingsRequest::new(), page(&["a", "b"])),
        (ListNumberedThingsRequest::new().page(2), page(&["c"])),
    ] {
        mock.list_numbered_things().with_request(request).times(1).respond(200, &answer).await;
    }
    let client = mock.client();
    let pages = client
        .list_numbered_things_paginator(ListNumberedThingsRequest::new())
        .pages()
        .collect_all()
        .await
        .expect("every page answers");
    assert_eq!(pages.len(), 2);
}

fn marked(ids: &[&str], next: Option<&str>) -> MarkedThingPage {
    MarkedThingPage {
        things: Some(things(ids)),
        page_info: Some(PageInfo {
            next_marker: next.map(str::to_owned),
        }),
    }
}

#[tokio::test]
async fn markers_follow_page_info_and_a_repeated_one_ends_the_pages() {
    let mock = PagerMock::start().await;
    for (request, answer) in [
        (ListMarkedThingsRequest::new(), marked(&["a"], Some("m1"))),
        (ListMarkedThingsRequest::new().marker("m1"), marked(&["b"], Some("m2"))),
        // The service names a marker it named before: no loop.
        (ListMarkedThingsRequest::new().marker("m2"), marked(&["c"], Some("m1"))),
    ] {
        mock.list_marked_things().with_request(request).times(1).respond(200, &answer).await;
    }
    let client = mock.client();
    let items = client
        .list_marked_things_paginator(ListMarkedThingsRequest::new())
        .items()
        .collect_all()
        .await;
    assert_eq!(ids(items.expect("every page answers")), ["a", "b", "c"]);
}

#[tokio::test]
async fn a_next_link_gives_the_next_query_and_max_pages_stops_early() {
    let mock = PagerMock::start().await;
    let next = format!("{}/v1/project/linked-things?per_page=1&page=2", mock.uri());
    let linked = |ids: &[&str], next: Option<String>| LinkedThingPage {
        things: Some(things(ids)),
        links: Some(Links { next }),
    };
    mock.list_linked_things()
        .with_request(ListLinkedThingsRequest::new().per_page(1))
        .times(2)
        .respond(200, &linked(&["a"], Some(next)))
        .await;
    mock.list_linked_things()
        .respond(200, &linked(&["b"], None))
        .await;
    let client = mock.client();
    let request = || ListLinkedThingsRequest::new().per_page(1);
    let items = client.list_linked_things_paginator(request()).items().collect_all().await;
    assert_eq!(ids(items.expect("every page answers")), ["a", "b"]);
    let pages = client
        .list_linked_things_paginator(request())
        .max_pages(1)
        .pages()
        .collect_all()
        .await
        .expect("one page");
    assert_eq!(pages.len(), 1);
}

/// Starts a job whose query answers `status`, and waits for it.
async fn wait_for(status: JobStatus) -> Result<Job, Error> {
    let mock = PagerMock::start().await;
    mock.create_things()
        .respond(200, &CreateThingsResponseBody { job_id: Some("job-1".to_owned()) })
        .await;
    mock.show_job()
        .with_request(ShowJobRequest::new("job-1"))
        .respond(200, &Job { job_id: Some("job-1".to_owned()), status: Some(status) })
        .await;
    let client = mock.client();
    let started = client.create_things(CreateThingsRequest::new()).await?;
    let options = WaitOptions::default()
        .timeout(Duration::from_millis(150))
        .delays(Duration::from_millis(5), Duration::from_millis(20));
    started.wait(&client, options).await.map(|job| job.body)
}

#[tokio::test]
async fn a_job_that_ends_well_gives_its_final_state() {
    let job = wait_for(JobStatus::Success).await.expect("the job ends well");
    assert_eq!(job.status, Some(JobStatus::Success));
}

#[tokio::test]
async fn a_failed_job_is_job_failed() {
    match wait_for(JobStatus::Fail).await {
        Err(Error::JobFailed { job_id, status, .. }) => assert_eq!((job_id.as_str(), status.as_str()), ("job-1", "FAIL")),
        other => panic!("expected JobFailed, got {other:?}"),
    }
}

#[tokio::test]
async fn a_job_that_never_ends_times_out() {
    match wait_for(JobStatus::Running).await {
        Err(Error::WaitTimeout { status, .. }) => assert_eq!(status, "RUNNING"),
        other => panic!("expected WaitTimeout, got {other:?}"),
    }
}
