//! Writing the output directory all at once, and comparing it.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use rayon::prelude::*;

/// Replaces `out` with exactly `files`: everything is written to a sibling
/// temporary directory first and swapped in by renames, so a failure leaves
/// the old output untouched. Files are written in parallel: the kernel's
/// copying is a few milliseconds of the run that would otherwise have one
/// core to itself.
pub fn replace_dir(out: &Path, files: &BTreeMap<String, String>) -> Result<(), String> {
    let staging = sibling(out, "new");
    let old = sibling(out, "old");
    remove_if_exists(&staging)?;
    remove_if_exists(&old)?;
    let dirs: BTreeSet<PathBuf> = files
        .keys()
        .filter_map(|name| Some(staging.join(name).parent()?.to_path_buf()))
        .collect();
    for dir in &dirs {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    files.par_iter().try_for_each(|(name, content)| {
        let path = staging.join(name);
        fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    if out.exists() {
        fs::rename(out, &old).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    fs::rename(&staging, out).map_err(|e| format!("{}: {e}", out.display()))?;
    remove_if_exists(&old)
}

/// Files under `out` that differ from `files`: changed, missing or extra.
pub fn stale_files(out: &Path, files: &BTreeMap<String, String>) -> Result<Vec<String>, String> {
    let mut stale = Vec::new();
    for (name, content) in files {
        match fs::read_to_string(out.join(name)) {
            Ok(existing) if &existing == content => {}
            Ok(_) => stale.push(format!("{name} (differs)")),
            Err(_) => stale.push(format!("{name} (missing)")),
        }
    }
    let expected: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    for name in list_files(out, out)? {
        if !expected.contains(name.as_str()) {
            stale.push(format!("{name} (not generated any more)"));
        }
    }
    Ok(stale)
}

fn list_files(root: &Path, dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(out);
    };
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            out.extend(list_files(root, &path)?);
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    out.sort();
    Ok(out)
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_owned());
    out.with_file_name(format!(".{name}.{suffix}"))
}

fn remove_if_exists(path: &Path) -> Result<(), String> {
    if path.exists() {
        fs::remove_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
