//! `cargo xtask diff` end to end: identical docs, and a copy of the docs
//! with one range narrowed, with and without `--fail-on breaking`; and the
//! summary `generate` prints of what a run changed.

use std::{fs, path::Path, process::Command};

fn xtask(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy");
        }
    }
}

#[test]
fn identical_docs_have_no_api_changes_even_with_fail_on_breaking() {
    let (code, stdout) = xtask(&[
        "diff",
        "--old",
        "docs-input",
        "--new",
        "docs-input",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!((code, stdout.as_str()), (0, "no API changes\n"));
}

#[test]
fn a_narrowed_range_fails_only_with_fail_on_breaking() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input");
    let temp = tempfile::tempdir().expect("temp dir");
    copy_dir(&docs, temp.path());
    let page = temp.path().join("metastudio/001_5895c310bf871631.txt");
    let text = fs::read_to_string(&page).expect("seed page");
    fs::write(&page, text.replacen("\n1~100\n", "\n1~50\n", 1)).expect("edit");
    let new = temp.path().to_string_lossy().into_owned();
    let (code, stdout) = xtask(&["diff", "--old", "docs-input", "--new", &new]);
    assert_eq!(code, 0);
    assert!(stdout.contains("`range-tightened`"), "{stdout}");
    assert!(
        stdout.contains("metastudio/001_5895c310bf871631.txt:60"),
        "{stdout}"
    );
    let (code, json) = xtask(&[
        "diff",
        "--old",
        "docs-input",
        "--new",
        &new,
        "--format",
        "json",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(code, 1);
    assert!(json.contains("\"kind\": \"range-tightened\""), "{json}");
}

fn generate(docs: &Path, out: &Path) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("generate")
        .arg("--docs")
        .arg(docs)
        .arg("--out")
        .arg(out)
        .output()
        .expect("xtask runs");
    assert!(run.status.success(), "{run:?}");
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// `generate` says what it changed against the snapshot the previous run
/// left: nothing at first (no snapshot), nothing when rerun on the same
/// docs, the breaking change once a page is edited.
#[test]
fn generate_summarises_changes_against_the_previous_run() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input");
    let temp = tempfile::tempdir().expect("temp dir");
    let (copy, out) = (temp.path().join("docs"), temp.path().join("out"));
    copy_dir(&docs, &copy);
    let first = generate(&copy, &out);
    assert!(
        first.contains("metastudio: 3 operation(s), no previous snapshot to compare with"),
        "{first}"
    );
    let again = generate(&copy, &out);
    assert!(again.contains("metastudio: no API changes"), "{again}");
    let page = copy.join("metastudio/001_5895c310bf871631.txt");
    let text = fs::read_to_string(&page).expect("seed page");
    fs::write(&page, text.replacen("\n1~100\n", "\n1~50\n", 1)).expect("edit");
    let edited = generate(&copy, &out);
    assert!(
        edited.contains("metastudio: 1 change in existing operations; 1 breaking (semver: major)"),
        "{edited}"
    );
}
