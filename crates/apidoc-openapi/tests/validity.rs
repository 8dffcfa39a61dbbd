//! The emitted YAML as Python tools read it: openapi-spec-validator accepts
//! it, and PyYAML (a YAML 1.1 reader) reads every value with the type the
//! document gave it.
//!
//! These tests need `python3` with the packages of `tests/requirements.txt`;
//! without them they fail, unless `APIDOC_SKIP_PY=1` is set.

use std::path::Path;
use std::process::Command;

use apidoc_openapi::fixtures::{metastudio_like, misread};
use apidoc_openapi::{document, emit};

const INSTALL_HINT: &str = "run `pip install -r crates/apidoc-openapi/tests/requirements.txt` \
     (or set APIDOC_SKIP_PY=1 to skip the Python checks)";

fn skip_python() -> bool {
    let skip = std::env::var("APIDOC_SKIP_PY").is_ok_and(|v| v == "1");
    if skip {
        eprintln!("APIDOC_SKIP_PY=1: Python checks of the emitted YAML skipped");
    }
    skip
}

/// Runs `python3 args`, failing with the install hint when Python or a
/// module is missing, and returns its combined output when it exits 0.
fn python(args: &[&str]) -> Result<String, String> {
    let output = Command::new("python3")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}); {INSTALL_HINT}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if text.contains("ModuleNotFoundError") || text.contains("No module named") {
        panic!("{text}\n{INSTALL_HINT}");
    }
    if output.status.success() {
        Ok(text)
    } else {
        Err(text)
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write to the temporary directory");
    path.to_string_lossy().into_owned()
}

fn assert_valid(service: &apidoc_ir::Service) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = write(dir.path(), "service.yaml", &emit(service));
    if let Err(output) = python(&["-m", "openapi_spec_validator", &file]) {
        panic!("openapi-spec-validator rejected the document:\n{output}");
    }
}

#[test]
fn openapi_spec_validator_accepts_the_document() {
    if !skip_python() {
        assert_valid(&metastudio_like());
    }
}

#[test]
fn misread_pages_still_give_a_valid_document() {
    if !skip_python() {
        assert_valid(&misread());
    }
}

#[test]
fn a_yaml_1_1_reader_gets_the_same_values() {
    if skip_python() {
        return;
    }
    const COMPARE: &str = "import json, sys, yaml\n\
        read = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))\n\
        built = json.load(open(sys.argv[2], encoding='utf-8'))\n\
        sys.exit(0 if read == built else 'PyYAML reads different values')\n";
    let service = metastudio_like();
    let dir = tempfile::tempdir().expect("temporary directory");
    let yaml = write(dir.path(), "doc.yaml", &emit(&service));
    let json_text = serde_json::to_string(&document(&service)).expect("document converts to JSON");
    let json = write(dir.path(), "doc.json", &json_text);
    if let Err(output) = python(&["-c", COMPARE, &yaml, &json]) {
        panic!("{output}");
    }
}
