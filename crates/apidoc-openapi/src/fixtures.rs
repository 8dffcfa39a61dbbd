//! A hand-built MetaStudio-like [`Service`] for tests of emitters (enabled by
//! the `fixtures` feature).
//!
//! It holds what the pages of the seed corpus show, plus the shapes emitters
//! must handle: path, query and header parameters with ranges and defaults;
//! a response header; an array of a nested model; enumerations with
//! descriptions in English and Chinese; error bodies with examples; a request
//! body with an example; an operation with two URIs; a request body in two
//! shapes; a nullable enumeration ("KMS, normal, or null"); a length limit;
//! and string values that YAML could mistake for other types (`yes`, `no`,
//! `null`, `0123`, `10`) beside an integer default of 10.

use apidoc_ir::{
    BodyVariant, Constraints, EnumValue, ExampleBody, Fact, Field, Method, Model, Operation,
    ParamLocation, Parameter, RequestBody, RequestExample, Response, ResponseExample, Service,
    ServiceMeta, Span, StatusCodeDoc, Text, TypeRef, Uri, Value, VariantTell,
};
use serde_json::json;

/// The service: five operations on four paths and their models.
pub fn metastudio_like() -> Service {
    let mut models = vec![
        collection_info(),
        list_user_configurations_body(),
        error_body(),
        sub_account_control_config(),
        update_service_configs_body(),
        restore_asset_body(),
        freeze_asset_body(),
        storage_config(),
    ];
    models.sort_by(|a, b| a.name.cmp(&b.name));
    Service {
        meta: ServiceMeta {
            name: "metastudio".into(),
            title: "MetaStudio".into(),
            version: "v1".into(),
            endpoint: "https://metastudio.{region}.{domain}".into(),
            endpoint_defaults: vec![("region".into(), "cn-north-4".into())],
            description: Some(
                "MetaStudio (digital content production line) tenant management APIs.".into(),
            ),
        },
        operations: vec![
            execute_asset_action(),
            start_server(),
            update_service_configs(),
            show_storage_config(),
            update_storage_config(),
            list_user_configurations(),
        ],
        models,
    }
}

const PAGE: &str = "metastudio/000_list.txt";

fn span(line: u32) -> Span {
    Span::new(PAGE, line)
}

fn en(text: &str) -> Text {
    Text::in_lang(apidoc_ir::Lang::En, text)
}

fn both(en: &str, zh: &str) -> Text {
    Text {
        en: Some(en.into()),
        zh: Some(zh.into()),
    }
}

fn field(name: &str, ty: TypeRef, required: Option<bool>, description: Text) -> Field {
    Field {
        name: name.into(),
        required,
        type_text: type_text(&ty),
        ty,
        description,
        constraints: Constraints::default(),
        span: span(1),
        degraded: Vec::new(),
    }
}

/// The Type cell a page would show for `ty`.
fn type_text(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "String".into(),
        TypeRef::Integer => "Integer".into(),
        TypeRef::Long => "Long".into(),
        TypeRef::Number => "Number".into(),
        TypeRef::Boolean => "Boolean".into(),
        TypeRef::Object => "Object".into(),
        TypeRef::Map(value) => format!("Map<String,{}>", type_text(value)),
        TypeRef::Array(item) => match item.as_ref() {
            TypeRef::Model(name) => format!("Array of {name} objects"),
            other => format!("Array of {}s", type_text(other).to_lowercase()),
        },
        TypeRef::Model(name) => format!("{name} object"),
        TypeRef::Any => "Anything".into(),
    }
}

fn constrained(mut field: Field, edit: impl FnOnce(&mut Constraints)) -> Field {
    edit(&mut field.constraints);
    field
}

fn fact<T>(value: T) -> Option<Fact<T>> {
    Some(Fact::new(value, span(2)))
}

fn choice(value: Value, description: Text) -> EnumValue {
    EnumValue {
        value,
        description,
        span: span(3),
    }
}

fn model(name: &str, description: Text, fields: Vec<Field>) -> Model {
    Model {
        name: name.into(),
        description,
        fields,
        span: span(4),
    }
}

fn model_ref(name: &str) -> TypeRef {
    TypeRef::Model(name.into())
}

fn uri(method: Method, path: &str) -> Uri {
    Uri {
        method,
        path: path.into(),
        span: span(5),
    }
}

fn project_id() -> Parameter {
    Parameter {
        location: ParamLocation::Path,
        field: field(
            "project_id",
            TypeRef::String,
            Some(true),
            both(
                "Project ID. For details about how to obtain the project ID, see Obtaining a Project ID.",
                "项目ID，获取方法请参考获取项目ID。",
            ),
        ),
    }
}

fn header(name: &str, description: &str) -> Parameter {
    Parameter {
        location: ParamLocation::Header,
        field: field(name, TypeRef::String, Some(false), en(description)),
    }
}

/// The authentication headers every page documents.
fn auth_headers() -> Vec<Parameter> {
    vec![
        header(
            "X-Auth-Token",
            "User token. This parameter is mandatory when token authentication is used.\n\n\
             You can obtain the token by calling the IAM API used to obtain a user token.",
        ),
        header(
            "Authorization",
            "Authentication information. This parameter is mandatory for AK/SK authentication.",
        ),
        header(
            "X-Sdk-Date",
            "Time when the request is sent. This parameter is mandatory for AK/SK authentication.\n\n\
             The format is YYYYMMDD'T'HHMMSS'Z'.",
        ),
        header(
            "X-Project-Id",
            "Project ID. This parameter is mandatory for AK/SK authentication.",
        ),
    ]
}

fn request_id_header() -> Field {
    field("X-Request-Id", TypeRef::String, None, en("Request ID."))
}

fn ok(body: &str, line: u32) -> Response {
    Response {
        status: 200,
        description: en("Query results."),
        headers: vec![request_id_header()],
        body: Some(model_ref(body)),
        examples: Vec::new(),
        span: span(line),
    }
}

fn error(status: u16, description: &str, code: &str, message: &str) -> Response {
    Response {
        status,
        description: en(description),
        headers: Vec::new(),
        body: Some(model_ref("ErrorResponseBody")),
        examples: vec![ResponseExample {
            description: en(description),
            body: ExampleBody::Json(json!({"error_code": code, "error_msg": message})),
            span: span(status.into()),
        }],
        span: span(status.into()),
    }
}

fn status_doc(status: u16, description: &str) -> StatusCodeDoc {
    StatusCodeDoc {
        status,
        description: en(description),
        span: span(status.into()),
    }
}

fn operation(id: &str, uris: Vec<Uri>, summary: Text, description: Text) -> Operation {
    Operation {
        id: id.into(),
        id_is_explicit: true,
        uris,
        summary,
        description,
        parameters: Vec::new(),
        request_body: None,
        responses: Vec::new(),
        request_examples: Vec::new(),
        status_codes: Vec::new(),
        sources: vec![PAGE.into()],
        names: Vec::new(),
    }
}

fn list_user_configurations() -> Operation {
    let limit = constrained(
        field(
            "limit",
            TypeRef::Integer,
            Some(false),
            en("Number of items displayed on each page."),
        ),
        |c| {
            c.minimum = fact(1.into());
            c.maximum = fact(100.into());
            c.default = fact(json!(10));
        },
    );
    let offset = constrained(
        field(
            "offset",
            TypeRef::Integer,
            Some(false),
            en("Offset where the query starts."),
        ),
        |c| {
            c.minimum = fact(0.into());
            c.maximum = fact(2_147_483_647.into());
            c.default = fact(json!(0));
        },
    );
    let mut parameters = vec![project_id()];
    parameters.extend([limit, offset].map(|field| Parameter {
        location: ParamLocation::Query,
        field,
    }));
    parameters.extend(auth_headers());
    Operation {
        parameters,
        responses: vec![
            ok("ListUserConfigurationsResponseBody", 150),
            error(
                401,
                "Authentication is not performed or fails.",
                "MSS.00000001",
                "Unauthorized",
            ),
            error(403, "Not authorized.", "MSS.00000005", "Forbidden"),
            error(
                500,
                "Internal service error.",
                "MSS.00000004",
                "Internal Error",
            ),
        ],
        request_examples: vec![RequestExample {
            description: Text::default(),
            method: Method::Get,
            url: "https://{endpoint}/v1/{projectId}/tenants/user-configurations".into(),
            body: None,
            span: span(280),
        }],
        status_codes: vec![
            status_doc(200, "Query results."),
            status_doc(401, "Authentication is not performed or fails."),
            status_doc(403, "Not authorized."),
            status_doc(500, "Internal service error."),
        ],
        ..operation(
            "ListUserConfigurations",
            vec![uri(
                Method::Get,
                "/v1/{project_id}/tenants/user-configurations",
            )],
            en("Querying Tenant Personalized Configurations"),
            en("Queries personalized configurations for a tenant."),
        )
    }
}

fn collection_info() -> Model {
    let collection_type = constrained(
        field(
            "collection_type",
            TypeRef::String,
            None,
            both(
                "Favorite item type.\n\n- VOICE: timbre",
                "收藏类型。\n\n- VOICE：音色",
            ),
        ),
        |c| {
            c.enum_values = vec![
                choice(json!("VOICE"), both("timbre", "音色")),
                choice(json!("MODEL"), en("digital human model")),
            ];
        },
    );
    model(
        "CollectionInfo",
        Text::default(),
        vec![
            collection_type,
            field(
                "collection_ids",
                TypeRef::Array(Box::new(TypeRef::String)),
                None,
                en("ID of the asset or template added to favorites."),
            ),
        ],
    )
}

fn list_user_configurations_body() -> Model {
    model(
        "ListUserConfigurationsResponseBody",
        Text::default(),
        vec![field(
            "my_collections",
            TypeRef::Array(Box::new(model_ref("CollectionInfo"))),
            None,
            en("List of My Favorites"),
        )],
    )
}

fn error_body() -> Model {
    model(
        "ErrorResponseBody",
        Text::default(),
        vec![
            field(
                "error_code",
                TypeRef::String,
                None,
                both("Error code.", "错误码。"),
            ),
            field(
                "error_msg",
                TypeRef::String,
                None,
                both("Error description.", "错误描述。"),
            ),
        ],
    )
}

fn update_service_configs() -> Operation {
    let mut parameters = vec![project_id()];
    parameters.extend(auth_headers());
    Operation {
        parameters,
        request_body: Some(RequestBody {
            required: true,
            variants: vec![BodyVariant {
                name: "UpdateTenantServiceConfigs".into(),
                summary: both("Configuring Tenant Services", "设置租户服务配置"),
                schema: model_ref("UpdateTenantServiceConfigsRequestBody"),
                span: span(60),
                tell: None,
            }],
        }),
        responses: vec![
            Response {
                description: both("Succeeded.", "成功。"),
                body: None,
                ..ok("UpdateTenantServiceConfigsRequestBody", 100)
            },
            error(
                400,
                "Invalid parameter.",
                "MSS.00000003",
                "Invalid parameter",
            ),
        ],
        request_examples: vec![RequestExample {
            description: both(
                "Enabling separate control of IAM users",
                "开启IAM用户单独控制",
            ),
            method: Method::Put,
            url: "https://{endpoint}/v1/{project_id}/tenants/service-configs".into(),
            body: Some(ExampleBody::Json(json!({
                "sub_account_control_config": {
                    "separately_controlled": true,
                    "sub_account_type": "IAM_USER"
                }
            }))),
            span: span(200),
        }],
        ..operation(
            "UpdateTenantServiceConfigs",
            vec![uri(Method::Put, "/v1/{project_id}/tenants/service-configs")],
            both("Configuring Tenant Services", "设置租户服务配置"),
            both("Configures tenant services.", "设置租户服务业务配置"),
        )
    }
}

fn sub_account_control_config() -> Model {
    let separately_controlled = constrained(
        field(
            "separately_controlled",
            TypeRef::Boolean,
            Some(false),
            both(
                "Whether the IAM user service is controlled separately.",
                "IAM用户业务是否单独控制。",
            ),
        ),
        |c| c.default = fact(json!(false)),
    );
    let sub_account_type = constrained(
        field(
            "sub_account_type",
            TypeRef::String,
            Some(false),
            both("IAM user type.", "IAM用户类型。"),
        ),
        |c| {
            c.enum_values = vec![choice(
                json!("IAM_USER"),
                both(
                    "IAM user id of the caller is used to replace X-App-UserId.",
                    "使用调用者的IAM用户ID替换X-App-UserId。",
                ),
            )];
        },
    );
    model(
        "SubAccountControlConfig",
        both("IAM user control configuration", "IAM用户控制配置"),
        vec![separately_controlled, sub_account_type],
    )
}

fn update_service_configs_body() -> Model {
    let is_ai_mark_on = constrained(
        field(
            "is_ai_mark_on",
            TypeRef::Boolean,
            Some(false),
            both("AI identifier switch", "AI标识开关"),
        ),
        |c| c.default = fact(json!(false)),
    );
    model(
        "UpdateTenantServiceConfigsRequestBody",
        Text::default(),
        vec![
            field(
                "sub_account_control_config",
                model_ref("SubAccountControlConfig"),
                Some(false),
                both("IAM user control configuration", "IAM用户控制配置"),
            ),
            is_ai_mark_on,
        ],
    )
}

fn start_server() -> Operation {
    let server_id = Parameter {
        location: ParamLocation::Path,
        field: field("server_id", TypeRef::String, Some(true), en("Server ID.")),
    };
    Operation {
        parameters: vec![project_id(), server_id],
        responses: vec![Response {
            status: 202,
            description: Text::default(),
            headers: vec![request_id_header()],
            body: None,
            examples: Vec::new(),
            span: span(40),
        }],
        ..operation(
            "StartServer",
            vec![
                uri(Method::Post, "/v1/{project_id}/servers/{server_id}/start"),
                uri(Method::Post, "/v2/{project_id}/servers/{server_id}/start"),
            ],
            en("Starting a Server"),
            en("Starts a rendering server."),
        )
    }
}

fn execute_asset_action() -> Operation {
    let asset_id = Parameter {
        location: ParamLocation::Path,
        field: field("asset_id", TypeRef::String, Some(true), en("Asset ID.")),
    };
    // The tells the checker derives from the one-value `action` enums.
    let variant = |name: &str, summary: Text, body: &str, action: &str| BodyVariant {
        name: name.into(),
        summary,
        schema: model_ref(body),
        span: span(30),
        tell: Some(VariantTell::Value {
            property: "action".into(),
            value: action.into(),
        }),
    };
    Operation {
        parameters: vec![project_id(), asset_id],
        request_body: Some(RequestBody {
            required: true,
            variants: vec![
                variant(
                    "RestoreAsset",
                    both("Restoring an Asset", "恢复资产"),
                    "RestoreAssetRequestBody",
                    "RESTORE",
                ),
                variant(
                    "FreezeAsset",
                    en("Freezing an Asset"),
                    "FreezeAssetRequestBody",
                    "FREEZE",
                ),
            ],
        }),
        responses: vec![Response {
            status: 204,
            description: en("Action accepted."),
            headers: Vec::new(),
            body: None,
            examples: Vec::new(),
            span: span(90),
        }],
        ..operation(
            "ExecuteAssetAction",
            vec![uri(
                Method::Post,
                "/v1/{project_id}/digital-assets/{asset_id}/actions",
            )],
            en("Executing an Asset Action"),
            Text::default(),
        )
    }
}

fn action_field(value: &str) -> Field {
    constrained(
        field(
            "action",
            TypeRef::String,
            Some(true),
            en("Action to execute."),
        ),
        |c| c.enum_values = vec![choice(json!(value), Text::default())],
    )
}

fn restore_asset_body() -> Model {
    model(
        "RestoreAssetRequestBody",
        Text::default(),
        vec![action_field("RESTORE")],
    )
}

fn freeze_asset_body() -> Model {
    let reason = constrained(
        field(
            "reason",
            TypeRef::String,
            Some(false),
            en("Why the asset is frozen."),
        ),
        |c| {
            c.min_length = fact(1);
            c.max_length = fact(256);
        },
    );
    model(
        "FreezeAssetRequestBody",
        Text::default(),
        vec![action_field("FREEZE"), reason],
    )
}

fn storage_config() -> Model {
    let encrypt_type = constrained(
        field(
            "encrypt_type",
            TypeRef::String,
            Some(false),
            en("Encryption type: KMS, normal, or null."),
        ),
        |c| {
            c.enum_values = vec![
                choice(json!("KMS"), en("encrypted with a KMS key")),
                choice(json!("normal"), en("not encrypted")),
            ];
            c.nullable = Some(span(7));
        },
    );
    let auto_renew = constrained(
        field(
            "auto_renew",
            TypeRef::String,
            Some(false),
            both("Whether to renew automatically.", "是否自动续费。"),
        ),
        |c| {
            c.enum_values = ["yes", "no", "null"]
                .map(|v| choice(json!(v), Text::default()))
                .into();
            c.default = fact(json!("no"));
        },
    );
    let retention_days = constrained(
        field(
            "retention_days",
            TypeRef::String,
            Some(false),
            en("Retention period in days, as text."),
        ),
        |c| c.default = fact(json!("10")),
    );
    let region_code = constrained(
        field(
            "region_code",
            TypeRef::String,
            Some(false),
            en("Region code."),
        ),
        |c| {
            c.enum_values = ["0123", "10"]
                .map(|v| choice(json!(v), Text::default()))
                .into()
        },
    );
    let quota = constrained(
        field(
            "quota",
            TypeRef::Integer,
            Some(true),
            en("Number of buckets."),
        ),
        |c| c.default = fact(json!(10)),
    );
    let bucket_name = constrained(
        field(
            "bucket_name",
            TypeRef::String,
            Some(true),
            both("Bucket name.", "桶名称。"),
        ),
        |c| c.max_length = fact(64),
    );
    let used_bytes = constrained(
        field("used_bytes", TypeRef::Long, None, en("Bytes in use.")),
        |c| c.minimum = fact(0.into()),
    );
    let usage_ratio = constrained(
        field(
            "usage_ratio",
            TypeRef::Number,
            None,
            en("Share of the quota in use."),
        ),
        |c| {
            c.minimum = fact(0.into());
            c.maximum = fact(1.into());
            c.default = fact(json!(0.5));
        },
    );
    model(
        "StorageConfig",
        both("Storage configuration.", "存储配置。"),
        vec![
            bucket_name,
            encrypt_type,
            auto_renew,
            retention_days,
            region_code,
            quota,
            used_bytes,
            usage_ratio,
            field(
                "tags",
                TypeRef::Map(Box::new(TypeRef::String)),
                None,
                en("Tags as key-value pairs."),
            ),
            field("extra", TypeRef::Object, None, en("Free-form settings.")),
        ],
    )
}

fn storage_operation(id: &str, method: Method, summary: Text) -> Operation {
    let mut parameters = vec![project_id()];
    parameters.extend(auth_headers());
    Operation {
        parameters,
        responses: vec![ok("StorageConfig", 120)],
        ..operation(
            id,
            vec![uri(method, "/v1/{project_id}/tenants/storage-configs")],
            summary,
            Text::default(),
        )
    }
}

fn show_storage_config() -> Operation {
    storage_operation(
        "ShowStorageConfig",
        Method::Get,
        both("Querying Storage Configuration", "查询存储配置"),
    )
}

fn update_storage_config() -> Operation {
    Operation {
        request_body: Some(RequestBody {
            required: true,
            variants: vec![BodyVariant {
                name: "UpdateStorageConfig".into(),
                summary: en("Updating Storage Configuration"),
                schema: model_ref("StorageConfig"),
                span: span(70),
                tell: None,
            }],
        }),
        ..storage_operation(
            "UpdateStorageConfig",
            Method::Put,
            en("Updating Storage Configuration"),
        )
    }
}

/// [`metastudio_like`] with the kinds of damage a misread page leaves, which
/// an emitter must survive with a valid result: a second operation on a
/// taken path and method, a path placeholder without a parameter row, a path
/// with an unclosed brace, a reference to a model no page defines, a default
/// of the wrong type and a text value in an integer enumeration.
pub fn misread() -> Service {
    let mut service = metastudio_like();
    let mut again = show_storage_config();
    again.id = "ShowStorageConfigAgain".into();
    let mut job = operation(
        "ShowJob",
        vec![
            uri(Method::Get, "/v1/{project_id}/jobs/{job_id}"),
            uri(Method::Get, "/v1/{project_id}/jobs/{job_id}{"),
        ],
        en("Querying a Job"),
        Text::default(),
    );
    job.parameters = vec![project_id()];
    job.responses = vec![ok("JobDetail", 10)];
    service.operations.extend([again, job]);
    let misread_fields = [
        field("owner", model_ref("Nowhere"), None, en("Owner.")),
        constrained(
            field("updated_at", TypeRef::Number, None, en("Last update.")),
            |c| c.default = fact(json!("the")),
        ),
        constrained(
            field("priority", TypeRef::Integer, None, en("Priority.")),
            |c| {
                c.enum_values = vec![
                    choice(json!(1), Text::default()),
                    choice(json!("high"), Text::default()),
                ]
            },
        ),
    ];
    service
        .models
        .push(model("JobDetail", Text::default(), misread_fields.into()));
    service.models.sort_by(|a, b| a.name.cmp(&b.name));
    service
}
