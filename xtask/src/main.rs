//! `cargo xtask`: regenerate, check, parse and diff the error-code outputs.
//! Argument parsing and printing only; the work is in the library.

use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use codegen::Format;
use codegen::controls::for_terminal;
use codegen::model::KeyChoice;
use codegen::read::ColumnPins;
use codegen::read::pins::ColumnPin;
use xtask::regen::{FileState, Options};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Generate the TikTok error-code crate, fixture and docs from the help article"
)]
struct Cli {
    /// When to colour the word diff: auto (a terminal, unless NO_COLOR is
    /// set), always, or never.
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    #[command(subcommand)]
    command: Command,
}

/// Column pins on the command line, for an article whose header the
/// readers cannot map (or that has none): each the header text or a
/// 1-based position, as the configuration's `[columns]` takes them.
#[derive(Args, Default)]
struct PinArgs {
    /// The column of error codes: its header text or 1-based position.
    #[arg(long, value_name = "HEADER|N")]
    code_column: Option<ColumnPin>,
    /// The column of sub-codes.
    #[arg(long, value_name = "HEADER|N")]
    subcode_column: Option<ColumnPin>,
    /// The column of descriptions (the error's message).
    #[arg(long, value_name = "HEADER|N")]
    description_column: Option<ColumnPin>,
    /// The column of solutions (what to do).
    #[arg(long, value_name = "HEADER|N")]
    solution_column: Option<ColumnPin>,
    /// The column of causes.
    #[arg(long, value_name = "HEADER|N")]
    cause_column: Option<ColumnPin>,
    /// What makes entries unique where codes repeat: code, code_subcode,
    /// code_message or section_code (the configuration's `[columns] key`).
    #[arg(long, value_name = "KEY")]
    key: Option<KeyChoice>,
}

impl From<PinArgs> for ColumnPins {
    fn from(args: PinArgs) -> ColumnPins {
        ColumnPins {
            code: args.code_column,
            subcode: args.subcode_column,
            description: args.description_column,
            solution: args.solution_column,
            cause: args.cause_column,
            key: args.key,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Whether stdout gets colour: anstream decides `auto` (terminal,
    /// NO_COLOR, CLICOLOR_FORCE, a dumb TERM).
    fn for_stdout(self) -> bool {
        let choice = match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
        anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
    }
}

/// `--format`: which reader to force. The formats are codegen's own, so a
/// new one cannot be forgotten here; only the aliases are the CLI's.
#[derive(Clone, Copy)]
struct FormatArg(Format);

impl FormatArg {
    /// Every format, in codegen's order (the order clap lists them in).
    const ALL: [FormatArg; Format::ALL.len()] = {
        let mut all = [FormatArg(Format::ALL[0]); Format::ALL.len()];
        let mut i = 1;
        while i < all.len() {
            all[i] = FormatArg(Format::ALL[i]);
            i += 1;
        }
        all
    };

    /// The short names people type, by extension. A match without a
    /// wildcard: a new format does not compile until it is given its own.
    fn aliases(self) -> &'static [&'static str] {
        match self.0 {
            Format::Html => &["htm"],
            Format::Markdown => &["md"],
            Format::Text => &["txt"],
        }
    }
}

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &FormatArg::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.as_str()).aliases(self.aliases().iter().copied()))
    }
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        arg.0
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read the article, validate it and rewrite the generated outputs.
    Regen {
        /// Write nothing; exit 1 and print a diff if any output is stale.
        #[arg(long)]
        check: bool,
        /// Adopt this article as the source (relative to the current directory,
        /// inside the workspace): read it, and point docs/sources.toml at it.
        #[arg(long, value_name = "PATH")]
        source: Option<String>,
        /// Force a reader instead of choosing by extension and content.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// The manifest entry to generate (default: every article).
        #[arg(long)]
        article: Option<String>,
    },
    /// Add an article: copy its capture under docs/source/, write its
    /// configuration stub, manifest entry and crate, and generate it.
    Add {
        /// The article's short name (`messenger-errors`): names its files.
        name: String,
        /// The captured article (relative to the current directory).
        #[arg(long, value_name = "FILE")]
        source: String,
        /// Where the live article is published (for fetch and drift).
        #[arg(long)]
        url: Option<String>,
        /// The crate's name (default: NAME).
        #[arg(long = "crate", value_name = "CRATE")]
        crate_name: Option<String>,
        /// Force a reader instead of choosing by extension and content.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Written into the new configuration's `[columns]`.
        #[command(flatten)]
        pins: PinArgs,
    },
    /// Cut the release that `## Unreleased` in the crate's CHANGELOG describes:
    /// bump the version (Cargo.toml, Cargo.lock), date deprecations, record the
    /// released model as the new baseline.
    Release {
        /// The manifest entry to release (default: the first).
        #[arg(long)]
        article: Option<String>,
        /// Release codes still under a placeholder name (`Code40130`), with a
        /// warning. Without it the release is refused: naming them later is
        /// a major release.
        #[arg(long)]
        allow_placeholders: bool,
    },
    /// Print the model read from an article as JSON (the fixture's shape).
    Parse {
        /// The article: .html/.htm, .md/.markdown, .txt, or anything by content.
        path: String,
        /// Force a reader instead of choosing by extension and content.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// The manifest entry whose annotations apply (default: the first).
        #[arg(long)]
        article: Option<String>,
        /// Override the configuration's `[columns]`.
        #[command(flatten)]
        pins: PinArgs,
    },
    /// Download the live article, save it, and print what changed against the fixture.
    Fetch {
        /// Where to download from (default: the manifest's `url`).
        #[arg(long)]
        url: Option<String>,
        /// Where to save the page, relative to the current directory and inside
        /// the workspace (default: the source path with `.html`).
        #[arg(long, value_name = "PATH")]
        output: Option<String>,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        /// The article to fetch (default: every article).
        #[arg(long)]
        article: Option<String>,
    },
    /// What the scheduled workflow runs: fetch the live article, regenerate if
    /// its codes or text changed, and write the pull request's (or, if the
    /// page cannot be read, the issue's) title and body into DIR.
    Drift {
        /// Where to write `outcome` (unchanged, changed or failed), `title.txt` and `body.md`.
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
        /// Where to download from (default: the manifest's `url`).
        #[arg(long)]
        url: Option<String>,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        #[arg(long)]
        article: Option<String>,
    },
    /// Compare two articles or fixtures: exit 0 if equal, 1 if changed, 2 on error.
    Diff {
        old: String,
        new: String,
        /// Print {"added", "removed", "changed", "bump"} as JSON.
        #[arg(long)]
        json: bool,
        #[arg(long)]
        article: Option<String>,
    },
}

fn regen(
    check: bool,
    source: Option<String>,
    format: Option<Format>,
    article: Option<String>,
) -> Result<ExitCode, String> {
    let root = xtask::workspace_root()?;
    let source = source
        .map(|path| xtask::workspace_path(&root, &path))
        .transpose()?;
    let reports = xtask::regen::run_all(
        &root,
        &Options {
            source,
            format,
            check,
            article,
        },
    )?;
    let mut stale = 0;
    for report in &reports {
        for warning in &report.generated.warnings {
            eprintln!("warning: {}", for_terminal(warning));
        }
        print!("{}", report.summary(check));
        stale += report.stale().len();
        if check {
            for (_, state) in &report.files {
                if let FileState::Changed { diff } = state {
                    print!("{diff}");
                }
            }
        }
    }
    if check && stale > 0 {
        eprintln!(
            "error: {stale} generated file(s) are not up to date with their source: run `cargo xtask regen`, review the change with `git diff`, and commit"
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn add(
    name: String,
    source: String,
    url: Option<String>,
    crate_name: Option<String>,
    format: Option<Format>,
    pins: ColumnPins,
) -> Result<ExitCode, String> {
    let root = xtask::workspace_root()?;
    let added = xtask::add::run(
        &root,
        &xtask::add::Options {
            name: name.clone(),
            source: source.into(),
            url,
            crate_name,
            format,
            pins,
        },
    )?;
    for warning in &added.warnings {
        eprintln!("warning: {}", for_terminal(warning));
    }
    for path in &added.written {
        println!("wrote {path}");
    }
    println!(
        "added article {name}: name and classify its codes in docs/{name}.toml, then run `cargo xtask regen --article {name}`"
    );
    Ok(ExitCode::SUCCESS)
}

fn release(article: Option<String>, allow_placeholders: bool) -> Result<ExitCode, String> {
    let root = xtask::workspace_root()?;
    let placeholders = if allow_placeholders {
        codegen::release::Placeholders::Allow
    } else {
        codegen::release::Placeholders::Refuse
    };
    let release = xtask::release::run(&root, article.as_deref(), placeholders)?;
    for warning in &release.warnings {
        eprintln!("warning: {}", for_terminal(warning));
    }
    for output in &release.outputs {
        println!("wrote {}", output.path);
    }
    print!(
        "{}",
        xtask::diff::human(&release.changes, None, &release.catalog, false)
    );
    println!(
        "released version {} ({} release)",
        release.version, release.bump
    );
    Ok(ExitCode::SUCCESS)
}

fn parse(
    path: &str,
    format: Option<Format>,
    article: Option<String>,
    pins: ColumnPins,
) -> Result<ExitCode, String> {
    let root = xtask::workspace_root()?;
    let entry = xtask::entry(&xtask::manifest(&root)?, article.as_deref())?;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let annotations = xtask::files::read_text(&root, &entry.annotations)?;
    // A pin on the command line wins over the configuration's.
    let annotations =
        codegen::read::pins::over_configuration(&entry.annotations, &annotations, &pins)
            .map_err(|e| e.to_string())?;
    let mut warnings = Vec::new();
    let catalog = codegen::read_catalog(
        &entry,
        path,
        &bytes,
        format,
        &annotations,
        None,
        &mut warnings,
    )
    .map_err(|e| e.to_string())?;
    for warning in warnings {
        eprintln!("warning: {}", for_terminal(&warning));
    }
    let json = codegen::emit::json::emit(&catalog);
    std::io::Write::write_all(&mut std::io::stdout(), json.as_bytes())
        .map_err(|e| format!("cannot write the model to stdout: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn diff(
    old: &str,
    new: &str,
    json: bool,
    article: Option<String>,
    color: bool,
) -> Result<ExitCode, String> {
    let root = std::env::current_dir().map_err(|e| e.to_string())?;
    let manifest_root = xtask::workspace_root()?;
    let mut entry = xtask::entry(&xtask::manifest(&manifest_root)?, article.as_deref())?;
    // OLD and NEW are relative to where the user stands; annotations to the workspace.
    entry.annotations = manifest_root
        .join(&entry.annotations)
        .to_string_lossy()
        .into_owned();
    let before = xtask::diff::load(&root, &entry, old)?;
    let after = xtask::diff::load(&root, &entry, new)?;
    let changes = codegen::changes::diff(&before, &after);
    if json {
        print!("{}", xtask::diff::json(&changes));
    } else if changes.is_empty() {
        println!("no changes");
    } else {
        print!(
            "{}",
            xtask::diff::human(&changes, Some(&before), &after, color)
        );
        println!("semver: {}", changes.bump());
    }
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn fetch(
    url: Option<String>,
    output: Option<String>,
    timeout: u64,
    article: Option<String>,
    color: bool,
) -> Result<ExitCode, String> {
    let root = xtask::workspace_root()?;
    let manifest = xtask::manifest(&root)?;
    let entries = match article.as_deref() {
        Some(name) => vec![xtask::entry(&manifest, Some(name))?],
        None if manifest.articles.len() > 1 && (url.is_some() || output.is_some()) => {
            return Err(format!(
                "--url and --output are for one article, and {} has {}: pick one with --article",
                xtask::MANIFEST,
                manifest.articles.len()
            ));
        }
        None => manifest.articles.clone(),
    };
    let output = output
        .map(|path| xtask::workspace_path(&root, &path))
        .transpose()?;
    for entry in &entries {
        fetch_one(&root, entry, url.clone(), output.clone(), timeout, color)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn fetch_one(
    root: &std::path::Path,
    entry: &codegen::Entry,
    url: Option<String>,
    output: Option<String>,
    timeout: u64,
    color: bool,
) -> Result<(), String> {
    let options = xtask::fetch::Options {
        url: url.unwrap_or_else(|| entry.url.clone()),
        timeout: std::time::Duration::from_secs(timeout),
        ..xtask::fetch::Options::default()
    };
    let report = xtask::fetch::run(root, entry, &options, output)?;
    eprintln!(
        "{}: saved {} ({} bytes) from {}",
        entry.name, report.saved_to, report.bytes, options.url
    );
    if report.changes.is_empty() {
        println!("no changes against {}", entry.fixture);
    } else {
        print!(
            "{}",
            xtask::diff::human(&report.changes, report.old.as_ref(), &report.new, color)
        );
        println!("semver: {}", report.changes.bump());
        // Paths are taken from the current directory: say it from there.
        let saved = root.join(&report.saved_to);
        let shown = std::env::current_dir()
            .ok()
            .and_then(|cwd| saved.strip_prefix(cwd).ok().map(std::path::Path::to_owned))
            .unwrap_or(saved);
        eprintln!(
            "next: cargo xtask regen --article {} --source {}",
            entry.name,
            shown.display()
        );
    }
    Ok(())
}

fn drift(
    out: &std::path::Path,
    url: Option<String>,
    timeout: u64,
    article: Option<String>,
) -> Result<ExitCode, String> {
    let root = xtask::workspace_root()?;
    let report = xtask::drift::run(
        &root,
        article.as_deref(),
        url,
        std::time::Duration::from_secs(timeout),
    )?;
    xtask::drift::write(&report, out)?;
    println!("{}: {}", report.outcome.as_str(), report.title);
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = cli.color.for_stdout();
    let (result, error_code) = match cli.command {
        Command::Regen {
            check,
            source,
            format,
            article,
        } => (
            regen(check, source, format.map(Format::from), article),
            if check { 2 } else { 1 },
        ),
        Command::Add {
            name,
            source,
            url,
            crate_name,
            format,
            pins,
        } => (
            add(
                name,
                source,
                url,
                crate_name,
                format.map(Format::from),
                pins.into(),
            ),
            1,
        ),
        Command::Release {
            article,
            allow_placeholders,
        } => (release(article, allow_placeholders), 1),
        Command::Parse {
            path,
            format,
            article,
            pins,
        } => (
            parse(&path, format.map(Format::from), article, pins.into()),
            1,
        ),
        Command::Fetch {
            url,
            output,
            timeout,
            article,
        } => (fetch(url, output, timeout, article, color), 1),
        Command::Drift {
            out,
            url,
            timeout,
            article,
        } => (drift(&out, url, timeout, article), 1),
        Command::Diff {
            old,
            new,
            json,
            article,
        } => (diff(&old, &new, json, article, color), 2),
    };
    result.unwrap_or_else(|message| {
        eprintln!("error: {}", for_terminal(&message));
        ExitCode::from(error_code)
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn every_format_is_a_value_by_its_name_and_its_alias() {
        let formats: Vec<Format> = FormatArg::value_variants().iter().map(|f| f.0).collect();
        assert_eq!(formats, Format::ALL);
        for (typed, format) in [
            ("html", Format::Html),
            ("htm", Format::Html),
            ("markdown", Format::Markdown),
            ("md", Format::Markdown),
            ("text", Format::Text),
            ("txt", Format::Text),
        ] {
            let parsed =
                FormatArg::from_str(typed, false).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(Format::from(parsed), format, "{typed}");
        }
        for bad in ["pdf", "HTML", "markdow", ""] {
            assert!(FormatArg::from_str(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_command_line_is_one_clap_accepts() {
        // Clap's own checks (duplicate names or aliases among them), made at
        // build time of the parser rather than when a user hits them.
        Cli::command().debug_assert();
    }
}
