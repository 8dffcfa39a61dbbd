//! How many operations of the shared Help Center corpora get a paginator
//! (by paging style), a job waiter, or a `paging-unrecognised` finding.
//! Ignored: it reads whole corpora; run it with
//! `cargo test -p apidoc-pipeline --test sdk_helpers -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::path::Path;

use apidoc_ir::paging::{Reading, paging};

#[test]
#[ignore = "reads the shared corpora (minutes); prints the counts"]
fn paginators_and_waiters_of_the_corpora() {
    for corpus in ["hwc-scale", "hwc"] {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus")
            .join(corpus);
        if !docs.is_dir() {
            eprintln!("skipped: {} is absent", docs.display());
            continue;
        }
        let output = apidoc_pipeline::run(&docs, &|| {}).expect("the corpus loads");
        let mut styles: BTreeMap<&str, usize> = BTreeMap::new();
        let (mut unrecognised, mut waiters) = (0, 0);
        for service in &output.services {
            for operation in &service.operations {
                match paging(service, operation) {
                    Reading::Paged(paging) => {
                        *styles.entry(paging.style.as_str()).or_default() += 1
                    }
                    Reading::Unrecognised(_) => unrecognised += 1,
                    Reading::NotAList => {}
                }
            }
            waiters += apidoc_ir::jobs::job_starts(service).len();
        }
        let written = |file: &str, item: &str| -> usize {
            output
                .files
                .iter()
                .filter(|(path, _)| path.ends_with(file))
                .map(|(_, text)| text.matches(item).count())
                .sum()
        };
        let paged: usize = styles.values().sum();
        println!(
            "{corpus}: {} operations; paging read for {paged} {styles:?}, {} paginators written; \
             {unrecognised} lists unrecognised; {waiters} answers with a job to wait for, {} waiters written",
            output
                .services
                .iter()
                .map(|s| s.operations.len())
                .sum::<usize>(),
            written("src/paginators.rs", "impl apidoc_runtime::paginate::Paged"),
            written("src/waiters.rs", "pub async fn wait("),
        );
    }
}
