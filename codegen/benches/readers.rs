//! `cargo bench -p codegen`: each reader at 1k and 10k rows of a generated
//! article (support/article.rs), beside the bare scraper and pulldown-cmark
//! passes it cannot beat (support/floor.rs), and the whole generation of the
//! real article. Figures and how to compare with other tools: BENCHMARKS.md.

// Shared with the generate_article example, which uses the rest of it.
#[allow(dead_code)]
#[path = "support/article.rs"]
mod article;
#[path = "support/floor.rs"]
mod floor;

use std::sync::OnceLock;

use article::Form;

fn main() {
    divan::main();
}

/// Help articles have 5 to 500 rows; these are the stress points.
const ROWS: [usize; 2] = [1_000, 10_000];

/// Generated articles by `form-rows`.
type Cache = std::sync::Mutex<Vec<(String, &'static [u8])>>;

/// Articles are generated once per form and size, outside the timing.
fn input(form: Form, rows: usize) -> &'static [u8] {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = format!("{}-{rows}", form.name());
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap();
    if let Some((_, bytes)) = cache.iter().find(|(k, _)| *k == key) {
        return bytes;
    }
    let bytes: &'static [u8] =
        Box::leak(article::article(rows, form).into_bytes().into_boxed_slice());
    cache.push((key, bytes));
    bytes
}

fn read(form: Form, rows: usize) -> usize {
    let file = format!("bench.{}", form.extension());
    let article = codegen::read::read(&file, input(form, rows), None, &Default::default())
        .expect("the article reads");
    assert_eq!(article.rows.len(), rows);
    article.rows.len()
}

#[divan::bench(args = ROWS, sample_count = 20, sample_size = 1)]
fn html(rows: usize) -> usize {
    read(Form::Html, rows)
}

/// The HTML floor: a bare scraper parse and walk of every row's cells.
#[divan::bench(args = ROWS, sample_count = 20, sample_size = 1)]
fn html_floor(rows: usize) -> usize {
    read_floor(Form::Html, rows, floor::html)
}

#[divan::bench(args = ROWS, sample_count = 20, sample_size = 1)]
fn markdown(rows: usize) -> usize {
    read(Form::Markdown, rows)
}

/// The markdown floor: one bare pulldown-cmark pass, GFM tables on.
#[divan::bench(args = ROWS, sample_count = 20, sample_size = 1)]
fn markdown_floor(rows: usize) -> usize {
    read_floor(Form::Markdown, rows, floor::markdown)
}

/// A floor's read of the article of `rows` rows (and its header row).
fn read_floor(form: Form, rows: usize, walk: fn(&str) -> floor::Count) -> usize {
    let text = std::str::from_utf8(input(form, rows)).unwrap();
    let count = walk(text);
    assert_eq!(count.rows, rows + 1);
    count.bytes
}

#[divan::bench(args = ROWS, sample_count = 20, sample_size = 1)]
fn text(rows: usize) -> usize {
    read(Form::Pipe, rows)
}

#[divan::bench(args = ROWS, sample_count = 20, sample_size = 1)]
fn tsv(rows: usize) -> usize {
    read(Form::Tsv, rows)
}

/// `cargo xtask regen --check`'s work on the committed article, in memory:
/// read, model, and every output.
#[divan::bench(sample_count = 20)]
fn regen_real_article(bencher: divan::Bencher) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let text = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let manifest =
        codegen::manifest::parse("docs/sources.toml", &text("docs/sources.toml")).unwrap();
    let entry = &manifest.articles[0];
    let source = std::fs::read(root.join(&entry.source)).unwrap();
    let annotations = text(&entry.annotations);
    let released = std::fs::read_to_string(root.join(&entry.released)).ok();
    let crate_manifest = text(&entry.crate_manifest());
    let changelog = text(&entry.changelog());
    let readme = std::fs::read_to_string(root.join(entry.crate_readme())).ok();
    bencher.bench(|| {
        codegen::generate(codegen::Inputs {
            entry,
            source_path: &entry.source,
            source: &source,
            format: None,
            annotations: &annotations,
            released: released.as_deref(),
            crate_manifest: &crate_manifest,
            changelog: &changelog,
            crate_readme: readme.as_deref(),
        })
        .expect("the real article generates")
        .outputs
        .len()
    });
}
