//! The pipeline driver: docs directory → generated files and diagnostics.
//!
//! A docs directory holds one folder per service: a `service.toml` with the
//! facts pages do not state (see [`apidoc_ir::ServiceMeta`]) and the pages (`.txt`,
//! `.html`, `.md`). [`run`] loads every service, parses the pages in
//! parallel, merges and checks them, and emits the files that belong under
//! `generated/`. It writes nothing: the caller decides whether the findings
//! allow writing.

mod load;

/// The README's examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

use std::{collections::BTreeMap, path::Path};

use apidoc_ir::{Diagnostic, Page, Service, Severity};
use rayon::prelude::*;

pub use load::{PageFile, ServiceInput, load_docs};

/// Where generated Rust crates find the runtime, relative to their folder
/// `generated/rust/<service>/`.
pub const RUNTIME_PATH: &str = "../../../crates/apidoc-runtime";

/// Everything one run produces.
#[derive(Debug, Default)]
pub struct Output {
    /// Generated files: path relative to the output directory → content.
    pub files: BTreeMap<String, String>,
    /// Findings of every stage, in page order.
    pub diagnostics: Vec<Diagnostic>,
    /// The merged services.
    pub services: Vec<Service>,
    /// Counts for the closing report, per service (by name), in docs order.
    pub stats: Vec<(String, Stats)>,
}

/// What a run saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Pages read.
    pub pages: usize,
    /// Bytes of page text read.
    pub bytes: u64,
    /// Pages that documented an operation.
    pub api_pages: usize,
    /// Operations after merging.
    pub operations: usize,
    /// Parameters (path, query, header) after merging.
    pub parameters: usize,
    /// Model fields after merging.
    pub fields: usize,
}

impl Output {
    /// The counts of all services added up.
    pub fn total(&self) -> Stats {
        let mut total = Stats::default();
        for (_, stats) in &self.stats {
            total.pages += stats.pages;
            total.bytes += stats.bytes;
            total.api_pages += stats.api_pages;
            total.operations += stats.operations;
            total.parameters += stats.parameters;
            total.fields += stats.fields;
        }
        total
    }

    /// True when a finding is an error: nothing may be written.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Runs the pipeline over `docs`. `on_page` is called once per page parsed
/// (for progress display), from any thread. Services are processed in
/// parallel and collected in docs order, so the output does not depend on
/// scheduling.
pub fn run(docs: &Path, on_page: &(dyn Fn() + Sync)) -> Result<Output, String> {
    let inputs = load_docs(docs)?;
    let runs: Vec<ServiceRun> = inputs
        .into_par_iter()
        .map(|input| run_service(input, on_page))
        .collect();
    let mut output = Output::default();
    for run in runs {
        output.diagnostics.extend(run.diagnostics);
        output
            .stats
            .push((run.service.meta.name.clone(), run.stats));
        output.files.extend(run.files);
        output.services.push(run.service);
    }
    output.files.insert(
        "FINDINGS.md".to_owned(),
        apidoc_check::findings_report(&output.diagnostics),
    );
    Ok(output)
}

/// What one service contributes to the [`Output`].
struct ServiceRun {
    diagnostics: Vec<Diagnostic>,
    stats: Stats,
    files: BTreeMap<String, String>,
    service: Service,
}

/// Parses, merges, checks and emits one service.
fn run_service(input: ServiceInput, on_page: &(dyn Fn() + Sync)) -> ServiceRun {
    let parsed = parse_pages(&input, on_page);
    let mut stats = Stats {
        pages: parsed.len(),
        bytes: input.pages.iter().map(|p| p.size).sum(),
        ..Stats::default()
    };
    let mut diagnostics = Vec::new();
    let mut pages: Vec<Page> = Vec::new();
    for result in parsed {
        diagnostics.extend(result.diagnostics);
        pages.extend(result.page);
    }
    stats.api_pages = pages.len();
    diagnostics.extend(input.diagnostics);
    let (service, check_diagnostics) = apidoc_check::build_service(input.meta, pages);
    diagnostics.extend(check_diagnostics);
    count(&service, &mut stats);
    let files = emit(&service);
    ServiceRun {
        diagnostics,
        stats,
        files,
        service,
    }
}

/// Parses one service's pages in parallel, keeping page order. Each page
/// is read just before it is parsed and dropped right after.
pub fn parse_pages(
    input: &ServiceInput,
    on_page: &(dyn Fn() + Sync),
) -> Vec<apidoc_parser::Parsed> {
    input
        .pages
        .par_iter()
        .map(|page| {
            let parsed = read_and_parse(page);
            on_page();
            parsed
        })
        .collect()
}

fn read_and_parse(page: &PageFile) -> apidoc_parser::Parsed {
    match std::fs::read(&page.path) {
        Ok(bytes) => apidoc_parser::parse_page(&page.name, &bytes, page.format),
        Err(e) => apidoc_parser::Parsed {
            page: None,
            diagnostics: vec![Diagnostic::error(
                "page-unreadable",
                format!("expected a readable page file, found an error: {e}"),
                apidoc_ir::Span::new(&page.name, 1),
                "cannot read this file",
            )],
        },
    }
}

/// The OpenAPI document and the Rust crate of `service`, emitted in
/// parallel.
fn emit(service: &Service) -> BTreeMap<String, String> {
    let name = &service.meta.name;
    let (openapi, rust) = rayon::join(
        || apidoc_openapi::emit(service),
        || apidoc_rust::emit(service, RUNTIME_PATH),
    );
    let mut files: BTreeMap<String, String> = rust
        .into_iter()
        .map(|(path, content)| (format!("rust/{name}/{path}"), content))
        .collect();
    files.insert(format!("openapi/{name}.yaml"), openapi);
    files
}

fn count(service: &Service, stats: &mut Stats) {
    stats.operations += service.operations.len();
    stats.parameters += service
        .operations
        .iter()
        .map(|o| o.parameters.len())
        .sum::<usize>();
    stats.fields += service.models.iter().map(|m| m.fields.len()).sum::<usize>();
}
