//! Parameter tables: which column is which, and each row's cells.

use apidoc_ir::TypeRef;

use crate::blocks::{Block, BlockKind, Cell, Table, normalise};

use super::prose::ProseLine;

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// Parameter / field name.
    Name,
    /// Mandatory (Yes/No).
    Mandatory,
    /// Type.
    Type,
    /// Description.
    Description,
    /// An HTTP status code (Status Codes tables).
    Status,
    /// Any other column (e.g. "Default Value", "Value Range"): its header
    /// text, folded into the description as "Header: value".
    Other(String),
}

/// Header words, in lower case, of the columns the reader picks out.
const COLUMN_WORDS: &[(&str, Column)] = &[
    ("parameter", Column::Name),
    ("parameters", Column::Name),
    ("name", Column::Name),
    ("parameter name", Column::Name),
    ("field", Column::Name),
    ("field name", Column::Name),
    ("attribute", Column::Name),
    ("attribute name", Column::Name),
    ("property", Column::Name),
    ("property name", Column::Name),
    ("key", Column::Name),
    ("element", Column::Name),
    ("header", Column::Name),
    ("header name", Column::Name),
    ("参数", Column::Name),
    ("参数名", Column::Name),
    ("参数名称", Column::Name),
    ("名称", Column::Name),
    ("字段", Column::Name),
    ("字段名", Column::Name),
    ("字段名称", Column::Name),
    ("属性", Column::Name),
    ("属性名", Column::Name),
    ("mandatory", Column::Mandatory),
    ("required", Column::Mandatory),
    ("mandatory or not", Column::Mandatory),
    ("required or not", Column::Mandatory),
    ("is mandatory", Column::Mandatory),
    ("is required", Column::Mandatory),
    ("mandatory/optional", Column::Mandatory),
    ("optional/mandatory", Column::Mandatory),
    ("m/o", Column::Mandatory),
    ("是否必选", Column::Mandatory),
    ("是否为必选", Column::Mandatory),
    ("必选", Column::Mandatory),
    ("是否必填", Column::Mandatory),
    ("必填", Column::Mandatory),
    ("是否必须", Column::Mandatory),
    ("必须", Column::Mandatory),
    ("type", Column::Type),
    ("data type", Column::Type),
    ("datatype", Column::Type),
    ("parameter type", Column::Type),
    ("value type", Column::Type),
    ("field type", Column::Type),
    ("参数类型", Column::Type),
    ("类型", Column::Type),
    ("数据类型", Column::Type),
    ("字段类型", Column::Type),
    ("description", Column::Description),
    ("descriptions", Column::Description),
    ("remarks", Column::Description),
    ("remark", Column::Description),
    ("meaning", Column::Description),
    ("details", Column::Description),
    ("explanation", Column::Description),
    ("note", Column::Description),
    ("notes", Column::Description),
    ("comment", Column::Description),
    ("comments", Column::Description),
    ("definition", Column::Description),
    ("描述", Column::Description),
    ("说明", Column::Description),
    ("参数说明", Column::Description),
    ("参数描述", Column::Description),
    ("含义", Column::Description),
    ("备注", Column::Description),
    ("状态码说明", Column::Description),
    ("status code", Column::Status),
    ("status codes", Column::Status),
    ("http status code", Column::Status),
    ("return code", Column::Status),
    ("returned value", Column::Status),
    ("状态码", Column::Status),
    ("返回值", Column::Status),
    ("http状态码", Column::Status),
];

/// Header words, in lower case, of columns folded into the description
/// (as [`Column::Other`]): listed so that a front end seeing no header
/// markup knows them for header words.
const OTHER_COLUMN_WORDS: &[&str] = &[
    "default value",
    "default",
    "value range",
    "value",
    "values",
    "constraint",
    "constraints",
    "example",
    "example value",
    "error code",
    "error message",
    "solution",
    "handling measure",
    "默认值",
    "取值范围",
    "约束",
    "示例",
    "错误码",
    "编码",
    "错误信息",
    "处理措施",
];

/// A header cell in lower case, without what is no part of its word (a
/// colon or full stop after it: "说明。").
fn header_key(header: &str) -> String {
    normalise(header)
        .trim_end_matches([':', '：', '.', '。'])
        .to_lowercase()
}

/// Reads a header cell.
pub fn column_of(header: &str) -> Column {
    let key = header_key(header);
    COLUMN_WORDS
        .iter()
        .find(|(word, _)| *word == key)
        .map_or_else(
            || Column::Other(header.trim().to_owned()),
            |(_, c)| c.clone(),
        )
}

/// True when `text` is a header word the vocabulary knows, of a column the
/// reader picks out or of one it folds into the description.
pub fn is_column_word(text: &str) -> bool {
    let key = header_key(text);
    COLUMN_WORDS.iter().any(|(word, _)| *word == key) || OTHER_COLUMN_WORDS.contains(&key.as_str())
}

/// The roles of a table's columns; `None` when no row names the table's
/// first column as parameters or status codes.
pub fn columns(table: &Table) -> Option<Vec<Column>> {
    header_row(table).map(|(cells, _)| column_roles(cells))
}

/// True when the columns are a parameter table's: the first names fields.
pub fn lists_fields(columns: &[Column]) -> bool {
    columns.first() == Some(&Column::Name)
}

/// True when the columns are a Status Codes table's.
pub fn lists_statuses(columns: &[Column]) -> bool {
    columns.first() == Some(&Column::Status)
}

/// The row naming the columns and how many body rows it takes: the last
/// header row, or, in a table whose markup marks no header, a first body
/// row that reads as one.
fn header_row(table: &Table) -> Option<(&[Cell], usize)> {
    let names_columns = |cells: &[Cell]| {
        matches!(
            column_roles(cells).first(),
            Some(Column::Name | Column::Status)
        )
    };
    match table.header.last() {
        Some(header) => names_columns(header).then_some((header.as_slice(), 0)),
        None => table
            .rows
            .first()
            .filter(|row| names_columns(row))
            .map(|row| (row.as_slice(), 1)),
    }
}

fn column_roles(cells: &[Cell]) -> Vec<Column> {
    cells.iter().map(|c| column_of(&c.text())).collect()
}

/// Header words of a table listing an operation's method and URI
/// ("请求方法 | URI" in the URI section of older pages).
const METHOD_HEADERS: [&str; 6] = [
    "method",
    "http method",
    "request method",
    "请求方法",
    "方法",
    "http请求方法",
];
const URI_HEADERS: [&str; 6] = ["uri", "url", "path", "request uri", "请求uri", "请求路径"];

/// True for the header of a table listing methods and URIs: a method
/// column's word, then a URI column's ("请求方法", "URI").
pub fn is_method_uri_header(method: &str, uri: &str) -> bool {
    let key = |text: &str| normalise(text).trim_end_matches([':', '：']).to_lowercase();
    METHOD_HEADERS.contains(&key(method).as_str()) && URI_HEADERS.contains(&key(uri).as_str())
}

/// The rows of a table listing methods and URIs, each as the URI line it
/// stands for (`POST /v1.0/apigw/vpc-channels/{id}/members`) with its
/// line; `None` for any other table.
pub fn uri_table_lines(table: &Table) -> Option<Vec<(String, u32)>> {
    let header = table.header.last().or(table.rows.first())?;
    let words: Vec<String> = header
        .iter()
        .map(|c| {
            normalise(&c.text())
                .trim_end_matches([':', '：'])
                .to_lowercase()
        })
        .collect();
    let column = |names: &[&str]| words.iter().position(|w| names.contains(&w.as_str()));
    let (method, uri) = (column(&METHOD_HEADERS)?, column(&URI_HEADERS)?);
    let skip = usize::from(table.header.is_empty());
    let lines = table
        .rows
        .iter()
        .skip(skip)
        .filter_map(|cells| {
            let text = |at: usize| cells.get(at).map(|c| normalise(&c.text()));
            let line = format!("{} {}", text(method)?, text(uri)?);
            Some((line, cells.first().map_or(0, |c| c.line)))
        })
        .collect();
    Some(lines)
}

/// One body row, its cells picked out by role.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    /// The name cell's text.
    pub name: String,
    /// The Mandatory cell's text, if the table has the column.
    pub mandatory: Option<String>,
    /// The Type cell's text, if the table has the column.
    pub type_text: Option<String>,
    /// The Type cell read ([`super::types::parse_type`]), once for every
    /// step of the reader: `None` without the column or where the cell
    /// cannot be read.
    pub ty: Option<TypeRef>,
    /// The description, with other columns folded in.
    pub prose: Vec<ProseLine>,
    /// The row's line.
    pub line: u32,
    /// The row's cells, for diagnostics.
    pub cells: &'a [Cell],
}

impl Row<'_> {
    /// The table numbers the Type cell ("参见表4", "表2 object") and the
    /// description ("For details, see Table 4") name, in order.
    pub fn table_references(&self) -> Vec<u32> {
        let text: Vec<&str> = self
            .type_text
            .iter()
            .map(String::as_str)
            .chain(self.prose.iter().map(|l| l.text.as_str()))
            .collect();
        super::sections::table_references(&text.join(" "))
    }
}

/// Picks each row's cells by column role. Rows without content (blank
/// rows, and rows one cell spans whole, which title a group of rows) hold
/// no field and are left out.
pub fn rows<'a>(table: &'a Table, columns: &[Column]) -> Vec<Row<'a>> {
    let skip = header_row(table).map_or(0, |(_, taken)| taken);
    table
        .rows
        .iter()
        .skip(skip)
        .filter(|cells| holds_field(cells))
        .map(|cells| row(cells, columns))
        .collect()
}

fn holds_field(cells: &[Cell]) -> bool {
    let texts: Vec<String> = cells.iter().map(|c| normalise(&c.text())).collect();
    let blank = texts.iter().all(String::is_empty);
    let spanned = texts.len() > 1 && texts.iter().all(|t| t == &texts[0]);
    !blank && !spanned
}

fn row<'a>(cells: &'a [Cell], columns: &[Column]) -> Row<'a> {
    let mut out = Row {
        name: String::new(),
        mandatory: None,
        type_text: None,
        ty: None,
        prose: Vec::new(),
        line: cells.first().map_or(0, |c| c.line),
        cells,
    };
    let mut others = Vec::new();
    for (cell, column) in cells.iter().zip(columns) {
        match column {
            Column::Name | Column::Status => out.name = normalise(&cell.text()),
            Column::Mandatory => out.mandatory = Some(normalise(&cell.text())),
            Column::Type => out.type_text = Some(normalise(&cell.text())),
            Column::Description => out.prose.extend(prose_lines(&cell.blocks, cell.line)),
            Column::Other(header) => others.extend(labelled(header, cell)),
        }
    }
    out.prose.extend(others);
    out.ty = out.type_text.as_deref().and_then(super::types::parse_type);
    out
}

/// "Header: value" lines for an extra column, so prose rules see it.
fn labelled(header: &str, cell: &Cell) -> Option<ProseLine> {
    let text = normalise(&cell.text());
    (!text.is_empty()).then(|| ProseLine {
        text: format!("{header}: {text}"),
        line: cell.line,
        bullet: false,
    })
}

/// A cell's blocks as prose lines: one per paragraph or list item.
pub fn prose_lines(blocks: &[Block], fallback_line: u32) -> Vec<ProseLine> {
    let mut out = Vec::new();
    push_prose(blocks, false, fallback_line, &mut out);
    out
}

fn push_prose(blocks: &[Block], bullet: bool, fallback_line: u32, out: &mut Vec<ProseLine>) {
    for block in blocks {
        let line = if block.line == 0 {
            fallback_line
        } else {
            block.line
        };
        match &block.kind {
            BlockKind::Paragraph(text)
            | BlockKind::Heading { text, .. }
            | BlockKind::Code { text, .. } => {
                if !text.trim().is_empty() {
                    out.push(ProseLine {
                        text: normalise(text),
                        line,
                        bullet,
                    });
                }
            }
            BlockKind::List { items, .. } => {
                for item in items {
                    push_prose(item, true, line, out);
                }
            }
            BlockKind::Note(inner) => push_prose(inner, bullet, line, out),
            BlockKind::Table(table) => {
                for cells in table.header.iter().chain(&table.rows) {
                    let text = cells
                        .iter()
                        .map(|c| normalise(&c.text()))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    out.push(ProseLine { text, line, bullet });
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A table from rows of cell texts, the first `header` rows as header.
    pub(crate) fn table(caption: &str, header: usize, rows: &[&[&str]]) -> Table {
        let cells = |(r, row): (usize, &&[&str])| -> Vec<Cell> {
            let line = u32::try_from(r).unwrap_or(0) + 10;
            row.iter()
                .map(|text| Cell {
                    blocks: if text.is_empty() {
                        Vec::new()
                    } else {
                        vec![Block::new(BlockKind::Paragraph((*text).to_owned()), line)]
                    },
                    line,
                })
                .collect()
        };
        let mut all: Vec<Vec<Cell>> = rows.iter().enumerate().map(cells).collect();
        let body = all.split_off(header.min(all.len()));
        Table {
            caption: (!caption.is_empty()).then(|| caption.to_owned()),
            header: all,
            rows: body,
            anchor: None,
            origin: None,
        }
    }

    #[test]
    fn header_words() {
        assert_eq!(column_of("Parameter"), Column::Name);
        assert_eq!(column_of(" Field  Name "), Column::Name);
        assert_eq!(column_of("Mandatory/Optional"), Column::Mandatory);
        assert_eq!(column_of("Data Type"), Column::Type);
        assert_eq!(column_of("参数说明"), Column::Description);
        assert_eq!(column_of("说明。"), Column::Description);
        assert_eq!(column_of("是否为必选"), Column::Mandatory);
        assert_eq!(column_of("状态码说明"), Column::Description);
        assert!(is_column_word("编码"));
        assert_eq!(
            column_of("Value Range"),
            Column::Other("Value Range".into())
        );
    }

    #[test]
    fn a_first_body_row_naming_columns_is_the_header() {
        let t = table(
            "",
            0,
            &[
                &["Parameter", "Type", "Description"],
                &["id", "String", "The ID."],
            ],
        );
        let columns = columns(&t).expect("columns");
        assert_eq!(columns, [Column::Name, Column::Type, Column::Description]);
        let rows = rows(&t, &columns);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "id");
        let t = table("", 0, &[&["id", "String", "The ID."]]);
        assert_eq!(super::columns(&t), None);
    }

    #[test]
    fn blank_and_group_title_rows_hold_no_field() {
        let t = table(
            "",
            1,
            &[
                &["Parameter", "Type", "Description"],
                &["", "", ""],
                &[
                    "Common parameters",
                    "Common parameters",
                    "Common parameters",
                ],
                &["id", "String", "The ID."],
            ],
        );
        let columns = columns(&t).expect("columns");
        let names: Vec<String> = rows(&t, &columns).into_iter().map(|r| r.name).collect();
        assert_eq!(names, ["id"]);
    }
}
