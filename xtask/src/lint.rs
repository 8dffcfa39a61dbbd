//! The OpenAPI linters of `cargo xtask test`: redocly (`recommended`, from
//! `redocly.yaml`) and spectral (`spectral:oas`, from `.spectral.js`), both
//! pinned by `package.json` + `package-lock.json` and installed by `npm ci`.
//!
//! They lint `generated/openapi/*.yaml` and the specs of the real-page
//! corpora beside the repository (`../shared/corpus/{otc,hwc}`, or under
//! `$APIDOC_CORPUS`), generated
//! into a temporary directory; a corpus that is absent or whose pages have
//! errors is skipped with a message. Any linter error fails the step;
//! warnings are printed (docs/LINT.md says why each rule that warns stays).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

/// Overrides where the corpora are (default `../shared/corpus` beside the
/// repository).
const CORPUS_VAR: &str = "APIDOC_CORPUS";

/// The corpora linted when `../shared/corpus/<name>` exists.
const CORPORA: [&str; 2] = ["otc", "hwc"];

/// Lints every spec and fails on the first linter that reports an error.
pub fn run(root: &Path) -> Result<(), String> {
    let mut specs = specs_in(&root.join("generated/openapi"))?;
    let scratch = std::env::temp_dir().join(format!("apidoc-lint-{}", std::process::id()));
    for corpus in CORPORA {
        specs.extend(corpus_specs(root, corpus, &scratch)?);
    }
    let result = lint(root, &specs);
    // The scratch copies are regenerated on every run.
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Runs both linters on all specs at once (one Node start each).
fn lint(root: &Path, specs: &[PathBuf]) -> Result<(), String> {
    let specs: Vec<&str> = specs.iter().filter_map(|spec| spec.to_str()).collect();
    let mut redocly = vec!["lint", "--format=summary", "--max-problems=100000"];
    redocly.extend(&specs);
    tool(root, "redocly", &redocly)?;
    let mut spectral = vec![
        "lint",
        "--ruleset",
        ".spectral.js",
        "--fail-severity",
        "error",
    ];
    spectral.extend(&specs);
    tool(root, "spectral", &spectral)
}

/// Runs a tool of `node_modules/.bin` (installed by `npm ci`).
pub fn tool(root: &Path, name: &str, args: &[&str]) -> Result<(), String> {
    let program = root.join("node_modules/.bin").join(name);
    eprintln!("==> {name} {}", args.join(" "));
    let status = Command::new(&program)
        .args(args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run {}: {e} (did `npm ci` run?)", program.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} reports errors ({status})"))
    }
}

/// The `*.yaml` files of a directory, sorted.
fn specs_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut specs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    specs.sort();
    Ok(specs)
}

/// Generates the corpus `name` into `scratch/name` and lists its specs;
/// none (with a message) when the corpus is absent or has errors.
fn corpus_specs(root: &Path, name: &str, scratch: &Path) -> Result<Vec<PathBuf>, String> {
    let corpora =
        std::env::var_os(CORPUS_VAR).map_or_else(|| root.join("../shared/corpus"), PathBuf::from);
    let docs = corpora.join(name);
    if !docs.is_dir() {
        eprintln!(
            "==> lint: skipping the {name} corpus: {} is absent",
            docs.display()
        );
        return Ok(Vec::new());
    }
    let output = apidoc_pipeline::run(&docs, &|| {})?;
    if output.has_errors() {
        let errors = output.diagnostics.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "==> lint: skipping the {name} corpus: its pages have {errors} error(s) \
             (`cargo xtask generate --docs {}` shows them)",
            docs.display()
        );
        return Ok(Vec::new());
    }
    let out = scratch.join(name);
    crate::output::replace_dir(&out, &output.files)?;
    specs_in(&out.join("openapi"))
}
