//! Where a change is listed, on pairs of page versions written for these
//! tests: what one version states and the other does not state at all is
//! documentation, not a breaking change; a change a finding of reading
//! explains is uncertain, with the finding; a rename of a name the reader
//! made up is folded, a rename of a stated name stays breaking.

mod common;

use apidoc_diff::{Change, Changelog, Kind, LeftOutPage, Reading, Section, Version};
use apidoc_ir::{Diagnostic, Method, Span};
use common::{BASE, Edit, FILE};

/// The pages of one version with the findings of reading them.
fn read(pages: &[(String, String)]) -> Reading {
    let mut read = Vec::new();
    let mut findings = Vec::new();
    for (name, text) in pages {
        let parsed = apidoc_parser::parse_page(name, text.as_bytes(), apidoc_parser::Format::Text);
        findings.extend(parsed.diagnostics);
        read.extend(parsed.page);
    }
    let (service, diagnostics) = apidoc_check::build_service(common::meta(), read);
    findings.extend(diagnostics);
    Reading {
        services: vec![service],
        findings,
        left_out: Vec::new(),
    }
}

/// The base page as one version, with `text` instead of it.
fn page(text: String) -> Vec<(String, String)> {
    vec![(FILE.to_owned(), text)]
}

fn changes(changelog: &Changelog) -> &[Change] {
    &changelog.services[0].changes
}

fn only(changelog: &Changelog, kind: Kind) -> &Change {
    let mut of_kind = changes(changelog).iter().filter(|c| c.kind == kind);
    let first = of_kind.next().expect("a change of the kind");
    assert!(of_kind.next().is_none(), "{:#?}", changes(changelog));
    first
}

/// The line of the base page holding `text` (1-based).
fn line_of(text: &str) -> u32 {
    let index = BASE
        .lines()
        .position(|l| l == text)
        .expect("line on the page");
    u32::try_from(index).expect("short page") + 1
}

#[test]
fn what_the_old_pages_did_not_state_at_all_is_documented_not_breaking() {
    let old = common::pages(&[
        Edit::Cut("Value range:\n\n1~100", "Default value:"),
        Edit::Cut("  • ROUND", "Request Parameters"),
        Edit::Cut("X-Auth-Token\n", "X-Trace-Id\n"),
        Edit::Cut("Table 6 Response header parameters", "Table 7"),
    ]);
    let changelog = apidoc_diff::diff(&read(&old), &read(&common::pages(&[])));
    let service = &changelog.services[0];
    assert_eq!(
        (service.breaking, service.documented),
        (0, 5),
        "{service:#?}"
    );
    assert!(!changelog.has_breaking());
    assert!(
        service
            .changes
            .iter()
            .all(|c| c.section() == Section::Documented)
    );
    let markdown = changelog.markdown();
    assert!(
        markdown.contains("**Newly or no longer documented"),
        "{markdown}"
    );
    assert!(markdown.contains("maximum 100 now stated"), "{markdown}");
    assert!(!markdown.contains("**Breaking**"), "{markdown}");
}

#[test]
fn a_finding_on_the_line_of_a_change_makes_it_uncertain() {
    let old = read(&common::pages(&[]));
    let narrowed = common::pages(&[Edit::Replace("1~100", "1~50")]);
    let at = |line: u32| {
        Diagnostic::warning(
            "unknown-type",
            "expected a type, found `Whole`",
            Span::new(FILE, line),
            "read as a string",
        )
    };
    let mut new = read(&narrowed);
    new.findings.push(at(line_of("1~100")));
    let changelog = apidoc_diff::diff(&old, &new);
    let change = only(&changelog, Kind::RangeTightened);
    assert_eq!(change.section(), Section::Uncertain);
    assert_eq!(change.uncertain[0].version, Some(Version::New));
    assert_eq!(change.uncertain[0].code, "unknown-type");
    assert_eq!(changelog.services[0].breaking, 0);
    let mut elsewhere = read(&narrowed);
    elsewhere.findings.push(at(line_of("X-Trace-Id")));
    let changelog = apidoc_diff::diff(&old, &elsewhere);
    assert_eq!(
        only(&changelog, Kind::RangeTightened).section(),
        Section::Breaking
    );
}

#[test]
fn a_table_the_reader_did_not_take_makes_the_changes_on_its_page_uncertain() {
    let old = read(&common::pages(&[]));
    // Two rows of objects no table is named for: the reader cannot tell
    // which one the renamed table describes, so it takes it for neither.
    let new = read(&page(
        BASE.replace("Table 5 WidgetFilter", "Table 5 Miscellany")
            .replace(
                "Array of strings\n\nLabels",
                "Array of Label objects\n\nLabels",
            ),
    ));
    let changelog = apidoc_diff::diff(&old, &new);
    let change = changes(&changelog)
        .iter()
        .find(|c| c.kind == Kind::TypeChanged && c.target == "request body `filter`")
        .unwrap_or_else(|| panic!("{:#?}", changes(&changelog)));
    let codes: Vec<&str> = change.uncertain.iter().map(|e| e.code.as_str()).collect();
    assert!(codes.contains(&"type-read-differently"), "{codes:?}");
    assert!(codes.contains(&"table-unreferenced"), "{codes:?}");
    let markdown = changelog.markdown();
    let uncertain = markdown.find("Uncertain").expect("an uncertain section");
    assert!(markdown[uncertain..].contains("new pages: `"), "{markdown}");
}

#[test]
fn an_operation_whose_page_was_left_out_is_not_added_for_certain() {
    let new = read(&common::pages(&[Edit::SecondOperation]));
    let mut old = read(&common::pages(&[]));
    old.left_out.push(LeftOutPage {
        file: "demo/archive_widgets.txt".to_owned(),
        operation: Some((Method::Put, "/v1/{project_id}/widgets/search".to_owned())),
        reason: Diagnostic::error(
            "row-missing-cell",
            "expected four cells, found three",
            Span::new("demo/archive_widgets.txt", 40),
            "this row",
        ),
    });
    let changelog = apidoc_diff::diff(&old, &new);
    let added = only(&changelog, Kind::OperationAdded);
    assert_eq!(added.section(), Section::Uncertain);
    assert_eq!(added.uncertain[0].code, "page-left-out");
    let markdown = changelog.markdown();
    assert!(markdown.contains("1 page left out"), "{markdown}");
    assert!(markdown.contains("`demo/archive_widgets.txt` (`row-missing-cell`)"));
}

#[test]
fn a_body_given_as_an_array_on_one_side_and_as_its_objects_on_the_other_is_one_uncertain_change() {
    let widgets_rows = "widgets\n\nArray of Widget objects\n\nThe widgets found.\n\ncount\n\nInteger\n\n\
                        How many widgets match.\n\nValue range:\n\n0~1000\n\n";
    // The old page gives the response body as the widget's fields, the new
    // one as an array of widgets under a placeholder row.
    let start = BASE
        .find("Table 7 Response body parameters")
        .expect("table 7");
    let end = BASE.find("Table 8 Widget").expect("table 8");
    let mut as_objects = BASE.to_owned();
    as_objects.replace_range(start..end, "");
    let as_objects = as_objects.replace("Table 8 Widget", "Table 7 Response body parameters");
    let as_array = BASE.replace(
        widgets_rows,
        "[array]\n\nArray of Widget objects\n\nThe widgets found.\n\n",
    );
    let changelog = apidoc_diff::diff(&read(&page(as_objects)), &read(&page(as_array)));
    let change = only(&changelog, Kind::TypeChanged);
    assert_eq!(change.detail, "object → array of the same objects");
    assert_eq!(change.uncertain[0].code, "root-array-written-as-object");
    assert!(
        changes(&changelog)
            .iter()
            .all(|c| !matches!(c.kind, Kind::FieldAdded | Kind::FieldRemoved)),
        "{:#?}",
        changes(&changelog)
    );
}

/// The base page with the widget model unnamed: its Type cell says only
/// "objects" and its caption describes the field, so the reader derives
/// the name from the operation.
fn unnamed_widget(text: &str) -> String {
    text.replace("Array of Widget objects", "Array of objects")
        .replace("Table 8 Widget", "Table 8 Description of widgets")
}

#[test]
fn a_model_named_by_the_reader_then_by_the_page_is_a_folded_rename() {
    let old = read(&page(unnamed_widget(BASE)));
    let changelog = apidoc_diff::diff(&old, &read(&common::pages(&[])));
    let renamed = only(&changelog, Kind::ModelRenamed);
    assert_eq!(
        renamed.detail,
        "object `SearchingWidgetsWidgets` → `Widget`"
    );
    assert_eq!(renamed.section(), Section::Folded);
    let service = &changelog.services[0];
    assert_eq!((service.breaking, service.folded), (0, 1));
    let markdown = changelog.markdown();
    assert!(
        markdown.contains("- 1 model renamed, same structure — breaking for the Rust SDK"),
        "{markdown}"
    );
}

#[test]
fn a_model_named_by_the_page_then_by_the_reader_is_a_folded_rename_too() {
    let new = read(&page(unnamed_widget(BASE)));
    let changelog = apidoc_diff::diff(&read(&common::pages(&[])), &new);
    let renamed = only(&changelog, Kind::ModelRenamed);
    assert_eq!(
        renamed.detail,
        "object `Widget` → `SearchingWidgetsWidgets`"
    );
    assert_eq!(renamed.section(), Section::Folded);
}

#[test]
fn a_model_named_by_the_reader_with_other_fields_is_a_rename_listed_as_breaking() {
    let fewer_fields = common::pages(&[Edit::Cut("state\n\nNo", "tint\n")]);
    let old = read(&page(unnamed_widget(&fewer_fields[0].1)));
    let changelog = apidoc_diff::diff(&old, &read(&common::pages(&[])));
    assert_eq!(
        only(&changelog, Kind::ModelRenamed).section(),
        Section::Breaking
    );
}

#[test]
fn a_rename_of_a_stated_model_name_stays_breaking() {
    let renamed = common::pages(&[Edit::Replace("WidgetFilter", "SearchFilter")]);
    let changelog = apidoc_diff::diff(&read(&common::pages(&[])), &read(&renamed));
    assert_eq!(
        only(&changelog, Kind::ModelRenamed).section(),
        Section::Breaking
    );
}

#[test]
fn an_operation_name_made_up_from_the_title_is_folded_a_stated_one_is_not() {
    let titled = |name: &str| {
        page(BASE.replace(
            "Searching Widgets\n\nFunction",
            &format!("Searching Widgets - {name}\n\nFunction"),
        ))
    };
    let changelog = apidoc_diff::diff(&read(&common::pages(&[])), &read(&titled("SearchWidgets")));
    let renamed = only(&changelog, Kind::OperationRenamed);
    assert_eq!(renamed.detail, "`SearchingWidgets` → `SearchWidgets`");
    assert_eq!(renamed.section(), Section::Folded);
    let changelog = apidoc_diff::diff(
        &read(&titled("SearchWidgets")),
        &read(&titled("FindWidgets")),
    );
    assert_eq!(
        only(&changelog, Kind::OperationRenamed).section(),
        Section::Breaking
    );
}

#[test]
fn a_change_on_a_part_the_reader_degraded_is_uncertain_with_the_marker() {
    let old = read(&common::pages(&[]));
    let mut new = read(&common::pages(&[Edit::Replace("1~100", "1~50")]));
    let limit = new.services[0].operations[0]
        .parameters
        .iter_mut()
        .find(|p| p.field.name == "limit")
        .expect("limit");
    limit.field.degraded.push(apidoc_ir::Degraded {
        part: apidoc_ir::Part::Default,
        stated: "ten".to_owned(),
        written: "no default".to_owned(),
        code: "default-type-mismatch".to_owned(),
        span: Span::new(FILE, line_of("10")),
    });
    let changelog = apidoc_diff::diff(&old, &new);
    let change = only(&changelog, Kind::RangeTightened);
    assert_eq!(change.section(), Section::Uncertain);
    assert_eq!(change.uncertain[0].code, "default-type-mismatch");
    assert_eq!(change.uncertain[0].version, Some(Version::New));
}
