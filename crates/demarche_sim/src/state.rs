//! The mutable state of a game: one ECS resource, [`SimState`], made of one part per domain.
//!
//! Every table is a `Vec` indexed by a typed id, so iteration order is id order and a snapshot is
//! a clone. The same value is what saves hold, what state hashes cover and what the AI's
//! look-ahead rewinds.

use std::collections::BTreeMap;

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ids::*;
use crate::scenario::{Indicator, MeasureKind, Scenario, TrackStatus};

/// Where the game is in its calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    /// The current turn, 1-based: the one being planned or resolved. After the last turn it is
    /// one past the end.
    pub turn: u32,
}

impl Default for Clock {
    fn default() -> Clock {
        Clock { turn: 1 }
    }
}

/// The numbers the model tracks and explains: actor indicators, relations, tension and trade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    /// `actors[actor][indicator]`.
    pub actors: Vec<[f64; Indicator::ALL.len()]>,
    /// Symmetric relation matrix, `relations[a * n + b]`, −100 to 100.
    pub relations: Vec<f64>,
    /// Tension of the dyad, 0–100.
    pub tension: f64,
    /// Trade between the two sides, billions of the scenario's currency a year.
    pub trade: f64,
}

impl Indicators {
    /// An actor's indicator.
    pub fn get(&self, actor: ActorId, indicator: Indicator) -> f64 {
        self.actors[actor.index()][indicator.index()]
    }

    /// The relation between two actors.
    pub fn relation(&self, a: ActorId, b: ActorId) -> f64 {
        let n = self.actors.len();
        self.relations[a.index() * n + b.index()]
    }

    /// Sets a relation in both directions.
    pub fn set_relation(&mut self, a: ActorId, b: ActorId, value: f64) {
        let n = self.actors.len();
        self.relations[a.index() * n + b.index()] = value;
        self.relations[b.index() * n + a.index()] = value;
    }
}

/// The state of one track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackState {
    /// Active, suspended or terminated.
    pub status: TrackStatus,
    /// Progress, 0–100.
    pub progress: f64,
    /// Who halted it, when it is suspended or terminated by a side.
    pub halted_by: Option<ActorId>,
    /// Turn its status last changed (0: the start).
    pub since: u32,
}

/// A proposal on a track, answered by the other side in the next turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The track.
    pub track: TrackId,
    /// Who proposed.
    pub from: ActorId,
    /// The turn it was made.
    pub turn: u32,
}

/// Talks: tracks, pending proposals, the back-channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diplomacy {
    /// By track id.
    pub tracks: Vec<TrackState>,
    /// Pending proposals, oldest first.
    pub proposals: Vec<Proposal>,
    /// Private trust built in the back-channel, 0–100.
    pub back_channel: f64,
}

/// A sanction measure in force.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Who imposes it.
    pub sender: ActorId,
    /// On whom.
    pub target: ActorId,
    /// Sector.
    pub sector: SectorId,
    /// TIES kind.
    pub kind: MeasureKind,
    /// Share of the flows it covers, 0–1.
    pub size: f64,
    /// Sanction-level points.
    pub severity: f64,
    /// Turn it was imposed.
    pub since: u32,
    /// The action that imposed it (none when an event did).
    pub action: Option<ActionId>,
}

/// A threatened measure awaiting the target's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Threat {
    /// Who threatens.
    pub sender: ActorId,
    /// Whom.
    pub target: ActorId,
    /// Sector.
    pub sector: SectorId,
    /// Kind.
    pub kind: MeasureKind,
    /// Size it would have.
    pub size: f64,
    /// Severity it would have.
    pub severity: f64,
    /// Turn it was made.
    pub issued: u32,
    /// Last turn of the deadline.
    pub deadline: u32,
    /// Whether the target escalated against the sender since.
    pub defied: bool,
    /// The action that made it (none when an event did).
    pub action: Option<ActionId>,
}

/// How a threat or sanction episode ended, after the TIES outcome codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EpisodeOutcome {
    /// The target complied at the threat stage (TIES 1–2).
    AcquiescenceToThreat,
    /// The sender did not carry out a defied threat (TIES 3).
    SenderCapitulatedAtThreat,
    /// The threat was defied and carried out (imposition follows).
    ImposedAfterThreat,
    /// The sender lifted a measure without a settlement (TIES 8).
    SenderCapitulatedAfterImposition,
}

impl EpisodeOutcome {
    /// Name for people, with the TIES code.
    pub fn label(self) -> &'static str {
        match self {
            EpisodeOutcome::AcquiescenceToThreat => {
                "acquiescence by the target to the threat (TIES 1–2)"
            }
            EpisodeOutcome::SenderCapitulatedAtThreat => {
                "capitulation by the sender at the threat stage (TIES 3)"
            }
            EpisodeOutcome::ImposedAfterThreat => "threat defied and carried out",
            EpisodeOutcome::SenderCapitulatedAfterImposition => {
                "capitulation by the sender after imposition (TIES 8)"
            }
        }
    }
}

/// A closed sanction episode, for the debrief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Episode {
    /// Sender.
    pub sender: ActorId,
    /// Target.
    pub target: ActorId,
    /// Sector.
    pub sector: SectorId,
    /// Kind.
    pub kind: MeasureKind,
    /// Turn it closed.
    pub turn: u32,
    /// How.
    pub outcome: EpisodeOutcome,
}

/// Sanctions both ways, threats, and what the coalition expects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SanctionRegime {
    /// Measures in force, sorted by (sender, target, sector, kind).
    pub measures: Vec<Measure>,
    /// Open threats, oldest first.
    pub threats: Vec<Threat>,
    /// Sanction level the coalition expects of its members.
    pub coalition_expectation: f64,
    /// Closed episodes.
    pub episodes: Vec<Episode>,
    /// Share of each trade flow (by scenario index) still open, 0–1.
    pub flow_open: Vec<f64>,
}

impl SanctionRegime {
    /// Puts a new measure in force, keeping the list sorted by (sender, target, sector, kind).
    /// The caller makes sure no measure of the same key is in force.
    pub fn add(&mut self, measure: Measure) {
        self.measures.push(measure);
        self.measures
            .sort_by_key(|m| (m.sender, m.target, m.sector, m.kind));
    }

    /// Sum of the severities of the measures from `sender` against `target`, at most 100.
    pub fn level(&self, sender: ActorId, target: ActorId) -> f64 {
        self.measures
            .iter()
            .filter(|m| m.sender == sender && m.target == target)
            .map(|m| m.severity)
            .sum::<f64>()
            .min(100.0)
    }

    /// The measure in force with this key, if any.
    pub fn find(
        &self,
        sender: ActorId,
        target: ActorId,
        sector: SectorId,
        kind: MeasureKind,
    ) -> Option<&Measure> {
        self.measures.iter().find(|m| {
            m.sender == sender && m.target == target && m.sector == sector && m.kind == kind
        })
    }
}

/// Where a force is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForceState {
    /// Current region.
    pub at: RegionId,
}

/// Forces, the escalation ladder, scrambles and incidents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Military {
    /// By force id.
    pub forces: Vec<ForceState>,
    /// Current rung.
    pub rung: u8,
    /// Highest rung reached.
    pub max_rung: u8,
    /// Turns since the ladder was last climbed to or above its current rung.
    pub quiet_turns: u32,
    /// Rungs reached at least once.
    pub reached: Vec<bool>,
    /// Scrambles flown, per actor.
    pub scrambles: Vec<u32>,
    /// Scrambles flown against a named actor (from `ScrambleAgainst` effects), sorted by flyer
    /// then target. Not written when empty, so scenarios that do not name targets keep their
    /// hashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scrambles_against: Vec<ScrambleCount>,
    /// Incidents so far.
    pub incidents: u32,
    /// Whether an armed clash happened.
    pub clash: bool,
}

/// Scrambles one actor flew against another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScrambleCount {
    /// Who flew them.
    pub by: ActorId,
    /// Against whose aircraft or ships.
    pub against: ActorId,
    /// How many.
    pub count: u32,
}

impl Military {
    /// Scrambles `by` flew against `against` so far (as named by `ScrambleAgainst`).
    pub fn scrambles_between(&self, by: ActorId, against: ActorId) -> u32 {
        self.scrambles_against
            .iter()
            .find(|s| s.by == by && s.against == against)
            .map_or(0, |s| s.count)
    }

    /// Counts `count` scrambles by `by` against `against`, keeping the list sorted.
    pub fn add_scrambles_against(&mut self, by: ActorId, against: ActorId, count: u32) {
        let key = (by, against);
        match self
            .scrambles_against
            .binary_search_by(|s| (s.by, s.against).cmp(&key))
        {
            Ok(i) => {
                let entry = &mut self.scrambles_against[i];
                entry.count = entry.count.saturating_add(count);
            }
            Err(i) => self
                .scrambles_against
                .insert(i, ScrambleCount { by, against, count }),
        }
    }
}

/// Private resolve and beliefs: what each side knows and does not know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Intel {
    /// Each side's private resolve, 0–1 (never shown to the other side).
    pub resolve: [f64; 2],
    /// Each side's Beta(alpha, beta) belief about the other side's resolve.
    pub beliefs: [(f64, f64); 2],
}

impl Intel {
    /// Mean belief of `side` about the other side's resolve.
    pub fn belief_mean(&self, side: Side) -> f64 {
        let (a, b) = self.beliefs[side.index()];
        a / (a + b)
    }
}

/// What has been done and what has happened, for conditions and limits.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Times each actor took each action.
    pub taken: BTreeMap<(ActorId, ActionId), u32>,
    /// Times each event happened.
    pub happened: BTreeMap<EventId, u32>,
    /// How many of each actor's carried-out orders were the very orders the historical record
    /// gives for that turn (public: anyone can compare conduct with the record).
    #[serde(default)]
    pub on_record: BTreeMap<ActorId, u32>,
    /// How recently and how often each actor repeated each action: one point per use, of which
    /// a share (`repeat_memory`) is kept each turn. Audiences discount a gesture by this much.
    /// Sorted by actor, then action; entries that have faded below [`Record::WEAR_FLOOR`] are
    /// dropped. Not written when empty, so games under rules without repetition keep the state
    /// hashes they had before wear existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wear: Vec<Wear>,
    /// The teacher's injects fired so far, by id, sorted (each fires once). Not written when
    /// empty, so games without injects keep their hashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injected: Vec<String>,
    /// Decisions injects have put to a side, to be answered by its next orders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<PendingDecision>,
}

/// A decision an inject put to a side, waiting for its next orders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingDecision {
    /// The inject's id.
    pub inject: String,
    /// The side asked.
    pub side: Side,
    /// The question.
    pub question: String,
    /// The actions that answer it.
    pub options: Vec<ActionId>,
    /// The turn it was asked in; the side answers in the next one.
    pub asked: u32,
}

/// How worn one actor's action is by recent use (see [`Record::wear`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Wear {
    /// Who used it.
    pub actor: ActorId,
    /// Which action.
    pub action: ActionId,
    /// Uses, each faded by the turns since.
    pub wear: f64,
}

impl Record {
    /// Times `actor` took `action`.
    pub fn times_taken(&self, actor: ActorId, action: ActionId) -> u32 {
        self.taken.get(&(actor, action)).copied().unwrap_or(0)
    }

    /// Times `event` happened.
    pub fn times_happened(&self, event: EventId) -> u32 {
        self.happened.get(&event).copied().unwrap_or(0)
    }

    /// How many orders `actor` has carried out in all.
    pub fn orders_taken(&self, actor: ActorId) -> u32 {
        self.taken
            .iter()
            .filter(|((a, _), _)| *a == actor)
            .map(|(_, n)| n)
            .sum()
    }

    /// Wear below which an entry is dropped: a factor of at most 0.5 to this power is over
    /// 0.999, so dropping it changes nothing a player could see.
    pub const WEAR_FLOOR: f64 = 1e-3;

    /// How worn `actor`'s `action` is by recent use (0 when not used lately).
    pub fn wear_of(&self, actor: ActorId, action: ActionId) -> f64 {
        self.wear
            .binary_search_by_key(&(actor, action), |w| (w.actor, w.action))
            .map_or(0.0, |i| self.wear[i].wear)
    }

    /// Adds one use of `actor`'s `action` to its wear.
    pub fn add_wear(&mut self, actor: ActorId, action: ActionId) {
        match self
            .wear
            .binary_search_by_key(&(actor, action), |w| (w.actor, w.action))
        {
            Ok(i) => self.wear[i].wear += 1.0,
            Err(i) => self.wear.insert(
                i,
                Wear {
                    actor,
                    action,
                    wear: 1.0,
                },
            ),
        }
    }

    /// Fades every wear to `keep` of itself (a turn has passed), dropping what has faded away.
    pub fn fade_wear(&mut self, keep: f64) {
        for w in &mut self.wear {
            w.wear *= keep;
        }
        self.wear.retain(|w| w.wear >= Self::WEAR_FLOOR);
    }

    /// How many of `actor`'s carried-out orders matched the historical record of their turn.
    pub fn times_on_record(&self, actor: ActorId) -> u32 {
        self.on_record.get(&actor).copied().unwrap_or(0)
    }
}

/// How the game stands: scores and, once over, the ending.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GameStatus {
    /// Each side's current score, 0–100.
    pub scores: [f64; 2],
    /// Each objective's degree of achievement, 0–1, by objective index.
    pub objectives: Vec<f64>,
    /// The outcome, once the game has ended.
    pub ended: Option<OutcomeId>,
    /// Each objective's weight in this game, by objective index, when an agenda changed any
    /// (empty: the scenario's weights). Not written when empty, so games without agendas keep
    /// their hashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<f64>,
    /// The agenda each side drew (its id), if the scenario has agendas for it.
    #[serde(default, skip_serializing_if = "no_agenda")]
    pub agendas: [Option<String>; 2],
}

fn no_agenda(agendas: &[Option<String>; 2]) -> bool {
    agendas.iter().all(Option::is_none)
}

impl GameStatus {
    /// An objective's weight in this game (an agenda's, or the scenario's).
    pub fn weight(&self, scn: &Scenario, objective: usize) -> f64 {
        self.weights
            .get(objective)
            .copied()
            .unwrap_or_else(|| scn.objectives.get(objective).map_or(0.0, |o| o.weight))
    }
}

/// The whole mutable state of a game: the one ECS resource the turn's phases work on, what a
/// save holds and what the state hash covers. Its parts are listed here and nowhere else; rules
/// reach them through [`crate::rules::Ctx`] and [`crate::rules::View`], both built from it in one
/// place each.
#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimState {
    /// Calendar.
    pub clock: Clock,
    /// Indicators.
    pub indicators: Indicators,
    /// Talks.
    pub diplomacy: Diplomacy,
    /// Sanctions.
    pub sanctions: SanctionRegime,
    /// Military.
    pub military: Military,
    /// Resolve and beliefs.
    pub intel: Intel,
    /// Record of actions and events.
    pub record: Record,
    /// Scores and ending.
    pub status: GameStatus,
}

impl SimState {
    /// The state at the start of a game, before resolve is drawn (see `rules::setup`).
    pub fn initial(scn: &Scenario) -> SimState {
        let n = scn.actors.len();
        let mut relations = vec![0.0; n * n];
        for r in &scn.relations {
            relations[r.a.index() * n + r.b.index()] = r.value;
            relations[r.b.index() * n + r.a.index()] = r.value;
        }
        let indicators = Indicators {
            actors: scn.actors.iter().map(|a| a.start_indicators()).collect(),
            relations,
            tension: scn.meta.initial_tension.unwrap_or(scn.params.tension_floor),
            trade: 0.0,
        };
        let prior = |side: Side| {
            scn.actor(scn.actor_of(side))
                .side
                .as_ref()
                .map_or((2.0, 2.0), |s| s.prior.pair())
        };
        let tracks = initial_tracks(scn);
        let flow_open =
            crate::rules::economy::open_shares(scn, &SanctionRegime::default(), &tracks)
                .into_iter()
                .map(|(share, _)| share)
                .collect();
        let mut state = SimState {
            clock: Clock::default(),
            indicators,
            diplomacy: Diplomacy {
                tracks,
                proposals: Vec::new(),
                back_channel: 0.0,
            },
            sanctions: SanctionRegime {
                flow_open,
                ..SanctionRegime::default()
            },
            military: Military {
                forces: scn
                    .forces
                    .iter()
                    .map(|f| ForceState { at: f.home })
                    .collect(),
                rung: 0,
                max_rung: 0,
                quiet_turns: 0,
                reached: scn.ladder.iter().map(|r| r.level == 0).collect(),
                scrambles: vec![0; n],
                scrambles_against: Vec::new(),
                incidents: 0,
                clash: false,
            },
            intel: Intel {
                resolve: [0.5, 0.5],
                beliefs: [prior(Side::First), prior(Side::Second)],
            },
            record: Record::default(),
            status: GameStatus {
                scores: [0.0; 2],
                objectives: vec![0.0; scn.objectives.len()],
                ended: None,
                weights: Vec::new(),
                agendas: [None, None],
            },
        };
        state.indicators.trade =
            crate::rules::economy::bilateral_trade(scn, &state.sanctions.flow_open);
        state
    }

    /// The state hash: a stable hash (FNV-1a) of the state's RON text.
    pub fn hash(&self) -> crate::hash::StateHash {
        let mut hasher = crate::hash::Fnv64::new();
        hasher.write_value(self);
        crate::hash::StateHash(hasher.finish())
    }
}

fn initial_tracks(scn: &Scenario) -> Vec<TrackState> {
    scn.tracks
        .iter()
        .map(|t| TrackState {
            status: t.status,
            progress: if t.status == TrackStatus::Terminated {
                0.0
            } else {
                t.progress
            },
            halted_by: None,
            since: 0,
        })
        .collect()
}
