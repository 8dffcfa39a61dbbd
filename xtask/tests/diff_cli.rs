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

/// The five pairs of real documentation versions beside the repository
/// (`../shared/corpus/hwc-history` against `hwc-scale`): each runs and
/// prints a changelog whatever the findings of either side, and its
/// breaking section holds no change that is documentation, a rename by
/// the reader, or explained by a finding.
#[test]
fn real_documentation_history_always_gives_a_changelog_of_api_changes() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !corpus.join("hwc-history").is_dir() {
        eprintln!(
            "skipped: {} is absent (the shared corpus sits beside the repository)",
            corpus.display()
        );
        return;
    }
    for service in ["iam", "swr", "live", "vod", "elb"] {
        let temp = tempfile::tempdir().expect("temp dir");
        let (old, new) = (temp.path().join("old"), temp.path().join("new"));
        for (side, source) in [(&old, "hwc-history"), (&new, "hwc-scale")] {
            fs::create_dir_all(side).expect("mkdir");
            std::os::unix::fs::symlink(corpus.join(source).join(service), side.join(service))
                .expect("link");
        }
        let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
        let (code, json) = xtask(&["diff", "--old", &old, "--new", &new, "--format", "json"]);
        assert_eq!(code, 0, "{service}: {json}");
        let changelog: serde_json::Value = serde_json::from_str(&json).expect("JSON changelog");
        let diff = &changelog["services"][0];
        let changes = diff["changes"].as_array().expect("changes");
        assert!(!changes.is_empty(), "{service}: no changes");
        let breaking: Vec<&serde_json::Value> = changes
            .iter()
            .filter(|c| {
                let verdict = &c["verdict"];
                c["uncertain"].is_null()
                    && c["folded"].is_null()
                    && (verdict["sdk"] == true || verdict["wire"] == true)
                    && !c["kind"]
                        .as_str()
                        .is_some_and(|k| k.ends_with("documented"))
            })
            .collect();
        assert_eq!(diff["breaking"], breaking.len(), "{service}");
        for change in breaking {
            let detail = change["detail"].as_str().unwrap_or_default();
            assert!(
                !detail.contains("none →") && !detail.contains("→ none"),
                "{service}: a bound one side does not state is breaking: {change}"
            );
            let kind = change["kind"].as_str().unwrap_or_default();
            assert!(
                !["became-enum", "no-longer-enum"].contains(&kind),
                "{service}: {change}"
            );
            // The same Type cell read two ways, a placeholder row standing
            // for a root array: how a side was read, not what it states.
            let same_cell = detail
                .strip_prefix("type `")
                .and_then(|d| d.split_once("` → `"))
                .is_some_and(|(was, is)| is.strip_suffix('`') == Some(was));
            assert!(!same_cell, "{service}: {change}");
            // A field named like a placeholder (`[数组元素]`), not a root
            // array's items (`[]`).
            let target = change["target"].as_str().unwrap_or_default();
            let placeholder_field = target
                .match_indices("`[")
                .any(|(at, _)| !target[at + 2..].starts_with(']'));
            assert!(!placeholder_field, "{service}: {change}");
        }
        let (_, markdown) = xtask(&["diff", "--old", &old, "--new", &new]);
        let position = |title: &str| markdown.find(title);
        if let (Some(breaking), Some(uncertain)) = (position("Breaking"), position("Uncertain (")) {
            assert!(breaking < uncertain, "{service}: {markdown}");
        }
    }
}
