//! One policy for every channel: `decide` takes any channel's error as
//! `&dyn ChannelError` and has no per-vendor code, no private copy of
//! `Action`, no conversion per channel, and no channel field to keep stable
//! ids apart.
//!
//! Without allocation (no features) the errors are a hand-written no_std
//! type; with `json` they come from `read_response` of each mock vendor's
//! envelope.

mod common;

use channel_errors::{
    Action, ChannelError, Delivery, ErrorKind, RetryAfter, StableId, Vendor, VendorCode,
};
use common::*;
use core::time::Duration;

#[derive(Debug, PartialEq)]
enum Decision {
    /// Resend the same request after this long.
    RetryIn(Duration),
    /// Refresh the credentials, then resend once.
    RefreshCredentialsThenRetry,
    /// It may have gone through: look before resending (or resend with an
    /// idempotency key).
    CheckBeforeResending,
    /// It went through; record it as sent and alert about the response.
    RecordAsSent,
    /// Drop it and tell a person.
    DropAndAlert,
    /// Drop it: the request must change.
    DropAsInvalid,
}

/// The whole policy, for every channel.
fn decide(error: &dyn ChannelError) -> Decision {
    match error.delivery() {
        Delivery::Sent => return Decision::RecordAsSent,
        Delivery::MaybeSent if error.action().is_retryable() => {
            return Decision::CheckBeforeResending
        }
        Delivery::MaybeSent | Delivery::NotSent => {}
    }
    match error.backoff(0) {
        Some(_) if error.action().retries_after_refresh() => Decision::RefreshCredentialsThenRetry,
        Some(delay) => Decision::RetryIn(delay),
        None if error.action() == Action::FixRequest => Decision::DropAsInvalid,
        None => Decision::DropAndAlert,
    }
}

/// A no_std, allocation-free error type implementing the trait: what a
/// channel crate without `alloc` (or a test double) can be.
#[derive(Debug)]
struct Failure<C> {
    code: C,
    status: Option<u16>,
    retry_after: Option<RetryAfter>,
}

impl<C: VendorCode> core::fmt::Display for Failure<C> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} error {}",
            self.code.vendor(),
            self.code.qualified_id()
        )
    }
}

impl<C: VendorCode> ChannelError for Failure<C> {
    fn vendor(&self) -> Vendor {
        self.code.vendor()
    }
    fn kind(&self) -> ErrorKind<'_> {
        ErrorKind::Vendor(&self.code)
    }
    fn status(&self) -> Option<u16> {
        self.status
    }
    fn request_id(&self) -> Option<&str> {
        None
    }
    fn vendor_message(&self) -> Option<&str> {
        None
    }
    fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }
}

fn failure<C: VendorCode>(code: C) -> Failure<C> {
    Failure {
        code,
        status: Some(200),
        retry_after: None,
    }
}

#[test]
fn one_policy_decides_every_channel_without_allocating() {
    let errors: [(&dyn ChannelError, Decision); 9] = [
        (
            &failure(TokCode::RateLimited),
            Decision::RetryIn(Duration::from_secs(1)),
        ),
        (
            &failure(ChirpCode::RateLimited),
            Decision::RetryIn(Duration::from_secs(1)),
        ),
        (
            &failure(SlateCode::RateLimited),
            Decision::RetryIn(Duration::from_secs(1)),
        ),
        (
            &Failure {
                code: ChirpCode::RateLimited,
                status: Some(400),
                retry_after: Some(RetryAfter::Delay(Duration::from_secs(9))),
            },
            Decision::RetryIn(Duration::from_secs(9)),
        ),
        (
            &failure(TokCode::InvalidAccessToken),
            Decision::RefreshCredentialsThenRetry,
        ),
        (
            &failure(ChirpCode::TokenExpired),
            Decision::RefreshCredentialsThenRetry,
        ),
        (
            &failure(TokCode::SystemError),
            Decision::CheckBeforeResending,
        ),
        (&failure(ChirpCode::InboxMoving), Decision::DropAndAlert),
        (
            &failure(TokCode::InvalidParameters),
            Decision::DropAsInvalid,
        ),
    ];
    for (error, expected) in errors {
        assert_eq!(decide(error), expected, "{error}");
    }
}

#[test]
fn stable_ids_do_not_collide_across_channels() {
    let ids: Vec<StableId> = [
        &failure(TokCode::RateLimited) as &dyn ChannelError,
        &failure(ChirpCode::RateLimited),
        &failure(SlateCode::RateLimited),
    ]
    .iter()
    .map(|e| e.stable_id())
    .collect();
    let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "tok.rate_limited",
            "chirp.rate_limited",
            "slate.rate_limited"
        ]
    );
    // The same local id, and every one is a rate limit in the shared set.
    for code in [
        &TokCode::RateLimited as &dyn VendorCode,
        &ChirpCode::RateLimited,
        &SlateCode::RateLimited,
    ] {
        assert_eq!(code.stable_id(), "rate_limited");
        assert_eq!(code.category(), channel_errors::Category::RateLimit);
        assert_eq!(code.article_url(), ARTICLE);
    }
}

#[test]
fn backoff_honours_retry_after_first_then_the_action_s_default() {
    let now = Duration::from_secs(1_000_000);
    let mut error = failure(TokCode::RateLimited);
    assert_eq!(error.backoff_at(0, now), Some(Duration::from_secs(1)));
    assert_eq!(error.backoff_at(3, now), Some(Duration::from_secs(8)));
    error.retry_after = Some(RetryAfter::Delay(Duration::from_secs(30)));
    assert_eq!(error.backoff_at(3, now), Some(Duration::from_secs(30)));
    error.retry_after = Some(RetryAfter::At(1_000_045));
    assert_eq!(error.backoff_at(0, now), Some(Duration::from_secs(45)));
    // The action decides whether to retry at all: not after its last retry,
    // and never for a request that must change, Retry-After or not.
    assert_eq!(error.backoff_at(Action::BACKOFF_RETRIES, now), None);
    let invalid = Failure {
        retry_after: Some(RetryAfter::Delay(Duration::from_secs(1))),
        ..failure(TokCode::InvalidParameters)
    };
    assert_eq!(invalid.backoff_at(0, now), None);
    assert_eq!(invalid.backoff(0), None);
    // A Retry-After delay needs no clock.
    error.retry_after = Some(RetryAfter::Delay(Duration::from_secs(30)));
    assert_eq!(error.backoff(0), Some(Duration::from_secs(30)));
}

#[test]
fn the_trait_s_defaults_follow_the_kind() {
    let error = failure(ChirpCode::Temporary);
    assert_eq!(error.action(), Action::Retry);
    assert_eq!(error.delivery(), Delivery::MaybeSent);
    assert_eq!(error.stable_id(), "chirp.temporary");
    assert_eq!(error.vendor(), CHIRP);
    let kinds = [
        (
            ErrorKind::Status(429),
            Action::Backoff,
            Delivery::NotSent,
            "http_429",
        ),
        (
            ErrorKind::Status(503),
            Action::Retry,
            Delivery::MaybeSent,
            "http_503",
        ),
        (
            ErrorKind::UnreadableBody,
            Action::Escalate,
            Delivery::MaybeSent,
            "unreadable_body",
        ),
        (
            ErrorKind::UnexpectedPayload,
            Action::Escalate,
            Delivery::Sent,
            "unexpected_payload",
        ),
        (
            ErrorKind::Transport,
            Action::Retry,
            Delivery::MaybeSent,
            "transport",
        ),
    ];
    for (kind, action, delivery, id) in kinds {
        assert_eq!(
            (kind.action(), kind.delivery()),
            (action, delivery),
            "{kind:?}"
        );
        assert_eq!(kind.stable_id(), id);
    }
}

#[cfg(feature = "json")]
#[test]
fn one_policy_decides_every_channel_s_responses() {
    use channel_errors::{read_response, ResponseError};

    #[derive(serde::Deserialize, Debug)]
    struct Sent {
        #[allow(dead_code)]
        message_id: String,
    }

    fn tok(status: u16, retry_after: Option<&str>, body: &str) -> ResponseError<TokCode> {
        read_response::<TokCode, Sent>(&TOK_ENVELOPE, status, retry_after, body.as_bytes())
            .unwrap_err()
    }
    fn chirp(status: u16, body: &str) -> ResponseError<ChirpCode> {
        read_response::<ChirpCode, Sent>(&CHIRP_ENVELOPE, status, None, body.as_bytes())
            .unwrap_err()
    }
    fn slate(body: &str) -> ResponseError<SlateCode> {
        read_response::<SlateCode, Sent>(&SLATE_ENVELOPE, 200, None, body.as_bytes()).unwrap_err()
    }

    let errors: Vec<(Box<dyn ChannelError>, Decision)> = vec![
        (
            Box::new(tok(200, Some("4"), r#"{"code": 40100}"#)),
            Decision::RetryIn(Duration::from_secs(4)),
        ),
        (
            Box::new(chirp(400, r#"{"error": {"code": 4}}"#)),
            Decision::RetryIn(Duration::from_secs(1)),
        ),
        (
            Box::new(slate(r#"{"ok": false, "error": "rate_limited"}"#)),
            Decision::RetryIn(Duration::from_secs(1)),
        ),
        (
            Box::new(tok(200, None, r#"{"code": 40105}"#)),
            Decision::RefreshCredentialsThenRetry,
        ),
        (
            Box::new(slate(r#"{"ok": false, "error": "invalid_auth"}"#)),
            Decision::RefreshCredentialsThenRetry,
        ),
        (
            Box::new(chirp(401, "<html>gateway</html>")),
            Decision::RefreshCredentialsThenRetry,
        ),
        (
            Box::new(tok(429, Some("2"), "<html>slow down</html>")),
            Decision::RetryIn(Duration::from_secs(2)),
        ),
        (
            Box::new(chirp(502, "<html>bad gateway</html>")),
            Decision::CheckBeforeResending,
        ),
        (
            Box::new(tok(200, None, r#"{"code": 0, "data": {"id": 1}}"#)),
            Decision::RecordAsSent,
        ),
        (
            Box::new(tok(200, None, r#"{"code": 0, "da"#)),
            Decision::DropAndAlert,
        ),
        (
            Box::new(chirp(400, r#"{"error": {"code": 1, "error_subcode": 33}}"#)),
            Decision::DropAndAlert,
        ),
        (
            Box::new(slate(r#"{"ok": false, "error": "brand_new_code"}"#)),
            Decision::DropAndAlert,
        ),
        (
            Box::new(tok(200, None, r#"{"code": 40002}"#)),
            Decision::DropAsInvalid,
        ),
        (
            Box::new(ResponseError::<TokCode>::transport(
                TOK,
                Delivery::NotSent,
                "connect refused",
            )),
            Decision::RetryIn(Duration::from_millis(500)),
        ),
    ];
    for (error, expected) in &errors {
        assert_eq!(&decide(error.as_ref()), expected, "{error}");
    }
    // One log line per error, whatever the channel: vendor, id, status.
    let lines: Vec<String> = errors[..3]
        .iter()
        .map(|(e, _)| format!("{} {} {:?}", e.vendor().id(), e.stable_id(), e.status()))
        .collect();
    assert_eq!(
        lines,
        [
            "tok tok.rate_limited Some(200)",
            "chirp chirp.rate_limited Some(400)",
            "slate slate.rate_limited Some(200)"
        ]
    );
}
