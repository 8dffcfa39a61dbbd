//! Findings about the documentation, as plain data.
//!
//! Every stage reports problems as [`Diagnostic`]s; rendering them (rustc
//! style, with the page line shown) is the caller's business.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page contradicts itself or cannot be read as it stands: its
    /// owners must correct it, and the run fails. The output still carries
    /// everything else, the part concerned degraded (see
    /// [`Diagnostic::degraded`]).
    Error,
    /// A documentation bug worth reporting to the page owners; generation
    /// goes on.
    Warning,
}

/// A span with a short message saying what is there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there, e.g. "`{projectId}` used here".
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case identifier of the rule, e.g. `path-param-missing`.
    pub code: String,
    /// One sentence: what was expected and what was found.
    pub message: String,
    /// The main place, if the finding has one.
    pub primary: Option<Label>,
    /// Other places involved (the other language's page, the first
    /// definition of a repeated table...).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub secondary: Vec<Label>,
    /// How to fix it, if there is something to say.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub help: Option<String>,
    /// What the output carries instead of what the page states, where the
    /// finding degraded a part of it ("the field's type: a value of any
    /// type"); `None` where the output is as the page states.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub degraded: Option<String>,
}

impl Diagnostic {
    /// A finding of the given severity at `span`.
    pub fn new(
        severity: Severity,
        code: &str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            code: code.to_owned(),
            message: message.into(),
            primary: Some(Label {
                span,
                message: label.into(),
            }),
            secondary: Vec::new(),
            help: None,
            degraded: None,
        }
    }

    /// An error at `span`.
    pub fn error(
        code: &str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, message, span, label)
    }

    /// A warning at `span`.
    pub fn warning(
        code: &str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, message, span, label)
    }

    /// Adds another place involved in the finding.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Says what the output carries instead of what the page states.
    pub fn degrading(mut self, written: impl Into<String>) -> Self {
        self.degraded = Some(written.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
