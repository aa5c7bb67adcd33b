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

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::emit::tokens::{Kind, int};
use crate::model::{Code, ErrorEntry};

pub(crate) fn items(
    ty: &Ident,
    kind: &Kind,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> TokenStream {
    let shaped = match &kind.number {
        Some(number) => integer_items(ty, kind, number, entries, variants),
        None => string_items(ty, kind, entries, variants),
    };
    let known_arms: TokenStream = key_strings(entries)
        .iter()
        .zip(variants)
        .map(|(string, variant)| quote! { #string => Some(#ty::#variant), })
        .collect();
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

            /// Strict parsing: only codes this crate knows, by their string form.
            pub fn try_parse(code: &str) -> Result<#ty, ParseErrorCodeError> {
                #ty::from_known_str(code).ok_or(ParseErrorCodeError { kind: ParseKind::Unknown })
            }
        }

        impl PartialOrd for #ty {
            fn partial_cmp(&self, other: &#ty) -> Option<::core::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl ::core::error::Error for #ty {}

        #shaped
    }
}

/// The string form of an entry's key, as `FromStr` accepts it.
fn key_strings(entries: &[ErrorEntry]) -> Vec<String> {
    entries.iter().map(|e| e.key().to_string()).collect()
}

fn error_types(kind: &Kind, range: &str) -> TokenStream {
    let vendor = &kind.vendor;
    let not_a_code = format!("not a {vendor} error code: expected a known code or {range}");
    let too_large = match &kind.number {
        Some(n) => format!("{vendor} error code out of range: expected a number that fits {n}"),
        None => format!("{vendor} error code too long: expected at most 63 bytes"),
    };
    let unknown = format!("not a {vendor} error code this crate knows");
    quote! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum ParseKind {
            NotACode,
            TooLarge,
            Unknown,
        }

        /// A string that is not an error code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseErrorCodeError {
            kind: ParseKind,
        }

        impl ::core::fmt::Display for ParseErrorCodeError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(match self.kind {
                    ParseKind::NotACode => #not_a_code,
                    ParseKind::TooLarge => #too_large,
                    ParseKind::Unknown => #unknown,
                })
            }
        }

        impl ::core::error::Error for ParseErrorCodeError {}
    }
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

fn integer_items(
    ty: &Ident,
    kind: &Kind,
    number: &Ident,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> TokenStream {
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
    let errors = error_types(kind, "a decimal number");
    let unknown_display = format!("{{}} Unknown: a {vendor} error code this crate does not know");
    let unknown_error = format!("{{}} is not a {vendor} error code this crate knows");
    let expecting =
        format!("a {vendor} error code: an integer that fits {number}, or its string form");
    let ord_key = if kind.subcodes {
        quote! { (self.code(), self.subcode()).cmp(&(other.code(), other.subcode())) }
    } else {
        quote! { self.code().cmp(&other.code()) }
    };
    let debug_unknown = quote! { #ty::Unknown(unknown) => write!(f, "Unknown({:?})", unknown) };
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
    quote! {
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

        impl ::core::fmt::Debug for #ty {
            /// The variant name; `Unknown(12345)` for unknown codes.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #debug_unknown,
                    known => f.write_str(known.name()),
                }
            }
        }

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

        #errors

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
    }
}

fn string_items(
    ty: &Ident,
    kind: &Kind,
    entries: &[ErrorEntry],
    variants: &[Ident],
) -> TokenStream {
    let vendor = &kind.vendor;
    let string_arms: TokenStream = key_strings(entries)
        .iter()
        .zip(variants)
        .map(|(string, variant)| quote! { #ty::#variant => #string, })
        .collect();
    let errors = error_types(kind, "an identifier");
    let unknown_display = format!("{{}} Unknown: a {vendor} error code this crate does not know");
    let expecting = format!("a {vendor} error code: a string of at most 63 bytes");
    quote! {
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

        impl ::core::fmt::Debug for #ty {
            /// The variant name; `Unknown("code")` for unknown codes.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #ty::Unknown(unknown) => write!(f, "Unknown({:?})", unknown),
                    known => f.write_str(known.name()),
                }
            }
        }

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

        #errors

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
    }
}
