//! Table rows → fields: name, requirement, type (linked to the nested
//! table describing its objects), description and constraints.

use apidoc_ir::{Degraded, Diagnostic, Field, Lang, Part, Span, Text, TypeRef};

/// What a field whose type cannot be read is written as.
const ANY_TYPE: &str = "a value of any type";

use super::{
    Reader,
    link::{self, RowAt},
    prose,
    table::{Column, Row},
    tables::{PageTable, Tables},
    types,
};

impl Reader<'_> {
    /// The rows of table `index` as fields. A table whose header names no
    /// columns gives an error instead.
    pub(super) fn fields(&mut self, index: usize, tables: &Tables<'_>) -> Vec<Field> {
        let Some(columns) = self.columns(&tables[index]) else {
            return Vec::new();
        };
        tables[index]
            .rows()
            .iter()
            .enumerate()
            .filter_map(|(r, row)| self.field(row, columns, (index, r), tables))
            .collect()
    }

    fn columns<'t>(&mut self, t: &'t PageTable<'_>) -> Option<&'t [Column]> {
        if t.columns.is_none() {
            let found = t
                .table
                .header
                .last()
                .map(|h| h.iter().map(|c| c.text()).collect::<Vec<_>>().join(" | "));
            self.diagnostics.push(
                Diagnostic::warning(
                    "table-header-unknown",
                    format!(
                        "expected a header row starting with Parameter/参数, found {}",
                        found.map_or_else(|| "no header row".to_owned(), |f| format!("`{f}`"))
                    ),
                    self.span(t.line),
                    "cannot tell which column is which: the table is left out",
                )
                .with_help("add the header row to the page, or teach `read::table::column_of` the header word"),
            );
        }
        t.columns.as_deref()
    }

    fn field(
        &mut self,
        row: &Row<'_>,
        columns: &[Column],
        at: RowAt,
        tables: &Tables<'_>,
    ) -> Option<Field> {
        let span = self.span(row.line);
        if row.name.is_empty() {
            self.diagnostics.push(
                missing_cell(span, "Parameter", "the row is left out", row)
                    .degrading("nothing: the row is left out"),
            );
            return None;
        }
        let mut degraded = Vec::new();
        let ty = self.row_type(row, columns, &span, &mut degraded);
        let mut ty = self.resolve_type(ty, row, at, tables, &mut degraded);
        if tables
            .get(at.0)
            .is_some_and(|table| super::holds_parameters(&table.role))
        {
            // Before the prose: the values a parameter typed only "Array"
            // lists are its strings'.
            super::untyped_elements_as_strings(&mut ty);
        }
        let required = row
            .mandatory
            .as_deref()
            .and_then(|m| self.mandatory(m, &span));
        let mut constraints = prose::constraints(&row.prose, &ty, self.file);
        if is_null_type(row.type_text.as_deref()) {
            // A Type cell `Null`: the value sent is `null` itself.
            constraints.nullable.get_or_insert_with(|| span.clone());
        }
        if self.lang == Lang::Zh {
            for value in &mut constraints.enum_values {
                value.description = Text {
                    en: None,
                    zh: value.description.en.take(),
                };
            }
        }
        let mut description = prose::description(&row.prose);
        if let Some(condition) = row.mandatory.as_deref().filter(|m| is_conditional(m)) {
            // "type = 2时必选": not required as such; the condition stays
            // in the description.
            let label = if self.lang == Lang::Zh {
                "是否必选："
            } else {
                "Mandatory: "
            };
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&format!("{label}{}", condition.trim()));
        }
        Some(Field {
            name: row.name.clone(),
            required,
            ty,
            type_text: row.type_text.clone().unwrap_or_default(),
            description: if description.is_empty() {
                Text::default()
            } else {
                self.text(description)
            },
            constraints,
            span,
            degraded,
        })
    }

    /// The Type cell understood; where the table has no Type column (older
    /// pages' URI tables) a string. A cell no rule understands, or an empty
    /// one, is a page finding, not a reason to stop: the field is kept as a
    /// value of any type, marked degraded.
    fn row_type(
        &mut self,
        row: &Row<'_>,
        columns: &[Column],
        span: &Span,
        degraded: &mut Vec<Degraded>,
    ) -> TypeRef {
        let text = match &row.type_text {
            Some(text) if columns.contains(&Column::Type) => text,
            _ => return TypeRef::String,
        };
        if let Some(ty) = &row.ty {
            return ty.clone();
        }
        let diagnostic = if text.is_empty() {
            missing_cell(span.clone(), "Type", "a value of any type", row)
        } else {
            Diagnostic::error(
                "unknown-type",
                format!(
                    "expected a type such as String, Integer, Boolean, \"Array of X objects\" or a model name, found `{text}`"
                ),
                span.clone(),
                format!("type of `{}`", row.name),
            )
            .with_help("fix the Type cell, or teach `read::types` this spelling")
        };
        let mark = Degraded {
            part: Part::Type,
            stated: text.clone(),
            written: ANY_TYPE.to_owned(),
            code: diagnostic.code.clone(),
            span: span.clone(),
        };
        self.diagnostics
            .push(diagnostic.degrading(format!("`{}` typed as {ANY_TYPE}", row.name)));
        degraded.push(mark);
        TypeRef::Any
    }

    fn mandatory(&mut self, text: &str, span: &Span) -> Option<bool> {
        if is_conditional(text) {
            return Some(false);
        }
        let answer = mandatory_answer(text);
        let unstated = text.trim().trim_matches(['-', '—', '/']).is_empty();
        if answer.is_none() && !unstated {
            self.diagnostics.push(Diagnostic::warning(
                "mandatory-unknown",
                format!(
                    "expected Yes or No in the Mandatory column, found `{}`",
                    text.trim()
                ),
                span.clone(),
                "treated as not mandatory",
            ));
        }
        answer
    }

    /// Links an object-typed field to the table describing its objects
    /// (see [`link`]); a named model no table describes stays a free-form
    /// object, with a warning.
    fn resolve_type(
        &mut self,
        ty: TypeRef,
        row: &Row<'_>,
        at: RowAt,
        tables: &Tables<'_>,
        degraded: &mut Vec<Degraded>,
    ) -> TypeRef {
        let Some(declared) = link::object_slot(&ty) else {
            return ty;
        };
        let declared = declared.map(str::to_owned);
        let target = tables.links.target(at);
        if let Some(map) = target.and_then(|to| tables.maps.get(&to)) {
            return link::with_object(ty, map.clone());
        }
        match target.and_then(|to| tables[to].model_name()) {
            Some(name) => {
                let ty = match target {
                    Some(to) if captions_field(&tables[to], &row.name) => keyed_by_table(ty),
                    _ => ty,
                };
                link::with_object(ty, TypeRef::Model(name.to_owned()))
            }
            None => {
                let misspelled = declared.as_deref().and_then(types::misspelled_primitive);
                if let Some(primitive) = misspelled {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "type-misspelled",
                            format!(
                                "expected a type, found `{}`, which no table describes",
                                row.type_text.as_deref().unwrap_or_default()
                            ),
                            self.span(row.line),
                            format!("read as {primitive:?}, the type word it misspells"),
                        )
                        .with_help("correct the Type cell"),
                    );
                    return link::with_object(ty, primitive);
                }
                if let Some(name) = declared {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "model-undefined",
                            format!(
                                "expected a table describing `{name}`, found none on this page"
                            ),
                            self.span(row.line),
                            format!("`{}` is typed `{name}`", row.name),
                        )
                        .degrading(format!("`{}` as a free-form object", row.name)),
                    );
                    degraded.push(Degraded {
                        part: Part::Model,
                        stated: name,
                        written: "a free-form object".to_owned(),
                        code: "model-undefined".to_owned(),
                        span: self.span(row.line),
                    });
                }
                link::with_object(ty, TypeRef::Object)
            }
        }
    }
}

/// True when a table's caption names the field itself ("mappings.rules.local"
/// for `local`, "local field description") rather than a model of its own
/// ("HardDetail").
fn captions_field(t: &PageTable<'_>, field: &str) -> bool {
    let field = link::key(field);
    let last_step = t
        .model_caption
        .as_deref()
        .and_then(|c| c.rsplit(['.', ':']).next());
    t.described
        .iter()
        .map(String::as_str)
        .chain(last_step)
        .any(|name| link::key(name) == field)
}

/// A map of free-form objects whose table is captioned after the field is
/// that table's object: the table lists the keys (`Array<Map<String,Object>>`
/// and a table "mappings.rules.local" of `user`, `group`); a table of a
/// model of its own ("HardDetail") holds the map's values.
fn keyed_by_table(ty: TypeRef) -> TypeRef {
    match ty {
        TypeRef::Array(inner) => TypeRef::Array(Box::new(keyed_by_table(*inner))),
        TypeRef::Map(inner) if *inner == TypeRef::Object => TypeRef::Object,
        other => other,
    }
}

/// The Mandatory cell read as a flag. Pages qualify the answer ("Yes (if
/// the volume is created from a snapshot, this parameter is optional.)"):
/// the first word decides.
pub(super) fn mandatory_answer(text: &str) -> Option<bool> {
    let lower = text.trim().to_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    MANDATORY_WORDS
        .iter()
        .find(|(word, _)| *word == first)
        .map(|&(_, answer)| answer)
}

/// The words a Mandatory cell answers with, in lower case.
const MANDATORY_WORDS: &[(&str, bool)] = &[
    ("yes", true),
    ("true", true),
    ("mandatory", true),
    ("required", true),
    ("是", true),
    ("必选", true),
    ("y", true),
    ("no", false),
    ("false", false),
    ("optional", false),
    ("否", false),
    ("可选", false),
    ("n", false),
];

/// True when `text` is what a Mandatory cell holds: an answer, alone or
/// qualified after a bracket or a mark ("Yes (if …)", "否，…"; not "N/A",
/// not "No more than …"), or a condition. For a front end telling a
/// Mandatory line from a description.
pub(crate) fn is_mandatory_cell(text: &str) -> bool {
    let text = text.trim();
    let word_end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    let rest = text[word_end..].trim_start();
    let qualified = rest.is_empty()
        || rest.starts_with(['(', '（', ',', '，', '。', '.', ';', '；', ':', '：']);
    mandatory_answer(text).is_some() && qualified || is_conditional(text)
}

/// A Mandatory cell naming when the field is mandatory ("type = 2时必选",
/// "Mandatory if the protocol is HTTP", "A和B两者必选其一", "有A则必选",
/// "A和B至少有一个"): mandatory only under a condition, so not as such.
fn is_conditional(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let says = [
        "必选",
        "必填",
        "选填",
        "可选",
        "至少有一个",
        "至少一个",
        "mandatory",
        "required",
        "optional",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let condition = [
        "时",
        "当",
        "如果",
        "若",
        "则",
        "其一",
        "至少",
        "条件",
        " if ",
        " when ",
        "conditional",
    ]
    .iter()
    .any(|w| lower.contains(w));
    says && condition && mandatory_answer(text).is_none()
}

fn missing_cell(span: Span, column: &str, outcome: &str, row: &Row<'_>) -> Diagnostic {
    let found: Vec<String> = row
        .cells
        .iter()
        .map(|c| format!("`{}`", c.text().replace('\n', " ")))
        .collect();
    Diagnostic::error(
        "row-missing-cell",
        format!(
            "expected a {column} cell in this row, found an empty one (row: {})",
            found.join(", ")
        ),
        span,
        format!("{column} missing: {outcome}"),
    )
    .with_help("every row needs a value in each of the table's fixed columns")
}

/// A Type cell that names JSON `null` as the field's type (`Null`, `null`).
fn is_null_type(type_text: Option<&str>) -> bool {
    type_text.is_some_and(|text| text.trim().eq_ignore_ascii_case("null"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mandatory_cells_are_answers_alone_or_qualified() {
        for cell in [
            "Yes",
            "否",
            "Yes (if the volume is a snapshot's)",
            "否，默认",
            "type为2时必选",
        ] {
            assert!(is_mandatory_cell(cell), "{cell}");
        }
        for line in ["N/A", "No more than 64 characters.", "Range", "是否"] {
            assert!(!is_mandatory_cell(line), "{line}");
        }
    }

    #[test]
    fn mandatory_answers() {
        assert_eq!(mandatory_answer("Yes"), Some(true));
        assert_eq!(mandatory_answer(" no "), Some(false));
        assert_eq!(mandatory_answer("是"), Some(true));
        assert_eq!(mandatory_answer("否（默认）"), Some(false));
        assert_eq!(
            mandatory_answer(
                "Yes (if the volume is created from a snapshot, this parameter is optional.)"
            ),
            Some(true)
        );
        assert_eq!(mandatory_answer("Depends"), None);
        assert!(is_conditional("type = 2时必选"));
        assert!(is_conditional("有lamp_path则必选"));
        assert!(is_conditional("lamp_path和room_path至少有一个"));
        assert!(is_conditional("backend_type为HTTP时选填"));
        assert!(is_conditional("条件必选 当os_type为Linux时，此参数必选"));
        assert!(!is_conditional("是"));
        assert!(!is_conditional(
            "Yes (if the volume is created from a snapshot, this parameter is optional.)"
        ));
        assert_eq!(mandatory_answer(""), None);
    }
}
