//! A `Retry-After` header: a delay, or an instant read from an HTTP date.

use core::fmt;
use core::str::FromStr;
use core::time::Duration;

use crate::ParseError;

/// A `Retry-After` header value (RFC 9110 §10.2.3): a delay, or an instant
/// (an HTTP date, as seconds since the Unix epoch).
///
/// This crate has no clock: [`delay_from`](Self::delay_from) takes the
/// current time, and with feature `std`, [`delay_from_now`](Self::delay_from_now)
/// reads the system clock.
///
/// ```
/// use channel_errors::RetryAfter;
/// use core::time::Duration;
///
/// let delay = RetryAfter::parse("120").unwrap();
/// assert_eq!(delay, RetryAfter::Delay(Duration::from_secs(120)));
///
/// let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
/// assert_eq!(date, RetryAfter::At(1_445_412_480));
/// let now = Duration::from_secs(1_445_412_450); // 30 s before
/// assert_eq!(date.delay_from(now), Duration::from_secs(30));
/// assert_eq!(date.to_string(), "Wed, 21 Oct 2015 07:28:00 GMT");
///
/// assert_eq!(RetryAfter::parse("soon"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryAfter {
    /// `Retry-After: 120`: wait this long from when the response arrived.
    Delay(Duration),
    /// `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`: wait until then, in
    /// seconds since the Unix epoch.
    At(u64),
}

impl RetryAfter {
    /// Reads a header value: delay-seconds (digits only; more than a `u64`
    /// holds is read as the longest delay) or an HTTP date (IMF-fixdate, and
    /// the obsolete RFC 850 and asctime forms). Surrounding whitespace is
    /// ignored; `None` for anything else, an empty value included, so a
    /// malformed header is ignored rather than obeyed.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim_matches(|c| c == ' ' || c == '\t');
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            let seconds = value.parse().unwrap_or(u64::MAX);
            Some(RetryAfter::Delay(Duration::from_secs(seconds)))
        } else {
            crate::http_date::parse(value).map(RetryAfter::At)
        }
    }

    /// How long to wait from `now` (the time since the Unix epoch, as
    /// `SystemTime::now().duration_since(UNIX_EPOCH)` gives it): the delay,
    /// or the time left until the instant (zero once it has passed).
    pub fn delay_from(&self, now: Duration) -> Duration {
        match *self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(at) => Duration::from_secs(at).saturating_sub(now),
        }
    }

    /// The delay, when the header gave one rather than a date.
    pub const fn delay(&self) -> Option<Duration> {
        match *self {
            RetryAfter::Delay(delay) => Some(delay),
            RetryAfter::At(_) => None,
        }
    }

    /// [`delay_from`](Self::delay_from) the system clock's now (a clock set
    /// before 1970 counts as 1970).
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn delay_from_now(&self) -> Duration {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        self.delay_from(now)
    }
}

impl fmt::Display for RetryAfter {
    /// As a header value: whole seconds (rounded up), or an IMF-fixdate.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RetryAfter::Delay(delay) => {
                let seconds = delay.as_secs() + u64::from(delay.subsec_nanos() > 0);
                write!(f, "{seconds}")
            }
            RetryAfter::At(at) => crate::http_date::write(at, f),
        }
    }
}

impl FromStr for RetryAfter {
    type Err = ParseError;

    /// [`RetryAfter::parse`], with an error for `?`.
    fn from_str(value: &str) -> Result<RetryAfter, ParseError> {
        RetryAfter::parse(value).ok_or(ParseError::new(
            "Retry-After value",
            "delay-seconds (digits) or an HTTP date (Sun, 06 Nov 1994 08:49:37 GMT)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn delay_seconds() {
        assert_eq!(
            RetryAfter::parse("0"),
            Some(RetryAfter::Delay(Duration::ZERO))
        );
        assert_eq!(
            RetryAfter::parse(" 30\t"),
            Some(RetryAfter::Delay(Duration::from_secs(30)))
        );
        assert_eq!(
            RetryAfter::parse("99999999999999999999999"),
            Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
        );
        for bad in ["", " ", "-1", "+1", "1.5", "30s", "3 0"] {
            assert_eq!(RetryAfter::parse(bad), None, "{bad:?}");
            assert!(bad.parse::<RetryAfter>().is_err());
        }
    }

    #[test]
    fn an_http_date_is_an_instant_not_a_string() {
        // issue 23: an HTTP-date stayed a string, so no caller could wait for it.
        let at = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(at, RetryAfter::At(784_111_777));
        assert_eq!(at.delay(), None);
        assert_eq!(
            at.delay_from(Duration::from_secs(784_111_700)),
            Duration::from_secs(77)
        );
        assert_eq!(
            at.delay_from(Duration::from_millis(784_111_776_500)),
            Duration::from_millis(500)
        );
        // In the past: retry now.
        assert_eq!(
            at.delay_from(Duration::from_secs(900_000_000)),
            Duration::ZERO
        );
    }

    #[test]
    fn displays_as_a_header_value() {
        for value in ["30", "Sun, 06 Nov 1994 08:49:37 GMT"] {
            assert_eq!(RetryAfter::parse(value).unwrap().to_string(), value);
        }
        assert_eq!(
            RetryAfter::Delay(Duration::from_millis(1_500)).to_string(),
            "2"
        );
        assert_eq!(
            RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT")
                .unwrap()
                .to_string(),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
    }

    #[cfg(feature = "std")]
    #[test]
    fn delay_from_now_uses_the_clock() {
        assert_eq!(RetryAfter::At(0).delay_from_now(), Duration::ZERO);
        assert!(RetryAfter::At(u64::MAX).delay_from_now() > Duration::from_secs(1 << 60));
        let delay = RetryAfter::Delay(Duration::from_secs(5));
        assert_eq!(delay.delay_from_now(), Duration::from_secs(5));
    }
}
