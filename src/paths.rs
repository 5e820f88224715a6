//! Where the game finds its folders: `assets/`, `scenarios/` and the saves folder.

use std::path::{Path, PathBuf};

/// Finds a folder shipped with the game: `$DEMARCHE_<NAME>` if set, else `<name>` in the
/// current folder, next to the executable or above it, else in the source tree.
pub fn find_dir(name: &str) -> PathBuf {
    let var = format!("DEMARCHE_{}", name.to_uppercase());
    if let Some(dir) = std::env::var_os(&var) {
        return PathBuf::from(dir);
    }
    let mut candidates = vec![PathBuf::from(name)];
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(exe.ancestors().skip(1).take(4).map(|d| d.join(name)));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(name));
    candidates
        .into_iter()
        .find(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from(name))
}

/// The folder for saves: `$DEMARCHE_SAVES`, else `$XDG_DATA_HOME/demarche/saves`, else
/// `~/.local/share/demarche/saves`, else `saves/`.
pub fn saves_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DEMARCHE_SAVES") {
        return PathBuf::from(dir);
    }
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(data).join("demarche").join("saves");
    }
    if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(home).join(".local/share/demarche/saves");
    }
    PathBuf::from("saves")
}
