//! TikTok Business Messaging API error codes as a type: match on them, decide
//! what to retry, show the right message.
//!
//! TikTok's Business API answers HTTP 200 with a JSON body whose integer
//! `code` is `0` on success and an error code otherwise. [`ErrorCode`] turns
//! that number into something you can act on; it never fails and never
//! panics, and an unknown number keeps its value.
//!
//! # Deciding what to retry
//!
//! ```
//! use tiktok_messaging_errors::{Category, ErrorCode};
//!
//! fn next_step(code: u32) -> &'static str {
//!     let error = ErrorCode::from_code(code);
//!     if error.is_retryable() {
//!         "retry with backoff"
//!     } else if error.category() == Category::Authentication {
//!         "refresh the access token"
//!     } else {
//!         "give up and tell the user"
//!     }
//! }
//!
//! assert_eq!(next_step(40100), "retry with backoff");        // rate limited
//! assert_eq!(next_step(51065), "retry with backoff");        // TikTok system error
//! assert_eq!(next_step(40105), "refresh the access token");
//! assert_eq!(next_step(40001), "give up and tell the user");
//! assert_eq!(next_step(99999), "give up and tell the user"); // unknown: never retried blindly
//! ```
//!
//! # Showing the right message
//!
//! ```
//! use tiktok_messaging_errors::ErrorCode;
//!
//! let error: ErrorCode = "40908".parse().unwrap();
//! assert_eq!(error, ErrorCode::UnsupportedFileFormat);
//! // The article's text for known codes; your own words for the rest.
//! let message = error.description().unwrap_or("Something went wrong on TikTok's side.");
//! assert!(!message.is_empty());
//!
//! // A log line carries the number, the variant and the article's text.
//! let line = ErrorCode::RateLimited.to_string();
//! assert!(line.starts_with("40100 RateLimited: "));
//! ```
//!
//! # Matching, forward-compatibly
//!
//! The enum is `#[non_exhaustive]`: TikTok adds codes, and a new code is a
//! minor release of this crate, so keep a wildcard arm.
//!
//! ```
//! use tiktok_messaging_errors::ErrorCode;
//!
//! fn alert(code: ErrorCode) -> bool {
//!     match code {
//!         ErrorCode::InvalidAccessToken | ErrorCode::PermissionDenied => true,
//!         ErrorCode::Unknown(unknown) => unknown.get() >= 50000,
//!         _ => false,
//!     }
//! }
//! assert!(alert(ErrorCode::from_code(40105)));
//! assert!(alert(ErrorCode::from_code(50001)));
//! assert!(!alert(ErrorCode::from_code(40100)));
//! ```
//!
//! # Features
//!
//! - `std` (default): [`std::error::Error`] for [`ErrorCode`] and the error
//!   types. Without it the crate is `#![no_std]`.
//! - `serde`: codes (de)serialise as TikTok sends them, and `ApiResponse`
//!   reads a whole response body.
//!
//! The variants and their documentation are generated from the published
//! article by `cargo xtask regen`; see the repository's README.

#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "serde")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod code;
#[rustfmt::skip]
mod generated;
mod impls;
#[cfg(feature = "serde")]
mod response;
#[cfg(feature = "serde")]
mod serde_impls;

pub use code::{Code, UnknownCode};
pub use generated::{Action, Category, ErrorCode};
pub use impls::{NotNumericError, ParseErrorCodeError, UnknownCodeError};
#[cfg(feature = "serde")]
pub use response::{ApiError, ApiResponse};
