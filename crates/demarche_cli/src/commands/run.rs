//! `demarche run`: one game headless, a report per turn.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use demarche_sim::replay::Replay;
use demarche_sim::rules::objectives::{self, Mark};
use demarche_sim::save::SaveFile;
use demarche_sim::scenario::Order;
use demarche_sim::scenario::Problem;
use demarche_sim::scenario::raw::RawHistoricalTurn;
use demarche_sim::scenario::read::{SourceText, parse_list};
use demarche_sim::{Game, Scenario, Side};
use serde_json::json;

use super::load_scenario;
use crate::args::RunArgs;
use crate::error::CliError;
use crate::terminal::{escape, shown};
use crate::{json as js, policies, text};

/// Orders from a file, by side and turn.
pub type OrderBook = BTreeMap<(Side, u32), Vec<Order>>;

/// Plays the game as asked.
pub fn run(args: &RunArgs) -> Result<ExitCode, CliError> {
    check_outputs(args)?;
    let scn = load_scenario(&args.scenario)?;
    let names = policies::names(&scn, &args.policies)?;
    let book = match &args.orders {
        Some(path) => read_orders(&scn, path)?,
        None => OrderBook::new(),
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
    if args.record.is_some() && game.turn() != 1 {
        return Err(CliError::Usage(
            "--record needs a game from its first turn (not with --load)".into(),
        ));
    }
    let mut policies = policies::build_pair(&names, game.seed())?;
    let mut replay = Replay::start(&scn, game.seed());
    replay
        .settings
        .insert("policy.first".into(), names[0].clone());
    replay
        .settings
        .insert("policy.second".into(), names[1].clone());
    let limit = args.turns.unwrap_or(u32::MAX);
    let mut out = std::io::stdout().lock();
    let mut played = 0;
    while played < limit && !game.is_over() {
        let turn = game.turn();
        let mut submitted: [Vec<Order>; 2] = Default::default();
        let mut explained: Vec<(Side, Vec<String>, Option<f64>)> = Vec::new();
        for side in Side::BOTH {
            let orders = match book.get(&(side, turn)) {
                Some(orders) => orders.clone(),
                None if game.submitted(side).is_empty() => {
                    let policy = &mut policies[side.index()];
                    let orders = policy.orders(&game.side_view(side));
                    if let Some(ms) = policy.decision_ms() {
                        explained.push((side, policy.reasons(), Some(ms)));
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
        replay.record(&scn, turn, &submitted, report.hash);
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
            })
        )?;
    } else {
        write!(out, "{}", escape(&text::summary(&scn, &view)))?;
    }
    if let Some(path) = &args.save {
        let mut settings = BTreeMap::new();
        settings.insert("policy.first".into(), names[0].clone());
        settings.insert("policy.second".into(), names[1].clone());
        SaveFile::of(&game, settings).write(path)?;
        eprintln!("saved to {}", shown(path));
    }
    if let Some(dir) = &args.debrief {
        let folder = crate::debrief::write(&game, dir, &names)?;
        eprintln!("debrief written to {}", shown(&folder));
    }
    if let Some(path) = &args.record {
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

/// Largest orders file read.
pub const MAX_ORDERS_BYTES: u64 = 4 * 1024 * 1024;

/// Reads an orders file: the same entries as a scenario's `historical.ron`. Every entry must name
/// a playable side and a turn of the game, each side's turn at most once; problems are reported
/// with their line and column.
fn read_orders(scn: &Scenario, path: &Path) -> Result<OrderBook, CliError> {
    parse_orders(scn, path, read_orders_text(path)?)
}

/// Parses an orders file's text (`path` only names it in errors), with the checks of
/// [`read_orders`].
pub fn parse_orders(scn: &Scenario, path: &Path, text: String) -> Result<OrderBook, CliError> {
    let src = SourceText::new(path.to_path_buf(), text);
    let mut problems = Vec::new();
    let parsed = parse_list::<RawHistoricalTurn>(&src, &mut problems);
    let located = |index: usize, field: &str, message: String| -> String {
        let place = src
            .locate(&format!("[{index}].{field}"))
            .map(|(at, _)| format!("{}:{}", at.line, at.col))
            .unwrap_or_else(|| "1:1".into());
        format!("{}:{place}: {message}", shown(path))
    };
    let mut errors: Vec<String> = problems.iter().map(Problem::headline).collect();
    let mut book = OrderBook::new();
    let turns = scn.meta.calendar.turns;
    for (i, entry) in &parsed.items {
        let Some(actor) = scn.names.actors.get(&entry.side) else {
            errors.push(located(
                *i,
                "side",
                format!("unknown side `{}`", entry.side),
            ));
            continue;
        };
        let Some(side) = scn.side_of(*actor) else {
            errors.push(located(
                *i,
                "side",
                format!("`{}` is not a playable side", entry.side),
            ));
            continue;
        };
        if entry.turn == 0 || entry.turn > turns {
            errors.push(located(
                *i,
                "turn",
                format!(
                    "turn {} is outside the game, which has turns 1 to {turns}",
                    entry.turn
                ),
            ));
            continue;
        }
        let mut orders = Vec::new();
        for (j, raw) in entry.orders.iter().enumerate() {
            match scn.resolve_order(raw) {
                Ok(order) => orders.push(order),
                Err(why) => errors.push(located(*i, &format!("orders[{j}]"), why)),
            }
        }
        if book.insert((side, entry.turn), orders).is_some() {
            errors.push(located(
                *i,
                "turn",
                format!(
                    "{}'s turn {} is given twice; give each side's turn once",
                    entry.side, entry.turn
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(book)
    } else {
        Err(CliError::Orders(errors.join("\n")))
    }
}

/// The orders file's text, by the game's one reading rule: a regular file, read up to its cap.
fn read_orders_text(path: &Path) -> Result<String, CliError> {
    demarche_sim::files::read_text(path, MAX_ORDERS_BYTES)
        .map_err(|why| CliError::Orders(format!("{}: {why}", shown(path))))
}
