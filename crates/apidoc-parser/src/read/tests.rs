//! Page-level rules of the reader, each on a small page built from blocks.

use apidoc_ir::{Page, ParamLocation, TypeRef, Value};

use super::{id_from_title, read_page, split_title};
use crate::{
    Parsed,
    blocks::{Block, BlockKind},
    read::table::tests::table,
};

fn heading(level: u8, text: &str) -> Block {
    Block::new(
        BlockKind::Heading {
            level,
            text: text.to_owned(),
            anchor: None,
        },
        1,
    )
}

fn paragraph(text: &str) -> Block {
    Block::new(BlockKind::Paragraph(text.to_owned()), 1)
}

fn table_block(caption: &str, rows: &[&[&str]]) -> Block {
    Block::new(BlockKind::Table(table(caption, 1, rows)), 1)
}

const BODY: &[&str] = &["Parameter", "Mandatory", "Type", "Description"];
const RESPONSE: &[&str] = &["Parameter", "Type", "Description"];

/// A page: title, a URI line, then `rest`.
fn page(uri: &str, rest: Vec<Block>) -> Parsed {
    let mut blocks = vec![
        heading(1, "Doing a Thing"),
        heading(4, "URI"),
        paragraph(uri),
    ];
    blocks.extend(rest);
    read_page("svc/page.html", &blocks)
}

fn read(parsed: &Parsed) -> &Page {
    parsed.page.as_ref().expect("an API page")
}

fn codes(parsed: &Parsed) -> Vec<&str> {
    parsed.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// The type of field `field` of the model `model`.
fn field_type<'p>(page: &'p Page, model: &str, field: &str) -> &'p TypeRef {
    let model = page
        .models
        .iter()
        .find(|m| m.name == model)
        .unwrap_or_else(|| panic!("model {model}"));
    &model
        .fields
        .iter()
        .find(|f| f.name == field)
        .unwrap_or_else(|| panic!("field {field}"))
        .ty
}

fn model_names(page: &Page) -> Vec<&str> {
    page.models.iter().map(|m| m.name.as_str()).collect()
}

#[test]
fn uri_table_rows_not_in_the_path_are_query_parameters() {
    let parsed = page(
        "GET /v2/{project_id}/ports/{port_id}{?reserve_port}",
        vec![table_block(
            "Table 1 Parameter description",
            &[
                &["Parameter", "Mandatory", "Description"],
                &["project_id", "Yes", "Project."],
                &["port_id", "Yes", "Port."],
                &["reserve_port", "No", "Keep the port."],
            ],
        )],
    );
    let page = read(&parsed);
    assert_eq!(
        page.operation.uris[0].path,
        "/v2/{project_id}/ports/{port_id}"
    );
    let locations: Vec<_> = page
        .operation
        .parameters
        .iter()
        .map(|p| (p.field.name.as_str(), p.location, p.field.required))
        .collect();
    assert_eq!(
        locations,
        [
            ("project_id", ParamLocation::Path, Some(true)),
            ("port_id", ParamLocation::Path, Some(true)),
            ("reserve_port", ParamLocation::Query, Some(false)),
        ]
    );
}

#[test]
fn a_misspelled_path_parameter_takes_the_uri_name() {
    let parsed = page(
        "GET /v2/{project_id}/flavors/{flavor_id}",
        vec![table_block(
            "Table 1 Parameter description",
            &[
                &["Parameter", "Mandatory", "Description"],
                &["project_id", "Yes", "P."],
                &["flavors_id", "Yes", "F."],
            ],
        )],
    );
    let names: Vec<_> = read(&parsed)
        .operation
        .parameters
        .iter()
        .map(|p| (p.field.name.as_str(), p.location))
        .collect();
    assert_eq!(
        names,
        [
            ("project_id", ParamLocation::Path),
            ("flavor_id", ParamLocation::Path)
        ]
    );
    assert_eq!(codes(&parsed), ["path-param-misspelled"]);
}

#[test]
fn a_get_body_table_lists_query_parameters() {
    let parsed = page(
        "GET /v1/{project_id}/configs",
        vec![
            heading(4, "Request Body"),
            table_block(
                "Table 2 Parameters",
                &[BODY, &["page", "No", "Integer", "Page."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert!(page.operation.request_body.is_none());
    assert_eq!(page.operation.parameters[0].location, ParamLocation::Query);
    assert_eq!(codes(&parsed), ["body-of-get"]);
}

#[test]
fn a_query_parameter_typed_only_array_repeats_strings() {
    let parsed = page(
        "GET /v3/{project_id}/elb/flavors",
        vec![table_block(
            "Table 2 Query parameters",
            &[BODY, &["id", "No", "Array", "Multiple IDs: id=xxx&id=xxx."]],
        )],
    );
    let parameter = &read(&parsed).operation.parameters[0];
    assert_eq!(parameter.location, ParamLocation::Query);
    assert_eq!(
        parameter.field.ty,
        TypeRef::Array(Box::new(TypeRef::String))
    );
}

#[test]
fn the_values_a_parameter_typed_only_array_lists_are_strings() {
    let parsed = page(
        "GET /v2/{project_id}/gateways",
        vec![table_block(
            "Table 2 Query parameters",
            &[BODY, &["status", "No", "Array", "枚举值：ACTIVE、DOWN"]],
        )],
    );
    let parameter = &read(&parsed).operation.parameters[0];
    let values: Vec<&Value> = parameter
        .field
        .constraints
        .enum_values
        .iter()
        .map(|value| &value.value)
        .collect();
    assert_eq!(values, [&Value::from("ACTIVE"), &Value::from("DOWN")]);
}

#[test]
fn the_first_table_of_a_body_section_is_the_body_and_later_ones_nest() {
    let parsed = page(
        "POST /v1/{project_id}/cloudservers",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[BODY, &["server", "Yes", "Object", "See Table 3."]],
            ),
            table_block(
                "Table 3 Parameters for creating an ECS",
                &[BODY, &["name", "Yes", "String", "Name."]],
            ),
            heading(4, "Response"),
            table_block("", &[RESPONSE, &["job_id", "String", "Job."]]),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "server"),
        &TypeRef::Model("DoingAThingServer".into())
    );
    assert_eq!(
        page.operation.responses[0].body,
        Some(TypeRef::Model("DoingAThingResponseBody".into()))
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_caption_naming_the_field_beats_a_stale_table_number() {
    let parsed = page(
        "GET /v1/instances",
        vec![
            heading(4, "Response Body"),
            table_block(
                "Table 5 Parameters",
                &[
                    RESPONSE,
                    &["profile", "Object", "For details, see Table 7."],
                    &["location", "Object", "For details, see Table 7."],
                ],
            ),
            table_block(
                "Table 6 profile parameters",
                &[RESPONSE, &["id", "String", "ID."]],
            ),
            table_block(
                "Table 7 location parameters",
                &[RESPONSE, &["path", "String", "Path."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "profile"),
        &TypeRef::Model("DoingAThingProfile".into())
    );
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "location"),
        &TypeRef::Model("DoingAThingLocation".into())
    );
}

#[test]
fn a_caption_giving_a_fields_path_is_that_fields_only() {
    let parsed = page(
        "GET /v1/teams",
        vec![
            heading(4, "Response Body"),
            table_block(
                "Table 2 Parameters",
                &[
                    RESPONSE,
                    &["teams", "Array of objects", "Teams."],
                    &["links", "Object", "Links of this page of results."],
                ],
            ),
            table_block(
                "Table 3 teams",
                &[
                    RESPONSE,
                    &["name", "String", "Name."],
                    &["links", "Object", "Links of the team."],
                ],
            ),
            table_block(
                "Table 4 teams.links",
                &[RESPONSE, &["self", "String", "The team."]],
            ),
            table_block(
                "Table 5 links",
                &[RESPONSE, &["next", "String", "The next page."]],
            ),
        ],
    );
    let page = read(&parsed);
    let fields_of = |ty: &TypeRef| -> Vec<String> {
        let TypeRef::Model(name) = ty else {
            panic!("expected a model, found {ty:?}")
        };
        let model = page.models.iter().find(|m| &m.name == name).expect("model");
        model.fields.iter().map(|f| f.name.clone()).collect()
    };
    let body_links = field_type(page, "DoingAThingResponseBody", "links");
    assert_eq!(fields_of(body_links), ["next"]);
    let TypeRef::Array(team) = field_type(page, "DoingAThingResponseBody", "teams") else {
        panic!("teams is a list")
    };
    let TypeRef::Model(team) = team.as_ref() else {
        panic!("of teams")
    };
    assert_eq!(fields_of(field_type(page, team, "links")), ["self"]);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_number_wins_over_a_caption_another_field_claims() {
    let parsed = page(
        "GET /v1/instances",
        vec![
            heading(4, "Response Body"),
            table_block(
                "Table 1 Parameters",
                &[
                    RESPONSE,
                    &["spec", "Object", "For details, see Table 4."],
                    &["provision", "Object", "For details, see Table 2."],
                ],
            ),
            table_block(
                "Table 2 provision parameters",
                &[RESPONSE, &["spec", "Object", "See Table 3."]],
            ),
            table_block(
                "Table 3 spec parameters",
                &[RESPONSE, &["engine", "String", "Engine."]],
            ),
            table_block(
                "Table 4 notebook parameters",
                &[RESPONSE, &["log_path", "String", "Logs."]],
            ),
        ],
    );
    let page = read(&parsed);
    let body = field_type(page, "DoingAThingResponseBody", "spec");
    let provision_spec = field_type(page, "DoingAThingProvision", "spec");
    assert_eq!(body, &TypeRef::Model("DoingAThingNotebook".into()));
    assert_eq!(provision_spec, &TypeRef::Model("DoingAThingSpec".into()));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn tables_named_for_alternatives_merge_into_one_model() {
    let parsed = page(
        "POST /v1/services",
        vec![
            heading(4, "Request Body"),
            table_block(
                "Table 2 Parameters",
                &[
                    BODY,
                    &[
                        "config",
                        "Yes",
                        "config array corresponding to infer_type",
                        "Real-time: see Table 3. Batch: see Table 4.",
                    ],
                ],
            ),
            table_block(
                "Table 3 config parameters of real-time",
                &[
                    BODY,
                    &["model_id", "Yes", "String", "M."],
                    &["weight", "Yes", "Integer", "W."],
                ],
            ),
            table_block(
                "Table 4 config parameters of batch",
                &[
                    BODY,
                    &["model_id", "Yes", "String", "M."],
                    &["src_path", "Yes", "String", "S."],
                ],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "config"),
        &TypeRef::Array(Box::new(TypeRef::Model("DoingAThingConfig".into())))
    );
    let config = page
        .models
        .iter()
        .find(|m| m.name == "DoingAThingConfig")
        .expect("config");
    let fields: Vec<_> = config
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.required))
        .collect();
    assert_eq!(
        fields,
        [
            ("model_id", Some(true)),
            ("weight", Some(false)),
            ("src_path", Some(false))
        ]
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn an_unreferenced_table_sharing_a_word_with_the_one_unlinked_field_is_a_guess() {
    let parsed = page(
        "POST /v1/servers/{server_id}/tags/action",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[BODY, &["tags", "Yes", "Array of objects", "Tags."]],
            ),
            table_block(
                "Table 3 resource_tag field description",
                &[BODY, &["key", "Yes", "String", "Key."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "tags"),
        &TypeRef::Array(Box::new(TypeRef::Model("DoingAThingResourceTag".into())))
    );
    assert_eq!(codes(&parsed), ["table-link-guessed"]);
}

#[test]
fn tables_captioned_by_model_names_ending_in_field_names_are_theirs() {
    // Captions are model names, as pages generated from an API description
    // write them: `LampSetup` for `setup`, `BulbInfo` for `bulbs`, and one
    // `Links` table for two `links` fields.
    let parsed = page(
        "GET /v1/lamps/{lamp_id}",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 Response parameters",
                &[
                    RESPONSE,
                    &["links", "Object", "Links."],
                    &["setup", "Object", "The setup."],
                ],
            ),
            table_block(
                "Table 3 LampSetup",
                &[
                    RESPONSE,
                    &["bulbs", "Array of objects", "Bulbs."],
                    &["links", "Object", "Links."],
                ],
            ),
            table_block("Table 4 Links", &[RESPONSE, &["self", "String", "Link."]]),
            table_block(
                "Table 5 BulbInfo",
                &[RESPONSE, &["watts", "Integer", "Power."]],
            ),
        ],
    );
    let page = read(&parsed);
    let model = |name: &str| TypeRef::Model(name.into());
    let body = "DoingAThingResponseBody";
    assert_eq!(field_type(page, body, "setup"), &model("LampSetup"));
    assert_eq!(field_type(page, body, "links"), &model("Links"));
    assert_eq!(
        field_type(page, "LampSetup", "bulbs"),
        &TypeRef::Array(Box::new(model("BulbInfo")))
    );
    assert_eq!(field_type(page, "LampSetup", "links"), &model("Links"));
}

#[test]
fn a_response_field_takes_its_own_sides_model_name_table_before_the_requests_captioned_one() {
    let parsed = page(
        "PUT /v1/lamps/{lamp_id}",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[BODY, &["setup", "Yes", "Object", "The setup."]],
            ),
            table_block(
                "Table 3 setup",
                &[BODY, &["watts", "Yes", "Integer", "Power."]],
            ),
            heading(4, "Response"),
            table_block(
                "Table 4 Response parameters",
                &[RESPONSE, &["setup", "Object", "The setup."]],
            ),
            table_block(
                "Table 5 LampSetup",
                &[RESPONSE, &["watts", "Integer", "Power."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "setup"),
        &TypeRef::Model("LampSetup".into())
    );
}

#[test]
fn a_request_field_takes_its_own_sides_misspelled_table_before_the_responses_captioned_one() {
    // The request's table caption misspells the field; the response's
    // names it exactly.
    let parsed = page(
        "PUT /v1/lamps/{lamp_id}",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[BODY, &["lamp_setup", "Yes", "Object", "The setup."]],
            ),
            table_block(
                "Table 3 Lamp_setpu",
                &[BODY, &["watts", "Yes", "Integer", "Power."]],
            ),
            heading(4, "Response"),
            table_block(
                "Table 4 Response parameters",
                &[RESPONSE, &["lamp_setup", "Object", "The setup."]],
            ),
            table_block(
                "Table 5 lamp_setup",
                &[RESPONSE, &["hue", "String", "Colour."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "lamp_setup"),
        &TypeRef::Model("DoingAThingLampSetpu".into())
    );
}

#[test]
fn a_model_name_table_two_differently_named_fields_end_in_is_no_ones() {
    let parsed = page(
        "GET /v1/lamps/{lamp_id}",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 Response parameters",
                &[
                    RESPONSE,
                    &["bulb", "Object", "The bulb."],
                    &["bulbs", "Array of objects", "Bulbs."],
                ],
            ),
            table_block(
                "Table 3 SpareBulb",
                &[RESPONSE, &["watts", "Integer", "Power."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "bulb"),
        &TypeRef::Object
    );
}

#[test]
fn a_table_nothing_points_at_is_a_warning_and_no_model() {
    let parsed = page(
        "POST /v1/things",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[BODY, &["name", "Yes", "String", "Name."]],
            ),
            table_block(
                "Table 3 node parameters",
                &[BODY, &["key", "Yes", "String", "Key."]],
            ),
        ],
    );
    assert_eq!(model_names(read(&parsed)), ["DoingAThingRequestBody"]);
    assert_eq!(codes(&parsed), ["table-unreferenced"]);
}

#[test]
fn a_table_of_user_chosen_keys_is_a_map() {
    let parsed = page(
        "GET /v2/{project_id}/servers/{server_id}/ips",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 Response parameters",
                &[RESPONSE, &["addresses", "Object", "See Table 3."]],
            ),
            table_block(
                "Table 3 addresses parameter structure description",
                &[
                    RESPONSE,
                    &["Name of the network", "Array of objects", "See Table 4."],
                ],
            ),
            table_block(
                "Table 4 Network description",
                &[RESPONSE, &["addr", "String", "Address."]],
            ),
        ],
    );
    let page = read(&parsed);
    let network = TypeRef::Model("DoingAThingNetwork".into());
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "addresses"),
        &TypeRef::Map(Box::new(TypeRef::Array(Box::new(network))))
    );
    assert_eq!(
        model_names(page),
        ["DoingAThingResponseBody", "DoingAThingNetwork"]
    );
}

#[test]
fn same_captions_on_both_sides_give_two_models() {
    let parsed = page(
        "PUT /v2/{project_id}/servers/{server_id}",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[BODY, &["server", "Yes", "Object", "See Table 3."]],
            ),
            table_block(
                "Table 3 server field description",
                &[BODY, &["name", "No", "String", "Name."]],
            ),
            heading(4, "Response"),
            table_block(
                "Table 4 Response parameters",
                &[RESPONSE, &["server", "Object", "See Table 5."]],
            ),
            table_block(
                "Table 5 server field description",
                &[RESPONSE, &["id", "String", "ID."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "server"),
        &TypeRef::Model("DoingAThingServer".into())
    );
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "server"),
        &TypeRef::Model("DoingAThingResponseServer".into())
    );
}

#[test]
fn captions_written_before_the_table() {
    let parsed = page(
        "POST /v1/things",
        vec![
            heading(4, "Request"),
            table_block("", &[BODY, &["server", "Yes", "Object", "The server."]]),
            heading(5, "server Field Description"),
            table_block("", &[BODY, &["name", "Yes", "String", "Name."]]),
            paragraph("Table 4 nics field description"),
            table_block("", &[BODY, &["subnet_id", "Yes", "String", "Subnet."]]),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "server"),
        &TypeRef::Model("DoingAThingServer".into())
    );
    assert_eq!(
        codes(&parsed),
        ["table-unreferenced"],
        "the nics table: no field points at it"
    );
}

#[test]
fn header_sections_hold_headers() {
    let parsed = page(
        "GET /v1/things",
        vec![
            heading(4, "Request Headers"),
            table_block("", &[BODY, &["X-Auth-Token", "Yes", "String", "Token."]]),
            heading(4, "Response Headers"),
            table_block("", &[RESPONSE, &["X-Request-Id", "String", "Request."]]),
        ],
    );
    let page = read(&parsed);
    assert_eq!(page.operation.parameters[0].location, ParamLocation::Header);
    assert_eq!(page.operation.responses[0].headers[0].name, "X-Request-Id");
}

#[test]
fn odd_cells_are_errors_that_degrade_only_their_field() {
    let parsed = page(
        "POST /v1/things",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[
                    BODY,
                    &["size", "Yes", "Storage kind", "Odd type."],
                    &["", "No", "String", "No name."],
                    &["n", "No", "", "No type."],
                ],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "size"),
        &TypeRef::Any
    );
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "n"),
        &TypeRef::Any
    );
    let size = &page.models[0].fields[0];
    assert_eq!(size.degraded.len(), 1);
    assert_eq!(size.degraded[0].stated, "Storage kind");
    assert_eq!(
        page.models[0].fields.len(),
        2,
        "the row without a name is left out"
    );
    assert_eq!(
        codes(&parsed),
        ["unknown-type", "row-missing-cell", "row-missing-cell"]
    );
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.is_error() && d.degraded.is_some()),
        "broken rows are for the owners to correct"
    );
}

#[test]
fn titles_and_names() {
    assert_eq!(
        split_title("设置租户服务配置 - UpdateTenantServiceConfigs"),
        "设置租户服务配置"
    );
    assert_eq!(split_title("Starting an ECS"), "Starting an ECS");
    assert_eq!(split_title("Start - stop it"), "Start - stop it");
    assert_eq!(
        id_from_title("Querying Tenant Personalized Configurations"),
        "QueryingTenantPersonalizedConfigurations"
    );
}

#[test]
fn a_table_named_by_a_field_holding_no_objects_says_so() {
    let parsed = page(
        "POST /v2/{project_id}/servers",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[
                    BODY,
                    &["metadata", "No", "Map<String,String>", "See Table 3."],
                ],
            ),
            table_block(
                "Table 3 metadata field description",
                &[BODY, &["admin_pass", "No", "String", "Password."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "metadata"),
        &TypeRef::Map(Box::new(TypeRef::String))
    );
    assert_eq!(codes(&parsed), ["table-of-scalar-field"]);
}

#[test]
fn tables_inside_list_items_are_read() {
    let item = vec![
        paragraph("Request parameters"),
        table_block(
            "Table 2 Parameter description",
            &[BODY, &["name", "Yes", "String", "Name."]],
        ),
    ];
    let list = Block::new(
        BlockKind::List {
            ordered: false,
            items: vec![item],
        },
        1,
    );
    let parsed = page(
        "POST /v1.0/{project_id}/elbaas/loadbalancers",
        vec![heading(4, "Request"), list],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "name"),
        &TypeRef::String
    );
}

#[test]
fn a_parameter_documented_twice_is_kept_once() {
    let parsed = page(
        "GET /v1/things",
        vec![
            table_block(
                "Table 1 Query parameters",
                &[BODY, &["limit", "No", "Integer", "Page size."]],
            ),
            heading(4, "Request Body"),
            table_block(
                "Table 2 Parameters",
                &[BODY, &["limit", "No", "Integer", "Page size."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(page.operation.parameters.len(), 1);
    assert_eq!(codes(&parsed), ["body-of-get", "parameter-repeated"]);
}

#[test]
fn a_normal_status_line_gives_the_success_status() {
    let item = vec![paragraph("Normal"), paragraph("201")];
    let list = Block::new(
        BlockKind::List {
            ordered: false,
            items: vec![item],
        },
        1,
    );
    let parsed = page(
        "POST /v1/things",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 Response parameters",
                &[RESPONSE, &["id", "String", "ID."]],
            ),
            heading(4, "Status Code"),
            list,
        ],
    );
    assert_eq!(read(&parsed).operation.responses[0].status, 201);
}

#[test]
fn a_normal_status_line_above_an_error_table_is_a_documented_status() {
    let normal = vec![paragraph("Normal"), paragraph("204")];
    let error = vec![
        paragraph("Error"),
        table_block(
            "",
            &[
                &["Status Code", "Message", "Description"],
                &["400", "badRequest", "Request error."],
            ],
        ),
    ];
    let list = Block::new(
        BlockKind::List {
            ordered: false,
            items: vec![normal, error],
        },
        1,
    );
    let parsed = page(
        "DELETE /v1.0/things/{thing_id}",
        vec![heading(4, "Status Code"), list],
    );
    let statuses: Vec<u16> = read(&parsed)
        .operation
        .status_codes
        .iter()
        .map(|doc| doc.status)
        .collect();
    assert_eq!(statuses, [204, 400]);
}

fn code(text: &str) -> Block {
    Block::new(
        BlockKind::Code {
            lang: None,
            text: text.to_owned(),
        },
        1,
    )
}

/// The statuses of the responses with their examples' descriptions and
/// first keys.
fn examples_by_status(page: &Page) -> Vec<(u16, Option<&str>, Vec<String>)> {
    let mut out = Vec::new();
    for response in &page.operation.responses {
        for example in &response.examples {
            let first_key = match &example.body {
                apidoc_ir::ExampleBody::Json(apidoc_ir::Value::Object(object)) => {
                    object.keys().next().cloned()
                }
                _ => None,
            };
            out.push((
                response.status,
                example.description.en.as_deref(),
                first_key.into_iter().collect(),
            ));
        }
    }
    out
}

/// "Example Response": a success body, "Or", an error body; `after` ends
/// the page.
fn success_or_error(after: Vec<Block>) -> Parsed {
    let mut blocks = vec![
        heading(4, "Response"),
        table_block(
            "Table 2 Response parameters",
            &[RESPONSE, &["job_id", "String", "Task ID."]],
        ),
        heading(4, "Example Response"),
        code(r#"{"job_id": "70a5"}"#),
        paragraph("Or"),
        code(r#"{"error": {"message": "request body is illegal.", "code": "Ecs.0005"}}"#),
    ];
    blocks.extend(after);
    page("POST /v1/{project_id}/cloudservers/delete", blocks)
}

#[test]
fn an_or_between_examples_describes_neither() {
    let parsed = success_or_error(vec![]);
    let ok = &read(&parsed).operation.responses[0];
    assert_eq!((ok.status, ok.description.is_empty()), (200, true));
    assert!(
        ok.examples.iter().all(|e| e.description.is_empty()),
        "{:?}",
        ok.examples
    );
}

#[test]
fn an_error_example_without_status_goes_to_the_one_error_status() {
    let parsed = success_or_error(vec![
        heading(4, "Status Codes"),
        table_block(
            "Table 3 Status codes",
            &[
                &["Status Code", "Description"],
                &["200", "OK"],
                &["400", "Bad Request"],
            ],
        ),
    ]);
    assert_eq!(
        examples_by_status(read(&parsed)),
        [
            (200, None, vec!["job_id".to_owned()]),
            (400, None, vec!["error".to_owned()]),
        ]
    );
    assert_eq!(codes(&parsed), Vec::<&str>::new());
}

#[test]
fn an_error_example_no_single_status_claims_is_left_out_with_a_warning() {
    let parsed = success_or_error(vec![]);
    assert_eq!(
        examples_by_status(read(&parsed)),
        [(200, None, vec!["job_id".to_owned()])]
    );
    assert_eq!(codes(&parsed), ["example-error-status-unknown"]);
    let several = success_or_error(vec![
        heading(4, "Status Codes"),
        table_block(
            "Table 3 Status codes",
            &[
                &["Status Code", "Description"],
                &["400", "Bad Request"],
                &["404", "Not Found"],
            ],
        ),
    ]);
    assert_eq!(codes(&several), ["example-error-status-unknown"]);
    assert!(
        several.diagnostics[0]
            .message
            .ends_with("several error statuses (400, 404)"),
        "{}",
        several.diagnostics[0].message
    );
}

#[test]
fn a_body_with_success_fields_or_a_stated_status_stays_where_it_is() {
    let parsed = page(
        "POST /v1/things",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 Response parameters",
                &[
                    RESPONSE,
                    &["error_code", "String", "Code of the last failure."],
                    &["error_msg", "String", "Message of the last failure."],
                ],
            ),
            heading(4, "Example Response"),
            code(r#"{"error_code": "X.1", "error_msg": "failed"}"#),
            paragraph("Status code: 500"),
            code(r#"{"error": {"code": "X.2"}}"#),
        ],
    );
    assert_eq!(
        examples_by_status(read(&parsed)),
        [
            (200, None, vec!["error_code".to_owned()]),
            (500, None, vec!["error".to_owned()]),
        ]
    );
}

/// A reduced copy of the OTC ECS page "Deleting ECSs"
/// (`ecs/en-us_topic_0020212679.html`): a success and an error example
/// joined by "Or", and no Status Codes section.
const DELETING_ECSS: &str = r#"<html><body><div>
<h1 class="topictitle1">Deleting ECSs</h1>
<div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/cloudservers/delete</p></div>
<div class="section"><h4 class="sectiontitle">Response</h4>
<table><caption><b>Table 3 </b>Response parameters</caption>
<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td><p>job_id</p></td><td><p>String</p></td><td><p>Specifies the returned task ID.</p></td></tr></tbody>
</table></div>
<div class="section"><h4 class="sectiontitle">Example Response</h4><pre class="screen">{
    "job_id": "70a599e0-31e7-49b7-b260-868f441e862b"
}</pre>
<p>Or</p>
<pre class="screen">{
    "error": {
        "message": "request body is illegal.",
        "code": "Ecs.0005"
    }
}</pre>
</div>
<div class="section"><h4 class="sectiontitle">Returned Values</h4><p>See <a href="en-us_topic_0022067716.html">Returned Values for General Requests</a>.</p></div>
</div></body></html>"#;

#[test]
fn reduced_ecs_page_keeps_its_error_example_out_of_the_success_response() {
    let blocks = crate::to_blocks(DELETING_ECSS, crate::Format::Html);
    let parsed = read_page("ecs/en-us_topic_0020212679.html", &blocks);
    let page = read(&parsed);
    assert_eq!(page.operation.id, "DeletingECSs");
    let ok = &page.operation.responses[0];
    assert_eq!(ok.status, 200);
    assert_ne!(ok.description.en.as_deref(), Some("Or"));
    assert_eq!(
        examples_by_status(page),
        [(200, None, vec!["job_id".to_owned()])]
    );
    assert_eq!(codes(&parsed), ["example-error-status-unknown"]);
}

#[test]
fn type_cells_name_models_with_colons_and_dots() {
    const ZH_BODY: &[&str] = &["参数", "是否必选", "参数类型", "描述"];
    let parsed = page(
        "POST /v1/{project_id}/pods",
        vec![
            heading(2, "请求参数"),
            table_block(
                "表 2 请求Body参数",
                &[
                    ZH_BODY,
                    &[
                        "probe",
                        "否",
                        "io.k8s.api.core.v1.Handler object",
                        "探测方式。",
                    ],
                    &[
                        "binding:vif_details",
                        "否",
                        "binding:vif_details object",
                        "网卡细节。",
                    ],
                ],
            ),
            table_block(
                "表 3 Handler",
                &[ZH_BODY, &["command", "否", "Array of strings", "命令。"]],
            ),
            table_block(
                "表 4 binding:vif_details字段数据结构说明",
                &[ZH_BODY, &["primary", "否", "Boolean", "是否主网卡。"]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "probe"),
        &TypeRef::Model("Handler".into())
    );
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "binding:vif_details"),
        &TypeRef::Model("DoingAThingBindingVifDetails".into())
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

/// Bodies and URLs of a page's example requests, in order.
fn request_examples(page: &Page) -> Vec<(String, Option<String>)> {
    page.operation
        .request_examples
        .iter()
        .map(|e| {
            let body = e.body.as_ref().map(|body| match body {
                apidoc_ir::ExampleBody::Json(value) => value.to_string(),
                apidoc_ir::ExampleBody::Text(text) => format!("text: {text}"),
            });
            (e.url.clone(), body)
        })
        .collect()
}

#[test]
fn request_lines_in_a_code_block_are_examples_and_the_next_block_their_body() {
    let parsed = page(
        "POST /v2/{project_id}/machines/{machine_id}/action",
        vec![
            heading(4, "Example Request"),
            code(
                "POST https://{endpoint}/v2/{project_id}/machines/{machine_id}/action\n\n\
                 POST https://{endpoint}/v2.1/{project_id}/machines/{machine_id}/action",
            ),
            code(r#"{"freeze": null}"#),
            code(
                "POST https://{endpoint}/v2/{project_id}/machines/{machine_id}/action\n{\"thaw\": {}}",
            ),
        ],
    );
    let v2 = "https://{endpoint}/v2/{project_id}/machines/{machine_id}/action";
    let v21 = "https://{endpoint}/v2.1/{project_id}/machines/{machine_id}/action";
    let freeze = Some(r#"{"freeze":null}"#.to_owned());
    assert_eq!(
        request_examples(read(&parsed)),
        [
            (v2.to_owned(), freeze.clone()),
            (v21.to_owned(), freeze),
            (v2.to_owned(), Some(r#"{"thaw":{}}"#.to_owned())),
        ]
    );
}

#[test]
fn a_null_type_cell_admits_null() {
    let parsed = page(
        "POST /v1/machines/{machine_id}/action",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request body parameters",
                &[BODY, &["freeze", "Yes", "Null", "Freezes the machine."]],
            ),
        ],
    );
    let page = read(&parsed);
    let field = &page.models[0].fields[0];
    assert_eq!(field.ty, TypeRef::Object);
    assert!(field.constraints.nullable.is_some(), "{field:?}");
}

/// A page in the shape of the OTC ECS action pages, in our own words: one
/// `<pre>` lists the request under two URL versions, the next `<pre>` holds
/// the body, and the body table types the only field `Null`.
const FREEZING_A_MACHINE: &str = r#"<html><body><div>
<h1 class="topictitle1">Freezing a Machine</h1>
<div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v2.1/{project_id}/machines/{machine_id}/action</p></div>
<div class="section"><h4 class="sectiontitle">Request</h4>
<table><caption><b>Table 2 </b>Request parameters</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td><p>freeze</p></td><td><p>Yes</p></td><td><p>Null</p></td><td><p>Freezes the machine. The value is null.</p></td></tr></tbody>
</table></div>
<div class="section"><h4 class="sectiontitle">Example Request</h4>
<pre class="screen">POST https://{endpoint}/v2/{project_id}/machines/{machine_id}/action
POST https://{endpoint}/v2.1/{project_id}/machines/{machine_id}/action</pre>
<pre class="screen">{
    "freeze": null
}</pre>
</div>
</div></body></html>"#;

#[test]
fn reduced_action_page_gives_both_urls_the_body_and_admits_null() {
    let blocks = crate::to_blocks(FREEZING_A_MACHINE, crate::Format::Html);
    let parsed = read_page("ecs/freeze.html", &blocks);
    let page = read(&parsed);
    let freeze = Some(r#"{"freeze":null}"#.to_owned());
    assert_eq!(
        request_examples(page),
        [
            (
                "https://{endpoint}/v2/{project_id}/machines/{machine_id}/action".to_owned(),
                freeze.clone()
            ),
            (
                "https://{endpoint}/v2.1/{project_id}/machines/{machine_id}/action".to_owned(),
                freeze
            ),
        ]
    );
    let field = &page.models[0].fields[0];
    assert!(field.constraints.nullable.is_some(), "{field:?}");
}

#[test]
fn a_body_section_of_nested_tables_only_takes_its_first_unlinked_one_as_body() {
    let parsed = page(
        "GET /v1/clusters/{cluster_id}/snapshots",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 snapshots field description",
                &[
                    RESPONSE,
                    &["snapshots", "Array of snapshot objects", "The snapshots."],
                ],
            ),
            table_block(
                "Table 3 snapshot field description",
                &[RESPONSE, &["id", "String", "Snapshot ID."]],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "snapshots"),
        &TypeRef::Array(Box::new(TypeRef::Model("DoingAThingSnapshot".into())))
    );
    assert!(
        !codes(&parsed).contains(&"table-unreferenced"),
        "{:?}",
        codes(&parsed)
    );
}

#[test]
fn two_tables_of_one_page_naming_one_model_differently_are_two_models() {
    let parsed = page(
        "POST /v1/metrics",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request body",
                &[BODY, &["dims", "Yes", "Array of Dimension objects", "D."]],
            ),
            table_block(
                "Table 3 Dimension",
                &[BODY, &["name", "Yes", "String", "N."]],
            ),
            heading(4, "Response"),
            table_block(
                "Table 4 Response body",
                &[RESPONSE, &["dims", "Array of Dimension objects", "D."]],
            ),
            table_block(
                "Table 5 Dimension",
                &[
                    RESPONSE,
                    &["name", "String", "N."],
                    &["unit", "String", "U."],
                ],
            ),
        ],
    );
    let page = read(&parsed);
    let dimension = |name: &str| TypeRef::Array(Box::new(TypeRef::Model(name.into())));
    assert_eq!(
        field_type(page, "DoingAThingRequestBody", "dims"),
        &dimension("Dimension")
    );
    assert_eq!(
        field_type(page, "DoingAThingResponseBody", "dims"),
        &dimension("Dimension2")
    );
    assert_eq!(field_type(page, "Dimension2", "unit"), &TypeRef::String);
}

#[test]
fn a_response_table_of_one_element_whose_examples_are_lists_is_a_list() {
    let parsed = page(
        "GET /v1/versions",
        vec![
            heading(4, "Response"),
            table_block(
                "Table 2 Response body",
                &[RESPONSE, &["name", "String", "N."], &["id", "String", "I."]],
            ),
            heading(4, "Example Responses"),
            Block::new(
                BlockKind::Code {
                    lang: None,
                    text: r#"[{"name": "a", "id": "1"}, {"name": "b", "id": "2"}]"#.to_owned(),
                },
                1,
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        page.operation.responses[0].body,
        Some(TypeRef::Array(Box::new(TypeRef::Model(
            "DoingAThingResponseBody".into()
        ))))
    );
    assert!(codes(&parsed).contains(&"body-array-by-example"));
}

#[test]
fn a_label_standing_alone_as_a_paragraph_opens_its_section() {
    let parsed = page(
        "GET /v1/versions",
        vec![
            heading(4, "Examples"),
            paragraph("Response example"),
            Block::new(
                BlockKind::Code {
                    lang: None,
                    text: r#"{"name": "a"}"#.to_owned(),
                },
                1,
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(page.operation.responses.len(), 1);
    assert_eq!(page.operation.responses[0].examples.len(), 1);
}

#[test]
fn an_unreferenced_table_right_after_one_unlinked_object_row_describes_it() {
    let parsed = page(
        "DELETE /v1/keys/{key_id}",
        vec![
            heading(4, "Response"),
            paragraph("Status code: 400"),
            table_block(
                "Table 4 Response body",
                &[RESPONSE, &["error", "Object", "The error."]],
            ),
            table_block(
                "Table 5 ErrorDetail",
                &[
                    RESPONSE,
                    &["error_code", "String", "C."],
                    &["error_msg", "String", "M."],
                ],
            ),
        ],
    );
    let page = read(&parsed);
    assert_eq!(
        field_type(page, "DoingAThingResponse400Body", "error"),
        &TypeRef::Model("ErrorDetail".into())
    );
    assert_eq!(codes(&parsed), ["table-link-guessed"]);
}

#[test]
fn a_description_naming_a_table_by_its_label_links_to_it() {
    // A copied page keeps the words of a link ("see Table Lamp front
    // parameters"), not its target; the tables stand in the other order.
    let parsed = page(
        "POST /v1/lamps",
        vec![
            heading(4, "Request"),
            table_block(
                "Table 2 Request parameters",
                &[
                    BODY,
                    &["front", "Yes", "Object", "See Table Lamp front parameters."],
                    &["back", "Yes", "Object", "See Table Lamp back parameters."],
                ],
            ),
            table_block(
                "Table 3 Lamp back parameters",
                &[BODY, &["tilt", "Yes", "Integer", "Tilt."]],
            ),
            table_block(
                "Table 4 Lamp front parameters",
                &[BODY, &["glow", "Yes", "Integer", "Glow."]],
            ),
        ],
    );
    let page = read(&parsed);
    let front = field_type(page, "DoingAThingRequestBody", "front");
    let TypeRef::Model(front) = front else {
        panic!("a model: {front:?}");
    };
    let fields: Vec<&str> = page
        .models
        .iter()
        .find(|m| &m.name == front)
        .map(|m| m.fields.iter().map(|f| f.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, ["glow"]);
}

#[test]
fn a_uri_line_in_running_text_alone_is_no_operation() {
    // An authentication guide, as a copy without its own headings gives
    // it: prose and an example request, nothing else of an operation.
    let guide = vec![
        heading(1, "Authenticating"),
        paragraph("Add the token to every request, as below."),
        paragraph("POST https://iam.example.com/v3/auth/projects"),
    ];
    assert!(read_page("svc/auth.txt", &guide).page.is_none());
    let mut page = guide;
    page.push(table_block(
        "Table 1 Request parameters",
        &[BODY, &["scope", "Yes", "String", "Scope."]],
    ));
    assert!(read_page("svc/auth.txt", &page).page.is_some());
}
