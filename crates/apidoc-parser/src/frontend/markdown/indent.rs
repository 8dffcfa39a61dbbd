//! List-item content left indented after a pipe table.
//!
//! Help Center conversions write a pipe table at the left margin even when
//! it stands in a list item ("-   响应参数", then the table), and go on
//! with the item's indentation after it: the next table's caption
//! (`    **表 2**  images字段说明`), a note, a sentence. The table at the
//! margin has ended the list, so CommonMark reads that indented paragraph
//! as a code block. This front end reads it as the paragraph it is: a
//! paragraph indented four or more spaces right after a margin pipe table
//! (blank lines between) loses four spaces of indentation, unless it opens
//! a code fence (a fenced example keeps its indentation, which a fence
//! allows). Lines are neither added nor removed.

use std::borrow::Cow;

/// `source` with the paragraph after each margin pipe table dedented.
pub(super) fn dedent_after_tables(source: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut offset = 0;
    let mut state = State::Other;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        state = match state {
            _ if body.starts_with('|') => State::AfterTable,
            State::AfterTable | State::Dedenting if body.trim().is_empty() => {
                if state == State::Dedenting {
                    State::Other
                } else {
                    State::AfterTable
                }
            }
            State::AfterTable | State::Dedenting if indented(body) => {
                if state == State::AfterTable && opens_fence(body) {
                    State::Other
                } else {
                    out.push_str(&source[copied..offset]);
                    copied = offset + 4;
                    State::Dedenting
                }
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
    /// After a margin pipe table's last row, blank lines included.
    AfterTable,
    /// Inside the dedented paragraph.
    Dedenting,
    Other,
}

fn indented(line: &str) -> bool {
    line.starts_with("    ")
}

fn opens_fence(line: &str) -> bool {
    let content = line.trim_start();
    content.starts_with("```") || content.starts_with("~~~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paragraph_after_a_margin_table_loses_its_indentation() {
        let source = "|a|b|\n|--|--|\n|x|y|\n\n    **表 2**  foo对象\n    more\n\n    code\n";
        assert_eq!(
            dedent_after_tables(source),
            "|a|b|\n|--|--|\n|x|y|\n\n**表 2**  foo对象\nmore\n\n    code\n"
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
