//! One reading rule for every file the game reads (scenario files, saves, replays, orders and
//! inject files): regular files only, never more than a cap read (enforced while reading, not
//! taken from the reported length, so a device or a growing file cannot exhaust memory), inside
//! a folder when the file belongs to one (no link out of it), and UTF-8 text with an optional
//! byte-order mark.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// No such file.
    #[error("file not found")]
    NotFound,
    /// A folder, a FIFO, a device or a socket.
    #[error("not a regular file")]
    NotRegular,
    /// A link, or a path, that leads out of the folder the file belongs to.
    #[error("`{0}` leaves the scenario folder (through a link)")]
    LeavesFolder(String),
    /// Larger than the cap.
    #[error("larger than {} MiB, the limit for this kind of file", .cap / 1_048_576)]
    TooLarge {
        /// The cap, in bytes.
        cap: u64,
    },
    /// Not UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    NotUtf8 {
        /// Where the first invalid byte is (after any byte-order mark).
        offset: usize,
        /// The text up to there, to show where.
        valid: String,
    },
    /// What the system said.
    #[error("cannot read file: {0}")]
    Io(String),
}

/// Reads `path` as bytes: a regular file (links are followed), at most `cap` bytes.
pub fn read_bytes(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let metadata = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e.to_string()),
    })?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    // Checked again on the open file: the path may have been swapped for something else.
    let opened = file.metadata().map_err(|e| ReadError::Io(e.to_string()))?;
    if !opened.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { cap });
    }
    Ok(bytes)
}

/// Bytes as text: UTF-8, with a leading byte-order mark dropped.
pub fn text_of(bytes: Vec<u8>) -> Result<String, ReadError> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        ReadError::NotUtf8 { offset, valid }
    })
}

/// Reads `path` as text within `cap` bytes (see [`read_bytes`] and [`text_of`]).
pub fn read_text(path: &Path, cap: u64) -> Result<String, ReadError> {
    text_of(read_bytes(path, cap)?)
}

/// The file `name` of the folder `dir`, refused when it is a link that leads out of the folder.
pub fn inside(dir: &Path, name: &str) -> Result<PathBuf, ReadError> {
    let path = dir.join(name);
    let (Ok(real_dir), Ok(real)) = (dir.canonicalize(), path.canonicalize()) else {
        return Ok(path);
    };
    if real.starts_with(&real_dir) {
        Ok(path)
    } else {
        Err(ReadError::LeavesFolder(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_utf8_located() {
        assert_eq!(text_of(b"\xef\xbb\xbf[1]".to_vec()).unwrap(), "[1]");
        assert_eq!(text_of(b"[1]".to_vec()).unwrap(), "[1]");
        match text_of(b"ab\xffcd".to_vec()) {
            Err(ReadError::NotUtf8 { offset, valid }) => {
                assert_eq!(offset, 2);
                assert_eq!(valid, "ab");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_cap_holds_while_reading() {
        let dir = std::env::temp_dir().join(format!("demarche-files-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("big.ron");
        fs::write(&file, vec![b'x'; 2048]).unwrap();
        assert_eq!(read_bytes(&file, 2048).unwrap().len(), 2048);
        assert_eq!(
            read_bytes(&file, 2047),
            Err(ReadError::TooLarge { cap: 2047 })
        );
        assert_eq!(read_bytes(&dir, 10), Err(ReadError::NotRegular));
        assert_eq!(
            read_bytes(&dir.join("missing"), 10),
            Err(ReadError::NotFound)
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
