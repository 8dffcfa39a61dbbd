//! The seed pages in docs-input/ read into the IR: one snapshot per page.

use std::path::Path;

use apidoc_parser::{Format, parse_page};

fn read_seed(service: &str, file: &str) -> apidoc_parser::Parsed {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs-input");
    let name = format!("{service}/{file}");
    let bytes = std::fs::read(docs.join(&name)).expect("seed page present");
    parse_page(&name, &bytes, Format::Text)
}

macro_rules! seed_snapshot {
    ($test:ident, $service:literal, $file:literal) => {
        #[test]
        fn $test() {
            let parsed = read_seed($service, $file);
            let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
            insta::assert_yaml_snapshot!(parsed.page.expect("an API page"));
            insta::assert_yaml_snapshot!(
                concat!(stringify!($test), "_diagnostics"),
                parsed.diagnostics
            );
        }
    };
}

seed_snapshot!(
    seed_000_user_configurations,
    "metastudio",
    "000_37ecb5e41607ce1b.txt"
);
seed_snapshot!(
    seed_001_notice_configurations,
    "metastudio",
    "001_5895c310bf871631.txt"
);
seed_snapshot!(
    seed_002_service_configs_en,
    "metastudio",
    "002_4e79ef88630fefdf.txt"
);
seed_snapshot!(
    seed_003_service_configs_zh,
    "metastudio",
    "003_b856d7b32c063b91.txt"
);
seed_snapshot!(
    seed_004_tenant_setting,
    "codearts-repo",
    "004_05b83e28723b5985.txt"
);
