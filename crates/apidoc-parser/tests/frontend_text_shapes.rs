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
