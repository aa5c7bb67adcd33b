//! The generated crate's whole public API, used as a downstream crate would.
//! Runs with serde off (`cargo test -p consumer`) and on (`--features serde`).
//!
//! Every expectation about codes, texts, order and count comes from the
//! committed fixture (the model the crate was generated from), so these tests
//! hold whatever the article says. Variants are named only where their
//! meaning is fixed by the annotations, never assuming the list is complete.
#![allow(deprecated)] // a variant named here may be deprecated by a later article

use std::collections::HashSet;

use serde_json::Value;
use tiktok_messaging_errors::{
    Action, Category, Code, ErrorCode, NotNumericError, ParseErrorCodeError, UnknownCode,
    UnknownCodeError,
};

/// The fixture's entries: every code the crate knows, in the crate's order.
fn fixture() -> Vec<Value> {
    let text = include_str!("../../fixtures/tiktok-business-messaging-errors.json");
    let json: Value = serde_json::from_str(text).expect("the fixture is JSON");
    json["errors"].as_array().expect("errors is a list").clone()
}

/// The crate's value of a fixture code.
fn code_of(entry: &Value) -> Code {
    match &entry["code"] {
        Value::Number(n) => Code::Numeric(n.as_u64().unwrap().try_into().unwrap()),
        Value::String(s) => Code::Alphanumeric(Box::leak(s.clone().into_boxed_str())),
        other => panic!("a code is a number or a string, not {other}"),
    }
}

fn variant_of(entry: &Value) -> ErrorCode {
    let code = code_of(entry);
    ErrorCode::try_parse(&code.to_string()).unwrap_or_else(|_| panic!("{code} is known"))
}

/// A number no entry has: an unknown code.
fn unknown_number() -> u32 {
    let used: HashSet<Code> = fixture().iter().map(code_of).collect();
    (1..).find(|n| !used.contains(&Code::Numeric(*n))).unwrap()
}

#[test]
fn every_fixture_entry_is_a_variant_with_its_text() {
    let entries = fixture();
    assert!(!entries.is_empty());
    assert_eq!(ErrorCode::ALL.len(), entries.len(), "one variant per entry");
    for (entry, &variant) in entries.iter().zip(ErrorCode::ALL) {
        let code = code_of(entry);
        assert_eq!(variant.code(), code, "ALL is in the fixture's order");
        assert_eq!(variant_of(entry), variant);
        assert_eq!(variant.name(), entry["name"], "{code}");
        assert_eq!(format!("{variant:?}"), variant.name());
        assert_eq!(
            variant.description(),
            entry["description"].as_str(),
            "{code}"
        );
        let solution = entry["solution"].as_str().filter(|s| !s.is_empty());
        assert_eq!(variant.solution(), solution, "{code}");
        assert_eq!(variant.category().as_str(), entry["category"], "{code}");
        assert_eq!(variant.action().as_str(), entry["action"], "{code}");
        assert_eq!(
            variant.is_retryable(),
            matches!(variant.action(), Action::Backoff | Action::Retry),
            "{code}"
        );
        let listed = entry.get("status").is_none();
        assert_eq!(variant.is_listed(), listed, "{code}");
        assert!(variant.is_known());
        let extra: Vec<(String, String)> = entry
            .get("extra")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let actual: Vec<(String, String)> = variant
            .extra()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(actual, extra, "{code}");
        assert_eq!(
            variant.to_string(),
            format!(
                "{code} {}: {}",
                variant.name(),
                entry["description"].as_str().unwrap()
            )
        );
    }
}

#[test]
fn every_known_code_round_trips() {
    let mut seen = HashSet::new();
    for &code in ErrorCode::ALL {
        assert_eq!(code.code().to_string().parse::<ErrorCode>(), Ok(code));
        assert_eq!(ErrorCode::try_parse(&code.code().to_string()), Ok(code));
        assert_eq!(Code::from(code), code.code());
        match code.code() {
            Code::Numeric(number) => {
                assert_eq!(ErrorCode::from_code(number), code);
                assert_eq!(ErrorCode::try_from(number), Ok(code));
                assert_eq!(u32::try_from(code), Ok(number));
                assert!(code == number && number == code.code());
            }
            Code::Alphanumeric(_) => {
                let error: NotNumericError = u32::try_from(code).unwrap_err();
                assert!(error.to_string().contains("alphanumeric"));
            }
        }
        assert!(seen.insert(code), "{code:?} listed twice");
    }
}

#[test]
fn every_known_code_parses_from_its_stable_id() {
    for &code in ErrorCode::ALL {
        assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
        assert_eq!(ErrorCode::try_parse(code.as_str()), Ok(code));
        assert_eq!(ErrorCode::from_stable_id(code.as_str()), Some(code));
    }
    assert_eq!(ErrorCode::from_stable_id("unknown"), None);
    assert!("unknown".parse::<ErrorCode>().is_err());
}

#[test]
fn unknown_codes_keep_their_value_and_never_equal_known_ones() {
    let number = unknown_number();
    let unknown = ErrorCode::from_code(number);
    assert_eq!(unknown.code(), number);
    assert!(!unknown.is_known() && !unknown.is_listed() && !unknown.is_retryable());
    assert_eq!(
        unknown.action(),
        Action::Escalate,
        "unknown codes get a person"
    );
    assert_eq!(unknown.as_str(), "unknown");
    assert!(ErrorCode::ALL.iter().all(|&known| known != unknown));
    assert_eq!(unknown.category(), Category::Unknown);
    assert_eq!(unknown.name(), "Unknown");
    assert_eq!((unknown.description(), unknown.solution()), (None, None));
    assert!(unknown.extra().is_empty());
    assert_eq!(format!("{unknown:?}"), format!("Unknown({number})"));
    assert!(unknown
        .to_string()
        .starts_with(&format!("{number} Unknown")));
    let error: UnknownCodeError = ErrorCode::try_from(number).unwrap_err();
    assert_eq!(error.code(), number);
    assert_eq!(
        error.to_string(),
        format!("{number} is not a TikTok error code this crate knows")
    );
    let raw: UnknownCode = match unknown {
        ErrorCode::Unknown(raw) => raw,
        other => panic!("expected Unknown, got {other:?}"),
    };
    assert_eq!(
        (raw.get(), format!("{raw:?}")),
        (number, number.to_string())
    );
    assert_eq!(ErrorCode::from_code(u32::MAX).code(), u32::MAX);
    assert!(
        ErrorCode::try_parse(&number.to_string()).is_err(),
        "strict parsing: known only"
    );
    assert_eq!(
        number.to_string().parse::<ErrorCode>(),
        Ok(unknown),
        "lenient parsing"
    );
}

#[test]
fn parsing_refuses_what_is_not_a_code() {
    for text in ["", "-1", "4294967296", "x", "E"] {
        let error: ParseErrorCodeError = text.parse::<ErrorCode>().unwrap_err();
        assert!(
            error.to_string().contains("TikTok error code"),
            "{text}: {error}"
        );
    }
}

#[test]
fn annotated_meanings_are_stable() {
    // The annotations, not the article, fix what these variants mean.
    assert_eq!(ErrorCode::RateLimited.category(), Category::RateLimit);
    assert_eq!(ErrorCode::SystemError.category(), Category::Server);
    assert_eq!(
        ErrorCode::InvalidAccessToken.category(),
        Category::Authentication
    );
    assert!(ErrorCode::RateLimited.is_retryable() && ErrorCode::SystemError.is_retryable());
    assert!(!ErrorCode::PermissionDenied.is_retryable());
    let actions = [
        (ErrorCode::RateLimited, Action::Backoff),
        (ErrorCode::SystemError, Action::Retry),
        (ErrorCode::InvalidAccessToken, Action::Reauthorize),
        (ErrorCode::InvalidParameters, Action::FixRequest),
        (ErrorCode::NotFound, Action::FixRequest),
        (ErrorCode::UnsupportedFileFormat, Action::FixRequest),
        (ErrorCode::PermissionDenied, Action::Escalate),
        (ErrorCode::MessageBlocked, Action::Escalate),
    ];
    for (code, action) in actions {
        assert_eq!(code.action(), action, "{code:?}");
    }
    assert_eq!(ErrorCode::RateLimited.as_str(), "rate_limited");
}

#[test]
fn ids_are_stable_snake_case_and_unique() {
    let mut seen = HashSet::new();
    for &code in ErrorCode::ALL {
        let id = code.as_str();
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{id}"
        );
        // The id is the variant's name in snake_case, not the article's prose.
        assert_eq!(id.replace('_', ""), code.name().to_ascii_lowercase());
        assert!(seen.insert(id), "{id} used twice");
    }
    assert!(!seen.contains("unknown"));
}

#[test]
fn codes_order_by_value_not_by_the_articles_order() {
    let mut sorted = ErrorCode::ALL.to_vec();
    sorted.push(ErrorCode::from_code(unknown_number()));
    sorted.push(ErrorCode::from_code(u32::MAX));
    sorted.sort();
    let values: Vec<Code> = sorted.iter().map(|c| c.code()).collect();
    let mut expected = values.clone();
    expected.sort();
    expected.dedup();
    assert_eq!(values, expected, "sorted by code value, no ties");
    let set: std::collections::BTreeSet<ErrorCode> = sorted.iter().copied().collect();
    assert_eq!(set.len(), sorted.len());
}

#[test]
fn actions_have_stable_ids_and_say_what_retries() {
    let ids: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    for id in ["backoff", "retry", "reauthorize", "fix_request", "escalate"] {
        assert!(ids.contains(&id), "{id}");
    }
    let retried: Vec<Action> = Action::ALL
        .iter()
        .copied()
        .filter(|a| a.is_retryable())
        .collect();
    assert_eq!(retried, [Action::Backoff, Action::Retry]);
    for a in Action::ALL {
        assert!(!a.description().is_empty());
        assert_eq!(a.to_string(), a.as_str());
    }
    for c in Category::ALL {
        assert_eq!(c.is_retryable(), c.default_action().is_retryable());
    }
    assert_eq!(Category::Unknown.default_action(), Action::Escalate);
}

#[test]
fn categories_parse_from_their_stable_ids() {
    for &category in Category::ALL {
        assert_eq!(category.as_str().parse::<Category>(), Ok(category));
    }
    assert!("throttled".parse::<Category>().is_err());
}

#[test]
fn categories_decide_retry_defaults() {
    let retryable: Vec<Category> = Category::ALL
        .iter()
        .copied()
        .filter(|c| c.is_retryable())
        .collect();
    assert_eq!(retryable, [Category::RateLimit, Category::Server]);
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "permission",
            "invalid_request",
            "not_found",
            "rate_limit",
            "authentication",
            "unsupported_media",
            "policy",
            "server",
            "unknown"
        ]
    );
    for c in Category::ALL {
        assert!(!c.description().is_empty());
        assert_eq!(c.to_string(), c.as_str());
    }
}

#[test]
fn functions_are_const() {
    const RATE: ErrorCode = ErrorCode::RateLimited;
    const RETRY: bool = RATE.is_retryable();
    const ACTION: Action = RATE.action();
    const ID: &str = RATE.as_str();
    const CATEGORY: Category = RATE.category();
    const CODE: Code = RATE.code();
    const KNOWN: bool = RATE.is_known();
    const UNKNOWN: ErrorCode = ErrorCode::from_code(u32::MAX);
    const { assert!(RETRY && KNOWN) };
    assert_eq!((CATEGORY, CODE), (Category::RateLimit, RATE.code()));
    assert_eq!(UNKNOWN.code(), u32::MAX);
    assert_eq!((ACTION, ID), (RATE.action(), RATE.as_str()));
}

#[test]
fn code_values_compare_and_print() {
    assert!(Code::Numeric(1).is_numeric() && !Code::Alphanumeric("E1").is_numeric());
    assert_eq!(Code::Alphanumeric("E1").as_u32(), None);
    assert_eq!(Code::Alphanumeric("E1").to_string(), "E1");
    assert_eq!(Code::Numeric(7).as_u32(), Some(7));
    assert!(Code::Numeric(7) == 7u32 && 7u32 == Code::Numeric(7));
}

#[cfg(feature = "std")]
#[test]
fn codes_are_std_errors() {
    fn boxed(code: ErrorCode) -> Box<dyn std::error::Error> {
        Box::new(code)
    }
    let first = ErrorCode::ALL[0];
    assert_eq!(boxed(first).to_string(), first.to_string());
}

#[cfg(feature = "serde")]
mod serde_support {
    use super::*;
    use tiktok_messaging_errors::{ApiError, ApiResponse};

    #[test]
    fn categories_serialise_as_their_stable_ids() {
        for &category in Category::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.as_str()));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
        }
        assert!(serde_json::from_str::<Category>("\"throttled\"").is_err());
    }

    #[test]
    fn codes_serialise_as_sent_and_read_back_from_numbers_or_strings() {
        for &code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            match code.code() {
                Code::Numeric(n) => {
                    assert_eq!(json, n.to_string());
                    assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
                }
                Code::Alphanumeric(s) => assert_eq!(json, format!("\"{s}\"")),
            }
            let quoted = format!("\"{}\"", code.code());
            assert_eq!(serde_json::from_str::<ErrorCode>(&quoted).unwrap(), code);
        }
        let number = unknown_number();
        let read: ErrorCode = serde_json::from_str(&number.to_string()).unwrap();
        assert_eq!(
            (read.code(), read.is_known()),
            (Code::Numeric(number), false)
        );
        assert_eq!(serde_json::to_string(&read).unwrap(), number.to_string());
        assert!(serde_json::from_str::<ErrorCode>("-1").is_err());
        assert!(serde_json::from_str::<ErrorCode>("4294967296").is_err());
        assert!(serde_json::from_str::<ErrorCode>("\"abc\"").is_err());
    }

    #[test]
    fn responses_become_results() {
        let ok: ApiResponse<serde_json::Value> = serde_json::from_str(
            r#"{"code":0,"message":"OK","request_id":"r","data":{"x":1},"extra":true}"#,
        )
        .unwrap();
        assert!(ok.is_success());
        assert_eq!(ok.into_result().unwrap().unwrap()["x"], 1);
        let known = ErrorCode::ALL[0];
        let bare: ApiResponse<u8> =
            serde_json::from_str(&format!(r#"{{"code": {}}}"#, known.code())).unwrap();
        let error = bare.into_result().unwrap_err();
        assert_eq!(
            (error.code(), error.message(), error.request_id()),
            (known, "", None)
        );
        assert_eq!((error.status(), error.retry_after()), (None, None));
        assert_eq!(error.action(), known.action());
        assert_eq!(error, ApiError::new(known, ""));
        assert_eq!(
            error.to_string(),
            format!("TikTok API error {} {}", known.code(), known.name())
        );
        let number = unknown_number();
        let unknown: ApiResponse<u8> = serde_json::from_str(&format!(
            r#"{{"code": {number}, "message": "m", "request_id": "q", "data": {{}}}}"#
        ))
        .unwrap();
        let error = unknown.into_result().unwrap_err();
        assert_eq!(error.code.code(), number);
        assert_eq!(
            error,
            ApiError::new(ErrorCode::from_code(number), "m").with_request_id("q")
        );
        assert_eq!(
            error.to_string(),
            format!("TikTok API error {number} Unknown: m (request_id q)")
        );
        assert!(serde_json::from_str::<ApiResponse<u8>>(r#"{"message": "no code"}"#).is_err());
    }
}

#[cfg(feature = "serde")]
mod envelope_constructors {
    use super::*;
    use tiktok_messaging_errors::ApiResponse;

    #[test]
    fn responses_can_be_built_for_mocks() {
        let ok = ApiResponse::success(7u8);
        assert!(ok.is_success());
        assert_eq!(
            (ok.data(), ok.message(), ok.request_id()),
            (Some(&7), None, None)
        );
        let first = ErrorCode::ALL[0];
        let failed = ApiResponse::<u8>::failure(first);
        assert_eq!(failed.error(), Some(first));
        assert_eq!(failed.into_result().unwrap_err().code(), first);
    }
}

#[cfg(feature = "json")]
mod whole_responses {
    use super::*;
    use tiktok_messaging_errors::{read_response, ResponseError, RetryAfter};

    fn envelope(code: &str, data: &str) -> Vec<u8> {
        format!(r#"{{"code": {code}, "message": "m", "request_id": "r", "data": {data}}}"#)
            .into_bytes()
    }

    #[test]
    fn a_success_is_the_payload() {
        let body = envelope("0", r#"{"n": 3}"#);
        let data: Option<Value> = read_response(200, None, &body).unwrap();
        assert_eq!(data.unwrap()["n"], 3);
        let none: Option<Value> = read_response(200, None, br#"{"code": 0}"#).unwrap();
        assert_eq!(none, None);
    }

    #[test]
    fn every_known_code_is_an_api_error_with_its_action() {
        for &code in ErrorCode::ALL {
            let Code::Numeric(n) = code.code() else {
                continue;
            };
            let body = envelope(&n.to_string(), "{}");
            let error = read_response::<Value>(200, Some("7"), &body).unwrap_err();
            assert_eq!(error.code(), Some(code));
            assert_eq!(error.action(), code.action());
            assert_eq!(error.status(), 200);
            assert_eq!(error.retry_after(), Some(&RetryAfter::Seconds(7)));
            let ResponseError::Api(api) = &error else {
                panic!("{error:?}")
            };
            assert_eq!(
                (api.message(), api.request_id(), api.status()),
                ("m", Some("r"), Some(200))
            );
            assert!(error.to_string().contains(&n.to_string()), "{error}");
        }
    }

    #[test]
    fn a_tiktok_code_under_an_error_status_is_still_the_code() {
        let number = unknown_number();
        let body = envelope(&number.to_string(), "{}");
        let error = read_response::<Value>(503, None, &body).unwrap_err();
        assert_eq!(error.code(), Some(ErrorCode::from_code(number)));
        assert_eq!(error.status(), 503);
    }

    #[test]
    fn gateway_statuses_say_what_to_do() {
        let html = b"<html><body>Service Unavailable</body></html>";
        let cases = [
            (429, Action::Backoff),
            (408, Action::Retry),
            (500, Action::Retry),
            (502, Action::Retry),
            (503, Action::Retry),
            (504, Action::Retry),
            (401, Action::Reauthorize),
            (403, Action::Escalate),
            (400, Action::FixRequest),
            (404, Action::FixRequest),
            (302, Action::Escalate),
        ];
        for (status, action) in cases {
            let error = read_response::<Value>(status, None, html).unwrap_err();
            let ResponseError::Status(inner) = &error else {
                panic!("{status}: {error:?}")
            };
            assert_eq!((error.status(), error.code()), (status, None));
            assert_eq!(error.action(), action, "{status}");
            assert_eq!(inner.body(), std::str::from_utf8(html).unwrap());
            assert!(
                error.to_string().contains(&format!("HTTP {status}")),
                "{error}"
            );
        }
        // `code: 0` under an error status: the status failed, not TikTok.
        let error = read_response::<Value>(502, None, &envelope("0", "{}")).unwrap_err();
        assert!(matches!(error, ResponseError::Status(_)), "{error:?}");
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        let date = "Wed, 21 Oct 2015 07:28:00 GMT";
        let error = read_response::<Value>(503, Some(date), b"").unwrap_err();
        assert_eq!(error.retry_after(), Some(&RetryAfter::Date(date.into())));
        assert_eq!(error.retry_after().unwrap().seconds(), None);
        assert!(error.to_string().contains(date), "{error}");
        let error = read_response::<Value>(429, Some(" 120 "), b"").unwrap_err();
        assert_eq!(error.retry_after().and_then(RetryAfter::seconds), Some(120));
        let huge = "9".repeat(40);
        assert_eq!(
            RetryAfter::parse(&huge),
            Some(RetryAfter::Seconds(u64::MAX))
        );
        assert_eq!(RetryAfter::parse("  "), None);
        let error = read_response::<Value>(429, Some(""), b"").unwrap_err();
        assert_eq!(error.retry_after(), None);
    }

    #[test]
    fn a_body_that_is_not_tiktoks_json_is_a_body_error() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Sent {
            message_id: String,
        }
        for body in [&b"<html>maintenance</html>"[..], b"", b"{}", b"[1,2]"] {
            let error = read_response::<Sent>(200, None, body).unwrap_err();
            let ResponseError::Body(inner) = &error else {
                panic!("{error:?}")
            };
            assert!(!inner.reason().is_empty());
            assert_eq!(error.action(), Action::Escalate);
            assert_eq!(error.code(), None);
        }
        // The payload of a success that is not the expected shape.
        let error =
            read_response::<Sent>(200, None, &envelope("0", r#"{"other": 1}"#)).unwrap_err();
        assert!(matches!(error, ResponseError::Body(_)), "{error:?}");
    }

    #[test]
    fn long_bodies_are_cut_on_a_character_boundary() {
        let body = "é".repeat(1000);
        let error = read_response::<Value>(502, None, body.as_bytes()).unwrap_err();
        let ResponseError::Status(inner) = &error else {
            panic!("{error:?}")
        };
        assert!(inner.body().len() <= 256 && inner.body().chars().all(|c| c == 'é'));
        assert!(!inner.body().is_empty());
        // Control characters in a body never reach a log raw.
        let error = read_response::<Value>(502, None, b"\x1b[31mred\x07").unwrap_err();
        assert!(!error.to_string().contains('\u{1b}'), "{error}");
    }

    /// A logger walking the chain (`{error}: {source}: ...`) never prints
    /// the whole error twice: the response error says what failed, with its
    /// code or status, and its source the details (issue 23: both printed
    /// the whole error). The status or code may show in both.
    #[cfg(feature = "std")]
    #[test]
    fn response_errors_are_std_errors_with_a_source_printed_once() {
        use std::error::Error;
        let body = envelope(&ErrorCode::ALL[0].code().to_string(), "{}");
        for error in [
            read_response::<Value>(503, None, b"").unwrap_err(),
            read_response::<Value>(200, None, &body).unwrap_err(),
            read_response::<Value>(200, None, b"<html>").unwrap_err(),
        ] {
            let boxed: Box<dyn Error> = Box::new(error.clone());
            assert_eq!(boxed.to_string(), error.to_string());
            let source = error.source().expect("the details are the source");
            let (outer, inner) = (error.to_string(), source.to_string());
            assert!(
                !inner.contains(&outer) && !outer.contains(&inner),
                "printed twice: {outer}: {inner}"
            );
            assert!(source.source().is_none(), "{inner}");
        }
    }
}
