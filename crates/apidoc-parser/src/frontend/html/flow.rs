//! Collecting a container's content into blocks: inline text gathers into a
//! pending paragraph until a block-level element, a `<br>` or the end of a
//! container closes it.

use crate::blocks::{Block, BlockKind};

/// The blocks of one container, built in reading order.
#[derive(Default)]
pub(super) struct Flow {
    blocks: Vec<Block>,
    /// Inline text not yet closed into a paragraph, whitespace as found.
    text: String,
    /// Line of the pending paragraph, once it has non-blank text.
    text_line: Option<u32>,
    /// Line of the `<p>` that opened the pending paragraph: a paragraph
    /// starts at its `<p>`; text in other containers starts where it starts.
    opened_at: Option<u32>,
}

impl Flow {
    /// Adds inline text found on `line`.
    pub(super) fn push_text(&mut self, text: &str, line: u32) {
        if self.text_line.is_none() && text.chars().any(|c| !c.is_whitespace()) {
            self.text_line = Some(self.opened_at.unwrap_or(line));
        }
        self.text.push_str(text);
    }

    /// Closes the pending paragraph and starts a new one, for a `<p>` on
    /// `line` or (`None`) for another container.
    pub(super) fn open_paragraph(&mut self, line: Option<u32>) {
        self.close_paragraph();
        self.opened_at = line;
    }

    /// Turns the pending text, if any, into a paragraph.
    pub(super) fn close_paragraph(&mut self) {
        let text = normalise(&self.text);
        if let (false, Some(line)) = (text.is_empty(), self.text_line) {
            self.blocks
                .push(Block::new(BlockKind::Paragraph(text), line));
        }
        self.text.clear();
        self.text_line = None;
        self.opened_at = None;
    }

    /// Adds a block after the pending paragraph.
    pub(super) fn push_block(&mut self, kind: BlockKind, line: u32) {
        self.close_paragraph();
        self.blocks.push(Block::new(kind, line));
    }

    /// The blocks, pending text included.
    pub(super) fn finish(mut self) -> Vec<Block> {
        self.close_paragraph();
        self.blocks
    }
}

/// Runs of whitespace (spaces, newlines, no-break spaces) become one space;
/// leading and trailing whitespace goes.
pub(in crate::frontend) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
