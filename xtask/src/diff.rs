//! `cargo xtask diff`: the semantic API changelog between two docs
//! directories (or the working tree's docs and a git revision's), and the
//! one-line summaries `generate` prints of what it changed.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::{Command, ExitCode, Stdio},
    time::Instant,
};

use apidoc_diff::{Changelog, LeftOutPage, Reading};
use apidoc_ir::Service;
use rayon::prelude::*;

/// Arguments of `cargo xtask diff`.
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old docs directory (laid out like docs-input).
    #[arg(long, conflicts_with = "base", required_unless_present = "base")]
    old: Option<PathBuf>,
    /// The new docs directory.
    #[arg(long, default_value = "docs-input")]
    new: PathBuf,
    /// Compare --new with the same directory at this git revision
    /// (`HEAD`, `main`, a commit) instead of --old.
    #[arg(long)]
    base: Option<String>,
    /// How to print the changelog.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Exit with status 1 when a change of this class is found.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

/// Output formats.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// A pull-request comment.
    Markdown,
    /// Machine-readable, every change with its verdicts and page lines.
    Json,
}

/// Classes of change `--fail-on` can stop on.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    /// A certain API change breaking a caller of the Rust SDK or on the
    /// wire (the changelog's Breaking section; documentation-only,
    /// folded and uncertain changes do not count).
    Breaking,
}

/// Runs `cargo xtask diff`: prints the changelog on stdout; the exit
/// status is 1 only with `--fail-on breaking` and a breaking change.
pub fn run(root: &Path, args: &DiffArgs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let new_dir = root.join(&args.new);
    let checkout;
    let old_dir = match (&args.old, &args.base) {
        (Some(old), _) => root.join(old),
        (None, Some(rev)) => {
            checkout = git_checkout(root, rev, &new_dir)?;
            checkout.1.clone()
        }
        (None, None) => return Err("give --old DIR or --base REV".to_owned()),
    };
    let (old, new) = rayon::join(|| read(&old_dir), || read(&new_dir));
    let (old, new) = (old?, new?);
    let read = started.elapsed();
    let changelog = apidoc_diff::diff(&old, &new);
    let compared = started.elapsed() - read;
    let text = match args.format {
        Format::Markdown => changelog.markdown(),
        Format::Json => changelog.json(),
    };
    print!("{text}");
    let changes: usize = changelog.services.iter().map(|s| s.changes.len()).sum();
    eprintln!(
        "compared {} service(s), {changes} change(s) [reading both sides {read:.2?}, comparing {compared:.2?}]",
        changelog.services.len(),
    );
    Ok(exit_code(&changelog, args.fail_on))
}

fn exit_code(changelog: &Changelog, fail_on: Option<FailOn>) -> ExitCode {
    match fail_on {
        Some(FailOn::Breaking) if changelog.has_breaking() => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

/// A docs directory read as `generate` reads it: its services and every
/// finding, pages left out included. Findings never stop the comparison;
/// the changelog reports them and marks the changes they explain.
fn read(docs: &Path) -> Result<Reading, String> {
    let output = apidoc_pipeline::read_services(docs, &|| {})?;
    let left_out = output
        .left_out
        .into_iter()
        .filter_map(|page| {
            let reason = page.reasons.first()?.clone();
            Some(LeftOutPage {
                // A page is left out only when its method and path
                // cannot be read.
                operation: None,
                file: page.file,
                reason,
            })
        })
        .collect();
    Ok(Reading {
        services: output.services,
        findings: output.diagnostics,
        left_out,
    })
}

/// `docs` as it is at git revision `rev`, extracted into a temporary
/// directory (kept alive by the returned handle).
fn git_checkout(
    root: &Path,
    rev: &str,
    docs: &Path,
) -> Result<(tempfile::TempDir, PathBuf), String> {
    let relative = docs.strip_prefix(root).map_err(|_| {
        format!(
            "--base needs --new inside the repository, found {}",
            docs.display()
        )
    })?;
    let temp = tempfile::tempdir().map_err(|e| format!("temporary directory: {e}"))?;
    let mut git = Command::new("git")
        .current_dir(root)
        .args(["archive", "--format=tar", rev, "--"])
        .arg(relative)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running git: {e}"))?;
    let stdout = git.stdout.take().ok_or("git archive: no output")?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(temp.path())
        .stdin(stdout)
        .status()
        .map_err(|e| format!("running tar: {e}"))?;
    let git = git.wait().map_err(|e| format!("git archive: {e}"))?;
    if !git.success() || !tar.success() {
        return Err(format!(
            "expected {} at git revision `{rev}`, found none (git archive failed)",
            relative.display()
        ));
    }
    let dir = temp.path().join(relative);
    Ok((temp, dir))
}

/// One line per service saying what a `generate` run changed in the API,
/// comparing with the IR snapshots the previous run left in `out`
/// (services no longer in the docs included). `files` is the new output:
/// a snapshot identical to the new one means no API change without being
/// read back, the common case of regenerating unchanged docs.
pub fn generation_summary(
    out: &Path,
    services: &[Service],
    files: &BTreeMap<String, String>,
) -> Vec<String> {
    let snapshots = out.join(apidoc_pipeline::IR_DIR);
    let gone = std::fs::read_dir(&snapshots)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let name = entry
                .ok()?
                .file_name()
                .to_string_lossy()
                .strip_suffix(".json")?
                .to_owned();
            let kept = services.iter().any(|s| s.meta.name == name);
            (!kept).then(|| format!("{name}: service removed from the docs"))
        });
    let mut lines: Vec<String> = services
        .par_iter()
        .map(|service| {
            let name = &service.meta.name;
            let snapshot = format!("{}/{name}.json", apidoc_pipeline::IR_DIR);
            let previous = std::fs::read_to_string(out.join(&snapshot));
            match previous {
                Ok(text) if files.get(&snapshot) == Some(&text) => {
                    apidoc_diff::ServiceDiff::unchanged(service).summary()
                }
                Ok(text) => match apidoc_diff::snapshot::read(&text) {
                    Ok(old) => apidoc_diff::ServiceDiff::new(&old, service).summary(),
                    Err(why) => unreadable(service, &why),
                },
                Err(_) => unreadable(service, "no previous snapshot"),
            }
        })
        .collect();
    let mut gone: Vec<String> = gone.collect();
    gone.sort();
    lines.extend(gone);
    lines
}

/// The summary of `service` when there is no previous snapshot to compare
/// with, and why.
fn unreadable(service: &Service, why: &str) -> String {
    format!(
        "{}: {} operation(s), {why} to compare with",
        service.meta.name,
        service.operations.len()
    )
}
