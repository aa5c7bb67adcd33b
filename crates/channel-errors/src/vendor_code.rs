//! The trait every generated code type implements, and the constructor the
//! response reader needs.

use core::fmt;

use crate::{Action, Category, Code, Delivery, QualifiedId, Vendor};

/// One vendor's error code, as every generated crate's code type (TikTok's
/// `ErrorCode`, …) describes it: a policy, a log line or a dashboard can take
/// any channel's code through `&dyn VendorCode` without a conversion per
/// channel.
///
/// Object-safe; generated types implement it next to their inherent methods
/// of the same names, which callers of the concrete type keep using.
///
/// ```
/// use channel_errors::{Action, Category, Code, Vendor, VendorCode};
///
/// #[derive(Debug)]
/// struct Throttled;
///
/// impl VendorCode for Throttled {
///     fn vendor(&self) -> Vendor { Vendor::new("acme", "Acme") }
///     fn code(&self) -> Code { Code::number(429) }
///     fn stable_id(&self) -> &'static str { "throttled" }
///     fn category(&self) -> Category { Category::RateLimit }
///     fn description(&self) -> Option<&'static str> { Some("Too many requests.") }
///     fn solution(&self) -> Option<&'static str> { None }
///     fn article_url(&self) -> &'static str { "https://example.com/errors" }
///     fn is_known(&self) -> bool { true }
/// }
///
/// let code: &dyn VendorCode = &Throttled;
/// assert_eq!(code.qualified_id(), "acme.throttled");
/// assert_eq!(code.action(), Action::Backoff); // the category's default
/// ```
pub trait VendorCode: fmt::Debug {
    /// The channel the code belongs to.
    fn vendor(&self) -> Vendor;

    /// The code's value as the vendor sends it, sub-code included; an
    /// unknown code keeps the value it came with.
    fn code(&self) -> Code;

    /// The stable snake_case id (`rate_limited`; `unknown` for unknown
    /// codes), which follows the configuration's name, never the article's
    /// prose.
    fn stable_id(&self) -> &'static str;

    /// [`stable_id`](Self::stable_id) qualified by the vendor's id:
    /// `tiktok.rate_limited`, unique across channels.
    fn qualified_id(&self) -> QualifiedId {
        QualifiedId::new(self.vendor().id(), self.stable_id())
    }

    /// What to do about it. Defaults to the category's
    /// [`default_action`](Category::default_action); generated crates answer
    /// each code's configured action.
    fn action(&self) -> Action {
        self.category().default_action()
    }

    /// Whether a request failing with this code may still have taken
    /// effect. Defaults to [`Delivery::for_category`]: not sent, but for
    /// [`Category::Server`]; a generated crate may answer per code.
    fn delivery(&self) -> Delivery {
        Delivery::for_category(self.category())
    }

    /// The cross-vendor category the article's own category maps to;
    /// [`Category::Unknown`] for unknown codes.
    fn category(&self) -> Category;

    /// The article's description; `None` for unknown codes.
    fn description(&self) -> Option<&'static str>;

    /// The article's solution; `None` for unknown codes and where it gives none.
    fn solution(&self) -> Option<&'static str>;

    /// Where the article the code was generated from is published.
    fn article_url(&self) -> &'static str;

    /// Whether the crate knows the code (false for unknown codes).
    fn is_known(&self) -> bool;
}

/// Builds a vendor's code type from a [`Code`] read off the wire: what
/// [`read_response`](crate::read_response) needs to turn an envelope's code
/// field into `C`.
///
/// `None` when the value cannot be one of the vendor's codes at all (a text
/// code for an API whose codes are `u32`, a number out of its range): the
/// body is then not the vendor's envelope. Any value that can be a code gives
/// `Some`, an unknown one keeping its value.
pub trait FromVendorCode: VendorCode + Sized {
    /// The vendor's code for `code`, sub-code included.
    fn from_vendor_code(code: &Code) -> Option<Self>;
}
