//! Runtime of every SDK that `apidoc` generates: client configuration,
//! token and AK/SK authentication (the `SDK-HMAC-SHA256` [`signer`]), HTTP
//! transport, error decoding, three-state [`Nullable`] fields and the
//! [`validate`] helpers generated code calls before sending.
//!
//! Generated operations build an [`OperationRequest`], hand it to
//! [`Client::call`] (the boxed form of [`Client::send`]), keep the
//! [`RawResponse`] of a documented 2xx status ([`RawResponse::success`]:
//! an error status becomes an [`Error::Api`], an undocumented 2xx an
//! [`Error::UndocumentedStatus`]) and decode it with [`RawResponse::json`].
//!
//! List operations page through [`paginate::Paginator`] and asynchronous
//! jobs are waited for with [`wait::wait_for_job`], both driven by what
//! generated code states of the operation.
//!
//! With the cargo feature `mock`, the `mock` module holds what the
//! generated SDKs' tests against a local mock server share, and the typed
//! mocks the generated `mock` modules offer their users
//! (`mock::MockService`, `mock::Stub`).
//!
//! ```no_run
//! use apidoc_runtime::{Client, Credentials, Method, OperationRequest};
//!
//! # async fn run() -> Result<(), apidoc_runtime::Error> {
//! let client = Client::builder()
//!     .endpoint_template("https://metastudio.{region}.myhuaweicloud.com", &[])
//!     .region("cn-north-4")
//!     .project_id("0123456789abcdef0123456789abcdef")
//!     .credentials(Credentials::ak_sk("MY-AK", "MY-SK"))
//!     .build()?;
//!
//! let mut request = OperationRequest::new(
//!     Method::GET,
//!     "/v1/{project_id}/tenants/notice-configurations",
//! );
//! request.query.push(("limit".to_owned(), "10".to_owned()));
//! let response = client.send(request).await?;
//! if !response.is_success() {
//!     return Err(response.into_api_error());
//! }
//! let body: serde_json::Value = response.json()?;
//! println!("{body}");
//! # Ok(())
//! # }
//! ```

mod client;
mod credentials;
mod discovery;
mod error;
mod http_options;
#[cfg(feature = "mock")]
pub mod mock;
pub mod nullable;
mod operation;
pub mod paginate;
pub mod provider;
mod request;
mod response;
pub mod retry;
pub mod signer;
#[cfg(feature = "mock")]
mod stub;
mod template;
pub mod validate;
pub mod wait;

pub use bytes::Bytes;
pub use client::{Client, ClientBuilder, DEFAULT_IAM_ENDPOINT};
pub use credentials::Credentials;
pub use error::{ApiError, Error};
pub use http_options::HttpOptions;
pub use nullable::Nullable;
pub use operation::Pending;
pub use request::OperationRequest;
pub use reqwest::Method;
pub use reqwest::header::HeaderMap;
pub use response::{ERROR_CODE_FIELDS, ERROR_MESSAGE_FIELDS, RawResponse};
pub use retry::RetryPolicy;
