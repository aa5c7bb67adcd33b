//! The generated crate's whole public API, used as a downstream crate would.
//! Runs with serde off (`cargo test -p consumer`) and on (`--features serde`).

use std::collections::HashSet;

use tiktok_messaging_errors::{
    Category, Code, ErrorCode, NotNumericError, ParseErrorCodeError, UnknownCode, UnknownCodeError,
};

#[test]
fn minimum_api() {
    assert_eq!(ErrorCode::from_code(40100), ErrorCode::RateLimited);
    assert_eq!(ErrorCode::RateLimited.code(), 40100u32);
    assert_eq!(ErrorCode::from_code(12345).code(), 12345);
    assert!(!ErrorCode::from_code(12345).is_known());
    assert!(ErrorCode::RateLimited.is_retryable() && !ErrorCode::PermissionDenied.is_retryable());
    assert_eq!(ErrorCode::RateLimited.category(), Category::RateLimit);
    assert_eq!(
        ErrorCode::RateLimited.description(),
        Some("You’ve hit the rate limit for this API.")
    );
    assert_eq!(ErrorCode::from_code(12345).description(), None);
    assert_eq!(ErrorCode::from_code(12345).solution(), None);
    assert_eq!(ErrorCode::ALL.len(), 8);
    assert_eq!("40100".parse::<ErrorCode>(), Ok(ErrorCode::RateLimited));
    assert!(ErrorCode::RateLimited.to_string().contains("40100"));
}

#[test]
fn every_known_code_round_trips() {
    let mut seen = HashSet::new();
    for &code in ErrorCode::ALL {
        assert!(code.is_known() && code.is_listed());
        let number = code.code().as_u32().expect("today's codes are numeric");
        assert_eq!(ErrorCode::from_code(number), code);
        assert_eq!(code.code().to_string().parse::<ErrorCode>(), Ok(code));
        assert_eq!(ErrorCode::try_from(number), Ok(code));
        assert_eq!(u32::try_from(code), Ok(number));
        assert_eq!(Code::from(code), Code::Numeric(number));
        assert!(code.description().is_some_and(|d| !d.is_empty()));
        assert_eq!(format!("{code:?}"), code.name());
        assert!(seen.insert(code), "{code:?} listed twice");
    }
    let order: Vec<u32> = ErrorCode::ALL
        .iter()
        .filter_map(|c| c.code().as_u32())
        .collect();
    assert_eq!(
        order,
        [40001, 40002, 40007, 40100, 40105, 40908, 40064, 51065],
        "article order"
    );
}

#[test]
fn unknown_codes_keep_their_value_and_never_equal_known_ones() {
    let unknown = ErrorCode::from_code(40101);
    assert_eq!(unknown.code(), 40101);
    assert_ne!(unknown, ErrorCode::RateLimited);
    assert_eq!(unknown.category(), Category::Unknown);
    assert!(!unknown.is_retryable() && !unknown.is_listed());
    assert_eq!(unknown.name(), "Unknown");
    assert_eq!(format!("{unknown:?}"), "Unknown(40101)");
    assert!(unknown.to_string().starts_with("40101 Unknown"));
    assert_eq!(ErrorCode::try_from(40101u32).unwrap_err().code(), 40101);
    match unknown {
        ErrorCode::Unknown(raw) => assert_eq!(raw.get(), 40101),
        other => panic!("expected Unknown, got {other:?}"),
    }
    assert_eq!(ErrorCode::from_code(u32::MAX).code(), u32::MAX);
}

#[test]
fn display_is_a_log_line() {
    assert_eq!(
        ErrorCode::RateLimited.to_string(),
        "40100 RateLimited: You’ve hit the rate limit for this API."
    );
    assert_eq!(Category::RateLimit.to_string(), "rate_limit");
}

#[test]
fn parsing_is_lenient_for_numbers_and_strict_on_request() {
    assert_eq!(
        "99999".parse::<ErrorCode>().map(|c| c.code()),
        Ok(Code::Numeric(99999))
    );
    assert!("".parse::<ErrorCode>().is_err());
    assert!("-1".parse::<ErrorCode>().is_err());
    assert!("4294967296".parse::<ErrorCode>().is_err());
    assert!(
        "E1001".parse::<ErrorCode>().is_err(),
        "no alphanumeric codes today"
    );
    assert_eq!(
        ErrorCode::try_parse("40001"),
        Ok(ErrorCode::PermissionDenied)
    );
    assert!(ErrorCode::try_parse("99999").is_err());
}

#[test]
fn categories_decide_retry_defaults() {
    let retryable: Vec<Category> = Category::ALL
        .iter()
        .copied()
        .filter(|c| c.is_retryable())
        .collect();
    assert_eq!(retryable, [Category::RateLimit, Category::Server]);
    assert!(ErrorCode::SystemError.is_retryable());
    for c in Category::ALL {
        assert!(!c.description().is_empty());
    }
}

#[test]
fn functions_are_const() {
    const RATE: ErrorCode = ErrorCode::from_code(40100);
    const RETRY: bool = RATE.is_retryable();
    const CATEGORY: Category = RATE.category();
    const CODE: Code = RATE.code();
    const KNOWN: bool = RATE.is_known();
    const { assert!(RETRY && KNOWN) };
    assert_eq!(
        (CATEGORY, CODE),
        (Category::RateLimit, Code::Numeric(40100))
    );
}

#[cfg(feature = "std")]
#[test]
fn codes_are_std_errors() {
    fn boxed(code: ErrorCode) -> Box<dyn std::error::Error> {
        Box::new(code)
    }
    assert!(boxed(ErrorCode::NotFound)
        .to_string()
        .starts_with("40007 NotFound"));
}

#[cfg(feature = "serde")]
mod serde_support {
    use tiktok_messaging_errors::{ApiResponse, ErrorCode};

    #[test]
    fn codes_serialise_as_integers_and_read_back_from_numbers_or_strings() {
        assert_eq!(
            serde_json::to_string(&ErrorCode::RateLimited).unwrap(),
            "40100"
        );
        assert_eq!(
            serde_json::to_string(&ErrorCode::from_code(7)).unwrap(),
            "7"
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>("40100").unwrap(),
            ErrorCode::RateLimited
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>("\"40100\"").unwrap(),
            ErrorCode::RateLimited
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>("12345").unwrap().code(),
            12345
        );
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
        let bare: ApiResponse<u8> = serde_json::from_str(r#"{"code": 51065}"#).unwrap();
        let error = bare.into_result().unwrap_err();
        assert_eq!(
            (error.code, error.message.as_str(), error.request_id.clone()),
            (ErrorCode::SystemError, "", None)
        );
        assert_eq!(error.to_string(), "TikTok API error 51065 SystemError");
        let unknown: ApiResponse<u8> =
            serde_json::from_str(r#"{"code": 77, "message": "m", "request_id": "q", "data": {}}"#)
                .unwrap();
        let error = unknown.into_result().unwrap_err();
        assert_eq!(error.code.code(), 77);
        assert_eq!(
            error.to_string(),
            "TikTok API error 77 Unknown: m (request_id q)"
        );
        assert!(serde_json::from_str::<ApiResponse<u8>>(r#"{"message": "no code"}"#).is_err());
    }
}

#[test]
fn the_small_items() {
    assert!(ErrorCode::RateLimited == 40100u32 && ErrorCode::RateLimited != 40101u32);
    assert!(40100u32 == ErrorCode::RateLimited.code());
    assert!(Code::Numeric(1).is_numeric() && !Code::Alphanumeric("E1").is_numeric());
    assert_eq!(Code::Alphanumeric("E1").as_u32(), None);
    assert_eq!(Code::Alphanumeric("E1").to_string(), "E1");
    assert!(
        ErrorCode::ALL.iter().all(|c| c.extra().is_empty()),
        "today's article has no extra columns"
    );
    let unknown: UnknownCode = match ErrorCode::from_code(7) {
        ErrorCode::Unknown(u) => u,
        other => panic!("{other:?}"),
    };
    assert_eq!(format!("{unknown:?}"), "7");
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
    let parse_error: ParseErrorCodeError = "x".parse::<ErrorCode>().unwrap_err();
    assert!(parse_error.to_string().contains("not a TikTok error code"));
    let unknown_error: UnknownCodeError = ErrorCode::try_from(7u32).unwrap_err();
    assert_eq!(
        unknown_error.to_string(),
        "7 is not a TikTok error code this crate knows"
    );
    // Every numeric code converts; `NotNumericError` is for alphanumeric ones.
    let conversions: Vec<Result<u32, NotNumericError>> =
        ErrorCode::ALL.iter().map(|&c| u32::try_from(c)).collect();
    assert!(conversions.iter().all(Result::is_ok));
}
