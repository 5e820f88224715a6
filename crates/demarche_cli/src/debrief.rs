//! The debrief for teachers: the game's timeline, outcome and objectives as Markdown, and every
//! indicator per turn as CSV, written into a new folder per game.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use demarche_sim::report::{Metric, ReportKind};
use demarche_sim::rules::objectives::{self, Mark};
use demarche_sim::scenario::Indicator;
use demarche_sim::{Game, Side};

/// The Markdown debrief of a game.
pub fn markdown(game: &Game) -> String {
    let scn = game.scenario();
    let view = game.view();
    let mut out = String::new();
    let _ = writeln!(out, "# Debrief: {}\n", scn.meta.title);
    let outcome = view.status.ended.map(|o| &scn.outcomes[o.index()]);
    let _ = writeln!(
        out,
        "**Outcome:** {} (seed {}, {} turns played)\n",
        outcome.map_or("not over yet", |o| o.name.as_str()),
        game.seed(),
        game.history().len()
    );
    if let Some(o) = outcome {
        let text = demarche_sim::rules::objectives::ending_text(&view, o);
        let _ = writeln!(out, "{text}\n");
    }
    let _ = writeln!(
        out,
        "Highest escalation rung: {} ({}). Incidents: {}.\n",
        view.mil.max_rung,
        scn.ladder[usize::from(view.mil.max_rung)].name,
        view.mil.incidents
    );
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let _ = writeln!(
            out,
            "## {}: score {:.0}\n",
            scn.actor(actor).name,
            view.status.scores[side.index()]
        );
        for (o, degree) in objectives::of_side(&view, actor) {
            let mark = Mark::of(degree).label();
            let _ = writeln!(
                out,
                "- **{}** (weight {}): {mark}. {}",
                o.name, o.weight, o.description
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Timeline\n");
    for report in game.history() {
        let _ = writeln!(
            out,
            "### Turn {} ({} to {})\n",
            report.turn, report.start, report.end
        );
        for h in &report.headlines {
            let _ = writeln!(out, "- **{h}**");
        }
        for e in &report.events {
            if matches!(
                e.kind,
                ReportKind::Order(_) | ReportKind::Event(_) | ReportKind::Ending
            ) {
                let mid = e.mid.map(|m| format!(" (MID {m})")).unwrap_or_default();
                let _ = writeln!(out, "- {}{mid}", e.text);
            }
        }
        out.push('\n');
    }
    if !view.sanc.episodes.is_empty() {
        let _ = writeln!(out, "## Sanction episodes (TIES)\n");
        for e in &view.sanc.episodes {
            let _ = writeln!(
                out,
                "- Turn {}: {}'s {} on {}: {}",
                e.turn,
                scn.actor(e.sender).name,
                e.kind.label(),
                scn.sector(e.sector).name,
                e.outcome.label()
            );
        }
        out.push('\n');
    }
    let mut concepts: Vec<usize> = game
        .history()
        .iter()
        .flat_map(|r| {
            r.events
                .iter()
                .flat_map(|e| e.concepts.iter().map(|c| c.index()))
        })
        .collect();
    concepts.sort_unstable();
    concepts.dedup();
    if !concepts.is_empty() {
        let _ = writeln!(out, "## Concepts at work in this game\n");
        for c in concepts {
            let concept = &scn.concepts[c];
            let _ = writeln!(out, "- **{}**: {}", concept.term, concept.definition);
        }
        out.push('\n');
    }
    out
}

/// The indicators per turn as CSV: one row per turn, the start as turn 0.
pub fn csv(game: &Game) -> String {
    let scn = game.scenario();
    let mut metrics: Vec<Metric> = Vec::new();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        for indicator in Indicator::ALL {
            metrics.push(Metric::Actor(actor, indicator));
        }
        metrics.push(Metric::Belief(side));
    }
    metrics.extend([Metric::Tension, Metric::Trade, Metric::BackChannel]);
    let series: Vec<Vec<[f64; 2]>> = metrics.iter().map(|m| game.series(*m)).collect();
    let mut out = String::from("turn,start");
    for m in &metrics {
        let _ = write!(out, ",{}", m.key(scn));
    }
    out.push_str(",rung\n");
    let calendar = scn.meta.calendar;
    for t in 0..=game.history().len() {
        let date = calendar.turn_start(t as u32 + 1);
        let _ = write!(out, "{t},{date}");
        for s in &series {
            let _ = write!(out, ",{:.2}", s.get(t).map_or(f64::NAN, |p| p[1]));
        }
        let rung = if t == 0 {
            0
        } else {
            game.history()[t - 1].rung
        };
        let _ = writeln!(out, ",{rung}");
    }
    out
}

/// Writes the debrief into a new folder inside `dir`, named after the scenario, the sides'
/// policies and the seed (with a counter when such a folder exists already, so a debrief never
/// overwrites another): `debrief.md` and `turns.csv`. Returns the folder.
pub fn write(game: &Game, dir: &Path, policies: &[String; 2]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let clean = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    let stem = format!(
        "{}-{}-vs-{}-seed{}",
        clean(&game.scenario().meta.id),
        clean(&policies[0]),
        clean(&policies[1]),
        game.seed()
    );
    let folder = new_folder(dir, &stem)?;
    demarche_sim::save::write_atomically(&folder.join("debrief.md"), markdown(game).as_bytes())
        .map_err(std::io::Error::other)?;
    demarche_sim::save::write_atomically(&folder.join("turns.csv"), csv(game).as_bytes())
        .map_err(std::io::Error::other)?;
    Ok(folder)
}

/// Creates `dir/stem`, or `dir/stem-2`, `-3`… when it exists: never an existing folder.
fn new_folder(dir: &Path, stem: &str) -> std::io::Result<PathBuf> {
    for n in 1..10_000u32 {
        let name = if n == 1 {
            stem.to_owned()
        } else {
            format!("{stem}-{n}")
        };
        let folder = dir.join(name);
        match std::fs::create_dir(&folder) {
            Ok(()) => return Ok(folder),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{} already holds 9,999 debriefs of this game",
        dir.display()
    )))
}
