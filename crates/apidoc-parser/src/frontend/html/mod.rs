//! HTML front end: pages as served (fragments or whole documents) → blocks.
//!
//! Rules:
//! - `h1` is the page title (level 1); `h2`..`h6`, including the help
//!   centre's `h4.sectiontitle`, keep their tag's level.
//! - Text gathers into paragraphs: `<p>`, `<div>` and every other block
//!   container close the pending paragraph where they start and end, so a
//!   `div.p` holding text and a table gives a Paragraph, then the Table.
//!   Inline markup (`strong`, `span`, `a`, `code`, `sup`, ...) flattens to its
//!   text. `<br>` ends the paragraph: the parts either side of it become
//!   separate paragraphs (in a table cell, "Value range:<br>1~100" gives two
//!   paragraphs, as a Markdown cell written with `<br>` does).
//! - `ul`/`ol` are Lists whose items hold blocks; `pre` is Code, verbatim
//!   but without trailing whitespace, its language taken from a
//!   `language-X` class; note boxes (`div.note`, `.notice`, `.caution`,
//!   `.warning`, ...) and `blockquote` are Notes without their "NOTE:" label.
//! - Tables: caption text without markup; `thead` rows are the header (or,
//!   without `thead`, the leading rows made only of `th`); cells hold blocks;
//!   spans resolved into a full grid, bounded against hostile values (module
//!   `table`).
//! - Dropped: scripts, styles, images, the `familylinks` parent-topic footer.
//! - Lines (module `dom`): an element starts on the line of its start tag's
//!   `<`; a paragraph starts at its `<p>` when it has one, else at its first
//!   non-blank text; a line break is LF, CRLF or a lone CR.
//! - Nesting deeper than 120 elements is read as plain text, so hostile
//!   input cannot exhaust the stack.

mod dom;
mod flow;
mod role;
mod table;

use std::borrow::Cow;
use std::cell::Cell;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

use crate::blocks::{Block, BlockKind, Link};
use dom::Dom;
use flow::Flow;
pub(in crate::frontend) use flow::normalise;
use role::Role;

/// Element nesting beyond which content is flattened to text. Real pages
/// stay far below it (a field table nested in a cell is about 20 deep).
const MAX_DEPTH: usize = 120;

/// Parses an HTML page into blocks.
pub fn parse(source: &str) -> Vec<Block> {
    let dom = Dom::parse(&unify_line_breaks(source));
    let walker = Walker {
        dom: &dom,
        span_budget: Cell::new(table::SPAN_COPY_BUDGET),
    };
    walker.blocks_of(dom.root(), 0)
}

/// `source` with CRLF and lone CR line breaks written as LF, so that every
/// count of lines (ours, html5ever's, pulldown-cmark's) agrees: a line break
/// is LF, CRLF or CR, as in HTML and CommonMark.
pub(crate) fn unify_line_breaks(source: &str) -> Cow<'_, str> {
    if !source.contains('\r') {
        return Cow::Borrowed(source);
    }
    Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Walks the DOM, turning elements into blocks.
struct Walker<'d> {
    dom: &'d Dom,
    /// Bytes of cell content that table spans may still copy.
    span_budget: Cell<usize>,
}

impl Walker<'_> {
    /// The blocks made by the children of `node`, which sits `depth`
    /// elements deep.
    fn blocks_of(&self, node: NodeRef<'_, Node>, depth: usize) -> Vec<Block> {
        let mut flow = Flow::default();
        self.children(node, &mut flow, depth);
        flow.finish()
    }

    fn children(&self, node: NodeRef<'_, Node>, flow: &mut Flow, depth: usize) {
        let line = self.dom.line_or(node, 1);
        for child in node.children() {
            self.node(child, line, flow, depth + 1);
        }
    }

    fn node(&self, node: NodeRef<'_, Node>, parent_line: u32, flow: &mut Flow, depth: usize) {
        match node.value() {
            Node::Text(text) => flow.push_text(text, self.dom.line_or(node, parent_line)),
            Node::Element(element) => self.element(node, element, flow, depth),
            _ => {}
        }
    }

    fn element(&self, node: NodeRef<'_, Node>, element: &Element, flow: &mut Flow, depth: usize) {
        let line = self.dom.line_or(node, 1);
        let role = Role::of(element);
        if role != Role::Skip && depth > MAX_DEPTH {
            flow.push_text(&text_of(node, " "), line);
            return;
        }
        match role {
            Role::Skip => {}
            Role::Break => flow.close_paragraph(),
            Role::Inline if element.name() == "a" => {
                self.anchor_element(node, element, flow, depth)
            }
            Role::Inline => self.children(node, flow, depth),
            Role::Block => {
                flow.open_paragraph((element.name() == "p").then_some(line));
                self.children(node, flow, depth);
                flow.close_paragraph();
            }
            Role::Heading(level) => {
                let text = normalise(&text_of(node, " "));
                if !text.is_empty() {
                    let anchor = heading_anchor(node, element);
                    flow.push_block(
                        BlockKind::Heading {
                            level,
                            text,
                            anchor,
                        },
                        line,
                    );
                }
            }
            Role::List { ordered } => {
                let items = self.list_items(node, depth);
                if !items.is_empty() {
                    flow.push_block(BlockKind::List { ordered, items }, line);
                }
            }
            Role::Code => flow.push_block(code(node, element), line),
            Role::Note => {
                let blocks = self.blocks_of(node, depth);
                if !blocks.is_empty() {
                    flow.push_block(BlockKind::Note(blocks), line);
                }
            }
            Role::Table => {
                let mut table = self.table(node, depth);
                table.anchor = element
                    .attr("id")
                    .map(str::to_owned)
                    .or_else(|| flow.take_anchor());
                flow.push_block(BlockKind::Table(table), line);
            }
        }
    }

    /// An `<a>`: a link to another page or anchor is kept on the paragraph
    /// (its text stays in the text); an empty named anchor may name the
    /// table after it.
    fn anchor_element(
        &self,
        node: NodeRef<'_, Node>,
        element: &Element,
        flow: &mut Flow,
        depth: usize,
    ) {
        let text = normalise(&text_of(node, " "));
        if let Some(href) = element.attr("href").filter(|h| is_page_link(h)) {
            flow.push_link(Link {
                href: href.trim().to_owned(),
                text: text.clone(),
            });
        }
        self.children(node, flow, depth);
        if let Some(name) = element.attr("name").or_else(|| element.attr("id"))
            && text.is_empty()
        {
            flow.set_anchor(name);
        }
    }

    /// A list's items. Content outside any `li` (a list nested directly in
    /// a list, stray text) joins the item before it.
    fn list_items(&self, list: NodeRef<'_, Node>, depth: usize) -> Vec<Vec<Block>> {
        let line = self.dom.line_or(list, 1);
        let mut items: Vec<Vec<Block>> = Vec::new();
        for child in list.children() {
            if child.value().as_element().is_some_and(|e| e.name() == "li") {
                items.push(self.blocks_of(child, depth + 1));
                continue;
            }
            let mut flow = Flow::default();
            self.node(child, line, &mut flow, depth + 1);
            let stray = flow.finish();
            match items.last_mut() {
                _ if stray.is_empty() => {}
                Some(last) => last.extend(stray),
                None => items.push(stray),
            }
        }
        items
    }
}

/// A heading's own `id`, else the first empty named anchor inside it
/// (`<h1>Title<a name="ListTags"></a></h1>`).
fn heading_anchor(node: NodeRef<'_, Node>, element: &Element) -> Option<String> {
    if let Some(id) = element.attr("id") {
        return Some(id.to_owned());
    }
    node.descendants().find_map(|child| {
        let a = child.value().as_element().filter(|e| e.name() == "a")?;
        let name = a.attr("name").or_else(|| a.attr("id"))?;
        text_of(child, "")
            .trim()
            .is_empty()
            .then(|| name.to_owned())
    })
}

/// A link to a page of the same documentation or an anchor: relative,
/// without a scheme.
fn is_page_link(href: &str) -> bool {
    let href = href.trim();
    !href.is_empty()
        && !href.contains("://")
        && !href.starts_with("mailto:")
        && !href.starts_with("javascript:")
}

/// A `pre` element as Code: its text verbatim (`<br>` as a newline), minus
/// trailing whitespace; the language from a `language-X`/`lang-X` class on
/// the `pre` or a `code` inside it.
fn code(node: NodeRef<'_, Node>, element: &Element) -> BlockKind {
    let inner_code = node
        .children()
        .filter_map(|c| c.value().as_element())
        .find(|e| e.name() == "code");
    let lang = std::iter::once(element)
        .chain(inner_code)
        .find_map(language);
    BlockKind::Code {
        lang,
        text: text_of(node, "\n").trim_end().to_string(),
    }
}

fn language(element: &Element) -> Option<String> {
    element
        .classes()
        .find_map(|class| {
            class
                .strip_prefix("language-")
                .or_else(|| class.strip_prefix("lang-"))
        })
        .filter(|lang| !lang.is_empty())
        .map(str::to_string)
}

/// All text under `node` as found, without skipped elements, `<br>` read as
/// `br`. Iterative, so any depth is safe.
fn text_of(node: NodeRef<'_, Node>, br: &str) -> String {
    let mut out = String::new();
    let mut skipped_depth = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(open) => match open.value() {
                Node::Text(text) if skipped_depth == 0 => out.push_str(text),
                Node::Element(element) => match Role::of(element) {
                    _ if skipped_depth > 0 => skipped_depth += 1,
                    Role::Skip => skipped_depth += 1,
                    Role::Break => out.push_str(br),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(close) => {
                if close.value().is_element() && skipped_depth > 0 {
                    skipped_depth -= 1;
                }
            }
        }
    }
    out
}
