//! The HTML front end's rules, one small page each, plus snapshots of whole
//! pages.

mod frontends_support;

use apidoc_parser::blocks::{Block, BlockKind, Cell, Table};
use apidoc_parser::frontend::html;
use frontends_support::{fixture, linking, tables};

fn paragraph(text: &str, line: u32) -> Block {
    Block::new(BlockKind::Paragraph(text.to_string()), line)
}

/// The single table of `source`.
fn only_table(source: &str) -> Table {
    let blocks = html::parse(source);
    let found = tables(&blocks);
    assert_eq!(found.len(), 1, "{blocks:#?}");
    found[0].clone()
}

/// Each row's cells as text.
fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(Cell::text).collect())
        .collect()
}

#[test]
fn headings_keep_their_tag_level() {
    let blocks = html::parse(
        "<h1 class=\"topictitle1\">Title</h1><h2>Two</h2><h4 class=\"sectiontitle\">URI</h4>",
    );
    let levels: Vec<_> = blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading { level, text, .. } => (*level, text.as_str()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(levels, [(1, "Title"), (2, "Two"), (4, "URI")]);
}

#[test]
fn inline_markup_flattens_and_whitespace_is_normalised() {
    let blocks = html::parse(
        "<p>See <a href=\"x.html\">Obtaining\n  a Project ID</a> and <strong>[0,1]</strong> m<sup>2</sup>\u{a0}.</p>",
    );
    assert_eq!(
        blocks,
        [linking(
            "See Obtaining a Project ID and [0,1] m2 .",
            1,
            &[("x.html", "Obtaining a Project ID")]
        )]
    );
}

#[test]
fn br_ends_a_paragraph() {
    let blocks = html::parse("<p>Value range:<br>1~100<br/>Default value: 10</p>");
    assert_eq!(
        blocks,
        [
            paragraph("Value range:", 1),
            paragraph("1~100", 1),
            paragraph("Default value: 10", 1)
        ]
    );
}

#[test]
fn div_p_gives_its_text_then_its_table() {
    let source = "<div class=\"p\"><a href=\"#t\">Table 1</a> lists the parameter.\n<div class=\"tablenoborder\"><table><caption><b>Table 1 </b>Parameter description</caption><tr><th>Parameter</th></tr><tr><td>id</td></tr></table></div>\n</div>";
    let blocks = html::parse(source);
    assert_eq!(
        blocks[0],
        linking("Table 1 lists the parameter.", 1, &[("#t", "Table 1")])
    );
    let BlockKind::Table(table) = &blocks[1].kind else {
        panic!("{blocks:#?}")
    };
    assert_eq!(
        table.caption.as_deref(),
        Some("Table 1 Parameter description")
    );
    assert_eq!(blocks.len(), 2);
}

#[test]
fn caption_loses_its_markup() {
    let table = only_table(
        "<table><caption><b>Table 3 </b><strong id=\"x\">server</strong> field description</caption><tr><td>a</td></tr></table>",
    );
    assert_eq!(
        table.caption.as_deref(),
        Some("Table 3 server field description")
    );
}

#[test]
fn notes_keep_their_content_without_the_label() {
    let source = "<div class=\"note\"><img src=\"note.png\"><span class=\"notetitle\"> NOTE: </span><div class=\"notebody\"><p>This API has been discarded.</p></div></div>\
                  <div class=\"notice\"><span class=\"noticetitle\"> NOTICE: </span><div class=\"noticebody\"><ul><li>Careful.</li></ul></div></div>";
    let blocks = html::parse(source);
    assert_eq!(
        blocks[0],
        Block::new(
            BlockKind::Note(vec![paragraph("This API has been discarded.", 1)]),
            1
        )
    );
    let BlockKind::Note(inner) = &blocks[1].kind else {
        panic!("{blocks:#?}")
    };
    assert!(
        matches!(
            &inner[..],
            [Block {
                kind: BlockKind::List { ordered: false, .. },
                ..
            }]
        ),
        "{inner:#?}"
    );
}

#[test]
fn only_boxes_with_a_note_class_are_notes() {
    let table = only_table(
        "<table class=\"warning\"><tr><td><span class=\"note\">a</span></td></tr></table>",
    );
    assert_eq!(table.rows[0][0].blocks, [paragraph("a", 1)]);
}

#[test]
fn footer_scripts_styles_images_and_anchors_are_dropped() {
    let source = "<a name=\"X\"></a><a name=\"X\"></a>\n<h1>T</h1><script>var x = '<p>no</p>';</script><style>p {}</style><img src=\"a.png\">\
                  <div><div class=\"familylinks\"><div class=\"parentlink\"><strong>Parent topic:</strong> <a href=\"p.html\">Tag Management</a></div></div></div>";
    let blocks = html::parse(source);
    assert_eq!(
        blocks,
        [Block::new(
            BlockKind::Heading {
                level: 1,
                text: "T".into(),
                anchor: None
            },
            2
        )]
    );
}

#[test]
fn pre_is_verbatim_with_entities_decoded_and_no_trailing_newline() {
    let blocks = html::parse(
        "<pre class=\"screen\">{\n\t&quot;a&quot; : &lt;1&gt;\n}\n\n</pre><pre><code class=\"language-json\">{}</code></pre>",
    );
    assert_eq!(
        blocks[0].kind,
        BlockKind::Code {
            lang: None,
            text: "{\n\t\"a\" : <1>\n}".into()
        }
    );
    assert_eq!(
        blocks[1].kind,
        BlockKind::Code {
            lang: Some("json".into()),
            text: "{}".into()
        }
    );
}

#[test]
fn lists_nest_and_items_hold_blocks() {
    let source = "<ul><li>Example Request<pre class=\"screen\">GET /v1</pre></li><li><p>a</p><ol><li>b</li></ol></li></ul>";
    let blocks = html::parse(source);
    let expected = BlockKind::List {
        ordered: false,
        items: vec![
            vec![
                paragraph("Example Request", 1),
                Block::new(
                    BlockKind::Code {
                        lang: None,
                        text: "GET /v1".into(),
                    },
                    1,
                ),
            ],
            vec![
                paragraph("a", 1),
                Block::new(
                    BlockKind::List {
                        ordered: true,
                        items: vec![vec![paragraph("b", 1)]],
                    },
                    1,
                ),
            ],
        ],
    };
    assert_eq!(blocks, [Block::new(expected, 1)]);
}

#[test]
fn a_list_written_directly_inside_a_list_joins_the_item_before() {
    let blocks = html::parse("<ul><li>a</li><ul><li>b</li></ul></ul>");
    let BlockKind::List { items, .. } = &blocks[0].kind else {
        panic!("{blocks:#?}")
    };
    assert_eq!(items.len(), 1);
    assert!(
        matches!(items[0][1].kind, BlockKind::List { .. }),
        "{items:#?}"
    );
}

#[test]
fn thead_rows_are_the_header_and_cells_hold_blocks() {
    let table = only_table(
        "<table><thead><tr><th><p>Parameter</p></th><th><p>Description</p></th></tr></thead>\
         <tbody><tr><td>tags</td><td><p>Options:</p><ul><li>a</li><li>b</li></ul></td></tr></tbody></table>",
    );
    assert_eq!(texts(&table.header), [["Parameter", "Description"]]);
    assert_eq!(texts(&table.rows), [["tags", "Options:\n• a\n• b"]]);
    assert!(matches!(
        table.rows[0][1].blocks[1].kind,
        BlockKind::List { .. }
    ));
}

#[test]
fn without_thead_leading_th_rows_are_the_header() {
    let table =
        only_table("<table><tr><th>A</th><th>B</th></tr><tr><th>x</th><td>1</td></tr></table>");
    assert_eq!(texts(&table.header), [["A", "B"]]);
    assert_eq!(texts(&table.rows), [["x", "1"]]);
}

#[test]
fn spans_are_resolved_into_a_full_grid() {
    let table = only_table(
        "<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>\
         <tbody><tr><td rowspan=\"2\">x</td><td colspan=\"2\">y</td></tr><tr><td>z</td><td>w</td></tr></tbody></table>",
    );
    assert_eq!(texts(&table.rows), [["x", "y", "y"], ["x", "z", "w"]]);
}

#[test]
fn rowspans_stop_at_the_end_of_their_group() {
    let table = only_table(
        "<table><thead><tr><th rowspan=\"5\">A</th><th>B</th></tr></thead>\
         <tbody><tr><td rowspan=\"99999999\">x</td><td>1</td></tr><tr><td>2</td></tr><tr><td rowspan=\"0\">y</td><td>3</td></tr><tr><td>4</td></tr></tbody></table>",
    );
    assert_eq!(texts(&table.header), [["A", "B", ""]]);
    assert_eq!(
        texts(&table.rows),
        [
            ["x", "1", ""],
            ["x", "2", ""],
            ["x", "y", "3"],
            ["x", "y", "4"]
        ]
    );
}

#[test]
fn broken_table_markup_reads_as_the_html5_parser_repairs_it() {
    // ecs pages carry markup such as a row opened inside a header cell.
    let table = only_table(
        "<table><thead><tr><th>Parameter</th><th><tr><th>Type</th></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
    );
    assert_eq!(texts(&table.header), [["Parameter", ""], ["Type", ""]]);
    assert_eq!(texts(&table.rows), [["a", "b"]]);
}

#[test]
fn tables_nest_inside_cells() {
    let blocks = html::parse(
        "<table><tr><td>outer<table><caption>Table 9 inner</caption><tr><td>i</td></tr></table></td></tr></table>",
    );
    let found = tables(&blocks);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].caption.as_deref(), Some("Table 9 inner"));
    assert_eq!(found[0].rows[0][0].blocks[0], paragraph("outer", 1));
}

#[test]
fn lines_are_those_of_the_start_tags() {
    let source = "\
<h1>Title</h1>
<div class=\"section\"><h4 class=\"sectiontitle\">URI</h4><p>GET /v1/{project_id}/tags</p>
<div class=\"tablenoborder\"><table><caption><b>Table 1 </b>Path Parameters</caption><thead align=\"left\"><tr><th><p>Parameter</p>
</th>
<th
  class=\"cellrowborder\"><p>Type</p>
</th>
</tr>
</thead>
<tbody><tr><td>
    project_id
</td>
<td><p>String</p>
</td>
</tr>
</tbody>
</table>
</div>
<p>
  Status code: 200</p>
</div>";
    let blocks = html::parse(source);
    let lines: Vec<u32> = blocks.iter().map(|b| b.line).collect();
    assert_eq!(lines, [1, 2, 2, 3, 19]);
    let BlockKind::Table(table) = &blocks[3].kind else {
        panic!("{blocks:#?}")
    };
    let cell_lines = |rows: &[Vec<Cell>]| -> Vec<Vec<u32>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.line).collect())
            .collect()
    };
    assert_eq!(cell_lines(&table.header), [[3, 5]]);
    assert_eq!(cell_lines(&table.rows), [[10, 13]]);
    assert_eq!(table.rows[0][0].blocks, [paragraph("project_id", 11)]);
}

#[test]
fn crlf_and_lone_cr_are_one_line_break_each() {
    let lines = |source: &str| {
        html::parse(source)
            .iter()
            .map(|b| b.line)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines("<p>a</p>\n<p>b</p>\n\n<p>c</p>"), [1, 2, 4]);
    assert_eq!(lines("<p>a</p>\r\n<p>b</p>\r\n\r\n<p>c</p>"), [1, 2, 4]);
    assert_eq!(lines("<p>a</p>\r<p>b</p>\r\r<p>c</p>"), [1, 2, 4]);
    assert_eq!(
        lines("<td>\r\n  a\r\n  b</td>\r\n<div>\r\n\r\n c</div>"),
        [2, 6]
    );
}

#[test]
fn snapshot_modelarts_delete_dataset_version() {
    insta::assert_yaml_snapshot!(html::parse(&fixture(
        "html/modelarts/DeleteDatasetVersion.html"
    )));
}

#[test]
fn snapshot_ecs_querying_project_tags() {
    insta::assert_yaml_snapshot!(html::parse(&fixture(
        "html/ecs/en-us_topic_0000001207623588.html"
    )));
}

#[test]
fn a_table_is_anchored_by_its_id_or_an_empty_named_anchor_before_it() {
    let by_id = only_table("<table id=\"page__table7\"><tr><th>Parameter</th></tr></table>");
    assert_eq!(by_id.anchor.as_deref(), Some("page__table7"));
    let by_name = only_table(
        "<a name=\"table12\"></a>\n<table><tr><th>Name</th></tr><tr><td><p><a name=\"p1\"></a>x</p></td></tr></table>",
    );
    assert_eq!(by_name.anchor.as_deref(), Some("table12"));
    // Text between the anchor and the table: the anchor names that text.
    let apart =
        only_table("<a name=\"table12\"></a>Some words.<table><tr><th>Name</th></tr></table>");
    assert_eq!(apart.anchor, None);
}

#[test]
fn links_in_cells_stay_on_their_paragraph_and_external_ones_are_not_kept() {
    let table = only_table(
        "<table><tr><th>Type</th></tr><tr><td>Array of <a href=\"shared.md#table3\">tag</a> objects, see <a href=\"https://example.com/x\">x</a></td></tr></table>",
    );
    assert_eq!(
        table.rows[0][0].blocks,
        [linking(
            "Array of tag objects, see x",
            1,
            &[("shared.md#table3", "tag")]
        )]
    );
}
