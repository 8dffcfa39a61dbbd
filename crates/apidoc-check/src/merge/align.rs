//! Finding which models two pages of one operation use for the same thing.
//!
//! Models named by a table caption have the same name on every page, but the
//! reader names top-level body tables after the operation, and the English
//! and Chinese pages may name the operation differently. Walking both pages'
//! types side by side from the same roots (the request body, the response
//! body of one status, a field of the same name) pairs their model names.

use std::collections::BTreeMap;

use apidoc_ir::{Model, TypeRef};

/// Pairs `first`'s model names with `second`'s, walking from the given pairs
/// of root types into fields of the same name. The first pairing of a name
/// wins; the walk is depth-first in a fixed order, so the result is
/// deterministic.
pub(crate) fn corresponding_models(
    roots: Vec<(&TypeRef, &TypeRef)>,
    first: &[Model],
    second: &[Model],
) -> BTreeMap<String, String> {
    let mut pairs = BTreeMap::new();
    let mut pending = roots;
    pending.reverse();
    while let Some((a, b)) = pending.pop() {
        match (a, b) {
            (TypeRef::Model(a), TypeRef::Model(b)) => {
                if pairs.contains_key(a) {
                    continue;
                }
                pairs.insert(a.clone(), b.clone());
                if let (Some(a), Some(b)) = (find(first, a), find(second, b)) {
                    let mut fields: Vec<_> = a
                        .fields
                        .iter()
                        .filter_map(|fa| {
                            b.fields
                                .iter()
                                .find(|fb| fb.name == fa.name)
                                .map(|fb| (&fa.ty, &fb.ty))
                        })
                        .collect();
                    fields.reverse();
                    pending.extend(fields);
                }
            }
            (TypeRef::Array(a), TypeRef::Array(b)) | (TypeRef::Map(a), TypeRef::Map(b)) => {
                pending.push((a, b))
            }
            _ => {}
        }
    }
    pairs
}

/// The model of that name.
pub(crate) fn find<'a>(models: &'a [Model], name: &str) -> Option<&'a Model> {
    models.iter().find(|model| model.name == name)
}

/// The renames that make a page use the other page's names: from each
/// pairing with different names, keeping only those whose new name the
/// renamed page does not already define (a real, different model) and that
/// no other pairing already renames to.
pub(crate) fn renames(
    pairs: impl IntoIterator<Item = (String, String)>,
    renamed: &[Model],
) -> BTreeMap<String, String> {
    let mut renames = BTreeMap::new();
    for (old, new) in pairs {
        let taken = find(renamed, &new).is_some() || renames.values().any(|target| target == &new);
        if old != new && !taken {
            renames.insert(old, new);
        }
    }
    renames
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    fn named(name: &str) -> TypeRef {
        TypeRef::Model(name.to_owned())
    }

    #[test]
    fn pairs_body_models_and_the_models_of_same_named_fields() {
        let first = [
            model(
                "EnBody",
                vec![field("config", named("Config"), span("en", 3))],
                span("en", 2),
            ),
            model("Config", vec![], span("en", 4)),
        ];
        let second = [
            model(
                "ZhBody",
                vec![field("config", named("Config"), span("zh", 3))],
                span("zh", 2),
            ),
            model("Config", vec![], span("zh", 4)),
        ];
        let (en_root, zh_root) = (named("EnBody"), named("ZhBody"));
        let pairs = corresponding_models(vec![(&en_root, &zh_root)], &first, &second);
        assert_eq!(pairs.get("EnBody").map(String::as_str), Some("ZhBody"));
        assert_eq!(pairs.get("Config").map(String::as_str), Some("Config"));
        let renames = renames(pairs, &first);
        assert_eq!(
            renames,
            BTreeMap::from([("EnBody".to_owned(), "ZhBody".to_owned())])
        );
    }

    #[test]
    fn does_not_rename_onto_a_model_the_page_already_defines() {
        let page_models = [
            model("A", vec![], span("p", 1)),
            model("B", vec![], span("p", 2)),
        ];
        let pairs = [("A".to_owned(), "B".to_owned())];
        assert!(renames(pairs, &page_models).is_empty());
    }
}
