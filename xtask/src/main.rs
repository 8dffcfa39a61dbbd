//! Project automation, run as `cargo xtask <command>`.
//!
//! - `generate`: docs-input/ → generated/ (OpenAPI, Rust SDK crates, findings).
//! - `check`: regenerates in memory and fails naming every stale file.
//! - `bench`: parses a docs directory repeatedly and reports pages/s, MB/s,
//!   then what a whole generation costs next to a parse.
//! - `diff`: the semantic API changelog between two docs directories
//!   (or the docs and a git revision's), breaking changes first.
//! - `fixes suggest`: the fixes.yaml entries the pages' own examples
//!   suggest where a table disagrees with them, printed or added to each
//!   service's fixes.yaml (`--write`) for review.
//! - `lint`: redocly and spectral on the generated and corpus specs.
//! - `contract`: each generated SDK against Prism mocking its spec.
//! - `bench-sdk`: times the debug and release builds of one generated SDK
//!   crate against progenitor's client of the same OpenAPI document.
//! - `sdk-test`: every crate of a docs directory generated as a user gets
//!   it, then clippy with warnings denied and its own tests, one line per
//!   crate (slow: minutes per service; not part of `test`).
//! - `test`: everything CI runs: Python and Node test tools, `check`, the
//!   OpenAPI linters, tests, the Prism contract test, clippy, docs.
//!
//! An error in a page leaves out the operation it concerns: `generate`
//! writes every other operation (generated/ is still replaced as a whole),
//! lists what was left out on stderr and in FINDINGS.md, and exits with
//! failure; `check` fails while anything is left out, as well as when a
//! file is stale.

mod bench;
mod bench_sdk;
mod contract;
mod diff;
mod fixes;
mod lint;
mod output;
mod sdk_test;
mod test;

use std::{
    io::IsTerminal,
    path::{Path, PathBuf},
    process::ExitCode,
    time::Instant,
};

use apidoc_pipeline::Output;

/// Generation builds and drops many small syntax trees and strings; mimalloc
/// serves them faster than the system allocator. It is built without
/// transparent huge pages (`no_thp` in Cargo.toml), which kept 2 MiB pages
/// resident for the few KiB touched in each.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

/// Reads Huawei Cloud API reference pages and generates OpenAPI and a Rust SDK.
#[derive(Parser)]
#[command(name = "cargo xtask", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read the pages in --docs and write OpenAPI, Rust crates and the
    /// findings report to --out. A page with an error loses its operation
    /// (listed at the end); the exit status is then non-zero.
    Generate(Dirs),
    /// Regenerate in memory and fail if any file under --out differs or an
    /// operation is left out because of an error.
    Check(Dirs),
    /// Parse every page of --docs repeatedly and report throughput, then
    /// time whole generations in memory against parse passes.
    Bench {
        #[command(flatten)]
        dirs: Dirs,
        /// How many passes over the pages to time.
        #[arg(long, default_value_t = 20)]
        iterations: u32,
    },
    /// The API changes between two docs directories, each classified
    /// breaking or not, with the page lines behind them.
    Diff(diff::DiffArgs),
    /// Corrections of page defects (fixes.yaml): `fixes suggest` drafts
    /// them from the pages' own examples.
    Fixes(fixes::FixesArgs),
    /// Lint the generated specs and those of the corpora in ../shared with
    /// redocly and spectral (needs `npm ci` first); fails on any error.
    Lint,
    /// Run the Prism contract test of every generated crate (needs `npm ci`).
    Contract,
    /// Time the debug and release builds of one service's generated SDK
    /// crate and of progenitor's client of the same spec (slow: minutes).
    BenchSdk {
        /// The docs directory: one folder per service.
        #[arg(long, default_value = "docs-input")]
        docs: PathBuf,
        /// The service (folder name) to generate and build.
        #[arg(long)]
        service: String,
        /// The scratch workspace, kept between runs so that dependencies
        /// stay built [default: `apidoc-bench-sdk` in the temp dir].
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Timed builds per crate and profile; the fastest counts.
        #[arg(long, default_value_t = 1)]
        runs: u32,
    },
    /// Generate the crate of every service of --docs outside this repository,
    /// then run `cargo clippy --all-targets -- -D warnings` and `cargo test`
    /// in each (one shared target directory); one line per crate, then a
    /// summary. Slow: minutes per service.
    SdkTest {
        /// The docs directory: one folder per service.
        #[arg(long)]
        docs: PathBuf,
        /// Only this service (folder name); repeat for more.
        #[arg(long)]
        service: Vec<String>,
        /// The scratch directory, kept between runs so that dependencies
        /// stay built [default: `apidoc-sdk-test` in the temp dir].
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Start each crate's Cargo.lock from this repository's instead of
        /// resolving the newest dependencies as a new user would.
        #[arg(long)]
        repo_lock: bool,
    },
    /// Install the Python and Node test tools, then run `check`, the OpenAPI
    /// linters, every test, clippy and rustdoc with warnings denied, and
    /// `sdk-test` on one real service when ../shared holds the corpus:
    /// what CI runs.
    Test,
}

#[derive(clap::Args)]
struct Dirs {
    /// The docs directory: one folder per service with service.toml and pages.
    #[arg(long, default_value = "docs-input")]
    docs: PathBuf,
    /// The output directory.
    #[arg(long, default_value = "generated")]
    out: PathBuf,
    /// Print warnings too (they are always written to FINDINGS.md).
    #[arg(long, short)]
    verbose: bool,
    /// Generated crates take apidoc-runtime from this git repository
    /// instead of a path to this checkout (outside `generated/` only).
    #[arg(long, value_name = "URL")]
    runtime_git: Option<String>,
    /// The commit, tag or branch of --runtime-git.
    #[arg(long, value_name = "REV", requires = "runtime_git")]
    runtime_rev: Option<String>,
}

impl Dirs {
    /// How the crates written to `out` find the runtime.
    fn crate_options(&self, root: &Path, out: &Path) -> apidoc_pipeline::CrateOptions {
        let mut options = apidoc_pipeline::CrateOptions::for_output(root, out);
        if let (Some(url), false) = (&self.runtime_git, options.workspace_member) {
            options.runtime = apidoc_pipeline::RuntimeSource::Git {
                url: url.clone(),
                rev: self.runtime_rev.clone(),
            };
        }
        options
    }
}

impl Default for Dirs {
    fn default() -> Self {
        Self {
            docs: "docs-input".into(),
            out: "generated".into(),
            verbose: false,
            runtime_git: None,
            runtime_rev: None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    let result = match cli.command {
        Command::Generate(dirs) => generate(&root, &dirs),
        Command::Check(dirs) => check(&root, &dirs),
        Command::Bench { dirs, iterations } => bench::run(&root.join(&dirs.docs), iterations),
        Command::Diff(args) => diff::run(&root, &args),
        Command::Fixes(args) => fixes::run(&root, &args),
        Command::Lint => lint::run(&root).map(|()| ExitCode::SUCCESS),
        Command::Contract => contract::run(&root).map(|()| ExitCode::SUCCESS),
        Command::BenchSdk {
            docs,
            service,
            dir,
            runs,
        } => bench_sdk::run(&bench_sdk::Options {
            root: &root,
            docs: &root.join(docs),
            service: &service,
            dir: &dir.unwrap_or_else(|| std::env::temp_dir().join("apidoc-bench-sdk")),
            runs,
        }),
        Command::SdkTest {
            docs,
            service,
            dir,
            repo_lock,
        } => sdk_test::run(&sdk_test::Options {
            root: &root,
            docs: &root.join(docs),
            services: &service,
            dir: &root.join(dir.unwrap_or_else(|| std::env::temp_dir().join("apidoc-sdk-test"))),
            repo_lock,
        }),
        Command::Test => test::run(&root, &|| check(&root, &Dirs::default())),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Relative paths are taken from the workspace root, where `cargo xtask`
/// is meant to run, wherever it was started.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn generate(root: &Path, dirs: &Dirs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let docs = root.join(&dirs.docs);
    let out = root.join(&dirs.out);
    let output = run_pipeline(&docs, &dirs.crate_options(root, &out))?;
    report(&docs, &output, dirs.verbose);
    let summary = diff::generation_summary(&out, &output.services, &output.files);
    output::replace_dir(&out, &output.files)?;
    summary.iter().for_each(|line| eprintln!("{line}"));
    for (name, s) in &output.stats {
        eprintln!("{name:>16}: {}", describe(s));
    }
    eprintln!(
        "generated {} files in {} [{:.2?}]: {}",
        output.files.len(),
        out.display(),
        started.elapsed(),
        describe(&output.total())
    );
    let status = left_out_status(&output);
    // The process ends here: freeing the services and files one by one
    // would be a few milliseconds of a single thread for nothing.
    std::mem::forget(output);
    Ok(status)
}

/// Lists the pages left out (file:line, why) and says whether the run
/// failed: it does while the pages have errors.
fn left_out_status(output: &Output) -> ExitCode {
    for page in &output.left_out {
        eprintln!(
            "left out: {}: the page because of {}",
            page.span(),
            page.why()
        );
    }
    if !output.has_errors() {
        return ExitCode::SUCCESS;
    }
    let degraded = output
        .diagnostics
        .iter()
        .filter(|d| d.degraded.is_some())
        .count();
    eprintln!(
        "error: the pages have errors (above; in FINDINGS.md): {} part(s) degraded, {} page(s) left out",
        degraded,
        output.left_out.len()
    );
    ExitCode::FAILURE
}

/// "N pages (M API pages): O operations, P parameters, F schema fields,
/// V/E examples valid".
fn describe(s: &apidoc_pipeline::Stats) -> String {
    format!(
        "{} pages ({} API pages): {} operations, {} parameters, {} schema fields, {}/{} examples valid",
        s.pages, s.api_pages, s.operations, s.parameters, s.fields, s.examples_valid, s.examples
    )
}

fn check(root: &Path, dirs: &Dirs) -> Result<ExitCode, String> {
    let docs = root.join(&dirs.docs);
    let out = root.join(&dirs.out);
    let output = run_pipeline(&docs, &dirs.crate_options(root, &out))?;
    report(&docs, &output, dirs.verbose);
    let stale = output::stale_files(&out, &output.files)?;
    if stale.is_empty() {
        eprintln!(
            "{} is up to date ({} files)",
            out.display(),
            output.files.len()
        );
        return Ok(left_out_status(&output));
    }
    for line in &stale {
        eprintln!("stale: {line}");
    }
    eprintln!(
        "error: {} file(s) under {} are stale; run `cargo xtask generate`",
        stale.len(),
        out.display()
    );
    left_out_status(&output);
    Ok(ExitCode::FAILURE)
}

/// Runs the pipeline with a progress bar on an interactive terminal.
fn run_pipeline(docs: &Path, options: &apidoc_pipeline::CrateOptions) -> Result<Output, String> {
    let bar = progress_bar(docs)?;
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let output = apidoc_pipeline::run_with(docs, options, &tick);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    output
}

/// A progress bar over the pages of `docs`, for runs long enough to want
/// one on an interactive terminal; `None` otherwise (CI logs stay clean).
fn progress_bar(docs: &Path) -> Result<Option<ProgressBar>, String> {
    const MANY_PAGES: u64 = 50;
    if !std::io::stderr().is_terminal() {
        return Ok(None);
    }
    let pages: u64 = apidoc_pipeline::load_docs(docs)?
        .iter()
        .map(|s| s.pages.len() as u64)
        .sum();
    if pages < MANY_PAGES {
        return Ok(None);
    }
    let bar = ProgressBar::new(pages);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    Ok(Some(bar))
}

/// Prints errors (and warnings with --verbose) rustc-style, and a summary.
fn report(docs: &Path, output: &Output, verbose: bool) {
    let shown: Vec<_> = output
        .diagnostics
        .iter()
        .filter(|d| verbose || d.is_error())
        .cloned()
        .collect();
    let sources = |file: &str| std::fs::read_to_string(docs.join(file)).ok();
    if !shown.is_empty() {
        eprint!(
            "{}",
            apidoc_check::render(&shown, &sources, std::io::stderr().is_terminal())
        );
    }
    let errors = output.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = output.diagnostics.len() - errors;
    let mut by_code = std::collections::BTreeMap::<&str, usize>::new();
    for d in &output.diagnostics {
        *by_code.entry(d.code.as_str()).or_default() += 1;
    }
    let kinds: Vec<String> = by_code
        .iter()
        .map(|(code, n)| format!("{code}: {n}"))
        .collect();
    eprintln!(
        "{errors} error(s), {warnings} warning(s){}",
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        }
    );
}
