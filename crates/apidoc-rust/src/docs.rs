//! Rustdoc comments from page text.
//!
//! Page text is not Markdown: it contains `<`, `[x]`, `*`, backticks and bare
//! URLs, which rustdoc would read as HTML tags, intra-doc links, emphasis and
//! code, and warn about. Everything from a page goes through
//! [`escape_line`]; only the `- item` lines the reader produces stay lists.

use crate::syntax::{attribute, str_lit};
use apidoc_ir::Text;
use proc_macro2::Ident;
use quote::format_ident;
use std::cell::RefCell;

/// The lines of one doc comment, in Markdown.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    lines: Vec<String>,
}

impl Doc {
    /// A doc comment whose first paragraph is the generator's own Markdown.
    pub(crate) fn with_summary(summary: impl Into<String>) -> Self {
        let mut doc = Self::default();
        doc.paragraph(summary);
        doc
    }

    /// A doc comment from page text, or from `fallback` (the generator's
    /// Markdown) where the page says nothing.
    pub(crate) fn from_text(text: &Text, fallback: impl Into<String>) -> Self {
        let mut doc = Self::default();
        if text.is_empty() {
            doc.paragraph(fallback);
        } else {
            doc.text(text);
        }
        doc
    }

    /// Appends a paragraph of the generator's own Markdown.
    pub(crate) fn paragraph(&mut self, markdown: impl Into<String>) {
        self.blank();
        self.lines
            .extend(markdown.into().lines().map(str::to_owned));
    }

    /// Appends page text: the English, then the Chinese as further
    /// paragraphs (either may be missing).
    pub(crate) fn text(&mut self, text: &Text) {
        for prose in [&text.en, &text.zh].into_iter().flatten() {
            self.blank();
            self.lines.extend(page_lines(prose));
        }
    }

    /// Appends a list item of the generator's own Markdown.
    pub(crate) fn item(&mut self, markdown: impl AsRef<str>) {
        if self
            .lines
            .last()
            .is_some_and(|last| !last.starts_with("- "))
        {
            self.blank();
        }
        self.lines.push(format!("- {}", markdown.as_ref()));
    }

    /// The outer `#[doc]` attributes (`///`).
    pub(crate) fn attrs(&self) -> Vec<syn::Attribute> {
        self.styled_attrs(syn::AttrStyle::Outer)
    }

    /// The inner `#![doc]` attributes (`//!`) of a module.
    pub(crate) fn inner_attrs(&self) -> Vec<syn::Attribute> {
        self.styled_attrs(syn::AttrStyle::Inner(Default::default()))
    }

    /// One attribute per line, or the placeholder attribute standing for
    /// them while comments are set aside.
    fn styled_attrs(&self, style: syn::AttrStyle) -> Vec<syn::Attribute> {
        match self.set_aside() {
            Some(name) => vec![attribute(style, syn::Meta::Path(name.into()))],
            None => self
                .padded_lines()
                .map(|text| {
                    attribute(
                        style,
                        syn::Meta::NameValue(syn::MetaNameValue {
                            path: format_ident!("doc").into(),
                            eq_token: Default::default(),
                            value: str_lit(&text),
                        }),
                    )
                })
                .collect(),
        }
    }

    /// Inside [`set_aside_while`], the lines go to the thread's store and
    /// one placeholder stands for them; `None` elsewhere and for no lines.
    fn set_aside(&self) -> Option<Ident> {
        if self.lines.is_empty() {
            return None;
        }
        SET_ASIDE.with_borrow_mut(|store| {
            let store = store.as_mut()?;
            store.push(self.lines.clone());
            Some(format_ident!("{PLACEHOLDER}{}", store.len() - 1))
        })
    }

    /// Lines with the space that follows `///` in a written comment.
    fn padded_lines(&self) -> impl Iterator<Item = String> + '_ {
        self.lines.iter().map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
    }

    /// The Markdown lines, for tests.
    #[cfg(test)]
    pub(crate) fn lines(&self) -> &[String] {
        &self.lines
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|last| !last.is_empty()) {
            self.lines.push(String::new());
        }
    }
}

/// Starts the name of a placeholder attribute, `#[__apidoc_doc_<n>]`: a
/// name generated code never gives an attribute.
const PLACEHOLDER: &str = "__apidoc_doc_";

thread_local! {
    /// The doc comments set aside while rendering a file on this thread,
    /// by placeholder number. Token streams never leave their thread, so
    /// neither do their comments.
    static SET_ASIDE: RefCell<Option<Vec<Vec<String>>>> = const { RefCell::new(None) };
}

/// Runs `render` with doc comments set aside: each [`Doc`] becomes one
/// placeholder attribute, `#[__apidoc_doc_<n>]`, and
/// [`expand_placeholder`] gives its lines back. Every doc line would
/// otherwise be a string literal that `quote` escapes, `syn` parses back
/// (as an expression) and prettyplease prints; they are over a third of
/// the generated bytes. Where a doc comment stands (an item, a field, a
/// variant), prettyplease prints every attribute on a line of its own, as
/// it prints each `///` line, so no other line's layout changes. A nested
/// call has a store of its own.
pub(crate) fn set_aside_while<T>(render: impl FnOnce() -> T) -> T {
    let outer = SET_ASIDE.replace(Some(Vec::new()));
    let rendered = render();
    SET_ASIDE.set(outer);
    rendered
}

/// Writes the lines of the comment that a formatted placeholder line
/// `<indent>#[__apidoc_doc_<n>]` (or `#![...]`, for `//!`) stands for to
/// `write`, as prettyplease would have printed them (trailing spaces
/// trimmed); false, writing nothing, for any other line.
pub(crate) fn expand_placeholder(line: &str, write: &mut impl FnMut(&str)) -> bool {
    let code = line.trim_start();
    let Some((marker, number)) =
        [("///", "#["), ("//!", "#![")]
            .into_iter()
            .find_map(|(marker, open)| {
                let number = code.strip_prefix(open)?.strip_prefix(PLACEHOLDER)?;
                Some((marker, number.strip_suffix(']')?.parse::<usize>().ok()?))
            })
    else {
        return false;
    };
    let indent = &line[..line.len() - code.len()];
    SET_ASIDE.with_borrow(|store| {
        let Some(lines) = store.as_ref().and_then(|store| store.get(number)) else {
            return false;
        };
        let mut written = String::new();
        for text in lines {
            written.clear();
            written.push_str(indent);
            written.push_str(marker);
            let text = text.trim_end_matches(' ');
            if !text.is_empty() {
                written.push(' ');
                written.push_str(text);
            }
            write(&written);
        }
        true
    })
}

/// Inline code for a short text from a page (a value, a name), or the
/// escaped text in quotes where a code span cannot hold it.
pub(crate) fn code(text: &str) -> String {
    if text.is_empty() || text.contains('`') || text.trim() != text || text.contains('\n') {
        format!("\"{}\"", escape_line(text))
    } else {
        format!("`{text}`")
    }
}

/// Page text as Markdown lines: blank lines between paragraphs kept (runs
/// collapsed), `- item` lines kept as list items, everything else escaped.
fn page_lines(prose: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in prose.lines().map(str::trim) {
        if line.is_empty() {
            if lines.last().is_some_and(|last| !last.is_empty()) {
                lines.push(String::new());
            }
        } else if let Some(item) = line.strip_prefix("- ") {
            lines.push(format!("- {}", escape_line(item.trim_start())));
        } else {
            lines.push(escape_line(line));
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// One line of page text as Markdown that renders as the same text: URLs
/// become autolinks, Markdown punctuation is backslash-escaped, and a line
/// that would start a list, quote or heading does not.
pub(crate) fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(start) = find_url(rest) {
        escape_text(&rest[..start], &mut out);
        let len = url_len(&rest[start..]);
        out.push('<');
        out.push_str(&rest[start..start + len]);
        out.push('>');
        rest = &rest[start + len..];
    }
    escape_text(rest, &mut out);
    escape_line_start(out)
}

/// Inline Markdown punctuation that changes rendering.
const ESCAPED: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!',
];

fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        if ESCAPED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes a leading `-`, `+`, `=` or `1.` so that the line stays prose.
fn escape_line_start(line: String) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let marker = line[digits..].chars().next();
    let starts_block = match marker {
        Some('.' | ')') => digits > 0,
        Some('-' | '+' | '=') => digits == 0,
        _ => false,
    };
    if starts_block {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line
    }
}

/// Where the first URL with a host starts.
fn find_url(text: &str) -> Option<usize> {
    text.match_indices("http")
        .map(|(start, _)| start)
        .find(|&start| {
            let rest = &text[start..];
            ["https://", "http://"]
                .iter()
                .any(|scheme| rest.starts_with(scheme) && url_len(rest) > scheme.len())
        })
}

/// The length of the URL at the start of `text`: printable ASCII up to a
/// space, quote or angle bracket, without trailing sentence punctuation.
fn url_len(text: &str) -> usize {
    let end = text
        .find(|c: char| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    text[..end]
        .trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '\''])
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(
            escape_line("a <b> [x] `c` *d* e_f |g|"),
            r"a \<b\> \[x\] \`c\` \*d\* e\_f \|g\|"
        );
        assert_eq!(escape_line("&lt; #1 ~x~ ![i]"), r"\&lt; \#1 \~x\~ \!\[i\]");
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(
            escape_line("See https://support.example.com/a_b?x=1&y=[2]. Then"),
            "See <https://support.example.com/a_b?x=1&y=[2]>. Then"
        );
        assert_eq!(
            escape_line("请参见https://x.example.com/p获取"),
            "请参见<https://x.example.com/p>获取"
        );
        assert_eq!(
            escape_line("(http://a.example/b)"),
            "(<http://a.example/b>)"
        );
        assert_eq!(
            escape_line("no host https:// then http://h.example"),
            "no host https:// then <http://h.example>"
        );
    }

    #[test]
    fn block_starts_are_escaped() {
        assert_eq!(escape_line("1. first"), r"1\. first");
        assert_eq!(escape_line("2) second"), r"2\) second");
        assert_eq!(escape_line("-1 means all"), r"\-1 means all");
        assert_eq!(escape_line("=== rule"), r"\=== rule");
        assert_eq!(escape_line("> quote"), r"\> quote");
        assert_eq!(escape_line("10 items"), "10 items");
    }

    #[test]
    fn page_text_keeps_paragraphs_and_lists() {
        let text = Text {
            en: Some("  Intro <x>.\n\n\n- A: first\n- B: *b*\n\n    indented\n".to_owned()),
            zh: Some("说明。".to_owned()),
        };
        let doc = Doc::from_text(&text, "unused");
        assert_eq!(
            doc.lines,
            [
                r"Intro \<x\>.",
                "",
                "- A: first",
                r"- B: \*b\*",
                "",
                "indented",
                "",
                "说明。"
            ]
        );
    }

    #[test]
    fn empty_text_uses_the_fallback_and_items_open_a_list() {
        let mut doc = Doc::from_text(&Text::default(), "The `x` field.");
        doc.item("`1`");
        doc.item("`2`");
        assert_eq!(doc.lines, ["The `x` field.", "", "- `1`", "- `2`"]);
        let attrs = doc.attrs();
        let attrs = quote::quote!(#(#attrs)*).to_string();
        assert!(
            attrs.starts_with(r#"# [doc = " The `x` field."] # [doc = ""]"#),
            "{attrs}"
        );
    }

    #[test]
    fn code_spans_only_where_they_hold_the_text() {
        assert_eq!(code("RESOURCE_EXPIRE"), "`RESOURCE_EXPIRE`");
        assert_eq!(code(""), "\"\"");
        assert_eq!(code("a`b"), "\"a\\`b\"");
        assert_eq!(code(" x"), "\" x\"");
    }
}
