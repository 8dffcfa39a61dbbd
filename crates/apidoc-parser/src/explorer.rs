//! The operation's official name, from the page's API Explorer link.
//!
//! Help Center pages of generated SDK operations say "you can debug this
//! API in API Explorer" and link it as
//! `https://apiexplorer.developer.huaweicloud.com/apiexplorer/doc?product=nat&api=CreateNatGateway`.
//! The `api` parameter is the name the official SDKs use for the
//! operation; the reader makes it the operation id. Front ends keep link
//! texts only, so the link is read from the page's raw text.

/// The `api=` name of the page's API Explorer links, when they all name
/// one operation (a page linking two different entries states none).
pub fn explorer_api_name(source: &str) -> Option<String> {
    let mut found: Option<&str> = None;
    for (at, _) in source.match_indices("apiexplorer") {
        let Some(name) = api_parameter(url_at(&source[at..])) else {
            continue;
        };
        match found {
            Some(earlier) if earlier != name => return None,
            _ => found = Some(name),
        }
    }
    found.map(str::to_owned)
}

/// The link text from `apiexplorer…` up to where a URL ends in Markdown,
/// HTML or prose.
fn url_at(text: &str) -> &str {
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '<' | '>' | ']'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The value of the query parameter `api` when it is an identifier.
fn api_parameter(url: &str) -> Option<&str> {
    let (_, query) = url.split_once('?')?;
    let query = query.split('#').next()?;
    query
        .split('&')
        .map(|pair| pair.strip_prefix("amp;").unwrap_or(pair))
        .find_map(|pair| pair.strip_prefix("api="))
        .filter(|name| is_identifier(name))
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
        assert_eq!(explorer_api_name(page).as_deref(), Some("BatchStopServers"));
    }

    #[test]
    fn an_html_link_with_escaped_ampersands_and_more_parameters() {
        let page = r#"<a href="https://apiexplorer.example.com/apiexplorer/doc?locale=zh-cn&amp;product=IMS&amp;api=CreateImage&amp;version=v2">API Explorer</a>"#;
        assert_eq!(explorer_api_name(page).as_deref(), Some("CreateImage"));
    }

    #[test]
    fn the_same_entry_twice_is_one_name_two_entries_are_none() {
        let link = |api: &str| format!("(https://apiexplorer.example.com/doc?api={api}) ");
        let twice = link("ListTags") + &link("ListTags");
        assert_eq!(explorer_api_name(&twice).as_deref(), Some("ListTags"));
        let two = link("ListTags") + &link("ShowTag");
        assert_eq!(explorer_api_name(&two), None);
    }

    #[test]
    fn no_link_or_no_api_parameter_names_nothing() {
        assert_eq!(explorer_api_name("Debug it in API Explorer."), None);
        assert_eq!(
            explorer_api_name("(https://apiexplorer.example.com/doc?product=ECS)"),
            None
        );
        assert_eq!(
            explorer_api_name("(https://apiexplorer.example.com/doc?api=not-a-name)"),
            None
        );
    }
}
