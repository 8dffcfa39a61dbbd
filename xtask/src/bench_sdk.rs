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
//! incremental compilation), `--runs` times, keeping the fastest.
//!
//! Both clients leave the code of an operation's encoding and decoding to
//! the crate that calls it (progenitor through its `async fn`s, apidoc's
//! SDK through `#[inline]`), so a client crate alone does not show what a
//! user pays. Two more crates do: `sdk-user/` and `progenitor-user/` call
//! every operation of their client, each call boxed behind a function of
//! its own; they are timed the same way, with their client prebuilt. Each
//! build is measured twice: wall-clock time, and the CPU time (user +
//! system) of cargo and the compilers it waited for. On a busy machine the
//! wall time stretches with the load while the CPU time barely moves, so
//! the CPU figures are the ones to compare across runs; the machine's load
//! average is printed with every figure.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, ExitCode, Stdio},
    time::{Duration, Instant},
};

/// Package name of the progenitor client in the scratch workspace.
const PROGENITOR_PACKAGE: &str = "progenitor-client-bench";

/// Package name of the crate calling every operation of the SDK.
const SDK_USER_PACKAGE: &str = "sdk-user-bench";

/// Package name of the crate calling every operation of progenitor's client.
const PROGENITOR_USER_PACKAGE: &str = "progenitor-user-bench";

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
    let sdk = apidoc_rust::emit(service, runtime);
    write_files(
        &dir.join("sdk"),
        sdk.iter().map(|(p, c)| (p.as_str(), c.as_str())),
    )?;
    let sdk_package = format!("{}-sdk", options.service);
    let sdk_client = sdk
        .iter()
        .find(|(path, _)| *path == "src/client.rs")
        .map(|(_, content)| content.as_str())
        .ok_or("the SDK has no src/client.rs")?;
    write_user(
        dir,
        "sdk-user",
        SDK_USER_PACKAGE,
        &sdk_package,
        "sdk",
        &sdk_calls(sdk_client, &sdk_package)?,
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
    write_user(
        dir,
        "progenitor-user",
        PROGENITOR_USER_PACKAGE,
        PROGENITOR_PACKAGE,
        "progenitor",
        &progenitor_calls(&client)?,
    )?;
    write_workspace(options.root, dir)?;
    eprintln!("building dependencies in {} ...", dir.display());
    // Each package alone, as it is timed: a workspace build unifies
    // features differently and would leave dependencies to rebuild.
    for release in [false, true] {
        for package in [SDK_USER_PACKAGE, PROGENITOR_USER_PACKAGE] {
            cargo_build(dir, package, release)?;
        }
    }
    println!(
        "{:<24} {:>8} {:>17} {:>17}",
        "crate", "lines", "debug wall/cpu", "release wall/cpu"
    );
    let mut rows = Vec::new();
    for (package, folder) in [
        (sdk_package.as_str(), "sdk"),
        (PROGENITOR_PACKAGE, "progenitor"),
        (SDK_USER_PACKAGE, "sdk-user"),
        (PROGENITOR_USER_PACKAGE, "progenitor-user"),
    ] {
        let lines = count_lines(&dir.join(folder).join("src"))?;
        let debug = fastest(dir, package, folder, false, options.runs)?;
        let release = fastest(dir, package, folder, true, options.runs)?;
        println!("{package:<24} {lines:>8} {debug:>17} {release:>17}");
        rows.push((debug, release));
    }
    for (label, sdk, progenitor) in [("client", 0, 1), ("every operation called", 2, 3)] {
        let ((sdk_debug, sdk_release), (prog_debug, prog_release)) = (rows[sdk], rows[progenitor]);
        println!(
            "ratio sdk/progenitor, {label}: debug {}, release {} (wall/cpu)",
            sdk_debug.ratio(prog_debug),
            sdk_release.ratio(prog_release)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `files` (relative path, content) below `dir`, leaving files whose
/// content is unchanged untouched (their builds stay fresh).
pub(crate) fn write_files<'f>(
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
                    members = [\"sdk\", \"progenitor\", \"sdk-user\", \"progenitor-user\"]\n\n\
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

/// The manifest of a library crate of the scratch workspace (no doctests)
/// with `dependencies`, the lines of its `[dependencies]` table.
fn library_manifest(package: &str, dependencies: &str) -> String {
    format!(
        "[package]\n\
         name = \"{package}\"\n\
         version.workspace = true\n\
         edition = \"2024\"\n\
         publish = false\n\n\
         [lib]\n\
         doctest = false\n\n\
         [dependencies]\n\
         {dependencies}"
    )
}

/// The manifest of the progenitor client: the dependencies
/// `openapi-consumer-check` gives the clients it builds.
fn progenitor_manifest() -> String {
    library_manifest(
        PROGENITOR_PACKAGE,
        "progenitor-client = \"0.15.1\"\n\
         reqwest = { version = \"0.13\", default-features = false, features = [\"json\", \"query\", \"stream\"] }\n\
         serde = { version = \"1\", features = [\"derive\"] }\n\
         serde_json = \"1\"\n",
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
    let client = fs::read_to_string(&module).map_err(|e| format!("{}: {e}", module.display()))?;
    Ok(format!(
        "//! Progenitor's client of `{service}.yaml`, for `cargo xtask bench-sdk`.\n\
         #![allow(missing_docs, dead_code, rustdoc::bare_urls, rustdoc::invalid_html_tags, rustdoc::broken_intra_doc_links)]\n\n\
         {client}"
    ))
}

/// Writes the crate `folder` (package `package`) calling every operation of
/// the client `client` (the package in `client_folder`); `calls` is its
/// `src/lib.rs`.
fn write_user(
    dir: &Path,
    folder: &str,
    package: &str,
    client: &str,
    client_folder: &str,
    calls: &str,
) -> Result<(), String> {
    let manifest = library_manifest(
        package,
        &format!("{client} = {{ path = \"../{client_folder}\" }}\n"),
    );
    write_files(
        &dir.join(folder),
        [("Cargo.toml", manifest.as_str()), ("src/lib.rs", calls)],
    )
}

/// `src/lib.rs` of a crate calling every operation: one public function
/// per call, returning the boxed call (so that each is compiled).
fn calls_crate(client: &str, calls: &[String]) -> Result<String, String> {
    if calls.is_empty() {
        return Err(format!(
            "expected operation methods (`pub async fn`) in the {client} client, found none"
        ));
    }
    Ok(format!(
        "//! Every operation of the {client} client called once, for `cargo xtask bench-sdk`.\n\
         #![allow(missing_docs)]\n\n\
         type Call<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + 'a>>;\n\n\
         {}\n",
        calls.join("\n")
    ))
}

/// The calls of every operation of the generated SDK, read from its
/// `src/client.rs`: `pub async fn name(&self, request: crate::operations::T)`.
fn sdk_calls(client_rs: &str, package: &str) -> Result<String, String> {
    let krate = package.replace('-', "_");
    let client = regex::Regex::new(r"pub struct (\w+Client)\s*\{")
        .expect("valid pattern")
        .captures(client_rs)
        .map(|c| c[1].to_owned())
        .ok_or("the SDK's src/client.rs declares no `pub struct ...Client`")?;
    let method =
        regex::Regex::new(r"pub async fn (\w+)\(\s*&self,\s*request: crate::operations::(\w+),")
            .expect("valid pattern");
    let calls: Vec<String> = method
        .captures_iter(client_rs)
        .map(|c| {
            format!(
                "pub fn call_{name}(client: &{krate}::{client}, request: {krate}::operations::{request}) -> Call<'_> {{\n    Box::pin(async move {{ let _ = client.{name}(request).await; }})\n}}",
                name = &c[1],
                request = &c[2],
            )
        })
        .collect();
    calls_crate("SDK", &calls)
}

/// The calls of every operation of progenitor's client, read from its
/// source: `pub async fn name<'a>(&'a self, arguments) -> Result<`.
fn progenitor_calls(client_rs: &str) -> Result<String, String> {
    let krate = PROGENITOR_PACKAGE.replace('-', "_");
    let method = regex::Regex::new(r"(?s)pub async fn (\w+)<'a>\(\s*&'a self,(.*?)\) -> Result<")
        .expect("valid pattern");
    let calls: Vec<String> = method
        .captures_iter(client_rs)
        .map(|c| {
            let parameters = top_level_items(&c[2]);
            let names: Vec<&str> = parameters
                .iter()
                .map(|p| p.split(':').next().unwrap_or_default().trim())
                .collect();
            format!(
                "pub fn call_{name}<'a>(client: &'a {krate}::Client, {parameters}) -> Call<'a> {{\n    Box::pin(async move {{ let _ = client.{name}({names}).await; }})\n}}",
                name = &c[1],
                parameters = parameters
                    .join(", ")
                    .replace("types::", &format!("{krate}::types::")),
                names = names.join(", "),
            )
        })
        .collect();
    calls_crate("progenitor", &calls)
}

/// The comma-separated items of `list` outside `<...>`, trimmed, without
/// empty ones.
fn top_level_items(list: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in list.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(list[start..].trim());
    items.retain(|item| !item.is_empty());
    items
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
        Err(format!(
            "cargo build failed in {} ({status})",
            dir.display()
        ))
    }
}

/// How long one build took.
#[derive(Clone, Copy)]
struct Timing {
    /// Wall-clock time.
    wall: Duration,
    /// User + system CPU time of the processes the build waited for.
    cpu: Duration,
}

impl Timing {
    /// "wall/cpu" of `self` over `other`, to two places.
    fn ratio(self, other: Timing) -> String {
        format!(
            "{:.2}/{:.2}",
            self.wall.as_secs_f64() / other.wall.as_secs_f64(),
            self.cpu.as_secs_f64() / other.cpu.as_secs_f64()
        )
    }
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = format!(
            "{:.1}s/{:.1}s",
            self.wall.as_secs_f64(),
            self.cpu.as_secs_f64()
        );
        f.pad(&text)
    }
}

/// The build of least CPU time among `runs` builds of `package` alone (its
/// sources touched first so that only it is rebuilt).
fn fastest(
    dir: &Path,
    package: &str,
    folder: &str,
    release: bool,
    runs: u32,
) -> Result<Timing, String> {
    let lib = dir.join(folder).join("src/lib.rs");
    let mut best: Option<Timing> = None;
    for _ in 0..runs.max(1) {
        touch(&lib)?;
        let load = load_average();
        let cpu_before = children_cpu()?;
        let start = Instant::now();
        cargo_build(dir, package, release)?;
        let timing = Timing {
            wall: start.elapsed(),
            cpu: children_cpu()?.saturating_sub(cpu_before),
        };
        eprintln!(
            "  {package} {}: {timing} wall/cpu (load before: {load})",
            if release { "release" } else { "debug" },
        );
        best = Some(match best {
            Some(best) if best.cpu <= timing.cpu => best,
            _ => timing,
        });
    }
    best.ok_or_else(|| "no build was timed".to_owned())
}

/// User + system CPU time of every child process waited for so far (cargo,
/// and through it rustc and build scripts).
fn children_cpu() -> Result<Duration, String> {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|e| format!("getrusage: {e}"))?;
    let micros = |t: nix::sys::time::TimeVal| {
        Duration::from_secs(t.tv_sec().max(0) as u64)
            + Duration::from_micros(t.tv_usec().max(0) as u64)
    };
    Ok(micros(usage.user_time()) + micros(usage.system_time()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_split_outside_angle_brackets() {
        assert_eq!(
            top_level_items(" id: &'a str, map: Option<Map<K, V>>, "),
            ["id: &'a str", "map: Option<Map<K, V>>"]
        );
        assert!(top_level_items("\n    ").is_empty());
    }

    #[test]
    fn every_sdk_operation_is_called() {
        let client = "pub struct DemoClient {\n}\n\
                      pub async fn list_things(\n        &self,\n        request: crate::operations::ListThingsRequest,\n    ) -> Result<";
        let calls = sdk_calls(client, "demo-sdk").expect("one operation");
        assert!(
            calls.contains(
                "pub fn call_list_things(client: &demo_sdk::DemoClient, request: demo_sdk::operations::ListThingsRequest)"
            ),
            "{calls}"
        );
        assert!(sdk_calls("pub struct DemoClient {}", "demo-sdk").is_err());
    }

    #[test]
    fn every_progenitor_operation_is_called_with_its_arguments() {
        let client = "pub async fn get_thing<'a>(\n        &'a self,\n        id: &'a str,\n        body: &'a types::Thing,\n    ) -> Result<ResponseValue<()>, Error<()>> {";
        let calls = progenitor_calls(client).expect("one operation");
        assert!(
            calls.contains("body: &'a progenitor_client_bench::types::Thing) -> Call<'a>"),
            "{calls}"
        );
        assert!(
            calls.contains("client.get_thing(id, body).await"),
            "{calls}"
        );
    }
}
