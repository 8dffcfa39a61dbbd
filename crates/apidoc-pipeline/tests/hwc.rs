//! The shared Chinese Help Center corpus (`../../../shared/corpus/hwc`),
//! when present: every service is written whatever odd page it holds, and
//! operations are named as their API Explorer links name them.

use std::path::Path;

#[test]
fn every_service_is_written_with_the_names_its_pages_state() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/hwc");
    if !docs.is_dir() {
        eprintln!("skipped: {} is absent", docs.display());
        return;
    }
    let output = apidoc_pipeline::run(&docs, &|| {}).expect("the corpus loads");
    for service in ["nat", "ims", "dns"] {
        let spec = output
            .files
            .get(&format!("openapi/{service}.yaml"))
            .unwrap_or_else(|| panic!("{service} is written"));
        let stated = std::fs::read_dir(docs.join(service))
            .expect("service folder")
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
            .filter_map(|page| apidoc_parser::explorer::explorer_entry(&page))
            .filter(|entry| {
                entry
                    .product
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(service))
            })
            .map(|entry| entry.api);
        // Pages that share a method and path with a page of another
        // official name are one operation: their names name its body
        // variants, or it is named by the words their names share
        // (`ShowPublicZone`, `ShowPrivateZone` → `ShowZone`).
        let ids: Vec<&str> = spec
            .lines()
            .filter_map(|line| line.trim().strip_prefix("operationId: "))
            .collect();
        let shared_by = |api: &str| {
            ids.iter().any(|id| {
                let verb_end = id[1..]
                    .find(char::is_uppercase)
                    .map_or(id.len(), |at| at + 1);
                let (verb, rest) = id.split_at(verb_end);
                id.len() < api.len() && api.starts_with(verb) && api.ends_with(rest)
            })
        };
        let missing: Vec<String> = stated
            .filter(|api| {
                !ids.contains(&api.as_str())
                    && !spec.contains(&format!("- name: {api}\n"))
                    && !shared_by(api)
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{service}: official names not used: {missing:?}"
        );
    }
    assert!(
        output.left_out.is_empty(),
        "pages left out: {:#?}",
        output.left_out
    );
}
