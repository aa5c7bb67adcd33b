//! Articles of any size, for the benchmarks: the same rows in every form the
//! readers take, with long hostile cells (quotes, markup, emoji, pipes where
//! the form allows them, 1-2 kB each) and unique codes. Generated, never
//! committed at size. Shared by `benches/readers.rs` and the
//! `generate_article` example that `benches/compare.sh` runs.

use std::fmt::Write;

/// The forms an article is copied or saved in.
#[derive(Clone, Copy, Debug)]
pub enum Form {
    Html,
    Markdown,
    Pipe,
    Tsv,
}

impl Form {
    pub const ALL: [Form; 4] = [Form::Html, Form::Markdown, Form::Pipe, Form::Tsv];

    pub fn name(self) -> &'static str {
        match self {
            Form::Html => "html",
            Form::Markdown => "markdown",
            Form::Pipe => "text",
            Form::Tsv => "tsv",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Form::Html => "html",
            Form::Markdown => "md",
            Form::Pipe => "txt",
            Form::Tsv => "tsv",
        }
    }

    pub fn parse(name: &str) -> Option<Form> {
        Form::ALL
            .into_iter()
            .find(|f| f.name() == name || f.extension() == name)
    }
}

const WORDS: &[&str] = &[
    "the",
    "request",
    "\"quoted\"",
    "token’s",
    "scope",
    "🚀",
    "retry",
    "<later>",
    "a&b",
    "window",
    "“curly”",
    "limit",
    "🙂",
    "`code`",
    "*stars*",
    "field",
    "[brackets]",
    "server",
    "O'Brien",
    "50%",
    "→",
    "attachment",
    "#hash",
    "payload",
];

/// `n` words from a fixed cycle that differs per row, ending with a period.
fn sentence(row: usize, salt: usize, n: usize) -> String {
    let mut out = String::new();
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[(row * 7 + salt * 13 + k * 5) % WORDS.len()]);
    }
    out.push('.');
    out
}

/// One row's cells as plain text: a short description and a solution in
/// three paragraphs, with every fiftieth row's cells 1-2 kB long. At 10k rows
/// the HTML is about 3 MB and the markdown 2.2 MB, the sizes issue 10's goals
/// were measured on (2.9 and 2.4 MB).
fn cells(row: usize, pipes: bool) -> (String, String, [String; 3]) {
    let code = (100_000 + row).to_string();
    let long = row.is_multiple_of(50);
    let mut description = String::new();
    for salt in 0..if long { 10 } else { 1 } {
        description.push_str(&sentence(row, salt, if long { 12 } else { 6 }));
        description.push(' ');
    }
    if pipes {
        description.push_str("A | B ");
    }
    let paragraphs = [0, 1, 2].map(|p| {
        let mut text = String::new();
        for salt in 0..if long { 4 } else { 1 } {
            text.push_str(&sentence(
                row,
                20 + p * 6 + salt,
                if p == 0 { 8 } else { 4 },
            ));
            text.push(' ');
        }
        text.trim_end().to_owned()
    });
    (code, description.trim_end().to_owned(), paragraphs)
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An article of `rows` rows in `form`.
pub fn article(rows: usize, form: Form) -> String {
    let mut out = String::new();
    match form {
        Form::Html => {
            out.push_str("<!DOCTYPE html><html><head><title>Errors</title><script>var t = '<table>';</script></head><body><nav><a href=\"/\">Home</a></nav><h1>Error codes</h1>\n<table><thead><tr><th>Error code</th><th>Description</th><th>Possible cause and suggested solution</th></tr></thead><tbody>\n");
            for row in 0..rows {
                let (code, description, [a, b, c]) = cells(row, true);
                let _ = writeln!(
                    out,
                    "<tr><td><strong>{code}</strong></td><td><p>{}</p></td><td><p>{}</p><ul><li>{}</li><li><em>{}</em></li></ul></td></tr>",
                    html_escape(&description),
                    html_escape(&a),
                    html_escape(&b),
                    html_escape(&c)
                );
            }
            out.push_str("</tbody></table><footer>Was this helpful?</footer></body></html>\n");
        }
        Form::Markdown => {
            out.push_str("# Error codes\n\nWhat each code means.\n\n| Error code | Description | Possible cause and suggested solution |\n|---|---|---|\n");
            for row in 0..rows {
                let (code, description, [a, b, c]) = cells(row, true);
                let md = |t: &str| t.replace('|', "\\|").replace('<', "&lt;");
                let _ = writeln!(
                    out,
                    "| `{code}` | {} | {}<br>- {}<br>- {} |",
                    md(&description),
                    md(&a),
                    md(&b),
                    md(&c)
                );
            }
            out.push_str("\nWas this helpful?\n");
        }
        Form::Pipe => {
            out.push_str("Error codes\nWhat each code means.\nError code |\nDescription |\nPossible cause and suggested solution |\n");
            for row in 0..rows {
                let (code, description, [a, b, c]) = cells(row, false);
                let _ = write!(out, "{code} |\n{description}\n|\n{a}\n{b}\n{c}\n|\n");
            }
            out.push_str("Was this helpful?\n");
        }
        Form::Tsv => {
            out.push_str("Error code\tDescription\tPossible cause and suggested solution\n");
            for row in 0..rows {
                let (code, description, [a, b, c]) = cells(row, true);
                let _ = writeln!(out, "{code}\t{description}\t{a}\n{b}\n{c}");
            }
        }
    }
    out
}
