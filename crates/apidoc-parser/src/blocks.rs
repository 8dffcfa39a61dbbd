//! The block model every front end produces.
//!
//! A page, whatever form it arrived in (text copied from a browser, HTML as
//! served, Markdown), becomes a flat list of [`Block`]s in reading order.
//! The reader (`crate::read`) understands blocks only, never the raw form,
//! so one set of table and prose rules serves all front ends.

use serde::Serialize;

/// One block of a page, with the 1-based line it starts on in the source file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// 1-based line of the source file where the block starts.
    pub line: u32,
    /// Links in the block's own text (a paragraph's) to another page or to
    /// an anchor, in reading order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link written in a paragraph: `<a href="page.md#table3">Table 3</a>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The target as written: `page.md#anchor`, `page.html`, `#anchor`.
    pub href: String,
    /// The link's text, whitespace-normalised.
    pub text: String,
}

impl Link {
    /// The page part of the target (empty for a link within the page).
    pub fn page(&self) -> &str {
        self.href
            .split_once('#')
            .map_or(&self.href, |(page, _)| page)
    }

    /// The anchor part of the target, if any.
    pub fn anchor(&self) -> Option<&str> {
        self.href
            .split_once('#')
            .map(|(_, a)| a)
            .filter(|a| !a.is_empty())
    }
}

/// The kinds of block.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum BlockKind {
    /// A heading (`h1`..`h6`, `#`, or a known section name in text pages).
    /// Level 1 is the page title.
    Heading {
        /// 1 for the page title, 2 and more for sections.
        level: u8,
        /// The heading text, whitespace-normalised.
        text: String,
        /// The anchor the heading carries (its `id`, or an empty `<a
        /// name>` inside it), where the source has one: other pages link
        /// the heading by it, and a page title's anchor may be the
        /// operation's name (`<a name="ListKmsTags">`).
        #[serde(skip_serializing_if = "Option::is_none")]
        anchor: Option<String>,
    },
    /// A paragraph of inline text, whitespace-normalised (runs of spaces and
    /// newlines become one space; leading and trailing space removed).
    Paragraph(String),
    /// A bulleted or numbered list; each item holds its own blocks.
    List {
        /// True for numbered lists.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A table.
    Table(Table),
    /// Preformatted text (`<pre>`, fenced code, JSON bodies in text pages),
    /// verbatim, without the trailing newline.
    Code {
        /// The language tag, where the source gives one.
        lang: Option<String>,
        /// The text.
        text: String,
    },
    /// A note, caution or tip box, holding its own blocks.
    Note(Vec<Block>),
}

/// A table with its spans already resolved into a full grid.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    /// The caption without any markup, e.g. "Table 2 Query Parameters".
    pub caption: Option<String>,
    /// Header rows (usually one). Every row has the same number of cells as
    /// the widest row; a cell covered by a rowspan/colspan repeats the
    /// spanning cell's content.
    pub header: Vec<Vec<Cell>>,
    /// Body rows, resolved the same way.
    pub rows: Vec<Vec<Cell>>,
    /// The anchor other pages link the table by: the table's `id`, or the
    /// `<a name>` written right before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// For a table copied from another page by a link (`crate::crossref`),
    /// where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// Where a copied table came from, and why it was copied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The path of the page holding the table.
    pub page: String,
    /// True when a link in a table cell copied it: it describes the
    /// objects of a field, never a body or the parameters of the linking
    /// page, whatever its caption says there.
    pub for_field: bool,
    /// The anchor of the heading it was copied from under, for a link to
    /// a heading: the first table under it describes the linking field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub under: Option<String>,
}

/// A table cell.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Cell {
    /// The cell's content: paragraphs, lists, notes, code.
    pub blocks: Vec<Block>,
    /// 1-based line where the cell starts.
    pub line: u32,
}

impl Block {
    /// A block of `kind` starting at `line`.
    pub fn new(kind: BlockKind, line: u32) -> Self {
        Self {
            kind,
            line,
            links: Vec::new(),
        }
    }
}

impl Cell {
    /// The cell's text: paragraphs joined by newlines, list items as
    /// "• item" lines, code verbatim.
    pub fn text(&self) -> String {
        let mut out = String::new();
        write_text(&self.blocks, "\n", &mut out, &mut true);
        out
    }
}

/// Appends the text of `blocks` to `out`: each paragraph, heading, code
/// block, list item ("• " and its blocks' text on one line) and table row
/// (its cells' text between " | ") is one piece, with `separator` between
/// pieces; `first` is true until the first piece is written.
fn write_text(blocks: &[Block], separator: &str, out: &mut String, first: &mut bool) {
    let piece = |out: &mut String, first: &mut bool| {
        if !std::mem::take(first) {
            out.push_str(separator);
        }
    };
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { text, .. }
            | BlockKind::Paragraph(text)
            | BlockKind::Code { text, .. } => {
                piece(out, first);
                out.push_str(text);
            }
            BlockKind::List { items, .. } => {
                for item in items {
                    piece(out, first);
                    out.push_str("• ");
                    write_text(item, " ", out, &mut true);
                }
            }
            BlockKind::Note(inner) => write_text(inner, separator, out, first),
            BlockKind::Table(table) => {
                for row in table.header.iter().chain(&table.rows) {
                    piece(out, first);
                    for (c, cell) in row.iter().enumerate() {
                        if c > 0 {
                            out.push_str(" | ");
                        }
                        write_text(&cell.blocks, "\n", out, &mut true);
                    }
                }
            }
        }
    }
}

/// Builds a full grid from rows of cells that carry row and column spans.
///
/// Front ends whose source has spans (HTML `rowspan`/`colspan`) collect
/// [`SpannedCell`]s per source row and call this, so that every front end
/// resolves spans the same way.
pub fn resolve_spans(rows: Vec<Vec<SpannedCell>>) -> Vec<Vec<Cell>> {
    let mut grid: Vec<Vec<Option<Cell>>> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        if grid.len() <= r {
            grid.resize_with(r + 1, Vec::new);
        }
        let mut c = 0;
        for spanned in row {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let (rs, cs) = (
                spanned.rowspan.clamp(1, 1000),
                spanned.colspan.clamp(1, 1000),
            );
            for dr in 0..rs {
                let rr = r + dr;
                if grid.len() <= rr {
                    grid.resize_with(rr + 1, Vec::new);
                }
                for dc in 0..cs {
                    let cc = c + dc;
                    if grid[rr].len() <= cc {
                        grid[rr].resize_with(cc + 1, || None);
                    }
                    grid[rr][cc] = Some(spanned.cell.clone());
                }
            }
            c += cs;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    grid.into_iter()
        .map(|row| {
            let line = row.iter().flatten().map(|c| c.line).next().unwrap_or(0);
            let mut cells: Vec<Cell> = row
                .into_iter()
                .map(|c| {
                    c.unwrap_or_else(|| Cell {
                        blocks: Vec::new(),
                        line,
                    })
                })
                .collect();
            cells.resize_with(width, || Cell {
                blocks: Vec::new(),
                line,
            });
            cells
        })
        .collect()
}

/// A cell as the source gives it, before spans are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct SpannedCell {
    /// The content.
    pub cell: Cell,
    /// Rows covered (1 when the source says nothing).
    pub rowspan: usize,
    /// Columns covered (1 when the source says nothing).
    pub colspan: usize,
}

/// Runs of whitespace (spaces, newlines, no-break spaces) become one space;
/// leading and trailing whitespace goes.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
