//! Parsing work grows linearly with the page: a page four times as long
//! costs about four times as much, never sixteen.
//!
//! Work is counted, not timed: `allocation-counter` tallies the heap
//! allocations made on this thread while one page is parsed. The count is
//! deterministic (same input, same code, same count) and nearly every step
//! of the parser allocates (cell text, rows, keys, blocks), so a step that
//! revisits every table for every row shows up as a count growing with the
//! square of the page. Each page is parsed at 1× and 4× its size (the 4×
//! page is a few hundred KB, like the largest real pages) and the counts
//! must stay within [`MAX_RATIO`] of each other: 4 for linear work, 16 for
//! quadratic, so the bound leaves room for fixed costs but none for a
//! quadratic step that matters at this size.
//!
//! The pages are synthetic, written here: a request body of chained model
//! tables (each row typing the next table as "`Mk object`", as generated
//! pages do), tables nothing refers to and tables a string row names by
//! number (each kind has its own lookups), in the three forms the Markdown
//! front end meets (raw HTML tables, pipe tables) and as an HTML page.

use std::fmt::Write as _;

use apidoc_parser::{Format, parse_page};

/// Largest allowed ratio of the 4× page's work to the 1× page's.
const MAX_RATIO: f64 = 5.0;

/// Allocations made on this thread while parsing `page` as `file`.
fn work(file: &str, page: &str) -> u64 {
    let format = Format::from_path(file).expect("known extension");
    let mut parsed = None;
    let info = allocation_counter::measure(|| {
        parsed = Some(parse_page(file, page.as_bytes(), format));
    });
    let parsed = parsed.expect("parsed");
    assert!(parsed.page.is_some(), "{file}: {:?}", parsed.diagnostics);
    info.count_total
}

/// How a page writes its tables.
#[derive(Clone, Copy, Debug)]
enum Style {
    /// Markdown with raw HTML tables (the generated Help Center style).
    RawHtmlInMarkdown,
    /// Markdown pipe tables.
    Pipe,
    /// An HTML page.
    Html,
}

/// A page of `models` chained model tables plus as many tables nothing
/// refers to and as many named by number from a string row.
fn page(style: Style, models: usize) -> String {
    let mut page = Page::new(style);
    page.heading(1, "Create a widget");
    page.heading(2, "URI");
    page.paragraph("POST /v1/{project_id}/widgets");
    page.table(
        "Path parameters",
        &[["project_id", "Yes", "String", "The project."].map(String::from)],
    );
    page.heading(2, "Request parameters");
    let mut body = vec![["widget", "Yes", "Part1 object", "The widget."].map(String::from)];
    for k in 1..=models {
        body.push([
            format!("label_{k}"),
            "No".into(),
            "String".into(),
            format!(
                "A label. For the allowed labels, see Table {}.",
                table_number(models, k)
            ),
        ]);
    }
    page.table("Request body parameters", &body);
    for k in 1..=models {
        let mut rows: Vec<[String; 4]> = (0..4)
            .map(|j| {
                [
                    format!("value_{k}_{j}"),
                    "No".into(),
                    "Integer".into(),
                    format!(
                        "A count of the part. Value range: 0~{}. Default value: 1.",
                        k + j
                    ),
                ]
            })
            .collect();
        if k < models {
            rows.push([
                format!("next_{k}"),
                "No".into(),
                format!("Array of Part{} objects", k + 1),
                "The parts inside this one.".into(),
            ]);
        }
        page.table(&format!("Part{k}"), &rows);
    }
    for k in 1..=models {
        page.table(
            &format!("Labels of group {k}"),
            &[[
                format!("label_value_{k}"),
                "No".into(),
                "String".into(),
                "A label.".into(),
            ]],
        );
    }
    for k in 1..=models {
        page.table(
            &format!("Loose{k}"),
            &[[
                format!("loose_{k}"),
                "No".into(),
                "String".into(),
                "Nothing uses it.".into(),
            ]],
        );
    }
    page.heading(2, "Response parameters");
    page.paragraph("Status code: 200");
    page.table(
        "Response body parameters",
        &[["id", "No", "String", "The widget ID."].map(String::from)],
    );
    page.finish()
}

/// The number of the table listing the labels of group `k`: after the
/// path, body and part tables.
fn table_number(models: usize, k: usize) -> usize {
    2 + models + k
}

/// A page being written in one style, numbering its tables.
struct Page {
    style: Style,
    text: String,
    tables: usize,
}

impl Page {
    fn new(style: Style) -> Self {
        Self {
            style,
            text: String::new(),
            tables: 0,
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        let _ = match self.style {
            Style::Html => writeln!(self.text, "<h{level}>{text}</h{level}>"),
            _ => writeln!(self.text, "{} {text}\n", "#".repeat(level)),
        };
    }

    fn paragraph(&mut self, text: &str) {
        let _ = match self.style {
            Style::Html => writeln!(self.text, "<p>{text}</p>"),
            _ => writeln!(self.text, "{text}\n"),
        };
    }

    fn table(&mut self, caption: &str, rows: &[[String; 4]]) {
        self.tables += 1;
        let caption = format!("Table {} {caption}", self.tables);
        let header = ["Parameter", "Mandatory", "Type", "Description"];
        match self.style {
            Style::Pipe => {
                let _ = writeln!(self.text, "**{caption}**\n");
                let _ = writeln!(self.text, "| {} |\n|---|---|---|---|", header.join(" | "));
                for row in rows {
                    let _ = writeln!(self.text, "| {} |", row.join(" | "));
                }
                self.text.push('\n');
            }
            Style::RawHtmlInMarkdown | Style::Html => {
                if matches!(self.style, Style::RawHtmlInMarkdown) {
                    let _ = writeln!(self.text, "**{caption}**\n");
                    self.text.push_str("<table>");
                } else {
                    let _ = write!(self.text, "<table><caption>{caption}</caption>");
                }
                self.text.push_str("<thead><tr>\n");
                for cell in header {
                    let _ = writeln!(
                        self.text,
                        "<th class=\"cell\" valign=\"top\"><p>{cell}</p></th>"
                    );
                }
                self.text.push_str("</tr></thead>\n<tbody>");
                for row in rows {
                    self.text.push_str("<tr>\n");
                    for cell in row {
                        let _ = writeln!(
                            self.text,
                            "<td class=\"cell\" valign=\"top\"><p>{cell}</p>\n</td>"
                        );
                    }
                    self.text.push_str("</tr>\n");
                }
                self.text.push_str("</tbody>\n</table>\n\n");
            }
        }
    }

    fn finish(self) -> String {
        self.text
    }
}

fn assert_linear(style: Style, file: &str) {
    let small = page(style, 40);
    let large = page(style, 160);
    let (small_work, large_work) = (work(file, &small), work(file, &large));
    let ratio = large_work as f64 / small_work as f64;
    eprintln!(
        "{style:?}: {} KB → {small_work} allocations, {} KB → {large_work}: ratio {ratio:.2}",
        small.len() / 1000,
        large.len() / 1000
    );
    assert!(
        large.len() > 100_000,
        "the large page should be a few hundred KB, is {} bytes",
        large.len()
    );
    assert!(
        ratio < MAX_RATIO,
        "{style:?}: parsing a page four times as long took {ratio:.2} times the work (at most {MAX_RATIO})"
    );
}

#[test]
fn markdown_with_raw_html_tables_parses_in_linear_work() {
    assert_linear(Style::RawHtmlInMarkdown, "widget.md");
}

#[test]
fn markdown_with_pipe_tables_parses_in_linear_work() {
    assert_linear(Style::Pipe, "widget.md");
}

#[test]
fn html_parses_in_linear_work() {
    assert_linear(Style::Html, "widget.html");
}

#[test]
fn the_synthetic_page_reads_as_intended() {
    let file = "widget.md";
    let parsed = parse_page(
        file,
        page(Style::RawHtmlInMarkdown, 3).as_bytes(),
        Format::Markdown,
    );
    let page = parsed.page.expect("an API page");
    let names: Vec<&str> = page.models.iter().map(|m| m.name.as_str()).collect();
    assert!(
        ["Part1", "Part2", "Part3"]
            .iter()
            .all(|n| names.contains(n)),
        "{names:?}"
    );
    let codes: Vec<&str> = parsed.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "table-unreferenced").count(),
        3,
        "{codes:?}"
    );
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "table-of-scalar-field")
            .count(),
        3,
        "{codes:?}"
    );
}
