//! `fixes.yaml` beside `service.toml` is read and applied by a run; one
//! that does not parse is an error at its line.

use std::{fs, path::Path};

/// A docs directory holding the CodeArts Repo seed page, its metadata and
/// the given `fixes.yaml`.
fn docs_with(name: &str, fixes: &str) -> std::path::PathBuf {
    let docs = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&docs);
    let service = docs.join("codearts-repo");
    fs::create_dir_all(&service).expect("temp dir");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs-input/codearts-repo");
    for file in ["service.toml", "004_05b83e28723b5985.txt"] {
        fs::copy(seeds.join(file), service.join(file)).expect("seed");
    }
    fs::write(service.join("fixes.yaml"), fixes).expect("write");
    docs
}

#[test]
fn the_fixes_file_is_applied_to_the_spec() {
    let fixes = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs-input/codearts-repo/fixes.yaml"),
    )
    .expect("the seed's fixes");
    let output = apidoc_pipeline::run(&docs_with("fixes-applied", &fixes), &|| {}).expect("run");
    assert!(!output.has_errors());
    let spec = &output.files["openapi/codearts-repo.yaml"];
    assert!(
        spec.contains("'403':\n          description: Forbidden\n"),
        "{spec}"
    );
    assert!(output.files["FINDINGS.md"].contains("| `fixed` |"));
}

#[test]
fn a_fixes_file_that_does_not_parse_is_an_error_at_its_line() {
    let docs = docs_with(
        "fixes-broken",
        "fixes:\n  - target: {operation: X}\n    reason: x\n  remove: true\n",
    );
    let output = apidoc_pipeline::run(&docs, &|| {}).expect("run");
    let error = output
        .diagnostics
        .iter()
        .find(|d| d.code == "fix-invalid")
        .expect("an error for the fixes file");
    assert!(error.is_error());
    let span = &error.primary.as_ref().expect("a place").span;
    assert_eq!(span.file, "codearts-repo/fixes.yaml");
    assert_eq!(span.line, 4);
    assert!(
        error.message.contains("did not find expected '-'"),
        "{}",
        error.message
    );
}
