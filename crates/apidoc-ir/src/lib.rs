//! The intermediate representation (IR) shared by every stage of the pipeline.
//!
//! Front ends (`apidoc-parser`) produce one [`Page`] per documentation page;
//! the checker (`apidoc-check`) merges pages into a [`Service`]; emitters
//! (`apidoc-openapi`, `apidoc-rust`) read only a [`Service`]. Everything here
//! is plain data: no behaviour beyond small accessors, no I/O. Every fact
//! read from a page keeps the [`Span`] it came from, so that a diagnostic can
//! point at the page line that stated it.

mod diag;
pub mod jobs;
pub mod paging;

pub use diag::{Diagnostic, Label, Severity};
use serde::{Deserialize, Serialize};
pub use serde_json::{Number, Value};

/// Where a fact was read: a page file (relative to the docs root), a
/// 1-based line in it and, where the line holds markup, the columns of the
/// text the fact was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Path of the page, relative to the docs directory, with `/` separators.
    pub file: String,
    /// 1-based line number in that file.
    pub line: u32,
    /// The text's columns on the line, where the front end knows them (a
    /// raw-HTML line of 300 characters of markup around a cell's word).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub columns: Option<Columns>,
}

/// A range of byte columns on one line: 1-based, `end` exclusive.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Columns {
    /// Column of the first byte.
    pub start: u32,
    /// Column just after the last byte.
    pub end: u32,
}

impl Span {
    /// A span at `line` of `file`.
    pub fn new(file: impl Into<String>, line: u32) -> Self {
        Self {
            file: file.into(),
            line,
            columns: None,
        }
    }

    /// The same span narrowed to `columns` of its line.
    pub fn with_columns(mut self, columns: Columns) -> Self {
        self.columns = Some(columns);
        self
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A value read from a page together with where it was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact<T> {
    /// The value.
    pub value: T,
    /// Where the page states it.
    pub span: Span,
}

impl<T> Fact<T> {
    /// Pairs a value with its source.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// The language a page is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

/// Prose in each documentation language; either may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// English text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub en: Option<String>,
    /// Chinese text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub zh: Option<String>,
}

impl Text {
    /// Text in a single language.
    pub fn in_lang(lang: Lang, text: impl Into<String>) -> Self {
        let text = Some(text.into());
        match lang {
            Lang::En => Self { en: text, zh: None },
            Lang::Zh => Self { en: None, zh: text },
        }
    }

    /// The English text, or the Chinese where no English exists.
    pub fn preferred(&self) -> Option<&str> {
        self.en.as_deref().or(self.zh.as_deref())
    }

    /// True when neither language has text.
    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.zh.is_none()
    }
}

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
    /// PATCH
    Patch,
    /// HEAD
    Head,
    /// OPTIONS
    Options,
}

impl Method {
    /// Parses a method name in any letter case.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_uppercase().as_str() {
            "GET" => Self::Get,
            "POST" => Self::Post,
            "PUT" => Self::Put,
            "DELETE" => Self::Delete,
            "PATCH" => Self::Patch,
            "HEAD" => Self::Head,
            "OPTIONS" => Self::Options,
            _ => return None,
        })
    }

    /// The upper-case method name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
            Self::Patch => "PATCH",
            Self::Head => "HEAD",
            Self::Options => "OPTIONS",
        }
    }
}

/// The type of a field or parameter, as understood from the Type column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TypeRef {
    /// A string.
    String,
    /// A 32-bit or unspecified-width integer ("Integer", "int").
    Integer,
    /// A 64-bit integer ("Long", "int64").
    Long,
    /// A floating-point number ("Float", "Double", "Number").
    Number,
    /// A boolean.
    Boolean,
    /// A free-form JSON object ("Object", "Json", `Map<String,Object>`, "Null").
    Object,
    /// A map from strings to values of the given type (`Map<String,String>`).
    Map(Box<TypeRef>),
    /// A list ("Array of strings", "Array of X objects", `List<String>`).
    Array(Box<TypeRef>),
    /// A named model defined by a table on the page ("X object").
    Model(String),
    /// A value of any JSON kind: the page states a type the reader could
    /// not read (the Type cell as written is [`Field::type_text`], and the
    /// field says so in [`Field::degraded`]).
    Any,
}

/// Constraints stated in prose (description cells) for a field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// The default value ("Default value: 10").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub default: Option<Fact<Value>>,
    /// The allowed values ("• VALUE: text" bullets, "KMS, normal, or null").
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub enum_values: Vec<EnumValue>,
    /// Inclusive lower bound for numbers ("Value range: 1~100").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub minimum: Option<Fact<Number>>,
    /// Inclusive upper bound for numbers.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub maximum: Option<Fact<Number>>,
    /// Minimum string length in characters.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub min_length: Option<Fact<u64>>,
    /// Maximum string length in characters.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub max_length: Option<Fact<u64>>,
    /// Minimum number of array items.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub min_items: Option<Fact<u64>>,
    /// Maximum number of array items.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub max_items: Option<Fact<u64>>,
    /// Where the page says `null` is an allowed value, if it does.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub nullable: Option<Span>,
}

/// One allowed value of an enumeration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    /// The value as sent on the wire, typed like its field.
    pub value: Value,
    /// What the value means.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub description: Text,
    /// Where the value is listed.
    pub span: Span,
}

/// A row of a parameter table: a body field, a parameter or a header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The name on the wire.
    pub name: String,
    /// The Mandatory column; `None` where the table has no such column or
    /// the page leaves the cell empty (as Chinese pages do).
    pub required: Option<bool>,
    /// The understood type.
    pub ty: TypeRef,
    /// The Type cell as written.
    pub type_text: String,
    /// The description cell as text: paragraphs separated by blank lines,
    /// list items as `- item` lines.
    pub description: Text,
    /// Defaults, enumerations, ranges and lengths read from the description.
    pub constraints: Constraints,
    /// The row's first line.
    pub span: Span,
    /// The parts of what the page states that could not be kept as stated,
    /// and what was written instead (a finding says why each time).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub degraded: Vec<Degraded>,
}

/// A part of a field the page states but the output does not carry as
/// stated: an unreadable type written free-form, a default that does not
/// fit the type left out. The field itself always stays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Degraded {
    /// Which part.
    pub part: Part,
    /// What the page states, as written (`Strng[]`, `30。`).
    pub stated: String,
    /// What was written instead ("a value of any type", "no default").
    pub written: String,
    /// The code of the finding that says why.
    pub code: String,
    /// Where the page states the part.
    pub span: Span,
}

/// A part of a field that can be degraded on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The type.
    Type,
    /// The default value.
    Default,
    /// The list of allowed values.
    Enum,
    /// The value range.
    Range,
    /// The length range.
    Length,
    /// The item count range.
    Items,
    /// The model the field refers to.
    Model,
}

impl Part {
    /// The part as a word for reports ("type", "default").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Type => "type",
            Self::Default => "default",
            Self::Enum => "allowed values",
            Self::Range => "range",
            Self::Length => "length",
            Self::Items => "item count",
            Self::Model => "model",
        }
    }
}

impl Field {
    /// The Mandatory column read as a flag (missing means optional).
    pub fn is_required(&self) -> bool {
        self.required.unwrap_or(false)
    }
}

/// A named object type: one table of fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The model name (a table caption such as "CollectionInfo", or a name
    /// derived from the operation for top-level body tables).
    pub name: String,
    /// What the model is.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub description: Text,
    /// The fields in page order.
    pub fields: Vec<Field>,
    /// The caption line of the defining table.
    pub span: Span,
}

/// Where a parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamLocation {
    /// A `{name}` segment of the URI.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
}

/// Request headers (lower case) the generated SDK's runtime sets itself:
/// authentication, signing, the JSON body's media type. Pages document them
/// as parameters; they are not request fields of the SDK.
pub const RUNTIME_HEADERS: &[&str] = &[
    "authorization",
    "content-type",
    "host",
    "x-auth-token",
    "x-project-id",
    "x-sdk-date",
    "x-security-token",
];

/// A path, query or header parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// Where it travels.
    pub location: ParamLocation,
    /// Its name, type, requirement and constraints.
    pub field: Field,
}

/// Headers every credential kind fills, whatever the page says of them:
/// `X-Auth-Token` (token), `Authorization` and `X-Sdk-Date` (the AK/SK
/// signature), `X-Security-Token` (temporary AK/SK).
const CREDENTIAL_HEADERS: [&str; 4] = [
    "X-Auth-Token",
    "Authorization",
    "X-Sdk-Date",
    "X-Security-Token",
];

impl Parameter {
    /// A header row that authentication fills: pages list their
    /// authentication's headers among the request headers, but the spec's
    /// security schemes and the SDK's credentials send them, so they are
    /// no parameter a caller passes (emitters leave them out; the IR keeps
    /// them as the pages' statement of how to authenticate). One of
    /// `X-Auth-Token`, `Authorization`, `X-Sdk-Date`, `X-Security-Token`, or
    /// `X-Project-Id` where its description ties it to AK/SK (the SDK sends
    /// the configured project id then); an `X-Project-Id` the page asks for
    /// in its own right is a parameter.
    pub fn is_credential_header(&self) -> bool {
        if self.location != ParamLocation::Header {
            return false;
        }
        let name = self.field.name.trim();
        if CREDENTIAL_HEADERS
            .iter()
            .any(|header| header.eq_ignore_ascii_case(name))
        {
            return true;
        }
        let description = &self.field.description;
        let mentions_ak_sk = [&description.en, &description.zh]
            .into_iter()
            .flatten()
            .any(|text| {
                let squeezed: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
                squeezed.to_ascii_lowercase().contains("aksk")
            });
        name.eq_ignore_ascii_case("X-Project-Id") && mentions_ak_sk
    }
}

/// A `METHOD /path` line of the URI section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Uri {
    /// The method.
    pub method: Method,
    /// The path template without scheme and host, e.g. `/v1/{project_id}/x`.
    pub path: String,
    /// Where the page states it.
    pub span: Span,
}

/// A request body. Usually one variant; pages that share a method and path
/// but document different bodies (the "action" APIs) give one each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestBody {
    /// Whether a body must be sent.
    pub required: bool,
    /// The alternatives; one for an ordinary operation.
    pub variants: Vec<BodyVariant>,
}

/// One documented request body shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyVariant {
    /// The name of the page's operation this body belongs to.
    pub name: String,
    /// The page title of that operation.
    pub summary: Text,
    /// The schema, normally a [`TypeRef::Model`].
    pub schema: TypeRef,
    /// The caption line of the body table.
    pub span: Span,
    /// What tells this body from the other variants of its operation, set
    /// by the checker where the pages give something that does (`None` for
    /// an operation's only body).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tell: Option<VariantTell>,
}

/// What a JSON body shows that tells one variant from the others sharing
/// its method and path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VariantTell {
    /// A top-level key only this variant has, present in every body of it
    /// (`lock` in `{"lock": null}`).
    Key(String),
    /// A string property every variant has, with this variant's own value
    /// (`action` = `create`).
    Value {
        /// The property's name.
        property: String,
        /// This variant's value of it.
        value: String,
    },
}

/// A documented example body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ExampleBody {
    /// A body that parsed as JSON (key order kept).
    Json(Value),
    /// A body that did not parse as JSON, kept verbatim.
    Text(String),
}

/// An example request from the "Example Requests" section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestExample {
    /// What the example shows, where the page says.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub description: Text,
    /// The method of the example line.
    pub method: Method,
    /// The URL as written, e.g. `https://{endpoint}/v1/{project_id}/x`.
    pub url: String,
    /// The body, if the example has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub body: Option<ExampleBody>,
    /// The example's first line.
    pub span: Span,
}

/// An example response from the "Example Responses" section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseExample {
    /// What the example shows, where the page says.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub description: Text,
    /// The body.
    pub body: ExampleBody,
    /// The body's first line.
    pub span: Span,
}

/// A response of one status code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// The meaning, from the Status Codes section or the example heading.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub description: Text,
    /// Response headers documented for this status.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub headers: Vec<Field>,
    /// The body schema, if documented.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub body: Option<TypeRef>,
    /// Example bodies.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub examples: Vec<ResponseExample>,
    /// Where the status is first stated.
    pub span: Span,
}

/// One row of the "Status Codes" section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusCodeDoc {
    /// The status code.
    pub status: u16,
    /// Its description.
    pub description: Text,
    /// The row's line.
    pub span: Span,
}

/// One API operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// The operation name in UpperCamelCase (`UpdateTenantServiceConfigs`):
    /// from a "Title - Name" heading where the page has one, else from the
    /// file name or title.
    pub id: String,
    /// True when the page states the name ("Title - Name" headings, files
    /// named after the operation); false when it was derived from the title.
    #[serde(default)]
    pub id_is_explicit: bool,
    /// Every `METHOD /path` line of the URI section; the first is primary.
    pub uris: Vec<Uri>,
    /// The page title.
    pub summary: Text,
    /// The Function section.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub description: Text,
    /// Path, query and header parameters in page order.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parameters: Vec<Parameter>,
    /// The request body, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub request_body: Option<RequestBody>,
    /// Responses by status code, ascending.
    pub responses: Vec<Response>,
    /// Example requests.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub request_examples: Vec<RequestExample>,
    /// The Status Codes section.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub status_codes: Vec<StatusCodeDoc>,
    /// The pages this operation was read from.
    pub sources: Vec<String>,
    /// The official names of the pages merged into this operation, in
    /// page order, where they state several (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub names: Vec<OperationName>,
}

/// An official name of an operation merged from the pages of different
/// operations sharing its method and path (public and private zones, tag
/// create and delete through one `action` body): the name one page
/// states, and the request body that page documents. The SDK gives each
/// name a method of its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OperationName {
    /// The name, in UpperCamelCase.
    pub name: String,
    /// The page title.
    #[serde(skip_serializing_if = "Text::is_empty", default)]
    pub summary: Text,
    /// The [`BodyVariant::name`] of the body the page documents; `None`
    /// when it documents none.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub body: Option<String>,
    /// Where the page states the name.
    pub span: Span,
}

impl Operation {
    /// The primary method and path.
    pub fn primary(&self) -> &Uri {
        &self.uris[0]
    }
}

/// Everything read from one page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The page file, relative to the docs directory.
    pub file: String,
    /// The page language.
    pub lang: Lang,
    /// The breadcrumb trail above the title, if the page shows one.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub breadcrumb: Vec<String>,
    /// The page title.
    pub title: Fact<String>,
    /// The API Explorer product (`nat`, `IMS`) of the page's API Explorer
    /// link, when it has one (see [`NameSource::ExplorerLink`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub explorer_product: Option<String>,
    /// The names the page states for its operation, strongest source
    /// first; the operation's id is the first one the service trusts.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub stated_names: Vec<StatedName>,
    /// The operation the page documents.
    pub operation: Operation,
    /// The models its tables define, in page order (a model may appear
    /// twice when the page repeats a table, e.g. in request and response).
    pub models: Vec<Model>,
}

/// A name a page states for its operation: the name the official SDKs
/// use, where the page gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedName {
    /// The name, in UpperCamelCase.
    pub name: String,
    /// Where the page states it.
    pub source: NameSource,
    /// The line that states it.
    pub span: Span,
}

/// Where a page states its operation's name, strongest first (the order
/// decides which of two pages claiming one name keeps it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameSource {
    /// The page title's anchor (`<a name="ListKmsTags">` in the title).
    TitleAnchor,
    /// The page's API Explorer link (`…?product=nat&api=CreateNatGateway`).
    ExplorerLink,
    /// A label in the page's text naming the interface ("接口名称",
    /// "API name") followed by the name.
    Label,
    /// The title's " - Name" ending.
    Title,
    /// The page's file name (`CreateDatasetVersion.html`).
    FileName,
}

/// Hand-written facts about a service that pages do not state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceMeta {
    /// Short name used for file and crate names, e.g. `metastudio`.
    pub name: String,
    /// Human title, e.g. `MetaStudio`.
    pub title: String,
    /// API version, e.g. `v1`.
    pub version: String,
    /// Endpoint template with `{variables}`, e.g.
    /// `https://metastudio.{region}.myhuaweicloud.com`.
    pub endpoint: String,
    /// Default values of the endpoint template's variables.
    pub endpoint_defaults: Vec<(String, String)>,
    /// A sentence about the service.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
}

#[cfg(test)]
impl ServiceMeta {
    /// A service named `s`, for tests of what is read from a service.
    pub(crate) fn for_tests() -> Self {
        ServiceMeta {
            name: "s".to_owned(),
            title: "S".to_owned(),
            version: "v1".to_owned(),
            endpoint: "https://s".to_owned(),
            endpoint_defaults: Vec::new(),
            description: None,
        }
    }
}

/// A whole service: what the emitters read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// The hand-written metadata.
    pub meta: ServiceMeta,
    /// Operations sorted by primary path, then method.
    pub operations: Vec<Operation>,
    /// Models sorted by name, each defined once.
    pub models: Vec<Model>,
}

impl Service {
    /// The model of that name.
    pub fn model(&self, name: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parameter(location: ParamLocation, name: &str, description: &str) -> Parameter {
        Parameter {
            location,
            field: Field {
                name: name.to_owned(),
                required: Some(true),
                ty: TypeRef::String,
                type_text: "String".to_owned(),
                description: Text::in_lang(Lang::En, description),
                constraints: Constraints::default(),
                span: Span::new("p.html", 9),
                degraded: Vec::new(),
            },
        }
    }

    fn header(name: &str, description: &str) -> Parameter {
        parameter(ParamLocation::Header, name, description)
    }

    #[test]
    fn authentication_headers_are_left_to_the_credentials() {
        assert!(header("X-Auth-Token", "User token.").is_credential_header());
        assert!(header("x-sdk-date", "Signing time.").is_credential_header());
        assert!(header("Authorization", "Signature.").is_credential_header());
        assert!(
            header(
                "X-Project-Id",
                "Project ID. Mandatory with AK/SK authentication."
            )
            .is_credential_header()
        );
    }

    #[test]
    fn other_headers_and_other_locations_are_parameters() {
        assert!(!header("X-Language", "Language of the answer.").is_credential_header());
        assert!(!header("X-Project-Id", "Project whose things are listed.").is_credential_header());
        let query = parameter(ParamLocation::Query, "Authorization", "A query value.");
        assert!(!query.is_credential_header());
    }
}
