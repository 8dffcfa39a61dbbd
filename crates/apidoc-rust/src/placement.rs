//! Where a generated crate is written decides its manifest: a member of
//! the apidoc workspace inherits from it; a crate written anywhere else is
//! a workspace of its own whose runtime path leads from its own folder to
//! this checkout's `crates/apidoc-runtime` (or names a git source).

use std::path::{Component, Path, PathBuf};

/// The output directory whose crates are members of the apidoc workspace
/// (`members = ["generated/rust/*"]`), relative to the workspace root.
pub const WORKSPACE_OUTPUT: &str = "generated";

/// The runtime path of the workspace's own crates, from
/// `generated/rust/<service>/`.
pub const WORKSPACE_RUNTIME_PATH: &str = "../../../crates/apidoc-runtime";

/// Where a generated crate finds `apidoc-runtime`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeSource {
    /// A path, relative to the crate directory (or absolute).
    Path(String),
    /// A git repository holding the runtime, at a revision when given.
    Git {
        /// The repository URL.
        url: String,
        /// A commit, tag or branch; the default branch when `None`.
        rev: Option<String>,
    },
}

/// How a generated crate's `Cargo.toml` fits where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrateOptions {
    /// The runtime dependency.
    pub runtime: RuntimeSource,
    /// True when the crate is a member of the apidoc workspace
    /// (`generated/rust/*`): it inherits version and lints from it. Else it
    /// states them itself and is a workspace of its own, so it builds
    /// wherever it is written, even below another workspace.
    pub workspace_member: bool,
}

impl CrateOptions {
    /// A member of the apidoc workspace, in `generated/rust/<service>/`.
    pub fn workspace_member() -> Self {
        Self {
            runtime: RuntimeSource::Path(WORKSPACE_RUNTIME_PATH.to_owned()),
            workspace_member: true,
        }
    }

    /// The options for crates written to `out/rust/<service>/` by the
    /// apidoc workspace at `root`: [`workspace_member`](Self::workspace_member)
    /// when `out` is `root/generated`; else crates of their own whose
    /// runtime path leads from their folder to `root/crates/apidoc-runtime`
    /// (absolute when no relative path exists, as across Windows drives).
    /// Reads the file system only to resolve symbolic links and `..`.
    pub fn for_output(root: &Path, out: &Path) -> Self {
        let (root, out) = (resolved(root), resolved(out));
        if out == root.join(WORKSPACE_OUTPUT) {
            return Self::workspace_member();
        }
        let runtime = root.join("crates").join("apidoc-runtime");
        // Every crate sits one level below `out/rust`.
        let path = relative(&out.join("rust"), &runtime)
            .map(|path| Path::new("..").join(path))
            .unwrap_or(runtime);
        Self {
            runtime: RuntimeSource::Path(path.to_string_lossy().replace('\\', "/")),
            workspace_member: false,
        }
    }
}

/// `path` made absolute with symbolic links and `..` resolved as far as it
/// exists; the part that does not exist yet is appended as given.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    else {
        return std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    };
    let base = resolved(parent);
    match path.components().next_back() {
        Some(Component::ParentDir) => base.parent().map(Path::to_path_buf).unwrap_or(base),
        Some(Component::CurDir) | None => base,
        Some(last) => base.join(last),
    }
}

/// The path from directory `from` to `to` (both resolved), or `None` when
/// they share no root.
fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    path.extend(&to[common..]);
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime_path(options: &CrateOptions) -> &str {
        match &options.runtime {
            RuntimeSource::Path(path) => path,
            RuntimeSource::Git { url, .. } => url,
        }
    }

    #[test]
    fn the_workspace_output_gives_members_with_the_fixed_runtime_path() {
        let root = std::env::temp_dir().join("apidoc-rust-root");
        let options = CrateOptions::for_output(&root, &root.join("generated"));
        assert_eq!(options, CrateOptions::workspace_member());
        let through_dot_dot =
            CrateOptions::for_output(&root, &root.join("docs-input/../generated"));
        assert!(through_dot_dot.workspace_member);
    }

    #[test]
    fn other_outputs_give_standalone_crates_with_a_path_from_their_folder() {
        let base = std::env::temp_dir().join("apidoc-rust-layout");
        let root = base.join("repo");
        let inside = CrateOptions::for_output(&root, &root.join("target/sdk"));
        assert!(!inside.workspace_member);
        assert_eq!(runtime_path(&inside), "../../../../crates/apidoc-runtime");
        let beside = CrateOptions::for_output(&root, &base.join("out"));
        assert_eq!(runtime_path(&beside), "../../../repo/crates/apidoc-runtime");
    }

    #[test]
    fn relative_paths_climb_to_the_common_ancestor() {
        let path = relative(Path::new("/a/b/c"), Path::new("/a/d"));
        assert_eq!(path, Some(PathBuf::from("../../d")));
        assert_eq!(
            relative(Path::new("/a"), Path::new("/a")),
            Some(PathBuf::new())
        );
    }
}
