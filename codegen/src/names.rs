//! Rust identifiers for codes. Names come from annotations; this only checks
//! them and supplies the fallback for a code nobody has annotated yet.

use crate::model::code::{Code, Key};
use std::collections::{HashMap, HashSet};

/// Variant names the generated crate uses itself.
const RESERVED: &[&str] = &["Unknown", "Self", "ALL"];

/// An UpperCamelCase ASCII identifier the generated crate does not use
/// itself. (`Self` is the only Rust keyword of that shape, and it is
/// reserved here; a test holds this against syn.)
pub fn is_variant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !RESERVED.contains(&name)
}

/// The snake_case id of a variant (`RateLimited` -> `rate_limited`): what the
/// generated `as_str()` returns for logs and metric labels. It follows the
/// name, which comes from the annotations, so rewording the article never
/// changes it.
pub fn stable_id(name: &str) -> String {
    heck::ToSnakeCase::to_snake_case(name)
}

/// `Code40123`, `CodeE1001`, `CodeMinus1`, `Code1Sub99`, `CodeAccessDenied`:
/// obviously a placeholder, never derived from prose (so a key's message or
/// section is not in it: [`fallback_names`] numbers the entries of a
/// repeated code instead).
pub fn fallback_name(key: &Key) -> String {
    let part = |code: &Code| {
        let text = code.to_string();
        let sign = if text.starts_with('-') { "Minus" } else { "" };
        let camel = heck::ToUpperCamelCase::to_upper_camel_case(text.as_str());
        let camel: String = camel
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        format!("{sign}{camel}")
    };
    match &key.subcode {
        Some(sub) => format!("Code{}Sub{}", part(&key.code), part(sub)),
        None => format!("Code{}", part(&key.code)),
    }
}

/// A placeholder for each key, in order, each with an id of its own: a
/// placeholder that another already has (the entries of a code listed with
/// several messages, or `access-denied` beside `access_denied`) gets `V2`,
/// `V3`, … so an article generates before anyone has named anything.
pub fn fallback_names(keys: impl IntoIterator<Item = Key>) -> Vec<String> {
    fallback_names_avoiding(keys, &HashMap::new())
}

/// [`fallback_names`], where `taken` holds the ids of the names already in
/// use (the configuration's, the released baseline's) with the key that
/// has each: a placeholder skips every one another key has, so a new entry
/// never takes the name of a deprecated one (a reworded message after a
/// release), and a key's own name still counts as its placeholder, so
/// naming entries does not renumber the placeholders of the rest.
pub fn fallback_names_avoiding(
    keys: impl IntoIterator<Item = Key>,
    taken: &HashMap<String, Key>,
) -> Vec<String> {
    let mut seen = HashSet::new();
    keys.into_iter()
        .map(|key| {
            let base = fallback_name(&key);
            let numbered = (2..).map(|n| format!("{base}V{n}"));
            let mut candidates = std::iter::once(base.clone()).chain(numbered);
            let free = |variant: &String| {
                let id = stable_id(variant);
                taken.get(&id).is_none_or(|owner| *owner == key) && seen.insert(id)
            };
            candidates.find(free).expect("the numbers never run out")
        })
        .collect()
}

/// Whether `name` is a placeholder regen made for `key` ([`fallback_name`],
/// or it numbered `V2`, `V3`, …): a name nobody chose, which naming later
/// changes (a major release).
pub fn is_placeholder(key: &Key, name: &str) -> bool {
    let Some(rest) = name.strip_prefix(fallback_name(key).as_str()) else {
        return false;
    };
    rest.is_empty()
        || rest
            .strip_prefix('V')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
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
        assert!(!is_variant_name("Self"));
        // Every name it accepts is an identifier to syn, keywords included.
        for keyword in ["Self", "Crate", "Super", "Type", "Abstract", "Box"] {
            assert_eq!(
                is_variant_name(keyword),
                syn::parse_str::<syn::Ident>(keyword).is_ok() && !RESERVED.contains(&keyword),
                "{keyword}"
            );
        }
        let key = |t: &str| Key::parse(t).unwrap();
        assert_eq!(fallback_name(&key("40123")), "Code40123");
        assert_eq!(fallback_name(&key("-1")), "CodeMinus1");
        assert_eq!(fallback_name(&key("1:99")), "Code1Sub99");
        assert_eq!(
            fallback_name(&key("access_token_invalid")),
            "CodeAccessTokenInvalid"
        );
        assert_eq!(fallback_name(&key("0001")), "Code0001");
        assert_eq!(stable_id("RateLimited"), "rate_limited");
        assert_eq!(stable_id("HTTPTimeout"), "http_timeout");
        assert_eq!(stable_id("Code40123"), "code40123");
        for name in [
            "Code40123",
            "Unknown",
            "A",
            "Code1a2b",
            "Ok",
            "Timeout9",
            "X1y2",
        ] {
            assert_eq!(stable_id(name), heck::ToSnakeCase::to_snake_case(name));
        }
        assert_eq!(fallback_name(&key("E-10_1")), "CodeE101");
    }

    #[test]
    fn repeated_placeholders_are_numbered() {
        let keys = ["400 | A", "400 | B", "access-denied", "access_denied", "7"];
        let names = fallback_names(keys.map(|k| Key::parse(k).unwrap()));
        assert_eq!(
            names,
            [
                "Code400",
                "Code400V2",
                "CodeAccessDenied",
                "CodeAccessDeniedV2",
                "Code7"
            ]
        );
        for (key, name) in keys.iter().zip(&names) {
            assert!(is_placeholder(&Key::parse(key).unwrap(), name), "{name}");
        }
    }

    #[test]
    fn only_the_placeholders_of_a_key_are_placeholders() {
        let key = |t: &str| Key::parse(t).unwrap();
        assert!(is_placeholder(&key("40130"), "Code40130"));
        assert!(is_placeholder(&key("400 | B"), "Code400V12"));
        assert!(is_placeholder(&key("1:99"), "Code1Sub99"));
        for name in [
            "RateLimited",
            "Code401",
            "Code40130V",
            "Code40130Va",
            "Code401300",
        ] {
            assert!(!is_placeholder(&key("40130"), name), "{name}");
        }
    }
}
