//! Page-level rules of the text front end: title, headings, status lines,
//! code, lists, line numbers.

mod frontend_text_support;

use apidoc_parser::frontend::text::parse;
use frontend_text_support::render;

fn rendered(source: &str) -> String {
    render(&parse(source))
}

#[test]
fn title_is_the_line_repeating_the_breadcrumb_tail() {
    let source = "Help Center/ Svc/ API Reference/ Doing Things\nUpdated on 2025-12-08 GMT+08:00\nShare\n\nDoing Things\n\nFunction\n\nDoes things.";
    assert_eq!(
        rendered(source),
        "L1 P Help Center/ Svc/ API Reference/ Doing Things\nL2 P Updated on 2025-12-08 GMT+08:00\nL3 P Share\n\
         L5 H1 Doing Things\nL7 H2 Function\nL9 P Does things.\n"
    );
}

#[test]
fn without_a_matching_line_the_title_is_the_first_plain_line() {
    let source = "更新时间:2025-11-21 GMT+08:00\n分享\n\n设置配置\n\n功能介绍\n\n设置";
    assert_eq!(
        rendered(source),
        "L1 P 更新时间:2025-11-21 GMT+08:00\nL2 P 分享\nL4 H1 设置配置\nL6 H2 功能介绍\nL8 P 设置\n"
    );
}

#[test]
fn no_title_after_the_first_section() {
    assert_eq!(
        rendered("Function\n\nDoes things."),
        "L1 H2 Function\nL3 P Does things.\n"
    );
}

#[test]
fn status_lines_are_paragraphs_and_keep_full_width_punctuation() {
    let source = "响应参数\n\n状态码:200\n\n状态码: 201\n\n状态码：202\n\nStatus code: 400\n\n范围（1～100），默认10\n\n1–100";
    assert_eq!(
        rendered(source),
        "L1 H2 响应参数\nL3 P 状态码:200\nL5 P 状态码: 201\nL7 P 状态码：202\nL9 P Status code: 400\n\
         L11 P 范围（1～100），默认10\nL13 P 1–100\n"
    );
}

#[test]
fn status_codes_heading_then_status_code_header_cell() {
    let source = "状态码\n\n状态码\n\n描述\n\n200\n\n成功\n\n错误码\n\n请参见错误码";
    assert_eq!(
        rendered(source),
        "L1 H2 状态码\nL3 TABLE (no caption)\n  header\n    [0] L3 状态码\n    [1] L5 描述\n  row\n    [0] L7 200\n    [1] L9 成功\n\
         L11 H2 错误码\nL13 P 请参见错误码\n"
    );
}

#[test]
fn known_sections_in_both_languages_are_headings() {
    for name in [
        "Function",
        "Calling Method",
        "Authorization Information",
        "Debugging",
        "URI",
        "Request Parameters",
        "Response Parameters",
        "Example Requests",
        "Example Responses",
        "Status Codes",
        "Error Codes",
        "SDK Sample Code",
        "Related Documents",
        "Request",
        "Response",
        "Example Request",
        "Example Response",
        "Returned Values",
        "功能介绍",
        "调用方法",
        "授权信息",
        "请求参数",
        "响应参数",
        "请求示例",
        "响应示例",
        "SDK代码示例",
        "状态码",
        "错误码",
        "相关文档",
    ] {
        assert_eq!(
            rendered(&format!("x\n\n{name}")),
            format!("L1 H1 x\nL3 H2 {name}\n")
        );
    }
}

#[test]
fn request_lines_are_paragraphs_and_json_bodies_are_code() {
    let source = "Example Requests\n\nput https://{endpoint}/v1/x\n\n{\n  \"a\" : \"}\",\n\n  \"b\" : [ 1, 2 ]\n}\n\nafter";
    assert_eq!(
        rendered(source),
        "L1 H2 Example Requests\nL3 P put https://{endpoint}/v1/x\nL5 CODE json\n  | {\n  |   \"a\" : \"}\",\n  | \n  |   \"b\" : [ 1, 2 ]\n  | }\nL11 P after\n"
    );
}

#[test]
fn bracketed_prose_and_unbalanced_brackets_stay_paragraphs() {
    let source = "[Optional] text\n\n[Optional]\n\n[1, 2]\n\n{\n\n\"a\": 1";
    assert_eq!(
        rendered(source),
        "L1 H1 [Optional] text\nL3 P [Optional]\nL5 CODE json\n  | [1, 2]\nL7 P {\nL9 P \"a\": 1\n"
    );
}

#[test]
fn sdk_samples_drop_their_line_numbers() {
    let source = "SDK代码示例\n\n 1\n 2\n 3\nfrom x import y\n\nprint(y)\n 1\n 2\npackage main\nfunc main() {}\n\n后记";
    assert_eq!(
        rendered(source),
        "L1 H2 SDK代码示例\nL6 CODE python\n  | from x import y\n  | \n  | print(y)\n\
         L11 CODE go\n  | package main\n  | func main() {}\nL14 P 后记\n"
    );
}

#[test]
fn a_truncated_sdk_sample_keeps_what_is_there() {
    assert_eq!(
        rendered("x\n\n1\n2\n3\nint a;"),
        "L1 H1 x\nL6 CODE -\n  | int a;\n"
    );
    assert_eq!(rendered("x\n\n1\n\n2"), "L1 H1 x\nL3 P 1\nL5 P 2\n");
    assert_eq!(rendered("x\n\n1\n2"), "L1 H1 x\nL3 P 1\nL4 P 2\n");
}

#[test]
fn bullets_become_one_list_and_following_prose_stays_separate() {
    let source = "x\n\n  • A: one\n\n· B: two\n\n- C: three\nnot a bullet\n-1";
    assert_eq!(
        rendered(source),
        "L1 H1 x\nL3 UL\n  item\n    L3 P A: one\n  item\n    L5 P B: two\n  item\n    L7 P C: three\nL8 P not a bullet\nL9 P -1\n"
    );
}

#[test]
fn crlf_bom_and_nbsp_are_tolerated() {
    let source = "\u{feff}Help Center/ S/ T\r\nUpdated on 2025\r\n\r\nT\r\n\r\nURI\r\n\r\nGET\u{a0}\u{a0}/v1/x\r\n";
    assert_eq!(
        rendered(source),
        "L1 P Help Center/ S/ T\nL2 P Updated on 2025\nL4 H1 T\nL6 H2 URI\nL8 P GET /v1/x\n"
    );
}

#[test]
fn a_caption_without_header_words_is_a_paragraph() {
    assert_eq!(
        rendered("x\n\nTable 1 Foo\n\nbar"),
        "L1 H1 x\nL3 P Table 1 Foo\nL5 P bar\n"
    );
}

#[test]
fn a_caption_and_header_with_no_rows_is_an_empty_table() {
    assert_eq!(
        rendered("x\n\nTable 1 Foo\n\nParameter\n\nType"),
        "L1 H1 x\nL3 TABLE Table 1 Foo\n  header\n    [0] L5 Parameter\n    [1] L7 Type\n"
    );
}
