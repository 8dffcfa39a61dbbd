//! List operations whose paging no rule reads.

use apidoc_ir::paging::{Reading, paging};
use apidoc_ir::{Diagnostic, Service};

/// `paging-unrecognised` (warning): a GET answering a list and taking a
/// paging-like query parameter (`limit`, `offset`, `start`, `marker`,
/// `page`…) whose paging `apidoc_ir::paging` cannot read (no cursor it
/// knows, no next marker in the answer, several arrays): its SDK method
/// gets no paginator.
pub(crate) fn paging_unrecognised(service: &Service, out: &mut Vec<Diagnostic>) {
    for operation in &service.operations {
        if let Reading::Unrecognised(parameter) = paging(service, operation) {
            out.push(
                Diagnostic::warning(
                    "paging-unrecognised",
                    format!(
                        "`{}` answers a list and takes the paging-like query parameter `{}`, \
                         but its paging is none the rules read (limit+offset, limit+marker \
                         with a next marker or item ids, page+size, a next link)",
                        operation.id, parameter.field.name
                    ),
                    parameter.field.span.clone(),
                    "paging-like parameter",
                )
                .degrading("no paginator in the SDK"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{field, model, operation, param, response, service, span};
    use apidoc_ir::{Method, ParamLocation, TypeRef};

    fn findings(cursor: &str) -> Vec<String> {
        let at = span("list.md", 1);
        let mut list = operation("ListItems", Method::Get, "/v1/items", at.clone());
        list.parameters = [cursor, "limit"]
            .iter()
            .map(|name| {
                param(
                    ParamLocation::Query,
                    name,
                    TypeRef::Integer,
                    span("list.md", 5),
                )
            })
            .collect();
        list.responses = vec![response(200, Some("Items"), at.clone())];
        let items = TypeRef::Array(Box::new(TypeRef::String));
        let body = model("Items", vec![field("items", items, at.clone())], at);
        let mut out = Vec::new();
        paging_unrecognised(&service(vec![list], vec![body]), &mut out);
        out.iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d.code,
                    d.primary.as_ref().map_or(0, |l| l.span.line)
                )
            })
            .collect()
    }

    #[test]
    fn a_list_paging_by_start_is_reported_and_one_by_offset_is_not() {
        assert_eq!(findings("start"), ["paging-unrecognised 5"]);
        assert!(findings("offset").is_empty());
    }
}
