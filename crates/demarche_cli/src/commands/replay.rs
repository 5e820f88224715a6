//! `demarche replay FILE`: re-run a recorded game and check every hash.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use demarche_sim::Side;
use demarche_sim::replay::Replay;
use serde_json::json;

use super::load_scenario;
use crate::args::ReplayArgs;
use crate::error::CliError;
use crate::terminal::{escape, shown};

/// Where replays look for their scenario when no `--scenario` is given.
pub const SCENARIOS: &str = "scenarios";

/// The scenario folder under `root` whose scenario has this id. The id is looked up among the
/// folders' scenarios, never used as a path.
pub fn find_scenario(root: &Path, id: &str) -> Result<PathBuf, CliError> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("scenario.ron").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs.into_iter()
        .find(|dir| demarche_sim::load(dir).is_ok_and(|l| l.scenario.meta.id == id))
        .ok_or_else(|| {
            CliError::Usage(format!(
                "no scenario with the id `{}` in {}/; give its folder with --scenario DIR",
                crate::terminal::escape(id),
                shown(root)
            ))
        })
}

/// Re-runs the replay; exit 1 on any mismatch.
pub fn run(args: &ReplayArgs) -> Result<ExitCode, CliError> {
    let replay = Replay::read(&args.file)?;
    if replay.turns.is_empty() {
        return Err(CliError::Usage(format!(
            "{}: the replay holds no turn, so there is nothing to confirm",
            shown(&args.file)
        )));
    }
    let dir = match &args.scenario {
        Some(dir) => dir.clone(),
        None => find_scenario(Path::new(SCENARIOS), &replay.scenario_id)?,
    };
    let scn = load_scenario(&dir)?;
    if !scn.accepts_hash(&replay.scenario_hash) {
        let what = format!(
            "the files of {} differ from those the replay was recorded with",
            shown(&dir)
        );
        if !args.force {
            return Err(CliError::Usage(format!(
                "{what}; its hashes would not match. Pass --force to replay it anyway"
            )));
        }
        eprintln!("warning: {what} (replaying anyway, as --force asks)");
    }
    let (game, mismatches) = replay.replay(scn.clone()).map_err(CliError::Usage)?;
    let hashes: Vec<_> = game.history().iter().map(|r| (r.turn, r.hash)).collect();
    let mut refused_orders = 0;
    for report in game.history() {
        let turn = report.turn;
        let hash = report.hash;
        let bad = mismatches.iter().find(|m| m.turn == turn);
        let refused: Vec<(String, String, String)> = Side::BOTH
            .into_iter()
            .flat_map(|side| {
                let actor = scn.actor(scn.actor_of(side)).key.clone();
                report.refused[side.index()]
                    .iter()
                    .map(move |(order, why)| (actor.clone(), order.action.clone(), why.clone()))
            })
            .collect();
        refused_orders += refused.len();
        if args.json {
            let refused: Vec<_> = refused
                .iter()
                .map(|(side, action, why)| json!({"side": side, "action": action, "why": why}))
                .collect();
            println!(
                "{}",
                json!({"turn": turn, "hash": hash.to_string(), "ok": bad.is_none(), "expected": bad.map(|m| m.expected.clone()), "refused": refused})
            );
            continue;
        }
        if let Some(m) = bad {
            println!(
                "turn {turn:>3}: MISMATCH recorded {} re-run {}",
                m.expected, m.found
            );
        } else {
            println!("turn {turn:>3}: {hash} ok");
        }
        for (side, action, why) in &refused {
            println!(
                "           refused: {side}'s order `{}`: {}",
                escape(action),
                escape(why)
            );
        }
    }
    if refused_orders > 0 {
        eprintln!(
            "note: {refused_orders} recorded order(s) were refused when the turn was played (listed above)"
        );
    }
    if mismatches.is_empty() {
        if !args.json {
            println!(
                "replay confirmed: {} turns, every hash matches",
                hashes.len()
            );
        }
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} of {} turns do not match the recording",
            mismatches.len(),
            hashes.len()
        );
        Ok(ExitCode::from(1))
    }
}
