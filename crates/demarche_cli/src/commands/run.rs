//! `demarche run`: one game headless, a report per turn.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use demarche_sim::replay::Replay;
use demarche_sim::rules::objectives::{self, Mark};
use demarche_sim::save::SaveFile;
use demarche_sim::scenario::Order;
use demarche_sim::{Game, Scenario, Side};
use serde_json::json;

use super::load_scenario;
use crate::args::RunArgs;
use crate::error::CliError;
use crate::terminal::{escape, shown};
use crate::{json as js, policies, text};

pub use crate::orders_file::{OrderBook, parse as parse_orders};

/// Plays the game as asked.
pub fn run(args: &RunArgs) -> Result<ExitCode, CliError> {
    check_outputs(args)?;
    let scn = load_scenario(&args.scenario)?;
    let names = policies::names(&scn, &args.policies)?;
    let players = player_names(&scn, &args.players)?;
    let book = match &args.orders {
        Some(path) => crate::orders_file::read(&scn, path)?,
        None => crate::orders_file::OrdersFile::default(),
    };
    if args.require_memos {
        require_memos(&scn, &book)?;
    }
    let injects = match &args.injects {
        Some(path) => load_injects(&scn, path)?,
        None => Vec::new(),
    };
    let mut game = match &args.load {
        Some(path) => {
            if args.seed.is_some() {
                return Err(CliError::Usage(
                    "--seed cannot change a loaded game's seed".into(),
                ));
            }
            SaveFile::read(path)?.restore(scn.clone(), path)?
        }
        None => Game::new(scn.clone(), args.seed.unwrap_or(scn.meta.default_seed)),
    };
    if let Some(turn) = args.branch_at {
        if args.load.is_none() {
            return Err(CliError::Usage(
                "--branch-at needs a game to branch from: --load SAVE".into(),
            ));
        }
        game = game
            .branch_at(turn)
            .map_err(|e| CliError::Usage(format!("--branch-at {turn}: {e}")))?;
        eprintln!(
            "branched at turn {turn}: the turns from {turn} on are played anew; the save is left as it was"
        );
    }
    name_agendas(&scn, &mut game, &args.agendas)?;
    game.add_injects(injects)
        .map_err(|e| CliError::Usage(format!("--injects: {e}")))?;
    let mut replay = if game.turn() == 1 {
        Replay::start(&scn, game.seed())
    } else {
        match Replay::of_game(&game) {
            Some(replay) => replay,
            None if args.record.is_some() => {
                return Err(CliError::Usage(
                    "--record: this save does not know the orders of its earlier turns (a version-1 save), so no replay can start from turn 1".into(),
                ));
            }
            None => Replay::start(&scn, game.seed()),
        }
    };
    if let Some(from) = args.from_turn {
        play_the_record_until(&scn, &mut game, &mut replay, from)?;
        // A short class stops after its turns, with no named ending of its own.
        if let Some(turns) = args.turns {
            game.stop_after(Some(from.saturating_add(turns).saturating_sub(1)));
        }
    }
    let mut policies = policies::build_pair(&names, game.seed())?;
    replay
        .settings
        .insert("policy.first".into(), names[0].clone());
    replay
        .settings
        .insert("policy.second".into(), names[1].clone());
    for (key, name) in crate::debrief::NAME_KEYS.iter().zip(&players) {
        if let Some(name) = name {
            replay.settings.insert((*key).into(), name.clone());
        }
    }
    let limit = args.turns.unwrap_or(u32::MAX);
    let mut out = std::io::stdout().lock();
    let mut played = 0;
    while played < limit && !game.is_over() {
        let turn = game.turn();
        let mut submitted: [Vec<Order>; 2] = Default::default();
        let mut explained: Vec<(Side, Vec<String>, Option<f64>)> = Vec::new();
        for side in Side::BOTH {
            if let Some(memo) = book.memos.get(&(side, turn)) {
                game.set_memo(side, memo.clone());
            }
            let orders = match book.orders.get(&(side, turn)) {
                Some(orders) => orders.clone(),
                None if game.submitted(side).is_empty() => {
                    let policy = &mut policies[side.index()];
                    let orders = policy.orders(&game.side_view(side));
                    if let Some(ms) = policy.decision_ms() {
                        let reasons = policy.reasons();
                        if game.memo(side).is_empty()
                            && let Some(note) = policy.memo()
                        {
                            // The AI's reasons are its memo: kept with the turn like a
                            // player's, and hidden from the other side until the game is over.
                            game.set_memo(side, demarche_sim::memo::Memo::note(note));
                        }
                        explained.push((side, reasons, Some(ms)));
                    }
                    orders
                }
                None => game.submitted(side).to_vec(),
            };
            game.submit_unchecked(side, orders.clone());
            submitted[side.index()] = orders;
        }
        let report = game
            .resolve()
            .map_err(|e| CliError::Usage(e.to_string()))?
            .clone();
        replay.record_report(&scn, &submitted, &report);
        let view = game.view();
        if args.json {
            let mut value = js::turn(&scn, &report, &view);
            if !explained.is_empty() {
                let key = |s: Side| scn.actor(scn.actor_of(s)).key.clone();
                let reasons: serde_json::Map<String, serde_json::Value> = explained
                    .iter()
                    .map(|(s, r, _)| (key(*s), json!(r)))
                    .collect();
                let millis: serde_json::Map<String, serde_json::Value> = explained
                    .iter()
                    .map(|(s, _, ms)| (key(*s), json!(ms.map(|m| (m * 10.0).round() / 10.0))))
                    .collect();
                value["ai_reasons"] = json!(reasons);
                value["decision_ms"] = json!(millis);
            }
            writeln!(out, "{value}")?;
        } else {
            write!(out, "{}", escape(&text::turn(&scn, &report, &view)))?;
            for (side, reasons, ms) in &explained {
                let name = escape(&scn.actor(scn.actor_of(*side)).name);
                for reason in reasons {
                    writeln!(out, "    ai {name}: {}", escape(reason))?;
                }
                if let Some(ms) = ms {
                    writeln!(out, "    ai {name}: decided in {ms:.0} ms")?;
                }
            }
        }
        played += 1;
    }
    let view = game.view();
    if args.json {
        let mut score = serde_json::Map::new();
        let mut marks = serde_json::Map::new();
        for side in Side::BOTH {
            let actor = scn.actor_of(side);
            score.insert(
                scn.actor(actor).key.clone(),
                json!((view.status.scores[side.index()] * 100.0).round() / 100.0),
            );
            let list: Vec<serde_json::Value> = objectives::of_side(&view, actor)
                .into_iter()
                .map(|(objective, degree)| {
                    json!({
                        "id": objective.key,
                        "weight": objective.weight,
                        "degree": (degree * 1000.0).round() / 1000.0,
                        "mark": Mark::of(degree).label(),
                    })
                })
                .collect();
            marks.insert(scn.actor(actor).key.clone(), json!(list));
        }
        let outcome = view.status.ended.map(|o| &scn.outcomes[o.index()]);
        writeln!(
            out,
            "{}",
            json!({
                "outcome": outcome.map(|o| o.key.clone()),
                "outcome_name": outcome.map(|o| o.name.clone()),
                "outcome_text": outcome
                    .map(|o| demarche_sim::rules::objectives::ending_text(&view, o)),
                "score": score,
                "objectives": marks,
                "turns": game.turn() - 1,
                "max_rung": view.mil.max_rung,
                "hash": game.hash().to_string(),
                "policies": {
                    scn.actor(scn.sides[0]).key.clone(): names[0],
                    scn.actor(scn.sides[1]).key.clone(): names[1],
                },
                "agendas": {
                    scn.actor(scn.sides[0]).key.clone(): game.agenda(Side::First),
                    scn.actor(scn.sides[1]).key.clone(): game.agenda(Side::Second),
                },
            })
        )?;
    } else {
        write!(out, "{}", escape(&text::summary(&scn, &view)))?;
    }
    if let Some(path) = &args.save {
        let mut settings = BTreeMap::new();
        settings.insert("policy.first".into(), names[0].clone());
        settings.insert("policy.second".into(), names[1].clone());
        for (key, name) in crate::debrief::NAME_KEYS.iter().zip(&players) {
            if let Some(name) = name {
                settings.insert((*key).into(), name.clone());
            }
        }
        SaveFile::of(&game, settings).write(path)?;
        eprintln!("saved to {}", shown(path));
    }
    if let Some(dir) = &args.debrief {
        let folder = crate::debrief::write_named(&game, dir, &names, players.clone())?;
        eprintln!("debrief written to {}", shown(&folder));
    }
    if let Some(path) = &args.record {
        replay.injects = game.injects().iter().map(|e| e.raw.clone()).collect();
        replay.agendas = Side::BOTH.map(|side| game.agenda(side).map(str::to_owned));
        replay.write(path)?;
        eprintln!("replay recorded to {}", shown(path));
    }
    Ok(ExitCode::SUCCESS)
}

/// Checks, before any turn is played, that every file the run will write can be written and
/// replaces nothing by surprise: the folder exists, an existing save or replay is kept unless
/// `--force`, and the save and the replay are not the same file.
fn check_outputs(args: &RunArgs) -> Result<(), CliError> {
    let files = [("--save", &args.save), ("--record", &args.record)];
    for (flag, path) in files {
        if let Some(path) = path {
            check_output_file(flag, path, args.force)?;
        }
    }
    if let (Some(save), Some(record)) = (&args.save, &args.record)
        && same_file(save, record)
    {
        return Err(CliError::Usage(format!(
            "--save and --record name the same file ({}); give each its own",
            shown(save)
        )));
    }
    if let Some(dir) = &args.debrief {
        if dir.exists() && !dir.is_dir() {
            return Err(CliError::Usage(format!(
                "--debrief {}: not a folder",
                shown(dir)
            )));
        }
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::Usage(format!("--debrief {}: cannot create it: {e}", shown(dir)))
        })?;
        probe_writable(dir).map_err(|e| {
            CliError::Usage(format!("--debrief {}: cannot write there: {e}", shown(dir)))
        })?;
    }
    Ok(())
}

fn check_output_file(flag: &str, path: &Path, force: bool) -> Result<(), CliError> {
    let usage = |why: String| CliError::Usage(format!("{flag} {}: {why}", shown(path)));
    if path.is_dir() {
        return Err(usage("is a folder; name a file".into()));
    }
    if path.exists() && !force {
        return Err(usage(
            "exists already; pass --force to replace it, or choose another name".into(),
        ));
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(usage(format!(
            "the folder {} does not exist",
            shown(parent)
        )));
    }
    probe_writable(parent).map_err(|e| usage(format!("cannot write there: {e}")))
}

/// Whether files can be created in `dir`: creates and removes a probe file.
fn probe_writable(dir: &Path) -> std::io::Result<()> {
    let probe = dir.join(format!(".demarche-probe-{}", std::process::id()));
    std::fs::File::create(&probe)?;
    std::fs::remove_file(&probe)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::path::absolute(a), std::path::absolute(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Plays the turns before `from` as the record has them (both sides' historical orders), for a
/// short class that starts in the middle of the record.
fn play_the_record_until(
    scn: &Scenario,
    game: &mut Game,
    replay: &mut Replay,
    from: u32,
) -> Result<(), CliError> {
    let turns = scn.meta.calendar.turns;
    if from == 0 || from > turns {
        return Err(CliError::Usage(format!(
            "--from-turn {from}: the game has turns 1 to {turns}"
        )));
    }
    if from < game.turn() {
        return Err(CliError::Usage(format!(
            "--from-turn {from}: the loaded game is at turn {} already",
            game.turn()
        )));
    }
    while game.turn() < from && !game.is_over() {
        let turn = game.turn();
        let orders: [Vec<Order>; 2] =
            Side::BOTH.map(|side| scn.historical_orders(side, turn).to_vec());
        for side in Side::BOTH {
            game.submit_unchecked(side, orders[side.index()].clone());
        }
        let report = game
            .resolve()
            .map_err(|e| CliError::Usage(e.to_string()))?
            .clone();
        replay.record_report(scn, &orders, &report);
    }
    if game.is_over() {
        return Err(CliError::Usage(format!(
            "--from-turn {from}: the record's own game ends before turn {from}"
        )));
    }
    Ok(())
}

/// Refuses an orders file in which a turn has no memo, when memos are required.
fn require_memos(scn: &Scenario, book: &crate::orders_file::OrdersFile) -> Result<(), CliError> {
    let missing: Vec<String> = book
        .orders
        .keys()
        .filter(|key| book.memos.get(key).is_none_or(|m| m.note.is_none()))
        .map(|(side, turn)| format!("{} turn {turn}", scn.actor(scn.actor_of(*side)).key))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CliError::Orders(format!(
            "memos are required (--require-memos), and these turns have none: {}; add `memo: \"...\"` to each entry",
            missing.join(", ")
        )))
    }
}

/// Reads an inject file for this scenario; its problems are printed like a scenario's.
pub fn load_injects(
    scn: &Scenario,
    path: &Path,
) -> Result<Vec<demarche_sim::scenario::injects::LoadedInject>, CliError> {
    match demarche_sim::scenario::injects::load_injects(scn, path) {
        Ok((injects, warnings)) => {
            for w in &warnings {
                eprintln!("{}", escape(&w.to_string()));
            }
            Ok(injects)
        }
        Err(e) => Err(CliError::Injects(e)),
    }
}

/// The players' names given with `--player ACTOR=NAME`, by side index.
fn player_names(scn: &Scenario, given: &[String]) -> Result<[Option<String>; 2], CliError> {
    let mut names: [Option<String>; 2] = [None, None];
    for entry in given {
        let (side, name) = side_and_value(scn, "--player", entry, "NAME")?;
        if name.is_empty() || name.chars().count() > 80 {
            return Err(CliError::Usage(format!(
                "--player {entry}: a name of 1 to 80 characters"
            )));
        }
        names[side.index()] = Some(name.to_owned());
    }
    Ok(names)
}

/// Sets the agendas named with `--agenda ACTOR=AGENDA` (`none`: the scenario's weights).
fn name_agendas(scn: &Scenario, game: &mut Game, given: &[String]) -> Result<(), CliError> {
    for entry in given {
        let (side, agenda) = side_and_value(scn, "--agenda", entry, "AGENDA")?;
        let key = (agenda != "none").then_some(agenda);
        game.set_agenda(side, key)
            .map_err(|e| CliError::Usage(format!("--agenda {entry}: {e}")))?;
    }
    Ok(())
}

/// A `--flag ACTOR=VALUE` entry: the side (with a did-you-mean and the list of sides when the
/// actor is not one) and the value, trimmed.
fn side_and_value<'a>(
    scn: &Scenario,
    flag: &str,
    entry: &'a str,
    what: &str,
) -> Result<(Side, &'a str), CliError> {
    let Some((actor, value)) = entry.split_once('=') else {
        return Err(CliError::Usage(format!(
            "{flag} {entry}: write ACTOR={what}, e.g. {flag} {}=...",
            scn.actor(scn.sides[0]).key
        )));
    };
    let side = scn.side_named(actor.trim()).map_err(CliError::Side)?;
    Ok((side, value.trim()))
}
