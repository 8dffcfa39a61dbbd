//! Parsing HTML into a DOM that knows the source line of every element and
//! text node.
//!
//! scraper's DOM has no positions, so parsing goes through [`LineSink`], a
//! tree sink that wraps scraper's own and records a line per node:
//!
//! - Elements: the source is fed to the tokenizer in pieces that each start
//!   at a `<`, so while a piece is being processed the most recent `<` is the
//!   start of the tag being read (or, when an attribute value holds a `<`, a
//!   point inside that tag). An element gets the line of that `<`: exact for
//!   ordinary tags, and never before the tag's true line. Elements the parser
//!   invents (`tbody`, `html`, `body`) get the line of the tag that made them.
//! - Text nodes: the line of their first non-blank character, worked out from
//!   the tokenizer's line counter (which stands at the end of the text chunk
//!   being appended) minus the newlines that follow that character in the
//!   chunk.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use ego_tree::{NodeId, NodeRef};
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, driver};
use rustc_hash::FxHashMap;
use scraper::{Html, HtmlTreeSink, Node};

/// A parsed page: scraper's DOM plus the source line of each element and
/// non-blank text node.
pub(super) struct Dom {
    html: Html,
    lines: FxHashMap<NodeId, u32>,
}

impl Dom {
    /// Parses `source` as an HTML document (fragments such as the served
    /// pages get an implied `html`/`body`).
    pub(super) fn parse(source: &str) -> Self {
        let mut parser = driver::parse_document(LineSink::new(), Default::default());
        let whole = Whole::of(source);
        let mut line = 1u32;
        let mut offset = 0;
        for piece in pieces_starting_at_tags(source) {
            parser.tokenizer.sink.sink.tag_line.set(line);
            parser.process(whole.piece(offset, piece));
            line = line.saturating_add(newlines(piece));
            offset += piece.len();
        }
        parser.finish()
    }

    /// The document node.
    pub(super) fn root(&self) -> NodeRef<'_, Node> {
        self.html.tree.root()
    }

    /// The source line of `node`, or `fallback` for nodes without one
    /// (blank text, nodes made at the end of input).
    pub(super) fn line_or(&self, node: NodeRef<'_, Node>, fallback: u32) -> u32 {
        self.lines.get(&node.id()).copied().unwrap_or(fallback)
    }
}

/// The source as one tendril, so that the pieces fed to the tokenizer
/// share its buffer instead of each being copied; a source too long for a
/// tendril's 32-bit offsets has its pieces copied.
struct Whole(Option<StrTendril>);

impl Whole {
    fn of(source: &str) -> Self {
        Self(
            u32::try_from(source.len())
                .is_ok()
                .then(|| StrTendril::from_slice(source)),
        )
    }

    /// The `piece` of the source starting at byte `offset`.
    fn piece(&self, offset: usize, piece: &str) -> StrTendril {
        let shared = |whole: &StrTendril| {
            let offset = u32::try_from(offset).ok()?;
            let length = u32::try_from(piece.len()).ok()?;
            whole.try_subtendril(offset, length).ok()
        };
        self.0
            .as_ref()
            .and_then(shared)
            .unwrap_or_else(|| StrTendril::from_slice(piece))
    }
}

/// Splits `source` before every `<`, keeping every byte.
fn pieces_starting_at_tags(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = source;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let cut = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

fn newlines(text: &str) -> u32 {
    u32::try_from(text.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX)
}

/// scraper's tree sink, plus line bookkeeping.
struct LineSink {
    dom: HtmlTreeSink,
    /// Line of the most recent `<` fed to the tokenizer.
    tag_line: Cell<u32>,
    /// The tokenizer's line counter, as last reported.
    tokenizer_line: Cell<u64>,
    lines: RefCell<FxHashMap<NodeId, u32>>,
}

impl LineSink {
    fn new() -> Self {
        Self {
            dom: HtmlTreeSink::new(Html::new_document()),
            tag_line: Cell::new(1),
            tokenizer_line: Cell::new(1),
            lines: RefCell::new(FxHashMap::default()),
        }
    }

    /// Records the line of the text node `text_node` (if it has none yet)
    /// after `chunk` was appended to it.
    fn note_text(&self, text_node: Option<NodeId>, chunk: &str) {
        let Some(id) = text_node else { return };
        let Some(start) = chunk.find(|c: char| !c.is_whitespace()) else {
            return;
        };
        let after = u64::from(newlines(&chunk[start..]));
        let line = self.tokenizer_line.get().saturating_sub(after).max(1);
        self.lines
            .borrow_mut()
            .entry(id)
            .or_insert_with(|| u32::try_from(line).unwrap_or(u32::MAX));
    }

    /// The text node that `locate` finds next to `anchor`, if it is one.
    fn text_node(
        &self,
        anchor: NodeId,
        locate: fn(NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>>,
    ) -> Option<NodeId> {
        let html = self.dom.0.borrow();
        let node = locate(html.tree.get(anchor)?)?;
        node.value().is_text().then(|| node.id())
    }
}

impl TreeSink for LineSink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Dom {
        Dom {
            html: self.dom.finish(),
            lines: self.lines.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.dom.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.dom.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.dom.create_element(name, attrs, flags);
        self.lines.borrow_mut().insert(id, self.tag_line.get());
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.dom.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.dom.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let chunk = text_of(&child);
        self.dom.append(parent, child);
        if let Some(chunk) = chunk {
            self.note_text(self.text_node(*parent, |p| p.last_child()), &chunk);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .dom
            .0
            .borrow()
            .tree
            .get(*element)
            .is_some_and(|e| e.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.dom
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.dom.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let chunk = text_of(&new_node);
        self.dom.append_before_sibling(sibling, new_node);
        if let Some(chunk) = chunk {
            self.note_text(self.text_node(*sibling, |s| s.prev_sibling()), &chunk);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.dom.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.dom.reparent_children(node, new_parent);
    }

    fn set_current_line(&self, line_number: u64) {
        self.tokenizer_line.set(line_number);
    }
}

fn text_of(child: &NodeOrText<NodeId>) -> Option<StrTendril> {
    match child {
        NodeOrText::AppendText(text) => Some(text.clone()),
        NodeOrText::AppendNode(_) => None,
    }
}
