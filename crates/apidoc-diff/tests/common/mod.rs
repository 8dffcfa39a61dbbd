//! Pairs of small page versions, one per change kind: the base page
//! `pages/search_widgets.txt` (written for these tests) edited on one side
//! or both, read by the real parser and checker into a `Service`.

#![allow(dead_code)]

use apidoc_diff::Kind;
use apidoc_ir::{Service, ServiceMeta};

/// The page every case edits.
pub const BASE: &str = include_str!("../pages/search_widgets.txt");
/// The page file name in spans.
pub const FILE: &str = "demo/search_widgets.txt";

/// One edit of the base page.
#[derive(Clone, Copy, Debug)]
pub enum Edit {
    /// Replace every occurrence (there must be one).
    Replace(&'static str, &'static str),
    /// Remove from the first text (included) to the second (excluded).
    Cut(&'static str, &'static str),
    /// Add a second operation: the page under another title and method.
    SecondOperation,
    /// Add a second page for the same method and path under another
    /// title: another body variant of the same operation.
    SecondVariant,
}

use Edit::{Cut, Replace, SecondOperation, SecondVariant};

/// A pair of page versions and the verdicts its change must get.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// The case id, a row of the table in docs/API-DIFF.md.
    pub id: &'static str,
    /// The change the pair shows.
    pub kind: Kind,
    /// Expected: breaking for a caller of the Rust SDK.
    pub sdk: bool,
    /// Expected: breaking on the wire.
    pub wire: bool,
    /// Edits giving the old version.
    pub old: &'static [Edit],
    /// Edits giving the new version.
    pub new: &'static [Edit],
}

const NO_TRACE: Edit = Cut("X-Trace-Id\n", "Table 4 Request body parameters");
const TRACE_REQUIRED: Edit = Replace("X-Trace-Id\n\nNo", "X-Trace-Id\n\nYes");
const TRACE_IN_QUERY: Edit = Replace(
    "Request Parameters\n",
    "X-Trace-Id\n\nNo\n\nString\n\nTrace identifier chosen by the caller.\n\nRequest Parameters\n",
);
const KIND_OVAL: Edit = Replace(
    "  • SQUARE: a square widget\n",
    "  • SQUARE: a square widget\n\n  • OVAL: an oval widget\n",
);
const KIND_FREE: Edit = Cut("  • ROUND", "Request Parameters");
const STATE_PAUSED: Edit = Replace(
    "  • RETIRED: no longer in use\n",
    "  • RETIRED: no longer in use\n\n  • PAUSED: on hold\n",
);
const LIMIT_50: Edit = Replace("1~100", "1~50");
const LIMIT_LONG: Edit = Replace("limit\n\nNo\n\nInteger", "limit\n\nNo\n\nLong");
const LIMIT_TEXT: Edit = Replace("limit\n\nNo\n\nInteger", "limit\n\nNo\n\nString");
const COUNT_LONG: Edit = Replace("count\n\nInteger", "count\n\nLong");
const COUNT_5000: Edit = Replace("0~1000", "0~5000");
const NAME_32: Edit = Replace("1 to 64 characters", "1 to 32 characters");
const LABELS_5: Edit = Replace("\n1~10\n", "\n1~5\n");
const COLOUR_NOT_NULL: Edit = Replace("red, green, or null.", "red or green.");
const TINT_NOT_NULL: Edit = Replace("light, dark, or null.", "light or dark.");
const DEFAULT_20: Edit = Replace("Default value:\n\n10", "Default value:\n\n20");
const NO_SIZE: Edit = Cut("size\n", "Response Parameters");
const SIZE_REQUIRED: Edit = Replace("size\n\nNo", "size\n\nYes");
const NO_STATE: Edit = Cut("state\n\nNo", "tint\n");
const NO_ID: Edit = Cut("\nid\n\nYes", "\nstate\n");
const ID_OPTIONAL: Edit = Replace("\nid\n\nYes", "\nid\n\nNo");
const STATE_REQUIRED: Edit = Replace("state\n\nNo", "state\n\nYes");
const NAME_OPTIONAL: Edit = Replace("name\n\nYes", "name\n\nNo");
const SEARCH_FILTER: Edit = Replace("WidgetFilter", "SearchFilter");
const NO_BODY: Edit = Cut("Table 4 Request body parameters", "Response Parameters");
const NO_400: Edit = Cut("Status code: 400", "Example Requests");
const NO_400_ROW: Edit = Cut("400\n\nThe request", "\u{0}");
const NO_200: Edit = Cut("Status code: 200", "Status code: 400");
const NO_200_ROW: Edit = Cut("200\n\nThe widgets found.", "400\n\nThe request");
const NO_200_BODY: Edit = Cut("Table 7 Response body parameters", "Status code: 400");
const NO_HEADER: Edit = Cut("Table 6 Response header parameters", "Table 7");
const NO_TOKEN: Edit = Cut("X-Auth-Token\n", "X-Trace-Id\n");
const AKSK_TOO: Edit = Replace(
    "X-Trace-Id\n\nNo",
    "Authorization\n\nNo\n\nString\n\nSignature for AK/SK authentication.\n\nX-Trace-Id\n\nNo",
);
const STATUS_404: Edit = Replace(
    "Example Requests\n",
    "Status code: 404\n\nTable 10 Response body parameters\n\nParameter\n\nType\n\nDescription\n\n\
     error_code\n\nString\n\nError code.\n\nExample Requests\n",
);
const STATUS_404_ROW: Edit = Replace(
    "400\n\nThe request is invalid.",
    "400\n\nThe request is invalid.\n\n404\n\nNo such project.",
);
const STATUS_201: Edit = Replace(
    "Status code: 400",
    "Status code: 201\n\nTable 10 Response body parameters\n\nParameter\n\nType\n\nDescription\n\n\
     job_id\n\nString\n\nThe queued search.\n\nStatus code: 400",
);
const STATUS_201_ROW: Edit = Replace(
    "200\n\nThe widgets found.",
    "200\n\nThe widgets found.\n\n201\n\nThe search was queued.",
);
const NEXT_HEADER: Edit = Replace(
    "Identifier of the request.\n",
    "Identifier of the request.\n\nX-Next-Page\n\nString\n\nWhere the next page starts.\n",
);
const NO_LIMIT_RANGE: Edit = Cut("Value range:\n\n1~100", "Default value:");
const NO_COUNT_RANGE: Edit = Cut("Value range:\n\n0~1000", "Table 8");
const STATE_FREE: Edit = Cut("  • ACTIVE", "tint\n");
const FILTER_FREE: Edit = Replace("WidgetFilter object", "Object");
const NO_FILTER_TABLE: Edit = Cut("Table 5 WidgetFilter", "Response Parameters");
const RENAMED: Edit = Replace("Searching Widgets", "Finding Widgets");
const MOVED: Edit = Replace("widgets/search", "widgets/query");

/// Every case, in the order of the table in docs/API-DIFF.md (one line
/// each, like the table).
#[rustfmt::skip]
pub const CASES: &[Case] = &[
    case("operation-added", Kind::OperationAdded, false, false, &[], &[SecondOperation]),
    case("operation-removed", Kind::OperationRemoved, true, true, &[SecondOperation], &[]),
    case("operation-renamed", Kind::OperationRenamed, true, false, &[], &[RENAMED]),
    case("operation-moved", Kind::OperationMoved, false, true, &[], &[MOVED]),
    case("parameter-added-optional", Kind::ParameterAdded, false, false, &[NO_TRACE], &[]),
    case("parameter-added-required", Kind::ParameterAdded, true, true, &[NO_TRACE], &[TRACE_REQUIRED]),
    case("parameter-removed", Kind::ParameterRemoved, true, true, &[], &[NO_TRACE]),
    case("parameter-became-required", Kind::ParameterBecameRequired, true, true, &[], &[TRACE_REQUIRED]),
    case("parameter-became-optional", Kind::ParameterBecameOptional, true, false, &[TRACE_REQUIRED], &[]),
    case("parameter-moved", Kind::ParameterMoved, false, true, &[], &[NO_TRACE, TRACE_IN_QUERY]),
    case("type-changed-request", Kind::TypeChanged, true, true, &[], &[LIMIT_TEXT]),
    case("type-widened-request", Kind::TypeChanged, true, false, &[], &[LIMIT_LONG]),
    case("type-widened-response", Kind::TypeChanged, true, true, &[], &[COUNT_LONG]),
    case("type-narrowed-response", Kind::TypeChanged, true, false, &[COUNT_LONG], &[]),
    case("enum-value-added-request", Kind::EnumValueAdded, true, false, &[], &[KIND_OVAL]),
    case("enum-value-removed-request", Kind::EnumValueRemoved, true, true, &[KIND_OVAL], &[]),
    case("enum-value-added-response", Kind::EnumValueAdded, true, false, &[], &[STATE_PAUSED]),
    case("enum-value-removed-response", Kind::EnumValueRemoved, true, false, &[STATE_PAUSED], &[]),
    case("range-tightened-request", Kind::RangeTightened, true, true, &[], &[LIMIT_50]),
    case("range-loosened-request", Kind::RangeLoosened, false, false, &[LIMIT_50], &[]),
    case("range-tightened-response", Kind::RangeTightened, false, false, &[COUNT_5000], &[]),
    case("range-loosened-response", Kind::RangeLoosened, false, true, &[], &[COUNT_5000]),
    case("length-tightened-request", Kind::LengthTightened, true, true, &[], &[NAME_32]),
    case("length-loosened-request", Kind::LengthLoosened, false, false, &[NAME_32], &[]),
    case("items-tightened-request", Kind::ItemsTightened, true, true, &[], &[LABELS_5]),
    case("items-loosened-request", Kind::ItemsLoosened, false, false, &[LABELS_5], &[]),
    case("became-nullable-request", Kind::BecameNullable, true, false, &[COLOUR_NOT_NULL], &[]),
    case("no-longer-nullable-request", Kind::NoLongerNullable, true, true, &[], &[COLOUR_NOT_NULL]),
    case("became-nullable-response", Kind::BecameNullable, true, true, &[TINT_NOT_NULL], &[]),
    case("no-longer-nullable-response", Kind::NoLongerNullable, true, false, &[], &[TINT_NOT_NULL]),
    case("default-changed", Kind::DefaultChanged, false, false, &[], &[DEFAULT_20]),
    case("field-added-request-optional", Kind::FieldAdded, true, false, &[NO_SIZE], &[]),
    case("field-added-request-required", Kind::FieldAdded, true, true, &[NO_SIZE], &[SIZE_REQUIRED]),
    case("field-removed-request", Kind::FieldRemoved, true, true, &[], &[NO_SIZE]),
    case("field-became-required-request", Kind::FieldBecameRequired, true, true, &[], &[SIZE_REQUIRED]),
    case("field-became-optional-request", Kind::FieldBecameOptional, true, false, &[SIZE_REQUIRED], &[]),
    case("field-added-response", Kind::FieldAdded, false, false, &[NO_STATE], &[]),
    case("field-removed-response-optional", Kind::FieldRemoved, true, false, &[], &[NO_STATE]),
    case("field-removed-response-required", Kind::FieldRemoved, true, true, &[], &[NO_ID]),
    case("field-became-optional-response", Kind::FieldBecameOptional, true, true, &[], &[ID_OPTIONAL]),
    case("field-became-required-response", Kind::FieldBecameRequired, true, false, &[], &[STATE_REQUIRED]),
    case("model-renamed", Kind::ModelRenamed, true, false, &[], &[SEARCH_FILTER]),
    case("request-body-added-required", Kind::RequestBodyAdded, true, true, &[NO_BODY], &[]),
    case("request-body-removed", Kind::RequestBodyRemoved, true, true, &[], &[NO_BODY]),
    case("request-body-became-optional", Kind::RequestBodyBecameOptional, true, false, &[], &[NAME_OPTIONAL]),
    case("request-body-became-required", Kind::RequestBodyBecameRequired, true, true, &[NAME_OPTIONAL], &[]),
    case("status-added", Kind::StatusAdded, false, false, &[], &[STATUS_404, STATUS_404_ROW]),
    case("status-removed-error", Kind::StatusRemoved, false, false, &[STATUS_404, STATUS_404_ROW], &[]),
    case("status-removed-success", Kind::StatusRemoved, false, true, &[STATUS_201, STATUS_201_ROW], &[]),
    case("response-body-added", Kind::ResponseBodyAdded, true, false, &[NO_200_BODY], &[]),
    case("response-body-removed", Kind::ResponseBodyRemoved, true, true, &[], &[NO_200_BODY]),
    case("header-added", Kind::HeaderAdded, false, false, &[], &[NEXT_HEADER]),
    case("header-removed", Kind::HeaderRemoved, true, true, &[NEXT_HEADER], &[]),
    case("security-added-alternative", Kind::SecurityAdded, false, false, &[], &[AKSK_TOO]),
    case("security-removed-alternative", Kind::SecurityRemoved, false, true, &[AKSK_TOO], &[]),
    case("newly-documented-range-request", Kind::NewlyDocumented, true, false, &[NO_LIMIT_RANGE], &[]),
    case("newly-documented-range-response", Kind::NewlyDocumented, false, false, &[NO_COUNT_RANGE], &[]),
    case("newly-documented-values-request", Kind::NewlyDocumented, true, false, &[KIND_FREE], &[]),
    case("newly-documented-values-response", Kind::NewlyDocumented, true, false, &[STATE_FREE], &[]),
    case("newly-documented-schema", Kind::NewlyDocumented, true, false, &[FILTER_FREE, NO_FILTER_TABLE], &[]),
    case("newly-documented-status", Kind::NewlyDocumented, false, false, &[NO_400, NO_400_ROW], &[]),
    case("newly-documented-header", Kind::NewlyDocumented, false, false, &[NO_HEADER], &[]),
    case("newly-documented-authentication", Kind::NewlyDocumented, false, false, &[NO_TOKEN], &[]),
    case("no-longer-documented-range-request", Kind::NoLongerDocumented, false, false, &[], &[NO_LIMIT_RANGE]),
    case("no-longer-documented-values-request", Kind::NoLongerDocumented, true, false, &[], &[KIND_FREE]),
    case("no-longer-documented-schema", Kind::NoLongerDocumented, true, false, &[], &[FILTER_FREE, NO_FILTER_TABLE]),
    case("no-longer-documented-status", Kind::NoLongerDocumented, false, false, &[], &[NO_200, NO_200_ROW]),
    case("no-longer-documented-header", Kind::NoLongerDocumented, true, false, &[], &[NO_HEADER]),
    case("no-longer-documented-authentication", Kind::NoLongerDocumented, false, false, &[], &[NO_TOKEN]),
];

/// Several edits at once: an operation added, a range tightened, a
/// default changed, a response field added, a value added.
pub const MIXED: Case = case(
    "mixed",
    Kind::RangeTightened,
    true,
    true,
    &[NO_STATE],
    &[SecondOperation, LIMIT_50, DEFAULT_20, KIND_OVAL],
);

/// A second body variant for the same method and path.
pub const VARIANT_ADDED: Case = case(
    "variant-added",
    Kind::RequestBodyAdded,
    false,
    false,
    &[],
    &[SecondVariant],
);

const fn case(
    id: &'static str,
    kind: Kind,
    sdk: bool,
    wire: bool,
    old: &'static [Edit],
    new: &'static [Edit],
) -> Case {
    Case {
        id,
        kind,
        sdk,
        wire,
        old,
        new,
    }
}

/// The base page with `edits` applied, as the pages of one version.
pub fn pages(edits: &[Edit]) -> Vec<(String, String)> {
    let mut page = BASE.to_owned();
    let mut second = None;
    for edit in edits {
        match *edit {
            Replace(from, to) => {
                assert!(page.contains(from), "edit {from:?} finds nothing");
                page = page.replace(from, to);
            }
            Cut(from, until) => {
                let start = page
                    .find(from)
                    .unwrap_or_else(|| panic!("cut {from:?} finds nothing"));
                let end = page[start..].find(until).map_or(page.len(), |i| start + i);
                page.replace_range(start..end, "");
            }
            SecondOperation => second = Some("PUT "),
            SecondVariant => second = Some("POST "),
        }
    }
    let mut pages = vec![(FILE.to_owned(), page.clone())];
    if let Some(method) = second {
        let other = page
            .replace("Searching Widgets", "Archiving Widget Searches")
            .replace("POST ", method);
        pages.push(("demo/archive_widgets.txt".to_owned(), other));
    }
    pages
}

/// The service the real parser and checker read from `pages`; panics on
/// an error finding (a case must be a valid page).
pub fn service(pages: &[(String, String)]) -> Service {
    let mut read = Vec::new();
    for (name, text) in pages {
        let parsed = apidoc_parser::parse_page(name, text.as_bytes(), apidoc_parser::Format::Text);
        let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        read.extend(parsed.page);
    }
    let (service, diagnostics) = apidoc_check::build_service(meta(), read);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    service
}

pub fn meta() -> ServiceMeta {
    ServiceMeta {
        name: "demo".into(),
        title: "Demo".into(),
        version: "v1".into(),
        endpoint: "https://demo.example.com".into(),
        endpoint_defaults: Vec::new(),
        description: None,
    }
}

/// The changelog of one case.
pub fn changelog(case: &Case) -> apidoc_diff::Changelog {
    let old = service(&pages(case.old));
    let new = service(&pages(case.new));
    apidoc_diff::diff(
        &apidoc_diff::Reading::of(vec![old]),
        &apidoc_diff::Reading::of(vec![new]),
    )
}
