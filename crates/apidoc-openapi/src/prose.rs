//! Where bilingual page text goes: the standard OpenAPI field or an `x-…-zh`
//! extension beside it.

use apidoc_ir::Text;
use indexmap::IndexMap;
use serde_json::Value;

/// Extension maps of openapiv3 objects (`x-` keys to JSON values).
pub(crate) type Extensions = IndexMap<String, Value>;

/// A [`Text`] split for an OpenAPI document.
pub(crate) struct Placed {
    /// For the standard field: English, or Chinese where there is no English.
    pub main: Option<String>,
    /// The Chinese text to keep beside English; `None` where `main` already
    /// is the Chinese text.
    pub zh: Option<String>,
}

/// Splits `text`, ignoring blank entries.
pub(crate) fn place(text: &Text) -> Placed {
    let en = non_blank(&text.en);
    let zh = non_blank(&text.zh);
    match en {
        Some(en) => Placed { main: Some(en), zh },
        None => Placed { main: zh, zh: None },
    }
}

/// The text for a standard field; the Chinese text beside English goes into
/// `extensions` under `zh_key`.
pub(crate) fn describe(text: &Text, zh_key: &str, extensions: &mut Extensions) -> Option<String> {
    let placed = place(text);
    if let Some(zh) = placed.zh {
        extensions.insert(zh_key.to_owned(), Value::String(zh));
    }
    placed.main
}

fn non_blank(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(en: Option<&str>, zh: Option<&str>) -> Text {
        Text {
            en: en.map(str::to_owned),
            zh: zh.map(str::to_owned),
        }
    }

    #[test]
    fn english_is_main_and_chinese_goes_to_the_extension() {
        let mut ext = Extensions::new();
        let main = describe(
            &text(Some("Name."), Some("名称。")),
            "x-description-zh",
            &mut ext,
        );
        assert_eq!(main.as_deref(), Some("Name."));
        assert_eq!(ext["x-description-zh"], "名称。");
    }

    #[test]
    fn chinese_alone_is_main_without_extension() {
        let mut ext = Extensions::new();
        let main = describe(&text(None, Some("名称。")), "x-description-zh", &mut ext);
        assert_eq!(main.as_deref(), Some("名称。"));
        assert!(ext.is_empty());
    }

    #[test]
    fn blank_text_counts_as_missing() {
        let mut ext = Extensions::new();
        let main = describe(
            &text(Some("  "), Some("名称")),
            "x-description-zh",
            &mut ext,
        );
        assert_eq!(main.as_deref(), Some("名称"));
        assert!(ext.is_empty());
    }
}
