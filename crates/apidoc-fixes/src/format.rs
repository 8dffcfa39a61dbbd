//! `fixes.yaml` → [`Fixes`]: the file format, read with `yaml_serde`, and
//! the checks a fix must pass before it is applied (one target, a reason,
//! an expected value for every value it replaces).

use apidoc_ir::{Diagnostic, Lang, ParamLocation, Severity, Span, TypeRef, Value};
use serde::Deserialize;

/// The fixes of one service, as read from its `fixes.yaml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fixes {
    /// The fixes in file order.
    pub fixes: Vec<Fix>,
}

impl Fixes {
    /// True when there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.fixes.is_empty()
    }
}

/// One correction of a documentation defect.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// The fix's first line in `fixes.yaml`.
    pub span: Span,
    /// What it corrects.
    pub target: Target,
    /// The values the page states today; a fix whose expected values the
    /// page no longer states is stale.
    pub expect: Props,
    /// The values that replace them.
    pub update: Props,
    /// Drop the target (an operation, parameter, field, response or model).
    pub remove: bool,
    /// A field (or, on an operation, a parameter) to add.
    pub add: Option<NewField>,
    /// Why: the page line, a link, what the service really does.
    pub reason: String,
    /// Written by `cargo xtask fixes suggest` from the page's own example,
    /// not yet reviewed by hand (reviewing means deleting the mark).
    pub suggested: bool,
}

/// Where a fix applies.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// An operation id (`ListServers`) or `METHOD /path`; `None` for a
    /// model or finding kind of any operation.
    pub operation: Option<String>,
    /// Only the pages of this language.
    pub lang: Option<Lang>,
    /// The place within the operation.
    pub place: Place,
}

/// The place a fix names within an operation (or a service).
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// The operation itself.
    Operation,
    /// A path, query or header parameter.
    Parameter {
        /// Its name.
        name: String,
        /// Where it travels, if the fix says.
        location: Option<ParamLocation>,
    },
    /// A field of the request body, by dotted path (`server.flavorRef`),
    /// or the body itself (`request: ""`, an empty path).
    Request {
        /// The path, one field name per step.
        path: Vec<String>,
    },
    /// A response by status code, or a field of its body.
    Response {
        /// The status code.
        status: u16,
        /// A dotted field path in its body; empty for the response itself.
        path: Vec<String>,
    },
    /// A model (a table) by name, or a field of it.
    Model {
        /// The model name.
        name: String,
        /// A dotted field path from it; empty for the model itself.
        path: Vec<String>,
    },
    /// A finding kind (a diagnostic code) of the operation, or of any.
    Finding {
        /// The code, e.g. `example-type-mismatch`.
        code: String,
    },
}

/// Properties a fix expects or sets; every one is optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Props {
    /// The wire name (rename).
    pub name: Option<String>,
    /// The Type cell, written as pages write it (`Array of strings`).
    #[serde(rename = "type")]
    pub type_text: Option<String>,
    /// The Mandatory flag.
    pub required: Option<bool>,
    /// Whether `null` is allowed.
    pub nullable: Option<bool>,
    /// The allowed values.
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<Value>>,
    /// The description in the page's language.
    pub description: Option<String>,
    /// `true`: the parameter or field takes several values (its type
    /// becomes an array of the type it had; query parameters repeat).
    pub repeat: Option<bool>,
    /// A key of the body to unwrap: the body becomes that field's type.
    pub unwrap: Option<String>,
    /// A key to wrap the body in: the body becomes an object whose one
    /// field, of that name, holds what the body was (after `repeat`).
    pub wrap: Option<String>,
    /// The severity of a finding kind.
    pub severity: Option<SeverityName>,
}

impl Props {
    fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// The names of the properties set, in a fixed order.
    fn names(&self) -> Vec<&'static str> {
        [
            ("name", self.name.is_some()),
            ("type", self.type_text.is_some()),
            ("required", self.required.is_some()),
            ("nullable", self.nullable.is_some()),
            ("enum", self.enum_values.is_some()),
            ("description", self.description.is_some()),
            ("repeat", self.repeat.is_some()),
            ("unwrap", self.unwrap.is_some()),
            ("wrap", self.wrap.is_some()),
            ("severity", self.severity.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

/// A severity as written in `fixes.yaml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    /// Stop generation.
    Error,
    /// Report and go on.
    Warning,
}

impl From<SeverityName> for Severity {
    fn from(name: SeverityName) -> Self {
        match name {
            SeverityName::Error => Severity::Error,
            SeverityName::Warning => Severity::Warning,
        }
    }
}

/// A field or parameter a fix adds.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewField {
    /// For a parameter: where it travels.
    #[serde(rename = "in")]
    pub location: Option<ParamLocation>,
    /// The wire name.
    pub name: String,
    /// The Type cell, as pages write it.
    #[serde(rename = "type")]
    pub type_text: String,
    /// The Mandatory flag (default: optional).
    #[serde(default)]
    pub required: bool,
    /// What it is.
    pub description: Option<String>,
}

/// `fixes.yaml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fixes: Vec<RawFix>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFix {
    target: RawTarget,
    #[serde(default)]
    expect: Props,
    #[serde(default)]
    update: Props,
    #[serde(default)]
    remove: bool,
    add: Option<NewField>,
    reason: String,
    #[serde(default)]
    suggested: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    operation: Option<String>,
    lang: Option<LangName>,
    parameter: Option<String>,
    #[serde(rename = "in")]
    location: Option<ParamLocation>,
    request: Option<String>,
    response: Option<u16>,
    model: Option<String>,
    field: Option<String>,
    finding: Option<String>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum LangName {
    En,
    Zh,
}

/// Reads `fixes.yaml`. `file` is its path relative to the docs directory
/// (used in spans). A file that does not parse, or a fix that breaks a rule
/// of the format, gives an error diagnostic at its line; the fixes that
/// pass are returned either way.
pub fn parse_fixes(file: &str, text: &str) -> (Fixes, Vec<Diagnostic>) {
    let raw: File = match yaml_serde::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.location().map_or(1, |at| at.line());
            let mut diagnostic = invalid(
                Span::new(file, line as u32),
                format!("expected a fixes file (a `fixes:` list), found an error: {error}"),
            );
            if let Some(label) = &mut diagnostic.primary {
                label.message = "does not parse".to_owned();
            }
            return (Fixes::default(), vec![diagnostic]);
        }
    };
    let lines = item_lines(text, raw.fixes.len());
    let mut fixes = Fixes::default();
    let mut diagnostics = Vec::new();
    for (raw, line) in raw.fixes.into_iter().zip(lines) {
        let span = Span::new(file, line);
        match validate(raw, span.clone()) {
            Ok(fix) => fixes.fixes.push(fix),
            Err(message) => diagnostics.push(invalid(span, message)),
        }
    }
    (fixes, diagnostics)
}

fn invalid(span: Span, message: String) -> Diagnostic {
    Diagnostic::error("fix-invalid", message, span, "this fix").with_help(
        "see \"Correcting a documentation defect\" in the README for the format of fixes.yaml",
    )
}

/// The 1-based line of each item of the top-level `fixes:` list: the lines
/// starting with `- ` at the indentation of the first item. Where the
/// layout is unusual (flow style) every fix gets the `fixes:` line.
fn item_lines(text: &str, count: usize) -> Vec<u32> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with("fixes:"))
        .unwrap_or(0);
    let is_item = |line: &str| line.trim_start().starts_with("- ") || line.trim() == "-";
    let indent = |line: &str| line.len() - line.trim_start().len();
    let first = lines.iter().skip(start + 1).find(|line| is_item(line));
    let found: Vec<u32> = match first {
        Some(first) => {
            let depth = indent(first);
            lines
                .iter()
                .enumerate()
                .skip(start + 1)
                .filter(|(_, line)| is_item(line) && indent(line) == depth)
                .map(|(index, _)| index as u32 + 1)
                .collect()
        }
        None => Vec::new(),
    };
    if found.len() == count {
        found
    } else {
        vec![start as u32 + 1; count]
    }
}

/// The rules yaml_serde cannot state: one place, a reason, something to
/// do, an expected value for each value replaced, types pages would write.
fn validate(raw: RawFix, span: Span) -> Result<Fix, String> {
    if raw.reason.trim().is_empty() {
        return Err("expected a `reason` (the page line, a link), found an empty one".to_owned());
    }
    let place = place(&raw.target)?;
    if raw.target.operation.is_none()
        && !matches!(place, Place::Model { .. } | Place::Finding { .. })
    {
        return Err(
            "expected `operation` (an id or `METHOD /path`) in the target, found none".to_owned(),
        );
    }
    if raw.update.is_empty() && !raw.remove && raw.add.is_none() {
        return Err(
            "expected something to do (`update`, `remove: true` or `add`), found nothing"
                .to_owned(),
        );
    }
    allowed(&place, &raw)?;
    expectations(&raw.expect, &raw.update)?;
    let types = [
        raw.update.type_text.as_deref(),
        raw.add.as_ref().map(|add| add.type_text.as_str()),
    ];
    for text in types.into_iter().flatten() {
        if apidoc_parser::read::types::parse_type(text).is_none() {
            return Err(format!(
                "expected a type as pages write it (`String`, `Array of strings`, `Foo object`), found `{text}`"
            ));
        }
    }
    Ok(Fix {
        span,
        target: Target {
            operation: raw.target.operation,
            lang: raw.target.lang.map(|lang| match lang {
                LangName::En => Lang::En,
                LangName::Zh => Lang::Zh,
            }),
            place,
        },
        expect: raw.expect,
        update: raw.update,
        remove: raw.remove,
        add: raw.add,
        reason: raw.reason.trim().to_owned(),
        suggested: raw.suggested,
    })
}

fn dotted(path: &str) -> Vec<String> {
    path.split('.').map(str::to_owned).collect()
}

/// The one place a target names.
fn place(target: &RawTarget) -> Result<Place, String> {
    let named = [
        target.parameter.is_some(),
        target.request.is_some(),
        target.response.is_some(),
        target.model.is_some(),
        target.finding.is_some(),
    ];
    if named.iter().filter(|set| **set).count() > 1 {
        return Err(
            "expected at most one of `parameter`, `request`, `response`, `model`, `finding` in the target, found several"
                .to_owned(),
        );
    }
    if target.location.is_some() && target.parameter.is_none() {
        return Err("`in` goes with `parameter` only".to_owned());
    }
    if target.field.is_some() && target.response.is_none() && target.model.is_none() {
        return Err("`field` goes with `response` or `model` only".to_owned());
    }
    let path = target.field.as_deref().map(dotted).unwrap_or_default();
    Ok(if let Some(name) = &target.parameter {
        Place::Parameter {
            name: name.clone(),
            location: target.location,
        }
    } else if let Some(request) = &target.request {
        Place::Request {
            path: if request.is_empty() {
                Vec::new()
            } else {
                dotted(request)
            },
        }
    } else if let Some(status) = target.response {
        Place::Response { status, path }
    } else if let Some(name) = &target.model {
        Place::Model {
            name: name.clone(),
            path,
        }
    } else if let Some(code) = &target.finding {
        Place::Finding { code: code.clone() }
    } else {
        Place::Operation
    })
}

/// Which changes make sense where.
fn allowed(place: &Place, raw: &RawFix) -> Result<(), String> {
    const FIELD: &[&str] = &[
        "name",
        "type",
        "required",
        "nullable",
        "enum",
        "description",
        "repeat",
    ];
    let (what, props, remove, add): (&str, &[&str], bool, bool) = match place {
        Place::Operation => ("an operation", &[], true, true),
        Place::Parameter { .. } => ("a parameter", FIELD, true, false),
        Place::Request { path } if path.is_empty() => (
            "a request body",
            &["type", "repeat", "unwrap", "wrap"],
            false,
            true,
        ),
        Place::Request { .. } => ("a field", FIELD, true, true),
        Place::Response { path, .. } | Place::Model { path, .. } if !path.is_empty() => {
            ("a field", FIELD, true, true)
        }
        Place::Response { .. } => (
            "a response",
            &["description", "type", "repeat", "unwrap", "wrap"],
            true,
            true,
        ),
        Place::Model { .. } => ("a model", &["description"], true, true),
        Place::Finding { .. } => ("a finding kind", &["severity"], false, false),
    };
    if let Some(bad) = raw
        .update
        .names()
        .into_iter()
        .find(|name| !props.contains(name))
    {
        return Err(format!(
            "`update: {bad}` does not apply to {what} (it takes: {})",
            if props.is_empty() {
                "none".to_owned()
            } else {
                props.join(", ")
            }
        ));
    }
    if raw.remove && !remove {
        return Err(format!("`remove` does not apply to {what}"));
    }
    if let Some(new) = &raw.add {
        if !add {
            return Err(format!("`add` does not apply to {what}"));
        }
        if matches!(place, Place::Operation) != new.location.is_some() {
            return Err(
                "`add` takes `in: path|query|header` on an operation (a parameter), and not elsewhere (a field)"
                    .to_owned(),
            );
        }
    }
    if let Some(bad) = raw
        .expect
        .names()
        .into_iter()
        .find(|name| !props.contains(name))
    {
        return Err(format!("`expect: {bad}` does not apply to {what}"));
    }
    Ok(())
}

/// Every value an update replaces must be stated as expected, so that a
/// page edited since makes the fix stale instead of silently overwritten.
fn expectations(expect: &Props, update: &Props) -> Result<(), String> {
    let updated = update.names();
    let expected = expect.names();
    let reshapes = ["repeat", "wrap"].iter().any(|name| updated.contains(name));
    let replaces = |name: &str| updated.contains(&name) || (name == "type" && reshapes);
    match ["type", "required", "nullable", "enum", "description"]
        .into_iter()
        .find(|name| replaces(name) && !expected.contains(name))
    {
        Some(name) => Err(format!(
            "expected `expect: {name}` (the value the page states now) for `update` to replace, found none"
        )),
        None => Ok(()),
    }
}

/// A type as pages write it, so that [`type_of`] reads it back (but for a
/// list of maps, which the reader takes for a list of objects: a fix
/// expecting one is stale, never wrongly applied).
pub(crate) fn written_type(ty: &TypeRef) -> String {
    let word = |ty: &TypeRef| match ty {
        TypeRef::String => Some("String"),
        TypeRef::Integer => Some("Integer"),
        TypeRef::Long => Some("Long"),
        TypeRef::Number => Some("Number"),
        TypeRef::Boolean => Some("Boolean"),
        TypeRef::Object => Some("Object"),
        _ => None,
    };
    match ty {
        TypeRef::Model(name) => format!("{name} object"),
        TypeRef::Array(item) => match (item.as_ref(), word(item)) {
            (TypeRef::Model(name), _) => format!("Array of {name} objects"),
            (_, Some(word)) => format!("Array of {}s", word.to_lowercase()),
            (item, None) => format!("Array of {}", written_type(item)),
        },
        TypeRef::Map(value) => format!("Map<String,{}>", written_type(value)),
        scalar => word(scalar).unwrap_or_default().to_owned(),
    }
}

/// The type a Type cell names (validated when the fix was read).
pub(crate) fn type_of(text: &str) -> TypeRef {
    apidoc_parser::read::types::parse_type(text).unwrap_or(TypeRef::Object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_types_read_back_as_the_same_type() {
        let model = |name: &str| TypeRef::Model(name.to_owned());
        let array = |ty: TypeRef| TypeRef::Array(Box::new(ty));
        let types = [
            TypeRef::String,
            TypeRef::Integer,
            TypeRef::Long,
            TypeRef::Number,
            TypeRef::Boolean,
            TypeRef::Object,
            model("Tag"),
            array(model("Tag")),
            array(TypeRef::String),
            array(TypeRef::Long),
            array(TypeRef::Object),
            array(array(TypeRef::Integer)),
            TypeRef::Map(Box::new(TypeRef::String)),
            TypeRef::Map(Box::new(model("Tag"))),
        ];
        for ty in types {
            let text = written_type(&ty);
            assert_eq!(type_of(&text), ty, "{text}");
        }
    }
}
