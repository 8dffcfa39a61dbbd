//! The whole document: info, servers, paths, components and security.

use apidoc_ir::{Service, ServiceMeta};
use indexmap::IndexMap;
use openapiv3::{
    APIKeyLocation, Components, Info, OpenAPI, ReferenceOr, SecurityRequirement, SecurityScheme,
    Server, ServerVariable,
};

use crate::names::ComponentNames;
use crate::operation::OperationMapper;
use crate::paths::paths;
use crate::schema::SchemaMapper;
use crate::template::template_vars;

/// The OpenAPI version written.
const OPENAPI_VERSION: &str = "3.0.3";

/// The service as an OpenAPI 3.0.3 document (what [`crate::emit`] writes).
pub fn document(service: &Service) -> OpenAPI {
    let names = ComponentNames::new(service.models.iter().map(|m| m.name.as_str()));
    let schemas = SchemaMapper::new(&names);
    let operations = OperationMapper::new(&schemas);
    let mut doc = OpenAPI {
        openapi: OPENAPI_VERSION.to_owned(),
        info: info(&service.meta),
        servers: servers(&service.meta),
        paths: paths(&service.operations, &operations),
        components: Some(components(service, &names, &schemas)),
        security: Some(vec![requirement(TOKEN), requirement(AKSK)]),
        ..OpenAPI::default()
    };
    crate::examples::confine_examples(&mut doc);
    doc
}

fn info(meta: &ServiceMeta) -> Info {
    Info {
        title: meta.title.clone(),
        description: meta.description.clone(),
        version: meta.version.clone(),
        ..Info::default()
    }
}

/// One server: the endpoint template, each `{variable}` with its default
/// from the metadata, or its own name where the metadata gives none
/// (OpenAPI requires a default).
fn servers(meta: &ServiceMeta) -> Vec<Server> {
    if meta.endpoint.trim().is_empty() {
        return Vec::new();
    }
    let variables: IndexMap<String, ServerVariable> = template_vars(&meta.endpoint)
        .into_iter()
        .map(|name| (name.to_owned(), server_variable(meta, name)))
        .collect();
    vec![Server {
        url: meta.endpoint.clone(),
        variables: (!variables.is_empty()).then_some(variables),
        ..Server::default()
    }]
}

fn server_variable(meta: &ServiceMeta, name: &str) -> ServerVariable {
    let given = meta
        .endpoint_defaults
        .iter()
        .find(|(variable, _)| variable == name)
        .map(|(_, value)| value.clone());
    let description = match given {
        Some(_) => format!("Value of `{{{name}}}` in the endpoint."),
        None => format!(
            "Value of `{{{name}}}` in the endpoint. The service metadata gives no default; \
             the default is the variable's name."
        ),
    };
    ServerVariable {
        default: given.unwrap_or_else(|| name.to_owned()),
        description: Some(description),
        ..ServerVariable::default()
    }
}

/// Security scheme names.
const TOKEN: &str = "token";
const AKSK: &str = "aksk";

fn components(service: &Service, names: &ComponentNames, schemas: &SchemaMapper<'_>) -> Components {
    let mut models: Vec<_> = service.models.iter().collect();
    models.sort_by(|a, b| a.name.cmp(&b.name));
    models.dedup_by(|a, b| a.name == b.name);
    let schemas = models
        .into_iter()
        .filter_map(|model| {
            let key = names.key(&model.name)?;
            Some((key.to_owned(), ReferenceOr::Item(schemas.model(model, key))))
        })
        .collect();
    Components {
        schemas,
        security_schemes: security_schemes(),
        ..Components::default()
    }
}

/// The two ways Huawei Cloud APIs authenticate. The pages also document
/// these headers as parameters; the schemes tell tools how to fill them.
/// `Authorization` is not emitted as a parameter (OpenAPI reserves it), so
/// `aksk` is what documents it.
fn security_schemes() -> IndexMap<String, ReferenceOr<SecurityScheme>> {
    let token = api_key_header(
        "X-Auth-Token",
        "IAM user token: the value of the X-Subject-Token response header of the IAM \
         API that obtains a user token.",
    );
    let aksk = api_key_header(
        "Authorization",
        "AK/SK signature. The request carries its signing time in `X-Sdk-Date` \
         (`YYYYMMDD'T'HHMMSS'Z'`) and, for project-scoped APIs, `X-Project-Id`; \
         `Authorization` is `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, \
         Signature=<hex>`, where the signature is the HMAC-SHA256, keyed with the \
         secret key, of the string to sign built from the canonical request \
         (method, path, query, signed headers, SHA-256 of the body).",
    );
    IndexMap::from([(TOKEN.to_owned(), token), (AKSK.to_owned(), aksk)])
}

fn api_key_header(name: &str, description: &str) -> ReferenceOr<SecurityScheme> {
    ReferenceOr::Item(SecurityScheme::APIKey {
        location: APIKeyLocation::Header,
        name: name.to_owned(),
        description: Some(description.to_owned()),
        extensions: IndexMap::new(),
    })
}

/// A requirement satisfied by one scheme; the document lists one per scheme
/// so that either suffices.
fn requirement(scheme: &str) -> SecurityRequirement {
    IndexMap::from([(scheme.to_owned(), Vec::new())])
}
