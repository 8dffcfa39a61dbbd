//! The pipeline driver: docs directory → generated files and diagnostics.
//!
//! A docs directory holds one folder per service: a `service.toml` with the
//! facts pages do not state (see [`apidoc_ir::ServiceMeta`]), an optional
//! `fixes.yaml` correcting known page defects (`apidoc-fixes`) and the
//! pages (`.txt`, `.html`, `.md`). [`run`] loads every service, parses the pages in
//! parallel, merges and checks them, and emits the files that belong under
//! `generated/`. A page's problem degrades the part it concerns and every
//! operation is emitted; only a page the reader could make no operation of
//! is left out ([`apidoc_check::pages_left_out`]), listed in `FINDINGS.md`
//! and in [`Output::left_out`]. It writes nothing: the caller writes the
//! files and fails the run while the pages have errors.

mod load;

/// The README's examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

use std::{collections::BTreeMap, path::Path};

use apidoc_ir::{Diagnostic, Page, Service, Severity};
pub use apidoc_rust::{CrateOptions, RuntimeSource};
use rayon::prelude::*;

pub use load::{PageFile, ServiceInput, load_docs};

/// Where generated Rust crates find the runtime, relative to their folder
/// `generated/rust/<service>/`.
pub const RUNTIME_PATH: &str = apidoc_rust::WORKSPACE_RUNTIME_PATH;

/// The folder of the output directory holding each service's IR snapshot
/// (`ir/<service>.json`, see [`apidoc_diff::snapshot`]): the API the files
/// beside it were generated from, which the next run compares with.
pub const IR_DIR: &str = "ir";

/// Everything one run produces.
#[derive(Debug, Default)]
pub struct Output {
    /// Generated files: path relative to the output directory → content.
    pub files: BTreeMap<String, String>,
    /// Findings of every stage, in page order.
    pub diagnostics: Vec<Diagnostic>,
    /// The merged services.
    pub services: Vec<Service>,
    /// Pages the reader could make no operation of because of errors, per
    /// service in docs order, by file.
    pub left_out: Vec<apidoc_check::LeftOut>,
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
    /// Example bodies a table documents (request and response).
    pub examples: usize,
    /// Those of them that their schema accepts (no finding but members the
    /// tables do not list; the OpenAPI spec keeps the others out of
    /// `examples`).
    pub examples_valid: usize,
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
            total.examples += stats.examples;
            total.examples_valid += stats.examples_valid;
        }
        total
    }

    /// Each service's name and the number of operations written.
    pub fn service_counts(&self) -> Vec<apidoc_check::ServiceCount<'_>> {
        self.stats
            .iter()
            .map(|(name, stats)| apidoc_check::ServiceCount {
                name,
                operations: stats.operations,
            })
            .collect()
    }

    /// True when a finding is an error: the pages' owners must correct
    /// something, and the run fails.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Runs the pipeline over `docs` for output in this workspace's
/// `generated/`, see [`run_with`].
pub fn run(docs: &Path, on_page: &(dyn Fn() + Sync)) -> Result<Output, String> {
    run_with(docs, &CrateOptions::workspace_member(), on_page)
}

/// Runs the pipeline over `docs`, emitting the Rust crates with `options`
/// (see [`CrateOptions::for_output`]). `on_page` is called once per page
/// parsed (for progress display), from any thread. Services are read and
/// emitted in parallel, each emitted as soon as it is read (no service
/// waits for the others' pages), and collected in docs order, so the
/// output does not depend on scheduling.
pub fn run_with(
    docs: &Path,
    options: &CrateOptions,
    on_page: &(dyn Fn() + Sync),
) -> Result<Output, String> {
    let inputs = load_docs(docs)?;
    let runs: Vec<(ServiceRun, BTreeMap<String, String>)> = inputs
        .into_par_iter()
        .map(|input| {
            let run = read_service(input, on_page);
            let files = emit(&run.service, options);
            (run, files)
        })
        .collect();
    let mut output = Output::default();
    for (run, files) in runs {
        output.files.extend(files);
        output.add(run);
    }
    output.files.insert(
        "FINDINGS.md".to_owned(),
        apidoc_check::findings_report(
            &output.service_counts(),
            &output.diagnostics,
            &output.left_out,
        ),
    );
    Ok(output)
}

/// The first half of [`run`]: the merged services, diagnostics, pages left
/// out and counts, without generating any file (what `cargo xtask diff`
/// needs). Services are read in parallel, collected in docs order.
pub fn read_services(docs: &Path, on_page: &(dyn Fn() + Sync)) -> Result<Output, String> {
    let inputs = load_docs(docs)?;
    let runs: Vec<ServiceRun> = inputs
        .into_par_iter()
        .map(|input| read_service(input, on_page))
        .collect();
    let mut output = Output::default();
    runs.into_iter().for_each(|run| output.add(run));
    Ok(output)
}

impl Output {
    /// Appends what reading one service gave.
    fn add(&mut self, run: ServiceRun) {
        self.diagnostics.extend(run.diagnostics);
        self.left_out.extend(run.left_out);
        self.stats.push((run.service.meta.name.clone(), run.stats));
        self.services.push(run.service);
    }
}

/// What reading one service contributes to the [`Output`].
struct ServiceRun {
    diagnostics: Vec<Diagnostic>,
    left_out: Vec<apidoc_check::LeftOut>,
    stats: Stats,
    service: Service,
}

/// The fixes each service's examples suggest (see
/// [`apidoc_fixes::suggest()`]) once its `fixes.yaml` is applied, for the
/// services of `docs` (only the one named `only`, by folder or service
/// name, if given), in docs order.
pub fn suggest_fixes(
    docs: &Path,
    only: Option<&str>,
    on_page: &(dyn Fn() + Sync),
) -> Result<Vec<(ServiceInput, apidoc_fixes::Suggestions)>, String> {
    let mut inputs = load_docs(docs)?;
    if let Some(only) = only {
        inputs.retain(|input| input.meta.name == only || input.dir.ends_with(only));
        if inputs.is_empty() {
            return Err(format!("{}: no service `{only}`", docs.display()));
        }
    }
    Ok(inputs
        .into_par_iter()
        .map(|input| {
            let pages: Vec<Page> = parse_pages(&input, on_page)
                .into_iter()
                .filter_map(|parsed| parsed.page)
                .collect();
            let suggestions = apidoc_fixes::suggest_with(&input.fixes, pages);
            (input, suggestions)
        })
        .collect())
}

/// Parses, fixes, merges and checks one service; only pages the reader
/// could make no operation of are left out.
fn read_service(input: ServiceInput, on_page: &(dyn Fn() + Sync)) -> ServiceRun {
    let parsed = parse_pages(&input, on_page);
    let mut stats = Stats {
        pages: parsed.len(),
        bytes: input.pages.iter().map(|p| p.size).sum(),
        ..Stats::default()
    };
    let mut pages: Vec<Page> = Vec::new();
    let mut read_findings = Vec::new();
    for result in parsed {
        read_findings.extend(result.diagnostics);
        pages.extend(result.page);
    }
    stats.api_pages = pages.len();
    read_findings.extend(input.diagnostics);
    let left_out = apidoc_check::pages_left_out(&pages, &read_findings);
    let (service, diagnostics) = apidoc_fixes::build_with_fixes(
        &input.fixes,
        input.meta,
        pages,
        read_findings,
        apidoc_check::build_service,
    );
    count(&service, &mut stats);
    ServiceRun {
        diagnostics,
        left_out,
        stats,
        service,
    }
}

/// Parses one service's pages in parallel, keeping page order: every page
/// into blocks, then the links between pages followed
/// ([`apidoc_parser::crossref`]), then each page read. The findings on
/// links come after the pages' own, on the first page's result.
pub fn parse_pages(
    input: &ServiceInput,
    on_page: &(dyn Fn() + Sync),
) -> Vec<apidoc_parser::Parsed> {
    let mut prepared: Vec<Result<apidoc_parser::Prepared, Vec<Diagnostic>>> =
        input.pages.par_iter().map(read_and_prepare).collect();
    let mut blocks: Vec<apidoc_parser::crossref::PageBlocks> = prepared
        .iter_mut()
        .flatten()
        .map(|p| std::mem::take(&mut p.blocks))
        .collect();
    let link_findings = apidoc_parser::crossref::follow_links(&mut blocks);
    for (page, linked) in prepared.iter_mut().flatten().zip(blocks) {
        page.blocks = linked;
    }
    let mut out: Vec<apidoc_parser::Parsed> = prepared
        .into_par_iter()
        .map(|page| {
            let parsed = match page {
                Ok(page) => apidoc_parser::read_prepared(&page),
                Err(diagnostics) => apidoc_parser::Parsed {
                    page: None,
                    diagnostics,
                },
            };
            on_page();
            parsed
        })
        .collect();
    if let Some(first) = out.first_mut() {
        first.diagnostics.extend(link_findings);
    }
    out
}

fn read_and_prepare(page: &PageFile) -> Result<apidoc_parser::Prepared, Vec<Diagnostic>> {
    match std::fs::read(&page.path) {
        Ok(bytes) => apidoc_parser::prepare(&page.name, &bytes, page.format),
        Err(e) => Err(vec![Diagnostic::error(
            "page-unreadable",
            format!("expected a readable page file, found an error: {e}"),
            apidoc_ir::Span::new(&page.name, 1),
            "cannot read this file",
        )]),
    }
}

/// The OpenAPI document, the Rust crate and the IR snapshot of `service`,
/// emitted in parallel.
fn emit(service: &Service, options: &CrateOptions) -> BTreeMap<String, String> {
    let name = &service.meta.name;
    let (rust, (openapi, snapshot)) = rayon::join(
        || apidoc_rust::emit_with(service, options),
        || {
            rayon::join(
                || apidoc_openapi::emit(service),
                || apidoc_diff::snapshot::write(service),
            )
        },
    );
    let mut files: BTreeMap<String, String> = rust
        .into_iter()
        .map(|(path, content)| (format!("rust/{name}/{path}"), content))
        .collect();
    files.insert(format!("openapi/{name}.yaml"), openapi);
    files.insert(format!("{IR_DIR}/{name}.json"), snapshot);
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
    for op in &service.operations {
        for example in apidoc_check::check_examples(op, &service.models) {
            if example.schema.is_some() {
                stats.examples += 1;
                stats.examples_valid += usize::from(example.validates());
            }
        }
    }
}
