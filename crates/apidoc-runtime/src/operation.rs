//! The part of every generated operation method that is the same for all
//! operations, compiled once here rather than once per operation.
//!
//! [`Client::call`] takes the request as the generated code built it (or
//! the error that stopped it, such as a failed validation) and returns the
//! transport future boxed: an operation's own `async fn` then holds one
//! pointer instead of embedding, polling and dropping the whole transport
//! state machine, which is most of what a generated crate would otherwise
//! compile per operation.

use std::{future::Future, pin::Pin};

use crate::{Client, Error, OperationRequest, RawResponse};

/// The future [`Client::call`] returns.
pub type Pending<'a> = Pin<Box<dyn Future<Output = Result<RawResponse, Error>> + Send + 'a>>;

impl Client {
    /// [`Client::send_operation`] for generated operation methods: a
    /// request that could not be built fails without sending; any status
    /// comes back as a [`RawResponse`].
    pub fn call(
        &self,
        operation_id: &'static str,
        request: Result<OperationRequest, Error>,
    ) -> Pending<'_> {
        Box::pin(async move { self.send_operation(operation_id, request?).await })
    }
}
