//! Which nested table an object-typed field points at.
//!
//! Pages link a field to the table describing its objects in several ways:
//! a link in one of its cells to the table's anchor (`<a
//! href="#table63340237171528">roles</a>`), the type names the model
//! ("Array of Worker objects" and a table captioned "Worker"), the caption
//! names the field ("server field description", "AIProject parameters"),
//! or the description says "see Table N". Anchors are generated ids and
//! name the table even where the page's numbers went stale, so they come
//! first (a number naming another table is reported). Table numbers are
//! often stale (the page was edited and its tables renumbered), so a
//! number is trusted unless the table it names is captioned after another
//! field of the page, and a table captioned after the field wins unless
//! the page's numbers send another field of that name to it; a caption
//! giving the field's path (`identity_providers.links`) is the field's only
//! where the path's parent is the field's table. A description naming
//! several tables captioned after the field ("if infer_type is batch, see
//! Table 4") documents alternatives: their models are merged. A table
//! still unreferenced at the end is linked to the one unlinked object field
//! sharing a word with its caption (`tags` and "resource_tag field
//! description"), as a guess.
//!
//! Tables copied from other pages (`crate::crossref`) form one group per
//! page of origin: their rows link within their group, as on the page
//! they were written on, and a row of the page reaches them by anchor, or
//! by a link to their page naming no table: then the group's table
//! describing the field, else the one a same-named field of that page
//! (`server` for `servers`) points at.

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::TypeRef;

use super::{
    sections,
    table::Row,
    tables::{PageTable, Part, Role},
};
use crate::crossref::resolve;

/// The object a type holds, if any: the innermost element of its arrays
/// and maps when that is a free-form object or a model. `Some(None)` is a
/// free-form object, `Some(Some(name))` a named model.
pub(crate) fn object_slot(ty: &TypeRef) -> Option<Option<&str>> {
    match ty {
        TypeRef::Object => Some(None),
        TypeRef::Model(name) => Some(Some(name)),
        TypeRef::Array(inner) | TypeRef::Map(inner) => object_slot(inner),
        _ => None,
    }
}

/// `ty` with its object slot replaced by `object`; a map of free-form
/// objects is itself a free-form object.
pub(super) fn with_object(ty: TypeRef, object: TypeRef) -> TypeRef {
    match ty {
        TypeRef::Array(inner) => TypeRef::Array(Box::new(with_object(*inner, object))),
        TypeRef::Map(inner) => match with_object(*inner, object) {
            TypeRef::Object => TypeRef::Object,
            value => TypeRef::Map(Box::new(value)),
        },
        TypeRef::Object | TypeRef::Model(_) => object,
        other => other,
    }
}

/// A row of a table: (table index, row index).
pub(super) type RowAt = (usize, usize);

/// Why a link the page does not state was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Guess {
    /// The row and the table are the only unlinked pair sharing a word.
    SharedWord,
    /// The table stands right after the table holding the row, which is
    /// that table's only unlinked row of objects (an error body's `error |
    /// Object` above the `ErrorDetail` table).
    TableBelow,
}

/// Every link of a page.
#[derive(Debug, Default)]
pub(super) struct Links {
    /// The model table each object-typed row points at.
    targets: BTreeMap<RowAt, usize>,
    /// The tables some row points at.
    targeted: BTreeSet<usize>,
    /// Tables documenting alternatives of another table's objects: merged
    /// into that table's model.
    merged_into: BTreeMap<usize, usize>,
    /// Links the page does not state, and why each was made.
    pub guessed: Vec<(RowAt, Guess)>,
    /// Rows whose link names one table and whose description's number
    /// another: (row, the table linked, the table numbered).
    pub disagreements: Vec<(RowAt, usize, usize)>,
}

impl Links {
    /// The model table row `at` points at.
    pub fn target(&self, at: RowAt) -> Option<usize> {
        self.targets.get(&at).copied()
    }

    /// True when some row points at table `index`.
    pub fn is_target(&self, index: usize) -> bool {
        self.targeted.contains(&index)
    }

    fn link(&mut self, at: RowAt, to: usize) {
        self.targets.insert(at, to);
        self.targeted.insert(to);
    }

    /// The table whose model absorbs table `index`, if it is an alternative.
    pub fn merged_into(&self, index: usize) -> Option<usize> {
        self.merged_into.get(&index).copied()
    }

    /// The alternatives merged into table `index`.
    pub fn alternatives_of(&self, index: usize) -> Vec<usize> {
        self.merged_into
            .iter()
            .filter(|(_, to)| **to == index)
            .map(|(from, _)| *from)
            .collect()
    }

    /// For every model table, the name of the first field pointing at it.
    pub fn first_referrers(&self, tables: &[PageTable<'_>]) -> BTreeMap<usize, String> {
        let mut out = BTreeMap::new();
        for (i, t) in tables.iter().enumerate() {
            for (r, row) in t.rows().iter().enumerate() {
                if let Some(to) = self.target((i, r)) {
                    out.entry(to).or_insert_with(|| row.name.clone());
                }
            }
        }
        out
    }
}

/// A row that may point at a table.
struct LinkRow {
    at: RowAt,
    name: String,
    ty: TypeRef,
    /// The page of origin of its table, for a table copied from another
    /// page: the group it links in.
    group: Group,
    /// Model tables its description names by number, in order.
    numbered: Vec<usize>,
    /// Model tables whose caption's name its Type cell or description
    /// mentions, in page order.
    mentioned: Vec<usize>,
    /// Model tables its cells link to by anchor, in order.
    anchored: Vec<usize>,
    /// Other pages its cells link to without naming a table of them, each
    /// with the anchor the link gives (a heading's), if any.
    pages: Vec<(String, Option<String>)>,
    part: Part,
}

/// A group of tables: the page's own (`None`), or those copied from one
/// other page.
type Group = Option<String>;

/// The group of a table.
fn group_of(t: &PageTable<'_>) -> Group {
    t.table.origin.as_ref().map(|o| o.page.clone())
}

/// Rows of the page's field tables whose type holds objects; `file` is the
/// page's path.
fn rows(tables: &[PageTable<'_>], indexes: &Indexes, file: &str) -> Vec<LinkRow> {
    let mut out = Vec::new();
    for (table_index, t) in tables.iter().enumerate() {
        if !t.lists_fields() || matches!(t.role, Role::Other | Role::StatusCodes) {
            continue;
        }
        let group = group_of(t);
        let index = indexes.of(&group);
        for (r, row) in t.rows().iter().enumerate() {
            let Some(ty) = row.ty.clone() else {
                continue;
            };
            if object_slot(&ty).is_none() {
                continue;
            }
            let written_on = group.as_deref().unwrap_or(file);
            let (anchored, pages) = cell_links(indexes, file, written_on, &group, table_index, row);
            out.push(LinkRow {
                at: (table_index, r),
                name: row.name.clone(),
                ty,
                numbered: numbered_tables(index, table_index, row),
                mentioned: index.mentioned_by(table_index, row),
                anchored,
                pages,
                group: group.clone(),
                part: t.part,
            });
        }
    }
    out
}

/// What the links in a row's cells name: model tables by anchor, and
/// other pages where a link names no table of them (no anchor, or a
/// heading's). A link within the page names a table of the row's group;
/// `written_on` is the page the row's table was written on, `file` the
/// page being read.
fn cell_links(
    indexes: &Indexes,
    file: &str,
    written_on: &str,
    group: &Group,
    from: usize,
    row: &Row<'_>,
) -> (Vec<usize>, Vec<(String, Option<String>)>) {
    let mut anchored = Vec::new();
    let mut pages = Vec::new();
    let links = row
        .cells
        .iter()
        .flat_map(|c| &c.blocks)
        .flat_map(|b| &b.links);
    for link in links {
        let target: Group = if link.page().is_empty() {
            group.clone()
        } else {
            match resolve(written_on, link.page()) {
                Some(page) if page == file => None,
                Some(page) => Some(page),
                None => continue,
            }
        };
        let found = link
            .anchor()
            .and_then(|a| indexes.of(&target).by_anchor.get(a))
            .filter(|&&t| t != from);
        match (found, target) {
            (Some(&t), _) => push_once(&mut anchored, t),
            (None, Some(page)) if !link.page().is_empty() => {
                let linked = (page, link.anchor().map(str::to_owned));
                if !pages.contains(&linked) {
                    pages.push(linked);
                }
            }
            _ => {}
        }
    }
    (anchored, pages)
}

/// Links every object-typed row of the page to the table describing it;
/// `file` is the page's path.
pub(super) fn links(tables: &[PageTable<'_>], file: &str) -> Links {
    let indexes = Indexes::build(tables);
    let rows = rows(tables, &indexes, file);
    let fields: BTreeSet<String> = all_field_names(tables);
    let numbering = numbering_rows(&rows);
    let declared = declared_models(&rows);
    let page = PageLinks {
        tables,
        rows: &rows,
        fields: &fields,
        indexes: &indexes,
        numbering: &numbering,
        declared: &declared,
    };
    let mut links = Links::default();
    let mut by_page = Vec::new();
    for row in &rows {
        let found = direct(&page, row, &mut links);
        if let Some((&first, alternatives)) = found.split_first() {
            links.link(row.at, first);
            for &alternative in alternatives {
                links.merged_into.insert(alternative, first);
            }
        } else if !row.pages.is_empty() {
            by_page.push(row);
        }
    }
    // After the rows of copied tables are linked: a field may take the
    // objects a field of the linked page points at.
    for row in by_page {
        if let Some(t) = on_linked_page(&page, row, &links) {
            links.link(row.at, t);
        }
    }
    link_by_elimination(tables, &rows, &mut links);
    link_to_the_table_below(tables, &rows, &mut links);
    links
}

/// What [`direct`] consults: the page's tables and object rows, with
/// indexes so that linking every row stays linear in the page's size.
struct PageLinks<'p, 'a> {
    tables: &'p [PageTable<'a>],
    rows: &'p [LinkRow],
    fields: &'p BTreeSet<String>,
    indexes: &'p Indexes,
    /// For each table, the rows whose description names it by number.
    numbering: &'p BTreeMap<usize, Vec<usize>>,
    /// The [`key`]s of the model names rows declare as their type, and of
    /// their last steps.
    declared: &'p BTreeSet<String>,
}

impl PageLinks<'_, '_> {
    /// The index of the group `row` links in.
    fn index(&self, row: &LinkRow) -> &Index {
        self.indexes.of(&row.group)
    }
}

/// The model tables of each group.
#[derive(Default)]
struct Indexes {
    groups: BTreeMap<Group, Index>,
    empty: Index,
}

impl Indexes {
    fn build(tables: &[PageTable<'_>]) -> Self {
        let mut out = Self::default();
        for (i, t) in tables.iter().enumerate() {
            if t.model_name().is_some() {
                out.groups.entry(group_of(t)).or_default().add(i, t);
            }
        }
        out
    }

    fn of(&self, group: &Group) -> &Index {
        self.groups.get(group).unwrap_or(&self.empty)
    }
}

/// The model tables of one group by what their captions say, each list in
/// page order.
#[derive(Default)]
struct Index {
    /// By the [`key`] of the model name the caption gives.
    by_model: BTreeMap<String, Vec<usize>>,
    /// By the [`key`] of each field the caption describes.
    by_described: BTreeMap<String, Vec<usize>>,
    /// By the caption's "Table N" number.
    by_number: BTreeMap<u32, Vec<usize>>,
    /// By anchor.
    by_anchor: BTreeMap<String, usize>,
    /// By the lower-case label (the caption without "Table N"), for
    /// references by name ("参考表 前端parameters参数说明") where no link
    /// is kept.
    by_label: BTreeMap<String, Vec<usize>>,
    /// By each name its caption gives (model or described field), as
    /// written.
    by_caption_name: BTreeMap<String, Vec<usize>>,
}

impl Index {
    /// Adds model table `i`.
    fn add(&mut self, i: usize, t: &PageTable<'_>) {
        if let Some(anchor) = &t.table.anchor {
            self.by_anchor.entry(anchor.clone()).or_insert(i);
        }
        if let Some(caption) = &t.model_caption {
            push_once(self.by_model.entry(key(caption)).or_default(), i);
        }
        for described in &t.described {
            push_once(self.by_described.entry(key(described)).or_default(), i);
        }
        if let Some(n) = t.number {
            self.by_number.entry(n).or_default().push(i);
        }
        if let Some(label) = t
            .label
            .as_ref()
            .filter(|l| l.chars().count() >= MIN_LABEL_CHARS)
        {
            push_once(self.by_label.entry(label.to_lowercase()).or_default(), i);
        }
        for name in caption_names(t) {
            push_once(self.by_caption_name.entry(name.to_owned()).or_default(), i);
        }
    }

    /// The model tables but `from` whose caption's name the row's Type
    /// cell or the first line of its description (where a copied cell
    /// ends is uncertain: the paragraphs after a table join its last cell)
    /// holds as a whole name, not part of a longer one
    /// (`config.json` is no mention of `config`) ("GesBackUp集合",
    /// "see the Graph structure" for tables captioned "GesBackUp数据结构",
    /// "Graph structure"): where a page links such words to the table, a
    /// copy as text keeps the words without the link. Looked up by the
    /// identifiers of the row's text, so that every row costs its length.
    fn mentioned_by(&self, from: usize, row: &Row<'_>) -> Vec<usize> {
        let texts = row
            .type_text
            .iter()
            .map(String::as_str)
            .chain(row.prose.first().map(|line| line.text.as_str()));
        let mut out: Vec<usize> = texts
            .flat_map(|text| {
                text.split(|c: char| !(c.is_ascii_alphanumeric() || "_.-".contains(c)))
            })
            .map(|word| word.trim_end_matches(['.', '-']))
            .filter(|word| word.len() >= MENTIONED_NAME_CHARS)
            .filter_map(|word| self.by_caption_name.get(word))
            .flatten()
            .copied()
            .filter(|&t| t != from)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Tables listed under any of `keys` in `map`, in page order, once.
    fn lookup(map: &BTreeMap<String, Vec<usize>>, keys: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = keys
            .iter()
            .filter_map(|k| map.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The model tables that [`answers_to`] the model name `name`.
    fn answering_to(&self, name: &str) -> Vec<usize> {
        let mut keys = vec![key(name)];
        let last = key(unqualified(name));
        if last != keys[0] {
            keys.push(last);
        }
        let mut out = Self::lookup(&self.by_model, &keys);
        out.extend(Self::lookup(&self.by_described, &keys));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The model tables that [`describes_exactly`] the field.
    fn describing_exactly(&self, field: &str) -> Vec<usize> {
        Self::lookup(&self.by_described, &[key(field)])
    }

    /// The model tables that [`describes`] the field, its singular included.
    fn describing(&self, field: &str) -> Vec<usize> {
        let k = key(field);
        let mut keys = vec![k.clone()];
        keys.extend(k.strip_suffix('s').map(str::to_owned));
        keys.extend(k.strip_suffix("es").map(str::to_owned));
        Self::lookup(&self.by_described, &keys)
    }
}

/// The fewest characters of a caption's name that a row's text is looked
/// up for: shorter names are too common to tell.
const MENTIONED_NAME_CHARS: usize = 3;

fn push_once(list: &mut Vec<usize>, i: usize) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

/// For each table, the indexes of the rows naming it by number.
fn numbering_rows(rows: &[LinkRow]) -> BTreeMap<usize, Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (r, row) in rows.iter().enumerate() {
        for &t in &row.numbered {
            out.entry(t).or_default().push(r);
        }
    }
    out
}

/// The tables a row points at: the table of its group its link names by
/// anchor (with the alternatives its words name beside it), unless that
/// table is captioned after other fields (a link copied with its row, like
/// a stale number); else what its words say; else the table its link
/// copied from another page (`crate::crossref`), as a page describing the
/// objects itself is more specific than the shared description it links
/// to. A number naming another table than the anchor is noted in `links`.
fn direct(page: &PageLinks<'_, '_>, row: &LinkRow, links: &mut Links) -> Vec<usize> {
    let in_group = row.anchored.iter().copied().find(|&t| {
        group_of(&page.tables[t]) == row.group
            && !contradicts(&page.tables[t], &row.name, page.fields)
    });
    let found = by_words(page, row);
    let Some(anchored) = in_group else {
        if !found.is_empty() {
            return found;
        }
        return row.anchored.iter().copied().take(1).collect();
    };
    if let Some(&numbered) = row
        .numbered
        .first()
        .filter(|_| !row.numbered.contains(&anchored))
    {
        links.disagreements.push((row.at, anchored, numbered));
    }
    if found.len() >= 2 && found.contains(&anchored) {
        return found;
    }
    vec![anchored]
}

/// For a row linking another page without naming a table of it: the
/// first table copied from under the heading the link names; else the
/// table copied from that page describing the field; else the table a
/// same-named field of that page (or the singular: `server` for `servers`)
/// points at.
fn on_linked_page(page: &PageLinks<'_, '_>, row: &LinkRow, links: &Links) -> Option<usize> {
    row.pages.iter().find_map(|(linked, heading)| {
        let group = Some(linked.clone());
        let under_heading = heading.as_deref().and_then(|heading| {
            page.tables.iter().position(|t| {
                t.model_name().is_some()
                    && t.table
                        .origin
                        .as_ref()
                        .is_some_and(|o| o.page == *linked && o.under.as_deref() == Some(heading))
            })
        });
        if under_heading.is_some() {
            return under_heading;
        }
        let index = page.indexes.of(&group);
        let declared = object_slot(&row.ty).flatten();
        let by_caption = declared
            .map(|name| index.answering_to(name))
            .filter(|found| !found.is_empty())
            .unwrap_or_else(|| index.describing(&row.name));
        by_caption
            .first()
            .copied()
            .or_else(|| {
                page.rows
                    .iter()
                    .filter(|other| other.group == group && names_element(&other.name, &row.name))
                    .find_map(|other| links.target(other.at))
            })
            .or_else(|| root_of_copy(page, linked))
    })
}

/// The first table copied from `linked` that no row of the copy leads to:
/// the page's own object where it describes one (a structure page
/// "Topic结构体", its table uncaptioned).
fn root_of_copy(page: &PageLinks<'_, '_>, linked: &str) -> Option<usize> {
    let group = Some(linked.to_owned());
    let copied = |t: &PageTable<'_>| t.table.origin.as_ref().is_some_and(|o| o.page == linked);
    let pointed_at: BTreeSet<usize> = page
        .rows
        .iter()
        .filter(|r| r.group == group)
        .flat_map(|r| r.numbered.iter().chain(&r.anchored).copied())
        .collect();
    page.tables
        .iter()
        .enumerate()
        .find(|(i, t)| t.model_name().is_some() && copied(t) && !pointed_at.contains(i))
        .map(|(i, _)| i)
}

/// True when a field named `name` holds what the list `list` holds one of,
/// or the same: `server` for `servers`.
fn names_element(name: &str, list: &str) -> bool {
    let (name, list) = (key(name), key(list));
    list == name || list == format!("{name}s") || list == format!("{name}es")
}

/// The tables a row's own words point at: one, several alternatives, or
/// none.
fn by_words(page: &PageLinks<'_, '_>, row: &LinkRow) -> Vec<usize> {
    let tables = page.tables;
    let from = row.at.0;
    let others =
        |found: Vec<usize>| -> Vec<usize> { found.into_iter().filter(|&i| i != from).collect() };
    let declared = object_slot(&row.ty).flatten();
    let named: Vec<usize> = row
        .numbered
        .iter()
        .copied()
        .filter(|&t| {
            describes(&tables[t], &row.name)
                || declared.is_some_and(|name| answers_to(&tables[t], name))
        })
        .collect();
    if named.len() >= 2 {
        return named;
    }
    if let Some(name) = declared {
        let by_name = others(page.index(row).answering_to(name));
        if !by_name.is_empty() {
            return vec![best(&by_name, row, tables)];
        }
    }
    if let Some(&t) = named.first() {
        return vec![t];
    }
    let mut captioned = others(page.index(row).describing_exactly(&row.name));
    if captioned.is_empty() {
        captioned = others(page.index(row).describing(&row.name));
    }
    let captioned = best_placed(captioned, row, tables);
    let unclaimed: Vec<usize> = captioned
        .iter()
        .copied()
        .filter(|&t| !claimed_by_other(t, row, page))
        .collect();
    if !unclaimed.is_empty() {
        return vec![best(&unclaimed, row, tables)];
    }
    if let Some(&t) = row
        .numbered
        .iter()
        .find(|&&t| !contradicts(&tables[t], &row.name, page.fields))
    {
        return vec![t];
    }
    if let [t] = mentioned_on_side(row, tables).as_slice() {
        return vec![*t];
    }
    // A table claimed by a same-named field of the other side (request
    // `tags` and response `tags`) is not this one's: the other side often
    // documents its own shape.
    let same_side: Vec<usize> = captioned
        .into_iter()
        .filter(|&t| on_same_side(&tables[t], row))
        .collect();
    if same_side.is_empty() {
        Vec::new()
    } else {
        vec![best(&same_side, row, tables)]
    }
}

/// The tables a row of free-form objects mentions by their caption's name
/// ([`Index::mentioned_by`]), on its side: a row declaring its model has
/// said which one it is.
fn mentioned_on_side(row: &LinkRow, tables: &[PageTable<'_>]) -> Vec<usize> {
    if object_slot(&row.ty) != Some(None) {
        return Vec::new();
    }
    row.mentioned
        .iter()
        .copied()
        .filter(|&t| on_same_side(&tables[t], row) || tables[t].part == Part::Neither)
        .collect()
}

/// Where a caption giving a field's path (`identity_providers.links`) places
/// the table, for a row of that field's name; in order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Placed {
    /// Under another field than the row's parent.
    Elsewhere,
    /// The caption gives no path, or the row's parent has no name.
    Unplaced,
    /// Under the row's parent: the table the row stands in.
    UnderParent,
}

/// The tables of `found` that their captions place best for the row.
fn best_placed(found: Vec<usize>, row: &LinkRow, tables: &[PageTable<'_>]) -> Vec<usize> {
    let best = found.iter().map(|&t| placed(&tables[t], row, tables)).max();
    found
        .into_iter()
        .filter(|&t| Some(placed(&tables[t], row, tables)) == best)
        .collect()
}

fn placed(t: &PageTable<'_>, row: &LinkRow, tables: &[PageTable<'_>]) -> Placed {
    let Some(parent) = caption_parent(t) else {
        return Placed::Unplaced;
    };
    let holder = &tables[row.at.0];
    let names: Vec<&str> = caption_names(holder)
        .into_iter()
        .filter_map(|n| n.rsplit(|c| !is_name_char(c)).find(|w| !w.is_empty()))
        .collect();
    if names
        .iter()
        .any(|n| names_element(n, &parent) || names_element(&parent, n))
    {
        Placed::UnderParent
    } else if names.is_empty() && holder.model_name().is_some() {
        Placed::Unplaced
    } else {
        Placed::Elsewhere
    }
}

/// The parent field a caption's path names: `identity_providers` for
/// "identity_providers.links" and "server.nics field description".
fn caption_parent(t: &PageTable<'_>) -> Option<String> {
    let written = t.described.iter().map(String::as_str).chain(
        t.label
            .as_deref()
            .into_iter()
            .flat_map(str::split_whitespace),
    );
    written
        .filter_map(|w| w.rsplit_once('.'))
        .find_map(|(path, last)| {
            let last = last.split(|c| !is_name_char(c)).next()?;
            let parent = path.rsplit(|c| !is_name_char(c)).next()?;
            let described = t.described.iter().any(|d| key(d) == key(last));
            (described && !parent.is_empty()).then(|| parent.to_owned())
        })
}

/// A character of a field name as captions write it.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':')
}

fn on_same_side(t: &PageTable<'_>, row: &LinkRow) -> bool {
    t.part == row.part || row.part == Part::Neither
}

/// True when another row of the field's name sends its number to table `t`:
/// then `t` is that field's, not this one's.
fn claimed_by_other(t: usize, row: &LinkRow, page: &PageLinks<'_, '_>) -> bool {
    let numbered_by_other = page.numbering.get(&t).into_iter().flatten().any(|&r| {
        let other = &page.rows[r];
        other.at != row.at && describes(&page.tables[t], &other.name)
    });
    numbered_by_other || declared_by_a_row(&page.tables[t], page.declared)
}

/// True when some row declares the model the table's caption names as its
/// type (`resources | List<Quota>` for the table "Quota"): the table is
/// that row's, not one of a field named like it (`quotas`). A row
/// declaring its model never asks.
fn declared_by_a_row(t: &PageTable<'_>, declared: &BTreeSet<String>) -> bool {
    caption_names(t)
        .iter()
        .any(|name| declared.contains(&key(name)))
}

/// The [`key`]s of the model names the rows declare, with their last steps.
fn declared_models(rows: &[LinkRow]) -> BTreeSet<String> {
    rows.iter()
        .filter_map(|r| object_slot(&r.ty).flatten())
        .flat_map(|name| [key(name), key(unqualified(name))])
        .collect()
}

/// A table captioned after other fields of the page is theirs, whatever a
/// stale number says.
fn contradicts(t: &PageTable<'_>, field: &str, fields: &BTreeSet<String>) -> bool {
    !describes(t, field) && t.described.iter().any(|d| fields.contains(&key(d)))
}

/// Rows naming a table by number although their type holds no objects
/// (`metadata`, `Map<String,String>`, "see Table 4"): the table then lists
/// the keys or values the field takes. For each table number, the name and
/// type of the first such row. Read once per page, so that looking up every
/// unreferenced table stays linear in the page's size.
pub(super) fn scalar_referrers(tables: &[PageTable<'_>]) -> BTreeMap<u32, (String, String)> {
    let mut out = BTreeMap::new();
    for t in tables.iter().filter(|t| t.lists_fields()) {
        for row in t.rows() {
            let type_text = row.type_text.clone().unwrap_or_default();
            let holds_objects = row.ty.as_ref().is_some_and(|ty| object_slot(ty).is_some());
            if holds_objects {
                continue;
            }
            for number in row.table_references() {
                out.entry(number)
                    .or_insert_with(|| (row.name.clone(), type_text.clone()));
            }
        }
    }
    out
}

/// The shortest table label a description may name a table by: shorter
/// ones ("参数") are words any description uses.
const MIN_LABEL_CHARS: usize = 4;

/// The tables whose label the words after a table word start with,
/// longest label first (the description may go on after the label).
fn labelled_by<'i>(index: &'i Index, words: &str) -> Option<&'i Vec<usize>> {
    let ends = words.char_indices().map(|(at, _)| at).skip(MIN_LABEL_CHARS);
    let mut prefixes: Vec<&str> = ends.map(|at| &words[..at]).collect();
    prefixes.push(words);
    prefixes
        .into_iter()
        .rev()
        .find_map(|prefix| index.by_label.get(prefix.trim_end()))
}

/// The model tables a row's description names by number ("see Table 4"),
/// in the order named, then those it names by label ("参考表 前端parameters
/// 参数说明": a copied page keeps the words of a link, not its target).
fn numbered_tables(index: &Index, from: usize, row: &Row<'_>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for n in row.table_references() {
        let found = index
            .by_number
            .get(&n)
            .and_then(|found| found.iter().copied().find(|&i| i != from));
        if let Some(i) = found.filter(|i| !out.contains(i)) {
            out.push(i);
        }
    }
    let prose: Vec<&str> = row.prose.iter().map(|line| line.text.as_str()).collect();
    let labelled = sections::table_label_references(&prose.join(" "))
        .into_iter()
        .filter_map(|words| labelled_by(index, &words))
        .flatten();
    for &i in labelled {
        if i != from && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Of several tables describing the field, the one its description names;
/// else the nearest one after the field's table on the same side; else the
/// first on the same side; else the first.
fn best(candidates: &[usize], row: &LinkRow, tables: &[PageTable<'_>]) -> usize {
    let from = row.at.0;
    let same_side = |i: &&usize| on_same_side(&tables[**i], row);
    candidates
        .iter()
        .find(|i| row.numbered.contains(i))
        .or_else(|| candidates.iter().filter(same_side).find(|&&i| i > from))
        .or_else(|| candidates.iter().find(same_side))
        .or_else(|| candidates.first())
        .copied()
        .unwrap_or(from)
}

/// The model tables of the page's own that nothing points at.
fn orphans(tables: &[PageTable<'_>], links: &Links) -> Vec<usize> {
    (0..tables.len())
        .filter(|i| {
            tables[*i].model_name().is_some()
                && tables[*i].table.origin.is_none()
                && !links.is_target(*i)
                && links.merged_into(*i).is_none()
        })
        .collect()
}

/// Links each table of the page's own that nothing points at to the one
/// unlinked object field of the page's own tables, on its side, sharing a
/// word with its caption, when exactly one does.
fn link_by_elimination(tables: &[PageTable<'_>], rows: &[LinkRow], links: &mut Links) {
    let orphans: Vec<usize> = orphans(tables, links);
    let unlinked: Vec<&LinkRow> = rows
        .iter()
        .filter(|r| r.group.is_none() && links.target(r.at).is_none())
        .collect();
    let orphan_words: Vec<BTreeSet<String>> = orphans
        .iter()
        .map(|&t| {
            caption_names(&tables[t])
                .iter()
                .flat_map(|n| words(n))
                .collect()
        })
        .collect();
    let row_words: Vec<BTreeSet<String>> = unlinked
        .iter()
        .map(|r| words(&r.name).into_iter().collect())
        .collect();
    let rows_by_word = by_word(&row_words);
    let orphans_by_word = by_word(&orphan_words);
    let sides_meet =
        |t: usize, row: &LinkRow| on_same_side(&tables[t], row) || tables[t].part == Part::Neither;
    for (o, &orphan) in orphans.iter().enumerate() {
        let matching = two_at_most(&orphan_words[o], &rows_by_word, |r| {
            sides_meet(orphan, unlinked[r])
        });
        let [r] = matching.as_slice() else {
            continue;
        };
        let row = unlinked[*r];
        let rivals = two_at_most(&row_words[*r], &orphans_by_word, |other| {
            sides_meet(orphans[other], row)
        });
        if rivals.len() == 1 {
            links.link(row.at, orphan);
            links.guessed.push((row.at, Guess::SharedWord));
        }
    }
}

/// A table nothing leads to, right after a table with exactly one
/// unlinked row of objects, describes that row's objects (the `error |
/// Object` row of an error body above its `ErrorDetail` table), unless
/// its caption says whose fields it lists or its label says it is another
/// request body.
fn link_to_the_table_below(tables: &[PageTable<'_>], rows: &[LinkRow], links: &mut Links) {
    for orphan in 1..tables.len() {
        let t = &tables[orphan];
        let another_body = t
            .label
            .as_deref()
            .is_some_and(super::tables::names_request_body);
        if t.model_name().is_none()
            || !t.described.is_empty()
            || another_body
            || !t.lists_fields()
            || links.is_target(orphan)
            || links.merged_into(orphan).is_some()
        {
            continue;
        }
        let above = orphan - 1;
        let mut unlinked = rows
            .iter()
            .filter(|r| r.at.0 == above && links.target(r.at).is_none());
        if let (Some(row), None) = (unlinked.next(), unlinked.next())
            && group_of(&tables[above]) == group_of(t)
        {
            links.link(row.at, orphan);
            links.guessed.push((row.at, Guess::TableBelow));
        }
    }
}

/// For each word, the indexes of the word sets holding it.
fn by_word(sets: &[BTreeSet<String>]) -> BTreeMap<&str, Vec<usize>> {
    let mut out: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, set) in sets.iter().enumerate() {
        for word in set {
            out.entry(word.as_str()).or_default().push(i);
        }
    }
    out
}

/// Up to two distinct indexes listed under any of `words` that `keep`
/// accepts: enough to tell none, one and several apart.
fn two_at_most(
    words: &BTreeSet<String>,
    index: &BTreeMap<&str, Vec<usize>>,
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut found = Vec::new();
    for &i in words.iter().filter_map(|w| index.get(w.as_str())).flatten() {
        if !found.contains(&i) && keep(i) {
            found.push(i);
            if found.len() == 2 {
                break;
            }
        }
    }
    found
}

/// The names a table's caption gives: its model name or described fields.
fn caption_names<'t>(t: &'t PageTable<'_>) -> Vec<&'t str> {
    t.model_caption
        .iter()
        .map(String::as_str)
        .chain(t.described.iter().map(String::as_str))
        .collect()
}

/// The words of a name, lower case, without a plural `s`: `resource_tag`
/// → resource, tag; `tags` → tag; `HardDetail` → hard, detail.
fn words(name: &str) -> Vec<String> {
    let mut spaced = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_uppercase() && previous_lower {
            spaced.push(' ');
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        spaced.push(c);
    }
    spaced
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix('s').map(str::to_owned).unwrap_or(w)
        })
        .collect()
}

/// The names of every field the page's tables list, as [`key`]s.
fn all_field_names(tables: &[PageTable<'_>]) -> BTreeSet<String> {
    tables
        .iter()
        .filter(|t| t.lists_fields())
        .flat_map(|t| t.rows())
        .map(|row| key(&row.name))
        .collect()
}

/// A table answers to a model name when its caption is that name or names
/// that field; a qualified name (`io.k8s.api.core.v1.Handler`) also by
/// its last step, as pages caption such tables.
fn answers_to(t: &PageTable<'_>, name: &str) -> bool {
    let last = unqualified(name);
    let caption_is = |c: &str| key(c) == key(name) || key(c) == key(last);
    t.model_caption.as_deref().is_some_and(caption_is)
        || describes_exactly(t, name)
        || describes_exactly(t, last)
}

/// The last step of a qualified name: `io.k8s.api.core.v1.Handler` →
/// `Handler`, `binding:vif_details` → `vif_details`.
fn unqualified(name: &str) -> &str {
    name.rsplit(['.', ':']).next().unwrap_or(name)
}

fn describes_exactly(t: &PageTable<'_>, field: &str) -> bool {
    t.described.iter().any(|d| key(d) == key(field))
}

/// The caption names the field, or the singular of an array field
/// ("floating_ip objects" for `floating_ips`).
fn describes(t: &PageTable<'_>, field: &str) -> bool {
    let field = key(field);
    t.described
        .iter()
        .map(|d| key(d))
        .any(|d| d == field || format!("{d}s") == field || format!("{d}es") == field)
}

/// Names compare alike whatever their case and separators: the caption
/// "AIProject parameters" describes the field `ai_project`.
pub(super) fn key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case_and_separators() {
        assert_eq!(key("AIProject"), key("ai_project"));
        assert_eq!(key("os-stop"), key("os_stop"));
        assert_ne!(key("server"), key("servers"));
    }

    #[test]
    fn qualified_names_answer_by_their_last_step() {
        assert_eq!(unqualified("io.k8s.api.core.v1.Handler"), "Handler");
        assert_eq!(unqualified("binding:vif_details"), "vif_details");
        assert_eq!(unqualified("server"), "server");
    }

    #[test]
    fn words_drop_separators_and_plurals() {
        assert_eq!(words("resource_tag"), ["resource", "tag"]);
        assert_eq!(words("tags"), ["tag"]);
        assert_eq!(words("os:scheduler_hints"), ["scheduler", "hint"]);
        assert_eq!(words("HardDetail"), ["hard", "detail"]);
        assert_eq!(words("AIProject"), ["aiproject"]);
    }

    #[test]
    fn object_slots_go_through_arrays_and_maps() {
        let ty = TypeRef::Array(Box::new(TypeRef::Object));
        assert_eq!(object_slot(&ty), Some(None));
        let ty = TypeRef::Map(Box::new(TypeRef::Model("HardDetail".into())));
        assert_eq!(object_slot(&ty), Some(Some("HardDetail")));
        assert_eq!(
            object_slot(&TypeRef::Array(Box::new(TypeRef::String))),
            None
        );
        let linked = with_object(
            TypeRef::Array(Box::new(TypeRef::Object)),
            TypeRef::Model("X".into()),
        );
        assert_eq!(linked, TypeRef::Array(Box::new(TypeRef::Model("X".into()))));
        assert_eq!(
            with_object(TypeRef::Map(Box::new(TypeRef::Object)), TypeRef::Object),
            TypeRef::Object
        );
    }
}
