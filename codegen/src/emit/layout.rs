//! Lays out a generated module whose size grows with the article, in memory
//! that does not.
//!
//! prettyplease formats a whole `syn::File`, and a syn tree plus its tokens
//! costs tens of kilobytes per code: an article of 100k codes would need
//! gigabytes. But the parts that grow with the article are enum variants and
//! match arms, and prettyplease puts each of those on lines of its own, laid
//! out by its own content and its indentation alone. So the emitter leaves a
//! one-line marker where such a run goes; the skeleton is formatted whole,
//! and each run is formatted a chunk at a time in a wrapper that nests it at
//! the marker's depth, then spliced in. The result is the text prettyplease
//! gives for the whole file (a test holds the two to the same output).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::error::{Error, Result};

/// Pieces formatted together: enough to spread prettyplease's fixed cost,
/// few enough that their tree stays small.
const CHUNK: usize = 256;

/// Where a run of pieces sits, which says how to nest it to format it.
#[derive(Clone, Copy)]
enum Place {
    /// Variants of a top-level enum.
    Variants,
    /// Arms of a `match`.
    Arms,
}

/// The `index`th piece of a run, made when it is laid out: a run's tokens
/// are never all held at once either.
type Piece<'a> = Box<dyn Fn(usize) -> TokenStream + 'a>;

/// The runs of repeated pieces of one generated file.
pub(crate) struct Layout<'a> {
    /// Whether runs are left out of the file and formatted apart; `false`
    /// puts them in place, for the test that both give the same text.
    apart: bool,
    runs: Vec<(Place, usize, Piece<'a>)>,
}

const MARKER: &str = "__layout_run_";

impl<'a> Layout<'a> {
    pub(crate) fn new(apart: bool) -> Layout<'a> {
        Layout {
            apart,
            runs: Vec::new(),
        }
    }

    /// The tokens for `count` enum variants (each with its attributes and
    /// comma), `piece(i)` the `i`th.
    pub(crate) fn variants(
        &mut self,
        count: usize,
        piece: impl Fn(usize) -> TokenStream + 'a,
    ) -> TokenStream {
        self.run(Place::Variants, count, Box::new(piece), |marker| {
            quote! { #marker, }
        })
    }

    /// The tokens for `count` match arms (each with its comma).
    pub(crate) fn arms(
        &mut self,
        count: usize,
        piece: impl Fn(usize) -> TokenStream + 'a,
    ) -> TokenStream {
        self.run(Place::Arms, count, Box::new(piece), |marker| {
            quote! { #marker => {} }
        })
    }

    fn run(
        &mut self,
        place: Place,
        count: usize,
        piece: Piece<'a>,
        marker: impl Fn(proc_macro2::Ident) -> TokenStream,
    ) -> TokenStream {
        if !self.apart || count == 0 {
            let pieces = (0..count).map(piece);
            return quote! { #( #pieces )* };
        }
        let tokens = marker(format_ident!("{MARKER}{}", self.runs.len()));
        self.runs.push((place, count, piece));
        tokens
    }

    /// The file's text after `header`: the skeleton formatted, each marker
    /// line replaced by its run, a chunk of pieces at a time.
    pub(crate) fn unparse(self, header: String, file: TokenStream) -> Result<String> {
        let skeleton = format(file)?;
        let mut runs: Vec<Option<(Place, usize, Piece<'a>)>> =
            self.runs.into_iter().map(Some).collect();
        let mut out = header;
        for line in skeleton.split_inclusive('\n') {
            let body = line.trim_start();
            let index = body
                .strip_prefix(MARKER)
                .map(|rest| rest.trim_end_matches(|c: char| !c.is_ascii_digit()))
                .and_then(|n| n.parse::<usize>().ok());
            match index.and_then(|i| runs.get_mut(i)).and_then(Option::take) {
                Some((place, count, piece)) => {
                    let depth = (line.len() - body.len()) / 4;
                    for start in (0..count).step_by(CHUNK) {
                        let chunk: Vec<TokenStream> =
                            (start..count.min(start + CHUNK)).map(&piece).collect();
                        out.push_str(&format_run(place, depth, &chunk)?);
                    }
                }
                None => out.push_str(line),
            }
        }
        Ok(out)
    }
}

fn format(file: TokenStream) -> Result<String> {
    let file: syn::File =
        syn::parse2(file).map_err(|e| Error::new(format!("generated Rust does not parse: {e}")))?;
    Ok(prettyplease::unparse(&file))
}

/// The lines of `pieces` as prettyplease lays them out `depth` levels deep.
fn format_run(place: Place, depth: usize, pieces: &[TokenStream]) -> Result<String> {
    // The wrapper's innermost braces open one level above the pieces.
    let (mut wrapper, opens_at, opening) = match place {
        Place::Variants => (quote! { enum W { #( #pieces )* } }, 1, "enum W {\n"),
        Place::Arms => (
            quote! { fn w() { match x { #( #pieces )* } } },
            2,
            "match x {\n",
        ),
    };
    let lost = || Error::new("generated Rust: a run of variants or arms lost its place");
    if depth < opens_at {
        return Err(lost());
    }
    for _ in opens_at..depth {
        wrapper = quote! { mod w { #wrapper } };
    }
    let text = format(wrapper)?;
    let outer = " ".repeat((depth - 1) * 4);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The pieces are the lines between the innermost opening line and the
    // first line after it that closes at its depth.
    let open = lines
        .iter()
        .position(|l| l.strip_prefix(&outer) == Some(opening))
        .ok_or_else(lost)?;
    let close = lines[open + 1..]
        .iter()
        .position(|l| l.strip_prefix(&outer) == Some("}\n"))
        .map(|i| open + 1 + i)
        .ok_or_else(lost)?;
    Ok(lines[open + 1..close].concat())
}
