//! Links between the pages of one service, followed before reading.
//!
//! Pages point at tables of other pages instead of repeating them: a Type
//! cell `Array of <a href="data.md#table12">tag</a> objects`, a description
//! "see <a href="other.html#x__table3">Table 3</a>", a response section
//! saying only "See <a href="task-responses.html">Responses (Task)</a>".
//! Once every page of a service is in blocks, [`follow_links`] copies each
//! table such a link names into the linking page, right after the top-level
//! block holding the link, so that the reader finds it where the page would
//! have written it (and links the row to it by anchor, `read::link`):
//! - a link with an anchor, in a table cell, copies the table carrying that
//!   anchor (its `id`, or the `<a name>` just before it), together with the
//!   tables that table's rows link to in turn;
//! - a link without an anchor, in a paragraph of a response section that is
//!   mostly the link, copies every table of the linked page (a shared
//!   response page).
//!
//! A copied table keeps its anchor and records the page it came from
//! (`Table::origin`). Targets resolve relative to the linking page's folder.
//! A link naming a table anchor that no page of the service has gives a
//! `table-link-unresolved` warning at the link. Work is linear in the
//! service's size plus the tables copied: tables are found through one
//! index of anchors.

use std::collections::{BTreeSet, HashMap};

use apidoc_ir::{Diagnostic, Span};

use crate::blocks::{Block, BlockKind, Link, Table};
use crate::read::sections::{Section, section_of};

/// One page's blocks, by the page's path relative to the docs root.
#[derive(Debug, Default)]
pub struct PageBlocks {
    /// The page's path relative to the docs root.
    pub file: String,
    /// The page's blocks.
    pub blocks: Vec<Block>,
}

/// Copies into each page the tables its links to other pages name; returns
/// the warnings for links whose target no page holds.
pub fn follow_links(pages: &mut [PageBlocks]) -> Vec<Diagnostic> {
    let index = Index::of(pages);
    let mut diagnostics = Vec::new();
    let mut inserts: Vec<Vec<(usize, Vec<Block>)>> = Vec::with_capacity(pages.len());
    for page in pages.iter() {
        inserts.push(page_inserts(page, &index, &mut diagnostics));
    }
    for (page, inserts) in pages.iter_mut().zip(inserts) {
        for (at, copies) in inserts.into_iter().rev() {
            page.blocks.splice(at + 1..at + 1, copies);
        }
    }
    diagnostics
}

/// A table of the index: its page and its position among the page's tables.
type TableAt = (usize, usize);

/// Every table of the service, by page and by anchor.
struct Index<'p> {
    pages: &'p [PageBlocks],
    /// Page index by file.
    files: HashMap<&'p str, usize>,
    /// Each page's tables, in reading order (lists and notes included),
    /// each with the paragraph before it when it has no caption of its own
    /// (pages caption raw tables in a paragraph).
    tables: Vec<Vec<Captioned<'p>>>,
    /// Tables by (page, anchor).
    anchors: HashMap<(usize, &'p str), usize>,
}

impl<'p> Index<'p> {
    fn of(pages: &'p [PageBlocks]) -> Self {
        let mut index = Index {
            pages,
            files: HashMap::new(),
            tables: Vec::with_capacity(pages.len()),
            anchors: HashMap::new(),
        };
        for (p, page) in pages.iter().enumerate() {
            index.files.insert(page.file.as_str(), p);
            let mut tables = Vec::new();
            collect_tables(&page.blocks, &mut tables);
            for (t, (table, _)) in tables.iter().enumerate() {
                if let Some(anchor) = &table.anchor {
                    index.anchors.entry((p, anchor.as_str())).or_insert(t);
                }
            }
            index.tables.push(tables);
        }
        index
    }

    fn page(&self, from: usize, link: &Link) -> Option<usize> {
        if link.page().is_empty() {
            return Some(from);
        }
        let target = resolve(&self.pages[from].file, link.page())?;
        self.files.get(target.as_str()).copied()
    }

    /// The table `at` (with its caption paragraph) marked with its origin,
    /// and those its rows link to on other pages or its own, once each
    /// (`seen`); every copied block stands on `line`, the link's line, as
    /// the linking page's findings must point into that page.
    fn copy_with_linked(
        &self,
        at: TableAt,
        line: u32,
        seen: &mut BTreeSet<TableAt>,
        out: &mut Vec<Block>,
    ) {
        if !seen.insert(at) {
            return;
        }
        let (table, caption) = self.tables[at.0][at.1];
        if let Some(caption) = caption {
            out.push(relocated(caption.clone(), line));
        }
        let mut copy = table.clone();
        copy.origin = Some(self.pages[at.0].file.clone());
        out.push(relocated(Block::new(BlockKind::Table(copy), line), line));
        let mut links = Vec::new();
        for cell in table.header.iter().chain(&table.rows).flatten() {
            collect_links(&cell.blocks, true, &mut links);
        }
        for (link, _, _) in links {
            let Some(anchor) = link.anchor() else {
                continue;
            };
            let Some(page) = self.page(at.0, link) else {
                continue;
            };
            if let Some(&t) = self.anchors.get(&(page, anchor)) {
                self.copy_with_linked((page, t), line, seen, out);
            }
        }
    }
}

/// The tables to copy into `page`, by the top-level block they follow.
fn page_inserts(
    page: &PageBlocks,
    index: &Index<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, Vec<Block>)> {
    let Some(&me) = index.files.get(page.file.as_str()) else {
        return Vec::new();
    };
    let mut seen: BTreeSet<TableAt> = BTreeSet::new();
    let mut section = Section::Preamble;
    let mut out = Vec::new();
    for (at, block) in page.blocks.iter().enumerate() {
        if let BlockKind::Heading { level, text, .. } = &block.kind
            && *level >= 2
        {
            section = section_of(text);
        }
        let mut links = Vec::new();
        collect_links(std::slice::from_ref(block), false, &mut links);
        let mut copies = Vec::new();
        for (link, in_cell, paragraph) in links {
            let target = index.page(me, link);
            match (link.anchor(), target) {
                // A row needs the table; prose elsewhere ("status codes: see
                // Table 1") only points at it.
                (Some(_), _) if !in_cell => {}
                (Some(anchor), Some(p)) => match index.anchors.get(&(p, anchor)) {
                    // Within the page the reader links by anchor and number.
                    _ if p == me => {}
                    Some(&t) => {
                        index.copy_with_linked((p, t), paragraph.line, &mut seen, &mut copies);
                    }
                    None if names_table(anchor) => {
                        diagnostics.push(unresolved(&page.file, link, paragraph.line, true));
                    }
                    None => {}
                },
                (Some(anchor), None) if names_table(anchor) => {
                    diagnostics.push(unresolved(&page.file, link, paragraph.line, false));
                }
                (None, Some(p))
                    if p != me
                        && !in_cell
                        && section == Section::Response
                        && mostly_link(paragraph, link) =>
                {
                    for t in 0..index.tables[p].len() {
                        index.copy_with_linked((p, t), paragraph.line, &mut seen, &mut copies);
                    }
                }
                _ => {}
            }
        }
        if !copies.is_empty() {
            out.push((at, copies));
        }
    }
    out
}

/// An anchor that names a table (`table12`, `…__table3`), as the Help
/// Center's generated anchors do.
fn names_table(anchor: &str) -> bool {
    anchor.to_ascii_lowercase().contains("table")
}

/// A paragraph saying little besides its link ("See Responses (Task).").
fn mostly_link(paragraph: &Block, link: &Link) -> bool {
    let BlockKind::Paragraph(text) = &paragraph.kind else {
        return false;
    };
    2 * link.text.chars().count() >= text.chars().count()
}

fn unresolved(file: &str, link: &Link, line: u32, page_found: bool) -> Diagnostic {
    let found = if page_found {
        format!(
            "no table anchored `{}` on `{}`",
            link.anchor().unwrap_or_default(),
            link.page()
        )
    } else {
        format!("no page `{}` in this service", link.page())
    };
    Diagnostic::warning(
        "table-link-unresolved",
        format!(
            "expected `{}` to name a table of this service, found {found}",
            link.href
        ),
        Span::new(file, line),
        format!("the link {:?} is not followed", link.text),
    )
    .with_help("add the linked page to the service's folder, or correct the link")
}

/// The links in `blocks` and everything inside them, with whether each sits
/// in a table cell and the paragraph holding it.
fn collect_links<'b>(
    blocks: &'b [Block],
    in_cell: bool,
    out: &mut Vec<(&'b Link, bool, &'b Block)>,
) {
    for block in blocks {
        out.extend(block.links.iter().map(|l| (l, in_cell, block)));
        match &block.kind {
            BlockKind::List { items, .. } => {
                items
                    .iter()
                    .for_each(|item| collect_links(item, in_cell, out));
            }
            BlockKind::Note(inner) => collect_links(inner, in_cell, out),
            BlockKind::Table(table) => {
                for cell in table.header.iter().chain(&table.rows).flatten() {
                    collect_links(&cell.blocks, true, out);
                }
            }
            BlockKind::Heading { .. } | BlockKind::Paragraph(_) | BlockKind::Code { .. } => {}
        }
    }
}

/// A table and, when it has no caption, the paragraph right before it.
type Captioned<'b> = (&'b Table, Option<&'b Block>);

/// The tables among `blocks`, in lists and notes too, in reading order.
fn collect_tables<'b>(blocks: &'b [Block], out: &mut Vec<Captioned<'b>>) {
    let mut previous: Option<&Block> = None;
    for block in blocks {
        match &block.kind {
            BlockKind::Table(table) => {
                let caption = previous.filter(|p| {
                    table.caption.is_none() && matches!(p.kind, BlockKind::Paragraph(_))
                });
                out.push((table, caption));
            }
            BlockKind::List { items, .. } => items.iter().for_each(|i| collect_tables(i, out)),
            BlockKind::Note(inner) => collect_tables(inner, out),
            _ => {}
        }
        previous = Some(block);
    }
}

/// `block` with it and everything inside it standing on `line`.
fn relocated(mut block: Block, line: u32) -> Block {
    relocate(std::slice::from_mut(&mut block), line);
    block
}

fn relocate(blocks: &mut [Block], line: u32) {
    for block in blocks {
        block.line = line;
        match &mut block.kind {
            BlockKind::List { items, .. } => items.iter_mut().for_each(|i| relocate(i, line)),
            BlockKind::Note(inner) => relocate(inner, line),
            BlockKind::Table(table) => {
                for cell in table.header.iter_mut().chain(&mut table.rows).flatten() {
                    cell.line = line;
                    relocate(&mut cell.blocks, line);
                }
            }
            BlockKind::Heading { .. } | BlockKind::Paragraph(_) | BlockKind::Code { .. } => {}
        }
    }
}

/// `href`'s page resolved against the folder of `from`: `a/b.md` and
/// `c.md` give `a/c.md`; `..` climbs; percent-escapes are decoded.
fn resolve(from: &str, href: &str) -> Option<String> {
    let href = percent_encoding::percent_decode_str(href).decode_utf8_lossy();
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_to_the_linking_page() {
        assert_eq!(resolve("dns/a.md", "b.md").as_deref(), Some("dns/b.md"));
        assert_eq!(
            resolve("dns/x/a.md", "../b.md").as_deref(),
            Some("dns/b.md")
        );
        assert_eq!(resolve("a.md", "%E6%95%B0.md").as_deref(), Some("数.md"));
        assert_eq!(resolve("a.md", "../../b.md"), None);
    }
}
