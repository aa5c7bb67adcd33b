//! The JSON fixture: the model, pretty-printed, for tests and other languages.
//!
//! A large model's entries are printed on both cores: each chunk of entries
//! is printed by serde_json's own pretty printer, primed to the entries'
//! depth, so the bytes are those of one `to_writer_pretty` pass (a test holds
//! the two to the same output at every chunk and window boundary). Escaping
//! the entries' text is most of printing a large model.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use crate::model::{Catalog, ErrorEntry};

pub fn emit(catalog: &Catalog) -> String {
    let mut bytes = Vec::new();
    write(catalog, &mut bytes).expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Models of fewer entries are printed in one pass on the calling thread.
const APART_FROM: usize = 2048;

/// Entries a thread prints at a time.
const CHUNK: usize = 256;

/// Entries printed into memory before they are written out, so printing a
/// large model holds a bounded part of its text, not all of it.
const WINDOW: usize = 16 * CHUNK;

/// [`emit`] straight into a writer, so printing a large model does not hold
/// a second copy of it as text.
pub fn write(catalog: &Catalog, out: impl Write) -> io::Result<()> {
    write_in_chunks(catalog, out, APART_FROM, CHUNK, WINDOW)
}

fn write_in_chunks(
    catalog: &Catalog,
    mut out: impl Write,
    apart_from: usize,
    chunk: usize,
    window: usize,
) -> io::Result<()> {
    let entries = &catalog.errors;
    let chunk = chunk.max(1);
    // The model without its entries: everything up to the entries' `[`,
    // then `[]` and what follows the list (`errors` is the last field).
    let head = (entries.len() >= apart_from.max(1))
        .then(|| {
            serde_json::to_vec_pretty(&Catalog {
                schema_version: catalog.schema_version,
                source: catalog.source.clone(),
                errors: Vec::new(),
            })
        })
        .transpose()?;
    let Some((head, tail)) = head.as_deref().and_then(|h| split_at_empty_list(h)) else {
        serde_json::to_writer_pretty(&mut out, catalog)?;
        return out.write_all(b"\n");
    };
    out.write_all(head)?;
    // The printer as it stands inside the list, before its first entry.
    let mut in_list = PrettyFormatter::new();
    in_list.begin_object(&mut io::sink())?;
    in_list.begin_array(&mut out)?;
    let starts: Vec<usize> = (0..entries.len()).step_by(chunk).collect();
    for window_starts in starts.chunks((window / chunk).max(1)) {
        let printed = crate::parallel::map_in_order(window_starts, 1, |&start| {
            let end = (start + chunk).min(entries.len());
            print_entries(&in_list, start, &entries[start..end])
        });
        for bytes in printed {
            out.write_all(&bytes?)?;
        }
    }
    in_list.end_array_value(&mut out)?;
    in_list.end_array(&mut out)?;
    out.write_all(tail)?;
    out.write_all(b"\n")
}

/// `head` split around its entries' empty list `[]`, the last one in it.
fn split_at_empty_list(head: &[u8]) -> Option<(&[u8], &[u8])> {
    let tail = b"\n}";
    let head = head.strip_suffix(tail)?.strip_suffix(b"[]")?;
    Some((head, tail))
}

/// The entries from `first` (their index in the model) as one pass prints
/// them in the list: each after a `,` (but the model's first) and a new line.
fn print_entries(
    in_list: &PrettyFormatter<'static>,
    first: usize,
    entries: &[ErrorEntry],
) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(entries.iter().map(printed_size_hint).sum());
    for (index, entry) in (first..).zip(entries) {
        let mut printer = in_list.clone();
        printer.begin_array_value(&mut bytes, index == 0)?;
        entry.serialize(&mut Serializer::with_formatter(&mut bytes, printer))?;
    }
    Ok(bytes)
}

/// About how many bytes an entry prints as: its long texts and room for the
/// rest. It only sizes a chunk's buffer, which otherwise grows by doubling,
/// copying itself a dozen times over.
fn printed_size_hint(entry: &ErrorEntry) -> usize {
    200 + entry.description.len() + entry.solution.len() + entry.cause.len()
}

/// Reads a fixture back; it is also the crate's memory of earlier codes.
pub fn parse(file: &str, text: &str) -> crate::error::Result<Catalog> {
    let catalog: Catalog = serde_json::from_str(text).map_err(|e| {
        crate::error::Error::new(format!("not a valid fixture: {e}"))
            .at_line(Some(e.line()))
            .in_file(file)
    })?;
    catalog.validate().map_err(|e| e.in_file(file))?;
    Ok(catalog)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_pass(catalog: &Catalog) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(catalog).unwrap();
        bytes.push(b'\n');
        bytes
    }

    fn in_chunks(catalog: &Catalog, chunk: usize, window: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        write_in_chunks(catalog, &mut bytes, 1, chunk, window).unwrap();
        bytes
    }

    /// A model of `rows` entries whose text needs escaping, with sub-codes,
    /// causes, sections and extra fields on some of them, and some removed.
    fn catalog(rows: usize) -> Catalog {
        let article = crate::bench_article::article(rows, crate::bench_article::Form::Html);
        let annotations = crate::annotations::parse("a.toml", "").unwrap();
        let mut catalog = crate::model_with(
            "a.html",
            article.as_bytes(),
            None,
            &annotations,
            None,
            &mut Vec::new(),
        )
        .unwrap();
        for (index, entry) in catalog.errors.iter_mut().enumerate().skip(1).step_by(3) {
            entry.subcode = Some(crate::model::Code::Numeric(index as i64));
            entry.cause = format!("cause \"{index}\"\t\u{202e}");
            entry.section = Some("Section \\ one".into());
            entry.extra.insert("Notes".into(), "a\nb".into());
        }
        for entry in catalog.errors.iter_mut().skip(2).step_by(5) {
            entry.status = crate::model::Status::Removed {
                since: Some("1.2.0".into()),
            };
        }
        catalog
    }

    #[test]
    fn chunks_print_the_bytes_of_one_pass() {
        for rows in [1, 2, 7, 40] {
            let catalog = catalog(rows);
            let expected = one_pass(&catalog);
            for chunk in [1, 2, 3, 5, 40] {
                for window in [1, 4, 6, 1000] {
                    assert!(
                        in_chunks(&catalog, chunk, window) == expected,
                        "{rows} rows, chunks of {chunk}, windows of {window}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_large_model_prints_as_one_pass_does() {
        let catalog = catalog(APART_FROM + CHUNK + 3);
        let mut bytes = Vec::new();
        write(&catalog, &mut bytes).unwrap();
        assert!(bytes == one_pass(&catalog));
    }

    #[test]
    fn the_entries_list_is_found_in_the_head() {
        assert_eq!(
            split_at_empty_list(b"{\n  \"errors\": []\n}"),
            Some((&b"{\n  \"errors\": "[..], &b"\n}"[..]))
        );
        assert_eq!(
            split_at_empty_list(b"{\n  \"errors\": [],\n  \"x\": 1\n}"),
            None
        );
    }
}
