//! Tables, which text pages give one cell per line.
//!
//! A table is an optional caption ("Table 2 Query Parameters"), a run of
//! header words, then the body rows' cells one per line. Empty cells leave
//! no line, and a Description cell can span many lines, so rows are found by
//! shape: a row starts at a line that fits the key column (an identifier, or
//! a status code) and whose following lines fit the fixed columns (an
//! optional Yes/No, then a type name). A cell before a Yes/No or Type
//! column may go on over a line or two before that column's line (a
//! condition "required when X" then "left out when Y"), and a Type cell
//! may name a model (`LampSetup` over `object`, or the key's own word with
//! a table reference after it). The last column takes every line up to the
//! next row start or the end of the table.

use std::ops::Range;

use apidoc_ir::Method;

use super::flow;
use super::lines::Lines;
use super::message;
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
        None => {
            method_uri_table(lines, start).or_else(|| captioned_grid_or_listing(lines, start))?
        }
    };
    Some((
        Block::new(BlockKind::Table(table), lines.number(start)),
        after,
    ))
}

/// A table read by its header words' columns.
fn field_table(lines: &Lines, start: usize, head: TableHead) -> (Table, usize) {
    let TableHead { caption, header } = head;
    let body_start = header.last().map_or(start + 1, |&(i, _)| i + 1);
    let columns = column_kinds(lines, &header, body_start);
    let body = body_start..body_end(lines, body_start, &columns);
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

/// The columns of a table by its header words. Without a Type word, a
/// column under a word the vocabulary does not know whose first cell
/// names a type is the Type column ("数据结构说明" over "String").
fn column_kinds(lines: &Lines, header: &[(usize, HeaderRole)], body_start: usize) -> Vec<Column> {
    let mut columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(k, &(_, role))| Column::from_header(k, role))
        .collect();
    if columns.contains(&Column::Type) {
        return columns;
    }
    let first_row: Vec<&str> = lines
        .non_blank(body_start..lines.len())
        .take(columns.len())
        .map(|i| lines.text(i))
        .collect();
    let unknown_typed = header.iter().enumerate().position(|(k, &(i, _))| {
        k > 0
            && k + 1 < header.len()
            && vocab::header_role(lines.text(i)).is_none()
            && first_row
                .get(k)
                .is_some_and(|&cell| vocab::is_type_like(cell))
    });
    if let Some(k) = unknown_typed {
        columns[k] = Column::Type;
    }
    columns
}

/// A table by its shape ([`grid_at`]) at `start`, or after a caption
/// there.
fn captioned_grid(lines: &Lines, start: usize) -> Option<(Table, usize)> {
    let Some(caption) = vocab::caption(lines.text(start)) else {
        return grid_at(lines, start);
    };
    let (mut table, after) = grid_at(lines, lines.next_non_blank(start + 1, lines.len())?)?;
    table.caption = Some(caption);
    Some((table, after))
}

/// A table of methods and URIs ("请求方法 | URI" over "GET | /v1/…"), by
/// the reader's header words for it, at its caption or header: each row
/// a method line over a path line.
fn method_uri_table(lines: &Lines, start: usize) -> Option<(Table, usize)> {
    let text = lines.text(start);
    let caption = vocab::is_caption(text).then(|| text.to_owned());
    let method_head = match caption {
        Some(_) => lines.next_non_blank(start + 1, lines.len())?,
        None => start,
    };
    let uri_head = lines.next_non_blank(method_head + 1, lines.len())?;
    if !vocab::is_method_uri_header(lines.text(method_head), lines.text(uri_head)) {
        return None;
    }
    let mut rows = Vec::new();
    let mut after = uri_head + 1;
    while let Some(method) = lines.next_non_blank(after, lines.len()) {
        let path = lines.next_non_blank(method + 1, lines.len());
        let Some(path) = path.filter(|&p| {
            Method::parse(lines.text(method)).is_some() && lines.text(p).starts_with('/')
        }) else {
            break;
        };
        rows.push(vec![line_cell(lines, method), line_cell(lines, path)]);
        after = path + 1;
    }
    let table = Table {
        caption,
        header: vec![vec![
            line_cell(lines, method_head),
            line_cell(lines, uri_head),
        ]],
        rows,
        anchor: None,
        origin: None,
    };
    (!table.rows.is_empty()).then_some((table, after))
}

/// A captioned table recognised by its shape, unless it is an operation
/// listing whose rows stop repeating the shape before it ends (a URI line
/// after the grid's last row): then the whole listing.
fn captioned_grid_or_listing(lines: &Lines, start: usize) -> Option<(Table, usize)> {
    let grid = captioned_grid(lines, start);
    let listing = operation_listing(lines, start);
    match (grid, listing) {
        (Some(grid), Some(listing))
            if lines
                .non_blank(grid.1..listing.1)
                .any(|i| starts_uri(lines, i, listing.1)) =>
        {
            Some(listing)
        }
        (grid, listing) => grid.or(listing),
    }
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

/// A captioned table listing operations (a permission table: 权限 | 授权项
/// | 对应API …) that neither a field table nor a grid lays out, its cells
/// spanning rows or a method and its path standing on two lines: its lines
/// up to the table's end are its cells, so that none is taken for the
/// page's URI line. Recognised by two URI lines or more among them; its
/// header is the short lines before the first method or URI, and its rows
/// are cut at the header's width (the reader reads no fields from it).
fn operation_listing(lines: &Lines, start: usize) -> Option<(Table, usize)> {
    let caption = lines.text(start);
    if !vocab::is_caption(caption) {
        return None;
    }
    let first = lines.next_non_blank(start + 1, lines.len())?;
    let end = lines
        .non_blank(first..lines.len())
        .find(|&i| {
            let text = lines.text(i);
            vocab::is_section_heading(text)
                || vocab::is_status_line(text)
                || is_caption_start(lines, i)
        })
        .unwrap_or(lines.len());
    let cells: Vec<usize> = lines.non_blank(first..end).collect();
    let uris = cells.iter().filter(|&&i| starts_uri(lines, i, end)).count();
    if uris < 2 {
        return None;
    }
    let width = cells
        .iter()
        .take_while(|&&i| is_header_cell(lines.text(i)) && !starts_uri(lines, i, end))
        .count()
        .max(1);
    let row = |group: &[usize]| group.iter().map(|&i| line_cell(lines, i)).collect();
    let mut groups = cells.chunks(width);
    let table = Table {
        caption: Some(caption.to_owned()),
        header: groups.next().map(row).into_iter().collect(),
        rows: groups.map(row).collect(),
        anchor: None,
        origin: None,
    };
    Some((table, end))
}

/// How many URI lines interleaved with other lines make an uncaptioned
/// listing of operations (an overview's `创建X | POST /v1/x` rows); an
/// operation's own URI section states one or two.
const LISTING_MIN_URIS: usize = 3;

/// The most lines between two URI lines of one listing: a row's other
/// cells.
const LISTING_MAX_GAP: usize = 8;

/// An uncaptioned listing of operations starting at the URI line `start`:
/// three URI lines or more, each at most [`LISTING_MAX_GAP`] lines after
/// the one before, some after other lines (a row's name or action), up to
/// a section heading, caption or status line. Its lines are one-cell rows,
/// so that no URI in it is taken for the page's own.
pub(super) fn uri_listing(lines: &Lines, start: usize) -> Option<(Block, usize)> {
    if !starts_uri(lines, start, lines.len()) {
        return None;
    }
    let mut uris = vec![start];
    let mut interleaved = false;
    while let Some((next, between)) = next_listed_uri(lines, *uris.last()?) {
        uris.push(next);
        interleaved |= between > 0;
    }
    if uris.len() < LISTING_MIN_URIS || !interleaved {
        return None;
    }
    let last = *uris.last()?;
    let end = lines
        .next_non_blank(last + 1, lines.len())
        .filter(|&j| Method::parse(lines.text(last)).is_some() && lines.text(j).starts_with('/'))
        .unwrap_or(last)
        + 1;
    let rows = lines
        .non_blank(start..end)
        .map(|i| vec![line_cell(lines, i)])
        .collect();
    let table = Table {
        caption: None,
        header: Vec::new(),
        rows,
        anchor: None,
        origin: None,
    };
    Some((
        Block::new(BlockKind::Table(table), lines.number(start)),
        end,
    ))
}

/// The URI line of the listing's next row after the URI line `at`, and
/// how many other lines stand between them: within [`LISTING_MAX_GAP`]
/// lines, with no section heading, caption or status line before it.
fn next_listed_uri(lines: &Lines, at: usize) -> Option<(usize, usize)> {
    // A method standing alone has its path on the next line.
    let skip = usize::from(Method::parse(lines.text(at)).is_some());
    for (between, i) in lines
        .non_blank(at + 1..lines.len())
        .skip(skip)
        .take(LISTING_MAX_GAP + 1)
        .enumerate()
    {
        let text = lines.text(i);
        if vocab::is_section_heading(text) || vocab::is_caption(text) || vocab::is_status_line(text)
        {
            return None;
        }
        if starts_uri(lines, i, lines.len()) {
            return Some((i, between));
        }
    }
    None
}

/// True when line `i` states a URI line as the reader takes one from a
/// paragraph (its method and path, the path maybe on the next line or
/// followed by a remark).
fn starts_uri(lines: &Lines, i: usize, end: usize) -> bool {
    let following = lines.next_non_blank(i + 1, end).map(|j| lines.text(j));
    sections::uri_line(&sections::uri_line_text(lines.text(i), following)).is_some()
}

/// How many rows of `k` cells repeat the first row's kinds after a header
/// of `k` short lines at `start` (0 when the lines are not such a table).
fn grid_rows(lines: &Lines, start: usize, k: usize) -> usize {
    let mut cells = lines
        .non_blank(start..lines.len())
        .take_while(|&i| is_cell_line(lines.text(i)) && !message::starts_at(lines, i))
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
    if let Some(caption) = vocab::caption(lines.text(start)) {
        let header = header_run(lines, lines.next_non_blank(start + 1, lines.len())?);
        let caption = Some(caption);
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
        let role = match vocab::header_role(text) {
            Some(role) => role,
            None if is_unknown_header_word(lines, i, run.len()) => HeaderRole::Text,
            None => break,
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

/// True for a header word the vocabulary does not know, within or after
/// a run of known ones: a short phrase that is no name, type or Yes/No
/// and has no colon (a description's "类型：String" is none),
/// followed by another header word ("参数 | 数据结构说明 | 描述") or, once
/// the run has two words, by a row's first cells (a name, then a type or
/// Yes/No: "参数 | 类型 | 说明 | 操作类型").
fn is_unknown_header_word(lines: &Lines, i: usize, known_before: usize) -> bool {
    let text = lines.text(i);
    let phrase = text.chars().count() <= GRID_HEADER_CHARS
        && !vocab::is_name(text)
        && !vocab::is_type_like(text)
        && !vocab::is_mandatory_value(text)
        && !text.ends_with(['.', '。'])
        && !text.contains([':', '：'])
        && is_cell_line(text);
    let mut next = lines.non_blank(i + 1..lines.len()).map(|j| lines.text(j));
    let first = next.next();
    let header_follows = first.is_some_and(|t| vocab::header_role(t).is_some());
    let row_follows = known_before >= 2
        && first.is_some_and(vocab::is_name)
        && next
            .next()
            .is_some_and(|t| vocab::is_type_like(t) || vocab::is_mandatory_value(t));
    phrase && known_before >= 1 && (header_follows || row_follows)
}

/// Where a table body starting at `start` ends: at the next caption that
/// starts a table, section heading (not the first row's key), status line
/// ("Status code: 200"), a header row of its own (a table right after it
/// without a caption), or the end of the page. A section heading's words right after a Type cell
/// are that row's description ("错误码", the description of an
/// `error_code` row) when another row follows before the table could end.
fn body_end(lines: &Lines, start: usize, columns: &[Column]) -> usize {
    let first = lines.next_non_blank(start, lines.len());
    lines
        .non_blank(start..lines.len())
        .find(|&i| {
            let text = lines.text(i);
            let heading = vocab::is_section_heading(text)
                && !is_description_start(lines, i, columns)
                && !(Some(i) == first && is_first_key(text, columns));
            heading || ends_table(lines, i)
        })
        .unwrap_or(lines.len())
}

/// True when `text`, right after a header, fits the table's key column: a
/// header is followed by a row, so a section name there ("URI-scheme" in
/// a table of the parts of a URI) is the first row's key.
fn is_first_key(text: &str, columns: &[Column]) -> bool {
    columns.first().is_some_and(|key| key.accepts(text))
}

/// True for a line that ends a table body whatever stands before it; a
/// list item right above a table's header is that table's label ("•
/// 使用外部镜像文件时的请求参数").
fn ends_table(lines: &Lines, i: usize) -> bool {
    let labels_next_table = || {
        vocab::bullet_item(lines.text(i)).is_some()
            && lines
                .next_non_blank(i + 1, lines.len())
                .is_some_and(|j| table_head(lines, j).is_some())
    };
    vocab::is_status_line(lines.text(i))
        || is_caption_start(lines, i)
        || table_head(lines, i).is_some()
        || labels_next_table()
}

/// True when line `i` sits where a description starts (after a line that
/// fits the table's Type column) and a row starts after it before a line
/// that would end the table.
fn is_description_start(lines: &Lines, i: usize, columns: &[Column]) -> bool {
    let after_type = columns.contains(&Column::Type)
        && lines
            .previous_non_blank(i)
            .is_some_and(|p| Column::Type.accepts(lines.text(p)));
    after_type
        && lines
            .non_blank(i + 1..lines.len())
            .find_map(|j| {
                let row = row_head(lines, j, lines.len(), columns, Fit::Strict).is_some();
                let end = vocab::is_section_heading(lines.text(j)) || ends_table(lines, j);
                (row || end).then_some(row)
            })
            .unwrap_or(false)
}

/// The start of a row: the lines of each column's cell but the last's (one
/// line, or a few where a cell goes on before the next column's line;
/// `None` where an optional Mandatory cell is absent), and where the last
/// column begins.
struct RowHead {
    leading: Vec<Option<Range<usize>>>,
    rest: usize,
}

/// The most lines a cell before a Mandatory or Type column goes on over
/// (a condition "required when X" followed by "left out when Y").
const CONTINUATION_LINES: usize = 2;

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
    for (k, &column) in middle.iter().enumerate() {
        let fits = next.is_some_and(|i| column.accepts(lines.text(i)));
        let named_object_end = (column == Column::Type && !fits)
            .then(|| next.and_then(|i| named_type(lines, start, i, end)))
            .flatten();
        let fits = fits || named_object_end.is_some();
        match column {
            Column::Mandatory if !fits => {
                let condition =
                    next.and_then(|i| unread_condition(lines, start, i, end, rest.get(k + 1)));
                if condition.is_some() {
                    stated_mandatory = true;
                    next = condition
                        .as_ref()
                        .and_then(|cell| lines.next_non_blank(cell.end, end));
                }
                leading.push(condition);
                continue;
            }
            Column::Mandatory => {
                stated_mandatory = true;
                let following = rest.get(k + 1).copied();
                let until = next.map_or(end, |i| {
                    mandatory_cell_end(lines, next, end)
                        .max(cell_end(lines, i, end, column, following))
                });
                leading.push(next.map(|i| i..until));
                next = lines.next_non_blank(until, end);
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
            // A row's one-line cells stand within the table.
            _ if fit == Fit::Strict && next.is_none() => return None,
            _ => {}
        }
        let following = rest.get(k + 1).copied();
        let cell = next.map(|i| {
            i..named_object_end.unwrap_or_else(|| cell_end(lines, i, end, column, following))
        });
        next = cell
            .as_ref()
            .and_then(|cell| lines.next_non_blank(cell.end, end));
        leading.push(cell);
    }
    Some(RowHead {
        leading,
        rest: next.unwrap_or(end),
    })
}

/// Where a Type cell starting at line `i` ends when it names a model the
/// vocabulary does not know for a type: the key's own word again with a
/// table reference in the next lines (`setup` / `setup` / "see Table 6":
/// the model is named after the field and described there; an enum value
/// repeated as a default is not), or a model's name over the type of
/// objects it names (`LampSetup` / `object`, its link's text above the
/// type word); else `None`.
fn named_type(lines: &Lines, key: usize, i: usize, end: usize) -> Option<usize> {
    let refers_to_a_table = || {
        lines
            .non_blank(i + 1..end)
            .take(2)
            .any(|j| !sections::table_references(lines.text(j)).is_empty())
    };
    if lines.text(i) == lines.text(key) && refers_to_a_table() {
        return Some(i + 1);
    }
    named_object_type(lines, i, end)
}

/// Where a Type cell starting at line `i` ends when it is a model's name
/// over the type of objects it names, else `None`.
fn named_object_type(lines: &Lines, i: usize, end: usize) -> Option<usize> {
    let type_line = lines.next_non_blank(i + 1, end)?;
    let names_objects =
        |text: &str| vocab::is_type_like(text) && text.to_lowercase().contains("object");
    (vocab::is_model_name(lines.text(i)) && names_objects(lines.text(type_line)))
        .then_some(type_line + 1)
}

/// A Mandatory cell the vocabulary cannot read (a condition: "required
/// for X, meaningless for Y") after the key line `key`: from line `i`, a
/// sentence, over at most [`CONTINUATION_LINES`] more, up to a line that
/// fits the `following` Type column; `None` when the key is a type word
/// (`String`: a row's Type cell, not a key) or a name or Yes/No comes
/// first (the lines are another row's).
fn unread_condition(
    lines: &Lines,
    key: usize,
    i: usize,
    end: usize,
    following: Option<&Column>,
) -> Option<Range<usize>> {
    let foreign = |text: &str| vocab::is_name(text) || Column::Mandatory.accepts(text);
    let text = lines.text(i);
    if following != Some(&Column::Type)
        || is_type_word(lines.text(key))
        || foreign(text)
        || Column::Type.accepts(text)
    {
        return None;
    }
    for j in lines.non_blank(i + 1..end).take(CONTINUATION_LINES + 1) {
        let text = lines.text(j);
        if Column::Type.accepts(text) {
            return Some(i..j);
        }
        if foreign(text) {
            return None;
        }
    }
    None
}

/// A capitalised type word (`String`, `Boolean`): a Type cell, where a
/// key (`data`) may happen to spell a type too.
fn is_type_word(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase()) && Column::Type.accepts(text)
}

/// Where the cell of `column` starting at line `i` ends: after line `i`,
/// unless the column is free text or Yes/No and the `following` column
/// (Mandatory or Type) fits a line after at most [`CONTINUATION_LINES`]
/// more that neither fit it nor look like a name (a row's key).
fn cell_end(
    lines: &Lines,
    i: usize,
    end: usize,
    column: Column,
    following: Option<Column>,
) -> usize {
    let Some(following) = following.filter(|f| matches!(f, Column::Mandatory | Column::Type))
    else {
        return i + 1;
    };
    if !matches!(column, Column::Text | Column::Mandatory) {
        return i + 1;
    }
    let mut last = i;
    for j in lines.non_blank(i + 1..end).take(CONTINUATION_LINES + 1) {
        let text = lines.text(j);
        if following.accepts(text) {
            return last + 1;
        }
        if vocab::is_name(text) {
            break;
        }
        last = j;
    }
    i + 1
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

/// The first row start at or after `from` (where the last cell of the row
/// before begins) within `..end`. A row start there that is followed by
/// another row start one line on (`R | list | 结构体 …`: "R" ends the row
/// before, and "list", a type word too, starts the next) gives the row
/// before its one-line last cell rather than an empty one.
fn next_row(
    lines: &Lines,
    from: usize,
    end: usize,
    columns: &[Column],
) -> Option<(usize, RowHead)> {
    let mut starts = lines
        .non_blank(from..end)
        .filter_map(|i| row_head(lines, i, end, columns, Fit::Strict).map(|head| (i, head)));
    let first = starts.next()?;
    if first.0 != from {
        return Some(first);
    }
    let one_line_on = lines.next_non_blank(from + 1, end);
    match starts.next() {
        Some(second) if Some(second.0) == one_line_on => Some(second),
        _ => Some(first),
    }
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
