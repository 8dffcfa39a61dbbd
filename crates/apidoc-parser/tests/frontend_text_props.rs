//! Properties of the text front end on any input: it never panics, every
//! non-blank line lands in exactly one block (SDK line numbers aside), and
//! line numbers stay within the source and in order.

mod frontend_text_support;

use apidoc_parser::blocks::Block;
use apidoc_parser::frontend::text::parse;
use frontend_text_support::{all_lines, block_lines, source_lines, without_numbers};
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    include_str!("fixtures/text/000_37ecb5e41607ce1b.txt"),
    include_str!("fixtures/text/001_5895c310bf871631.txt"),
    include_str!("fixtures/text/002_4e79ef88630fefdf.txt"),
    include_str!("fixtures/text/003_b856d7b32c063b91.txt"),
    include_str!("fixtures/text/004_05b83e28723b5985.txt"),
];

/// Lines that trigger the front end's rules, to build pages that exercise
/// them in odd orders.
const SHAPED_LINES: &[&str] = &[
    "Help Center/ A/ Title",
    "Title",
    "Updated on 2025-12-08 GMT+08:00",
    "分享",
    "Function",
    "URI",
    "Status Codes",
    "状态码",
    "Error Codes",
    "Table 1 Query Parameters",
    "表2 请求Body参数",
    "Parameter",
    "Mandatory",
    "Type",
    "Description",
    "参数",
    "是否必选",
    "参数类型",
    "描述",
    "Status Code",
    "Status code: 200",
    "状态码:400",
    "状态码：401",
    "project_id",
    "type",
    "200",
    "Yes",
    "No",
    "String",
    "Boolean",
    "Array of strings",
    "CollectionInfo object",
    "Default value:",
    "false",
    "10",
    "  • VALUE: text",
    "- item",
    "• • nested marker",
    "{",
    "}",
    "[",
    "]",
    "  \"a\" : \"}\",",
    "{\"a\": 1}",
    "[Optional] text",
    " 1",
    " 2",
    " 3",
    "package main",
    "GET https://{endpoint}/v1/x",
    "",
    "   ",
    "\u{a0}",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(SHAPED_LINES).prop_map(str::to_owned),
        1 => "[^\n]{0,24}",
    ]
}

fn shaped_page() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(line(), 0..60),
        proptest::bool::ANY,
    )
        .prop_map(|(lines, blank_between)| lines.join(if blank_between { "\n\n" } else { "\n" }))
}

fn truncated_seed() -> impl Strategy<Value = String> {
    (0..SEEDS.len(), 0.0f64..1.0).prop_map(|(seed, fraction)| {
        let text = SEEDS[seed];
        let mut cut = (text.len() as f64 * fraction) as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text[..cut].to_owned()
    })
}

/// The properties every parse must have.
fn check(source: &str) -> Result<(), TestCaseError> {
    let blocks = parse(source);
    check_lines_kept(source, &blocks)?;
    check_line_numbers(source, &blocks)
}

/// No line lost, none invented. Lines that are only digits are compared
/// separately: SDK line numbers are dropped, so blocks may hold fewer.
fn check_lines_kept(source: &str, blocks: &[Block]) -> Result<(), TestCaseError> {
    let (expected, found) = (source_lines(source), block_lines(blocks));
    let digits = |counts: &std::collections::BTreeMap<String, usize>| {
        counts
            .iter()
            .filter(|(line, _)| line.bytes().all(|b| b.is_ascii_digit()))
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    prop_assert!(digits(&found) <= digits(&expected));
    prop_assert_eq!(without_numbers(found), without_numbers(expected));
    Ok(())
}

/// Every line number is a line of the source; top-level blocks are in order.
fn check_line_numbers(source: &str, blocks: &[Block]) -> Result<(), TestCaseError> {
    let line_count = source
        .strip_prefix('\u{feff}')
        .unwrap_or(source)
        .lines()
        .count();
    let mut lines = Vec::new();
    all_lines(blocks, &mut lines);
    prop_assert!(
        lines
            .iter()
            .all(|&line| line >= 1 && line as usize <= line_count),
        "{lines:?}"
    );
    prop_assert!(blocks.windows(2).all(|pair| pair[0].line < pair[1].line));
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text(source in any::<String>()) {
        check(&source)?;
    }

    #[test]
    fn pages_of_shaped_lines(source in shaped_page()) {
        check(&source)?;
    }

    #[test]
    fn truncated_seeds(source in truncated_seed()) {
        check(&source)?;
    }
}

#[test]
fn huge_inputs() {
    let long_line = "x".repeat(1 << 20);
    let many_numbers = (1..=20_000)
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let many_open_brackets = "{\n".repeat(2_000);
    let many_rows = format!(
        "Table 1 T\nParameter\nType\nDescription\n{}",
        "name\nString\ntext\n".repeat(5_000)
    );
    for source in [
        long_line.as_str(),
        &many_numbers,
        &many_open_brackets,
        &many_rows,
    ] {
        check(source).expect("properties hold");
    }
}
