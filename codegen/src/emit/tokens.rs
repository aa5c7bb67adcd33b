//! What the Rust emitter and its support module share: how a crate's codes
//! are typed, and literals for them.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, quote};

use crate::model::{ErrorEntry, KeyPart};

/// How a crate's codes are typed: `u32`/`i64` numbers (with `Code` for the
/// value and known alphanumeric codes), or strings.
pub(crate) struct Kind {
    /// The integer type; `None` for string codes.
    pub number: Option<Ident>,
    pub subcodes: bool,
    /// What the entries of a repeated code are looked up by, if any repeats.
    pub by: Option<KeyPart>,
    pub vendor: String,
}

/// An integer literal for a match pattern or an expression (`-1` as `-` `1`).
pub(crate) fn int(n: i64) -> TokenStream {
    let abs = Literal::u64_unsuffixed(n.unsigned_abs());
    let minus = (n < 0).then(|| quote! { - });
    quote! { #minus #abs }
}

pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A method's arms: `Type::Variant => value,` for every code.
pub(crate) fn arms<T: ToTokens>(
    ty: &Ident,
    entries: &[ErrorEntry],
    variants: &[Ident],
    value: impl Fn(&ErrorEntry) -> T,
) -> TokenStream {
    arms_where(ty, entries, variants, |entry| Some(value(entry)))
}

/// A method's arms for the entries `value` gives a value: `Type::Variant
/// => value,`.
pub(crate) fn arms_where<T: ToTokens>(
    ty: &Ident,
    entries: &[ErrorEntry],
    variants: &[Ident],
    value: impl Fn(&ErrorEntry) -> Option<T>,
) -> TokenStream {
    entries
        .iter()
        .zip(variants)
        .filter_map(|(entry, variant)| value(entry).map(|v| quote! { #ty::#variant => #v, }))
        .collect()
}
