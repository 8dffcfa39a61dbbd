//! A code fence opened on a list item's marker line, its lines at the
//! margin.
//!
//! Pages that list several request examples write each as a list item
//! whose marker line opens the fence (`-   ```` ` ``` `), with the example's
//! lines and the closing fence at the left margin. CommonMark ends the item
//! at the first line at the margin, so the example falls apart into
//! paragraphs. This front end reads it as the item's code block: where the
//! first line after the fence stands left of the item's content, every
//! line up to the closing fence is shifted right by the item's content
//! indentation (their own indentation kept). Lines are neither added nor
//! removed.

use std::borrow::Cow;

/// `source` with the fences opened on list-item marker lines indented as
/// their items.
pub(super) fn indent_item_fences(source: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut offset = 0;
    let mut open: Option<Fence> = None;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        match &mut open {
            Some(fence) => {
                if !body.trim().is_empty() {
                    let indent = body.len() - body.trim_start().len();
                    let shift = *fence.shift.get_or_insert(indent < fence.column);
                    if shift {
                        out.push_str(&source[copied..offset]);
                        out.push_str(&" ".repeat(fence.column));
                        copied = offset;
                    }
                }
                if body.trim_start().starts_with(fence.marks) {
                    open = None;
                }
            }
            None => {
                open = item_fence(body).map(|(column, marks)| Fence {
                    column,
                    marks,
                    shift: None,
                });
            }
        }
        offset += line.len();
    }
    if out.is_empty() {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[copied..]);
    Cow::Owned(out)
}

/// A fence opened on a list item's marker line.
struct Fence {
    /// The item's content column.
    column: usize,
    /// The fence's marks, which close it.
    marks: &'static str,
    /// Whether the lines are shifted, decided by the first one.
    shift: Option<bool>,
}

/// For a list item's marker line that opens a fence: the item's content
/// column and the fence.
fn item_fence(line: &str) -> Option<(usize, &'static str)> {
    let rest = line.trim_start();
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (digits > 0 && rest[digits..].starts_with(['.', ')'])).then_some(digits + 1)?
    };
    let after = &rest[marker..];
    let content = after.trim_start();
    if after.len() == content.len() {
        return None;
    }
    let column = line.len() - content.len();
    ["```", "~~~"]
        .into_iter()
        .find(|fence| content.starts_with(fence))
        .map(|fence| (column, fence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_at_the_margin_join_the_item_s_fence() {
        let page = "-   ```\n{\n  \"a\": 1\n}\n```\n\nNext.\n";
        assert_eq!(
            indent_item_fences(page),
            "-   ```\n    {\n      \"a\": 1\n    }\n    ```\n\nNext.\n"
        );
    }

    #[test]
    fn indented_fences_and_other_lines_stay() {
        let indented = "-   ```\n    {}\n    ```\n";
        assert!(matches!(indent_item_fences(indented), Cow::Borrowed(_)));
        let plain = "- item\n```\ncode\n```\n";
        assert!(matches!(indent_item_fences(plain), Cow::Borrowed(_)));
        assert_eq!(
            indent_item_fences("1.  ~~~json\n[]\n~~~\n"),
            "1.  ~~~json\n    []\n    ~~~\n"
        );
    }
}
