//! Runtime of every generated SDK.

pub mod signer;
