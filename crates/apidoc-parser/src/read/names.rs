//! The names a page states for its operation.
//!
//! The official SDKs name every operation (`ListKmsTags`), and pages state
//! that name in several places: the title's anchor, the API Explorer link,
//! a label in the Function section ("接口名称" followed by the name), a
//! title ending " - Name", the file name. Each is gathered with its
//! source; the strongest comes first and names the operation unless the
//! service distrusts it (a name several operations claim, see
//! `apidoc-check`).

use apidoc_ir::{NameSource, Span, StatedName};

use super::{Placed, sections::Section, types};
use crate::blocks::{Block, BlockKind};
use crate::explorer::ExplorerEntry;

/// Words labelling the interface's name in a page's text.
const NAME_LABELS: [&str; 5] = [
    "接口名称",
    "api name",
    "interface name",
    "operation name",
    "api名称",
];

/// Everything the page states about its name, strongest first; each name
/// once (at its strongest source).
pub(super) fn stated_names(
    file: &str,
    title: &(String, u32),
    title_anchor: Option<&str>,
    explorer: Option<&ExplorerEntry>,
    placed: &[Placed<'_>],
) -> Vec<StatedName> {
    let at = |line| Span::new(file, line);
    let (text, line) = title;
    let mut names: Vec<StatedName> = Vec::new();
    let mut add = |name: Option<String>, source, span: Span| {
        if let Some(name) = name.filter(|n| !names.iter().any(|s| &s.name == n)) {
            names.push(StatedName { name, source, span });
        }
    };
    add(
        title_anchor.and_then(anchor_name),
        NameSource::TitleAnchor,
        at(*line),
    );
    add(
        explorer.and_then(|e| operation_name(&e.api)),
        NameSource::ExplorerLink,
        at(*line),
    );
    if let Some((name, label_line)) = labelled_name(placed) {
        add(Some(name), NameSource::Label, at(label_line));
    }
    add(title_name(text), NameSource::Title, at(*line));
    add(file_name(file), NameSource::FileName, at(1));
    names
}

/// A name as the official SDKs write it: an identifier starting with a
/// letter, in UpperCamelCase (a lowerCamel name is capitalised).
fn operation_name(text: &str) -> Option<String> {
    let text = text.trim();
    if !types::is_model_name(text) {
        return None;
    }
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(first.to_ascii_uppercase().to_string() + chars.as_str())
}

/// A title anchor written like an operation's name: UpperCamelCase of at
/// least two words (`ListKmsTags`); titles also carry other anchors
/// (`section12`, `ZH-CN_TOPIC_01`, `Overview`).
fn anchor_name(text: &str) -> Option<String> {
    let humps = text.chars().filter(char::is_ascii_uppercase).count();
    let camel = text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && text.chars().any(|c| c.is_ascii_lowercase())
        && humps >= 2
        && text.chars().all(|c| c.is_ascii_alphanumeric());
    camel.then(|| text.to_owned())
}

/// "Title - OperationName" → the name.
pub(super) fn title_name(title: &str) -> Option<String> {
    let (_, name) = title.rsplit_once(" - ")?;
    types::is_model_name(name.trim()).then(|| name.trim().to_owned())
}

/// Files named after their operation (`CreateDatasetVersion.html`).
pub(super) fn file_name(file: &str) -> Option<String> {
    let stem = file.rsplit('/').next()?.split('.').next()?;
    (types::is_model_name(stem)
        && stem.chars().next().is_some_and(char::is_uppercase)
        && stem.chars().any(char::is_lowercase))
    .then(|| stem.to_owned())
}

/// The name a label states in the Function section or before it: a list
/// item or paragraph "接口名称" / "API name" followed by the name (in the
/// same paragraph after a colon, or as the next paragraph).
fn labelled_name(placed: &[Placed<'_>]) -> Option<(String, u32)> {
    let before_uri: Vec<&Placed<'_>> = placed
        .iter()
        .filter(|p| matches!(p.section, Section::Preamble | Section::Function))
        .collect();
    let in_items = before_uri.iter().find_map(|p| match &p.block.kind {
        BlockKind::List { items, .. } => items.iter().find_map(|item| label_in(item.iter())),
        _ => None,
    });
    in_items.or_else(|| label_in(before_uri.iter().filter(|p| !p.nested).map(|p| p.block)))
}

/// A label paragraph and its name among `blocks`.
fn label_in<'b>(blocks: impl Iterator<Item = &'b Block>) -> Option<(String, u32)> {
    let paragraphs: Vec<(&str, u32)> = blocks
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(text) => Some((text.as_str(), b.line)),
            _ => None,
        })
        .collect();
    paragraphs.iter().enumerate().find_map(|(i, (text, line))| {
        let (label, rest) = match text.split_once([':', '：']) {
            Some((label, rest)) => (label, rest.trim()),
            None => (*text, ""),
        };
        let lower = label.trim().to_lowercase();
        if !NAME_LABELS.contains(&lower.as_str()) {
            return None;
        }
        if !rest.is_empty() {
            return operation_name(rest).map(|name| (name, *line));
        }
        let (next, next_line) = paragraphs.get(i + 1)?;
        operation_name(next).map(|name| (name, *next_line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_sdks_write_them() {
        assert_eq!(
            operation_name("ListKmsTags").as_deref(),
            Some("ListKmsTags")
        );
        assert_eq!(
            operation_name("createAppsV1NamespacedDeployment").as_deref(),
            Some("CreateAppsV1NamespacedDeployment")
        );
        assert_eq!(operation_name("Delete alarm rule"), None);
        assert_eq!(anchor_name("ListKmsTags").as_deref(), Some("ListKmsTags"));
        for anchor in [
            "section12",
            "ZH-CN_TOPIC_0149256138",
            "ges_03_0103",
            "Overview",
        ] {
            assert_eq!(anchor_name(anchor), None, "{anchor}");
        }
        assert_eq!(
            title_name("设置租户服务配置 - UpdateTenantServiceConfigs").as_deref(),
            Some("UpdateTenantServiceConfigs")
        );
        assert_eq!(title_name("Starting an ECS"), None);
        assert_eq!(
            file_name("modelarts/CreateDatasetVersion.html").as_deref(),
            Some("CreateDatasetVersion")
        );
        assert_eq!(file_name("ecs/en-us_topic_0020212668.html"), None);
    }

    #[test]
    fn a_label_names_the_interface() {
        let paragraph = |text: &str, line| Block::new(BlockKind::Paragraph(text.to_owned()), line);
        let next = [paragraph("接口名称", 5), paragraph("ListJobs", 7)];
        assert_eq!(label_in(next.iter()), Some(("ListJobs".to_owned(), 7)));
        let same = [paragraph("API name: ShowJob", 4)];
        assert_eq!(label_in(same.iter()), Some(("ShowJob".to_owned(), 4)));
        let prose = [paragraph("接口说明", 5), paragraph("ListJobs", 7)];
        assert_eq!(label_in(prose.iter()), None);
    }
}
