//! Paginators of each paging style against a mock server on 127.0.0.1:
//! what each next request asks, where the pages end.

use apidoc_runtime::mock::wiremock::matchers::{method, query_param, query_param_is_missing};
use apidoc_runtime::mock::wiremock::{Mock, MockServer};
use apidoc_runtime::mock::{PROJECT_ID, TOKEN, answer};
use apidoc_runtime::paginate::{Cursor, Paged, Paginator, Paging};
use apidoc_runtime::{
    Client, Credentials, Error, Method, OperationRequest, RawResponse, RetryPolicy,
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Page {
    items: Vec<Item>,
    next_marker: Option<String>,
    #[serde(default)]
    links: Option<Links>,
}

#[derive(Debug, Deserialize)]
struct Links {
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Item {
    id: String,
}

/// A list request of one paging style, with its page size.
macro_rules! list_request {
    ($name:ident, $paging:expr, $next:expr) => {
        struct $name(Option<u32>);

        impl Paged for $name {
            type Page = Page;
            type Item = Item;
            const OPERATION_ID: &'static str = stringify!($name);
            const PAGING: Paging = $paging;

            fn first_request(self) -> Result<OperationRequest, Error> {
                let mut request = OperationRequest::new(Method::GET, "/v1/{project_id}/items");
                if let Some(size) = self.0 {
                    request.query.push(("limit".to_owned(), size.to_string()));
                }
                Ok(request)
            }

            fn decode(raw: RawResponse) -> Result<Page, Error> {
                raw.json()
            }

            fn items(page: &Page) -> &[Item] {
                &page.items
            }

            fn into_items(page: Page) -> Vec<Item> {
                page.items
            }

            fn next(page: &Page) -> Option<String> {
                let next: fn(&Page) -> Option<String> = $next;
                next(page)
            }
        }
    };
}

list_request!(
    ByOffset,
    Paging {
        cursor: Cursor::Offset("offset"),
        first: 0,
        size: Some("limit"),
        default_size: None
    },
    |_| None
);
list_request!(
    ByPage,
    Paging {
        cursor: Cursor::Page("page"),
        first: 1,
        size: Some("limit"),
        default_size: Some(2)
    },
    |_| None
);
list_request!(
    ByLastId,
    Paging {
        cursor: Cursor::Marker("marker"),
        first: 0,
        size: Some("limit"),
        default_size: None
    },
    |page| page.items.last().map(|item| item.id.clone())
);
list_request!(
    ByNextMarker,
    Paging {
        cursor: Cursor::Marker("marker"),
        first: 0,
        size: Some("limit"),
        default_size: None
    },
    |page| page.next_marker.clone()
);
list_request!(
    ByNextUrl,
    Paging {
        cursor: Cursor::NextUrl,
        first: 0,
        size: None,
        default_size: None
    },
    |page| page.links.as_ref().and_then(|links| links.next.clone())
);

fn page(ids: &[&str], next_marker: Option<&str>, next_url: Option<&str>) -> String {
    serde_json::json!({
        "items": ids.iter().map(|id| serde_json::json!({ "id": id })).collect::<Vec<_>>(),
        "next_marker": next_marker,
        "links": { "next": next_url },
    })
    .to_string()
}

/// Serves `body` to GETs whose query has `pairs` (and, where a name is
/// given, lacks that parameter).
async fn serve(server: &MockServer, pairs: &[(&str, &str)], missing: Option<&str>, body: String) {
    let mut mock = Mock::given(method("GET"));
    for (name, value) in pairs {
        mock = mock.and(query_param(*name, *value));
    }
    if let Some(name) = missing {
        mock = mock.and(query_param_is_missing(name));
    }
    mock.respond_with(answer(200, &body))
        .expect(1)
        .mount(server)
        .await;
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .endpoint(server.uri())
        .project_id(PROJECT_ID)
        .credentials(Credentials::token(TOKEN))
        .retry(RetryPolicy::none())
        .build()
        .expect("client")
}

async fn ids<R: Paged<Item = Item>>(server: &MockServer, request: R) -> Vec<String> {
    let client = client(server);
    let items = Paginator::new(&client, request).items().collect_all().await;
    items
        .expect("every page answers")
        .into_iter()
        .map(|item| item.id)
        .collect()
}

#[tokio::test]
async fn offsets_advance_by_the_items_read_until_a_short_page() {
    let server = MockServer::start().await;
    serve(
        &server,
        &[("limit", "2")],
        Some("offset"),
        page(&["a", "b"], None, None),
    )
    .await;
    serve(
        &server,
        &[("limit", "2"), ("offset", "2")],
        None,
        page(&["c", "d"], None, None),
    )
    .await;
    serve(
        &server,
        &[("limit", "2"), ("offset", "4")],
        None,
        page(&["e"], None, None),
    )
    .await;
    assert_eq!(
        ids(&server, ByOffset(Some(2))).await,
        ["a", "b", "c", "d", "e"]
    );
}

#[tokio::test]
async fn pages_count_up_with_the_documented_size_until_an_empty_page() {
    let server = MockServer::start().await;
    serve(&server, &[], Some("page"), page(&["a", "b"], None, None)).await;
    serve(
        &server,
        &[("page", "2")],
        None,
        page(&["c", "d"], None, None),
    )
    .await;
    serve(&server, &[("page", "3")], None, page(&[], None, None)).await;
    assert_eq!(ids(&server, ByPage(None)).await, ["a", "b", "c", "d"]);
}

#[tokio::test]
async fn the_last_id_is_the_next_marker() {
    let server = MockServer::start().await;
    serve(&server, &[], Some("marker"), page(&["a", "b"], None, None)).await;
    serve(&server, &[("marker", "b")], None, page(&["c"], None, None)).await;
    serve(&server, &[("marker", "c")], None, page(&[], None, None)).await;
    assert_eq!(ids(&server, ByLastId(None)).await, ["a", "b", "c"]);
}

#[tokio::test]
async fn a_next_marker_field_leads_until_none_comes_back() {
    let server = MockServer::start().await;
    serve(&server, &[], Some("marker"), page(&["a"], Some("m1"), None)).await;
    serve(&server, &[("marker", "m1")], None, page(&["b"], None, None)).await;
    assert_eq!(ids(&server, ByNextMarker(None)).await, ["a", "b"]);
}

#[tokio::test]
async fn a_repeated_marker_ends_the_pages_instead_of_looping() {
    let server = MockServer::start().await;
    serve(&server, &[], Some("marker"), page(&["a"], Some("m1"), None)).await;
    // The service names the marker it was just given.
    serve(
        &server,
        &[("marker", "m1")],
        None,
        page(&["b"], Some("m1"), None),
    )
    .await;
    assert_eq!(ids(&server, ByNextMarker(None)).await, ["a", "b"]);
}

#[tokio::test]
async fn a_next_url_gives_the_next_query() {
    let server = MockServer::start().await;
    let next = format!("{}/v1/{PROJECT_ID}/items?page=2&per_page=1", server.uri());
    serve(&server, &[], Some("page"), page(&["a"], None, Some(&next))).await;
    serve(
        &server,
        &[("page", "2"), ("per_page", "1")],
        None,
        page(&["b"], None, None),
    )
    .await;
    assert_eq!(ids(&server, ByNextUrl(None)).await, ["a", "b"]);
}

#[tokio::test]
async fn max_pages_and_errors_end_the_pages() {
    let limited = MockServer::start().await;
    serve(
        &limited,
        &[("limit", "1")],
        Some("offset"),
        page(&["a"], None, None),
    )
    .await;
    let first = Paginator::new(&client(&limited), ByOffset(Some(1)))
        .max_pages(1)
        .pages()
        .collect_all()
        .await
        .expect("one page");
    assert_eq!(first.len(), 1);
    let server = MockServer::start().await;
    serve(
        &server,
        &[("limit", "1")],
        Some("offset"),
        page(&["a"], None, None),
    )
    .await;
    serve(
        &server,
        &[("offset", "1")],
        None,
        "{\"error_code\":\"X.1\"}".to_owned(),
    )
    .await;
    let client = client(&server);
    let mut pages = Paginator::new(&client, ByOffset(Some(1))).pages();
    assert!(pages.next().await.is_some_and(|page| page.is_ok()));
    assert!(matches!(
        pages.next().await,
        Some(Err(Error::Decode { .. }))
    ));
    assert!(pages.next().await.is_none());
}
