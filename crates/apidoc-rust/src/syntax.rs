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
//! - an expression (`#hole`), a pattern or literal pattern, a type, or tokens of a
//!   macro's or attribute's input ([`Fill::Expr`], [`Fill::Type`]);
//! - a list, where one element stands for all of them: call arguments or
//!   array elements (`f(#hole)`, [`Fill::Exprs`]), statements (`#hole;`),
//!   attributes (`#[#hole]`), items (`#hole! {}`), impl items, enum
//!   variants, struct fields and function arguments (`#hole: ()`), fields
//!   of a struct expression (`Self { #hole }`), match arms (`#hole => ()`).

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
    ($ty:ty;; $($template:tt)*) => {{
        ::std::thread_local! {
            static TEMPLATE: $crate::syntax::Template<$ty> =
                $crate::syntax::Template::parse(|_| ::quote::quote!($($template)*), 0);
        }
        TEMPLATE.with(|template| template.fill(Vec::new()))
    }};
    ($ty:ty; $($hole:ident = $fill:expr),* $(,)?; $($template:tt)*) => {{
        ::std::thread_local! {
            static TEMPLATE: $crate::syntax::Template<$ty> =
                $crate::syntax::Template::parse(|holes| {
                    let mut holes = holes.iter();
                    $(let $hole = holes.next().expect("one hole per name");)*
                    ::quote::quote!($($template)*)
                }, <[&str]>::len(&[$(stringify!($hole)),*]));
        }
        TEMPLATE.with(|template| template.fill(vec![$($crate::syntax::Fill::from($fill)),*]))
    }};
}

/// Declares [`Fill`] and makes it from what each variant holds.
macro_rules! fills {
    ($($variant:ident($ty:ty),)*) => {
        /// What fills a hole.
        #[derive(Clone)]
        pub(crate) enum Fill {
            $($variant($ty),)*
        }

        $(impl From<$ty> for Fill {
            fn from(value: $ty) -> Self {
                Fill::$variant(value)
            }
        })*
    };
}

fills! {
    Ident(Ident),
    Expr(syn::Expr),
    Type(syn::Type),
    Pat(syn::Pat),
    Exprs(Vec<syn::Expr>),
    Stmts(Vec<syn::Stmt>),
    Attrs(Vec<syn::Attribute>),
    Items(Vec<syn::Item>),
    ImplItems(Vec<syn::ImplItem>),
    Variants(Vec<syn::Variant>),
    Fields(Vec<syn::Field>),
    Arms(Vec<syn::Arm>),
    FnArgs(Vec<syn::FnArg>),
    FieldValues(Vec<syn::FieldValue>),
}

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

impl From<String> for Fill {
    fn from(text: String) -> Self {
        Fill::Expr(str_lit(&text))
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

/// An outer attribute `#[name = value]`.
pub(crate) fn name_value_attr(name: &str, value: syn::Expr) -> syn::Attribute {
    attribute(
        syn::AttrStyle::Outer,
        syn::Meta::NameValue(syn::MetaNameValue {
            path: Ident::new(name, proc_macro2::Span::call_site()).into(),
            eq_token: Default::default(),
            value,
        }),
    )
}

/// An attribute of `meta`.
pub(crate) fn attribute(style: syn::AttrStyle, meta: syn::Meta) -> syn::Attribute {
    syn::Attribute {
        pound_token: Default::default(),
        style,
        bracket_token: Default::default(),
        meta,
    }
}

/// An outer attribute `#[name(tokens)]`, whose input prettyplease prints
/// as it is.
pub(crate) fn list_attr(name: &str, tokens: TokenStream) -> syn::Attribute {
    attribute(
        syn::AttrStyle::Outer,
        syn::Meta::List(syn::MetaList {
            path: Ident::new(name, proc_macro2::Span::call_site()).into(),
            delimiter: syn::MacroDelimiter::Paren(Default::default()),
            tokens,
        }),
    )
}

/// The field `ident` of a struct expression, by shorthand (`Self { ident }`).
pub(crate) fn shorthand(ident: Ident) -> syn::FieldValue {
    syn::FieldValue {
        attrs: Vec::new(),
        member: syn::Member::Named(ident.clone()),
        colon_token: None,
        expr: path_expr(ident.into()),
    }
}

/// The expression of a path (a variable, a constant).
pub(crate) fn path_expr(path: syn::Path) -> syn::Expr {
    syn::Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// `receiver.method(args)`, as syn parses it.
pub(crate) fn method_call(receiver: syn::Expr, method: Ident, args: Vec<syn::Expr>) -> syn::Expr {
    syn::Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method,
        turbofish: None,
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// A parsed template and the identifiers standing for its holes.
pub(crate) struct Template<T> {
    tree: T,
    holes: Vec<Ident>,
    /// How many times each hole occurs: the last occurrence takes its
    /// fill, the others a copy.
    uses: Vec<usize>,
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
        let tokens = template(&holes);
        let mut uses = vec![0; count];
        count_uses(&tokens, &holes, &mut uses);
        let tree = T::parse(tokens)
            .unwrap_or_else(|error| panic!("an apidoc-rust template does not parse: {error}"));
        Self { tree, holes, uses }
    }

    /// A copy of the template with `fills` in its holes, in the order of
    /// the holes' names.
    pub(crate) fn fill(&self, fills: Vec<Fill>) -> T {
        let mut tree = self.tree.clone();
        if self.holes.is_empty() {
            return tree;
        }
        let mut filler = Filler {
            holes: &self.holes,
            fills,
            uses_left: self.uses.clone(),
        };
        tree.visit(&mut filler);
        debug_assert!(
            filler.uses_left.iter().all(|left| *left == 0),
            "a hole of an apidoc-rust template stands where no fill can go"
        );
        tree
    }
}

/// Counts the occurrences of each hole in `tokens`.
fn count_uses(tokens: &TokenStream, holes: &[Ident], uses: &mut [usize]) {
    for tree in tokens.clone() {
        match tree {
            TokenTree::Ident(ident) => {
                if let Some(index) = holes.iter().position(|hole| *hole == ident) {
                    uses[index] += 1;
                }
            }
            TokenTree::Group(group) => count_uses(&group.stream(), holes, uses),
            _ => {}
        }
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
    syn::ImplItem => visit_impl_item_mut,
    syn::Expr => visit_expr_mut,
    syn::Type => visit_type_mut,
    syn::Arm => visit_arm_mut,
    syn::FnArg => visit_fn_arg_mut,
    syn::FieldValue => visit_field_value_mut,
    syn::Variant => visit_variant_mut,
    syn::File => visit_file_mut
);

/// Outer attributes.
#[derive(Clone)]
pub(crate) struct Attrs(pub(crate) Vec<syn::Attribute>);

impl Tree for Attrs {
    fn parse(tokens: TokenStream) -> syn::Result<Self> {
        syn::parse::Parser::parse2(syn::Attribute::parse_outer, tokens).map(Attrs)
    }
    fn visit(&mut self, filler: &mut Filler) {
        filler.visit_attributes_mut(&mut self.0);
    }
}

impl Tree for syn::Field {
    fn parse(tokens: TokenStream) -> syn::Result<Self> {
        syn::parse::Parser::parse2(syn::Field::parse_named, tokens)
    }
    fn visit(&mut self, filler: &mut Filler) {
        filler.visit_field_mut(self);
    }
}

/// Statements, parsed as a block's.
#[derive(Clone)]
pub(crate) struct Stmts(pub(crate) Vec<syn::Stmt>);

impl Tree for Stmts {
    fn parse(tokens: TokenStream) -> syn::Result<Self> {
        syn::parse::Parser::parse2(syn::Block::parse_within, tokens).map(Stmts)
    }
    fn visit(&mut self, filler: &mut Filler) {
        filler.fill_stmts(&mut self.0);
    }
}

/// Puts the fills in the holes of a tree.
pub(crate) struct Filler<'a> {
    holes: &'a [Ident],
    fills: Vec<Fill>,
    uses_left: Vec<usize>,
}

impl Filler<'_> {
    /// The hole `ident` is, if its fill passes `kind`.
    fn hole(&self, ident: &Ident, kind: fn(&Fill) -> bool) -> Option<usize> {
        let index = self.holes.iter().position(|hole| hole == ident)?;
        kind(&self.fills[index]).then_some(index)
    }

    /// The hole a path of one identifier is.
    fn path_hole(&self, path: &syn::Path, kind: fn(&Fill) -> bool) -> Option<usize> {
        self.hole(path.get_ident()?, kind)
    }

    /// The fill of hole `index`: the fill itself at its last occurrence.
    fn take(&mut self, index: usize) -> Fill {
        self.uses_left[index] -= 1;
        if self.uses_left[index] == 0 {
            std::mem::replace(&mut self.fills[index], Fill::Exprs(Vec::new()))
        } else {
            self.fills[index].clone()
        }
    }

    fn fill_stmts(&mut self, stmts: &mut Vec<syn::Stmt>) {
        for stmt in stmts.iter_mut() {
            self.visit_stmt_mut(stmt);
        }
        self.splice(stmts);
    }

    /// Replaces each element of `list` that is a hole by the elements of
    /// its fill.
    fn splice<T: Element>(&mut self, list: &mut Vec<T>) {
        if !list
            .iter()
            .any(|element| self.element_hole(element).is_some())
        {
            return;
        }
        let mut filled = Vec::with_capacity(list.len());
        for element in std::mem::take(list) {
            match self.element_hole(&element) {
                Some(index) => filled.extend(T::elements(self.take(index))),
                None => filled.push(element),
            }
        }
        *list = filled;
    }

    /// [`Self::splice`] for a punctuated list.
    fn splice_punctuated<T: Element, P: Default>(&mut self, list: &mut Punctuated<T, P>) {
        if !list
            .iter()
            .any(|element| self.element_hole(element).is_some())
        {
            return;
        }
        let mut filled = Punctuated::new();
        for element in std::mem::take(list) {
            match self.element_hole(&element) {
                Some(index) => filled.extend(T::elements(self.take(index))),
                None => filled.push(element),
            }
        }
        *list = filled;
    }

    /// The hole an element of a list is, if a list of its kind fills it.
    fn element_hole<T: Element>(&self, element: &T) -> Option<usize> {
        self.hole(element.hole_ident()?, T::fills)
    }

    /// `tokens` with each hole replaced by the tokens of its fill.
    fn fill_tokens(&mut self, tokens: &TokenStream) -> TokenStream {
        let mut filled = TokenStream::new();
        for tree in tokens.clone() {
            match tree {
                TokenTree::Ident(ident) => match self.hole(&ident, |_| true) {
                    Some(index) => {
                        let fill = self.take(index);
                        filled.extend(tokens_of(fill));
                    }
                    None => filled.extend([TokenTree::Ident(ident)]),
                },
                TokenTree::Group(group) => {
                    let mut inner =
                        Group::new(group.delimiter(), self.fill_tokens(&group.stream()));
                    inner.set_span(group.span());
                    filled.extend([TokenTree::Group(inner)]);
                }
                other => filled.extend([other]),
            }
        }
        filled
    }
}

/// The tokens of a fill, for the input of a macro or attribute.
fn tokens_of(fill: Fill) -> TokenStream {
    match fill {
        Fill::Ident(ident) => ident.into_token_stream(),
        Fill::Expr(expr) => expr.into_token_stream(),
        Fill::Type(ty) => ty.into_token_stream(),
        Fill::Exprs(exprs) => {
            let exprs: Punctuated<syn::Expr, syn::Token![,]> = exprs.into_iter().collect();
            exprs.into_token_stream()
        }
        other => panic!(
            "an apidoc-rust template puts a list of {} in a macro's input",
            list_kind(&other)
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
        Fill::FnArgs(_) => "arguments",
        Fill::FieldValues(_) => "field values",
        Fill::Ident(_) | Fill::Expr(_) | Fill::Type(_) | Fill::Exprs(_) | Fill::Pat(_) => {
            "expressions"
        }
    }
}

/// Visit methods that fill the holes of a node, then splice the lists
/// standing in one of its lists.
macro_rules! splicing_visits {
    ($($visit:ident($ty:ty) => $splice:ident($field:ident);)*) => {
        $(fn $visit(&mut self, node: &mut $ty) {
            visit_mut::$visit(self, node);
            self.$splice(&mut node.$field);
        })*
    };
}

impl VisitMut for Filler<'_> {
    splicing_visits! {
        visit_item_impl_mut(syn::ItemImpl) => splice(items);
        visit_item_enum_mut(syn::ItemEnum) => splice_punctuated(variants);
        visit_fields_named_mut(syn::FieldsNamed) => splice_punctuated(named);
        visit_signature_mut(syn::Signature) => splice_punctuated(inputs);
        visit_expr_struct_mut(syn::ExprStruct) => splice_punctuated(fields);
        visit_expr_match_mut(syn::ExprMatch) => splice(arms);
        visit_expr_call_mut(syn::ExprCall) => splice_punctuated(args);
        visit_expr_method_call_mut(syn::ExprMethodCall) => splice_punctuated(args);
        visit_expr_array_mut(syn::ExprArray) => splice_punctuated(elems);
        visit_file_mut(syn::File) => splice(items);
    }

    fn visit_ident_mut(&mut self, ident: &mut Ident) {
        if let Some(index) = self.hole(ident, |fill| matches!(fill, Fill::Ident(_))) {
            if let Fill::Ident(fill) = self.take(index) {
                *ident = fill;
            }
        }
    }

    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        match expr_ident(expr)
            .and_then(|ident| self.hole(ident, |fill| matches!(fill, Fill::Expr(_))))
        {
            Some(index) => {
                if let Fill::Expr(fill) = self.take(index) {
                    *expr = fill;
                }
            }
            None => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        let hole = match ty {
            syn::Type::Path(path) if path.qself.is_none() => {
                self.path_hole(&path.path, |fill| matches!(fill, Fill::Type(_)))
            }
            _ => None,
        };
        match hole {
            Some(index) => {
                if let Fill::Type(fill) = self.take(index) {
                    *ty = fill;
                }
            }
            None => visit_mut::visit_type_mut(self, ty),
        }
    }

    fn visit_pat_mut(&mut self, pat: &mut syn::Pat) {
        let hole = match pat {
            syn::Pat::Ident(ident) if ident.subpat.is_none() => self.hole(&ident.ident, |fill| {
                matches!(fill, Fill::Expr(syn::Expr::Lit(_)) | Fill::Pat(_))
            }),
            _ => None,
        };
        match hole {
            Some(index) => match self.take(index) {
                Fill::Expr(syn::Expr::Lit(literal)) => *pat = syn::Pat::Lit(literal),
                Fill::Pat(fill) => *pat = fill,
                _ => {}
            },
            None => visit_mut::visit_pat_mut(self, pat),
        }
    }

    /// A shorthand field (`Self { #name }`) names its hole once in the
    /// tokens but twice in the tree (member and value): one fill serves both.
    fn visit_field_value_mut(&mut self, value: &mut syn::FieldValue) {
        let hole = match &value.member {
            syn::Member::Named(ident) if value.colon_token.is_none() => {
                self.hole(ident, |fill| matches!(fill, Fill::Ident(_)))
            }
            _ => None,
        };
        match hole.map(|index| self.take(index)) {
            Some(Fill::Ident(ident)) => *value = shorthand(ident),
            _ => visit_mut::visit_field_value_mut(self, value),
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.fill_stmts(&mut block.stmts);
    }

    fn visit_attributes_mut(&mut self, attrs: &mut Vec<syn::Attribute>) {
        for attr in attrs.iter_mut() {
            self.visit_attribute_mut(attr);
        }
        self.splice(attrs);
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        visit_mut::visit_path_mut(self, &mut mac.path);
        mac.tokens = self.fill_tokens(&mac.tokens);
    }

    fn visit_meta_list_mut(&mut self, list: &mut syn::MetaList) {
        list.tokens = self.fill_tokens(&list.tokens);
    }

    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        visit_mut::visit_item_mod_mut(self, module);
        if let Some((_, items)) = &mut module.content {
            self.splice(items);
        }
    }
}

/// An element of a list a hole can stand in, and the fill of such a hole.
trait Element: Sized {
    /// The identifier of an element that may be a hole.
    fn hole_ident(&self) -> Option<&Ident>;
    /// True for a fill of elements of this kind.
    fn fills(fill: &Fill) -> bool;
    /// The elements of such a fill.
    fn elements(fill: Fill) -> Vec<Self>;
}

macro_rules! element {
    ($($ty:ty => $variant:ident, |$element:ident| $ident:expr;)*) => {
        $(impl Element for $ty {
            fn hole_ident(&self) -> Option<&Ident> {
                let $element = self;
                $ident
            }
            fn fills(fill: &Fill) -> bool {
                matches!(fill, Fill::$variant(_))
            }
            fn elements(fill: Fill) -> Vec<Self> {
                match fill {
                    Fill::$variant(elements) => elements,
                    _ => Vec::new(),
                }
            }
        })*
    };
}

element! {
    syn::Expr => Exprs, |expr| expr_ident(expr);
    syn::Stmt => Stmts, |stmt| match stmt {
        syn::Stmt::Expr(expr, Some(_)) => expr_ident(expr),
        _ => None,
    };
    syn::Attribute => Attrs, |attr| match &attr.meta {
        syn::Meta::Path(path) => path.get_ident(),
        _ => None,
    };
    syn::Item => Items, |item| match item {
        syn::Item::Macro(mac) => mac.mac.path.get_ident(),
        _ => None,
    };
    syn::ImplItem => ImplItems, |item| match item {
        syn::ImplItem::Macro(mac) => mac.mac.path.get_ident(),
        _ => None,
    };
    syn::Variant => Variants, |variant| Some(&variant.ident);
    syn::Field => Fields, |field| field.ident.as_ref();
    syn::Arm => Arms, |arm| pat_ident(&arm.pat);
    syn::FnArg => FnArgs, |argument| match argument {
        syn::FnArg::Typed(typed) => pat_ident(&typed.pat),
        syn::FnArg::Receiver(_) => None,
    };
    syn::FieldValue => FieldValues, |value| match &value.member {
        syn::Member::Named(ident) => Some(ident),
        syn::Member::Unnamed(_) => None,
    };
}

/// The identifier an expression of one plain identifier is.
fn expr_ident(expr: &syn::Expr) -> Option<&Ident> {
    match expr {
        syn::Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            path.path.get_ident()
        }
        _ => None,
    }
}

/// The identifier a pattern of one plain identifier is.
fn pat_ident(pat: &syn::Pat) -> Option<&Ident> {
    match pat {
        syn::Pat::Ident(ident) if ident.subpat.is_none() => Some(&ident.ident),
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
                        Self { #field }
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
                        Self { #field }
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

    /// prettyplease prints a shorthand field's member only, so the printed
    /// text cannot tell a value left a hole: the tree must hold the name twice.
    #[test]
    fn a_shorthand_field_takes_its_name_as_member_and_value() {
        let value = syntax!(syn::FieldValue; name = format_ident!("count"); #name);
        assert!(value.colon_token.is_none());
        assert!(matches!(&value.member, syn::Member::Named(ident) if ident == "count"));
        assert!(matches!(&value.expr, syn::Expr::Path(path) if path.path.is_ident("count")));
    }

    /// A fill that cannot go where its hole stands (statements as a call
    /// argument) is a bug of the generator, caught in its tests.
    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "stands where no fill can go")]
    fn a_fill_of_the_wrong_kind_is_caught() {
        let stmts = vec![parsed::<syn::Stmt>(quote!(let a = 1;))];
        let _ = syntax!(syn::Expr; stmts = stmts; call(#stmts));
    }
}
