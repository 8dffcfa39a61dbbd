//! One change between two versions of an API and its verdicts: the rules
//! of `docs/API-DIFF.md`, written once in [`verdict`].

use apidoc_ir::Span;
use serde::Serialize;

/// What changed. Each kind is a row group of the verdict table in
/// `docs/API-DIFF.md`; its id (`kebab-case`) is what `--format json` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A method and path the old pages did not document.
    OperationAdded,
    /// A method and path the new pages no longer document.
    OperationRemoved,
    /// Same method and path, another operation name.
    OperationRenamed,
    /// Same operation name, another method or path.
    OperationMoved,
    /// A new path, query or header parameter.
    ParameterAdded,
    /// A parameter no longer documented.
    ParameterRemoved,
    /// An optional parameter became mandatory.
    ParameterBecameRequired,
    /// A mandatory parameter became optional.
    ParameterBecameOptional,
    /// A parameter travels elsewhere (`in`: path, query, header).
    ParameterMoved,
    /// A new body field.
    FieldAdded,
    /// A body field no longer documented.
    FieldRemoved,
    /// An optional body field became mandatory.
    FieldBecameRequired,
    /// A mandatory body field became optional.
    FieldBecameOptional,
    /// The type of a parameter, field or header changed.
    TypeChanged,
    /// The same object under another model name.
    ModelRenamed,
    /// New allowed values.
    EnumValueAdded,
    /// Allowed values no longer listed.
    EnumValueRemoved,
    /// A narrower numeric range (minimum raised or maximum lowered or set).
    RangeTightened,
    /// A wider numeric range.
    RangeLoosened,
    /// A narrower string length range.
    LengthTightened,
    /// A wider string length range.
    LengthLoosened,
    /// A narrower array size range.
    ItemsTightened,
    /// A wider array size range.
    ItemsLoosened,
    /// `null` became allowed.
    BecameNullable,
    /// `null` is no longer allowed.
    NoLongerNullable,
    /// The default value changed, appeared or disappeared.
    DefaultChanged,
    /// A request body where there was none.
    RequestBodyAdded,
    /// The request body is no longer documented.
    RequestBodyRemoved,
    /// The request body became mandatory.
    RequestBodyBecameRequired,
    /// The request body became optional.
    RequestBodyBecameOptional,
    /// A new response status code.
    StatusAdded,
    /// A response status code no longer documented.
    StatusRemoved,
    /// A status that had no documented body has one.
    ResponseBodyAdded,
    /// A status whose body is no longer documented.
    ResponseBodyRemoved,
    /// A new response header.
    HeaderAdded,
    /// A response header no longer documented.
    HeaderRemoved,
    /// A new way to authenticate (the page documents `X-Auth-Token`, or
    /// `Authorization`/`X-Sdk-Date` for AK/SK, where it did not).
    SecurityAdded,
    /// A way to authenticate no longer documented.
    SecurityRemoved,
    /// Something the old pages did not state at all and the new ones
    /// state ([`Context::statement`] says what): documentation, not an
    /// API change.
    NewlyDocumented,
    /// Something the old pages stated and the new ones no longer state
    /// at all.
    NoLongerDocumented,
}

impl Kind {
    /// Every kind, in table order.
    pub const ALL: &[Kind] = &[
        Self::OperationAdded,
        Self::OperationRemoved,
        Self::OperationRenamed,
        Self::OperationMoved,
        Self::ParameterAdded,
        Self::ParameterRemoved,
        Self::ParameterBecameRequired,
        Self::ParameterBecameOptional,
        Self::ParameterMoved,
        Self::FieldAdded,
        Self::FieldRemoved,
        Self::FieldBecameRequired,
        Self::FieldBecameOptional,
        Self::TypeChanged,
        Self::ModelRenamed,
        Self::EnumValueAdded,
        Self::EnumValueRemoved,
        Self::RangeTightened,
        Self::RangeLoosened,
        Self::LengthTightened,
        Self::LengthLoosened,
        Self::ItemsTightened,
        Self::ItemsLoosened,
        Self::BecameNullable,
        Self::NoLongerNullable,
        Self::DefaultChanged,
        Self::RequestBodyAdded,
        Self::RequestBodyRemoved,
        Self::RequestBodyBecameRequired,
        Self::RequestBodyBecameOptional,
        Self::StatusAdded,
        Self::StatusRemoved,
        Self::ResponseBodyAdded,
        Self::ResponseBodyRemoved,
        Self::HeaderAdded,
        Self::HeaderRemoved,
        Self::SecurityAdded,
        Self::SecurityRemoved,
        Self::NewlyDocumented,
        Self::NoLongerDocumented,
    ];

    /// The kebab-case id, as in JSON and the verdict table.
    pub fn id(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// True for kinds that add to the generated crate's API (a minor
    /// version when nothing breaks).
    pub fn adds_api(self) -> bool {
        matches!(
            self,
            Self::OperationAdded
                | Self::ParameterAdded
                | Self::FieldAdded
                | Self::EnumValueAdded
                | Self::RequestBodyAdded
                | Self::ResponseBodyAdded
                | Self::HeaderAdded
                | Self::NewlyDocumented
        )
    }

    /// True for the kinds that say what the pages state rather than what
    /// the API does.
    pub fn is_documentation(self) -> bool {
        matches!(self, Self::NewlyDocumented | Self::NoLongerDocumented)
    }
}

/// What pages came to state, or stopped stating, where the other version
/// states nothing of the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Statement {
    /// One bound of a range, length or item count (the other version
    /// states no such bound).
    Constraint,
    /// A list of allowed values (the other version lists none).
    Values,
    /// A status code (the other version documents no status of its
    /// class, success or error).
    Status,
    /// A response header (the other version documents no header for the
    /// status).
    Header,
    /// A way to authenticate (the other version documents none).
    Authentication,
    /// What the objects of a value hold: a model where the other version
    /// writes only `Object` or `Array`.
    Schema,
}

/// Which way the changed thing travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The caller sends it (parameters, request body).
    Request,
    /// The caller receives it (status, headers, response body).
    Response,
}

/// The facts about a change that decide its verdicts besides its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Which way the changed thing travels.
    pub side: Side,
    /// The parameter, field, header or body is mandatory (the new state
    /// for additions, the old one otherwise).
    pub required: bool,
    /// The generated SDK has a Rust enum for the value (a string with
    /// listed values).
    pub rust_enum: bool,
    /// For statuses and response bodies: a 2xx status.
    pub success: bool,
    /// For a type change: every old value is still a valid new value
    /// (integer → long → number).
    pub widening: bool,
    /// For a type change: every new value was a valid old value.
    pub narrowing: bool,
    /// For [`Kind::NewlyDocumented`] and [`Kind::NoLongerDocumented`]:
    /// what is (or is no longer) stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
}

impl Context {
    /// A context on `side` with every flag false.
    pub fn on(side: Side) -> Self {
        Self {
            side,
            required: false,
            rust_enum: false,
            success: false,
            widening: false,
            narrowing: false,
            statement: None,
        }
    }

    /// A context for a statement the other version lacks altogether.
    pub fn stating(side: Side, statement: Statement) -> Self {
        Self {
            statement: Some(statement),
            ..Self::on(side)
        }
    }
}

/// Whether a change breaks callers: of the generated Rust SDK (their code
/// stops compiling, or the SDK now rejects or misreads what worked), and on
/// the wire (a client written against the old API, as oasdiff judges).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Breaking for a caller of the generated Rust SDK.
    pub sdk: bool,
    /// Breaking for a client of the HTTP API.
    pub wire: bool,
}

impl Verdict {
    /// Breaking for either.
    pub fn breaking(self) -> bool {
        self.sdk || self.wire
    }

    /// "breaking (SDK and wire)", "breaking for the SDK only", …, "compatible".
    pub fn label(self) -> &'static str {
        match (self.sdk, self.wire) {
            (true, true) => "breaking (SDK and wire)",
            (true, false) => "breaking for the Rust SDK (wire-compatible)",
            (false, true) => "breaking on the wire (SDK-compatible)",
            (false, false) => "compatible",
        }
    }
}

/// The verdicts of a change: the table of `docs/API-DIFF.md`. The wire
/// column follows oasdiff's documented rules; the SDK column follows what
/// the generated crate makes of the change (see the table for why).
pub fn verdict(kind: Kind, c: &Context) -> Verdict {
    use Kind::*;
    let request = c.side == Side::Request;
    let (sdk, wire) = match kind {
        OperationAdded | StatusAdded | DefaultChanged => (false, false),
        OperationRemoved => (true, true),
        OperationRenamed | ModelRenamed => (true, false),
        OperationMoved | ParameterMoved => (false, true),
        ParameterAdded | RequestBodyAdded => (c.required, c.required),
        ParameterRemoved | ParameterBecameRequired | RequestBodyBecameRequired => (true, true),
        RequestBodyRemoved => (true, true),
        ParameterBecameOptional | RequestBodyBecameOptional => (true, false),
        FieldAdded => (request, request && c.required),
        FieldRemoved => (true, request || c.required),
        FieldBecameRequired => (true, request),
        FieldBecameOptional => (true, !request),
        TypeChanged => (true, if request { !c.widening } else { !c.narrowing }),
        EnumValueAdded => (c.rust_enum, false),
        EnumValueRemoved => (request || c.rust_enum, request),
        RangeTightened | LengthTightened | ItemsTightened => (request, request),
        RangeLoosened | LengthLoosened | ItemsLoosened => (false, !request),
        BecameNullable => (request || c.required, !request),
        NoLongerNullable => (request || c.required, request),
        StatusRemoved => (false, c.success),
        ResponseBodyAdded => (c.success, false),
        ResponseBodyRemoved => (c.success, c.success),
        HeaderAdded => (false, false),
        HeaderRemoved => (true, true),
        SecurityAdded => (false, false),
        SecurityRemoved => (false, true),
        // Documentation only, so never breaking on the wire; the SDK
        // follows the pages: a request constraint or value list is checked
        // before sending, listed strings become a Rust enum (and back),
        // a response header is a field of the response, a described
        // object a struct instead of a JSON value.
        NewlyDocumented => match c.statement {
            Some(Statement::Constraint) => (request, false),
            Some(Statement::Values) => (request || c.rust_enum, false),
            Some(Statement::Schema) => (true, false),
            _ => (false, false),
        },
        NoLongerDocumented => match c.statement {
            Some(Statement::Values) => (c.rust_enum, false),
            Some(Statement::Header | Statement::Schema) => (true, false),
            _ => (false, false),
        },
    };
    Verdict { sdk, wire }
}

/// One change of one operation, with its verdicts and page lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: Kind,
    /// `METHOD /path` of the operation (the new one where both exist).
    pub operation: String,
    /// The operation name (the new one where both exist).
    pub operation_id: String,
    /// What in the operation changed: "query parameter `limit`",
    /// "request body `items[].name`", "response 200 header `X-Request-Id`".
    pub target: String,
    /// The change itself: "maximum 100 → 50".
    pub detail: String,
    /// The facts its verdicts were decided on.
    pub context: Context,
    /// Breaking or not, for the SDK and for the wire.
    pub verdict: Verdict,
    /// The page line in the old docs, where the old docs state it.
    pub old: Option<Span>,
    /// The page line in the new docs, where the new docs state it.
    pub new: Option<Span>,
    /// Findings of reading either version that explain the change by how
    /// a page was read rather than by what it states (a table or value
    /// list not read, a page left out): the change is uncertain. Empty
    /// for a certain change.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<Explanation>,
    /// A rename of a name the reader derived (the old pages did not state
    /// it) with nothing else changed in what it names: shown as one line
    /// per kind, not one by one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub folded: bool,
}

/// Which version of the docs a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Version {
    /// The old docs (`--old`).
    Old,
    /// The new docs (`--new`).
    New,
}

impl Version {
    /// "old" or "new".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Old => "old",
            Self::New => "new",
        }
    }
}

/// A finding of reading one version that explains a change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The version whose reading the finding is about; `None` when the
    /// two versions read side by side explain the change.
    pub version: Option<Version>,
    /// The finding's code (`table-unreferenced`, `page-left-out`).
    pub code: String,
    /// The finding's message.
    pub message: String,
    /// Where it points.
    pub span: Option<Span>,
}

/// Where a change is listed; the order of the changelog's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// A certain API change breaking a caller (of the SDK or on the wire).
    Breaking,
    /// What the pages state now and did not before, or no longer state.
    Documented,
    /// A certain API change breaking no one.
    Other,
    /// A rename of a name the reader derived: counted per kind.
    Folded,
    /// A change a finding of reading either version explains.
    Uncertain,
}

impl Change {
    /// The section the change is listed in: uncertain before anything
    /// else, then folded, documentation, breaking or not.
    pub fn section(&self) -> Section {
        if !self.uncertain.is_empty() {
            Section::Uncertain
        } else if self.folded {
            Section::Folded
        } else if self.kind.is_documentation() {
            Section::Documented
        } else if self.verdict.breaking() {
            Section::Breaking
        } else {
            Section::Other
        }
    }
}
