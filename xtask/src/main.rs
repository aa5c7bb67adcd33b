//! `cargo xtask`: regenerate, check, parse and diff the error-code outputs.
//! Argument parsing and printing only; the work is in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;
use std::time::Duration;

use clap::builder::PossibleValue;
use clap::{Args, ColorChoice, Parser, Subcommand, ValueEnum};
use codegen::Format;
use codegen::controls::for_terminal;
use codegen::model::KeyChoice;
use codegen::read::ColumnPins;
use codegen::read::pins::ColumnPin;
use codegen::release::Placeholders;
use xtask::regen::FileState;

/// Generate the TikTok error-code crate, fixture and docs from the help article
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    /// When to colour the word diff: auto (a terminal, unless NO_COLOR is
    /// set), always, or never.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
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

/// Whether stdout gets colour: anstream decides `auto` (terminal,
/// NO_COLOR, CLICOLOR_FORCE, a dumb TERM).
fn colours_stdout(when: ColorChoice) -> bool {
    let choice = match when {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// `--format`: which reader to force. The formats are codegen's own, so a
/// new one cannot be forgotten here; only the aliases are the CLI's.
#[derive(Clone, Copy)]
struct FormatArg(Format);

/// Every format, in codegen's order (the order clap lists them in).
static FORMATS: LazyLock<Vec<FormatArg>> = LazyLock::new(|| Format::ALL.map(FormatArg).into());

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &FORMATS
    }

    /// The name, and the short names people type, by extension. A match
    /// without a wildcard: a new format does not compile until it is given
    /// its own.
    fn to_possible_value(&self) -> Option<PossibleValue> {
        let aliases: &[&str] = match self.0 {
            Format::Html => &["htm"],
            Format::Markdown => &["md"],
            Format::Text => &["txt"],
        };
        Some(PossibleValue::new(self.0.as_str()).aliases(aliases.iter().copied()))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read the article, validate it and rewrite the generated outputs.
    Regen(Regen),
    /// Add an article: copy its capture under docs/source/, write its
    /// configuration stub, manifest entry and crate, and generate it.
    Add(Add),
    /// Cut the release that `## Unreleased` in the crate's CHANGELOG describes:
    /// bump the version (Cargo.toml, Cargo.lock), date deprecations, record the
    /// released model as the new baseline.
    Release(Release),
    /// Print the model read from an article as JSON (the fixture's shape).
    Parse(Parse),
    /// Download the live article, save it, and print what changed against the fixture.
    Fetch(Fetch),
    /// What the scheduled workflow runs: fetch the live article, regenerate if
    /// its codes or text changed, and write the pull request's (or, if the
    /// page cannot be read, the issue's) title and body into DIR.
    Drift(Drift),
    /// Compare two articles or fixtures: exit 0 if equal, 1 if changed, 2 on error.
    Diff(Diff),
}

#[derive(Args)]
struct Regen {
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
}

#[derive(Args)]
struct Add {
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
}

#[derive(Args)]
struct Release {
    /// The manifest entry to release (needed when there are several).
    #[arg(long)]
    article: Option<String>,
    /// Release codes still under a placeholder name (`Code40130`), with a
    /// warning. Without it the release is refused: naming them later is
    /// a major release.
    #[arg(long)]
    allow_placeholders: bool,
}

#[derive(Args)]
struct Parse {
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
}

#[derive(Args)]
struct Fetch {
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
}

#[derive(Args)]
struct Drift {
    /// Where to write `outcome` (unchanged, changed or failed), `title.txt` and `body.md`.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Where to download from (default: the manifest's `url`).
    #[arg(long)]
    url: Option<String>,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    #[arg(long)]
    article: Option<String>,
}

#[derive(Args)]
struct Diff {
    old: String,
    new: String,
    /// Print {"added", "removed", "changed", "bump"} as JSON.
    #[arg(long)]
    json: bool,
    #[arg(long)]
    article: Option<String>,
}

/// What reading the article warned of, made safe for a terminal.
fn warn(warnings: &[String]) {
    for warning in warnings {
        eprintln!("warning: {}", for_terminal(warning));
    }
}

/// The changes as `diff` and `fetch` print them, with the semver class.
fn print_changes(
    changes: &codegen::Changes,
    old: Option<&codegen::Catalog>,
    new: &codegen::Catalog,
    color: bool,
) {
    print!("{}", xtask::diff::human(changes, old, new, color));
    println!("semver: {}", changes.bump());
}

fn regen(root: &Path, args: Regen) -> Result<ExitCode, String> {
    let source = args.source.map(|path| xtask::workspace_path(root, &path));
    let options = xtask::regen::Options {
        source: source.transpose()?,
        format: args.format.map(|f| f.0),
        check: args.check,
        article: args.article,
    };
    let mut stale = 0;
    for report in xtask::regen::run_all(root, &options)? {
        warn(&report.generated.warnings);
        print_regen(&report, args.check);
        stale += report.stale().len();
    }
    if args.check && stale > 0 {
        eprintln!(
            "error: {stale} generated file(s) are not up to date with their source: run `cargo xtask regen`, review the change with `git diff`, and commit"
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// What regen prints for one article: a line per file, the count, the
/// user-facing changes, then what --check found stale.
fn print_regen(report: &xtask::regen::Report, check: bool) {
    let g = &report.generated;
    for (path, state) in &report.files {
        let word = match (state, check) {
            (FileState::Unchanged, _) => "unchanged",
            (FileState::Changed { .. }, true) => "stale    ",
            (FileState::Changed { .. }, false) => "changed  ",
        };
        println!("{word} {path}");
    }
    let source = &g.catalog.source;
    let count = g.catalog.listed().count();
    println!(
        "read {count} error codes from {} ({})",
        source.path, source.format
    );
    if g.first_release {
        println!(
            "not released yet: `cargo xtask release` cuts version {}",
            g.version
        );
    } else if !g.changes.is_empty() {
        let mut paths = report.files.iter().map(|(path, _)| path.as_str());
        let changelog = paths.find(|p| p.ends_with("CHANGELOG.md"));
        println!("since version {}:", g.version);
        print!(
            "{}",
            xtask::diff::human(&g.changes, None, &g.catalog, false)
        );
        println!(
            "unreleased: calls for a {} release (listed under `## Unreleased` in {}); `cargo xtask release` cuts it",
            g.bump,
            changelog.unwrap_or("the CHANGELOG")
        );
    }
    // Only --check has diffs: a write leaves them empty.
    for (_, state) in &report.files {
        if let FileState::Changed { diff } = state {
            print!("{diff}");
        }
    }
}

fn add(root: &Path, args: Add) -> Result<ExitCode, String> {
    let options = xtask::add::Options {
        name: args.name,
        source: args.source.into(),
        url: args.url,
        crate_name: args.crate_name,
        format: args.format.map(|f| f.0),
        pins: args.pins.into(),
    };
    let added = xtask::add::run(root, &options)?;
    warn(&added.warnings);
    for path in &added.written {
        println!("wrote {path}");
    }
    let name = &options.name;
    println!(
        "added article {name}: name and classify its codes in docs/{name}.toml, then run `cargo xtask regen --article {name}`"
    );
    Ok(ExitCode::SUCCESS)
}

fn release(root: &Path, args: Release) -> Result<ExitCode, String> {
    let placeholders = if args.allow_placeholders {
        Placeholders::Allow
    } else {
        Placeholders::Refuse
    };
    let release = xtask::release::run(root, args.article.as_deref(), placeholders)?;
    warn(&release.warnings);
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

fn parse(root: &Path, args: Parse) -> Result<ExitCode, String> {
    let entry = xtask::entry(&xtask::manifest(root)?, args.article.as_deref())?;
    let path = &args.path;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let format = args.format.map(|f| f.0);
    let pins = args.pins.into();
    let mut warnings = Vec::new();
    let catalog = xtask::read_article(root, &entry, path, &bytes, format, &pins, &mut warnings)?;
    warn(&warnings);
    let json = codegen::emit::json::emit(&catalog);
    std::io::Write::write_all(&mut std::io::stdout(), json.as_bytes())
        .map_err(|e| format!("cannot write the model to stdout: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn diff(root: &Path, args: Diff, color: bool) -> Result<ExitCode, String> {
    let mut entry = xtask::entry(&xtask::manifest(root)?, args.article.as_deref())?;
    // OLD and NEW are relative to where the user stands: name the annotations
    // so that they are found (and named in errors) from there too.
    entry.annotations = root.join(&entry.annotations).display().to_string();
    let before = xtask::diff::load(root, &entry, &args.old)?;
    let after = xtask::diff::load(root, &entry, &args.new)?;
    let changes = codegen::changes::diff(&before, &after);
    if args.json {
        print!("{}", xtask::diff::json(&changes));
    } else if changes.is_empty() {
        println!("no changes");
    } else {
        print_changes(&changes, Some(&before), &after, color);
    }
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn fetch(root: &Path, args: Fetch, color: bool) -> Result<ExitCode, String> {
    let for_one = (args.url.is_some() || args.output.is_some())
        .then_some("--url and --output are for one article");
    let entries = xtask::entries(&xtask::manifest(root)?, args.article.as_deref(), for_one)?;
    let output = args.output.map(|path| xtask::workspace_path(root, &path));
    let output = output.transpose()?;
    for entry in &entries {
        let options = xtask::fetch::Options {
            url: args.url.clone().unwrap_or_else(|| entry.url.clone()),
            timeout: Duration::from_secs(args.timeout),
            ..xtask::fetch::Options::default()
        };
        let report = xtask::fetch::run(root, entry, &options, output.clone())?;
        eprintln!(
            "{}: saved {} ({} bytes) from {}",
            entry.name, report.saved_to, report.bytes, options.url
        );
        if report.changes.is_empty() {
            println!("no changes against {}", entry.fixture);
            continue;
        }
        print_changes(&report.changes, report.old.as_ref(), &report.new, color);
        // Paths are taken from the current directory: say it from there.
        let saved = root.join(&report.saved_to);
        let shown = std::env::current_dir()
            .ok()
            .and_then(|cwd| saved.strip_prefix(cwd).ok().map(Path::to_owned))
            .unwrap_or(saved);
        eprintln!(
            "next: cargo xtask regen --article {} --source {}",
            entry.name,
            shown.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn drift(root: &Path, args: Drift) -> Result<ExitCode, String> {
    let timeout = Duration::from_secs(args.timeout);
    let report = xtask::drift::run(root, args.article.as_deref(), args.url, timeout)?;
    xtask::drift::write(&report, &args.out)?;
    println!("{}: {}", report.outcome.as_str(), report.title);
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = colours_stdout(cli.color);
    // Where a command exits 1 for "stale" or "changed", an error is 2.
    let error_code = match &cli.command {
        Command::Regen(args) if args.check => 2,
        Command::Diff(_) => 2,
        _ => 1,
    };
    let result = xtask::workspace_root().and_then(|root| match cli.command {
        Command::Regen(args) => regen(&root, args),
        Command::Add(args) => add(&root, args),
        Command::Release(args) => release(&root, args),
        Command::Parse(args) => parse(&root, args),
        Command::Fetch(args) => fetch(&root, args, color),
        Command::Drift(args) => drift(&root, args),
        Command::Diff(args) => diff(&root, args, color),
    });
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
            assert_eq!(parsed.0, format, "{typed}");
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
