//! Which nested table an object-typed field points at.
//!
//! Pages link a field to the table describing its objects in three ways:
//! the type names the model ("Array of Worker objects" and a table captioned
//! "Worker"), the caption names the field ("server field description",
//! "AIProject parameters"), or the description says "see Table N". Table
//! numbers in descriptions are often stale (the page was edited and the
//! tables renumbered), so a caption naming the field wins over a number; a
//! number only breaks ties between such captions, or links where no caption
//! names the field.

use std::collections::BTreeMap;

use apidoc_ir::TypeRef;

use super::{
    prose::ProseLine,
    sections,
    table::{self, Row},
    tables::{PageTable, Part, Role},
    types,
};

/// The object a type holds, if any: the innermost element of its arrays
/// and maps when that is a free-form object or a model. `Some(None)` is a
/// free-form object, `Some(Some(name))` a named model.
pub(super) fn object_slot(ty: &TypeRef) -> Option<Option<&str>> {
    match ty {
        TypeRef::Object => Some(None),
        TypeRef::Model(name) => Some(Some(name)),
        TypeRef::Array(inner) | TypeRef::Map(inner) => object_slot(inner),
        _ => None,
    }
}

/// `ty` with its object slot replaced by `object`.
pub(super) fn with_object(ty: TypeRef, object: TypeRef) -> TypeRef {
    match ty {
        TypeRef::Array(inner) => TypeRef::Array(Box::new(with_object(*inner, object))),
        TypeRef::Map(inner) => TypeRef::Map(Box::new(with_object(*inner, object))),
        TypeRef::Object | TypeRef::Model(_) => object,
        other => other,
    }
}

/// The index of the model table that the row of table `from` typed `ty`
/// points at.
pub(super) fn target(
    tables: &[PageTable<'_>],
    from: usize,
    row: &Row<'_>,
    ty: &TypeRef,
) -> Option<usize> {
    let declared = object_slot(ty)?;
    let referenced = referenced_tables(tables, from, &row.prose);
    let models = |pred: &dyn Fn(&PageTable<'_>) -> bool| -> Vec<usize> {
        (0..tables.len())
            .filter(|&i| i != from && tables[i].model_name().is_some() && pred(&tables[i]))
            .collect()
    };
    let by_declared = declared
        .map(|name| models(&|t| answers_to(t, name)))
        .filter(|c| !c.is_empty());
    let candidates = by_declared
        .or_else(|| Some(models(&|t| describes(t, &row.name))).filter(|c| !c.is_empty()));
    match candidates {
        Some(candidates) => Some(best(&candidates, &referenced, tables, from)),
        None => referenced.first().copied(),
    }
}

/// For every model table, the name of the first field that points at it.
pub(super) fn first_referrers(tables: &[PageTable<'_>]) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    for (from, t) in tables.iter().enumerate() {
        let Some(columns) = t.columns.as_ref().filter(|_| t.lists_fields()) else {
            continue;
        };
        if t.role == Role::Other || t.role == Role::StatusCodes {
            continue;
        }
        for row in table::rows(t.table, columns) {
            let Some(ty) = row.type_text.as_deref().and_then(types::parse_type) else {
                continue;
            };
            if let Some(to) = target(tables, from, &row, &ty) {
                out.entry(to).or_insert_with(|| row.name.clone());
            }
        }
    }
    out
}

/// Model tables that a description's "see Table N" names, in the order
/// named.
fn referenced_tables(tables: &[PageTable<'_>], from: usize, prose: &[ProseLine]) -> Vec<usize> {
    let text: String = prose
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    sections::table_references(&text)
        .into_iter()
        .filter_map(|n| {
            (0..tables.len()).find(|&i| {
                i != from && tables[i].number == Some(n) && tables[i].model_name().is_some()
            })
        })
        .collect()
}

/// Of several tables describing the field, the one its description names;
/// else the nearest one after the field's table on the same side; else the
/// first on the same side; else the first.
fn best(
    candidates: &[usize],
    referenced: &[usize],
    tables: &[PageTable<'_>],
    from: usize,
) -> usize {
    let same_side =
        |i: &&usize| tables[**i].part == tables[from].part || tables[from].part == Part::Neither;
    candidates
        .iter()
        .find(|i| referenced.contains(i))
        .or_else(|| candidates.iter().filter(same_side).find(|&&i| i > from))
        .or_else(|| candidates.iter().find(same_side))
        .or_else(|| candidates.first())
        .copied()
        .unwrap_or(from)
}

/// A table answers to a model name when its caption is that name or names
/// that field.
fn answers_to(t: &PageTable<'_>, name: &str) -> bool {
    t.model_caption
        .as_deref()
        .is_some_and(|c| same_name(c, name))
        || describes(t, name)
}

fn describes(t: &PageTable<'_>, field: &str) -> bool {
    t.described.iter().any(|d| same_name(d, field))
}

/// Names compare alike whatever their case and separators: the caption
/// "AIProject parameters" describes the field `ai_project`.
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    key(a) == key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case_and_separators() {
        assert!(same_name("AIProject", "ai_project"));
        assert!(same_name("os-stop", "os_stop"));
        assert!(!same_name("server", "servers"));
    }

    #[test]
    fn object_slots_go_through_arrays_and_maps() {
        let ty = TypeRef::Array(Box::new(TypeRef::Object));
        assert_eq!(object_slot(&ty), Some(None));
        let ty = TypeRef::Map(Box::new(TypeRef::Model("HardDetail".into())));
        assert_eq!(object_slot(&ty), Some(Some("HardDetail")));
        assert_eq!(
            object_slot(&TypeRef::Array(Box::new(TypeRef::String))),
            None
        );
        let linked = with_object(
            TypeRef::Array(Box::new(TypeRef::Object)),
            TypeRef::Model("X".into()),
        );
        assert_eq!(linked, TypeRef::Array(Box::new(TypeRef::Model("X".into()))));
    }
}
