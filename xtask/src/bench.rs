//! `cargo xtask bench`: parsing throughput over a docs directory, and what
//! a whole generation costs next to it.
//!
//! Measures the per-page work (front end + reader) on one thread, after
//! one warm-up pass. Then, on all threads, passes that parse every page
//! alternate with passes that generate everything in memory (read, parse,
//! merge, check, emit OpenAPI, Rust and snapshots; no file written), so
//! that both see the same machine: on a shared machine whose speed wanders
//! from one second to the next, only alternating passes compare. Run with
//! `--release` for real figures: `cargo run --release -p xtask -- bench
//! --docs DIR`.

use std::{path::Path, process::ExitCode, time::Instant};

use apidoc_pipeline::{CrateOptions, ServiceInput, load_docs, parse_pages};

/// Times `iterations` passes over every page of `docs`, then
/// `iterations` generations alternating with as many parse passes.
pub fn run(docs: &Path, iterations: u32) -> Result<ExitCode, String> {
    let inputs = load_docs(docs)?;
    let pages: usize = inputs.iter().map(|i| i.pages.len()).sum();
    let bytes: u64 = inputs.iter().flat_map(|i| &i.pages).map(|p| p.size).sum();
    let iterations = iterations.max(1);
    eprintln!(
        "{pages} pages, {:.2} MB, {iterations} passes",
        bytes as f64 / 1e6
    );
    let throughput = |label: &str, seconds: f64| {
        eprintln!(
            "{label:>11}: {:8.0} pages/s, {:7.2} MB/s, {:.3} ms/page",
            pages as f64 / seconds,
            bytes as f64 / 1e6 / seconds,
            seconds * 1e3 / pages as f64
        );
    };
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .map_err(|e| e.to_string())?;
    single.install(|| parse_all(&inputs));
    let passes: Vec<f64> = (0..iterations)
        .map(|_| timed(|| single.install(|| parse_all(&inputs))))
        .collect();
    throughput("1 thread", median(passes));

    let generate = || {
        let output = apidoc_pipeline::run_with(docs, &CrateOptions::workspace_member(), &|| {});
        std::hint::black_box(output.map(|o| o.files.len()))
    };
    parse_all(&inputs);
    generate()?;
    let (mut parsing, mut generating) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        parsing.push(timed(|| parse_all(&inputs)));
        generating.push(timed(|| generate().map(drop)));
    }
    let threads = rayon::current_num_threads();
    let (parse, whole) = (median(parsing), median(generating));
    throughput(&format!("{threads} threads"), parse);
    eprintln!(
        "{:>11}: {:8.1} ms a generation in memory, {:.2}× the parse (medians of {iterations} alternating passes)",
        format!("{threads} threads"),
        whole * 1e3,
        whole / parse
    );
    Ok(ExitCode::SUCCESS)
}

fn parse_all(inputs: &[ServiceInput]) {
    for input in inputs {
        std::hint::black_box(parse_pages(input, &|| {}));
    }
}

/// Seconds `work` takes.
fn timed<T>(work: impl FnOnce() -> T) -> f64 {
    let start = Instant::now();
    std::hint::black_box(work());
    start.elapsed().as_secs_f64()
}

fn median(mut seconds: Vec<f64>) -> f64 {
    seconds.sort_by(f64::total_cmp);
    seconds[seconds.len() / 2]
}
