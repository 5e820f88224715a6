//! Noticing saved files without a file-system watcher: a fingerprint (every file's path, size
//! and modification time under some folders) taken again and compared, as `validate --watch`
//! and the window's scenario reload do.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Every file under the given paths, with its size and modification time, sorted; a path that
/// cannot be read is listed with size 0 and no time (so that its coming back counts as a change).
pub type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// The fingerprint of everything under `roots` (folders are walked; symbolic links are not
/// followed).
pub fn fingerprint<P: AsRef<Path>>(roots: &[P]) -> Fingerprint {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = roots.iter().map(|p| p.as_ref().to_path_buf()).collect();
    while let Some(path) = stack.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            out.push((path, 0, None));
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
        } else {
            out.push((path, meta.len(), meta.modified().ok()));
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_changes_the_fingerprint_and_nothing_else_does() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("sub")).expect("a folder");
        std::fs::write(dir.path().join("sub/a.ron"), "1").expect("a file");
        let before = fingerprint(&[dir.path()]);
        assert_eq!(before.len(), 1);
        assert_eq!(fingerprint(&[dir.path()]), before);
        std::fs::write(dir.path().join("sub/a.ron"), "12").expect("saved again");
        assert_ne!(fingerprint(&[dir.path()]), before);
        // A missing root is listed, not an error.
        let missing = fingerprint(&[dir.path().join("gone")]);
        assert_eq!(missing, vec![(dir.path().join("gone"), 0, None)]);
    }
}
