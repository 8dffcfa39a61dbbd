//! Paginators of the list operations the pages document with paging
//! parameters: one loop here, compiled once, over what each generated list
//! request states ([`Paged`]: the paging parameters' names, how to read
//! the items and the next marker from an answer).
//!
//! The next page is asked for by changing the query of the first page's
//! request (its other parameters stay): the offset plus the items read, the
//! next page number, the marker the answer names, or the query of the next
//! page's URL. The pages end on an empty page, a page shorter than the page
//! size (the request's, else the documented default), an answer naming no
//! next marker, a marker seen before (a service repeating itself would
//! loop forever), an error (returned once, last) or
//! [`Paginator::max_pages`].

use std::collections::HashSet;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::{Client, Error, OperationRequest, Pending, RawResponse};

/// Pages read at most unless [`Paginator::max_pages`] says otherwise.
pub const DEFAULT_MAX_PAGES: usize = 10_000;

/// How the next page is asked for: the query parameter that changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// The offset of the first item: this page's plus its item count.
    Offset(&'static str),
    /// The page number: this page's plus one.
    Page(&'static str),
    /// The marker [`Paged::next`] reads from the answer.
    Marker(&'static str),
    /// The query of the URL [`Paged::next`] reads from the answer.
    NextUrl,
}

/// What a list operation's pages state of its paging.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// The parameter that changes from page to page.
    pub cursor: Cursor,
    /// The cursor's value where the request gives none (offset 0, page 1,
    /// or the documented default).
    pub first: u64,
    /// The page-size parameter, where there is one.
    pub size: Option<&'static str>,
    /// Its documented default.
    pub default_size: Option<u64>,
}

/// A list request that pages (implemented by generated code).
pub trait Paged: Sized {
    /// The answer of one page.
    type Page: Send;
    /// One item.
    type Item: Send;
    /// The operation's name, as [`Client::call`] takes it.
    const OPERATION_ID: &'static str;
    /// How it pages.
    const PAGING: Paging;
    /// The first page's request.
    fn first_request(self) -> Result<OperationRequest, Error>;
    /// Decodes one answer.
    fn decode(raw: RawResponse) -> Result<Self::Page, Error>;
    /// The items of a page.
    fn items(page: &Self::Page) -> &[Self::Item];
    /// The items of a page, taken out.
    fn into_items(page: Self::Page) -> Vec<Self::Item>;
    /// The next marker or URL the page names, if any.
    fn next(_page: &Self::Page) -> Option<String> {
        None
    }
}

/// The pages of a list request; [`Paginator::pages`] or
/// [`Paginator::items`] read them.
#[must_use = "a paginator reads nothing until its pages or items are polled"]
pub struct Paginator<'a, R: Paged> {
    client: &'a Client,
    request: Result<OperationRequest, Error>,
    max_pages: usize,
    marker: PhantomData<fn() -> R>,
}

impl<'a, R: Paged> Paginator<'a, R> {
    /// The pages of `request` through `client`.
    pub fn new(client: &'a Client, request: R) -> Self {
        Self {
            client,
            request: request.first_request(),
            max_pages: DEFAULT_MAX_PAGES,
            marker: PhantomData,
        }
    }

    /// Reads at most `pages` pages.
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.max_pages = pages;
        self
    }

    /// A stream of the pages (each answer, decoded).
    pub fn pages(self) -> Pages<'a, R> {
        Pages {
            client: self.client,
            next: Some(self.request),
            in_flight: None,
            seen: HashSet::new(),
            read: 0,
            max_pages: self.max_pages,
            marker: PhantomData,
        }
    }

    /// A stream of the items of every page.
    pub fn items(self) -> Items<'a, R> {
        Items {
            pages: self.pages(),
            current: Vec::new().into_iter(),
        }
    }
}

/// The pages of a list request, as a [`Stream`]; [`Pages::next`] without
/// a stream library.
#[must_use = "streams do nothing unless polled"]
pub struct Pages<'a, R: Paged> {
    client: &'a Client,
    /// The next page's request; `None` once the pages ended.
    next: Option<Result<OperationRequest, Error>>,
    /// The request of the page being read, and its answer.
    in_flight: Option<(OperationRequest, Pending<'a>)>,
    /// The markers and URLs followed so far.
    seen: HashSet<String>,
    read: usize,
    max_pages: usize,
    marker: PhantomData<fn() -> R>,
}

impl<R: Paged> Pages<'_, R> {
    /// The next page; `None` once the pages ended.
    pub async fn next(&mut self) -> Option<Result<R::Page, Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every page, or the first error.
    pub async fn collect_all(mut self) -> Result<Vec<R::Page>, Error> {
        let mut pages = Vec::new();
        while let Some(page) = self.next().await {
            pages.push(page?);
        }
        Ok(pages)
    }

    /// The request of the page after `page`, read with `request`; `None`
    /// where `page` is the last.
    fn after(&mut self, request: OperationRequest, page: &R::Page) -> Option<OperationRequest> {
        let count = R::items(page).len();
        let paging = R::PAGING;
        let size = paging
            .size
            .and_then(|name| query_number(&request, name))
            .or(paging.default_size);
        let short = size.is_some_and(|size| (count as u64) < size);
        if count == 0 || short {
            return None;
        }
        let mut request = request;
        match paging.cursor {
            Cursor::Offset(name) => {
                let offset = query_number(&request, name).unwrap_or(paging.first);
                set_query(&mut request, name, (offset + count as u64).to_string());
            }
            Cursor::Page(name) => {
                let page = query_number(&request, name).unwrap_or(paging.first);
                set_query(&mut request, name, (page + 1).to_string());
            }
            Cursor::Marker(name) => {
                let marker = self.unseen(R::next(page))?;
                set_query(&mut request, name, marker);
            }
            Cursor::NextUrl => {
                let url = self.unseen(R::next(page))?;
                request.query = next_url_query(&url)?;
            }
        }
        Some(request)
    }

    /// `next` where it is a marker not followed before.
    fn unseen(&mut self, next: Option<String>) -> Option<String> {
        let next = next.filter(|next| !next.is_empty())?;
        if self.seen.insert(next.clone()) {
            Some(next)
        } else {
            tracing::warn!(
                operation = R::OPERATION_ID,
                marker = %next,
                "the service named a page marker a second time; the pages end here"
            );
            None
        }
    }
}

impl<R: Paged> Stream for Pages<'_, R> {
    type Item = Result<R::Page, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.in_flight.is_none() {
            let request = match this.next.take() {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(_)) if this.read >= this.max_pages => return Poll::Ready(None),
                Some(Ok(request)) => request,
            };
            let answer = this.client.call(R::OPERATION_ID, Ok(request.clone()));
            this.in_flight = Some((request, answer));
        }
        let Some((_, answer)) = this.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let raw = std::task::ready!(answer.as_mut().poll(cx));
        let Some((request, _)) = this.in_flight.take() else {
            return Poll::Ready(None);
        };
        this.read += 1;
        let page = raw.and_then(R::decode);
        if let Ok(page) = &page {
            this.next = this.after(request, page).map(Ok);
        }
        Poll::Ready(Some(page))
    }
}

/// The items of every page of a list request, as a [`Stream`];
/// [`Items::next`] without a stream library.
#[must_use = "streams do nothing unless polled"]
pub struct Items<'a, R: Paged> {
    pages: Pages<'a, R>,
    current: std::vec::IntoIter<R::Item>,
}

impl<R: Paged> Items<'_, R>
where
    R::Item: Unpin,
{
    /// The next item; `None` once the pages ended.
    pub async fn next(&mut self) -> Option<Result<R::Item, Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every item, or the first error.
    pub async fn collect_all(mut self) -> Result<Vec<R::Item>, Error> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }
}

impl<R: Paged> Stream for Items<'_, R>
where
    R::Item: Unpin,
{
    type Item = Result<R::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.current.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match std::task::ready!(Pin::new(&mut this.pages).poll_next(cx)) {
                Some(Ok(page)) => this.current = R::into_items(page).into_iter(),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }
}

/// The request's value of a numeric query parameter.
fn query_number(request: &OperationRequest, name: &str) -> Option<u64> {
    request
        .query
        .iter()
        .find(|(key, _)| key == name)
        .and_then(|(_, value)| value.parse().ok())
}

/// Sets a query parameter, replacing its value where the request has one.
fn set_query(request: &mut OperationRequest, name: &str, value: String) {
    request.query.retain(|(key, _)| key != name);
    request.query.push((name.to_owned(), value));
}

/// The query pairs of a next page's URL (absolute, or a path with a query).
fn next_url_query(url: &str) -> Option<Vec<(String, String)>> {
    let base = reqwest::Url::parse("http://next.page/").ok()?;
    let url = base.join(url).ok()?;
    Some(url.query_pairs().into_owned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_next_url_gives_its_query() {
        assert_eq!(
            next_url_query("https://iam.example.com/v3/projects?page=2&per_page=10"),
            Some(vec![
                ("page".to_owned(), "2".to_owned()),
                ("per_page".to_owned(), "10".to_owned())
            ])
        );
        assert_eq!(
            next_url_query("/v3/projects?marker=a%20b"),
            Some(vec![("marker".to_owned(), "a b".to_owned())])
        );
    }

    #[test]
    fn setting_a_query_parameter_replaces_its_value() {
        let mut request = OperationRequest::new(crate::Method::GET, "/v1/items");
        request.query.push(("offset".to_owned(), "0".to_owned()));
        request.query.push(("limit".to_owned(), "2".to_owned()));
        set_query(&mut request, "offset", "2".to_owned());
        assert_eq!(query_number(&request, "offset"), Some(2));
        assert_eq!(request.query.len(), 2);
    }
}
