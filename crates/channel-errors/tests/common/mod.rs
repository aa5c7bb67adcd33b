//! Three small hand-written vendors, standing in for generated crates: each
//! is only a code type implementing the shared traits and a `const`
//! envelope, as a generated crate will emit them.
//!
//! - Tok: `u32` codes in a TikTok-shaped envelope (`{"code": 0, "message",
//!   "request_id", "data"}`, HTTP 200 even for failures).
//! - Chirp: `i64` codes with sub-codes in a Graph-shaped envelope
//!   (`{"error": {"code", "error_subcode", "message", "trace_id"}}` under
//!   4xx/5xx; the successful body is the payload).
//! - Slate: text codes (`{"ok": false, "error": "rate_limited"}`), unknown
//!   ones kept inline in a `Code`, without an allocator.
//!
//! Every one has a `rate_limited`: their qualified ids keep them apart.

#![allow(dead_code)]

use channel_errors::{
    Action, Category, Code, CodeValue, Envelope, FromVendorCode, Success, Vendor, VendorCode,
};

pub const ARTICLE: &str = "https://example.com/errors";

pub const TOK: Vendor = Vendor::new("tok", "Tok");

pub const TOK_ENVELOPE: Envelope = Envelope::new(TOK, "/code")
    .message("/message")
    .request_id("/request_id")
    .data("/data")
    .success(Success::CodeIs(0));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokCode {
    RateLimited,
    InvalidAccessToken,
    SystemError,
    InvalidParameters,
    Unknown(u32),
}

impl TokCode {
    pub const fn from_code(code: u32) -> TokCode {
        match code {
            40100 => TokCode::RateLimited,
            40105 => TokCode::InvalidAccessToken,
            51065 => TokCode::SystemError,
            40002 => TokCode::InvalidParameters,
            other => TokCode::Unknown(other),
        }
    }
}

impl VendorCode for TokCode {
    fn vendor(&self) -> Vendor {
        TOK
    }

    fn code(&self) -> Code {
        Code::from(match self {
            TokCode::RateLimited => 40100,
            TokCode::InvalidAccessToken => 40105,
            TokCode::SystemError => 51065,
            TokCode::InvalidParameters => 40002,
            TokCode::Unknown(n) => *n,
        })
    }

    fn stable_id(&self) -> &'static str {
        match self {
            TokCode::RateLimited => "rate_limited",
            TokCode::InvalidAccessToken => "invalid_access_token",
            TokCode::SystemError => "system_error",
            TokCode::InvalidParameters => "invalid_parameters",
            TokCode::Unknown(_) => "unknown",
        }
    }

    fn category(&self) -> Category {
        match self {
            TokCode::RateLimited => Category::RateLimit,
            TokCode::InvalidAccessToken => Category::Authentication,
            TokCode::SystemError => Category::Server,
            TokCode::InvalidParameters => Category::InvalidRequest,
            TokCode::Unknown(_) => Category::Unknown,
        }
    }

    fn description(&self) -> Option<&'static str> {
        self.is_known().then_some("A made-up description.")
    }

    fn solution(&self) -> Option<&'static str> {
        None
    }

    fn article_url(&self) -> &'static str {
        ARTICLE
    }

    fn is_known(&self) -> bool {
        !matches!(self, TokCode::Unknown(_))
    }
}

impl FromVendorCode for TokCode {
    /// Numbers that fit `u32`; Tok has no sub-codes.
    fn from_vendor_code(code: &Code) -> Option<TokCode> {
        match code.subcode() {
            None => code.as_u32().map(TokCode::from_code),
            Some(_) => None,
        }
    }
}

pub const CHIRP: Vendor = Vendor::new("chirp", "Chirp");

pub const CHIRP_ENVELOPE: Envelope = Envelope::new(CHIRP, "/error/code")
    .subcode("/error/error_subcode")
    .message("/error/message")
    .request_id("/error/trace_id")
    .request_id_header("x-trace-id")
    .data("")
    .success(Success::NoCode)
    .error_statuses(&[(400, 599)]);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChirpCode {
    /// `4`.
    RateLimited,
    /// `190`.
    TokenExpired,
    /// `1` with sub-code `33`.
    InboxMoving,
    /// `2`.
    Temporary,
    Unknown {
        code: i64,
        subcode: Option<i64>,
    },
}

impl VendorCode for ChirpCode {
    fn vendor(&self) -> Vendor {
        CHIRP
    }

    fn code(&self) -> Code {
        match *self {
            ChirpCode::RateLimited => Code::number(4),
            ChirpCode::TokenExpired => Code::number(190),
            ChirpCode::InboxMoving => Code::number(1).with_subcode(33),
            ChirpCode::Temporary => Code::number(2),
            ChirpCode::Unknown {
                code,
                subcode: None,
            } => Code::number(code),
            ChirpCode::Unknown {
                code,
                subcode: Some(sub),
            } => Code::number(code).with_subcode(sub),
        }
    }

    fn stable_id(&self) -> &'static str {
        match self {
            ChirpCode::RateLimited => "rate_limited",
            ChirpCode::TokenExpired => "token_expired",
            ChirpCode::InboxMoving => "inbox_moving",
            ChirpCode::Temporary => "temporary",
            ChirpCode::Unknown { .. } => "unknown",
        }
    }

    fn action(&self) -> Action {
        match self {
            // Configured apart from its category's default.
            ChirpCode::InboxMoving => Action::Escalate,
            other => other.category().default_action(),
        }
    }

    fn category(&self) -> Category {
        match self {
            ChirpCode::RateLimited => Category::RateLimit,
            ChirpCode::TokenExpired => Category::Authentication,
            ChirpCode::InboxMoving => Category::NotFound,
            ChirpCode::Temporary => Category::Server,
            ChirpCode::Unknown { .. } => Category::Unknown,
        }
    }

    fn description(&self) -> Option<&'static str> {
        self.is_known().then_some("A made-up description.")
    }

    fn solution(&self) -> Option<&'static str> {
        self.is_known().then_some("A made-up solution.")
    }

    fn article_url(&self) -> &'static str {
        ARTICLE
    }

    fn is_known(&self) -> bool {
        !matches!(self, ChirpCode::Unknown { .. })
    }
}

impl FromVendorCode for ChirpCode {
    /// Known entries match their (code, sub-code) exactly; anything else is
    /// unknown and keeps both.
    fn from_vendor_code(code: &Code) -> Option<ChirpCode> {
        let number = code.as_i64()?;
        Some(match (number, code.subcode()) {
            (4, None) => ChirpCode::RateLimited,
            (190, None) => ChirpCode::TokenExpired,
            (1, Some(33)) => ChirpCode::InboxMoving,
            (2, None) => ChirpCode::Temporary,
            (code, subcode) => ChirpCode::Unknown { code, subcode },
        })
    }
}

pub const SLATE: Vendor = Vendor::new("slate", "Slate");

pub const SLATE_ENVELOPE: Envelope = Envelope::new(SLATE, "/error")
    .data("")
    .success(Success::Flag("/ok"));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlateCode {
    RateLimited,
    InvalidAuth,
    /// An unknown text code, kept inline: still `Copy`, no allocator.
    Unknown(Code),
}

impl VendorCode for SlateCode {
    fn vendor(&self) -> Vendor {
        SLATE
    }

    fn code(&self) -> Code {
        match self {
            SlateCode::RateLimited => const { Code::text("rate_limited") },
            SlateCode::InvalidAuth => const { Code::text("invalid_auth") },
            SlateCode::Unknown(code) => *code,
        }
    }

    fn stable_id(&self) -> &'static str {
        match self {
            SlateCode::RateLimited => "rate_limited",
            SlateCode::InvalidAuth => "invalid_auth",
            SlateCode::Unknown(_) => "unknown",
        }
    }

    fn category(&self) -> Category {
        match self {
            SlateCode::RateLimited => Category::RateLimit,
            SlateCode::InvalidAuth => Category::Authentication,
            SlateCode::Unknown(_) => Category::Unknown,
        }
    }

    fn description(&self) -> Option<&'static str> {
        None
    }

    fn solution(&self) -> Option<&'static str> {
        None
    }

    fn article_url(&self) -> &'static str {
        ARTICLE
    }

    fn is_known(&self) -> bool {
        !matches!(self, SlateCode::Unknown(_))
    }
}

impl FromVendorCode for SlateCode {
    /// Text codes only.
    fn from_vendor_code(code: &Code) -> Option<SlateCode> {
        match code.value() {
            CodeValue::Text("rate_limited") => Some(SlateCode::RateLimited),
            CodeValue::Text("invalid_auth") => Some(SlateCode::InvalidAuth),
            CodeValue::Text(_) if code.subcode().is_none() => Some(SlateCode::Unknown(*code)),
            _ => None,
        }
    }
}
