//! Property tests: no reader panics on any input, anything they accept is a
//! valid model, and the markdown and JSON outputs read back to the same model.
//!
//! The normal suite runs proptest's default 256 cases per property; for a long
//! run: `PROPTEST_CASES=100000 cargo test -p codegen --release --test properties`.

use std::collections::{BTreeMap, HashSet};

use codegen::model::{
    Catalog, Category, Code, ErrorEntry, Format, KeyPart, SCHEMA_VERSION, SourceInfo, Status,
};
use codegen::read::{self, Article};
use proptest::prelude::*;

/// The test articles (ours, in every shape the readers take) as seeds.
const SEEDS: &[(&str, &str)] = &[
    ("seed.txt", include_str!("../../tests/articles/parley.txt")),
    ("seed.md", include_str!("../../tests/articles/parley.md")),
    (
        "seed.html",
        include_str!("../../tests/articles/parley-page.html"),
    ),
    (
        "seed.htm",
        include_str!("../../tests/articles/parley-fragment.htm"),
    ),
    ("seed.tsv", include_str!("../../tests/articles/parley.tsv")),
    (
        "seed-embedded.md",
        include_str!("../../tests/articles/parley-embedded-html.md"),
    ),
];

/// What every accepted article must satisfy.
fn assert_valid(article: &Article) {
    assert!(!article.rows.is_empty(), "an accepted article has rows");
    let mut codes = HashSet::new();
    for row in &article.rows {
        assert!(
            !row.description.trim().is_empty(),
            "empty description accepted: {row:?}"
        );
        assert!(
            codes.insert(row.key()),
            "duplicate code accepted: {}",
            row.key()
        );
        if let Code::Text(text) = &row.code {
            assert_eq!(Code::parse(text).as_ref(), Ok(&row.code));
        }
    }
}

fn read_any(name: &str, bytes: &[u8], format: Option<Format>) {
    if let Ok(article) = read::read(name, bytes, format, &Default::default()) {
        assert_valid(&article);
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippets = prop::sample::select(vec![
        b"|".to_vec(),
        b"\t".to_vec(),
        b"\n".to_vec(),
        b"<table>".to_vec(),
        b"</td>".to_vec(),
        b"<tr><td>1</td></tr>".to_vec(),
        b"| --- |".to_vec(),
        b"40001 |".to_vec(),
        b"\xff\xfe".to_vec(),
        b"colspan=3".to_vec(),
        b"&nbsp;".to_vec(),
        b"\\|".to_vec(),
    ]);
    prop_oneof![
        (any::<usize>(), 0usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            prop_oneof![snippets, prop::collection::vec(any::<u8>(), 1..8)]
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(seed: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.as_bytes().to_vec();
    for m in mutations {
        match m {
            Mutation::Delete { at, len } if !bytes.is_empty() => {
                let at = at % bytes.len();
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Insert { at, bytes: new } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::DuplicateLine { line } | Mutation::SwapLines { a: line, .. } => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let i = line % lines.len();
                if let Mutation::SwapLines { b, .. } = m {
                    let j = b % lines.len();
                    lines.swap(i, j);
                } else {
                    lines.insert(i, lines[i].clone());
                }
                bytes = lines.join(&b'\n');
            }
            Mutation::Delete { .. } => {}
        }
    }
    bytes
}

/// Text as the readers normalise it: single spaces, trimmed lines, no empty
/// lines, with markdown and HTML punctuation that the emitters must escape.
fn cell_text(min_lines: usize) -> impl Strategy<Value = String> {
    let word = "[A-Za-z0-9’|\\\\*_<>&#`\\[\\]~!$.:()\"'=/-]{1,8}";
    let line = (any::<bool>(), prop::collection::vec(word, 1..6)).prop_map(|(bullet, words)| {
        let text = words.join(" ");
        if bullet { format!("- {text}") } else { text }
    });
    prop::collection::vec(line, min_lines..4).prop_map(|lines| lines.join("\n"))
}

fn code() -> impl Strategy<Value = Code> {
    prop_oneof![
        any::<i64>().prop_map(Code::Numeric),
        "[A-Z][A-Z0-9]{0,4}[0-9]".prop_map(Code::Text),
        "[a-z]{2,8}(_[a-z]{2,8}){0,2}".prop_map(Code::Text),
        "0[0-9]{1,4}".prop_map(Code::Text),
    ]
}

fn catalog() -> impl Strategy<Value = Catalog> {
    let extra_columns = prop::sample::subsequence(vec!["HTTP status", "Notes"], 0..=2);
    (
        extra_columns,
        prop::collection::vec(
            (
                // Often from a pool of three, so codes repeat.
                prop_oneof![code(), (0i64..3).prop_map(Code::Numeric)],
                cell_text(1),
                cell_text(0),
                cell_text(0),
                cell_text(0),
            ),
            1..6,
        ),
    )
        .prop_map(|(columns, rows)| {
            // A code may repeat with another description: such entries are
            // keyed by code and message, as the reader keys them.
            // A success row (`0 | OK`) is left out of the model by design, so
            // a model never holds one.
            let mut seen = HashSet::new();
            let rows: Vec<_> = rows
                .into_iter()
                .filter(|(code, description, ..)| !read::is_success_row(code, description))
                .filter(|(code, description, ..)| seen.insert((code.clone(), description.clone())))
                .collect();
            let repeats = |code: &Code| rows.iter().filter(|r| &r.0 == code).count() > 1;
            let keyed: Vec<bool> = rows.iter().map(|r| repeats(&r.0)).collect();
            let mut errors: Vec<ErrorEntry> = rows
                .into_iter()
                .zip(keyed)
                .map(|((code, description, solution, extra_a, extra_b), keyed)| {
                    let values = [extra_a, extra_b];
                    let extra: BTreeMap<String, String> = columns
                        .iter()
                        .zip(values)
                        .map(|(c, v)| (c.to_string(), v))
                        .collect();
                    ErrorEntry {
                        name: String::new(),
                        code,
                        subcode: None,
                        description,
                        solution,
                        cause: String::new(),
                        section: None,
                        other_sections: Vec::new(),
                        keyed_by: keyed.then_some(KeyPart::Message),
                        category: Category::unknown(),
                        action: codegen::model::Action::Escalate,
                        extra,
                        status: Status::Listed,
                    }
                })
                .collect();
            let names = codegen::names::fallback_names(errors.iter().map(ErrorEntry::key));
            for (entry, name) in errors.iter_mut().zip(names) {
                entry.name = name;
            }
            let source = SourceInfo {
                path: "p.md".into(),
                format: Format::Markdown,
                sha256: String::new(),
            };
            Catalog {
                schema_version: SCHEMA_VERSION,
                article: Default::default(),
                source,
                vendor: Default::default(),
                categories: Vec::new(),
                envelope: None,
                errors,
            }
        })
        .prop_filter("a model has at least one entry", |c| !c.errors.is_empty())
}

proptest! {
    #[test]
    fn readers_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512), format in prop::sample::select(Format::ALL.to_vec())) {
        read_any("arbitrary", &bytes, Some(format));
        read_any("arbitrary", &bytes, None);
    }

    #[test]
    fn readers_never_panic_on_arbitrary_text(text in "(?s).{0,400}", format in prop::sample::select(Format::ALL.to_vec())) {
        read_any("arbitrary", text.as_bytes(), Some(format));
    }

    #[test]
    fn readers_never_panic_on_mutated_articles(seed in 0..SEEDS.len(), mutations in prop::collection::vec(mutation(), 1..6), format in prop::option::of(prop::sample::select(Format::ALL.to_vec()))) {
        let (name, text) = SEEDS[seed];
        read_any(name, &apply(text, &mutations), format);
    }

    #[test]
    fn markdown_output_reads_back_to_the_same_entries(catalog in catalog()) {
        let markdown = codegen::emit::markdown::emit(&catalog);
        let article = read::read("out.md", markdown.as_bytes(), None, &Default::default()).map_err(|e| TestCaseError::fail(format!("{e}\n{markdown}")))?;
        prop_assert_eq!(article.rows.len(), catalog.errors.len());
        for (row, entry) in article.rows.iter().zip(&catalog.errors) {
            prop_assert_eq!(&row.code, &entry.code);
            prop_assert_eq!(row.keyed_by, entry.keyed_by);
            prop_assert_eq!(&row.description, &entry.description);
            prop_assert_eq!(&row.solution, &entry.solution);
            prop_assert_eq!(&row.extra, &entry.extra);
        }
    }

    #[test]
    fn json_fixture_reads_back_to_the_same_model(catalog in catalog()) {
        let json = codegen::emit::json::emit(&catalog);
        prop_assert_eq!(Catalog::from_json("f.json", &json).map_err(|e| TestCaseError::fail(e.to_string()))?, catalog);
    }
}
