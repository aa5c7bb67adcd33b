//! `cargo run --release -p codegen --example floor -- FILE`: the bare parse
//! of an `.html` or `.md` file that `benches/compare.sh` times beside
//! `cargo xtask parse` (benches/support/floor.rs). Prints what it read.

#[path = "../benches/support/floor.rs"]
mod floor;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: floor FILE.html|FILE.md");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let count = if path.ends_with(".md") {
        floor::markdown(&text)
    } else {
        floor::html(&text)
    };
    println!("{count:?}");
}
