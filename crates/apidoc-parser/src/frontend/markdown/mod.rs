//! Markdown front end: Markdown conversions (GitHub-flavoured, as pandoc
//! writes them, raw HTML included) → blocks.
//!
//! pulldown-cmark parses the Markdown; module `render` writes the events as
//! HTML that keeps the Markdown's line structure (every block starts on the
//! line it starts on in the Markdown), and the HTML front end reads that. So
//! one set of rules serves both forms: raw HTML from the Markdown (pandoc
//! writes every complex table, note box and section `div` as raw HTML) passes
//! through untouched, and Markdown constructs map to their HTML equivalents:
//! `#` → `h1` (level 1), `##`.. → level 2+, blockquotes → `blockquote`
//! (a Note), fenced code → `pre` with the fence's language, a hard line
//! break → `<br>` (which ends the paragraph, as in HTML).
//!
//! What is Markdown's own:
//! - Table cells: parts separated by `<br>` become separate paragraphs, and
//!   parts starting with "- ", "* " or "•" become the items of a List.
//! - Table captions: a paragraph right after a table starting with a bold
//!   "Table N" label (pandoc's form), else one right before it starting with
//!   "Table N"; pandoc's "Table: ..." form either side (module `caption`).
//! - A raw HTML table runs to its `</table>`, blank lines included, as
//!   browsers read it (module `raw`).
//! - A paragraph indented after a pipe table at the margin is list-item
//!   content the table cut off from its item (module `indent`): read as a
//!   paragraph, not as code.
//! - A fence opened on a list item's marker line with its lines at the
//!   margin is the item's code block (module `fence`).
//! - A paragraph repeating the caption of the table right before it is
//!   dropped: pandoc writes the caption of a table it keeps as raw HTML
//!   twice, in the `<caption>` and as a paragraph after the table.

mod caption;
mod fence;
mod indent;
mod raw;
mod render;

use pulldown_cmark::{Options, Parser};

use crate::blocks::{Block, BlockKind};

/// Parses a Markdown page into blocks.
pub fn parse(source: &str) -> Vec<Block> {
    let source = super::html::unify_line_breaks(source);
    let source = fence::indent_item_fences(&source);
    let source = indent::dedent_after_tables(&source);
    let source = raw::keep_raw_tables_whole(&source);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<_> = Parser::new_ext(&source, options)
        .into_offset_iter()
        .collect();
    let captions = caption::plan(&events);
    let html = render::to_html(&source, &events, &captions);
    let mut blocks = super::html::parse(&html);
    drop_repeated_captions(&mut blocks);
    blocks
}

/// Removes each paragraph that repeats the caption of the table before it,
/// in `blocks` and every container inside them.
fn drop_repeated_captions(blocks: &mut Vec<Block>) {
    let mut previous_caption: Option<String> = None;
    blocks.retain_mut(|block| {
        let repeated = matches!((&block.kind, &previous_caption), (BlockKind::Paragraph(text), Some(caption)) if text == caption);
        previous_caption = None;
        match &mut block.kind {
            BlockKind::Table(table) => {
                previous_caption = table.caption.clone();
                for cell in table.header.iter_mut().chain(&mut table.rows).flatten() {
                    drop_repeated_captions(&mut cell.blocks);
                }
            }
            BlockKind::List { items, .. } => items.iter_mut().for_each(drop_repeated_captions),
            BlockKind::Note(inner) => drop_repeated_captions(inner),
            BlockKind::Heading { .. } | BlockKind::Paragraph(_) | BlockKind::Code { .. } => {}
        }
        !repeated
    });
}
