//! The generated crates build against the real runtime, and `cargo fmt`
//! leaves them as they are: clippy with `-D warnings`, rustdoc with `-D warnings` (no broken links or stray HTML
//! from page text), the doc examples compile, their generated mock-server
//! tests pass, and the MetaStudio SDK behaves
//! (`tests/generated/metastudio_behaviour.rs`: requests on the wire,
//! decoding, validation), as do the pager fixture's paginators and job
//! waiters (`tests/generated/pager_behaviour.rs`, on its typed mocks). Then the same crates written outside this
//! repository, as `cargo xtask generate --out DIR` writes them (a workspace
//! of their own, the runtime by a path relative to their folder), pass
//! `cargo check --all-targets`. One test, as each cargo run is slow; the
//! build directory is shared between runs and between both layouts, so the
//! second costs only the check of the generated crates themselves.

mod fixtures;

use std::path::{Path, PathBuf};
use std::process::Command;

use apidoc_rust::CrateOptions;

#[test]
fn generated_crates_build_without_warnings() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("apidoc-rust-generated");
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../apidoc-runtime");
    let runtime = runtime.canonicalize().unwrap_or(runtime);
    let services = [
        fixtures::metastudio(),
        fixtures::awkward(),
        fixtures::pager(),
    ];
    let members: Vec<String> = services
        .iter()
        .map(|service| service.meta.name.clone())
        .collect();
    write_workspace(&root, &members);
    for service in &services {
        let dir = root.join(&service.meta.name);
        // Files of earlier runs must not linger (a renamed module, say).
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("remove the previous crate");
        }
        for (path, content) in apidoc_rust::emit(service, &runtime.to_string_lossy()) {
            write(&dir.join(path), &content);
        }
    }
    rustfmt_leaves_them_alone(&root);
    add_behaviour_tests(&root);
    cargo(
        &root,
        &[
            "clippy",
            "--offline",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    );
    cargo(&root, &["doc", "--offline", "--workspace", "--no-deps"]);
    cargo(&root, &["test", "--offline", "--workspace"]);
    build_outside_the_repository(&services, &root.join("target"));
}

/// Writes each crate with [`CrateOptions::for_output`] into a temporary
/// directory outside the repository and checks it there, with the build
/// directory of the workspace above (same lock file, same dependency
/// features: nothing but the generated crate is checked again).
fn build_outside_the_repository(services: &[apidoc_ir::Service], target: &Path) {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!("apidoc-outside-{}", std::process::id()));
    let options = CrateOptions::for_output(&repository, &out);
    assert!(!options.workspace_member, "{} is outside", out.display());
    for service in services {
        let dir = out.join("rust").join(&service.meta.name);
        for (path, content) in apidoc_rust::emit_with(service, &options) {
            write(&dir.join(path), &content);
        }
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
        assert!(!manifest.contains(".workspace = true"), "{manifest}");
        if let Ok(lock) = std::fs::read_to_string(repository.join("Cargo.lock")) {
            write(&dir.join("Cargo.lock"), &lock);
        }
        cargo_in(&dir, target, &["check", "--offline", "--all-targets"]);
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// Adds the behaviour test to a generated crate (test scaffolding; the
/// emitted files stay as they are, and their dev-dependencies serve it).
fn add_behaviour_tests(root: &Path) {
    write(
        &root.join("metastudio/tests/behaviour.rs"),
        include_str!("generated/metastudio_behaviour.rs"),
    );
    write(
        &root.join("pager/tests/behaviour.rs"),
        include_str!("generated/pager_behaviour.rs"),
    );
    write(
        &root.join("pager/tests/readme.rs"),
        &readme_waiter_example(),
    );
}

/// The README's waiter example, which names the pager fixture's crate: the
/// fenced block after the marker that says so, as a test file.
fn readme_waiter_example() -> String {
    let readme = include_str!("../../../README.md");
    let marker = "<!-- compiled by crates/apidoc-rust/tests/compile.rs";
    let after = &readme[readme
        .find(marker)
        .expect("the README marks its waiter example")..];
    let code = after
        .split_once("```rust,ignore\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("a rust block follows the marker")
        .0;
    format!(
        "//! The README's waiter example, compiled against the pager fixture.\n\
         #![allow(dead_code, reason = \"the example is compiled, not called\")]\n\n{code}"
    )
}

/// The workspace the generated crates inherit from, with the lints of this
/// repository's workspace and its lock file (so that `--offline` finds the
/// same versions).
fn write_workspace(root: &Path, members: &[String]) {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let manifest = std::fs::read_to_string(repository.join("Cargo.toml"))
        .expect("read the workspace manifest");
    let members: Vec<String> = members.iter().map(|name| format!("{name:?}")).collect();
    let text = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n\n[workspace.package]\nversion = \"0.1.0\"\n\n{}",
        members.join(", "),
        lint_sections(&manifest)
    );
    write(&root.join("Cargo.toml"), &text);
    if let Ok(lock) = std::fs::read_to_string(repository.join("Cargo.lock")) {
        write(&root.join("Cargo.lock"), &lock);
    }
}

/// The `[workspace.lints.*]` sections of a manifest.
fn lint_sections(manifest: &str) -> String {
    let mut sections = String::new();
    let mut inside = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            inside = line.starts_with("[workspace.lints");
        }
        if inside {
            sections.push_str(line);
            sections.push('\n');
        }
    }
    sections
}

fn write(path: &PathBuf, content: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the directory");
    }
    std::fs::write(path, content).expect("write the file");
}

/// Runs cargo in `dir` with its own build directory.
/// `cargo fmt --all --check` over the generated workspace finds nothing
/// to change: generated files keep rustfmt out, so formatting a workspace
/// they belong to does not make them stale. Skipped, saying so, where
/// rustfmt is not installed.
fn rustfmt_leaves_them_alone(root: &Path) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let installed = Command::new(&cargo)
        .args(["fmt", "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !installed {
        eprintln!("skipped: rustfmt is not installed (rustup component add rustfmt)");
        return;
    }
    let output = Command::new(&cargo)
        .args(["fmt", "--all", "--check"])
        .current_dir(root)
        .output()
        .expect("run cargo fmt");
    assert!(
        output.status.success(),
        "cargo fmt would change generated files:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

fn cargo(dir: &Path, args: &[&str]) {
    cargo_in(dir, &dir.join("target"), args);
}

/// Runs cargo in `dir` building into `target`, with warnings denied in
/// rustdoc too; fails the test with cargo's output when it fails.
fn cargo_in(dir: &Path, target: &Path, args: &[&str]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTDOCFLAGS", "-D warnings")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "cargo {} failed in {}:\n{}\n{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
