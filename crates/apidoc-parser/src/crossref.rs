//! Links between the pages of one service, followed before reading.
//!
//! Pages point at tables of other pages instead of repeating them: a Type
//! cell `Array of <a href="data.md#table12">tag</a> objects`, a description
//! "see <a href="other.html#x__table3">Table 3</a>", a response section
//! saying only "See <a href="task-responses.html">Responses (Task)</a>", a
//! row holding objects whose description names another operation's page
//! ("see <a href="show-server.html">Querying a Server</a>", or the title
//! alone: "具体参照查询服务器详情接口").
//! Once every page of a service is in blocks, [`follow_links`] copies each
//! table such a link names into the linking page, right after the top-level
//! block holding the link, so that the reader finds it where the page would
//! have written it (and links the row to it, `read::link`):
//! - a link with an anchor, in a table cell, copies the table carrying that
//!   anchor (its `id`, or the `<a name>` just before it), together with the
//!   tables that table's rows link to in turn; an anchor of a heading, in
//!   the cell of a row holding objects, copies the tables under that
//!   heading;
//! - a link without an anchor, in the cell of a row holding objects, copies
//!   the tables of the linked page's response section (the objects that
//!   operation returns), or all its tables if it has none;
//! - a link in a paragraph of a response section delegating the response
//!   to another page (the paragraph is mostly the link, or the section has
//!   no table of its own and the link names a table or an operation's page:
//!   "响应参数如创建会话中表3所示") copies the table its anchor names, else
//!   the linked page's response tables (all its tables if it has none: a
//!   shared response page).
//!
//! A cell of a row holding objects that links nowhere and names no table
//! by number but refers to another page by its exact title ("参照",
//! "参见", "see" and the title), or numbers a table of that page
//! ("请参见创建会话中的表6"), is first given a link to that page, when
//! the title is one page's only and that page documents a response. A
//! cell of such a row naming a table by number and caption ("参考表3
//! job属性列表") that its own page does not hold is given a link to the one
//! table of the service so captioned (anchored for it where it has no
//! anchor: a page copied as text keeps neither links nor anchors).
//!
//! A copied table keeps its anchor and records the page it came from
//! (`Table::origin`). Targets resolve relative to the linking page's folder.
//! A link naming a table anchor that no page of the service has gives a
//! `table-link-unresolved` warning at the link. Work is linear in the
//! service's size plus the tables copied: tables are found through one
//! index of anchors, titles through one index of titles.

use std::collections::{BTreeSet, HashMap};

use apidoc_ir::{Diagnostic, Span};

use crate::blocks::{Block, BlockKind, Cell, Link, Origin, Table, normalise};
use crate::read::sections::{
    Section, caption_parts, section_of, table_reference_captions, table_references,
};
use crate::read::{object_slot, table, types};

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
    link_titles(pages);
    link_captions(pages);
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

/// A table copied into a page, and the heading it was copied from under:
/// each is copied once, and again for a link to its heading, which the
/// copy records.
type Seen = (TableAt, Option<String>);

/// Every table of the service, by page and by anchor.
struct Index<'p> {
    pages: &'p [PageBlocks],
    /// Page index by file.
    files: HashMap<&'p str, usize>,
    /// Each page's tables, in reading order (lists and notes included).
    tables: Vec<Vec<Indexed<'p>>>,
    /// Tables by (page, anchor).
    anchors: HashMap<(usize, &'p str), usize>,
    /// Headings by (page, anchor): the tables under each.
    headings: HashMap<(usize, &'p str), Vec<usize>>,
    /// Each page's tables standing in its response section.
    responses: Vec<Vec<usize>>,
}

/// A table of a page, with the paragraph before it when it has no caption
/// of its own (pages caption raw tables in a paragraph) and the index of
/// the top-level block holding it.
struct Indexed<'b> {
    table: &'b Table,
    caption: Option<&'b Block>,
    top: usize,
}

impl<'p> Index<'p> {
    fn of(pages: &'p [PageBlocks]) -> Self {
        let mut index = Index {
            pages,
            files: HashMap::new(),
            tables: Vec::with_capacity(pages.len()),
            anchors: HashMap::new(),
            headings: HashMap::new(),
            responses: Vec::with_capacity(pages.len()),
        };
        for (p, page) in pages.iter().enumerate() {
            index.files.insert(page.file.as_str(), p);
            let tables = page_tables(&page.blocks);
            for (t, indexed) in tables.iter().enumerate() {
                if let Some(anchor) = &indexed.table.anchor {
                    index.anchors.entry((p, anchor.as_str())).or_insert(t);
                }
            }
            for (anchor, range) in heading_ranges(&page.blocks) {
                let under = (0..tables.len())
                    .filter(|&t| range.contains(&tables[t].top))
                    .collect();
                index.headings.entry((p, anchor)).or_insert(under);
            }
            let sections = sections(&page.blocks);
            let response = (0..tables.len())
                .filter(|&t| sections[tables[t].top] == Section::Response)
                .collect();
            index.responses.push(response);
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

    /// The tables of page `p` that describe the objects a field linking
    /// the page returns: those of its response section, else all.
    fn response_tables(&self, p: usize) -> Vec<usize> {
        if self.responses[p].is_empty() {
            (0..self.tables[p].len()).collect()
        } else {
            self.responses[p].clone()
        }
    }

    /// The table `at` (with its caption paragraph) marked with its origin,
    /// and those its rows link to on other pages or its own, once each
    /// (`seen`); every copied block stands on `line`, the link's line, as
    /// the linking page's findings must point into that page. Tables
    /// copied for a row, and those their rows link to, describe fields.
    fn copy_with_linked(
        &self,
        at: TableAt,
        copy: &Copy<'_>,
        seen: &mut BTreeSet<Seen>,
        out: &mut Vec<Block>,
    ) {
        if !seen.insert((at, copy.under.map(str::to_owned))) {
            return;
        }
        let indexed = &self.tables[at.0][at.1];
        if let Some(caption) = indexed.caption {
            out.push(relocated(caption.clone(), copy.line));
        }
        let mut table = indexed.table.clone();
        table.origin = Some(Origin {
            page: self.pages[at.0].file.clone(),
            for_field: copy.for_field,
            under: copy.under.map(str::to_owned),
        });
        out.push(relocated(
            Block::new(BlockKind::Table(table), copy.line),
            copy.line,
        ));
        let mut links = Vec::new();
        collect_table_links(indexed.table, &mut links);
        let nested = Copy {
            line: copy.line,
            for_field: true,
            under: None,
        };
        for (link, place, _) in links {
            let Some(page) = self.page(at.0, link) else {
                continue;
            };
            match link.anchor() {
                Some(anchor) => {
                    if let Some(&t) = self.anchors.get(&(page, anchor)) {
                        self.copy_with_linked((page, t), &nested, seen, out);
                    }
                }
                // A row of objects linking a whole page (a structure page
                // "Links结构体"): its tables, as for the page's own rows.
                None if place == Place::ObjectRow && page != at.0 => {
                    for t in self.response_tables(page) {
                        self.copy_with_linked((page, t), &nested, seen, out);
                    }
                }
                None => {}
            }
        }
    }
}

/// How tables are copied for one link.
struct Copy<'a> {
    /// The link's line, where every copied block stands.
    line: u32,
    /// True when the copies describe a field's objects.
    for_field: bool,
    /// The anchor of the heading the link names, if it names one.
    under: Option<&'a str>,
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
    let mut seen: BTreeSet<Seen> = BTreeSet::new();
    let sections = sections(&page.blocks);
    let delegating = !documents_response(page);
    let mut out = Vec::new();
    for (at, block) in page.blocks.iter().enumerate() {
        let mut links = Vec::new();
        collect_links(std::slice::from_ref(block), Place::Prose, &mut links);
        let mut copies = Vec::new();
        for &(link, place, paragraph) in &links {
            let Some(p) = index.page(me, link) else {
                if place != Place::Prose && link.anchor().is_some_and(names_table) {
                    diagnostics.push(unresolved(&page.file, link, paragraph.line, false));
                }
                continue;
            };
            // Within the page the reader links by anchor and number.
            if p == me {
                continue;
            }
            let wanted = if place == Place::Prose {
                // A sentence delegating the response names a table, or an
                // operation whose response it takes.
                let names_response = link.anchor().is_some() || !index.responses[p].is_empty();
                let delegates = sections[at] == Section::Response
                    && (mostly_link(paragraph, link) || delegating && names_response);
                // A sentence naming both a page and a table of it names
                // the table.
                let names_a_table_of_it = link.anchor().is_none()
                    && links.iter().any(|(other, _, held)| {
                        std::ptr::eq(*held, paragraph)
                            && other.anchor().is_some()
                            && index.page(me, other) == Some(p)
                    });
                delegated(index, p, link, delegates && !names_a_table_of_it)
            } else {
                for_field(index, p, link, place)
            };
            match wanted {
                Wanted::Tables(tables, how) => {
                    let how = Copy {
                        line: paragraph.line,
                        ..how
                    };
                    for t in tables {
                        index.copy_with_linked((p, t), &how, &mut seen, &mut copies);
                    }
                }
                Wanted::Unresolved => {
                    diagnostics.push(unresolved(&page.file, link, paragraph.line, true));
                }
                Wanted::Nothing => {}
            }
        }
        if !copies.is_empty() {
            out.push((at, copies));
        }
    }
    out
}

/// What a link to page `p` asks to copy.
enum Wanted<'a> {
    /// These tables of the page, so (the line is set by the caller).
    Tables(Vec<usize>, Copy<'a>),
    /// A table by an anchor the page does not hold.
    Unresolved,
    Nothing,
}

/// For a link in prose: when the paragraph `delegates` the page's response
/// to page `p` (a response section with no table of its own, or a
/// paragraph that is mostly the link: "See Responses (Task)"), the table
/// the link names by anchor, else the tables of `p`'s response section (all
/// of its tables if it has none). Prose elsewhere ("status codes: see
/// Table 1") only points at a table.
fn delegated<'a>(index: &Index<'_>, p: usize, link: &'a Link, delegates: bool) -> Wanted<'a> {
    if !delegates {
        return Wanted::Nothing;
    }
    let how = Copy {
        line: 0,
        for_field: false,
        under: None,
    };
    match link.anchor() {
        Some(anchor) => match index.anchors.get(&(p, anchor)) {
            Some(&t) => Wanted::Tables(vec![t], how),
            None => Wanted::Nothing,
        },
        None => Wanted::Tables(index.response_tables(p), how),
    }
}

/// For a link in a table cell: the table its anchor names (with a warning
/// when page `p` has none of that anchor); in a row holding objects, the
/// tables under the heading it names, or without anchor the tables of
/// `p`'s response section (all of its tables if it has none).
fn for_field<'a>(index: &Index<'_>, p: usize, link: &'a Link, place: Place) -> Wanted<'a> {
    let how = |under: Option<&'a str>| Copy {
        line: 0,
        for_field: true,
        under,
    };
    match link.anchor() {
        Some(anchor) => match (
            index.anchors.get(&(p, anchor)),
            index.headings.get(&(p, anchor)),
        ) {
            (Some(&t), _) => Wanted::Tables(vec![t], how(None)),
            (None, Some(under)) if place == Place::ObjectRow => {
                Wanted::Tables(under.clone(), how(Some(anchor)))
            }
            _ if names_table(anchor) => Wanted::Unresolved,
            _ => Wanted::Nothing,
        },
        None if place == Place::ObjectRow => Wanted::Tables(index.response_tables(p), how(None)),
        None => Wanted::Nothing,
    }
}

/// Gives each cell that refers to another page by its exact title, in a
/// row holding objects that links nowhere and names no table by number,
/// a link to that page.
fn link_titles(pages: &mut [PageBlocks]) {
    let titles = Titles::of(pages);
    if titles.pages.is_empty() {
        return;
    }
    for page in pages.iter_mut() {
        let file = page.file.clone();
        for_each_table(&mut page.blocks, &mut |table| {
            link_titles_in(table, &file, &titles);
        });
    }
}

/// Gives each cell of a row holding objects that links nowhere but names a
/// table by number and caption ("参考表3 job属性列表") its page does not
/// hold, a link to the one table of another page so captioned, anchoring
/// that table where it has no anchor: a copy as text keeps the words of a
/// link, neither the link nor the anchor.
fn link_captions(pages: &mut [PageBlocks]) {
    let captions = Captions::of(pages);
    let mut anchored: BTreeSet<TableAt> = BTreeSet::new();
    for (p, page) in pages.iter_mut().enumerate() {
        let file = page.file.clone();
        for_each_table(&mut page.blocks, &mut |table| {
            let Some((_, rows)) = unlinked_object_rows(table) else {
                return;
            };
            for row in rows {
                for block in row.iter_mut().flat_map(|cell| cell.blocks.iter_mut()) {
                    let BlockKind::Paragraph(text) = &block.kind else {
                        continue;
                    };
                    let found = table_reference_captions(text)
                        .into_iter()
                        .find_map(|caption| captions.elsewhere(p, caption));
                    if let Some((caption, at)) = found {
                        let page = relative(&file, &captions.files[at.0]);
                        block.links.push(Link {
                            href: format!("{page}#{}", caption_anchor(&caption)),
                            text: caption,
                        });
                        anchored.insert(at);
                    }
                }
            }
        });
    }
    for (p, page) in pages.iter_mut().enumerate() {
        let mut t = 0;
        for_each_table(&mut page.blocks, &mut |table| {
            if anchored.contains(&(p, t)) && table.anchor.is_none() {
                let (_, caption) = caption_parts(table.caption.as_deref().unwrap_or(""));
                table.anchor = Some(caption_anchor(&caption));
            }
            t += 1;
        });
    }
}

/// The anchor given to a table that a caption names ("table:" and the
/// caption, so that a link to it reads as one to a table).
fn caption_anchor(caption: &str) -> String {
    format!("table:{caption}")
}

/// The captions of the service's tables, without their "Table N" label.
struct Captions {
    /// The table of each caption: `None` when several tables have it that
    /// are not one model written more or less fully (see [`fullest`]).
    tables: HashMap<String, Option<TableAt>>,
    /// Each page's captions.
    on_page: Vec<BTreeSet<String>>,
    /// Each page's file.
    files: Vec<String>,
}

impl Captions {
    fn of(pages: &[PageBlocks]) -> Self {
        let mut out = Captions {
            tables: HashMap::new(),
            on_page: Vec::with_capacity(pages.len()),
            files: pages.iter().map(|p| p.file.clone()).collect(),
        };
        let mut captioned: HashMap<String, Vec<(TableAt, BTreeSet<String>)>> = HashMap::new();
        for (p, page) in pages.iter().enumerate() {
            let mut own = BTreeSet::new();
            for (t, indexed) in page_tables(&page.blocks).iter().enumerate() {
                let Some(written) = &indexed.table.caption else {
                    continue;
                };
                let (_, caption) = caption_parts(written);
                if caption.chars().count() < MIN_NAMED_CAPTION_CHARS {
                    continue;
                }
                let names = indexed.table.rows.iter().filter_map(|row| row.first());
                let names = names.map(|cell| normalise(&cell.text())).collect();
                captioned
                    .entry(caption.clone())
                    .or_default()
                    .push(((p, t), names));
                own.insert(caption);
            }
            out.on_page.push(own);
        }
        out.tables = captioned
            .into_iter()
            .map(|(caption, tables)| (caption, fullest(&tables)))
            .collect();
        out
    }

    /// The table of another page than `p` that `caption` names, when it is
    /// the only one so captioned and page `p` has none.
    fn elsewhere(&self, p: usize, caption: &str) -> Option<(String, TableAt)> {
        if self.on_page[p].contains(caption) {
            return None;
        }
        let at = (*self.tables.get(caption)?)?;
        (at.0 != p).then(|| (caption.to_owned(), at))
    }
}

/// Of the tables sharing a caption, the one whose rows name every field
/// the others name (versions of one page describing one model, the newer
/// adding fields; the first such in page order); `None` when they
/// describe different things.
fn fullest(tables: &[(TableAt, BTreeSet<String>)]) -> Option<TableAt> {
    tables
        .iter()
        .find(|(_, names)| tables.iter().all(|(_, other)| other.is_subset(names)))
        .map(|(at, _)| *at)
}

/// The fewest characters of a caption a reference is followed by: short
/// ones ("参数") name tables on every page.
const MIN_NAMED_CAPTION_CHARS: usize = 4;

/// Calls `f` on every table among `blocks`, in lists and notes too.
fn for_each_table(blocks: &mut [Block], f: &mut impl FnMut(&mut Table)) {
    for block in blocks {
        match &mut block.kind {
            BlockKind::Table(table) => f(table),
            BlockKind::List { items, .. } => {
                items.iter_mut().for_each(|item| for_each_table(item, f));
            }
            BlockKind::Note(inner) => for_each_table(inner, f),
            BlockKind::Heading { .. } | BlockKind::Paragraph(_) | BlockKind::Code { .. } => {}
        }
    }
}

/// The Type column of `table` and its rows whose Type cell holds objects
/// and which link nowhere: where a copy lost the link a row's words name.
fn unlinked_object_rows(table: &mut Table) -> Option<(usize, Vec<&mut Vec<Cell>>)> {
    let type_column = type_column(table)?;
    let rows = table
        .rows
        .iter_mut()
        .filter(|row| {
            let mut links = Vec::new();
            for cell in row.iter() {
                collect_links(&cell.blocks, Place::Cell, &mut links);
            }
            links.is_empty() && holds_objects(row, type_column)
        })
        .collect();
    Some((type_column, rows))
}

fn link_titles_in(table: &mut Table, file: &str, titles: &Titles) {
    let Some((type_column, rows)) = unlinked_object_rows(table) else {
        return;
    };
    for row in rows {
        let numbers_a_table = row
            .iter()
            .any(|cell| !table_references(&cell.text()).is_empty());
        for (column, cell) in row.iter_mut().enumerate() {
            for block in &mut cell.blocks {
                let BlockKind::Paragraph(text) = &block.kind else {
                    continue;
                };
                let referred = if column == type_column {
                    titles.named_type(text)
                } else {
                    titles.referred(text)
                };
                // A number names a table of this page, unless the title
                // it follows says whose ("创建会话中的表6").
                let referred = referred
                    .filter(|(title, _)| !numbers_a_table || numbers_a_table_of(text, title));
                if let Some((title, target)) = referred.filter(|(_, t)| *t != file) {
                    block.links.push(Link {
                        href: relative(file, target),
                        text: title,
                    });
                }
            }
        }
    }
}

/// The titles of the service's pages: of those that document a response,
/// for references in prose; of every page, for a Type cell that is a
/// page's whole title (`Topic结构体数组` naming the page "Topic结构体").
struct Titles {
    /// The page of each lower-case title of a page documenting a response;
    /// `None` when several pages have it, as a reference to it names none
    /// of them.
    pages: HashMap<String, Option<String>>,
    /// The same for the title of every page.
    all: HashMap<String, Option<String>>,
    /// The length of the longest title, in characters.
    longest: usize,
}

impl Titles {
    /// Words that introduce a reference: "参照", "请参考", "参见", "详见",
    /// "see", "refer to".
    const FRAMES: [&str; 5] = ["参照", "参考", "见", "see ", "refer to "];
    /// What may follow a title in Chinese prose, which has no word breaks
    /// ("参照查询服务器详情接口", "…详情中的server字段").
    const AFTER: [&str; 10] = [
        "接口", "api", "章节", "一节", "小节", "页面", "中", "的", "响应", "返回",
    ];

    fn of(pages: &[PageBlocks]) -> Self {
        let mut out = Titles {
            pages: HashMap::new(),
            all: HashMap::new(),
            longest: 0,
        };
        for page in pages {
            let title = page.blocks.iter().find_map(|b| match &b.kind {
                BlockKind::Heading { level: 1, text, .. } => Some(text.to_lowercase()),
                _ => None,
            });
            let Some(title) = title.filter(|t| !t.is_empty()) else {
                continue;
            };
            out.all
                .entry(title.clone())
                .and_modify(|p| *p = None)
                .or_insert_with(|| Some(page.file.clone()));
            if !documents_response(page) {
                continue;
            }
            out.longest = out.longest.max(title.chars().count());
            out.pages
                .entry(title)
                .and_modify(|p| *p = None)
                .or_insert_with(|| Some(page.file.clone()));
        }
        out
    }

    /// The page a Type cell names by its whole title, with a list's words
    /// after it (`Topic结构体数组`, `Tag结构体 list`).
    fn named_type(&self, text: &str) -> Option<(String, &str)> {
        let lower = text.trim().to_lowercase();
        let title = ["数组", "列表", " array", " list"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))
            .unwrap_or(&lower)
            .trim();
        match self.all.get(title) {
            Some(Some(page)) => Some((title.to_owned(), page)),
            _ => None,
        }
    }

    /// The first title `text` refers to, as written, and its page: a
    /// referring word, then the whole title (the longest one that fits).
    fn referred(&self, text: &str) -> Option<(String, &str)> {
        let lower = text.to_lowercase();
        Self::FRAMES.iter().find_map(|frame| {
            lower.match_indices(frame).find_map(|(at, _)| {
                let rest = lower[at + frame.len()..]
                    .trim_start_matches([' ', '“', '"', '「', '《', '‘', '\'', '【', '[']);
                self.title_at(rest)
            })
        })
    }

    /// The longest title `text` starts with, when the text goes on as
    /// prose may after a title.
    fn title_at<'t>(&'t self, text: &str) -> Option<(String, &'t str)> {
        let ends: Vec<usize> = text
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([text.len()])
            .take(self.longest)
            .collect();
        for &end in ends.iter().rev() {
            match self.pages.get(&text[..end]) {
                Some(Some(page)) if ends_title(&text[end..]) => {
                    return Some((text[..end].to_owned(), page));
                }
                Some(_) => return None,
                None => {}
            }
        }
        None
    }
}

/// True when `text` numbers a table of the page titled `title`: the title
/// then "中" ("in"), "的" perhaps, and "表N" ("创建会话中的表6").
fn numbers_a_table_of(text: &str, title: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices(title).any(|(at, _)| {
        let after = &lower[at + title.len()..];
        let after = after.strip_prefix("中").unwrap_or("");
        let after = after.strip_prefix("的").unwrap_or(after);
        !after.is_empty() && !table_references(after).is_empty() && after.starts_with('表')
    })
}

/// True when `after` may follow a whole title: nothing, a break, or a word
/// prose puts after a title.
fn ends_title(after: &str) -> bool {
    after.chars().next().is_none_or(|c| !c.is_alphanumeric())
        || Titles::AFTER.iter().any(|w| after.starts_with(w))
}

/// True when the page has a parameter table in its response section.
fn documents_response(page: &PageBlocks) -> bool {
    let sections = sections(&page.blocks);
    page_tables(&page.blocks).iter().any(|t| {
        sections[t.top] == Section::Response
            && table::columns(t.table).is_some_and(|c| table::lists_fields(&c))
    })
}

/// The path of page `to` relative to the folder of page `from`, both
/// relative to the docs root: what [`resolve`] turns back into `to`.
fn relative(from: &str, to: &str) -> String {
    let mut folders: Vec<&str> = from.split('/').collect();
    folders.pop();
    let parts: Vec<&str> = to.split('/').collect();
    let common = folders
        .iter()
        .zip(&parts[..parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = vec![".."; folders.len() - common];
    out.extend(&parts[common..]);
    out.join("/")
}

/// The section each top-level block stands in, by the level-2 and lower
/// headings before it.
fn sections(blocks: &[Block]) -> Vec<Section> {
    let mut section = Section::Preamble;
    blocks
        .iter()
        .map(|block| {
            if let BlockKind::Heading { level, text, .. } = &block.kind
                && *level >= 2
            {
                section = section_of(text);
            }
            section
        })
        .collect()
}

/// Each anchored heading below the title with the top-level blocks under
/// it: up to the next heading of its level or above.
fn heading_ranges(blocks: &[Block]) -> Vec<(&str, std::ops::Range<usize>)> {
    let headings: Vec<(usize, u8, Option<&str>)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(at, block)| match &block.kind {
            BlockKind::Heading { level, anchor, .. } => Some((at, *level, anchor.as_deref())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (h, &(at, level, anchor)) in headings.iter().enumerate() {
        let Some(anchor) = anchor.filter(|_| level >= 2) else {
            continue;
        };
        let end = headings[h + 1..]
            .iter()
            .find(|(_, other, _)| *other <= level)
            .map_or(blocks.len(), |(end, _, _)| *end);
        out.push((anchor, at + 1..end));
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

/// Where a link stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// In prose outside tables.
    Prose,
    /// In a table cell.
    Cell,
    /// In a cell of a row whose type holds objects: the row needs the
    /// objects' table.
    ObjectRow,
}

/// The links in `blocks` and everything inside them, with where each
/// stands and the paragraph holding it; `place` is where `blocks` stand.
fn collect_links<'b>(
    blocks: &'b [Block],
    place: Place,
    out: &mut Vec<(&'b Link, Place, &'b Block)>,
) {
    for block in blocks {
        out.extend(block.links.iter().map(|l| (l, place, block)));
        match &block.kind {
            BlockKind::List { items, .. } => {
                items
                    .iter()
                    .for_each(|item| collect_links(item, place, out));
            }
            BlockKind::Note(inner) => collect_links(inner, place, out),
            BlockKind::Table(table) => collect_table_links(table, out),
            BlockKind::Heading { .. } | BlockKind::Paragraph(_) | BlockKind::Code { .. } => {}
        }
    }
}

/// The links in a table's cells, each placed by its row.
fn collect_table_links<'b>(table: &'b Table, out: &mut Vec<(&'b Link, Place, &'b Block)>) {
    let type_column = type_column(table);
    for row in table.header.iter().chain(&table.rows) {
        let place = if type_column.is_some_and(|c| holds_objects(row, c)) {
            Place::ObjectRow
        } else {
            Place::Cell
        };
        for cell in row {
            collect_links(&cell.blocks, place, out);
        }
    }
}

/// The Type column of a parameter table.
fn type_column(table: &Table) -> Option<usize> {
    let columns = table::columns(table).filter(|c| table::lists_fields(c))?;
    columns.iter().position(|c| *c == table::Column::Type)
}

/// True when the row's Type cell (column `type_column`) names a type
/// holding objects: an object, a model, arrays or maps of them.
fn holds_objects(row: &[Cell], type_column: usize) -> bool {
    row.get(type_column)
        .and_then(|cell| types::parse_type(&normalise(&cell.text())))
        .is_some_and(|ty| object_slot(&ty).is_some())
}

/// The tables among a page's blocks, in lists and notes too, in reading
/// order.
fn page_tables(blocks: &[Block]) -> Vec<Indexed<'_>> {
    let mut out = Vec::new();
    collect_tables(blocks, None, &mut out);
    out
}

/// The tables among `blocks`, which stand inside top-level block `top`
/// (`None`: they are the top-level blocks).
fn collect_tables<'b>(blocks: &'b [Block], top: Option<usize>, out: &mut Vec<Indexed<'b>>) {
    let mut previous: Option<&Block> = None;
    for (at, block) in blocks.iter().enumerate() {
        let top = top.unwrap_or(at);
        match &block.kind {
            BlockKind::Table(table) => {
                let caption = previous.filter(|p| {
                    table.caption.is_none() && matches!(p.kind, BlockKind::Paragraph(_))
                });
                out.push(Indexed {
                    table,
                    caption,
                    top,
                });
            }
            BlockKind::List { items, .. } => {
                items.iter().for_each(|i| collect_tables(i, Some(top), out));
            }
            BlockKind::Note(inner) => collect_tables(inner, Some(top), out),
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
pub(crate) fn resolve(from: &str, href: &str) -> Option<String> {
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

    #[test]
    fn relative_paths_resolve_back() {
        for (from, to, want) in [
            ("dns/a.md", "dns/b.md", "b.md"),
            ("dns/x/a.md", "dns/b.md", "../b.md"),
            ("dns/a.md", "dns/y/b.md", "y/b.md"),
        ] {
            assert_eq!(relative(from, to), want);
            assert_eq!(resolve(from, want).as_deref(), Some(to));
        }
    }

    fn titles() -> Titles {
        let pages = [
            ("查询小屋详情", Some("s/detail.md")),
            ("查询小屋详情列表", Some("s/list.md")),
            ("querying a hut", Some("s/hut.md")),
            ("删除", None),
        ];
        Titles {
            longest: pages
                .iter()
                .map(|(t, _)| t.chars().count())
                .max()
                .unwrap_or(0),
            pages: pages
                .into_iter()
                .map(|(t, p)| (t.to_owned(), p.map(str::to_owned)))
                .collect(),
            all: [("hut结构体", Some("s/hut-struct.md")), ("door", None)]
                .into_iter()
                .map(|(t, p)| (t.to_owned(), p.map(str::to_owned)))
                .collect(),
        }
    }

    #[test]
    fn a_type_cell_that_is_a_page_s_whole_title_names_that_page() {
        let titles = titles();
        let page = |text: &str| titles.named_type(text).map(|(_, page)| page.to_owned());
        assert_eq!(page("Hut结构体数组").as_deref(), Some("s/hut-struct.md"));
        assert_eq!(page("Hut结构体").as_deref(), Some("s/hut-struct.md"));
        assert_eq!(page("Hut结构体的数组说明"), None);
        assert_eq!(page("door"), None, "a title several pages share");
    }

    #[test]
    fn a_whole_title_after_a_referring_word_names_its_page() {
        let titles = titles();
        let page = |text: &str| titles.referred(text).map(|(_, page)| page.to_owned());
        assert_eq!(
            page("各项内容具体参照查询小屋详情接口。").as_deref(),
            Some("s/detail.md")
        );
        assert_eq!(
            page("请参见“查询小屋详情列表”。").as_deref(),
            Some("s/list.md")
        );
        assert_eq!(
            page("详见查询小屋详情中的hut字段").as_deref(),
            Some("s/detail.md")
        );
        assert_eq!(
            page("For details, see Querying a Hut.").as_deref(),
            Some("s/hut.md")
        );
    }

    #[test]
    fn part_of_a_title_a_title_shared_or_a_title_without_a_referring_word_names_nothing() {
        let titles = titles();
        assert_eq!(titles.referred("参照查询小屋详情信息。"), None);
        assert_eq!(titles.referred("返回值与查询小屋详情相同。"), None);
        assert_eq!(titles.referred("参见删除。"), None);
        assert_eq!(titles.referred("see Querying a Hutch"), None);
    }
}
