//! `cargo xtask test`: the one test command, run by CI and by developers.

use std::{
    path::Path,
    process::{Command, ExitCode},
};

/// Python packages the tests call (the OpenAPI validator), pinned.
const PYTHON_REQUIREMENTS: &str = "crates/apidoc-openapi/tests/requirements.txt";

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
