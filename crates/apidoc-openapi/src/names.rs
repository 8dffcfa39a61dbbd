//! Names with rules: component schema keys (a restricted alphabet) and
//! operation ids (unique in the document).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// A component key for a model name. OpenAPI 3.0 keys must match
/// `^[a-zA-Z0-9.\-_]+$`: other ASCII characters become `_`; other characters
/// become `u` and their hexadecimal code point (`名` → `u540D`), so names
/// written in Chinese stay apart instead of collapsing into underscores.
pub(crate) fn sanitize(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        if is_key_char(c) {
            key.push(c);
        } else if c.is_ascii() {
            key.push('_');
        } else {
            // Writing into a String cannot fail.
            let _ = write!(key, "u{:X}", u32::from(c));
        }
    }
    if key.is_empty() {
        key.push('_');
    }
    key
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')
}

fn is_valid_key(name: &str) -> bool {
    !name.is_empty() && name.chars().all(is_key_char)
}

/// Hands out names that are unique among those it handed out before.
#[derive(Default)]
pub(crate) struct UniqueNames {
    taken: BTreeSet<String>,
}

impl UniqueNames {
    /// `wanted` if it is still free, else the first free of `wanted_2`,
    /// `wanted_3`, ...
    pub(crate) fn claim(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_owned();
        let mut n = 1;
        while self.taken.contains(&name) {
            n += 1;
            name = format!("{wanted}_{n}");
        }
        self.taken.insert(name.clone());
        name
    }
}

/// The component key of every model name, fixed once so that the schema
/// map and every `$ref` agree.
pub(crate) struct ComponentNames {
    keys: BTreeMap<String, String>,
}

impl ComponentNames {
    /// Keys for `names`. Names that are already valid keys keep themselves;
    /// the others are sanitised and, where that collides, numbered.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let names: BTreeSet<&str> = names.into_iter().collect();
        let mut unique = UniqueNames::default();
        let mut keys = BTreeMap::new();
        let (valid, invalid): (Vec<&str>, Vec<&str>) =
            names.into_iter().partition(|name| is_valid_key(name));
        for name in valid {
            keys.insert(name.to_owned(), unique.claim(name));
        }
        for name in invalid {
            keys.insert(name.to_owned(), unique.claim(&sanitize(name)));
        }
        Self { keys }
    }

    /// The key of a model name, if the service defines that model.
    pub(crate) fn key(&self, name: &str) -> Option<&str> {
        self.keys.get(name).map(String::as_str)
    }

    /// The `$ref` pointing at a model, if the service defines it.
    pub(crate) fn reference(&self, name: &str) -> Option<String> {
        self.key(name)
            .map(|key| format!("#/components/schemas/{key}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sanitize_examples() {
        assert_eq!(sanitize("CollectionInfo"), "CollectionInfo");
        assert_eq!(sanitize("List<Foo> bar"), "List_Foo__bar");
        assert_eq!(sanitize("名称"), "u540Du79F0");
        assert_eq!(sanitize(""), "_");
    }

    #[test]
    fn valid_names_keep_their_key_even_when_a_sanitised_one_collides() {
        let names = ComponentNames::new(["A B", "A_B"]);
        assert_eq!(names.key("A_B"), Some("A_B"));
        assert_eq!(names.key("A B"), Some("A_B_2"));
        assert_eq!(
            names.reference("A B").as_deref(),
            Some("#/components/schemas/A_B_2")
        );
        assert_eq!(names.key("Missing"), None);
    }

    #[test]
    fn claim_numbers_repeats() {
        let mut unique = UniqueNames::default();
        assert_eq!(unique.claim("Op"), "Op");
        assert_eq!(unique.claim("Op"), "Op_2");
        assert_eq!(unique.claim("Op"), "Op_3");
    }

    proptest! {
        #[test]
        fn sanitised_names_are_valid_keys(name in any::<String>()) {
            prop_assert!(is_valid_key(&sanitize(&name)));
        }

        #[test]
        fn sanitising_is_idempotent(name in any::<String>()) {
            let once = sanitize(&name);
            prop_assert_eq!(sanitize(&once), once);
        }

        #[test]
        fn valid_names_are_unchanged(name in "[a-zA-Z0-9._-]{1,20}") {
            prop_assert_eq!(sanitize(&name), name);
        }

        #[test]
        fn component_keys_are_valid_and_distinct(
            names in proptest::collection::vec("[a-zA-Z _<>,名称-]{0,6}", 0..12)
        ) {
            let table = ComponentNames::new(names.iter().map(String::as_str));
            let mut seen = BTreeSet::new();
            for name in &names {
                let key = table.key(name).unwrap_or_default().to_owned();
                prop_assert!(is_valid_key(&key), "{key:?}");
                seen.insert((name.clone(), key));
            }
            let keys: BTreeSet<&String> = seen.iter().map(|(_, key)| key).collect();
            prop_assert_eq!(keys.len(), seen.len());
        }
    }
}
