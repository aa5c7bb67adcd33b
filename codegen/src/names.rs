//! Rust identifiers for codes. Names come from annotations; this only checks
//! them and supplies the fallback for a code nobody has annotated yet.

use crate::model::Code;

/// Variant names the generated crate uses itself.
const RESERVED: &[&str] = &["Unknown", "Self", "ALL"];

pub fn is_variant_name(name: &str) -> bool {
    let mut chars = name.chars();
    let starts_upper = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    starts_upper
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !RESERVED.contains(&name)
        && syn::parse_str::<syn::Ident>(name).is_ok()
}

/// The snake_case id of a variant (`RateLimited` -> `rate_limited`): what the
/// generated `as_str()` returns for logs and metric labels. It follows the
/// name, which comes from the annotations, so rewording the article never
/// changes it.
pub fn stable_id(name: &str) -> String {
    heck::ToSnakeCase::to_snake_case(name)
}

/// `Code40123`, `CodeE1001`: obviously a placeholder, never derived from prose.
pub fn fallback_name(code: &Code) -> String {
    let text: String = code
        .to_string()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("Code{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_names() {
        assert!(is_variant_name("RateLimited"));
        assert!(!is_variant_name("rateLimited"));
        assert!(!is_variant_name("Rate_Limited"));
        assert!(!is_variant_name("Unknown"));
        assert!(!is_variant_name(""));
        assert_eq!(fallback_name(&Code::Numeric(40123)), "Code40123");
        assert_eq!(stable_id("RateLimited"), "rate_limited");
        assert_eq!(stable_id("HTTPTimeout"), "http_timeout");
        assert_eq!(stable_id("Code40123"), "code40123");
        assert_eq!(
            fallback_name(&Code::Alphanumeric("E-10_1".into())),
            "CodeE101"
        );
    }
}
