//! `demarche run`: one game headless, a report per turn.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use demarche_sim::replay::Replay;
use demarche_sim::rules::objectives::{self, Mark};
use demarche_sim::save::SaveFile;
use demarche_sim::scenario::Order;
use demarche_sim::scenario::raw::RawHistoricalTurn;
use demarche_sim::{Game, Scenario, Side};
use serde_json::json;

use super::load_scenario;
use crate::args::RunArgs;
use crate::error::CliError;
use crate::{json as js, policies, text};

/// Orders from a file, by side and turn.
type OrderBook = BTreeMap<(Side, u32), Vec<Order>>;

/// Plays the game as asked.
pub fn run(args: &RunArgs) -> Result<ExitCode, CliError> {
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
            write!(out, "{}", text::turn(&scn, &report, &view))?;
            for (side, reasons, ms) in &explained {
                let name = &scn.actor(scn.actor_of(*side)).name;
                for reason in reasons {
                    writeln!(out, "    ai {name}: {reason}")?;
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
        write!(out, "{}", text::summary(&scn, &view))?;
    }
    if let Some(path) = &args.save {
        let mut settings = BTreeMap::new();
        settings.insert("policy.first".into(), names[0].clone());
        settings.insert("policy.second".into(), names[1].clone());
        SaveFile::of(&game, settings).write(path)?;
        eprintln!("saved to {}", path.display());
    }
    if let Some(dir) = &args.debrief {
        let (md, csv) = crate::debrief::write(&game, dir)?;
        eprintln!("debrief written to {} and {}", md.display(), csv.display());
    }
    if let Some(path) = &args.record {
        replay.write(path)?;
        eprintln!("replay recorded to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads an orders file: the same entries as a scenario's `historical.ron`.
fn read_orders(scn: &Scenario, path: &Path) -> Result<OrderBook, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Orders(format!("{}: {e}", path.display())))?;
    let entries: Vec<RawHistoricalTurn> = demarche_sim::scenario::read::ron_options()
        .from_str(&text)
        .map_err(|e| {
            CliError::Orders(format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            ))
        })?;
    let mut book = OrderBook::new();
    for (i, entry) in entries.iter().enumerate() {
        let at =
            |msg: String| CliError::Orders(format!("{} entry {}: {msg}", path.display(), i + 1));
        let actor = scn
            .names
            .actors
            .get(&entry.side)
            .ok_or_else(|| at(format!("unknown side `{}`", entry.side)))?;
        let side = scn
            .side_of(*actor)
            .ok_or_else(|| at(format!("`{}` is not a playable side", entry.side)))?;
        let mut orders = Vec::new();
        for raw in &entry.orders {
            orders.push(scn.resolve_order(raw).map_err(at)?);
        }
        book.insert((side, entry.turn), orders);
    }
    Ok(book)
}
