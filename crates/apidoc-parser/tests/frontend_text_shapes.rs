//! Rules of the text front end that the page's words alone do not decide:
//! the reader's vocabulary for headings, and tables recognised by their
//! shape. Pages here are small ones written for the rule.

mod frontend_text_support;

use apidoc_parser::frontend::text::parse;
use frontend_text_support::render;

fn rendered(source: &str) -> String {
    render(&parse(source))
}

#[test]
fn the_readers_section_names_head_sections() {
    let source = "请求\n\n说明文字。\n\n响应消息\n\n说明文字。\n\n请求消息头\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 请求\nL3 P 说明文字。\nL5 H2 响应消息\nL7 P 说明文字。\nL9 H2 请求消息头\nL11 P 说明文字。\n"
    );
}

#[test]
fn a_phrase_naming_a_part_after_other_words_is_no_heading() {
    let source = "表 1 字段\n\n参数\n\n类型\n\n说明\n\nlabels\n\n字典数据类型\n\n插件的请求参数列表\n\ncolor\n\nString\n\n颜色。";
    let out = rendered(source);
    assert!(!out.contains("H2"), "{out}");
    assert!(out.contains("[2] L13 插件的请求参数列表"), "{out}");
}

#[test]
fn a_grid_of_repeating_rows_is_a_table_whatever_its_header_words() {
    let source = "功能介绍\n\n操作\n\n接口\n\n动作\n\n开灯\n\nPUT /v1/lamps/{id}/on\n\nlamp:on\n\n关灯\n\nPUT /v1/lamps/{id}/off\n\nlamp:off";
    assert_eq!(
        rendered(source),
        "L1 H2 功能介绍\nL3 TABLE (no caption)\n  header\n    [0] L3 操作\n    [1] L5 接口\n    [2] L7 动作\n\
         \x20 row\n    [0] L9 开灯\n    [1] L11 PUT /v1/lamps/{id}/on\n    [2] L13 lamp:on\n\
         \x20 row\n    [0] L15 关灯\n    [1] L17 PUT /v1/lamps/{id}/off\n    [2] L19 lamp:off\n"
    );
}

#[test]
fn one_row_of_a_shape_is_no_table() {
    let source = "功能介绍\n\n操作\n\n接口\n\n开灯\n\nPUT /v1/lamps/{id}/on";
    assert!(!rendered(source).contains("TABLE"));
}

#[test]
fn a_header_row_of_its_own_starts_a_new_table() {
    let source = "Table 1 Lamp\n\nParameter\n\nType\n\nDescription\n\nwatts\n\nInteger\n\nPower.\n\nParameter\n\nType\n\nDescription\n\nhue\n\nString\n\nColour.";
    let out = rendered(source);
    assert_eq!(out.matches("TABLE").count(), 2, "{out}");
}

#[test]
fn names_with_a_slash_and_the_array_placeholder_start_rows() {
    let source = "Table 1 Body\n\nParameter\n\nType\n\nDescription\n\n[数组元素]\n\nArray of Lamp objects\n\nThe lamps.\n\nvendor.io/tag\n\nString\n\nA tag.";
    let out = rendered(source);
    assert!(out.contains("row\n    [0] L9 [数组元素]"), "{out}");
    assert!(out.contains("row\n    [0] L15 vendor.io/tag"), "{out}");
}

#[test]
fn a_raw_request_message_is_one_code_block_up_to_its_body() {
    let source = "请求消息样式\n\nPUT /?garden HTTP/1.1\nHost: lawn.example.test\n\nDate: date\nContent-Type: application/xml\n\n<GardenConfig>\n  <Bed>\n    <Plant>fern</Plant>\n  </Bed>\n\n</GardenConfig>\n\n请求消息参数";
    assert_eq!(
        rendered(source),
        "L1 H2 请求消息样式\nL3 CODE -\n  | PUT /?garden HTTP/1.1\n  | Host: lawn.example.test\n  | \n  | Date: date\n  | Content-Type: application/xml\n  | \n\
         \x20 | <GardenConfig>\n  |   <Bed>\n  |     <Plant>fern</Plant>\n  |   </Bed>\n  | \n  | </GardenConfig>\nL16 H2 请求消息参数\n"
    );
}

#[test]
fn a_status_line_starts_a_response_message_with_a_placeholder_or_json_body() {
    let source = "响应示例\n\nHTTP/1.1 status_code\nDate: date\nContent-Length: length\n<Response Body>\n\n说明文字。\n\nHTTP/1.1 200 OK\nx-lawn-id: 7\n\n{\n  \"beds\": 2\n}\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE -\n  | HTTP/1.1 status_code\n  | Date: date\n  | Content-Length: length\n  | <Response Body>\nL8 P 说明文字。\n\
         L10 CODE -\n  | HTTP/1.1 200 OK\n  | x-lawn-id: 7\n  | \n  | {\n  |   \"beds\": 2\n  | }\nL17 P 说明文字。\n"
    );
}

#[test]
fn a_request_message_ends_before_prose_and_a_following_message() {
    let source = "响应示例\n\nGET /trowel HTTP/1.1\nHost: shed.example.test\n\nHTTP/1.1 204 No Content\n\nhttps://shed.example.test/trowel\n\nAccept: all\n\n说明文字：完。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE -\n  | GET /trowel HTTP/1.1\n  | Host: shed.example.test\nL6 CODE -\n  | HTTP/1.1 204 No Content\n\
         L8 P https://shed.example.test/trowel\nL10 P Accept: all\nL12 P 说明文字：完。\n"
    );
}

#[test]
fn an_xml_document_runs_to_its_root_close() {
    let source = "响应示例\n\n<?xml version=\"1.0\"?>\n<Shed xmlns=\"http://shed.example.test/\">\n  <Tool\n    kind=\"rake\"/>\n  <Tool>hoe</Tool>\n</Shed>\n\n<Pot>\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE xml\n  | <?xml version=\"1.0\"?>\n  | <Shed xmlns=\"http://shed.example.test/\">\n  |   <Tool\n  |     kind=\"rake\"/>\n  |   <Tool>hoe</Tool>\n  | </Shed>\n\
         L10 P <Pot>\nL12 P 说明文字。\n"
    );
}

#[test]
fn an_interim_response_and_the_final_one_under_it_are_one_message() {
    let source =
        "响应示例\n\nHTTP/1.1 100 Continue\nHTTP/1.1 201 Created\nx-lawn-id: 9\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE -\n  | HTTP/1.1 100 Continue\n  | HTTP/1.1 201 Created\n  | x-lawn-id: 9\nL7 P 说明文字。\n"
    );
}

#[test]
fn adjacent_header_lines_alone_are_a_message_and_one_is_prose() {
    let source = "响应示例\n\nx-lawn-id: 9\nServer: Shed\n\nNote: one line.\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE -\n  | x-lawn-id: 9\n  | Server: Shed\nL6 P Note: one line.\nL8 P 说明文字。\n"
    );
}

#[test]
fn an_example_heading_with_a_title_after_a_colon_heads_a_section() {
    let source = "请求示例：浇灌两块苗圃，每块一次\n\n说明文字。\n\n响应示例：见下文。";
    assert_eq!(
        rendered(source),
        "L1 H2 请求示例：浇灌两块苗圃，每块一次\nL3 P 说明文字。\nL5 P 响应示例：见下文。\n"
    );
}

#[test]
fn a_family_of_names_and_names_sharing_a_row_start_rows() {
    let source = "表 1 苗圃表单元素\n\n元素名称\n\n描述\n\n是否必选\n\nx-bed-*\n\n自定义的苗圃属性。\n\n否\n\nSoil,Water\n\n两个标准属性。\n\n否";
    let out = rendered(source);
    assert!(out.contains("row\n    [0] L9 x-bed-*"), "{out}");
    assert!(out.contains("row\n    [0] L15 Soil,Water"), "{out}");
}

#[test]
fn a_message_body_missing_a_bracket_runs_to_the_next_blank_line() {
    let source =
        "响应示例\n\nHTTP/1.1 200 OK\n{\n  \"beds\": [\n  {\n    \"id\": 1\n  ]\n}\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE -\n  | HTTP/1.1 200 OK\n  | {\n  |   \"beds\": [\n  |   {\n  |     \"id\": 1\n  |   ]\n  | }\nL11 P 说明文字。\n"
    );
}

#[test]
fn html_a_copy_leaked_is_no_xml_document() {
    let source = "状态码\n\n<a name=\"codes\"></a>\n\n<Bed><Id>1</Id></Bed>";
    assert_eq!(
        rendered(source),
        "L1 H2 状态码\nL3 P <a name=\"codes\"></a>\nL5 CODE xml\n  | <Bed><Id>1</Id></Bed>\n"
    );
}

#[test]
fn a_multipart_body_runs_to_its_closing_boundary() {
    let source = "请求示例\n\nPOST / HTTP/1.1\nContent-Type: multipart/form-data; boundary=77ab\n\n--77ab\nContent-Disposition: form-data; name=\"seed\"\n\nfern\n--77ab--\n\n--77ab\nContent-Disposition: form-data; name=\"pot\"\n\nclay\n--77ab--\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 请求示例\nL3 CODE -\n  | POST / HTTP/1.1\n  | Content-Type: multipart/form-data; boundary=77ab\n  | \n  | --77ab\n  | Content-Disposition: form-data; name=\"seed\"\n  | \n  | fern\n  | --77ab--\n\
         L12 CODE -\n  | --77ab\n  | Content-Disposition: form-data; name=\"pot\"\n  | \n  | clay\n  | --77ab--\nL18 P 说明文字。\n"
    );
}

#[test]
fn a_line_between_header_lines_is_a_header_that_lost_its_name() {
    let source = "响应示例\n\nHTTP/1.1 200 OK\nServer: Shed\nTUE, 02 Mar 2021 08:00:00 GMT\nContent-Length: 0\n\n说明文字。";
    assert_eq!(
        rendered(source),
        "L1 H2 响应示例\nL3 CODE -\n  | HTTP/1.1 200 OK\n  | Server: Shed\n  | TUE, 02 Mar 2021 08:00:00 GMT\n  | Content-Length: 0\nL8 P 说明文字。\n"
    );
}

#[test]
fn a_line_of_data_and_an_unclosed_multipart_body_end_a_message() {
    let source = "请求示例\n\nPUT /seeds HTTP/1.1\nContent-Length: 4\n\n0042\n\n响应示例\n\nHTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges;boundary=9f9f\n\n--9f9f\nContent-range: bytes 0-1/4\n[2 bytes]\n--9f9f\nContent-range: bytes 2-3/4\n[2 bytes]\n--9f9f\n\n状态码";
    assert_eq!(
        rendered(source),
        "L1 H2 请求示例\nL3 CODE -\n  | PUT /seeds HTTP/1.1\n  | Content-Length: 4\n  | \n  | 0042\nL8 H2 响应示例\n\
         L10 CODE -\n  | HTTP/1.1 206 Partial Content\n  | Content-Type: multipart/byteranges;boundary=9f9f\n  | \n  | --9f9f\n  | Content-range: bytes 0-1/4\n  | [2 bytes]\n  | --9f9f\n  | Content-range: bytes 2-3/4\n  | [2 bytes]\n  | --9f9f\n\
         L21 H2 状态码\n"
    );
}

#[test]
fn a_heading_word_describing_a_row_stays_in_the_table() {
    // "错误码" (error codes) is also a section name; here it describes the
    // `fault_code` row, and a row follows it.
    let source = "表 3 响应Body参数\n\n参数\n\n参数类型\n\n描述\n\nfault_code\n\nString\n\n错误码\n\n最大长度：8\n\nfault_text\n\nString\n\n错误描述\n\n状态码： 500";
    let out = rendered(source);
    assert!(!out.contains("H2"), "{out}");
    assert!(out.contains("[0] L17 fault_text"), "{out}");
}

#[test]
fn a_heading_after_a_rows_type_with_no_row_after_it_ends_the_table() {
    let source = "表 3 响应Body参数\n\n参数\n\n参数类型\n\n描述\n\nfault_code\n\nString\n\n错误码\n\n状态码： 500";
    let out = rendered(source);
    assert!(out.contains("H2 错误码"), "{out}");
}

#[test]
fn a_captioned_listing_of_operations_is_one_table_whatever_its_rows() {
    // A permission table: the action and scope cells span two rows (they
    // stand only in the first), and one method stands above its path.
    let source = "灯的权限\n\n表 1 灯的权限\n\n操作\n\n对应接口\n\n动作\n\n范围\n\n开灯\n\nPUT /v1/lamps/{id}/on\n\nlamp:switch\n\n√\n\n关灯\n\nPUT\n\n/v1/lamps/{id}/off\n\n查看灯\n\nGET /v1/lamps/{id}\n\nlamp:get\n\n√\n\n功能介绍\n\n说明文字。";
    let out = rendered(source);
    assert_eq!(out.matches("TABLE").count(), 1, "{out}");
    assert!(!out.contains(" P PUT") && !out.contains(" P GET"), "{out}");
    assert!(out.contains("H2 功能介绍"), "{out}");
}

#[test]
fn a_type_word_that_is_also_a_name_does_not_steal_the_last_cell() {
    // "list" names a type as well as a field: "R" is the access column of
    // the `total` row, and `list` starts the next row.
    let source = "查询统计\n\n表 2 参数说明\n\n参数\n\n类型\n\n说明\n\n操作类型\n\ntotal\n\nInteger\n\n总数\n\nR\n\nlist\n\n结构体数据类型\n\n统计列表\n\nR";
    let out = rendered(source);
    assert!(out.contains("[3] L19 R"), "{out}");
    assert!(out.contains("[0] L21 list"), "{out}");
}

#[test]
fn dashes_standing_for_an_unnamed_body_start_a_row() {
    let source = "查询灯\n\n表 3 参数说明\n\n名称\n\n类型\n\n说明\n\n--\n\n字典数据类型\n\n灯的列表\n\n表 4 灯\n\n名称\n\n类型\n\n说明\n\nwatts\n\nInteger\n\n功率";
    let out = rendered(source);
    assert!(out.contains("row\n    [0] L11 --"), "{out}");
}

#[test]
fn uri_lines_interleaved_with_names_are_a_listing_not_the_pages_uri() {
    let source = "接口一览\n\n开灯\n\nPUT /v1/lamps/{id}/on\n\n关灯\n\nPUT\n\n/v1/lamps/{id}/off\n\n查看灯\n\nGET /v1/lamps/{id}\n\n功能介绍\n\n说明文字。";
    let out = rendered(source);
    assert!(out.contains("L5 TABLE"), "{out}");
    assert!(!out.contains(" P PUT") && !out.contains(" P GET"), "{out}");
    assert!(out.contains("H2 功能介绍"), "{out}");
}

#[test]
fn two_uri_lines_of_one_operation_stay_uri_lines() {
    let source = "查看灯\n\nURI\n\nGET /v1/lamps/{id}\n\nGET /v2/lamps/{id}\n\n请求参数\n\n无";
    let out = rendered(source);
    assert!(!out.contains("TABLE"), "{out}");
}

#[test]
fn a_plain_line_between_two_bullets_continues_the_item_above() {
    let source = "查看灯\n\n返回值\n\n  • 正常\n\n202\n\n  • 异常\n\n说明文字。";
    let out = rendered(source);
    assert!(
        out.contains("  item\n    L5 P 正常\n    L7 P 202\n"),
        "{out}"
    );
    assert!(out.contains("L11 P 说明文字。"), "{out}");
}

#[test]
fn a_list_item_right_above_a_header_labels_the_next_table() {
    let source = "开灯\n\n请求消息\n\n  • 按编号开灯时的请求参数\n\n参数\n\n是否必选\n\n参数类型\n\n描述\n\nid\n\n是\n\nString\n\n灯的编号。\n\n  • 按名称开灯时的请求参数\n\n参数\n\n是否必选\n\n参数类型\n\n描述\n\nname\n\n是\n\nString\n\n灯的名称。";
    let out = rendered(source);
    assert_eq!(out.matches("TABLE").count(), 2, "{out}");
    assert!(out.contains("L23 UL"), "{out}");
}

#[test]
fn an_unknown_header_word_between_known_ones_is_a_column_and_types_when_its_cells_do() {
    let source = "查看灯\n\n表 3 lamp字段说明\n\n参数\n\n结构说明\n\n描述\n\nwatts\n\nInteger\n\n功率。\n\nhue\n\nString\n\n颜色。";
    let out = rendered(source);
    assert!(out.contains("[1] L7 结构说明"), "{out}");
    assert!(
        out.contains("row\n    [0] L17 hue\n    [1] L19 String"),
        "{out}"
    );
}

#[test]
fn a_lone_dash_closing_a_table_is_a_cell_not_a_row() {
    let source = "删除灯\n\n表 1 请求头\n\n参数名称\n\n描述\n\n是否必选\n\n示例\n\nLamp-Id\n\n灯的编号\n\n必选\n\n-\n\n请求参数\n\n无";
    let out = rendered(source);
    assert_eq!(out.matches("  row").count(), 1, "{out}");
    assert!(out.contains("[3] L19 -"), "{out}");
}

#[test]
fn a_description_with_a_colon_between_header_words_is_no_header() {
    // "Key" and "Value" are header words; between them stands a row's
    // description ("类型：String"), so the rows stay in the table.
    let source = "表 1 苗圃元素\n\n名称\n\n描述\n\nBed\n\n苗圃。类型：Container\n\nKey\n\n苗圃的名字类型：String\n\nValue\n\n苗圃的值类型：String";
    let out = rendered(source);
    assert_eq!(out.matches("TABLE").count(), 1, "{out}");
    assert!(out.contains("row\n    [0] L15 Value"), "{out}");
}

#[test]
fn a_method_and_uri_table_is_a_table_and_its_words_alone_head_a_section() {
    let source = "开灯\n\n表 1 请求方法以及URI\n\n请求方法\n\nURI\n\nPUT\n\n/v1/lamps/{id}/on\n\n请求方法\n\n方法说明文字。";
    let out = rendered(source);
    assert!(
        out.contains("  row\n    [0] L9 PUT\n    [1] L11 /v1/lamps/{id}/on\n"),
        "{out}"
    );
    assert!(out.contains("L13 H2 请求方法"), "{out}");
}

#[test]
fn a_mandatory_column_may_say_whether_it_is_mandatory_in_other_words() {
    let source = "表 1 路径参数\n\n参数\n\n是否为必选\n\n类型\n\n说明\n\nlamp_id\n\n是\n\nString\n\n灯的编号。\n\nroom_id\n\n否\n\nString\n\n房间编号。";
    let out = rendered(source);
    assert_eq!(out.matches("  row").count(), 2, "{out}");
    assert!(out.contains("[1] L21 否\n    [2] L23 String"), "{out}");
}

#[test]
fn a_status_table_may_name_each_code_and_explain_it() {
    let source = "表 2 状态码\n\n状态码\n\n编码\n\n状态码说明\n\n200\n\nOK\n\n灯已打开。\n\n404\n\nNotFound\n\n没有这盏灯。";
    let out = rendered(source);
    assert_eq!(out.matches("  row").count(), 2, "{out}");
    assert!(
        out.contains("[0] L15 404\n    [1] L17 NotFound\n    [2] L19 没有这盏灯。"),
        "{out}"
    );
}

#[test]
fn a_field_name_may_carry_a_bracketed_note_or_a_star() {
    let source = "表 1 请求参数\n\n参数\n\n是否必选\n\n类型\n\n说明\n\nbrightness（1.2.0）\n\n否\n\nInteger\n\n亮度。\n\nold_hue (deprecated)\n\n否\n\nString\n\n色调。\n\nshade*\n\n否\n\nString\n\n灯罩。";
    let out = rendered(source);
    for name in [
        "L11 brightness（1.2.0）",
        "L19 old_hue (deprecated)",
        "L27 shade*",
    ] {
        assert!(
            out.contains(&format!("row\n    [0] {name}")),
            "{name}: {out}"
        );
    }
}

#[test]
fn a_mandatory_answer_may_have_its_condition_under_it() {
    let source = "表 1 请求参数\n\n参数\n\n是否必选\n\n类型\n\n说明\n\nlamp_ids\n\n否\n\nroom_ids不填时必选\n\nArray of strings\n\n灯的编号。\n\nroom_ids\n\n否\n\nArray of strings\n\n房间编号。";
    let out = rendered(source);
    assert_eq!(out.matches("  row").count(), 2, "{out}");
    assert!(
        out.contains(
            "[1] L13\n      L13 P 否\n      L15 P room_ids不填时必选\n    [2] L17 Array of strings"
        ),
        "{out}"
    );
}

#[test]
fn a_type_cell_may_say_more_than_its_type() {
    let source = "表 2 响应参数\n\n名称\n\n是否必选\n\n参数类型\n\n说明\n\nlamps\n\n否\n\nList结构，参见Lamp类型说明。\n\n灯的列表。\n\ncount\n\n否\n\nInteger\n\n灯的个数。";
    let out = rendered(source);
    assert_eq!(out.matches("  row").count(), 2, "{out}");
    assert!(
        out.contains("[2] L15 List结构，参见Lamp类型说明。\n    [3] L17 灯的列表。"),
        "{out}"
    );
}

#[test]
fn a_row_naming_a_tables_caption_in_words_gets_its_objects() {
    let source = "文档首页/ 灯/ API参考/ 查询灯\n\n查询灯\n\nURI\n\nGET /v1/lamps\n\n响应\n\n表 1 响应参数\n\n参数\n\n是否必选\n\n类型\n\n说明\n\ncount\n\n否\n\nInteger\n\n个数。\n\nentries\n\n否\n\nObject\n\nLampInfo集合，详见LampInfo数据结构。\n\n表 2 LampInfo数据结构\n\n名称\n\n是否必选\n\n参数类型\n\n说明\n\nwatts\n\n是\n\nInteger\n\n功率。";
    let parsed =
        apidoc_parser::parse_page("lamps.txt", source.as_bytes(), apidoc_parser::Format::Text);
    let page = parsed.page.expect("an API page");
    let fields: Vec<&str> = page
        .models
        .iter()
        .flat_map(|m| m.fields.iter().map(|f| f.name.as_str()))
        .collect();
    assert!(fields.contains(&"watts"), "{fields:?}");
    let unreferenced = parsed
        .diagnostics
        .iter()
        .any(|d| d.code == "table-unreferenced");
    assert!(!unreferenced, "{:?}", parsed.diagnostics);
}

#[test]
fn a_header_word_may_end_with_a_full_stop() {
    let source = "表 1 路径参数\n\n参数\n\n是否必选\n\n参数类型\n\n说明。\n\nlamp_id\n\n是\n\nString\n\n灯的编号。";
    let out = rendered(source);
    assert_eq!(out.matches("TABLE").count(), 1, "{out}");
    assert!(
        out.contains("[3] L9 说明。\n  row\n    [0] L11 lamp_id"),
        "{out}"
    );
}

#[test]
fn a_table_another_row_declares_is_no_match_for_a_plural_name() {
    let source = "文档首页/ 灯/ API参考/ 查询灯组\n\n查询灯组\n\nURI\n\nGET /v1/lamp-sets\n\n响应\n\n表 1 响应参数\n\n名称\n\n是否必选\n\n参数类型\n\n说明\n\nlamps\n\n否\n\nObject\n\n灯组，请参见LampSet类型。\n\n表 2 LampSet类型\n\n名称\n\n是否必选\n\n参数类型\n\n说明\n\nitems\n\n是\n\nList<Lamp>\n\n灯的列表。\n\n表 3 Lamp类型\n\n名称\n\n是否必选\n\n参数类型\n\n说明\n\nwatts\n\n是\n\nInteger\n\n功率。";
    let parsed = apidoc_parser::parse_page(
        "lamp-sets.txt",
        source.as_bytes(),
        apidoc_parser::Format::Text,
    );
    let page = parsed.page.expect("an API page");
    let lamps = page
        .models
        .iter()
        .flat_map(|m| &m.fields)
        .find(|f| f.name == "lamps")
        .expect("the lamps field");
    let apidoc_ir::TypeRef::Model(model) = &lamps.ty else {
        panic!("lamps holds no model: {:?}", lamps.ty);
    };
    let fields: Vec<&str> = page
        .models
        .iter()
        .find(|m| &m.name == model)
        .map(|m| m.fields.iter().map(|f| f.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, ["items"]);
}

#[test]
fn a_misspelled_type_word_is_a_type_line() {
    let source = "表 1 响应参数\n\n参数\n\n参数类型\n\n描述\n\nlamp_id\n\nString\n\n灯的编号。\n\norder_id\n\nStirng\n\n订单编号。";
    let out = rendered(source);
    assert_eq!(out.matches("  row").count(), 2, "{out}");
    assert!(
        out.contains("[0] L15 order_id\n    [1] L17 Stirng"),
        "{out}"
    );
}

#[test]
fn a_mandatory_column_worded_with_wei_is_a_header_word() {
    // "是否为必选" ("is it mandatory") heads the Mandatory column as
    // "是否必选" does, so the columns after it are the table's too.
    let source = "表 1 请求消息头\n\n参数\n\n描述\n\n是否为必选\n\n示例\n\nLamp-Id\n\n灯的编号\n\n必选\n\n-\n\nLamp-Zone\n\n灯所在区域\n\n可选\n\n-";
    let out = rendered(source);
    assert!(out.contains("[2] L7 是否为必选"), "{out}");
    assert!(out.contains("[3] L9 示例"), "{out}");
    assert!(out.contains("row\n    [0] L19 Lamp-Zone"), "{out}");
}

#[test]
fn a_mandatory_condition_over_two_lines_stays_one_cell_before_the_type() {
    // The Mandatory cell states when the field is needed, then when it is
    // left out; the type follows on the third line.
    let source = "表 2 请求Body参数\n\n参数\n\n是否必选\n\n参数类型\n\n描述\n\nbulb_kind\n\n更换单个灯泡时必选。\n\n更换整盏灯时不传。\n\nString\n\n灯泡种类。\n\nwatts\n\n否\n\nInteger\n\n功率。";
    let out = rendered(source);
    assert!(
        out.contains("[1] L13\n      L13 P 更换单个灯泡时必选。\n      L15 P 更换整盏灯时不传。\n    [2] L17 String"),
        "{out}"
    );
    assert!(out.contains("row\n    [0] L21 watts"), "{out}");
}

#[test]
fn a_description_before_the_mandatory_column_may_take_two_lines() {
    let source = "表 1 请求消息头\n\n参数\n\n描述\n\n是否必选\n\n示例\n\nLamp-Type\n\n灯的类型\n\n取值为LED或卤素灯\n\n必选\n\nLED灯\n\nLamp-Zone\n\n灯所在区域\n\n可选\n\n-";
    let out = rendered(source);
    assert!(out.contains("[2] L17 必选"), "{out}");
    assert!(out.contains("row\n    [0] L21 Lamp-Zone"), "{out}");
}

#[test]
fn a_description_before_a_last_mandatory_column_may_take_two_lines() {
    let source = "请求参数\n\n参数\n\n类型\n\n说明\n\n是否必选\n\nlamp_id\n\nString\n\n灯的编号。\n\n是\n\nlimit\n\nInteger\n\n每页数量。\n\n默认为10。\n\n否";
    let out = rendered(source);
    assert!(out.contains("[3] L27 否"), "{out}");
    assert!(
        out.contains("[2] L23\n      L23 P 每页数量。\n      L25 P 默认为10。"),
        "{out}"
    );
}

#[test]
fn a_table_number_ending_a_sentence_on_its_own_line_is_no_caption() {
    // The copy broke "参数说明参见表3。" at its link; the rows go on after it.
    let source = "表 2 Lamp参数说明\n\n参数名\n\n参数类型\n\n说明\n\nbulbs\n\nList<Bulb>\n\n灯泡列表。参数说明参见\n\n表3。\n\nwatts\n\nInteger\n\n功率。";
    let out = rendered(source);
    assert_eq!(out.matches("TABLE").count(), 1, "{out}");
    assert!(out.contains("row\n    [0] L17 watts"), "{out}");
}

#[test]
fn a_model_name_over_an_object_type_is_one_type_cell() {
    // The Type cell holds the model's name (a link) above "object".
    let source = "表 2 响应Body参数\n\n参数\n\n参数类型\n\n描述\n\nlamp_setup\n\nLampSetup\n\nobject\n\n灯的设置。\n\nwatts\n\nInteger\n\n功率。";
    let out = rendered(source);
    assert!(
        out.contains("row\n    [0] L9 lamp_setup\n    [1] L11\n      L11 P LampSetup\n      L13 P object\n    [2] L15 灯的设置。"),
        "{out}"
    );
    assert!(out.contains("row\n    [0] L17 watts"), "{out}");
}

#[test]
fn an_is_it_optional_column_is_a_header_word_folded_into_the_description() {
    // "是否可选" ("is it optional") is no Mandatory column (its 否 means
    // required), but it is a header word: the Type column after it counts.
    let source = "表 3 lamp参数说明\n\n参数名称\n\n是否可选\n\n参数类型\n\n说明\n\nwatts\n\n否\n\nInteger\n\n功率。\n\nhue\n\n是\n\nString\n\n颜色。";
    let out = rendered(source);
    assert!(out.contains("[2] L7 参数类型"), "{out}");
    assert!(out.contains("row\n    [0] L19 hue"), "{out}");
}

#[test]
fn a_mandatory_condition_the_vocabulary_cannot_read_still_stands_before_the_type() {
    // "与bulb_url二选一" (either this or bulb_url) is no Yes/No the
    // vocabulary knows; the Type line after it still makes the row.
    let source = "表 2 请求Body参数\n\n参数\n\n是否必选\n\n参数类型\n\n说明\n\nbulb_data\n\n与bulb_url二选一\n\nString\n\n灯泡数据。\n\nbulb_url\n\n与bulb_data二选一\n\nString\n\n灯泡地址。";
    let out = rendered(source);
    assert!(
        out.contains(
            "row\n    [0] L11 bulb_data\n    [1] L13 与bulb_url二选一\n    [2] L15 String"
        ),
        "{out}"
    );
    assert!(out.contains("row\n    [0] L19 bulb_url"), "{out}");
}

#[test]
fn a_type_word_in_a_description_starts_no_row_over_an_unread_condition() {
    // The key of the second row is not a name the text front end reads
    // ("hue（1.2）"), so its lines stay in the first row's description; the
    // type word "String" there starts no row.
    let source = "表 2 请求Body参数\n\n参数\n\n是否必选\n\n参数类型\n\n说明\n\nwatts\n\n否\n\nInteger\n\n功率。\n\nhue（1.2）\n\n否\n\nString\n\n颜色，取值red或blue。\n\nglow（1.3）\n\n否\n\nBoolean\n\n是否发光。";
    let out = rendered(source);
    assert!(!out.contains("[0] L23 String"), "{out}");
}

#[test]
fn a_type_cell_repeating_the_key_names_a_model_described_in_a_table() {
    let source = "表 3 响应参数\n\n参数\n\n类型\n\n说明\n\nwatts\n\nInteger\n\n功率。\n\nlamp_setup\n\nlamp_setup\n\n灯的设置，请参考表6。\n\nhue\n\nString\n\n颜色。";
    let out = rendered(source);
    assert!(
        out.contains("row\n    [0] L15 lamp_setup\n    [1] L17 lamp_setup\n    [2] L19"),
        "{out}"
    );
}

#[test]
fn an_enum_value_repeated_as_the_default_starts_no_row() {
    // A description listing values ends in "steady", and the next column
    // (the default) says "steady" again: no table reference follows, so
    // it is no row keyed `steady` typed `steady`.
    let source = "表 3 参数\n\n参数\n\n类型\n\n说明\n\n默认值\n\nmode\n\nString\n\n取值：\n\nblink\n\nsteady\n\nsteady\n\n3";
    let out = rendered(source);
    assert!(!out.contains("[0] L19 steady"), "{out}");
}

#[test]
fn a_misspelled_type_word_still_fits_the_type_column() {
    let source = "表 3 响应参数\n\n参数\n\n类型\n\n说明\n\nwatts\n\nInterger\n\n功率。\n\nprice\n\ndoubule\n\n价格。\n\nhue\n\nString\n\n颜色。";
    let out = rendered(source);
    assert!(
        out.contains("row\n    [0] L9 watts\n    [1] L11 Interger"),
        "{out}"
    );
    assert!(
        out.contains("row\n    [0] L15 price\n    [1] L17 doubule"),
        "{out}"
    );
}

#[test]
fn a_section_name_right_after_a_header_is_the_first_rows_key() {
    // "URI" names a section, but a header row is followed by a row: here
    // it is the first part of the address the table explains.
    let source = "表 1 地址的组成\n\n参数\n\n说明\n\nURI\n\n灯的路径。\n\nport\n\n灯的端口。\n\n请求方法\n\n说明文字。";
    let out = rendered(source);
    assert!(
        out.contains("row\n    [0] L7 URI\n    [1] L9 灯的路径。"),
        "{out}"
    );
    assert!(!out.contains("H2 URI"), "{out}");
}

#[test]
fn a_caption_left_as_markdown_captions_its_table() {
    // The page shows the caption's Markdown unrendered; the copy keeps
    // its bold marks and the escaped underscore.
    let source = "**表 4**  lamp\\_setup字段数据结构说明\n\n参数\n\n是否必选\n\n参数类型\n\n描述\n\nwatts\n\n是\n\nInteger\n\n功率。";
    let out = rendered(source);
    assert!(
        out.contains("TABLE 表 4 lamp_setup字段数据结构说明"),
        "{out}"
    );
    assert!(out.contains("row\n    [0] L11 watts"), "{out}");
}

#[test]
fn a_placeholder_of_user_chosen_keys_starts_a_row() {
    let source = "表 1 请求Body参数\n\n参数\n\n参数类型\n\n是否必选\n\n说明\n\n{灯名}\n\nMap<String,String>\n\n否\n\n每盏灯的设置。";
    let out = rendered(source);
    assert!(
        out.contains("row\n    [0] L11 {灯名}\n    [1] L13 Map<String,String>"),
        "{out}"
    );
}

#[test]
fn a_header_word_with_a_stray_space_is_still_a_header_word() {
    let source = "表 1 URI参数\n\n参数名称\n\n是 否必选\n\n参数类型\n\n说明\n\nlamp_id\n\n是\n\nString\n\n灯的编号。";
    let out = rendered(source);
    assert!(
        out.contains("row\n    [0] L11 lamp_id\n    [1] L13 是\n    [2] L15 String"),
        "{out}"
    );
}

#[test]
fn the_sections_of_a_walkthrough_page_head_sections() {
    // A walkthrough page names the APIs it calls and its steps; the URI
    // lines under them are steps, not the page's operation.
    let source = "点亮一盏灯\n\n涉及API\n\n开灯接口。\n\n操作步骤\n\nPOST https://lamp.example.com/v1/lamps/{id}/on\n\n场景描述\n\n说明文字。";
    let out = rendered(source);
    for heading in ["H2 涉及API", "H2 操作步骤", "H2 场景描述"] {
        assert!(out.contains(heading), "{out}");
    }
}

#[test]
fn a_line_touching_a_json_body_is_the_first_line_of_its_code_block() {
    let source = "开灯\n\n请求失败样例\n\nHttp Status Code: 409\n{\n \"errorCode\": \"LAMP.0001\"\n}\n\nStatus code: 200\n\n{\"ok\": true}";
    let out = rendered(source);
    assert!(out.contains("L5 CODE"), "{out}");
    assert!(!out.contains("P Http Status Code"), "{out}");
    assert!(
        out.contains("L10 P Status code: 200\nL12 CODE json"),
        "a blank line keeps the status line apart: {out}"
    );
}
