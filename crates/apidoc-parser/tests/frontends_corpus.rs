//! Both front ends over every real page of the shared corpus
//! (`../../../shared/corpus/otc`): no panic, rectangular tables, and at least
//! one Table block per `<table` in the page. The Markdown front end reads the
//! HTML page as Markdown, which is raw HTML throughout.

mod frontends_support;

use std::path::{Path, PathBuf};

use apidoc_parser::frontend::{html, markdown};
use frontends_support::{assert_rectangular, tables};

#[test]
fn every_corpus_page_gives_sound_blocks() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/otc");
    if !corpus.is_dir() {
        println!("skipped: no corpus at {}", corpus.display());
        return;
    }
    let pages = corpus_pages(&corpus);
    assert!(pages.len() > 300, "corpus pages: {}", pages.len());
    for page in &pages {
        let source = std::fs::read_to_string(page).expect("corpus pages are UTF-8");
        let table_tags = source.matches("<table").count();
        for (front_end, blocks) in [
            ("html", html::parse(&source)),
            ("markdown", markdown::parse(&source)),
        ] {
            let what = format!("{} ({front_end})", page.display());
            assert_rectangular(&blocks, &what);
            let found = tables(&blocks).len();
            assert!(
                found >= table_tags,
                "{what}: {found} tables for {table_tags} <table> tags"
            );
        }
    }
    println!("{} corpus pages read by both front ends", pages.len());
}

/// Every `.html` file one level below `corpus`, sorted.
fn corpus_pages(corpus: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(corpus)
        .expect("corpus directory")
        .flatten()
        .filter(|service| service.path().is_dir())
        .flat_map(|service| {
            std::fs::read_dir(service.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}
