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

/// For terminals and error messages: hidden characters as escapes
/// (`\u{1b}`), and the invisible ones that make a bad value look right
/// (`code "40003\u{200b}" is not a decimal number`: a zero-width space, a
/// word joiner, a BOM, a soft hyphen); everything else as is.
pub fn for_terminal(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}');
    let mut out = String::new();
    for c in text.chars() {
        if is_hidden(c) || invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The hidden characters in `text`, named once each, for a warning.
pub fn hidden_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for name in text.chars().filter(|&c| is_hidden(c)).map(code_point) {
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
        assert_eq!(for_terminal("x\u{1b}[31m\u{9b}y"), "x\\u{1b}[31m\\u{9b}y");
        assert_eq!(
            for_terminal("40003\u{200b} 400\u{ad}02"),
            "40003\\u{200b} 400\\u{ad}02"
        );
        assert_eq!(hidden_in("\u{2066}a\u{2066}\u{7f}"), ["U+2066", "U+007F"]);
        assert!(!is_hidden('é') && !is_hidden('\n') && is_hidden('\u{200f}'));
        let plain = "\u{2019}\u{201c}\u{2192} \u{e9}\t\n".repeat(200);
        assert!(hidden_in(&plain).is_empty());
    }
}
