//! A run over a directory with bad files: each bad file gets its own clear
//! diagnostic and the other pages are still read.

use std::{fs, path::Path};

#[test]
fn bad_files_get_diagnostics_and_the_run_goes_on() {
    let docs = Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness-docs");
    let _ = fs::remove_dir_all(&docs);
    let service = docs.join("metastudio");
    fs::create_dir_all(&service).expect("temp dir");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs-input/metastudio");
    fs::copy(seeds.join("service.toml"), service.join("service.toml")).expect("metadata");
    fs::copy(
        seeds.join("000_37ecb5e41607ce1b.txt"),
        service.join("a_good.txt"),
    )
    .expect("seed");
    fs::write(
        service.join("b_latin1.txt"),
        b"Title\n\nURI\n\nGET /v1/caf\xe9\n",
    )
    .expect("write");
    fs::write(
        service.join("c_overview.html"),
        "<h1>Overview</h1><p>This service does things.</p>",
    )
    .expect("write");
    fs::write(
        service.join("d_truncated.html"),
        "<h1>Query</h1><h4>URI</h4><p>GET /v1/x</p><table><caption>Table 1 ",
    )
    .expect("write");

    let output = apidoc_pipeline::run(&docs, &|| {}).expect("the directory loads");
    let found: Vec<(String, &str)> = output
        .diagnostics
        .iter()
        .filter(|d| d.code != "example-url-param-spelling")
        .map(|d| {
            (
                d.primary
                    .as_ref()
                    .map(|l| l.span.to_string())
                    .unwrap_or_default(),
                d.code.as_str(),
            )
        })
        .collect();
    assert!(
        found.contains(&("metastudio/b_latin1.txt:5".to_owned(), "not-utf8")),
        "{found:?}"
    );
    assert!(
        found.contains(&("metastudio/c_overview.html:1".to_owned(), "not-an-api-page")),
        "{found:?}"
    );
    assert_eq!(output.total().pages, 4);
    assert_eq!(
        output.total().api_pages,
        2,
        "the seed and the truncated page still read"
    );
    assert!(output.files.contains_key("openapi/metastudio.yaml"));
}
