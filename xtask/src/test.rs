//! `cargo xtask test`: the one test command, run by CI and by developers.

use std::{
    path::Path,
    process::{Command, ExitCode},
};

/// Python packages the tests call (the OpenAPI validator), pinned.
const PYTHON_REQUIREMENTS: &str = "crates/apidoc-openapi/tests/requirements.txt";

/// The docs of the one real service whose crate CI builds and tests as a
/// user would (`sdk-test`), and that service: a small one, so that CI
/// stays well under its time limit.
const SDK_TEST_DOCS: &str = "../shared/corpus/hwc-scale";
const SDK_TEST_SERVICE: &str = "dds";

/// Runs every step in order and stops at the first failure.
pub fn run(root: &Path, check: &dyn Fn() -> Result<ExitCode, String>) -> Result<ExitCode, String> {
    step(
        "install Python test tools",
        root,
        "python3",
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            PYTHON_REQUIREMENTS,
        ],
        &[],
    )?;
    step(
        "install the OpenAPI tools (package-lock.json)",
        root,
        "npm",
        &["ci", "--no-audit", "--no-fund", "--loglevel=error"],
        &[],
    )?;
    eprintln!("==> cargo xtask check");
    if check()? != ExitCode::SUCCESS {
        return Err("generated/ is stale or the pages have errors (see above)".to_owned());
    }
    crate::lint::run(root)?;
    step(
        "tests",
        root,
        "cargo",
        &["test", "--workspace", "--quiet"],
        &[],
    )?;
    crate::contract::run(root)?;
    sdk_test(root)?;
    step(
        "clippy",
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    step(
        "rustdoc",
        root,
        "cargo",
        &["doc", "--workspace", "--no-deps", "--quiet"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    )?;
    eprintln!("==> all steps passed");
    Ok(ExitCode::SUCCESS)
}

/// `sdk-test` of one real service, in `target/sdk-test` with the
/// repository's lock; skipped (with a word) without the corpus.
fn sdk_test(root: &Path) -> Result<(), String> {
    let docs = root.join(SDK_TEST_DOCS);
    if !docs.is_dir() {
        eprintln!("==> sdk-test: skipped, {} is absent", docs.display());
        return Ok(());
    }
    eprintln!("==> sdk-test: {SDK_TEST_SERVICE} of {}", docs.display());
    let status = crate::sdk_test::run(&crate::sdk_test::Options {
        root,
        docs: &docs,
        services: &[SDK_TEST_SERVICE.to_owned()],
        dir: &root.join("target/sdk-test"),
        repo_lock: true,
    })?;
    if status == ExitCode::SUCCESS {
        Ok(())
    } else {
        Err(format!("sdk-test of {SDK_TEST_SERVICE} failed (see above)"))
    }
}

fn step(
    name: &str,
    root: &Path,
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    eprintln!("==> {name}: {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root)
        .status()
        .map_err(|e| format!("{name}: cannot run {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}
