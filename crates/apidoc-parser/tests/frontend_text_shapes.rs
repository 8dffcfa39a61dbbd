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
