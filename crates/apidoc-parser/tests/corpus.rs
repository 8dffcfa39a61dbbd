//! Real pages read into the IR.
//!
//! - Reduced copies of tricky corpus pages (`fixtures/corpus/`), always:
//!   a compact snapshot of what each page reads into (URIs, parameters,
//!   models, bodies, diagnostics).
//! - The whole shared corpus (`../../../shared/corpus/otc`) when present:
//!   no errors; every row of every parameter table of an API page reaches
//!   the IR or has a diagnostic; per service, the counts of pages, API pages,
//!   operations, parameters, fields and diagnostics by code are pinned.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    path::{Path, PathBuf},
};

use apidoc_ir::{Page, TypeRef};
use apidoc_parser::{
    Format, Parsed,
    blocks::{Block, BlockKind, Table},
    parse_page,
    read::table,
    to_blocks,
};

fn read(path: &Path, name: &str) -> (Parsed, String) {
    let source = std::fs::read_to_string(path).expect("page present and UTF-8");
    (parse_page(name, source.as_bytes(), Format::Html), source)
}

/// A type as pages write it, compactly.
fn show(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "string".into(),
        TypeRef::Integer => "integer".into(),
        TypeRef::Long => "long".into(),
        TypeRef::Number => "number".into(),
        TypeRef::Boolean => "boolean".into(),
        TypeRef::Object => "object".into(),
        TypeRef::Map(value) => format!("map<{}>", show(value)),
        TypeRef::Array(item) => format!("[{}]", show(item)),
        TypeRef::Model(name) => name.clone(),
        TypeRef::Any => "any".into(),
    }
}

fn required(flag: Option<bool>) -> &'static str {
    match flag {
        Some(true) => " (required)",
        Some(false) => "",
        None => " (-)",
    }
}

/// What a page reads into, one fact a line.
fn shape(parsed: &Parsed) -> String {
    let mut out = String::new();
    if let Some(page) = &parsed.page {
        page_shape(page, &mut out);
    }
    for d in &parsed.diagnostics {
        let line = d.primary.as_ref().map_or(0, |l| l.span.line);
        let _ = writeln!(
            out,
            "{:?} {} (line {line}): {}",
            d.severity, d.code, d.message
        );
    }
    out
}

fn page_shape(page: &Page, out: &mut String) {
    let op = &page.operation;
    let _ = writeln!(out, "operation {}", op.id);
    for uri in &op.uris {
        let _ = writeln!(out, "  {} {}", uri.method.as_str(), uri.path);
    }
    for p in &op.parameters {
        let f = &p.field;
        let _ = writeln!(
            out,
            "  {:?} {}: {}{}",
            p.location,
            f.name,
            show(&f.ty),
            required(f.required)
        );
    }
    if let Some(body) = &op.request_body {
        for v in &body.variants {
            let _ = writeln!(out, "  request body: {}", show(&v.schema));
        }
    }
    for r in &op.responses {
        let body = r.body.as_ref().map_or_else(|| "no body".to_owned(), show);
        let _ = writeln!(out, "  response {}: {body}", r.status);
    }
    for m in &page.models {
        let _ = writeln!(out, "model {}", m.name);
        for f in &m.fields {
            let _ = writeln!(out, "  {}: {}{}", f.name, show(&f.ty), required(f.required));
        }
    }
}

macro_rules! fixture_snapshot {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/corpus")
                .join($file);
            let (parsed, _) = read(&path, $file);
            assert!(
                parsed.diagnostics.iter().all(|d| !d.is_error()),
                "{:#?}",
                parsed.diagnostics
            );
            insta::assert_snapshot!(shape(&parsed));
        }
    };
}

// Path and query rows in one URI table; a `{?reserve_port}` URI template.
fixture_snapshot!(
    ecs_uri_table_of_path_and_query,
    "ecs/en-us_topic_0020212666.html"
);
// A URI-table row misspelling the placeholder (`flavors_id` / `{flavor_id}`).
fixture_snapshot!(
    ecs_misspelled_placeholder,
    "ecs/en-us_topic_0020212659.html"
);
// A table of user-chosen keys ("Name of the network where the ECS accesses").
fixture_snapshot!(
    ecs_map_of_user_chosen_keys,
    "ecs/en-us_topic_0031169058.html"
);
// `tags` and "resource_tag field description", linked by nothing but a word.
fixture_snapshot!(
    ecs_link_by_shared_word,
    "ecs/en-us_topic_0000001252143577.html"
);
// "Parameters for creating an ECS" and "xxx field description" tables.
fixture_snapshot!(
    ecs_nested_tables_of_a_body,
    "ecs/en-us_topic_0020212668.html"
);
// "config array corresponding to infer_type": tables for real-time and batch.
fixture_snapshot!(
    modelarts_alternative_tables,
    "modelarts/modelarts_03_0082.html"
);
// Stale "see Table N" numbers; captions ("spec parameters") on both sides.
fixture_snapshot!(
    modelarts_stale_table_numbers,
    "modelarts/modelarts_03_0113.html"
);
// A GET page documenting its query parameters as a request body.
fixture_snapshot!(modelarts_body_of_get, "modelarts/modelarts_03_0059.html");

/// The shared corpus, when this checkout has it.
fn corpus() -> Option<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/otc");
    if corpus.is_dir() {
        Some(corpus)
    } else {
        println!("skipped: no corpus at {}", corpus.display());
        None
    }
}

/// What one service's pages read into.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    pages: usize,
    api_pages: usize,
    /// Distinct method and primary path.
    operations: usize,
    parameters: usize,
    fields: usize,
    diagnostics: BTreeMap<String, usize>,
}

fn counts(pages: &[(Parsed, String)]) -> Counts {
    let mut out = Counts {
        pages: pages.len(),
        ..Counts::default()
    };
    let mut operations = BTreeSet::new();
    for (parsed, _) in pages {
        if let Some(page) = &parsed.page {
            out.api_pages += 1;
            let primary = page.operation.primary();
            operations.insert((primary.method, primary.path.clone()));
            out.parameters += page.operation.parameters.len();
            out.fields += page.models.iter().map(|m| m.fields.len()).sum::<usize>();
        }
        for d in &parsed.diagnostics {
            *out.diagnostics.entry(d.code.clone()).or_default() += 1;
        }
    }
    out.operations = operations.len();
    out
}

fn service_pages(corpus: &Path, service: &str) -> Vec<(Parsed, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(service))
        .expect("service directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let name = format!(
                "{service}/{}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("")
            );
            read(path, &name)
        })
        .collect()
}

fn diagnostics(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs
        .iter()
        .map(|(code, n)| ((*code).to_owned(), *n))
        .collect()
}

#[test]
fn corpus_counts_per_service() {
    let Some(corpus) = corpus() else { return };
    let ecs = counts(&service_pages(&corpus, "ecs"));
    let want_ecs = Counts {
        pages: 208,
        api_pages: 132,
        operations: 114,
        parameters: 295,
        fields: 1100,
        diagnostics: diagnostics(&[
            // Two pages join a success and an error example with "Or" and
            // document no error status to file the error under.
            ("example-error-status-unknown", 2),
            ("not-an-api-page", 76),
            ("path-param-misspelled", 2),
            ("table-link-guessed", 4),
            ("table-of-scalar-field", 1),
        ]),
    };
    let modelarts = counts(&service_pages(&corpus, "modelarts"));
    let want_modelarts = Counts {
        pages: 99,
        api_pages: 69,
        operations: 69,
        parameters: 281,
        fields: 1880,
        diagnostics: diagnostics(&[
            ("body-of-get", 2),
            // `Array<Storage type>` names a model no table describes (the
            // description lists storage type names).
            ("model-undefined", 2),
            ("not-an-api-page", 30),
            ("table-link-guessed", 1),
            ("table-unreferenced", 2),
        ]),
    };
    assert_eq!((ecs, modelarts), (want_ecs, want_modelarts));
}

#[test]
fn corpus_pages_read_without_errors() {
    let Some(corpus) = corpus() else { return };
    for service in ["ecs", "modelarts"] {
        for (parsed, _) in service_pages(&corpus, service) {
            let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{errors:#?}");
        }
    }
}

/// Every row of a parameter table (a table whose header names its first
/// column as parameters) of an API page reaches the IR — as a parameter,
/// a model field, or the key of a map ("Name of the network ...") — or has
/// a diagnostic on its line or its table's.
#[test]
fn corpus_rows_reach_the_ir_or_a_diagnostic() {
    let Some(corpus) = corpus() else { return };
    let mut dropped = Vec::new();
    let mut rows = 0;
    for service in ["ecs", "modelarts"] {
        for (parsed, source) in service_pages(&corpus, service) {
            let Some(page) = &parsed.page else { continue };
            let names = ir_names(page);
            let flagged: BTreeSet<u32> = parsed
                .diagnostics
                .iter()
                .filter_map(|d| d.primary.as_ref())
                .map(|l| l.span.line)
                .collect();
            for (table_line, t) in parameter_tables(&to_blocks(&source, Format::Html)) {
                let Some(columns) = table::columns(t) else {
                    continue;
                };
                for row in table::rows(t, &columns) {
                    rows += 1;
                    let key = row.name.contains(char::is_whitespace) && has_map(page);
                    if !names.contains(&row.name)
                        && !key
                        && !flagged.contains(&row.line)
                        && !flagged.contains(&table_line)
                    {
                        dropped.push(format!("{}:{} {}", page.file, row.line, row.name));
                    }
                }
            }
        }
    }
    assert!(rows > 3000, "parameter-table rows: {rows}");
    assert!(
        dropped.is_empty(),
        "rows in no IR and no diagnostic:\n{}",
        dropped.join("\n")
    );
}

/// Every parameter and field name of a page.
fn ir_names(page: &Page) -> BTreeSet<String> {
    let parameters = page
        .operation
        .parameters
        .iter()
        .map(|p| p.field.name.clone());
    let fields = page
        .models
        .iter()
        .flat_map(|m| &m.fields)
        .map(|f| f.name.clone());
    let headers = page
        .operation
        .responses
        .iter()
        .flat_map(|r| &r.headers)
        .map(|h| h.name.clone());
    parameters.chain(fields).chain(headers).collect()
}

fn has_map(page: &Page) -> bool {
    fn is_map(ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Map(_) => true,
            TypeRef::Array(inner) => is_map(inner),
            _ => false,
        }
    }
    let bodies = page
        .operation
        .responses
        .iter()
        .filter_map(|r| r.body.as_ref());
    let fields = page.models.iter().flat_map(|m| &m.fields).map(|f| &f.ty);
    bodies.chain(fields).any(is_map)
}

/// The page's tables whose header names parameters, with their lines,
/// those inside lists and notes too.
fn parameter_tables(blocks: &[Block]) -> Vec<(u32, &Table)> {
    let mut out = Vec::new();
    for b in blocks {
        match &b.kind {
            BlockKind::Table(t)
                if table::columns(t).is_some_and(|c| c.first() == Some(&table::Column::Name)) =>
            {
                out.push((b.line, t));
            }
            BlockKind::List { items, .. } => {
                out.extend(items.iter().flat_map(|item| parameter_tables(item)));
            }
            BlockKind::Note(inner) => out.extend(parameter_tables(inner)),
            _ => {}
        }
    }
    out
}
