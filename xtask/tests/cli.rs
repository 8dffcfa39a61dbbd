//! The `cargo xtask` command line as a user meets it: exit codes, what is
//! written, what is said about broken pages.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("xtask runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A docs directory holding one service with two pages: seed 000
/// (`page.txt` as copied from a browser, or `page.html` hand-written in the
/// served markup) with `edit` applied, and seed 001 as it is.
fn docs_with_page(name: &str, page_name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    let service = dir.join("docs/metastudio");
    fs::create_dir_all(&service).expect("temp dir");
    let seeds = repo().join("docs-input/metastudio");
    fs::copy(seeds.join("service.toml"), service.join("service.toml")).expect("copy metadata");
    let source = match page_name {
        "page.txt" => seeds.join("000_37ecb5e41607ce1b.txt"),
        _ => repo().join("crates/apidoc-parser/tests/fixtures/html/seed_000.html"),
    };
    let page = fs::read_to_string(source).expect("seed");
    let edited = edit(&page);
    assert_ne!(edited, page, "the edit must change the page");
    fs::write(service.join(page_name), edited).expect("write page");
    fs::copy(
        seeds.join("001_5895c310bf871631.txt"),
        service.join("good.txt"),
    )
    .expect("copy the good page");
    dir
}

fn generate_broken(
    name: &str,
    page_name: &str,
    edit: impl Fn(&str) -> String,
) -> (Output, PathBuf) {
    let dir = docs_with_page(name, page_name, edit);
    let out = dir.join("out");
    let output = xtask(&[
        "generate",
        "--docs",
        &dir.join("docs").to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    (output, out)
}

/// The broken page's problem is the error `code` at `place` and fails the
/// run, but costs only the part it concerns: both pages' operations are
/// written, and FINDINGS.md lists the part degraded.
fn assert_degraded(output: &Output, out: &Path, code: &str, place: &str) {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("error[{code}]")),
        "expected error[{code}] in:\n{text}"
    );
    assert!(
        text.contains(place),
        "expected the place {place} in:\n{text}"
    );
    assert!(!text.contains("left out: "), "no page is left out:\n{text}");
    let spec = fs::read_to_string(out.join("openapi/metastudio.yaml")).expect("spec written");
    assert!(
        spec.contains("QueryingTenantPersonalizedNotifications"),
        "the good page's operation is written:\n{spec}"
    );
    assert!(
        spec.contains("/tenants/user-configurations"),
        "the broken page's operation is written too"
    );
    let findings = fs::read_to_string(out.join("FINDINGS.md")).expect("findings written");
    assert!(findings.contains("### Degraded"), "{findings}");
    assert!(findings.contains(&format!("| `{code}` |")), "{findings}");
}

#[test]
fn a_row_with_a_missing_type_cell_degrades_only_its_field() {
    let (output, out) = generate_broken("missing_cell", "page.txt", |p| {
        p.replacen("offset\n\nNo\n\nInteger\n", "offset\n\nNo\n\n", 1)
    });
    assert_degraded(&output, &out, "row-missing-cell", "metastudio/page.txt:");
}

#[test]
fn an_unknown_type_degrades_only_its_field() {
    let (output, out) = generate_broken("unknown_type", "page.html", |p| {
        p.replacen("<p>Integer</p>", "<p>Whole number</p>", 1)
    });
    assert_degraded(&output, &out, "unknown-type", "metastudio/page.html:");
    let spec = fs::read_to_string(out.join("openapi/metastudio.yaml")).expect("spec written");
    assert!(spec.contains("x-degraded:"), "{spec}");
    assert!(
        spec.contains("type: Whole number"),
        "the cell as written: {spec}"
    );
}

#[test]
fn a_table_nothing_refers_to_costs_only_its_rows() {
    let (output, out) = generate_broken("unreferenced", "page.txt", |p| {
        p.replacen("Array of CollectionInfo objects", "Array of strings", 1)
    });
    assert_degraded(&output, &out, "table-unreferenced", "metastudio/page.txt:");
}

#[test]
fn check_fails_while_the_pages_have_errors_even_when_up_to_date() {
    let (_, out) = generate_broken("check_errors", "page.html", |p| {
        p.replacen("<p>Integer</p>", "<p>Whole number</p>", 1)
    });
    let docs = out.with_file_name("docs");
    let output = xtask(&[
        "check",
        "--docs",
        &docs.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("is up to date"), "{text}");
    assert!(text.contains("error[unknown-type]"), "{text}");
}

#[test]
fn output_is_byte_identical_across_runs() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("determinism");
    let _ = fs::remove_dir_all(&dir);
    let read_all = |out: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        let mut stack = vec![out.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).expect("read output") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((
                        path.strip_prefix(out)
                            .expect("inside")
                            .display()
                            .to_string(),
                        fs::read(&path).expect("file"),
                    ));
                }
            }
        }
        files.sort();
        files
    };
    let mut runs = Vec::new();
    for run in ["a", "b"] {
        let out = dir.join(run);
        let output = xtask(&["generate", "--out", &out.to_string_lossy()]);
        assert!(output.status.success(), "{}", stderr(&output));
        runs.push(read_all(&out));
    }
    assert!(!runs[0].is_empty());
    assert_eq!(runs[0], runs[1]);
}

#[test]
fn checked_in_generated_directory_is_up_to_date() {
    let output = xtask(&["check"]);
    assert!(
        output.status.success(),
        "generated/ is stale; run `cargo xtask generate`:\n{}",
        stderr(&output)
    );
}

#[test]
fn check_names_a_stale_file() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stale");
    let _ = fs::remove_dir_all(&dir);
    let out = dir.join("out");
    assert!(
        xtask(&["generate", "--out", &out.to_string_lossy()])
            .status
            .success()
    );
    fs::write(out.join("openapi/metastudio.yaml"), "stale\n").expect("overwrite");
    let output = xtask(&["check", "--out", &out.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("openapi/metastudio.yaml (differs)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_docs_directory_is_a_clear_error() {
    let output = xtask(&["generate", "--docs", "no/such/dir", "--out", "no/such/out"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/dir"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_lists_the_commands() {
    let output = xtask(&["--help"]);
    let text = String::from_utf8_lossy(&output.stdout);
    for command in ["generate", "check", "bench", "bench-sdk", "test"] {
        assert!(text.contains(command), "{text}");
    }
}

/// `bench` reports parse throughput on one thread and on all, then the
/// cost of a whole generation next to a parse pass.
#[test]
fn bench_times_parsing_and_generation() {
    let output = xtask(&["bench", "--docs", "docs-input", "--iterations", "1"]);
    let text = stderr(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("5 pages"), "{text}");
    assert!(text.contains("1 thread:"), "{text}");
    assert_eq!(text.matches("ms/page").count(), 2, "{text}");
    assert!(text.contains("a generation in memory"), "{text}");
    assert!(text.contains("× the parse"), "{text}");
}
