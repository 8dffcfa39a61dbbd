//! Blocks → IR (placeholder until implemented).

use crate::{Parsed, blocks::Block};

/// Reads one page's blocks.
pub fn read_page(_file: &str, _blocks: &[Block]) -> Parsed {
    Parsed::default()
}
