//! Differential test: every HTML fixture and its pandoc Markdown conversion
//! give the same blocks, line numbers aside.
//!
//! Two differences come from pandoc and are allowed, nothing else:
//! - Code languages: pandoc turns the `pre`'s class (`screen`) into the
//!   fence's info string, so the Markdown side has a language where the HTML
//!   side has none. Languages are not compared.
//! - Row spans: pipe tables cannot span rows, so pandoc leaves the cells a
//!   rowspan covers empty. An empty Markdown cell matches an HTML cell that
//!   repeats the cell above it (the copy a rowspan makes).

mod frontends_support;

use std::path::Path;

use apidoc_parser::blocks::{Block, BlockKind, Cell, Table};
use apidoc_parser::frontend::{html, markdown};
use frontends_support::fixture_path;

#[test]
fn html_fixtures_and_their_markdown_conversions_give_the_same_blocks() {
    let pages = html_fixtures(&fixture_path("html"));
    assert!(pages.len() >= 13, "fixture pages: {pages:?}");
    let mut failures = Vec::new();
    for page in &pages {
        let markdown_path = fixture_path("markdown").join(page).with_extension("md");
        let html_source =
            std::fs::read_to_string(fixture_path("html").join(page)).expect("HTML fixture");
        let markdown_source =
            std::fs::read_to_string(&markdown_path).expect("every HTML fixture has its conversion");
        let name = page.display().to_string();
        if let Some(difference) = blocks_difference(
            &html::parse(&html_source),
            &markdown::parse(&markdown_source),
            &name,
        ) {
            failures.push(difference);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_comparison_notices_a_real_difference() {
    let html_blocks =
        html::parse("<table><tr><th>a</th></tr><tr><td>1</td></tr><tr><td>2</td></tr></table>");
    let same = markdown::parse("| a |\n|---|\n| 1 |\n| 2 |\n");
    let emptied = markdown::parse("| a |\n|---|\n| 1 |\n|   |\n");
    let retitled = markdown::parse("| b |\n|---|\n| 1 |\n| 2 |\n");
    assert_eq!(blocks_difference(&html_blocks, &same, "same"), None);
    assert!(
        blocks_difference(&html_blocks, &emptied, "emptied").is_some(),
        "an empty cell under a different one"
    );
    assert!(blocks_difference(&html_blocks, &retitled, "retitled").is_some());
}

/// Paths of the `.html` files under `dir`, relative to it, sorted.
fn html_fixtures(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)
            .expect("fixture directory")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    found.sort();
    found
}

/// Where the Markdown blocks first differ from the HTML ones, if anywhere.
fn blocks_difference(html: &[Block], markdown: &[Block], at: &str) -> Option<String> {
    if html.len() != markdown.len() {
        return Some(format!(
            "{at}: {} blocks from HTML, {} from Markdown\nHTML: {}\nMarkdown: {}",
            html.len(),
            markdown.len(),
            outline(html),
            outline(markdown)
        ));
    }
    html.iter()
        .zip(markdown)
        .enumerate()
        .find_map(|(i, (h, m))| block_difference(h, m, &format!("{at}/{i}")))
}

fn block_difference(html: &Block, markdown: &Block, at: &str) -> Option<String> {
    let differs = |what: &str| {
        Some(format!(
            "{at}: {what}\nHTML: {:?}\nMarkdown: {:?}",
            html.kind, markdown.kind
        ))
    };
    match (&html.kind, &markdown.kind) {
        (
            BlockKind::Heading {
                level: hl,
                text: ht,
                ..
            },
            BlockKind::Heading {
                level: ml,
                text: mt,
                ..
            },
        ) => (hl != ml || ht != mt).then(|| differs("heading")).flatten(),
        (BlockKind::Paragraph(h), BlockKind::Paragraph(m)) => {
            (h != m).then(|| differs("paragraph")).flatten()
        }
        (BlockKind::Code { text: h, .. }, BlockKind::Code { text: m, .. }) => {
            (h != m).then(|| differs("code")).flatten()
        }
        (
            BlockKind::List {
                ordered: ho,
                items: hi,
            },
            BlockKind::List {
                ordered: mo,
                items: mi,
            },
        ) => {
            if ho != mo || hi.len() != mi.len() {
                return differs("list kind or length");
            }
            hi.iter()
                .zip(mi)
                .enumerate()
                .find_map(|(i, (h, m))| blocks_difference(h, m, &format!("{at}/item{i}")))
        }
        (BlockKind::Note(h), BlockKind::Note(m)) => blocks_difference(h, m, &format!("{at}/note")),
        (BlockKind::Table(h), BlockKind::Table(m)) => table_difference(h, m, at),
        _ => differs("block kind"),
    }
}

fn table_difference(html: &Table, markdown: &Table, at: &str) -> Option<String> {
    if html.caption != markdown.caption {
        return Some(format!(
            "{at}: caption {:?} vs {:?}",
            html.caption, markdown.caption
        ));
    }
    let html_rows: Vec<&Vec<Cell>> = html.header.iter().chain(&html.rows).collect();
    let markdown_rows: Vec<&Vec<Cell>> = markdown.header.iter().chain(&markdown.rows).collect();
    let shape = |rows: &[&Vec<Cell>]| rows.iter().map(|r| r.len()).collect::<Vec<_>>();
    if html.header.len() != markdown.header.len() || shape(&html_rows) != shape(&markdown_rows) {
        return Some(format!(
            "{at}: table shape {:?} vs {:?}",
            shape(&html_rows),
            shape(&markdown_rows)
        ));
    }
    for (r, (html_row, markdown_row)) in html_rows.iter().zip(&markdown_rows).enumerate() {
        for (c, (h, m)) in html_row.iter().zip(markdown_row.iter()).enumerate() {
            let Some(difference) =
                blocks_difference(&h.blocks, &m.blocks, &format!("{at}/row{r}/cell{c}"))
            else {
                continue;
            };
            let spanned_from_above =
                r > 0 && blocks_difference(&html_rows[r - 1][c].blocks, &h.blocks, "").is_none();
            if !(m.blocks.is_empty() && spanned_from_above) {
                return Some(difference);
            }
        }
    }
    None
}

/// One line per block: its kind and the start of its text.
fn outline(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| {
            let text = format!("{:?}", b.kind);
            format!("\n  {}", text.chars().take(90).collect::<String>())
        })
        .collect()
}
