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
//! and run it against a stand-in for the per-code parts, and [`Runtime`]
//! splices it in where its `// @splice:` lines say. So far that is what
//! both shapes share (`common.rs`); the rest is still `quote!` below.

use proc_macro2::{Group, Ident, Literal, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote};

use crate::emit::tokens::{Kind, int};
use crate::model::{Code, ErrorEntry};

const COMMON: &str = include_str!("support/common.rs");
const INTEGER: &str = include_str!("support/integer.rs");
const STRING: &str = include_str!("support/string.rs");

// rustfmt reaches the runtime files through these (it does not follow
// `include!`); the compiler never does, the tests `include!` them instead.
#[cfg(any())]
#[path = "support/common.rs"]
mod common;
#[cfg(any())]
#[path = "support/integer.rs"]
mod integer;
#[cfg(any())]
#[path = "support/string.rs"]
mod string;

/// The runtime files as one crate needs them, adapted token by token. They
/// are written for a type `ErrorCode` with `u32` codes from `VENDOR`: the
/// type and the number are renamed (`as_u32` too), and `u32` and `VENDOR`
/// replaced in strings and docs; a `const NAME: &str` is a text of the
/// shape's, written in wherever named (code, strings, docs); `if SUBCODES {
/// a } else { b }` keeps the crate's branch; `cfg_attr(not(test), cfg(..))`
/// becomes the `cfg`.
struct Runtime<'a> {
    ty: &'a Ident,
    kind: &'a Kind,
    texts: Vec<(String, String)>,
}

impl Runtime<'_> {
    /// A runtime file's sections, each after a comment line: the file's
    /// first, then each `// @splice:` line.
    fn file<const N: usize>(&mut self, source: &str) -> [TokenStream; N] {
        let sections: Vec<TokenStream> = source
            .split("\n// @splice:")
            .map(|section| {
                let code = section.split_once('\n').map_or("", |s| s.1);
                let mut kept = TokenStream::new();
                for item in syn::parse_file(code).expect("the tests compile it").items {
                    match item {
                        syn::Item::Const(text) if text.ident != "_" => {
                            self.texts
                                .push((text.ident.to_string(), string(&*text.expr)));
                        }
                        item => item.to_tokens(&mut kept),
                    }
                }
                kept
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
                        && trees.peek().is_some_and(|t| t.to_string() == "SUBCODES") =>
                {
                    let branches = (trees.next(), trees.next(), trees.next(), trees.next());
                    let (_, Some(TokenTree::Group(then)), _, Some(TokenTree::Group(other))) =
                        branches
                    else {
                        panic!("`if SUBCODES` has a block and an `else` block")
                    };
                    out.extend(self.adapt(if self.kind.subcodes { then } else { other }.stream()));
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

pub(crate) fn items(
    ty: &Ident,
    kind: &Kind,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> TokenStream {
    let mut runtime = Runtime {
        ty,
        kind,
        texts: Vec::new(),
    };
    let [head, debug, errors] = runtime.file(COMMON);
    let shaped = match &kind.number {
        Some(number) => integer_items(&mut runtime, number, entries, variants),
        None => string_items(&mut runtime, entries, variants),
    };
    let (try_parse, head) = methods(head);
    let [try_parse, head, debug, errors] =
        [try_parse, head, debug, errors].map(|s| runtime.adapt(s));
    let [shaped_head, shaped_middle, shaped_tail] = shaped;
    // Each entry's key in its string form, as `FromStr` accepts it.
    let keys = entries.iter().map(|e| e.key().to_string());
    let known_arms = keys
        .zip(variants)
        .map(|(key, variant)| quote! { #key => Some(#ty::#variant), });
    quote! {
        #[allow(deprecated)]
        impl #ty {
            /// A known code from its exact string form (`"40100"`, `"E1001"`,
            /// `"1:99"` with a sub-code).
            pub(crate) fn from_known_str(code: &str) -> Option<#ty> {
                match code {
                    #(#known_arms)*
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
    }
}

/// The string form of an entry's key, as `FromStr` accepts it.
fn key_strings(entries: &[ErrorEntry]) -> Vec<String> {
    entries.iter().map(|e| e.key().to_string()).collect()
}

/// A code's value as the generated `Code`.
fn code_value(code: &Code) -> TokenStream {
    match code {
        Code::Numeric(n) => {
            let n = int(*n);
            quote! { Code::Numeric(#n) }
        }
        Code::Text(s) => quote! { Code::Alphanumeric(#s) },
    }
}

/// What goes between the runtime's common sections: before `Debug`, between
/// it and the parse error, after that.
type Shaped = [TokenStream; 3];

fn integer_items(
    runtime: &mut Runtime,
    number: &Ident,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> Shaped {
    let [_] = runtime.file(INTEGER);
    let (ty, kind) = (runtime.ty, runtime.kind);
    let vendor = &kind.vendor;
    let as_number = format_ident!("as_{}", number);
    let serialize_number = format_ident!("serialize_{}", number);
    let signed = number == "i64";
    let code_arms: TokenStream = variants
        .iter()
        .zip(entries)
        .map(|(variant, entry)| {
            let code = code_value(&entry.code);
            quote! { #ty::#variant => #code, }
        })
        .collect();
    // Lookups by value: entries with a sub-code first, then each code's own
    // row, which takes any sub-code it does not list.
    let numeric = |e: &ErrorEntry, with_subcode: bool| {
        matches!(
            (&e.code, &e.subcode),
            (Code::Numeric(_), Some(Code::Numeric(_))) if with_subcode
        ) || matches!((&e.code, &e.subcode), (Code::Numeric(_), None) if !with_subcode)
    };
    let order: Vec<usize> = [true, false]
        .into_iter()
        .flat_map(|with_subcode| {
            (0..entries.len()).filter(move |&i| numeric(&entries[i], with_subcode))
        })
        .collect();
    let arms: TokenStream = order
        .into_iter()
        .map(|i| (&entries[i], &variants[i]))
        .map(|(entry, variant)| match (&entry.code, &entry.subcode) {
            (Code::Numeric(n), Some(Code::Numeric(s))) => {
                let (n, s) = (int(*n), int(*s));
                quote! { (#n, Some(#s)) => #ty::#variant, }
            }
            (Code::Numeric(n), _) => {
                let n = int(*n);
                quote! { (#n, _) => #ty::#variant, }
            }
            _ => unreachable!("only numeric entries are in the order"),
        })
        .collect();
    let value_doc = format!(
        " A code's value as the article writes it: a number, as {vendor} sends it,\n or an alphanumeric code (`E1001`, `0001`), which has a form of its own\n instead of a sentinel number. Compares with `{number}` directly."
    );
    let numeric_doc = format!(" A decimal code, as {vendor} sends it.");
    let unknown_struct = if kind.subcodes {
        quote! {
            /// A code (and sub-code) this version of the crate has no variant for.
            ///
            /// Only the lookups by value make one, and only for values that are
            /// not known codes, so an unknown code never equals a known one.
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct UnknownCode {
                code: #number,
                subcode: Option<#number>,
            }

            impl UnknownCode {
                pub(crate) const fn new(code: #number, subcode: Option<#number>) -> UnknownCode {
                    UnknownCode { code, subcode }
                }

                /// The code that was sent.
                pub const fn get(self) -> #number {
                    self.code
                }

                /// The sub-code that was sent with it, if any.
                pub const fn subcode(self) -> Option<#number> {
                    self.subcode
                }
            }

            impl ::core::fmt::Debug for UnknownCode {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self.subcode {
                        Some(sub) => write!(f, "{}:{}", self.code, sub),
                        None => ::core::fmt::Debug::fmt(&self.code, f),
                    }
                }
            }
        }
    } else {
        let get_doc = format!(" The number {vendor} sent.");
        quote! {
            /// A number this version of the crate has no variant for.
            ///
            /// Only the lookups by value make one, and only for numbers that
            /// are not known codes, so an unknown code never equals a known one.
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct UnknownCode(#number);

            impl UnknownCode {
                pub(crate) const fn new(code: #number) -> UnknownCode {
                    UnknownCode(code)
                }

                #[doc = #get_doc]
                pub const fn get(self) -> #number {
                    self.0
                }
            }

            impl ::core::fmt::Debug for UnknownCode {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Debug::fmt(&self.0, f)
                }
            }
        }
    };
    let from_code_doc = format!(
        " The code for a number {vendor} sent. Never fails: an unknown\n number becomes [`Self::Unknown`] and keeps its value."
    );
    let lookups = if kind.subcodes {
        quote! {
            /// The code for a (code, sub-code) pair. Never fails: a sub-code the
            /// article does not list falls back to the code's own row, and an
            /// unknown pair becomes [`Self::Unknown`], keeping both values.
            pub const fn from_code_and_subcode(code: #number, subcode: Option<#number>) -> #ty {
                match (code, subcode) {
                    #arms
                    (code, subcode) => #ty::Unknown(UnknownCode::new(code, subcode)),
                }
            }

            #[doc = #from_code_doc]
            pub const fn from_code(code: #number) -> #ty {
                #ty::from_code_and_subcode(code, None)
            }

            /// The sub-code, for entries the article lists with one (and
            /// unknown codes that came with one).
            pub const fn subcode(self) -> Option<#number> {
                match self {
                    #ty::Unknown(unknown) => unknown.subcode(),
                    known => known.listed_subcode(),
                }
            }
        }
    } else {
        quote! {
            #[doc = #from_code_doc]
            pub const fn from_code(code: #number) -> #ty {
                match (code, ()) {
                    #arms
                    (other, ()) => #ty::Unknown(UnknownCode::new(other)),
                }
            }
        }
    };
    let listed_subcode = if kind.subcodes {
        let sub_arms: TokenStream = variants
            .iter()
            .zip(entries)
            .map(|(variant, entry)| match &entry.subcode {
                Some(Code::Numeric(s)) => {
                    let s = int(*s);
                    quote! { #ty::#variant => Some(#s), }
                }
                _ => quote! { #ty::#variant => None, },
            })
            .collect();
        quote! {
            #[allow(deprecated)]
            impl #ty {
                const fn listed_subcode(self) -> Option<#number> {
                    match self {
                        #sub_arms
                        #ty::Unknown(_) => None,
                    }
                }
            }
        }
    } else {
        quote! {}
    };
    let from_str_number = if signed {
        quote! {
            let digits = code.strip_prefix('-').unwrap_or(code);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ParseErrorCodeError { kind: ParseKind::NotACode });
            }
        }
    } else {
        quote! {
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ParseErrorCodeError { kind: ParseKind::NotACode });
            }
        }
    };
    let from_str_body = if kind.subcodes {
        quote! {
            let (code, subcode) = match code.split_once(':') {
                Some((code, subcode)) => (code, Some(subcode)),
                None => (code, None),
            };
            let parse = |code: &str| -> Result<#number, ParseErrorCodeError> {
                #from_str_number
                code.parse::<#number>().map_err(|_| ParseErrorCodeError { kind: ParseKind::TooLarge })
            };
            let subcode = match subcode {
                Some(subcode) => Some(parse(subcode)?),
                None => None,
            };
            Ok(#ty::from_code_and_subcode(parse(code)?, subcode))
        }
    } else {
        quote! {
            #from_str_number
            code.parse::<#number>()
                .map(#ty::from_code)
                .map_err(|_| ParseErrorCodeError { kind: ParseKind::TooLarge })
        }
    };
    let unknown_display = format!("{{}} Unknown: a {vendor} error code this crate does not know");
    let unknown_error = format!("{{}} is not a {vendor} error code this crate knows");
    let expecting =
        format!("a {vendor} error code: an integer that fits {number}, or its string form");
    let ord_key = if kind.subcodes {
        quote! { (self.code(), self.subcode()).cmp(&(other.code(), other.subcode())) }
    } else {
        quote! { self.code().cmp(&other.code()) }
    };
    let display_key = if kind.subcodes {
        quote! {
            match self.subcode() {
                Some(sub) => write!(f, "{}:{} {}: {}", self.code(), sub, self.name(), description),
                None => write!(f, "{} {}: {}", self.code(), self.name(), description),
            }
        }
    } else {
        quote! { write!(f, "{} {}: {}", self.code(), self.name(), description) }
    };
    let head = quote! {
        #[doc = #value_doc]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub enum Code {
            #[doc = #numeric_doc]
            Numeric(#number),
            /// A code with letters or significant leading zeros (`E1001`,
            /// `0001`); never in a response's integer field.
            Alphanumeric(&'static str),
        }

        impl Code {
            /// The number, for numeric codes.
            pub const fn #as_number(self) -> Option<#number> {
                match self {
                    Code::Numeric(n) => Some(n),
                    Code::Alphanumeric(_) => None,
                }
            }

            /// Whether this is a decimal code.
            pub const fn is_numeric(self) -> bool {
                matches!(self, Code::Numeric(_))
            }
        }

        impl PartialEq<#number> for Code {
            fn eq(&self, other: &#number) -> bool {
                *self == Code::Numeric(*other)
            }
        }

        impl PartialEq<Code> for #number {
            fn eq(&self, other: &Code) -> bool {
                other == self
            }
        }

        impl ::core::fmt::Display for Code {
            /// The string form: `40100`, `E1001`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    Code::Numeric(n) => ::core::fmt::Display::fmt(n, f),
                    Code::Alphanumeric(s) => f.write_str(s),
                }
            }
        }

        #unknown_struct

        #[allow(deprecated)]
        impl #ty {
            #lookups

            /// The code's value: a number for every numeric code, known or not.
            pub const fn code(self) -> Code {
                match self {
                    #code_arms
                    #ty::Unknown(unknown) => Code::Numeric(unknown.get()),
                }
            }
        }

        #listed_subcode

        impl Ord for #ty {
            /// By code value (numbers ascending, then alphanumeric codes), known
            /// or not: the order the article lists codes in may change, a code's
            /// value does not. Two codes with the same value are the same code.
            fn cmp(&self, other: &#ty) -> ::core::cmp::Ordering {
                #ord_key
            }
        }

    };
    let middle = quote! {
        impl ::core::fmt::Display for #ty {
            /// The code, the variant's name, then the article's description.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.description() {
                    Some(description) => #display_key,
                    None => write!(f, #unknown_display, self.code()),
                }
            }
        }

        impl ::core::str::FromStr for #ty {
            type Err = ParseErrorCodeError;

            /// Lenient parsing: any known code's string form (`"40100"`,
            /// `"E1001"`), or any decimal number that fits, which keeps its value.
            fn from_str(code: &str) -> Result<#ty, ParseErrorCodeError> {
                if let Some(known) = #ty::from_known_str(code) {
                    return Ok(known);
                }
                #from_str_body
            }
        }

        impl TryFrom<#number> for #ty {
            type Error = UnknownCodeError;

            /// Only codes this crate knows; use `from_code` to keep any number.
            fn try_from(code: #number) -> Result<#ty, UnknownCodeError> {
                match #ty::from_code(code) {
                    #ty::Unknown(_) => Err(UnknownCodeError { code }),
                    known => Ok(known),
                }
            }
        }

        impl From<#ty> for Code {
            fn from(code: #ty) -> Code {
                code.code()
            }
        }

        impl TryFrom<#ty> for #number {
            type Error = NotNumericError;

            /// The number, for every numeric code; alphanumeric codes have none.
            fn try_from(code: #ty) -> Result<#number, NotNumericError> {
                code.code().#as_number().ok_or(NotNumericError { code })
            }
        }

        impl PartialEq<#number> for #ty {
            fn eq(&self, other: &#number) -> bool {
                self.code() == *other
            }
        }

    };
    let tail = quote! {
        /// A number that is not a code this crate knows (from `TryFrom`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct UnknownCodeError {
            code: #number,
        }

        impl UnknownCodeError {
            /// The number that was refused.
            pub const fn code(self) -> #number {
                self.code
            }
        }

        impl ::core::fmt::Display for UnknownCodeError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, #unknown_error, self.code)
            }
        }

        impl ::core::error::Error for UnknownCodeError {}

        /// An alphanumeric code asked for as a number.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct NotNumericError {
            code: #ty,
        }

        impl ::core::fmt::Display for NotNumericError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, "error code {} is alphanumeric and has no number", self.code.code())
            }
        }

        impl ::core::error::Error for NotNumericError {}

        /// The code as the API sends it: an integer (a string for alphanumeric
        /// codes). Deserialising never loses a code: unknown numbers are kept.
        #[cfg(feature = "serde")]
        const _: () = {
            use ::serde::de::{self, Deserialize, Deserializer, Visitor};
            use ::serde::ser::{Serialize, Serializer};

            impl Serialize for #ty {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self.code() {
                        Code::Numeric(n) => serializer.#serialize_number(n),
                        Code::Alphanumeric(s) => serializer.serialize_str(s),
                    }
                }
            }

            struct CodeVisitor;

            impl Visitor<'_> for CodeVisitor {
                type Value = #ty;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#expecting)
                }

                fn visit_u64<E: de::Error>(self, value: u64) -> Result<#ty, E> {
                    #number::try_from(value)
                        .map(#ty::from_code)
                        .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
                }

                fn visit_i64<E: de::Error>(self, value: i64) -> Result<#ty, E> {
                    #number::try_from(value)
                        .map(#ty::from_code)
                        .map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
                }

                fn visit_str<E: de::Error>(self, value: &str) -> Result<#ty, E> {
                    value
                        .parse()
                        .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
                }
            }

            impl<'de> Deserialize<'de> for #ty {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<#ty, D::Error> {
                    deserializer.deserialize_any(CodeVisitor)
                }
            }
        };
    };
    [head, middle, tail]
}

fn string_items(runtime: &mut Runtime, entries: &[ErrorEntry], variants: &[Ident]) -> Shaped {
    let [_] = runtime.file(STRING);
    let (ty, kind) = (runtime.ty, runtime.kind);
    let vendor = &kind.vendor;
    let string_arms: TokenStream = key_strings(entries)
        .iter()
        .zip(variants)
        .map(|(string, variant)| quote! { #ty::#variant => #string, })
        .collect();
    let unknown_display = format!("{{}} Unknown: a {vendor} error code this crate does not know");
    let expecting = format!("a {vendor} error code: a string of at most 63 bytes");
    let head = quote! {
        /// A code this version of the crate has no variant for, kept inline
        /// (up to [`UnknownCode::MAX_LEN`] bytes) so the error type stays
        /// `Copy` and needs no allocator.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct UnknownCode {
            len: u8,
            bytes: [u8; 63],
            truncated: bool,
        }

        impl UnknownCode {
            /// The longest code kept whole.
            pub const MAX_LEN: usize = 63;

            /// Keeps `code`; a longer one keeps its first bytes (at a
            /// character boundary) and says so in [`Self::is_truncated`].
            fn new(code: &str) -> UnknownCode {
                let mut end = code.len().min(UnknownCode::MAX_LEN);
                while !code.is_char_boundary(end) {
                    end -= 1;
                }
                let mut bytes = [0u8; 63];
                bytes[..end].copy_from_slice(&code.as_bytes()[..end]);
                UnknownCode { len: end as u8, bytes, truncated: end < code.len() }
            }

            /// The code that was sent.
            pub fn as_str(&self) -> &str {
                ::core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
            }

            /// Whether the code was longer than [`Self::MAX_LEN`] and was cut
            /// (only `from_code` cuts; parsing refuses instead).
            pub const fn is_truncated(&self) -> bool {
                self.truncated
            }
        }

        impl ::core::fmt::Debug for UnknownCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(self.as_str(), f)
            }
        }

        #[allow(deprecated)]
        impl #ty {
            /// The code for a string the API sent. Never fails: an unknown
            /// code becomes [`Self::Unknown`] and keeps its value.
            pub fn from_code(code: &str) -> #ty {
                #ty::from_known_str(code).unwrap_or_else(|| #ty::Unknown(UnknownCode::new(code)))
            }

            /// The code as the article writes it (and the API sends it).
            pub fn code(&self) -> &str {
                match self {
                    #string_arms
                    #ty::Unknown(unknown) => unknown.as_str(),
                }
            }
        }

        impl Ord for #ty {
            /// By code, known or not: the article's order may change, a code does not.
            fn cmp(&self, other: &#ty) -> ::core::cmp::Ordering {
                self.code().cmp(other.code())
            }
        }

    };
    let middle = quote! {
        impl ::core::fmt::Display for #ty {
            /// The code, the variant's name, then the article's description.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.description() {
                    Some(description) => write!(f, "{} {}: {}", self.code(), self.name(), description),
                    None => write!(f, #unknown_display, self.code()),
                }
            }
        }

        impl ::core::str::FromStr for #ty {
            type Err = ParseErrorCodeError;

            /// Any non-empty code of at most [`UnknownCode::MAX_LEN`] bytes
            /// without whitespace; unknown ones keep their value.
            fn from_str(code: &str) -> Result<#ty, ParseErrorCodeError> {
                if code.is_empty() || code.contains(char::is_whitespace) {
                    return Err(ParseErrorCodeError { kind: ParseKind::NotACode });
                }
                if code.len() > UnknownCode::MAX_LEN && #ty::from_known_str(code).is_none() {
                    return Err(ParseErrorCodeError { kind: ParseKind::TooLarge });
                }
                Ok(#ty::from_code(code))
            }
        }

    };
    let tail = quote! {
        /// The code as the API sends it: a string. Deserialising keeps unknown
        /// codes; one longer than [`UnknownCode::MAX_LEN`] is refused.
        #[cfg(feature = "serde")]
        const _: () = {
            use ::serde::de::{self, Deserialize, Deserializer, Visitor};
            use ::serde::ser::{Serialize, Serializer};

            impl Serialize for #ty {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.code())
                }
            }

            struct CodeVisitor;

            impl Visitor<'_> for CodeVisitor {
                type Value = #ty;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#expecting)
                }

                fn visit_str<E: de::Error>(self, value: &str) -> Result<#ty, E> {
                    value
                        .parse()
                        .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
                }
            }

            impl<'de> Deserialize<'de> for #ty {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<#ty, D::Error> {
                    deserializer.deserialize_str(CodeVisitor)
                }
            }
        };
    };
    [head, middle, tail]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_is_spliced_with_no_placeholder_left() {
        for (number, subcodes) in [(Some("i64"), true), (Some("i64"), false), (None, false)] {
            let kind = Kind {
                number: number.map(|n| format_ident!("{n}")),
                subcodes,
                vendor: "Acme".into(),
            };
            let tokens = items(&format_ident!("Beacon"), &kind, &[], &[]).to_string();
            let words: Vec<&str> = tokens
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .collect();
            for placeholder in [
                "ErrorCode",
                "u32",
                "VENDOR",
                "SUBCODES",
                "NOT_A_CODE",
                "UNKNOWN_DEBUG",
                "cfg_attr",
            ] {
                assert!(!words.contains(&placeholder), "{placeholder} in {tokens}");
            }
            syn::parse_str::<syn::File>(&tokens).expect("the spliced runtime parses");
        }
    }

    /// The common runtime, on a stand-in for the rest (and the integer
    /// shape's texts).
    mod common {
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct UnknownCode;

        impl ::core::fmt::Debug for UnknownCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(UNKNOWN_DEBUG)
            }
        }

        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            Known,
            Unknown(UnknownCode),
        }

        impl ErrorCode {
            pub(crate) fn from_known_str(code: &str) -> Option<ErrorCode> {
                (code == "1").then_some(ErrorCode::Known)
            }

            pub const fn name(self) -> &'static str {
                "Known"
            }
        }

        impl Ord for ErrorCode {
            fn cmp(&self, other: &ErrorCode) -> ::core::cmp::Ordering {
                self.name().cmp(other.name())
            }
        }

        impl ::core::fmt::Display for ErrorCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        include!("support/common.rs");
        include!("support/integer.rs");

        #[test]
        fn strict_parsing_knows_only_known_codes() {
            assert_eq!(ErrorCode::try_parse("1"), Ok(ErrorCode::Known));
            let unknown = ErrorCode::try_parse("2").unwrap_err();
            assert_eq!(
                unknown.to_string(),
                "not a VENDOR error code this crate knows"
            );
            let errors =
                [ParseKind::NotACode, ParseKind::TooLarge].map(|kind| ParseErrorCodeError { kind });
            assert_eq!(errors.map(|e| e.to_string()), [NOT_A_CODE, TOO_LARGE]);
            let shown = format!(
                "{:?} {:?}",
                ErrorCode::Known,
                ErrorCode::Unknown(UnknownCode)
            );
            assert_eq!(shown, format!("Known Unknown({UNKNOWN_DEBUG})"));
            assert!(ErrorCode::Known <= ErrorCode::Known);
        }
    }
}
