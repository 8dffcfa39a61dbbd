//! The same page in different forms reads into the same IR, source
//! locations aside: the front ends differ, the understanding is shared.

use std::path::Path;

use apidoc_parser::{Format, parse_page};
use serde_json::Value;

fn ir(path: &Path, format: Format) -> Value {
    let bytes = std::fs::read(path).expect("fixture present");
    let parsed = parse_page("page", &bytes, format);
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    let mut value = serde_json::to_value(parsed.page.expect("an API page")).expect("IR serialises");
    strip_locations(&mut value);
    value
}

/// Removes what legitimately differs between forms: spans, and the
/// breadcrumb that only a browser copy shows.
fn strip_locations(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for key in ["span", "breadcrumb"] {
                map.shift_remove(key);
            }
            map.values_mut().for_each(strip_locations);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_locations),
        _ => {}
    }
}

fn fixture(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn seed_000_as_text_and_as_hand_written_html() {
    let text = ir(
        &fixture("../../docs-input/metastudio/000_37ecb5e41607ce1b.txt"),
        Format::Text,
    );
    let html = ir(&fixture("tests/fixtures/html/seed_000.html"), Format::Html);
    similar_asserts(&text, &html);
}

#[test]
fn seed_000_as_html_and_as_markdown() {
    let html = ir(&fixture("tests/fixtures/html/seed_000.html"), Format::Html);
    let markdown = ir(
        &fixture("tests/fixtures/markdown/seed_000.md"),
        Format::Markdown,
    );
    similar_asserts(&html, &markdown);
}

/// Corpus pages and their pandoc Markdown conversions.
#[test]
fn corpus_fixtures_as_html_and_as_markdown() {
    let dir = fixture("tests/fixtures/markdown");
    let mut compared = 0;
    for service in ["ecs", "modelarts"] {
        let Ok(entries) = std::fs::read_dir(dir.join(service)) else {
            continue;
        };
        let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        names.sort();
        for md in names
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
        {
            let html = fixture("tests/fixtures/html")
                .join(service)
                .join(md.with_extension("html").file_name().expect("name"));
            if !html.exists() {
                continue;
            }
            let (a, b) = (
                read_any(&html, Format::Html),
                read_any(&md, Format::Markdown),
            );
            similar_asserts(&a, &b);
            compared += usize::from(!a.is_null());
        }
    }
    assert!(
        compared >= 4,
        "expected at least 4 API page pairs, compared {compared}"
    );
}

/// IR of any page, API page or not (non-API pages compare as null).
fn read_any(path: &Path, format: Format) -> Value {
    let bytes = std::fs::read(path).expect("fixture present");
    let mut value =
        serde_json::to_value(parse_page("page", &bytes, format).page).expect("IR serialises");
    strip_locations(&mut value);
    value
}

/// Compares pretty-printed IR so a failure shows the differing lines.
fn similar_asserts(a: &Value, b: &Value) {
    if a != b {
        let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap_or_default();
        assert_eq!(pretty(a), pretty(b), "IR differs");
    }
}
