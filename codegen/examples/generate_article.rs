//! `cargo run --release -p codegen --example generate_article -- ROWS FORM`:
//! prints a generated article (FORM: html, markdown, text or tsv), for
//! `benches/compare.sh` and for trying the readers at any size.

#[path = "../benches/support/article.rs"]
mod article;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate_article ROWS html|markdown|text|tsv";
    let (Some(rows), Some(form)) = (
        args.first().and_then(|r| r.parse().ok()),
        args.get(1).and_then(|f| article::Form::parse(f)),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    print!("{}", article::article(rows, form));
}
