//! Robustness of the HTML and Markdown front ends: any input gives blocks,
//! never a panic, with rectangular tables and lines inside the source.

mod frontends_support;

use apidoc_parser::blocks::Block;
use apidoc_parser::frontend::{html, markdown};
use frontends_support::{assert_rectangular, fixture, tables};
use proptest::prelude::*;

/// Both front ends on `source`, checked for sound output.
fn parse_both(source: &str) {
    // A line break is LF, CRLF or a lone CR.
    let breaks = source
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .matches('\n')
        .count();
    let last_line = u32::try_from(breaks + 1).unwrap_or(u32::MAX);
    for (name, blocks) in [
        ("html", html::parse(source)),
        ("markdown", markdown::parse(source)),
    ] {
        assert_rectangular(&blocks, name);
        assert_lines_within(&blocks, last_line, name);
    }
}

fn assert_lines_within(blocks: &[Block], last_line: u32, what: &str) {
    for block in blocks {
        assert!(
            (1..=last_line).contains(&block.line),
            "{what}: line {} outside 1..={last_line}",
            block.line
        );
    }
    for table in tables(blocks) {
        for cell in table.header.iter().chain(&table.rows).flatten() {
            assert!(
                (1..=last_line).contains(&cell.line),
                "{what}: cell line {} outside 1..={last_line}",
                cell.line
            );
        }
    }
}

/// Pieces of HTML and Markdown that combine into unbalanced, odd markup.
fn markup_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<table>",
        "</table>",
        "<thead>",
        "</thead>",
        "<tbody>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "</th>",
        "<td rowspan=\"3\">",
        "<th colspan=\"2\">",
        "<td rowspan=\"0\" colspan=\"0\">",
        "<caption><b>Table 1 </b>",
        "</caption>",
        "<ul>",
        "<ol>",
        "<li>",
        "</li>",
        "</ul>",
        "<p>",
        "</p>",
        "<div class=\"p\">",
        "<div class=\"note\">",
        "<span class=\"notetitle\"> NOTE: </span>",
        "</div>",
        "<pre>",
        "</pre>",
        "<br>",
        "<h1>",
        "<h4 class=\"sectiontitle\">",
        "</h4>",
        "<script>",
        "</script>",
        "&amp;",
        "&quot;",
        "text",
        "Table 2 x",
        " ",
        "\n",
        "\n\n",
        "| a | b |\n",
        "|---|---|\n",
        "| c<br>- d | • e |\n",
        "# ",
        "#### ",
        "- ",
        "1. ",
        "> ",
        "```json\n",
        "```\n",
        "    ",
        "**Table 3** y\n",
        "Table: z\n",
        "<!--",
        "-->",
        "中文",
        "\u{a0}",
    ])
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(source in ".{0,400}") {
        parse_both(&source);
    }

    #[test]
    fn unbalanced_markup_never_panics(pieces in prop::collection::vec(markup_piece(), 0..120)) {
        parse_both(&pieces.concat());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn truncated_pages_never_panic(page in 0usize..4, cut in 0.0f64..1.0) {
        let source = fixture(["html/ecs/en-us_topic_0000001207623588.html", "html/modelarts/CreateAuthorization.html",
            "markdown/modelarts/CreateAuthorization.md", "markdown/seed_000.md"][page]);
        let mut end = (source.len() as f64 * cut) as usize;
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        parse_both(&source[..end]);
    }
}

/// Deep enough to overflow a recursive reader many times over (each front end
/// flattens beyond about a hundred levels); html5ever's own work grows with
/// the square of the depth, so HTML stays at a depth that keeps the test quick.
const DEEP_HTML: usize = 600;
const DEEP_MARKDOWN: usize = 5000;

#[test]
fn deeply_nested_html_is_flattened_not_overflowed() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<ul><li>", "</li></ul>"),
        ("<blockquote>", "</blockquote>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<span>", "</span>"),
    ] {
        let source = format!(
            "{}deep text{}",
            open.repeat(DEEP_HTML),
            close.repeat(DEEP_HTML)
        );
        let blocks = html::parse(&source);
        assert!(
            format!("{blocks:?}").contains("deep text"),
            "{open}: text lost"
        );
        parse_both(&source);
    }
}

#[test]
fn deeply_nested_markdown_is_flattened_not_overflowed() {
    for prefix in ["> ", "- ", "1. ", "* > "] {
        let source = format!("{}deep text\n", prefix.repeat(DEEP_MARKDOWN));
        let blocks = markdown::parse(&source);
        assert!(
            format!("{blocks:?}").contains("deep text"),
            "{prefix:?}: text lost"
        );
    }
}

#[test]
fn huge_cells_and_spans_stay_bounded() {
    let huge = "word ".repeat(200_000);
    let rows = "<tr><td>x</td></tr>".repeat(2000);
    let source = format!(
        "<table><tr><td rowspan=\"999999999\" colspan=\"999999999\">{huge}</td></tr>{rows}</table>\n| a |\n|---|\n| {huge} |\n"
    );
    let blocks = html::parse(&source);
    let table = tables(&blocks)[0];
    assert_eq!(table.rows.len(), 2001, "rowspan is cut to the table's rows");
    assert!(table.rows[0].len() <= 1000, "colspan is capped");
    parse_both(&source);
}
