//! Blocks → IR: the understanding of an API reference page.
//!
//! The page is walked once ([`walk`]) to place every block in its section
//! and status code; the URI lines, tables, examples and status codes are
//! then read from that placement. Tables are classified by caption and
//! section ([`sections::caption_kind`]), their rows become fields
//! ([`table`]), and description prose yields constraints ([`prose`]).

mod examples;
pub mod prose;
pub mod sections;
pub mod table;
pub mod types;

use std::collections::BTreeSet;

use apidoc_ir::{
    BodyVariant, Diagnostic, Fact, Field, Lang, Model, Operation, Page, ParamLocation, Parameter,
    RequestBody, Response, Span, Text, TypeRef, Uri,
};

use crate::{
    Parsed,
    blocks::{Block, BlockKind, Table},
};
use sections::{CaptionKind, Section};
use table::Column;

/// Reads one page's blocks into a [`Page`] and diagnostics.
pub fn read_page(file: &str, blocks: &[Block]) -> Parsed {
    let placed = walk(blocks);
    let mut reader = Reader { file, lang: language(blocks), diagnostics: Vec::new() };
    let page = reader.page(blocks, &placed);
    Parsed { page, diagnostics: reader.diagnostics }
}

/// A block with the section and status code it stands under.
#[derive(Clone, Copy, Debug)]
struct Placed<'a> {
    block: &'a Block,
    section: Section,
    status: Option<u16>,
}

/// Places every top-level block in its section and under its status line.
fn walk(blocks: &[Block]) -> Vec<Placed<'_>> {
    let mut section = Section::Preamble;
    let mut status = None;
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { level, text } if *level >= 2 => {
                let next = sections::section_of(text);
                if let Some(code) = sections::status_line(text) {
                    status = Some(code);
                } else if next != Section::Other || section != Section::Response {
                    section = next;
                    status = None;
                }
            }
            BlockKind::Paragraph(text) => {
                if let Some(code) = sections::status_line(text) {
                    status = Some(code);
                }
            }
            _ => {}
        }
        out.push(Placed { block, section, status });
    }
    out
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

/// What a parameter table turned out to hold.
#[derive(Clone, Debug, PartialEq)]
enum Role {
    /// Path and/or query parameters (older pages mix them in one table).
    UriParams,
    Path,
    Query,
    RequestHeaders,
    RequestBody,
    ResponseHeaders(u16),
    ResponseBody(u16),
    StatusCodes,
    /// A model with its final name.
    Model(String),
    /// Not a parameter table.
    Other,
}

/// A table of the page with what it holds.
struct PageTable<'a> {
    table: &'a Table,
    number: Option<u32>,
    role: Role,
    /// For tables describing one object field: the field name.
    field_hint: Option<String>,
    line: u32,
}

struct Reader<'f> {
    file: &'f str,
    lang: Lang,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn span(&self, line: u32) -> Span {
        Span::new(self.file, line)
    }

    fn text(&self, text: impl Into<String>) -> Text {
        Text::in_lang(self.lang, text)
    }

    fn page(&mut self, blocks: &[Block], placed: &[Placed<'_>]) -> Option<Page> {
        let (title, title_line) = self.title(blocks)?;
        let (summary, explicit_id) = split_title(&title);
        let uris = self.uris(placed);
        if uris.is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(
                    "not-an-api-page",
                    "expected a URI line such as `GET /v1/{project_id}/...` in a URI section, found none",
                    self.span(title_line),
                    "this page documents no operation",
                )
                .with_help("overview, appendix and error-code pages are skipped; if this is an API page, check its URI section"),
            );
            return None;
        }
        let id = explicit_id.clone().or_else(|| id_from_file(self.file)).unwrap_or_else(|| id_from_title(summary));
        let id_is_explicit = explicit_id.is_some() || id_from_file(self.file).is_some();
        let mut tables = self.classify_tables(placed, &id, &uris);
        let models = self.models(&mut tables, &id);
        let mut operation = Operation {
            id: id.clone(),
            id_is_explicit,
            uris,
            summary: self.text(summary),
            description: self.function_text(placed),
            parameters: self.parameters(&tables, &models),
            request_body: None,
            responses: Vec::new(),
            request_examples: Vec::new(),
            status_codes: Vec::new(),
            sources: vec![self.file.to_owned()],
        };
        operation.request_body = self.request_body(&tables, &id, &operation.summary);
        operation.responses = self.responses(&tables, &id);
        self.read_examples_and_codes(placed, &tables, &mut operation);
        let mut page_models = self.body_models(&tables, &id, &models);
        page_models.extend(models);
        self.report_unreferenced(&tables, &page_models, &operation);
        Some(Page {
            file: self.file.to_owned(),
            lang: self.lang,
            breadcrumb: breadcrumb(blocks, &title),
            title: Fact::new(title, self.span(title_line)),
            operation,
            models: page_models,
        })
    }

    fn title(&mut self, blocks: &[Block]) -> Option<(String, u32)> {
        let found = blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Heading { level: 1, text } => Some((text.clone(), b.line)),
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

    fn uris(&self, placed: &[Placed<'_>]) -> Vec<Uri> {
        let in_uri_section = |p: &&Placed<'_>| p.section == Section::Uri;
        let before_body = |p: &&Placed<'_>| matches!(p.section, Section::Preamble | Section::Function | Section::Uri);
        let pick = |filter: &dyn Fn(&&Placed<'_>) -> bool| -> Vec<Uri> {
            placed
                .iter()
                .filter(filter)
                .filter_map(|p| match &p.block.kind {
                    BlockKind::Paragraph(text) | BlockKind::Code { text, .. } => {
                        let (method, path) = sections::uri_line(text.lines().next().unwrap_or(""))?;
                        Some(Uri { method, path, span: self.span(p.block.line) })
                    }
                    _ => None,
                })
                .collect()
        };
        let mut uris = pick(&in_uri_section);
        if uris.is_empty() {
            uris = pick(&before_body);
        }
        let mut seen = BTreeSet::new();
        uris.retain(|u| seen.insert((u.method, u.path.clone())));
        uris
    }

    fn function_text(&self, placed: &[Placed<'_>]) -> Text {
        let paragraphs: Vec<&str> = placed
            .iter()
            .filter(|p| p.section == Section::Function)
            .filter_map(|p| match &p.block.kind {
                BlockKind::Paragraph(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        if paragraphs.is_empty() { Text::default() } else { self.text(paragraphs.join("\n\n")) }
    }

    /// Gives each table its role from caption and section.
    fn classify_tables<'a>(&mut self, placed: &[Placed<'a>], id: &str, uris: &[Uri]) -> Vec<PageTable<'a>> {
        let mut out: Vec<PageTable<'a>> = Vec::new();
        for p in placed {
            let BlockKind::Table(table) = &p.block.kind else { continue };
            let (number, caption) = sections::caption_parts(table.caption.as_deref().unwrap_or(""));
            let kind = if table.caption.is_some() { sections::caption_kind(&caption) } else { CaptionKind::Generic };
            let is_status_table = table::columns(table).is_some_and(|c| c.first() == Some(&Column::Status));
            let status = p.status.unwrap_or(200);
            let body_taken = |role: &Role| out.iter().any(|t| &t.role == role);
            let (role, field_hint) = match kind {
                _ if is_status_table => (Role::StatusCodes, None),
                CaptionKind::Path => (Role::Path, None),
                CaptionKind::Query => (Role::Query, None),
                CaptionKind::Headers if p.section == Section::Response || p.status.is_some() => {
                    (Role::ResponseHeaders(status), None)
                }
                CaptionKind::Headers => (Role::RequestHeaders, None),
                CaptionKind::RequestBody if !body_taken(&Role::RequestBody) => (Role::RequestBody, None),
                CaptionKind::ResponseBody if !body_taken(&Role::ResponseBody(status)) => {
                    (Role::ResponseBody(status), None)
                }
                CaptionKind::StatusCodes => (Role::StatusCodes, None),
                CaptionKind::Model(name) => (Role::Model(name), None),
                CaptionKind::FieldOf(field) => (Role::Model(String::new()), Some(field)),
                CaptionKind::Generic => match p.section {
                    Section::Uri | Section::Preamble | Section::Function => (Role::UriParams, None),
                    Section::Request if !body_taken(&Role::RequestBody) => (Role::RequestBody, None),
                    Section::Response if !body_taken(&Role::ResponseBody(status)) => {
                        (Role::ResponseBody(status), None)
                    }
                    Section::Request | Section::Response => (Role::Model(String::new()), None),
                    _ => (Role::Other, None),
                },
                CaptionKind::RequestBody | CaptionKind::ResponseBody => (Role::Model(String::new()), None),
                CaptionKind::Other => (Role::Other, None),
            };
            let role = match role {
                Role::UriParams => split_uri_role(table, uris),
                Role::Model(name) if name.is_empty() => {
                    Role::Model(derived_model_name(id, field_hint.as_deref(), number))
                }
                other => other,
            };
            if role == Role::Other && table::columns(table).is_some_and(|c| c.contains(&Column::Type)) {
                self.diagnostics.push(Diagnostic::warning(
                    "table-unclassified",
                    format!("expected a caption naming what the table holds, found {caption:?}"),
                    self.span(p.block.line),
                    "this table's rows are not in the spec",
                ));
            }
            out.push(PageTable { table, number, role, field_hint, line: p.block.line });
        }
        out
    }

    /// Model tables → models, with every field's type resolved against the
    /// page's tables.
    fn models(&mut self, tables: &mut [PageTable<'_>], _id: &str) -> Vec<Model> {
        let mut models = Vec::new();
        for index in 0..tables.len() {
            let Role::Model(name) = &tables[index].role else { continue };
            let name = name.clone();
            let fields = self.fields(&tables[index], tables);
            models.push(Model {
                name,
                description: Text::default(),
                fields,
                span: self.span(tables[index].line),
            });
        }
        models
    }

    /// The top-level request and response body tables as models named after
    /// the operation.
    fn body_models(&mut self, tables: &[PageTable<'_>], id: &str, _models: &[Model]) -> Vec<Model> {
        let mut out = Vec::new();
        for t in tables {
            let name = match t.role {
                Role::RequestBody => request_body_name(id),
                Role::ResponseBody(status) => response_body_name(id, status, tables),
                _ => continue,
            };
            let fields = self.fields(t, tables);
            out.push(Model { name, description: Text::default(), fields, span: self.span(t.line) });
        }
        out
    }

    /// A table's rows as fields.
    fn fields(&mut self, t: &PageTable<'_>, tables: &[PageTable<'_>]) -> Vec<Field> {
        let Some(columns) = self.columns(t) else { return Vec::new() };
        table::rows(t.table, &columns)
            .into_iter()
            .filter_map(|row| self.field(&row, &columns, tables))
            .collect()
    }

    fn columns(&mut self, t: &PageTable<'_>) -> Option<Vec<Column>> {
        let columns = table::columns(t.table);
        if columns.is_none() {
            let found = t.table.header.last().map(|h| h.iter().map(|c| c.text()).collect::<Vec<_>>().join(" | "));
            self.diagnostics.push(
                Diagnostic::error(
                    "table-header-unknown",
                    format!(
                        "expected a header row starting with Parameter/参数, found {}",
                        found.map_or_else(|| "no header row".to_owned(), |f| format!("`{f}`"))
                    ),
                    self.span(t.line),
                    "cannot tell which column is which",
                )
                .with_help("add the header row to the page, or teach `read::table::column_of` the header word"),
            );
        }
        columns
    }

    fn field(&mut self, row: &table::Row<'_>, columns: &[Column], tables: &[PageTable<'_>]) -> Option<Field> {
        let span = self.span(row.line);
        if row.name.is_empty() {
            self.diagnostics.push(missing_cell(span, "Parameter", row));
            return None;
        }
        let ty = match (&row.type_text, columns.contains(&Column::Type)) {
            (Some(text), true) if text.is_empty() => {
                self.diagnostics.push(missing_cell(span, "Type", row));
                return None;
            }
            (Some(text), true) => match types::parse_type(text) {
                Some(ty) => ty,
                None => {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "unknown-type",
                            format!("expected a type such as String, Integer, Boolean, \"Array of X objects\" or a model name, found `{text}`"),
                            span,
                            format!("type of `{}`", row.name),
                        )
                        .with_help("fix the Type cell, or teach `read::types::parse_type` this spelling"),
                    );
                    return None;
                }
            },
            _ => TypeRef::String,
        };
        let ty = self.resolve_type(ty, row, tables);
        let required = row.mandatory.as_deref().and_then(|m| self.mandatory(m, &span));
        let mut constraints = prose::constraints(&row.prose, &ty, self.file);
        if self.lang == Lang::Zh {
            for value in &mut constraints.enum_values {
                value.description = Text { en: None, zh: value.description.en.take() };
            }
        }
        let description = prose::description(&row.prose);
        Some(Field {
            name: row.name.clone(),
            required,
            ty,
            type_text: row.type_text.clone().unwrap_or_default(),
            description: if description.is_empty() { Text::default() } else { self.text(description) },
            constraints,
            span,
        })
    }

    fn mandatory(&mut self, text: &str, span: &Span) -> Option<bool> {
        match text.trim().to_lowercase().as_str() {
            "yes" | "true" | "mandatory" | "required" | "是" | "必选" | "y" => Some(true),
            "no" | "false" | "optional" | "否" | "可选" | "n" => Some(false),
            "" => None,
            other => {
                self.diagnostics.push(Diagnostic::warning(
                    "mandatory-unknown",
                    format!("expected Yes or No in the Mandatory column, found `{other}`"),
                    span.clone(),
                    "treated as not mandatory",
                ));
                None
            }
        }
    }

    /// Links object-typed fields to the tables that describe them: by model
    /// name, by "see Table N", or by a "<field> field description" caption.
    fn resolve_type(&mut self, ty: TypeRef, row: &table::Row<'_>, tables: &[PageTable<'_>]) -> TypeRef {
        match ty {
            TypeRef::Array(inner) => TypeRef::Array(Box::new(self.resolve_type(*inner, row, tables))),
            TypeRef::Model(name) if model_table(tables, &name).is_some() => TypeRef::Model(name),
            TypeRef::Model(_) | TypeRef::Object => match linked_table(row, tables) {
                Some(name) => TypeRef::Model(name),
                None => self.unresolved(ty, row),
            },
            other => other,
        }
    }

    fn unresolved(&mut self, ty: TypeRef, row: &table::Row<'_>) -> TypeRef {
        if let TypeRef::Model(name) = &ty {
            self.diagnostics.push(
                Diagnostic::warning(
                    "model-undefined",
                    format!("expected a table describing `{name}`, found none on this page"),
                    self.span(row.line),
                    format!("`{}` is typed `{name}`", row.name),
                )
                .with_help("the field is emitted as a free-form object"),
            );
        }
        TypeRef::Object
    }

    fn parameters(&mut self, tables: &[PageTable<'_>], _models: &[Model]) -> Vec<Parameter> {
        let mut out = Vec::new();
        for t in tables {
            let location = match &t.role {
                Role::Path => ParamLocation::Path,
                Role::Query => ParamLocation::Query,
                Role::RequestHeaders => ParamLocation::Header,
                _ => continue,
            };
            for mut field in self.fields(t, tables) {
                if location == ParamLocation::Path {
                    field.required = Some(true);
                }
                out.push(Parameter { location, field });
            }
        }
        out
    }

    fn request_body(&mut self, tables: &[PageTable<'_>], id: &str, summary: &Text) -> Option<RequestBody> {
        let t = tables.iter().find(|t| t.role == Role::RequestBody)?;
        let required = table::columns(t.table).is_some_and(|columns| {
            table::rows(t.table, &columns).iter().any(|r| r.mandatory.as_deref().is_some_and(is_yes))
        });
        Some(RequestBody {
            required,
            variants: vec![BodyVariant {
                name: id.to_owned(),
                summary: summary.clone(),
                schema: TypeRef::Model(request_body_name(id)),
                span: self.span(t.line),
            }],
        })
    }

    fn responses(&mut self, tables: &[PageTable<'_>], id: &str) -> Vec<Response> {
        let mut responses: Vec<Response> = Vec::new();
        for t in tables {
            let status = match t.role {
                Role::ResponseHeaders(status) | Role::ResponseBody(status) => status,
                _ => continue,
            };
            let index = response_index(&mut responses, status, self.span(t.line));
            match t.role {
                Role::ResponseHeaders(_) => {
                    let headers = self.fields(t, tables);
                    responses[index].headers.extend(headers);
                }
                _ => responses[index].body = Some(TypeRef::Model(response_body_name(id, status, tables))),
            }
        }
        responses
    }

    fn report_unreferenced(&mut self, tables: &[PageTable<'_>], models: &[Model], operation: &Operation) {
        let mut used = BTreeSet::new();
        for model in models {
            for field in &model.fields {
                collect_models(&field.ty, &mut used);
            }
        }
        for p in &operation.parameters {
            collect_models(&p.field.ty, &mut used);
        }
        for t in tables {
            let Role::Model(name) = &t.role else { continue };
            let referenced = used.contains(name) || models.iter().any(|m| &m.name == name && is_body_model(name, operation));
            if !referenced {
                self.diagnostics.push(
                    Diagnostic::error(
                        "table-unreferenced",
                        format!("expected a field typed `{name}` (or saying \"see Table N\"), found none"),
                        self.span(t.line),
                        "this table is never referenced",
                    )
                    .with_help("give the field that holds these objects the type `<Name> object` or `Array of <Name> objects`"),
                );
            }
        }
    }
}

fn is_yes(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "yes" | "true" | "mandatory" | "required" | "是" | "必选" | "y")
}

fn is_body_model(name: &str, operation: &Operation) -> bool {
    operation.responses.iter().any(|r| r.body == Some(TypeRef::Model(name.to_owned())))
        || operation.request_body.iter().flat_map(|b| &b.variants).any(|v| v.schema == TypeRef::Model(name.to_owned()))
}

fn collect_models(ty: &TypeRef, out: &mut BTreeSet<String>) {
    match ty {
        TypeRef::Model(name) => {
            out.insert(name.clone());
        }
        TypeRef::Array(inner) | TypeRef::Map(inner) => collect_models(inner, out),
        _ => {}
    }
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

fn missing_cell(span: Span, column: &str, row: &table::Row<'_>) -> Diagnostic {
    let found: Vec<String> = row.cells.iter().map(|c| format!("`{}`", c.text().replace('\n', " "))).collect();
    Diagnostic::error(
        "row-missing-cell",
        format!("expected a {column} cell in this row, found an empty one (row: {})", found.join(", ")),
        span,
        format!("{column} missing"),
    )
    .with_help("every row needs a value in each of the table's fixed columns")
}

/// The model a table of the page defines under `name`.
fn model_table<'t, 'a>(tables: &'t [PageTable<'a>], name: &str) -> Option<&'t PageTable<'a>> {
    tables.iter().find(|t| matches!(&t.role, Role::Model(n) if n == name))
}

/// The model table an object field points at: "see Table N" in its
/// description, else a table captioned after the field.
fn linked_table(row: &table::Row<'_>, tables: &[PageTable<'_>]) -> Option<String> {
    let description: String = row.prose.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
    let by_number = sections::table_references(&description).into_iter().find_map(|n| {
        tables.iter().find(|t| t.number == Some(n)).and_then(|t| match &t.role {
            Role::Model(name) => Some(name.clone()),
            _ => None,
        })
    });
    by_number.or_else(|| {
        tables.iter().find_map(|t| match (&t.role, &t.field_hint) {
            (Role::Model(name), Some(hint)) if hint == &row.name => Some(name.clone()),
            _ => None,
        })
    })
}

/// A URI-section table without a clear caption: its rows named in the URI
/// path are path parameters; if none are, it holds query parameters.
fn split_uri_role(table: &Table, uris: &[Uri]) -> Role {
    let Some(columns) = table::columns(table) else { return Role::Path };
    let in_path = |name: &str| uris.iter().any(|u| u.path.contains(&format!("{{{name}}}")));
    let rows = table::rows(table, &columns);
    if rows.iter().any(|r| in_path(&r.name)) { Role::Path } else { Role::Query }
}

fn request_body_name(id: &str) -> String {
    format!("{id}RequestBody")
}

/// The first success status's body is `<Op>ResponseBody`; others carry
/// their status.
fn response_body_name(id: &str, status: u16, tables: &[PageTable<'_>]) -> String {
    let first_success = tables.iter().find_map(|t| match t.role {
        Role::ResponseBody(s) if (200..300).contains(&s) => Some(s),
        _ => None,
    });
    if first_success == Some(status) { format!("{id}ResponseBody") } else { format!("{id}Response{status}Body") }
}

/// A model for a table without a model-name caption: named after the
/// operation and the field it describes (or its table number).
fn derived_model_name(id: &str, field: Option<&str>, number: Option<u32>) -> String {
    match field {
        Some(field) => format!("{id}{}", upper_camel(field)),
        None => format!("{id}Table{}", number.unwrap_or(0)),
    }
}

/// "Title - OperationName" → ("Title", Some("OperationName")).
fn split_title(title: &str) -> (&str, Option<String>) {
    match title.rsplit_once(" - ") {
        Some((summary, name)) if types::is_model_name(name.trim()) => (summary.trim(), Some(name.trim().to_owned())),
        _ => (title, None),
    }
}

/// Files named after their operation (`CreateDatasetVersion.html`).
fn id_from_file(file: &str) -> Option<String> {
    let stem = file.rsplit('/').next()?.split('.').next()?;
    (types::is_model_name(stem) && stem.chars().next().is_some_and(char::is_uppercase) && stem.chars().any(char::is_lowercase))
        .then(|| stem.to_owned())
}

/// "Querying Tenant Personalized Configurations" →
/// "QueryingTenantPersonalizedConfigurations".
fn id_from_title(title: &str) -> String {
    let id = upper_camel(title);
    if id.is_empty() { "Operation".to_owned() } else { id }
}

/// Words of ASCII letters and digits, each capitalised, joined.
pub fn upper_camel(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_names() {
        assert_eq!(
            split_title("设置租户服务配置 - UpdateTenantServiceConfigs"),
            ("设置租户服务配置", Some("UpdateTenantServiceConfigs".to_owned()))
        );
        assert_eq!(split_title("Starting an ECS"), ("Starting an ECS", None));
        assert_eq!(id_from_title("Querying Tenant Personalized Configurations"), "QueryingTenantPersonalizedConfigurations");
        assert_eq!(id_from_file("modelarts/CreateDatasetVersion.html").as_deref(), Some("CreateDatasetVersion"));
        assert_eq!(id_from_file("metastudio/000_37ecb5e41607ce1b.txt"), None);
        assert_eq!(id_from_file("ecs/en-us_topic_0020212648.html"), None);
    }
}
