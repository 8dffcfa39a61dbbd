//! Fixes in the findings: stale fixes and fixes that match nothing are
//! errors; severity fixes change a finding kind's severity; every applied
//! fix is reported (a `fixed` warning: the page is still wrong) at the
//! place of the finding it answers, with its reason.

use apidoc_ir::{Diagnostic, Label, Severity, Span};

use crate::apply::Outcome;
use crate::format::{Fix, Place, Props};

/// The error for a fix that changed nothing: stale when its target is
/// there but states other values, unmatched otherwise.
pub(crate) fn not_applied(fix: &Fix, outcome: &Outcome) -> Diagnostic {
    let target = describe_target(fix);
    if let Some((span, found)) = outcome.mismatches.first() {
        let expected = describe_props(&fix.expect);
        let mut diagnostic = Diagnostic::error(
            "fix-stale",
            format!(
                "the fix at `{}` is stale: it expects {target} to state {expected}, and `{span}` states {found}",
                fix.span
            ),
            fix.span.clone(),
            "this fix",
        )
        .with_secondary(span.clone(), format!("states {found}"))
        .with_help("the page changed since the fix was written: if the defect is gone, delete the fix, else update its `expect`");
        for (span, found) in &outcome.mismatches[1..] {
            diagnostic = diagnostic.with_secondary(span.clone(), format!("states {found}"));
        }
        return diagnostic;
    }
    let where_ = if outcome.pages.is_empty() {
        match &fix.target.operation {
            Some(op) => format!("no page documents operation `{op}`"),
            None => "no page defines it".to_owned(),
        }
    } else {
        format!("not found on {}", code_list(&outcome.pages))
    };
    Diagnostic::error(
        "fix-unmatched",
        format!("the fix at `{}` matches nothing: {target}: {where_}", fix.span),
        fix.span.clone(),
        "this fix",
    )
    .with_help("a fix must name what a page states: check the operation id (as in generated/), names and status codes")
}

/// Applies a severity fix to the findings of its operation's pages (all
/// pages when it names none); an error when there is no such finding.
pub(crate) fn set_severity<'a>(
    fix: &Fix,
    code: &str,
    files: Option<&[String]>,
    diagnostics: impl Iterator<Item = &'a mut Diagnostic>,
) -> Option<Diagnostic> {
    let severity: Severity = fix.update.severity?.into();
    let mut matched = false;
    for diagnostic in diagnostics.filter(|d| is_answered_by(d, code, files)) {
        matched = true;
        diagnostic.severity = severity;
        let note = format!(
            "severity set to {} by the fix at `{}`: {}",
            severity_name(severity),
            fix.span,
            fix.reason
        );
        diagnostic.help = Some(match diagnostic.help.take() {
            Some(help) => format!("{help}\n{note}"),
            None => note,
        });
    }
    (!matched).then(|| {
        Diagnostic::error(
            "fix-unmatched",
            format!(
                "the fix at `{}` matches nothing: there is no {}",
                fix.span,
                describe_target(fix)
            ),
            fix.span.clone(),
            "this fix",
        )
    })
}

/// A finding of kind `code` on one of `files` (any file when `None`).
fn is_answered_by(diagnostic: &Diagnostic, code: &str, files: Option<&[String]>) -> bool {
    let file = diagnostic
        .primary
        .as_ref()
        .map(|label| label.span.file.as_str());
    diagnostic.code == code
        && files.is_none_or(|files| file.is_some_and(|file| files.iter().any(|f| f == file)))
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One `fixed` warning per applied fix. `answered` are the findings the
/// unfixed pages gave and the fixed ones do not; each goes to the first
/// fix that changed its place (else the first fix of its page).
pub(crate) fn fixed(applied: &[(&Fix, &Outcome)], answered: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut answers: Vec<Vec<Diagnostic>> = vec![Vec::new(); applied.len()];
    for finding in answered {
        let places = places_of(&finding);
        let by_place = applied
            .iter()
            .position(|(_, outcome)| outcome.changed.iter().any(|span| places.contains(&span)));
        let by_page = || {
            applied.iter().position(|(_, outcome)| {
                places.iter().any(|span| outcome.pages.contains(&span.file))
            })
        };
        if let Some(index) = by_place.or_else(by_page) {
            answers[index].push(finding);
        }
    }
    applied
        .iter()
        .zip(answers)
        .map(|((fix, outcome), answers)| entry(fix, outcome, &answers))
        .collect()
}

fn places_of(diagnostic: &Diagnostic) -> Vec<&Span> {
    diagnostic
        .primary
        .iter()
        .chain(&diagnostic.secondary)
        .map(|label| &label.span)
        .collect()
}

fn entry(fix: &Fix, outcome: &Outcome, answers: &[Diagnostic]) -> Diagnostic {
    let change = format!("{}: {}", describe_target(fix), describe_change(fix));
    let found: Vec<String> = answers
        .iter()
        .map(|d| format!("`{}`: {}", d.code, d.message))
        .collect();
    let message = if found.is_empty() {
        format!("corrected by a fix: {change}")
    } else {
        format!("{}; corrected by a fix: {change}", found.join("; "))
    };
    let place = answers
        .iter()
        .find_map(|d| d.primary.as_ref().map(|label| label.span.clone()))
        .or_else(|| outcome.changed.first().cloned())
        .unwrap_or_else(|| fix.span.clone());
    let mut secondary = vec![Label {
        span: fix.span.clone(),
        message: "the fix".to_owned(),
    }];
    secondary.extend(
        outcome
            .changed
            .iter()
            .filter(|span| **span != place)
            .map(|span| Label {
                span: span.clone(),
                message: "also corrected here".to_owned(),
            }),
    );
    Diagnostic {
        severity: Severity::Warning,
        code: "fixed".to_owned(),
        message,
        primary: Some(Label {
            span: place,
            message: "corrected by a fix".to_owned(),
        }),
        secondary,
        help: Some(if fix.suggested {
            format!(
                "reason: {} (a suggested fix, not yet reviewed: review it, then delete its `suggested: true`)",
                fix.reason
            )
        } else {
            format!("reason: {}", fix.reason)
        }),
        degraded: None,
    }
}

/// "status 403 of `Op`", "query parameter `limit` of `Op`", ...
pub(crate) fn describe_target(fix: &Fix) -> String {
    let of_op = fix
        .target
        .operation
        .as_ref()
        .map(|op| format!(" of `{op}`"))
        .unwrap_or_default();
    match &fix.target.place {
        Place::Operation => format!(
            "operation `{}`",
            fix.target.operation.as_deref().unwrap_or("")
        ),
        Place::Parameter { name, location } => {
            let kind = location
                .map(|l| format!("{l:?} ").to_lowercase())
                .unwrap_or_default();
            format!("{kind}parameter `{name}`{of_op}")
        }
        Place::Request { path } if path.is_empty() => format!("the request body{of_op}"),
        Place::Request { path } => format!("request body field `{}`{of_op}", path.join(".")),
        Place::Response { status, path } if path.is_empty() => format!("status {status}{of_op}"),
        Place::Response { status, path } => {
            format!("field `{}` of the {status} response{of_op}", path.join("."))
        }
        Place::Model { name, path } if path.is_empty() => format!("model `{name}`{of_op}"),
        Place::Model { name, path } => {
            format!("field `{}` of model `{name}`{of_op}", path.join("."))
        }
        Place::Finding { code } => format!("finding `{code}`{of_op}"),
    }
}

/// The values of the properties set: `type `String`, description "x"`.
fn prop_values(props: &Props) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut push = |name, value: Option<String>| {
        if let Some(value) = value {
            out.push((name, value));
        }
    };
    push("name", props.name.as_ref().map(|v| format!("`{v}`")));
    push("type", props.type_text.as_ref().map(|v| format!("`{v}`")));
    push("required", props.required.map(|v| v.to_string()));
    push("nullable", props.nullable.map(|v| v.to_string()));
    push(
        "enum",
        props.enum_values.as_ref().map(|values| {
            let items: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            format!("[{}]", items.join(", "))
        }),
    );
    push(
        "description",
        props.description.as_ref().map(|v| format!("{v:?}")),
    );
    push("repeat", props.repeat.map(|v| v.to_string()));
    push("unwrap", props.unwrap.as_ref().map(|v| format!("`{v}`")));
    push("wrap", props.wrap.as_ref().map(|v| format!("`{v}`")));
    push(
        "severity",
        props.severity.map(|v| severity_name(v.into()).to_owned()),
    );
    out
}

fn describe_props(props: &Props) -> String {
    let values: Vec<String> = prop_values(props)
        .into_iter()
        .map(|(name, value)| format!("{name} {value}"))
        .collect();
    if values.is_empty() {
        "what the fix names".to_owned()
    } else {
        values.join(", ")
    }
}

/// "description "Bad Request" → "Forbidden"", "removed", "added field `x`".
fn describe_change(fix: &Fix) -> String {
    let expected = prop_values(&fix.expect);
    let mut parts: Vec<String> = prop_values(&fix.update)
        .into_iter()
        .map(
            |(name, new)| match expected.iter().find(|(n, _)| *n == name) {
                Some((_, old)) => format!("{name} {old} → {new}"),
                None => format!("{name} → {new}"),
            },
        )
        .collect();
    if let Some(new) = &fix.add {
        let what = if new.location.is_some() {
            "parameter"
        } else {
            "field"
        };
        parts.push(format!("added {what} `{}` (`{}`)", new.name, new.type_text));
    }
    if fix.remove {
        parts.push("removed".to_owned());
    }
    parts.join(", ")
}

fn code_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    quoted.join(", ")
}
