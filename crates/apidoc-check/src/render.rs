//! Diagnostics shown rustc-style, with the page lines they point at.

use std::collections::BTreeMap;
use std::ops::Range;

use apidoc_ir::{Columns, Diagnostic, Severity, Span};
use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label as ReportLabel, Severity as ReportSeverity,
};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::{self, Chars, Config, termcolor::Buffer};

/// Renders diagnostics like rustc: `error[code]: message`, `--> file:line:column`,
/// the page line with the label under its trimmed text, secondary labels,
/// and `= help: ...`.
///
/// `sources` loads a page's text by the file name a span gives. A label
/// whose page cannot be loaded (or has no such line) is shown as
/// `--> file:line` (primary) or a `= file:line: label` note (secondary).
/// `color` adds ANSI colors. The output depends only on the arguments.
pub fn render(
    diagnostics: &[Diagnostic],
    sources: &dyn Fn(&str) -> Option<String>,
    color: bool,
) -> String {
    let files = SourceFiles::load(diagnostics, sources);
    diagnostics
        .iter()
        .map(|diagnostic| render_one(diagnostic, &files, color))
        .collect()
}

/// The pages the diagnostics point into, each loaded once.
struct SourceFiles {
    files: SimpleFiles<String, String>,
    ids: BTreeMap<String, Option<usize>>,
}

impl SourceFiles {
    fn load(diagnostics: &[Diagnostic], sources: &dyn Fn(&str) -> Option<String>) -> Self {
        let mut loaded = Self {
            files: SimpleFiles::new(),
            ids: BTreeMap::new(),
        };
        let labels = diagnostics
            .iter()
            .flat_map(|diagnostic| diagnostic.primary.iter().chain(&diagnostic.secondary));
        for label in labels {
            let file = &label.span.file;
            if !loaded.ids.contains_key(file) {
                let id = sources(file).map(|text| loaded.files.add(file.clone(), text));
                loaded.ids.insert(file.clone(), id);
            }
        }
        loaded
    }

    /// The file id and the byte range the span points at: its columns on
    /// the line where it has them, else the line, trimmed.
    fn locate(&self, span: &Span) -> Option<(usize, Range<usize>)> {
        let id = (*self.ids.get(&span.file)?)?;
        let source = self.files.source(id).ok()?;
        let line = trimmed_line(source, span.line)?;
        let range = span
            .columns
            .and_then(|columns| within_line(source, &line, columns))
            .unwrap_or(line);
        Some((id, range))
    }
}

/// The byte range of `columns` on the line `line` (trimmed) lies on, when
/// it falls inside the line on character boundaries.
fn within_line(source: &str, line: &Range<usize>, columns: Columns) -> Option<Range<usize>> {
    let line_start = source[..line.start].rfind('\n').map_or(0, |i| i + 1);
    let start = line_start + usize::try_from(columns.start.checked_sub(1)?).ok()?;
    let end = line_start + usize::try_from(columns.end.checked_sub(1)?).ok()?;
    let inside = line.start <= start && start < end && end <= line.end;
    (inside && source.is_char_boundary(start) && source.is_char_boundary(end)).then_some(start..end)
}

/// The byte range of a 1-based line without its leading and trailing
/// white space.
fn trimmed_line(source: &str, line: u32) -> Option<Range<usize>> {
    let index = usize::try_from(line.checked_sub(1)?).ok()?;
    let mut start = 0;
    for (number, text) in source.split_inclusive('\n').enumerate() {
        if number == index {
            let leading = text.len() - text.trim_start().len();
            return Some(start + leading..start + leading + text.trim().len());
        }
        start += text.len();
    }
    None
}

fn render_one(diagnostic: &Diagnostic, files: &SourceFiles, color: bool) -> String {
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    let primary = diagnostic.primary.as_ref();
    let located_primary = primary.and_then(|label| files.locate(&label.span));
    // Without the primary line, snippets of other lines would read as the
    // finding's place: every label becomes a note under `--> file:line`.
    let show_snippets = primary.is_none() || located_primary.is_some();
    if let (Some(label), Some((id, range))) = (primary, located_primary) {
        labels.push(ReportLabel::primary(id, range).with_message(&label.message));
    } else if let Some(label) = primary {
        notes.push(label.message.clone());
    }
    for secondary in &diagnostic.secondary {
        match files.locate(&secondary.span).filter(|_| show_snippets) {
            Some((id, range)) => {
                labels.push(ReportLabel::secondary(id, range).with_message(&secondary.message));
            }
            None => notes.push(format!("{}: {}", secondary.span, secondary.message)),
        }
    }
    notes.extend(diagnostic.help.iter().map(|help| format!("help: {help}")));
    let report = Report::new(severity(diagnostic.severity))
        .with_code(&diagnostic.code)
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes);
    let text = emit(files, &report, color).unwrap_or_else(|| plain_header(diagnostic));
    match primary.filter(|_| !show_snippets) {
        Some(label) => insert_locus(&text, &label.span),
        None => text,
    }
}

fn severity(severity: Severity) -> ReportSeverity {
    match severity {
        Severity::Error => ReportSeverity::Error,
        Severity::Warning => ReportSeverity::Warning,
    }
}

fn emit(files: &SourceFiles, report: &Report<usize>, color: bool) -> Option<String> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    if color {
        let mut buffer = Buffer::ansi();
        term::emit_to_write_style(&mut buffer, &config, &files.files, report).ok()?;
        Some(String::from_utf8_lossy(buffer.as_slice()).into_owned())
    } else {
        term::emit_into_string(&config, &files.files, report).ok()
    }
}

/// The header alone, should the renderer fail.
fn plain_header(diagnostic: &Diagnostic) -> String {
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!("{severity}[{}]: {}\n", diagnostic.code, diagnostic.message)
}

/// Puts `--> file:line` under the header line, where rustc shows it.
fn insert_locus(text: &str, span: &Span) -> String {
    let (header, rest) = text.split_once('\n').unwrap_or((text, ""));
    format!("{header}\n --> {span}\n{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::span;

    #[test]
    fn trimmed_line_skips_indentation_and_line_ends() {
        let source = "first\r\n   second  \nthird";
        assert_eq!(
            &source[trimmed_line(source, 2).unwrap_or_default()],
            "second"
        );
        assert_eq!(
            &source[trimmed_line(source, 3).unwrap_or_default()],
            "third"
        );
        assert_eq!(trimmed_line(source, 4), None);
        assert_eq!(trimmed_line(source, 0), None);
    }

    #[test]
    fn columns_narrow_the_label_to_the_text() {
        let page = "<p>intro</p>\n  <td class=\"c\"><p id=\"x\">volume_id</p>\n";
        let span = span("p.html", 2).with_columns(Columns { start: 26, end: 35 });
        let diagnostic = Diagnostic::warning("w", "message", span, "here");
        let text = render(&[diagnostic], &|_| Some(page.to_owned()), false);
        assert!(text.contains(" --> p.html:2:26\n"), "{text}");
        let marks = text.lines().find(|l| l.contains("^")).unwrap_or_default();
        assert_eq!(
            marks.trim_start_matches(|c| c != '^').trim_end(),
            "^^^^^^^^^ here"
        );
    }

    #[test]
    fn columns_outside_the_line_fall_back_to_the_line() {
        let page = "short\n";
        let span = span("p.html", 1).with_columns(Columns { start: 3, end: 40 });
        let diagnostic = Diagnostic::warning("w", "message", span, "here");
        let text = render(&[diagnostic], &|_| Some(page.to_owned()), false);
        assert!(text.contains(" --> p.html:1:1\n"), "{text}");
    }

    #[test]
    fn an_unloadable_page_still_shows_the_place() {
        let diagnostic = Diagnostic::warning("w", "message", span("gone.txt", 7), "label");
        let text = render(&[diagnostic], &|_| None, false);
        assert_eq!(text, "warning[w]: message\n --> gone.txt:7\n = label\n\n");
    }
}
