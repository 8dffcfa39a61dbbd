//! `cargo xtask bench`: parsing throughput over a docs directory.
//!
//! Measures the per-page work (front end + reader) on one thread and on
//! all threads, after one warm-up pass. Run with `--release` for real
//! figures: `cargo run --release -p xtask -- bench --docs DIR`.

use std::{path::Path, process::ExitCode, time::Instant};

use apidoc_pipeline::{ServiceInput, load_docs, parse_pages};

/// Times `iterations` passes over every page of `docs`.
pub fn run(docs: &Path, iterations: u32) -> Result<ExitCode, String> {
    let inputs = load_docs(docs)?;
    let pages: usize = inputs.iter().map(|i| i.pages.len()).sum();
    let bytes: u64 = inputs.iter().flat_map(|i| &i.pages).map(|p| p.size).sum();
    eprintln!(
        "{pages} pages, {:.2} MB, {iterations} passes",
        bytes as f64 / 1e6
    );
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .map_err(|e| e.to_string())?;
    let threads = rayon::current_num_threads();
    for (label, pool) in [
        ("1 thread".to_owned(), Some(&single)),
        (format!("{threads} threads"), None),
    ] {
        let pass = || parse_all(&inputs);
        let run_pass = || match pool {
            Some(pool) => pool.install(pass),
            None => pass(),
        };
        run_pass();
        let start = Instant::now();
        for _ in 0..iterations {
            run_pass();
        }
        let seconds = start.elapsed().as_secs_f64() / f64::from(iterations.max(1));
        eprintln!(
            "{label:>11}: {:8.0} pages/s, {:7.2} MB/s, {:.3} ms/page",
            pages as f64 / seconds,
            bytes as f64 / 1e6 / seconds,
            seconds * 1e3 / pages as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_all(inputs: &[ServiceInput]) {
    for input in inputs {
        std::hint::black_box(parse_pages(input, &|| {}));
    }
}
