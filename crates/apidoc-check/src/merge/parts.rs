//! Merging the parts two pages of the same operation both document:
//! parameters, responses, Status Codes rows. Each returns the
//! [`Difference`]s found; the caller decides what they mean (a language
//! conflict, a conflict between same-path pages).

use apidoc_ir::{ExampleBody, ParamLocation, Parameter, Response, StatusCodeDoc};

use crate::facts::{Difference, Shown, fill_text, merge_field, type_name};
use crate::pair::{Side, merge_by, union_by};

/// How a parameter's location reads in a message.
pub(crate) fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}

pub(super) fn parameter_subject(parameter: &Parameter) -> String {
    format!(
        "{} parameter `{}`",
        location_name(parameter.location),
        parameter.field.name
    )
}

/// Header names compare without case, as HTTP does.
pub(crate) fn parameter_key(parameter: &Parameter) -> (ParamLocation, String) {
    let name = &parameter.field.name;
    let name = if parameter.location == ParamLocation::Header {
        name.to_ascii_lowercase()
    } else {
        name.clone()
    };
    (parameter.location, name)
}

/// Merges parameters matched by location and name.
pub(crate) fn merge_parameters(into: &mut Vec<Parameter>, other: &[Parameter]) -> Vec<Difference> {
    let mut differences = Vec::new();
    merge_by(into, other, parameter_key, |side| match side {
        Side::Both(kept, other) => {
            differences.extend(merge_field(
                &parameter_subject(kept),
                &mut kept.field,
                &other.field,
            ));
        }
        Side::OnlyFirst(item) => {
            differences.push(missing(parameter_subject(item), &item.field.span, true))
        }
        Side::OnlySecond(item) => {
            differences.push(missing(parameter_subject(item), &item.field.span, false))
        }
    });
    differences
}

fn missing(subject: String, present: &apidoc_ir::Span, in_first: bool) -> Difference {
    Difference::Missing {
        subject,
        present: present.clone(),
        in_first,
    }
}

/// Merges responses matched by status: headers by name, body schemas must
/// be equal, examples both sides repeat are kept once.
pub(crate) fn merge_responses(into: &mut Vec<Response>, other: &[Response]) -> Vec<Difference> {
    let mut differences = Vec::new();
    merge_by(
        into,
        other,
        |response| response.status,
        |side| match side {
            Side::Both(kept, other) => differences.extend(merge_response(kept, other)),
            Side::OnlyFirst(item) => {
                differences.push(missing(response_subject(item), &item.span, true))
            }
            Side::OnlySecond(item) => {
                differences.push(missing(response_subject(item), &item.span, false))
            }
        },
    );
    differences
}

fn response_subject(response: &Response) -> String {
    format!("response {}", response.status)
}

fn merge_response(into: &mut Response, other: &Response) -> Vec<Difference> {
    let mut differences = Vec::new();
    fill_text(&mut into.description, &other.description);
    let status = into.status;
    merge_by(
        &mut into.headers,
        &other.headers,
        |header| header.name.to_ascii_lowercase(),
        |side| {
            let subject = |name: &str| format!("header `{name}` of response {status}");
            match side {
                Side::Both(kept, other) => {
                    differences.extend(merge_field(&subject(&kept.name), kept, other))
                }
                Side::OnlyFirst(item) => {
                    differences.push(missing(subject(&item.name), &item.span, true))
                }
                Side::OnlySecond(item) => {
                    differences.push(missing(subject(&item.name), &item.span, false))
                }
            }
        },
    );
    match (&into.body, &other.body) {
        (Some(first), Some(second)) if first != second => differences.push(Difference::Fact {
            subject: response_subject(into),
            fact: "body",
            first: Shown {
                value: type_name(first),
                span: into.span.clone(),
            },
            second: Shown {
                value: type_name(second),
                span: other.span.clone(),
            },
        }),
        (None, Some(_)) => into.body.clone_from(&other.body),
        _ => {}
    }
    union_by(&mut into.examples, &other.examples, |example| {
        body_key(&example.body)
    });
    differences
}

/// An example body as a comparable key (JSON compared as written compactly).
pub(crate) fn body_key(body: &ExampleBody) -> String {
    match body {
        ExampleBody::Json(value) => value.to_string(),
        ExampleBody::Text(text) => text.clone(),
    }
}

/// Merges Status Codes rows matched by status.
pub(crate) fn merge_status_codes(
    into: &mut Vec<StatusCodeDoc>,
    other: &[StatusCodeDoc],
) -> Vec<Difference> {
    let mut differences = Vec::new();
    let subject = |row: &StatusCodeDoc| format!("status code {}", row.status);
    merge_by(
        into,
        other,
        |row| row.status,
        |side| match side {
            Side::Both(kept, other) => fill_text(&mut kept.description, &other.description),
            Side::OnlyFirst(item) => differences.push(missing(subject(item), &item.span, true)),
            Side::OnlySecond(item) => differences.push(missing(subject(item), &item.span, false)),
        },
    );
    differences
}

#[cfg(test)]
mod tests {
    use apidoc_ir::TypeRef;

    use super::*;
    use crate::testkit::*;

    #[test]
    fn header_parameters_match_without_case() {
        let mut first = vec![param(
            ParamLocation::Header,
            "X-Auth-Token",
            TypeRef::String,
            span("a", 1),
        )];
        let second = [param(
            ParamLocation::Header,
            "x-auth-token",
            TypeRef::String,
            span("b", 1),
        )];
        assert!(merge_parameters(&mut first, &second).is_empty());
        assert_eq!(first.len(), 1);
    }

    #[test]
    fn responses_with_different_bodies_differ_and_missing_ones_are_kept() {
        let mut first = vec![response(200, Some("A"), span("a", 5))];
        let second = [
            response(200, Some("B"), span("b", 5)),
            response(400, None, span("b", 9)),
        ];
        let differences = merge_responses(&mut first, &second);
        assert!(matches!(
            &differences[0],
            Difference::Fact { fact: "body", .. }
        ));
        assert!(matches!(
            &differences[1],
            Difference::Missing {
                in_first: false,
                ..
            }
        ));
        assert_eq!(
            first.iter().map(|r| r.status).collect::<Vec<_>>(),
            [200, 400]
        );
    }
}
