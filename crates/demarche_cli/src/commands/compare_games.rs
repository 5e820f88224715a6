//! `demarche compare-games FILES... --out DIR`: a class's groups side by side. Every file must
//! be a game of the same scenario, played with the same seed unless `--allow-different-draws`;
//! the historical record, played by both sides over as many turns, is the reference line.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use demarche_sim::{Game, Scenario, Side};

use super::debrief::{GameFile, check_out_dir, scenario_dir};
use super::load_scenario;
use crate::args::CompareGamesArgs;
use crate::debrief::compare::{Comparison, Group};
use crate::error::CliError;
use crate::policies;
use crate::terminal::{escape, shown};

/// Compares the games and writes the comparison.
pub fn run(args: &CompareGamesArgs) -> Result<ExitCode, CliError> {
    check_out_dir("--out", &args.out)?;
    let files = args
        .files
        .iter()
        .map(|path| GameFile::read(path).map(|f| (path.as_path(), f)))
        .collect::<Result<Vec<_>, _>>()?;
    let different_draws = check_same_game(&files, args.allow_different_draws)?;
    let first_path = files[0].0;
    let dir = scenario_dir(args.scenario.as_deref(), files[0].1.scenario_id())?;
    let scn = load_scenario(&dir)?;
    let seed = files[0].1.seed();
    let labels = labels(&args.files);
    let mut groups = Vec::new();
    for ((path, file), label) in files.into_iter().zip(labels) {
        let policies = file.policies();
        let game = file.into_game(scn.clone(), path, false)?;
        groups.push(Group::of(label, shown(path), &game, policies));
    }
    let turns = groups.iter().map(|g| g.turns).max().unwrap_or(0);
    let historical = historical_run(scn.clone(), seed, turns)?;
    let names = [String::from("historical"), String::from("historical")];
    let reference = Group::of(
        "historical record".into(),
        String::new(),
        &historical,
        names,
    );
    let comparison = Comparison {
        scenario: &scn,
        groups,
        reference,
        different_draws,
    };
    let folder = comparison.write(&args.out)?;
    if different_draws {
        eprintln!(
            "note: the historical line uses the seed of {} ({seed})",
            shown(first_path)
        );
    }
    eprintln!("comparison written to {}", shown(&folder));
    Ok(ExitCode::SUCCESS)
}

/// Refuses files of different scenarios, and games of different seeds unless `allow`; returns
/// whether the seeds differ (after printing a warning).
fn check_same_game(files: &[(&Path, GameFile)], allow: bool) -> Result<bool, CliError> {
    let (first_path, first) = &files[0];
    for (path, file) in &files[1..] {
        if file.scenario_id() != first.scenario_id() {
            return Err(CliError::Usage(format!(
                "{} is a game of scenario `{}` but {} is of `{}`; compare games of one scenario",
                shown(path),
                escape(file.scenario_id()),
                shown(first_path),
                escape(first.scenario_id())
            )));
        }
    }
    let other = files.iter().find(|(_, f)| f.seed() != first.seed());
    let Some((path, file)) = other else {
        return Ok(false);
    };
    let what = format!(
        "{} was played with seed {} but {} with seed {}: their chance events differ",
        shown(path),
        file.seed(),
        shown(first_path),
        first.seed()
    );
    if !allow {
        return Err(CliError::Usage(format!(
            "{what}; compare games of one seed, or pass --allow-different-draws"
        )));
    }
    eprintln!("warning: {what}, so part of the differences between groups is luck");
    Ok(true)
}

/// The groups' labels: each file's name without `.ron`, `.save` or `.replay`; a label that
/// repeats gets `-2`, `-3`…
fn labels(files: &[std::path::PathBuf]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map_or_else(|| shown(path), |n| n.to_string_lossy().into_owned());
        let mut stem = name.as_str();
        for suffix in [".ron", ".save", ".replay"] {
            stem = stem.strip_suffix(suffix).unwrap_or(stem);
        }
        let stem = if stem.is_empty() { name.as_str() } else { stem };
        let mut label = stem.to_owned();
        let mut n = 1;
        while labels.contains(&label) {
            n += 1;
            label = format!("{stem}-{n}");
        }
        labels.push(label);
    }
    labels
}

/// The historical record played by both sides for at most `turns` turns.
pub fn historical_run(scn: Arc<Scenario>, seed: u64, turns: usize) -> Result<Game, CliError> {
    let names = [String::from("historical"), String::from("historical")];
    let mut policies = policies::build_pair(&names, seed)?;
    let mut game = Game::new(scn, seed);
    while game.history().len() < turns && !game.is_over() {
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().map_err(|e| CliError::Usage(e.to_string()))?;
    }
    Ok(game)
}
