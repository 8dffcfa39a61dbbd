//! Each kind of fix on fixture pages (`tests/fixtures/pets`, written for
//! these tests): the pages are read by the real reader, the fixes applied,
//! the service built by the real checks.

use apidoc_ir::{Diagnostic, Operation, Page, ParamLocation, Service, Severity, TypeRef, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pets");
const PAGES: [&str; 3] = ["listing-pets.md", "adding-a-pet.md", "adding-a-pet.zh.md"];

/// The English page states `age` as Integer where the Chinese page says
/// String (a `lang-conflict` error); this fix is the usual answer, and most
/// tests carry it so that the service builds.
const AGE_FIX: &str = "
  - target: {operation: AddPet, lang: en, model: NewPet, field: age}
    expect: {type: Integer}
    update: {type: String}
    reason: the example sends \"young\"; the Chinese page says String
";

/// Reads the fixture pages, `edit` applied to each page's text first.
fn pages(edit: &dyn Fn(&str, String) -> String) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut pages = Vec::new();
    let mut findings = Vec::new();
    for name in PAGES {
        let text = std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("fixture page");
        let text = edit(name, text);
        let parsed = apidoc_parser::parse_page(
            &format!("pets/{name}"),
            text.as_bytes(),
            apidoc_parser::Format::Markdown,
        );
        pages.extend(parsed.page);
        findings.extend(parsed.diagnostics);
    }
    (pages, findings)
}

fn meta() -> apidoc_ir::ServiceMeta {
    apidoc_ir::ServiceMeta {
        name: "pets".to_owned(),
        title: "Pets".to_owned(),
        version: "v1".to_owned(),
        endpoint: "https://pets.example.com".to_owned(),
        endpoint_defaults: Vec::new(),
        description: None,
    }
}

/// Builds the service with `fixes` (the items of a `fixes:` list), as the
/// pipeline does.
fn build_edited(fixes: &str, edit: &dyn Fn(&str, String) -> String) -> (Service, Vec<Diagnostic>) {
    let text = format!("fixes:{fixes}");
    let (fixes, errors) = apidoc_fixes::parse_fixes("pets/fixes.yaml", &text);
    assert_eq!(errors, [], "the fixes of a test parse");
    let (pages, findings) = pages(edit);
    apidoc_fixes::build_with_fixes(&fixes, meta(), pages, findings, apidoc_check::build_service)
}

fn build(fixes: &str) -> (Service, Vec<Diagnostic>) {
    build_edited(fixes, &|_, text| text)
}

/// Builds with the age fix and the given fixes; asserts no error.
fn fixed(fixes: &str) -> (Service, Vec<Diagnostic>) {
    let (service, diagnostics) = build(&format!("{AGE_FIX}{fixes}"));
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    (service, diagnostics)
}

fn operation<'a>(service: &'a Service, id: &str) -> &'a Operation {
    service
        .operations
        .iter()
        .find(|op| op.id == id)
        .unwrap_or_else(|| panic!("operation {id}"))
}

fn parameter<'a>(op: &'a Operation, name: &str) -> Option<&'a apidoc_ir::Field> {
    op.parameters
        .iter()
        .map(|p| &p.field)
        .find(|field| field.name == name)
}

fn model_field<'a>(service: &'a Service, model: &str, name: &str) -> Option<&'a apidoc_ir::Field> {
    service.model(model)?.fields.iter().find(|f| f.name == name)
}

fn with_code<'a>(diagnostics: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    diagnostics.iter().filter(|d| d.code == code).collect()
}

#[test]
fn without_the_fix_the_language_conflict_is_an_error_and_the_operation_stays() {
    let (service, diagnostics) = build("");
    let conflict = with_code(&diagnostics, "lang-conflict");
    assert_eq!(conflict.len(), 1);
    assert_eq!(conflict[0].severity, Severity::Error);
    // Both pages make the operation; the English page's type is written.
    let add_pet = operation(&service, "AddPet");
    assert_eq!(add_pet.sources.len(), 2, "{:?}", add_pet.sources);
    let age = model_field(&service, "NewPet", "age").expect("age");
    assert_eq!(age.ty, TypeRef::Integer);
}

#[test]
fn a_severity_fix_lowers_the_error_to_a_warning() {
    let fix = "
  - target: {operation: AddPet, finding: lang-conflict}
    update: {severity: warning}
    reason: the SDK may send either; the service accepts both
";
    let (service, diagnostics) = build(fix);
    assert!(service.operations.iter().any(|op| op.id == "AddPet"));
    let conflict = with_code(&diagnostics, "lang-conflict");
    assert!(!conflict.is_empty());
    assert!(conflict.iter().all(|d| d.severity == Severity::Warning));
}

#[test]
fn a_type_fix_on_one_language_answers_an_error() {
    let (service, diagnostics) = fixed("");
    let age = model_field(&service, "NewPet", "age").expect("age");
    assert_eq!(age.ty, TypeRef::String);
    let entry = with_code(&diagnostics, "fixed");
    assert_eq!(entry.len(), 1);
    assert!(
        entry[0].message.contains("`lang-conflict`"),
        "{}",
        entry[0].message
    );
    assert!(entry[0].message.contains("type `Integer` → `String`"));
    assert_eq!(entry[0].severity, Severity::Warning);
    assert_eq!(
        entry[0].help.as_deref(),
        Some("reason: the example sends \"young\"; the Chinese page says String")
    );
    let place = &entry[0].primary.as_ref().expect("a place").span;
    assert_eq!(place.file, "pets/adding-a-pet.md");
}

#[test]
fn an_operation_is_named_by_either_pages_id_or_by_method_and_path() {
    for operation in [
        "AddingAPet",
        "AddPet",
        "POST /v1/{project_id}/shops/{shop_id}/pets",
    ] {
        let fix = format!(
            "
  - target: {{operation: '{operation}', lang: zh, model: NewPet, field: age}}
    expect: {{type: String}}
    update: {{type: Integer}}
    reason: the English page says Integer
"
        );
        let (service, diagnostics) = build(&fix);
        assert!(
            !diagnostics.iter().any(Diagnostic::is_error),
            "{operation}: {diagnostics:#?}"
        );
        let age = model_field(&service, "NewPet", "age").expect("age");
        assert_eq!(age.ty, TypeRef::Integer, "{operation}");
    }
}

#[test]
fn a_status_description_is_corrected_everywhere_the_page_states_it() {
    let (service, diagnostics) = fixed(
        "
  - target: {operation: ListingPets, response: 403}
    expect: {description: Bad Request}
    update: {description: Forbidden}
    reason: 403 is Forbidden
",
    );
    let op = operation(&service, "ListingPets");
    let response = op.responses.iter().find(|r| r.status == 403).expect("403");
    assert_eq!(response.description.en.as_deref(), Some("Forbidden"));
    let row = op
        .status_codes
        .iter()
        .find(|r| r.status == 403)
        .expect("row");
    assert_eq!(row.description.en.as_deref(), Some("Forbidden"));
    assert!(with_code(&diagnostics, "status-description-mismatch").is_empty());
    let answered = with_code(&diagnostics, "fixed");
    assert!(
        answered
            .iter()
            .any(|d| d.message.contains("`status-description-mismatch`")
                && d.primary.as_ref().unwrap().span.line == 81)
    );
}

#[test]
fn a_parameter_takes_several_values_when_repeated() {
    let (service, _) = fixed(
        "
  - target: {operation: ListingPets, parameter: tag, in: query}
    expect: {type: String}
    update: {repeat: true}
    reason: the description says several tags may be given
",
    );
    let tag = parameter(operation(&service, "ListingPets"), "tag").expect("tag");
    assert_eq!(tag.ty, TypeRef::Array(Box::new(TypeRef::String)));
    assert_eq!(tag.type_text, "Array of String");
}

#[test]
fn required_nullable_enum_and_description_of_a_field() {
    let (service, _) = fixed(
        "
  - target: {operation: ListingPets, response: 200, field: pets.kind}
    expect: {required: false, nullable: false, enum: [], description: Pet kind.}
    update: {required: true, nullable: true, enum: [dog, cat], description: The kind of pet.}
    reason: the service sends only these kinds
",
    );
    let kind = model_field(&service, "Pet", "kind").expect("kind");
    assert!(kind.is_required());
    assert!(kind.constraints.nullable.is_some());
    let values: Vec<&Value> = kind
        .constraints
        .enum_values
        .iter()
        .map(|v| &v.value)
        .collect();
    assert_eq!(values, [&Value::from("dog"), &Value::from("cat")]);
    assert_eq!(kind.description.en.as_deref(), Some("The kind of pet."));
}

#[test]
fn a_parameter_and_a_field_are_renamed() {
    let (service, _) = fixed(
        "
  - target: {operation: ListingPets, parameter: limit}
    update: {name: page_size}
    reason: the service reads page_size
  - target: {operation: AddPet, request: pet.name}
    update: {name: nickname}
    reason: the example sends nickname
",
    );
    let op = operation(&service, "ListingPets");
    assert!(parameter(op, "limit").is_none());
    assert!(parameter(op, "page_size").is_some());
    assert!(model_field(&service, "NewPet", "nickname").is_some());
    assert!(model_field(&service, "NewPet", "name").is_none());
}

#[test]
fn fields_responses_and_operations_are_removed() {
    let (service, diagnostics) = fixed(
        "
  - target: {model: Pet, field: born}
    expect: {type: String}
    remove: true
    reason: the service never sends it
  - target: {operation: ListingPets, response: 403}
    remove: true
    reason: the service answers 404 instead
  - target: {operation: AddPet}
    remove: true
    reason: the operation is withdrawn
",
    );
    assert!(model_field(&service, "Pet", "born").is_none());
    let op = operation(&service, "ListingPets");
    assert!(op.responses.iter().all(|r| r.status != 403));
    assert!(op.status_codes.iter().all(|r| r.status != 403));
    assert!(service.operations.iter().all(|op| op.id != "AddPet"));
    assert_eq!(with_code(&diagnostics, "fixed").len(), 4);
}

#[test]
fn a_field_and_a_parameter_are_added() {
    let (service, _) = fixed(
        "
  - target: {model: Pet}
    add: {name: id, type: String, required: true, description: Pet ID.}
    reason: the example response sends id
  - target: {operation: ListingPets}
    add: {in: query, name: offset, type: Integer}
    reason: the service pages with offset
",
    );
    let id = model_field(&service, "Pet", "id").expect("id");
    assert!(id.is_required());
    assert_eq!(
        id.span.file, "pets/fixes.yaml",
        "an added fact points at its fix"
    );
    let op = operation(&service, "ListingPets");
    let offset = op
        .parameters
        .iter()
        .find(|p| p.field.name == "offset")
        .expect("offset");
    assert_eq!(offset.location, ParamLocation::Query);
    assert_eq!(offset.field.ty, TypeRef::Integer);
}

#[test]
fn a_field_is_added_inside_an_object_field_of_the_request() {
    let (service, _) = fixed(
        "
  - target: {operation: AddPet, request: pet}
    add: {name: colour, type: String}
    reason: the service accepts a colour
",
    );
    assert!(model_field(&service, "NewPet", "colour").is_some());
}

#[test]
fn a_field_the_page_documents_already_is_not_added_again() {
    let (_, diagnostics) = build(&format!(
        "{AGE_FIX}
  - target: {{operation: AddPet, request: pet}}
    add: {{name: name, type: String}}
    reason: stale since the page documents it
"
    ));
    let stale = with_code(&diagnostics, "fix-stale");
    assert_eq!(stale.len(), 1, "{diagnostics:#?}");
    assert!(
        stale[0].message.ends_with("states a field `name` already"),
        "{}",
        stale[0].message
    );
}

#[test]
fn a_wrapping_key_is_unwrapped() {
    let (service, diagnostics) = fixed(
        "
  - target: {operation: ListingPets, response: 200}
    update: {unwrap: pets}
    reason: the service sends the array itself
",
    );
    let op = operation(&service, "ListingPets");
    let ok = op.responses.iter().find(|r| r.status == 200).expect("200");
    let pet = TypeRef::Model("Pet".to_owned());
    assert_eq!(ok.body, Some(TypeRef::Array(Box::new(pet))));
    assert!(service.model("ListingPetsResponseBody").is_none());
    assert!(!diagnostics.iter().any(Diagnostic::is_error));
}

#[test]
fn a_response_body_is_repeated_and_wrapped() {
    let (service, diagnostics) = fixed(
        "
  - target: {operation: ListingPets, response: 200}
    expect: {type: ListingPetsResponseBody object}
    update: {repeat: true, wrap: data}
    reason: \"the service sends {data: [...]}, a list of what the page documents\"
",
    );
    let op = operation(&service, "ListingPets");
    let ok = op.responses.iter().find(|r| r.status == 200).expect("200");
    let model = |name: &str| TypeRef::Model(name.to_owned());
    assert_eq!(ok.body, Some(model("ListingPetsResponseBody")));
    let data = model_field(&service, "ListingPetsResponseBody", "data").expect("data");
    let listed = TypeRef::Array(Box::new(model("ListingPetsResponseBodyData")));
    assert_eq!(data.ty, listed);
    assert_eq!(
        data.type_text,
        "Array of ListingPetsResponseBodyData objects"
    );
    assert!(model_field(&service, "ListingPetsResponseBodyData", "pets").is_some());
    assert!(!diagnostics.iter().any(Diagnostic::is_error));
}

#[test]
fn the_request_body_itself_is_unwrapped() {
    let (service, diagnostics) = fixed(
        "
  - target: {operation: AddPet, lang: en, request: ''}
    expect: {type: AddingAPetRequestBody object}
    update: {unwrap: pet}
    reason: the service takes the pet itself
  - target: {operation: AddPet, lang: zh, request: ''}
    expect: {type: AddPetRequestBody object}
    update: {unwrap: pet}
    reason: the service takes the pet itself (each page names its body table)
",
    );
    let op = operation(&service, "AddPet");
    let body = op.request_body.as_ref().expect("a body");
    assert_eq!(body.variants[0].schema, TypeRef::Model("NewPet".to_owned()));
    assert!(service.model("AddPetRequestBody").is_none());
    assert!(service.model("AddingAPetRequestBody").is_none());
    let entry = with_code(&diagnostics, "fixed");
    assert!(
        entry.iter().any(|d| d
            .message
            .contains("the request body of `AddPet`: unwrap → `pet`")),
        "{entry:#?}"
    );
}

#[test]
fn a_body_fix_expecting_another_type_is_stale() {
    let (_, diagnostics) = build(&format!(
        "{AGE_FIX}
  - target: {{operation: AddPet, request: ''}}
    expect: {{type: Pet object}}
    update: {{repeat: true}}
    reason: stale as the body is not a Pet
"
    ));
    let stale = with_code(&diagnostics, "fix-stale");
    assert_eq!(stale.len(), 1, "{diagnostics:#?}");
    assert!(
        stale[0]
            .message
            .contains("states type `AddingAPetRequestBody object`"),
        "{}",
        stale[0].message
    );
}

#[test]
fn a_finding_kind_changes_severity_and_says_why() {
    let (_, diagnostics) = build(&format!(
        "{AGE_FIX}
  - target: {{operation: ListingPets, finding: path-param-misspelled}}
    update: {{severity: error}}
    reason: the SDK must not guess a parameter name
"
    ));
    let finding = with_code(&diagnostics, "path-param-misspelled");
    assert_eq!(finding.len(), 1);
    assert_eq!(finding[0].severity, Severity::Error);
    let help = finding[0].help.as_deref().unwrap_or_default();
    assert!(
        help.ends_with("severity set to error by the fix at `pets/fixes.yaml:7`: the SDK must not guess a parameter name"),
        "{help}"
    );
}

#[test]
fn a_finding_kind_of_another_operation_is_not_touched() {
    let (_, diagnostics) = build(&format!(
        "{AGE_FIX}
  - target: {{operation: AddPet, finding: path-param-misspelled}}
    update: {{severity: error}}
    reason: only for AddPet
"
    ));
    let finding = with_code(&diagnostics, "path-param-misspelled");
    assert_eq!(finding[0].severity, Severity::Warning);
    let unmatched = with_code(&diagnostics, "fix-unmatched");
    assert_eq!(
        unmatched[0].message,
        "the fix at `pets/fixes.yaml:7` matches nothing: there is no finding `path-param-misspelled` of `AddPet`"
    );
}

#[test]
fn an_edited_page_makes_the_fix_stale_naming_fix_and_page() {
    let edit = |name: &str, text: String| {
        if name == "listing-pets.md" {
            text.replace("| 403 | Bad Request |", "| 403 | Forbidden |")
                .replace("Status code: 403\n", "Status code: 403\n\nForbidden\n")
        } else {
            text
        }
    };
    let fixes = format!(
        "{AGE_FIX}
  - target: {{operation: ListingPets, response: 403}}
    expect: {{description: Bad Request}}
    update: {{description: Forbidden}}
    reason: 403 is Forbidden
"
    );
    let (_, diagnostics) = build_edited(&fixes, &edit);
    let stale = with_code(&diagnostics, "fix-stale");
    assert_eq!(stale.len(), 1, "{diagnostics:#?}");
    assert!(stale[0].is_error());
    assert_eq!(
        stale[0].primary.as_ref().unwrap().span.to_string(),
        "pets/fixes.yaml:7"
    );
    assert!(
        stale[0]
            .message
            .contains("the fix at `pets/fixes.yaml:7` is stale")
    );
    assert!(
        stale[0].message.contains("`pets/listing-pets.md:"),
        "{}",
        stale[0].message
    );
    assert!(stale[0].message.contains("description \"Forbidden\""));
}

#[test]
fn a_fix_whose_target_is_gone_is_an_error() {
    let (_, diagnostics) = build(&format!(
        "{AGE_FIX}
  - target: {{operation: ListingPets, parameter: colour}}
    update: {{name: color}}
    reason: spelling
  - target: {{operation: DeletingAPet}}
    remove: true
    reason: withdrawn
"
    ));
    let unmatched = with_code(&diagnostics, "fix-unmatched");
    let messages: Vec<&str> = unmatched.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the fix at `pets/fixes.yaml:7` matches nothing: parameter `colour` of `ListingPets`: not found on `pets/listing-pets.md`",
            "the fix at `pets/fixes.yaml:10` matches nothing: operation `DeletingAPet`: no page documents operation `DeletingAPet`",
        ]
    );
}

#[test]
fn without_fixes_the_build_is_the_checks_alone() {
    let (pages, findings) = pages(&|_, text| text);
    let (expected_service, checked) = apidoc_check::build_service(meta(), pages.clone());
    let (service, diagnostics) = apidoc_fixes::build_with_fixes(
        &apidoc_fixes::Fixes::default(),
        meta(),
        pages,
        findings.clone(),
        apidoc_check::build_service,
    );
    assert_eq!(service, expected_service);
    assert_eq!(diagnostics, [findings, checked].concat());
}

#[test]
fn a_field_added_to_an_object_no_table_describes_gets_a_table() {
    let edit = |name: &str, text: String| {
        if name == "listing-pets.md" {
            // No table describes the pets: the Pet table goes.
            let (before, rest) = text.split_once("**Table 5** Pet").expect("the Pet table");
            let after = &rest[rest.find("Status code: 403").expect("the 403 section")..];
            let before = before.replace(
                "| pets | Array of Pet objects |",
                "| pets | Array of objects |",
            );
            format!("{before}{after}")
        } else {
            text
        }
    };
    let (service, diagnostics) = build_edited(
        &format!(
            "{AGE_FIX}
  - target: {{operation: ListingPets, response: 200, field: pets}}
    add: {{name: name, type: String}}
    reason: the example's items have a name
"
        ),
        &edit,
    );
    assert!(
        !diagnostics.iter().any(Diagnostic::is_error),
        "{diagnostics:#?}"
    );
    let pets = model_field(&service, "ListingPetsResponseBody", "pets").expect("pets");
    let made = TypeRef::Model("ListingPetsResponseBodyPets".to_owned());
    assert_eq!(pets.ty, TypeRef::Array(Box::new(made)));
    assert_eq!(
        pets.type_text,
        "Array of ListingPetsResponseBodyPets objects"
    );
    assert!(model_field(&service, "ListingPetsResponseBodyPets", "name").is_some());
}
