//! Comparing a class's groups: several games of one scenario side by side, with the historical
//! record as a dashed reference line. Writes `compare.html` (charts), `compare.csv` (one row
//! per group) and `compare.json` (the rows and every series).

use std::fmt::Write;
use std::path::{Path, PathBuf};

use demarche_sim::scenario::{Indicator, Order};
use demarche_sim::{Game, Scenario, Side};
use serde_json::{Value, json};

use super::gather::partners;
use super::html::{PAGE_END, figure, page_start};
use super::table::{TurnTable, csv_field, relation_key, side_key};
use crate::chart::{Chart, escape};

/// The files a comparison writes.
pub const FILES: [&str; 3] = ["compare.html", "compare.csv", "compare.json"];

/// One group's game, summed up.
#[derive(Clone, Debug)]
pub struct Group {
    /// The group's label (its file's stem).
    pub label: String,
    /// The file it was read from, as given.
    pub file: String,
    /// Who played each side, by [`Side::index`].
    pub policies: [String; 2],
    /// The game seed.
    pub seed: u64,
    /// The outcome's key and name, once over.
    pub outcome: Option<(String, String)>,
    /// Each side's score.
    pub scores: [f64; 2],
    /// The highest rung reached.
    pub max_rung: u8,
    /// Turns resolved.
    pub turns: usize,
    /// The first turn whose orders differ from the record's, and the sides (actor keys) whose
    /// orders differ then; `None` when the game followed the record throughout.
    pub departure: Option<(u32, Vec<String>)>,
    /// Every number per turn.
    pub table: TurnTable,
}

impl Group {
    /// Sums up a game played by `policies`, read from `file`.
    pub fn of(label: String, file: String, game: &Game, policies: [String; 2]) -> Group {
        let scn = game.scenario();
        let view = game.view();
        Group {
            label,
            file,
            policies,
            seed: game.seed(),
            outcome: view.status.ended.map(|o| {
                let o = &scn.outcomes[o.index()];
                (o.key.clone(), o.name.clone())
            }),
            scores: view.status.scores,
            max_rung: view.mil.max_rung,
            turns: game.history().len(),
            departure: first_departure(game),
            table: TurnTable::of(game),
        }
    }
}

/// The first turn in which a side's orders (as given, before any refusal) are not the record's
/// orders for that turn, with the sides that departed from it then.
pub fn first_departure(game: &Game) -> Option<(u32, Vec<String>)> {
    let scn = game.scenario();
    game.history().iter().enumerate().find_map(|(i, report)| {
        let sides: Vec<String> = Side::BOTH
            .into_iter()
            .filter(|side| {
                let mut given = given_orders(game, i, *side);
                let mut record = scn.historical_orders(*side, report.turn).to_vec();
                given.sort();
                record.sort();
                given != record
            })
            .map(|side| side_key(scn, side))
            .collect();
        (!sides.is_empty()).then_some((report.turn, sides))
    })
}

/// The orders a side gave in the `i`-th resolved turn: as submitted when the game knows them,
/// else those its report carried out and refused.
fn given_orders(game: &Game, i: usize, side: Side) -> Vec<Order> {
    if let Some(turns) = game.turn_orders()
        && let Some(turn) = turns.get(i)
    {
        return turn[side.index()].clone();
    }
    let scn = game.scenario();
    let report = &game.history()[i];
    report.orders[side.index()]
        .iter()
        .chain(report.refused[side.index()].iter().map(|(o, _)| o))
        .filter_map(|raw| scn.resolve_order(raw).ok())
        .collect()
}

/// Several groups' games of one scenario, and the historical run they are compared with.
pub struct Comparison<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The groups, in the order given.
    pub groups: Vec<Group>,
    /// The historical record played by both sides over as many turns (the dashed line).
    pub reference: Group,
    /// Whether the games were played with different seeds (their chance events differ).
    pub different_draws: bool,
}

impl Comparison<'_> {
    /// The charts: tension, the ladder, each side's approval and score, the relation between
    /// the sides and each side's relations with its partners; one line per group and a dashed
    /// one for the record.
    pub fn charts(&self) -> Vec<Chart> {
        let scn = self.scenario;
        let mut specs: Vec<(String, &str, String)> = vec![
            ("Tension".into(), "0–100", "tension".into()),
            ("Escalation ladder".into(), "rung", "rung".into()),
        ];
        for side in Side::BOTH {
            let (key, name) = (side_key(scn, side), &scn.actor(scn.actor_of(side)).name);
            let approval = format!("{key}.{}", Indicator::Approval.key());
            specs.push((format!("{name}: approval"), "0–100", approval));
            specs.push((format!("{name}: score"), "0–100", format!("{key}.score")));
        }
        let (first, second) = (scn.actor_of(Side::First), scn.actor_of(Side::Second));
        specs.push((
            format!(
                "Relation {}–{}",
                scn.actor(first).name,
                scn.actor(second).name
            ),
            "−100 to 100",
            relation_key(scn, first, second),
        ));
        for side in Side::BOTH {
            let me = scn.actor_of(side);
            for other in partners(scn, side).into_iter().skip(1) {
                specs.push((
                    format!("Relation {}–{}", scn.actor(me).name, scn.actor(other).name),
                    "−100 to 100",
                    relation_key(scn, me, other),
                ));
            }
        }
        specs
            .into_iter()
            .map(|(title, unit, key)| self.chart(title, unit, &key))
            .collect()
    }

    fn chart(&self, title: String, unit: &str, key: &str) -> Chart {
        let mut chart = Chart::new(title, unit, "turn");
        for g in &self.groups {
            chart = chart.with(g.label.clone(), g.table.points(key), false);
        }
        chart.with("historical record", self.reference.table.points(key), true)
    }

    /// One row per group: file, policies, seed, outcome, scores, highest rung, turns played and
    /// the first turn that departs from the record.
    pub fn csv(&self) -> String {
        let keys = Side::BOTH.map(|s| side_key(self.scenario, s));
        let mut out = format!(
            "group,file,policy.{0},policy.{1},seed,outcome,score.{0},score.{1},max_rung,turns,first_departure,departing_sides\n",
            keys[0], keys[1]
        );
        for g in &self.groups {
            let fields = [
                g.label.clone(),
                g.file.clone(),
                g.policies[0].clone(),
                g.policies[1].clone(),
                g.seed.to_string(),
                g.outcome.as_ref().map_or_else(String::new, |o| o.0.clone()),
                format!("{:.2}", g.scores[0]),
                format!("{:.2}", g.scores[1]),
                g.max_rung.to_string(),
                g.turns.to_string(),
                g.departure
                    .as_ref()
                    .map_or_else(String::new, |d| d.0.to_string()),
                g.departure
                    .as_ref()
                    .map_or_else(String::new, |d| d.1.join("+")),
            ];
            let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            let _ = writeln!(out, "{}", fields.join(","));
        }
        out
    }

    /// The rows, the reference and every group's series.
    pub fn json(&self) -> Value {
        let scn = self.scenario;
        let keys = Side::BOTH.map(|s| side_key(scn, s));
        let group = |g: &Group| {
            json!({
                "group": g.label,
                "file": g.file,
                "policies": {keys[0].clone(): g.policies[0], keys[1].clone(): g.policies[1]},
                "seed": g.seed,
                "outcome": g.outcome.as_ref().map(|o| json!({"key": o.0, "name": o.1})),
                "scores": {keys[0].clone(): round(g.scores[0]), keys[1].clone(): round(g.scores[1])},
                "max_rung": g.max_rung,
                "turns": g.turns,
                "first_departure": g.departure.as_ref().map(|d| json!({"turn": d.0, "sides": d.1})),
                "table": g.table.json(),
            })
        };
        let charts: Vec<Value> = self
            .charts()
            .iter()
            .map(|c| {
                json!({
                    "title": c.title,
                    "unit": c.unit,
                    "series": c.series.iter().map(|s| json!({
                        "label": s.label,
                        "dashed": s.dashed,
                        "points": s.points.iter().map(|p| json!([p[0], p[1].is_finite().then_some(p[1])])).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "format": "demarche-comparison",
            "version": 1,
            "scenario": {"id": scn.meta.id, "title": scn.meta.title},
            "different_draws": self.different_draws,
            "groups": self.groups.iter().map(group).collect::<Vec<_>>(),
            "reference": group(&self.reference),
            "charts": charts,
        })
    }

    /// The printable page: the groups' table, then the charts.
    pub fn html(&self) -> String {
        let scn = self.scenario;
        let mut out = page_start(&format!("Groups compared: {}", scn.meta.title));
        let _ = write!(
            out,
            "<p class=\"meta\">Scenario <code>{}</code> · {} games · the dashed line is the historical record played by both sides (seed {}, {} turns)</p>",
            escape(&scn.meta.id),
            self.groups.len(),
            self.reference.seed,
            self.reference.turns
        );
        if self.different_draws {
            out.push_str("<p><strong>Warning:</strong> these games were played with different seeds, so their chance events differ: part of the differences between groups is luck.</p>");
        }
        self.table_html(&mut out);
        out.push_str("<section><h2>Charts</h2>");
        for chart in self.charts() {
            figure(&mut out, &chart);
        }
        out.push_str("</section>");
        out.push_str(PAGE_END);
        out
    }

    fn table_html(&self, out: &mut String) {
        let scn = self.scenario;
        let names = Side::BOTH.map(|s| escape(&scn.actor(scn.actor_of(s)).name));
        let _ = write!(
            out,
            "<section><h2>Groups</h2><table class=\"groups\"><tr><th>Group</th><th>{0}</th><th>{1}</th><th>Seed</th><th>Outcome</th><th class=\"num\">Score {0}</th><th class=\"num\">Score {1}</th><th>Highest rung</th><th class=\"num\">Turns</th><th>Leaves the record</th></tr>",
            names[0], names[1]
        );
        for g in self.groups.iter().chain(std::iter::once(&self.reference)) {
            let departure = g.departure.as_ref().map_or_else(
                || "never".to_owned(),
                |d| format!("turn {} ({})", d.0, d.1.join(", ")),
            );
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:.0}</td><td class=\"num\">{:.0}</td><td>{} ({})</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&g.label),
                escape(&g.policies[0]),
                escape(&g.policies[1]),
                g.seed,
                escape(g.outcome.as_ref().map_or("not over", |o| o.1.as_str())),
                g.scores[0],
                g.scores[1],
                g.max_rung,
                escape(
                    scn.ladder
                        .get(usize::from(g.max_rung))
                        .map_or("", |r| r.name.as_str())
                ),
                g.turns,
                escape(&departure)
            );
        }
        out.push_str("</table></section>");
    }

    /// Writes the three files into a new folder inside `dir` (never an existing one); returns
    /// the folder.
    pub fn write(&self, dir: &Path) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let json = serde_json::to_string_pretty(&self.json()).map_err(std::io::Error::other)?;
        let contents = [self.html(), self.csv(), json];
        let stem = format!(
            "compare-{}-{}-games",
            super::clean(&self.scenario.meta.id),
            self.groups.len()
        );
        let folder = super::new_folder(dir, &stem)?;
        for (name, text) in FILES.iter().zip(&contents) {
            super::write_file(&folder.join(name), text)?;
        }
        Ok(folder)
    }
}

fn round(x: f64) -> Value {
    json!((x * 100.0).round() / 100.0)
}
