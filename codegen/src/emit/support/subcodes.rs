// `UnknownCode` for codes looked up by (code, sub-code), and the lookups
// with no per-code arms.

/// A code (and sub-code) this version of the crate has no variant for.
///
/// Only the lookups by value make one, and only for values that are
/// not known codes, so an unknown code never equals a known one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode {
    code: u32,
    subcode: Option<u32>,
}

impl UnknownCode {
    pub(crate) const fn new(code: u32, subcode: Option<u32>) -> UnknownCode {
        UnknownCode { code, subcode }
    }

    /// The code that was sent.
    pub const fn get(self) -> u32 {
        self.code
    }

    /// The sub-code that was sent with it, if any.
    pub const fn subcode(self) -> Option<u32> {
        self.subcode
    }

    /// The entry the article lists for the code itself (its row without a
    /// sub-code), for a sub-code it does not list: what the unknown code
    /// takes its category and action from. `None` if the code has none.
    pub const fn code_entry(self) -> Option<ErrorCode> {
        match self.subcode {
            None => None,
            Some(_) => match ErrorCode::from_code_and_subcode(self.code, None) {
                ErrorCode::Unknown(_) => None,
                own => Some(own),
            },
        }
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

// @splice: `from_code_and_subcode`, whose block takes these methods.

impl ErrorCode {
    #[doc = " The code for a number VENDOR sent. Never fails: an unknown\n number becomes [`Self::Unknown`] and keeps its value."]
    pub const fn from_code(code: u32) -> ErrorCode {
        ErrorCode::from_code_and_subcode(code, None)
    }

    /// The sub-code, for entries the article lists with one (and
    /// unknown codes that came with one).
    pub const fn subcode(self) -> Option<u32> {
        match self {
            ErrorCode::Unknown(unknown) => unknown.subcode(),
            known => known.listed_subcode(),
        }
    }
}
