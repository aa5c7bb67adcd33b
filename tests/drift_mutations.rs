//! The drift check cannot be blind: every way a row can change, for every row,
//! makes `regen --check` report the outputs, the semantic diff name exactly the
//! codes involved, and regen then make the check pass again.

use std::fs;

use workspace_tests::{
    ARTICLE, article, article_workspace, check, model, regen_then_check, test_entry,
};

/// The test article split into its intro and one chunk per row (each
/// ending in a newline), so rows can be edited, removed, added and swapped.
#[derive(Clone)]
struct Rows {
    intro: String,
    rows: Vec<(u32, String)>,
}

impl Rows {
    fn of_test_article() -> Rows {
        let text = String::from_utf8(article(ARTICLE)).unwrap();
        let catalog = model(ARTICLE, text.as_bytes()).unwrap();
        let codes: Vec<u32> = catalog
            .errors
            .iter()
            .map(|e| e.code.as_u32().unwrap())
            .collect();
        let starts: Vec<usize> = codes
            .iter()
            .map(|c| text.find(&format!("\n{c} |")).unwrap() + 1)
            .collect();
        let mut rows = Vec::new();
        for (i, code) in codes.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let mut chunk = text[starts[i]..end].to_owned();
            if !chunk.ends_with('\n') {
                chunk.push('\n');
            }
            rows.push((*code, chunk));
        }
        // The closing prose belongs to no row.
        let last = rows.last_mut().unwrap();
        if let Some(end) = last.1.rfind("|\n") {
            last.1.truncate(end + 2);
        }
        Rows {
            intro: text[..starts[0]].to_owned(),
            rows,
        }
    }

    fn text(&self) -> String {
        self.intro.clone()
            + &self
                .rows
                .iter()
                .map(|(_, chunk)| chunk.as_str())
                .collect::<String>()
    }
}

#[derive(Debug, Default, PartialEq)]
struct Expected {
    added: Vec<u32>,
    removed: Vec<u32>,
    changed: Vec<(u32, &'static str)>,
}

fn numbers(keys: &[codegen::model::Key]) -> Vec<u32> {
    keys.iter().map(|k| k.code.as_u32().unwrap()).collect()
}

/// Applies one mutated article to a scratch copy and checks the whole loop.
fn check_mutation(what: &str, article: String, expected: Expected) {
    let dir = article_workspace();
    let entry = test_entry();
    fs::write(dir.path().join(&entry.source), &article).unwrap();

    let check = check(dir.path());
    let stale = check.stale();
    for output in [
        entry.generated_rust(),
        entry.fixture.clone(),
        entry.markdown.clone(),
    ] {
        assert!(
            stale.contains(&output.as_str()),
            "{what}: check must report {output}, reported {stale:?}"
        );
    }
    let changelog_stale = stale.contains(&entry.changelog().as_str());
    let has_changes = expected != Expected::default();
    assert_eq!(
        changelog_stale, has_changes,
        "{what}: `## Unreleased` appears exactly when codes change"
    );
    assert!(
        !stale.contains(&entry.crate_manifest().as_str()),
        "{what}: regen never moves the version"
    );

    let changes = &check.generated.changes;
    let changed: Vec<(u32, &str)> = changes
        .changed
        .iter()
        .map(|c| (c.code.code.as_u32().unwrap(), c.fields[0].as_str()))
        .collect();
    let actual = (numbers(&changes.added), numbers(&changes.removed), changed);
    let wanted = (
        expected.added.clone(),
        expected.removed.clone(),
        expected.changed.clone(),
    );
    assert_eq!(
        actual, wanted,
        "{what}: the semantic diff names exactly the expected codes"
    );
    assert!(
        changes.changed.iter().all(|c| c.fields.len() == 1),
        "{what}: one field changed"
    );

    regen_then_check(dir.path(), what);
}

/// Prefixes the first word of `text`'s first line inside a row chunk (the
/// model's list lines are not the source's bullets, its first line is).
fn reword(chunk: &str, text: &str) -> String {
    let sentence = text.lines().next().unwrap();
    let (first, rest) = sentence.split_once(' ').unwrap();
    assert!(chunk.contains(sentence), "{sentence:?} in {chunk:?}");
    chunk.replacen(sentence, &format!("{}{first} {rest}", "Re"), 1)
}

/// One way to change the article, applied to a copy of its rows.
type Mutation<'a> = (&'static str, Box<dyn Fn(&mut Rows) + 'a>, Expected);

#[test]
fn every_mutation_of_every_row_is_seen() {
    let base = Rows::of_test_article();
    let catalog = model(ARTICLE, &article(ARTICLE)).unwrap();
    assert_eq!(
        model(ARTICLE, base.text().as_bytes()).unwrap().errors,
        catalog.errors,
        "splitting into rows loses nothing"
    );
    let mut checked = 0;
    for (i, entry) in catalog.errors.iter().enumerate() {
        let code = entry.code.as_u32().unwrap();
        let other = 90000 + code % 10000;
        let mutations: [Mutation<'_>; 6] = [
            (
                "change the code",
                Box::new(move |r| {
                    r.rows[i].1 =
                        r.rows[i]
                            .1
                            .replacen(&format!("{code} |"), &format!("{other} |"), 1)
                }),
                Expected {
                    added: vec![other],
                    removed: vec![code],
                    ..Expected::default()
                },
            ),
            (
                "reword the description",
                Box::new(move |r| r.rows[i].1 = reword(&r.rows[i].1, &entry.description)),
                Expected {
                    changed: vec![(code, "description")],
                    ..Expected::default()
                },
            ),
            (
                "reword the solution",
                Box::new(move |r| r.rows[i].1 = reword(&r.rows[i].1, &entry.solution)),
                Expected {
                    changed: vec![(code, "solution")],
                    ..Expected::default()
                },
            ),
            (
                "delete the row",
                Box::new(move |r| {
                    r.rows.remove(i);
                }),
                Expected {
                    removed: vec![code],
                    ..Expected::default()
                },
            ),
            (
                "add a row after it",
                Box::new(move |r| {
                    r.rows.insert(
                        i + 1,
                        (
                            other,
                            format!("{other} |\nA new error. |\nDo something new. |\n"),
                        ),
                    )
                }),
                Expected {
                    added: vec![other],
                    ..Expected::default()
                },
            ),
            (
                "swap with the next row",
                Box::new(move |r| {
                    let j = (i + 1) % r.rows.len();
                    r.rows.swap(i, j);
                }),
                Expected::default(),
            ),
        ];
        for (what, mutate, expected) in mutations {
            let mut rows = base.clone();
            mutate(&mut rows);
            check_mutation(&format!("row {code}: {what}"), rows.text(), expected);
            checked += 1;
        }
    }
    assert_eq!(checked, 6 * catalog.errors.len());
}
