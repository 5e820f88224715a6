//! Reading scenario files safely: size limit, UTF-8, RON parsing item by item so one bad entry
//! does not hide the problems of the others.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ron::extensions::Extensions;
use ron::value::RawValue;
use serde::de::DeserializeOwned;

use super::locate::{PathIndex, line_col, offset_of};
use super::problem::{Location, Problem, Severity};
use super::suggest::help_for_unknown;

/// Largest file the loader reads.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Deepest RON nesting the parser accepts.
pub const MAX_NESTING: usize = 64;

/// The RON options every scenario file is read with: `Some(..)` may be left out, and nesting is
/// bounded.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// A file's text, with its path index built on first use.
#[derive(Debug)]
pub struct SourceText {
    /// The path as shown in problems.
    pub path: PathBuf,
    /// The text.
    pub text: String,
    index: OnceLock<PathIndex>,
}

impl SourceText {
    /// Wraps a text read from `path`.
    pub fn new(path: PathBuf, text: String) -> SourceText {
        SourceText {
            path,
            text,
            index: OnceLock::new(),
        }
    }

    /// The field-path index of the text.
    pub fn index(&self) -> &PathIndex {
        self.index.get_or_init(|| PathIndex::build(&self.text))
    }

    /// Location and source line of a field path.
    pub fn locate(&self, path: &str) -> Option<(Location, String)> {
        let (start, end) = self.index().span(path)?;
        Some(self.index().location(&self.text, start, end))
    }
}

/// Reads a file within the size limit as UTF-8 text, or says why not.
pub fn read_text(path: &Path) -> Result<String, Box<Problem>> {
    use crate::files::ReadError;
    match crate::files::read_bytes(path, MAX_FILE_BYTES) {
        Ok(bytes) => decode_text(path, bytes),
        Err(ReadError::TooLarge { .. }) => {
            // The cap was enforced while reading; the reported size only words the message.
            let size = std::fs::metadata(path).map_or(MAX_FILE_BYTES + 1, |m| m.len());
            Err(Box::new(too_large(path, size.max(MAX_FILE_BYTES + 1))))
        }
        Err(why) => Err(Box::new(Problem::file_error(path, why.to_string()))),
    }
}

/// Checks a file's bytes against the size limit and decodes them as UTF-8, or says why not;
/// `path` is only used in the problem.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String, Box<Problem>> {
    // A UTF-8 byte-order mark, as some editors write, is not part of the text.
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Box::new(too_large(path, bytes.len() as u64)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, col, text) = line_col(&prefix, valid);
        Box::new(Problem {
            location: Some(Location { line, col, len: 1 }),
            source_line: Some(text.to_owned()),
            help: Some("scenario files must be UTF-8 text".into()),
            ..Problem::file_error(path, format!("invalid UTF-8 at byte {valid}"))
        })
    })
}

fn too_large(path: &Path, bytes: u64) -> Problem {
    Problem {
        help: Some("split the data or remove what is not needed".into()),
        ..Problem::file_error(
            path,
            format!(
                "file is {:.1} MiB; the limit is {} MiB",
                bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        )
    }
}

/// Items of a list file that parsed, by position, and whether all of them did.
#[derive(Debug)]
pub struct Parsed<T> {
    /// `(index in the file, value)`.
    pub items: Vec<(usize, T)>,
    /// False when some item (or the list itself) failed to parse.
    pub complete: bool,
}

impl<T> Parsed<T> {
    fn failed() -> Parsed<T> {
        Parsed {
            items: Vec::new(),
            complete: false,
        }
    }
}

/// Parses a file whose top level is a list, each item on its own.
pub fn parse_list<T: DeserializeOwned>(src: &SourceText, problems: &mut Vec<Problem>) -> Parsed<T> {
    let options = ron_options();
    let raws: Vec<&RawValue> = match options.from_str(&src.text) {
        Ok(raws) => raws,
        Err(e) => {
            problems.push(ron_problem(src, &e, 0, ""));
            return Parsed::failed();
        }
    };
    let mut parsed = Parsed {
        items: Vec::with_capacity(raws.len()),
        complete: true,
    };
    for (i, raw) in raws.into_iter().enumerate() {
        let item = raw.get_ron();
        let offset = (item.as_ptr() as usize).saturating_sub(src.text.as_ptr() as usize);
        match options.from_str::<T>(item) {
            Ok(value) => parsed.items.push((i, value)),
            Err(e) => {
                problems.push(ron_problem(src, &e, offset, item));
                parsed.complete = false;
            }
        }
    }
    parsed
}

/// Parses a file whose top level is one value.
pub fn parse_one<T: DeserializeOwned>(src: &SourceText, problems: &mut Vec<Problem>) -> Option<T> {
    match ron_options().from_str(&src.text) {
        Ok(value) => Some(value),
        Err(e) => {
            problems.push(ron_problem(src, &e, 0, ""));
            None
        }
    }
}

/// Turns a RON error into a located problem. `offset` is where `item` (the text that was parsed,
/// empty for the whole file) starts in the file.
fn ron_problem(
    src: &SourceText,
    error: &ron::error::SpannedError,
    offset: usize,
    item: &str,
) -> Problem {
    let local = if item.is_empty() {
        src.text.as_str()
    } else {
        item
    };
    let mut start = offset + offset_of(local, error.span.start.line, error.span.start.col);
    // Point at the value, not at the space before it.
    while src.text[start..].starts_with([' ', '\t']) {
        start += 1;
    }
    let end = offset + offset_of(local, error.span.end.line, error.span.end.col);
    let (mut location, line) = src.index().location(&src.text, start, end.max(start + 1));
    location.len = location.len.min(40);
    let mut path = src.index().path_at(start).unwrap_or("").to_owned();
    match &error.code {
        ron::Error::NoSuchStructField { found, .. } => path = join(&path, found),
        ron::Error::MissingStructField { field, .. } => path = join(&path, field),
        _ => {}
    }
    let (message, help) = describe(&error.code);
    Problem {
        severity: Severity::Error,
        file: src.path.clone(),
        path,
        location: Some(location),
        message,
        help,
        source_line: Some(line),
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// Where a field that older versions of the format had now lives, if it moved.
fn moved_field(found: &str) -> Option<&'static str> {
    match found {
        "yen_per_usd" => Some(
            "this field moved: declare the money in `scenario.ron` as `currency: (code: ..., symbol: ..., name: ..., unit: \"bn\", per_usd: ...)` and remove it here",
        ),
        _ => None,
    }
}

fn describe(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{found}`{}", in_outer(outer)),
            Some(
                moved_field(found).map_or_else(|| help_for_unknown(found, expected), str::to_owned),
            ),
        ),
        E::MissingStructField { field, outer } => (
            format!("missing field `{field}`{}", in_outer(outer)),
            Some(format!("add `{field}: ...`")),
        ),
        E::DuplicateStructField { field, outer } => (
            format!("field `{field}` appears twice{}", in_outer(outer)),
            None,
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!("unknown variant `{found}`{}", in_outer(outer)),
            Some(help_for_unknown(found, expected)),
        ),
        E::InvalidValueForType { expected, found } => (
            format!("wrong type: expected {expected}, found {found}"),
            None,
        ),
        E::ExpectedFloat | E::ExpectedInteger => ("wrong type: expected a number".to_owned(), None),
        E::ExpectedString | E::ExpectedStringEnd => (
            "wrong type: expected a string".to_owned(),
            Some("write text in double quotes, e.g. \"lng\"".into()),
        ),
        E::ExpectedBoolean => ("wrong type: expected `true` or `false`".to_owned(), None),
        E::ExpectedArray | E::ExpectedArrayEnd => ("expected a list `[ ... ]`".to_owned(), None),
        E::ExpectedMap | E::ExpectedMapEnd | E::ExpectedMapColon => {
            ("expected a map `{ \"key\": value }`".to_owned(), None)
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedStructLikeEnd => (
            "expected a structure `( field: value, ... )`".to_owned(),
            None,
        ),
        E::ExpectedIdentifier => ("expected a name (an identifier)".to_owned(), None),
        E::ExpectedComma => ("expected a comma".to_owned(), None),
        E::Eof => (
            "unexpected end of file".to_owned(),
            Some("the file looks truncated: check for a missing `)` or `]`".into()),
        ),
        E::ExceededRecursionLimit => (
            format!("nesting deeper than {MAX_NESTING} levels"),
            Some("scenario data never needs to nest this deep".into()),
        ),
        other => (other.to_string(), None),
    }
}

fn in_outer(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map(|o| format!(" in {}", type_words(o)))
        .unwrap_or_default()
}

/// `RawHistoricalTurn` → `historical turn`: the format's type names in words.
fn type_words(name: &str) -> String {
    let name = name.strip_prefix("Raw").unwrap_or(name);
    let mut words = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    format!("`{words}`")
}
