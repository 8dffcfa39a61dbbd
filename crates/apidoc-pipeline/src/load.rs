//! Reading a docs directory: service folders, their `service.toml` and
//! `fixes.yaml`, pages.

use std::{
    fs,
    path::{Path, PathBuf},
};

use apidoc_ir::{Diagnostic, ServiceMeta, Span};
use apidoc_parser::Format;
use serde::Deserialize;

/// One page file, found but not read yet: pages are read while they are
/// parsed, so memory holds the pages being parsed, not the whole corpus.
#[derive(Clone, Debug)]
pub struct PageFile {
    /// Path relative to the docs directory, `/`-separated (used in spans).
    pub name: String,
    /// Its form.
    pub format: Format,
    /// Where it is.
    pub path: PathBuf,
    /// Its size in bytes when found.
    pub size: u64,
}

/// One service folder: its metadata and the pages found in it.
#[derive(Clone, Debug)]
pub struct ServiceInput {
    /// The service folder.
    pub dir: PathBuf,
    /// The metadata from `service.toml` (or defaults).
    pub meta: ServiceMeta,
    /// Pages sorted by name.
    pub pages: Vec<PageFile>,
    /// The corrections of `fixes.yaml`, if the folder has one.
    pub fixes: apidoc_fixes::Fixes,
    /// Findings about the folder itself (missing `service.toml`, a
    /// `fixes.yaml` that does not parse).
    pub diagnostics: Vec<Diagnostic>,
}

/// `service.toml` as written by hand.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    name: Option<String>,
    title: String,
    version: String,
    endpoint: String,
    description: Option<String>,
    #[serde(default)]
    endpoint_defaults: std::collections::BTreeMap<String, String>,
}

/// Reads every service folder of `docs` (sorted by name). A folder counts
/// as a service when it holds a `service.toml` or any page file.
pub fn load_docs(docs: &Path) -> Result<Vec<ServiceInput>, String> {
    let mut folders = read_dir_sorted(docs)?;
    folders.retain(|p| p.is_dir());
    let mut out = Vec::new();
    for folder in folders {
        let input = load_service(docs, &folder)?;
        if !input.pages.is_empty() || folder.join("service.toml").exists() {
            out.push(input);
        }
    }
    if out.is_empty() {
        return Err(format!(
            "{}: expected one folder per service holding pages (.txt, .html, .md) and a service.toml, found none",
            docs.display()
        ));
    }
    Ok(out)
}

fn load_service(docs: &Path, folder: &Path) -> Result<ServiceInput, String> {
    let dir_name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut pages = Vec::new();
    for path in read_dir_sorted(folder)? {
        let name = relative_name(docs, &path);
        let Some(format) = Format::from_path(&name) else {
            continue;
        };
        let metadata = fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if metadata.is_file() {
            pages.push(PageFile {
                name,
                format,
                path,
                size: metadata.len(),
            });
        }
    }
    let meta_path = folder.join("service.toml");
    let (meta, mut diagnostics) = if meta_path.exists() {
        (read_meta(&meta_path, &dir_name)?, Vec::new())
    } else {
        default_meta(&dir_name, &relative_name(docs, &meta_path))
    };
    let fixes_path = folder.join(apidoc_fixes::FILE_NAME);
    let fixes = if fixes_path.exists() {
        let text = fs::read_to_string(&fixes_path)
            .map_err(|e| format!("{}: cannot read: {e}", fixes_path.display()))?;
        let (fixes, errors) = apidoc_fixes::parse_fixes(&relative_name(docs, &fixes_path), &text);
        diagnostics.extend(errors);
        fixes
    } else {
        apidoc_fixes::Fixes::default()
    };
    Ok(ServiceInput {
        dir: folder.to_path_buf(),
        meta,
        pages,
        fixes,
        diagnostics,
    })
}

fn read_meta(path: &Path, dir_name: &str) -> Result<ServiceMeta, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let file: MetaFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(ServiceMeta {
        name: file.name.unwrap_or_else(|| dir_name.to_owned()),
        title: file.title,
        version: file.version,
        endpoint: file.endpoint,
        endpoint_defaults: file.endpoint_defaults.into_iter().collect(),
        description: file.description,
    })
}

/// Metadata for a folder without `service.toml`, with a warning saying so.
fn default_meta(dir_name: &str, meta_name: &str) -> (ServiceMeta, Vec<Diagnostic>) {
    let meta = ServiceMeta {
        name: dir_name.to_owned(),
        title: dir_name.to_owned(),
        version: "1.0.0".to_owned(),
        endpoint: "https://{endpoint}".to_owned(),
        endpoint_defaults: vec![("endpoint".to_owned(), format!("{dir_name}.example.com"))],
        description: None,
    };
    let warning = Diagnostic::warning(
        "service-meta-missing",
        format!("expected {meta_name} with the service title, API version and endpoint template, found none"),
        Span::new(meta_name, 1),
        "defaults used",
    )
    .with_help("write title = \"...\", version = \"v1\", endpoint = \"https://svc.{region}.example.com\"");
    (meta, vec![warning])
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("{}: cannot read directory: {e}", dir.display()))?;
    let mut paths = entries
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    paths.sort();
    Ok(paths)
}

fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
