//! The compact IR snapshot written to `generated/ir/<service>.json`.
//!
//! `cargo xtask generate` replaces `generated/`; to say what a run changed
//! it needs the API as the previous run read it. The pages of that run are
//! gone (they were edited), and reading the previous OpenAPI back would
//! lose the page lines and redo the emitter's mapping in reverse. So each
//! run keeps what the diff reads: the IR without prose and examples, page
//! lines included. It is generated like every other file, so it is
//! deterministic and `cargo xtask check` keeps it honest.

use apidoc_ir::{Field, Model, Operation, Service, Text};

/// The snapshot of a service: its IR without descriptions, titles and
/// examples, as pretty-printed JSON (one fact per line, for readable
/// diffs in review).
pub fn write(service: &Service) -> String {
    let mut text = serde_json::to_string_pretty(&compact(service)).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a snapshot written by [`write()`].
pub fn read(text: &str) -> Result<Service, String> {
    serde_json::from_str(text)
        .map_err(|e| format!("expected an IR snapshot, found invalid JSON: {e}"))
}

/// The service with only what the diff compares.
fn compact(service: &Service) -> Service {
    let mut service = service.clone();
    service.meta.description = None;
    for op in &mut service.operations {
        compact_operation(op);
    }
    for model in &mut service.models {
        compact_model(model);
    }
    service
}

fn compact_operation(op: &mut Operation) {
    op.summary = Text::default();
    op.description = Text::default();
    op.request_examples.clear();
    op.status_codes.clear();
    for p in &mut op.parameters {
        compact_field(&mut p.field);
    }
    if let Some(body) = &mut op.request_body {
        for v in &mut body.variants {
            v.summary = Text::default();
        }
    }
    for r in &mut op.responses {
        r.description = Text::default();
        r.examples.clear();
        r.headers.iter_mut().for_each(compact_field);
    }
}

fn compact_model(model: &mut Model) {
    model.description = Text::default();
    model.fields.iter_mut().for_each(compact_field);
}

fn compact_field(field: &mut Field) {
    field.description = Text::default();
    for value in &mut field.constraints.enum_values {
        value.description = Text::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apidoc_ir::ServiceMeta;

    #[test]
    fn a_snapshot_reads_back_as_the_compact_service() {
        let service = Service {
            meta: ServiceMeta {
                name: "demo".into(),
                title: "Demo".into(),
                version: "v1".into(),
                endpoint: "https://demo.example.com".into(),
                endpoint_defaults: Vec::new(),
                description: Some("prose".into()),
            },
            operations: Vec::new(),
            models: Vec::new(),
        };
        let back = read(&write(&service)).expect("valid snapshot");
        assert_eq!(back.meta.name, "demo");
        assert_eq!(back.meta.description, None);
        assert!(read("{").is_err());
    }
}
