//! Turning syntax trees (and the few token streams left) into formatted
//! files, and the files that are not Rust items (`Cargo.toml`, `src/lib.rs`).

use crate::docs::{self, Doc, code, escape_line};
use crate::example::example;
use crate::plan::Plan;
use crate::{CrateOptions, RuntimeSource};
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::{format_ident, quote};

/// A generated file in the making: items come as token streams, which syn
/// parses, or as syntax trees ([`crate::syntax`]), and are formatted with
/// prettyplease a few at a time as they come ([`ITEMS_PER_CHUNK`]), so
/// that a file's tokens and trees never exist whole (prettyplease prints a
/// file item by item, so the pieces join into the same text). Generated
/// tokens always parse; should a bug break that, the file is a
/// `compile_error!` with syn's reason, so that the generated crate fails to
/// build with the reason in view.
pub(crate) struct Items {
    /// Items not formatted yet, after the file's inner attributes.
    pending: syn::File,
    code: String,
    /// The `compile_error!` standing for the file, once tokens fail to parse.
    error: Option<String>,
}

impl Items {
    /// A file starting with inner attributes (its `//!` documentation).
    pub(crate) fn with_inner_attrs(inner: Vec<syn::Attribute>) -> Self {
        Self {
            pending: syn::File {
                shebang: None,
                frontmatter: None,
                attrs: inner,
                items: Vec::new(),
            },
            code: String::new(),
            error: None,
        }
    }

    /// Appends items as tokens.
    pub(crate) fn tokens(&mut self, tokens: TokenStream) {
        for chunk in item_chunks(tokens) {
            match syn::parse2::<syn::File>(chunk) {
                Ok(parsed) => {
                    self.pending.attrs.extend(parsed.attrs);
                    self.trees(parsed.items);
                }
                Err(error) => {
                    let reason = format!("apidoc-rust produced code that does not parse: {error}");
                    self.error
                        .get_or_insert(format!("compile_error!({reason:?});\n"));
                }
            }
        }
    }

    /// Appends syntax trees.
    pub(crate) fn trees(&mut self, items: impl IntoIterator<Item = syn::Item>) {
        for item in items {
            self.pending.items.push(item);
            if self.pending.items.len() >= ITEMS_PER_CHUNK {
                self.print();
            }
        }
    }

    fn print(&mut self) {
        if self.error.is_none() {
            self.code.push_str(&prettyplease::unparse(&self.pending));
        }
        self.pending.attrs.clear();
        self.pending.items.clear();
    }

    /// The formatted file, after `prefix`.
    fn finish(mut self, prefix: &str) -> String {
        self.print();
        match self.error {
            Some(error) => format!("{prefix}{error}"),
            None => separate_items(prefix, &self.code),
        }
    }
}

impl Default for Items {
    fn default() -> Self {
        Self::with_inner_attrs(Vec::new())
    }
}

impl From<TokenStream> for Items {
    fn from(tokens: TokenStream) -> Self {
        let mut items = Self::default();
        items.tokens(tokens);
        items
    }
}

/// The formatted text of `items`.
pub(crate) fn format_items(items: impl Into<Items>) -> String {
    items.into().finish("")
}

/// How many items [`format_items`] formats at a time.
const ITEMS_PER_CHUNK: usize = 8;

/// `tokens` cut after every [`ITEMS_PER_CHUNK`]th item. An item ends with
/// a `;` or a `{ ... }` of its own (not one a `;` follows, as in `use
/// a::{b, c};`); the file's inner attributes stay with its first item.
fn item_chunks(tokens: TokenStream) -> Vec<TokenStream> {
    let mut chunks = Vec::new();
    let mut chunk = TokenStream::new();
    let mut items = 0;
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        let ends_item = match &tree {
            TokenTree::Punct(punct) => punct.as_char() == ';',
            TokenTree::Group(group) => {
                group.delimiter() == Delimiter::Brace
                    && !matches!(trees.peek(), Some(TokenTree::Punct(next)) if next.as_char() == ';')
            }
            _ => false,
        };
        chunk.extend([tree]);
        if ends_item {
            items += 1;
            if items == ITEMS_PER_CHUNK {
                chunks.push(std::mem::take(&mut chunk));
                items = 0;
            }
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// Puts a blank line between items, which prettyplease does not: before a
/// doc comment, attribute, `impl` (generic or not) or `mod` that follows
/// the end of an item, and after the module documentation. Doc comments set aside
/// ([`docs::set_aside_while`]) get their lines back here.
fn separate_items(prefix: &str, code: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + code.len() + code.len() / 2);
    out.push_str(prefix);
    let mut previous: Option<LineEnd> = None;
    let mut push = |line: &str| {
        let current = line.trim_start();
        if let Some(previous) = previous {
            let starts_item = ["///", "#[", "impl ", "impl<", "mod "]
                .iter()
                .any(|start| current.starts_with(start));
            let ends_module_doc = previous.module_doc && !current.starts_with("//!");
            if (starts_item && previous.ends_item) || ends_module_doc {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(LineEnd::of(line));
    };
    for line in code.lines() {
        if !docs::expand_placeholder(line, &mut push) {
            push(line);
        }
    }
    out
}

/// What [`separate_items`] needs to know of the line before.
#[derive(Clone, Copy)]
struct LineEnd {
    /// The line ends an item: code ending in `}` or `;`.
    ends_item: bool,
    /// The line is module documentation (`//!`).
    module_doc: bool,
}

impl LineEnd {
    fn of(line: &str) -> Self {
        let line = line.trim();
        Self {
            ends_item: !line.starts_with("//") && (line.ends_with('}') || line.ends_with(';')),
            module_doc: line.starts_with("//!"),
        }
    }
}

/// The first line of every generated file, after the comment marker.
pub(crate) fn generated_notice(plan: &Plan) -> String {
    format!(
        "@generated by apidoc from docs-input/{}/; do not edit.",
        plan.service.meta.name
    )
}

/// A Rust source file: the notice, an attribute that keeps rustfmt out,
/// then the formatted items, built with their doc comments set aside.
/// Generated crates are members of the workspace they are written to, so
/// `cargo fmt --all` there would otherwise reformat them, and the next
/// `cargo xtask check` find them stale; the attribute only exists for
/// rustfmt (no compiler sets the `rustfmt` cfg).
pub(crate) fn rust_file(plan: &Plan, items: fn(&Plan) -> Items) -> String {
    let header = format!(
        "// {}\n#![cfg_attr(rustfmt, rustfmt::skip)]\n\n",
        generated_notice(plan)
    );
    docs::set_aside_while(|| items(plan).finish(&header))
}

/// `Cargo.toml` of the generated crate: inheriting version and lints from
/// the apidoc workspace when it is a member, else stating them and being a
/// workspace of its own (so an enclosing workspace does not claim it).
pub(crate) fn cargo_toml(plan: &Plan, options: &CrateOptions) -> String {
    let meta = &plan.service.meta;
    let package = toml_string(&format!("{}-sdk", meta.name));
    let description = toml_string(&format!(
        "{} API client ({}), generated from its API reference.",
        meta.title, meta.version
    ));
    let (version, lints, workspace) = if options.workspace_member {
        (
            "version.workspace = true".to_owned(),
            "[lints]\nworkspace = true\n",
            "",
        )
    } else {
        (
            format!("version = {}", toml_string(env!("CARGO_PKG_VERSION"))),
            STANDALONE_LINTS,
            "\n# A workspace of its own: builds wherever it is written.\n[workspace]\n",
        )
    };
    let runtime = runtime_source(&options.runtime);
    format!(
        "# {notice}\n\n\
         [package]\n\
         name = {package}\n\
         description = {description}\n\
         {version}\n\
         edition = \"2024\"\n\
         publish = false\n\n\
         [dependencies]\n\
         apidoc-runtime = {{ {runtime} }}\n\
         serde = {{ version = \"1.0.181\", features = [\"derive\"] }}\n\
         serde_json = \"1\"\n\n\
         [features]\n\
         # `mock`: typed mocks of the operations for the tests of code using this crate.\n\
         mock = [\"apidoc-runtime/mock\"]\n\n\
         [dev-dependencies]\n\
         apidoc-runtime = {{ {runtime}, features = [\"mock\"] }}\n\
         # The crate itself with `mock`, for its tests and doc examples of the mocks.\n\
         {package} = {{ path = \".\", features = [\"mock\"] }}\n\
         tokio = {{ version = \"1\", default-features = false, features = [\"macros\", \"rt\"] }}\n\n\
         {lints}{workspace}",
        notice = generated_notice(plan),
    )
}

/// The lints the apidoc workspace sets, for crates outside it.
const STANDALONE_LINTS: &str = "[lints.rust]\n\
    missing_docs = \"warn\"\n\
    unsafe_code = \"forbid\"\n\n\
    [lints.clippy]\n\
    all = { level = \"warn\", priority = -1 }\n";

/// The keys locating the runtime inside its dependency table.
fn runtime_source(source: &RuntimeSource) -> String {
    match source {
        RuntimeSource::Path(path) => format!("path = {}", toml_string(path)),
        RuntimeSource::Git { url, rev: None } => format!("git = {}", toml_string(url)),
        RuntimeSource::Git {
            url,
            rev: Some(rev),
        } => format!("git = {}, rev = {}", toml_string(url), toml_string(rev)),
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The items of `src/lib.rs`: the crate documentation with an example,
/// the modules, and the re-exports users need.
pub(crate) fn lib_items(plan: &Plan) -> Items {
    let meta = &plan.service.meta;
    let mut doc = Doc::with_summary(format!("# {} SDK", plan.title));
    if let Some(description) = &meta.description {
        doc.paragraph(escape_line(description));
    }
    doc.paragraph(format!(
        "A client of the {} API version {}, generated from its API reference: \
         [`{}`] has one async method per operation, taking the operation's request \
         type from [`operations`] and returning its response type.",
        plan.title,
        code(&meta.version),
        plan.client
    ));
    if let Some(first) = plan.operations.first() {
        doc.paragraph("# Example");
        doc.paragraph(example(plan, first));
    }
    let doc = doc.inner_attrs();
    let (client, builder) = (&plan.client, &plan.builder);
    let module = format_ident!("client");
    let helpers = crate::mock_helpers::helper_modules(plan);
    quote! {
        #(#doc)*
        mod #module;
        pub mod models;
        pub mod operations;
        #helpers

        pub use apidoc_runtime;
        pub use apidoc_runtime::{ApiError, Credentials, Error, HttpOptions, Nullable, RetryPolicy};
        pub use #module::{#client, #builder};
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(toml_string("x\ny"), r#""x\u000Ay""#);
    }

    #[test]
    fn items_are_separated_by_blank_lines() {
        let text = format_items(quote! {
            #![doc = " Module."]
            /// A.
            pub struct A;
            impl A {
                /// One.
                pub const ONE: u8 = 1;
                /// Two.
                pub fn two(&self) -> u8 { 2 }
            }
            impl<'a> From<&'a A> for u8 {
                fn from(_: &'a A) -> u8 { 1 }
            }
            mod inner {}
        });
        assert_eq!(
            text,
            "//! Module.\n\n/// A.\npub struct A;\n\nimpl A {\n    /// One.\n    pub const ONE: u8 = 1;\n\n    /// Two.\n    pub fn two(&self) -> u8 {\n        2\n    }\n}\n\nimpl<'a> From<&'a A> for u8 {\n    fn from(_: &'a A) -> u8 {\n        1\n    }\n}\n\nmod inner {}\n"
        );
    }

    #[test]
    fn items_formatted_a_few_at_a_time_read_as_the_whole_file() {
        let items = (0..ITEMS_PER_CHUNK * 2 + 3).map(|n| {
            let name = format_ident!("Item{n}");
            match n % 4 {
                0 => quote!(pub struct #name;),
                1 => quote!(use crate::a::{#name, b};),
                2 => quote!(impl #name { pub fn f(&self) -> u8 { { 1 } } }),
                _ => quote!(pub const #name: [u8; 2] = { [1, 2] };),
            }
        });
        let tokens = quote!(#![doc = " Module."] #(#items)*);
        assert!(item_chunks(tokens.clone()).len() > 2);
        let whole = syn::parse2::<syn::File>(tokens.clone()).expect("items parse");
        assert_eq!(
            format_items(tokens),
            separate_items("", &prettyplease::unparse(&whole))
        );
    }

    #[test]
    fn doc_comments_set_aside_come_back_as_prettyplease_prints_them() {
        let items = || {
            let mut field = Doc::with_summary("Trailing spaces go.   ");
            field.paragraph("- a list item");
            let field = field.attrs();
            let module = Doc::with_summary("Module.").inner_attrs();
            let item = Doc::with_summary("An item.").attrs();
            quote! {
                #(#module)*
                #(#item)*
                pub struct A {
                    #(#field)*
                    pub x: u8,
                }
                #(#item)*
                pub struct B;
            }
        };
        let written = format_items(items());
        assert_eq!(docs::set_aside_while(|| format_items(items())), written);
        assert_eq!(
            written,
            "//! Module.\n\n/// An item.\npub struct A {\n    /// Trailing spaces go.\n    ///\n    /// - a list item\n    pub x: u8,\n}\n\n/// An item.\npub struct B;\n"
        );
    }

    #[test]
    fn broken_tokens_give_a_compile_error_with_the_reason() {
        let text = format_items(quote!(fn broken;));
        assert!(
            text.starts_with("compile_error!(\"apidoc-rust produced code that does not parse: "),
            "{text}"
        );
        assert!(syn::parse_file(&text).is_ok(), "{text}");
    }
}
