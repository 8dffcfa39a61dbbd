//! One enum per concept of a service, and readable variant names.
//!
//! String fields and parameters that name the same field and list the
//! same values (a gateway's size, `1`…`4`, in every model and query that
//! states it) mean one thing: they share one type, named by the words its
//! owners' names share (`CreateNatGatewayOption`, `NatGatewayResponseBody`
//! and `ListNatGateways` → `NatGatewaySpec`; the field's name alone where
//! they share none). A value that is no word (`1`) names its variant by
//! what the page says it means (`1：小型` → `Small`), where the page says
//! so for every such value of the enum and the names differ; otherwise
//! the values name the variants (`_1`).

use crate::ident::camel;
use apidoc_ir::Text;
use heck::ToSnakeCase;

/// Words of owner names that say what kind of item holds the field, not
/// what it is about: leading verbs, trailing wrappers, versions.
const LEADING_WORDS: &[&str] = &[
    "Add", "Batch", "Create", "Delete", "Get", "List", "Query", "Remove", "Set", "Show", "Update",
];
const TRAILING_WORDS: &[&str] = &[
    "Body", "Detail", "Details", "Dto", "Info", "Option", "Options", "Param", "Params", "Req",
    "Request", "Resp", "Response", "Result",
];

/// Chinese words pages use for what a value means, and the variant names
/// they give (the first clause of a value's description, after an
/// opening 表示 "means").
const MEANINGS: &[(&str, &str)] = &[
    ("小型", "Small"),
    ("中型", "Medium"),
    ("大型", "Large"),
    ("超大型", "ExtraLarge"),
    ("高", "High"),
    ("中", "Medium"),
    ("低", "Low"),
    ("是", "Yes"),
    ("否", "No"),
    ("有效", "Valid"),
    ("无效", "Invalid"),
    ("正常", "Normal"),
    ("异常", "Abnormal"),
    ("错误", "Error"),
    ("启用", "Enabled"),
    ("禁用", "Disabled"),
    ("开启", "On"),
    ("关闭", "Off"),
    ("使用", "Used"),
    ("不使用", "Unused"),
    ("包含", "Included"),
    ("不包含", "Excluded"),
    ("全部", "All"),
    ("默认值", "Default"),
    ("初始化", "Initializing"),
    ("创建中", "Creating"),
    ("运行中", "Running"),
    ("启动中", "Starting"),
    ("重启中", "Rebooting"),
    ("停止中", "Stopping"),
    ("删除中", "Deleting"),
    ("审核中", "Reviewing"),
    ("停止", "Stopped"),
    ("冻结", "Frozen"),
    ("完成", "Completed"),
    ("已完成", "Completed"),
    ("成功", "Succeeded"),
    ("失败", "Failed"),
    ("超时", "TimedOut"),
    ("已删除", "Deleted"),
    ("创建失败", "CreateFailed"),
    ("删除失败", "DeleteFailed"),
    ("通过", "Approved"),
    ("驳回", "Rejected"),
    ("已上架", "Listed"),
    ("未上架", "Unlisted"),
    ("独享", "Dedicated"),
    ("共享", "Shared"),
    ("包周期", "Prepaid"),
    ("按需付费", "OnDemand"),
    ("按需计费", "OnDemand"),
    ("加密", "Encrypted"),
    ("不加密", "Unencrypted"),
    ("视频", "Video"),
    ("图像", "Image"),
    ("文本", "Text"),
    ("语音", "Audio"),
    ("表格", "Table"),
    ("图像分类", "ImageClassification"),
    ("物体检测", "ObjectDetection"),
    ("图像分割", "ImageSegmentation"),
    ("加权轮询", "WeightedRoundRobin"),
    ("加权最少连接", "WeightedLeastConnections"),
    ("源地址哈希", "SourceIpHash"),
];

/// Words of an English meaning a variant name may have at most.
const MAX_MEANING_WORDS: usize = 4;

/// What makes fields one concept: the field's name and its values,
/// whatever their order.
pub(crate) fn concept_key(field_name: &str, wires: &[&str]) -> (String, Vec<String>) {
    let mut values: Vec<String> = wires.iter().map(|wire| (*wire).to_owned()).collect();
    values.sort_unstable();
    (field_name.to_snake_case(), values)
}

/// The name of the enum of a concept several owners (models, operations)
/// hold: the longest run of words all owners' names share, leading verbs
/// and trailing wrappers aside, then the field's name.
pub(crate) fn shared_name(owners: &[&str], field_name: &str) -> String {
    let field = camel(field_name);
    let subjects: Vec<Vec<&str>> = owners.iter().map(|owner| subject_words(owner)).collect();
    let run = match subjects.split_first() {
        Some((first, others)) => longest_shared_run(first, others),
        None => Vec::new(),
    };
    let prefix = run.concat();
    if prefix.ends_with(&field) {
        prefix
    } else {
        format!("{prefix}{field}")
    }
}

/// The words of an UpperCamelCase name, without versions (`V20`), leading
/// verbs and trailing wrappers.
fn subject_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = camel_words(name)
        .into_iter()
        .filter(|word| !is_version(word))
        .collect();
    while words
        .first()
        .is_some_and(|word| LEADING_WORDS.contains(word))
    {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|word| TRAILING_WORDS.contains(word))
    {
        words.pop();
    }
    words
}

fn is_version(word: &str) -> bool {
    word.len() > 1 && word.starts_with('V') && word[1..].chars().all(|c| c.is_ascii_digit())
}

/// `NatGatewaySpec` → `Nat`, `Gateway`, `Spec`; digits stay with the
/// word before them (`V20`).
fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (at, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..at]);
            start = at;
        }
    }
    if start < name.len() {
        words.push(&name[start..]);
    }
    words
}

/// The longest run of `first`'s words that each of `others` holds too (a
/// plural word matching its singular: `Gateways`, `Gateway`).
fn longest_shared_run<'w>(first: &[&'w str], others: &[Vec<&str>]) -> Vec<&'w str> {
    let same = |a: &str, b: &str| a.trim_end_matches('s') == b.trim_end_matches('s');
    let holds = |words: &[&str], run: &[&str]| {
        words
            .windows(run.len())
            .any(|window| window.iter().zip(run).all(|(a, b)| same(a, b)))
    };
    for length in (1..=first.len()).rev() {
        for run in first.windows(length) {
            if others.iter().all(|words| holds(words, run)) {
                return run.to_vec();
            }
        }
    }
    Vec::new()
}

/// The names to give an enum's variants, one per value: the values
/// themselves, unless some value is no word and the page's meanings name
/// every such value, each differently.
pub(crate) fn variant_names(values: &[(String, Text)]) -> Vec<String> {
    let wires = || values.iter().map(|(wire, _)| wire.clone()).collect();
    if values.iter().all(|(wire, _)| is_word(wire)) {
        return wires();
    }
    let meant: Option<Vec<String>> = values
        .iter()
        .map(|(wire, meaning)| {
            if is_word(wire) {
                Some(wire.clone())
            } else {
                meaning_name(meaning)
            }
        })
        .collect();
    match meant {
        Some(names) if all_distinct(&names) => names,
        _ => wires(),
    }
}

/// True when a value gives a variant name of its own: it starts with a
/// letter once made an identifier.
fn is_word(wire: &str) -> bool {
    camel(wire).starts_with(|c: char| c.is_ascii_alphabetic())
}

fn all_distinct(names: &[String]) -> bool {
    let mut seen: Vec<String> = names.iter().map(|name| camel(name)).collect();
    seen.sort_unstable();
    let count = seen.len();
    seen.dedup();
    seen.len() == count
}

/// A variant name from what a value means: the first clause of the
/// English text, if a few plain words, else of the Chinese text, if
/// [`MEANINGS`] knows it.
fn meaning_name(meaning: &Text) -> Option<String> {
    let english = meaning.en.as_deref().map(first_clause).filter(|clause| {
        let words = clause.split_whitespace().count();
        clause.starts_with(|c: char| c.is_ascii_alphabetic())
            && (1..=MAX_MEANING_WORDS).contains(&words)
            && clause
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    });
    let chinese = || {
        let clause = first_clause(meaning.zh.as_deref()?);
        let clause = clause.strip_prefix("表示").unwrap_or(clause);
        MEANINGS
            .iter()
            .find(|(words, _)| *words == clause)
            .map(|(_, name)| *name)
    };
    english.or_else(chinese).map(str::to_owned)
}

/// What a field's description says a value means, where it writes the
/// value, a colon and the meaning (`“1”：小型，…；“2”：中型`) rather than
/// listing it with the values; empty where it does not.
pub(crate) fn stated_meaning(description: &Text, wire: &str) -> Text {
    let after_value = |text: &str| -> Option<String> {
        text.match_indices(wire).find_map(|(at, _)| {
            let before = text[..at].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                return None;
            }
            let rest = text[at + wire.len()..].trim_start_matches(['"', '”', '\'', ' ']);
            let meaning = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
            let clause = first_clause(meaning);
            (!clause.is_empty()).then(|| clause.to_owned())
        })
    };
    Text {
        en: description.en.as_deref().and_then(after_value),
        zh: description.zh.as_deref().and_then(after_value),
    }
}

/// The text up to the first clause mark, quotes and spaces trimmed.
fn first_clause(text: &str) -> &str {
    let text = text.trim().trim_matches(['"', '“', '”', '\'']);
    let end = text
        .find([
            '，', ',', '。', '.', '；', ';', '：', ':', '（', '(', '、', '\n',
        ])
        .unwrap_or(text.len());
    text[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use apidoc_ir::Lang;

    #[test]
    fn a_concept_is_named_by_the_words_its_owners_share() {
        let owners = [
            "CreateNatGatewayOption",
            "NatGatewayResponseBody",
            "ListNatGatewaysV20",
            "UpdateNatGatewayOption",
        ];
        assert_eq!(shared_name(&owners, "spec"), "NatGatewaySpec");
        assert_eq!(
            shared_name(&["SnatRule", "DnatRule"], "status"),
            "RuleStatus"
        );
        assert_eq!(shared_name(&["Server", "Volume"], "status"), "Status");
        assert_eq!(shared_name(&["TagInfo", "ListTags"], "tag"), "Tag");
    }

    #[test]
    fn the_key_of_a_concept_ignores_the_order_of_values_and_the_case_of_the_name() {
        assert_eq!(
            concept_key("instanceType", &["b", "a"]),
            concept_key("instance_type", &["a", "b"])
        );
        assert_ne!(concept_key("type", &["a"]), concept_key("kind", &["a"]));
    }

    fn values(pairs: &[(&str, &str, Lang)]) -> Vec<(String, Text)> {
        pairs
            .iter()
            .map(|(wire, meaning, lang)| ((*wire).to_owned(), Text::in_lang(*lang, *meaning)))
            .collect()
    }

    #[test]
    fn numbers_are_named_by_what_the_page_says_they_mean() {
        let sizes = values(&[
            ("1", "小型，SNAT最大连接数10000", Lang::Zh),
            ("2", "“中型”", Lang::Zh),
            ("3", "small cluster: up to 10 nodes", Lang::En),
        ]);
        assert_eq!(variant_names(&sizes), ["Small", "Medium", "small cluster"]);
        let flags = values(&[
            ("0", "表示不加密。", Lang::Zh),
            ("1", "表示加密。", Lang::Zh),
        ]);
        assert_eq!(variant_names(&flags), ["Unencrypted", "Encrypted"]);
    }

    #[test]
    fn a_description_writing_value_colon_meaning_states_the_meanings() {
        let description = Text::in_lang(
            Lang::Zh,
            "网关的规格。取值为：“1”：小型，连接数10000；“2”：中型，连接数50000",
        );
        assert_eq!(
            stated_meaning(&description, "1").zh.as_deref(),
            Some("小型")
        );
        assert_eq!(
            stated_meaning(&description, "2").zh.as_deref(),
            Some("中型")
        );
        assert!(stated_meaning(&description, "3").is_empty());
        let english = Text::in_lang(Lang::En, "Size. 10: tiny; 1: small, up to 10 rules");
        assert_eq!(stated_meaning(&english, "1").en.as_deref(), Some("small"));
    }

    #[test]
    fn values_name_their_variants_unless_every_unnamed_one_has_a_distinct_meaning() {
        let words = values(&[("ACTIVE", "运行中", Lang::Zh), ("DOWN", "", Lang::Zh)]);
        assert_eq!(variant_names(&words), ["ACTIVE", "DOWN"]);
        let unknown = values(&[("1", "小型", Lang::Zh), ("2", "某种规格", Lang::Zh)]);
        assert_eq!(variant_names(&unknown), ["1", "2"]);
        let alike = values(&[("1", "高", Lang::Zh), ("2", "High.", Lang::En)]);
        assert_eq!(variant_names(&alike), ["1", "2"]);
        let long = values(&[("1", "a value with far too many words in it", Lang::En)]);
        assert_eq!(variant_names(&long), ["1"]);
    }
}
