//! What the service's other examples show of a field: a fix that reshapes
//! or renames a field is not suggested where another example shows that
//! field (the same name, typed alike) as its table states it.

use std::collections::HashMap;

use apidoc_check::{check_examples, value_fits};
use apidoc_ir::{Page, Span, TypeRef, Value};

/// For each field name, and whether its table types it as a list, the
/// examples showing a value of it, and whether that value has the type's
/// JSON kind.
#[derive(Default)]
pub(super) struct Evidence {
    seen: HashMap<(String, bool), Vec<(Span, bool)>>,
}

impl Evidence {
    /// Walks every JSON example of `pages` along its documented type.
    pub fn of(pages: &[Page]) -> Self {
        let mut evidence = Self::default();
        for page in pages {
            for checked in check_examples(&page.operation, &page.models) {
                if let (Some(body), Some(schema)) = (checked.body, checked.schema) {
                    evidence.walk(page, checked.span, body, schema);
                }
            }
        }
        evidence
    }

    fn walk(&mut self, page: &Page, span: &Span, value: &Value, ty: &TypeRef) {
        match (ty, value) {
            (TypeRef::Model(name), Value::Object(members)) => {
                let Some(model) = page.models.iter().find(|m| &m.name == name) else {
                    return;
                };
                for field in &model.fields {
                    let Some(member) = members.get(&field.name).filter(|v| !v.is_null()) else {
                        continue;
                    };
                    let key = (field.name.clone(), is_list(&field.ty));
                    let fits = value_fits(&field.ty, member);
                    self.seen.entry(key).or_default().push((span.clone(), fits));
                    if fits {
                        self.walk(page, span, member, &field.ty);
                    }
                }
            }
            (TypeRef::Array(item), Value::Array(items)) => {
                items.iter().for_each(|v| self.walk(page, span, v, item));
            }
            (TypeRef::Map(inner), Value::Object(members)) => {
                members
                    .values()
                    .for_each(|v| self.walk(page, span, v, inner));
            }
            _ => {}
        }
    }

    /// An example other than `example` showing a field `name`, typed as a
    /// list where `ty` is one (or not where it is not), as its type says.
    pub fn agreeing(&self, name: &str, ty: &TypeRef, example: &Span) -> Option<&Span> {
        self.seen
            .get(&(name.to_owned(), is_list(ty)))?
            .iter()
            .find(|(span, fits)| *fits && span != example)
            .map(|(span, _)| span)
    }
}

fn is_list(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Array(_))
}
