//! Saves: the whole game in one versioned RON file, written atomically (a temporary file, then a
//! rename), so a failed write never destroys an earlier save.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::game::Game;
use crate::report::TurnReport;
use crate::scenario::Scenario;
use crate::scenario::raw::RawOrder;
use crate::state::SimState;

/// What a save file says it is.
pub const SAVE_FORMAT: &str = "demarche-save";
/// The save format this build writes. It reads every version from 1 up to this one: older files
/// are migrated when read ([`SaveFile::read`]), and fields added since are `#[serde(default)]`.
///
/// Version 2 added [`SaveFile::turn_orders`], so that a loaded game can rebuild earlier turns.
pub const SAVE_VERSION: u32 = 2;
/// Largest save file read.
pub const MAX_SAVE_BYTES: u64 = 64 * 1024 * 1024;

/// A saved game.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    /// Always [`SAVE_FORMAT`].
    pub format: String,
    /// The save format version.
    pub version: u32,
    /// The scenario's id.
    pub scenario_id: String,
    /// The fingerprint of the scenario's files, as 16 hex digits.
    pub scenario_hash: String,
    /// The game seed.
    pub seed: u64,
    /// The state.
    pub state: SimState,
    /// Every turn report so far.
    pub history: Vec<TurnReport>,
    /// Orders already given for the current turn, per side.
    pub pending: [Vec<RawOrder>; 2],
    /// Memos already written for the current turn, per side (absent when none).
    #[serde(default, skip_serializing_if = "crate::memo::both_empty")]
    pub pending_memos: [crate::memo::Memo; 2],
    /// Settings of the front end that made the save (who plays which side, difficulty…).
    pub settings: BTreeMap<String, String>,
    /// The last turn to play when the game stops before its calendar's end (a short class).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_after: Option<u32>,
    /// The teacher's injects, fired or not, as written (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<crate::scenario::raw::RawInject>,
    /// The orders each resolved turn was resolved with, turn 1 first (since version 2; `None`
    /// in a version-1 save, or when the game did not know them).
    #[serde(default)]
    pub turn_orders: Option<Vec<SavedTurn>>,
}

/// One resolved turn's orders, as each side submitted them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedTurn {
    /// Turn number.
    pub turn: u32,
    /// The orders each side submitted (before validation).
    pub orders: [Vec<RawOrder>; 2],
}

/// The first fields of a save, read before the rest to give a clear error for other formats.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Why a save could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Not a save, or a damaged one.
    #[error("{path}: not a readable save ({why})")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line:column when known.
        why: String,
    },
    /// A save or replay of a format version this build does not read.
    #[error("{path}: {kind} format version {found} {}", version_advice(*.found, *.newest))]
    Version {
        /// The file.
        path: PathBuf,
        /// What it is: `save` or `replay`.
        kind: &'static str,
        /// The version found.
        found: u32,
        /// The newest version this build reads.
        newest: u32,
    },
    /// A save of another scenario, or of another version of it.
    #[error("{path}: {why}")]
    Scenario {
        /// The file.
        path: PathBuf,
        /// What does not match.
        why: String,
    },
}

impl SaveFile {
    /// Captures a game with the front end's settings.
    pub fn of(game: &Game, settings: BTreeMap<String, String>) -> SaveFile {
        let scn = game.scenario();
        let pending = [
            game.submitted(crate::ids::Side::First)
                .iter()
                .map(|o| scn.raw_order(o))
                .collect(),
            game.submitted(crate::ids::Side::Second)
                .iter()
                .map(|o| scn.raw_order(o))
                .collect(),
        ];
        SaveFile {
            format: SAVE_FORMAT.into(),
            version: SAVE_VERSION,
            scenario_id: scn.meta.id.clone(),
            scenario_hash: format!("{:016x}", scn.content_hash),
            seed: game.seed(),
            state: game.state(),
            history: game.history().to_vec(),
            pending,
            pending_memos: [
                game.memo(crate::ids::Side::First).clone(),
                game.memo(crate::ids::Side::Second).clone(),
            ],
            settings,
            injects: game.injects().iter().map(|e| e.raw.clone()).collect(),
            stop_after: game.stop_turn(),
            turn_orders: game.turn_orders().map(|turns| {
                turns
                    .iter()
                    .enumerate()
                    .map(|(i, orders)| SavedTurn {
                        turn: i as u32 + 1,
                        orders: [
                            orders[0].iter().map(|o| scn.raw_order(o)).collect(),
                            orders[1].iter().map(|o| scn.raw_order(o)).collect(),
                        ],
                    })
                    .collect()
            }),
        }
    }

    /// Rebuilds the game, checking it belongs to this scenario.
    pub fn restore(self, scenario: Arc<Scenario>, path: &Path) -> Result<Game, SaveError> {
        let mismatch = |why: String| SaveError::Scenario {
            path: path.to_path_buf(),
            why,
        };
        if self.scenario_id != scenario.meta.id {
            return Err(mismatch(format!(
                "this save is of scenario `{}`, not `{}`",
                self.scenario_id, scenario.meta.id
            )));
        }
        if !scenario.accepts_hash(&self.scenario_hash) {
            return Err(mismatch(
                "this save was made with a different version of the scenario's files".into(),
            ));
        }
        let broken: Vec<String> = crate::invariants::check(&scenario, &self.state)
            .into_iter()
            .chain(crate::invariants::check_history(
                &scenario,
                &self.state,
                &self.history,
            ))
            .map(|b| b.to_string())
            .collect();
        if !broken.is_empty() {
            return Err(SaveError::Damaged {
                path: path.to_path_buf(),
                why: format!(
                    "the saved game does not hold together: {}{}",
                    broken
                        .iter()
                        .take(5)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("; "),
                    if broken.len() > 5 {
                        format!(" (and {} more)", broken.len() - 5)
                    } else {
                        String::new()
                    }
                ),
            });
        }
        let mut pending = Vec::new();
        for side in crate::ids::Side::BOTH {
            let mut orders = Vec::new();
            for raw in &self.pending[side.index()] {
                orders.push(scenario.resolve_order(raw).map_err(mismatch)?);
            }
            pending.push((side, orders));
        }
        let turn_orders = match &self.turn_orders {
            Some(turns) => {
                Some(resolve_turns(&scenario, turns, self.state.clock.turn).map_err(mismatch)?)
            }
            None => None,
        };
        let mut game =
            Game::resume_with_orders(scenario, self.seed, self.state, self.history, turn_orders);
        for (side, orders) in pending {
            game.submit_unchecked(side, orders);
        }
        for side in crate::ids::Side::BOTH {
            game.set_memo(side, self.pending_memos[side.index()].clone());
        }
        game.restore_injects(resolve_injects(game.scenario(), &self.injects).map_err(mismatch)?);
        game.stop_after(self.stop_after);
        Ok(game)
    }

    /// Writes the save atomically.
    pub fn write(&self, path: &Path) -> Result<(), SaveError> {
        write_ron(self, path)
    }

    /// Reads a save, with clear errors for damaged files and other versions.
    pub fn read(path: &Path) -> Result<SaveFile, SaveError> {
        let text = read_limited(path)?;
        SaveFile::parse(&text, path)
    }

    /// Parses a save's text (`path` only names it in errors): the format and version are checked
    /// first, for a clear error, then the whole save is read and migrated.
    pub fn parse(text: &str, path: &Path) -> Result<SaveFile, SaveError> {
        let options = crate::scenario::read::ron_options()
            .without_recursion_limit()
            .with_recursion_limit(128);
        let header: Header = options.from_str(text).map_err(|e| ron_damage(path, &e))?;
        if header.format != SAVE_FORMAT {
            return Err(SaveError::Damaged {
                path: path.to_path_buf(),
                why: format!("it says it is `{}`", header.format),
            });
        }
        check_version(path, "save", header.version, SAVE_VERSION)?;
        let mut save: SaveFile = options.from_str(text).map_err(|e| ron_damage(path, &e))?;
        save.migrate();
        Ok(save)
    }

    /// Brings a save read from an older version up to [`SAVE_VERSION`]. Version 1 had no
    /// `turn_orders`: they stay unknown (`None`), so the loaded game cannot rebuild its earlier
    /// turns.
    fn migrate(&mut self) {
        if self.version < 2 {
            self.turn_orders = None;
        }
        self.version = SAVE_VERSION;
    }
}

/// The saved orders of turns 1 to `now - 1` as typed orders, checked to be all of them in order.
fn resolve_turns(
    scn: &Scenario,
    turns: &[SavedTurn],
    now: u32,
) -> Result<Vec<[Vec<crate::scenario::Order>; 2]>, String> {
    if turns.len() + 1 != now as usize
        || turns
            .iter()
            .enumerate()
            .any(|(i, t)| t.turn != i as u32 + 1)
    {
        return Err(format!(
            "the saved orders do not cover turns 1 to {} in order",
            now.saturating_sub(1)
        ));
    }
    turns
        .iter()
        .map(|t| {
            let side = |raw: &[RawOrder]| -> Result<Vec<_>, String> {
                raw.iter()
                    .map(|o| {
                        scn.resolve_order(o)
                            .map_err(|e| format!("turn {}: {e}", t.turn))
                    })
                    .collect()
            };
            Ok([side(&t.orders[0])?, side(&t.orders[1])?])
        })
        .collect()
}

/// Checks a file's format version: versions 1 to `newest` are read (older ones migrated);
/// anything else is an error that says whether the file is newer than this build.
pub fn check_version(
    path: &Path,
    kind: &'static str,
    found: u32,
    newest: u32,
) -> Result<(), SaveError> {
    if (1..=newest).contains(&found) {
        Ok(())
    } else {
        Err(SaveError::Version {
            path: path.to_path_buf(),
            kind,
            found,
            newest,
        })
    }
}

/// What to do about a file of version `found` when this build reads 1 to `newest`.
fn version_advice(found: u32, newest: u32) -> String {
    if found > newest {
        format!(
            "is newer than this version of Démarche reads (versions 1 to {newest}): open it with a newer Démarche"
        )
    } else {
        format!("is not a version Démarche ever wrote (this build reads versions 1 to {newest})")
    }
}

/// Writes a value as pretty RON, atomically (saves, replays).
pub fn write_ron<T: Serialize>(value: &T, path: &Path) -> Result<(), SaveError> {
    let text = ron::ser::to_string_pretty(
        value,
        ron::ser::PrettyConfig::default().indentor(" ".to_owned()),
    )
    .map_err(|e| SaveError::Damaged {
        path: path.to_path_buf(),
        why: e.to_string(),
    })?;
    write_atomically(path, text.as_bytes())
}

/// Reads a save or replay by the one reading rule (`crate::files`): a regular file, at most
/// [`MAX_SAVE_BYTES`], UTF-8 with an optional byte-order mark.
pub fn read_limited(path: &Path) -> Result<String, SaveError> {
    use crate::files::ReadError;
    crate::files::read_text(path, MAX_SAVE_BYTES).map_err(|why| match why {
        ReadError::NotFound => SaveError::Io {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        },
        ReadError::Io(_) => SaveError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(why.to_string()),
        },
        other => SaveError::Damaged {
            path: path.to_path_buf(),
            why: other.to_string(),
        },
    })
}

/// A RON error as a damaged-file error with its line and column.
pub fn ron_damage(path: &Path, e: &ron::error::SpannedError) -> SaveError {
    SaveError::Damaged {
        path: path.to_path_buf(),
        why: format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the
/// file at `path` is either the old one or the new one, never a torn one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "save".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Builds saved or recorded injects against the scenario; the first problem if one does not fit.
pub fn resolve_injects(
    scn: &crate::Scenario,
    raws: &[crate::scenario::raw::RawInject],
) -> Result<Vec<crate::scenario::injects::LoadedInject>, String> {
    raws.iter()
        .map(|raw| {
            crate::scenario::injects::resolve_inject(scn, raw)
                .map(|inject| crate::scenario::injects::LoadedInject {
                    raw: raw.clone(),
                    inject,
                })
                .map_err(|problems| {
                    let first = problems
                        .iter()
                        .find(|p| p.is_error())
                        .map_or_else(String::new, |p| format!("{}: {}", p.path, p.message));
                    format!("inject `{}` does not fit the scenario: {first}", raw.key)
                })
        })
        .collect()
}
