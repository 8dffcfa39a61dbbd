//! Runs progenitor over every generated OpenAPI document and writes one Rust
//! client per document into OUT_DIR, plus `all.rs` declaring a module for
//! each. Any document progenitor rejects fails the build, naming the file
//! and progenitor's error: that is the whole point of this crate.

use std::{
    any::Any,
    env, fs,
    panic::{self, AssertUnwindSafe},
    path::{Path, PathBuf},
    process::ExitCode,
};

/// Points the check at another directory of `*.yaml` (for example a corpus
/// run's output) instead of the workspace's `generated/openapi`.
const SPEC_DIR_VARIABLE: &str = "OPENAPI_CONSUMER_CHECK_SPECS";

fn main() -> ExitCode {
    match generate_all() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn generate_all() -> Result<(), String> {
    let spec_dir = spec_dir()?;
    let out_dir = PathBuf::from(env_var("OUT_DIR")?);
    println!("cargo:rerun-if-env-changed={SPEC_DIR_VARIABLE}");
    println!("cargo:rerun-if-changed={}", spec_dir.display());

    let specs = yaml_files(&spec_dir)?;
    if specs.is_empty() {
        return Err(format!(
            "no *.yaml in {}: nothing to check",
            spec_dir.display()
        ));
    }
    let mut modules = String::new();
    for spec in &specs {
        println!("cargo:rerun-if-changed={}", spec.display());
        let module = module_name(spec)?;
        let client = generate_client(spec)?;
        write(&out_dir.join(format!("{module}.rs")), &client)?;
        modules.push_str(&module_declaration(spec, &module));
    }
    write(&out_dir.join("all.rs"), &modules)
}

fn spec_dir() -> Result<PathBuf, String> {
    if let Ok(dir) = env::var(SPEC_DIR_VARIABLE) {
        return Ok(PathBuf::from(dir));
    }
    let manifest_dir = PathBuf::from(env_var("CARGO_MANIFEST_DIR")?);
    Ok(manifest_dir.join("../../generated/openapi"))
}

fn env_var(name: &str) -> Result<String, String> {
    env::var(name).map_err(|error| format!("{name}: {error}"))
}

/// The `*.yaml` files of `dir`, sorted so `all.rs` is the same on every run.
fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| format!("{}: {error}", dir.display()))?
            .path();
        if path
            .extension()
            .is_some_and(|extension| extension == "yaml")
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// `codearts-repo.yaml` → `codearts_repo`; refuses names that still are not
/// a Rust identifier rather than guessing one.
fn module_name(spec: &Path) -> Result<String, String> {
    let stem = spec
        .file_stem()
        .and_then(|stem| stem.to_str())
        .ok_or_else(|| format!("{}: file name is not UTF-8", spec.display()))?;
    let module = stem.replace('-', "_");
    syn::parse_str::<syn::Ident>(&module)
        .map_err(|_| format!("{}: `{module}` is not a Rust module name", spec.display()))?;
    Ok(module)
}

/// Progenitor's client for one document, formatted; every failure names the
/// document.
fn generate_client(spec: &Path) -> Result<String, String> {
    let failed = |stage: &str, error: &dyn std::fmt::Display| {
        format!("{}: {stage}: {error}", spec.display())
    };
    let text = fs::read_to_string(spec).map_err(|error| failed("read", &error))?;
    let document: openapiv3::OpenAPI = yaml_serde::from_str(&text)
        .map_err(|error| failed("not an OpenAPI 3.0 document", &error))?;
    // progenitor reports some limits by panicking; catching it lets the
    // error name the file.
    let generated = panic::catch_unwind(AssertUnwindSafe(|| {
        progenitor_impl::Generator::default().generate_tokens(&document)
    }))
    .map_err(|payload| failed("progenitor panicked", &panic_message(payload.as_ref())))?;
    let tokens = generated.map_err(|error| failed("progenitor rejected it", &error))?;
    let file: syn::File = syn::parse2(tokens)
        .map_err(|error| failed("progenitor emitted unparsable Rust", &error))?;
    Ok(prettyplease::unparse(&file))
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message; see the panic above)")
}

/// One module per document, with the allows generated code needs:
/// - `missing_docs`: enum variants have no description in OpenAPI 3.0 (ours
///   sit in `x-enum-descriptions`, which progenitor does not read);
/// - `dead_code`: typify writes its integer-default helpers in pairs
///   (`default_i64` with `default_u64`) and uses one (seen on the ECS corpus);
/// - the rustdoc lints page prose trips: progenitor copies descriptions into
///   doc comments verbatim, so a URL, a `<placeholder>` or a `[bracketed
///   term]` in a page would fail `cargo doc` with warnings denied.
fn module_declaration(spec: &Path, module: &str) -> String {
    let file_name = spec.file_name().map_or_else(
        || spec.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    format!(
        "/// Client progenitor generated from `{file_name}`.\n\
         #[allow(missing_docs, dead_code, rustdoc::bare_urls, rustdoc::invalid_html_tags, rustdoc::broken_intra_doc_links)]\n\
         pub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}\n"
    )
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    fs::write(path, contents).map_err(|error| format!("{}: {error}", path.display()))
}
