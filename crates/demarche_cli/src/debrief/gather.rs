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
