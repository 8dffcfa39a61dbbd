//! The Type column: "String", "Array of CollectionInfo objects",
//! "Map<String,String>", "SubAccountControlConfig object" → [`TypeRef`].

use apidoc_ir::TypeRef;

/// Understands a Type cell; `None` when the text names no known type.
pub fn parse_type(text: &str) -> Option<TypeRef> {
    let text = crate::blocks::normalise(text);
    let text = text.trim_end_matches(['.', '。']);
    // Neutron-style pages write "List data structure" or "Dictionary data
    // structure": the suffix adds nothing to the type word before it.
    let text = strip_suffix_ci(text, " data structure")
        .or_else(|| text.strip_suffix("数据结构"))
        .unwrap_or(text);
    if text.is_empty() {
        return None;
    }
    parse_collection(text)
        .or_else(|| parse_model(text))
        .or_else(|| primitive(text))
}

/// Lists and maps: "Array of X", "X array", "List<X>", "X[]", "Map<K,V>".
fn parse_collection(text: &str) -> Option<TypeRef> {
    let lower = text.to_ascii_lowercase();
    if let Some(rest) =
        strip_prefix_ci(text, "array of ").or_else(|| strip_prefix_ci(text, "list of "))
    {
        return Some(TypeRef::Array(Box::new(element_type(rest))));
    }
    let list_argument = ["list", "array", "set"]
        .into_iter()
        .find_map(|name| generic_argument(text, name));
    if let Some(inner) = list_argument {
        return Some(TypeRef::Array(Box::new(element_type(inner))));
    }
    if let Some(inner) = generic_argument(text, "map") {
        return Some(TypeRef::Map(Box::new(element_type(map_value(inner)))));
    }
    if let Some(element) = text
        .strip_suffix("[]")
        .or_else(|| strip_suffix_ci(text, " array"))
    {
        return Some(TypeRef::Array(Box::new(element_type(element))));
    }
    // "config array corresponding to infer_type"
    if let Some((element, _)) = text.split_once(" array ").filter(|(e, _)| is_model_name(e)) {
        return Some(TypeRef::Array(Box::new(element_type(element))));
    }
    match lower.as_str() {
        "array" | "list" | "jsonarray" | "json array" | "列表" | "数组" => {
            Some(TypeRef::Array(Box::new(TypeRef::Object)))
        }
        _ => None,
    }
}

/// The value type of a map's `K, V` arguments: after the first comma
/// outside brackets, so that `String,Map<String,Integer>` gives the inner
/// map; a map without a value type holds objects.
fn map_value(arguments: &str) -> &str {
    let mut depth = 0_i32;
    for (i, c) in arguments.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => return arguments[i + 1..].trim(),
            _ => {}
        }
    }
    "object"
}

/// "X object" / "X" where X is a model name; with the "object" suffix
/// the name may also be qualified or spaced as Help Center pages write
/// them: `binding:vif_details object`, `io.k8s.api.core.v1.Handler
/// object`, `vif details object`.
fn parse_model(text: &str) -> Option<TypeRef> {
    let marked = strip_suffix_ci(text, " object");
    let name = marked.unwrap_or(text);
    let known = is_model_name(name) || marked.is_some() && is_written_model_name(name);
    (known && primitive(name).is_none()).then(|| TypeRef::Model(name.to_owned()))
}

/// A model name as a Type cell may write it before "object": identifier
/// words joined by `:`, `.`, `-` or single spaces (each word starting with
/// a letter or `_`).
pub(super) fn is_written_model_name(text: &str) -> bool {
    let words: Vec<&str> = text.split([':', '.', '-', ' ']).collect();
    words.len() <= 8
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// The element of an array: "strings", "integers", "X objects", "objects".
fn element_type(text: &str) -> TypeRef {
    let text = text.trim();
    let singular = strip_suffix_ci(text, " objects")
        .or_else(|| strip_suffix_ci(text, " object"))
        .unwrap_or(text);
    if singular.eq_ignore_ascii_case("objects") {
        return TypeRef::Object;
    }
    if let Some(primitive) =
        primitive(singular).or_else(|| primitive(singular.trim_end_matches('s')))
    {
        return primitive;
    }
    let marked = singular.len() < text.len();
    if is_model_name(singular) || marked && is_written_model_name(singular) {
        return TypeRef::Model(singular.to_owned());
    }
    parse_type(singular).unwrap_or(TypeRef::Object)
}

/// Scalar and free-form types, with an optional "(64)"-style size.
fn primitive(text: &str) -> Option<TypeRef> {
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or(text)
        .to_lowercase();
    Some(match word.as_str() {
        "string" | "str" | "char" | "character" | "varchar" | "date" | "datetime" | "time"
        | "timestamp" | "uuid" | "enum" | "enumeration" | "text" | "file" | "binary" | "base64"
        | "uri" | "url" | "email" | "password" | "字符串" => TypeRef::String,
        "integer" | "int" | "int32" | "short" | "int16" | "int8" | "uint8" | "uint16"
        | "uint32" | "byte" | "整数" | "整型" => TypeRef::Integer,
        "long" | "int64" | "uint64" | "bigint" => TypeRef::Long,
        "float" | "double" | "number" | "decimal" | "bigdecimal" | "float32" | "float64"
        | "numeric" | "浮点数" => TypeRef::Number,
        "boolean" | "bool" | "布尔" | "布尔型" => TypeRef::Boolean,
        "object" | "json" | "jsonobject" | "null" | "map" | "dict" | "dictionary" | "any"
        | "对象" | "字典" => TypeRef::Object,
        _ => return None,
    })
}

/// The type a one-word Type cell misspells (`Sting`, `Interger`,
/// `Boolen`): the type word one letter away, where exactly one is.
pub fn misspelled_primitive(word: &str) -> Option<TypeRef> {
    const WORDS: [&str; 6] = ["string", "integer", "boolean", "number", "object", "long"];
    let lower = word.to_lowercase();
    if lower.chars().count() < 4 || primitive(&lower).is_some() {
        return None;
    }
    let mut close = WORDS
        .iter()
        .filter(|w| super::edit_distance(&lower, w) == 1);
    match (close.next(), close.next()) {
        (Some(w), None) => primitive(w),
        _ => None,
    }
}

/// A model name as tables caption it: an identifier starting with a letter.
pub fn is_model_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The argument of `Name<...>`, `Name(...)` or `Name[...]` (any letter
/// case): "List<String>", "List(Dict)", "Array[String]".
fn generic_argument<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let rest = strip_prefix_ci(text, name)?.trim_start();
    [('<', '>'), ('(', ')'), ('[', ']')]
        .into_iter()
        .find_map(|(open, close)| rest.strip_prefix(open)?.strip_suffix(close))
        .map(str::trim)
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let start = text.len().checked_sub(suffix.len())?;
    let tail = text.get(start..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..start])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(name: &str) -> TypeRef {
        TypeRef::Model(name.into())
    }

    fn array(t: TypeRef) -> TypeRef {
        TypeRef::Array(Box::new(t))
    }

    #[test]
    fn understands_the_forms_pages_use() {
        let cases = [
            ("String", TypeRef::String),
            ("Integer", TypeRef::Integer),
            ("Long", TypeRef::Long),
            ("Boolean", TypeRef::Boolean),
            ("Float", TypeRef::Number),
            ("Numeric", TypeRef::Number),
            ("Base64 string", TypeRef::String),
            ("URL", TypeRef::String),
            ("Object", TypeRef::Object),
            ("Null", TypeRef::Object),
            ("String(64)", TypeRef::String),
            ("Array of strings", array(TypeRef::String)),
            ("Array of integers", array(TypeRef::Integer)),
            (
                "Array of CollectionInfo objects",
                array(model("CollectionInfo")),
            ),
            ("Array of objects", array(TypeRef::Object)),
            ("Array of Array of strings", array(array(TypeRef::String))),
            ("List<String>", array(TypeRef::String)),
            ("List(Dict)", array(TypeRef::Object)),
            ("Array[String]", array(TypeRef::String)),
            ("Set<Integer>", array(TypeRef::Integer)),
            ("String, max 64 characters", TypeRef::String),
            ("Date-time", TypeRef::String),
            (
                "config array corresponding to infer_type",
                array(model("config")),
            ),
            (
                "Map<String, HardDetail >",
                TypeRef::Map(Box::new(model("HardDetail"))),
            ),
            ("String array", array(TypeRef::String)),
            ("String[]", array(TypeRef::String)),
            (
                "Map<String,String>",
                TypeRef::Map(Box::new(TypeRef::String)),
            ),
            (
                "Map<String,Object>",
                TypeRef::Map(Box::new(TypeRef::Object)),
            ),
            (
                "SubAccountControlConfig object",
                model("SubAccountControlConfig"),
            ),
            ("CollectionInfo", model("CollectionInfo")),
            ("Dictionary", TypeRef::Object),
            ("List data structure", array(TypeRef::Object)),
            ("Dictionary data structure", TypeRef::Object),
            ("列表数据结构", array(TypeRef::Object)),
            ("字典数据结构", TypeRef::Object),
            ("binding:vif_details object", model("binding:vif_details")),
            (
                "io.k8s.api.core.v1.Handler object",
                model("io.k8s.api.core.v1.Handler"),
            ),
            ("vif details object", model("vif details")),
            (
                "Array of os-extended:volumes objects",
                array(model("os-extended:volumes")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_type(text), Some(want), "{text}");
        }
    }

    #[test]
    fn misspelled_type_words() {
        assert_eq!(misspelled_primitive("Sting"), Some(TypeRef::String));
        assert_eq!(misspelled_primitive("Interger"), Some(TypeRef::Integer));
        assert_eq!(misspelled_primitive("Boolen"), Some(TypeRef::Boolean));
        assert_eq!(misspelled_primitive("String"), None);
        assert_eq!(misspelled_primitive("Tag"), None);
        assert_eq!(misspelled_primitive("Server"), None);
    }

    #[test]
    fn rejects_what_is_no_type() {
        for text in [
            "",
            "Some words here",
            "数字",
            "42",
            "a b",
            "a:b",
            "see 2.1 object",
        ] {
            assert_eq!(parse_type(text), None, "{text}");
        }
    }
}
