//! The operation's official name, from the page's API Explorer link.
//!
//! Help Center pages of generated SDK operations say "you can debug this
//! API in API Explorer" and link it as
//! `https://apiexplorer.developer.huaweicloud.com/apiexplorer/doc?product=nat&api=CreateNatGateway`.
//! The `api` parameter is the name the official SDKs use for the
//! operation; the reader makes it the operation id. Front ends keep link
//! texts only, so the link is read from the page's raw text.

/// An API Explorer entry a page links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplorerEntry {
    /// The `product` parameter (`nat`, `IMS`), when the link has one.
    pub product: Option<String>,
    /// The `api` parameter: the operation's official name.
    pub api: String,
}

/// The entry the page's API Explorer links name, when they all name one
/// operation (a page linking two different entries states none).
pub fn explorer_entry(source: &str) -> Option<ExplorerEntry> {
    let mut found: Option<ExplorerEntry> = None;
    for (at, _) in source.match_indices("apiexplorer") {
        let url = url_at(&source[at..]);
        let Some(api) = parameter(url, "api").filter(|name| is_identifier(name)) else {
            continue;
        };
        match &found {
            Some(earlier) if earlier.api != api => return None,
            Some(_) => {}
            None => {
                found = Some(ExplorerEntry {
                    product: parameter(url, "product").map(str::to_owned),
                    api: api.to_owned(),
                });
            }
        }
    }
    found
}

/// The link target from `apiexplorer…` up to where it ends in Markdown or
/// HTML (a link's closing bracket or quote, or the line's end), trailing
/// spaces trimmed. A space inside is kept: `api=query alarm` names no
/// operation, and must not read as `query`.
fn url_at(text: &str) -> &str {
    let end = text
        .find([')', '"', '\'', '<', '>', ']', '\n'])
        .unwrap_or(text.len());
    text[..end].trim_end()
}

/// The value of the query parameter `name`.
fn parameter<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = url.split_once('?')?;
    let query = query.split('#').next()?;
    query
        .split('&')
        .map(|pair| pair.strip_prefix("amp;").unwrap_or(pair))
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

fn is_identifier(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_link_names_the_operation() {
        let page = "# Stop servers\n\nTry it in [API Explorer](https://apiexplorer.example.com/apiexplorer/doc?product=ECS&api=BatchStopServers).\n";
        assert_eq!(
            explorer_entry(page).map(|e| e.api).as_deref(),
            Some("BatchStopServers")
        );
    }

    #[test]
    fn an_html_link_with_escaped_ampersands_and_more_parameters() {
        let page = r#"<a href="https://apiexplorer.example.com/apiexplorer/doc?locale=zh-cn&amp;product=IMS&amp;api=CreateImage&amp;version=v2">API Explorer</a>"#;
        let entry = explorer_entry(page).expect("an entry");
        assert_eq!(entry.api, "CreateImage");
        assert_eq!(entry.product.as_deref(), Some("IMS"));
    }

    #[test]
    fn the_same_entry_twice_is_one_name_two_entries_are_none() {
        let link = |api: &str| format!("(https://apiexplorer.example.com/doc?api={api}) ");
        let twice = link("ListTags") + &link("ListTags");
        assert_eq!(
            explorer_entry(&twice).map(|e| e.api).as_deref(),
            Some("ListTags")
        );
        let two = link("ListTags") + &link("ShowTag");
        assert_eq!(explorer_entry(&two), None);
    }

    #[test]
    fn no_link_or_no_api_parameter_names_nothing() {
        assert_eq!(explorer_entry("Debug it in API Explorer."), None);
        assert_eq!(
            explorer_entry("(https://apiexplorer.example.com/doc?product=ECS)"),
            None
        );
        assert_eq!(
            explorer_entry("(https://apiexplorer.example.com/doc?api=not-a-name)"),
            None
        );
        assert_eq!(
            explorer_entry("(https://apiexplorer.example.com/doc?api=query alarm)"),
            None,
            "a name with a space is no name, not its first word"
        );
        assert_eq!(
            explorer_entry("(https://apiexplorer.example.com/doc?api=ListTags  )")
                .map(|e| e.api)
                .as_deref(),
            Some("ListTags")
        );
    }
}
