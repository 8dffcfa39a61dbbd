//! Tables, which text pages give one cell per line.
//!
//! A table is an optional caption ("Table 2 Query Parameters"), a run of
//! header words, then the body rows' cells one per line. Empty cells leave
//! no line, and a Description cell can span many lines, so rows are found by
//! shape: a row starts at a line that fits the key column (an identifier, or
//! a status code) and whose following lines fit the fixed columns (an
//! optional Yes/No, then a type name). The last column takes every line up
//! to the next row start or the end of the table.

use std::ops::Range;

use super::flow;
use super::lines::Lines;
use super::vocab::{self, HeaderRole};
use crate::blocks::{Block, BlockKind, Cell, Table};

/// What a column's cells look like, which is what row segmentation checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    /// The first column: a name (identifier-like) starts each row.
    NameKey,
    /// The first column of a status code table: "200" starts each row.
    StatusKey,
    /// Yes/No; may be absent (the Chinese pages omit the values).
    Mandatory,
    /// A type name; required for a line to start a row.
    Type,
    /// Free text: one line, or every remaining line in the last column.
    Text,
}

impl Column {
    fn from_header(position: usize, role: HeaderRole) -> Self {
        match (position, role) {
            (0, HeaderRole::StatusCode) => Self::StatusKey,
            (0, _) => Self::NameKey,
            (_, HeaderRole::Mandatory) => Self::Mandatory,
            (_, HeaderRole::Type) => Self::Type,
            _ => Self::Text,
        }
    }

    fn accepts(self, text: &str) -> bool {
        match self {
            Self::NameKey => vocab::is_identifier(text),
            Self::StatusKey => vocab::is_status_code(text),
            Self::Mandatory => vocab::is_mandatory_value(text),
            Self::Type => vocab::is_type_like(text),
            Self::Text => true,
        }
    }
}

/// The table starting at the non-blank line `start`, if one does, and the
/// index after it.
pub(super) fn parse_at(lines: &Lines, start: usize) -> Option<(Block, usize)> {
    let TableHead { caption, header } = table_head(lines, start)?;
    let columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(k, &(_, role))| Column::from_header(k, role))
        .collect();
    let body_start = header.last().map_or(start + 1, |&(i, _)| i + 1);
    let body = body_start..body_end(lines, body_start);
    let (rows, after) = rows(lines, body, &columns);
    let header_cells = header.iter().map(|&(i, _)| line_cell(lines, i)).collect();
    let table = Table {
        caption,
        header: vec![header_cells],
        rows,
        anchor: None,
        origin: None,
    };
    Some((
        Block::new(BlockKind::Table(table), lines.number(start)),
        after,
    ))
}

/// A table's caption and header words (with their line indices).
struct TableHead {
    caption: Option<String>,
    header: Vec<(usize, HeaderRole)>,
}

/// The head of a table starting at `start`: a caption followed by header
/// words, or (no caption) at least two header words the first of which
/// names a key column ("Status Code" / "Description").
fn table_head(lines: &Lines, start: usize) -> Option<TableHead> {
    let text = lines.text(start);
    if vocab::is_caption(text) {
        let header = header_run(lines, lines.next_non_blank(start + 1, lines.len())?);
        let caption = Some(text.to_owned());
        return (!header.is_empty()).then_some(TableHead { caption, header });
    }
    let header = header_run(lines, start);
    let keyed = matches!(
        header.first(),
        Some((_, HeaderRole::Name | HeaderRole::StatusCode))
    );
    (keyed && header.len() >= 2).then_some(TableHead {
        caption: None,
        header,
    })
}

/// True when line `i` is a caption that starts a table (a caption line
/// followed by a header word); such a line ends the table before it.
pub(super) fn is_caption_start(lines: &Lines, i: usize) -> bool {
    vocab::is_caption(lines.text(i)) && table_head(lines, i).is_some()
}

/// The header words from `start` on: consecutive distinct header words,
/// a table having one column of each role but text (a repeat ends the
/// run, so a "状态码" or "Status Codes" heading followed by the "状态码" or
/// "Status Code" header cell is not one header).
fn header_run(lines: &Lines, start: usize) -> Vec<(usize, HeaderRole)> {
    let mut run: Vec<(usize, HeaderRole)> = Vec::new();
    for i in lines.non_blank(start..lines.len()) {
        let text = lines.text(i);
        let Some(role) = vocab::header_role(text) else {
            break;
        };
        let repeats = run.iter().any(|&(j, seen)| {
            lines.text(j).eq_ignore_ascii_case(text) || seen == role && role != HeaderRole::Text
        });
        if repeats {
            break;
        }
        run.push((i, role));
    }
    run
}

/// Where a table body starting at `start` ends: at the next caption that
/// starts a table, section heading or status line ("Status code: 200"), or
/// the end of the page.
fn body_end(lines: &Lines, start: usize) -> usize {
    lines
        .non_blank(start..lines.len())
        .find(|&i| {
            let text = lines.text(i);
            vocab::is_section_heading(text)
                || vocab::is_status_line(text)
                || is_caption_start(lines, i)
        })
        .unwrap_or(lines.len())
}

/// The start of a row: one line for each column but the last (`None` where
/// an optional Mandatory cell is absent), and where the last column begins.
struct RowHead {
    leading: Vec<Option<usize>>,
    rest: usize,
}

/// How strictly [`row_head`] checks the lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Key and Type lines must look right: this decides row starts.
    Strict,
    /// Take the lines as they come (a first row that does not fit, kept so
    /// no line is lost and the reader can report it).
    Loose,
}

/// Lays out the row starting at the non-blank line `start` within `..end`,
/// or `None` when `fit` is strict and the lines do not fit the columns.
fn row_head(
    lines: &Lines,
    start: usize,
    end: usize,
    columns: &[Column],
    fit: Fit,
) -> Option<RowHead> {
    let (&key, rest) = columns.split_first()?;
    if fit == Fit::Strict && !key.accepts(lines.text(start)) {
        return None;
    }
    let Some((_, middle)) = rest.split_last() else {
        // A one-column table: the key column is also the last one.
        return Some(RowHead {
            leading: Vec::new(),
            rest: start,
        });
    };
    let mut leading = vec![Some(start)];
    let mut next = lines.next_non_blank(start + 1, end);
    let mut stated_mandatory = false;
    for &column in middle {
        let fits = next.is_some_and(|i| column.accepts(lines.text(i)));
        match column {
            Column::Mandatory if !fits => {
                leading.push(None);
                continue;
            }
            Column::Mandatory => stated_mandatory = true,
            // A name followed by Yes/No starts a row even when its type is
            // unknown (a lone word, kept as the Type cell) or missing (a
            // sentence follows: the Type cell stays empty). The reader then
            // reports the row instead of it vanishing into the previous
            // description.
            Column::Type
                if fit == Fit::Strict
                    && !fits
                    && stated_mandatory
                    && !next.is_some_and(|i| vocab::is_identifier(lines.text(i))) =>
            {
                leading.push(None);
                continue;
            }
            Column::Type if fit == Fit::Strict && !fits && stated_mandatory => {}
            Column::Type if fit == Fit::Strict && !fits => return None,
            _ => {}
        }
        leading.push(next);
        next = next.and_then(|i| lines.next_non_blank(i + 1, end));
    }
    Some(RowHead {
        leading,
        rest: next.unwrap_or(end),
    })
}

/// The first row start at or after `from` within `..end`.
fn next_row(
    lines: &Lines,
    from: usize,
    end: usize,
    columns: &[Column],
) -> Option<(usize, RowHead)> {
    lines
        .non_blank(from..end)
        .find_map(|i| row_head(lines, i, end, columns, Fit::Strict).map(|head| (i, head)))
}

/// The rows of `body` and the index after the last line they took. When
/// the body's first line cannot start a row even loosely (it is not a
/// name), the table has no rows and that line is left to the page.
fn rows(lines: &Lines, body: Range<usize>, columns: &[Column]) -> (Vec<Vec<Cell>>, usize) {
    let Some(first) = lines.next_non_blank(body.start, body.end) else {
        return (Vec::new(), body.end);
    };
    let Some(mut head) = first_row(lines, first, body.end, columns) else {
        return (Vec::new(), first);
    };
    let mut start = first;
    let mut rows = Vec::new();
    loop {
        let next = next_row(lines, head.rest.max(start + 1), body.end, columns);
        let rest_end = next.as_ref().map_or(body.end, |&(i, _)| i);
        rows.push(row_cells(lines, start, &head, head.rest..rest_end));
        match next {
            Some((i, next_head)) => (start, head) = (i, next_head),
            None => return (rows, body.end),
        }
    }
}

/// The first row of a body: laid out strictly when it fits, else loosely
/// when its first line at least fits the key column (an unknown type name
/// must not turn the table into prose).
fn first_row(lines: &Lines, first: usize, end: usize, columns: &[Column]) -> Option<RowHead> {
    let is_key = columns
        .first()
        .is_some_and(|key| key.accepts(lines.text(first)));
    row_head(lines, first, end, columns, Fit::Strict)
        .or_else(|| is_key.then(|| row_head(lines, first, end, columns, Fit::Loose))?)
}

/// The cells of one row: a one-line cell per leading column, an empty cell
/// (at the row's line) where a Mandatory value is absent, then the last
/// column's lines.
fn row_cells(lines: &Lines, start: usize, head: &RowHead, last: Range<usize>) -> Vec<Cell> {
    let empty = || Cell {
        blocks: Vec::new(),
        line: lines.number(start),
    };
    let mut cells: Vec<Cell> = head
        .leading
        .iter()
        .map(|&i| i.map_or_else(empty, |i| line_cell(lines, i)))
        .collect();
    let last_cell = match lines.next_non_blank(last.start, last.end) {
        Some(first) => Cell {
            blocks: flow::blocks(lines, last),
            line: lines.number(first),
        },
        None => empty(),
    };
    cells.push(last_cell);
    cells
}

/// A cell holding line `i` alone.
fn line_cell(lines: &Lines, i: usize) -> Cell {
    Cell {
        blocks: flow::blocks(lines, i..i + 1),
        line: lines.number(i),
    }
}
