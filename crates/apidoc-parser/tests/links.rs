//! Links to tables on other pages of a service and to shared response
//! pages, followed by `crossref` (fixtures in `fixtures/links`, written in
//! our own words).

use std::path::Path;

use apidoc_ir::{Diagnostic, Page, TypeRef};
use apidoc_parser::{Format, Parsed, crossref, prepare, read_prepared};

/// Every page of the fixture service `service`, read with links followed,
/// by file name; and the findings on links.
fn read_service(service: &str) -> (Vec<(String, Parsed)>, Vec<Diagnostic>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/links")
        .join(service);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut prepared: Vec<_> = files
        .iter()
        .map(|path| {
            let name = format!("{service}/{}", path.file_name().unwrap().to_string_lossy());
            let format = Format::from_path(&name).expect("known format");
            prepare(&name, &std::fs::read(path).expect("page"), format).expect("UTF-8")
        })
        .collect();
    let mut blocks: Vec<_> = prepared
        .iter_mut()
        .map(|p| std::mem::take(&mut p.blocks))
        .collect();
    let findings = crossref::follow_links(&mut blocks);
    for (page, linked) in prepared.iter_mut().zip(blocks) {
        page.blocks = linked;
    }
    let parsed = prepared
        .iter()
        .map(|p| (p.blocks.file.clone(), read_prepared(p)))
        .collect();
    (parsed, findings)
}

fn page<'p>(pages: &'p [(String, Parsed)], file: &str) -> &'p Parsed {
    &pages
        .iter()
        .find(|(f, _)| f == file)
        .unwrap_or_else(|| panic!("no page {file}"))
        .1
}

fn api_page(parsed: &Parsed) -> &Page {
    parsed.page.as_ref().expect("an API page")
}

/// The field `name` of the model `model`: its type and line.
fn field<'p>(page: &'p Page, model: &str, name: &str) -> &'p apidoc_ir::Field {
    let model = page
        .models
        .iter()
        .find(|m| m.name == model)
        .unwrap_or_else(|| panic!("no model {model} in {:#?}", page.models));
    model
        .fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name} in {model:#?}"))
}

fn model_of(ty: &TypeRef) -> &str {
    match ty {
        TypeRef::Model(name) => name,
        TypeRef::Array(inner) => model_of(inner),
        other => panic!("expected a model, found {other:?}"),
    }
}

fn field_names<'p>(page: &'p Page, model: &str) -> Vec<&'p str> {
    page.models
        .iter()
        .find(|m| m.name == model)
        .unwrap_or_else(|| panic!("no model {model}"))
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect()
}

#[test]
fn a_type_cell_linking_a_table_of_a_data_structure_page_gets_that_model() {
    let (pages, _) = read_service("garden");
    let parsed = page(&pages, "garden/查询花园标签.md");
    let page = api_page(parsed);
    let labels = field(page, &response_model(page), "labels");
    assert!(matches!(labels.ty, TypeRef::Array(_)), "{:?}", labels.ty);
    assert_eq!(field_names(page, model_of(&labels.ty)), ["key", "value"]);
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.code != "model-undefined"),
        "{:#?}",
        parsed.diagnostics
    );
}

#[test]
fn a_linked_table_that_is_no_model_breaks_nothing() {
    let (pages, _) = read_service("garden");
    let parsed = page(&pages, "garden/查询花园标签.md");
    let page = api_page(parsed);
    assert_eq!(
        field(page, &response_model(page), "status").ty,
        TypeRef::String
    );
    assert!(
        parsed.diagnostics.iter().all(|d| !d.is_error()),
        "{:#?}",
        parsed.diagnostics
    );
}

#[test]
fn a_page_describing_the_model_itself_keeps_its_own_table() {
    let (pages, _) = read_service("garden");
    let page = api_page(page(&pages, "garden/查询花园详情.md"));
    let labels = field(page, &response_model(page), "labels");
    assert_eq!(
        field_names(page, model_of(&labels.ty)),
        ["key", "value", "since"]
    );
}

#[test]
fn a_link_to_an_anchor_no_page_holds_is_a_warning_at_the_link() {
    let (_, findings) = read_service("garden");
    let unresolved: Vec<_> = findings
        .iter()
        .filter(|d| d.code == "table-link-unresolved")
        .collect();
    assert_eq!(unresolved.len(), 1, "{findings:#?}");
    let at = &unresolved[0].primary.as_ref().expect("a place").span;
    assert_eq!((at.file.as_str(), at.line), ("garden/查询花园标签.md", 25));
    assert!(
        unresolved[0].message.contains("不存在.md"),
        "{:?}",
        unresolved[0].message
    );
}

#[test]
fn see_table_n_on_another_api_page_gets_that_table() {
    let (pages, findings) = read_service("shop");
    assert!(findings.is_empty(), "{findings:#?}");
    let page = api_page(page(&pages, "shop/create-order.html"));
    let body = page
        .operation
        .request_body
        .as_ref()
        .expect("a request body");
    let item = field(page, model_of(&body.variants[0].schema), "item");
    assert_eq!(field_names(page, model_of(&item.ty)), ["sku", "count"]);
    // The copied rows point at the link, in the linking page.
    let sku = field(page, model_of(&item.ty), "sku");
    assert_eq!(
        (sku.span.file.as_str(), sku.span.line),
        ("shop/create-order.html", 11)
    );
}

#[test]
fn a_response_section_naming_a_shared_response_page_gets_its_table() {
    let (pages, _) = read_service("shop");
    let page = api_page(page(&pages, "shop/create-order.html"));
    let body = page.operation.responses[0]
        .body
        .as_ref()
        .expect("a response body");
    assert_eq!(field_names(page, model_of(body)), ["job_id"]);
}

/// The model of the operation's first response body.
fn response_model(page: &Page) -> String {
    let body = page
        .operation
        .responses
        .iter()
        .find_map(|r| r.body.as_ref())
        .unwrap_or_else(|| panic!("no response body: {:#?}", page.operation.responses));
    model_of(body).to_owned()
}

/// The fields of the model a field of the page's response body holds.
fn response_field_model<'p>(page: &'p Page, name: &str) -> Vec<&'p str> {
    let ty = &field(page, &response_model(page), name).ty;
    field_names(page, model_of(ty))
}

#[test]
fn a_link_within_the_page_names_the_table_whatever_its_caption() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查询狗狗.md"));
    let puppies = field(page, &response_model(page), "puppies");
    assert!(matches!(puppies.ty, TypeRef::Array(_)), "{:?}", puppies.ty);
    assert_eq!(field_names(page, model_of(&puppies.ty)), ["name", "age"]);
    assert_eq!(response_field_model(page, "bowl"), ["size"]);
}

#[test]
fn a_link_and_a_table_number_naming_two_tables_follow_the_link_and_say_so() {
    let (pages, _) = read_service("kennel");
    let parsed = page(&pages, "kennel/查询狗狗.md");
    let page = api_page(parsed);
    assert_eq!(response_field_model(page, "toy"), ["color"]);
    let disagreeing: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == "table-link-disagrees")
        .collect();
    assert_eq!(disagreeing.len(), 1, "{:#?}", parsed.diagnostics);
    let toy = field(page, &response_model(page), "toy");
    let at = &disagreeing[0].primary.as_ref().expect("a place").span;
    assert_eq!(at.line, toy.span.line);
    assert!(
        disagreeing[0].message.contains("`toy`"),
        "{}",
        disagreeing[0].message
    );
}

#[test]
fn a_table_copied_from_another_page_follows_that_pages_links_within_it() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查询狗狗.md"));
    let vet = field(page, &response_model(page), "vet");
    assert_eq!(field_names(page, model_of(&vet.ty)), ["vet_name", "clinic"]);
    let clinic = field(page, model_of(&vet.ty), "clinic");
    assert_eq!(field_names(page, model_of(&clinic.ty)), ["address"]);
}

#[test]
fn an_indented_caption_after_a_note_captions_the_next_table() {
    let (pages, _) = read_service("kennel");
    let parsed = page(&pages, "kennel/查询狗舍详情.md");
    let page = api_page(parsed);
    assert_eq!(
        response_field_model(page, "kennel"),
        ["id", "name", "keeper"]
    );
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.code != "table-unreferenced"),
        "{:#?}",
        parsed.diagnostics
    );
}

#[test]
fn a_row_naming_another_operation_by_its_title_takes_the_objects_it_returns() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查询狗舍列表.md"));
    let kennels = field(page, &response_model(page), "kennels");
    assert!(matches!(kennels.ty, TypeRef::Array(_)), "{:?}", kennels.ty);
    assert_eq!(
        field_names(page, model_of(&kennels.ty)),
        ["id", "name", "keeper"]
    );
    let keeper = field(page, model_of(&kennels.ty), "keeper");
    assert_eq!(
        field_names(page, model_of(&keeper.ty)),
        ["keeper_id", "phone"]
    );
}

#[test]
fn a_title_of_a_page_documenting_no_response_is_no_link() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查询狗舍列表.md"));
    assert_eq!(
        field(page, &response_model(page), "landlord").ty,
        TypeRef::Object
    );
}

#[test]
fn a_link_to_a_page_without_anchor_in_a_cell_takes_its_table_describing_the_field() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查询狗舍列表.md"));
    assert_eq!(response_field_model(page, "owner"), ["owner_id", "since"]);
}

#[test]
fn a_link_to_a_heading_of_another_page_takes_the_table_under_it() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查询狗舍列表.md"));
    assert_eq!(response_field_model(page, "caretaker"), ["shift"]);
}

#[test]
fn a_sentence_delegating_the_response_to_a_table_of_another_page_takes_it() {
    let (pages, _) = read_service("kennel");
    let page = api_page(page(&pages, "kennel/查看狗舍狗狗.md"));
    let body = response_model(page);
    assert_eq!(field_names(page, &body), ["puppies", "toy", "bowl", "vet"]);
    assert_eq!(response_field_model(page, "puppies"), ["name", "age"]);
}

/// Structure pages ("Cage结构体"): a row links the page without an
/// anchor, the page's table has no caption; a row of the copied table
/// links another structure page in turn; a Type cell names a structure
/// page by its whole title without linking it.
#[test]
fn structure_pages_describe_the_rows_naming_them() {
    let (pages, _) = read_service("aviary");
    let list = api_page(page(&pages, "aviary/查询鸟笼列表.md"));
    let body = "OperationResponseBody";
    let element = |name: &str| match &field(list, body, name).ty {
        TypeRef::Array(item) => match item.as_ref() {
            TypeRef::Model(model) => model.clone(),
            other => panic!("{name}: {other:?}"),
        },
        other => panic!("{name}: {other:?}"),
    };
    let cage = element("cages");
    let links = match &field(list, &cage, "links").ty {
        TypeRef::Array(item) => item.as_ref().clone(),
        other => panic!("{other:?}"),
    };
    let TypeRef::Model(links) = links else {
        panic!("the second hop is linked: {links:?}");
    };
    assert_eq!(field(list, &links, "rel").ty, TypeRef::String);
    let perch = element("perches");
    assert_eq!(field(list, &perch, "height").ty, TypeRef::Integer);
}

#[test]
fn a_row_naming_another_pages_table_by_its_caption_gets_that_table() {
    let (pages, _) = read_service("pond");
    let page = api_page(page(&pages, "pond/查询鱼详情.txt"));
    let fish = field(page, &response_model(page), "fish");
    assert_eq!(
        field_names(page, model_of(&fish.ty)),
        ["fin_count", "colour"]
    );
}
