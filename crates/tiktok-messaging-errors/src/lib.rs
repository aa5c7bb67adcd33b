#![doc = include_str!("../README.md")]
//!
//! Everything but TikTok's response envelope is generated from the article
//! by `cargo xtask regen`: the variants, their documentation, [`Action`]s,
//! [`Code`], [`UnknownCode`], the parse errors and the serde impls.

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

pub use generated::{
    Action, Category, Code, ErrorCode, NotNumericError, ParseErrorCodeError, UnknownCode,
    UnknownCodeError,
};
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use http::{read_response, BodyError, ResponseError, StatusError};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use response::{ApiError, ApiResponse, RetryAfter};
