//! `cargo xtask add`: everything a second article needs, as data. The
//! capture, a configuration stub (vendor wording, starter categories, a
//! name per code), the manifest entry, and a crate whose hand-written part is
//! a Cargo.toml and a four-line `lib.rs`: the generated module carries every
//! type the crate exports.

use crate::Output;
use crate::annotations::CodeType;
use crate::error::{Error, Result};
use crate::manifest::Entry;
use crate::model::{Code, Format};

/// What `add` is asked for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The article's short name: lower-case letters, digits and `-`.
    pub name: &'a str,
    /// The capture's file name as given (for its extension) and bytes.
    pub source_name: &'a str,
    pub source: &'a [u8],
    pub format: Option<Format>,
    pub url: Option<&'a str>,
    pub crate_name: Option<&'a str>,
}

/// Starter categories for a new article: vendor-neutral, meant to be edited.
const STARTER_CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "permission",
        "The caller is not allowed to perform the action.",
        "escalate",
    ),
    (
        "invalid_request",
        "The request is malformed; retrying it unchanged will fail again.",
        "fix_request",
    ),
    (
        "not_found",
        "The referenced object does not exist.",
        "fix_request",
    ),
    (
        "rate_limit",
        "The caller is being throttled; retry later with backoff.",
        "backoff",
    ),
    (
        "authentication",
        "The credentials are missing, invalid or expired.",
        "reauthorize",
    ),
    (
        "server",
        "The service failed on its side; the same request may succeed later.",
        "retry",
    ),
    (
        "unknown",
        "A code this crate has no classification for.",
        "escalate",
    ),
];

fn valid_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-')
        && !name.contains("--")
        && name.len() <= 64
}

fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_owned()
}

/// The configuration stub: wording to edit, starter categories, and every
/// code the article lists under a placeholder name, category `unknown`.
fn config_stub(
    request: &Request<'_>,
    vendor: &str,
    code_type: CodeType,
    keys: &[(String, String)],
) -> String {
    let mut out = format!(
        "# What the article does not say, for {name}: the vendor's wording, the\n\
         # categories, and per code a Rust variant name (never derived from the\n\
         # prose), a category and optionally an action (backoff, retry,\n\
         # reauthorize, fix_request, escalate; default: the category's).\n\
         # Written by `cargo xtask add`: rename the variants and classify the\n\
         # codes, then run `cargo xtask regen`. Renaming a released variant is a\n\
         # breaking change.\n\n\
         [vendor]\n\
         name = {vendor}\n\
         type_doc = {type_doc}\n\
         solution_title = \"Solution\"\n\
         cause_title = \"Cause\"\n\
         # u32, i64 (negative codes) or str (slugs).\n\
         code_type = \"{code_type}\"\n\n\
         # Pin a column by its header text when detection is wrong:\n\
         # [columns]\n\
         # code = \"Error\"\n\n",
        name = request.name,
        vendor = toml_string(vendor),
        type_doc = toml_string(&format!(
            "An error code from {vendor}'s \"{}\" article.",
            request.name
        )),
        code_type = code_type.as_str(),
    );
    for (name, doc, action) in STARTER_CATEGORIES {
        out.push_str(&format!(
            "[[category]]\nname = \"{name}\"\ndoc = {}\naction = \"{action}\"\n\n",
            toml_string(doc)
        ));
    }
    for (key, variant) in keys {
        out.push_str(&format!(
            "[codes.{}]\nname = \"{variant}\"\ncategory = \"unknown\"\n\n",
            toml_string(key)
        ));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn crate_manifest(crate_name: &str, title: &str) -> String {
    format!(
        "[package]\n\
         name = \"{crate_name}\"\n\
         version = \"0.1.0\"\n\
         edition = \"2021\"\n\
         rust-version = \"1.81\"\n\
         description = {description}\n\
         license = \"MIT OR Apache-2.0\"\n\
         readme = \"README.md\"\n\
         publish = false\n\n\
         [features]\n\
         default = []\n\
         # Serialize/deserialize codes as the API sends them.\n\
         serde = [\"dep:serde\"]\n\n\
         [dependencies]\n\
         serde = {{ version = \"1\", optional = true, default-features = false }}\n",
        description = toml_string(&format!(
            "{title} as a Rust type, generated from the published article."
        ))
    )
}

/// The whole crate source a user writes: the generated module is the crate.
pub const LIB_RS: &str = "#![doc = include_str!(\"../README.md\")]\n#![no_std]\n\n#[rustfmt::skip]\nmod generated;\npub use generated::*;\n";

/// Every file `add` writes, given the manifest and the workspace Cargo.toml.
pub fn add(
    request: &Request<'_>,
    manifest_text: &str,
    workspace_toml: &str,
) -> Result<Vec<Output>> {
    let name = request.name;
    if !valid_name(name) {
        return Err(Error::new(format!(
            "article name \"{}\": expected lower-case letters, digits and '-' (such as messenger-errors)",
            name.escape_debug()
        )));
    }
    let manifest = crate::manifest::parse(crate::MANIFEST_PATH, manifest_text)?;
    if manifest.articles.iter().any(|a| a.name == name) {
        return Err(
            Error::new(format!("an article named \"{name}\" already exists"))
                .in_file(crate::MANIFEST_PATH),
        );
    }
    let crate_name = request.crate_name.unwrap_or(name);
    if !valid_name(crate_name) {
        return Err(Error::new(format!(
            "crate name \"{}\": expected lower-case letters, digits and '-'",
            crate_name.escape_debug()
        )));
    }
    if manifest.articles.iter().any(|a| a.crate_name == crate_name) {
        return Err(Error::new(format!(
            "the crate \"{crate_name}\" already belongs to an article"
        ))
        .in_file(crate::MANIFEST_PATH));
    }
    let extension = match request
        .source_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
    {
        Some(e) if crate::read::format_from_path(request.source_name).is_some() => e,
        _ => match request.format {
            Some(Format::Html) => "html".into(),
            Some(Format::Markdown) => "md".into(),
            _ => "txt".into(),
        },
    };
    // Read with an empty configuration: what the article itself says.
    let article = crate::read::read(
        request.source_name,
        request.source,
        request.format,
        &Default::default(),
    )?;
    let negative = article
        .rows
        .iter()
        .any(|r| matches!(r.code, Code::Numeric(n) if n < 0 || n > i64::from(u32::MAX)));
    let text = article.rows.iter().any(|r| matches!(r.code, Code::Text(_)))
        && article.rows.iter().all(|r| r.subcode.is_none());
    let code_type = if text
        && article
            .rows
            .iter()
            .filter(|r| matches!(r.code, Code::Text(_)))
            .count()
            * 2
            > article.rows.len()
    {
        CodeType::Str
    } else if negative {
        CodeType::I64
    } else {
        CodeType::U32
    };
    let mut seen = std::collections::HashSet::new();
    let keys: Vec<(String, String)> = article
        .rows
        .iter()
        .map(|row| {
            let base = crate::names::fallback_name(&row.key());
            let mut variant = base.clone();
            let mut n = 2;
            while !seen.insert(crate::names::stable_id(&variant)) {
                variant = format!("{base}V{n}");
                n += 1;
            }
            (row.key().to_string(), variant)
        })
        .collect();
    let vendor = {
        let first = name.split('-').next().unwrap_or(name);
        let mut chars = first.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_ascii_uppercase().to_string())
            + chars.as_str()
    };
    let title = format!("{} error codes", name.replace('-', " "));
    let entry = Entry {
        name: name.to_owned(),
        title: title.clone(),
        url: request.url.unwrap_or("").to_owned(),
        source: format!("docs/source/{name}.{extension}"),
        annotations: format!("docs/{name}.toml"),
        fixture: format!("tests/fixtures/{name}.json"),
        released: format!("docs/released/{name}.json"),
        markdown: format!("docs/{name}.md"),
        crate_dir: format!("crates/{crate_name}"),
        crate_name: crate_name.to_owned(),
        type_name: "ErrorCode".to_owned(),
    };
    let config = config_stub(request, &vendor, code_type, &keys);
    let cargo = crate_manifest(crate_name, &title);
    let readme = format!(
        "# {crate_name}\n\n{title}, as a Rust type: match on them, decide what to do, show the right message.\n\n{}\n{}\n",
        crate::emit::readme::BEGIN,
        crate::emit::readme::END
    );
    let changelog = "# Changelog\n".to_owned();
    let generated = crate::generate(crate::Inputs {
        entry: &entry,
        source_path: &entry.source,
        source: request.source,
        format: request.format,
        annotations: &config,
        released: None,
        crate_manifest: &cargo,
        changelog: &changelog,
        crate_readme: Some(&readme),
    })?;
    let mut outputs = vec![
        Output {
            path: entry.source.clone(),
            // The reader accepted it, so it is UTF-8; kept byte for byte.
            contents: String::from_utf8_lossy(request.source).into_owned(),
        },
        Output {
            path: entry.annotations.clone(),
            contents: config,
        },
        Output {
            path: entry.crate_manifest(),
            contents: cargo,
        },
        Output {
            path: format!("{}/src/lib.rs", entry.crate_dir),
            contents: LIB_RS.to_owned(),
        },
        Output {
            path: crate::MANIFEST_PATH.to_owned(),
            contents: with_entry(manifest_text, &entry)?,
        },
        Output {
            path: "Cargo.toml".to_owned(),
            contents: with_member(workspace_toml, &entry.crate_dir)?,
        },
    ];
    outputs.extend(generated.outputs);
    Ok(outputs)
}

/// The manifest with `entry` appended, formatting kept.
fn with_entry(manifest_text: &str, entry: &Entry) -> Result<String> {
    let mut text = manifest_text.trim_end().to_owned();
    text.push_str("\n\n[[article]]\n");
    // The entry's own serialisation: its fields, in their order, once.
    let fields = toml::to_string(entry)
        .map_err(|e| Error::new(format!("cannot write the manifest entry: {e}")))?;
    text.push_str(&fields);
    crate::manifest::parse(crate::MANIFEST_PATH, &text)?;
    Ok(text)
}

/// The workspace Cargo.toml with `dir` in `members` (and `default-members`).
fn with_member(workspace_toml: &str, dir: &str) -> Result<String> {
    let mut document = crate::release::toml_document("Cargo.toml", workspace_toml)?;
    let workspace = document
        .get_mut("workspace")
        .and_then(|w| w.as_table_like_mut())
        .ok_or_else(|| Error::new("no [workspace] table").in_file("Cargo.toml"))?;
    for key in ["members", "default-members"] {
        if let Some(list) = workspace.get_mut(key).and_then(|m| m.as_array_mut())
            && !list.iter().any(|m| m.as_str() == Some(dir))
        {
            list.push(dir);
        }
    }
    Ok(document.to_string())
}
