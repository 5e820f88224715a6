//! What reaches the terminal: text that came from files (scenario names, orders, saves) is shown
//! with its control characters escaped, so a file cannot move the cursor, clear the screen or ring
//! the bell of the person reading the output.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// `text` with every control character but newline and tab written as `\u{..}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as shown to people, escaped.
pub fn shown(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

fn is_hostile(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_text_is_kept() {
        assert_eq!(escape("plain text\n\tindented"), "plain text\n\tindented");
        assert_eq!(escape("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escape("Japón 日本"), "Japón 日本");
    }
}
