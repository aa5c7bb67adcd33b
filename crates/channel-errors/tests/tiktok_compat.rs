//! The TikTok crate re-exports this crate's `Action`, and could re-export
//! `Category` without breaking a user: same variants in the same order (so `Ord` and
//! `ALL` agree), same stable ids, same derives, same `#[non_exhaustive]`,
//! same default actions, same retryable set. Read from the TikTok crate's
//! generated source in this workspace; skipped where it is absent (the
//! packaged crate builds alone). `DERIVES` is what this crate's `Action` and
//! `Category` derive.

use channel_errors::{Action, Category};
use std::path::Path;

const DERIVES: [&str; 8] = [
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
    "Debug",
];

/// The derives (sorted) and whether `#[non_exhaustive]` is set, of `pub enum name`.
fn attributes(text: &str, name: &str) -> (Vec<String>, bool) {
    let at = text
        .find(&format!("pub enum {name} {{"))
        .expect("the enum is generated");
    let before = &text[..at];
    let derive = before.rfind("#[derive(").expect("it derives");
    let list = &before[derive + "#[derive(".len()..];
    let list = &list[..list.find(")]").unwrap()];
    let mut derives: Vec<String> = list.split(',').map(|d| d.trim().to_string()).collect();
    derives.sort();
    (derives, before[derive..].contains("#[non_exhaustive]"))
}

fn our_derives() -> Vec<String> {
    let mut derives: Vec<String> = DERIVES.iter().map(|d| d.to_string()).collect();
    derives.sort();
    derives
}

fn generated() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tiktok-messaging-errors/src/generated.rs");
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        eprintln!("skipped: {} is not here", path.display());
    }
    text
}

/// Every `Type::Variant => value` arm whose value `keep` accepts, in order,
/// first occurrence of each variant only.
fn arms(text: &str, ty: &str, keep: impl Fn(&str) -> Option<String>) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    let prefix = format!("{ty}::");
    let mut rest = text;
    while let Some(at) = rest.find(&prefix) {
        // Only `Type::` at the start of a path, not `OtherType::`.
        let boundary = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric();
        rest = &rest[at + prefix.len()..];
        let variant: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let Some(value) = rest[variant.len()..].strip_prefix(" => ") else {
            continue;
        };
        if !boundary {
            continue;
        }
        if let Some(value) = keep(value) {
            if !found.iter().any(|(v, _)| *v == variant) {
                found.push((variant, value));
            }
        }
    }
    found
}

/// A string literal of a stable id: `"fix_request"`.
fn id(value: &str) -> Option<String> {
    let value = value.strip_prefix('"')?;
    let end = value.find('"')?;
    let id = &value[..end];
    id.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'_')
        .then(|| id.to_string())
}

/// The generated crate has no `Action` of its own any more: it re-exports
/// this one, so the two cannot drift apart (before the wiring, this test
/// compared the generated enum's variants, ids and derives with ours).
#[test]
fn action_is_the_one_the_generated_crate_re_exports() {
    let Some(text) = generated() else { return };
    assert!(text.contains("pub use ::channel_errors::Action;"));
    assert!(!text.contains("pub enum Action"));
    assert!(Action::ALL
        .iter()
        .all(|a| a.is_retryable() == matches!(a, Action::Backoff | Action::Retry)));
}

#[test]
fn category_is_a_drop_in_for_the_generated_one() {
    let Some(text) = generated() else { return };
    let ours: Vec<(String, String)> = Category::ALL
        .iter()
        .map(|c| (format!("{c:?}"), c.as_str().to_string()))
        .collect();
    assert_eq!(arms(&text, "Category", id), ours);
    let defaults: Vec<(String, String)> = Category::ALL
        .iter()
        .map(|c| (format!("{c:?}"), format!("{:?}", c.default_action())))
        .collect();
    let action = |value: &str| {
        let value = value.strip_prefix("Action::")?;
        Some(
            value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect(),
        )
    };
    assert_eq!(arms(&text, "Category", action), defaults);
    assert_eq!(attributes(&text, "Category"), (our_derives(), true));
}
