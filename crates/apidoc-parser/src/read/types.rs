//! The Type column, read by one small grammar over word tables: "String",
//! "Array of CollectionInfo objects", "Map<String,String>", "[]*String",
//! "custom_spec结构体数组", "参见表4" → [`TypeRef`].
//!
//! A cell is cleaned once (`clean`: footnote marks, pointer stars,
//! escapes, trailing punctuation), then `read` tries each form in turn and
//! reads the parts of a form by calling itself: a type word, a generic
//! (`List<X>`, `Map<K,V>`), a sized word (`String(64)`), a list written
//! before or after its element (`Array of X`, `[]X`, `X[]`, `X数组`,
//! `X objects`), a marker after a type (`X object`, `X结构体`), a pointer
//! to a table (`参见表4`), a type word after a word qualifying it
//! (`Base64 string`) or a model name. A cell that says more than its type
//! (`String, max 64 characters`, `List结构，参见…`, `config array
//! corresponding to infer_type`) is read by its leading type. Every word
//! the grammar knows is in the tables below; another front end asks
//! [`names_type`] whether a line is a type.
//!
//! `None` means "not read", never a guess: the reader keeps an unread type
//! apart from `Object`, so that linking does not pick a table for it.

use std::collections::HashMap;
use std::sync::LazyLock;

use apidoc_ir::TypeRef;
use regex::Regex;

/// What a type word stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    String,
    Integer,
    Long,
    Number,
    Boolean,
    /// A free-form object.
    Object,
    /// A list of free-form objects.
    List,
}

impl Kind {
    fn ty(self) -> TypeRef {
        match self {
            Self::String => TypeRef::String,
            Self::Integer => TypeRef::Integer,
            Self::Long => TypeRef::Long,
            Self::Number => TypeRef::Number,
            Self::Boolean => TypeRef::Boolean,
            Self::Object => TypeRef::Object,
            Self::List => TypeRef::Array(Box::new(TypeRef::Object)),
        }
    }
}

/// Words that are a whole type on their own, in lower case. Formats a
/// value is sent in as text (dates, URLs, Base64) are strings.
const TYPE_WORDS: &[(&str, Kind)] = &[
    ("string", Kind::String),
    ("str", Kind::String),
    ("char", Kind::String),
    ("character", Kind::String),
    ("varchar", Kind::String),
    ("text", Kind::String),
    ("date", Kind::String),
    ("datetime", Kind::String),
    ("date-time", Kind::String),
    ("time", Kind::String),
    ("time.time", Kind::String),
    ("timestamp", Kind::String),
    ("uuid", Kind::String),
    ("enum", Kind::String),
    ("enumeration", Kind::String),
    ("file", Kind::String),
    ("binary", Kind::String),
    ("base64", Kind::String),
    ("uri", Kind::String),
    ("url", Kind::String),
    ("email", Kind::String),
    ("password", Kind::String),
    ("jsonstring", Kind::String),
    ("字符串", Kind::String),
    ("枚举", Kind::String),
    ("integer", Kind::Integer),
    ("int", Kind::Integer),
    ("int32", Kind::Integer),
    ("short", Kind::Integer),
    ("int16", Kind::Integer),
    ("int8", Kind::Integer),
    ("uint8", Kind::Integer),
    ("uint16", Kind::Integer),
    ("uint32", Kind::Integer),
    ("byte", Kind::Integer),
    ("整数", Kind::Integer),
    ("整型", Kind::Integer),
    ("long", Kind::Long),
    ("int64", Kind::Long),
    ("uint64", Kind::Long),
    ("bigint", Kind::Long),
    ("长整型", Kind::Long),
    ("float", Kind::Number),
    ("double", Kind::Number),
    ("number", Kind::Number),
    ("decimal", Kind::Number),
    ("bigdecimal", Kind::Number),
    ("float32", Kind::Number),
    ("float64", Kind::Number),
    ("numeric", Kind::Number),
    ("浮点数", Kind::Number),
    ("浮点型", Kind::Number),
    ("boolean", Kind::Boolean),
    ("bool", Kind::Boolean),
    ("布尔", Kind::Boolean),
    ("布尔型", Kind::Boolean),
    ("布尔值", Kind::Boolean),
    ("object", Kind::Object),
    ("json", Kind::Object),
    ("jsonobject", Kind::Object),
    ("null", Kind::Object),
    ("map", Kind::Object),
    ("dict", Kind::Object),
    ("dictionary", Kind::Object),
    ("any", Kind::Object),
    ("struct", Kind::Object),
    ("structure", Kind::Object),
    ("对象", Kind::Object),
    ("字典", Kind::Object),
    ("结构", Kind::Object),
    ("结构体", Kind::Object),
    // "字段数据类型": a type made of fields, the nested table's.
    ("字段", Kind::Object),
    ("array", Kind::List),
    ("list", Kind::List),
    ("jsonarray", Kind::List),
    ("objects", Kind::List),
    ("列表", Kind::List),
    ("数组", Kind::List),
];

/// How a word written after a type changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Suffix {
    /// A list of the type before it: "String[]", "X数组", "X结构体数组".
    List,
    /// A list of the objects named before it: "clusters objects".
    Objects,
    /// Nothing: it marks the words before it as a type ("X object",
    /// "X结构体", "List data structure", "字典数据类型").
    Mark,
}

/// Words written after a type, in lower case; the longest that matches
/// wins ("结构体数组" over "数组", " data structure" over " structure").
const SUFFIXES: &[(&str, Suffix)] = &[
    ("[]", Suffix::List),
    (" array", Suffix::List),
    (" list", Suffix::List),
    ("数组", Suffix::List),
    ("列表", Suffix::List),
    ("结构数组", Suffix::List),
    ("结构体数组", Suffix::List),
    ("数组结构", Suffix::List),
    (" objects", Suffix::Objects),
    (" object", Suffix::Mark),
    (" structure", Suffix::Mark),
    (" data structure", Suffix::Mark),
    ("对象", Suffix::Mark),
    ("结构", Suffix::Mark),
    ("结构体", Suffix::Mark),
    ("数据结构", Suffix::Mark),
    ("类型", Suffix::Mark),
    ("数据类型", Suffix::Mark),
];

/// Words written before the element of a list, in lower case: "Array of
/// X", "Array X", "[]X" (and `[]*X`, once the pointer star is cleaned).
const LIST_PREFIXES: &[&str] = &["array of", "list of", "set of", "array", "[]"];

/// Generic names whose one argument is the element of a list:
/// `List<X>`, `Set(X)`, `Array[X]`.
const LIST_GENERICS: &[&str] = &["list", "array", "set"];

/// Generic names whose last argument is the value of a map: `Map<K,V>`,
/// `Dict(K,V)`, and Go's `map[K]V`.
const MAP_GENERICS: &[&str] = &["map", "dict", "dictionary"];

/// Words saying "see" before a table the cell points at ("参见表4", "see
/// Table 3"), in lower case.
const SEE_WORDS: &[&str] = &[
    "请参见",
    "参见",
    "详见",
    "请参考",
    "参考",
    "see",
    "refer to",
];

/// Words naming a table by number ("表4", "Table 4"), in lower case.
const TABLE_WORDS: &[&str] = &["表", "table"];

/// Words a pointer to a table without a number ends with ("参考graph图类型
/// 数据结构说明": "see the description of the graph structure").
const DESCRIPTION_WORDS: &[&str] = &["说明", "描述", "description", "definition"];

/// Marks after which a cell comments on its type ("String, max 64
/// characters", "List结构，参见…", "String：字符串…").
const CLAUSE_MARKS: &[char] = &[',', '，', ';', '；', '。', '：', '(', '（'];

/// The Chinese possessive: a cell may qualify its type before it
/// ("对应infer_type的config结构数组": the config array of an infer_type).
const QUALIFIER: char = '的';

/// The type words a cell may misspell (`Sting`, `Stirng`, `Interger`).
const MISSPELLABLE: &[&str] = &[
    "string", "integer", "boolean", "number", "object", "long", "double", "float",
];

static WORDS: LazyLock<HashMap<&'static str, Kind>> =
    LazyLock::new(|| TYPE_WORDS.iter().copied().collect());

/// A footnote mark: `[1]`, `（1）`.
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\d+\]|（\d+）").expect("footnote pattern is valid"));

/// Understands a Type cell; `None` when the text names no type.
pub fn parse_type(text: &str) -> Option<TypeRef> {
    let text = clean(text);
    read(&text).or_else(|| read_qualified(&text))
}

/// True when `text` is a type by its words alone: a type word, a list, a
/// generic or a marked model name ("CollectionInfo object"), and not merely
/// an identifier that might name a model or a sentence about a type. For a
/// front end telling Type lines from other lines.
pub fn names_type(text: &str) -> bool {
    read_marked(&clean(text)).is_some()
}

/// True when `text` is a type by its words ([`names_type`]) that the cell
/// says more about, as [`parse_type`] reads it: a comment after a clause
/// mark ("List结构，参见…", "String, max 64 characters"), a qualifier
/// before it ("对应infer_type的config结构数组"), or words after it ("config
/// array corresponding to infer_type"). The type must then be more than a
/// bare type word, which a sentence may start or end with ("灯的列表",
/// "String values are trimmed"), and no pointer to a table ("Table 3
/// lists the codes.").
pub fn names_type_with_more(text: &str) -> bool {
    let text = clean(text);
    let names_type = |ty: &str| table_pointer(ty).is_none() && read_marked(ty).is_some();
    let more_than_a_word = |ty: &str| word(ty).is_none() && names_type(ty);
    let before_clause = outside_brackets(&text)
        .find(|&(_, c)| CLAUSE_MARKS.contains(&c))
        .is_some_and(|(i, _)| names_type(&text[..i]));
    let qualified = text
        .rsplit_once(QUALIFIER)
        .is_some_and(|(_, tail)| more_than_a_word(tail));
    let leading = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .any(|(i, _)| more_than_a_word(&text[..i]));
    before_clause || qualified || leading
}

/// The cell without what is no part of its type: footnote marks, pointer
/// stars (`[]*String`, `*String`), Markdown escapes (`File\_addr`), HTML
/// escapes (`List&lt;String&gt;`) and trailing punctuation.
fn clean(text: &str) -> String {
    let text = crate::blocks::normalise(text)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace(['\\', '*'], "");
    let text = FOOTNOTE.replace_all(&text, "");
    text.trim()
        .trim_end_matches(|c: char| ".。,，;；:：".contains(c) || c.is_whitespace())
        .to_owned()
}

/// The grammar: every form of a whole type, each reading its parts with
/// this function.
fn read(text: &str) -> Option<TypeRef> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    word(text)
        .map(Kind::ty)
        .or_else(|| generic(text))
        .or_else(|| sized(text))
        .or_else(|| bracketed(text))
        .or_else(|| prefixed(text))
        .or_else(|| suffixed(text))
        .or_else(|| table_pointer(text))
        .or_else(|| head_word(text))
        .or_else(|| is_model_name(text).then(|| TypeRef::Model(text.to_owned())))
}

/// [`read`], except a bare identifier: a type that its words make one.
fn read_marked(text: &str) -> Option<TypeRef> {
    let text = text.trim();
    if word(text).is_none() && is_model_name(text) {
        return None;
    }
    read(text)
}

/// A cell saying more than its type, read by the type it starts with:
/// before a clause mark ("String, max 64 characters"), after a Chinese
/// qualifier ("对应infer_type的config结构数组"), or the longest run of
/// leading words that is a type ("config array corresponding to
/// infer_type"). Only a type its words make counts, so that the first word
/// of a sentence is not taken for a model name.
fn read_qualified(text: &str) -> Option<TypeRef> {
    let before_clause = outside_brackets(text)
        .find(|&(_, c)| CLAUSE_MARKS.contains(&c))
        .map(|(i, _)| &text[..i]);
    before_clause
        .and_then(read_marked)
        .or_else(|| {
            text.rsplit_once(QUALIFIER)
                .and_then(|(_, tail)| read_marked(tail))
        })
        .or_else(|| {
            text.char_indices()
                .rev()
                .filter(|&(_, c)| c == ' ')
                .find_map(|(i, _)| read_marked(&text[..i]))
        })
}

/// A whole type word, in any letter case.
fn word(text: &str) -> Option<Kind> {
    WORDS.get(text.trim().to_lowercase().as_str()).copied()
}

/// `List<X>`, `Set(X)`, `Array[X]`, `Map<K,V>`, `map[K]V` (any letter
/// case, spaces inside the brackets allowed).
fn generic(text: &str) -> Option<TypeRef> {
    if let Some(inner) = LIST_GENERICS
        .iter()
        .find_map(|name| generic_argument(text, name))
    {
        return Some(TypeRef::Array(Box::new(element(inner, true)?)));
    }
    let arguments = MAP_GENERICS
        .iter()
        .find_map(|name| generic_argument(text, name));
    if let Some(arguments) = arguments {
        return Some(TypeRef::Map(Box::new(element(map_value(arguments), true)?)));
    }
    let value = MAP_GENERICS.iter().find_map(|name| {
        let rest = strip_prefix_ci(text, name)?.strip_prefix('[')?;
        Some(rest.split_once(']')?.1)
    })?;
    Some(TypeRef::Map(Box::new(element(value, true)?)))
}

/// A type word with a size or a note in brackets: `String(64)`,
/// `Integer (int32)`.
fn sized(text: &str) -> Option<TypeRef> {
    let (name, rest) = text.split_once(['(', '（'])?;
    let kind = word(name)?;
    rest.ends_with([')', '）']).then(|| kind.ty())
}

/// `[X]`: a list of X (`[Long]`).
fn bracketed(text: &str) -> Option<TypeRef> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    Some(TypeRef::Array(Box::new(element(inner, true)?)))
}

/// "Array of X", "Array X", "[]X": a list of X. A word prefix must end a
/// word ("Array String"); after "of" an upper-case letter also ends it,
/// as text copied from a browser drops the space ("Array ofStatefulSet").
fn prefixed(text: &str) -> Option<TypeRef> {
    let (prefix, rest) = LIST_PREFIXES
        .iter()
        .find_map(|prefix| Some((prefix, strip_prefix_ci(text, prefix)?)))?;
    let ends_word = !prefix.ends_with(|c: char| c.is_ascii_alphabetic())
        || rest.starts_with(' ')
        || prefix.ends_with(" of") && rest.starts_with(char::is_uppercase);
    if !ends_word {
        return None;
    }
    Some(TypeRef::Array(Box::new(element(rest, false)?)))
}

/// A type followed by one of [`SUFFIXES`].
fn suffixed(text: &str) -> Option<TypeRef> {
    let (head, suffix) = SUFFIXES
        .iter()
        .filter_map(|&(suffix, kind)| Some((strip_suffix_ci(text, suffix)?, kind)))
        .min_by_key(|(head, _)| head.len())?;
    let head = head.trim();
    if head.is_empty() {
        return None;
    }
    match suffix {
        Suffix::List => Some(TypeRef::Array(Box::new(element(head, false)?))),
        Suffix::Objects => Some(TypeRef::Array(Box::new(named(head)?))),
        Suffix::Mark => named(head),
    }
}

/// A cell pointing at the table that describes the field's objects: "表4",
/// "参见表4", "see Table 3", "参考graph图类型数据结构说明". The objects are
/// free-form here; the linker finds the table (a number in the Type cell is
/// one of the row's table references).
fn table_pointer(text: &str) -> Option<TypeRef> {
    let after_see = SEE_WORDS
        .iter()
        .find_map(|see| strip_prefix_ci(text, see))
        .map(str::trim);
    let target = after_see.unwrap_or(text);
    let numbered = TABLE_WORDS
        .iter()
        .find_map(|table| strip_prefix_ci(target, table))
        .map(str::trim)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let described = after_see.is_some()
        && DESCRIPTION_WORDS
            .iter()
            .any(|d| strip_suffix_ci(target, d).is_some());
    (numbered || described).then_some(TypeRef::Object)
}

/// A type word after another type word qualifying it: "Base64 string",
/// "JSON string", "JSON字符串": the last word is the type.
fn head_word(text: &str) -> Option<TypeRef> {
    let (modifier, head) = split_last_word(text)?;
    word(modifier)?;
    word(head).map(Kind::ty)
}

/// Text before and its last word: after the last space, else the trailing
/// run of Chinese characters after other letters ("JSON字符串").
fn split_last_word(text: &str) -> Option<(&str, &str)> {
    if let Some(split) = text.rsplit_once(' ') {
        return Some(split);
    }
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| super::is_cjk(c))
        .last()?
        .0;
    (start > 0).then(|| text.split_at(start))
}

/// The element of a list: a type, a plural type word ("strings",
/// "Objects"), or objects named before " objects" ("Array of X objects").
/// Between brackets (`List<Storage type>`) a model may be named in several
/// words, as before " object".
fn element(text: &str, bracketed: bool) -> Option<TypeRef> {
    let text = text.trim();
    if let Some(name) =
        strip_suffix_ci(text, " objects").or_else(|| strip_suffix_ci(text, " object"))
    {
        return named(name);
    }
    let plural = text.strip_suffix(['s', 'S']).and_then(word).map(Kind::ty);
    plural
        .or_else(|| read(text))
        .or_else(|| bracketed.then(|| written_model(text)).flatten())
}

/// A type, or a model as a marker after it names one: also qualified or
/// in words (`binding:vif_details object`, `io.k8s.api.core.v1.Handler
/// object`, `vif details object`).
fn named(text: &str) -> Option<TypeRef> {
    read(text).or_else(|| written_model(text))
}

fn written_model(text: &str) -> Option<TypeRef> {
    is_written_model_name(text).then(|| TypeRef::Model(text.trim().to_owned()))
}

/// The value type of a map's `K, V` arguments: after the first comma
/// outside brackets, so that `String,Map<String,Integer>` gives the inner
/// map; a map without a value type holds objects.
fn map_value(arguments: &str) -> &str {
    outside_brackets(arguments)
        .find(|&(_, c)| c == ',')
        .map_or("object", |(i, _)| arguments[i + 1..].trim())
}

/// The characters of `text` (with their byte offsets) that stand outside
/// any brackets.
fn outside_brackets(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0_i32;
    text.char_indices().filter(move |&(_, c)| {
        let outside = depth == 0;
        match c {
            '<' | '[' => depth += 1,
            '>' | ']' => depth -= 1,
            _ => {}
        }
        outside && !matches!(c, '<' | '[' | '>' | ']')
    })
}

/// A model name as a Type cell may write it before "object": identifier
/// words joined by `:`, `.`, `-`, `/` or single spaces (each word starting
/// with a letter or `_`).
pub(super) fn is_written_model_name(text: &str) -> bool {
    let words: Vec<&str> = text.split([':', '.', '-', '/', ' ']).collect();
    words.len() <= 8
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// The type a one-word Type cell misspells (`Sting`, `Stirng`,
/// `Interger`, `Boolen`): the type word one letter (or one swap of two
/// letters) away, where exactly one is.
pub fn misspelled_primitive(written: &str) -> Option<TypeRef> {
    let lower = written.to_lowercase();
    if lower.chars().count() < 4 || word(&lower).is_some() {
        return None;
    }
    let mut close = MISSPELLABLE
        .iter()
        .filter(|w| super::edit_distance(&lower, w) == 1);
    match (close.next(), close.next()) {
        (Some(w), None) => word(w).map(Kind::ty),
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

    fn map(t: TypeRef) -> TypeRef {
        TypeRef::Map(Box::new(t))
    }

    fn assert_reads(cases: &[(&str, TypeRef)]) {
        for (text, want) in cases {
            assert_eq!(parse_type(text).as_ref(), Some(want), "{text}");
        }
    }

    #[test]
    fn type_words() {
        assert_reads(&[
            ("String", TypeRef::String),
            ("Integer", TypeRef::Integer),
            ("Long", TypeRef::Long),
            ("Boolean", TypeRef::Boolean),
            ("Float", TypeRef::Number),
            ("Numeric", TypeRef::Number),
            ("URL", TypeRef::String),
            ("Date-time", TypeRef::String),
            ("Object", TypeRef::Object),
            ("Null", TypeRef::Object),
            ("Dictionary", TypeRef::Object),
            ("Dict", TypeRef::Object),
            ("字典", TypeRef::Object),
            ("Struct", TypeRef::Object),
            ("jsonString", TypeRef::String),
            ("JsonArray", array(TypeRef::Object)),
        ]);
    }

    #[test]
    fn a_type_word_is_the_whole_word() {
        // Not the first letters of a model name, nor a word glued to a
        // Chinese suffix.
        assert_reads(&[
            ("File_addr object", model("File_addr")),
            ("File_addr", model("File_addr")),
            ("String_list", model("String_list")),
            ("Timer", model("Timer")),
            ("String数组", array(TypeRef::String)),
        ]);
    }

    #[test]
    fn words_qualifying_a_type_word() {
        assert_reads(&[
            ("Base64 string", TypeRef::String),
            ("JSON string", TypeRef::String),
            ("JSON字符串", TypeRef::String),
            ("String(64)", TypeRef::String),
            ("String (255)", TypeRef::String),
            ("String, max 64 characters", TypeRef::String),
            ("String：字符串，Integer：整数", TypeRef::String),
        ]);
    }

    #[test]
    fn lists_written_before_the_element() {
        assert_reads(&[
            ("Array of strings", array(TypeRef::String)),
            ("Array of integers", array(TypeRef::Integer)),
            ("Array of Longs", array(TypeRef::Long)),
            ("Array of objects", array(TypeRef::Object)),
            ("Array Of Objects", array(TypeRef::Object)),
            (
                "Array of CollectionInfo objects",
                array(model("CollectionInfo")),
            ),
            ("Array of Statement", array(model("Statement"))),
            ("Array of Array of strings", array(array(TypeRef::String))),
            (
                "Array of os-extended:volumes objects",
                array(model("os-extended:volumes")),
            ),
            ("Array ofIngressTLS objects", array(model("IngressTLS"))),
            ("Array String", array(TypeRef::String)),
            ("Array GraphItem", array(model("GraphItem"))),
            ("List of String", array(TypeRef::String)),
            ("[]String", array(TypeRef::String)),
            ("[]dependency", array(model("dependency"))),
            ("[]*String", array(TypeRef::String)),
            ("*String", TypeRef::String),
            ("[Long]", array(TypeRef::Long)),
        ]);
    }

    #[test]
    fn lists_written_after_the_element() {
        assert_reads(&[
            ("String[]", array(TypeRef::String)),
            ("String array", array(TypeRef::String)),
            ("JSON Array", array(TypeRef::Object)),
            ("clusters objects", array(model("clusters"))),
            ("objects", array(TypeRef::Object)),
            ("Secret v1 core objects", array(model("Secret v1 core"))),
            ("String数组", array(TypeRef::String)),
            ("JSON数组", array(TypeRef::Object)),
            ("Json数组", array(TypeRef::Object)),
            ("server_id数组", array(model("server_id"))),
            ("Tag列表", array(model("Tag"))),
            ("job结构体数组", array(model("job"))),
            ("params结构数组", array(model("params"))),
            ("logVolume数组结构", array(model("logVolume"))),
        ]);
    }

    #[test]
    fn generics() {
        assert_reads(&[
            ("List<String>", array(TypeRef::String)),
            ("List&lt;String&gt;", array(TypeRef::String)),
            ("List <resource_tag>[1]", array(model("resource_tag"))),
            ("List(Dict)", array(TypeRef::Object)),
            ("Array[String]", array(TypeRef::String)),
            ("Array <Objects>", array(TypeRef::Object)),
            ("Array<Storage type>", array(model("Storage type"))),
            ("Set<Integer>", array(TypeRef::Integer)),
            ("Map<String,String>", map(TypeRef::String)),
            ("Map<String,Object>", map(TypeRef::Object)),
            ("Map<String, HardDetail >", map(model("HardDetail"))),
            (
                "Map<String,Map<String,Array<String>>>",
                map(map(array(TypeRef::String))),
            ),
            ("List<Map<String,Integer>>", array(map(TypeRef::Integer))),
            (
                "Map<String,Array of address objects>",
                map(array(model("address"))),
            ),
            ("Dict<String,Integer>", map(TypeRef::Integer)),
            ("map[string]string", map(TypeRef::String)),
        ]);
    }

    #[test]
    fn marked_models() {
        assert_reads(&[
            (
                "SubAccountControlConfig object",
                model("SubAccountControlConfig"),
            ),
            ("CollectionInfo", model("CollectionInfo")),
            ("binding:vif_details object", model("binding:vif_details")),
            (
                "io.k8s.api.core.v1.Handler object",
                model("io.k8s.api.core.v1.Handler"),
            ),
            ("vif details object", model("vif details")),
            ("postStart/preStop object", model("postStart/preStop")),
            ("custom_spec结构体", model("custom_spec")),
            ("InputParams 结构体", model("InputParams")),
            ("Specification结构", model("Specification")),
            ("JobDetail数据结构", model("JobDetail")),
            ("JSON结构体", TypeRef::Object),
            ("List data structure", array(TypeRef::Object)),
            ("Dictionary data structure", TypeRef::Object),
            ("列表数据结构", array(TypeRef::Object)),
            ("字典数据结构[1]", TypeRef::Object),
            ("字典数据类型", TypeRef::Object),
            ("字典类型", TypeRef::Object),
            ("结构体数据类型", TypeRef::Object),
        ]);
    }

    #[test]
    fn pointers_to_a_table_are_objects() {
        assert_reads(&[
            ("参见表4", TypeRef::Object),
            ("详见表3。", TypeRef::Object),
            ("see Table 3", TypeRef::Object),
            ("表2 object", TypeRef::Object),
            ("参考graph图类型数据结构说明。", TypeRef::Object),
        ]);
    }

    #[test]
    fn cells_saying_more_than_their_type() {
        assert_reads(&[
            (
                "List结构，参见Graph类型数据结构说明。",
                array(TypeRef::Object),
            ),
            ("列表数据结构，参见表5", array(TypeRef::Object)),
            (
                "config array corresponding to infer_type",
                array(model("config")),
            ),
            (
                "monitor array corresponding to infer_type of a service",
                array(model("monitor")),
            ),
            ("对应infer_type的config结构数组", array(model("config"))),
            (
                "服务的infer_type对应的monitor结构数组",
                array(model("monitor")),
            ),
            ("Array of Tag objects.", array(model("Tag"))),
        ]);
    }

    #[test]
    fn only_types_its_words_make_name_a_type() {
        for text in [
            "String",
            "Array of strings",
            "CollectionInfo object",
            "Map<String,String>",
            "参见表4",
        ] {
            assert!(names_type(text), "{text}");
        }
        for text in [
            "CollectionInfo",
            "List of tags for the instance",
            "The ID of the project.",
        ] {
            assert!(!names_type(text), "{text}");
        }
    }

    #[test]
    fn a_type_may_open_a_cell_that_says_more() {
        for text in [
            "List结构，参见Graph类型说明。",
            "String, max 64 characters",
            "服务的infer_type对应的monitor结构数组",
            "monitor array corresponding to infer_type of a service",
        ] {
            assert!(names_type_with_more(text), "{text}");
        }
        for text in [
            "String",
            "The ID, of the project.",
            "CollectionInfo, see below",
            "灯的列表",
            "String values are trimmed",
            "Table 3 lists the codes.",
            "参见表4，其中的字段",
            "The ID of the project.",
        ] {
            assert!(!names_type_with_more(text), "{text}");
        }
    }

    #[test]
    fn misspelled_type_words() {
        assert_eq!(misspelled_primitive("Sting"), Some(TypeRef::String));
        assert_eq!(misspelled_primitive("Stirng"), Some(TypeRef::String));
        assert_eq!(misspelled_primitive("Interger"), Some(TypeRef::Integer));
        assert_eq!(misspelled_primitive("Boolen"), Some(TypeRef::Boolean));
        assert_eq!(misspelled_primitive("doubule"), Some(TypeRef::Number));
        assert_eq!(misspelled_primitive("String"), None);
        assert_eq!(misspelled_primitive("Tag"), None);
        assert_eq!(misspelled_primitive("Server"), None);
        // A misspelling is a model name to the grammar; the reader decides
        // once no table describes it.
        assert_eq!(parse_type("Stirng"), Some(model("Stirng")));
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
            "[]",
            "是",
            "String或List",
            "根据类型传入的参数值",
        ] {
            assert_eq!(parse_type(text), None, "{text}");
        }
    }
}
