//! Pages → IR.
//!
//! Three front ends turn a page's raw form into the shared block model
//! ([`blocks`]): [`frontend::text`] for text copied from a browser,
//! [`frontend::html`] for pages as served, [`frontend::markdown`] for
//! Markdown conversions. The reader ([`read`]) then understands the blocks —
//! sections, URI lines, parameter tables, prose constraints, examples — and
//! produces one [`apidoc_ir::Page`] per page plus diagnostics.

pub mod blocks;
mod columns;
pub mod crossref;
pub mod explorer;
pub mod frontend;
pub mod read;

use apidoc_ir::{Diagnostic, Page, Span};

/// The raw form a page arrives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Text copied from a browser (`.txt`).
    Text,
    /// HTML as served (`.html`, `.htm`).
    Html,
    /// A Markdown conversion (`.md`).
    Markdown,
}

impl Format {
    /// The format a file name implies, if any.
    pub fn from_path(path: &str) -> Option<Self> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Self::Text),
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }
}

/// The result of reading one page: the page when it documents an
/// operation, and the findings made on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The page's IR; `None` when the page is not an API page or could not
    /// be read (a diagnostic then says why).
    pub page: Option<Page>,
    /// Findings, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Turns a page's raw form into blocks.
pub fn to_blocks(source: &str, format: Format) -> Vec<blocks::Block> {
    match format {
        Format::Text => frontend::text::parse(source),
        Format::Html => frontend::html::parse(source),
        Format::Markdown => frontend::markdown::parse(source),
    }
}

/// A page in blocks, before reading: what [`crossref::follow_links`] works
/// on across a service's pages.
#[derive(Debug)]
pub struct Prepared {
    /// The page's path and blocks.
    pub blocks: crossref::PageBlocks,
    /// The page as text, for the column spans of its findings.
    source: String,
    format: Format,
}

/// Turns one page into blocks; an unreadable page gives the findings that
/// say why instead. `file` is the page's path relative to the docs root.
pub fn prepare(file: &str, bytes: &[u8], format: Format) -> Result<Prepared, Vec<Diagnostic>> {
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => return Err(vec![not_utf8(file, bytes, &err)]),
    };
    Ok(Prepared {
        blocks: crossref::PageBlocks {
            file: file.to_owned(),
            blocks: to_blocks(source, format),
        },
        source: source.to_owned(),
        format,
    })
}

/// Reads a prepared page.
pub fn read_prepared(prepared: &Prepared) -> Parsed {
    let file = prepared.blocks.file.as_str();
    let explorer = explorer::explorer_entry(&prepared.source);
    let mut parsed = read::read_page_named(file, &prepared.blocks.blocks, explorer);
    if prepared.format != Format::Text {
        let lines = columns::SourceLines::new(&prepared.source);
        if let Some(page) = &mut parsed.page {
            lines.narrow_page(page);
        }
        lines.narrow_diagnostics(file, &mut parsed.diagnostics);
    }
    parsed
}

/// Reads one page on its own (links to other pages are not followed).
/// `file` is the page's path relative to the docs root, used in spans;
/// `bytes` its content.
pub fn parse_page(file: &str, bytes: &[u8], format: Format) -> Parsed {
    match prepare(file, bytes, format) {
        Ok(prepared) => read_prepared(&prepared),
        Err(diagnostics) => Parsed {
            page: None,
            diagnostics,
        },
    }
}

fn not_utf8(file: &str, bytes: &[u8], err: &std::str::Utf8Error) -> Diagnostic {
    let line = 1 + bytes[..err.valid_up_to()]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32;
    Diagnostic::error(
        "not-utf8",
        format!(
            "expected UTF-8 text, found an invalid byte at offset {}",
            err.valid_up_to()
        ),
        Span::new(file, line),
        "invalid UTF-8 here",
    )
    .with_help("save the page as UTF-8")
}
