//! How a list operation pages, as its parameters and its response state
//! it: the one reading of the paging facts that the checker (which names
//! the list operations it cannot read) and the Rust emitter (which writes
//! their paginators) share.
//!
//! The words are the pages' own (the vocabulary below): a page-size
//! parameter (`limit`, `page_size`, `per_page`, …), a cursor parameter
//! (`offset`, `marker`, `page`, …), the response's one array of items, and
//! where the next page is named (a `next_marker` field at the top or one
//! level down, as in `page_info.next_marker`; a `links.next` URL; else, for
//! a marker, the last item's `id`).

use crate::{Field, Method, Model, Operation, ParamLocation, Parameter, Service, TypeRef, Value};

/// Page-size parameters, compared without case, `-` and `_`.
const SIZE_PARAMS: &[&str] = &[
    "limit",
    "pagesize",
    "perpage",
    "size",
    "maxitems",
    "pagelimit",
];
/// Parameters naming the first item of the page.
const OFFSET_PARAMS: &[&str] = &["offset", "from"];
/// Parameters naming the page by number.
const PAGE_PARAMS: &[&str] = &[
    "page",
    "pageno",
    "pagenum",
    "pagenumber",
    "currentpage",
    "pageindex",
];
/// Parameters naming where the page starts by the previous page's marker.
const MARKER_PARAMS: &[&str] = &["marker"];
/// Parameters that look like paging but that no rule reads alone (`start`
/// is an offset on some pages and a page number on others).
const AMBIGUOUS_PARAMS: &[&str] = &["start"];
/// Response fields carrying the next page's marker.
const NEXT_MARKER_FIELDS: &[&str] = &["nextmarker"];
/// The response object of page links and its field with the next page's URL.
const LINKS_FIELD: &str = "links";
const NEXT_LINK_FIELD: &str = "next";
/// The item field whose value is the next marker where no field names one.
const ITEM_ID_FIELD: &str = "id";
/// Words of an "offset" parameter's description saying it counts pages.
const PAGE_NUMBER_WORDS: &[&str] = &["页码", "page number", "当前页", "page index"];
/// Array fields that are links between pages, not items (`pools_links`).
const LINK_ARRAY_SUFFIX: &str = "links";

/// How the next page is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// `limit` + `offset`: the next offset is this one plus the items read.
    Offset,
    /// `limit` + `marker`: the next marker is a response field or the last
    /// item's id.
    Marker,
    /// `page` + `per_page`/`page_size`: the next page number.
    Page,
    /// A `links.next` URL whose query asks for the next page.
    NextUrl,
}

impl Style {
    /// The style as a word for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Offset => "limit+offset",
            Self::Marker => "limit+marker",
            Self::Page => "page+size",
            Self::NextUrl => "next URL",
        }
    }
}

/// A field of a model, as a step of a path into a response body.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The model holding the field.
    pub model: &'a Model,
    /// The field.
    pub field: &'a Field,
}

/// What the pages state of one list operation's paging.
#[derive(Clone, Debug)]
pub struct Paging<'a> {
    /// How the next page is asked for.
    pub style: Style,
    /// The page-size query parameter, where there is one.
    pub size: Option<&'a Parameter>,
    /// The query parameter naming the page (none for [`Style::NextUrl`]).
    pub cursor: Option<&'a Parameter>,
    /// The body field holding the items; `None` where the body is the array.
    pub items: Option<Step<'a>>,
    /// The type of one item.
    pub item: &'a TypeRef,
    /// The path to the next marker or URL in the body; empty where the
    /// next marker is the last item's [`Paging::item_id`] or no marker is
    /// needed (offsets, page numbers).
    pub next: Vec<Step<'a>>,
    /// The field of the last item giving the next marker.
    pub item_id: Option<Step<'a>>,
}

impl Paging<'_> {
    /// The documented page size, where the page-size parameter has a default.
    pub fn default_size(&self) -> Option<u64> {
        self.size.and_then(|size| default_number(&size.field))
    }

    /// The cursor's first value where the caller gives none: its documented
    /// default, else its minimum, else 0 for an offset and 1 for a page.
    pub fn first(&self) -> u64 {
        let stated = self.cursor.and_then(|cursor| {
            default_number(&cursor.field).or_else(|| {
                let minimum = cursor.field.constraints.minimum.as_ref()?;
                minimum.value.as_u64()
            })
        });
        stated.unwrap_or(u64::from(self.style == Style::Page))
    }
}

/// What an operation's pages say of its paging.
#[derive(Clone, Debug)]
pub enum Reading<'a> {
    /// Not a list that pages: no GET, no array in the answer, or no paging
    /// parameter.
    NotAList,
    /// A list whose paging the rules read.
    Paged(Paging<'a>),
    /// A list with a paging-like parameter (named here) whose paging no
    /// rule reads.
    Unrecognised(&'a Parameter),
}

/// How `operation` of `service` pages.
pub fn paging<'a>(service: &'a Service, operation: &'a Operation) -> Reading<'a> {
    let Some(shape) = ListShape::of(service, operation) else {
        return Reading::NotAList;
    };
    let query = |names: &[&str]| find_param(operation, names);
    let trigger = [
        SIZE_PARAMS,
        OFFSET_PARAMS,
        PAGE_PARAMS,
        MARKER_PARAMS,
        AMBIGUOUS_PARAMS,
    ]
    .into_iter()
    .find_map(query);
    let Some(trigger) = trigger else {
        return Reading::NotAList;
    };
    let Some(list) = shape else {
        return Reading::Unrecognised(trigger);
    };
    let size = query(SIZE_PARAMS);
    let paged = |style, cursor, next, item_id| {
        Reading::Paged(Paging {
            style,
            size,
            cursor,
            items: list.items,
            item: list.item,
            next,
            item_id,
        })
    };
    if let Some(marker) = query(MARKER_PARAMS) {
        if let Some(next) = list.field_path(service, NEXT_MARKER_FIELDS) {
            return paged(Style::Marker, Some(marker), next, None);
        }
        if let Some(id) = list.item_id(service) {
            return paged(Style::Marker, Some(marker), Vec::new(), Some(id));
        }
    } else if let Some(next) = list.next_link(service) {
        return paged(Style::NextUrl, None, next, None);
    } else if let Some(offset) = query(OFFSET_PARAMS) {
        let style = if counts_pages(&offset.field) {
            Style::Page
        } else {
            Style::Offset
        };
        return paged(style, Some(offset), Vec::new(), None);
    } else if let Some(page) = query(PAGE_PARAMS) {
        return paged(Style::Page, Some(page), Vec::new(), None);
    }
    Reading::Unrecognised(trigger)
}

/// The array of a GET operation's answer.
struct ListShape<'a> {
    body: Option<&'a Model>,
    items: Option<Step<'a>>,
    item: &'a TypeRef,
}

impl<'a> ListShape<'a> {
    /// The items of the first 2xx body: the body itself where it is an
    /// array, else its one top-level array that is no list of links;
    /// `Some(None)` for a body of several such arrays (a list, but of
    /// which items?), `None` for no list.
    fn of(service: &'a Service, operation: &'a Operation) -> Option<Option<Self>> {
        if operation.primary().method != Method::Get {
            return None;
        }
        let body = operation
            .responses
            .iter()
            .filter(|response| (200..300).contains(&response.status))
            .find_map(|response| response.body.as_ref())?;
        match body {
            TypeRef::Array(item) => Some(Some(Self {
                body: None,
                items: None,
                item,
            })),
            TypeRef::Model(name) => {
                let model = service.model(name)?;
                let mut arrays = model.fields.iter().filter_map(|field| match &field.ty {
                    TypeRef::Array(item)
                        if !normalised(&field.name).ends_with(LINK_ARRAY_SUFFIX) =>
                    {
                        Some((field, item.as_ref()))
                    }
                    _ => None,
                });
                let (field, item) = arrays.next()?;
                Some(arrays.next().is_none().then_some(Self {
                    body: Some(model),
                    items: Some(Step { model, field }),
                    item,
                }))
            }
            _ => None,
        }
    }

    /// A text or number field of `names` at the top of the body or in one
    /// of its objects.
    fn field_path(&self, service: &'a Service, names: &[&str]) -> Option<Vec<Step<'a>>> {
        let body = self.body?;
        let find = |model| find_field(model, names).filter(|field| is_scalar(&field.ty));
        if let Some(field) = find(body) {
            return Some(vec![Step { model: body, field }]);
        }
        body.fields.iter().find_map(|outer| {
            let TypeRef::Model(name) = &outer.ty else {
                return None;
            };
            let inner = service.model(name)?;
            let field = find(inner)?;
            Some(vec![
                Step {
                    model: body,
                    field: outer,
                },
                Step {
                    model: inner,
                    field,
                },
            ])
        })
    }

    /// `links.next`, a URL of the next page.
    fn next_link(&self, service: &'a Service) -> Option<Vec<Step<'a>>> {
        let body = self.body?;
        let links = find_field(body, &[LINKS_FIELD])?;
        let TypeRef::Model(name) = &links.ty else {
            return None;
        };
        let model = service.model(name)?;
        let next = find_field(model, &[NEXT_LINK_FIELD]).filter(|f| f.ty == TypeRef::String)?;
        Some(vec![
            Step {
                model: body,
                field: links,
            },
            Step { model, field: next },
        ])
    }

    /// The `id` of an item that is an object.
    fn item_id(&self, service: &'a Service) -> Option<Step<'a>> {
        let TypeRef::Model(name) = self.item else {
            return None;
        };
        let model = service.model(name)?;
        let field = find_field(model, &[ITEM_ID_FIELD]).filter(|field| is_scalar(&field.ty))?;
        Some(Step { model, field })
    }
}

/// The first query parameter whose name is one of `names`.
fn find_param<'a>(operation: &'a Operation, names: &[&str]) -> Option<&'a Parameter> {
    operation.parameters.iter().find(|param| {
        param.location == ParamLocation::Query
            && names.contains(&normalised(&param.field.name).as_str())
    })
}

fn find_field<'a>(model: &'a Model, names: &[&str]) -> Option<&'a Field> {
    model
        .fields
        .iter()
        .find(|field| names.contains(&normalised(&field.name).as_str()))
}

/// A type whose value is a marker's text: a string or an integer.
fn is_scalar(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::String | TypeRef::Integer | TypeRef::Long)
}

/// A name without case, `-` and `_`: `page_size`, `page-size`, `pageSize`
/// are one.
fn normalised(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// True where an `offset` parameter's description says it numbers pages.
fn counts_pages(field: &Field) -> bool {
    [&field.description.en, &field.description.zh]
        .into_iter()
        .flatten()
        .any(|text| {
            let text = text.to_lowercase();
            PAGE_NUMBER_WORDS.iter().any(|word| text.contains(word))
        })
}

fn default_number(field: &Field) -> Option<u64> {
    match &field.constraints.default.as_ref()?.value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Constraints, Fact, Lang, Response, ServiceMeta, Span, Text, Uri};

    fn field(name: &str, ty: TypeRef) -> Field {
        Field {
            name: name.to_owned(),
            required: None,
            ty,
            type_text: String::new(),
            description: Text::default(),
            constraints: Constraints::default(),
            span: Span::new("list.md", 3),
            degraded: Vec::new(),
        }
    }

    fn query(name: &str) -> Parameter {
        Parameter {
            location: ParamLocation::Query,
            field: field(name, TypeRef::Integer),
        }
    }

    fn model(name: &str, fields: Vec<Field>) -> Model {
        Model {
            name: name.to_owned(),
            description: Text::default(),
            fields,
            span: Span::new("list.md", 9),
        }
    }

    fn array_of(name: &str) -> TypeRef {
        TypeRef::Array(Box::new(TypeRef::Model(name.to_owned())))
    }

    fn model_ref(name: &str) -> TypeRef {
        TypeRef::Model(name.to_owned())
    }

    /// A service with one GET list of `Item`s taking `params`, answering
    /// `body_fields` (`items` is added), with `extra` models.
    fn list(params: &[&str], body_fields: Vec<Field>, extra: Vec<Model>) -> Service {
        let mut fields = vec![field("items", array_of("Item"))];
        fields.extend(body_fields);
        let mut models = vec![
            model("Body", fields),
            model("Item", vec![field("id", TypeRef::String)]),
        ];
        models.extend(extra);
        let operation = Operation {
            id: "ListItems".to_owned(),
            id_is_explicit: true,
            names: Vec::new(),
            uris: vec![Uri {
                method: Method::Get,
                path: "/v1/items".to_owned(),
                span: Span::new("list.md", 1),
            }],
            summary: Text::default(),
            description: Text::default(),
            parameters: params.iter().map(|name| query(name)).collect(),
            request_body: None,
            responses: vec![Response {
                status: 200,
                description: Text::default(),
                headers: Vec::new(),
                body: Some(model_ref("Body")),
                examples: Vec::new(),
                span: Span::new("list.md", 5),
            }],
            request_examples: Vec::new(),
            status_codes: Vec::new(),
            sources: vec!["list.md".to_owned()],
        };
        Service {
            meta: ServiceMeta::for_tests(),
            operations: vec![operation],
            models,
        }
    }

    fn style(service: &Service) -> Option<(Style, Vec<String>)> {
        match paging(service, &service.operations[0]) {
            Reading::Paged(paging) => Some((
                paging.style,
                paging
                    .next
                    .iter()
                    .map(|step| step.field.name.clone())
                    .chain(paging.item_id.map(|id| format!("last.{}", id.field.name)))
                    .collect(),
            )),
            _ => None,
        }
    }

    #[test]
    fn each_paging_style_is_read() {
        let offset = list(&["limit", "offset"], Vec::new(), Vec::new());
        assert_eq!(style(&offset), Some((Style::Offset, Vec::new())));
        let page = list(&["page_no", "page-size"], Vec::new(), Vec::new());
        assert_eq!(style(&page), Some((Style::Page, Vec::new())));
        let last_id = list(&["limit", "marker"], Vec::new(), Vec::new());
        assert_eq!(
            style(&last_id),
            Some((Style::Marker, vec!["last.id".to_owned()]))
        );
        let page_info = list(
            &["limit", "marker"],
            vec![field("page_info", model_ref("PageInfo"))],
            vec![model(
                "PageInfo",
                vec![field("next_marker", TypeRef::String)],
            )],
        );
        assert_eq!(
            style(&page_info),
            Some((
                Style::Marker,
                vec!["page_info".to_owned(), "next_marker".to_owned()]
            ))
        );
        let links = list(
            &["per_page"],
            vec![field("links", model_ref("Links"))],
            vec![model("Links", vec![field("next", TypeRef::String)])],
        );
        assert_eq!(
            style(&links),
            Some((Style::NextUrl, vec!["links".to_owned(), "next".to_owned()]))
        );
    }

    #[test]
    fn an_offset_counting_pages_is_a_page_number() {
        let mut service = list(&["limit", "offset"], Vec::new(), Vec::new());
        service.operations[0].parameters[1].field.description =
            Text::in_lang(Lang::Zh, "页码。当前页面数，默认为1。");
        service.operations[0].parameters[1]
            .field
            .constraints
            .default = Some(Fact::new(Value::from(1), Span::new("list.md", 4)));
        assert_eq!(style(&service), Some((Style::Page, Vec::new())));
        let Reading::Paged(paging) = paging(&service, &service.operations[0]) else {
            panic!("paged");
        };
        assert_eq!(paging.first(), 1);
    }

    #[test]
    fn lists_no_rule_reads_are_unrecognised() {
        let start = list(&["start", "limit"], Vec::new(), Vec::new());
        let Reading::Unrecognised(param) = paging(&start, &start.operations[0]) else {
            panic!("unrecognised");
        };
        assert_eq!(param.field.name, "limit");
        let mut no_id = list(&["limit", "marker"], Vec::new(), Vec::new());
        no_id.models[1].fields.clear();
        assert!(matches!(
            paging(&no_id, &no_id.operations[0]),
            Reading::Unrecognised(_)
        ));
    }

    #[test]
    fn no_paging_parameter_is_no_list_and_two_arrays_no_paging() {
        let plain = list(&["name"], Vec::new(), Vec::new());
        assert!(matches!(
            paging(&plain, &plain.operations[0]),
            Reading::NotAList
        ));
        let mut two_arrays = list(
            &["limit", "offset"],
            vec![field("more", array_of("Item"))],
            Vec::new(),
        );
        assert!(matches!(
            paging(&two_arrays, &two_arrays.operations[0]),
            Reading::Unrecognised(_)
        ));
        two_arrays.models[0].fields[1].name = "items_links".to_owned();
        assert_eq!(style(&two_arrays), Some((Style::Offset, Vec::new())));
    }
}
