//! Reading `fixes.yaml`: what parses, and clear errors with file:line for
//! what does not.

use apidoc_fixes::{Place, parse_fixes};
use apidoc_ir::Diagnostic;

const FILE: &str = "svc/fixes.yaml";

fn errors(text: &str) -> Vec<Diagnostic> {
    parse_fixes(FILE, text).1
}

/// The one error's `file:line` and message.
fn single(text: &str) -> (String, String) {
    let errors = errors(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let span = errors[0]
        .primary
        .as_ref()
        .expect("a place")
        .span
        .to_string();
    assert_eq!(errors[0].code, "fix-invalid");
    assert!(errors[0].is_error());
    (span, errors[0].message.clone())
}

#[test]
fn a_fix_reads_into_plain_data_with_its_line() {
    let text = "# comment\nfixes:\n  - target:\n      operation: ListServers\n      response: 403\n    expect: {description: Bad Request}\n    update: {description: Forbidden}\n    reason: page line 230\n  - target: {operation: ListServers, parameter: tag, in: query}\n    expect: {type: String}\n    update: {repeat: true}\n    reason: several values\n";
    let (fixes, errors) = parse_fixes(FILE, text);
    assert_eq!(errors, []);
    let lines: Vec<String> = fixes.fixes.iter().map(|f| f.span.to_string()).collect();
    assert_eq!(lines, ["svc/fixes.yaml:3", "svc/fixes.yaml:9"]);
    assert_eq!(
        fixes.fixes[0].target.place,
        Place::Response {
            status: 403,
            path: vec![]
        }
    );
    assert_eq!(fixes.fixes[1].update.repeat, Some(true));
}

#[test]
fn yaml_that_does_not_parse_names_its_line() {
    let (span, message) = single("fixes:\n  - target: {operation: X\n    reason: y\n");
    assert_eq!(span, "svc/fixes.yaml:3");
    assert!(message.starts_with("expected a fixes file"), "{message}");
}

#[test]
fn an_unknown_key_names_its_line() {
    let (span, message) = single(
        "fixes:\n  - target: {operation: X, parameter: p}\n    update: {colour: red}\n    reason: r\n",
    );
    assert_eq!(span, "svc/fixes.yaml:3");
    assert!(message.contains("unknown field `colour`"), "{message}");
}

#[test]
fn a_fix_without_a_reason_is_refused() {
    let (span, message) = single("fixes:\n  - target: {operation: X}\n    remove: true\n");
    assert_eq!(span, "svc/fixes.yaml:2");
    assert!(message.contains("missing field `reason`"), "{message}");
    let (span, message) =
        single("fixes:\n  - target: {operation: X}\n    remove: true\n    reason: ' '\n");
    assert_eq!(span, "svc/fixes.yaml:2");
    assert!(message.contains("expected a `reason`"), "{message}");
}

#[test]
fn an_update_must_state_the_value_it_replaces() {
    let (span, message) = single(
        "fixes:\n  - reason: r\n    target: {operation: X, parameter: p}\n    update: {type: Long}\n",
    );
    assert_eq!(span, "svc/fixes.yaml:2");
    assert_eq!(
        message,
        "expected `expect: type` (the value the page states now) for `update` to replace, found none"
    );
}

#[test]
fn rules_of_the_format_are_explained() {
    let cases = [
        (
            "target: {operation: X, parameter: p, response: 200}\n    remove: true",
            "expected at most one of",
        ),
        (
            "target: {parameter: p}\n    remove: true",
            "expected `operation`",
        ),
        ("target: {operation: X}", "expected something to do"),
        (
            "target: {operation: X, response: 200}\n    update: {required: true}\n    expect: {required: false}",
            "`update: required` does not apply to a response",
        ),
        (
            "target: {operation: X, parameter: p}\n    expect: {type: String}\n    update: {type: Strnig thing}",
            "expected a type as pages write it",
        ),
        (
            "target: {finding: x}\n    remove: true",
            "`remove` does not apply to a finding kind",
        ),
        (
            "target: {model: M}\n    add: {in: query, name: a, type: String}",
            "`add` takes `in: path|query|header` on an operation",
        ),
    ];
    for (fix, expected) in cases {
        let (span, message) = single(&format!("fixes:\n  - reason: r\n    {fix}\n"));
        assert_eq!(span, "svc/fixes.yaml:2", "{fix}");
        assert!(message.contains(expected), "{fix}: {message}");
    }
}

#[test]
fn valid_fixes_survive_an_invalid_neighbour() {
    let text = "fixes:\n  - target: {operation: X}\n    reason: nothing to do\n  - target: {operation: Y}\n    remove: true\n    reason: withdrawn\n";
    let (fixes, errors) = parse_fixes(FILE, text);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].primary.as_ref().unwrap().span.line, 2);
    assert_eq!(fixes.fixes.len(), 1);
    assert_eq!(fixes.fixes[0].span.line, 4);
}

#[test]
fn an_empty_file_or_list_has_no_fixes() {
    for text in ["", "# nothing yet\n", "fixes: []\n"] {
        let (fixes, errors) = parse_fixes(FILE, text);
        assert_eq!(errors, [], "{text:?}");
        assert!(fixes.is_empty());
    }
}

#[test]
fn the_request_body_itself_a_wrap_and_the_suggested_mark() {
    let text = "fixes:\n  - target: {operation: X, request: ''}\n    expect: {type: XRequestBody object}\n    update: {repeat: true}\n    reason: the example sends a list\n    suggested: true\n  - target: {operation: X, response: 200}\n    expect: {type: XResponseBody object}\n    update: {wrap: items}\n    reason: the example wraps the body\n";
    let (fixes, errors) = parse_fixes(FILE, text);
    assert_eq!(errors, []);
    assert_eq!(fixes.fixes[0].target.place, Place::Request { path: vec![] });
    assert!(fixes.fixes[0].suggested);
    assert_eq!(fixes.fixes[1].update.wrap.as_deref(), Some("items"));
    assert!(!fixes.fixes[1].suggested);
}

#[test]
fn reshaping_a_body_states_its_type_and_fields_are_not_wrapped() {
    let (_, message) = single(
        "fixes:\n  - target: {operation: X, response: 200}\n    update: {wrap: items}\n    reason: r\n",
    );
    assert_eq!(
        message,
        "expected `expect: type` (the value the page states now) for `update` to replace, found none"
    );
    let (_, message) = single(
        "fixes:\n  - target: {operation: X, response: 200, field: a}\n    expect: {type: A object}\n    update: {wrap: items}\n    reason: r\n",
    );
    assert!(
        message.starts_with("`update: wrap` does not apply to a field"),
        "{message}"
    );
    let (_, message) = single(
        "fixes:\n  - target: {operation: X, request: ''}\n    remove: true\n    reason: r\n",
    );
    assert_eq!(message, "`remove` does not apply to a request body");
}
