//! `cargo xtask bench-sdk`: how long a generated SDK crate takes to build,
//! next to progenitor's client of the same OpenAPI document.
//!
//! It generates one service into a scratch workspace (kept between runs so
//! that dependencies stay built): `sdk/` is the crate apidoc emits, with the
//! runtime by absolute path, and `progenitor/` holds the client progenitor
//! writes from the same `openapi/<service>.yaml` (taken from the build
//! script of `openapi-consumer-check`, pointed at that document). Both
//! crates and all dependencies are built first; then each crate's own
//! debug and release build is timed (`touch` + `cargo build -p`, without
//! incremental compilation), `--runs` times, keeping the fastest. The
//! machine's load average is printed with every figure: timings on a busy
//! machine are only comparable back to back.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, ExitCode, Stdio},
    time::{Duration, Instant},
};

/// Package name of the progenitor client in the scratch workspace.
const PROGENITOR_PACKAGE: &str = "progenitor-client-bench";

/// What to measure and where.
pub struct Options<'a> {
    /// The workspace root (for the runtime and `openapi-consumer-check`).
    pub root: &'a Path,
    /// The docs directory holding the service.
    pub docs: &'a Path,
    /// The service folder name.
    pub service: &'a str,
    /// The scratch workspace.
    pub dir: &'a Path,
    /// Timed builds per crate and profile; the fastest counts.
    pub runs: u32,
}

/// Generates, builds and times; prints a table.
pub fn run(options: &Options) -> Result<ExitCode, String> {
    let output = apidoc_pipeline::run(options.docs, &|| {})?;
    let service = output
        .services
        .iter()
        .find(|s| s.meta.name == options.service)
        .ok_or_else(|| {
            format!(
                "{}: expected a service folder `{}`, found none",
                options.docs.display(),
                options.service
            )
        })?;
    let dir = options.dir;
    let runtime = options.root.join("crates/apidoc-runtime");
    let runtime = runtime.to_str().ok_or("the workspace path is not UTF-8")?;
    write_files(
        &dir.join("sdk"),
        apidoc_rust::emit(service, runtime)
            .iter()
            .map(|(p, c)| (p.as_str(), c.as_str())),
    )?;
    let spec_dir = dir.join("openapi");
    write_files(
        &spec_dir,
        [(
            format!("{}.yaml", options.service).as_str(),
            apidoc_openapi::emit(service).as_str(),
        )],
    )?;
    let client = progenitor_client(options.root, &spec_dir, options.service)?;
    write_files(
        &dir.join("progenitor"),
        [
            ("Cargo.toml", progenitor_manifest().as_str()),
            ("src/lib.rs", client.as_str()),
        ],
    )?;
    write_workspace(options.root, dir)?;
    let sdk_package = format!("{}-sdk", options.service);
    eprintln!("building dependencies in {} ...", dir.display());
    // Each package alone, as it is timed: a workspace build unifies
    // features differently and would leave dependencies to rebuild.
    for release in [false, true] {
        for package in [sdk_package.as_str(), PROGENITOR_PACKAGE] {
            cargo_build(dir, package, release)?;
        }
    }
    println!(
        "{:<24} {:>8} {:>10} {:>10}",
        "crate", "lines", "debug", "release"
    );
    let mut rows = Vec::new();
    for (package, folder) in [(sdk_package.as_str(), "sdk"), (PROGENITOR_PACKAGE, "progenitor")] {
        let lines = count_lines(&dir.join(folder).join("src"))?;
        let debug = fastest(dir, package, folder, false, options.runs)?;
        let release = fastest(dir, package, folder, true, options.runs)?;
        println!(
            "{package:<24} {lines:>8} {:>9.1}s {:>9.1}s",
            debug.as_secs_f64(),
            release.as_secs_f64()
        );
        rows.push((debug, release));
    }
    if let [(sdk_debug, sdk_release), (prog_debug, prog_release)] = rows[..] {
        println!(
            "ratio sdk/progenitor: debug {:.2}, release {:.2}",
            sdk_debug.as_secs_f64() / prog_debug.as_secs_f64(),
            sdk_release.as_secs_f64() / prog_release.as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `files` (relative path, content) below `dir`, leaving files whose
/// content is unchanged untouched (their builds stay fresh).
fn write_files<'f>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'f str, &'f str)>,
) -> Result<(), String> {
    for (name, content) in files {
        let path = dir.join(name);
        if fs::read_to_string(&path).is_ok_and(|old| old == content) {
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The scratch workspace's manifest (the project's lints and profiles, so
/// that the generated crate builds as it does in the project) and lock file
/// (the project's, so that dependency versions match).
fn write_workspace(root: &Path, dir: &Path) -> Result<(), String> {
    let lock = fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("{}: {e}", root.join("Cargo.lock").display()))?;
    let manifest = "[workspace]\n\
                    resolver = \"3\"\n\
                    members = [\"sdk\", \"progenitor\"]\n\n\
                    [workspace.package]\n\
                    version = \"0.1.0\"\n\n\
                    [workspace.lints.rust]\n\
                    missing_docs = \"warn\"\n\n\
                    [profile.dev]\n\
                    debug = \"line-tables-only\"\n\n\
                    [profile.dev.package.\"*\"]\n\
                    debug = false\n";
    if !dir.join("Cargo.lock").exists() {
        write_files(dir, [("Cargo.lock", lock.as_str())])?;
    }
    write_files(dir, [("Cargo.toml", manifest)])
}

/// The manifest of the progenitor client: the dependencies
/// `openapi-consumer-check` gives the clients it builds.
fn progenitor_manifest() -> String {
    format!(
        "[package]\n\
         name = \"{PROGENITOR_PACKAGE}\"\n\
         version.workspace = true\n\
         edition = \"2024\"\n\
         publish = false\n\n\
         [lib]\n\
         doctest = false\n\n\
         [dependencies]\n\
         progenitor-client = \"0.15.1\"\n\
         reqwest = {{ version = \"0.13\", default-features = false, features = [\"json\", \"query\", \"stream\"] }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\n\
         serde_json = \"1\"\n"
    )
}

/// Progenitor's client of `<spec_dir>/<service>.yaml`: runs the build
/// script of `openapi-consumer-check` on that directory (`cargo check`
/// reports where it wrote the client) and reads the module it wrote.
fn progenitor_client(root: &Path, spec_dir: &Path, service: &str) -> Result<String, String> {
    eprintln!("running progenitor (openapi-consumer-check's build script) ...");
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--quiet",
            "-p",
            "openapi-consumer-check",
            "--message-format=json-render-diagnostics",
        ])
        .env("OPENAPI_CONSUMER_CHECK_SPECS", spec_dir)
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "progenitor failed on {}/{service}.yaml ({})",
            spec_dir.display(),
            output.status
        ));
    }
    let out_dir = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "build-script-executed")
        .filter(|message| {
            message["package_id"]
                .as_str()
                .is_some_and(|id| id.contains("openapi-consumer-check"))
        })
        .find_map(|message| message["out_dir"].as_str().map(PathBuf::from))
        .ok_or("cargo did not report the build script of openapi-consumer-check")?;
    let module = out_dir.join(format!("{}.rs", service.replace('-', "_")));
    let client =
        fs::read_to_string(&module).map_err(|e| format!("{}: {e}", module.display()))?;
    Ok(format!(
        "//! Progenitor's client of `{service}.yaml`, for `cargo xtask bench-sdk`.\n\
         #![allow(missing_docs, dead_code, rustdoc::bare_urls, rustdoc::invalid_html_tags, rustdoc::broken_intra_doc_links)]\n\n\
         {client}"
    ))
}

/// `cargo build -p package` in the scratch workspace.
fn cargo_build(dir: &Path, package: &str, release: bool) -> Result<(), String> {
    let mut command = Command::new(env!("CARGO"));
    command
        .arg("build")
        .arg("--quiet")
        .current_dir(dir)
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .args(["-p", package]);
    if release {
        command.arg("--release");
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo build failed in {} ({status})", dir.display()))
    }
}

/// The fastest of `runs` builds of `package` alone (its sources touched
/// first so that only it is rebuilt).
fn fastest(
    dir: &Path,
    package: &str,
    folder: &str,
    release: bool,
    runs: u32,
) -> Result<Duration, String> {
    let lib = dir.join(folder).join("src/lib.rs");
    let mut best = Duration::MAX;
    for _ in 0..runs.max(1) {
        touch(&lib)?;
        let load = load_average();
        let start = Instant::now();
        cargo_build(dir, package, release)?;
        let elapsed = start.elapsed();
        eprintln!(
            "  {package} {}: {:.1}s (load before: {load})",
            if release { "release" } else { "debug" },
            elapsed.as_secs_f64()
        );
        best = best.min(elapsed);
    }
    Ok(best)
}

/// Marks `path` as modified now.
fn touch(path: &Path) -> Result<(), String> {
    fs::File::options()
        .append(true)
        .open(path)
        .and_then(|file| file.set_modified(std::time::SystemTime::now()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The 1-minute load average (Linux), or "?" where unknown.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// Lines of the `.rs` files in `dir`.
fn count_lines(dir: &Path) -> Result<usize, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut lines = 0;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            lines += text.lines().count();
        }
    }
    Ok(lines)
}
