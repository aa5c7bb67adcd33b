//! The response reader against the three mock vendors' envelopes: every
//! outcome, and each defect issue 23 found in TikTok's hand-written reader,
//! with a test that fails on that reader's behaviour.
#![cfg(feature = "json")]

mod common;

use channel_errors::{
    read_response, Action, ChannelError, Code, Delivery, Envelope, ErrorKind, ResponseError,
    RetryAfter, StableId, Success, Vendor,
};
use common::*;
use core::mem::size_of;
use core::time::Duration;

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Sent {
    message_id: String,
}

fn tok(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<Option<Sent>, ResponseError<TokCode>> {
    read_response(&TOK_ENVELOPE, status, retry_after, body.as_bytes())
}

fn chirp(status: u16, body: &str) -> Result<Option<Sent>, ResponseError<ChirpCode>> {
    read_response(&CHIRP_ENVELOPE, status, None, body.as_bytes())
}

fn slate(status: u16, body: &str) -> Result<Option<Sent>, ResponseError<SlateCode>> {
    read_response(&SLATE_ENVELOPE, status, None, body.as_bytes())
}

// ---- issue 23's defects ----

#[test]
fn key_order_does_not_matter() {
    // TikTok's reader parsed `data` as `T` when it came before `code`, so a
    // rate limit whose `data: {}` is no `Sent` read as an unreadable body.
    let body = r#"{"data": {}, "message": "slow down", "request_id": "r1", "code": 40100}"#;
    let error = tok(200, None, body).unwrap_err();
    assert_eq!(error.code(), Some(&TokCode::RateLimited));
    assert_eq!(error.action(), Action::Backoff);
    assert_eq!(error.vendor_message(), Some("slow down"));
    assert_eq!(error.request_id(), Some("r1"));
    // And a success reads the same in either order.
    let data_first = r#"{"data": {"message_id": "m1"}, "code": 0}"#;
    let code_first = r#"{"code": 0, "data": {"message_id": "m1"}}"#;
    assert_eq!(
        tok(200, None, data_first).unwrap(),
        tok(200, None, code_first).unwrap()
    );
}

#[test]
fn a_payload_that_is_not_t_is_not_an_unreadable_body() {
    // TikTok's reader gave the same error for both: "sent but unreadable"
    // could not be told from "maybe not sent".
    let payload = tok(
        200,
        None,
        r#"{"code": 0, "request_id": "r1", "data": {"id": 5}}"#,
    )
    .unwrap_err();
    assert!(matches!(payload.kind(), ErrorKind::UnexpectedPayload));
    assert_eq!(payload.delivery(), Delivery::Sent);
    assert_eq!(payload.stable_id(), "unexpected_payload");
    assert_eq!(payload.request_id(), Some("r1"));
    assert!(
        payload.reason().unwrap().contains("message_id"),
        "{payload}"
    );

    let truncated = tok(200, None, r#"{"code": 0, "data": {"message_"#).unwrap_err();
    assert!(matches!(truncated.kind(), ErrorKind::UnreadableBody));
    assert_eq!(truncated.delivery(), Delivery::MaybeSent);
    assert_eq!(truncated.stable_id(), "unreadable_body");
    assert_eq!(truncated.body(), Some(r#"{"code": 0, "data": {"message_"#));
    assert_ne!(payload.stable_id(), truncated.stable_id());
}

#[test]
fn the_error_chain_prints_once() {
    // TikTok's `ResponseError` printed its inner error in `Display` and
    // returned it from `source()`, so a logger walking the chain printed it twice.
    let errors: Vec<ResponseError<TokCode>> = vec![
        tok(200, None, r#"{"code": 40100, "message": "slow down"}"#).unwrap_err(),
        tok(503, Some("5"), "<html>down</html>").unwrap_err(),
        tok(200, None, "<html>maintenance</html>").unwrap_err(),
        tok(200, None, r#"{"code": 0, "data": []}"#).unwrap_err(),
        ResponseError::transport(TOK, Delivery::MaybeSent, "connection reset"),
    ];
    for error in &errors {
        let top = error.to_string();
        let mut chain = vec![];
        let mut source = std::error::Error::source(error);
        while let Some(inner) = source {
            chain.push(inner.to_string());
            source = inner.source();
        }
        for inner in &chain {
            assert!(!top.contains(inner.as_str()), "{top:?} repeats {inner:?}");
        }
        assert_eq!(top.lines().count(), 1, "{top:?}");
    }
    assert_eq!(
        errors[0].to_string(),
        "Tok error 40100 (tok.rate_limited): slow down (HTTP 200)"
    );
    assert_eq!(
        errors[1].to_string(),
        "HTTP 503 from Tok (Retry-After: 5): \"<html>down</html>\""
    );
    assert_eq!(
        errors[4].to_string(),
        "no response from Tok (maybe_sent): connection reset"
    );
}

#[test]
fn no_invented_status() {
    // `ResponseError::from(ApiError::new(..)).status()` answered 200.
    let error = ResponseError::from_code(TokCode::RateLimited);
    assert_eq!(error.status(), None);
    assert_eq!(error.to_string(), "Tok error 40100 (tok.rate_limited)");
    let error = ResponseError::<TokCode>::transport(TOK, Delivery::NotSent, "dns");
    assert_eq!(error.status(), None);
    assert_eq!(error.with_status(502).status(), Some(502));
    // The reader records the status it was given, 200 included.
    assert_eq!(
        tok(200, None, r#"{"code": 40100}"#).unwrap_err().status(),
        Some(200)
    );
    assert_eq!(
        tok(429, None, r#"{"code": 40100}"#).unwrap_err().status(),
        Some(429)
    );
}

#[test]
fn sub_codes_are_kept() {
    // `from_code_and_subcode(1, Some(999))` lost 999.
    let error = chirp(
        400,
        r#"{"error": {"code": 1, "error_subcode": 999, "message": "?"}}"#,
    )
    .unwrap_err();
    let code = error.code().copied().unwrap();
    assert_eq!(
        code,
        ChirpCode::Unknown {
            code: 1,
            subcode: Some(999)
        }
    );
    assert_eq!(channel_errors::VendorCode::code(&code).to_string(), "1:999");
    let known = chirp(400, r#"{"error": {"code": 1, "error_subcode": 33}}"#).unwrap_err();
    assert_eq!(known.code(), Some(&ChirpCode::InboxMoving));
    assert_eq!(known.stable_id(), "chirp.inbox_moving");
    // A sub-code may come as its string form, or be null.
    let string = chirp(400, r#"{"error": {"code": 1, "error_subcode": "33"}}"#).unwrap_err();
    assert_eq!(string.code(), Some(&ChirpCode::InboxMoving));
    let null = chirp(400, r#"{"error": {"code": 4, "error_subcode": null}}"#).unwrap_err();
    assert_eq!(null.code(), Some(&ChirpCode::RateLimited));
}

#[test]
fn an_http_date_retry_after_is_waited_for() {
    // It stayed a string; now it is an instant `backoff_at` measures.
    let error = tok(
        429,
        Some("Wed, 21 Oct 2015 07:28:00 GMT"),
        "Too Many Requests",
    )
    .unwrap_err();
    assert_eq!(error.retry_after(), Some(RetryAfter::At(1_445_412_480)));
    let now = Duration::from_secs(1_445_412_480 - 42);
    assert_eq!(error.backoff_at(0, now), Some(Duration::from_secs(42)));
    // An invalid header is ignored, not obeyed.
    let error = tok(429, Some("soon"), "").unwrap_err();
    assert_eq!(error.retry_after(), None);
    assert_eq!(error.backoff_at(0, now), Action::Backoff.default_backoff(0));
}

// ---- everything else the reader decides ----

#[test]
fn success_with_and_without_a_payload() {
    assert_eq!(
        tok(
            200,
            None,
            r#"{"code": 0, "message": "OK", "data": {"message_id": "m1"}}"#
        )
        .unwrap(),
        Some(Sent {
            message_id: "m1".into()
        })
    );
    assert_eq!(tok(200, None, r#"{"code": 0}"#).unwrap(), None);
    assert_eq!(
        tok(204, None, r#"{"code": 0, "data": null}"#).unwrap(),
        None
    );
    // No data pointer at all: no payload, whatever the body has.
    const BARE: Envelope = Envelope::new(TOK, "/code").success(Success::CodeIs(0));
    let read: Result<Option<Sent>, ResponseError<TokCode>> =
        read_response(&BARE, 200, None, br#"{"code": 0, "data": {"x": 1}}"#);
    assert_eq!(read.unwrap(), None);
}

#[test]
fn codes_may_be_strings_and_unknown_codes_keep_their_value() {
    let error = tok(200, None, r#"{"code": "40105"}"#).unwrap_err();
    assert_eq!(error.code(), Some(&TokCode::InvalidAccessToken));
    assert_eq!(error.action(), Action::Reauthorize);
    assert!(error.action().retries_after_refresh());
    let error = tok(200, None, r#"{"code": 77777}"#).unwrap_err();
    assert_eq!(error.code(), Some(&TokCode::Unknown(77777)));
    assert_eq!(
        (error.action(), error.stable_id().to_string()),
        (Action::Escalate, "tok.unknown".into())
    );
}

#[test]
fn a_body_that_is_not_the_envelope() {
    for body in [
        "",
        "<html>maintenance</html>",
        "[1, 2]",
        "null",
        r#"{"message": "no code"}"#,
        r#"{"code": "a b"}"#,
        r#"{"code": 1.5}"#,
        r#"{"code": {"x": 1}}"#,
        r#"{"code": -1}"#,
    ] {
        // Under 2xx: unreadable, maybe sent.
        let error = tok(200, None, body).unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::UnreadableBody),
            "{body:?}: {error}"
        );
        assert_eq!(error.delivery(), Delivery::MaybeSent);
        assert_eq!(error.action(), Action::Escalate);
        // Under an error status: the status is the error.
        let error = tok(502, None, body).unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::Status(502)),
            "{body:?}: {error}"
        );
        assert_eq!(error.stable_id(), StableId::Http(502));
        assert_eq!(
            (error.action(), error.delivery()),
            (Action::Retry, Delivery::MaybeSent)
        );
    }
}

#[test]
fn gateway_statuses() {
    let error = tok(429, Some("30"), "<html>Too Many Requests</html>").unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Status(429)));
    assert_eq!(error.stable_id(), "http_429");
    assert_eq!(
        (error.action(), error.delivery()),
        (Action::Backoff, Delivery::NotSent)
    );
    assert_eq!(error.backoff(0), Some(Duration::from_secs(30)));
    assert_eq!(error.body(), Some("<html>Too Many Requests</html>"));
    assert_eq!(error.code(), None);
    // The vendor's success envelope under an error status: the status failed,
    // and the envelope's message and request id are kept.
    let error = tok(
        500,
        None,
        r#"{"code": 0, "message": "OK", "request_id": "r9"}"#,
    )
    .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Status(500)));
    assert_eq!(
        (error.vendor_message(), error.request_id()),
        (Some("OK"), Some("r9"))
    );
}

#[test]
fn error_statuses_say_which_bodies_are_the_vendor_s() {
    let body = r#"{"error": {"code": 4, "message": "slow", "trace_id": "t1"}}"#;
    let error = chirp(400, body).unwrap_err();
    assert_eq!(error.code(), Some(&ChirpCode::RateLimited));
    assert_eq!(error.request_id(), Some("t1"));
    // A 3xx is not in Chirp's error statuses: a proxy's, whatever it says.
    let error = chirp(302, body).unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Status(302)));
    assert_eq!(error.code(), None);
    // Chirp's success is the payload itself, with no code.
    assert_eq!(
        chirp(200, r#"{"message_id": "m2"}"#).unwrap(),
        Some(Sent {
            message_id: "m2".into()
        })
    );
    // An empty success (a 204) has no payload; an empty error is the status's.
    assert_eq!(chirp(204, "").unwrap(), None);
    assert_eq!(chirp(200, " \n").unwrap(), None);
    assert!(matches!(
        chirp(500, "").unwrap_err().kind(),
        ErrorKind::Status(500)
    ));
    // A code under 200 is still an error.
    assert_eq!(
        chirp(200, body).unwrap_err().code(),
        Some(&ChirpCode::RateLimited)
    );
}

#[test]
fn a_success_flag_and_text_codes() {
    assert_eq!(
        slate(200, r#"{"ok": true, "message_id": "m3"}"#).unwrap(),
        Some(Sent {
            message_id: "m3".into()
        })
    );
    let error = slate(200, r#"{"ok": false, "error": "rate_limited"}"#).unwrap_err();
    assert_eq!(error.code(), Some(&SlateCode::RateLimited));
    assert_eq!(error.stable_id(), "slate.rate_limited");
    let error = slate(200, r#"{"ok": false, "error": "channel_gone"}"#).unwrap_err();
    assert_eq!(
        error.code(),
        Some(&SlateCode::Unknown("channel_gone".parse::<Code>().unwrap()))
    );
    assert_eq!(
        error.to_string(),
        "Slate error channel_gone (slate.unknown) (HTTP 200)"
    );
    for body in [
        r#"{"error": "rate_limited"}"#,
        r#"{"ok": false}"#,
        r#"{"ok": "yes"}"#,
        r#"{"ok": false, "error": 5}"#,
    ] {
        let error = slate(200, body).unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::UnreadableBody),
            "{body}: {error}"
        );
    }
}

#[test]
fn an_error_is_one_pointer_so_results_stay_small() {
    assert_eq!(size_of::<ResponseError<TokCode>>(), size_of::<usize>());
}

#[test]
fn the_body_snippet_is_cut_on_a_character_boundary() {
    let body = format!("<html>{}</html>", "é".repeat(200));
    let error = tok(503, None, &body).unwrap_err();
    let snippet = error.body().unwrap();
    assert!(
        snippet.len() <= 256 && snippet.len() >= 254,
        "{}",
        snippet.len()
    );
    assert!(body.starts_with(snippet));
}

#[test]
fn tiktok_s_envelope_is_a_const_and_reads_as_tiktok_s_reader_did() {
    // What crates/tiktok-messaging-errors' read_response documents, through
    // the shared reader: its read_response can become a thin wrapper.
    const TIKTOK: Envelope = Envelope::new(Vendor::new("tiktok", "TikTok"), "/code")
        .message("/message")
        .request_id("/request_id")
        .data("/data")
        .success(Success::CodeIs(0));
    let read = |status, retry_after, body: &str| -> Result<Option<Sent>, ResponseError<TokCode>> {
        read_response(&TIKTOK, status, retry_after, body.as_bytes())
    };
    let ok = r#"{"code": 0, "message": "OK", "request_id": "r1", "data": {"message_id": "m1"}}"#;
    assert_eq!(
        read(200, None, ok).unwrap(),
        Some(Sent {
            message_id: "m1".into()
        })
    );
    let throttled =
        r#"{"code": 40100, "message": "Too many requests", "request_id": "r2", "data": {}}"#;
    let error = read(200, None, throttled).unwrap_err();
    assert_eq!(
        (error.code(), error.action()),
        (Some(&TokCode::RateLimited), Action::Backoff)
    );
    let error = read(429, Some("30"), "<html>Too Many Requests</html>").unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(429), None));
    assert_eq!(
        error.retry_after().and_then(|r| r.delay()),
        Some(Duration::from_secs(30))
    );
    let error = read(200, None, "<html>maintenance</html>").unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::UnreadableBody));
}

#[cfg(feature = "http")]
#[test]
fn an_http_response() {
    use channel_errors::read_http_response;
    let response = http::Response::builder()
        .status(400)
        .header("retry-after", "not a value")
        .header("retry-after", "12")
        .header("x-trace-id", "from-header")
        .body(r#"{"error": {"code": 4}}"#)
        .unwrap();
    let error = read_http_response::<ChirpCode, Sent, _>(&CHIRP_ENVELOPE, &response).unwrap_err();
    assert_eq!(error.code(), Some(&ChirpCode::RateLimited));
    assert_eq!(
        error.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(12)))
    );
    assert_eq!(error.request_id(), Some("from-header"));
    // The body's request id comes first.
    let response = http::Response::builder()
        .status(400)
        .header("x-trace-id", "from-header")
        .body(br#"{"error": {"code": 4, "trace_id": "from-body"}}"#.to_vec())
        .unwrap();
    let error = read_http_response::<ChirpCode, Sent, _>(&CHIRP_ENVELOPE, &response).unwrap_err();
    assert_eq!(error.request_id(), Some("from-body"));
    let response = http::Response::new(&br#"{"message_id": "m4"}"#[..]);
    assert_eq!(
        read_http_response::<ChirpCode, Sent, _>(&CHIRP_ENVELOPE, &response).unwrap(),
        Some(Sent {
            message_id: "m4".into()
        })
    );
}
