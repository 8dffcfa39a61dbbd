//! `cargo xtask sdk-test`: every generated crate of a docs directory built
//! and tested as a user outside this repository would.
//!
//! Each service's crate is generated into `<dir>/rust/<service>/` as
//! `generate --out <dir>` writes it (a workspace of its own, the runtime by
//! path), then, one crate after another, `cargo clippy --all-targets --
//! -D warnings` and `cargo test` run in it. All crates share one target
//! directory (`<dir>/target`), so dependencies build once; the scratch
//! directory is kept between runs. A crate fails on any clippy finding, on
//! any warning of a crate it builds from source (the runtime), and on any
//! failing test; its line names what failed and the logs are kept in
//! `<dir>/logs/`. Each crate resolves its own dependencies on its first
//! run, as a new user's would, unless `--repo-lock` starts it from this
//! repository's `Cargo.lock` (what CI does, so that it only moves with the
//! repository).

use std::{
    fs,
    path::Path,
    process::{Command, ExitCode, Output},
    time::{Duration, Instant},
};

/// What to test and where.
pub struct Options<'a> {
    /// The workspace root (the runtime, `Cargo.lock`).
    pub root: &'a Path,
    /// The docs directory: one folder per service.
    pub docs: &'a Path,
    /// Only these services (folder names); every service when empty.
    pub services: &'a [String],
    /// The scratch directory.
    pub dir: &'a Path,
    /// Start each crate's lock file from the repository's.
    pub repo_lock: bool,
}

/// How one crate did.
struct Outcome {
    service: String,
    /// What failed, in the order checked; empty when the crate passed.
    failures: Vec<String>,
    took: Duration,
}

/// Generates, checks and tests every selected crate; prints one line per
/// crate and a summary; fails when any crate does.
pub fn run(options: &Options) -> Result<ExitCode, String> {
    let started = Instant::now();
    let crate_options = apidoc_pipeline::CrateOptions::for_output(options.root, options.dir);
    let output = apidoc_pipeline::run_with(options.docs, &crate_options, &|| {})?;
    let services = selected(&output, options)?;
    let logs = options.dir.join("logs");
    fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let mut outcomes = Vec::new();
    for (n, service) in services.iter().enumerate() {
        eprintln!(
            "[{}/{}] {service}: clippy ({:.0?} so far)",
            n + 1,
            services.len(),
            started.elapsed()
        );
        let crate_dir = write_crate(&output, options, service)?;
        let outcome = test_crate(service, &crate_dir, options.dir, &logs)?;
        println!("{}", line(&outcome));
        outcomes.push(outcome);
    }
    let failed = outcomes.iter().filter(|o| !o.failures.is_empty()).count();
    println!(
        "{} crate(s): {} passed, {failed} failed [{:.0?}]; logs in {}",
        outcomes.len(),
        outcomes.len() - failed,
        started.elapsed(),
        logs.display()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The services to test, in docs order; an unknown name is an error.
fn selected(output: &apidoc_pipeline::Output, options: &Options) -> Result<Vec<String>, String> {
    let all: Vec<String> = output
        .services
        .iter()
        .map(|s| s.meta.name.clone())
        .collect();
    if let Some(unknown) = options.services.iter().find(|s| !all.contains(s)) {
        return Err(format!(
            "{}: expected a service folder `{unknown}`, found only {}",
            options.docs.display(),
            all.join(", ")
        ));
    }
    Ok(all
        .into_iter()
        .filter(|s| options.services.is_empty() || options.services.contains(s))
        .collect())
}

/// Writes the crate of `service` (files unchanged since the last run stay
/// untouched, so their builds stay fresh) and, with `repo_lock`, its first
/// lock file; returns its folder.
fn write_crate(
    output: &apidoc_pipeline::Output,
    options: &Options,
    service: &str,
) -> Result<std::path::PathBuf, String> {
    let prefix = format!("rust/{service}/");
    let files = output
        .files
        .iter()
        .filter_map(|(path, content)| Some((path.strip_prefix(&prefix)?, content.as_str())));
    let crate_dir = options.dir.join("rust").join(service);
    crate::bench_sdk::write_files(&crate_dir, files)?;
    let lock = crate_dir.join("Cargo.lock");
    if options.repo_lock && !lock.exists() {
        let repo_lock = options.root.join("Cargo.lock");
        fs::copy(&repo_lock, &lock).map_err(|e| format!("{}: {e}", repo_lock.display()))?;
    }
    Ok(crate_dir)
}

/// Runs clippy and the tests of the crate in `crate_dir`, keeping their
/// output in `logs` (diagnostics rendered without colour codes, so the
/// logs read as text).
fn test_crate(service: &str, crate_dir: &Path, dir: &Path, logs: &Path) -> Result<Outcome, String> {
    let started = Instant::now();
    let mut failures = Vec::new();
    let clippy = cargo(
        crate_dir,
        dir,
        &[
            "clippy",
            "--all-targets",
            "--message-format=json",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    let findings = compiler_findings(&String::from_utf8_lossy(&clippy.stdout));
    keep_log(
        &logs.join(format!("{service}.clippy.log")),
        &clippy,
        &findings,
    )?;
    if let Some(failure) = clippy_failure(&clippy, &findings) {
        failures.push(failure);
    }
    eprintln!("      {service}: tests ({:.0?} in)", started.elapsed());
    let tests = cargo(crate_dir, dir, &["test", "--no-fail-fast"])?;
    keep_log(&logs.join(format!("{service}.test.log")), &tests, &[])?;
    if !tests.status.success() {
        failures.push(test_failure(&String::from_utf8_lossy(&tests.stdout)));
    }
    Ok(Outcome {
        service: service.to_owned(),
        failures,
        took: started.elapsed(),
    })
}

/// Runs cargo in `crate_dir` with the shared target directory below `dir`.
/// Debug info is left out of these throwaway builds (faster links, a
/// smaller target directory).
fn cargo(crate_dir: &Path, dir: &Path, args: &[&str]) -> Result<Output, String> {
    Command::new(env!("CARGO"))
        .args(args)
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env("CARGO_PROFILE_TEST_DEBUG", "false")
        .output()
        .map_err(|e| format!("cannot run cargo in {}: {e}", crate_dir.display()))
}

/// A warning or error of the compiler or clippy, from cargo's JSON lines.
struct Finding {
    /// `warning`, `error`.
    level: String,
    /// The crate it is in (cargo's package id, shortened to its name).
    package: String,
    /// The first line of the message.
    message: String,
    /// The message as the compiler prints it.
    rendered: String,
}

/// Every warning and error of the JSON lines cargo printed (registry
/// dependencies' lints are capped, so these are the crate's and its path
/// dependencies').
fn compiler_findings(stdout: &str) -> Vec<Finding> {
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|v| v["reason"] == "compiler-message")
        .filter_map(|v| {
            let message = &v["message"];
            let level = message["level"].as_str()?;
            // "aborting due to N previous errors" and "N warnings emitted"
            // have no code and no span: summaries, not findings.
            if message["spans"].as_array().is_none_or(Vec::is_empty) {
                return None;
            }
            Some(Finding {
                level: level.to_owned(),
                package: package_name(v["package_id"].as_str().unwrap_or_default()),
                message: message["message"].as_str().unwrap_or_default().to_owned(),
                rendered: message["rendered"].as_str().unwrap_or_default().to_owned(),
            })
        })
        .collect()
}

/// `path+file:///…/apidoc-runtime#0.1.0` or `registry+…#name@1.0` → the
/// crate's name.
fn package_name(id: &str) -> String {
    let (path, fragment) = id.rsplit_once('#').unwrap_or((id, ""));
    match fragment.split_once('@') {
        Some((name, _)) => name,
        None => path.rsplit('/').next().unwrap_or(path),
    }
    .to_owned()
}

/// Why clippy failed, or `None`: the findings by crate, level and message
/// (the first three), or cargo's own error when it found nothing.
fn clippy_failure(clippy: &Output, findings: &[Finding]) -> Option<String> {
    if findings.is_empty() {
        return (!clippy.status.success())
            .then(|| format!("clippy: {}", last_error_line(&clippy.stderr)));
    }
    let mut kinds: Vec<String> = findings
        .iter()
        .map(|f| format!("{} {} `{}`", f.package, f.level, f.message))
        .collect();
    kinds.sort();
    kinds.dedup();
    let more = kinds.len().saturating_sub(3);
    kinds.truncate(3);
    Some(format!(
        "clippy: {} finding(s): {}{}",
        findings.len(),
        kinds.join("; "),
        if more > 0 {
            format!("; {more} more kind(s)")
        } else {
            String::new()
        }
    ))
}

/// Why `cargo test` failed: the failing tests, or the build that did not
/// compile.
fn test_failure(stdout: &str) -> String {
    let failed: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("test ")?.strip_suffix(" ... FAILED"))
        .collect();
    if failed.is_empty() {
        return "tests: do not build or run (see the log)".to_owned();
    }
    // Ignored tests (the contract tests without their mock server) did not run.
    let ran = stdout
        .lines()
        .filter(|line| {
            line.starts_with("test ")
                && (line.ends_with(" ... ok") || line.ends_with(" ... FAILED"))
        })
        .count();
    format!(
        "tests: {} of {ran} failed: {}",
        failed.len(),
        failed.join(", ")
    )
}

/// The last line of cargo's stderr starting with `error`, else its last line.
fn last_error_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .rfind(|line| line.starts_with("error"))
        .or_else(|| text.lines().next_back())
        .unwrap_or("cargo failed")
        .to_owned()
}

/// Writes what a cargo run printed: the findings as rendered, then stdout
/// (unless it was JSON, already rendered) and stderr.
fn keep_log(path: &Path, output: &Output, findings: &[Finding]) -> Result<(), String> {
    let mut log: String = findings.iter().map(|f| f.rendered.as_str()).collect();
    if findings.is_empty() && !output.stdout.starts_with(b"{") {
        log.push_str(&String::from_utf8_lossy(&output.stdout));
    }
    log.push_str(&String::from_utf8_lossy(&output.stderr));
    fs::write(path, log).map_err(|e| format!("{}: {e}", path.display()))
}

/// `ims            pass   41s` or `ims  FAIL  41s  tests: 1 of 40 failed: show_image`.
fn line(outcome: &Outcome) -> String {
    let verdict = if outcome.failures.is_empty() {
        "pass"
    } else {
        "FAIL"
    };
    format!(
        "{:<16} {verdict} {:>5.0?}  {}",
        outcome.service,
        outcome.took,
        outcome.failures.join("; ")
    )
    .trim_end()
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_ids_give_crate_names() {
        assert_eq!(
            package_name("path+file:///work/repo/crates/apidoc-runtime#0.1.0"),
            "apidoc-runtime"
        );
        assert_eq!(
            package_name("path+file:///tmp/x/rust/ims#ims-sdk@0.1.0"),
            "ims-sdk"
        );
        assert_eq!(
            package_name("registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0"),
            "serde"
        );
    }

    #[test]
    fn compiler_messages_with_a_span_are_findings() {
        let stdout = [
            r#"{"reason":"compiler-artifact","package_id":"x"}"#,
            r#"{"reason":"compiler-message","package_id":"path+file:///r/crates/apidoc-runtime#0.1.0","message":{"level":"warning","message":"use of deprecated function","spans":[{}],"rendered":"warning: use of deprecated function\n"}}"#,
            r#"{"reason":"compiler-message","package_id":"path+file:///r/crates/apidoc-runtime#0.1.0","message":{"level":"warning","message":"1 warning emitted","spans":[],"rendered":""}}"#,
        ]
        .join("\n");
        let findings = compiler_findings(&stdout);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].package, "apidoc-runtime");
        assert_eq!(findings[0].level, "warning");
    }

    #[test]
    fn failing_tests_are_named() {
        let stdout = "running 4 tests\ntest list_images ... ok\ntest show_image ... FAILED\ntest delete_image ... ok\ntest contract::list_images ... ignored, needs a mock server\n";
        assert_eq!(test_failure(stdout), "tests: 1 of 3 failed: show_image");
        assert_eq!(
            test_failure("error: could not compile"),
            "tests: do not build or run (see the log)"
        );
    }
}
