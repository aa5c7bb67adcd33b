//! One error policy for every channel: TikTok's crate and a second
//! generated one (Wren, a made-up vendor added with `cargo xtask add`),
//! handled by one `fn decide(&dyn ChannelError) -> Decision`, with no
//! conversion written per channel. `tests/cross_channel.rs` builds and runs
//! it in a copy of the workspace, after adding Wren's test article.

use std::time::Duration;

use channel_errors::{Action, ChannelError, Delivery};

/// What the inbox does about a failed send, whatever the channel.
#[derive(Debug, PartialEq)]
enum Decision {
    /// Send the same message again after this long.
    RetryIn(Duration),
    /// Refresh the channel's access token, then send again.
    RefreshTokenThenRetry,
    /// The message may have gone out: look before sending it again.
    CheckBeforeResending,
    /// It went out; only the answer was odd. Never resend.
    KeepAsSent,
    /// Nothing automatic helps: drop it and alert a person.
    DropAndAlert,
}

/// The whole policy, for every channel's response errors.
fn decide(error: &dyn ChannelError) -> Decision {
    match error.delivery() {
        Delivery::Sent => return Decision::KeepAsSent,
        Delivery::MaybeSent => return Decision::CheckBeforeResending,
        _ => {}
    }
    match (error.action(), error.backoff(0)) {
        (Action::Reauthorize, Some(_)) => Decision::RefreshTokenThenRetry,
        (_, Some(delay)) => Decision::RetryIn(delay),
        _ => Decision::DropAndAlert,
    }
}

#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct Sent {
    message_id: String,
}

fn tiktok(code: tiktok_messaging_errors::ErrorCode) -> String {
    let code = u32::try_from(code).unwrap();
    format!(r#"{{"code": {code}, "message": "m", "request_id": "r", "data": {{}}}}"#)
}

fn wren(code: wren_errors::ErrorCode) -> String {
    let code = u32::try_from(code).unwrap();
    format!(r#"{{"error": {{"code": {code}, "message": "m", "trace_id": "t"}}}}"#)
}

fn main() {
    use tiktok_messaging_errors::{read_response as read_tiktok, ErrorCode as TikTok};
    use wren_errors::{read_response as read_wren, ErrorCode as Wren};

    // Throttled on both channels: wait as long as each server said.
    let tiktok_throttled =
        read_tiktok::<Sent>(200, Some("30"), tiktok(TikTok::RateLimited).as_bytes()).unwrap_err();
    let wren_throttled =
        read_wren::<Sent>(429, Some("5"), wren(Wren::TooManyCalls).as_bytes()).unwrap_err();
    assert_eq!(decide(&tiktok_throttled), Decision::RetryIn(Duration::from_secs(30)));
    assert_eq!(decide(&wren_throttled), Decision::RetryIn(Duration::from_secs(5)));
    // Wren's own category "throttle" is the shared rate_limit.
    assert_eq!(wren_errors::Category::Throttle.shared(), channel_errors::Category::RateLimit);
    // Stable ids no longer collide: each is qualified by its channel.
    assert_eq!(tiktok_throttled.stable_id().to_string(), "tiktok.rate_limited");
    assert_eq!(wren_throttled.stable_id().to_string(), "wren.too_many_calls");

    // An expired token on either: refresh it, then send again.
    let tiktok_token =
        read_tiktok::<Sent>(200, None, tiktok(TikTok::InvalidAccessToken).as_bytes()).unwrap_err();
    let wren_token =
        read_wren::<Sent>(401, None, wren(Wren::TokenExpired).as_bytes()).unwrap_err();
    assert_eq!(decide(&tiktok_token), Decision::RefreshTokenThenRetry);
    assert_eq!(decide(&wren_token), Decision::RefreshTokenThenRetry);

    // Blocked by the channel's rules, or a request that is wrong: a person.
    let tiktok_blocked =
        read_tiktok::<Sent>(200, None, tiktok(TikTok::MessageBlocked).as_bytes()).unwrap_err();
    let wren_unreachable =
        read_wren::<Sent>(400, None, wren(Wren::RecipientUnavailable).as_bytes()).unwrap_err();
    assert_eq!(decide(&tiktok_blocked), Decision::DropAndAlert);
    assert_eq!(decide(&wren_unreachable), Decision::DropAndAlert);

    // A gateway's 503 before either vendor answered, or a cut body: the
    // message may be out.
    let tiktok_gateway = read_tiktok::<Sent>(503, None, b"<html>down</html>").unwrap_err();
    let wren_gateway = read_wren::<Sent>(503, None, b"<html>down</html>").unwrap_err();
    let wren_cut = read_wren::<Sent>(200, None, br#"{"message_id": "#).unwrap_err();
    for error in [&tiktok_gateway as &dyn ChannelError, &wren_gateway, &wren_cut] {
        assert_eq!(decide(error), Decision::CheckBeforeResending, "{error}");
    }

    // Sent, but the payload is not what the caller expected: never resend.
    let tiktok_odd = read_tiktok::<Sent>(200, None, br#"{"code": 0, "data": {"id": 1}}"#).unwrap_err();
    let wren_odd = read_wren::<Sent>(200, None, br#"{"id": 1}"#).unwrap_err();
    assert_eq!(decide(&tiktok_odd), Decision::KeepAsSent);
    assert_eq!(decide(&wren_odd), Decision::KeepAsSent);

    // And a success is the payload, on both.
    let sent = read_wren::<Sent>(200, None, br#"{"message_id": "w1"}"#).unwrap();
    assert_eq!(sent.map(|s| s.message_id), Some("w1".to_string()));
    let sent = read_tiktok::<Sent>(200, None, br#"{"code": 0, "data": {"message_id": "t1"}}"#);
    assert_eq!(sent.unwrap().map(|s| s.message_id), Some("t1".to_string()));
    println!("one policy held for every channel");
}
