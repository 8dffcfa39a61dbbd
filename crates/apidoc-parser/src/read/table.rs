//! Parameter tables: which column is which, and each row's cells.

use crate::blocks::{Block, BlockKind, Cell, Table};

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

/// Reads a header cell.
pub fn column_of(header: &str) -> Column {
    let h = header.trim().trim_end_matches([':', '：']).to_lowercase();
    match h.as_str() {
        "parameter" | "parameters" | "name" | "parameter name" | "field" | "attribute" | "key"
        | "参数" | "参数名" | "名称" | "字段" | "字段名" => Column::Name,
        "mandatory" | "required" | "mandatory or not" | "是否必选" | "必选" | "是否必填"
        | "必填" => Column::Mandatory,
        "type" | "data type" | "parameter type" | "value type" | "参数类型" | "类型"
        | "数据类型" => Column::Type,
        "description" | "remarks" | "meaning" | "描述" | "说明" | "参数说明" | "含义" => {
            Column::Description
        }
        "status code" | "status codes" | "return code" | "returned value" | "状态码" | "返回值" => {
            Column::Status
        }
        _ => Column::Other(header.trim().to_owned()),
    }
}

/// The roles of a table's columns, from its last header row; `None` when
/// the table has no header row that names its first column.
pub fn columns(table: &Table) -> Option<Vec<Column>> {
    let header = table.header.last()?;
    let columns: Vec<Column> = header.iter().map(|c| column_of(&c.text())).collect();
    matches!(columns.first(), Some(Column::Name | Column::Status)).then_some(columns)
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
    /// The description, with other columns folded in.
    pub prose: Vec<ProseLine>,
    /// The row's line.
    pub line: u32,
    /// The row's cells, for diagnostics.
    pub cells: &'a [Cell],
}

/// Picks each row's cells by column role.
pub fn rows<'a>(table: &'a Table, columns: &[Column]) -> Vec<Row<'a>> {
    table
        .rows
        .iter()
        .filter(|cells| !cells.is_empty())
        .map(|cells| row(cells, columns))
        .collect()
}

fn row<'a>(cells: &'a [Cell], columns: &[Column]) -> Row<'a> {
    let mut out = Row {
        name: String::new(),
        mandatory: None,
        type_text: None,
        prose: Vec::new(),
        line: cells.first().map_or(0, |c| c.line),
        cells,
    };
    let mut others = Vec::new();
    for (cell, column) in cells.iter().zip(columns) {
        match column {
            Column::Name | Column::Status => out.name = one_line(&cell.text()),
            Column::Mandatory => out.mandatory = Some(one_line(&cell.text())),
            Column::Type => out.type_text = Some(one_line(&cell.text())),
            Column::Description => out.prose.extend(prose_lines(&cell.blocks, cell.line)),
            Column::Other(header) => others.extend(labelled(header, cell)),
        }
    }
    out.prose.extend(others);
    out
}

/// "Header: value" lines for an extra column, so prose rules see it.
fn labelled(header: &str, cell: &Cell) -> Option<ProseLine> {
    let text = one_line(&cell.text());
    (!text.is_empty()).then(|| ProseLine {
        text: format!("{header}: {text}"),
        line: cell.line,
        bullet: false,
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
                        text: one_line(text),
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
                        .map(|c| one_line(&c.text()))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    out.push(ProseLine { text, line, bullet });
                }
            }
        }
    }
}
