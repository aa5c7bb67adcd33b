//! `cargo xtask add`: everything a second article needs, as data. The
//! capture, a configuration stub (vendor wording, starter categories, a
//! name per code), the manifest entry, and a crate whose hand-written part is
//! a Cargo.toml and a seven-line `lib.rs`: the generated module carries every
//! type the crate defines, and the root re-exports the shared runtime beside
//! them.

use crate::Output;
use crate::annotations::toml_string;
use crate::error::{Error, Result};
use crate::manifest::{Entry, Manifest};
use crate::model::{Code, Format};
use crate::model::{CodeType, KeyChoice};
use crate::read::{ArticleRow, ColumnPins};

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
    /// The columns the user pinned (`--code-column`, ...): the article is
    /// read with them, and the configuration keeps them for regen.
    pub pins: &'a ColumnPins,
}

/// What `add` plans: every file, and what reading the article warned of
/// (a column guessed by content, an ignored table).
#[derive(Debug, Clone)]
pub struct Added {
    pub outputs: Vec<Output>,
    pub warnings: Vec<String>,
}

/// Starter categories for a new article: vendor-neutral, meant to be edited.
const STARTER_CATEGORIES: &str = r#"[[category]]
name = "permission"
doc = "The caller is not allowed to perform the action."
action = "escalate"

[[category]]
name = "invalid_request"
doc = "The request is malformed; retrying it unchanged will fail again."
action = "fix_request"

[[category]]
name = "not_found"
doc = "The referenced object does not exist."
action = "fix_request"

[[category]]
name = "rate_limit"
doc = "The caller is being throttled; retry later with backoff."
action = "backoff"

[[category]]
name = "authentication"
doc = "The credentials are missing, invalid or expired."
action = "reauthorize"

[[category]]
name = "server"
doc = "The service failed on its side; the same request may succeed later."
action = "retry"

[[category]]
name = "unknown"
doc = "A code this crate has no classification for."
action = "escalate"

"#;

/// How to describe the API's response envelope, commented out: with it,
/// the crate gets `ENVELOPE` and `read_response`.
const ENVELOPE_EXAMPLE: &str = r#"# The API's response envelope, for the crate's `read_response`: JSON
# pointers to its parts, how it says success (success = { code_is = 0 },
# "no_code" or { flag = "/ok" }), and the HTTP statuses besides 2xx that
# carry it (none: every status may).
# [envelope]
# code = "/error/code"
# subcode = "/error/subcode"
# message = "/error/message"
# request_id = "/error/trace_id"
# request_id_header = "x-request-id"
# data = ""
# success = "no_code"
# error_statuses = [[400, 599]]

"#;

/// The configuration stub for the article `name` of `rows`: wording to
/// edit, starter categories, and every code the article lists under a
/// placeholder name, category `unknown`.
fn config_stub(name: &str, pins: &ColumnPins, rows: &[ArticleRow]) -> String {
    let vendor = &vendor_from_name(name);
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
         {columns}\n",
        columns = columns_table(pins),
        vendor = toml_string(vendor),
        type_doc = toml_string(&format!(
            "An error code from {vendor}'s \"{name}\" article."
        )),
        code_type = code_type(rows).as_str(),
    );
    out.push_str(ENVELOPE_EXAMPLE);
    out.push_str(STARTER_CATEGORIES);
    for (key, variant) in placeholder_names(rows) {
        out.push_str(&format!(
            "[codes.{}]\nname = \"{variant}\"\ncategory = \"unknown\"\n\n",
            toml_string(&key)
        ));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The pins to keep in the configuration: those given, and the key the
/// reader chose where codes repeat, so that regen reads the entries under
/// the same key without warning of a guess on every run (the configuration
/// is where a wrong guess is then corrected).
fn pins_with_key(given: &ColumnPins, rows: &[ArticleRow]) -> ColumnPins {
    let guessed = rows.iter().find_map(|r| r.keyed_by).map(KeyChoice::with);
    ColumnPins {
        key: given.key.or(guessed),
        ..given.clone()
    }
}

/// The `[columns]` table: the pins `add` was given, so that regen reads
/// the table as `add` did; else how to write one, commented out.
fn columns_table(pins: &ColumnPins) -> String {
    let how = "# Pin a column by its header text or its 1-based position when detection\n\
               # is wrong (code, subcode, description, solution, cause), and set the\n\
               # key where codes repeat: code, code_message (an HTTP status with a\n\
               # message per row) or section_code (a number that means different\n\
               # things under different headings); see the README.\n";
    if pins.is_empty() {
        format!(
            "{how}# [columns]\n# code = \"Error\"\n# description = 2\n# key = \"code_message\"\n"
        )
    } else {
        let key_example = match pins.key {
            Some(_) => "",
            None => "# key = \"code_message\"\n",
        };
        format!("{how}[columns]\n{}{key_example}", pins.toml_lines())
    }
}

/// Where the shared runtime crate is, from a crate in `crate_dir`: the
/// workspace's `crates/channel-errors`, which every generated crate depends on.
fn runtime_path(crate_dir: &str) -> String {
    let from: Vec<&str> = crate_dir.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = RUNTIME_DIR.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = "../".repeat(from.len() - common);
    path.push_str(&to[common..].join("/"));
    path
}

/// The shared runtime crate's directory in the workspace.
pub const RUNTIME_DIR: &str = "crates/channel-errors";

fn crate_manifest(crate_name: &str, crate_dir: &str, title: &str) -> String {
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
         # The system clock for a `Retry-After` date (channel-errors' std).\n\
         std = [\"channel-errors/std\"]\n\
         # Serialize/deserialize codes as the API sends them.\n\
         serde = [\"dep:serde\", \"channel-errors/serde\"]\n\
         # `read_response` (with an [envelope] in the configuration): a whole\n\
         # HTTP response to the payload or one error, with serde_json.\n\
         json = [\"serde\", \"channel-errors/json\"]\n\
         # `read_http_response`: the same from an `http::Response`.\n\
         http = [\"json\", \"std\", \"dep:http\", \"channel-errors/http\"]\n\n\
         [dependencies]\n\
         # The runtime every generated channel crate shares.\n\
         channel-errors = {{ path = \"{runtime}\", version = \"0.1\", default-features = false }}\n\
         serde = {{ version = \"1\", optional = true, default-features = false }}\n\
         http = {{ version = \"1\", optional = true }}\n",
        runtime = runtime_path(crate_dir),
        description = toml_string(&format!(
            "{title} as a Rust type, generated from the published article."
        ))
    )
}

/// The whole crate source a user writes: the generated module is the crate,
/// with the shared runtime beside it (`crate_name::channel_errors`, at the
/// version the crate is built with), so that depending on the generated
/// crate alone is enough to name `ChannelError`, `VendorCode` or
/// `Delivery`. Only the module is re-exported, not its traits: a trait a
/// glob import (`use crate_name::*`) brought into scope would take over
/// method calls on references (`.code()` on a `&ErrorCode` would be
/// `VendorCode::code`), and no user's code should change meaning that way.
pub const LIB_RS: &str = "#![doc = include_str!(\"../README.md\")]\n#![no_std]\n\n#[rustfmt::skip]\nmod generated;\npub use channel_errors;\npub use generated::*;\n";

/// Every file `add` writes, given the manifest and the workspace Cargo.toml.
pub fn add(request: &Request<'_>, manifest_text: &str, workspace_toml: &str) -> Result<Added> {
    // The name is checked before the manifest is read: a bad name is the
    // user's typo, and says so even when the manifest is broken too.
    check_name_shape("article name", request.name, " (such as messenger-errors)")?;
    let manifest = crate::manifest::parse(crate::MANIFEST_PATH, manifest_text)?;
    let crate_name = new_crate_name(request, &manifest)?;
    // Read with only the pins given: what the article itself says.
    let article = crate::read::read(
        request.source_name,
        request.source,
        request.format,
        request.pins,
    )?;
    let entry = new_entry(request, crate_name, &source_extension(request));
    let pins = pins_with_key(request.pins, &article.rows);
    let config = config_stub(request.name, &pins, &article.rows);
    let cargo = crate_manifest(crate_name, &entry.crate_dir, &entry.title);
    let readme = crate_readme(crate_name, &entry.title);
    let generated = crate::generate(crate::Inputs {
        entry: &entry,
        source_path: &entry.source,
        source: request.source,
        format: request.format,
        annotations: &config,
        released: None,
        crate_manifest: &cargo,
        changelog: "# Changelog\n",
        crate_readme: Some(&readme),
    })?;
    let mut outputs = hand_written(
        &entry,
        request.source,
        config,
        cargo,
        manifest_text,
        workspace_toml,
    )?;
    outputs.extend(generated.outputs);
    // The generation read with the key pinned, so it has no guess to warn
    // of: the first reading's guess is said here, with where it was kept.
    let guess = article
        .warnings
        .iter()
        .filter(|_| request.pins.key.is_none())
        .find(|w| w.contains(", a guess: pin it with key"))
        .map(|w| format!("{w}; add wrote it into {}", entry.annotations));
    Ok(Added {
        outputs,
        warnings: guess.into_iter().chain(generated.warnings).collect(),
    })
}

/// Refuses a name that cannot be a file stem and a crate name both.
fn check_name_shape(what: &str, name: &str, example: &str) -> Result<()> {
    if name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-')
        && !name.contains("--")
        && name.len() <= 64
    {
        return Ok(());
    }
    Err(Error::new(format!(
        "{what} \"{}\": expected lower-case letters, digits and '-'{example}",
        name.escape_debug()
    )))
}

/// The new article's crate name (its own name unless asked otherwise),
/// once neither the article nor the crate is in the manifest already: two
/// entries with one name or one crate would overwrite each other's files.
fn new_crate_name<'a>(request: &Request<'a>, manifest: &Manifest) -> Result<&'a str> {
    let name = request.name;
    if manifest.articles.iter().any(|a| a.name == name) {
        return Err(
            Error::new(format!("an article named \"{name}\" already exists"))
                .in_file(crate::MANIFEST_PATH),
        );
    }
    let crate_name = request.crate_name.unwrap_or(name);
    check_name_shape("crate name", crate_name, "")?;
    if manifest.articles.iter().any(|a| a.crate_name == crate_name) {
        return Err(Error::new(format!(
            "the crate \"{crate_name}\" already belongs to an article"
        ))
        .in_file(crate::MANIFEST_PATH));
    }
    Ok(crate_name)
}

/// The extension the capture is saved under: its own when it names a
/// format, else the forced format's, else `txt`, so that regen later picks
/// the same reader from the saved file's name.
fn source_extension(request: &Request<'_>) -> String {
    let own = request.source_name.rsplit_once('.');
    match (own, request.format) {
        (Some((_, e)), _) if crate::read::format_from_path(request.source_name).is_some() => {
            e.to_ascii_lowercase()
        }
        (_, Some(Format::Html)) => "html".into(),
        (_, Some(Format::Markdown)) => "md".into(),
        _ => "txt".into(),
    }
}

/// The code type the article's codes fit: `str` when most codes are text
/// (and none has a sub-code), `i64` when a number does not fit a `u32`.
fn code_type(rows: &[ArticleRow]) -> CodeType {
    let texts = rows
        .iter()
        .filter(|r| matches!(r.code, Code::Text(_)))
        .count();
    if texts * 2 > rows.len() && rows.iter().all(|r| r.subcode.is_none()) {
        CodeType::Str
    } else if rows
        .iter()
        .any(|r| matches!(r.code, Code::Numeric(n) if n < 0 || n > i64::from(u32::MAX)))
    {
        CodeType::I64
    } else {
        CodeType::U32
    }
}

/// Each row's key with a placeholder variant name. Two codes can share a
/// placeholder (`access-denied`, `access_denied`); the later one gets `V2`,
/// `V3`, … so the stub generates before anyone has renamed anything.
fn placeholder_names(rows: &[ArticleRow]) -> Vec<(String, String)> {
    let names = crate::names::fallback_names(rows.iter().map(ArticleRow::key));
    rows.iter()
        .map(|row| row.key().to_string())
        .zip(names)
        .collect()
}

/// A first guess at the vendor's name, to be edited: the article name's
/// first word, capitalised (`messenger-errors` gives `Messenger`).
fn vendor_from_name(name: &str) -> String {
    let mut vendor = name.split('-').next().unwrap_or(name).to_owned();
    if let Some(first) = vendor.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    vendor
}

/// The manifest entry: every path follows from the two names, in the same
/// layout as the first article's.
fn new_entry(request: &Request<'_>, crate_name: &str, extension: &str) -> Entry {
    let name = request.name;
    Entry {
        name: name.to_owned(),
        title: format!("{} error codes", name.replace('-', " ")),
        url: request.url.unwrap_or("").to_owned(),
        source: format!("docs/source/{name}.{extension}"),
        annotations: format!("docs/{name}.toml"),
        fixture: format!("tests/fixtures/{name}.json"),
        released: format!("docs/released/{name}.json"),
        markdown: format!("docs/{name}.md"),
        crate_dir: format!("crates/{crate_name}"),
        crate_name: crate_name.to_owned(),
        type_name: "ErrorCode".to_owned(),
    }
}

/// The crate's README: a sentence, and the empty block regen fills with
/// where the article came from.
fn crate_readme(crate_name: &str, title: &str) -> String {
    format!(
        "# {crate_name}\n\n{title}, as a Rust type: match on them, decide what to do, show the right message.\n\n{}\n{}\n",
        crate::emit::readme::BEGIN,
        crate::emit::readme::END
    )
}

/// The files `add` writes that regen never rewrites: the capture as given,
/// the configuration stub, the crate's Cargo.toml and `lib.rs`, and the
/// workspace's manifests with the new article in them.
fn hand_written(
    entry: &Entry,
    source: &[u8],
    config: String,
    cargo: String,
    manifest_text: &str,
    workspace_toml: &str,
) -> Result<Vec<Output>> {
    let manifest = with_entry(manifest_text, entry)?;
    let workspace = with_member(workspace_toml, &entry.crate_dir)?;
    // The reader accepted the capture, so it is UTF-8; kept byte for byte.
    let capture = String::from_utf8_lossy(source).into_owned();
    let files = [
        (entry.source.clone(), capture),
        (entry.annotations.clone(), config),
        (entry.crate_manifest(), cargo),
        (format!("{}/src/lib.rs", entry.crate_dir), LIB_RS.to_owned()),
        (crate::MANIFEST_PATH.to_owned(), manifest),
        ("Cargo.toml".to_owned(), workspace),
    ];
    let outputs = files.map(|(path, contents)| Output { path, contents });
    Ok(outputs.into())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `lib.rs` re-exports the runtime as a module and the generated
    /// module's items, and nothing that a glob import would bring into
    /// method resolution.
    #[test]
    fn lib_rs_re_exports_the_runtime_as_a_module_only() {
        let file = syn::parse_file(LIB_RS).unwrap();
        let uses: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Use(item) => Some(quote::quote!(#item).to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            uses,
            ["pub use channel_errors ;", "pub use generated :: * ;"]
        );
    }

    static NO_PINS: ColumnPins = ColumnPins {
        code: None,
        subcode: None,
        description: None,
        solution: None,
        cause: None,
        key: None,
    };

    fn request<'a>(name: &'a str, source_name: &'a str) -> Request<'a> {
        Request {
            name,
            source_name,
            source: b"",
            format: None,
            url: None,
            crate_name: None,
            pins: &NO_PINS,
        }
    }

    #[test]
    fn the_configuration_keeps_the_pins_add_was_given() {
        let stub = |pins: &ColumnPins| {
            let text = config_stub("a-errors", pins, &[]);
            crate::annotations::parse("a.toml", &text).unwrap().columns
        };
        assert_eq!(stub(&NO_PINS), NO_PINS, "only a commented example");
        let pins = ColumnPins {
            code: Some(crate::read::pins::ColumnPin::Position(2)),
            description: Some(crate::read::pins::ColumnPin::Header("Mô tả".into())),
            ..ColumnPins::default()
        };
        assert_eq!(stub(&pins), pins);
        let keyed = ColumnPins {
            key: Some(KeyChoice::SectionCode),
            ..pins
        };
        assert_eq!(stub(&keyed), keyed, "the key is kept with the pins");
    }

    #[test]
    fn the_configuration_keeps_the_key_the_reader_chose_unless_one_was_given() {
        let table = "| Code | Description |\n|---|---|\n| 400 | Bad request: no such room |\n| 400 | Bad request: empty text |\n| 401 | Unauthorized |\n";
        let repeated = crate::read::read("a.md", table.as_bytes(), None, &Default::default())
            .unwrap()
            .rows;
        assert_eq!(
            pins_with_key(&NO_PINS, &repeated).key,
            Some(KeyChoice::CodeMessage)
        );
        let given = ColumnPins {
            key: Some(KeyChoice::Code),
            ..ColumnPins::default()
        };
        assert_eq!(pins_with_key(&given, &repeated).key, Some(KeyChoice::Code));
        let distinct = rows(&[("1", "/"), ("2", "/")]);
        assert_eq!(pins_with_key(&NO_PINS, &distinct), NO_PINS);
    }

    /// The rows the reader gives for a table of these codes and sub-codes
    /// (`/` for none), as `add` gets them.
    fn rows(keys: &[(&str, &str)]) -> Vec<ArticleRow> {
        let mut table =
            "| Error code | Error sub-code | Description | Solution |\n| --- | --- | --- | --- |\n"
                .to_owned();
        for (code, subcode) in keys {
            table.push_str(&format!("| {code} | {subcode} | d | s |\n"));
        }
        crate::read::read("a.md", table.as_bytes(), None, &Default::default())
            .unwrap()
            .rows
    }

    #[test]
    fn a_name_that_cannot_be_a_file_stem_and_a_crate_name_is_refused_by_what_it_names() {
        assert!(check_name_shape("article name", "messenger-errors2", "").is_ok());
        for bad in ["Messenger", "2fa", "a--b", "a-", "a_b", ""] {
            let err = check_name_shape("crate name", bad, " (say x)").unwrap_err();
            assert_eq!(
                err.message,
                format!(
                    "crate name \"{bad}\": expected lower-case letters, digits and '-' (say x)"
                )
            );
        }
        // Shown escaped: the name may hold anything the shell passed.
        let err = check_name_shape("article name", "a\nb", "").unwrap_err();
        assert!(err.message.contains("\"a\\nb\""), "{err}");
    }

    #[test]
    fn a_new_article_may_share_neither_name_nor_crate_with_one_in_the_manifest() {
        let taken = new_entry(&request("parley", "p.txt"), "parley-errors", "txt");
        let manifest = Manifest {
            articles: vec![taken],
        };
        let err = new_crate_name(&request("parley", "x.md"), &manifest).unwrap_err();
        assert_eq!(err.message, "an article named \"parley\" already exists");
        assert_eq!(err.file, crate::MANIFEST_PATH);

        let mut other = request("chatter", "x.md");
        assert_eq!(new_crate_name(&other, &manifest).unwrap(), "chatter");
        other.crate_name = Some("parley-errors");
        let err = new_crate_name(&other, &manifest).unwrap_err();
        assert_eq!(
            err.message,
            "the crate \"parley-errors\" already belongs to an article"
        );
        other.crate_name = Some("Chatter");
        let err = new_crate_name(&other, &manifest).unwrap_err();
        assert!(err.message.starts_with("crate name \"Chatter\""), "{err}");
        other.crate_name = Some("chatter-errors");
        assert_eq!(new_crate_name(&other, &manifest).unwrap(), "chatter-errors");
    }

    #[test]
    fn the_capture_keeps_an_extension_that_names_its_format_and_gets_one_otherwise() {
        let with = |source_name, format| {
            let mut r = request("a", source_name);
            r.format = format;
            source_extension(&r)
        };
        assert_eq!(with("capture.HTM", None), "htm");
        assert_eq!(with("capture.markdown", Some(Format::Text)), "markdown");
        assert_eq!(with("capture", Some(Format::Markdown)), "md");
        assert_eq!(with("capture.pdf", Some(Format::Html)), "html");
        assert_eq!(with("capture.pdf", None), "txt");
        assert_eq!(with("capture", Some(Format::Text)), "txt");
    }

    #[test]
    fn the_code_type_is_the_narrowest_that_holds_every_code() {
        let of = |codes: &[&str]| {
            let keys: Vec<(&str, &str)> = codes.iter().map(|c| (*c, "/")).collect();
            code_type(&rows(&keys))
        };
        assert_eq!(of(&["0", "40001"]), CodeType::U32);
        assert_eq!(of(&["4294967295"]), CodeType::U32);
        assert_eq!(of(&["40001", "-1"]), CodeType::I64);
        assert_eq!(of(&["4294967296"]), CodeType::I64);
        // Text wins only with a majority: a few slugs among numbers are not
        // worth a `str` type.
        assert_eq!(of(&["access_denied", "E1", "-5"]), CodeType::Str);
        assert_eq!(
            of(&["access_denied", "E1", "-5", "7"]),
            CodeType::I64,
            "two of four is no majority"
        );
        // A `str` type has no sub-code.
        assert_eq!(code_type(&rows(&[("a", "1"), ("b", "/")])), CodeType::U32);
        assert_eq!(code_type(&[]), CodeType::U32);
    }

    #[test]
    fn codes_with_one_placeholder_get_numbered_variants() {
        let rows = rows(&[
            ("access-denied", "/"),
            ("40001", "2"),
            ("access_denied", "/"),
            ("ACCESS_DENIED", "/"),
        ]);
        let names = placeholder_names(&rows);
        let names: Vec<(&str, &str)> = names
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("access-denied", "CodeAccessDenied"),
                ("40001:2", "Code40001Sub2"),
                ("access_denied", "CodeAccessDeniedV2"),
                ("ACCESS_DENIED", "CodeAccessDeniedV3"),
            ]
        );
    }

    #[test]
    fn the_vendor_guess_is_the_first_word_capitalised() {
        for (name, vendor) in [
            ("messenger-errors", "Messenger"),
            ("x", "X"),
            ("tiktok", "Tiktok"),
            ("", ""),
        ] {
            assert_eq!(vendor_from_name(name), vendor, "{name}");
        }
    }

    #[test]
    fn the_entry_lays_the_article_out_by_its_name_and_the_crate_by_its_own() {
        let mut r = request("messenger-errors", "m.html");
        r.url = Some("https://example.com/errors");
        let entry = new_entry(&r, "fb-errors", "html");
        assert_eq!(entry.title, "messenger errors error codes");
        assert_eq!(entry.url, "https://example.com/errors");
        assert_eq!(entry.source, "docs/source/messenger-errors.html");
        assert_eq!(entry.annotations, "docs/messenger-errors.toml");
        assert_eq!(entry.fixture, "tests/fixtures/messenger-errors.json");
        assert_eq!(entry.released, "docs/released/messenger-errors.json");
        assert_eq!(entry.markdown, "docs/messenger-errors.md");
        assert_eq!(entry.crate_dir, "crates/fb-errors");
        assert_eq!(entry.crate_name, "fb-errors");
        assert_eq!(new_entry(&request("a", "a.txt"), "a", "txt").url, "");
        // Every path passes the check the manifest makes when it is read.
        for path in [&entry.source, &entry.annotations, &entry.crate_dir] {
            crate::manifest::check_path(path).unwrap();
        }
    }

    #[test]
    fn a_new_crate_depends_on_the_shared_runtime_and_maps_its_features() {
        let manifest = crate_manifest("fb-errors", "crates/fb-errors", "Messenger errors");
        let parsed: toml::Table = toml::from_str(&manifest).unwrap();
        let runtime = &parsed["dependencies"]["channel-errors"];
        assert_eq!(runtime["path"].as_str(), Some("../channel-errors"));
        assert_eq!(runtime["version"].as_str(), Some("0.1"));
        assert_eq!(runtime["default-features"].as_bool(), Some(false));
        for feature in ["std", "serde", "json", "http"] {
            let enables = parsed["features"][feature].as_array().unwrap();
            let runtime_feature = toml::Value::from(format!("channel-errors/{feature}"));
            assert!(enables.contains(&runtime_feature), "{feature}: {enables:?}");
        }
        assert_eq!(runtime_path("a/b/c"), "../../../crates/channel-errors");
    }

    #[test]
    fn the_configuration_stub_says_how_to_describe_the_envelope_and_still_reads() {
        let stub = config_stub("chatter", &NO_PINS, &[]);
        assert!(stub.contains("# [envelope]\n# code = "), "{stub}");
        let read = crate::annotations::parse("docs/chatter.toml", &stub).unwrap();
        assert_eq!(read.envelope, None);
        // Uncommented, the example is a valid `[envelope]`.
        let (before, example) = stub.split_once("# [envelope]\n").unwrap();
        let (example, after) = example.split_once("\n\n").unwrap();
        let example: String = example
            .lines()
            .map(|l| format!("{}\n", l.strip_prefix("# ").unwrap()))
            .collect();
        let uncommented = format!("{before}[envelope]\n{example}\n{after}");
        let read = crate::annotations::parse("docs/chatter.toml", &uncommented).unwrap();
        assert_eq!(
            read.envelope.map(|e| e.code),
            Some("/error/code".to_owned())
        );
    }

    #[test]
    fn the_readme_has_the_block_regen_fills_in() {
        let readme = crate_readme("fb-errors", "messenger errors error codes");
        assert!(readme.starts_with("# fb-errors\n\nmessenger errors error codes, as a Rust type"));
        let entry = new_entry(&request("messenger-errors", "m.md"), "fb-errors", "md");
        let catalog = crate::model::Catalog {
            schema_version: crate::model::SCHEMA_VERSION,
            article: Default::default(),
            vendor: Default::default(),
            categories: Vec::new(),
            envelope: None,
            source: crate::model::SourceInfo {
                path: entry.source.clone(),
                format: Format::Markdown,
                sha256: "abc123".into(),
            },
            errors: Vec::new(),
        };
        let filled =
            crate::emit::readme::with_source_block("README.md", &readme, &catalog).unwrap();
        assert!(filled.contains("(sha256 `abc123`)"), "{filled}");
        assert!(filled.starts_with("# fb-errors\n"));
    }

    #[test]
    fn the_hand_written_files_put_the_article_into_the_manifest_and_the_workspace() {
        let first = new_entry(&request("parley", "p.txt"), "parley", "txt");
        let manifest_text = with_entry("", &first).unwrap();
        let workspace = "[workspace]\nmembers = [\"codegen\"]\ndefault-members = [\"codegen\"]\n";
        let entry = new_entry(&request("chatter", "c.md"), "chatter", "md");
        let outputs = hand_written(
            &entry,
            b"| Code |\n",
            "[vendor]\n".into(),
            "[package]\n".into(),
            &manifest_text,
            workspace,
        )
        .unwrap();
        let paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "docs/source/chatter.md",
                "docs/chatter.toml",
                "crates/chatter/Cargo.toml",
                "crates/chatter/src/lib.rs",
                crate::MANIFEST_PATH,
                "Cargo.toml",
            ]
        );
        assert_eq!(outputs[0].contents, "| Code |\n");
        assert_eq!(outputs[1].contents, "[vendor]\n");
        assert_eq!(outputs[2].contents, "[package]\n");
        assert_eq!(outputs[3].contents, LIB_RS);
        let manifest = crate::manifest::parse("m", &outputs[4].contents).unwrap();
        assert_eq!(manifest.articles, [first, entry]);
        assert_eq!(
            outputs[5].contents,
            "[workspace]\nmembers = [\"codegen\", \"crates/chatter\"]\ndefault-members = [\"codegen\", \"crates/chatter\"]\n"
        );
    }
}
