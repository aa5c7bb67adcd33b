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
/// ask [`is_hidden`] is most of the cost.
fn may_hide(text: &str) -> bool {
    /// Bytes that can start a hidden character.
    const STARTS: [bool; 256] = {
        let mut starts = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            starts[b] = b != b'\n' as usize && b != b'\t' as usize;
            b += 1;
        }
        starts[0x7f] = true;
        starts[0xc2] = true;
        starts[0xd8] = true;
        starts[0xe2] = true;
        starts
    };
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        STARTS[b as usize]
            && match b {
                // U+0080..U+009F (C1 controls)
                0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
                // U+061C
                0xd8 => bytes.get(i + 1) == Some(&0x9c),
                // U+200E, U+200F, U+202A..U+202E, U+2066..U+2069
                0xe2 => matches!(
                    (bytes.get(i + 1), bytes.get(i + 2)),
                    (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                ),
                _ => true,
            }
    })
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
        // The byte test agrees with the character test on every character.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(may_hide(c.encode_utf8(&mut [0; 4])), is_hidden(c), "{c:?}");
        }
    }
}
