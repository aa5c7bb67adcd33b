// `UnknownCode` for codes looked up by (code, message): an HTTP status the
// article lists with a message per row. The message sent with an unknown
// pair is kept inline, as string codes keep theirs, so the type stays
// `Copy` and needs no allocator.

/// A code (and the message it came with) this version of the crate has no
/// variant for.
///
/// Only the lookups by value make one, and only for values that are not
/// known codes, so an unknown code never equals a known one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode {
    code: u32,
    len: u8,
    bytes: [u8; 63],
    truncated: bool,
}

impl UnknownCode {
    /// The longest message kept whole.
    pub const MAX_MESSAGE_LEN: usize = 63;

    pub(crate) const fn new(code: u32) -> UnknownCode {
        UnknownCode {
            code,
            len: 0,
            bytes: [0u8; 63],
            truncated: false,
        }
    }

    /// Keeps `code` and `message`; a longer message keeps its first bytes
    /// (at a character boundary) and says so in [`Self::is_truncated`].
    fn with_message(code: u32, message: &str) -> UnknownCode {
        let mut end = message.len().min(UnknownCode::MAX_MESSAGE_LEN);
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        let mut unknown = UnknownCode::new(code);
        unknown.bytes[..end].copy_from_slice(&message.as_bytes()[..end]);
        unknown.len = end as u8;
        unknown.truncated = end < message.len();
        unknown
    }

    /// The code that was sent.
    pub const fn get(self) -> u32 {
        self.code
    }

    /// The message that was sent with it; `None` if none was (or it was empty).
    pub fn message(&self) -> Option<&str> {
        let text = ::core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("");
        (!text.is_empty()).then_some(text)
    }

    /// Whether the message was longer than [`Self::MAX_MESSAGE_LEN`] and was cut.
    pub const fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl ::core::fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self.message() {
            Some(message) => write!(f, "{} {:?}", self.code, message),
            None => ::core::fmt::Debug::fmt(&self.code, f),
        }
    }
}

// @splice: `from_code` and `from_code_and_message`, whose block takes these methods.

impl ErrorCode {
    /// The code for a number and the message VENDOR sent with it. Never
    /// fails: a message the article does not list falls back to the code's
    /// own entry (a code it lists once), else to [`Self::Unknown`], which
    /// keeps the code and the message.
    pub fn from_code_and_message(code: u32, message: &str) -> ErrorCode {
        match ErrorCode::from_listed_message(code, message) {
            Some(known) => known,
            None => match ErrorCode::from_code(code) {
                ErrorCode::Unknown(_) => {
                    ErrorCode::Unknown(UnknownCode::with_message(code, message))
                }
                own => own,
            },
        }
    }

    /// The message: the one the article lists this entry with, where it
    /// lists the code with several; the one kept, for unknown codes.
    pub fn message(&self) -> Option<&str> {
        match self {
            ErrorCode::Unknown(unknown) => unknown.message(),
            known => known.listed_message(),
        }
    }
}
