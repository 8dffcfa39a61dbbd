//! Syntax trees from templates: a `quote!` template is parsed once per
//! thread, and each use of it is a copy of that tree with its holes filled.
//!
//! Emitting `quote` tokens that syn parses back costs more than printing
//! them (the parse is most of what formatting costs, see
//! docs/ARCHITECTURE.md); what an emitter writes once per model, enum or
//! operation is the same code around a few names and values, so it is
//! parsed once and copied. A filled template is the tree syn would have
//! parsed from the tokens with the fills in place, so prettyplease prints
//! the same text.
//!
//! `syntax!` names the holes of a template and what fills
//! them. A hole stands where its fill goes:
//! - an identifier anywhere ([`Fill::Ident`]);
//! - an expression (`#hole`), a pattern literal, a type, or tokens of a
//!   macro's or attribute's input ([`Fill::Expr`], [`Fill::Type`]);
//! - a list, where one element stands for all of them: call arguments or
//!   array elements (`f(#hole)`, [`Fill::Exprs`]), statements (`#hole;`),
//!   attributes (`#[#hole]`), items (`#hole! {}`), impl items, enum
//!   variants, struct fields (`#hole: ()`), match arms (`#hole => ()`).

use proc_macro2::{Group, Ident, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::punctuated::Punctuated;
use syn::visit_mut::{self, VisitMut};

/// Declares a template and returns it filled: `syntax!(Type; hole = fill,
/// ...; template tokens)`, where the template uses each hole as `#hole`
/// and `fill` is anything a [`Fill`] is made from. The template is parsed
/// as `Type` (an item, expression, statement list, ...) the first time the
/// thread uses it; a template that does not parse is a bug of the
/// generator, which every test emitting it finds.
macro_rules! syntax {
    ($ty:ty; $($hole:ident = $fill:expr),* $(,)?; $($template:tt)*) => {{
        ::std::thread_local! {
            static TEMPLATE: $crate::syntax::Template<$ty> =
                $crate::syntax::Template::parse(|holes| {
                    let mut holes = holes.iter();
                    $(let $hole = holes.next().expect("one hole per name");)*
                    ::quote::quote!($($template)*)
                }, [$(stringify!($hole)),*].len());
        }
        TEMPLATE.with(|template| template.fill(&[$($crate::syntax::Fill::from($fill)),*]))
    }};
}

/// What fills a hole.
#[derive(Clone)]
pub(crate) enum Fill {
    Ident(Ident),
    Expr(syn::Expr),
    Type(syn::Type),
    Exprs(Vec<syn::Expr>),
    Stmts(Vec<syn::Stmt>),
    Attrs(Vec<syn::Attribute>),
    Items(Vec<syn::Item>),
    ImplItems(Vec<syn::ImplItem>),
    Variants(Vec<syn::Variant>),
    Fields(Vec<syn::Field>),
    Arms(Vec<syn::Arm>),
}

macro_rules! fill_from {
    ($($variant:ident($ty:ty)),*) => {
        $(impl From<$ty> for Fill {
            fn from(value: $ty) -> Self {
                Fill::$variant(value)
            }
        })*
    };
}

fill_from!(
    Ident(Ident),
    Expr(syn::Expr),
    Type(syn::Type),
    Exprs(Vec<syn::Expr>),
    Stmts(Vec<syn::Stmt>),
    Attrs(Vec<syn::Attribute>),
    Items(Vec<syn::Item>),
    ImplItems(Vec<syn::ImplItem>),
    Variants(Vec<syn::Variant>),
    Fields(Vec<syn::Field>),
    Arms(Vec<syn::Arm>)
);

impl From<&Ident> for Fill {
    fn from(ident: &Ident) -> Self {
        Fill::Ident(ident.clone())
    }
}

impl From<&crate::ident::Name> for Fill {
    fn from(name: &crate::ident::Name) -> Self {
        Fill::Ident(name.ident())
    }
}

impl From<proc_macro2::Literal> for Fill {
    fn from(literal: proc_macro2::Literal) -> Self {
        Fill::Expr(lit(literal))
    }
}

impl From<&str> for Fill {
    fn from(text: &str) -> Self {
        Fill::Expr(str_lit(text))
    }
}

impl From<&String> for Fill {
    fn from(text: &String) -> Self {
        Fill::Expr(str_lit(text))
    }
}

/// The expression of a literal token.
pub(crate) fn lit(literal: proc_macro2::Literal) -> syn::Expr {
    syn::Expr::Lit(syn::ExprLit {
        attrs: Vec::new(),
        lit: syn::Lit::new(literal),
    })
}

/// A string literal, as `quote` writes a `&str`.
pub(crate) fn str_lit(text: &str) -> syn::Expr {
    lit(proc_macro2::Literal::string(text))
}

/// A parsed template and the identifiers standing for its holes.
pub(crate) struct Template<T> {
    tree: T,
    holes: Vec<Ident>,
}

/// Syntax a template can be parsed as and filled.
pub(crate) trait Tree: Clone {
    /// Parses a template.
    fn parse(tokens: TokenStream) -> syn::Result<Self>;
    /// Fills the holes of a copy.
    fn visit(&mut self, filler: &mut Filler);
}

impl<T: Tree> Template<T> {
    /// Parses the tokens `template` gives for `count` hole identifiers.
    pub(crate) fn parse(template: impl FnOnce(&[Ident]) -> TokenStream, count: usize) -> Self {
        let holes: Vec<Ident> = (0..count)
            .map(|index| format_ident!("__apidoc_hole_{index}"))
            .collect();
        let tree = T::parse(template(&holes))
            .unwrap_or_else(|error| panic!("an apidoc-rust template does not parse: {error}"));
        Self { tree, holes }
    }

    /// A copy of the template with `fills` in its holes, in the order of
    /// the holes' names.
    pub(crate) fn fill(&self, fills: &[Fill]) -> T {
        let mut tree = self.tree.clone();
        tree.visit(&mut Filler {
            holes: &self.holes,
            fills,
        });
        tree
    }
}

macro_rules! tree {
    ($($ty:ty => $visit:ident),*) => {
        $(impl Tree for $ty {
            fn parse(tokens: TokenStream) -> syn::Result<Self> {
                syn::parse2(tokens)
            }
            fn visit(&mut self, filler: &mut Filler) {
                filler.$visit(self);
            }
        })*
    };
}

tree!(
    syn::Item => visit_item_mut,
    syn::Expr => visit_expr_mut,
    syn::Stmt => visit_stmt_mut,
    syn::Arm => visit_arm_mut,
    syn::Type => visit_type_mut,
    syn::ImplItem => visit_impl_item_mut,
    syn::File => visit_file_mut
);

/// Puts the fills in the holes of a tree.
pub(crate) struct Filler<'a> {
    holes: &'a [Ident],
    fills: &'a [Fill],
}

impl Filler<'_> {
    /// The fill of `ident`, if it is a hole.
    fn fill_of(&self, ident: &Ident) -> Option<&Fill> {
        let index = self.holes.iter().position(|hole| hole == ident)?;
        self.fills.get(index)
    }

    /// The fill of a path that is one identifier.
    fn path_fill(&self, path: &syn::Path) -> Option<&Fill> {
        self.fill_of(path.get_ident()?)
    }

    fn expr_fill(&self, expr: &syn::Expr) -> Option<&Fill> {
        match expr {
            syn::Expr::Path(path) if path.qself.is_none() => self.path_fill(&path.path),
            _ => None,
        }
    }

    fn splice_stmts(&mut self, stmts: &mut Vec<syn::Stmt>) {
        for stmt in stmts.iter_mut() {
            self.visit_stmt_mut(stmt);
        }
        splice(stmts, self, |filler, stmt| match stmt {
            syn::Stmt::Expr(expr, Some(_)) => match filler.expr_fill(expr) {
                Some(Fill::Stmts(stmts)) => Some(stmts.clone()),
                _ => None,
            },
            _ => None,
        });
    }

    fn splice_exprs(&mut self, exprs: &mut Punctuated<syn::Expr, syn::Token![,]>) {
        if !exprs
            .iter()
            .any(|expr| matches!(self.expr_fill(expr), Some(Fill::Exprs(_))))
        {
            return;
        }
        let mut filled = Punctuated::new();
        for expr in std::mem::take(exprs) {
            match self.expr_fill(&expr) {
                Some(Fill::Exprs(exprs)) => filled.extend(exprs.iter().cloned()),
                _ => filled.push(expr),
            }
        }
        *exprs = filled;
    }

    /// `tokens` with each hole replaced by the tokens of its fill.
    fn fill_tokens(&self, tokens: &TokenStream) -> TokenStream {
        tokens
            .clone()
            .into_iter()
            .flat_map(|tree| match tree {
                TokenTree::Ident(ident) => match self.fill_of(&ident) {
                    Some(fill) => fill_tokens(fill),
                    None => TokenTree::Ident(ident).into_token_stream(),
                },
                TokenTree::Group(group) => {
                    let mut filled =
                        Group::new(group.delimiter(), self.fill_tokens(&group.stream()));
                    filled.set_span(group.span());
                    TokenTree::Group(filled).into_token_stream()
                }
                other => other.into_token_stream(),
            })
            .collect()
    }
}

/// The tokens of a fill, for the input of a macro or attribute.
fn fill_tokens(fill: &Fill) -> TokenStream {
    match fill {
        Fill::Ident(ident) => ident.to_token_stream(),
        Fill::Expr(expr) => expr.to_token_stream(),
        Fill::Type(ty) => ty.to_token_stream(),
        Fill::Exprs(exprs) => {
            let exprs: Punctuated<&syn::Expr, syn::Token![,]> = exprs.iter().collect();
            exprs.to_token_stream()
        }
        other => panic!(
            "an apidoc-rust template puts a list of {} in a macro's input",
            list_kind(other)
        ),
    }
}

fn list_kind(fill: &Fill) -> &'static str {
    match fill {
        Fill::Stmts(_) => "statements",
        Fill::Attrs(_) => "attributes",
        Fill::Items(_) | Fill::ImplItems(_) => "items",
        Fill::Variants(_) => "variants",
        Fill::Fields(_) => "fields",
        Fill::Arms(_) => "arms",
        Fill::Ident(_) | Fill::Expr(_) | Fill::Type(_) | Fill::Exprs(_) => "expressions",
    }
}

/// Replaces each element of `list` for which `fill` gives elements by them.
fn splice<T, F>(list: &mut Vec<T>, filler: &Filler, fill: F)
where
    F: Fn(&Filler, &T) -> Option<Vec<T>>,
{
    if !list.iter().any(|element| fill(filler, element).is_some()) {
        return;
    }
    let mut filled = Vec::with_capacity(list.len());
    for element in std::mem::take(list) {
        match fill(filler, &element) {
            Some(elements) => filled.extend(elements),
            None => filled.push(element),
        }
    }
    *list = filled;
}

impl VisitMut for Filler<'_> {
    fn visit_ident_mut(&mut self, ident: &mut Ident) {
        if let Some(Fill::Ident(fill)) = self.fill_of(ident) {
            *ident = fill.clone();
        }
    }

    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        match self.expr_fill(expr) {
            Some(Fill::Expr(fill)) => *expr = fill.clone(),
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        let fill = match ty {
            syn::Type::Path(path) if path.qself.is_none() => self.path_fill(&path.path),
            _ => None,
        };
        match fill {
            Some(Fill::Type(fill)) => *ty = fill.clone(),
            _ => visit_mut::visit_type_mut(self, ty),
        }
    }

    fn visit_pat_mut(&mut self, pat: &mut syn::Pat) {
        let fill = match pat {
            syn::Pat::Ident(ident) if ident.subpat.is_none() => self.fill_of(&ident.ident),
            _ => None,
        };
        match fill {
            Some(Fill::Expr(syn::Expr::Lit(literal))) => *pat = syn::Pat::Lit(literal.clone()),
            _ => visit_mut::visit_pat_mut(self, pat),
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.splice_stmts(&mut block.stmts);
    }

    fn visit_attributes_mut(&mut self, attrs: &mut Vec<syn::Attribute>) {
        for attr in attrs.iter_mut() {
            self.visit_attribute_mut(attr);
        }
        splice(attrs, self, |filler, attr| match &attr.meta {
            syn::Meta::Path(path) => match filler.path_fill(path) {
                Some(Fill::Attrs(attrs)) => Some(attrs.clone()),
                _ => None,
            },
            _ => None,
        });
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        visit_mut::visit_path_mut(self, &mut mac.path);
        mac.tokens = self.fill_tokens(&mac.tokens);
    }

    fn visit_meta_list_mut(&mut self, list: &mut syn::MetaList) {
        list.tokens = self.fill_tokens(&list.tokens);
    }

    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        visit_mut::visit_expr_call_mut(self, call);
        self.splice_exprs(&mut call.args);
    }

    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        visit_mut::visit_expr_method_call_mut(self, call);
        self.splice_exprs(&mut call.args);
    }

    fn visit_expr_array_mut(&mut self, array: &mut syn::ExprArray) {
        visit_mut::visit_expr_array_mut(self, array);
        self.splice_exprs(&mut array.elems);
    }

    fn visit_file_mut(&mut self, file: &mut syn::File) {
        visit_mut::visit_file_mut(self, file);
        splice(&mut file.items, self, item_fill);
    }

    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        visit_mut::visit_item_mod_mut(self, module);
        if let Some((_, items)) = &mut module.content {
            splice(items, self, item_fill);
        }
    }

    fn visit_item_impl_mut(&mut self, item: &mut syn::ItemImpl) {
        visit_mut::visit_item_impl_mut(self, item);
        splice(&mut item.items, self, |filler, item| match item {
            syn::ImplItem::Macro(mac) => match filler.path_fill(&mac.mac.path) {
                Some(Fill::ImplItems(items)) => Some(items.clone()),
                _ => None,
            },
            _ => None,
        });
    }

    fn visit_item_enum_mut(&mut self, item: &mut syn::ItemEnum) {
        visit_mut::visit_item_enum_mut(self, item);
        let variants = std::mem::take(&mut item.variants);
        let mut filled = Punctuated::new();
        for variant in variants {
            match self.fill_of(&variant.ident) {
                Some(Fill::Variants(variants)) => filled.extend(variants.iter().cloned()),
                _ => filled.push(variant),
            }
        }
        item.variants = filled;
    }

    fn visit_fields_named_mut(&mut self, fields: &mut syn::FieldsNamed) {
        visit_mut::visit_fields_named_mut(self, fields);
        let named = std::mem::take(&mut fields.named);
        let mut filled = Punctuated::new();
        for field in named {
            match field.ident.as_ref().and_then(|ident| self.fill_of(ident)) {
                Some(Fill::Fields(fields)) => filled.extend(fields.iter().cloned()),
                _ => filled.push(field),
            }
        }
        fields.named = filled;
    }

    fn visit_expr_match_mut(&mut self, expr: &mut syn::ExprMatch) {
        visit_mut::visit_expr_match_mut(self, expr);
        splice(&mut expr.arms, self, |filler, arm| match &arm.pat {
            syn::Pat::Ident(ident) => match filler.fill_of(&ident.ident) {
                Some(Fill::Arms(arms)) => Some(arms.clone()),
                _ => None,
            },
            _ => None,
        });
    }
}

/// The items standing for an item `hole! {}`.
fn item_fill(filler: &Filler, item: &syn::Item) -> Option<Vec<syn::Item>> {
    match item {
        syn::Item::Macro(mac) => match filler.path_fill(&mac.mac.path) {
            Some(Fill::Items(items)) => Some(items.clone()),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;
    use syn::parse::Parser;

    fn print(items: Vec<syn::Item>) -> String {
        prettyplease::unparse(&syn::File {
            shebang: None,
            frontmatter: None,
            attrs: Vec::new(),
            items,
        })
    }

    fn parsed<T: syn::parse::Parse>(tokens: TokenStream) -> T {
        syn::parse2(tokens).expect("test tokens parse")
    }

    /// Every kind of hole, filled, prints as the same code written out.
    #[test]
    fn a_filled_template_is_the_tree_of_the_code_written_out() {
        let fill = |n: u8| {
            let name = format_ident!("Thing{n}");
            let field = format_ident!("count_{n}");
            let value = proc_macro2::Literal::u8_unsuffixed(n);
            let text = format!("text {n}");
            let arms: Vec<syn::Arm> =
                vec![parsed(quote!(1 => "one",)), parsed(quote!(_ => "other",))];
            let file = syntax!(syn::File;
                doc = vec![parsed::<syn::ItemStruct>(quote!(#[doc = " Doc."] struct S;)).attrs.remove(0)],
                name = &name,
                field = field.clone(),
                ty = parsed::<syn::Type>(quote!(Option<Vec<u8>>)),
                fields = vec![syn::Field::parse_named.parse2(quote!(pub extra: bool)).expect("field")],
                variants = vec![parsed::<syn::Variant>(quote!(First)), parsed::<syn::Variant>(quote!(Second(u8)))],
                value = value.clone(),
                text = &text,
                args = vec![parsed::<syn::Expr>(quote!(1 + 2)), parsed::<syn::Expr>(quote!(x.y()))],
                stmts = vec![parsed::<syn::Stmt>(quote!(let a = 1;)), parsed::<syn::Stmt>(quote!(f(a);))],
                arms = arms,
                methods = vec![parsed::<syn::ImplItem>(quote!(fn m(&self) {}))],
                items = vec![parsed::<syn::Item>(quote!(const C: u8 = 1;))];

                #[#doc]
                #[derive(Debug)]
                #[serde(rename = #text)]
                pub struct #name {
                    pub #field: #ty,
                    #fields: (),
                }
                pub enum Choice { #variants, Last }
                impl #name {
                    #methods! {}
                    fn run(&self) -> &str {
                        #stmts;
                        call(#args);
                        let list = [0, #args];
                        assert_eq!(#value, vec![#args]);
                        match #value {
                            #text => (),
                            #arms => (),
                        }
                    }
                }
                #items! {}
            );
            let ty = quote!(Option<Vec<u8>>);
            let written: syn::File = parsed(quote! {
                #[doc = " Doc."]
                #[derive(Debug)]
                #[serde(rename = #text)]
                pub struct #name {
                    pub #field: #ty,
                    pub extra: bool,
                }
                pub enum Choice { First, Second(u8), Last }
                impl #name {
                    fn m(&self) {}
                    fn run(&self) -> &str {
                        let a = 1;
                        f(a);
                        call(1 + 2, x.y());
                        let list = [0, 1 + 2, x.y()];
                        assert_eq!(#value, vec![1 + 2, x.y()]);
                        match #value {
                            #text => (),
                            1 => "one",
                            _ => "other",
                        }
                    }
                }
                const C: u8 = 1;
            });
            (print(file.items), print(written.items))
        };
        for n in [1, 2] {
            let (filled, written) = fill(n);
            assert_eq!(filled, written);
            assert!(filled.contains(&format!("pub struct Thing{n}")), "{filled}");
        }
    }
}
