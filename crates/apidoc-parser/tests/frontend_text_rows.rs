//! The row-start rule of text tables: a row starts at a name whose
//! following lines fit the fixed columns; descriptions holding values, type
//! words or names on lines of their own stay in their cell.

mod frontend_text_support;

use apidoc_parser::blocks::{BlockKind, Table};
use apidoc_parser::frontend::text::parse;
use frontend_text_support::render;

/// Builds a text page from lines, one blank line between each (as browsers
/// copy table cells).
fn page(lines: &[&str]) -> String {
    lines.join("\n\n")
}

/// The only table of `source`.
fn table(source: &str) -> Table {
    let tables: Vec<Table> = parse(source)
        .into_iter()
        .filter_map(|block| match block.kind {
            BlockKind::Table(table) => Some(table),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "{}", render(&parse(source)));
    tables.into_iter().next().expect("one table")
}

/// Each row as its cells' texts.
fn rows(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.text()).collect())
        .collect()
}

const HEADER4: [&str; 5] = [
    "Table 1 Query Parameters",
    "Parameter",
    "Mandatory",
    "Type",
    "Description",
];
const HEADER3: [&str; 4] = [
    "Table 2 Response body parameters",
    "Parameter",
    "Type",
    "Description",
];

fn with_header(header: &[&str], body: &[&str]) -> String {
    page(&[header, body].concat())
}

#[test]
fn values_on_their_own_line_stay_in_the_description() {
    let source = with_header(
        &HEADER4,
        &[
            "limit",
            "No",
            "Integer",
            "Items per page.",
            "Value range:",
            "1~100",
            "Default value:",
            "10",
            "enabled",
            "No",
            "Boolean",
            "Switch.",
            "Default value:",
            "false",
            "offset",
            "No",
            "Integer",
            "Offset.",
        ],
    );
    assert_eq!(
        rows(&table(&source)),
        [
            vec![
                "limit",
                "No",
                "Integer",
                "Items per page.\nValue range:\n1~100\nDefault value:\n10"
            ],
            vec!["enabled", "No", "Boolean", "Switch.\nDefault value:\nfalse"],
            vec!["offset", "No", "Integer", "Offset."],
        ]
    );
}

#[test]
fn a_type_word_alone_in_a_description_does_not_start_a_row() {
    let source = with_header(
        &HEADER3,
        &[
            "value",
            "String",
            "Value, interpreted by type:",
            "String",
            "Plain text.",
            "kind",
            "String",
            "Kind.",
        ],
    );
    assert_eq!(
        rows(&table(&source)),
        [
            vec![
                "value",
                "String",
                "Value, interpreted by type:\nString\nPlain text."
            ],
            vec!["kind", "String", "Kind."],
        ]
    );
}

#[test]
fn definition_paragraphs_stay_in_the_description() {
    let source = with_header(
        &HEADER4,
        &[
            "X-Auth-Token",
            "Yes",
            "String",
            "Definition",
            "User token.",
            "Constraints",
            "N/A",
            "Range",
            "1 to 100,000 characters.",
            "Default Value",
            "N/A",
            "project_id",
            "No",
            "String",
            "Definition",
            "Project ID.",
        ],
    );
    assert_eq!(
        rows(&table(&source)),
        [
            vec![
                "X-Auth-Token",
                "Yes",
                "String",
                "Definition\nUser token.\nConstraints\nN/A\nRange\n1 to 100,000 characters.\nDefault Value\nN/A",
            ],
            vec!["project_id", "No", "String", "Definition\nProject ID."],
        ]
    );
}

#[test]
fn absent_mandatory_values_leave_an_empty_cell() {
    let source = page(&[
        "表1 路径参数",
        "参数",
        "是否必选",
        "参数类型",
        "描述",
        "project_id",
        "String",
        "项目ID",
        "默认取值:",
        "false",
        "is_on",
        "Boolean",
        "开关",
    ]);
    let table = table(&source);
    assert_eq!(
        rows(&table),
        [
            vec!["project_id", "", "String", "项目ID\n默认取值:\nfalse"],
            vec!["is_on", "", "Boolean", "开关"]
        ]
    );
    // The empty cell sits at its row's line.
    assert_eq!(table.rows[1][1].line, table.rows[1][0].line);
}

#[test]
fn mandatory_values_may_be_present_in_some_rows_only() {
    let source = with_header(
        &HEADER4,
        &["a", "Yes", "String", "A.", "b", "Integer", "B."],
    );
    assert_eq!(
        rows(&table(&source)),
        [
            vec!["a", "Yes", "String", "A."],
            vec!["b", "", "Integer", "B."]
        ]
    );
}

#[test]
fn model_array_and_generic_types_start_rows() {
    let source = with_header(
        &HEADER3,
        &[
            "items",
            "Array of CollectionInfo objects",
            "Items.",
            "config",
            "SubAccountControlConfig object",
            "Config.",
            "tags",
            "Map<String,String>",
            "Tags.",
            "ids",
            "List<String>",
            "IDs.",
            "names",
            "String array",
            "Names.",
        ],
    );
    let keys: Vec<String> = rows(&table(&source))
        .into_iter()
        .map(|row| row[0].clone())
        .collect();
    assert_eq!(keys, ["items", "config", "tags", "ids", "names"]);
}

#[test]
fn status_code_rows_start_at_three_digit_codes_only() {
    let source = page(&[
        "Status Codes",
        "Status Code",
        "Description",
        "200",
        "OK",
        "401",
        "Unauthorized",
        "10",
        "500",
        "Error",
    ]);
    assert_eq!(
        rows(&table(&source)),
        [
            vec!["200", "OK"],
            vec!["401", "Unauthorized\n10"],
            vec!["500", "Error"]
        ]
    );
}

#[test]
fn bullets_in_a_description_become_one_list() {
    let source = with_header(
        &HEADER3,
        &[
            "type",
            "String",
            "Notification type.",
            "  • A: first",
            "  • B: second",
            "Note.",
        ],
    );
    let table = table(&source);
    let description = &table.rows[0][2].blocks;
    assert_eq!(description.len(), 3);
    let BlockKind::List {
        ordered: false,
        items,
    } = &description[1].kind
    else {
        panic!("{description:?}")
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        table.rows[0][2].text(),
        "Notification type.\n• A: first\n• B: second\nNote."
    );
}

#[test]
fn the_table_ends_at_a_status_line_heading_or_next_caption() {
    for end in [
        "Status code: 401",
        "状态码:400",
        "状态码：400",
        "Example Requests",
        "Table 3 Foo\n\nParameter",
    ] {
        let source = with_header(&HEADER3, &["code", "String", "Code.", end]);
        let blocks = parse(&source);
        let BlockKind::Table(table) = &blocks[0].kind else {
            panic!("{end}")
        };
        assert_eq!(rows(table), [vec!["code", "String", "Code."]], "{end}");
        assert!(blocks.len() >= 2, "{end}");
    }
}

#[test]
fn a_sentence_starting_with_table_n_does_not_end_the_table() {
    let source = with_header(
        &HEADER3,
        &[
            "code",
            "String",
            "Code.",
            "Table 3 lists the codes.",
            "More.",
        ],
    );
    assert_eq!(
        rows(&table(&source)),
        [vec![
            "code",
            "String",
            "Code.\nTable 3 lists the codes.\nMore."
        ]]
    );
}

#[test]
fn one_line_text_columns_before_the_last_take_one_line_each() {
    let source = page(&[
        "Error Codes",
        "Status Code",
        "Error Code",
        "Error Message",
        "Description",
        "400",
        "APIG.0101",
        "The API does not exist",
        "Check the URL.",
        "Try again.",
        "401",
        "APIG.0301",
        "Unauthorized",
        "Log in.",
    ]);
    assert_eq!(
        rows(&table(&source)),
        [
            vec![
                "400",
                "APIG.0101",
                "The API does not exist",
                "Check the URL.\nTry again."
            ],
            vec!["401", "APIG.0301", "Unauthorized", "Log in."],
        ]
    );
}

#[test]
fn a_first_row_with_an_unknown_type_is_kept_loosely() {
    let source = with_header(
        &HEADER4,
        &[
            "mode", "Yes", "Enum", "Mode.", "size", "No", "Integer", "Size.",
        ],
    );
    assert_eq!(
        rows(&table(&source)),
        [
            vec!["mode", "Yes", "Enum", "Mode."],
            vec!["size", "No", "Integer", "Size."]
        ]
    );
}

#[test]
fn a_body_that_does_not_start_with_a_name_leaves_the_table_empty() {
    let source = with_header(&HEADER3, &["Some prose after the header.", "More prose."]);
    let blocks = parse(&source);
    let BlockKind::Table(table) = &blocks[0].kind else {
        panic!()
    };
    assert!(table.rows.is_empty());
    assert_eq!(table.header[0].len(), 3);
    assert_eq!(
        render(&blocks[1..]),
        "L9 P Some prose after the header.\nL11 P More prose.\n"
    );
}

#[test]
fn a_json_example_in_a_description_is_code() {
    let source = with_header(
        &HEADER3,
        &[
            "body",
            "Object",
            "Example:",
            "{\n  \"a\" : 1\n}",
            "next",
            "String",
            "Next.",
        ],
    );
    let table = table(&source);
    assert_eq!(rows(&table)[1], ["next", "String", "Next."]);
    let BlockKind::Code { lang, text } = &table.rows[0][2].blocks[1].kind else {
        panic!()
    };
    assert_eq!(
        (lang.as_deref(), text.as_str()),
        (Some("json"), "{\n  \"a\" : 1\n}")
    );
}

#[test]
fn a_lowercase_name_equal_to_a_header_word_is_a_row() {
    // Seed 001: the first row of a Parameter/Type/Description table is "type".
    let source = with_header(&HEADER3, &["type", "String", "Notification type."]);
    assert_eq!(
        rows(&table(&source)),
        [vec!["type", "String", "Notification type."]]
    );
}
