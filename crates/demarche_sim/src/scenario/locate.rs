//! Finds where a field path such as `[3].effects[0].sector` stands in a RON text.
//!
//! serde tells us *what* is wrong but RON values carry no positions once deserialized, so this
//! small, tolerant scanner walks the text once and records the byte span of every value under its
//! field path. It never fails: on malformed input it records what it could. Nesting deeper than
//! [`MAX_DEPTH`] is not descended into, so no input can exhaust the stack.

use super::problem::Location;

/// Deepest nesting the scanner descends into.
pub const MAX_DEPTH: usize = 96;

/// Field paths of a RON text with the byte span of each value.
#[derive(Debug, Default)]
pub struct PathIndex {
    /// `(path, start, end)` in the order the scanner finished each value.
    entries: Vec<(String, usize, usize)>,
    /// Each path's first span, for lookups in logarithmic time.
    by_path: std::collections::BTreeMap<String, (usize, usize)>,
    /// Entry indices sorted by start (then by path length), for `path_at`.
    by_start: Vec<usize>,
    /// The byte offset at which each line starts, for locations in logarithmic time.
    line_starts: Vec<usize>,
}

impl PathIndex {
    /// Scans `text`.
    pub fn build(text: &str) -> PathIndex {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            pos: 0,
            index: PathIndex::default(),
        };
        scanner.skip_attributes();
        scanner.value(String::new(), 0);
        let mut index = scanner.index;
        for (path, start, end) in &index.entries {
            index.by_path.entry(path.clone()).or_insert((*start, *end));
        }
        let mut by_start: Vec<usize> = (0..index.entries.len()).collect();
        by_start.sort_by_key(|&i| (index.entries[i].1, index.entries[i].0.len()));
        index.by_start = by_start;
        index.line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        index
    }

    /// [`location_of`] for the text this index was built from, without scanning the text
    /// before `start` (so locating many problems in a large file stays linear).
    pub fn location(&self, text: &str, start: usize, end: usize) -> (Location, String) {
        let start = floor_char_boundary(text, start.min(text.len()));
        let line = self.line_starts.partition_point(|&s| s <= start).max(1);
        let line_start = self.line_starts[line - 1];
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let col = text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(text, end.min(text.len()).max(start));
        let len = text[start..end]
            .split('\n')
            .next()
            .unwrap_or("")
            .chars()
            .count()
            .max(1);
        let line_text = text[line_start..line_end].trim_end_matches('\r').to_owned();
        (Location { line, col, len }, line_text)
    }

    /// Byte span of the value at `path`, or of its nearest recorded ancestor.
    pub fn span(&self, path: &str) -> Option<(usize, usize)> {
        let mut wanted = path;
        loop {
            if let Some(&span) = self.by_path.get(wanted) {
                return Some(span);
            }
            if wanted.is_empty() {
                return None;
            }
            wanted = parent_path(wanted);
        }
    }

    /// The deepest recorded path whose span contains byte `offset`: of the spans that contain
    /// it, the one that starts last (nested values start after their parents), the longer path
    /// on a tie. Walks back from the last span starting at or before `offset`.
    pub fn path_at(&self, offset: usize) -> Option<&str> {
        let after = self
            .by_start
            .partition_point(|&i| self.entries[i].1 <= offset);
        let mut best: Option<&(String, usize, usize)> = None;
        for &i in self.by_start[..after].iter().rev() {
            let entry = &self.entries[i];
            let (_, start, end) = *entry;
            if let Some((_, best_start, _)) = best
                && start < *best_start
            {
                break;
            }
            if offset < end.max(start + 1)
                && best.is_none_or(|(path, _, _)| entry.0.len() > path.len())
            {
                best = Some(entry);
            }
        }
        best.map(|(path, _, _)| path.as_str())
    }
}

/// The path one level up: `a[1].b` → `a[1]` → `a` → ``.
pub fn parent_path(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// 1-based line and column (in characters) of a byte offset, and the line's text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize, &str) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[line_start..offset].chars().count() + 1;
    (line, col, text[line_start..line_end].trim_end_matches('\r'))
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    let within = rest
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    offset + within
}

/// A [`Location`] for a byte span, with the source line.
pub fn location_of(text: &str, start: usize, end: usize) -> (Location, String) {
    let (line, col, line_text) = line_col(text, start);
    let end = floor_char_boundary(text, end.min(text.len()).max(start));
    let start = floor_char_boundary(text, start.min(text.len()));
    let first_line_of_span = text[start..end].split('\n').next().unwrap_or("");
    let len = first_line_of_span.chars().count().max(1);
    (Location { line, col, len }, line_text.to_owned())
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    index: PathIndex,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.bytes.len() {
                        if self.bytes[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                        } else if self.bytes[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_attributes(&mut self) {
        loop {
            self.skip_ws();
            if self.bytes[self.pos..].starts_with(b"#!") {
                while self.peek().is_some_and(|b| b != b']') {
                    self.pos += 1;
                }
                // Past the `]`, or at the end of an attribute that never closes.
                self.pos = (self.pos + 1).min(self.bytes.len());
            } else {
                return;
            }
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            None => return,
            Some(b'(') => self.parens(&path, depth),
            Some(b'[') => self.list(&path, depth),
            Some(b'{') => self.map(&path, depth),
            Some(b'"') => self.string(),
            Some(b'\'') => self.char_literal(),
            Some(b'r') if matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.raw_string()
            }
            Some(b'b') if self.bytes.get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.string();
            }
            Some(b) if is_ident_start(b) => {
                self.ident();
                let after_ident = self.pos;
                self.skip_ws();
                if self.peek() == Some(b'(') {
                    self.parens(&path, depth);
                } else {
                    self.pos = after_ident;
                }
            }
            Some(b) if b == b'-' || b == b'+' || b == b'.' || b.is_ascii_digit() => self.number(),
            Some(_) => self.pos += 1,
        }
        self.index.entries.push((path, start, self.pos));
    }

    fn parens(&mut self, path: &str, depth: usize) {
        self.pos += 1;
        if depth >= MAX_DEPTH {
            self.skip_to_close(b'(', b')');
            return;
        }
        let named = self.looks_like_named_field();
        let mut i = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(b')') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            if named {
                let name_start = self.pos;
                self.ident();
                let name = String::from_utf8_lossy(&self.bytes[name_start..self.pos]).into_owned();
                self.skip_ws();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                }
                self.value(join_field(path, &name), depth + 1);
            } else {
                self.value(format!("{path}.{i}"), depth + 1);
                i += 1;
            }
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    fn looks_like_named_field(&mut self) -> bool {
        let saved = self.pos;
        self.skip_ws();
        let named = if self.peek().is_some_and(is_ident_start) {
            self.ident();
            self.skip_ws();
            self.peek() == Some(b':') && self.bytes.get(self.pos + 1) != Some(&b':')
        } else {
            false
        };
        self.pos = saved;
        named
    }

    fn list(&mut self, path: &str, depth: usize) {
        self.pos += 1;
        if depth >= MAX_DEPTH {
            self.skip_to_close(b'[', b']');
            return;
        }
        let mut i = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(b']') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            self.value(format!("{path}[{i}]"), depth + 1);
            i += 1;
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    fn map(&mut self, path: &str, depth: usize) {
        self.pos += 1;
        if depth >= MAX_DEPTH {
            self.skip_to_close(b'{', b'}');
            return;
        }
        loop {
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            let key_start = self.pos;
            self.value(format!("{path}{{key}}"), depth + 1);
            let key = String::from_utf8_lossy(&self.bytes[key_start..self.pos])
                .trim_matches('"')
                .to_owned();
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
                self.value(join_field(path, &key), depth + 1);
            }
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    fn skip_to_close(&mut self, open: u8, close: u8) {
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.string();
                    continue;
                }
                b if b == open => depth += 1,
                b if b == close => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    fn string(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }

    fn raw_string(&mut self) {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return;
        }
        self.pos += 1;
        while self.pos < self.bytes.len() {
            if self.bytes[self.pos] == b'"'
                && self.bytes[self.pos + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&b| b == b'#')
                    .count()
                    == hashes
            {
                self.pos += 1 + hashes;
                return;
            }
            self.pos += 1;
        }
    }

    fn char_literal(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'\'' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }

    fn ident(&mut self) {
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            self.pos += 1;
        }
    }

    fn number(&mut self) {
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_'))
        {
            self.pos += 1;
        }
    }
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn join_field(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// a comment
#![enable(implicit_some)]
[
    (
        id: "a",
        effects: [Adjust("self", Approval, 3), Impose(sector: "lgn", size: 1.0)],
        names: {"en": "A", "ja": "エー"},
    ),
    (id: "b", note: r#"raw "quoted""#, effects: []),
]
"##;

    fn text_at(path: &str) -> &'static str {
        let index = PathIndex::build(TEXT);
        let (start, end) = index
            .span(path)
            .unwrap_or_else(|| panic!("no span for {path}"));
        &TEXT[start..end]
    }

    #[test]
    fn finds_fields_items_and_tuple_members() {
        assert_eq!(text_at("[0].id"), "\"a\"");
        assert_eq!(text_at("[0].effects[1].sector"), "\"lgn\"");
        assert_eq!(text_at("[0].effects[0].1"), "Approval");
        assert_eq!(text_at("[0].names.ja"), "\"エー\"");
        assert_eq!(text_at("[1].id"), "\"b\"");
        assert_eq!(text_at("[1].effects"), "[]");
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let index = PathIndex::build(TEXT);
        assert_eq!(index.span("[1].missing"), index.span("[1]"));
        assert!(text_at("[1]").starts_with("(id: \"b\""));
    }

    #[test]
    fn the_index_locates_like_a_scan() {
        let index = PathIndex::build(TEXT);
        for start in 0..TEXT.len() {
            if !TEXT.is_char_boundary(start) {
                continue;
            }
            let end = (start + 5).min(TEXT.len());
            assert_eq!(
                index.location(TEXT, start, end),
                location_of(TEXT, start, end)
            );
        }
    }

    #[test]
    fn maps_offsets_to_paths_and_lines() {
        let index = PathIndex::build(TEXT);
        let offset = TEXT.find("lgn").unwrap();
        assert_eq!(index.path_at(offset), Some("[0].effects[1].sector"));
        let (line, col, line_text) = line_col(TEXT, offset);
        assert_eq!(line, 6);
        assert_eq!(&line_text[col - 1..col + 2], "lgn");
        assert_eq!(offset_of(TEXT, line, col), offset);
    }

    #[test]
    fn survives_garbage_and_deep_nesting() {
        for text in [
            "(((((",
            "[1, 2",
            "\"unterminated",
            "(a: ",
            "{\"k\": [}",
            "r#\"x",
            "'\\",
            "#!",
            "#![",
            "  #!  ",
            "#![enable(implicit_some)]#!",
        ] {
            let _ = PathIndex::build(text);
        }
        let deep = "[".repeat(100_000);
        let index = PathIndex::build(&deep);
        assert!(index.span("").is_some());
    }
}
