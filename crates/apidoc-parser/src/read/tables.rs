//! What each table of a page holds: its role (parameters, body, nested
//! model, status codes) from caption, section and columns, and the names of
//! the models nested tables define.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{Diagnostic, TypeRef};

use super::{
    Placed, Reader,
    link::Links,
    sections::{self, CaptionKind, Section},
    table::{self, Column, Row},
    upper_camel,
};
use crate::blocks::{Block, BlockKind, Table};

/// What a parameter table turned out to hold.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Role {
    /// Parameters of the URI section without a caption saying which kind:
    /// rows named in the path are path parameters, the others query
    /// parameters.
    UriParams,
    /// Path parameters.
    Path,
    /// Query parameters.
    Query,
    /// Request headers.
    RequestHeaders,
    /// The top-level request body.
    RequestBody,
    /// Response headers of a status.
    ResponseHeaders(u16),
    /// The top-level response body of a status.
    ResponseBody(u16),
    /// The Status Codes table.
    StatusCodes,
    /// A nested object: the fields of a model, with its final name (empty
    /// until [`name_models`] runs for tables the caption does not name).
    Model(String),
    /// Not a parameter table.
    Other,
}

/// The side of the exchange a table stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// The Request section.
    Request,
    /// The Response section.
    Response,
    /// Any other section.
    Neither,
}

impl Part {
    fn of(section: Section) -> Self {
        match section {
            Section::Request | Section::RequestHeaders => Self::Request,
            Section::Response | Section::ResponseHeaders => Self::Response,
            _ => Self::Neither,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Self::Request => "Request",
            Self::Response => "Response",
            Self::Neither => "",
        }
    }
}

/// A table of the page with what it holds.
pub(super) struct PageTable<'a> {
    /// The table.
    pub table: &'a Table,
    /// Its column roles, when its header names its first column.
    pub columns: Option<Vec<Column>>,
    /// The "Table N" number of its caption.
    pub number: Option<u32>,
    /// What it holds.
    pub role: Role,
    /// The model name the caption gives ("Worker"), if it gives one.
    pub model_caption: Option<String>,
    /// The fields the caption says the table describes ("server field
    /// description" → `server`).
    pub described: Vec<String>,
    /// The section side it stands in.
    pub part: Part,
    /// The status it stands under (the documented success status where no
    /// status line precedes it).
    pub status: u16,
    /// The caption's (or table's) line.
    pub line: u32,
    /// What the page calls the table: its caption without the "Table N"
    /// label, else the paragraph right before it
    /// ("使用数据卷制作镜像时的请求参数").
    pub label: Option<String>,
    /// The body rows by column role, read on first use ([`Self::rows`]):
    /// every step of the reader goes through them, so each cell's text is
    /// worked out once per page rather than once per step.
    rows: OnceCell<Vec<Row<'a>>>,
}

impl<'a> PageTable<'a> {
    /// The table's body rows by column role (none without columns).
    pub fn rows(&self) -> &[Row<'a>] {
        match &self.columns {
            Some(columns) => self.rows.get_or_init(|| table::rows(self.table, columns)),
            None => &[],
        }
    }

    /// True when the table's only row names no field but describes the
    /// keys of a map ("User customization"): a name with spaces.
    pub fn describes_map_keys(&self) -> bool {
        self.lists_fields()
            && matches!(self.rows(), [only] if only.name.contains(char::is_whitespace))
    }

    /// True when the table's only row stands for the body itself, an
    /// array whose elements other tables describe: Help Center pages name
    /// that row `[数组]`, `[数组元素]`, `数组元素` ("[array]"), any phrase in
    /// brackets (`[CategoryQueryInfo object]`), or, in a body table, after
    /// the element model its type is an array of (`QueryCategoryRsp |
    /// Array of QueryCategoryRsp objects`).
    pub fn is_array_placeholder(&self) -> bool {
        let body = matches!(self.role, Role::RequestBody | Role::ResponseBody(_));
        self.lists_fields()
            && matches!(self.rows(), [only]
                if is_array_placeholder_name(&only.name)
                    || body && names_its_own_element(only))
    }

    /// True when the table is another shape of the request body: a body
    /// table of the Request section after the first, under its own label
    /// naming the request parameters, that no field refers to.
    pub fn is_request_alternative(&self, index: usize, links: &Links) -> bool {
        self.role == Role::Model(String::new())
            && self.part == Part::Request
            && self.label.as_deref().is_some_and(names_request_body)
            && !links.is_target(index)
            && links.merged_into(index).is_none()
    }

    /// True when the table holds a parameter table's header (a first
    /// column naming parameters).
    pub fn lists_fields(&self) -> bool {
        self.columns.as_deref().is_some_and(table::lists_fields)
    }

    /// The model name of a model table.
    pub fn model_name(&self) -> Option<&str> {
        match &self.role {
            Role::Model(name) => Some(name),
            _ => None,
        }
    }
}

/// Words naming an array's elements or the array itself, where a field
/// name would stand.
const ARRAY_WORDS: [&str; 9] = [
    "数组",
    "数组元素",
    "元素",
    "列表",
    "array",
    "array element",
    "list",
    "item",
    "items",
];

/// `[数组]`, `[数组元素]`, `[array]`, `数组元素`, `[X object]`: a word for
/// the array or its elements, or any phrase in brackets (no field name
/// starts with a bracket), standing where a field name would.
pub(crate) fn is_array_placeholder_name(name: &str) -> bool {
    let name = name.trim();
    let bracketed = name
        .strip_prefix(['[', '［'])
        .and_then(|n| n.strip_suffix([']', '］']));
    match bracketed {
        Some(inner) => !inner.trim().is_empty(),
        None => ["数组", "数组元素"].contains(&name),
    }
}

/// A row named after the model its type is an array of (`QueryCategoryRsp
/// | Array of QueryCategoryRsp objects`: a type's name, capitalised as
/// field names are not), or after an array word.
fn names_its_own_element(row: &Row<'_>) -> bool {
    let element = match &row.ty {
        Some(TypeRef::Array(item)) => match item.as_ref() {
            TypeRef::Model(name) => Some(name.as_str()),
            _ => None,
        },
        _ => None,
    };
    let type_named = row.name.starts_with(|c: char| c.is_ascii_uppercase());
    element.is_some_and(|name| type_named && name == row.name)
        || ARRAY_WORDS.contains(&row.name.trim().to_lowercase().as_str())
}

/// The page's tables with the links between them.
pub(super) struct Tables<'a> {
    /// The tables in page order.
    pub list: Vec<PageTable<'a>>,
    /// Which table each object-typed row points at.
    pub links: Links,
    /// Tables that stand for a type as a whole rather than a model: one
    /// row for keys the caller chooses ("Name of the network where the ECS
    /// accesses") gives a map, one `[数组]` row an array body.
    pub maps: BTreeMap<usize, TypeRef>,
}

impl<'a> std::ops::Deref for Tables<'a> {
    type Target = [PageTable<'a>];

    fn deref(&self) -> &Self::Target {
        &self.list
    }
}

/// The caption's reading of one table, before the section decides.
struct Reading {
    kind: CaptionKind,
    section: Section,
    /// The status line the table stands under, if any.
    status: Option<u16>,
    lists_fields: bool,
}

impl Reader<'_> {
    /// Gives each table its role from caption, section and columns.
    pub(super) fn classify_tables<'a>(&mut self, placed: &[Placed<'a>]) -> Vec<PageTable<'a>> {
        let default_status = documented_success(placed);
        let mut out: Vec<PageTable<'a>> = Vec::new();
        for (index, p) in placed.iter().enumerate() {
            let BlockKind::Table(table) = &p.block.kind else {
                continue;
            };
            let written = table
                .caption
                .clone()
                .or_else(|| caption_before(placed, index));
            let (number, caption) = sections::caption_parts(written.as_deref().unwrap_or(""));
            let kind = if written.is_some() {
                sections::caption_kind(&caption)
            } else {
                CaptionKind::Generic
            };
            let columns = table::columns(table);
            let lists_fields = columns.as_deref().is_some_and(table::lists_fields);
            let section = parameters_section(p.section, lists_fields);
            let reading = Reading {
                kind: kind.clone(),
                section,
                status: p.status,
                lists_fields,
            };
            let status = p.status.unwrap_or(default_status);
            let role = if table.origin.as_ref().is_some_and(|o| o.for_field) {
                field_copy_role(&kind, reading.lists_fields)
            } else if columns.as_deref().is_some_and(table::lists_statuses) {
                Role::StatusCodes
            } else {
                role_of(&reading, status, &out)
            };
            if role == Role::Other && reading.lists_fields {
                self.diagnostics.push(Diagnostic::warning(
                    "table-unclassified",
                    format!("expected a caption naming what the table holds, found {caption:?}"),
                    self.span(p.block.line),
                    "this table's rows are not in the spec",
                ));
            }
            let (model_caption, described) = match kind {
                CaptionKind::Model(name) => (Some(name), Vec::new()),
                CaptionKind::FieldOf(fields) => (None, fields),
                _ => (None, Vec::new()),
            };
            out.push(PageTable {
                table,
                columns,
                number,
                role,
                model_caption,
                described,
                part: Part::of(section),
                status,
                line: p.block.line,
                label: if written.is_some() {
                    Some(caption.clone())
                } else {
                    label_before(placed, index)
                },
                rows: OnceCell::new(),
            });
        }
        out
    }
}

/// The section a table is read in: a parameter table standing under an
/// example's label (pages list "请求样例" and then "参数说明" with the body
/// table, or put the table after the list) documents that side's
/// parameters, never example content.
fn parameters_section(section: Section, lists_fields: bool) -> Section {
    match section {
        Section::ExampleRequest if lists_fields => Section::Request,
        Section::ExampleResponse if lists_fields => Section::Response,
        other => other,
    }
}

/// A caption written as the block just before a table without one: a
/// "Table 3 server field description" paragraph, or a heading titling the
/// table ("server Field Description").
fn caption_before(placed: &[Placed<'_>], index: usize) -> Option<String> {
    let before = placed.get(index.checked_sub(1)?)?;
    match &before.block.kind {
        BlockKind::Paragraph(text) if sections::caption_parts(text).0.is_some() => {
            Some(text.clone())
        }
        BlockKind::Heading { text, .. }
            if sections::section_of(text) == Section::Other
                && matches!(sections::caption_kind(text), CaptionKind::FieldOf(_)) =>
        {
            Some(text.clone())
        }
        _ => None,
    }
}

/// The paragraph right before a table, as the label it stands under.
fn label_before(placed: &[Placed<'_>], index: usize) -> Option<String> {
    match &placed.get(index.checked_sub(1)?)?.block.kind {
        BlockKind::Paragraph(text) => Some(text.clone()),
        _ => None,
    }
}

/// True when a label says its table is the request body, as Help Center
/// pages introduce each alternative body ("使用云服务器制作镜像时的请求参数",
/// "Request parameters when creating from a backup"); a field's name
/// before the words ("hosts请求参数") says the table describes that field.
pub(super) fn names_request_body(label: &str) -> bool {
    let label = label.trim().trim_end_matches([':', '：']).to_lowercase();
    let sentence = label.contains(['。', '；', ';']);
    let words = [
        "请求参数",
        "请求消息",
        "请求体",
        "请求消息体",
        "request parameters",
        "request body",
    ];
    let field_named = words.iter().any(|w| {
        label
            .strip_suffix(w)
            .is_some_and(|head| super::types::is_model_name(head.trim()))
    });
    !sentence
        && !field_named
        && words
            .iter()
            .any(|w| label.ends_with(w) || label.starts_with(w))
}

/// The role of a table copied from another page for a field's objects
/// (`crate::crossref`): a model, named by its caption where that gives a
/// model name; the body or parameters of its own page are not this page's.
fn field_copy_role(kind: &CaptionKind, lists_fields: bool) -> Role {
    match kind {
        _ if !lists_fields => Role::Other,
        CaptionKind::Model(name) => Role::Model(name.clone()),
        _ => Role::Model(String::new()),
    }
}

/// The role of one table given what earlier tables took.
fn role_of(reading: &Reading, status: u16, earlier: &[PageTable<'_>]) -> Role {
    let taken = |role: &Role| earlier.iter().any(|t| &t.role == role);
    let in_response = matches!(
        reading.section,
        Section::Response | Section::ResponseHeaders
    ) || reading.status.is_some();
    let body_section = matches!(reading.section, Section::Request | Section::Response);
    match &reading.kind {
        CaptionKind::Path => Role::Path,
        CaptionKind::Query => Role::Query,
        CaptionKind::Headers if in_response => Role::ResponseHeaders(status),
        CaptionKind::Headers => Role::RequestHeaders,
        CaptionKind::StatusCodes => Role::StatusCodes,
        CaptionKind::Generic | CaptionKind::Other
            if reading.section == Section::RequestHeaders && reading.lists_fields =>
        {
            Role::RequestHeaders
        }
        CaptionKind::Generic | CaptionKind::Other
            if reading.section == Section::ResponseHeaders && reading.lists_fields =>
        {
            Role::ResponseHeaders(status)
        }
        // The URI section holds parameters only, whatever the caption says.
        _ if reading.section == Section::Uri && reading.lists_fields => Role::UriParams,
        CaptionKind::Generic
            if matches!(reading.section, Section::Preamble | Section::Function) =>
        {
            Role::UriParams
        }
        CaptionKind::RequestBody if !taken(&Role::RequestBody) => Role::RequestBody,
        CaptionKind::ResponseBody if !taken(&Role::ResponseBody(status)) => {
            Role::ResponseBody(status)
        }
        CaptionKind::Generic | CaptionKind::Other if body_section && reading.lists_fields => {
            let body = if reading.section == Section::Request {
                Role::RequestBody
            } else {
                Role::ResponseBody(status)
            };
            if taken(&body) {
                Role::Model(String::new())
            } else {
                body
            }
        }
        CaptionKind::Model(name) if reading.lists_fields => Role::Model(name.clone()),
        CaptionKind::FieldOf(_) if reading.lists_fields => Role::Model(String::new()),
        CaptionKind::RequestBody | CaptionKind::ResponseBody if reading.lists_fields => {
            Role::Model(String::new())
        }
        _ => Role::Other,
    }
}

/// The success status of a response documented without a status line:
/// the first 2xx of the Status Codes table, else the "Normal: 201" line of
/// the Status Codes section, else 200.
fn documented_success(placed: &[Placed<'_>]) -> u16 {
    let from_table = placed
        .iter()
        .filter_map(|p| match &p.block.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .filter(|t| {
            table::columns(t)
                .as_deref()
                .is_some_and(table::lists_statuses)
        })
        .flat_map(|t| &t.rows)
        .filter_map(|row| Some(sections::status_cell(&row.first()?.text())?.0))
        .find(|status| (200..300).contains(status));
    let from_line = || normal_status_line(placed).map(|(status, _)| status);
    from_table.or_else(from_line).unwrap_or(200)
}

/// The "Normal: 201" line of the Status Codes section: its status and the
/// line of the block that holds it.
pub(super) fn normal_status_line(placed: &[Placed<'_>]) -> Option<(u16, u32)> {
    placed
        .iter()
        .filter(|p| p.section == Section::StatusCodes)
        .find_map(|p| {
            let status = lines_of(p.block)
                .iter()
                .find_map(|line| sections::normal_status(line))?;
            Some((status, p.block.line))
        })
}

/// A block's text lines: a paragraph, or each list item as one line.
fn lines_of(block: &Block) -> Vec<String> {
    match &block.kind {
        BlockKind::Paragraph(text) => vec![text.clone()],
        BlockKind::List { items, .. } => items
            .iter()
            .map(|item| {
                let lines = table::prose_lines(item, block.line);
                lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A Request or Response section without a body table whose tables all
/// describe nested objects ("backups字段数据结构说明" captioning the table
/// that holds `backups`): the first such table no row leads to is the
/// body, as the section's first parameter table would be; a table copied
/// from another page for a field never is.
pub(super) fn promote_orphan_bodies(tables: &mut [PageTable<'_>], links: &Links) {
    for part in [Part::Request, Part::Response] {
        let body_of = |t: &PageTable<'_>| {
            matches!(
                (part, &t.role),
                (Part::Request, Role::RequestBody) | (Part::Response, Role::ResponseBody(_))
            )
        };
        if tables.iter().any(|t| t.part == part && body_of(t)) {
            continue;
        }
        let orphan = tables.iter().enumerate().position(|(index, t)| {
            t.part == part
                && matches!(t.role, Role::Model(_))
                && t.lists_fields()
                && t.table.origin.as_ref().is_none_or(|o| !o.for_field)
                && !links.is_target(index)
                && links.merged_into(index).is_none()
        });
        if let Some(index) = orphan {
            let t = &mut tables[index];
            t.role = match part {
                Part::Request => Role::RequestBody,
                _ => Role::ResponseBody(t.status),
            };
            t.model_caption = None;
        }
    }
}

/// Tables of one page that name one model but list other rows (a request's
/// and a response's `Dimension`, one with a Mandatory column) are two
/// models: the first keeps the name, each other listing takes the next
/// free `<Name>2`, `<Name>3`; rows link to their tables by place, so each
/// field keeps what its own table documents. Alike tables keep one name,
/// and so do alternatives merged into one model.
pub(super) fn tell_repeated_models_apart(tables: &mut [PageTable<'_>], links: &Links) {
    let mut taken: BTreeSet<String> = tables
        .iter()
        .filter_map(|t| t.model_name().map(str::to_owned))
        .collect();
    let mut listings: BTreeMap<String, Vec<(Vec<RowSignature>, String)>> = BTreeMap::new();
    for (index, t) in tables.iter_mut().enumerate() {
        let Some(name) = t.model_name().map(str::to_owned) else {
            continue;
        };
        if links.merged_into(index).is_some() || !links.alternatives_of(index).is_empty() {
            continue;
        }
        let signature = row_signature(t);
        let seen = listings.entry(name.clone()).or_default();
        let own = match seen.iter().find(|(rows, _)| alike(rows, &signature)) {
            Some((_, own)) => own.clone(),
            None if seen.is_empty() => name.clone(),
            None => {
                let fresh = (2..)
                    .map(|n| format!("{name}{n}"))
                    .find(|candidate| !taken.contains(candidate))
                    .unwrap_or_default();
                taken.insert(fresh.clone());
                fresh
            }
        };
        seen.push((signature, own.clone()));
        t.role = Role::Model(own);
    }
}

/// What a row states that decides a model's shape: name, Mandatory cell,
/// Type cell.
type RowSignature = (String, Option<String>, Option<String>);

/// Two listings of one model: the same rows, typed alike, their Mandatory
/// cells alike where both tables have the column (a response table
/// without it lists the request's model).
fn alike(first: &[RowSignature], second: &[RowSignature]) -> bool {
    first.len() == second.len()
        && first.iter().zip(second).all(|(a, b)| {
            a.0 == b.0 && a.2 == b.2 && (a.1.is_none() || b.1.is_none() || a.1 == b.1)
        })
}

fn row_signature(t: &PageTable<'_>) -> Vec<RowSignature> {
    t.rows()
        .iter()
        .map(|r| (r.name.clone(), r.mandatory.clone(), r.type_text.clone()))
        .collect()
}

/// Names the model tables the caption does not name: after the field the
/// caption describes, else after the first field that links to the table,
/// else after the table number; prefixed with the operation name, and
/// kept apart from a same-named table of the other side of the exchange.
/// Tables merged into another as alternatives take its name.
pub(super) fn name_models(tables: &mut [PageTable<'_>], id: &str, links: &Links) {
    let referrers = links.first_referrers(tables);
    let mut taken: BTreeSet<String> = tables
        .iter()
        .filter_map(|t| t.model_caption.clone())
        .collect();
    let mut alternatives = 1;
    for (index, t) in tables.iter_mut().enumerate() {
        if t.model_name() != Some("") || links.merged_into(index).is_some() {
            continue;
        }
        if t.is_request_alternative(index, links) {
            alternatives += 1;
            let name = format!("{id}RequestBody{alternatives}");
            taken.insert(name.clone());
            t.role = Role::Model(name);
            continue;
        }
        let subject = t
            .described
            .first()
            .or(referrers.get(&index))
            .map(|f| upper_camel(f))
            .unwrap_or_default();
        let subject = if subject.is_empty() {
            format!("Table{}", t.number.map_or(index + 1, |n| n as usize))
        } else {
            subject
        };
        let candidates = [
            format!("{id}{subject}"),
            format!("{id}{}{subject}", t.part.word()),
            format!(
                "{id}{subject}{}",
                t.number.map_or(index + 1, |n| n as usize)
            ),
        ];
        let name = candidates
            .iter()
            .find(|c| !taken.contains(*c))
            .unwrap_or(&candidates[2])
            .clone();
        taken.insert(name.clone());
        t.role = Role::Model(name);
    }
    for index in 0..tables.len() {
        let Some(primary) = links.merged_into(index) else {
            continue;
        };
        if let Some(name) = tables[primary].model_name().map(str::to_owned) {
            tables[index].role = Role::Model(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(kind: CaptionKind, section: Section) -> Reading {
        Reading {
            kind,
            section,
            status: None,
            lists_fields: true,
        }
    }

    #[test]
    fn array_placeholder_rows() {
        for name in [
            "[数组]",
            "［数组］",
            "[array]",
            "[List]",
            "[数组元素]",
            "数组元素",
            "[CategoryQueryInfo object]",
            "[x]",
        ] {
            assert!(is_array_placeholder_name(name), "{name}");
        }
        for name in ["[数组].version_list", "items", "[]", "names"] {
            assert!(!is_array_placeholder_name(name), "{name}");
        }
    }

    #[test]
    fn labels_naming_the_request_body() {
        assert!(names_request_body("使用数据卷制作镜像时的请求参数"));
        assert!(names_request_body("v2.0版本请求消息体"));
        assert!(names_request_body(
            "Request parameters when the source is a backup"
        ));
        assert!(!names_request_body("参数说明"));
        assert!(!names_request_body("请求参数如下表所示；可选参数见下文。"));
        assert!(!names_request_body("响应参数"));
        assert!(
            !names_request_body("hosts请求参数"),
            "the table of field hosts"
        );
    }

    #[test]
    fn the_uri_section_holds_parameters_whatever_the_caption() {
        for kind in [
            CaptionKind::Generic,
            CaptionKind::RequestBody,
            CaptionKind::Other,
            CaptionKind::FieldOf(vec!["x".into()]),
        ] {
            assert_eq!(
                role_of(&reading(kind, Section::Uri), 200, &[]),
                Role::UriParams
            );
        }
        assert_eq!(
            role_of(&reading(CaptionKind::Query, Section::Uri), 200, &[]),
            Role::Query
        );
    }

    #[test]
    fn the_first_parameter_table_of_a_body_section_is_the_body() {
        let r = reading(CaptionKind::Other, Section::Request);
        assert_eq!(role_of(&r, 200, &[]), Role::RequestBody);
        let r = reading(CaptionKind::Generic, Section::Response);
        assert_eq!(role_of(&r, 201, &[]), Role::ResponseBody(201));
        let r = reading(
            CaptionKind::FieldOf(vec!["server".into()]),
            Section::Response,
        );
        assert_eq!(role_of(&r, 200, &[]), Role::Model(String::new()));
    }

    #[test]
    fn tables_without_parameter_columns_are_other() {
        let r = Reading {
            kind: CaptionKind::Other,
            section: Section::Response,
            status: None,
            lists_fields: false,
        };
        assert_eq!(role_of(&r, 200, &[]), Role::Other);
    }
}
