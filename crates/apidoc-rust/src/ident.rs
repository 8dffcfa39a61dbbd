//! The one place that turns names from pages into Rust identifiers.
//!
//! Page names are wire names (`x-auth-token`, `1st`, `type`, `$ref`, Chinese
//! words, empty strings). Every identifier the emitter prints comes from a
//! [`Scope`], which converts the case, makes the result a valid ASCII Rust
//! identifier, escapes keywords and numbers collisions, so that generated code
//! always parses and no two items of one namespace share a name.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{IdentFragment, ToTokens, TokenStreamExt};
use std::{
    cell::RefCell,
    collections::{BTreeSet, HashMap},
    fmt,
};

/// Keywords that may be written as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing `_`.
const UNRAWABLE_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Names of the standard prelude and of the crates that generated code names
/// without a path; a generated type must not shadow them.
const PRELUDE_TYPES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// The letter case of a namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// `snake_case`: fields, parameters, methods.
    Snake,
    /// `UpperCamelCase`: types and enum variants.
    Camel,
}

/// One namespace of identifiers (the fields of a struct, the variants of an
/// enum, the types of a module): hands out unique, valid identifiers.
#[derive(Debug)]
pub(crate) struct Scope {
    case: Case,
    taken: BTreeSet<String>,
}

impl Scope {
    /// An empty namespace of the given case.
    pub(crate) fn new(case: Case) -> Self {
        Self {
            case,
            taken: BTreeSet::new(),
        }
    }

    /// A namespace of types in a module of generated code: prelude names
    /// are taken.
    pub(crate) fn types() -> Self {
        let mut scope = Self::new(Case::Camel);
        scope
            .taken
            .extend(PRELUDE_TYPES.iter().map(|name| (*name).to_owned()));
        scope
    }

    /// Marks an identifier as used (a method name the generator itself
    /// defines, say), so that no page name takes it.
    pub(crate) fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// A fresh identifier for `name`; `fallback` is used where nothing of
    /// `name` survives conversion (an empty or all-Chinese name).
    pub(crate) fn ident(&mut self, name: &str, fallback: &str) -> Name {
        let base = match convert(name, self.case) {
            converted if converted.is_empty() => convert(fallback, self.case),
            converted => converted,
        };
        let unique = self.unique(base);
        to_name(&unique)
    }

    /// The identifier for `name` if nothing of this namespace has taken
    /// it (no number added); `None` when taken or nothing of it survives
    /// conversion.
    pub(crate) fn fresh(&mut self, name: &str) -> Option<Name> {
        let converted = convert(name, self.case);
        if converted.is_empty() || self.taken.contains(&converted) {
            return None;
        }
        Some(to_name(&self.unique(converted)))
    }

    fn unique(&mut self, base: String) -> String {
        let mut candidate = base.clone();
        let mut counter = 2;
        while self.taken.contains(&candidate) {
            candidate = match self.case {
                Case::Snake => format!("{base}_{counter}"),
                Case::Camel => format!("{base}{counter}"),
            };
            counter += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

thread_local! {
    /// Conversions already made on this thread, per case (snake, camel):
    /// a service names the same wire names (`id`, `name`, `status`) in many
    /// models, and case conversion is the bulk of planning.
    static CONVERTED: RefCell<[HashMap<String, String>; 2]> = RefCell::default();
}

/// Converts the case and keeps only ASCII letters, digits and `_`; a
/// leading digit gets a `_` in front. Empty when nothing is left.
fn convert(name: &str, case: Case) -> String {
    CONVERTED.with_borrow_mut(|converted| {
        let known = &mut converted[case as usize];
        if let Some(done) = known.get(name) {
            return done.clone();
        }
        let done = convert_uncached(name, case);
        known.insert(name.to_owned(), done.clone());
        done
    })
}

fn convert_uncached(name: &str, case: Case) -> String {
    // Anything outside ASCII letters and digits separates words, so `a-b`,
    // `a.b`, `a b`, `$a` and `a[]` read as words; Chinese text vanishes.
    let words: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let converted = match case {
        Case::Snake => words.to_snake_case(),
        Case::Camel => words.to_upper_camel_case(),
    };
    match converted.chars().next() {
        Some(first) if first.is_ascii_digit() => format!("_{converted}"),
        _ => converted,
    }
}

/// Builds the identifier, escaping keywords. `name` is non-empty ASCII
/// `[A-Za-z0-9_]` not starting with a digit, as [`convert`] and
/// [`Scope::unique`] make it.
fn to_name(name: &str) -> Name {
    let text = if RAW_KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else if UNRAWABLE_KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_owned()
    };
    Name { text }
}

/// An identifier of generated code, as a [`Scope`] hands it out. Unlike a
/// `proc_macro2::Ident`, which never leaves its thread, a `Name` can be
/// shared, so one plan of a crate serves the threads that render its
/// files; it becomes an `Ident` where it is quoted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Name {
    /// The identifier as written, `r#type` for a raw one.
    text: String,
}

impl Name {
    /// A name the generator composes of valid parts (`EcsClient`), which
    /// is no keyword.
    pub(crate) fn composed(text: String) -> Self {
        Self { text }
    }

    /// The identifier for `quote`.
    pub(crate) fn ident(&self) -> Ident {
        match self.text.strip_prefix("r#") {
            Some(keyword) => Ident::new_raw(keyword, Span::call_site()),
            None => Ident::new(&self.text, Span::call_site()),
        }
    }

    /// The name serde and rustdoc see: the identifier without its `r#`
    /// prefix.
    pub(crate) fn unraw(&self) -> &str {
        self.text.strip_prefix("r#").unwrap_or(&self.text)
    }
}

impl ToTokens for Name {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.append(self.ident());
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// In `format_ident!`, like an `Ident`: without the `r#` prefix.
impl IdentFragment for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.unraw())
    }
}

/// A snake_case name for a single identifier outside any scope (the crate's
/// library name, say).
pub(crate) fn snake(name: &str) -> String {
    convert(name, Case::Snake)
}

/// An UpperCamelCase name outside any scope (the client type, say).
pub(crate) fn camel(name: &str) -> String {
    convert(name, Case::Camel)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snake_all(names: &[&str]) -> Vec<String> {
        let mut scope = Scope::new(Case::Snake);
        names
            .iter()
            .map(|name| scope.ident(name, "field").to_string())
            .collect()
    }

    fn camel_all(names: &[&str]) -> Vec<String> {
        let mut scope = Scope::types();
        names
            .iter()
            .map(|name| scope.ident(name, "Value").to_string())
            .collect()
    }

    #[test]
    fn separators_become_underscores() {
        assert_eq!(
            snake_all(&[
                "x-auth-token",
                "os-start",
                "a.b",
                "a b",
                "$ref",
                "items[]",
                "X-Sdk-Date"
            ]),
            [
                "x_auth_token",
                "os_start",
                "a_b",
                "a_b_2",
                "r#ref",
                "items",
                "x_sdk_date"
            ]
        );
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(
            snake_all(&["type", "match", "async", "self", "super", "crate", "gen"]),
            [
                "r#type", "r#match", "r#async", "self_", "super_", "crate_", "r#gen"
            ]
        );
        assert_eq!(
            camel_all(&["Self", "self", "type"]),
            ["Self_", "Self2", "Type"]
        );
    }

    #[test]
    fn leading_digits_get_an_underscore() {
        assert_eq!(snake_all(&["1st", "2"]), ["_1st", "_2"]);
        assert_eq!(camel_all(&["1", "1st"]), ["_1", "_1st"]);
    }

    #[test]
    fn empty_and_non_ascii_names_use_the_fallback() {
        assert_eq!(
            snake_all(&["", "类型", "_", "[]"]),
            ["field", "field_2", "field_3", "field_4"]
        );
        assert_eq!(camel_all(&["", "是"]), ["Value", "Value2"]);
    }

    #[test]
    fn collisions_after_case_folding_are_numbered() {
        assert_eq!(
            snake_all(&["userName", "user_name", "UserName"]),
            ["user_name", "user_name_2", "user_name_3"]
        );
        // The numbered name of a keyword is no keyword and needs no `r#`.
        assert_eq!(snake_all(&["type", "Type"]), ["r#type", "type_2"]);
    }

    #[test]
    fn prelude_and_reserved_names_are_avoided() {
        assert_eq!(
            camel_all(&["Option", "string", "Result"]),
            ["Option2", "String2", "Result2"]
        );
        let mut scope = Scope::new(Case::Snake);
        scope.reserve("new");
        assert_eq!(scope.ident("new", "field").to_string(), "new_2");
    }

    #[test]
    fn serde_name_drops_the_raw_prefix() {
        let mut scope = Scope::new(Case::Snake);
        assert_eq!(scope.ident("type", "field").unraw(), "type");
        assert_eq!(scope.ident("self", "field").unraw(), "self_");
    }
}
