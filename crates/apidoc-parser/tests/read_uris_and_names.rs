//! How the reader finds an operation's method, path and name in the ways
//! Help Center pages write them. Each page here is a reduced page in our
//! own words, written in the page's form (Markdown with raw HTML where the
//! Help Center uses it).

use apidoc_ir::{NameSource, Page, ParamLocation, Value};
use apidoc_parser::{Format, Parsed, parse_page};

fn read(markdown: &str) -> Parsed {
    parse_page("svc/page.md", markdown.as_bytes(), Format::Markdown)
}

fn page(parsed: &Parsed) -> &Page {
    parsed.page.as_ref().unwrap_or_else(|| {
        panic!("an operation page: {:#?}", parsed.diagnostics);
    })
}

fn method_and_path(markdown: &str) -> (String, String) {
    let parsed = read(markdown);
    let uri = &page(&parsed).operation.uris[0];
    (uri.method.as_str().to_owned(), uri.path.clone())
}

/// A page whose URI section holds `uri` (Markdown), then a table of the
/// path parameters.
fn with_uri(uri: &str) -> String {
    format!(
        "# 查询小组列表\n\n## 功能介绍\n\n列出小组。\n\n## URI\n\n{uri}\n\n**表 1** 路径参数\n\n\
         |参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|team_id|是|String|小组ID。|\n"
    )
}

#[test]
fn uri_lines_in_the_forms_pages_write_them() {
    let want = ("GET".to_owned(), "/v1/{team_id}/members".to_owned());
    for uri in [
        "GET /v1/\\{team\\_id\\}/members",
        "get /v1/{team_id}/members",
        "GET /v1/{ team_id }/members HTTP/1.1",
        "GET/v1/{team_id}/members",
        "GET https://{Team Endpoint}/v1/{team_id}/members",
        "GET 参数说明请参见表1。\n\n/v1/{team_id}/members",
        "GET /v1/{team_id}/members[?page_size, page_no]",
    ] {
        assert_eq!(method_and_path(&with_uri(uri)), want, "{uri}");
    }
}

#[test]
fn a_table_of_method_and_uri_states_the_uri() {
    let uri = "**表 1** 请求方法以及URI\n\n|请求方法|URI|\n|--|--|\n|DELETE|/v1/teams/{team_id}/members|\n";
    assert_eq!(
        method_and_path(&with_uri(uri)),
        (
            "DELETE".to_owned(),
            "/v1/teams/{team_id}/members".to_owned()
        )
    );
}

#[test]
fn a_raw_request_message_states_the_uri_where_no_uri_section_does() {
    let markdown = "# 启动流程\n\n## 功能介绍\n\n启动一个流程。\n\n## 请求消息样式\n\n\
                    ```\nPOST /v2/flows/{flow_name} HTTP/1.1\nHost: example.com\n```\n";
    assert_eq!(
        method_and_path(markdown),
        ("POST".to_owned(), "/v2/flows/{flow_name}".to_owned())
    );
}

#[test]
fn a_fixed_query_value_is_a_required_parameter_with_that_value() {
    let parsed = read(&with_uri(
        "POST /v1/{team_id}/action?action_id=archive&mode={archive_mode}",
    ));
    let page = page(&parsed);
    let action = page
        .operation
        .parameters
        .iter()
        .find(|p| p.field.name == "action_id")
        .expect("the fixed query value is a parameter");
    assert_eq!(action.location, ParamLocation::Query);
    assert_eq!(action.field.required, Some(true));
    let values: Vec<&Value> = action
        .field
        .constraints
        .enum_values
        .iter()
        .map(|v| &v.value)
        .collect();
    assert_eq!(values, [&Value::from("archive")]);
}

#[test]
fn a_query_key_renames_the_row_of_its_placeholder() {
    let markdown = with_uri("GET /v1/{team_id}/members?limit={pageSize}")
        + "\n**表 2** Query参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|pageSize|否|Integer|每页条数。|\n";
    let parsed = read(&markdown);
    let names: Vec<&str> = page(&parsed)
        .operation
        .parameters
        .iter()
        .map(|p| p.field.name.as_str())
        .collect();
    assert_eq!(names, ["team_id", "limit"]);
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.code == "query-key-differs"),
        "{:#?}",
        parsed.diagnostics
    );
}

#[test]
fn a_row_for_the_uri_s_host_is_no_parameter() {
    let markdown = "# 识别文字\n\n## URI\n\nPOST https://{endpoint}/v2/{project_id}/ocr/text\n\n**表 1** 路径参数\n\n\
                    |参数|是否必选|描述|\n|--|--|--|\n|endpoint|是|服务的终端节点。|\n|project_id|是|项目ID。|\n";
    let parsed = read(markdown);
    let names: Vec<&str> = page(&parsed)
        .operation
        .parameters
        .iter()
        .map(|p| p.field.name.as_str())
        .collect();
    assert_eq!(names, ["project_id"]);
    let finding = parsed
        .diagnostics
        .iter()
        .find(|d| d.code == "uri-host-parameter")
        .expect("the row is reported");
    assert!(finding.degraded.is_some());
}

#[test]
fn a_page_that_looks_like_an_operation_but_has_no_uri_says_why() {
    let broken = "# 删除小组\n\n## URI\n\nDELETE 见下文\n\n## 请求参数\n\n无\n";
    let parsed = read(broken);
    assert!(parsed.page.is_none());
    let finding = &parsed.diagnostics[0];
    assert_eq!(finding.code, "uri-unreadable");
    assert!(finding.is_error());
    assert!(
        finding.message.contains("DELETE 见下文"),
        "{}",
        finding.message
    );

    let tables_only = "# 公共请求头\n\n## 请求参数\n\n**表 1** 公共请求头\n\n\
                       |参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|X-Auth-Token|是|String|令牌。|\n";
    let parsed = read(tables_only);
    assert!(parsed.page.is_none());
    assert_eq!(parsed.diagnostics[0].code, "no-uri");
    assert!(
        !parsed.diagnostics[0].is_error(),
        "shared pages hold such tables too"
    );

    let overview = "# API概览\n\n介绍本服务的接口。\n";
    assert_eq!(read(overview).diagnostics[0].code, "not-an-api-page");
}

#[test]
fn names_a_page_states_strongest_first() {
    let markdown = "# 查询小组<a name=\"ShowTeam\"></a>\n\n## 功能介绍\n\n-   接口名称\n\n    ShowTeamDetail\n\n\
                    -   功能描述\n\n    查询小组。\n\n您可以在[API Explorer](https://apiexplorer.example.com/doc?product=TEAM&api=ShowTeamInfo)中调试该接口。\n\n\
                    ## URI\n\nGET /v1/teams/{team_id}\n";
    let parsed = read(markdown);
    let page = page(&parsed);
    let stated: Vec<(&str, NameSource)> = page
        .stated_names
        .iter()
        .map(|s| (s.name.as_str(), s.source))
        .collect();
    assert_eq!(
        stated,
        [
            ("ShowTeam", NameSource::TitleAnchor),
            ("ShowTeamInfo", NameSource::ExplorerLink),
            ("ShowTeamDetail", NameSource::Label),
        ]
    );
    assert_eq!(page.operation.id, "ShowTeam");
    assert!(page.operation.id_is_explicit);
}

#[test]
fn an_anchor_that_is_no_name_names_nothing() {
    let markdown = "# 查询小组<a name=\"section_0112\"></a>\n\n## URI\n\nGET /v1/teams/{team_id}\n";
    let parsed = read(markdown);
    assert!(page(&parsed).stated_names.is_empty());
    assert!(!page(&parsed).operation.id_is_explicit);
}
