//! Collecting a container's content into blocks: inline text gathers into a
//! pending paragraph until a block-level element, a `<br>` or the end of a
//! container closes it.

pub(in crate::frontend) use crate::blocks::normalise;
use crate::blocks::{Block, BlockKind, Link};

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
    /// Links in the pending paragraph.
    links: Vec<Link>,
    /// An empty `<a name>`/`<a id>` with no text after it yet: the anchor
    /// of a table that follows.
    anchor: Option<String>,
}

impl Flow {
    /// Adds inline text found on `line`.
    pub(super) fn push_text(&mut self, text: &str, line: u32) {
        if text.chars().any(|c| !c.is_whitespace()) {
            self.anchor = None;
            if self.text_line.is_none() {
                self.text_line = Some(self.opened_at.unwrap_or(line));
            }
        }
        self.text.push_str(text);
    }

    /// Adds a link of the pending paragraph.
    pub(super) fn push_link(&mut self, link: Link) {
        self.links.push(link);
    }

    /// Notes an empty named anchor: the anchor of a table right after it.
    pub(super) fn set_anchor(&mut self, anchor: &str) {
        self.anchor = Some(anchor.to_owned());
    }

    /// The anchor written right before this point, if nothing came since.
    pub(super) fn take_anchor(&mut self) -> Option<String> {
        self.anchor.take()
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
        let links = std::mem::take(&mut self.links);
        if let (false, Some(line)) = (text.is_empty(), self.text_line) {
            let mut block = Block::new(BlockKind::Paragraph(text), line);
            block.links = links;
            self.blocks.push(block);
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
