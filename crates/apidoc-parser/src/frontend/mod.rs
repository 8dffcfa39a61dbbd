//! The front ends: one per raw form, each producing [`crate::blocks::Block`]s.

pub mod html;
pub mod markdown;
pub mod text;
