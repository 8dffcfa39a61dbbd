//! Readable operation names where the page states none.
//!
//! An id the page states (its title's " - Name", its API Explorer link)
//! is the official name and stays. An English title reads as a name
//! ("Querying Tenant Configurations"). A Chinese title does not: its
//! ASCII fragments ("NAT" of "创建NAT网关") are no name, so such a page is
//! named from what it says it does and what its path names:
//! [`readable_id`] takes the verb from the title (创建 → `Create`,
//! 查询…列表 → `List`, 批量删除 → `BatchDelete`; without one, from the
//! method) and the resource from the path's words, singular for one item
//! (`POST /v2/{project_id}/nat_gateways` → `CreateNatGateway`,
//! `GET …/nat_gateways/{id}/dnat_rules` → `ListNatGatewayDnatRules`),
//! which is how the official SDKs name most operations.

use std::collections::BTreeMap;

use apidoc_ir::{Diagnostic, Method, NameSource, Operation, Page};
use heck::ToUpperCamelCase;

use super::ids::rename_operation;
use crate::paths::{is_version, path_words, segments};

/// Chinese verbs of API titles, longer first where one contains another.
const VERBS: &[(&str, &str)] = &[
    ("批量创建", "BatchCreate"),
    ("批量添加", "BatchAdd"),
    ("批量删除", "BatchDelete"),
    ("批量更新", "BatchUpdate"),
    ("批量修改", "BatchUpdate"),
    ("批量查询", "BatchShow"),
    ("解关联", "Disassociate"),
    ("取消关联", "Disassociate"),
    ("解绑", "Disassociate"),
    ("创建", "Create"),
    ("新建", "Create"),
    ("新增", "Create"),
    ("添加", "Add"),
    ("增加", "Add"),
    ("删除", "Delete"),
    ("移除", "Remove"),
    ("更新", "Update"),
    ("修改", "Update"),
    ("编辑", "Update"),
    ("设置", "Set"),
    ("关联", "Associate"),
    ("绑定", "Associate"),
    ("恢复", "Restore"),
    ("导入", "Import"),
    ("导出", "Export"),
    ("复制", "Copy"),
    ("注册", "Register"),
    ("上传", "Upload"),
    ("下载", "Download"),
    ("启动", "Start"),
    ("停止", "Stop"),
    ("重启", "Reboot"),
    ("取消", "Cancel"),
    ("共享", "Share"),
    ("接受", "Accept"),
    ("拒绝", "Reject"),
    ("列出", "List"),
    ("查询", "Show"),
    ("获取", "Show"),
    ("查看", "Show"),
];

/// An API Explorer link of another product than the one the service's
/// pages link (a DNS page linking a cloud phone entry: a copy-paste slip)
/// does not name the operation: the page is named by its next stated name,
/// or as if it stated none, with a warning. The service's product is the
/// one most linking pages name (case ignored); without a majority nothing
/// is distrusted.
pub(super) fn distrust_foreign_explorer_links(pages: &mut [Page], out: &mut Vec<Diagnostic>) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for product in pages
        .iter()
        .filter_map(|page| page.explorer_product.as_ref())
    {
        *counts.entry(product.to_lowercase()).or_default() += 1;
    }
    let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1));
    let service_product = match ranked.as_slice() {
        [(product, _)] => (*product).clone(),
        [(product, first), (_, second), ..] if first > second => (*product).clone(),
        _ => return,
    };
    for page in pages.iter_mut() {
        let Some(product) = page
            .explorer_product
            .take_if(|p| p.to_lowercase() != service_product)
        else {
            continue;
        };
        let Some(name) = drop_explorer_name(page) else {
            continue;
        };
        out.push(
            Diagnostic::warning(
                "explorer-product-mismatch",
                format!(
                    "the page's API Explorer link names `{name}` of product `{product}`, but the service's pages link product `{service_product}`; the name is not used"
                ),
                page.title.span.clone(),
                "this page",
            )
            .with_help("link the page's own API Explorer entry"),
        );
    }
}

/// An API Explorer name that several different operations of the service
/// claim (pages copying one link: every page of a service linking
/// `api=ListTopics`) names only the operation it belongs to: the one whose
/// pages also state it otherwise (the title's anchor), else the one whose
/// method its verb names (`UpdateX` a `PUT`, `ListX` a `GET`). The other
/// claimants, or all where none stands out, are named by their next
/// stated name or as if they stated none, with a warning. Operations are
/// the same where method and path agree but for version segments (`/v2/…`
/// and `/v3/…` of one API may share its name).
pub(super) fn distrust_shared_explorer_names(pages: &mut [Page], out: &mut Vec<Diagnostic>) {
    let claimant = |page: &Page| -> Option<Claimant> {
        let uri = page.operation.uris.first()?;
        let words = path_words(&uri.path)
            .into_iter()
            .map(str::to_owned)
            .collect();
        Some((uri.method, words))
    };
    // Every page stating a name, by any source, claims it; one stating it
    // otherwise than by its link confirms the claim.
    let mut claims: BTreeMap<String, BTreeMap<Claimant, bool>> = BTreeMap::new();
    for page in pages.iter() {
        let Some(who) = claimant(page) else {
            continue;
        };
        for stated in &page.stated_names {
            let confirmed = stated.source != NameSource::ExplorerLink;
            *claims
                .entry(stated.name.clone())
                .or_default()
                .entry(who.clone())
                .or_default() |= confirmed;
        }
    }
    let owners: BTreeMap<String, Option<Claimant>> = claims
        .into_iter()
        .filter(|(_, claimants)| claimants.len() > 1)
        .map(|(name, claimants)| {
            let owner = owner_of(&name, &claimants);
            (name, owner)
        })
        .collect();
    for page in pages.iter_mut() {
        let Some(owner) = explorer_name(page).and_then(|name| owners.get(name)) else {
            continue;
        };
        if owner.is_some() && owner.as_ref() == claimant(page).as_ref() {
            continue;
        }
        let Some(name) = drop_explorer_name(page) else {
            continue;
        };
        out.push(
            Diagnostic::warning(
                "explorer-name-shared",
                format!(
                    "the page's API Explorer link names `{name}`, which links of other operations of the service name too; the name is not used here"
                ),
                page.title.span.clone(),
                "this page",
            )
            .with_help("link the page's own API Explorer entry"),
        );
    }
}

/// An operation claiming a name: its method and its path's words but for
/// versions.
type Claimant = (Method, Vec<String>);

/// The one claimant a shared name belongs to, if one stands out: the only
/// one also stating it otherwise, else the only one whose method the
/// name's verb names.
fn owner_of(name: &str, claimants: &BTreeMap<Claimant, bool>) -> Option<Claimant> {
    let only = |keep: &dyn Fn(&Claimant, bool) -> bool| {
        let mut kept = claimants
            .iter()
            .filter(|(who, confirmed)| keep(who, **confirmed));
        match (kept.next(), kept.next()) {
            (Some((who, _)), None) => Some(who.clone()),
            _ => None,
        }
    };
    let confirmed = claimants.values().any(|c| *c);
    if confirmed {
        return only(&|_, confirmed| confirmed);
    }
    let methods = verb_methods(name);
    only(&|(method, _), _| methods.contains(method))
}

/// The methods an operation name's verb implies (`UpdateX`: PUT or
/// PATCH); none for other verbs.
fn verb_methods(name: &str) -> &'static [Method] {
    match camel_words(name).first().copied().unwrap_or_default() {
        "List" | "Show" | "Get" => &[Method::Get],
        "Create" => &[Method::Post],
        "Update" => &[Method::Put, Method::Patch],
        "Delete" | "Remove" => &[Method::Delete],
        _ => &[],
    }
}

/// The name the page's API Explorer link states, when it is one it states.
fn explorer_name(page: &Page) -> Option<&str> {
    page.stated_names
        .iter()
        .find(|stated| stated.source == NameSource::ExplorerLink)
        .map(|stated| stated.name.as_str())
}

/// Takes the API Explorer name out of the page's stated names and renames
/// the operation by what is left (see [`name_by_stated`]); the name taken,
/// if there was one.
fn drop_explorer_name(page: &mut Page) -> Option<String> {
    let at = page
        .stated_names
        .iter()
        .position(|stated| stated.source == NameSource::ExplorerLink)?;
    let dropped = page.stated_names.remove(at);
    name_by_stated(page);
    Some(dropped.name)
}

/// Names the operation by the page's strongest stated name; without one,
/// as an unnamed page: from an English title (a Chinese title's page is
/// named later, by [`name_untitled_operations`]).
fn name_by_stated(page: &mut Page) {
    match page.stated_names.first() {
        Some(stated) => {
            page.operation.id_is_explicit = true;
            let name = stated.name.clone();
            if page.operation.id != name {
                rename_operation(page, name);
            }
        }
        None => {
            page.operation.id_is_explicit = false;
            if !page.title.value.chars().any(is_cjk) {
                let id = page.title.value.to_upper_camel_case();
                rename_operation(page, id);
            }
        }
    }
}

/// Gives every page whose id comes from a Chinese title a readable id
/// ([`readable_id`]), renaming the models named after the old one.
pub(super) fn name_untitled_operations(pages: &mut [Page]) {
    for page in pages.iter_mut() {
        if page.operation.id_is_explicit || !page.title.value.chars().any(is_cjk) {
            continue;
        }
        let Some(uri) = page.operation.uris.first() else {
            continue;
        };
        let id = readable_id(&page.title.value, uri.method, &uri.path);
        rename_operation(page, id);
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// `<Verb><Resource>`: the verb from the title (else the method), the
/// resource from the path's words (see the module doc); lists and batches
/// keep the last word plural.
pub(super) fn readable_id(title: &str, method: Method, path: &str) -> String {
    let stated = title_verb(title);
    let verb = match stated.unwrap_or_else(|| method_verb(method, path)) {
        // 查询 reading a collection (`GET …/quotas`) lists it.
        "Show" if method == Method::Get && reads_a_collection(path) => "List",
        verb => verb,
    };
    let path = match stated {
        Some(_) => without_verb_segment(path),
        None => path,
    };
    let one_item = verb != "List" && !verb.starts_with("Batch");
    let resource = resource(path, one_item);
    // `BatchCreate` + `…/batch-bandwidths`: the batch is said once.
    let resource = match (verb.starts_with("Batch"), resource.strip_prefix("Batch")) {
        (true, Some(rest)) if !rest.is_empty() => rest.to_owned(),
        _ => resource,
    };
    let resource = if resource.is_empty() {
        "Root".to_owned()
    } else {
        resource
    };
    format!("{verb}{resource}")
}

/// A path ending in a plural collection word, not a placeholder.
fn reads_a_collection(path: &str) -> bool {
    segments(path)
        .last()
        .is_some_and(|last| !last.contains('{') && !is_version(last) && last.ends_with('s'))
}

/// The path without a last segment that only says "do something"
/// (`…/action`, `…/batch`) when the title says what.
fn without_verb_segment(path: &str) -> &str {
    match path.rsplit_once('/') {
        Some((rest, "action" | "actions" | "batch")) => rest,
        _ => path,
    }
}

/// The verb written first in the title; 查询 of a list (…列表) is `List`.
fn title_verb(title: &str) -> Option<&'static str> {
    let (_, verb) = VERBS
        .iter()
        .filter_map(|(word, verb)| Some((title.find(word)?, *verb)))
        .min_by_key(|(at, _)| *at)?;
    Some(if verb == "Show" && title.contains("列表") {
        "List"
    } else {
        verb
    })
}

/// The verb a method implies: reading a collection lists it.
fn method_verb(method: Method, path: &str) -> &'static str {
    match method {
        Method::Get if ends_in_placeholder(path) => "Show",
        Method::Get => "List",
        Method::Post => "Create",
        Method::Put | Method::Patch => "Update",
        Method::Delete => "Delete",
        _ => "Call",
    }
}

fn ends_in_placeholder(path: &str) -> bool {
    segments(path).last().is_some_and(|s| s.contains('{'))
}

/// The path's words without versions and placeholders, in UpperCamelCase:
/// a collection followed by a placeholder names one item (singular), and
/// so does the last word when `one_item`.
fn resource(path: &str, one_item: bool) -> String {
    let all: Vec<&str> = segments(path).collect();
    let mut out = String::new();
    for (index, segment) in all.iter().enumerate() {
        if segment.contains('{') || is_version(segment) {
            continue;
        }
        let next = all.get(index + 1);
        let item = next.map_or(one_item, |next| next.contains('{'));
        let word = segment.to_upper_camel_case();
        out.push_str(&if item { singular(&word) } else { word });
    }
    out
}

/// The singular of an English plural's last word (`Policies` → `Policy`,
/// `Gateways` → `Gateway`); other words as they are.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("ss") || word.ends_with("us") {
        return word.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

/// The id of an operation merged from several pages, when the pages state
/// ids: the one id they state, or the id more of them state than any other
/// (pages of special cases of one API: two pages naming `RunShellCommand`,
/// one `InstallApk`), with `true` (an official name); else the words all
/// stated ids share at their start and end, when that is a verb and more
/// (`CreatePublicZone`, `CreatePrivateZone` → `CreateZone`), with `false`;
/// when they share too little, the method's verb and the path's resource
/// ([`readable_id`]). Pages that state no id but were given the same one (older and
/// newer pages of one operation, named alike from their titles) keep it.
/// `None` otherwise: the pages are different operations named after their
/// titles.
pub(super) fn merged_name<'a>(
    operations: impl Iterator<Item = &'a Operation>,
) -> Option<(String, bool)> {
    let operations: Vec<&Operation> = operations.collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for op in operations.iter().filter(|op| op.id_is_explicit) {
        *counts.entry(op.id.as_str()).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    let leaders: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| **n == most)
        .map(|(id, _)| *id)
        .collect();
    if let [leader] = leaders.as_slice()
        && most > 1
    {
        return Some(((*leader).to_owned(), true));
    }
    let stated: Vec<&str> = counts.into_keys().collect();
    match stated.as_slice() {
        [] => {
            let first = operations.first()?;
            operations
                .iter()
                .all(|op| op.id == first.id)
                .then(|| (first.id.clone(), false))
        }
        [one] => Some(((*one).to_owned(), true)),
        several => match shared_words(several) {
            Some(shared) => Some((shared, false)),
            // The words they share name no operation (`KeystoneCreate`,
            // `CreateTemporaryAccessKeyBy`): the first page's name, which
            // is official, among those whose verb fits the method (not
            // `DeleteShareFiles` for a POST).
            None => {
                let fits = |op: &&&Operation| {
                    let methods = verb_methods(&op.id);
                    methods.is_empty()
                        || op.uris.first().is_some_and(|u| methods.contains(&u.method))
                };
                let stating = || operations.iter().filter(|op| op.id_is_explicit);
                stating()
                    .find(fits)
                    .or_else(|| stating().next())
                    .map(|op| (op.id.clone(), true))
            }
        },
    }
}

/// The UpperCamelCase words all ids start with, then those all end with
/// (not overlapping), when they name an operation: a verb with a word
/// after it, not ending in a preposition (`CreateZone`, not
/// `KeystoneCreate` or `CreateTemporaryAccessKeyBy`).
fn shared_words(ids: &[&str]) -> Option<String> {
    let words: Vec<Vec<&str>> = ids.iter().map(|id| camel_words(id)).collect();
    let shortest = words.iter().map(Vec::len).min()?;
    let common = |word_at: &dyn Fn(&Vec<&str>, usize) -> String| {
        (0..shortest)
            .take_while(|&at| {
                words
                    .iter()
                    .all(|w| word_at(w, at) == word_at(&words[0], at))
            })
            .count()
    };
    let head = common(&|w, at| w[at].to_owned());
    let tail = common(&|w, at| w[w.len() - 1 - at].to_owned()).min(shortest - head);
    if head == 0 || head + tail < 2 {
        return None;
    }
    let first = &words[0];
    let shared: Vec<&str> = first[..head]
        .iter()
        .chain(&first[first.len() - tail..])
        .copied()
        .collect();
    names_an_operation(&shared).then(|| shared.concat())
}

/// Words ending a name that leave it unfinished.
const PREPOSITIONS: [&str; 9] = ["By", "For", "With", "Of", "To", "From", "In", "On", "And"];

/// A verb with a word after it, the last no preposition.
fn names_an_operation(words: &[&str]) -> bool {
    let verb = words.iter().position(|w| {
        VERBS.iter().any(|(_, verb)| verb == w)
            || [
                "List", "Get", "Remove", "Run", "Push", "Reset", "Change", "Check", "Count",
            ]
            .contains(w)
    });
    verb.is_some_and(|at| at + 1 < words.len())
        && words
            .last()
            .is_some_and(|last| !PREPOSITIONS.contains(last))
}

/// `CreatePublicZone` → `["Create", "Public", "Zone"]`.
fn camel_words(id: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (at, c) in id.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&id[start..at]);
            start = at;
        }
    }
    words.push(&id[start..]);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_title_gives_verb_and_path_resource() {
        let cases = [
            (
                "创建NAT网关",
                Method::Post,
                "/v2/{project_id}/nat_gateways",
                "CreateNatGateway",
            ),
            (
                "查询NAT网关列表",
                Method::Get,
                "/v2/{project_id}/nat_gateways",
                "ListNatGateways",
            ),
            (
                "查询指定的DNAT规则详情",
                Method::Get,
                "/v2.0/dnat_rules/{dnat_rule_id}",
                "ShowDnatRule",
            ),
            (
                "删除私网DNAT规则",
                Method::Delete,
                "/v3/{project_id}/private-nat/dnat-rules/{dnat_rule_id}",
                "DeletePrivateNatDnatRule",
            ),
            (
                "批量删除镜像标签",
                Method::Post,
                "/v1/cloudimages/tags/action",
                "BatchDeleteCloudimagesTags",
            ),
            (
                "批量创建DNAT规则",
                Method::Post,
                "/v2/{project_id}/dnat_rules/batch",
                "BatchCreateDnatRules",
            ),
            (
                "查询规则",
                Method::Get,
                "/v2/{project_id}/gateways/{gateway_id}/policies",
                "ListGatewayPolicies",
            ),
            (
                "查询配额",
                Method::Get,
                "/v1/{project_id}/quotas",
                "ListQuotas",
            ),
            (
                "批量创建共享带宽",
                Method::Post,
                "/v2.0/{project_id}/batch-bandwidths",
                "BatchCreateBandwidths",
            ),
        ];
        for (title, method, path, id) in cases {
            assert_eq!(readable_id(title, method, path), id, "{title}");
        }
    }

    #[test]
    fn without_a_verb_the_method_says_what_is_done() {
        assert_eq!(
            readable_id("镜像文件", Method::Put, "/v2/images/{image_id}/file"),
            "UpdateImageFile"
        );
        assert_eq!(readable_id("API版本", Method::Get, "/"), "ListRoot");
        assert_eq!(
            readable_id("云服务器", Method::Get, "/v1/servers/{id}"),
            "ShowServer"
        );
    }

    #[test]
    fn only_pages_named_after_a_chinese_title_are_renamed() {
        use crate::testkit::{body, model, operation, page, span};
        let titled = |title: &str, id: &str, explicit: bool| {
            let mut op = operation(
                id,
                Method::Post,
                "/v2/{project_id}/nat_gateways",
                span("a", 1),
            );
            op.id_is_explicit = explicit;
            op.request_body = Some(body(id, &format!("{id}RequestBody"), span("a", 2)));
            let models = vec![model(&format!("{id}RequestBody"), vec![], span("a", 2))];
            page(apidoc_ir::Lang::Zh, title, op, models)
        };
        let mut pages = [
            titled("创建NAT网关", "NAT", false),
            titled("创建NAT网关", "CreateNatGateway", true),
            titled("Creating a NAT Gateway", "CreatingANATGateway", false),
        ];
        name_untitled_operations(&mut pages);
        let ids: Vec<&str> = pages.iter().map(|p| p.operation.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "CreateNatGateway",
                "CreateNatGateway",
                "CreatingANATGateway"
            ]
        );
        assert_eq!(pages[0].models[0].name, "CreateNatGatewayRequestBody");
    }

    #[test]
    fn a_link_to_another_product_s_entry_names_nothing() {
        use crate::testkit::{operation, page, span};
        let linked = |title: &str, id: &str, path: &str, product: &str| {
            let mut op = operation(id, Method::Get, path, span("a", 1));
            op.id_is_explicit = true;
            let mut page = page(apidoc_ir::Lang::Zh, title, op, vec![]);
            page.explorer_product = Some(product.to_owned());
            page.stated_names = vec![explorer_link(id)];
            page
        };
        let mut pages = [
            linked("查询Zone", "ShowZone", "/v2/zones/{zone_id}", "DNS"),
            linked("查询Zone列表", "ListZones", "/v2/zones", "dns"),
            linked("查询版本列表", "ListPhones", "/", "CPH"),
            linked("Listing Records", "ListRecords", "/v2/records", "PHONE"),
        ];
        let mut out = Vec::new();
        distrust_foreign_explorer_links(&mut pages, &mut out);
        name_untitled_operations(&mut pages);
        let ids: Vec<&str> = pages.iter().map(|p| p.operation.id.as_str()).collect();
        assert_eq!(ids, ["ShowZone", "ListZones", "ListRoot", "ListingRecords"]);
        assert_eq!(
            crate::testkit::codes(&out),
            ["explorer-product-mismatch"; 2]
        );
    }

    #[test]
    fn stated_ids_of_pages_merged_give_its_name() {
        let op = |id: &str, explicit: bool| {
            let mut op = crate::testkit::operation(
                id,
                Method::Post,
                "/v2/zones",
                crate::testkit::span("a", 1),
            );
            op.id_is_explicit = explicit;
            op
        };
        let name = |ops: &[Operation]| merged_name(ops.iter());
        let one = [op("CreateNatGateway", true), op("CreateNatGateway", false)];
        assert_eq!(name(&one), Some(("CreateNatGateway".to_owned(), true)));
        let most = [
            op("RunShellCommand", true),
            op("InstallApk", true),
            op("RunShellCommand", true),
        ];
        assert_eq!(name(&most), Some(("RunShellCommand".to_owned(), true)));
        let zones = [op("CreatePublicZone", true), op("CreatePrivateZone", true)];
        assert_eq!(name(&zones), Some(("CreateZone".to_owned(), false)));
        let unrelated = [op("UpdatePtrRecord", true), op("CreateEipRecordSet", true)];
        assert_eq!(
            name(&unrelated),
            Some(("CreateEipRecordSet".to_owned(), true)),
            "the names share no words: the first whose verb fits POST"
        );
        let fragment = [
            op("CreateTemporaryAccessKeyByAgency", true),
            op("CreateTemporaryAccessKeyByToken", true),
        ];
        assert_eq!(
            name(&fragment),
            Some(("CreateTemporaryAccessKeyByAgency".to_owned(), true)),
            "`CreateTemporaryAccessKeyBy` is no name"
        );
        assert_eq!(
            name(&[op("StartServer", false), op("StopServer", false)]),
            None
        );
    }

    #[test]
    fn the_first_verb_of_the_title_wins_and_longer_verbs_before_shorter() {
        assert_eq!(title_verb("内网Zone解关联VPC"), Some("Disassociate"));
        assert_eq!(title_verb("创建并查询"), Some("Create"));
        assert_eq!(title_verb("批量创建标签"), Some("BatchCreate"));
    }

    fn explorer_link(name: &str) -> apidoc_ir::StatedName {
        apidoc_ir::StatedName {
            name: name.to_owned(),
            source: NameSource::ExplorerLink,
            span: crate::testkit::span("a", 1),
        }
    }

    #[test]
    fn an_explorer_name_several_operations_claim_names_only_its_owner() {
        use crate::testkit::{operation, page, span};
        let linked = |title: &str, method, path: &str, also: Option<apidoc_ir::StatedName>| {
            let mut op = operation("ListTopics", method, path, span("a", 1));
            op.id_is_explicit = true;
            let mut page = page(apidoc_ir::Lang::Zh, title, op, vec![]);
            page.stated_names = std::iter::once(explorer_link("ListTopics"))
                .chain(also)
                .collect();
            page
        };
        let anchor = apidoc_ir::StatedName {
            name: "DeleteTopic".to_owned(),
            source: NameSource::TitleAnchor,
            span: span("a", 1),
        };
        let mut pages = [
            linked(
                "查询主题列表",
                Method::Get,
                "/v2/{project_id}/notifications/topics",
                None,
            ),
            linked(
                "删除主题",
                Method::Delete,
                "/v2/{project_id}/notifications/topics/{topic_urn}",
                Some(anchor),
            ),
        ];
        let mut out = Vec::new();
        distrust_shared_explorer_names(&mut pages, &mut out);
        name_untitled_operations(&mut pages);
        let ids: Vec<&str> = pages.iter().map(|p| p.operation.id.as_str()).collect();
        assert_eq!(ids, ["ListTopics", "DeleteTopic"], "`List` names the GET");
        assert_eq!(crate::testkit::codes(&out), ["explorer-name-shared"]);

        // Two reads of different things: no claimant stands out.
        let mut alike = [
            linked("查询主题列表", Method::Get, "/v2/{project_id}/topics", None),
            linked(
                "查询订阅列表",
                Method::Get,
                "/v2/{project_id}/subscriptions",
                None,
            ),
        ];
        let mut out = Vec::new();
        distrust_shared_explorer_names(&mut alike, &mut out);
        name_untitled_operations(&mut alike);
        let ids: Vec<&str> = alike.iter().map(|p| p.operation.id.as_str()).collect();
        assert_eq!(ids, ["ListTopics", "ListSubscriptions"]);
        assert_eq!(crate::testkit::codes(&out), ["explorer-name-shared"; 2]);

        // Versions of one API share its name.
        let mut versions = [
            linked("查询主题列表", Method::Get, "/v2/{project_id}/topics", None),
            linked("查询主题列表", Method::Get, "/v3/{project_id}/topics", None),
        ];
        let mut out = Vec::new();
        distrust_shared_explorer_names(&mut versions, &mut out);
        assert!(out.is_empty());
        assert!(versions.iter().all(|p| p.operation.id == "ListTopics"));
    }
}
