//! `cargo xtask fixes suggest`: the `fixes.yaml` entries that the pages'
//! own examples suggest (see `apidoc_fixes::suggest`), printed, or added
//! to each service's `fixes.yaml` for review.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use apidoc_fixes::{Suggestions, yaml};
use apidoc_pipeline::ServiceInput;

/// Arguments of `cargo xtask fixes`.
#[derive(clap::Args)]
pub struct FixesArgs {
    #[command(subcommand)]
    command: FixesCommand,
}

#[derive(clap::Subcommand)]
enum FixesCommand {
    /// Draft a fix wherever a page's table and its own example disagree in
    /// a way with one clear correction (a field named in the singular, a
    /// wrapper only the example shows, a list the table calls one object,
    /// null where the table does not allow it, a plain member no table
    /// lists), try it on the pages, and print the fixes that hold as
    /// fixes.yaml text; with --write, add them to each service's
    /// fixes.yaml, marked `suggested: true`.
    Suggest {
        /// The docs directory: one folder per service.
        #[arg(long, default_value = "docs-input")]
        docs: PathBuf,
        /// Only this service (its folder or service name).
        #[arg(long)]
        service: Option<String>,
        /// Add the suggestions to `<docs>/<service>/fixes.yaml` (those
        /// already there are not added again) instead of printing them.
        #[arg(long)]
        write: bool,
    },
}

/// Runs `cargo xtask fixes ...`.
pub fn run(root: &Path, args: &FixesArgs) -> Result<ExitCode, String> {
    let FixesCommand::Suggest {
        docs,
        service,
        write,
    } = &args.command;
    let docs = root.join(docs);
    let bar = crate::progress_bar(&docs)?;
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let services = apidoc_pipeline::suggest_fixes(&docs, service.as_deref(), &tick)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut stdout = std::io::stdout().lock();
    for (input, suggestions) in &services {
        let file = input.dir.join(apidoc_fixes::FILE_NAME);
        let shown = shown_path(&docs, &file);
        let done = if *write {
            write_file(&file, &shown, suggestions)?
        } else {
            print(&mut stdout, &shown, suggestions)?;
            String::new()
        };
        eprintln!("{}{done}", summary(input, suggestions));
    }
    Ok(ExitCode::SUCCESS)
}

/// The file's path as the user names it: under the docs directory given.
fn shown_path(docs: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(docs).unwrap_or(file);
    format!("{}/{}", docs.display(), relative.display())
}

/// "nat: 12 suggested (rename 2, wrap 1, ...); 3 findings without one".
fn summary(input: &ServiceInput, suggestions: &Suggestions) -> String {
    let kinds: Vec<String> = suggestions
        .counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| format!("{} {n}", kind.name()))
        .collect();
    let mut declined: Vec<_> = suggestions.declined.iter().map(|d| &d.finding).collect();
    declined.dedup();
    format!(
        "{}: {} suggested{}; {} finding(s) without a suggestion (FINDINGS.md says why)",
        input.meta.name,
        suggestions.suggestions.len(),
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        },
        declined.len()
    )
}

/// The suggestions of one service as a YAML document naming its file.
fn print(out: &mut impl Write, shown: &str, suggestions: &Suggestions) -> Result<(), String> {
    if suggestions.suggestions.is_empty() {
        return Ok(());
    }
    let text = format!(
        "---\n# {shown}\nfixes:\n{}",
        yaml::block(&suggestions.fixes(), "  ")
    );
    out.write_all(text.as_bytes())
        .map_err(|e| format!("stdout: {e}"))
}

/// Adds the suggestions `file` lacks to it (written whole, by rename);
/// says how many were added.
fn write_file(file: &Path, shown: &str, suggestions: &Suggestions) -> Result<String, String> {
    let existing = match std::fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    let added = yaml::add_to_file(existing.as_deref(), shown, &suggestions.fixes())?;
    if added.added > 0 {
        let dir = file.parent().unwrap_or(Path::new("."));
        let mut staged =
            tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("{shown}: {e}"))?;
        staged
            .write_all(added.text.as_bytes())
            .map_err(|e| format!("{shown}: {e}"))?;
        staged.persist(file).map_err(|e| format!("{shown}: {e}"))?;
    }
    let kept = suggestions.suggestions.len().saturating_sub(added.added);
    Ok(format!(
        " → {shown}: {} added, {kept} already there",
        added.added
    ))
}
