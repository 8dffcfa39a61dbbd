//! The contract test of `cargo xtask test`: Prism (pinned in
//! `package.json`) mocks each generated spec on 127.0.0.1 and validates
//! every request against it; the `contract` tests of the generated crate
//! (`tests/mock_server.rs`, ignored by default) call each operation once
//! through the SDK and expect an answer that decodes. A request Prism finds
//! invalid gets a 4xx answer, so the operation's test fails.

use std::{
    net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream},
    path::Path,
    process::{Child, Command, Stdio},
    thread::sleep,
    time::{Duration, Instant},
};

/// How long Prism may take to read a spec and listen.
const STARTUP: Duration = Duration::from_secs(60);

/// The environment variable the generated contract tests read (the same
/// name as `apidoc_runtime::mock::CONTRACT_URL_VAR`).
const CONTRACT_URL_VAR: &str = "APIDOC_CONTRACT_URL";

/// Runs the contract tests of every generated crate against Prism serving
/// its spec.
pub fn run(root: &Path) -> Result<(), String> {
    let rust = root.join("generated/rust");
    let entries =
        std::fs::read_dir(&rust).map_err(|e| format!("cannot list {}: {e}", rust.display()))?;
    let mut services: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("Cargo.toml").is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    services.sort();
    for service in services {
        let spec = root
            .join("generated/openapi")
            .join(format!("{service}.yaml"));
        contract(root, &service, &spec)?;
    }
    Ok(())
}

/// Prism on a free port of 127.0.0.1 serving `spec`, then the crate's
/// contract tests against it; Prism is stopped whatever the outcome.
fn contract(root: &Path, service: &str, spec: &Path) -> Result<(), String> {
    let port = free_port()?;
    eprintln!(
        "==> contract test of {service}: Prism on 127.0.0.1:{port} mocking {}",
        spec.display()
    );
    let mut prism = Prism::start(root, spec, port)?;
    prism.wait_until_listening(port)?;
    let status = Command::new("cargo")
        .args([
            "test",
            "--quiet",
            "-p",
            &format!("{service}-sdk"),
            "--test",
            "mock_server",
        ])
        .args(["--", "--ignored", "contract::"])
        .env(CONTRACT_URL_VAR, format!("http://127.0.0.1:{port}"))
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo test: {e}"))?;
    drop(prism);
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "contract test of {service} failed: Prism rejected a request or an answer did not decode (see above)"
        ))
    }
}

/// A port nothing listens on now.
fn free_port() -> Result<u16, String> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("no free port on 127.0.0.1: {e}"))
}

/// A running Prism mock server, stopped when dropped.
struct Prism(Child);

impl Prism {
    fn start(root: &Path, spec: &Path, port: u16) -> Result<Self, String> {
        let program = root.join("node_modules/.bin/prism");
        let port = port.to_string();
        let spec = spec.to_string_lossy();
        Command::new(&program)
            .args([
                "mock",
                "--host",
                "127.0.0.1",
                "--port",
                &port,
                "--errors",
                &spec,
            ])
            .current_dir(root)
            .stdout(Stdio::null())
            .spawn()
            .map(Prism)
            .map_err(|e| format!("cannot run {}: {e} (did `npm ci` run?)", program.display()))
    }

    fn wait_until_listening(&mut self, port: u16) -> Result<(), String> {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let started = Instant::now();
        while started.elapsed() < STARTUP {
            if let Ok(Some(status)) = self.0.try_wait() {
                return Err(format!("Prism exited before listening ({status})"));
            }
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                return Ok(());
            }
            sleep(Duration::from_millis(250));
        }
        Err(format!(
            "Prism did not listen on {address} within {STARTUP:?}"
        ))
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // Only the process started above; it may have exited already.
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
