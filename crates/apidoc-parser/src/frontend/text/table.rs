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
use crate::read::sections;

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
            Self::NameKey => vocab::is_field_name(text),
            Self::StatusKey => vocab::is_status_code(text),
            Self::Mandatory => vocab::is_mandatory_value(text),
            Self::Type => vocab::is_type_like(text),
            Self::Text => true,
        }
    }
}

/// The table starting at the non-blank line `start`, if one does, and the
/// index after it: a table of known header words, else one recognised by
/// its shape ([`grid_at`]).
pub(super) fn parse_at(lines: &Lines, start: usize) -> Option<(Block, usize)> {
    let (table, after) = match table_head(lines, start) {
        Some(head) => field_table(lines, start, head),
        None => captioned_grid(lines, start)?,
    };
    Some((
        Block::new(BlockKind::Table(table), lines.number(start)),
        after,
    ))
}

/// A table read by its header words' columns.
fn field_table(lines: &Lines, start: usize, head: TableHead) -> (Table, usize) {
    let TableHead { caption, header } = head;
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
    (table, after)
}

/// A table by its shape ([`grid_at`]) at `start`, or after a caption
/// there.
fn captioned_grid(lines: &Lines, start: usize) -> Option<(Table, usize)> {
    let text = lines.text(start);
    if !vocab::is_caption(text) {
        return grid_at(lines, start);
    }
    let (mut table, after) = grid_at(lines, lines.next_non_blank(start + 1, lines.len())?)?;
    table.caption = Some(text.to_owned());
    Some((table, after))
}

/// The most columns a table recognised by its shape may have.
const GRID_MAX_COLUMNS: usize = 8;

/// The longest header cell of a table recognised by its shape, in
/// characters: header words are short.
const GRID_HEADER_CHARS: usize = 40;

/// What kind of line a cell of a table recognised by its shape is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellKind {
    Uri,
    Mark,
    Number,
    Name,
    Text,
}

fn cell_kind(text: &str) -> CellKind {
    if sections::uri_line(text).is_some() {
        CellKind::Uri
    } else if text.chars().all(|c| !c.is_alphanumeric()) {
        CellKind::Mark
    } else if text.chars().all(|c| c.is_ascii_digit()) {
        CellKind::Number
    } else if vocab::is_name(text) {
        CellKind::Name
    } else {
        CellKind::Text
    }
}

/// A table whose header words the vocabulary does not know, recognised by
/// its shape: a header of short lines, then at least two rows of as many
/// one-line cells whose kinds (a URI line, a mark, a number, a name, text)
/// repeat column by column, one kind other than text among them (a
/// permission table's `创建X | POST /v2/x | x:create | √ | √`). Its lines
/// are cells, so that a URI line in it is no operation's.
fn grid_at(lines: &Lines, start: usize) -> Option<(Table, usize)> {
    let (columns, rows) = (2..=GRID_MAX_COLUMNS)
        .map(|k| (k, grid_rows(lines, start, k)))
        .max_by_key(|&(k, rows)| (rows * k, std::cmp::Reverse(k)))
        .filter(|&(_, rows)| rows >= 2)?;
    let cells: Vec<usize> = lines
        .non_blank(start..lines.len())
        .take(columns * (rows + 1))
        .collect();
    let row = |group: &[usize]| group.iter().map(|&i| line_cell(lines, i)).collect();
    let mut groups = cells.chunks(columns);
    let header = groups.next().map(row)?;
    let table = Table {
        caption: None,
        header: vec![header],
        rows: groups.map(row).collect(),
        anchor: None,
        origin: None,
    };
    Some((table, cells.last().map_or(start, |&i| i + 1)))
}

/// How many rows of `k` cells repeat the first row's kinds after a header
/// of `k` short lines at `start` (0 when the lines are not such a table).
fn grid_rows(lines: &Lines, start: usize, k: usize) -> usize {
    let mut cells = lines
        .non_blank(start..lines.len())
        .take_while(|&i| is_cell_line(lines.text(i)))
        .map(|i| lines.text(i));
    let header_fits = cells.by_ref().take(k).filter(|h| is_header_cell(h)).count() == k;
    let mut row = || -> Option<Vec<CellKind>> {
        let kinds: Vec<CellKind> = cells.by_ref().take(k).map(cell_kind).collect();
        (kinds.len() == k).then_some(kinds)
    };
    let Some(first) = row().filter(|_| header_fits) else {
        return 0;
    };
    if first.iter().all(|&kind| kind == CellKind::Text) {
        return 0;
    }
    1 + std::iter::from_fn(row)
        .take_while(|kinds| kinds == &first)
        .count()
}

/// A header cell of a table recognised by its shape: a short word, not a
/// URI line, mark or number.
fn is_header_cell(text: &str) -> bool {
    text.chars().count() <= GRID_HEADER_CHARS
        && matches!(cell_kind(text), CellKind::Text | CellKind::Name)
}

/// True for a line that can be a one-line cell of a table recognised by
/// its shape: no section heading, caption, status line or list item.
fn is_cell_line(text: &str) -> bool {
    !vocab::is_section_heading(text)
        && !vocab::is_caption(text)
        && !vocab::is_status_line(text)
        && vocab::bullet_item(text).is_none()
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
    vocab::is_caption(lines.text(i))
        && (table_head(lines, i).is_some() || captioned_grid(lines, i).is_some())
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
/// starts a table, section heading, status line ("Status code: 200"), a
/// header row of its own (a table right after it without a caption), or
/// the end of the page.
fn body_end(lines: &Lines, start: usize) -> usize {
    lines
        .non_blank(start..lines.len())
        .find(|&i| {
            let text = lines.text(i);
            vocab::is_section_heading(text)
                || vocab::is_status_line(text)
                || is_caption_start(lines, i)
                || table_head(lines, i).is_some()
        })
        .unwrap_or(lines.len())
}

/// The start of a row: the lines of each column but the last (one line,
/// or a Mandatory answer with the condition under it; `None` where an
/// optional Mandatory cell is absent), and where the last column begins.
struct RowHead {
    leading: Vec<Option<Range<usize>>>,
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
    let mut leading = vec![Some(start..start + 1)];
    let mut next = lines.next_non_blank(start + 1, end);
    let mut stated_mandatory = false;
    for &column in middle {
        let fits = next.is_some_and(|i| column.accepts(lines.text(i)));
        match column {
            Column::Mandatory if !fits => {
                leading.push(None);
                continue;
            }
            Column::Mandatory => {
                stated_mandatory = true;
                let cell_end = mandatory_cell_end(lines, next, end);
                leading.push(next.map(|i| i..cell_end));
                next = lines.next_non_blank(cell_end, end);
                continue;
            }
            // A name followed by Yes/No starts a row even when its type is
            // unknown (a lone word, kept as the Type cell) or missing (a
            // sentence follows: the Type cell stays empty). The reader then
            // reports the row instead of it vanishing into the previous
            // description.
            Column::Type
                if fit == Fit::Strict
                    && !fits
                    && stated_mandatory
                    && !next.is_some_and(|i| vocab::is_name(lines.text(i))) =>
            {
                leading.push(None);
                continue;
            }
            Column::Type if fit == Fit::Strict && !fits && stated_mandatory => {}
            Column::Type if fit == Fit::Strict && !fits => return None,
            _ => {}
        }
        leading.push(next.map(|i| i..i + 1));
        next = next.and_then(|i| lines.next_non_blank(i + 1, end));
    }
    Some(RowHead {
        leading,
        rest: next.unwrap_or(end),
    })
}

/// Where the Mandatory cell starting at line `first` ends: after the
/// answer, and after the lines under it that are Mandatory values too
/// (`No` over "Mandatory when b is absent"), when a Type line follows them.
fn mandatory_cell_end(lines: &Lines, first: Option<usize>, end: usize) -> usize {
    let Some(first) = first else {
        return end;
    };
    let mut last = first;
    while let Some(i) = lines.next_non_blank(last + 1, end) {
        if !vocab::is_mandatory_value(lines.text(i)) {
            break;
        }
        let type_follows = lines
            .next_non_blank(i + 1, end)
            .is_some_and(|j| vocab::is_type_like(lines.text(j)));
        if !type_follows {
            break;
        }
        last = i;
    }
    last + 1
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
        .map(|lines_of| match lines_of {
            Some(cell) => Cell {
                blocks: flow::blocks(lines, cell.clone()),
                line: lines.number(cell.start),
            },
            None => empty(),
        })
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
