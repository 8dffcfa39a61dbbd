//! Header rows that authentication fills are not parameters of a call.
//!
//! Pages list the headers of their authentication among the request
//! headers: `X-Auth-Token` (token), `Authorization` and `X-Sdk-Date` (the
//! AK/SK signature), `X-Security-Token` (temporary AK/SK) and, where the
//! page ties it to AK/SK, `X-Project-Id`. The security schemes of the spec
//! and the SDK's credentials send them; as parameters they would make every
//! caller pass a token by hand.

use apidoc_ir::{ParamLocation, Parameter, Service};

/// Headers every credential kind fills whatever the page says of them.
const AUTH_HEADERS: [&str; 4] = [
    "X-Auth-Token",
    "Authorization",
    "X-Sdk-Date",
    "X-Security-Token",
];

/// Removes the authentication header rows from every operation.
pub(crate) fn drop_auth_headers(service: &mut Service) {
    for op in &mut service.operations {
        op.parameters.retain(|parameter| !is_auth_header(parameter));
    }
}

/// An authentication header: one of [`AUTH_HEADERS`], or `X-Project-Id`
/// where its description says it goes with AK/SK (the SDK sends the
/// configured project id then); an `X-Project-Id` the page asks for in its
/// own right stays a parameter.
fn is_auth_header(parameter: &Parameter) -> bool {
    if parameter.location != ParamLocation::Header {
        return false;
    }
    let name = parameter.field.name.trim();
    if AUTH_HEADERS
        .iter()
        .any(|auth| auth.eq_ignore_ascii_case(name))
    {
        return true;
    }
    let description = &parameter.field.description;
    let mentions_ak_sk = [&description.en, &description.zh]
        .into_iter()
        .flatten()
        .any(|text| {
            let squeezed: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
            squeezed.to_ascii_lowercase().contains("aksk")
        });
    name.eq_ignore_ascii_case("X-Project-Id") && mentions_ak_sk
}

#[cfg(test)]
mod tests {
    use apidoc_ir::{Lang, Method, Text, TypeRef};

    use super::*;
    use crate::testkit::{operation, param, service, span};

    fn header(name: &str, description: &str) -> Parameter {
        let mut parameter = param(
            ParamLocation::Header,
            name,
            TypeRef::String,
            span("p.html", 9),
        );
        parameter.field.required = Some(true);
        parameter.field.description = Text::in_lang(Lang::En, description);
        parameter
    }

    #[test]
    fn authentication_headers_are_left_to_the_credentials() {
        let mut op = operation("Op", Method::Get, "/v1/things", span("p.html", 3));
        op.parameters = vec![
            header("X-Auth-Token", "User token."),
            header("x-sdk-date", "Signing time."),
            header(
                "X-Project-Id",
                "Project ID. Mandatory with AK/SK authentication.",
            ),
            header("X-Language", "Language of the answer."),
            param(
                ParamLocation::Query,
                "Authorization",
                TypeRef::String,
                span("p.html", 12),
            ),
        ];
        let mut alone = operation("Own", Method::Get, "/v1/other", span("q.html", 3));
        alone.parameters = vec![header("X-Project-Id", "Project whose things are listed.")];
        let mut service = service(vec![op, alone], vec![]);
        drop_auth_headers(&mut service);
        let names = |index: usize| -> Vec<String> {
            service.operations[index]
                .parameters
                .iter()
                .map(|p| p.field.name.clone())
                .collect()
        };
        assert_eq!(names(0), ["X-Language", "Authorization"]);
        assert_eq!(names(1), ["X-Project-Id"]);
    }
}
