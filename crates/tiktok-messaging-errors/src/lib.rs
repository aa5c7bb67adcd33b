#![doc = include_str!("../README.md")]
//!
//! The variants, their documentation and [`Action`]s are generated from the
//! article by `cargo xtask regen`; the rest of this crate is hand-written.

#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "serde")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod code;
#[rustfmt::skip]
mod generated;
#[cfg(feature = "json")]
mod http;
mod impls;
#[cfg(feature = "serde")]
mod response;
#[cfg(feature = "serde")]
mod serde_impls;

pub use code::{Code, UnknownCode};
pub use generated::{Action, Category, ErrorCode};
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use http::{read_response, BodyError, ResponseError, StatusError};
pub use impls::{NotNumericError, ParseErrorCodeError, UnknownCodeError};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use response::{ApiError, ApiResponse, RetryAfter};
