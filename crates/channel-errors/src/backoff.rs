//! The arithmetic of the default backoff, apart from the policy that picks
//! its numbers ([`Action::default_backoff`](crate::Action::default_backoff)).

use core::time::Duration;

/// `base_ms * 2^attempt` milliseconds, at most `cap_ms`, without overflow.
pub(crate) const fn exponential(base_ms: u64, attempt: u32, cap_ms: u64) -> Duration {
    let factor = if attempt >= 63 {
        u64::MAX
    } else {
        1 << attempt
    };
    let ms = base_ms.saturating_mul(factor);
    Duration::from_millis(if ms > cap_ms { cap_ms } else { ms })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_saturates_and_caps() {
        assert_eq!(exponential(100, 0, 1_000), Duration::from_millis(100));
        assert_eq!(exponential(100, 3, 1_000), Duration::from_millis(800));
        assert_eq!(exponential(100, 4, 1_000), Duration::from_millis(1_000));
        assert_eq!(
            exponential(100, 62, u64::MAX),
            Duration::from_millis(u64::MAX)
        );
        assert_eq!(exponential(1, u32::MAX, 5), Duration::from_millis(5));
    }
}
