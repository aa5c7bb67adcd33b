//! Characters that change how text reads without being seen: bidi controls
//! (the Trojan Source trick, CVE-2021-42574) and C0/C1 control characters.
//! rustc refuses bidi controls in doc comments, a terminal obeys escape
//! sequences, and a reviewer sees neither, so generated docs, the markdown
//! table and terminal output show them as `U+202E` instead, and regen warns.

/// Bidi embedding, override and isolate controls (the ones rustc denies),
/// plus the marks that reorder text just as invisibly.
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// A character that must never reach a reader raw. Line breaks and tabs are
/// layout and are handled where text is laid out.
pub fn is_hidden(c: char) -> bool {
    is_bidi(c) || (c.is_control() && c != '\n' && c != '\t')
}

/// `U+202E`, the visible name of a hidden character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// `text` with every hidden character replaced by its `U+XXXX` form, in the
/// brackets `open` and `close` (so an emitter can escape them as it must).
pub fn visible(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(open);
            out.push_str(&code_point(c));
            out.push_str(close);
        } else {
            out.push(c);
        }
    }
    out
}

/// For terminals and error messages: hidden characters and line breaks as
/// escapes (`\u{1b}`, `\n`), everything else as is.
pub fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` can hold a hidden character, from its UTF-8 bytes alone:
/// every cell of every article passes here, and decoding each character to
/// ask [`is_hidden`] is most of the cost. Each byte is tested with the two
/// after it, without branches, so the compiler tests many at once.
fn may_hide(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Positions with two bytes after them, in blocks, so a hidden character
    // early in a long text ends the search.
    let body = bytes.len().saturating_sub(2);
    let mut start = 0;
    while start < body {
        let end = (start + 256).min(body);
        let found = bytes[start..end]
            .iter()
            .zip(&bytes[start + 1..end + 1])
            .zip(&bytes[start + 2..end + 2])
            .fold(false, |found, ((&b, &n), &a)| {
                found | starts_hidden(b, n, a)
            });
        if found {
            return true;
        }
        start = end;
    }
    // The last two bytes, with zeros for the bytes past the end.
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    (body..bytes.len()).any(|i| starts_hidden(bytes[i], at(i + 1), at(i + 2)))
}

/// Whether the bytes `b`, `n`, `a` start a hidden character: `&` and `|`,
/// not `&&` and `||`, so there is no branch to take.
fn starts_hidden(b: u8, n: u8, a: u8) -> bool {
    // C0 controls but line breaks and tabs, and DEL.
    let c0 = (b < 0x20) & (b != b'\n') & (b != b'\t') | (b == 0x7f);
    // U+0080..U+009F (C1 controls)
    let c1 = (b == 0xc2) & (0x80..=0x9f).contains(&n);
    // U+061C
    let arabic_mark = (b == 0xd8) & (n == 0x9c);
    // U+200E, U+200F, U+202A..U+202E, U+2066..U+2069
    let general = (b == 0xe2)
        & ((n == 0x80) & ((a == 0x8e) | (a == 0x8f) | (0xaa..=0xae).contains(&a))
            | (n == 0x81) & (0xa6..=0xa9).contains(&a));
    c0 | c1 | arabic_mark | general
}

/// The hidden characters in `text`, named once each, for a warning.
pub fn hidden_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    if !may_hide(text) {
        return found;
    }
    for c in text.chars().filter(|&c| is_hidden(c)) {
        let name = code_point(c);
        if !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_become_visible() {
        assert_eq!(
            visible("a\u{202e}b\u{1b}c\nd", "[", "]"),
            "a[U+202E]b[U+001B]c\nd"
        );
        assert_eq!(for_terminal("x\u{1b}[31m\u{9b}y"), "x\\u{1b}[31m\\u{9b}y");
        assert_eq!(hidden_in("\u{2066}a\u{2066}\u{7f}"), ["U+2066", "U+007F"]);
        assert!(!is_hidden('é') && !is_hidden('\n') && is_hidden('\u{200f}'));
        // The byte test agrees with the character test on every character,
        // alone and after text that puts it across a block's end.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(may_hide(c.encode_utf8(&mut [0; 4])), is_hidden(c), "{c:?}");
        }
        for c in ['\u{202e}', '\u{9b}', '\u{61c}', '\u{7f}', '\u{2069}'] {
            for before in 250..260 {
                for after in ["", "x", "xx", "yyy"] {
                    let text = format!("{}{c}{after}", "a".repeat(before));
                    assert!(may_hide(&text), "{c:?} after {before}");
                    assert_eq!(hidden_in(&text), [code_point(c)]);
                }
            }
        }
        let plain = "\u{2019}\u{201c}\u{2192} \u{e9}\t\n".repeat(200);
        assert!(!may_hide(&plain) && hidden_in(&plain).is_empty());
    }
}
