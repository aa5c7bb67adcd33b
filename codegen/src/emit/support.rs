//! The support types and trait impls every generated crate needs, emitted
//! next to the enum (as smithy-rs emits its `UnknownVariantValue`), so no
//! crate copies glue: the code's value (`Code`), the holder of unknown codes
//! (`UnknownCode`), lookups by value, parse errors, the standard traits and,
//! behind the crate's `serde` feature, serde.
//!
//! Two shapes: integer codes (`u32`, or `i64` for negative ones; known
//! alphanumeric codes have their own `Code` variant), optionally keyed by
//! (code, sub-code); and string codes (slugs), whose unknown values are kept
//! inline so the type stays `Copy` and needs no allocator.
//!
//! What no article's codes decide is ordinary Rust in `support/*.rs` (as
//! smithy-rs ships its inlineable runtime): the tests below compile, lint
//! and run it against a stand-in for the per-code parts, and `Runtime`
//! splices it in where its `// @splice:` lines say. `quote!` writes the
//! per-code match arms and the blocks around them.

use std::iter::Peekable;

use proc_macro2::{Group, Ident, Literal, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote};

use crate::emit::tokens::{Kind, arms, arms_where, int};
use crate::model::{Code, ErrorEntry, KeyPart};

const COMMON: &str = include_str!("support/common.rs");
const INTEGER: &str = include_str!("support/integer.rs");
const NUMBER: &str = include_str!("support/number.rs");
const SUBCODES: &str = include_str!("support/subcodes.rs");
const MESSAGES: &str = include_str!("support/messages.rs");
const STRING: &str = include_str!("support/string.rs");
const SHARED: &str = include_str!("support/shared.rs");
const SHARED_INTEGER: &str = include_str!("support/shared_integer.rs");
const SHARED_STRING: &str = include_str!("support/shared_string.rs");
const ENVELOPE: &str = include_str!("support/envelope.rs");

// rustfmt reaches the runtime files through this module (it does not follow
// `include!`); the compiler never does, the tests `include!` them instead.
#[cfg(any())]
#[path = "support"]
mod runtime {
    mod common;
    mod envelope;
    mod integer;
    mod messages;
    mod number;
    mod shared;
    mod shared_integer;
    mod shared_string;
    mod string;
    mod subcodes;
}

/// The runtime files as one crate needs them, adapted token by token. They
/// are written for a type `ErrorCode` with `u32` codes from `VENDOR`: the
/// type and the number are renamed (`as_u32` too), and `u32` and `VENDOR`
/// replaced in strings and docs; a `const NAME: &str` is a text of the
/// shape's, written in wherever named (code, strings, docs); `if SUBCODES {
/// a } else { b }` keeps the crate's branch; `cfg_attr(not(test), cfg(..))`
/// becomes the `cfg`; `if MESSAGES`, `if SECTIONS` likewise, chained with
/// `else if`, and `if SIGNED` (`i64` codes).
struct Runtime<'a> {
    ty: &'a Ident,
    kind: &'a Kind,
    texts: Vec<(String, String)>,
}

impl<'a> Runtime<'a> {
    /// The runtime for a crate of `kind`, with the texts its shape's file
    /// (`integer.rs` or `string.rs`) defines.
    fn new(ty: &'a Ident, kind: &'a Kind) -> Runtime<'a> {
        let shape = if kind.number.is_some() {
            INTEGER
        } else {
            STRING
        };
        let items = syn::parse_file(shape).expect("the tests compile it").items;
        let texts = items.into_iter().filter_map(|item| match item {
            syn::Item::Const(text) if text.ident != "_" => {
                Some((text.ident.to_string(), string(&*text.expr)))
            }
            _ => None,
        });
        Runtime {
            ty,
            kind,
            texts: texts.collect(),
        }
    }

    /// A runtime file's sections, each after a comment line (the file's
    /// first, then each `// @splice:` line), adapted; its texts left out.
    fn file<const N: usize>(&self, source: &str) -> [TokenStream; N] {
        let sections: Vec<TokenStream> = source
            .split("\n// @splice:")
            .map(|section| {
                let code = section.split_once('\n').map_or("", |s| s.1);
                let items = syn::parse_file(code).expect("the tests compile it").items;
                let kept = items
                    .into_iter()
                    .filter(|item| !matches!(item, syn::Item::Const(text) if text.ident != "_"));
                self.adapt(kept.map(ToTokens::into_token_stream).collect())
            })
            .collect();
        let found = sections.len();
        sections
            .try_into()
            .unwrap_or_else(|_| panic!("{found} sections in a runtime file, not {N}"))
    }

    fn adapt(&self, tokens: TokenStream) -> TokenStream {
        let mut out = TokenStream::new();
        let mut trees = tokens.into_iter().peekable();
        while let Some(tree) = trees.next() {
            match tree {
                TokenTree::Ident(ident)
                    if ident == "if"
                        && trees
                            .peek()
                            .is_some_and(|t| self.flag(&t.to_string()).is_some()) =>
                {
                    out.extend(self.branch(&mut trees));
                }
                TokenTree::Ident(ident) => out.extend(self.rename(ident)),
                TokenTree::Group(group) => {
                    let inside = group.stream().to_string();
                    let stream = match inside.strip_prefix("cfg_attr (not (test) , ") {
                        Some(cfg) => cfg[..cfg.len() - 1].parse().expect("an attribute"),
                        None => group.stream(),
                    };
                    let group = Group::new(group.delimiter(), self.adapt(stream));
                    out.extend([TokenTree::from(group)]);
                }
                TokenTree::Literal(literal) => {
                    let (text, adapted) = (string(&literal), self.text(&string(&literal)));
                    out.extend([if adapted == text {
                        literal
                    } else {
                        Literal::string(&adapted)
                    }]);
                }
                punct => out.extend([punct]),
            }
        }
        out
    }

    /// Whether a runtime flag holds for the crate: `SUBCODES`, `MESSAGES`
    /// (codes keyed by code and message), `SECTIONS` (by section and code),
    /// `SIGNED` (`i64` codes); `None` for any other name.
    fn flag(&self, name: &str) -> Option<bool> {
        match name {
            "SUBCODES" => Some(self.kind.subcodes),
            "MESSAGES" => Some(self.kind.by == Some(KeyPart::Message)),
            "SECTIONS" => Some(self.kind.by == Some(KeyPart::Section)),
            "SIGNED" => Some(self.kind.number.as_ref().is_some_and(|n| n == "i64")),
            _ => None,
        }
    }

    /// After an `if`: the block of `if FLAG { a } else if FLAG2 { b } else
    /// { c }` that the crate keeps, adapted.
    fn branch(&self, trees: &mut Peekable<proc_macro2::token_stream::IntoIter>) -> TokenStream {
        let flag = trees.next().and_then(|t| self.flag(&t.to_string()));
        let (Some(flag), Some(TokenTree::Group(then)), Some(TokenTree::Ident(keyword))) =
            (flag, trees.next(), trees.next())
        else {
            panic!("`if FLAG` has a block and an `else`")
        };
        assert!(keyword == "else", "`if FLAG` has a block and an `else`");
        let other = match trees.next() {
            Some(TokenTree::Group(other)) => self.adapt(other.stream()),
            Some(TokenTree::Ident(chained)) if chained == "if" => self.branch(trees),
            _ => panic!("`else` is followed by a block or `if FLAG`"),
        };
        if flag {
            self.adapt(then.stream())
        } else {
            other
        }
    }

    fn rename(&self, ident: Ident) -> TokenStream {
        let name = ident.to_string();
        let text = self.texts.iter().find(|(text, _)| *text == name);
        match (text, &self.kind.number, name.strip_suffix("u32")) {
            (Some((_, text)), ..) => Literal::string(&self.text(text)).into_token_stream(),
            _ if name == "ErrorCode" => self.ty.to_token_stream(),
            (_, Some(number), Some("")) => number.to_token_stream(),
            (_, Some(number), Some(stem)) if stem.ends_with('_') => {
                format_ident!("{stem}{number}").to_token_stream()
            }
            _ => ident.to_token_stream(),
        }
    }

    /// The shape's texts, then `u32` and `VENDOR`, written into a string.
    fn text(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for (name, value) in &self.texts {
            text = text.replace(name.as_str(), value);
        }
        if let Some(number) = &self.kind.number {
            text = text.replace("u32", &number.to_string());
        }
        text.replace("VENDOR", &self.kind.vendor)
    }
}

/// A string literal's text.
fn string(literal: &impl ToTokens) -> String {
    syn::parse2::<syn::LitStr>(literal.to_token_stream())
        .map_or_else(|_| String::new(), |s| s.value())
}

/// A section that opens with an `impl ErrorCode` block: the block's methods,
/// for one `quote!` writes, and the rest.
fn methods(section: TokenStream) -> (TokenStream, TokenStream) {
    let mut trees = section.into_iter();
    match (trees.next(), trees.next(), trees.next()) {
        (Some(TokenTree::Ident(keyword)), Some(_), Some(TokenTree::Group(block)))
            if keyword == "impl" =>
        {
            (block.stream(), trees.collect())
        }
        _ => panic!("the section opens with an `impl ErrorCode` block"),
    }
}

/// The runtime of a crate whose codes are `kind`, with the response reader
/// when its configuration describes the envelope.
pub(crate) fn items(
    ty: &Ident,
    kind: &Kind,
    entries: &[ErrorEntry],
    variants: &[Ident],
    envelope: bool,
) -> TokenStream {
    let runtime = Runtime::new(ty, kind);
    let [head, debug, errors] = runtime.file(COMMON);
    let (try_parse, head) = methods(head);
    let [shaped_head, shaped_middle, shaped_tail] = match &kind.number {
        Some(number) => integer_items(&runtime, number, entries, variants),
        None => string_items(&runtime, entries, variants),
    };
    let shared = shared_items(&runtime, envelope);
    // `"text" => Some(Type::Variant),` for every code.
    let by = |text: fn(&ErrorEntry) -> String| -> TokenStream {
        let texts = entries.iter().map(text);
        quote! { #( #texts => Some(#ty::#variants), )* }
    };
    // Each entry's key in its string form, as `FromStr` accepts it.
    let known_arms = by(|e| e.key().to_string());
    let id_arms = by(|e| crate::names::stable_id(&e.name));
    quote! {
        #[allow(deprecated)]
        impl #ty {
            /// A known code from its exact string form (`"40100"`, `"E1001"`,
            /// `"1:99"` with a sub-code).
            pub(crate) fn from_known_str(code: &str) -> Option<#ty> {
                match code {
                    #known_arms
                    _ => None,
                }
            }

            /// A known code from its stable id, what [`Self::as_str`]
            /// returns (`"rate_limited"`); `None` for any other text,
            /// `"unknown"` included (it names no code).
            pub fn from_stable_id(id: &str) -> Option<#ty> {
                match id {
                    #id_arms
                    _ => None,
                }
            }

            #try_parse
        }

        #head
        #shaped_head
        #debug
        #shaped_middle
        #errors
        #shaped_tail
        #shared
    }
}

/// The shared runtime's traits for the code type (`shared.rs` and the
/// shape's), and the response reader over the crate's `ENVELOPE`.
fn shared_items(runtime: &Runtime, envelope: bool) -> TokenStream {
    let shaped = match runtime.kind.number {
        Some(_) => SHARED_INTEGER,
        None => SHARED_STRING,
    };
    let files = [SHARED, shaped]
        .into_iter()
        .chain(envelope.then_some(ENVELOPE));
    files.flat_map(|file| runtime.file::<1>(file)).collect()
}

/// What goes between the runtime's common sections: before `Debug`, between
/// it and the parse error, after that.
type Shaped = [TokenStream; 3];

fn integer_items(
    runtime: &Runtime,
    number: &Ident,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> Shaped {
    let [value, ord, middle, rest] = runtime.file(INTEGER);
    let (unknown, statics) = if runtime.kind.subcodes {
        let [unknown, statics] = runtime.file(SUBCODES);
        (unknown, methods(statics).0)
    } else if runtime.kind.by == Some(KeyPart::Message) {
        let [unknown, statics] = runtime.file(MESSAGES);
        (unknown, methods(statics).0)
    } else {
        let [unknown] = runtime.file(NUMBER);
        (unknown, TokenStream::new())
    };
    let (ty, kind) = (runtime.ty, runtime.kind);
    let code_arms = arms(ty, entries, variants, |entry| match &entry.code {
        Code::Numeric(n) => {
            let n = int(*n);
            quote! { Code::Numeric(#n) }
        }
        Code::Text(s) => quote! { Code::Alphanumeric(#s) },
    });
    let subcode = |entry: &ErrorEntry| match &entry.subcode {
        Some(Code::Numeric(s)) => {
            let s = int(*s);
            Some(quote! { Some(#s) })
        }
        _ => None,
    };
    // Lookups by value: entries with a sub-code first, then each code's own
    // row: by the code alone, or with no sub-code where sub-codes are listed
    // (an unlisted one is kept, in `Unknown`). (Sub-codes of integer codes
    // are numbers: `rust::kind_of` checks.)
    // Entries keyed by message or section are looked up by it
    // (`keyed_lookups`), not by their code alone.
    let mut order: Vec<_> = entries
        .iter()
        .zip(variants)
        .filter(|(e, _)| matches!(e.code, Code::Numeric(_)) && e.keyed_by.is_none())
        .collect();
    order.sort_by_key(|(entry, _)| entry.subcode.is_none());
    let own = if kind.subcodes {
        quote! { None }
    } else {
        quote! { _ }
    };
    let lookup_arms: TokenStream = order
        .into_iter()
        .map(|(entry, variant)| {
            let code = int(entry.code.as_i64().unwrap_or_default());
            let subcode = subcode(entry).unwrap_or_else(|| own.clone());
            quote! { (#code, #subcode) => #ty::#variant, }
        })
        .collect();
    let (lookups, listed_subcode) = if kind.subcodes {
        let listed_arms = arms(ty, entries, variants, |e| {
            subcode(e).unwrap_or(quote! { None })
        });
        let lookups = quote! {
            /// The code for a (code, sub-code) pair. Never fails: a pair the
            /// article does not list becomes [`Self::Unknown`], keeping both
            /// values; an unlisted sub-code of a listed code is classified as
            /// the code's own row ([`UnknownCode::code_entry`]).
            pub const fn from_code_and_subcode(code: #number, subcode: Option<#number>) -> #ty {
                match (code, subcode) {
                    #lookup_arms
                    (code, subcode) => #ty::Unknown(UnknownCode::new(code, subcode)),
                }
            }
        };
        let listed_subcode = quote! {
            #[allow(deprecated)]
            impl #ty {
                const fn listed_subcode(self) -> Option<#number> {
                    match self {
                        #listed_arms
                        #ty::Unknown(_) => None,
                    }
                }
            }
        };
        (lookups, listed_subcode)
    } else {
        let from_code_doc = format!(
            " The code for a number {} sent. Never fails: an unknown\n number becomes [`Self::Unknown`] and keeps its value.",
            kind.vendor
        );
        // `from_code`: the entry of a code by its number alone.
        let from_code = quote! {
            #[doc = #from_code_doc]
            pub const fn from_code(code: #number) -> #ty {
                match (code, ()) {
                    #lookup_arms
                    (other, ()) => #ty::Unknown(UnknownCode::new(other)),
                }
            }
        };
        let keyed = kind
            .by
            .map(|part| keyed_lookups(part, number, ty, entries, variants));
        let (lookups, listed) = keyed.unwrap_or_default();
        (quote! { #from_code #lookups }, listed)
    };
    let shaped_head = quote! {
        #value
        #unknown

        #[allow(deprecated)]
        impl #ty {
            #lookups
            #statics

            /// The code's value: a number for every numeric code, known or not.
            pub const fn code(self) -> Code {
                match self {
                    #code_arms
                    #ty::Unknown(unknown) => Code::Numeric(unknown.get()),
                }
            }
        }

        #listed_subcode
        #ord
    };
    [shaped_head, middle, rest]
}

/// The lookups of entries keyed by message (`from_listed_message`, which
/// the runtime's `from_code_and_message` falls back from, and the listed
/// message) or by section (`from_section_and_code`), for codes listed more
/// than once; a code listed once is found by its number alone.
fn keyed_lookups(
    part: KeyPart,
    number: &Ident,
    ty: &Ident,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> (TokenStream, TokenStream) {
    let keyed = entries
        .iter()
        .zip(variants)
        .filter(|(e, _)| e.keyed_by == Some(part) && matches!(e.code, Code::Numeric(_)));
    let arms: TokenStream = keyed
        .map(|(entry, variant)| {
            let code = int(entry.code.as_i64().unwrap_or_default());
            let message = &entry.description;
            let section = entry.section.as_deref().unwrap_or_default();
            match part {
                KeyPart::Message => quote! { (#code, #message) => Some(#ty::#variant), },
                KeyPart::Section => quote! { (#section, #code) => #ty::#variant, },
            }
        })
        .collect();
    if part == KeyPart::Section {
        let lookups = quote! {
            /// The code for a number sent by a call the article documents
            /// under `section` (its heading, exactly). A code the article
            /// lists once is found under any section; an unlisted (section,
            /// code) pair falls back to [`Self::from_code`].
            pub fn from_section_and_code(section: &str, code: #number) -> #ty {
                match (section, code) {
                    #arms
                    (_, code) => #ty::from_code(code),
                }
            }
        };
        return (lookups, TokenStream::new());
    }
    let listed_arms = arms_where(ty, entries, variants, |entry| {
        let message = &entry.description;
        (entry.keyed_by == Some(part)).then(|| quote! { Some(#message) })
    });
    let lookups = quote! {
        fn from_listed_message(code: #number, message: &str) -> Option<#ty> {
            match (code, message) {
                #arms
                _ => None,
            }
        }
    };
    let listed = quote! {
        #[allow(deprecated)]
        impl #ty {
            const fn listed_message(self) -> Option<&'static str> {
                match self {
                    #listed_arms
                    _ => None,
                }
            }
        }
    };
    (lookups, listed)
}

fn string_items(runtime: &Runtime, entries: &[ErrorEntry], variants: &[Ident]) -> Shaped {
    let [unknown, from_code, traits, serde] = runtime.file(STRING);
    let (from_code, ord) = methods(from_code);
    let ty = runtime.ty;
    let string_arms = arms(ty, entries, variants, |e| e.key().to_string());
    let shaped_head = quote! {
        #unknown

        #[allow(deprecated)]
        impl #ty {
            #from_code

            /// The code as the article writes it (and the API sends it).
            pub fn code(&self) -> &str {
                match self {
                    #string_arms
                    #ty::Unknown(unknown) => unknown.as_str(),
                }
            }
        }

        #ord
    };
    [shaped_head, traits, serde]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `emit/shared.rs` and the enum's `quote!` write for a stand-in,
    /// which the shared runtime's files (`shared*.rs`, `envelope.rs`) use:
    /// `VENDOR`, `ENVELOPE`, `Category` and its `shared`, and the code's
    /// id, category, action and article facts, per variant.
    macro_rules! wiring_stand_in {
        ($($variant:ident => $id:literal, $category:ident, $action:ident;)*) => {
            const VENDOR: ::channel_errors::Vendor = ::channel_errors::Vendor::new("acme", "Acme");
            #[allow(dead_code)]
            const ENVELOPE: ::channel_errors::Envelope =
                ::channel_errors::Envelope::new(VENDOR, "/code")
                    .subcode("/sub")
                    .message("/message")
                    .data("/data")
                    .success(::channel_errors::Success::CodeIs(0));

            #[derive(Clone, Copy, Debug, PartialEq)]
            pub enum Category {
                RateLimit,
                Authentication,
                Unknown,
            }

            impl Category {
                pub const ALL: &'static [Category] =
                    &[Category::RateLimit, Category::Authentication, Category::Unknown];

                pub const fn as_str(self) -> &'static str {
                    match self {
                        Category::RateLimit => "rate_limit",
                        Category::Authentication => "authentication",
                        Category::Unknown => "unknown",
                    }
                }

                pub const fn shared(self) -> ::channel_errors::Category {
                    match self {
                        Category::RateLimit => ::channel_errors::Category::RateLimit,
                        Category::Authentication => ::channel_errors::Category::Authentication,
                        Category::Unknown => ::channel_errors::Category::Unknown,
                    }
                }
            }

            impl ErrorCode {
                pub const ARTICLE_URL: &'static str = "https://example.com/errors";

                pub const fn as_str(self) -> &'static str {
                    match self { $(ErrorCode::$variant => $id,)* ErrorCode::Unknown(_) => "unknown" }
                }

                pub const fn category(self) -> Category {
                    match self {
                        $(ErrorCode::$variant => Category::$category,)*
                        ErrorCode::Unknown(unknown) => match code_entry(unknown) {
                            Some(own) => own.category(),
                            None => Category::Unknown,
                        },
                    }
                }

                pub const fn action(self) -> ::channel_errors::Action {
                    match self {
                        $(ErrorCode::$variant => ::channel_errors::Action::$action,)*
                        ErrorCode::Unknown(unknown) => match code_entry(unknown) {
                            Some(own) => own.action(),
                            None => ::channel_errors::Action::Escalate,
                        },
                    }
                }

                pub const fn solution(self) -> Option<&'static str> {
                    None
                }

                pub const fn is_known(self) -> bool {
                    !matches!(self, ErrorCode::Unknown(_))
                }
            }
        };
    }

    #[test]
    fn every_shape_is_spliced_with_no_placeholder_left() {
        let shapes = [
            (Some("i64"), true, None),
            (Some("i64"), false, None),
            (Some("i64"), false, Some(KeyPart::Message)),
            (Some("i64"), false, Some(KeyPart::Section)),
            (None, false, None),
        ];
        for (number, subcodes, by) in shapes {
            let kind = Kind {
                number: number.map(|n| format_ident!("{n}")),
                subcodes,
                by,
                vendor: "Acme".into(),
            };
            let tokens = items(&format_ident!("Beacon"), &kind, &[], &[], true);
            let mut texts = Vec::new();
            literals(tokens.clone(), &mut texts);
            assert!(
                texts.iter().all(|t| !t.contains("VENDOR")),
                "a VENDOR placeholder in {texts:?}"
            );
            let tokens = tokens.to_string();
            let words: Vec<&str> = tokens
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .collect();
            // `VENDOR` the constant stays; in texts it is the vendor's name.
            for placeholder in [
                "ErrorCode",
                "u32",
                "SUBCODES",
                "MESSAGES",
                "SECTIONS",
                "SIGNED",
                "NOT_A_CODE",
                "UNKNOWN_DEBUG",
                "cfg_attr",
            ] {
                assert!(!words.contains(&placeholder), "{placeholder} in {tokens}");
            }
            syn::parse_str::<syn::File>(&tokens).expect("the spliced runtime parses");
        }
    }

    /// Every literal's text in `tokens`, however deep.
    fn literals(tokens: TokenStream, out: &mut Vec<String>) {
        for tree in tokens {
            match tree {
                TokenTree::Literal(literal) => out.push(literal.to_string()),
                TokenTree::Group(group) => literals(group.stream(), out),
                _ => {}
            }
        }
    }

    /// Integer codes, as the runtime is written: with sub-codes. The
    /// stand-in is what `quote!` writes from an article of three codes.
    /// The runtime's `if FLAG` blocks stay apart even where clippy would
    /// collapse them: each is a branch the splice keeps or drops.
    #[allow(clippy::collapsible_else_if)]
    mod integer {
        const SUBCODES: bool = true;
        const MESSAGES: bool = false;
        const SECTIONS: bool = false;
        const SIGNED: bool = false;

        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            RateLimited,
            Blocked,
            Legacy,
            Unknown(UnknownCode),
        }

        impl ErrorCode {
            pub(crate) fn from_known_str(code: &str) -> Option<ErrorCode> {
                match code {
                    "429" => Some(ErrorCode::RateLimited),
                    "429:1" => Some(ErrorCode::Blocked),
                    "E1" => Some(ErrorCode::Legacy),
                    _ => None,
                }
            }

            pub fn from_stable_id(id: &str) -> Option<ErrorCode> {
                match id {
                    "rate_limited" => Some(ErrorCode::RateLimited),
                    "blocked" => Some(ErrorCode::Blocked),
                    "legacy" => Some(ErrorCode::Legacy),
                    _ => None,
                }
            }

            pub const fn from_code_and_subcode(code: u32, subcode: Option<u32>) -> ErrorCode {
                match (code, subcode) {
                    (429, Some(1)) => ErrorCode::Blocked,
                    (429, None) => ErrorCode::RateLimited,
                    (code, subcode) => ErrorCode::Unknown(UnknownCode::new(code, subcode)),
                }
            }

            pub const fn code(self) -> Code {
                match self {
                    ErrorCode::RateLimited | ErrorCode::Blocked => Code::Numeric(429),
                    ErrorCode::Legacy => Code::Alphanumeric("E1"),
                    ErrorCode::Unknown(unknown) => Code::Numeric(unknown.get()),
                }
            }

            const fn listed_subcode(self) -> Option<u32> {
                match self {
                    ErrorCode::Blocked => Some(1),
                    _ => None,
                }
            }

            pub const fn name(self) -> &'static str {
                match self {
                    ErrorCode::RateLimited => "RateLimited",
                    ErrorCode::Blocked => "Blocked",
                    ErrorCode::Legacy => "Legacy",
                    ErrorCode::Unknown(_) => "Unknown",
                }
            }

            pub const fn description(self) -> Option<&'static str> {
                match self {
                    ErrorCode::Unknown(_) => None,
                    _ => Some("Slow down."),
                }
            }

            /// The `if MESSAGES` and `if SECTIONS` branches compile against these.
            pub fn message(&self) -> Option<&str> {
                None
            }

            pub const fn section(self) -> Option<&'static str> {
                None
            }
        }

        /// What `quote!` writes for crates with sub-codes: an unlisted
        /// sub-code is classified as its code's own row.
        const fn code_entry(unknown: UnknownCode) -> Option<ErrorCode> {
            unknown.code_entry()
        }

        include!("support/common.rs");
        include!("support/integer.rs");
        include!("support/subcodes.rs");
        include!("support/shared.rs");
        include!("support/shared_integer.rs");
        include!("support/envelope.rs");

        wiring_stand_in! {
            RateLimited => "rate_limited", RateLimit, Backoff;
            Blocked => "blocked", RateLimit, Retry;
            Legacy => "legacy", Authentication, Reauthorize;
        }

        #[test]
        fn codes_answer_the_shared_trait_with_their_own_facts() {
            use ::channel_errors::{Action, Category, Code, VendorCode};
            let blocked: &dyn VendorCode = &ErrorCode::Blocked;
            assert_eq!(blocked.qualified_id(), "acme.blocked");
            assert_eq!(blocked.code(), Code::number(429).with_subcode(1));
            // The code's own action, not its category's default.
            assert_eq!(
                (blocked.action(), blocked.category()),
                (Action::Retry, Category::RateLimit)
            );
            assert_eq!(blocked.description(), Some("Slow down."));
            assert_eq!(blocked.article_url(), "https://example.com/errors");
            assert_eq!(Code::from(ErrorCode::Legacy), Code::text("E1"));
            assert_eq!(
                Code::from(super::integer::Code::Numeric(429)),
                Code::number(429)
            );
            let unknown = ErrorCode::from_code_and_subcode(7, Some(2));
            assert_eq!(VendorCode::code(&unknown), Code::number(7).with_subcode(2));
            assert!(!VendorCode::is_known(&unknown));
            assert_eq!(VendorCode::stable_id(&unknown), "unknown");
        }

        #[test]
        fn a_code_off_the_wire_finds_its_variant_or_is_kept() {
            use ::channel_errors::{Code, FromVendorCode};
            let from = |code: Code| ErrorCode::from_vendor_code(&code);
            assert_eq!(
                from(Code::number(429).with_subcode(1)),
                Some(ErrorCode::Blocked)
            );
            assert_eq!(from(Code::number(429)), Some(ErrorCode::RateLimited));
            assert_eq!(from(Code::text("E1")), Some(ErrorCode::Legacy));
            assert_eq!(
                from(Code::number(7).with_subcode(2)),
                Some(ErrorCode::from_code_and_subcode(7, Some(2)))
            );
            // Not one of the vendor's codes: the body is not its envelope.
            assert_eq!(from(Code::text("E2")), None);
            assert_eq!(from(Code::number(-1)), None);
            assert_eq!(from(Code::number(i64::from(u32::MAX) + 1)), None);
            assert_eq!(from(Code::number(429).with_subcode(-1)), None);
        }

        #[test]
        fn responses_are_read_by_the_envelope_whatever_the_key_order() {
            use ::channel_errors::ChannelError;
            let body = br#"{"data": {}, "message": "slow", "sub": 1, "code": 429}"#;
            let error = read_response::<u8>(200, Some("3"), body).unwrap_err();
            assert_eq!(error.code(), Some(&ErrorCode::Blocked));
            assert_eq!(
                (error.vendor_message(), error.status()),
                (Some("slow"), Some(200))
            );
            assert_eq!(error.stable_id(), "acme.blocked");
            let ok = read_response::<u8>(200, None, br#"{"data": 5, "code": 0}"#);
            assert_eq!(ok, Ok(Some(5)));
            let response = ::http::Response::builder()
                .status(503)
                .body(b"<html>down</html>".to_vec())
                .unwrap();
            let error = read_http_response::<u8, _>(&response).unwrap_err();
            assert_eq!(
                (error.status(), error.stable_id().to_string()),
                (Some(503), "http_503".into())
            );
        }

        #[test]
        fn codes_parse_by_their_string_form_and_keep_unknown_numbers() {
            assert_eq!("429".parse(), Ok(ErrorCode::RateLimited));
            assert_eq!(ErrorCode::try_parse("429:1"), Ok(ErrorCode::Blocked));
            assert_eq!(
                "7".parse::<ErrorCode>().map(ErrorCode::code),
                Ok(Code::Numeric(7))
            );
            let message = |code: &str| code.parse::<ErrorCode>().unwrap_err().to_string();
            assert_eq!(
                message("x"),
                "not a VENDOR error code: expected a known code or a decimal number"
            );
            assert_eq!(
                message("4294967296"),
                "VENDOR error code out of range: expected a number that fits u32"
            );
            assert_eq!(
                ErrorCode::try_parse("7").unwrap_err().to_string(),
                "not a VENDOR error code this crate knows"
            );
        }

        #[test]
        fn stable_ids_parse_beside_codes_but_serde_reads_codes_only() {
            for (id, code) in [
                ("rate_limited", ErrorCode::RateLimited),
                ("blocked", ErrorCode::Blocked),
                ("legacy", ErrorCode::Legacy),
            ] {
                assert_eq!(id.parse(), Ok(code));
                assert_eq!(ErrorCode::try_parse(id), Ok(code));
            }
            assert_eq!(
                "unknown".parse::<ErrorCode>().unwrap_err().to_string(),
                "not a VENDOR error code: expected a known code or a decimal number"
            );
            assert!(serde_json::from_str::<ErrorCode>(r#""rate_limited""#).is_err());
        }

        #[test]
        fn codes_show_their_value_name_and_description() {
            assert_eq!(
                ErrorCode::RateLimited.to_string(),
                "429 RateLimited: Slow down."
            );
            assert_eq!(ErrorCode::Blocked.to_string(), "429:1 Blocked: Slow down.");
            let unknown = ErrorCode::from_code_and_subcode(7, Some(2));
            assert_eq!(
                unknown.to_string(),
                "7:2 Unknown: a VENDOR error code this crate does not know"
            );
            assert_eq!(
                ErrorCode::from_code(7).to_string(),
                "7 Unknown: a VENDOR error code this crate does not know"
            );
            assert_eq!(
                format!(
                    "{unknown:?} {:?} {:?}",
                    ErrorCode::from_code(7),
                    ErrorCode::Legacy
                ),
                "Unknown(7:2) Unknown(7) Legacy"
            );
            let example = format!("{:?}", ErrorCode::from_code(12345));
            assert_eq!(
                example,
                format!("Unknown({UNKNOWN_DEBUG})"),
                "the doc's example"
            );
            assert_eq!(
                (unknown.subcode(), ErrorCode::Blocked.subcode()),
                (Some(2), Some(1))
            );
            assert_eq!(Code::Alphanumeric("E1").to_string(), "E1");
        }

        #[test]
        fn codes_order_and_convert_by_value() {
            let mut codes = [
                ErrorCode::Legacy,
                ErrorCode::Blocked,
                ErrorCode::RateLimited,
                ErrorCode::from_code(7),
            ];
            codes.sort();
            assert_eq!(
                codes,
                [
                    ErrorCode::from_code(7),
                    ErrorCode::RateLimited,
                    ErrorCode::Blocked,
                    ErrorCode::Legacy
                ]
            );
            assert!(
                ErrorCode::RateLimited == 429
                    && Code::Numeric(429) == 429
                    && 429 == Code::Numeric(429)
            );
            assert_eq!(
                (
                    Code::from(ErrorCode::Legacy).as_u32(),
                    Code::Numeric(1).is_numeric()
                ),
                (None, true)
            );
            assert_eq!(u32::try_from(ErrorCode::RateLimited), Ok(429));
            let alphanumeric = u32::try_from(ErrorCode::Legacy).unwrap_err();
            assert_eq!(
                alphanumeric.to_string(),
                "error code E1 is alphanumeric and has no number"
            );
            assert_eq!(ErrorCode::try_from(429), Ok(ErrorCode::RateLimited));
            let unknown = ErrorCode::try_from(7).unwrap_err();
            assert_eq!(
                (unknown.code(), unknown.to_string()),
                (7, "7 is not a VENDOR error code this crate knows".into())
            );
        }

        #[test]
        fn an_unlisted_subcode_is_kept_and_classified_as_its_codes_own_row() {
            let moved = ErrorCode::from_code_and_subcode(429, Some(9));
            let ErrorCode::Unknown(unknown) = moved else {
                panic!("an unlisted sub-code is not its code's row: {moved:?}")
            };
            assert!(!moved.is_known());
            assert_eq!(
                (moved.code(), moved.subcode(), moved.description()),
                (Code::Numeric(429), Some(9), None)
            );
            assert_eq!(unknown.code_entry(), Some(ErrorCode::RateLimited));
            assert_eq!(
                (moved.category(), moved.action()),
                (
                    ErrorCode::RateLimited.category(),
                    ErrorCode::RateLimited.action()
                )
            );
            assert_eq!(
                moved.to_string(),
                "429:9 Unknown: a VENDOR error code this crate does not know"
            );
            assert_eq!("429:9".parse(), Ok(moved));
            // A code the article does not list has no row to take after.
            let ErrorCode::Unknown(stranger) = ErrorCode::from_code_and_subcode(7, Some(2)) else {
                panic!("7 is not listed")
            };
            assert_eq!(stranger.code_entry(), None);
            assert_eq!(
                ErrorCode::Unknown(stranger).action(),
                ::channel_errors::Action::Escalate
            );
        }

        #[test]
        fn the_subcode_survives_the_shared_code_both_ways() {
            use ::channel_errors::FromVendorCode;
            for code in [
                ErrorCode::Blocked,
                ErrorCode::RateLimited,
                ErrorCode::from_code_and_subcode(429, Some(9)),
                ErrorCode::from_code_and_subcode(7, Some(2)),
                ErrorCode::from_code(7),
            ] {
                let shared = ::channel_errors::Code::from(code);
                assert_eq!(shared.subcode(), code.subcode().map(i64::from));
                assert_eq!(ErrorCode::from_vendor_code(&shared), Some(code));
                let text = shared.to_string();
                let parsed: ::channel_errors::Code = text.parse().unwrap();
                assert_eq!(ErrorCode::from_vendor_code(&parsed), Some(code), "{text}");
            }
        }

        #[test]
        fn serde_keeps_the_subcode() {
            let codes = [
                ErrorCode::Blocked,
                ErrorCode::from_code_and_subcode(429, Some(9)),
                ErrorCode::from_code_and_subcode(7, Some(2)),
                ErrorCode::RateLimited,
                ErrorCode::from_code(7),
            ];
            let json = serde_json::to_string(&codes).unwrap();
            assert_eq!(json, r#"["429:1","429:9","7:2",429,7]"#);
            assert_eq!(
                serde_json::from_str::<Vec<ErrorCode>>(&json).unwrap(),
                codes
            );
        }

        #[test]
        fn serde_sends_numbers_and_keeps_unknown_ones() {
            assert_eq!(
                serde_json::to_string(&[ErrorCode::RateLimited, ErrorCode::Legacy]).unwrap(),
                r#"[429,"E1"]"#
            );
            let read: Vec<ErrorCode> = serde_json::from_str(r#"[429, 7, "429:1", "E1"]"#).unwrap();
            assert_eq!(
                read,
                [
                    ErrorCode::RateLimited,
                    ErrorCode::from_code(7),
                    ErrorCode::Blocked,
                    ErrorCode::Legacy
                ]
            );
            let negative = serde_json::from_str::<ErrorCode>("-1")
                .unwrap_err()
                .to_string();
            assert!(
                negative
                    .contains("a VENDOR error code: an integer that fits u32, or its string form"),
                "{negative}"
            );
        }
    }

    /// `UnknownCode` for integer codes without sub-codes.
    mod number {
        include!("support/number.rs");

        #[test]
        fn an_unknown_number_keeps_its_value() {
            assert_eq!(
                (
                    UnknownCode::new(7).get(),
                    format!("{:?}", UnknownCode::new(7))
                ),
                (7, "7".into())
            );
        }
    }

    /// Integer codes keyed by code and message, on a stand-in for an
    /// article that lists 400 with two messages and 401 once.
    mod messages {
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum ErrorCode {
            NoChat,
            TooLong,
            Unauthorized,
            Unknown(UnknownCode),
        }

        impl ErrorCode {
            pub const fn from_code(code: u32) -> ErrorCode {
                match code {
                    401 => ErrorCode::Unauthorized,
                    other => ErrorCode::Unknown(UnknownCode::new(other)),
                }
            }

            fn from_listed_message(code: u32, message: &str) -> Option<ErrorCode> {
                match (code, message) {
                    (400, "Bad Request: no chat") => Some(ErrorCode::NoChat),
                    (400, "Bad Request: too long") => Some(ErrorCode::TooLong),
                    _ => None,
                }
            }

            const fn listed_message(self) -> Option<&'static str> {
                match self {
                    ErrorCode::NoChat => Some("Bad Request: no chat"),
                    ErrorCode::TooLong => Some("Bad Request: too long"),
                    _ => None,
                }
            }
        }

        include!("support/messages.rs");

        #[test]
        fn a_message_finds_its_entry_or_is_kept() {
            let lookup = ErrorCode::from_code_and_message;
            assert_eq!(lookup(400, "Bad Request: too long"), ErrorCode::TooLong);
            assert_eq!(lookup(401, "anything"), ErrorCode::Unauthorized);
            let other = lookup(400, "Bad Request: new");
            assert_eq!(other.message(), Some("Bad Request: new"));
            assert_eq!(format!("{other:?}"), r#"Unknown(400 "Bad Request: new")"#);
            assert_eq!(ErrorCode::NoChat.message(), Some("Bad Request: no chat"));
            assert_eq!(ErrorCode::Unauthorized.message(), None);
            assert_eq!(format!("{:?}", ErrorCode::from_code(400)), "Unknown(400)");
            let long = format!("{}é", "a".repeat(62));
            let ErrorCode::Unknown(cut) = lookup(9, &long) else {
                panic!("9 is unknown")
            };
            assert_eq!((cut.get(), cut.message().map(str::len)), (9, Some(62)));
            assert!(cut.is_truncated());
        }
    }

    /// String codes, on a stand-in for an article of one code.
    mod string {
        /// `Moved`'s code is `"revoked"`, the stable id of `Revoked`.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            TokenExpired,
            Revoked,
            Moved,
            Unknown(UnknownCode),
        }

        impl ErrorCode {
            pub(crate) fn from_known_str(code: &str) -> Option<ErrorCode> {
                match code {
                    "token_expired" => Some(ErrorCode::TokenExpired),
                    "token_revoked" => Some(ErrorCode::Revoked),
                    "revoked" => Some(ErrorCode::Moved),
                    _ => None,
                }
            }

            pub fn from_stable_id(id: &str) -> Option<ErrorCode> {
                match id {
                    "token_expired" => Some(ErrorCode::TokenExpired),
                    "revoked" => Some(ErrorCode::Revoked),
                    "moved" => Some(ErrorCode::Moved),
                    _ => None,
                }
            }

            pub fn code(&self) -> &str {
                match self {
                    ErrorCode::TokenExpired => "token_expired",
                    ErrorCode::Revoked => "token_revoked",
                    ErrorCode::Moved => "revoked",
                    ErrorCode::Unknown(unknown) => unknown.as_str(),
                }
            }

            pub const fn name(self) -> &'static str {
                match self {
                    ErrorCode::TokenExpired => "TokenExpired",
                    ErrorCode::Revoked => "Revoked",
                    ErrorCode::Moved => "Moved",
                    ErrorCode::Unknown(_) => "Unknown",
                }
            }

            pub const fn description(self) -> Option<&'static str> {
                match self {
                    ErrorCode::TokenExpired => Some("Sign in again."),
                    ErrorCode::Revoked | ErrorCode::Moved => Some("Ask again."),
                    ErrorCode::Unknown(_) => None,
                }
            }
        }

        /// Unknown slugs are classified as unknown.
        const fn code_entry(_: UnknownCode) -> Option<ErrorCode> {
            None
        }

        include!("support/common.rs");
        include!("support/string.rs");
        include!("support/shared.rs");
        include!("support/shared_string.rs");

        wiring_stand_in! {
            TokenExpired => "token_expired", Authentication, Reauthorize;
            Revoked => "revoked", Authentication, Reauthorize;
            Moved => "moved", Unknown, Escalate;
        }

        #[test]
        fn categories_parse_and_serialise_as_their_stable_ids() {
            for &category in Category::ALL {
                assert_eq!(category.as_str().parse::<Category>(), Ok(category));
                let json = serde_json::to_string(&category).unwrap();
                assert_eq!(json, format!("\"{}\"", category.as_str()));
                assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
            }
            let error = "throttled".parse::<Category>().unwrap_err();
            assert_eq!(error.what(), "category id");
            assert!(serde_json::from_str::<Category>("\"throttled\"").is_err());
            assert!(serde_json::from_str::<Category>("3").is_err());
        }

        #[test]
        fn slugs_answer_the_shared_trait_and_come_back_from_text() {
            use ::channel_errors::{Action, Code, FromVendorCode, VendorCode};
            let expired: &dyn VendorCode = &ErrorCode::TokenExpired;
            assert_eq!(expired.qualified_id(), "acme.token_expired");
            assert_eq!(
                (expired.code(), expired.action()),
                (Code::text("token_expired"), Action::Reauthorize)
            );
            let from = |code: Code| ErrorCode::from_vendor_code(&code);
            assert_eq!(
                from(Code::text("token_expired")),
                Some(ErrorCode::TokenExpired)
            );
            assert_eq!(
                from(Code::from_str_lossy("new")),
                Some(ErrorCode::from_code("new"))
            );
            assert_eq!(from(Code::number(1)), None);
        }

        #[test]
        fn unknown_codes_are_kept_inline_and_cut_at_a_character_boundary() {
            let long = format!("{}é", "a".repeat(62));
            let cut = ErrorCode::from_code(&long);
            let ErrorCode::Unknown(unknown) = cut else {
                panic!("{cut:?}")
            };
            assert_eq!((unknown.as_str().len(), unknown.is_truncated()), (62, true));
            assert_eq!(
                format!("{:?}", ErrorCode::from_code("new")),
                r#"Unknown("new")"#
            );
            let example = format!("{:?}", ErrorCode::from_code("code"));
            assert_eq!(
                example,
                format!("Unknown({UNKNOWN_DEBUG})"),
                "the doc's example"
            );
            assert_eq!(
                ErrorCode::from_code("token_expired"),
                ErrorCode::TokenExpired
            );
        }

        #[test]
        fn codes_parse_show_and_order_by_their_text() {
            let message = |code: &str| code.parse::<ErrorCode>().unwrap_err().to_string();
            assert_eq!(
                message("a b"),
                "not a VENDOR error code: expected a known code or an identifier"
            );
            assert_eq!(
                message(&"a".repeat(64)),
                "VENDOR error code too long: expected at most 63 bytes"
            );
            assert_eq!(
                ErrorCode::try_parse("new").unwrap_err().to_string(),
                "not a VENDOR error code this crate knows"
            );
            assert_eq!(
                "token_expired".parse::<ErrorCode>().map(|c| c.to_string()),
                Ok("token_expired TokenExpired: Sign in again.".into())
            );
            assert_eq!(
                ErrorCode::from_code("new").to_string(),
                "new Unknown: a VENDOR error code this crate does not know"
            );
            let mut codes = [ErrorCode::TokenExpired, ErrorCode::from_code("new")];
            codes.sort();
            assert_eq!(codes[0].name(), "Unknown");
        }

        #[test]
        fn stable_ids_parse_but_a_code_wins_over_an_id() {
            assert_eq!("moved".parse(), Ok(ErrorCode::Moved));
            assert_eq!(ErrorCode::try_parse("moved"), Ok(ErrorCode::Moved));
            assert_eq!("token_revoked".parse(), Ok(ErrorCode::Revoked));
            assert_eq!("revoked".parse(), Ok(ErrorCode::Moved), "the code wins");
            assert_eq!(
                "unknown".parse::<ErrorCode>(),
                Ok(ErrorCode::from_code("unknown"))
            );
            // Serde reads what the API sends: codes, never ids.
            assert_eq!(
                serde_json::from_str::<ErrorCode>(r#""moved""#).unwrap(),
                ErrorCode::from_code("moved")
            );
            assert!(matches!(
                ErrorCode::from_code("moved"),
                ErrorCode::Unknown(_)
            ));
        }

        #[test]
        fn serde_sends_strings_and_keeps_unknown_ones() {
            assert_eq!(
                serde_json::to_string(&ErrorCode::TokenExpired).unwrap(),
                r#""token_expired""#
            );
            assert_eq!(
                serde_json::from_str::<ErrorCode>(r#""new""#).unwrap(),
                ErrorCode::from_code("new")
            );
            let number = serde_json::from_str::<ErrorCode>("1")
                .unwrap_err()
                .to_string();
            assert!(
                number.contains("a VENDOR error code: a string of at most 63 bytes"),
                "{number}"
            );
        }
    }
}
