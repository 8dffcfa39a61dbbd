//! Prints what the parser makes of pages: `cargo run -p apidoc-parser
//! --example dump -- [--blocks] FILE...` prints each page's IR (or blocks)
//! as JSON and its diagnostics, for looking at a page that reads wrong.

use apidoc_parser::{Format, parse_page, to_blocks};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let blocks_only = args.iter().any(|a| a == "--blocks");
    for file in args.iter().filter(|a| !a.starts_with("--")) {
        let Some(format) = Format::from_path(file) else {
            eprintln!("{file}: unknown extension");
            continue;
        };
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{file}: {e}");
                continue;
            }
        };
        if blocks_only {
            let text = String::from_utf8_lossy(&bytes);
            println!(
                "{}",
                serde_json::to_string_pretty(&to_blocks(&text, format)).unwrap_or_default()
            );
            continue;
        }
        let parsed = parse_page(file, &bytes, format);
        println!(
            "{}",
            serde_json::to_string_pretty(&parsed.page).unwrap_or_default()
        );
        for d in &parsed.diagnostics {
            eprintln!(
                "{:?} {}: {} ({})",
                d.severity,
                d.code,
                d.message,
                d.primary
                    .as_ref()
                    .map(|l| l.span.to_string())
                    .unwrap_or_default()
            );
        }
    }
}
