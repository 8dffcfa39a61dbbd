//! Pages as the Chinese Help Center writes them: reduced pages in our own
//! words (`fixtures/help_center`), and the real pages of three services
//! shared beside this repository (`../shared/corpus/hwc`, or the folder
//! `APIDOC_HWC_CORPUS` names) when present.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use apidoc_ir::{Page, ParamLocation, Severity, TypeRef, Value};
use apidoc_parser::{Format, Parsed, parse_page};

fn fixture(name: &str) -> Parsed {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/help_center")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    parse_page(name, &bytes, Format::Markdown)
}

fn page(parsed: &Parsed) -> &Page {
    parsed.page.as_ref().expect("an API page")
}

fn fields<'p>(page: &'p Page, model: &str) -> Vec<(&'p str, &'p TypeRef)> {
    let model = page
        .models
        .iter()
        .find(|m| m.name == model)
        .unwrap_or_else(|| panic!("model {model} in {:?}", names(page)));
    model
        .fields
        .iter()
        .map(|f| (f.name.as_str(), &f.ty))
        .collect()
}

fn names(page: &Page) -> Vec<&str> {
    page.models.iter().map(|m| m.name.as_str()).collect()
}

fn model(name: &str) -> TypeRef {
    TypeRef::Model(name.to_owned())
}

fn array(ty: TypeRef) -> TypeRef {
    TypeRef::Array(Box::new(ty))
}

fn codes(parsed: &Parsed) -> Vec<&str> {
    parsed.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn sections_written_as_list_items() {
    let parsed = fixture("list_items.md");
    assert_eq!(codes(&parsed), Vec::<&str>::new());
    let page = page(&parsed);
    let uri = page.operation.primary();
    assert_eq!(uri.path, "/v1/{project_id}/gardens/batch");
    assert_eq!(page.operation.parameters[0].location, ParamLocation::Path);
    // The captions inside the items link the nested tables.
    assert_eq!(
        fields(page, "OperationRequestBody"),
        [
            ("owner", &TypeRef::String),
            ("beds", &array(model("OperationBed")))
        ]
    );
    // A stale "请参见表1" does not keep the second `links` from the table
    // captioned after it.
    assert_eq!(
        fields(page, "OperationGardens"),
        [
            ("id", &TypeRef::String),
            ("links", &model("OperationLinks"))
        ]
    );
    let soil = &page
        .models
        .iter()
        .find(|m| m.name == "OperationBed")
        .unwrap()
        .fields[0];
    let values: Vec<&Value> = soil
        .constraints
        .enum_values
        .iter()
        .map(|e| &e.value)
        .collect();
    assert_eq!(values, [&Value::from("sand"), &Value::from("clay")]);
    assert_eq!(
        soil.constraints.default, None,
        "默认值为空 states no default"
    );
    // The example in the "请求样例" item, without the label as its text.
    let example = &page.operation.request_examples[0];
    assert!(example.body.is_some() && example.description.is_empty());
}

#[test]
fn status_lines_with_reason_phrases_and_a_normal_item() {
    let parsed = fixture("list_items.md");
    let statuses: Vec<u16> = page(&parsed)
        .operation
        .status_codes
        .iter()
        .map(|d| d.status)
        .collect();
    assert_eq!(statuses, [202, 400, 404]);
    let responses: Vec<(u16, usize)> = page(&parsed)
        .operation
        .responses
        .iter()
        .map(|r| (r.status, r.examples.len()))
        .collect();
    assert_eq!(responses, [(202, 0)], "无（STATUS CODE 202） is no body");
}

#[test]
fn array_bodies_alternatives_and_repeated_parameters() {
    let parsed = fixture("pipe_tables.md");
    assert_eq!(codes(&parsed), ["type-misspelled"]);
    let page = page(&parsed);
    let params: Vec<(&str, &TypeRef)> = page
        .operation
        .parameters
        .iter()
        .map(|p| (p.field.name.as_str(), &p.field.ty))
        .collect();
    assert_eq!(
        params,
        [
            ("garden_id", &TypeRef::String),
            ("tree", &array(TypeRef::String)),
            ("size", &TypeRef::String)
        ]
    );
    let body = page.operation.request_body.as_ref().expect("a body");
    let schemas: Vec<&TypeRef> = body.variants.iter().map(|v| &v.schema).collect();
    assert_eq!(
        schemas,
        [
            &array(model("OperationTable2")),
            &model("OperationRequestBody2")
        ]
    );
    assert_eq!(
        body.variants[1].summary.zh.as_deref(),
        Some("按整体替换时的请求参数")
    );
    assert_eq!(
        fields(page, "OperationRequestBody2"),
        [("name", &TypeRef::String), ("fence", &TypeRef::String)]
    );
    let response = &page.operation.responses[0];
    assert_eq!(response.status, 200);
    assert_eq!(response.body, Some(array(model("OperationTable3"))));
    assert_eq!(response.examples.len(), 1);
}

/// The shared Help Center corpus, when this checkout has it.
fn hwc_corpus() -> Option<PathBuf> {
    let corpus = std::env::var_os("APIDOC_HWC_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/hwc"),
        PathBuf::from,
    );
    if corpus.is_dir() {
        Some(corpus)
    } else {
        println!("skipped: no corpus at {}", corpus.display());
        None
    }
}

/// Every page of the real corpus reads without a reader error, every
/// status cell is understood, and each service yields its API pages.
#[test]
fn the_shared_help_center_corpus_reads() {
    let Some(corpus) = hwc_corpus() else { return };
    let mut api_pages: BTreeMap<String, usize> = BTreeMap::new();
    for service in ["dns", "ims", "nat"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(service))
            .expect("service folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for file in files {
            let name = format!("{service}/{}", file.file_name().unwrap().to_string_lossy());
            let parsed = parse_page(&name, &std::fs::read(&file).unwrap(), Format::Markdown);
            for d in &parsed.diagnostics {
                assert!(
                    d.severity != Severity::Error && d.code != "status-code-invalid",
                    "{name}: {} {}",
                    d.code,
                    d.message
                );
            }
            if parsed.page.is_some() {
                *api_pages.entry(service.to_owned()).or_default() += 1;
            }
        }
    }
    // dns 49, ims 47, nat 69 API pages at the corpus' commits; the three
    // dns pages whose URI sits in a list item are among them.
    let want = BTreeMap::from([("dns".into(), 49), ("ims".into(), 47), ("nat".into(), 69)]);
    assert_eq!(api_pages, want);
}
