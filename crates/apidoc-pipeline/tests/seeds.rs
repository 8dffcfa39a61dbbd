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
            let place = d
                .primary
                .as_ref()
                .map(|l| l.span.to_string())
                .unwrap_or_default();
            format!("{place} {:?} {}: {}", d.severity, d.code, d.message)
        })
        .collect();
    insta::assert_yaml_snapshot!(findings);
}

#[test]
fn counts() {
    let output = seeds();
    let per_service: Vec<(&str, usize, usize)> = output
        .stats
        .iter()
        .map(|(name, s)| (name.as_str(), s.pages, s.operations))
        .collect();
    assert_eq!(per_service, [("codearts-repo", 1, 1), ("metastudio", 4, 3)]);
    let total = output.total();
    assert_eq!(
        (total.pages, total.api_pages, total.operations),
        (5, 5, 4),
        "{total:?}"
    );
}
