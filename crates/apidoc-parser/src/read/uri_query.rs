//! What a URI line says beyond its path: the host's placeholders and the
//! query string.
//!
//! `POST https://{endpoint}/v1.0/{project_id}/graphs/{graph_id}/action?action_id=bindEip`
//! states that `endpoint` is the service's host (the client's endpoint,
//! not a request parameter), and that every request sends
//! `action_id=bindEip`, which tells this operation from the others on the
//! same path. `?limit={pageSize}` states the wire name `limit` of what the
//! table calls `pageSize`.

use apidoc_ir::{
    Constraints, Diagnostic, EnumValue, Field, ParamLocation, Parameter, Text, TypeRef, Uri, Value,
};

use super::Reader;
use super::sections::{QueryValue, UriLine};

impl Reader<'_> {
    /// Rows documenting a placeholder of the URI's host (`{endpoint}`):
    /// the client's endpoint fills it, so they are no request parameter;
    /// each goes with a warning.
    pub(super) fn drop_host_parameters(
        &mut self,
        parameters: &mut Vec<Parameter>,
        lines: &[UriLine],
    ) {
        let host = |name: &str| {
            lines
                .iter()
                .any(|l| l.host_placeholders.iter().any(|h| h == name))
        };
        let mut dropped = Vec::new();
        parameters.retain(|p| {
            let of_host = p.location != ParamLocation::Header && host(&p.field.name);
            if of_host {
                dropped.push(
                    Diagnostic::warning(
                        "uri-host-parameter",
                        format!(
                            "expected request parameters, found `{}`, the host of the URI (`{{{}}}`)",
                            p.field.name, p.field.name
                        ),
                        p.field.span.clone(),
                        "the client's endpoint",
                    )
                    .degrading(format!("`{}`: not a parameter; the client's endpoint fills it", p.field.name)),
                );
            }
            !of_host
        });
        self.diagnostics.extend(dropped);
    }

    /// The query string of the URI lines: a fixed value the tables do not
    /// document becomes a required query parameter allowing that value
    /// only; a placeholder whose name differs from its key renames the row
    /// documenting it to the key, the name on the wire.
    pub(super) fn apply_uri_query(
        &mut self,
        parameters: &mut Vec<Parameter>,
        uris: &[Uri],
        lines: &[UriLine],
    ) {
        for (uri, line) in uris.iter().zip(lines) {
            for part in &line.query {
                match &part.value {
                    QueryValue::Fixed(value) => self.add_fixed(parameters, &part.key, value, uri),
                    QueryValue::Placeholder(name) if *name != part.key => {
                        self.rename_to_key(parameters, name, &part.key, uri);
                    }
                    _ => {}
                }
            }
        }
    }

    fn add_fixed(&mut self, parameters: &mut Vec<Parameter>, key: &str, value: &str, uri: &Uri) {
        if parameters.iter().any(|p| p.field.name == key) {
            return;
        }
        let constraints = Constraints {
            enum_values: vec![EnumValue {
                value: Value::String(value.to_owned()),
                description: Text::default(),
                span: uri.span.clone(),
            }],
            ..Constraints::default()
        };
        parameters.push(Parameter {
            location: ParamLocation::Query,
            field: Field {
                name: key.to_owned(),
                required: Some(true),
                ty: TypeRef::String,
                type_text: String::new(),
                description: Text::default(),
                constraints,
                span: uri.span.clone(),
                degraded: Vec::new(),
            },
        });
    }

    fn rename_to_key(&mut self, parameters: &mut [Parameter], name: &str, key: &str, uri: &Uri) {
        if parameters.iter().any(|p| p.field.name == key) {
            return;
        }
        let Some(row) = parameters.iter_mut().find(|p| {
            p.field.name == name && p.location != ParamLocation::Header && !in_path(uri, name)
        }) else {
            return;
        };
        self.diagnostics.push(
            Diagnostic::warning(
                "query-key-differs",
                format!(
                    "expected the row of query parameter `{key}` (the URI sends `{key}={{{name}}}`), found it documented as `{name}`"
                ),
                row.field.span.clone(),
                format!("read as `{key}`"),
            )
            .with_secondary(uri.span.clone(), format!("`{key}={{{name}}}` here"))
            .with_help(format!("name the row `{key}`, as the request sends it")),
        );
        row.field.name = key.to_owned();
        row.location = ParamLocation::Query;
    }
}

fn in_path(uri: &Uri, name: &str) -> bool {
    uri.path.contains(&format!("{{{name}}}"))
}
