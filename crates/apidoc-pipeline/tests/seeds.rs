//! Every file the pipeline emits for docs-input/, as insta snapshots, and
//! the findings the seeds give.

use std::path::Path;

fn seeds() -> apidoc_pipeline::Output {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs-input");
    apidoc_pipeline::run(&docs, &|| {}).expect("docs-input loads")
}

#[test]
fn every_emitted_file() {
    let output = seeds();
    assert!(!output.has_errors(), "{:#?}", output.diagnostics);
    for (path, content) in &output.files {
        insta::assert_snapshot!(path.replace('/', "__"), content);
    }
}

#[test]
fn findings_on_the_seeds() {
    let output = seeds();
    let findings: Vec<String> = output
        .diagnostics
        .iter()
        .map(|d| {
            let place = d.primary.as_ref().map(|l| l.span.to_string()).unwrap_or_default();
            format!("{place} {:?} {}: {}", d.severity, d.code, d.message)
        })
        .collect();
    insta::assert_yaml_snapshot!(findings);
}

#[test]
fn counts() {
    let stats = seeds().stats;
    assert_eq!((stats.pages, stats.api_pages, stats.operations), (5, 5, 4), "{stats:?}");
}
