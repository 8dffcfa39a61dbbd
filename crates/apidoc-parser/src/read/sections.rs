//! The vocabulary of page structure: section headings, table captions,
//! status lines, URI lines — in English and Chinese.

use std::sync::LazyLock;

use apidoc_ir::Method;
use regex::Regex;

/// The section a block stands in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Before the first section heading.
    Preamble,
    /// "Function" / "功能介绍".
    Function,
    /// "URI".
    Uri,
    /// "Request Parameters" / "Request" / "请求参数".
    Request,
    /// "Request Headers" / "请求Header参数".
    RequestHeaders,
    /// "Response Parameters" / "Response" / "响应参数".
    Response,
    /// "Response Headers" / "响应Header参数".
    ResponseHeaders,
    /// "Example Requests" / "请求示例".
    ExampleRequest,
    /// "Example Responses" / "响应示例".
    ExampleResponse,
    /// "Status Codes" / "状态码".
    StatusCodes,
    /// Anything else (Calling Method, Error Codes, SDK samples...).
    Other,
}

/// Section names, in lower case, and the section each opens: what a
/// heading says, and what a line of a copied page must say to be taken for
/// a heading. Names of sections the reader does not read (`Other`) are
/// listed too, as they end the section before them.
const HEADINGS: &[(&str, Section)] = &[
    ("function", Section::Function),
    ("functions", Section::Function),
    ("description", Section::Function),
    ("功能介绍", Section::Function),
    ("功能说明", Section::Function),
    ("接口说明", Section::Function),
    ("uri", Section::Uri),
    ("url", Section::Uri),
    ("request uri", Section::Uri),
    ("request", Section::Request),
    ("requests", Section::Request),
    ("request parameters", Section::Request),
    ("request parameter", Section::Request),
    ("request message", Section::Request),
    ("request body", Section::Request),
    ("请求", Section::Request),
    ("请求参数", Section::Request),
    ("请求消息", Section::Request),
    // A general page's part on methods ("构造请求"); over "URI" it heads a
    // method and URI table instead, which front ends read first.
    ("请求方法", Section::Request),
    ("response", Section::Response),
    ("responses", Section::Response),
    ("response parameters", Section::Response),
    ("response parameter", Section::Response),
    ("response message", Section::Response),
    ("response body", Section::Response),
    ("响应", Section::Response),
    ("响应参数", Section::Response),
    ("响应消息", Section::Response),
    ("返回参数", Section::Response),
    ("example request", Section::ExampleRequest),
    ("example requests", Section::ExampleRequest),
    ("request example", Section::ExampleRequest),
    ("request examples", Section::ExampleRequest),
    ("请求示例", Section::ExampleRequest),
    ("example response", Section::ExampleResponse),
    ("example responses", Section::ExampleResponse),
    ("response example", Section::ExampleResponse),
    ("response examples", Section::ExampleResponse),
    ("响应示例", Section::ExampleResponse),
    ("返回示例", Section::ExampleResponse),
    ("status code", Section::StatusCodes),
    ("status codes", Section::StatusCodes),
    ("returned values", Section::StatusCodes),
    ("returned value", Section::StatusCodes),
    ("状态码", Section::StatusCodes),
    ("返回值", Section::StatusCodes),
    ("calling method", Section::Other),
    ("authorization information", Section::Other),
    ("debugging", Section::Other),
    ("error code", Section::Other),
    ("error codes", Section::Other),
    ("sdk sample code", Section::Other),
    ("related documents", Section::Other),
    ("调用方法", Section::Other),
    ("授权信息", Section::Other),
    ("调试", Section::Other),
    ("错误码", Section::Other),
    ("错误码说明", Section::Other),
    ("返回码", Section::Other),
    ("sdk代码示例", Section::Other),
    ("相关文档", Section::Other),
    ("接口约束", Section::Other),
    ("前提条件", Section::Other),
    ("涉及api", Section::Other),
    ("操作步骤", Section::Other),
    ("场景描述", Section::Other),
];

/// The section a heading's name opens, when `HEADINGS` lists it.
fn named_section(heading: &str) -> Option<Section> {
    let h = heading.trim().trim_end_matches([':', '：']).to_lowercase();
    HEADINGS
        .iter()
        .find(|(name, _)| *name == h)
        .map(|&(_, section)| section)
}

/// Classifies a section heading.
pub fn section_of(heading: &str) -> Section {
    named_section(heading).unwrap_or_else(|| {
        section_by_words(&heading.trim().trim_end_matches([':', '：']).to_lowercase())
    })
}

/// Words a section label opens with ("请求消息头", "Path Parameters"); a
/// phrase naming a part after other words ("API的请求参数列表") describes,
/// it does not head.
const LABEL_OPENINGS: &[&str] = &[
    "request", "response", "uri", "url", "path", "query", "example", "请求", "响应", "路径",
    "查询", "返回", "错误",
];

/// True when a line standing alone names a section: a name of
/// `HEADINGS`, a short label naming a part of the operation
/// ([`list_label`]) that opens with the part's word, or a name of
/// `HEADINGS` with a title after a colon ("响应示例：删除两个对象",
/// `titled_section`). For a front end that sees no heading markup.
pub fn names_section(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let opens_label = LABEL_OPENINGS.iter().any(|w| lower.starts_with(w));
    named_section(text).is_some()
        || opens_label && list_label(text).is_some()
        || titled_section(text)
}

/// The longest line read as a titled section heading: a title, not a
/// paragraph that happens to open with a section's name.
const TITLED_SECTION_MAX_CHARS: usize = 48;

/// True for an example section's name of `HEADINGS` followed by a colon
/// and a title that is no sentence: pages head each of several examples
/// so ("请求示例：只列举目录", "Example request: one lamp").
fn titled_section(text: &str) -> bool {
    let text = text.trim();
    let Some((name, title)) = text.split_once(['：', ':']) else {
        return false;
    };
    let title = title.trim();
    let names_example = matches!(
        named_section(name),
        Some(Section::ExampleRequest | Section::ExampleResponse)
    );
    names_example
        && !title.is_empty()
        && !title.contains(['。', '.', '；', ';', '：', ':'])
        && text.chars().count() <= TITLED_SECTION_MAX_CHARS
}

/// Headings no fixed name covers, by the words they use: "Path
/// Parameters", "Request Body Parameters", "Response Headers".
fn section_by_words(h: &str) -> Section {
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    let request = has(&["request", "请求"]);
    let response = has(&["response", "响应"]);
    if has(&["example", "sample", "示例", "样例"]) {
        // "请求成功样例", "请求失败样例": what a request gets back.
        if has(&["成功", "失败", "success", "fail"]) {
            return Section::ExampleResponse;
        }
        return match (request, response) {
            (true, false) => Section::ExampleRequest,
            (false, true) => Section::ExampleResponse,
            _ => Section::Other,
        };
    }
    if h.starts_with("uri")
        || has(&[
            "path param",
            "query param",
            "路径参数",
            "query参数",
            "查询参数",
        ])
    {
        Section::Uri
    } else if has(&["header"]) && request {
        Section::RequestHeaders
    } else if has(&["header"]) && response {
        Section::ResponseHeaders
    } else if request && !response {
        Section::Request
    } else if response && !request {
        Section::Response
    } else {
        Section::Other
    }
}

/// Words of a sentence pointing at what follows ("请求方法以及URI如下表所示",
/// "parameters as follows"): a label names its part and points nowhere.
const POINTING_WORDS: &[&str] = &["如下", "以下", "见表", "as follows", "below"];

/// A list item's label that names a section, as older Help Center pages
/// structure a section with list items ("URI格式", "请求参数", "响应样例"):
/// a short phrase, not a sentence, naming a section.
pub fn list_label(text: &str) -> Option<Section> {
    let label = text.trim().trim_end_matches([':', '：']);
    if caption_parts(label).0.is_some() || FIGURE_LABEL.is_match(label) {
        // "表 4 响应Body参数" captions a table, "图 1 响应消息头" a
        // figure; neither opens a section.
        return None;
    }
    let lower = label.to_lowercase();
    let sentence = label.contains(['。', '，', '.', ',', '；', ';'])
        || POINTING_WORDS.iter().any(|w| lower.contains(w));
    const LABEL_WORDS: [&str; 13] = [
        "参数",
        "样例",
        "示例",
        "格式",
        "消息",
        "体",
        "uri",
        "parameter",
        "example",
        "sample",
        "body",
        "header",
        "message",
    ];
    let names_a_part = LABEL_WORDS.iter().any(|w| lower.contains(w));
    if sentence || !names_a_part || label.chars().count() > 24 {
        return None;
    }
    match section_of(label) {
        Section::Other | Section::Preamble => None,
        section => Some(section),
    }
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

static STATUS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:status code|状态码|http status code|http/\d(?:\.\d)?)\s*[:：]?\s*(\d{3})\b")
});
static NORMAL_STATUS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:normal|success|正常|成功)(?:\s+response)?(?:\s+(?:status\s+)?codes?)?(?:返回值|响应码|状态码)?\s*[:：]?\s*(2\d\d)\b",
    )
});
static URI_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(.+?)(?:\s+HTTP/\d(?:\.\d)?)?\s*$")
});
static EXAMPLE_LINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\S+)"));
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:Table|表)\s*(\d+)\s*[:：.]?\s*(.*)$"));
static CAPTION_LABEL: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:Table|表)\s*\d+"));
static FIGURE_LABEL: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:Figure|图)\s*\d+"));
static TABLE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:Table|表)\s*(\d+)"));
static TABLE_REFERENCE_CAPTION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:Table|表)\s*\d+\s*([^。，,;；:：()（）\n]+)"));

/// "Status code: 200" / "状态码:200" → 200.
pub fn status_line(text: &str) -> Option<u16> {
    STATUS_LINE.captures(text.trim())?[1].parse().ok()
}

/// A Status Codes cell: "200", or a status line with its reason phrase
/// ("400 Bad Request", "201 Created") → the status and the phrase.
pub fn status_cell(text: &str) -> Option<(u16, &str)> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (code, reason) = text.split_at(digits);
    let reason_ok = reason.is_empty() || reason.starts_with(char::is_whitespace);
    let status = code
        .parse::<u16>()
        .ok()
        .filter(|s| (100..600).contains(s))?;
    (digits == 3 && reason_ok).then_some((status, reason.trim()))
}

/// A code block holding nothing but a status line ("STATUS CODE 200"
/// above an example body): the status of the examples after it.
pub fn status_code_block(text: &str) -> Option<u16> {
    let text = text.trim();
    if text.contains('\n') {
        return None;
    }
    // "无（STATUS CODE 204）": no body, and the status in brackets.
    let bodiless = ["无", "none", "None", "空"]
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .map(|rest| {
            rest.trim()
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
        });
    status_line(bodiless.unwrap_or(text))
}

/// "Normal: 201", "Normal response code: 202" (Status Codes sections of
/// older pages) → the success status.
pub fn normal_status(text: &str) -> Option<u16> {
    NORMAL_STATUS.captures(text.trim())?[1].parse().ok()
}

/// A `METHOD /path` line of the URI section, as pages write it: the
/// method in any case, an optional scheme and host, placeholders with
/// spaces inside (`{ project_id }`, `{ECS Endpoint}`), a query string, an
/// ` HTTP/1.1` after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UriLine {
    /// The method.
    pub method: Method,
    /// The path template, without scheme, host and query.
    pub path: String,
    /// The placeholders of the host (`endpoint` of `https://{endpoint}/…`):
    /// the client's endpoint, never a request parameter.
    pub host_placeholders: Vec<String>,
    /// The query string's parameters, in order.
    pub query: Vec<QueryPart>,
}

/// One `key=value` of a URI line's query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryPart {
    /// The key: the parameter's name on the wire.
    pub key: String,
    /// What the line writes for the value.
    pub value: QueryValue,
}

/// The value a URI line writes for a query parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryValue {
    /// A placeholder (`limit={limit}`, or a URI template's `{?limit}`): the
    /// caller's value; its name may differ from the key.
    Placeholder(String),
    /// A fixed value (`action_id=bindEip`): every request of the operation
    /// sends it, and it tells operations sharing a path apart.
    Fixed(String),
    /// Nothing (`limit=`): the parameter exists.
    Empty,
}

/// A request message's first line: method, target and HTTP version
/// (`PUT /?acl HTTP/1.1`).
pub fn is_request_line(text: &str) -> bool {
    REQUEST_LINE.is_match(text.trim())
}

static REQUEST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+\s+HTTP/\d(?:\.\d)?$")
});

/// The URI line a paragraph or code block states: its first line, or,
/// where the method stands apart from its path (`GET/v1.0/…`, `GET
/// 参数说明请参见表1。 /v1/…`, or the path in the `following` paragraph),
/// the method and the one path after it.
pub fn uri_line_text(text: &str, following: Option<&str>) -> String {
    let first = text.lines().next().unwrap_or_default().trim();
    if uri_line(first).is_some() {
        return first.to_owned();
    }
    let start = text.trim_start();
    let end = start
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(start.len());
    let (method, rest) = start.split_at(end);
    if Method::parse(method).is_none() {
        return first.to_owned();
    }
    let paths = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .filter(|word| word.starts_with('/'))
            .map(str::to_owned)
            .collect()
    };
    let mut found = paths(rest);
    if found.is_empty() {
        found = following
            .map(|next| paths(next.lines().next().unwrap_or_default()))
            .unwrap_or_default();
    }
    match found.as_slice() {
        [path] => format!("{method} {path}"),
        _ => first.to_owned(),
    }
}

/// Reads a URI line (see [`UriLine`]).
pub fn uri_line(text: &str) -> Option<UriLine> {
    let caps = URI_LINE.captures(text.trim())?;
    let target = without_spaces_in_placeholders(&caps[2]);
    let (target, optional_query) = match target.split_once("[?") {
        Some((path, names)) => (
            path.to_owned(),
            Some(names.trim_end_matches(']').to_owned()),
        ),
        None => (target, None),
    };
    if target.contains(char::is_whitespace) {
        return None;
    }
    let query = match (
        target.split_once("{?"),
        target.split_once('?'),
        optional_query,
    ) {
        (Some((_, names)), _, _) => named_query_parts(names),
        (None, Some((_, query)), _) => query_parts(query),
        (None, None, Some(names)) => named_query_parts(&names),
        (None, None, None) => Vec::new(),
    };
    Some(UriLine {
        method: Method::parse(&caps[1])?,
        path: path_of(&target)?,
        host_placeholders: host_placeholders(&target),
        query,
    })
}

/// `{ project_id }` → `{project_id}`, `{ECS Endpoint}` → `{ECSEndpoint}`:
/// a placeholder is a name, whatever spaces the page puts in it.
fn without_spaces_in_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() && depth > 0 => continue,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// The placeholders of a URL's host: `https://{endpoint}/v2` → `endpoint`.
fn host_placeholders(url: &str) -> Vec<String> {
    let Some((_, rest)) = url.split_once("://") else {
        return Vec::new();
    };
    let host = rest.split('/').next().unwrap_or_default();
    host.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// `a=1&b={b}&c=` → the parts.
fn query_parts(query: &str) -> Vec<QueryPart> {
    query
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = key.trim();
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-.[]".contains(c))
            {
                return None;
            }
            let value = value.trim();
            let value = match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                Some(name) => QueryValue::Placeholder(name.to_owned()),
                None if value.is_empty() => QueryValue::Empty,
                None => QueryValue::Fixed(value.to_owned()),
            };
            Some(QueryPart {
                key: key.to_owned(),
                value,
            })
        })
        .collect()
}

/// The names of a URI template's query (`marker,limit}` of
/// `{?marker,limit}`), or of an optional query in brackets (`page_size,
/// page_no` of `[?page_size, page_no]`) → a placeholder part per name.
fn named_query_parts(list: &str) -> Vec<QueryPart> {
    let names = list.split(['}', ']']).next().unwrap_or_default();
    names
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| QueryPart {
            key: name.to_owned(),
            value: QueryValue::Placeholder(name.to_owned()),
        })
        .collect()
}

/// An example request line (`put https://{endpoint}/v1/...`, also with a
/// space inside a placeholder: `https://{BMS Endpoint}/v1/...`): method
/// and URL.
pub fn example_line(text: &str) -> Option<(Method, String)> {
    let line = without_spaces_in_placeholders(text.trim());
    let caps = EXAMPLE_LINE.captures(&line)?;
    Some((Method::parse(&caps[1])?, caps[2].to_owned()))
}

/// The path of a URL or path: `https://{hostURL}/v4/x?y=1` → `/v4/x`;
/// a URI-template query (`/x{?marker,limit}`) goes too.
pub fn path_of(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = if url.contains("://") {
        &without_scheme[without_scheme.find('/')?..]
    } else {
        without_scheme
    };
    let path = path.split('?').next().unwrap_or(path).trim_end_matches('{');
    path.starts_with('/').then(|| path.to_owned())
}

/// "Table 2 Query Parameters" → (2, "Query Parameters").
pub fn caption_parts(caption: &str) -> (Option<u32>, String) {
    match CAPTION.captures(caption.trim()) {
        Some(caps) => (caps[1].parse().ok(), caps[2].trim().to_owned()),
        None => (None, caption.trim().to_owned()),
    }
}

/// The "Table N" / "表N" label a caption starts with, when its number ends
/// a word ("Table 12 …", "表 1请求参数", not "Table 1a").
pub fn caption_label(text: &str) -> Option<&str> {
    let label = CAPTION_LABEL.find(text)?;
    let ends_word = !text[label.end()..].starts_with(|c: char| c.is_ascii_alphanumeric());
    ends_word.then(|| label.as_str())
}

/// Table numbers a description refers to ("see Table 4", "详见表4").
pub fn table_references(text: &str) -> Vec<u32> {
    TABLE_REFERENCE
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

/// The longest table label a description is searched for.
const LABEL_REFERENCE_CHARS: usize = 60;

/// The words a description may name tables by, in lower case: after the
/// word for a table, up to the clause's end and at most
/// `LABEL_REFERENCE_CHARS` characters ("参考表 前端参数说明。" →
/// "前端参数说明", "see Table Backend Parameters." → "backend
/// parameters"); a number there is a reference by number.
pub fn table_label_references(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    ["表", "table"]
        .iter()
        .flat_map(|word| {
            lower
                .match_indices(word)
                .map(move |(at, _)| at + word.len())
        })
        .filter_map(|start| {
            let rest = lower[start..].trim_start();
            let end = rest
                .find(|c: char| "。，,.;；)）(（".contains(c))
                .unwrap_or(rest.len());
            let end = rest
                .char_indices()
                .nth(LABEL_REFERENCE_CHARS)
                .map_or(end, |(at, _)| end.min(at));
            let label = rest[..end].trim();
            let by_number = label.starts_with(|c: char| c.is_ascii_digit());
            (!label.is_empty() && !by_number).then(|| label.to_owned())
        })
        .collect()
}

/// The captions a text names tables by after their number ("参考表3
/// job属性列表。" → "job属性列表"): the words after each "Table N" / "表N"
/// up to a punctuation mark, where there are any.
pub fn table_reference_captions(text: &str) -> Vec<&str> {
    TABLE_REFERENCE_CAPTION
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().trim())
        .filter(|caption| !caption.is_empty())
        .collect()
}

/// What a caption says a table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaptionKind {
    /// Path parameters.
    Path,
    /// Query parameters.
    Query,
    /// Header parameters (request or response by section).
    Headers,
    /// The top-level request body.
    RequestBody,
    /// The top-level response body.
    ResponseBody,
    /// The Status Codes table.
    StatusCodes,
    /// A named model ("CollectionInfo").
    Model(String),
    /// The fields of the objects held by the named fields ("server field
    /// description", "servers_links and links field description").
    FieldOf(Vec<String>),
    /// A generic caption ("Parameter description", "Parameters"): its role
    /// comes from the section.
    Generic,
    /// Any other caption ("Parameters for creating an ECS"): a parameter
    /// table only if its section and columns say so.
    Other,
}

/// A field name as captions write it: `server`, `os:scheduler_hints`,
/// `os-extended-volumes:volumes_attached`, `AIProject`.
const IDENT: &str = r"[A-Za-z][A-Za-z0-9_:.\-]*";

/// "<field> [and <field>] <descriptor> [of/for <word>]" ("config
/// parameters of batch"), "<field>[、<field>和<field>]<descriptor>"
/// ("schemaPath、edgesetPath和vertexsetPath属性列表", "versions字段要素说明",
/// "hosts请求参数", "GesQuotaResp类型").
static FIELD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^({IDENT}(?:\s*(?:,|and)\s*{IDENT})*)\s+(?:field descriptions?|field structure|fields?|parameters?(?: (?:description|information|structure(?: description)?))?|objects?(?: description)?|attributes?|information|(?:data )?structure|description)(?:\s+(?:of|for)\s+[\w\-]+)?$|^({IDENT}(?:\s*[、，,和及与]\s*{IDENT})*)\s*(?:(?:对象|字段|参数|属性|结构体|数据结构|结构|信息|元素|要素|类型|列表|定义|请求参数|响应参数)+(?:说明|描述|介绍|定义|详情|列表)?|说明|描述)$"
    ))
});
/// "<descriptor> of [the] [request|response] [parameter|field] <field>".
static FIELD_LAST: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:data structure|structure|objects?|description|details|fields?)\s+of\s+(?:the\s+)?(?:(?:request|response)\s+)?(?:(?:parameter|field)\s+)?({IDENT})$|^(?:参数|字段|对象)\s*[:：]\s*({IDENT})$"
    ))
});

/// Classifies a caption's text (without the "Table N" prefix). A
/// footnote mark before it (`[1] tags…`) and a qualifier in brackets
/// after it (`…说明（响应参数）`) say nothing of what the table holds.
pub fn caption_kind(text: &str) -> CaptionKind {
    let text = without_caption_marks(text);
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let is = |options: &[&str]| options.contains(&lower.as_str());
    // A caption that is one model name (`ListenerInsertHeaders`, or a
    // qualified type name `io.k8s.api.core.v1.PodSpec`) names the model,
    // whatever words ("header") it holds.
    if is_camel_model_name(text) || is_qualified_type_name(text) {
        return CaptionKind::Model(text.to_owned());
    }
    if has(&["path param", "路径参数", "uri param"]) {
        CaptionKind::Path
    } else if has(&["query param", "query参数", "查询参数"]) {
        CaptionKind::Query
    } else if has(&["header"]) {
        CaptionKind::Headers
    } else if has(&["request body", "请求body", "请求体", "请求消息体"])
        || is(&[
            "request",
            "request parameters",
            "request parameter",
            "请求参数",
        ])
    {
        CaptionKind::RequestBody
    } else if has(&["response body", "响应body", "响应体", "响应消息体"])
        || is(&[
            "response",
            "response parameters",
            "response parameter",
            "响应参数",
        ])
    {
        CaptionKind::ResponseBody
    } else if has(&["status code", "状态码"]) {
        CaptionKind::StatusCodes
    } else if is(&[
        "parameter description",
        "parameter descriptions",
        "parameters",
        "parameter",
        "description",
        "参数说明",
        "参数",
    ]) {
        CaptionKind::Generic
    } else if super::types::is_model_name(text)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.contains('_')
    {
        CaptionKind::Model(text.to_owned())
    } else if let Some(fields) = described_fields(text) {
        // "Body参数说明" describes the body itself, not a field named Body.
        if let [only] = fields.as_slice()
            && only.eq_ignore_ascii_case("body")
        {
            return CaptionKind::Generic;
        }
        CaptionKind::FieldOf(fields)
    } else {
        CaptionKind::Other
    }
}

/// A caption without a leading footnote mark (`[1]`, `\[1\]`) and a
/// trailing qualifier in brackets (`（响应参数）`, `(response)`).
fn without_caption_marks(text: &str) -> &str {
    let text = text.trim();
    let text = match text.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        Some((mark, rest)) if mark.chars().all(|c| c.is_ascii_digit()) => rest.trim_start(),
        _ => text,
    };
    let text = text.trim_end();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(head) = text.strip_suffix(close)
            && let Some((head, _)) = head.rsplit_once(open)
            && !head.trim().is_empty()
        {
            return head.trim_end();
        }
    }
    text
}

/// A qualified type name: dotted identifier steps ending in a capitalised
/// one, under a package path that a version step (`v1`, `v1beta1`) or a
/// reversed domain (`io.`, `com.`, `org.`) marks as such
/// (`io.k8s.api.core.v1.PodSpec`), unlike a dotted field path, whose
/// steps are field names (`roles.policy.Depends`, `identity_providers.links`).
pub fn is_qualified_type_name(text: &str) -> bool {
    let steps: Vec<&str> = text.split('.').collect();
    let versioned = steps.iter().any(|s| is_version_step(s));
    let domain = steps
        .first()
        .is_some_and(|s| ["io", "com", "org", "net", "cn"].contains(s));
    steps.len() >= 3
        && (versioned || domain)
        && steps.iter().all(|s| super::types::is_model_name(s))
        && steps
            .last()
            .is_some_and(|last| last.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// `v1`, `v2`, `v1beta1`, `v2alpha3`: an API version as a package step.
fn is_version_step(step: &str) -> bool {
    let Some(rest) = step.strip_prefix('v') else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let tail = &rest[digits..];
    digits > 0
        && (tail.is_empty()
            || tail.starts_with("alpha") && tail[5..].chars().all(|c| c.is_ascii_digit())
            || tail.starts_with("beta") && tail[4..].chars().all(|c| c.is_ascii_digit()))
}

/// A model name standing alone as a caption, written in UpperCamelCase of
/// at least two words (`ListenerInsertHeaders`, `GesBackUp`): such a
/// caption names its model even where its words ("Headers", "Body") would
/// otherwise say what the table holds.
fn is_camel_model_name(text: &str) -> bool {
    const STRUCTURE: [&str; 3] = ["request", "response", "query"];
    let humps = text.chars().filter(char::is_ascii_uppercase).count();
    let lower = text.to_lowercase();
    !STRUCTURE.iter().any(|w| lower.starts_with(w))
        && super::types::is_model_name(text)
        && !text.contains('_')
        && text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && text.chars().skip(1).any(|c| c.is_ascii_lowercase())
        && humps >= 2
}

/// The field names a caption says its table describes.
fn described_fields(text: &str) -> Option<Vec<String>> {
    if super::types::is_model_name(text) {
        return Some(vec![text.to_owned()]);
    }
    // A qualified type name standing alone ("io.k8s.api.core.v1.Handler",
    // "binding:vif_details"): the name, and its last step as a field; a
    // hyphenated name ("enterprise-projects") is one field.
    if text.contains(['.', ':', '-'])
        && super::types::is_written_model_name(text)
        && !text.contains(' ')
    {
        let last = field_of_path(&text.replace(':', "."));
        return Some(if last == text {
            vec![last]
        } else {
            vec![text.to_owned(), last]
        });
    }
    if let Some(caps) = FIELD_LAST.captures(text) {
        let field = caps.get(1).or(caps.get(2))?;
        return Some(vec![field_of_path(field.as_str())]);
    }
    let caps = FIELD_FIRST.captures(text)?;
    let list = caps.get(1).or(caps.get(2))?.as_str();
    let fields = list
        .split([',', '、', '，', '和', '及', '与'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(field_of_path)
        .collect();
    Some(fields)
}

/// A caption may name a field by its path (`server.nics`): the field is
/// the last step.
fn field_of_path(path: &str) -> String {
    path.trim_end_matches('.')
        .rsplit('.')
        .next()
        .unwrap_or(path)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        assert_eq!(caption_kind("Path Parameters"), CaptionKind::Path);
        assert_eq!(caption_kind("Query参数"), CaptionKind::Query);
        assert_eq!(
            caption_kind("Request header parameters"),
            CaptionKind::Headers
        );
        assert_eq!(caption_kind("请求Body参数"), CaptionKind::RequestBody);
        assert_eq!(
            caption_kind("Response parameters"),
            CaptionKind::ResponseBody
        );
        assert_eq!(
            caption_kind("CollectionInfo"),
            CaptionKind::Model("CollectionInfo".into())
        );
        assert_eq!(caption_kind("Request"), CaptionKind::RequestBody);
        assert_eq!(
            caption_kind("Data structure of the network which an ECS accesses"),
            CaptionKind::Other
        );
        assert_eq!(
            caption_kind("Parameters for creating an ECS"),
            CaptionKind::Other
        );
        assert_eq!(
            caption_kind("Docker deployment parameters"),
            CaptionKind::Other
        );
        assert_eq!(caption_kind("Parameter description"), CaptionKind::Generic);
        assert_eq!(caption_kind("Parameters"), CaptionKind::Generic);
        assert_eq!(
            caption_kind("ListenerInsertHeaders"),
            CaptionKind::Model("ListenerInsertHeaders".into()),
            "a model name, whatever its words"
        );
        assert_eq!(caption_kind("RequestHeaders"), CaptionKind::Headers);
        assert_eq!(caption_kind("Body参数说明"), CaptionKind::Generic);
        assert_eq!(
            caption_kind("GesQuotaResp类型"),
            CaptionKind::FieldOf(vec!["GesQuotaResp".into()])
        );
    }

    #[test]
    fn captions_naming_the_fields_they_describe() {
        let cases: [(&str, &[&str]); 15] = [
            ("server.nics field description", &["nics"]),
            ("server field description", &["server"]),
            ("os:scheduler_hints parameters", &["os:scheduler_hints"]),
            ("ip_range objects", &["ip_range"]),
            ("quotas", &["quotas"]),
            (
                "os-extended-volumes:volumes_attached field description",
                &["os-extended-volumes:volumes_attached"],
            ),
            (
                "servers_links and links field description",
                &["servers_links", "links"],
            ),
            ("quota_set parameter description", &["quota_set"]),
            ("server_groups parameter information", &["server_groups"]),
            ("addresses parameter structure description", &["addresses"]),
            (
                "Objects of request parameter security_group",
                &["security_group"],
            ),
            ("config parameters of real-time", &["config"]),
            ("floating_ip attributes", &["floating_ip"]),
            ("AIProject parameters", &["AIProject"]),
            ("metrics data structure", &["metrics"]),
        ];
        for (caption, fields) in cases {
            let want = CaptionKind::FieldOf(fields.iter().map(|f| (*f).to_owned()).collect());
            assert_eq!(caption_kind(caption), want, "{caption}");
        }
    }

    #[test]
    fn captions_naming_qualified_types() {
        let want =
            |names: &[&str]| CaptionKind::FieldOf(names.iter().map(|n| (*n).to_owned()).collect());
        assert_eq!(
            caption_kind("io.k8s.api.core.v1.Handler"),
            CaptionKind::Model("io.k8s.api.core.v1.Handler".into()),
            "a qualified type name names the model"
        );
        assert_eq!(
            caption_kind("identity_providers.links"),
            want(&["identity_providers.links", "links"])
        );
        assert_eq!(
            caption_kind("roles.policy.Depends"),
            want(&["roles.policy.Depends", "Depends"]),
            "a dotted path of fields, not a type"
        );
        assert_eq!(
            caption_kind("io.k8s.api.batch.v1beta1.CronJobSpec"),
            CaptionKind::Model("io.k8s.api.batch.v1beta1.CronJobSpec".into())
        );
        assert_eq!(
            caption_kind("binding:vif_details字段数据结构说明"),
            want(&["binding:vif_details"])
        );
        assert_eq!(caption_kind("os-stop字段数据结构说明"), want(&["os-stop"]));
        assert_eq!(
            caption_kind("auto_stop定义数据结构说明"),
            want(&["auto_stop"])
        );
        assert_eq!(caption_kind("subnet对象"), want(&["subnet"]));
        assert_eq!(caption_kind("images字段说明"), want(&["images"]));
        assert_eq!(caption_kind("links对象参数说明"), want(&["links"]));
        assert_eq!(caption_kind("tag对象说明"), want(&["tag"]));
        assert_eq!(caption_kind("metadata参数说明"), want(&["metadata"]));
        assert_eq!(caption_kind("server属性描述"), want(&["server"]));
        assert_eq!(caption_kind("参数：image_tags"), want(&["image_tags"]));
        assert_eq!(caption_kind("请求样例的参数说明"), CaptionKind::Other);
        assert_eq!(caption_kind("versions字段要素说明"), want(&["versions"]));
        assert_eq!(caption_kind("rules属性列表"), want(&["rules"]));
        assert_eq!(caption_kind("hosts请求参数"), want(&["hosts"]));
        assert_eq!(
            caption_kind("schemaPath、edgesetPath和vertexsetPath属性列表"),
            want(&["schemaPath", "edgesetPath", "vertexsetPath"])
        );
        assert_eq!(
            caption_kind("enterprise-projects"),
            want(&["enterprise-projects"])
        );
        assert_eq!(
            caption_kind("os:scheduler_hints字段数据结构说明（响应参数）"),
            want(&["os:scheduler_hints"])
        );
        assert_eq!(caption_kind("[1] tags字段数据结构说明"), want(&["tags"]));
    }

    #[test]
    fn headings() {
        assert_eq!(section_of("Request Body"), Section::Request);
        assert_eq!(section_of("Request Body Parameters"), Section::Request);
        assert_eq!(section_of("Path Parameters"), Section::Uri);
        assert_eq!(section_of("Query Parameters"), Section::Uri);
        assert_eq!(section_of("Request Headers"), Section::RequestHeaders);
        assert_eq!(section_of("响应Header参数"), Section::ResponseHeaders);
        assert_eq!(
            section_of("Example Request (Creating an ECS)"),
            Section::ExampleRequest
        );
        assert_eq!(section_of("Sample Response"), Section::ExampleResponse);
        assert_eq!(section_of("Error Codes"), Section::Other);
        assert_eq!(section_of("publicip Field Description"), Section::Other);
    }

    #[test]
    fn chinese_headings() {
        let cases = [
            ("URI", Section::Uri),
            ("请求参数", Section::Request),
            ("请求消息", Section::Request),
            ("请求", Section::Request),
            ("响应参数", Section::Response),
            ("响应消息", Section::Response),
            ("响应", Section::Response),
            ("请求示例", Section::ExampleRequest),
            ("响应示例", Section::ExampleResponse),
            ("响应样例", Section::ExampleResponse),
            ("请求成功样例", Section::ExampleResponse),
            ("请求失败样例", Section::ExampleResponse),
            ("状态码", Section::StatusCodes),
            ("返回值", Section::StatusCodes),
            ("错误码", Section::Other),
            ("功能介绍", Section::Function),
        ];
        for (heading, want) in cases {
            assert_eq!(section_of(heading), want, "{heading}");
        }
    }

    #[test]
    fn list_item_labels() {
        assert_eq!(list_label("URI格式"), Some(Section::Uri));
        assert_eq!(list_label("请求参数"), Some(Section::Request));
        assert_eq!(list_label("响应参数："), Some(Section::Response));
        assert_eq!(list_label("请求样例"), Some(Section::ExampleRequest));
        assert!(names_section("响应示例：列举一个目录，且只列两项"));
        assert!(names_section("Example request: one lamp"));
        assert!(!names_section("请求示例：见下文。"));
        assert!(!names_section("错误码：见错误码表"));
        assert!(!names_section("功能说明：一盏灯"));
        assert_eq!(list_label("响应示例"), Some(Section::ExampleResponse));
        assert_eq!(list_label("Request parameters"), Some(Section::Request));
        assert_eq!(list_label("参数说明"), None);
        assert_eq!(list_label("HTTP/HTTPS请求方法以及URI如下表所示"), None);
        assert_eq!(list_label("图 1 获取用户Token响应消息头"), None);
        assert_eq!(list_label("表 4 响应Body参数"), None, "a caption");
        assert_eq!(list_label("Bad Request"), None);
        assert_eq!(list_label("Response"), None);
        assert_eq!(list_label("正常"), None);
        assert_eq!(
            list_label("可以在URI后面添加查询条件，请参考请求样例。"),
            None
        );
        assert_eq!(
            list_label("The response parameters of the request are described below"),
            None
        );
    }

    #[test]
    fn uri_lines_as_pages_write_them() {
        let read = |line: &str| uri_line(line).map(|uri| (uri.method, uri.path));
        let path = "/v1/{project_id}/servers".to_owned();
        assert_eq!(
            read("post /v1/{project_id}/servers"),
            Some((Method::Post, path.clone()))
        );
        assert_eq!(
            read("GET /v1/{ project_id }/servers HTTP/1.1"),
            Some((Method::Get, path.clone()))
        );
        assert_eq!(
            read("GET https://{ECS Endpoint}/v1/{project_id}/servers"),
            Some((Method::Get, path))
        );
        assert_eq!(read("GET /v1/{project_id}/servers and more words"), None);
        let line = uri_line("POST https://{endpoint}/v1.0/{project_id}/graphs/{graph_id}/action?action_id=bindEip&clear={clear_metadata}&limit=")
            .expect("a URI line");
        assert_eq!(line.host_placeholders, ["endpoint"]);
        assert_eq!(
            line.query,
            [
                QueryPart {
                    key: "action_id".into(),
                    value: QueryValue::Fixed("bindEip".into())
                },
                QueryPart {
                    key: "clear".into(),
                    value: QueryValue::Placeholder("clear_metadata".into())
                },
                QueryPart {
                    key: "limit".into(),
                    value: QueryValue::Empty
                },
            ]
        );
        let template = uri_line("GET /v2/servers{?marker,limit}").expect("a URI line");
        assert_eq!(template.path, "/v2/servers");
        assert_eq!(template.query.len(), 2);
        let optional =
            uri_line("GET /v1.0/apigw/vpc-channels/{id}/members[?page_size, page_no, name]")
                .expect("a URI line");
        assert_eq!(optional.path, "/v1.0/apigw/vpc-channels/{id}/members");
        let keys: Vec<&str> = optional.query.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(keys, ["page_size", "page_no", "name"]);
    }

    #[test]
    fn lines() {
        assert_eq!(status_line("Status code: 200"), Some(200));
        assert_eq!(status_line("状态码:400"), Some(400));
        assert_eq!(status_line("状态码"), None);
        assert_eq!(status_cell("400 Bad Request"), Some((400, "Bad Request")));
        assert_eq!(status_cell(" 204 "), Some((204, "")));
        assert_eq!(status_cell("2xx"), None);
        assert_eq!(status_cell("4001"), None);
        assert_eq!(status_cell("700 Odd"), None);
        assert_eq!(status_code_block("STATUS CODE 200"), Some(200));
        assert_eq!(status_code_block("STATUS CODE 200\n{}"), None);
        assert_eq!(status_code_block("无（STATUS CODE 204）"), Some(204));
        assert_eq!(status_code_block("HTTP/1.1 204"), Some(204));
        assert_eq!(status_line("HTTP/1.1 200 OK"), Some(200));
        assert_eq!(normal_status("Normal 201"), Some(201));
        assert_eq!(normal_status("Normal response code: 202"), Some(202));
        assert_eq!(normal_status("Normal values: none"), None);
        assert_eq!(normal_status("正常 200"), Some(200));
        assert_eq!(normal_status("正常返回值：202"), Some(202));
        assert_eq!(normal_status("异常 400"), None);
        let read = |line: &str| uri_line(line).map(|uri| (uri.method, uri.path));
        assert_eq!(
            read("GET https://{hostURL}/v4/tenant/setting"),
            Some((Method::Get, "/v4/tenant/setting".into()))
        );
        assert_eq!(
            read("GET /v1/{project_id}/x?limit={limit}"),
            Some((Method::Get, "/v1/{project_id}/x".into()))
        );
        assert_eq!(read("Get the list"), None);
        assert_eq!(
            read("DELETE /v2.1/{project_id}/os-interface/{port_id}{?reserve_port}"),
            Some((
                Method::Delete,
                "/v2.1/{project_id}/os-interface/{port_id}".into()
            ))
        );
        assert_eq!(
            example_line("put https://{endpoint}/v1/a").map(|x| x.0),
            Some(Method::Put)
        );
        assert_eq!(
            example_line("GET https://{BMS Endpoint}/v1/a").map(|x| x.1),
            Some("https://{BMSEndpoint}/v1/a".to_owned())
        );
        assert_eq!(
            caption_parts("Table 3 Request header parameters"),
            (Some(3), "Request header parameters".into())
        );
        assert_eq!(
            caption_parts("表10 响应Body参数"),
            (Some(10), "响应Body参数".into())
        );
        assert_eq!(
            table_references("For details, see Table 4 and 表5."),
            vec![4, 5]
        );
        assert_eq!(
            table_reference_captions("其内容参考表3 job属性列表。见表4，或Table 5 Lamp details"),
            ["job属性列表", "Lamp details"]
        );
    }
}
