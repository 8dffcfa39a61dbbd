//! Markdown events → HTML for the HTML front end, keeping line numbers.
//!
//! The writer never puts a newline of its own into the HTML: it copies the
//! newlines of raw HTML, code and soft breaks, and before each block's start
//! tag adds newlines until the HTML reaches the line the block starts on in
//! the Markdown. Every block therefore starts on the same line in both, and
//! the HTML front end's line numbers are the Markdown's. (Output can lag
//! behind the Markdown, e.g. after a caption paragraph moved into its table,
//! but never run ahead of it.)

use std::borrow::Cow;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use regex::Regex;

use super::caption::{Captions, Events};

/// A line break inside a table cell.
static BR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").expect("valid regex"));

/// Open blockquotes, lists and list items beyond which the containers'
/// tags are left out and their content joins the innermost one written:
/// keeps hostile nesting from reaching the HTML parser, whose work grows
/// with the square of the depth. Real pages nest a handful deep.
const MAX_CONTAINER_DEPTH: usize = 50;

/// Item markers that start a list item inside a table cell.
const BULLETS: [&str; 4] = ["- ", "* ", "• ", "•"];

/// Writes `events` (parsed from `source`) as HTML, captions moved into
/// their tables.
pub(super) fn to_html(source: &str, events: &Events<'_>, captions: &Captions) -> String {
    let mut writer = Writer::new(source, captions);
    let mut index = 0;
    while index < events.len() {
        if let Some(end) = captions.paragraph_end(index) {
            index = end + 1;
            continue;
        }
        let (event, range) = &events[index];
        writer.event(index, event, range.start);
        index += 1;
    }
    writer.out
}

struct Writer<'c> {
    out: String,
    /// The line the end of `out` is on.
    line: u32,
    /// Byte offset of each Markdown line's start.
    line_starts: Vec<usize>,
    captions: &'c Captions,
    /// Inline HTML of the table cell being read.
    cell: Option<String>,
    in_table_head: bool,
    in_code: bool,
    /// Nesting of images, whose alt text is not page text.
    in_image: usize,
    /// Open blockquotes, lists and list items.
    containers: usize,
}

impl<'c> Writer<'c> {
    fn new(source: &str, captions: &'c Captions) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            out: String::with_capacity(source.len() + source.len() / 4),
            line: 1,
            line_starts,
            captions,
            cell: None,
            in_table_head: false,
            in_code: false,
            in_image: 0,
            containers: 0,
        }
    }

    fn event(&mut self, index: usize, event: &Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(index, tag, offset),
            Event::End(tag) => self.end(*tag),
            Event::Text(text) => self.text(text),
            Event::Code(code) if self.in_image == 0 => {
                self.inline(&format!("<code>{}</code>", escape(code)))
            }
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::FootnoteReference(text) => {
                self.text(text)
            }
            Event::Html(raw) => {
                self.pad_to(self.line_of(offset));
                self.raw(raw);
            }
            Event::InlineHtml(raw) => self.raw(raw),
            Event::SoftBreak => self.soft_break(),
            Event::HardBreak => {
                self.inline("<br>");
                self.soft_break();
            }
            Event::Rule => self.open(offset, "<hr>"),
            Event::Code(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, index: usize, tag: &Tag<'_>, offset: usize) {
        match tag {
            Tag::Paragraph => self.open(offset, "<p>"),
            Tag::Heading { level, .. } => self.open(offset, &format!("<h{}>", *level as u8)),
            Tag::BlockQuote(_) => self.open_container(offset, "<blockquote>"),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                let class = if lang.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"language-{}\"", escape(lang))
                };
                self.open(offset, &format!("<pre><code{class}>"));
                self.in_code = true;
            }
            Tag::List(Some(_)) => self.open_container(offset, "<ol>"),
            Tag::List(None) => self.open_container(offset, "<ul>"),
            Tag::Item => self.open_container(offset, "<li>"),
            Tag::Table(_) => {
                self.open(offset, "<table>");
                if let Some(caption) = self.captions.of_table(index) {
                    self.out
                        .push_str(&format!("<caption>{}</caption>", escape(caption)));
                }
            }
            Tag::TableHead => {
                self.open(offset, "<thead><tr>");
                self.in_table_head = true;
            }
            Tag::TableRow => self.open(offset, "<tr>"),
            Tag::TableCell => self.cell = Some(String::new()),
            Tag::Image { .. } => self.in_image += 1,
            Tag::Link { dest_url, .. } => {
                self.inline(&format!("<a href=\"{}\">", escape(dest_url)));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let close = match tag {
            TagEnd::Paragraph => "</p>",
            TagEnd::Heading(level) => &format!("</h{}>", level as u8),
            TagEnd::BlockQuote(_) => self.close_container("</blockquote>"),
            TagEnd::CodeBlock => {
                self.in_code = false;
                "</code></pre>"
            }
            TagEnd::List(true) => self.close_container("</ol>"),
            TagEnd::List(false) => self.close_container("</ul>"),
            TagEnd::Item => self.close_container("</li>"),
            TagEnd::Table => "</table>",
            TagEnd::TableHead => {
                self.in_table_head = false;
                "</tr></thead>"
            }
            TagEnd::TableRow => "</tr>",
            TagEnd::TableCell => {
                let name = if self.in_table_head { "th" } else { "td" };
                let content = cell_html(&self.cell.take().unwrap_or_default());
                &format!("<{name}>{content}</{name}>")
            }
            TagEnd::Image => {
                self.in_image = self.in_image.saturating_sub(1);
                ""
            }
            TagEnd::Link => {
                self.inline("</a>");
                ""
            }
            _ => "",
        };
        self.out.push_str(close);
    }

    /// A block's start tag, on the line the block starts on.
    fn open(&mut self, offset: usize, tag: &str) {
        self.pad_to(self.line_of(offset));
        self.out.push_str(tag);
    }

    /// A container's start tag, left out beyond the nesting limit.
    fn open_container(&mut self, offset: usize, tag: &str) {
        self.containers += 1;
        if self.containers <= MAX_CONTAINER_DEPTH {
            self.open(offset, tag);
        }
    }

    /// The end tag matching [`Self::open_container`].
    fn close_container(&mut self, tag: &'static str) -> &'static str {
        self.containers = self.containers.saturating_sub(1);
        if self.containers < MAX_CONTAINER_DEPTH {
            tag
        } else {
            ""
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_image > 0 {
            return;
        }
        let escaped = escape(text);
        if self.in_code {
            self.out.push_str(&escaped);
            self.line = self.line.saturating_add(newlines(text));
        } else {
            self.inline(&escaped.replace('\n', " "));
        }
    }

    /// Raw HTML, copied as is (its newlines are the Markdown's own).
    fn raw(&mut self, html: &str) {
        match &mut self.cell {
            Some(cell) => cell.push_str(&html.replace('\n', " ")),
            None => {
                self.out.push_str(html);
                self.line = self.line.saturating_add(newlines(html));
            }
        }
    }

    fn soft_break(&mut self) {
        match &mut self.cell {
            Some(cell) => cell.push(' '),
            None => {
                self.out.push('\n');
                self.line = self.line.saturating_add(1);
            }
        }
    }

    fn inline(&mut self, html: &str) {
        self.cell.as_mut().unwrap_or(&mut self.out).push_str(html);
    }

    fn pad_to(&mut self, line: u32) {
        while self.line < line {
            self.out.push('\n');
            self.line += 1;
        }
    }

    fn line_of(&self, offset: usize) -> u32 {
        u32::try_from(self.line_starts.partition_point(|&start| start <= offset))
            .unwrap_or(u32::MAX)
    }
}

/// A cell's content as blocks: the parts between `<br>`s become
/// paragraphs, and runs of parts starting with a bullet become a list.
fn cell_html(inline: &str) -> String {
    let mut html = String::with_capacity(inline.len() + 16);
    let mut in_list = false;
    for part in BR.split(inline).map(str::trim).filter(|p| !p.is_empty()) {
        match BULLETS.iter().find_map(|bullet| part.strip_prefix(bullet)) {
            Some(item) => {
                html.push_str(if in_list { "<li>" } else { "<ul><li>" });
                html.push_str(item);
                html.push_str("</li>");
                in_list = true;
            }
            None => {
                html.push_str(if in_list { "</ul><p>" } else { "<p>" });
                html.push_str(part);
                html.push_str("</p>");
                in_list = false;
            }
        }
    }
    if in_list {
        html.push_str("</ul>");
    }
    html
}

fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn newlines(text: &str) -> u32 {
    u32::try_from(text.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX)
}
