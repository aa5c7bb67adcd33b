//! Which channel a code or an error belongs to.

use core::fmt;

/// A vendor (a channel's API): a stable id for logs, metrics and qualified
/// ids (`tiktok`), and a name for people (`TikTok`).
///
/// Each generated crate has one, as a `const`; an [`Envelope`](crate::Envelope)
/// carries it so that even an error without a vendor code (an HTTP 503 from a
/// gateway) says which channel it came from.
///
/// ```
/// use channel_errors::Vendor;
/// const TIKTOK: Vendor = Vendor::new("tiktok", "TikTok");
/// assert_eq!((TIKTOK.id(), TIKTOK.name(), TIKTOK.to_string().as_str()), ("tiktok", "TikTok", "TikTok"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Vendor {
    id: &'static str,
    name: &'static str,
}

impl Vendor {
    /// A vendor with a stable `id` (lower-case ASCII letters, digits and `_`)
    /// and a display `name`.
    ///
    /// # Panics
    ///
    /// (At compile time in a `const`.) When `id` is empty or has anything but
    /// `a-z`, `0-9` and `_`: it is the first part of every qualified id
    /// (`tiktok.rate_limited`), which must stay one token for metric labels.
    pub const fn new(id: &'static str, name: &'static str) -> Vendor {
        let bytes = id.as_bytes();
        assert!(!bytes.is_empty(), "a vendor id is not empty");
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            assert!(
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_',
                "a vendor id is lower-case ASCII letters, digits and '_'"
            );
            i += 1;
        }
        Vendor { id, name }
    }

    /// The stable id: `tiktok`.
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The name for people: `TikTok`.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl fmt::Display for Vendor {
    /// The name for people.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_id_and_name() {
        let vendor = Vendor::new("whatsapp_cloud", "WhatsApp");
        assert_eq!(vendor.id(), "whatsapp_cloud");
        assert_eq!(std::format!("{vendor}"), "WhatsApp");
    }

    #[test]
    #[should_panic(expected = "lower-case")]
    fn refuses_an_id_that_is_not_one_token() {
        let _ = Vendor::new("Tik.Tok", "TikTok");
    }
}
