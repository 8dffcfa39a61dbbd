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
//!   of 0 counts as 1, so a span cannot add rows. Since every covered slot
//!   repeats the spanning cell's content, hostile spans are bounded: a
//!   colspan counts at most [`MAX_COLSPAN`] columns, and a span whose copies
//!   would exceed what is left of the page's [`SPAN_COPY_BUDGET`] is
//!   dropped (the cell then covers one slot). Real pages use a tiny part of
//!   either limit.

use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

use super::Walker;
use super::flow::normalise;
use super::text_of;
use crate::blocks::{Cell, SpannedCell, Table, resolve_spans};

/// Widest colspan honoured: wider than any documentation table.
pub(super) const MAX_COLSPAN: usize = 100;

/// Bytes of cell content that spans may copy on one page.
pub(super) const SPAN_COPY_BUDGET: usize = 32 << 20;

/// Cost of one copied cell beyond its text: the block structure.
const CELL_COPY_OVERHEAD: usize = 64;

/// A source row: its line, its cells and whether they are all `th`.
struct Row {
    /// The `tr` tag's line.
    line: u32,
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
        let (tr_lines, cells): (Vec<u32>, Vec<_>) = head
            .into_iter()
            .chain(body)
            .map(|row| (row.line, row.cells))
            .unzip();
        let mut grid = resolve_spans(cells);
        for (row, line) in grid.iter_mut().zip(tr_lines) {
            // A row with no cell of its own gets padding without a line.
            row.iter_mut()
                .filter(|cell| cell.line == 0)
                .for_each(|cell| cell.line = line);
        }
        let rows = grid.split_off(header_rows.min(grid.len()));
        Table {
            caption,
            header: grid,
            rows,
            anchor: None,
            origin: None,
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
            let colspan = span(element, "colspan").unwrap_or(1).clamp(1, MAX_COLSPAN);
            cells.push(self.within_budget(SpannedCell {
                cell,
                rowspan,
                colspan,
            }));
        }
        Row {
            line: self.dom.line_or(tr, 1),
            all_th: all_th && !cells.is_empty(),
            cells,
        }
    }
}

impl Walker<'_> {
    /// `spanned`, its span dropped when the copies it makes would exceed
    /// what is left of the page's span budget.
    fn within_budget(&self, mut spanned: SpannedCell) -> SpannedCell {
        let copies = spanned.rowspan.saturating_mul(spanned.colspan) - 1;
        if copies == 0 {
            return spanned;
        }
        let cost = copies.saturating_mul(spanned.cell.text().len() + CELL_COPY_OVERHEAD);
        let left = self.span_budget.get();
        if cost > left {
            spanned.rowspan = 1;
            spanned.colspan = 1;
        } else {
            self.span_budget.set(left - cost);
        }
        spanned
    }
}

/// A span attribute as HTML reads it: the leading digits, if any.
fn span(element: &Element, name: &str) -> Option<usize> {
    let value = element.attr(name)?.trim_start();
    let digits = value.bytes().take_while(u8::is_ascii_digit).take(6).count();
    value[..digits].parse().ok()
}
