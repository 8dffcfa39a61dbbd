//! The Markdown front end's rules, one small page each, plus a snapshot of
//! the seed page's pandoc conversion.

mod frontends_support;

use apidoc_parser::blocks::{Block, BlockKind, Cell, Table};
use apidoc_parser::frontend::markdown;
use frontends_support::{fixture, linking, tables};

fn paragraph(text: &str, line: u32) -> Block {
    Block::new(BlockKind::Paragraph(text.to_string()), line)
}

fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(Cell::text).collect())
        .collect()
}

/// The tables of `source`, in order.
fn all_tables(source: &str) -> Vec<Table> {
    tables(&markdown::parse(source))
        .into_iter()
        .cloned()
        .collect()
}

fn captions(source: &str) -> Vec<Option<String>> {
    all_tables(source).into_iter().map(|t| t.caption).collect()
}

#[test]
fn headings_paragraphs_and_lines() {
    let blocks =
        markdown::parse("# Title\n\n## Function\n\nQueries the\nconfigurations.\n\n#### URI\n");
    assert_eq!(
        blocks,
        [
            Block::new(
                BlockKind::Heading {
                    level: 1,
                    text: "Title".into(),
                    anchor: None
                },
                1
            ),
            Block::new(
                BlockKind::Heading {
                    level: 2,
                    text: "Function".into(),
                    anchor: None
                },
                3
            ),
            paragraph("Queries the configurations.", 5),
            Block::new(
                BlockKind::Heading {
                    level: 4,
                    text: "URI".into(),
                    anchor: None
                },
                8
            ),
        ]
    );
}

#[test]
fn inline_markup_flattens_and_a_hard_break_ends_the_paragraph() {
    let blocks = markdown::parse(
        "See [Error Codes](e.html), **bold** `code`\\\nnext <sup>2</sup>![img](a.png)\n",
    );
    assert_eq!(
        blocks,
        [
            linking(
                "See Error Codes, bold code",
                1,
                &[("e.html", "Error Codes")]
            ),
            paragraph("next 2", 2)
        ]
    );
}

#[test]
fn lists_nest_and_know_their_kind() {
    let blocks = markdown::parse("- a\n  1. b\n  2. c\n- d\n\n  more d\n");
    let expected = BlockKind::List {
        ordered: false,
        items: vec![
            vec![
                paragraph("a", 1),
                Block::new(
                    BlockKind::List {
                        ordered: true,
                        items: vec![vec![paragraph("b", 2)], vec![paragraph("c", 3)]],
                    },
                    2,
                ),
            ],
            vec![paragraph("d", 4), paragraph("more d", 6)],
        ],
    };
    assert_eq!(blocks, [Block::new(expected, 1)]);
}

#[test]
fn code_is_verbatim_with_the_fence_language() {
    let blocks = markdown::parse(
        "Example\n\n```json\n{\n  \"a\": \"<b> & c\"\n}\n```\n\n    indented\n      code\n",
    );
    assert_eq!(
        blocks[1],
        Block::new(
            BlockKind::Code {
                lang: Some("json".into()),
                text: "{\n  \"a\": \"<b> & c\"\n}".into()
            },
            3
        )
    );
    assert_eq!(
        blocks[2],
        Block::new(
            BlockKind::Code {
                lang: None,
                text: "indented\n  code".into()
            },
            9
        )
    );
}

#[test]
fn blockquotes_are_notes() {
    let blocks = markdown::parse("> **NOTE:**\n> This API has been discarded.\n");
    assert_eq!(
        blocks,
        [Block::new(
            BlockKind::Note(vec![paragraph("NOTE: This API has been discarded.", 1)]),
            1
        )]
    );
}

#[test]
fn table_cells_split_at_br_and_bullets_become_lists() {
    let source = "\
| Parameter | Description |
|---|---|
| limit | Number of items.<br>Value range:<br>1~100 |
| type | Options:<br>- VOICE: timbre<br>- IMAGE: picture<br>Default: VOICE |
| kind | • a<br>• b |
";
    let table = &all_tables(source)[0];
    assert_eq!(texts(&table.header), [["Parameter", "Description"]]);
    assert_eq!(
        texts(&table.rows),
        [
            ["limit", "Number of items.\nValue range:\n1~100"],
            [
                "type",
                "Options:\n• VOICE: timbre\n• IMAGE: picture\nDefault: VOICE"
            ],
            ["kind", "• a\n• b"],
        ]
    );
    let kinds: Vec<_> = table.rows[1][1]
        .blocks
        .iter()
        .map(|b| std::mem::discriminant(&b.kind))
        .collect();
    let list = std::mem::discriminant(&BlockKind::List {
        ordered: false,
        items: vec![],
    });
    let para = std::mem::discriminant(&BlockKind::Paragraph(String::new()));
    assert_eq!(kinds, [para, list, para]);
    let lines: Vec<Vec<u32>> = table
        .header
        .iter()
        .chain(&table.rows)
        .map(|r| r.iter().map(|c| c.line).collect())
        .collect();
    assert_eq!(lines, [[1, 1], [3, 3], [4, 4], [5, 5]]);
}

#[test]
fn caption_written_before_the_table() {
    let source =
        "Table 2 Request body parameters\n\n| Parameter | Type |\n|---|---|\n| name | String |\n";
    assert_eq!(
        captions(source),
        [Some("Table 2 Request body parameters".into())]
    );
    assert!(
        !markdown::parse(source)
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Paragraph(_))),
        "the caption is no paragraph"
    );
}

#[test]
fn pandoc_caption_after_the_table_wins_over_prose_before_it() {
    let source = "\
[Table 2](#t) describes the response parameter.

| Parameter | Type |
|---|---|
| tags | Array of objects |

**Table 2** Response parameter
";
    assert_eq!(
        captions(source),
        [Some("Table 2 Response parameter".into())]
    );
    assert_eq!(
        markdown::parse(source)[0],
        linking(
            "Table 2 describes the response parameter.",
            1,
            &[("#t", "Table 2")]
        )
    );
}

#[test]
fn bold_captions_before_their_tables_stay_with_them() {
    let source = "**Table 1** A\n\n| x |\n|---|\n| 1 |\n\n**Table 2** B\n\n| y |\n|---|\n| 2 |\n";
    assert_eq!(
        captions(source),
        [Some("Table 1 A".into()), Some("Table 2 B".into())]
    );
}

#[test]
fn pandoc_table_prefix_captions() {
    let source = "| x |\n|---|\n| 1 |\n\nTable: Query Parameters\n\n: Header parameters\n\n| y |\n|---|\n| 2 |\n";
    assert_eq!(
        captions(source),
        [
            Some("Query Parameters".into()),
            Some("Header parameters".into())
        ]
    );
}

#[test]
fn a_table_without_a_caption_leaves_prose_alone() {
    let source = "Status Codes\n\n| Status Code | Description |\n|---|---|\n| 200 | OK |\n\nSee Error Codes.\n";
    assert_eq!(captions(source), [None]);
    assert_eq!(markdown::parse(source).len(), 3);
}

#[test]
fn raw_html_tables_go_through_the_html_front_end() {
    let source = "\
#### URI

<table>
<caption><strong>Table 1</strong> Path
Parameters</caption>
<thead>
<tr class=\"header\">
<th>OS</th>
<th>Version</th>
</tr>
</thead>
<tbody>
<tr>
<td rowspan=\"2\"><p>CentOS</p></td>
<td>7.3</td>
</tr>
<tr>
<td>7.2</td>
</tr>
</tbody>
</table>

**Table 1** Path Parameters

After.
";
    let blocks = markdown::parse(source);
    let BlockKind::Table(table) = &blocks[1].kind else {
        panic!("{blocks:#?}")
    };
    assert_eq!(blocks[1].line, 3);
    assert_eq!(table.caption.as_deref(), Some("Table 1 Path Parameters"));
    assert_eq!(texts(&table.rows), [["CentOS", "7.3"], ["CentOS", "7.2"]]);
    assert_eq!(table.rows[1][1].line, 18);
    assert_eq!(
        blocks[2],
        paragraph("After.", 25),
        "the repeated caption paragraph is dropped"
    );
    assert_eq!(blocks.len(), 3);
}

#[test]
fn raw_html_tables_keep_blank_lines_inside_pre() {
    let source = "\
<table>
<tbody>
<tr>
<td><p>Options:</p>
<pre><code>- **day**: yesterday

      - **month**: 30 days</code></pre></td>
</tr>
</tbody>
</table>

Next paragraph.
";
    let blocks = markdown::parse(source);
    let BlockKind::Table(table) = &blocks[0].kind else {
        panic!("{blocks:#?}")
    };
    let cell = &table.rows[0][0].blocks;
    assert_eq!(
        cell[1].kind,
        BlockKind::Code {
            lang: None,
            text: "- **day**: yesterday\n\n      - **month**: 30 days".into()
        }
    );
    assert_eq!(blocks[1], paragraph("Next paragraph.", 12));
}

#[test]
fn pandoc_note_divs_become_notes_and_the_parent_topic_footer_goes() {
    let source = "\
<div class=\"note\">

<span class=\"notetitle\"> NOTE: </span>

<div class=\"notebody\">

This API has been discarded.

</div>

</div>

<div class=\"familylinks\">

**Parent topic:** [Tag Management](t.html)

</div>
";
    let blocks = markdown::parse(source);
    assert_eq!(
        blocks,
        [Block::new(
            BlockKind::Note(vec![paragraph("This API has been discarded.", 7)]),
            1
        )]
    );
}

#[test]
fn snapshot_seed_000_pandoc() {
    insta::assert_yaml_snapshot!(markdown::parse(&fixture("markdown/seed_000.md")));
}

#[test]
fn a_raw_table_after_a_named_anchor_line_carries_the_anchor() {
    let source = "**Table 2** label parameters\n\n<a name=\"table42\"></a>\n<table><tr><th>Name</th></tr><tr><td>key</td></tr></table>\n";
    let blocks = markdown::parse(source);
    let anchors: Vec<_> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t.anchor.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(anchors, [Some("table42".to_owned())]);
}
