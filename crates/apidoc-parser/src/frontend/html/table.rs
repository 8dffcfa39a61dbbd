//! `<table>` → [`Table`].
//!
//! - Caption: the `caption` text without markup, whitespace-normalised
//!   (`<caption><b>Table 1 </b>Path Parameters</caption>` → "Table 1 Path
//!   Parameters").
//! - Header: the `thead` rows; a table without `thead` takes its leading
//!   rows made only of `th` cells as header. Body: the `tbody`/`tfoot` rows.
//!   Malformed markup is read as the HTML5 parser repairs it.
//! - Cells hold blocks (text directly in a cell becomes a paragraph); a
//!   cell's line is its `td`/`th` tag's line.
//! - Spans are resolved by [`resolve_spans`]. As in HTML, a rowspan stops at
//!   the end of its row group (`rowspan="0"` fills the group) and a colspan
//!   of 0 counts as 1, so a hostile span cannot add rows; column spans are
//!   capped by `resolve_spans`.

use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

use super::Walker;
use super::flow::normalise;
use super::text_of;
use crate::blocks::{Cell, SpannedCell, Table, resolve_spans};

/// A source row: its cells and whether they are all `th`.
struct Row {
    cells: Vec<SpannedCell>,
    all_th: bool,
}

impl Walker<'_> {
    /// Reads a `table` element sitting `depth` elements deep.
    pub(super) fn table(&self, node: NodeRef<'_, Node>, depth: usize) -> Table {
        let mut caption = None;
        let mut head: Vec<Row> = Vec::new();
        let mut body: Vec<Row> = Vec::new();
        let mut loose: Vec<NodeRef<'_, Node>> = Vec::new();
        for child in node.children() {
            let Some(element) = child.value().as_element() else {
                continue;
            };
            match element.name() {
                "caption" if caption.is_none() => {
                    caption = Some(normalise(&text_of(child, " "))).filter(|c| !c.is_empty());
                }
                "thead" => head.extend(self.row_group(child.children(), depth + 1)),
                "tbody" | "tfoot" => body.extend(self.row_group(child.children(), depth + 1)),
                "tr" => loose.push(child),
                _ => {}
            }
        }
        body.extend(self.row_group(loose.into_iter(), depth));
        if head.is_empty() {
            let leading_th = body.iter().take_while(|row| row.all_th).count();
            head = body.drain(..leading_th).collect();
        }
        let header_rows = head.len();
        let mut grid = resolve_spans(head.into_iter().chain(body).map(|row| row.cells).collect());
        let rows = grid.split_off(header_rows.min(grid.len()));
        Table {
            caption,
            header: grid,
            rows,
        }
    }

    /// The `tr` rows among `nodes`, with rowspans cut at the group's end.
    fn row_group<'a>(
        &self,
        nodes: impl Iterator<Item = NodeRef<'a, Node>>,
        depth: usize,
    ) -> Vec<Row> {
        let trs: Vec<_> = nodes
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "tr"))
            .collect();
        let count = trs.len();
        trs.into_iter()
            .enumerate()
            .map(|(i, tr)| self.row(tr, count - i, depth + 1))
            .collect()
    }

    /// One `tr`; `rows_left` counts it and the rows after it in its group.
    fn row(&self, tr: NodeRef<'_, Node>, rows_left: usize, depth: usize) -> Row {
        let mut cells = Vec::new();
        let mut all_th = true;
        for child in tr.children() {
            let Some(element) = child.value().as_element() else {
                continue;
            };
            let name = element.name();
            if name != "td" && name != "th" {
                continue;
            }
            all_th &= name == "th";
            let rowspan = match span(element, "rowspan") {
                Some(0) => rows_left,
                Some(n) => n.min(rows_left),
                None => 1,
            };
            let cell = Cell {
                blocks: self.blocks_of(child, depth + 1),
                line: self.dom.line_or(child, 1),
            };
            cells.push(SpannedCell {
                cell,
                rowspan,
                colspan: span(element, "colspan").unwrap_or(1).max(1),
            });
        }
        Row {
            all_th: all_th && !cells.is_empty(),
            cells,
        }
    }
}

/// A span attribute as HTML reads it: the leading digits, if any.
fn span(element: &Element, name: &str) -> Option<usize> {
    let value = element.attr(name)?.trim_start();
    let digits = value.bytes().take_while(u8::is_ascii_digit).take(6).count();
    value[..digits].parse().ok()
}
