//! markdown front end (placeholder until implemented).

use crate::blocks::Block;

/// Parses a page into blocks.
pub fn parse(_source: &str) -> Vec<Block> {
    Vec::new()
}
