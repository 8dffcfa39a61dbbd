//! Snapshots of the generated crate for a realistic service: every file,
//! read in review before acceptance.

mod fixtures;

#[test]
fn metastudio_sdk_files() {
    let files = apidoc_rust::emit(&fixtures::metastudio(), "../../../crates/apidoc-runtime");
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "Cargo.toml",
            "src/client.rs",
            "src/lib.rs",
            "src/mock.rs",
            "src/models.rs",
            "src/operations.rs",
            "src/paginators.rs",
            "tests/mock_server.rs"
        ]
    );
    for (name, content) in &files {
        insta::assert_snapshot!(name.replace('/', "__"), content);
    }
}

#[test]
fn output_is_deterministic() {
    let service = fixtures::awkward();
    assert_eq!(
        apidoc_rust::emit(&service, "rt"),
        apidoc_rust::emit(&service, "rt")
    );
}
