//! Characters the game window cannot draw: a warning, located at the character, for each one in
//! a scenario's strings or Markdown texts that none of the window's fonts has.
//!
//! What the fonts cover is known without loading them: `tools/subset_fonts.py` writes the table
//! ([`COVERED`], in `glyphs/coverage.rs`) when it makes the bundled font subsets, and the window's
//! test `tests/fonts.rs` checks that egui draws exactly the characters the table lists. The window
//! shows ◻ in place of a character outside it.
//!
//! Every string literal of a RON file is scanned (escapes such as `\u{F40}` decoded), comments
//! are not; a Markdown text is scanned whole, except its HTML comments. One warning per distinct
//! character and file, at its first use, with how often it occurs.

mod coverage;

use std::collections::BTreeMap;
use std::path::Path;

pub use coverage::COVERED;

use super::locate::location_of;
use super::problem::{Problem, Severity};
use super::read::SourceText;

/// Whether the window's fonts draw `c`. A line break counts as drawn: it breaks the line.
pub fn drawable(c: char) -> bool {
    if c == '\n' {
        return true;
    }
    let cp = u32::from(c);
    let i = COVERED.partition_point(|&(_, last)| last < cp);
    COVERED.get(i).is_some_and(|&(first, _)| first <= cp)
}

/// Warnings for the characters of a RON file's strings that no font draws.
pub fn check_ron(src: &SourceText) -> Vec<Problem> {
    let mut missing = Missing::default();
    scan_ron(&src.text, &mut |start, end, c| missing.note(start, end, c));
    missing.problems(&src.path, &src.text, |offset| {
        src.index().path_at(offset).unwrap_or_default().to_owned()
    })
}

/// Warnings for the characters of a Markdown text (a briefing, a teacher's note) that no font
/// draws; `path` names the file in the warnings.
pub fn check_markdown(path: &Path, text: &str) -> Vec<Problem> {
    let mut missing = Missing::default();
    let mut rest = 0;
    while rest < text.len() {
        let (shown, next) = match text[rest..].find("<!--") {
            Some(i) => {
                let open = rest + i;
                let close = text[open..]
                    .find("-->")
                    .map_or(text.len(), |j| open + j + "-->".len());
                (rest..open, close)
            }
            None => (rest..text.len(), text.len()),
        };
        for (i, c) in text[shown.clone()].char_indices() {
            let start = shown.start + i;
            missing.note(start, start + c.len_utf8(), c);
        }
        rest = next;
    }
    missing.problems(path, text, |_| String::new())
}

/// The characters no font draws, in order of first use: first span, how many times.
#[derive(Default)]
struct Missing {
    found: BTreeMap<char, (usize, usize, usize)>,
}

impl Missing {
    fn note(&mut self, start: usize, end: usize, c: char) {
        if drawable(c) {
            return;
        }
        self.found
            .entry(c)
            .and_modify(|(_, _, count)| *count += 1)
            .or_insert((start, end, 1));
    }

    fn problems(self, file: &Path, text: &str, field: impl Fn(usize) -> String) -> Vec<Problem> {
        let mut list: Vec<(char, (usize, usize, usize))> = self.found.into_iter().collect();
        list.sort_by_key(|(_, (start, _, _))| *start);
        list.into_iter()
            .map(|(c, (start, end, count))| {
                let (location, line) = location_of(text, start, end);
                Problem {
                    severity: Severity::Warning,
                    file: file.to_path_buf(),
                    path: field(start),
                    location: Some(location),
                    message: message(c, count),
                    help: Some(help(c).to_owned()),
                    source_line: Some(line),
                }
            })
            .collect()
    }
}

fn message(c: char, count: usize) -> String {
    let shown = if c.is_control() || c.is_whitespace() {
        String::new()
    } else {
        format!(" `{c}`")
    };
    let times = if count > 1 {
        format!(" ({count} times in this file)")
    } else {
        String::new()
    };
    format!(
        "character U+{:04X}{shown} is in none of the game's fonts: the window shows ◻ in its \
         place{times}",
        u32::from(c)
    )
}

fn help(c: char) -> &'static str {
    let cp = u32::from(c);
    let right_to_left = (0x0590..=0x08FF).contains(&cp)
        || (0xFB1D..=0xFDFF).contains(&cp)
        || (0xFE70..=0xFEFF).contains(&cp);
    if right_to_left {
        "right-to-left scripts such as Arabic and Hebrew are not supported (the window lays runs \
         of text out left to right, so a name of several words would show them in reverse \
         order): write the text in Latin letters"
    } else {
        "the bundled fonts cover Latin, Greek, Cyrillic, Devanagari, Hangul and the common \
         Chinese and Japanese characters: spell it otherwise, or add the character to \
         tools/subset_fonts.py and run it (assets/fonts/README.md)"
    }
}

/// Calls `found(start, end, char)` for every character inside the string and character literals
/// of a RON text: the byte span it takes in the text (an escape's whole span) and the character
/// it stands for. Comments are skipped; malformed text is scanned as far as it goes.
fn scan_ron(text: &str, found: &mut dyn FnMut(usize, usize, char)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(text.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(text, i),
            b'"' => i = scan_quoted(text, i + 1, b'"', found),
            b'\'' => i = scan_quoted(text, i + 1, b'\'', found),
            b'r' if starts_token(bytes, i) && raw_string_start(bytes, i + 1).is_some() => {
                i = scan_raw(text, i + 1, found);
            }
            b'b' if starts_token(bytes, i) && matches!(bytes.get(i + 1), Some(b'"' | b'\'')) => {
                // A byte string holds bytes, not text to show.
                let quote = bytes[i + 1];
                i = scan_quoted(text, i + 2, quote, &mut |_, _, _| {});
            }
            _ => i += 1,
        }
    }
}

/// Whether byte `i` begins a token (an `r` or `b` prefix, not the inside of an identifier).
fn starts_token(bytes: &[u8], i: usize) -> bool {
    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
}

/// For a raw string whose hashes start at `i`: how many hashes there are before its quote.
fn raw_string_start(bytes: &[u8], i: usize) -> Option<usize> {
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(i + hashes) == Some(&b'"')).then_some(hashes)
}

/// Skips a (nested) block comment starting at `i`; returns the offset after it.
fn skip_block_comment(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    text.len()
}

/// Scans a quoted literal whose content starts at `i` up to its closing `quote`; returns the
/// offset after it.
fn scan_quoted(
    text: &str,
    mut i: usize,
    quote: u8,
    found: &mut dyn FnMut(usize, usize, char),
) -> usize {
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        if c == char::from(quote) {
            return i + 1;
        }
        if c == '\\' {
            let (decoded, end) = escape(text, i);
            if let Some(decoded) = decoded {
                found(i, end, decoded);
            }
            i = end;
            continue;
        }
        found(i, i + c.len_utf8(), c);
        i += c.len_utf8();
    }
    text.len()
}

/// Scans a raw string whose hashes start at `i`; returns the offset after it.
fn scan_raw(text: &str, i: usize, found: &mut dyn FnMut(usize, usize, char)) -> usize {
    let Some(hashes) = raw_string_start(text.as_bytes(), i) else {
        return i;
    };
    let start = i + hashes + 1;
    let close = format!("\"{}", "#".repeat(hashes));
    let end = text[start..].find(&close).map_or(text.len(), |n| start + n);
    for (k, c) in text[start..end].char_indices() {
        found(start + k, start + k + c.len_utf8(), c);
    }
    (end + close.len()).min(text.len())
}

/// The character an escape starting at `i` (on its backslash) stands for, and the offset after
/// it: `\u{…}`, `\uXXXX`, `\xXX` and the one-letter escapes.
fn escape(text: &str, i: usize) -> (Option<char>, usize) {
    let rest = &text[i + 1..];
    let hex = |digits: &str| {
        u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
    };
    if let Some(braced) = rest.strip_prefix("u{") {
        if let Some(close) = braced.find('}').filter(|&n| n <= 8) {
            return (hex(&braced[..close]), i + 3 + close + 1);
        }
    } else if let Some(digits) = rest.strip_prefix('u').and_then(|r| r.get(..4)) {
        return (hex(digits), i + 6);
    } else if let Some(digits) = rest.strip_prefix('x').and_then(|r| r.get(..2)) {
        return (hex(digits), i + 4);
    }
    // `\n`, `\"`, `\\` and the like stand for ASCII; skip the escaped character.
    let next = rest.chars().next().map_or(0, char::len_utf8);
    (None, i + 1 + next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn ron(text: &str) -> Vec<Problem> {
        check_ron(&SourceText::new(
            PathBuf::from("s/regions.ron"),
            text.to_owned(),
        ))
    }

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        assert!(COVERED.iter().all(|(a, b)| a <= b));
        assert!(COVERED.windows(2).all(|w| w[0].1 + 1 < w[1].0));
    }

    #[test]
    fn covered_scripts_draw_and_others_do_not() {
        for text in [
            "Gull Island, Île-d'Oléron, Łódź, Việt Nam",
            "Южно-Курильск, Київ, Ґанок",
            "Αθήνα",
            "北方領土, 択捉島, 北京, 上海, 서울, 부산",
            "मुंबई, नई दिल्ली",
            "→ ✓ ≥ ≤ ⏎",
        ] {
            for c in text.chars() {
                assert!(drawable(c), "{c:?} (U+{:04X}) of {text:?}", u32::from(c));
            }
        }
        for c in ['ཀ', 'ሀ', 'ا', 'ש', 'ក'] {
            assert!(!drawable(c), "{c:?}");
        }
    }

    #[test]
    fn a_missing_character_is_located_named_and_counted() {
        let text = "[\n  // ཀ in a comment is not shown\n  (id: \"lhasa\", names: {\"en\": \"Lhasa\", \"bo\": \"ལྷ་སཀ\"}, note: \"ཀ\"),\n]\n";
        let problems = ron(text);
        let ka = problems
            .iter()
            .find(|p| p.message.contains("U+0F40"))
            .expect("ཀ is reported");
        assert_eq!(ka.severity, Severity::Warning);
        let location = ka.location.expect("located");
        assert_eq!((location.line, location.col), (3, 51));
        assert_eq!(ka.path, "[0].names.bo");
        assert!(ka.message.contains("`ཀ`") && ka.message.contains("2 times"));
        assert!(
            ka.to_string()
                .starts_with("s/regions.ron:3:51: warning: character U+0F40")
        );
        // One warning per distinct character: ལ ྷ ་ ས ཀ.
        assert_eq!(problems.len(), 5);
    }

    #[test]
    fn covered_text_comments_and_escapes() {
        assert!(
            ron("[(names: {\"en\": \"Kunashir\", \"ja\": \"国後島\", \"ru\": \"Кунашир\", \"hi\": \"मुंबई\"})]")
                .is_empty()
        );
        assert!(ron("// ሀ\n/* ሀ /* ሀ */ ሀ */ [r#\"ok \"# ሀ\"#]").is_empty());
        let escaped = ron("[\"a\\u{1200}b\", \"\\\"\\\\\", r#\"ሀ\"#]");
        assert_eq!(escaped.len(), 1);
        let location = escaped[0].location.expect("located");
        assert_eq!((location.col, location.len), (4, 8));
        assert!(escaped[0].message.contains("U+1200") && escaped[0].message.contains("2 times"));
    }

    #[test]
    fn markdown_is_scanned_outside_its_comments() {
        let text = "# Briefing\n\nआप मंत्री हैं।\n<!-- ሀ -->\nThe ሀ river.\n";
        let problems = check_markdown(Path::new("s/briefings/a.md"), text);
        assert_eq!(problems.len(), 1);
        let location = problems[0].location.expect("located");
        assert_eq!((location.line, location.col), (5, 5));
        assert!(problems[0].message.contains("U+1200"));
    }

    #[test]
    fn malformed_text_never_panics() {
        for text in [
            "\"ሀ",
            "r#\"ሀ",
            "'\\u{",
            "\"\\u{110000}\"",
            "\"\\x\"",
            "/* ሀ",
            "b\"ሀ",
        ] {
            let _ = ron(text);
        }
        assert_eq!(ron("\"ሀ").len(), 1);
        assert!(ron("b\"ሀ\"").is_empty());
    }
}
