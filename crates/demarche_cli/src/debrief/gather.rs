//! The one data-gathering step of a debrief: the facts the Markdown, HTML and JSON outputs all
//! show (outcome, scores, objectives, concepts), and the turn table.

use demarche_sim::rules::objectives::{self, Mark};
use demarche_sim::{Game, Side};

use super::table::TurnTable;

/// Everything a debrief shows about one game.
pub struct Debrief<'a> {
    /// The game.
    pub game: &'a Game,
    /// Who played each side (policy names, or `player`), by [`Side::index`].
    pub policies: [String; 2],
    /// The outcome, once the game is over.
    pub outcome: Option<OutcomeFacts>,
    /// Each side's score and objectives, by [`Side::index`].
    pub sides: [SideFacts; 2],
    /// The highest rung reached.
    pub max_rung: u8,
    /// Its name.
    pub max_rung_name: String,
    /// Incidents so far.
    pub incidents: u32,
    /// Turns resolved.
    pub turns_played: usize,
    /// The glossary concepts the game's events illustrate, by index into the scenario's
    /// concepts, in glossary order.
    pub concepts: Vec<usize>,
    /// Every number per turn.
    pub table: TurnTable,
    /// The timeline: every report line with its kind, recurring events folded.
    pub timeline: Vec<demarche_sim::timeline::Entry>,
    /// The record beside the game: each turn's real orders and notes, the milestones.
    pub record: demarche_sim::record::Comparison,
    /// The scenario's questions for the class.
    pub questions: Vec<String>,
    /// The players' names, by [`Side::index`], where they gave one (`None`: anonymous).
    pub names: [Option<String>; 2],
    /// The sources the record entries and milestones cite, as (key, citation, url), in the
    /// scenario's order.
    pub sources: Vec<(String, String, Option<String>)>,
}

/// How the game ended.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeFacts {
    /// Machine key.
    pub key: String,
    /// Name for people.
    pub name: String,
    /// The ending's text for this game.
    pub text: String,
}

/// One side at the end.
#[derive(Clone, Debug, PartialEq)]
pub struct SideFacts {
    /// Actor key, such as `JPN`.
    pub key: String,
    /// Actor name.
    pub name: String,
    /// Score, 0–100.
    pub score: f64,
    /// Its objectives, in file order.
    pub objectives: Vec<ObjectiveFacts>,
}

/// One objective at the end.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveFacts {
    /// Machine key.
    pub key: String,
    /// Name for people.
    pub name: String,
    /// What it asks.
    pub description: String,
    /// Weight in the side's score.
    pub weight: f64,
    /// Degree of achievement, 0–1.
    pub degree: f64,
    /// `met`, `partly met` or `missed`.
    pub mark: &'static str,
}

impl<'a> Debrief<'a> {
    /// Gathers the debrief of a game played by `policies`.
    pub fn gather(game: &'a Game, policies: &[String; 2]) -> Debrief<'a> {
        let scn = game.scenario();
        let view = game.view();
        let outcome = view.status.ended.map(|o| {
            let o = &scn.outcomes[o.index()];
            OutcomeFacts {
                key: o.key.clone(),
                name: o.name.clone(),
                text: objectives::ending_text(&view, o),
            }
        });
        let sides = Side::BOTH.map(|side| side_facts(game, side));
        Debrief {
            game,
            policies: policies.clone(),
            outcome,
            sides,
            max_rung: view.mil.max_rung,
            max_rung_name: rung_name(game, view.mil.max_rung),
            incidents: view.mil.incidents,
            turns_played: game.history().len(),
            concepts: concepts(game),
            table: TurnTable::of(game),
            timeline: demarche_sim::timeline::timeline(game.history()),
            record: demarche_sim::record::compare(scn, game.history(), game.is_over()),
            questions: scn.meta.debrief_questions.clone(),
            names: [None, None],
            sources: Vec::new(),
        }
        .with_sources()
    }

    /// The same debrief naming the players (a name left out stays out: exports are anonymous
    /// unless players gave names).
    pub fn with_names(mut self, names: [Option<String>; 2]) -> Self {
        self.names = names;
        self
    }

    fn with_sources(mut self) -> Self {
        let scn = self.game.scenario();
        let mut cited: Vec<&str> = Vec::new();
        for t in &self.record.turns {
            for side in &t.sides {
                cited.extend(side.sources.iter().map(String::as_str));
            }
        }
        for m in &self.record.milestones {
            cited.extend(m.sources.iter().map(String::as_str));
        }
        for e in &self.timeline {
            if let demarche_sim::report::Provenance::Record { sources } = &e.provenance {
                cited.extend(
                    sources
                        .iter()
                        .filter_map(|s| scn.sources.get(s.index()))
                        .map(|s| s.key.as_str()),
                );
            }
        }
        self.sources = scn
            .sources
            .iter()
            .filter(|s| cited.contains(&s.key.as_str()))
            .map(|s| (s.key.clone(), s.citation.clone(), s.url.clone()))
            .collect();
        self
    }

    /// The timeline's lines a debrief tells for one turn (see [`told`]).
    pub fn entries_in(&self, turn: u32) -> impl Iterator<Item = &demarche_sim::timeline::Entry> {
        self.timeline
            .iter()
            .filter(move |e| e.turn == turn && told(e))
    }

    /// What a side's memo is called: the AI's reasons when an AI played it.
    pub fn memo_label(&self, side: Side) -> String {
        let name = &self.sides[side.index()].name;
        if self.policies[side.index()].starts_with("ai") {
            format!("{name}'s AI reasons")
        } else {
            format!("{name}'s memo")
        }
    }

    /// Who played a side, for people: "JPN: ai:realist:normal (Team 3)".
    pub fn player(&self, side: Side) -> String {
        let i = side.index();
        match &self.names[i] {
            Some(name) => format!("{} ({name})", self.policies[i]),
            None => self.policies[i].clone(),
        }
    }

    /// The scenario of the game.
    pub fn scenario(&self) -> &demarche_sim::Scenario {
        self.game.scenario()
    }
}

/// The name of a rung of the game's ladder (empty for a rung the ladder does not have).
pub fn rung_name(game: &Game, rung: u8) -> String {
    game.scenario()
        .ladder
        .get(usize::from(rung))
        .map_or_else(String::new, |r| r.name.clone())
}

fn side_facts(game: &Game, side: Side) -> SideFacts {
    let scn = game.scenario();
    let view = game.view();
    let actor = scn.actor_of(side);
    let objectives = objectives::of_side(&view, actor)
        .into_iter()
        .map(|(o, degree)| ObjectiveFacts {
            key: o.key.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            weight: o.weight,
            degree,
            mark: Mark::of(degree).label(),
        })
        .collect();
    SideFacts {
        key: scn.actor(actor).key.clone(),
        name: scn.actor(actor).name.clone(),
        score: view.status.scores[side.index()],
        objectives,
    }
}

/// The concepts the game's report events illustrate, each once, in glossary order.
fn concepts(game: &Game) -> Vec<usize> {
    let mut concepts: Vec<usize> = game
        .history()
        .iter()
        .flat_map(|r| r.events.iter().flat_map(|e| e.concepts.iter()))
        .map(|c| c.index())
        .filter(|c| *c < game.scenario().concepts.len())
        .collect();
    concepts.sort_unstable();
    concepts.dedup();
    concepts
}

/// The actors whose relation with a side a debrief charts: the other side first, then the
/// actors the scenario gives the side a relation with that are coalitions or start friendly
/// (all of them when none is).
pub fn partners(scn: &demarche_sim::Scenario, side: Side) -> Vec<demarche_sim::ActorId> {
    use demarche_sim::scenario::ActorKind;
    let me = scn.actor_of(side);
    let other = scn.actor_of(side.other());
    let declared: Vec<(demarche_sim::ActorId, f64)> = scn
        .relations
        .iter()
        .filter_map(|r| match (r.a == me, r.b == me) {
            (true, false) => Some((r.b, r.value)),
            (false, true) => Some((r.a, r.value)),
            _ => None,
        })
        .filter(|(a, _)| *a != other)
        .collect();
    let friendly: Vec<_> = declared
        .iter()
        .filter(|(a, v)| *v > 0.0 || scn.actor(*a).kind == ActorKind::Coalition)
        .map(|(a, _)| *a)
        .collect();
    let mut list = vec![other];
    if friendly.is_empty() {
        list.extend(declared.iter().map(|(a, _)| *a));
    } else {
        list.extend(friendly);
    }
    list.dedup();
    list
}

/// Whether a timeline line belongs in a debrief's timeline: orders, events, injects and the
/// ending (the model's consequences and the ladder are in the charts and the JSON).
pub fn told(entry: &demarche_sim::timeline::Entry) -> bool {
    use demarche_sim::report::ReportKind;
    matches!(
        entry.kind,
        ReportKind::Order(_) | ReportKind::Event(_) | ReportKind::Inject | ReportKind::Ending
    )
}

/// An order's action name for people (its id when the scenario does not know it).
pub fn action_name(
    scn: &demarche_sim::Scenario,
    order: &demarche_sim::scenario::raw::RawOrder,
) -> String {
    scn.names
        .actions
        .get(&order.action)
        .map_or_else(|| order.action.clone(), |a| scn.action(*a).name.clone())
}

/// A list of orders for people: "Protest; Ban coal", or "nothing".
pub fn orders_text(
    scn: &demarche_sim::Scenario,
    orders: &[demarche_sim::scenario::raw::RawOrder],
) -> String {
    if orders.is_empty() {
        return "nothing".into();
    }
    orders
        .iter()
        .map(|o| action_name(scn, o))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A side's memo for people: the turn's note, then each order's memo.
pub fn memo_text(scn: &demarche_sim::Scenario, memo: &demarche_sim::memo::Memo) -> String {
    let mut parts: Vec<String> = memo.note.iter().cloned().collect();
    parts.extend(
        memo.orders
            .iter()
            .map(|m| format!("{}: {}", action_name(scn, &m.order), m.text)),
    );
    parts.join(" ")
}

/// A milestone's two times for people: when it really happened ("2022-03-21 (turn 3)", or
/// "later" while not yet told) and in this game ("turn 4", or "not reached").
pub fn milestone_times(m: &demarche_sim::record::MilestoneRow) -> (String, String) {
    let real = match (m.real_date, m.real_turn) {
        (Some(date), Some(turn)) => format!("{date} (turn {turn})"),
        (Some(date), None) => date.to_string(),
        _ => "later".into(),
    };
    let game = m
        .game_turn
        .map_or_else(|| "not reached".to_owned(), |t| format!("turn {t}"));
    (real, game)
}
