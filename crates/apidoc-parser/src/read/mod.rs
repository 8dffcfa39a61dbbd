//! Blocks → IR: the understanding of an API reference page.
//!
//! The page is walked once (`walk`) to place every block in its section
//! and status code — list items included, whose label ("URI格式",
//! "请求参数", "响应样例") switches the section as a heading would, as
//! older Help Center pages structure their sections; the URI lines, tables,
//! examples and status codes are then read from that placement. Each table gets its role from caption,
//! section and columns (`tables`: parameters, body, nested model, status
//! codes); object-typed rows are linked to the tables describing them
//! (`link`: by model name, caption, "see Table N", alternatives, a shared
//! word); rows become fields (`fields`, [`table`], [`types`]) and
//! description prose yields constraints ([`prose`]). What the page does not
//! allow to read exactly gives a warning saying what was done instead, so
//! that no row is dropped silently and one odd page does not stop a
//! service.

mod examples;
mod fields;
mod link;
mod names;
pub mod prose;
pub mod sections;
pub mod table;
mod tables;
pub mod types;
mod uri_query;

pub(crate) use fields::is_mandatory_cell;
pub(crate) use link::object_slot;
pub(crate) use tables::is_array_placeholder_name;

use std::collections::{BTreeMap, BTreeSet};

use apidoc_ir::{
    BodyVariant, Diagnostic, Fact, Field, Lang, Method, Model, Operation, Page, ParamLocation,
    Parameter, RequestBody, Response, Severity, Span, Text, TypeRef, Uri,
};

use crate::{
    Parsed,
    blocks::{Block, BlockKind},
};
use sections::Section;
use tables::{Role, Tables};

/// Reads one page's blocks into a [`Page`] and diagnostics.
pub fn read_page(file: &str, blocks: &[Block]) -> Parsed {
    read_page_named(file, blocks, None)
}

/// Reads one page's blocks, with the operation's official name when the
/// page states it outside its blocks (an API Explorer link,
/// [`crate::explorer`]); a name in the title wins.
pub fn read_page_named(
    file: &str,
    blocks: &[Block],
    explorer: Option<crate::explorer::ExplorerEntry>,
) -> Parsed {
    let placed = walk(blocks);
    let mut reader = Reader {
        file,
        lang: language(blocks),
        diagnostics: Vec::new(),
        explorer,
    };
    let page = reader.page(blocks, &placed);
    Parsed {
        page,
        diagnostics: reader.diagnostics,
    }
}

/// A block with the section and status code it stands under.
#[derive(Clone, Copy, Debug)]
struct Placed<'a> {
    block: &'a Block,
    section: Section,
    status: Option<u16>,
    /// True for a block inside a list item or note rather than on the page
    /// itself.
    nested: bool,
}

/// The section and status line the walk has reached.
#[derive(Clone, Copy)]
struct Position {
    section: Section,
    status: Option<u16>,
}

/// Places every block in its section and under its status line: the
/// page's own blocks, the blocks of list items after their list, and the
/// tables of notes after their note. Older Help Center pages write their structure as list items
/// ("URI格式", "请求参数", "响应样例" each followed by its URI line, table
/// or example): such a label switches the section like a heading.
fn walk(blocks: &[Block]) -> Vec<Placed<'_>> {
    let mut at = Position {
        section: Section::Preamble,
        status: None,
    };
    let mut out = Vec::with_capacity(blocks.len());
    place(blocks, false, &mut at, &mut out);
    out
}

fn place<'a>(blocks: &'a [Block], nested: bool, at: &mut Position, out: &mut Vec<Placed<'a>>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { level, text, .. } if *level >= 2 => {
                let next = sections::section_of(text);
                if let Some(code) = sections::status_line(text) {
                    at.status = Some(code);
                } else if next != Section::Other || !keeps_section(at.section, text) {
                    at.section = next;
                    at.status = None;
                }
            }
            BlockKind::Paragraph(text) => {
                if let Some(code) = sections::status_line(text) {
                    at.status = Some(code);
                } else if let Some(section) = sections::list_label(text).filter(|_| !nested) {
                    // A label standing alone as a paragraph ("**响应示例**")
                    // opens its section as a heading would.
                    at.section = section;
                    at.status = None;
                }
            }
            BlockKind::Code { text, .. } => {
                if let Some(code) = sections::status_code_block(text) {
                    at.status = Some(code);
                }
            }
            _ => {}
        }
        out.push(Placed {
            block,
            section: at.section,
            status: at.status,
            nested,
        });
        match &block.kind {
            BlockKind::List { items, .. } => {
                let outer = *at;
                for item in items {
                    if let Some(section) = item_label(item) {
                        at.section = section;
                        at.status = None;
                    }
                    place(item, true, at, out);
                }
                if !labels_items(items) {
                    *at = outer;
                }
            }
            // A note is an aside: only its tables count (a curl command in
            // a note is no example body).
            BlockKind::Note(inner) => {
                for table in tables_in(inner) {
                    out.push(Placed {
                        block: table,
                        section: at.section,
                        status: at.status,
                        nested: true,
                    });
                }
            }
            _ => {}
        }
    }
}

/// The tables among `blocks` and inside their lists and notes.
fn tables_in(blocks: &[Block]) -> Vec<&Block> {
    blocks
        .iter()
        .flat_map(|b| match &b.kind {
            BlockKind::Table(_) => vec![b],
            BlockKind::List { items, .. } => items.iter().flat_map(|i| tables_in(i)).collect(),
            BlockKind::Note(inner) => tables_in(inner),
            _ => Vec::new(),
        })
        .collect()
}

/// The section a list item's label names ("URI格式", "请求参数",
/// "响应样例"), if the item opens with one.
fn item_label(item: &[Block]) -> Option<Section> {
    match &item.first()?.kind {
        BlockKind::Paragraph(text) => sections::list_label(text),
        _ => None,
    }
}

/// A list whose items are section labels goes on structuring the page
/// after it: the section of its last label holds until the next heading
/// (tables written after the list belong to the last label).
fn labels_items(items: &[Vec<Block>]) -> bool {
    items.iter().any(|item| item_label(item).is_some())
}

/// Whether an unknown heading stays in the current section: within the
/// Response section any heading does (error cases, notes); within the
/// Request section a heading titling a nested table ("server Field
/// Description") does.
fn keeps_section(section: Section, heading: &str) -> bool {
    match section {
        Section::Response | Section::ResponseHeaders => true,
        Section::Request | Section::RequestHeaders => {
            matches!(
                sections::caption_kind(heading),
                sections::CaptionKind::FieldOf(_)
            )
        }
        _ => false,
    }
}

/// Chinese when the title or a heading is written in Chinese.
fn language(blocks: &[Block]) -> Lang {
    let chinese = blocks.iter().any(|b| match &b.kind {
        BlockKind::Heading { text, .. } => text.chars().any(is_cjk),
        _ => false,
    });
    if chinese { Lang::Zh } else { Lang::En }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

struct Reader<'f> {
    file: &'f str,
    lang: Lang,
    diagnostics: Vec<Diagnostic>,
    explorer: Option<crate::explorer::ExplorerEntry>,
}

impl Reader<'_> {
    fn span(&self, line: u32) -> Span {
        Span::new(self.file, line)
    }

    fn text(&self, text: impl Into<String>) -> Text {
        Text::in_lang(self.lang, text)
    }

    fn page(&mut self, blocks: &[Block], placed: &[Placed<'_>]) -> Option<Page> {
        let (title, title_line, title_anchor) = self.title(blocks)?;
        let summary = split_title(&title);
        let explorer = self.explorer.take();
        let (uris, uri_lines): (Vec<Uri>, Vec<sections::UriLine>) =
            self.uris(placed).into_iter().unzip();
        if uris.is_empty() {
            let finding = self.no_operation(placed, title_line);
            self.diagnostics.push(finding);
            return None;
        }
        let stated_names = names::stated_names(
            self.file,
            &(title.clone(), title_line),
            title_anchor.as_deref(),
            explorer.as_ref(),
            placed,
        );
        let id = stated_names
            .first()
            .map_or_else(|| id_from_title(summary), |stated| stated.name.clone());
        let id_is_explicit = !stated_names.is_empty();
        let mut list = self.classify_tables(placed);
        let links = link::links(&list, self.file);
        tables::promote_orphan_bodies(&mut list, &links);
        tables::name_models(&mut list, &id, &links);
        tables::tell_repeated_models_apart(&mut list, &links);
        let mut tables = Tables {
            list,
            links,
            maps: BTreeMap::new(),
        };
        self.report_guessed_links(&tables);
        self.report_link_disagreements(&tables);
        self.read_map_tables(&mut tables);
        let mut operation = Operation {
            id: id.clone(),
            id_is_explicit,
            uris,
            summary: self.text(summary),
            description: self.function_text(placed),
            parameters: Vec::new(),
            request_body: None,
            responses: Vec::new(),
            request_examples: Vec::new(),
            status_codes: Vec::new(),
            sources: vec![self.file.to_owned()],
            names: Vec::new(),
        };
        let body_is_query = self.body_is_query(&tables, &operation);
        operation.parameters = self.parameters(&tables, &operation.uris, &uri_lines, body_is_query);
        if !body_is_query {
            operation.request_body = self.request_body(&tables, &id, &operation.summary);
        }
        operation.responses = self.responses(&tables, &id);
        self.read_examples_and_codes(placed, &tables, &mut operation);
        let mut models = self.body_models(&tables, &id, body_is_query);
        models.extend(self.models(&tables));
        self.arrays_the_examples_show(&mut operation, &models);
        self.drop_unreferenced(&tables, &mut models, &operation);
        Some(Page {
            file: self.file.to_owned(),
            lang: self.lang,
            breadcrumb: breadcrumb(blocks, &title),
            title: Fact::new(title, self.span(title_line)),
            explorer_product: explorer.and_then(|e| e.product),
            stated_names,
            operation,
            models,
        })
    }

    /// Why a page without a readable URI line gives no operation: a page
    /// that looks like an operation's (a line starting with a method in
    /// its URI section, or parameter tables in its URI, request or
    /// response sections) is an error naming what was found; any other
    /// page (overviews, appendices, error codes) is no API page.
    fn no_operation(&self, placed: &[Placed<'_>], title_line: u32) -> Diagnostic {
        let method_like = placed.iter().find_map(|p| match &p.block.kind {
            BlockKind::Paragraph(text) | BlockKind::Code { text, .. }
                if p.section == Section::Uri && starts_with_method(text) =>
            {
                Some((
                    text.lines().next().unwrap_or_default().to_owned(),
                    p.block.line,
                ))
            }
            _ => None,
        });
        if let Some((line, at)) = method_like {
            return Diagnostic::error(
                "uri-unreadable",
                format!("expected a URI line such as `GET /v1/{{project_id}}/...`, found `{line}`"),
                self.span(at),
                "no method and path can be read here: the operation is left out",
            )
            .with_help(
                "write the method, one space and the path, e.g. `POST /v1/{project_id}/servers`",
            );
        }
        let parameter_table = placed.iter().find(|p| {
            matches!(
                p.section,
                Section::Uri | Section::Request | Section::RequestHeaders | Section::Response
            ) && matches!(&p.block.kind, BlockKind::Table(t) if table::columns(t).as_deref().is_some_and(table::lists_fields))
        });
        if let Some(p) = parameter_table {
            // Shared pages (common request headers, error bodies, task
            // responses) hold parameter tables too: a warning, not an error.
            return Diagnostic::warning(
                "no-uri",
                "expected a URI line such as `GET /v1/{project_id}/...` in a URI section, found parameter tables but no URI line",
                self.span(title_line),
                "no method and path: no operation is read from this page",
            )
            .with_secondary(self.span(p.block.line), "a parameter table")
            .with_help("add the URI section with the method and path");
        }
        Diagnostic::warning(
            "not-an-api-page",
            "expected a URI line such as `GET /v1/{project_id}/...` in a URI section, found none",
            self.span(title_line),
            "this page documents no operation",
        )
        .with_help("overview, appendix and error-code pages are skipped; if this is an API page, check its URI section")
    }

    /// The page title: its text, line and anchor.
    fn title(&mut self, blocks: &[Block]) -> Option<(String, u32, Option<String>)> {
        let found = blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Heading {
                level: 1,
                text,
                anchor,
            } => Some((text.clone(), b.line, anchor.clone())),
            _ => None,
        });
        if found.is_none() {
            self.diagnostics.push(
                Diagnostic::warning(
                    "not-an-api-page",
                    "expected a page title (a level-1 heading), found none",
                    self.span(1),
                    "no title on this page",
                )
                .with_help("is this an API reference page?"),
            );
        }
        found
    }

    /// The URI lines of the URI section (else of the part before the
    /// request), each once.
    fn uris(&self, placed: &[Placed<'_>]) -> Vec<(Uri, sections::UriLine)> {
        let in_uri_section = |p: &&Placed<'_>| p.section == Section::Uri;
        let before_body = |p: &&Placed<'_>| {
            matches!(
                p.section,
                Section::Preamble | Section::Function | Section::Uri
            )
        };
        let pick = |filter: &dyn Fn(&&Placed<'_>) -> bool| -> Vec<(Uri, sections::UriLine)> {
            let blocks: Vec<&Block> = placed.iter().filter(filter).map(|p| p.block).collect();
            blocks
                .iter()
                .enumerate()
                .flat_map(|(i, block)| uri_lines_of(block, blocks.get(i + 1).copied()))
                .filter_map(|(text, at)| {
                    let line = sections::uri_line(&text)?;
                    let uri = Uri {
                        method: line.method,
                        path: line.path.clone(),
                        span: self.span(at),
                    };
                    Some((uri, line))
                })
                .collect()
        };
        // A raw request message (`POST /v2/x HTTP/1.1` over its headers)
        // outside the examples is the request line, wherever the page puts
        // it ("请求消息样式").
        let request_message = |p: &&Placed<'_>| {
            !matches!(
                p.section,
                Section::ExampleRequest | Section::ExampleResponse
            ) && matches!(&p.block.kind, BlockKind::Code { text, .. }
                    if sections::is_request_line(text.lines().next().unwrap_or_default()))
        };
        let mut uris = pick(&in_uri_section);
        if uris.is_empty() && states_an_operation(placed) {
            uris = pick(&before_body);
        }
        if uris.is_empty() {
            uris = pick(&request_message);
        }
        let mut seen = BTreeSet::new();
        uris.retain(|(u, _)| seen.insert((u.method, u.path.clone())));
        uris
    }

    fn function_text(&self, placed: &[Placed<'_>]) -> Text {
        let paragraphs: Vec<&str> = placed
            .iter()
            .filter(|p| p.section == Section::Function && !p.nested)
            .filter_map(|p| match &p.block.kind {
                BlockKind::Paragraph(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        if paragraphs.is_empty() {
            Text::default()
        } else {
            self.text(paragraphs.join("\n\n"))
        }
    }

    /// Model tables → models; tables documenting alternatives of one
    /// field's objects give one model with the fields of all.
    fn models(&mut self, tables: &Tables<'_>) -> Vec<Model> {
        let mut out = Vec::new();
        for (index, t) in tables.iter().enumerate() {
            let Some(name) = t.model_name() else { continue };
            if tables.links.merged_into(index).is_some() || tables.maps.contains_key(&index) {
                continue;
            }
            let mut variants = vec![self.fields(index, tables)];
            for alternative in tables.links.alternatives_of(index) {
                variants.push(self.fields(alternative, tables));
            }
            out.push(Model {
                name: name.to_owned(),
                description: Text::default(),
                fields: union_of(variants),
                span: self.span(t.line),
            });
        }
        out
    }

    /// Links the page does not state are guesses: the page should say them.
    fn report_guessed_links(&mut self, tables: &Tables<'_>) {
        for &((index, r), guess) in &tables.links.guessed {
            let Some(row) = tables[index].rows().get(r) else {
                continue;
            };
            let Some(target) = tables.links.target((index, r)) else {
                continue;
            };
            let caption = tables[target].table.caption.clone().unwrap_or_default();
            let why = match guess {
                link::Guess::SharedWord => "the one unreferenced table sharing a word with it",
                link::Guess::TableBelow => "the unreferenced table right after its own",
                link::Guess::ModelNameEnding => {
                    "the one unreferenced table captioned with a model name ending in its name"
                }
            };
            self.diagnostics.push(
                Diagnostic::warning(
                    "table-link-guessed",
                    format!("expected `{}` to name the table describing its objects, found no reference", row.name),
                    self.span(row.line),
                    format!("linked to {caption:?}, {why}"),
                )
                .with_secondary(self.span(tables[target].line), "this table")
                .with_help("say \"For details, see Table N\" in the description, or caption the table after the field"),
            );
        }
    }

    /// A row linking one table and numbering another: the link is
    /// followed, as anchors are the page's generated ids and numbers go
    /// stale when tables are renumbered.
    fn report_link_disagreements(&mut self, tables: &Tables<'_>) {
        for &((index, r), linked, numbered) in &tables.links.disagreements {
            let Some(row) = tables[index].rows().get(r) else {
                continue;
            };
            let name = |t: usize| {
                tables[t]
                    .table
                    .caption
                    .clone()
                    .or_else(|| tables[t].label.clone())
                    .unwrap_or_else(|| format!("the table on line {}", tables[t].line))
            };
            self.diagnostics.push(
                Diagnostic::warning(
                    "table-link-disagrees",
                    format!(
                        "expected the link and the table number of `{}` to name one table, found the link naming {:?} and the number {:?}",
                        row.name,
                        name(linked),
                        name(numbered)
                    ),
                    self.span(row.line),
                    format!("linked to {:?}, the table the link names", name(linked)),
                )
                .with_secondary(self.span(tables[numbered].line), "the table the number names")
                .with_help("correct the table number in the description, or the link"),
            );
        }
    }

    /// The top-level request and response body tables as models named after
    /// the operation.
    fn body_models(&mut self, tables: &Tables<'_>, id: &str, body_is_query: bool) -> Vec<Model> {
        let mut out = Vec::new();
        for (index, t) in tables.iter().enumerate() {
            if tables.maps.contains_key(&index) {
                continue;
            }
            let name = match t.role {
                Role::RequestBody if !body_is_query => request_body_name(id),
                Role::ResponseBody(status) => response_body_name(id, status, tables),
                _ => continue,
            };
            let fields = self.fields(index, tables);
            out.push(Model {
                name,
                description: Text::default(),
                fields,
                span: self.span(t.line),
            });
        }
        out
    }

    /// Tables describing the keys of a map give that map type, and a table
    /// whose one row stands for the whole array body (`[数组]`) gives that
    /// array type; read innermost first so that a map of maps resolves.
    fn read_map_tables(&mut self, tables: &mut Tables<'_>) {
        for index in (0..tables.len()).rev() {
            let t = &tables[index];
            let is_object = matches!(
                t.role,
                Role::Model(_) | Role::RequestBody | Role::ResponseBody(_)
            );
            if !is_object {
                continue;
            }
            if t.is_array_placeholder() {
                if let Some(only) = self.fields(index, tables).pop() {
                    tables.maps.insert(index, only.ty);
                }
            } else if t.describes_map_keys()
                && let Some(value) = self.fields(index, tables).pop()
            {
                tables.maps.insert(index, TypeRef::Map(Box::new(value.ty)));
            }
        }
    }

    /// A GET or HEAD request carries no body: a request body table there
    /// lists query parameters.
    fn body_is_query(&mut self, tables: &Tables<'_>, operation: &Operation) -> bool {
        let Some(t) = tables.iter().find(|t| t.role == Role::RequestBody) else {
            return false;
        };
        let method = operation.primary().method;
        if !matches!(method, Method::Get | Method::Head) {
            return false;
        }
        self.diagnostics.push(
            Diagnostic::warning(
                "body-of-get",
                format!(
                    "expected no request body for {}, found a request body table",
                    method.as_str()
                ),
                self.span(t.line),
                "read as query parameters",
            )
            .with_help("a GET or HEAD request has no body; caption the table \"Query Parameters\""),
        );
        true
    }

    /// Path, query and header parameters in page order.
    fn parameters(
        &mut self,
        tables: &Tables<'_>,
        uris: &[Uri],
        uri_lines: &[sections::UriLine],
        body_is_query: bool,
    ) -> Vec<Parameter> {
        let mut out = Vec::new();
        for (index, t) in tables.iter().enumerate() {
            let location = match &t.role {
                Role::Path | Role::UriParams => ParamLocation::Path,
                Role::Query => ParamLocation::Query,
                Role::RequestBody if body_is_query => ParamLocation::Query,
                Role::RequestHeaders => ParamLocation::Header,
                _ => continue,
            };
            for field in self.fields(index, tables) {
                let location = match t.role {
                    Role::UriParams if !in_path(uris, &field.name) => ParamLocation::Query,
                    _ => location,
                };
                out.push(Parameter { location, field });
            }
        }
        self.drop_host_parameters(&mut out, uri_lines);
        self.apply_uri_query(&mut out, uris, uri_lines);
        self.fix_misspelled_path_parameters(&mut out, uris);
        self.drop_repeated_parameters(&mut out);
        for p in &mut out {
            untyped_elements_as_strings(&mut p.field.ty);
            if p.location == ParamLocation::Query {
                repeated_as_array(&mut p.field);
            }
        }
        for p in out.iter_mut().filter(|p| p.location == ParamLocation::Path) {
            p.field.required = Some(true);
        }
        out
    }

    /// A parameter documented twice (a GET page listing a query parameter
    /// in a query table and again in a body table) is kept once, as first
    /// documented, with a warning; header names compare without case.
    fn drop_repeated_parameters(&mut self, parameters: &mut Vec<Parameter>) {
        let mut seen = BTreeSet::new();
        let mut repeated = Vec::new();
        parameters.retain(|p| {
            let name = match p.location {
                ParamLocation::Header => p.field.name.to_lowercase(),
                _ => p.field.name.clone(),
            };
            let first = seen.insert((p.location, name));
            if !first {
                repeated.push(
                    Diagnostic::warning(
                        "parameter-repeated",
                        format!(
                            "expected `{}` documented once, found it again",
                            p.field.name
                        ),
                        p.field.span.clone(),
                        "left out: the first row counts",
                    )
                    .with_help("remove the second row"),
                );
            }
            first
        });
        self.diagnostics.extend(repeated);
    }

    /// A URI-table row that names no placeholder, close to the one
    /// placeholder no row documents, is that placeholder misspelled
    /// (`flavors_id` for `{flavor_id}`): the URI decides the name on the
    /// wire.
    fn fix_misspelled_path_parameters(&mut self, parameters: &mut [Parameter], uris: &[Uri]) {
        let documented: BTreeSet<String> = parameters
            .iter()
            .filter(|p| p.location == ParamLocation::Path && in_path(uris, &p.field.name))
            .map(|p| p.field.name.clone())
            .collect();
        let undocumented: Vec<String> = placeholders(uris)
            .into_iter()
            .filter(|n| !documented.contains(n))
            .collect();
        let [placeholder] = undocumented.as_slice() else {
            return;
        };
        let mut close = parameters.iter_mut().filter(|p| {
            !in_path(uris, &p.field.name)
                && p.location != ParamLocation::Header
                && is_misspelling(&p.field.name, placeholder)
        });
        let (Some(parameter), None) = (close.next(), close.next()) else {
            return;
        };
        self.diagnostics.push(
            Diagnostic::warning(
                "path-param-misspelled",
                format!(
                    "expected a row for `{{{placeholder}}}` of the URI, found `{}`",
                    parameter.field.name
                ),
                parameter.field.span.clone(),
                format!("read as `{placeholder}`"),
            )
            .with_help(format!("rename the row to `{placeholder}`")),
        );
        parameter.field.name = placeholder.clone();
        parameter.location = ParamLocation::Path;
    }

    fn request_body(
        &mut self,
        tables: &Tables<'_>,
        id: &str,
        summary: &Text,
    ) -> Option<RequestBody> {
        let index = tables.iter().position(|t| t.role == Role::RequestBody)?;
        let t = &tables[index];
        let model = TypeRef::Model(request_body_name(id));
        let required = t
            .rows()
            .iter()
            .any(|r| r.mandatory.as_deref().and_then(fields::mandatory_answer) == Some(true));
        let first = BodyVariant {
            name: id.to_owned(),
            summary: summary.clone(),
            schema: tables.maps.get(&index).cloned().unwrap_or(model),
            span: self.span(t.line),
            tell: None,
        };
        let alternatives = alternative_bodies(tables, id).map(|(i, name, number)| BodyVariant {
            name: format!("{id}{number}"),
            summary: tables[i]
                .label
                .as_deref()
                .map_or_else(|| summary.clone(), |l| self.text(l)),
            schema: tables
                .maps
                .get(&i)
                .cloned()
                .unwrap_or_else(|| TypeRef::Model(name.to_owned())),
            span: self.span(tables[i].line),
            tell: None,
        });
        let mut variants = vec![first];
        variants.extend(alternatives);
        if variants.len() > 1 {
            // Each shape says its own; the first's label titles it too.
            if let Some(label) = &t.label {
                variants[0].summary = self.text(label.clone());
            }
        }
        Some(RequestBody { required, variants })
    }

    fn responses(&mut self, tables: &Tables<'_>, id: &str) -> Vec<Response> {
        let mut responses: Vec<Response> = Vec::new();
        for (index, t) in tables.iter().enumerate() {
            let status = match t.role {
                Role::ResponseHeaders(status) | Role::ResponseBody(status) => status,
                _ => continue,
            };
            let at = response_index(&mut responses, status, self.span(t.line));
            match t.role {
                Role::ResponseHeaders(_) => {
                    let headers = self.fields(index, tables);
                    responses[at].headers.extend(headers);
                }
                _ => {
                    let model = TypeRef::Model(response_body_name(id, status, tables));
                    responses[at].body = Some(tables.maps.get(&index).cloned().unwrap_or(model));
                }
            }
        }
        responses
    }

    /// Drops the model tables nothing on the page leads to, with a warning
    /// each: their rows cannot be placed in the operation.
    fn drop_unreferenced(
        &mut self,
        tables: &Tables<'_>,
        models: &mut Vec<Model>,
        operation: &Operation,
    ) {
        let reachable = reachable_models(models, operation);
        let alternatives: BTreeSet<usize> = alternative_bodies(tables, &operation.id)
            .map(|(index, _, _)| index)
            .collect();
        let mut scalar_referrers = None;
        for (index, t) in tables.iter().enumerate() {
            let Some(name) = t.model_name() else { continue };
            let used_as_map = tables.maps.contains_key(&index)
                && (tables.links.is_target(index) || alternatives.contains(&index));
            // A table copied from another page by a link serves the rows
            // that need it; the page itself never wrote it.
            if used_as_map || reachable.contains(name) || t.table.origin.is_some() {
                continue;
            }
            let referrers = scalar_referrers.get_or_insert_with(|| link::scalar_referrers(tables));
            let diagnostic = match t.number.and_then(|n| referrers.get(&n)).cloned() {
                Some((field, type_text)) => Diagnostic::warning(
                    "table-of-scalar-field",
                    format!("expected `{field}` to hold objects described by this table, found type `{type_text}`"),
                    self.span(t.line),
                    "the table lists what the field holds; its rows are not in the spec",
                )
                .with_help("type the field `<Name> object` if the table describes its objects"),
                // A table captioned with a model name that no Type cell
                // names contradicts the page itself: an error. A table
                // captioned in prose may only be one our links miss.
                None => Diagnostic::new(
                    if t.model_caption.is_some() { Severity::Error } else { Severity::Warning },
                    "table-unreferenced",
                    format!("expected a field typed `{name}` (or saying \"see Table N\"), found none"),
                    self.span(t.line),
                    "this table is never referenced; its rows are not in the spec",
                )
                .with_help("give the field that holds these objects the type `<Name> object` or `Array of <Name> objects`"),
            };
            let rows = t.rows().len();
            let diagnostic = diagnostic.degrading(format!(
                "nothing: the {} of table `{name}` are not in the spec",
                if rows == 1 {
                    "row".to_owned()
                } else {
                    format!("{rows} rows")
                }
            ));
            self.diagnostics.push(diagnostic);
        }
        models.retain(|m| reachable.contains(&m.name));
    }
}

/// The models reachable from the operation's parameters and bodies.
fn reachable_models(models: &[Model], operation: &Operation) -> BTreeSet<String> {
    let mut by_name: BTreeMap<&str, Vec<&Model>> = BTreeMap::new();
    for model in models {
        by_name.entry(&model.name).or_default().push(model);
    }
    let mut reachable = BTreeSet::new();
    let mut pending: Vec<&TypeRef> = operation.parameters.iter().map(|p| &p.field.ty).collect();
    pending.extend(
        operation
            .request_body
            .iter()
            .flat_map(|b| &b.variants)
            .map(|v| &v.schema),
    );
    pending.extend(operation.responses.iter().filter_map(|r| r.body.as_ref()));
    pending.extend(
        operation
            .responses
            .iter()
            .flat_map(|r| &r.headers)
            .map(|h| &h.ty),
    );
    while let Some(ty) = pending.pop() {
        let Some(Some(name)) = link::object_slot(ty) else {
            continue;
        };
        if reachable.insert(name.to_owned()) {
            pending.extend(
                by_name
                    .get(name)
                    .into_iter()
                    .flatten()
                    .flat_map(|m| &m.fields)
                    .map(|f| &f.ty),
            );
        }
    }
    reachable
}

/// The fields of alternative tables of one object, in order of first
/// appearance; a field is required only where every alternative requires it.
fn union_of(variants: Vec<Vec<Field>>) -> Vec<Field> {
    let count = variants.len();
    let mut out: Vec<(Field, usize)> = Vec::new();
    for field in variants.into_iter().flatten() {
        match out.iter_mut().find(|(f, _)| f.name == field.name) {
            Some((kept, seen)) => {
                *seen += 1;
                if field.required == Some(false) {
                    kept.required = Some(false);
                }
            }
            None => out.push((field, 1)),
        }
    }
    out.into_iter()
        .map(|(mut field, seen)| {
            if seen < count && field.required == Some(true) {
                field.required = Some(false);
            }
            field
        })
        .collect()
}

fn response_index(responses: &mut Vec<Response>, status: u16, span: Span) -> usize {
    if let Some(i) = responses.iter().position(|r| r.status == status) {
        return i;
    }
    responses.push(Response {
        status,
        description: Text::default(),
        headers: Vec::new(),
        body: None,
        examples: Vec::new(),
        span,
    });
    responses.len() - 1
}

/// True when the page states some part of an operation besides a URI
/// line: a section of one (URI, request, response, status codes,
/// examples) or a table. A page whose only URI line stands in running
/// text with neither documents no operation (an authentication guide's
/// `POST https://iam…/v3/auth/projects` example, as a copy that lost the
/// guide's own headings gives it).
fn states_an_operation(placed: &[Placed<'_>]) -> bool {
    placed.iter().any(|p| {
        !matches!(
            p.section,
            Section::Preamble | Section::Function | Section::Other
        ) || matches!(p.block.kind, BlockKind::Table(_))
    })
}

/// The lines of a block that may be URI lines, with their source lines: a
/// paragraph's or code block's (see [`sections::uri_line_text`]; `next` is the block
/// after it), a method/URI table's rows.
fn uri_lines_of(block: &Block, next: Option<&Block>) -> Vec<(String, u32)> {
    let text_of = |block: &Block| match &block.kind {
        BlockKind::Paragraph(text) | BlockKind::Code { text, .. } => Some(text.clone()),
        _ => None,
    };
    match &block.kind {
        BlockKind::Paragraph(text) | BlockKind::Code { text, .. } => {
            let following = next.and_then(text_of);
            vec![(
                sections::uri_line_text(text, following.as_deref()),
                block.line,
            )]
        }
        BlockKind::Table(table) => table::uri_table_lines(table).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A line starting with an HTTP method and a space (`POST  /v1/{ id }`).
fn starts_with_method(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    Method::parse(first).is_some() && text.trim_start().len() > first.len()
}

/// Every `{name}` of the URIs, in order, once.
fn placeholders(uris: &[Uri]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for uri in uris {
        for part in uri.path.split('{').skip(1) {
            let name = part.split('}').next().unwrap_or("").to_owned();
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn in_path(uris: &[Uri], name: &str) -> bool {
    uris.iter().any(|u| u.path.contains(&format!("{{{name}}}")))
}

/// Two names one or two letters apart (`flavors_id`, `flavor_id`).
fn is_misspelling(written: &str, meant: &str) -> bool {
    edit_distance(written, meant) <= 2 && written.chars().count().min(meant.chars().count()) > 3
}

/// The number of letters to insert, delete or replace, or of pairs of
/// neighbouring letters to swap, to turn `written` into `meant` (a swap is
/// a typist's slip: `Stirng` for `String`).
fn edit_distance(written: &str, meant: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (written.chars().collect(), meant.chars().collect());
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substituted = previous[j] + usize::from(ca != cb);
            let mut best = substituted.min(row[j] + 1).min(previous[j + 1] + 1);
            let swapped = i > 0 && j > 0 && a[i - 1] == *cb && *ca == b[j - 1];
            if swapped {
                best = best.min(before[j - 1] + 1);
            }
            row[j + 1] = best;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()]
}

/// The alternative request bodies [`tables::name_models`] named
/// `<Op>RequestBody2`, `<Op>RequestBody3`…: table index, model name and
/// number.
fn alternative_bodies<'t>(
    tables: &'t Tables<'_>,
    id: &str,
) -> impl Iterator<Item = (usize, &'t str, u32)> {
    let prefix = request_body_name(id);
    tables.iter().enumerate().filter_map(move |(i, t)| {
        let name = t.model_name()?;
        let number = name.strip_prefix(&prefix)?.parse().ok()?;
        Some((i, name, number))
    })
}

fn request_body_name(id: &str) -> String {
    format!("{id}RequestBody")
}

/// The first success status's body is `<Op>ResponseBody`; others carry
/// their status.
fn response_body_name(id: &str, status: u16, tables: &Tables<'_>) -> String {
    let first_success = tables.iter().find_map(|t| match t.role {
        Role::ResponseBody(s) if (200..300).contains(&s) => Some(s),
        _ => None,
    });
    if first_success == Some(status) {
        format!("{id}ResponseBody")
    } else {
        format!("{id}Response{status}Body")
    }
}

/// "Title - OperationName" → "Title": the title without the name it
/// states (see [`names`]).
fn split_title(title: &str) -> &str {
    match (title.rsplit_once(" - "), names::title_name(title)) {
        (Some((summary, _)), Some(_)) => summary.trim(),
        _ => title,
    }
}

/// "Querying Tenant Personalized Configurations" →
/// "QueryingTenantPersonalizedConfigurations".
fn id_from_title(title: &str) -> String {
    let id = upper_camel(title);
    if id.is_empty() {
        "Operation".to_owned()
    } else {
        id
    }
}

/// Words of ASCII letters and digits, each capitalised, joined.
pub fn upper_camel(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// "Help Center/ MetaStudio/ API Reference/ ..." above the title.
fn breadcrumb(blocks: &[Block], title: &str) -> Vec<String> {
    blocks
        .iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Heading { level: 1, .. }))
        .find_map(|b| match &b.kind {
            BlockKind::Paragraph(text) if text.contains("/ ") && text.ends_with(title) => {
                Some(text.split("/ ").map(|s| s.trim().to_owned()).collect())
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// True for the tables of path, query and header parameters.
fn holds_parameters(role: &Role) -> bool {
    matches!(
        role,
        Role::Path | Role::UriParams | Role::Query | Role::RequestHeaders
    )
}

/// A scalar query parameter the page says may be given several times
/// ("支持多个") is an array sent as a repeated parameter (`id=a&id=b`).
fn repeated_as_array(field: &mut Field) {
    let scalar = matches!(
        field.ty,
        TypeRef::String | TypeRef::Integer | TypeRef::Long | TypeRef::Number
    );
    let says = [&field.description.zh, &field.description.en]
        .into_iter()
        .flatten()
        .any(|text| prose::says_repeated(text));
    if scalar && says {
        let element = std::mem::replace(&mut field.ty, TypeRef::Object);
        field.ty = TypeRef::Array(Box::new(element));
        // Lengths and a default stated for one value do not fit the array;
        // the enumeration applies to each element.
        let c = &mut field.constraints;
        (c.min_length, c.max_length, c.default) = (None, None, None);
    }
}

/// A URL or header carries text, so a parameter typed only "Array" (its
/// element unsaid, read as objects) repeats a string value: `id=a&id=b`.
pub(super) fn untyped_elements_as_strings(ty: &mut TypeRef) {
    if let TypeRef::Array(element) = ty
        && **element == TypeRef::Object
    {
        **element = TypeRef::String;
    }
}

#[cfg(test)]
mod tests;
