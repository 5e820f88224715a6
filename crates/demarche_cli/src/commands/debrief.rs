//! `demarche debrief SAVE_OR_REPLAY --out DIR`: the debrief pack of a saved or recorded game.
//! Also reads game files for `compare-games`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use demarche_sim::replay::{REPLAY_FORMAT, Replay};
use demarche_sim::save::{SAVE_FORMAT, SaveError, SaveFile};
use demarche_sim::{Game, Scenario};

use super::load_scenario;
use super::replay::{SCENARIOS, find_scenario};
use crate::args::DebriefArgs;
use crate::error::CliError;
use crate::terminal::{escape, shown};

/// A save or a replay, read and checked but not yet played.
pub enum GameFile {
    /// A saved game.
    Save(Box<SaveFile>),
    /// A recorded game.
    Replay(Replay),
}

/// The first field of a save or a replay, read to tell which it is.
#[derive(serde::Deserialize)]
struct Header {
    format: String,
}

impl GameFile {
    /// Reads a save or a replay, telling which from its `format` field; errors name the file
    /// (with line and column for damaged files).
    pub fn read(path: &Path) -> Result<GameFile, CliError> {
        let text = demarche_sim::save::read_limited(path)?;
        let options = demarche_sim::scenario::read::ron_options()
            .without_recursion_limit()
            .with_recursion_limit(128);
        let header: Header = options
            .from_str(&text)
            .map_err(|e| demarche_sim::save::ron_damage(path, &e))?;
        match header.format.as_str() {
            SAVE_FORMAT => Ok(GameFile::Save(Box::new(SaveFile::parse(&text, path)?))),
            REPLAY_FORMAT => Ok(GameFile::Replay(Replay::parse(&text, path)?)),
            other => Err(SaveError::Damaged {
                path: path.to_path_buf(),
                why: format!(
                    "it says it is `{}`, neither a save (`{SAVE_FORMAT}`) nor a replay (`{REPLAY_FORMAT}`)",
                    escape(other)
                ),
            }
            .into()),
        }
    }

    /// `save` or `replay`.
    pub fn kind(&self) -> &'static str {
        match self {
            GameFile::Save(_) => "save",
            GameFile::Replay(_) => "replay",
        }
    }

    /// The id of the scenario the game was played in.
    pub fn scenario_id(&self) -> &str {
        match self {
            GameFile::Save(s) => &s.scenario_id,
            GameFile::Replay(r) => &r.scenario_id,
        }
    }

    /// The game seed.
    pub fn seed(&self) -> u64 {
        match self {
            GameFile::Save(s) => s.seed,
            GameFile::Replay(r) => r.seed,
        }
    }

    /// Who played each side, from the file's settings (`policy.first`, `policy.second`);
    /// `unknown` when it does not say.
    pub fn policies(&self) -> [String; 2] {
        let settings = match self {
            GameFile::Save(s) => &s.settings,
            GameFile::Replay(r) => &r.settings,
        };
        ["policy.first", "policy.second"].map(|key| {
            settings
                .get(key)
                .filter(|p| !p.is_empty())
                .cloned()
                .unwrap_or_else(|| "unknown".into())
        })
    }

    /// The players' names the file keeps (none unless they gave them).
    pub fn names(&self) -> [Option<String>; 2] {
        crate::debrief::names_in(match self {
            GameFile::Save(s) => &s.settings,
            GameFile::Replay(r) => &r.settings,
        })
    }

    /// The game: a save restored, a replay re-run. Files made with other versions of the
    /// scenario's files are refused unless `force` (then with a warning); a replay whose
    /// re-run does not give its recorded hashes is played anyway, with a warning.
    pub fn into_game(self, scn: Arc<Scenario>, path: &Path, force: bool) -> Result<Game, CliError> {
        let hash = match &self {
            GameFile::Save(s) => &s.scenario_hash,
            GameFile::Replay(r) => &r.scenario_hash,
        };
        let differs = self.scenario_id() == scn.meta.id && !scn.accepts_hash(hash);
        if differs {
            let what = format!(
                "{}: this {} was made with other versions of the scenario's files",
                shown(path),
                self.kind()
            );
            if !force {
                return Err(CliError::Usage(format!(
                    "{what}; pass --force-scenario to read it with these files anyway"
                )));
            }
            eprintln!("warning: {what} (reading it anyway, as --force-scenario asks)");
        }
        match self {
            GameFile::Save(mut save) => {
                if differs {
                    save.scenario_hash = format!("{:016x}", scn.content_hash);
                }
                Ok(save.restore(scn, path)?)
            }
            GameFile::Replay(replay) => {
                let (game, mismatches) = replay
                    .replay(scn)
                    .map_err(|why| CliError::Usage(format!("{}: {why}", shown(path))))?;
                if let Some(first) = mismatches.first() {
                    eprintln!(
                        "warning: {}: {} turn(s) of the re-run differ from the recording, the first at turn {}; the debrief shows the re-run",
                        shown(path),
                        mismatches.len(),
                        first.turn
                    );
                }
                Ok(game)
            }
        }
    }
}

/// The scenario folder of a game file: the one given, or the folder under `scenarios/` whose
/// scenario has the file's scenario id.
pub fn scenario_dir(given: Option<&Path>, id: &str) -> Result<PathBuf, CliError> {
    match given {
        Some(dir) => Ok(dir.to_path_buf()),
        None => find_scenario(Path::new(SCENARIOS), id),
    }
}

/// Checks that an output folder is a folder (or can be made one) where files can be written.
pub fn check_out_dir(flag: &str, dir: &Path) -> Result<(), CliError> {
    let usage = |why: String| CliError::Usage(format!("{flag} {}: {why}", shown(dir)));
    if dir.exists() && !dir.is_dir() {
        return Err(usage("not a folder".into()));
    }
    std::fs::create_dir_all(dir).map_err(|e| usage(format!("cannot create it: {e}")))?;
    let probe = dir.join(format!(".demarche-probe-{}", std::process::id()));
    std::fs::File::create(&probe)
        .and_then(|_| std::fs::remove_file(&probe))
        .map_err(|e| usage(format!("cannot write there: {e}")))
}

/// Writes the debrief pack of a saved or recorded game.
pub fn run(args: &DebriefArgs) -> Result<ExitCode, CliError> {
    check_out_dir("--out", &args.out)?;
    let file = GameFile::read(&args.file)?;
    let dir = scenario_dir(args.scenario.as_deref(), file.scenario_id())?;
    let scn = load_scenario(&dir)?;
    let policies = file.policies();
    let names = if args.anonymous {
        [None, None]
    } else {
        file.names()
    };
    let game = file.into_game(scn, &args.file, args.force_scenario)?;
    let folder = crate::debrief::write_named(&game, &args.out, &policies, names)?;
    eprintln!("debrief written to {}", shown(&folder));
    Ok(ExitCode::SUCCESS)
}
