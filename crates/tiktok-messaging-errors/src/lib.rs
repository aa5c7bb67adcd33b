#![doc = include_str!("../README.md")]
//!
//! Everything but TikTok's response types is generated from the article and
//! its configuration by `cargo xtask regen`: the variants, their
//! documentation, [`Code`], [`UnknownCode`], the parse errors, the serde
//! impls, the shared runtime's traits ([`VENDOR`], `channel_errors::VendorCode`)
//! and the [`ENVELOPE`] responses are read by. [`Action`] is the shared
//! runtime's (`channel-errors`), re-exported, and so is the runtime itself
//! ([`channel_errors`]: its `ChannelError`, `VendorCode`, `Delivery`, ...),
//! so that depending on this crate is enough; its traits are not put at the
//! root, where a glob import would let them take over method calls such as
//! `.code()` on a `&ErrorCode`. The response types
//! (`response.rs`, `http.rs`) are hand-written shims over the generated
//! reader, kept so that the API they have always had stays.

#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "serde")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[rustfmt::skip]
mod generated;
#[cfg(feature = "json")]
mod http;
#[cfg(feature = "serde")]
mod response;

pub use channel_errors;
pub use generated::{
    Action, Category, Code, ErrorCode, NotNumericError, ParseErrorCodeError, UnknownCode,
    UnknownCodeError, ENVELOPE, VENDOR,
};
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub use http::read_http_response;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use http::{read_response, BodyError, ResponseError, StatusError};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use response::{ApiError, ApiResponse, RetryAfter};
