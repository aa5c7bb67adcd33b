#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
// Tests use std (format!, to_string) whatever the features.
#[cfg(any(feature = "std", test))]
extern crate std;

mod action;
mod backoff;
mod category;
mod channel_error;
mod code;
mod delivery;
mod envelope;
mod http_date;
mod parse_error;
mod retry_after;
mod stable_id;
mod vendor;
mod vendor_code;

#[cfg(feature = "http")]
mod http;
#[cfg(feature = "json")]
mod read;
#[cfg(feature = "alloc")]
mod response_error;

pub use action::Action;
pub use category::Category;
pub use channel_error::{ChannelError, ErrorKind};
pub use code::{Code, CodeValue};
pub use delivery::Delivery;
pub use envelope::{Envelope, Success};
pub use parse_error::ParseError;
pub use retry_after::RetryAfter;
pub use stable_id::{QualifiedId, StableId};
pub use vendor::Vendor;
pub use vendor_code::{FromVendorCode, VendorCode};

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub use http::read_http_response;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub use read::read_response;
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use response_error::ResponseError;
