//! List-item content left indented after a pipe table.
//!
//! Help Center conversions write a pipe table at the left margin even when
//! it stands in a list item ("-   响应参数", then the table), and go on
//! with the item's indentation after it: a note, the next table's caption
//! (`    **表 2**  images字段说明`), a sentence. The table at the margin
//! has ended the list, so CommonMark reads each of those indented blocks
//! as a code block. This front end reads them as what they are: every
//! block indented four or more spaces after a margin pipe table (blank
//! lines between), up to the next line at the margin, loses four spaces of
//! indentation, except fenced code (an example keeps its indentation,
//! which a fence allows). Lines are neither added nor removed.

use std::borrow::Cow;

/// `source` with the blocks after each margin pipe table dedented.
pub(super) fn dedent_after_tables(source: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut offset = 0;
    let mut state = State::Other;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        state = match state {
            State::InFence(fence) => {
                if body.trim_start().starts_with(fence) {
                    State::AfterTable
                } else {
                    State::InFence(fence)
                }
            }
            _ if body.starts_with('|') => State::AfterTable,
            State::AfterTable | State::Dedenting if body.trim().is_empty() => State::AfterTable,
            State::AfterTable if indented(body) && fence_of(body).is_some() => {
                State::InFence(fence_of(body).unwrap_or_default())
            }
            State::AfterTable | State::Dedenting if indented(body) => {
                out.push_str(&source[copied..offset]);
                copied = offset + 4;
                State::Dedenting
            }
            _ => State::Other,
        };
        offset += line.len();
    }
    if out.is_empty() {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[copied..]);
    Cow::Owned(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// After a margin pipe table, between the indented blocks following
    /// it (blank lines included).
    AfterTable,
    /// Inside a dedented block.
    Dedenting,
    /// Inside an indented fenced block after a margin table, which closes
    /// with the given fence.
    InFence(&'static str),
    Other,
}

fn indented(line: &str) -> bool {
    line.starts_with("    ")
}

/// The fence a line opens, if it opens one.
fn fence_of(line: &str) -> Option<&'static str> {
    let content = line.trim_start();
    ["```", "~~~"].into_iter().find(|f| content.starts_with(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paragraphs_after_a_margin_table_lose_their_indentation() {
        let source = "|a|b|\n|--|--|\n|x|y|\n\n    **表 2**  foo对象\n    more\n\n    code\n";
        assert_eq!(
            dedent_after_tables(source),
            "|a|b|\n|--|--|\n|x|y|\n\n**表 2**  foo对象\nmore\n\ncode\n"
        );
    }

    #[test]
    fn every_indented_block_after_a_margin_table_loses_its_indentation() {
        // A note, then a caption, then the next table: all list-item
        // content the table cut off from its item.
        let source =
            "|a|b|\n|--|--|\n|x|y|\n\n\n    > note\n    > more\n\n    **表 2**  bar结构\n\n|c|d|\n";
        assert_eq!(
            dedent_after_tables(source),
            "|a|b|\n|--|--|\n|x|y|\n\n\n> note\n> more\n\n**表 2**  bar结构\n\n|c|d|\n"
        );
    }

    #[test]
    fn a_line_at_the_margin_ends_the_dedenting() {
        let source = "|a|\n|--|\n\n    one\n\n- item\n\n    code\n";
        assert_eq!(
            dedent_after_tables(source),
            "|a|\n|--|\n\none\n\n- item\n\n    code\n"
        );
    }

    #[test]
    fn a_fence_keeps_its_indentation_and_what_follows_is_dedented() {
        let source = "|a|\n|--|\n\n    ```\n    {}\n\n    ```\n\n    after\n";
        assert_eq!(
            dedent_after_tables(source),
            "|a|\n|--|\n\n    ```\n    {}\n\n    ```\n\nafter\n"
        );
    }

    #[test]
    fn fences_and_other_text_keep_their_indentation() {
        let fenced = "|a|\n|--|\n\n    ```\n    {}\n    ```\n";
        assert_eq!(dedent_after_tables(fenced), fenced);
        let unrelated = "text\n\n    code\n";
        assert_eq!(dedent_after_tables(unrelated), unrelated);
    }
}
