//! The source split into lines, with the look-ups every rule needs.

use std::ops::Range;

/// The page's lines: raw (for code, kept verbatim) and whitespace-normalised
/// (for every other rule), indexed from 0.
pub(super) struct Lines<'a> {
    raw: Vec<&'a str>,
    normalised: Vec<String>,
    /// For each index, the first non-blank line at or after it (`len` when
    /// none): makes "next non-blank line" O(1) however many blanks follow.
    next_non_blank: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Splits `source` into lines (`\n` or `\r\n`), dropping a leading BOM.
    pub(super) fn new(source: &'a str) -> Self {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let raw: Vec<&str> = source.lines().collect();
        let normalised: Vec<String> = raw.iter().map(|line| normalise(line)).collect();
        let mut next_non_blank = vec![raw.len(); raw.len() + 1];
        for i in (0..raw.len()).rev() {
            next_non_blank[i] = if normalised[i].is_empty() {
                next_non_blank[i + 1]
            } else {
                i
            };
        }
        Self {
            raw,
            normalised,
            next_non_blank,
        }
    }

    /// Number of lines.
    pub(super) fn len(&self) -> usize {
        self.raw.len()
    }

    /// Line `i` verbatim.
    pub(super) fn raw(&self, i: usize) -> &'a str {
        self.raw[i]
    }

    /// Line `i` with runs of white space collapsed to one space and trimmed.
    pub(super) fn text(&self, i: usize) -> &str {
        &self.normalised[i]
    }

    /// The 1-based line number of index `i`.
    pub(super) fn number(&self, i: usize) -> u32 {
        u32::try_from(i + 1).unwrap_or(u32::MAX)
    }

    /// The first non-blank line in `from..end`.
    pub(super) fn next_non_blank(&self, from: usize, end: usize) -> Option<usize> {
        let i = *self.next_non_blank.get(from)?;
        (i < end).then_some(i)
    }

    /// The last non-blank line before `i`.
    pub(super) fn previous_non_blank(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.text(j).is_empty())
    }

    /// The non-blank lines of `range`, in order.
    pub(super) fn non_blank(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let end = range.end;
        std::iter::successors(self.next_non_blank(range.start, end), move |&i| {
            self.next_non_blank(i + 1, end)
        })
    }
}

/// Lines are read with runs of white space (the non-breaking spaces
/// browsers copy included) as one space and the ends trimmed; full-width
/// punctuation stays as it is.
pub(super) use crate::blocks::normalise;
