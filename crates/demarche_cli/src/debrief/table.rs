//! The turn table: every number of a game per turn (turn 0 being the start), one column per
//! number. The CSV, the charts, the JSON and group comparisons all read it.

use demarche_sim::report::Metric;
use demarche_sim::scenario::{Indicator, MeasureKind, TrackStatus};
use demarche_sim::state::SimState;
use demarche_sim::{ActorId, Game, Scenario, SectorId, Side};

/// One value of the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Not known: the state of that turn could not be rebuilt.
    Empty,
    /// A number.
    Number(f64),
    /// A word, such as a track's status.
    Text(String),
}

impl Cell {
    /// The number, if the cell holds one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// The cell as CSV text: numbers with two decimals, words quoted when they need it.
    pub fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(x) => format!("{:.2}", if x.abs() < 0.005 { 0.0 } else { *x }),
            Cell::Text(t) => csv_field(t),
        }
    }

    /// The cell as JSON: a number rounded to two decimals, a string, or null.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Empty => serde_json::Value::Null,
            Cell::Number(x) => serde_json::json!((x * 100.0).round() / 100.0 + 0.0),
            Cell::Text(t) => serde_json::json!(t),
        }
    }
}

/// A CSV field, quoted (with doubled quotes) when it holds a comma, a quote or a line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One number over the game.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Machine key, such as `JPN.approval`, `JPN~USA`, `tension`, `track.treaty.status`.
    pub key: String,
    /// One cell per row of the table.
    pub cells: Vec<Cell>,
}

/// Every number of a game per turn: row 0 is the start, row `t` the state after the `t`-th
/// resolved turn.
#[derive(Clone, Debug, PartialEq)]
pub struct TurnTable {
    /// The turn of each row (0 for the start).
    pub turns: Vec<u32>,
    /// The date each row's state stands at (the first day of the next turn).
    pub starts: Vec<String>,
    /// The columns, in a stable order.
    pub columns: Vec<Column>,
}

impl TurnTable {
    /// Gathers the table of a game. Numbers the reports explain are rebuilt from them; the
    /// others (ladder, scores at the start, sanction measures, track status, scrambles) come
    /// from [`Game::state_at`], and are left empty for turns whose state cannot be rebuilt.
    pub fn of(game: &Game) -> TurnTable {
        let scn = game.scenario();
        let history = game.history();
        let mut turns = vec![0];
        turns.extend(history.iter().map(|r| r.turn));
        let starts = turns
            .iter()
            .map(|t| scn.meta.calendar.turn_start(t + 1).to_string())
            .collect();
        let states = states(game);
        let mut table = TurnTable {
            turns,
            starts,
            columns: Vec::new(),
        };
        table.add_reported(game, &base_metrics(scn));
        table.add_ladder(game, &states);
        table.add_scores(game, &states);
        table.add_reported(game, &relation_metrics(scn));
        table.add_tracks(game, &states);
        table.add_sanctions(scn, &states);
        table.add_scrambles(scn, &states);
        table.add_memos(game);
        table
    }

    /// The column with this key.
    pub fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    /// A column as chart points `[turn, value]`, NaN where a value is missing (an unknown key
    /// gives no points).
    pub fn points(&self, key: &str) -> Vec<[f64; 2]> {
        self.column(key).map_or_else(Vec::new, |c| {
            self.turns
                .iter()
                .zip(&c.cells)
                .map(|(t, cell)| [f64::from(*t), cell.number().unwrap_or(f64::NAN)])
                .collect()
        })
    }

    /// The table as CSV: `turn,start`, then every column; one line per row.
    pub fn csv(&self) -> String {
        let mut out = String::from("turn,start");
        for c in &self.columns {
            out.push(',');
            out.push_str(&csv_field(&c.key));
        }
        out.push('\n');
        for (row, (turn, start)) in self.turns.iter().zip(&self.starts).enumerate() {
            out.push_str(&format!("{turn},{start}"));
            for c in &self.columns {
                out.push(',');
                out.push_str(&c.cells[row].csv());
            }
            out.push('\n');
        }
        out
    }

    /// The table as JSON: `{"columns": [...], "rows": [{"turn", "start", "values": [...]}]}`.
    pub fn json(&self) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .turns
            .iter()
            .zip(&self.starts)
            .enumerate()
            .map(|(row, (turn, start))| {
                let values: Vec<_> = self.columns.iter().map(|c| c.cells[row].json()).collect();
                serde_json::json!({"turn": turn, "start": start, "values": values})
            })
            .collect();
        let columns: Vec<&str> = self.columns.iter().map(|c| c.key.as_str()).collect();
        serde_json::json!({"columns": columns, "rows": rows})
    }

    fn push(&mut self, key: String, cells: Vec<Cell>) {
        self.columns.push(Column { key, cells });
    }

    /// A column per metric, rebuilt from the reports.
    fn add_reported(&mut self, game: &Game, metrics: &[Metric]) {
        for m in metrics {
            let cells = game.series(*m).iter().map(|p| Cell::Number(p[1])).collect();
            self.push(m.key(game.scenario()), cells);
        }
    }

    /// The rung after each turn (reports), the highest so far and the incidents (states).
    fn add_ladder(&mut self, game: &Game, states: &[Option<SimState>]) {
        let start = states[0].as_ref().map_or(0, |s| s.military.rung);
        let mut rung = vec![Cell::Number(f64::from(start))];
        rung.extend(
            game.history()
                .iter()
                .map(|r| Cell::Number(f64::from(r.rung))),
        );
        self.push("rung".into(), rung);
        self.push(
            "max_rung".into(),
            of_states(states, |s| Cell::Number(f64::from(s.military.max_rung))),
        );
        self.push(
            "incidents".into(),
            of_states(states, |s| Cell::Number(f64::from(s.military.incidents))),
        );
    }

    /// Each side's score: at the start from the state, after each turn from its report.
    fn add_scores(&mut self, game: &Game, states: &[Option<SimState>]) {
        let scn = game.scenario();
        for side in Side::BOTH {
            let mut cells = vec![
                states[0]
                    .as_ref()
                    .map_or(Cell::Empty, |s| Cell::Number(s.status.scores[side.index()])),
            ];
            cells.extend(
                game.history()
                    .iter()
                    .map(|r| Cell::Number(r.scores[side.index()])),
            );
            self.push(format!("{}.score", side_key(scn, side)), cells);
        }
    }

    /// Each track's progress (reports) and status (states).
    fn add_tracks(&mut self, game: &Game, states: &[Option<SimState>]) {
        let scn = game.scenario();
        for (i, track) in scn.tracks.iter().enumerate() {
            let id = demarche_sim::TrackId::from_index(i);
            self.add_reported(game, &[Metric::Progress(id)]);
            self.push(
                format!("track.{}.status", track.key),
                of_states(states, |s| {
                    s.diplomacy
                        .tracks
                        .get(i)
                        .map_or(Cell::Empty, |t| Cell::Text(status_key(t.status).into()))
                }),
            );
        }
    }

    /// Each side's sanction level on the other, then each measure imposed at some point of
    /// the game (its severity per turn, 0 when not in force).
    fn add_sanctions(&mut self, scn: &Scenario, states: &[Option<SimState>]) {
        for side in Side::BOTH {
            let (sender, target) = (scn.actor_of(side), scn.actor_of(side.other()));
            self.push(
                format!("{}.sanction_level", side_key(scn, side)),
                of_states(states, |s| Cell::Number(s.sanctions.level(sender, target))),
            );
        }
        let mut keys: Vec<MeasureKey> = states
            .iter()
            .flatten()
            .flat_map(|s| s.sanctions.measures.iter())
            .map(|m| (m.sender, m.target, m.sector, m.kind))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            self.push(
                measure_key(scn, key),
                of_states(states, |s| {
                    let (sender, target, sector, kind) = key;
                    Cell::Number(
                        s.sanctions
                            .find(sender, target, sector, kind)
                            .map_or(0.0, |m| m.severity),
                    )
                }),
            );
        }
    }

    /// Scrambles flown so far, per actor.
    fn add_scrambles(&mut self, scn: &Scenario, states: &[Option<SimState>]) {
        for (i, actor) in scn.actors.iter().enumerate() {
            self.push(
                format!("{}.scrambles", actor.key),
                of_states(states, |s| {
                    s.military
                        .scrambles
                        .get(i)
                        .map_or(Cell::Empty, |n| Cell::Number(f64::from(*n)))
                }),
            );
        }
        let mut pairs: Vec<(ActorId, ActorId)> = states
            .iter()
            .flatten()
            .flat_map(|s| {
                s.military
                    .scrambles_against
                    .iter()
                    .map(|p| (p.by, p.against))
            })
            .collect();
        pairs.sort();
        pairs.dedup();
        for (by, against) in pairs {
            self.push(
                format!(
                    "{}.scrambles_against.{}",
                    scn.actor(by).key,
                    scn.actor(against).key
                ),
                of_states(states, |s| {
                    Cell::Number(f64::from(s.military.scrambles_between(by, against)))
                }),
            );
        }
    }

    /// Each side's memo per turn (the row of the turn it was written for; empty at the start).
    fn add_memos(&mut self, game: &Game) {
        let scn = game.scenario();
        for side in demarche_sim::Side::BOTH {
            let mut cells = vec![Cell::Empty];
            cells.extend(game.history().iter().map(|r| {
                let memo = &r.memos[side.index()];
                if memo.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(super::gather::memo_text(scn, memo))
                }
            }));
            self.push(format!("{}.memo", side_key(scn, side)), cells);
        }
    }
}

/// A sanction measure's identity: sender, target, sector, kind.
type MeasureKey = (ActorId, ActorId, SectorId, MeasureKind);

/// The column key of a measure, e.g. `sanction.JPN>RUS.coal.import_restriction`.
fn measure_key(scn: &Scenario, (sender, target, sector, kind): MeasureKey) -> String {
    format!(
        "sanction.{}>{}.{}.{}",
        scn.actor(sender).key,
        scn.actor(target).key,
        scn.sector(sector).key,
        kind.label().replace(' ', "_")
    )
}

/// The metrics of the first columns (the columns of the first debriefs): both sides'
/// indicators and beliefs, tension, trade and the back-channel.
fn base_metrics(scn: &Scenario) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        metrics.extend(Indicator::ALL.iter().map(|i| Metric::Actor(actor, *i)));
        metrics.push(Metric::Belief(side));
    }
    metrics.extend([Metric::Tension, Metric::Trade, Metric::BackChannel]);
    metrics
}

/// Every relation between two actors of the scenario, the smaller id first.
pub fn relation_metrics(scn: &Scenario) -> Vec<Metric> {
    let n = scn.actors.len();
    (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .map(|(a, b)| Metric::Relation(ActorId::from_index(a), ActorId::from_index(b)))
        .collect()
}

/// The key of the relation between two actors, in either order.
pub fn relation_key(scn: &Scenario, a: ActorId, b: ActorId) -> String {
    Metric::Relation(a.min(b), a.max(b)).key(scn)
}

/// A side's actor key, such as `JPN`.
pub fn side_key(scn: &Scenario, side: Side) -> String {
    scn.actor(scn.actor_of(side)).key.clone()
}

/// A track status as a word.
pub fn status_key(status: TrackStatus) -> &'static str {
    match status {
        TrackStatus::Active => "active",
        TrackStatus::Suspended => "suspended",
        TrackStatus::Terminated => "terminated",
    }
}

/// One cell per state, empty where the state is unknown.
fn of_states(states: &[Option<SimState>], cell: impl Fn(&SimState) -> Cell) -> Vec<Cell> {
    states
        .iter()
        .map(|s| s.as_ref().map_or(Cell::Empty, &cell))
        .collect()
}

/// The state at the start and after each resolved turn; `None` where it cannot be rebuilt.
fn states(game: &Game) -> Vec<Option<SimState>> {
    let mut states: Vec<Option<SimState>> = game
        .history()
        .iter()
        .map(|r| game.state_at(r.turn).ok())
        .collect();
    states.push(Some(game.state()));
    states
}
