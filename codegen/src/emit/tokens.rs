//! What the Rust emitter and its support module share: how a crate's codes
//! are typed, and literals for them.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::KeyPart;

/// How a crate's codes are typed: `u32`/`i64` numbers (with `Code` for the
/// value and known alphanumeric codes), or strings.
#[derive(Clone)]
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
    if n < 0 {
        quote! { -#abs }
    } else {
        quote! { #abs }
    }
}
