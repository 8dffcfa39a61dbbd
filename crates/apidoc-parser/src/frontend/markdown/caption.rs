//! Captions of GitHub tables, which have no caption syntax of their own.
//!
//! For each table, in order:
//! 1. After: the paragraph right after the table, when it starts with a bold
//!    label "Table N"/"表N" or with pandoc's caption prefix "Table:"/": " —
//!    pandoc writes `<caption><b>Table 1 </b>Path Parameters</caption>` as
//!    the paragraph `**Table 1** Path Parameters` after the table — unless
//!    that paragraph is itself right before another table (then it is that
//!    table's caption, written before it).
//! 2. Else before: the paragraph right before the table, when it starts
//!    with "Table N"/"表N" (bold or not) or the caption prefix, and no
//!    earlier table took it.
//!
//! "Right after/before" means the adjacent parser event: anything between
//! (raw HTML such as pandoc's `<div>` lines, a heading, a blank-line-free
//! list) breaks adjacency, so prose such as "Table 2 describes the
//! response" separated from its table by an anchor is left alone. The
//! caption is the paragraph's text, whitespace-normalised, without the
//! "Table:"/": " prefix; the paragraph is no longer a paragraph of the page.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;

use crate::frontend::html::normalise;
use crate::read::sections::caption_label;

/// pandoc's caption prefix.
static PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?i:table):|: )\s*").expect("valid regex"));

/// Parser events with their source ranges.
pub(super) type Events<'a> = [(Event<'a>, Range<usize>)];

/// Which paragraphs are captions, and of which tables.
#[derive(Default)]
pub(super) struct Captions {
    /// Caption text by the index of the table's start event.
    by_table: HashMap<usize, String>,
    /// Caption paragraphs: start event index → end event index.
    paragraphs: HashMap<usize, usize>,
}

impl Captions {
    /// The caption of the table starting at event `start`.
    pub(super) fn of_table(&self, start: usize) -> Option<&str> {
        self.by_table.get(&start).map(String::as_str)
    }

    /// When event `start` opens a caption paragraph, the index of its end.
    pub(super) fn paragraph_end(&self, start: usize) -> Option<usize> {
        self.paragraphs.get(&start).copied()
    }
}

/// A paragraph that could be a caption.
struct Candidate {
    start: usize,
    end: usize,
    caption: String,
    /// Starts with a bold label or the caption prefix: a caption written
    /// after its table.
    marked: bool,
}

/// Finds the captions of the tables among `events`.
pub(super) fn plan(events: &Events<'_>) -> Captions {
    let mut captions = Captions::default();
    let mut index = 0;
    while index < events.len() {
        if !matches!(events[index].0, Event::Start(Tag::Table(_))) {
            index += 1;
            continue;
        }
        let start = index;
        let end = (start..events.len())
            .find(|&i| matches!(events[i].0, Event::End(TagEnd::Table)))
            .unwrap_or(start);
        let after = candidate_at(events, end + 1).filter(|c| {
            c.marked
                && !matches!(
                    events.get(c.end + 1),
                    Some((Event::Start(Tag::Table(_)), _))
                )
        });
        let before = || {
            let end = start.checked_sub(1)?;
            if !matches!(events[end].0, Event::End(TagEnd::Paragraph)) {
                return None;
            }
            let start = (0..end)
                .rev()
                .find(|&i| matches!(events[i].0, Event::Start(Tag::Paragraph)))?;
            candidate_at(events, start)
                .filter(|c| c.end == end && !captions.paragraphs.contains_key(&c.start))
        };
        if let Some(chosen) = after.or_else(before) {
            captions.paragraphs.insert(chosen.start, chosen.end);
            captions.by_table.insert(start, chosen.caption);
        }
        index = end + 1;
    }
    captions
}

/// The paragraph starting at event `start`, if it reads as a caption.
fn candidate_at(events: &Events<'_>, start: usize) -> Option<Candidate> {
    if !matches!(events.get(start), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    let end =
        (start..events.len()).find(|&i| matches!(events[i].0, Event::End(TagEnd::Paragraph)))?;
    let text = normalise(&plain_text(&events[start + 1..end]));
    if let Some(prefix) = PREFIX.find(&text) {
        return Some(Candidate {
            start,
            end,
            caption: text[prefix.end()..].to_string(),
            marked: true,
        });
    }
    caption_label(&text).is_some().then(|| Candidate {
        start,
        end,
        marked: starts_with_bold_label(&events[start + 1..end]),
        caption: text,
    })
}

/// True when the inline events open with `**Table N**`.
fn starts_with_bold_label(inline: &Events<'_>) -> bool {
    if !matches!(inline.first(), Some((Event::Start(Tag::Strong), _))) {
        return false;
    }
    let close = inline
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Strong)))
        .unwrap_or(inline.len());
    let label = normalise(&plain_text(&inline[1..close]));
    caption_label(&label) == Some(label.as_str())
}

/// The text of inline events, line breaks as spaces.
fn plain_text(inline: &Events<'_>) -> String {
    let mut text = String::new();
    for (event, _) in inline {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}
