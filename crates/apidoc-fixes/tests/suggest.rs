//! Fixes suggested from fixture pages (`tests/fixtures/suggest`, written
//! for these tests): one page per kind of disagreement between a table and
//! its own example, whose suggestions, written to `fixes.yaml` and applied,
//! make the example agree with the tables; and pages where no fix may be
//! suggested, whose findings say why.

use apidoc_fixes::suggest::Kind;
use apidoc_fixes::{Fixes, Suggestions, parse_fixes, yaml};
use apidoc_ir::{Diagnostic, Page, Service, ServiceMeta};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/suggest");
const FILE: &str = "svc/fixes.yaml";

fn page(name: &str) -> Page {
    let text = std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("fixture page");
    let parsed = apidoc_parser::parse_page(
        &format!("svc/{name}"),
        text.as_bytes(),
        apidoc_parser::Format::Markdown,
    );
    parsed.page.expect("an API page")
}

fn meta() -> ServiceMeta {
    ServiceMeta {
        name: "svc".to_owned(),
        title: "Service".to_owned(),
        version: "v1".to_owned(),
        endpoint: "https://svc.example.com".to_owned(),
        endpoint_defaults: Vec::new(),
        description: None,
    }
}

/// Builds the service of `pages` with `fixes` as the pipeline does.
fn build(pages: Vec<Page>, fixes: &Fixes) -> (Service, Vec<Diagnostic>) {
    apidoc_fixes::build_with_fixes(
        fixes,
        meta(),
        pages,
        Vec::new(),
        apidoc_check::build_service,
    )
}

/// The example findings of the built service's examples.
fn example_findings(service: &Service) -> Vec<String> {
    service
        .operations
        .iter()
        .flat_map(|op| apidoc_check::check_examples(op, &service.models))
        .flat_map(|checked| checked.findings)
        .map(|finding| finding.message)
        .collect()
}

fn kinds(suggestions: &Suggestions) -> Vec<Kind> {
    suggestions.suggestions.iter().map(|s| s.kind).collect()
}

/// The fixture's suggestions as `fixes.yaml` text, after checking that
/// they are the `expected` kinds, that the page's findings carry them,
/// that the file reads back as the same fixes, and that, applied, they
/// all apply and leave no example finding.
fn suggested(name: &str, expected: &[Kind]) -> String {
    let suggestions = apidoc_fixes::suggest(&[page(name)]);
    assert_eq!(kinds(&suggestions), expected, "{name}: {suggestions:#?}");
    let (service, diagnostics) = build(vec![page(name)], &Fixes::default());
    assert!(!example_findings(&service).is_empty(), "{name}");
    let carried = diagnostics
        .iter()
        .filter(|d| d.code.starts_with("example-"))
        .map(|d| d.help.as_deref().unwrap_or_default());
    assert!(
        carried
            .clone()
            .all(|help| help.starts_with("suggested fix")),
        "{name}: {:#?}",
        carried.collect::<Vec<_>>()
    );
    let added = yaml::add_to_file(None, FILE, &suggestions.fixes()).expect("a new file");
    let (fixes, errors) = parse_fixes(FILE, &added.text);
    assert_eq!(errors, [], "{name}: {}", added.text);
    assert_eq!(fixes.fixes.len(), expected.len());
    for (read, drafted) in fixes.fixes.iter().zip(suggestions.fixes()) {
        assert_eq!(
            (&read.target, &read.expect, &read.update),
            (&drafted.target, &drafted.expect, &drafted.update)
        );
        assert_eq!(
            (&read.add, &read.reason, read.suggested),
            (&drafted.add, &drafted.reason, true)
        );
    }
    let (fixed, diagnostics) = build(vec![page(name)], &fixes);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    let entries = diagnostics.iter().filter(|d| d.code == "fixed").count();
    assert_eq!(entries, expected.len(), "{name}: every fix applies");
    assert_eq!(example_findings(&fixed), Vec::<String>::new(), "{name}");
    assert_eq!(
        apidoc_fixes::suggest_with(&fixes, vec![page(name)]),
        Suggestions::default(),
        "{name}: once written, nothing more is suggested"
    );
    added.text
}

#[test]
fn a_field_the_example_names_in_the_plural_is_renamed() {
    assert_eq!(
        suggested("rename.md", &[Kind::Rename]),
        r#"fixes:
  - target: {operation: ShowingAPort, response: 200, field: security_group}
    expect: {type: SecurityGroup object}
    update: {name: security_groups, repeat: true}
    reason: "the example response 200 at `svc/rename.md:46` names `security_groups` what the table at `svc/rename.md:27` names `security_group`"
    suggested: true
"#
    );
}

#[test]
fn a_body_the_example_wraps_is_wrapped_and_the_wrapper_gets_its_plain_members() {
    assert_eq!(
        suggested("wrap.md", &[Kind::Wrap, Kind::Add]),
        r#"fixes:
  - target: {operation: ListingFunctions, response: 200}
    expect: {type: ListingFunctionsResponseBody object}
    update: {repeat: true, wrap: functions}
    reason: "the example response 200 at `svc/wrap.md:39` holds what the table at `svc/wrap.md:23` documents as the body under `functions`"
    suggested: true
  - target: {operation: ListingFunctions, response: 200}
    add: {name: next_marker, type: Integer}
    reason: "the example response 200 at `svc/wrap.md:39` has `next_marker`, which the wrapper `ListingFunctionsResponseBody` suggested above does not list"
    suggested: true
"#
    );
}

#[test]
fn a_wrapper_the_example_lacks_is_unwrapped() {
    assert_eq!(
        suggested("unwrap.md", &[Kind::Unwrap]),
        r#"fixes:
  - target: {operation: ShowingAJob, response: 200}
    expect: {type: ShowingAJobResponseBody object}
    update: {unwrap: job}
    reason: "the example response 200 at `svc/unwrap.md:45` is what the table at `svc/unwrap.md:24` documents under `job`, without the wrapper"
    suggested: true
"#
    );
}

#[test]
fn an_object_the_example_lists_becomes_a_list() {
    assert_eq!(
        suggested("list.md", &[Kind::List]),
        r#"fixes:
  - target: {operation: ShowingABucket, response: 200, field: lifecycle}
    expect: {type: Rule object}
    update: {repeat: true}
    reason: "the example response 200 at `svc/list.md:45` holds a list at `lifecycle`; the table at `svc/list.md:26` types it `Rule object`"
    suggested: true
"#
    );
}

#[test]
fn a_list_of_unnamed_objects_the_example_shows_one_of_becomes_one_object() {
    assert_eq!(
        suggested("single.md", &[Kind::Single]),
        r#"fixes:
  - target: {operation: ShowingAnAlbum, response: 200, field: owner}
    expect: {type: Array of objects}
    update: {type: Object}
    reason: "the example response 200 at `svc/single.md:38` holds one value at `owner`; the table at `svc/single.md:26` types it `Array of objects`"
    suggested: true
"#
    );
}

#[test]
fn members_with_plain_values_no_table_lists_are_added() {
    assert_eq!(
        suggested("add.md", &[Kind::Add, Kind::Add, Kind::Add]),
        r#"fixes:
  - target: {operation: CreatingAVolume, model: CreatingAVolumeRequestBody}
    add: {name: encrypted, type: Boolean}
    reason: "the example request at `svc/add.md:37` has `encrypted`, which the table of `CreatingAVolumeRequestBody` at `svc/add.md:21` does not list"
    suggested: true
  - target: {operation: CreatingAVolume, response: 202}
    add: {name: request_id, type: String}
    reason: "the example response 202 at `svc/add.md:52` has `request_id`, which the table of `CreatingAVolumeResponseBody` at `svc/add.md:31` does not list"
    suggested: true
  - target: {operation: CreatingAVolume, response: 202}
    add: {name: zones, type: Array of strings}
    reason: "the example response 202 at `svc/add.md:52` has `zones`, which the table of `CreatingAVolumeResponseBody` at `svc/add.md:31` does not list"
    suggested: true
"#
    );
}

#[test]
fn a_field_the_example_shows_null_becomes_nullable() {
    assert_eq!(
        suggested("nullable.md", &[Kind::Nullable]),
        r#"fixes:
  - target: {operation: ShowingAKeyPair, response: 200, field: deleted_at}
    expect: {nullable: false}
    update: {nullable: true}
    reason: "the example response 200 at `svc/nullable.md:39` shows `null` for `deleted_at`; the table at `svc/nullable.md:27` does not allow it"
    suggested: true
"#
    );
}

#[test]
fn a_request_body_the_example_sends_as_a_list_becomes_a_list() {
    assert_eq!(
        suggested("request-list.md", &[Kind::List]),
        r#"fixes:
  - target: {operation: GrantingPermissions, request: ""}
    expect: {type: GrantingPermissionsRequestBody object}
    update: {repeat: true}
    reason: "the example request at `svc/request-list.md:28` is a list of what the table at `svc/request-list.md:21` documents as the body"
    suggested: true
"#
    );
}

/// The help of the built fixture's findings with `code`.
fn helps(name: &str, code: &str) -> Vec<String> {
    let (_, diagnostics) = build(vec![page(name)], &Fixes::default());
    diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.help.clone().unwrap_or_default())
        .collect()
}

#[test]
fn no_rename_where_another_example_names_the_field_as_the_table_does() {
    assert_eq!(
        apidoc_fixes::suggest(&[page("disagreeing.md")]).suggestions,
        []
    );
    assert_eq!(
        helps("disagreeing.md", "example-field-undocumented"),
        [
            "no fix suggested: the example at `svc/disagreeing.md:45` names `tag` as the table at `svc/disagreeing.md:31` does"
        ]
    );
}

#[test]
fn no_fix_from_an_example_that_is_not_json() {
    assert_eq!(
        apidoc_fixes::suggest(&[page("not-json.md")]).suggestions,
        []
    );
    assert_eq!(
        helps("not-json.md", "example-not-json"),
        ["no fix suggested: the example is not JSON, so it shows nothing a fix could follow"]
    );
}

#[test]
fn no_field_added_where_the_example_likely_misspells_one() {
    assert_eq!(
        apidoc_fixes::suggest(&[page("misspelled.md")]).suggestions,
        []
    );
    assert_eq!(
        helps("misspelled.md", "example-field-undocumented"),
        [
            "no fix suggested: `state_aalue` may be a misspelling of `state_value` (the table at `svc/misspelled.md:27`)"
        ]
    );
}

#[test]
fn suggestions_come_by_operation_each_in_the_order_they_apply() {
    let suggestions = apidoc_fixes::suggest(&[page("wrap.md"), page("add.md")]);
    let order: Vec<(Option<&str>, Kind)> = suggestions
        .suggestions
        .iter()
        .map(|s| (s.fix.target.operation.as_deref(), s.kind))
        .collect();
    assert_eq!(
        order,
        [
            (Some("CreatingAVolume"), Kind::Add),
            (Some("CreatingAVolume"), Kind::Add),
            (Some("CreatingAVolume"), Kind::Add),
            (Some("ListingFunctions"), Kind::Wrap),
            (Some("ListingFunctions"), Kind::Add),
        ]
    );
}

#[test]
fn writing_twice_adds_nothing_and_a_fix_already_there_is_not_added_again() {
    let fixes = apidoc_fixes::suggest(&[page("add.md")]).fixes();
    let hand_written = "# Corrections of the volume pages.\nfixes:\n  - target: {operation: CreatingAVolume, response: 202}\n    add: {name: request_id, type: String}\n    reason: checked against the service on 2026-01-05\n";
    let once = yaml::add_to_file(Some(hand_written), FILE, &fixes).expect("appended");
    assert_eq!(once.added, 2);
    assert!(once.text.starts_with(hand_written), "{}", once.text);
    assert!(!once.text[hand_written.len()..].contains("request_id"));
    let twice = yaml::add_to_file(Some(&once.text), FILE, &fixes).expect("unchanged");
    assert_eq!(
        twice,
        yaml::Added {
            text: once.text,
            added: 0
        }
    );
}

#[test]
fn a_file_that_cannot_be_appended_to_is_refused() {
    let fixes = apidoc_fixes::suggest(&[page("add.md")]).fixes();
    let error = yaml::add_to_file(Some("fixes: []\n"), FILE, &fixes).expect_err("flow style");
    assert!(error.contains("block list"), "{error}");
    let error = yaml::add_to_file(Some("fixes: [\n"), FILE, &fixes).expect_err("broken");
    assert!(error.starts_with("svc/fixes.yaml: "), "{error}");
}

#[test]
fn the_one_line_form_of_a_finding_reads_back_as_the_same_fix() {
    for name in ["rename.md", "wrap.md", "add.md", "request-list.md"] {
        for fix in apidoc_fixes::suggest(&[page(name)]).fixes() {
            let text = format!("fixes:\n  - {}\n", yaml::flow(&fix));
            let (read, errors) = parse_fixes(FILE, &text);
            assert_eq!(errors, [], "{text}");
            let read = &read.fixes[0];
            assert_eq!(
                (&read.target, &read.update, &read.add),
                (&fix.target, &fix.update, &fix.add),
                "{text}"
            );
        }
    }
}

#[test]
fn members_of_the_items_of_a_list_of_untyped_objects_are_added_in_a_table_of_their_own() {
    assert_eq!(
        suggested("untyped-items.md", &[Kind::Add, Kind::Add]),
        r#"fixes:
  - target: {operation: CreatingAnImage, request: labels}
    add: {name: key, type: String}
    reason: "the example request at `svc/untyped-items.md:22` has `labels[].key` in the items of `labels`, which the table at `svc/untyped-items.md:18` types `Array of objects`, with no table of their fields"
    suggested: true
  - target: {operation: CreatingAnImage, request: labels}
    add: {name: value, type: String}
    reason: "the example request at `svc/untyped-items.md:22` has `labels[].value` in the items of `labels`, which the table at `svc/untyped-items.md:18` types `Array of objects`, with no table of their fields"
    suggested: true
"#
    );
}
