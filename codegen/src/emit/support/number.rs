// `UnknownCode` for integer codes without sub-codes.

/// A number this version of the crate has no variant for.
///
/// Only the lookups by value make one, and only for numbers that
/// are not known codes, so an unknown code never equals a known one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode(u32);

impl UnknownCode {
    pub(crate) const fn new(code: u32) -> UnknownCode {
        UnknownCode(code)
    }

    /// The number VENDOR sent.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl ::core::fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Debug::fmt(&self.0, f)
    }
}
