//! The response reader's defects of issue 23, fixed by reading TikTok's
//! responses through the shared runtime (`channel-errors`) by the envelope
//! its configuration describes. Each test failed (or did not compile)
//! before. Codes are taken from the crate, never from the article's text.
#![cfg(feature = "json")]

use core::time::Duration;

use channel_errors::{ChannelError, Delivery, ErrorKind, StableId};
use tiktok_messaging_errors::{read_response, Action, ApiError, ErrorCode, ResponseError};

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Sent {
    message_id: String,
}

fn code_of(code: ErrorCode) -> u32 {
    u32::try_from(code).expect("TikTok's codes are numbers")
}

#[test]
fn key_order_means_nothing() {
    let code = code_of(ErrorCode::RateLimited);
    let body =
        format!(r#"{{"data": {{}}, "request_id": "r2", "code": {code}, "message": "slow"}}"#);
    let error = read_response::<Sent>(200, None, body.as_bytes()).unwrap_err();
    let ResponseError::Api(api) = &error else {
        panic!("read as {error:?}")
    };
    assert_eq!(
        (api.code(), api.message(), api.request_id()),
        (ErrorCode::RateLimited, "slow", Some("r2"))
    );
    let ok = read_response::<Sent>(200, None, br#"{"data": {"message_id": "m1"}, "code": 0}"#);
    assert_eq!(
        ok,
        Ok(Some(Sent {
            message_id: "m1".into()
        }))
    );
}

#[test]
fn a_payload_that_is_not_t_is_told_apart_from_an_unreadable_body() {
    let sent_but_odd =
        read_response::<Sent>(200, None, br#"{"code": 0, "data": {"other": 1}}"#).unwrap_err();
    let truncated = read_response::<Sent>(200, None, br#"{"code": 0, "data": {"mess"#).unwrap_err();
    // Both stay `Body` errors, as today's users match them.
    let (ResponseError::Body(odd), ResponseError::Body(cut)) = (&sent_but_odd, &truncated) else {
        panic!("{sent_but_odd:?} {truncated:?}")
    };
    assert!(odd.is_unexpected_payload() && !cut.is_unexpected_payload());
    assert!(matches!(sent_but_odd.kind(), ErrorKind::UnexpectedPayload));
    assert!(matches!(truncated.kind(), ErrorKind::UnreadableBody));
    // Whether a resend can duplicate the message.
    assert_eq!(
        (sent_but_odd.delivery(), truncated.delivery()),
        (Delivery::Sent, Delivery::MaybeSent)
    );
    assert_eq!(sent_but_odd.stable_id(), StableId::UNEXPECTED_PAYLOAD);
    assert_eq!(truncated.stable_id(), StableId::UNREADABLE_BODY);
    assert!(odd.to_string().contains("accepted the request"), "{odd}");
    assert!(!odd.reason().is_empty() && !cut.reason().is_empty());
}

#[test]
fn no_status_is_invented_for_an_error_built_by_hand() {
    let error = ResponseError::from(ApiError::new(ErrorCode::RateLimited, "slow down"));
    assert_ne!(error.status(), 200);
    assert_eq!(error.status(), 0, "0 is no HTTP status: none was seen");
    assert_eq!(error.http_status(), None);
    assert_eq!(ChannelError::status(&error), None);
    let read = read_response::<Sent>(429, None, b"<html>").unwrap_err();
    assert_eq!((read.status(), read.http_status()), (429, Some(429)));
}

#[test]
fn an_http_date_retry_after_is_an_instant_backoff_honours() {
    let date = "Wed, 21 Oct 2015 07:28:00 GMT";
    let at = 1_445_412_480;
    let error = read_response::<Sent>(503, Some(date), b"").unwrap_err();
    assert_eq!(
        ChannelError::retry_after(&error),
        Some(channel_errors::RetryAfter::At(at))
    );
    let now = Duration::from_secs(at - 42);
    assert_eq!(
        error.retry_after().unwrap().delay_from(now),
        Some(Duration::from_secs(42))
    );
    assert_eq!(error.backoff_at(0, now), Some(Duration::from_secs(42)));
    let error = read_response::<Sent>(429, Some("7"), b"").unwrap_err();
    assert_eq!(error.backoff_at(0, now), Some(Duration::from_secs(7)));
}

#[test]
fn every_response_error_answers_the_shared_trait() {
    let code = code_of(ErrorCode::InvalidAccessToken);
    let body = format!(r#"{{"code": {code}, "message": "expired", "request_id": "q"}}"#);
    let error = read_response::<Sent>(200, None, body.as_bytes()).unwrap_err();
    let shared: &dyn ChannelError = &error;
    assert_eq!(shared.vendor(), tiktok_messaging_errors::VENDOR);
    assert_eq!(
        shared.stable_id().to_string(),
        format!("tiktok.{}", ErrorCode::InvalidAccessToken.as_str())
    );
    assert_eq!(
        (shared.action(), shared.delivery()),
        (Action::Reauthorize, Delivery::NotSent)
    );
    assert_eq!(
        (
            shared.request_id(),
            shared.vendor_message(),
            shared.status()
        ),
        (Some("q"), Some("expired"), Some(200))
    );
    let ErrorKind::Vendor(vendor_code) = shared.kind() else {
        panic!("{error:?}")
    };
    assert_eq!(
        vendor_code.code(),
        channel_errors::Code::number(i64::from(code))
    );
    assert_eq!(vendor_code.article_url(), ErrorCode::ARTICLE_URL);
    let gateway = read_response::<Sent>(502, None, b"<html>Bad Gateway</html>").unwrap_err();
    assert_eq!(
        (gateway.stable_id().to_string(), gateway.action()),
        ("http_502".to_string(), Action::Retry)
    );
}

#[cfg(feature = "http")]
#[test]
fn an_http_response_is_read_whole() {
    let response = http::Response::builder()
        .status(200)
        .header("retry-after", "5")
        .body(format!(
            r#"{{"data": {{}}, "code": {}}}"#,
            code_of(ErrorCode::RateLimited)
        ))
        .unwrap();
    let error = tiktok_messaging_errors::read_http_response::<Sent, _>(&response).unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::RateLimited));
    assert_eq!(error.retry_after().and_then(|r| r.seconds()), Some(5));
    assert_eq!(error.backoff(0), Some(Duration::from_secs(5)));
}
