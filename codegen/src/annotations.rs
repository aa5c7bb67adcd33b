//! An article's configuration (`docs/annotations.toml` for the first
//! article): everything the article does not say. The vendor's wording, the
//! categories and what each calls for, column pins for when detection is
//! wrong (and `key`, what makes entries unique where codes repeat), and per
//! entry the variant name, category and action, keyed by code (or by code
//! and message, section and code: `model::Key`), so rewording a description
//! can never rename a variant of a code listed once. A second article is
//! a second file like this one, never new code.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Action, Category, CategoryDef, Envelope, Key, Vendor, shared_categories};
use crate::read::lines::Lines;
use crate::read::pins::ColumnPins;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotations {
    pub file: String,
    pub vendor: Vendor,
    pub columns: ColumnPins,
    /// In the order the file defines them, then `unknown`.
    pub categories: Vec<CategoryDef>,
    /// The API's response envelope, if the file describes one (`[envelope]`).
    pub envelope: Option<Envelope>,
    pub by_code: BTreeMap<Key, Annotation>,
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

impl Annotations {
    /// What a code of `category` calls for unless annotated otherwise;
    /// escalate for a category the file does not define.
    pub fn default_action(&self, category: &Category) -> Action {
        let defined = self.categories.iter().find(|c| c.name == category.0);
        defined.map_or(Action::Escalate, |c| c.action)
    }

    /// The action for an annotation: its own, else its category's default.
    pub fn action_of(&self, annotation: &Annotation) -> Action {
        annotation
            .action
            .unwrap_or_else(|| self.default_action(&annotation.category))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    vendor: Vendor,
    #[serde(default)]
    columns: ColumnPins,
    #[serde(default, rename = "category")]
    categories: Vec<toml::Spanned<CategoryDef>>,
    #[serde(default)]
    envelope: Option<toml::Spanned<Envelope>>,
    #[serde(default)]
    codes: BTreeMap<String, toml::Spanned<Annotation>>,
}

/// The annotation table of a key as the configuration writes it:
/// `codes."40001"`, `codes."400 | Bad Request: room not found"`.
pub fn table_name(key: &Key) -> String {
    format!("codes.{}", toml_string(&key.to_string()))
}

/// `text` as a TOML string: quoted, escaped where it must be.
pub(crate) fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_owned()
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
    let categories = read_categories(file, &lines, parsed.categories)?;
    if !parsed.vendor.id.is_empty() && !Vendor::is_valid_id(&parsed.vendor.id) {
        return Err(Error::new(format!(
            "[vendor] id \"{}\": expected lower-case ASCII letters, digits and _ (the first part of qualified ids such as tiktok.rate_limited)",
            parsed.vendor.id
        ))
        .in_file(file));
    }
    let envelope = parsed
        .envelope
        .map(|spanned| {
            let line = Some(lines.line(spanned.span().start));
            check_envelope(spanned.into_inner())
                .map_err(|message| Error::new(message).at_line(line).in_file(file))
        })
        .transpose()?;
    let known: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
    let mut by_code = BTreeMap::new();
    let mut names: HashMap<String, Key> = HashMap::new();
    for (key_text, spanned) in parsed.codes {
        let line = Some(lines.line(spanned.span().start));
        let at = |message: String| Error::new(message).at_line(line).in_file(file);
        let key = Key::parse(&key_text).map_err(|m| at(format!("[codes.{key_text}]: {m}")))?;
        let annotation = spanned.into_inner();
        if annotation.retryable.is_some() {
            return Err(at(format!(
                "[codes.{key_text}]: `retryable` is replaced by `action`: expected action = \"backoff\", \"retry\", \"reauthorize\", \"fix_request\" or \"escalate\" (backoff and retry are the retryable ones)"
            )));
        }
        if !known.contains(&annotation.category.as_str()) {
            return Err(at(format!(
                "[codes.{key_text}]: unknown category \"{}\": expected one of {} (define more with [[category]])",
                annotation.category,
                known.join(", ")
            )));
        }
        if !crate::names::is_variant_name(&annotation.name) {
            return Err(at(format!(
                "[codes.{key_text}]: name \"{}\" is not a usable variant name: expected UpperCamelCase letters and digits, not Unknown",
                annotation.name
            )));
        }
        if let Some(other) = names.insert(annotation.name.clone(), key.clone()) {
            return Err(at(format!(
                "[codes.{key_text}]: name \"{}\" is already used by code {other}",
                annotation.name
            )));
        }
        by_code.insert(key, annotation);
    }
    Ok(Annotations {
        file: file.to_owned(),
        vendor: parsed.vendor,
        columns: parsed.columns,
        categories,
        envelope,
        by_code,
    })
}

/// The `[[category]]` definitions, each checked (a snake_case name, defined
/// once, mapped to a shared category), then `unknown` if not defined.
fn read_categories(
    file: &str,
    lines: &Lines,
    defined: Vec<toml::Spanned<CategoryDef>>,
) -> Result<Vec<CategoryDef>> {
    let mut categories: Vec<CategoryDef> = Vec::new();
    for spanned in defined {
        let line = Some(lines.line(spanned.span().start));
        let at = |message: String| Error::new(message).at_line(line).in_file(file);
        let def = spanned.get_ref().clone();
        if !Category::is_valid_name(&def.name) {
            return Err(at(format!(
                "[[category]] name \"{}\": expected a snake_case name such as rate_limit",
                def.name
            )));
        }
        if !shared_categories().any(|shared| shared == def.shared_id()) {
            let what = match &def.shared {
                Some(shared) => format!("shared = \"{shared}\" is not a shared category"),
                None => "is not a shared category and has no `shared`".to_owned(),
            };
            return Err(at(format!(
                "[[category]] \"{}\" {what}: expected shared = one of {} (the categories every channel's codes map to)",
                def.name,
                shared_categories().collect::<Vec<_>>().join(", ")
            )));
        }
        if categories.iter().any(|c| c.name == def.name) {
            return Err(at(format!(
                "[[category]] \"{}\" is defined twice",
                def.name
            )));
        }
        categories.push(def);
    }
    if !categories.iter().any(|c| c.name == Category::UNKNOWN) {
        categories.push(CategoryDef {
            name: Category::UNKNOWN.into(),
            doc: "A code this crate has no classification for.".into(),
            action: Action::Escalate,
            shared: None,
        });
    }
    Ok(categories)
}

/// An `[envelope]` whose pointers are JSON pointers and whose status
/// ranges are ranges of HTTP statuses, or what is wrong with it.
fn check_envelope(envelope: Envelope) -> std::result::Result<Envelope, String> {
    for (key, pointer) in envelope.pointers() {
        if !(pointer.is_empty() || pointer.starts_with('/')) {
            return Err(format!(
                "[envelope] {key} = \"{pointer}\": expected a JSON pointer, empty or starting with / (\"/{pointer}\")"
            ));
        }
    }
    for &(low, high) in &envelope.error_statuses {
        if !(100..=599).contains(&low) || !(low..=599).contains(&high) {
            return Err(format!(
                "[envelope] error_statuses [{low}, {high}]: expected [low, high] HTTP statuses, 100 <= low <= high <= 599"
            ));
        }
    }
    Ok(envelope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    const CATEGORIES: &str = "[[category]]\nname = \"rate_limit\"\ndoc = \"Slow down.\"\naction = \"backoff\"\n\n[[category]]\nname = \"server\"\ndoc = \"Their fault.\"\naction = \"retry\"\n\n";

    #[test]
    fn reads_annotations_keyed_by_code() {
        let a = parse("a.toml", &format!("{CATEGORIES}[codes.40100]\nname = \"RateLimited\"\ncategory = \"rate_limit\"\n\n[codes.E1001]\nname = \"Alpha\"\ncategory = \"server\"\naction = \"escalate\"\n\n[codes.\"1:99\"]\nname = \"Sub\"\ncategory = \"server\"\n")).unwrap();
        let key = |t: &str| Key::parse(t).unwrap();
        assert_eq!(a.by_code[&key("40100")].category.as_str(), "rate_limit");
        assert_eq!(a.action_of(&a.by_code[&key("E1001")]), Action::Escalate);
        assert_eq!(a.action_of(&a.by_code[&key("40100")]), Action::Backoff);
        assert_eq!(a.action_of(&a.by_code[&key("1:99")]), Action::Retry);
        assert_eq!(key("1:99").subcode, Some(Code::Numeric(99)));
        let names: Vec<&str> = a.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["rate_limit", "server", "unknown"]);
    }

    #[test]
    fn bad_annotations_name_file_and_line() {
        let err = parse(
            "a.toml",
            &format!("{CATEGORIES}[codes.1]\nname = \"A\"\ncategory = \"nope\"\n"),
        )
        .unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("a.toml", Some(11)));
        assert!(err.message.contains("unknown category \"nope\""), "{err}");
        assert!(err.message.contains("rate_limit, server, unknown"), "{err}");
        let err = parse("a.toml", "[codes.1]\nname = \"A\"\ncategory = \"unknown\"\n[codes.2]\nname = \"A\"\ncategory = \"unknown\"\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("name \"A\" is already used by code 1"),
            "{err}"
        );
        let err = parse(
            "a.toml",
            "[codes.4000I]\nname = \"A\"\ncategory = \"unknown\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("not a decimal number"), "{err}");
        let err = parse(
            "a.toml",
            "[codes.1]\nname = \"A\"\ncategory = \"unknown\"\nretryable = true\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.message.contains("replaced by `action`"), "{err}");
        let err = parse(
            "a.toml",
            "[codes.1]\nname = \"A\"\ncategory = \"unknown\"\naction = \"panic\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(4));
        assert!(err.message.contains("unknown variant `panic`"), "{err}");
        let err = parse(
            "a.toml",
            "[[category]]\nname = \"Bad\"\ndoc = \"x\"\naction = \"retry\"\n",
        )
        .unwrap_err();
        assert!(err.message.contains("snake_case"), "{err}");
        let err = parse("a.toml", "[vendor]\ncode_type = \"u8\"\n").unwrap_err();
        assert!(err.message.contains("u8"), "{err}");
    }

    #[test]
    fn categories_map_to_the_shared_set_by_name_or_by_shared() {
        let text = "[[category]]\nname = \"throttle\"\ndoc = \"d\"\naction = \"backoff\"\nshared = \"rate_limit\"\n\n[[category]]\nname = \"server\"\ndoc = \"d\"\naction = \"retry\"\n";
        let a = parse("a.toml", text).unwrap();
        let shared: Vec<&str> = a.categories.iter().map(|c| c.shared_id()).collect();
        assert_eq!(shared, ["rate_limit", "server", "unknown"]);
        // A category of the article's own, mapped nowhere: refused, by name.
        let err = parse("a.toml", &text.replace("shared = \"rate_limit\"\n", "")).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("a.toml", Some(1)));
        assert!(
            err.message
                .contains("\"throttle\" is not a shared category and has no `shared`"),
            "{err}"
        );
        assert!(err.message.contains("rate_limit, authentication"), "{err}");
        let err = parse("a.toml", &text.replace("\"rate_limit\"\n", "\"slow\"\n")).unwrap_err();
        assert!(
            err.message
                .contains("shared = \"slow\" is not a shared category"),
            "{err}"
        );
    }

    #[test]
    fn an_envelope_is_read_and_checked() {
        let text = "[envelope]\ncode = \"/error/code\"\nsubcode = \"/error/sub\"\ndata = \"\"\nsuccess = { flag = \"/ok\" }\nerror_statuses = [[400, 599]]\n";
        let envelope = parse("a.toml", text).unwrap().envelope.unwrap();
        assert_eq!(envelope.code, "/error/code");
        assert_eq!(
            envelope.success,
            crate::model::SuccessSignal::Flag("/ok".into())
        );
        assert_eq!(envelope.error_statuses, [(400, 599)]);
        let no_code = parse(
            "a.toml",
            "[envelope]\ncode = \"/e\"\nsuccess = \"no_code\"\n",
        )
        .unwrap();
        assert_eq!(
            no_code.envelope.unwrap().success,
            crate::model::SuccessSignal::NoCode
        );
        let err = parse("a.toml", &text.replace("\"/error/sub\"", "\"error.sub\"")).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("a.toml", Some(1)));
        assert!(
            err.message
                .contains("subcode = \"error.sub\": expected a JSON pointer"),
            "{err}"
        );
        let err = parse("a.toml", &text.replace("[[400, 599]]", "[[500, 400]]")).unwrap_err();
        assert!(err.message.contains("error_statuses [500, 400]"), "{err}");
        let err = parse("a.toml", &text.replace("flag", "flags")).unwrap_err();
        assert!(err.message.contains("flags"), "{err}");
        let err = parse("a.toml", "[vendor]\nid = \"Tik.Tok\"\n").unwrap_err();
        assert!(err.message.contains("[vendor] id \"Tik.Tok\""), "{err}");
    }
}
