//! `demarche replay FILE`: re-run a recorded game and check every hash.

use std::path::PathBuf;
use std::process::ExitCode;

use demarche_sim::replay::Replay;
use serde_json::json;

use super::load_scenario;
use crate::args::ReplayArgs;
use crate::error::CliError;

/// Re-runs the replay; exit 1 on any mismatch.
pub fn run(args: &ReplayArgs) -> Result<ExitCode, CliError> {
    let replay = Replay::read(&args.file)?;
    let dir = args
        .scenario
        .clone()
        .unwrap_or_else(|| PathBuf::from("scenarios").join(&replay.scenario_id));
    if !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "scenario folder {} not found; give it with --scenario DIR",
            dir.display()
        )));
    }
    let scn = load_scenario(&dir)?;
    if replay.scenario_hash != format!("{:016x}", scn.content_hash) {
        eprintln!("warning: the scenario's files differ from those the replay was recorded with");
    }
    let (hashes, mismatches) = replay.verify(scn).map_err(CliError::Usage)?;
    for (turn, hash) in &hashes {
        let bad = mismatches.iter().find(|m| m.turn == *turn);
        if args.json {
            println!(
                "{}",
                json!({"turn": turn, "hash": hash.to_string(), "ok": bad.is_none(), "expected": bad.map(|m| m.expected.clone())})
            );
        } else if let Some(m) = bad {
            println!(
                "turn {turn:>3}: MISMATCH recorded {} re-run {}",
                m.expected, m.found
            );
        } else {
            println!("turn {turn:>3}: {hash} ok");
        }
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
