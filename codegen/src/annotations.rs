//! `docs/annotations.toml`: what the article does not say. Variant names,
//! categories and actions are keyed by code, so rewording a
//! description can never rename a variant.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Action, Category, Code};
use crate::read::markdown::Lines;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Annotations {
    pub file: String,
    pub by_code: BTreeMap<Code, Annotation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub name: String,
    pub category: Category,
    /// What a client should do; overrides the category's default.
    pub action: Option<Action>,
    /// Replaced by `action`; kept only to say so instead of "unknown field".
    #[serde(default)]
    retryable: Option<bool>,
}

impl Annotation {
    /// The action if given, else the category's default.
    pub fn action(&self) -> Action {
        self.action.unwrap_or(self.category.default_action())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    codes: BTreeMap<String, toml::Spanned<Annotation>>,
}

/// A TOML error as `file:line: message`, like every other error here.
pub(crate) fn toml_error(file: &str, text: &str, error: &toml::de::Error) -> Error {
    let line = error.span().map(|span| Lines::new(text).line(span.start));
    Error::new(error.message().trim().to_owned())
        .at_line(line)
        .in_file(file)
}

pub fn parse(file: &str, text: &str) -> Result<Annotations> {
    let parsed: File = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
    let lines = Lines::new(text);
    let mut by_code = BTreeMap::new();
    let mut names: HashMap<String, Code> = HashMap::new();
    for (key, spanned) in parsed.codes {
        let line = Some(lines.line(spanned.span().start));
        let at = |message: String| Error::new(message).at_line(line).in_file(file);
        let code = Code::parse(&key).map_err(|m| at(format!("[codes.{key}]: {m}")))?;
        let annotation = spanned.into_inner();
        if annotation.retryable.is_some() {
            return Err(at(format!(
                "[codes.{key}]: `retryable` is replaced by `action`: expected action = \"backoff\", \"retry\", \"reauthorize\", \"fix_request\" or \"escalate\" (backoff and retry are the retryable ones)"
            )));
        }
        if !crate::names::is_variant_name(&annotation.name) {
            return Err(at(format!(
                "[codes.{key}]: name \"{}\" is not a usable variant name: expected UpperCamelCase letters and digits, not Unknown",
                annotation.name
            )));
        }
        if let Some(other) = names.insert(annotation.name.clone(), code.clone()) {
            return Err(at(format!(
                "[codes.{key}]: name \"{}\" is already used by code {other}",
                annotation.name
            )));
        }
        by_code.insert(code, annotation);
    }
    Ok(Annotations {
        file: file.to_owned(),
        by_code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_annotations_keyed_by_code() {
        let a = parse("a.toml", "[codes.40100]\nname = \"RateLimited\"\ncategory = \"rate_limit\"\n\n[codes.E1001]\nname = \"Alpha\"\ncategory = \"server\"\naction = \"escalate\"\n").unwrap();
        assert_eq!(
            a.by_code[&Code::Numeric(40100)].category,
            Category::RateLimit
        );
        assert_eq!(
            a.by_code[&Code::Alphanumeric("E1001".into())].action(),
            Action::Escalate
        );
        assert_eq!(a.by_code[&Code::Numeric(40100)].action(), Action::Backoff);
    }

    #[test]
    fn bad_annotations_name_file_and_line() {
        let err = parse("a.toml", "[codes.1]\nname = \"A\"\ncategory = \"nope\"\n").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("a.toml", Some(3)));
        assert!(err.message.contains("unknown variant `nope`"), "{err}");
        let err = parse("a.toml", "[codes.1]\nname = \"A\"\ncategory = \"server\"\n[codes.2]\nname = \"A\"\ncategory = \"server\"\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("name \"A\" is already used by code 1"),
            "{err}"
        );
        let err = parse(
            "a.toml",
            "[codes.4000I]\nname = \"A\"\ncategory = \"server\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("not a decimal number"), "{err}");
        let err = parse(
            "a.toml",
            "[codes.1]\nname = \"A\"\ncategory = \"server\"\nretryable = true\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.message.contains("replaced by `action`"), "{err}");
        let err = parse(
            "a.toml",
            "[codes.1]\nname = \"A\"\ncategory = \"server\"\naction = \"panic\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(4));
        assert!(err.message.contains("unknown variant `panic`"), "{err}");
    }
}
