//! The built scenario: every reference resolved to a typed id, every value checked.
//!
//! A [`Scenario`] only exists when the validator found no error, so the simulation can index its
//! tables without checks.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::ids::*;
use crate::rules::params::Params;

pub use super::raw::{
    ActorKind, Category, EventKind, ForceKind, Indicator, MeasureKind, RegionKind, SectorKind,
    SignalKind, Stance, TrackOp, TrackStatus, Visibility,
};

/// A whole scenario, ready to play.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Identity, calendar, texts.
    pub meta: Meta,
    /// The two playable actors, first side first.
    pub sides: [ActorId; 2],
    /// All actors.
    pub actors: Vec<Actor>,
    /// Starting relations between pairs of actors.
    pub relations: Vec<Relation>,
    /// Regions of the map.
    pub regions: Vec<Region>,
    /// Forces shown on the map.
    pub forces: Vec<Force>,
    /// Trade sectors.
    pub sectors: Vec<Sector>,
    /// Trade flows.
    pub flows: Vec<Flow>,
    /// Tracks of the relationship.
    pub tracks: Vec<Track>,
    /// The escalation ladder, bottom rung first.
    pub ladder: Vec<Rung>,
    /// The action catalogue.
    pub actions: Vec<Action>,
    /// Dated, random and incident events.
    pub events: Vec<Event>,
    /// Objectives of both sides.
    pub objectives: Vec<Objective>,
    /// Named endings, in priority order.
    pub outcomes: Vec<Outcome>,
    /// What each side really did: `historical[side][turn - 1]`.
    pub historical: [Vec<Vec<Order>>; 2],
    /// IR concepts.
    pub concepts: Vec<Concept>,
    /// Sources.
    pub sources: Vec<Source>,
    /// AI personalities.
    pub personalities: Vec<Personality>,
    /// AI difficulty levels (empty: the AI's built-in ones).
    pub difficulties: Vec<Difficulty>,
    /// Model parameters.
    pub params: Params,
    /// Hash of every file the scenario was read from; saves remember it.
    pub content_hash: u64,
    /// String id to typed id, for the edges (orders files, replays, the CLI).
    pub names: Names,
}

/// Identity, calendar and texts of a scenario.
#[derive(Clone, Debug)]
pub struct Meta {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// One paragraph.
    pub summary: String,
    /// Data version.
    pub version: u32,
    /// The turn calendar.
    pub calendar: Calendar,
    /// Seed when none is given.
    pub default_seed: u64,
    /// Map asset id.
    pub map: String,
    /// Briefing text per side (Markdown).
    pub briefings: [String; 2],
    /// Teacher notes (Markdown).
    pub teacher_notes: Option<String>,
    /// Credit lines.
    pub credits: Vec<String>,
    /// Tension at the start.
    pub initial_tension: Option<f64>,
}

/// The turn calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// First day of turn 1.
    pub start: Date,
    /// Days per turn.
    pub days_per_turn: u32,
    /// Turns in a full game.
    pub turns: u32,
}

impl Calendar {
    /// First day of a turn (1-based).
    pub fn turn_start(&self, turn: u32) -> Date {
        self.start
            .add_days((turn.saturating_sub(1) * self.days_per_turn) as i32)
    }

    /// Last day of a turn (1-based).
    pub fn turn_end(&self, turn: u32) -> Date {
        self.turn_start(turn + 1).add_days(-1)
    }

    /// The turn that contains `date`, if it falls within the game.
    pub fn turn_of(&self, date: Date) -> Option<u32> {
        let days = self.start.days_until(date);
        if days < 0 {
            return None;
        }
        let turn = days as u32 / self.days_per_turn + 1;
        (turn <= self.turns).then_some(turn)
    }
}

/// Who an effect or condition is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// A named actor.
    Actor(ActorId),
    /// The acting actor (`"self"`).
    Me,
    /// The other side of the dyad (`"other"`).
    Opponent,
}

/// An actor.
#[derive(Clone, Debug)]
pub struct Actor {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// State or coalition.
    pub kind: ActorKind,
    /// Map colour, RGB.
    pub color: [u8; 3],
    /// Leader at the start.
    pub leader: Option<String>,
    /// GDP, billions of US dollars.
    pub gdp_usd_bn: f64,
    /// Starting indicators, by [`Indicator::index`].
    pub initial: [f64; Indicator::ALL.len()],
    /// For playable actors.
    pub side: Option<SideSetup>,
}

/// What a playable actor carries beyond indicators.
#[derive(Clone, Debug)]
pub struct SideSetup {
    /// Political capital at the start.
    pub initial_capital: f64,
    /// Political capital per turn.
    pub capital_per_turn: f64,
    /// Most capital that can be banked.
    pub capital_cap: f64,
    /// Resolve centre, 0–1.
    pub resolve_mean: f64,
    /// Resolve half-width.
    pub resolve_spread: f64,
    /// Prior Beta(alpha, beta) about the other side's resolve.
    pub prior: (f64, f64),
    /// Sensitivities.
    pub sensitivity: Sensitivity,
    /// Approval the public drifts back to.
    pub approval_baseline: f64,
}

/// Multipliers on the domestic rules.
#[derive(Clone, Copy, Debug)]
pub struct Sensitivity {
    /// Economic pain to approval.
    pub pain: f64,
    /// Rally effects.
    pub rally: f64,
    /// Audience costs.
    pub audience: f64,
    /// Energy stress to approval.
    pub energy: f64,
}

/// A starting relation.
#[derive(Clone, Debug)]
pub struct Relation {
    /// One actor.
    pub a: ActorId,
    /// The other.
    pub b: ActorId,
    /// −100 to 100.
    pub value: f64,
    /// What it stands for.
    pub label: String,
}

/// A region.
#[derive(Clone, Debug)]
pub struct Region {
    /// String id.
    pub key: String,
    /// Names by language code (`en` always present).
    pub names: BTreeMap<String, String>,
    /// Kind of place.
    pub kind: RegionKind,
    /// Administering actor.
    pub administered_by: Option<ActorId>,
    /// Claimants besides the administrator.
    pub claimed_by: Vec<ActorId>,
    /// Longitude, latitude of its marker.
    pub anchor: (f64, f64),
    /// Land features in the map asset.
    pub map_features: Vec<String>,
    /// Outline (longitude, latitude) for seas and straits.
    pub outline: Vec<(f64, f64)>,
    /// Neighbouring regions.
    pub adjacent: Vec<RegionId>,
    /// Hover text.
    pub note: String,
}

impl Region {
    /// English name.
    pub fn name(&self) -> &str {
        self.names
            .get("en")
            .map_or(self.key.as_str(), String::as_str)
    }

    /// Whether its status is disputed (someone besides the administrator claims it).
    pub fn is_disputed(&self) -> bool {
        !self.claimed_by.is_empty()
    }
}

/// A force.
#[derive(Clone, Debug)]
pub struct Force {
    /// String id.
    pub key: String,
    /// Owner.
    pub owner: ActorId,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ForceKind,
    /// Home region.
    pub home: RegionId,
    /// Relative strength.
    pub strength: f64,
}

/// A trade sector.
#[derive(Clone, Debug)]
pub struct Sector {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Goods, energy or finance.
    pub kind: SectorKind,
    /// Tooltip.
    pub description: String,
}

/// A yearly trade flow.
#[derive(Clone, Debug)]
pub struct Flow {
    /// Exporter.
    pub exporter: ActorId,
    /// Importer.
    pub importer: ActorId,
    /// Sector.
    pub sector: SectorId,
    /// ¥bn per year.
    pub value: f64,
    /// Importer's dependence, 0–1.
    pub importer_dependence: f64,
    /// Criticality for the importer, 0–1.
    pub criticality: f64,
    /// Adaptation e-folding time, turns.
    pub adaptation_turns: f64,
    /// Track that must stay active.
    pub requires_track: Option<TrackId>,
}

/// A track.
#[derive(Clone, Debug)]
pub struct Track {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Starting status.
    pub status: TrackStatus,
    /// Starting progress.
    pub progress: f64,
    /// Stages: name and starting progress, ascending.
    pub stages: Vec<(String, f64)>,
    /// Progress per accepted proposal.
    pub step: f64,
    /// Advance condition.
    pub advance_requires: Condition,
    /// Why it cannot advance.
    pub blocked_reason: Option<String>,
    /// Tracks that must be active.
    pub requires_active: Vec<TrackId>,
    /// Per-turn effects while active.
    pub while_active: Vec<Effect>,
    /// Effects on suspension or termination.
    pub on_halt: Vec<Effect>,
}

impl Track {
    /// The stage reached at `progress`.
    pub fn stage_at(&self, progress: f64) -> &str {
        self.stages
            .iter()
            .rev()
            .find(|(_, at)| progress >= *at)
            .or(self.stages.first())
            .map_or("", |(name, _)| name.as_str())
    }
}

/// A rung of the escalation ladder.
#[derive(Clone, Debug)]
pub struct Rung {
    /// Level, equal to its index.
    pub level: u8,
    /// Name.
    pub name: String,
    /// Kahn's rung.
    pub kahn: Option<u8>,
    /// MID hostility level.
    pub hostility: u8,
    /// Tooltip.
    pub description: String,
    /// Threshold crossed above it.
    pub threshold: Option<String>,
    /// Effects when first reached.
    pub on_reach: Vec<Effect>,
}

/// What an order names besides its action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Nothing.
    Nothing,
    /// A track from the list (empty: any).
    Track(Vec<TrackId>),
    /// A region from the list (empty: any).
    Region(Vec<RegionId>),
}

/// An entry of the action catalogue.
#[derive(Clone, Debug)]
pub struct Action {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category: Category,
    /// Who may take it.
    pub actors: Vec<ActorId>,
    /// Political capital.
    pub capital: f64,
    /// Readiness.
    pub readiness: f64,
    /// Precondition.
    pub requires: Condition,
    /// Why the precondition fails, for people.
    pub requires_text: Option<String>,
    /// What the order must name.
    pub target: Target,
    /// Effects.
    pub effects: Vec<Effect>,
    /// Visibility.
    pub visibility: Visibility,
    /// Signal kind.
    pub signal: SignalKind,
    /// Stance.
    pub stance: Stance,
    /// Escalation rung.
    pub rung: u8,
    /// MID action code.
    pub mid: Option<u8>,
    /// Uses per game.
    pub limit: Option<u32>,
    /// Concepts illustrated.
    pub concepts: Vec<ConceptId>,
    /// Sources.
    pub sources: Vec<SourceId>,
}

/// When an event fires.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// In the turn containing the date.
    Dated(Date),
    /// Randomly each turn.
    Random {
        /// Base probability.
        probability: f64,
        /// Added per point of tension.
        per_tension: f64,
        /// Most times a game.
        max_times: u32,
    },
    /// As an incident, with this weight.
    Incident(f64),
}

/// An event.
#[derive(Clone, Debug)]
pub struct Event {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// News text.
    pub description: String,
    /// When.
    pub when: When,
    /// Kind.
    pub kind: EventKind,
    /// Protagonist.
    pub actor: Option<ActorId>,
    /// Condition.
    pub condition: Condition,
    /// Effects.
    pub effects: Vec<Effect>,
    /// Escalation rung.
    pub rung: u8,
    /// MID code.
    pub mid: Option<u8>,
    /// Concepts.
    pub concepts: Vec<ConceptId>,
    /// Sources.
    pub sources: Vec<SourceId>,
}

/// An effect.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Change an indicator.
    Adjust(Who, Indicator, f64),
    /// Change tension.
    Tension(f64),
    /// Change a relation.
    Relation(Who, Who, f64),
    /// Impose or tighten a measure on the other side.
    Impose {
        /// Sector.
        sector: SectorId,
        /// Kind.
        measure: MeasureKind,
        /// Share covered.
        size: f64,
        /// Sanction-level points.
        severity: f64,
    },
    /// Threaten a measure.
    Threaten {
        /// Sector.
        sector: SectorId,
        /// Kind.
        measure: MeasureKind,
        /// Share covered.
        size: f64,
        /// Sanction-level points.
        severity: f64,
        /// Turns to comply.
        deadline: u32,
    },
    /// Lift a measure.
    Lift {
        /// Sector.
        sector: SectorId,
        /// Kind.
        measure: MeasureKind,
    },
    /// Act on a track (`None`: the order's track).
    Track(Option<TrackId>, TrackOp),
    /// Back-channel trust.
    BackChannel(f64),
    /// Move a force along a path.
    Move(ForceId, Vec<RegionId>),
    /// Bring a force home.
    Recall(ForceId),
    /// Military activity in a region (`None`: the order's region).
    Activity(Option<RegionId>, f64),
    /// Scrambles flown by an actor.
    Scramble(Who, u32),
    /// A coalition package.
    CoalitionPackage(f64),
    /// An election.
    Election(Who),
    /// An armed clash.
    Clash,
}

/// A quantity of the game state.
#[derive(Clone, Debug, PartialEq)]
pub enum Quantity {
    /// An indicator.
    Indicator(Who, Indicator),
    /// A relation.
    Relation(Who, Who),
    /// Tension.
    Tension,
    /// Current rung.
    Rung,
    /// Highest rung reached.
    MaxRung,
    /// Bilateral trade.
    Trade,
    /// Current turn.
    Turn,
    /// Track progress.
    Progress(TrackId),
    /// Sanction level of sender against target.
    SanctionLevel(Who, Who),
    /// Holder's belief about the other's resolve.
    Belief(Who),
}

/// A condition on the game state.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// True.
    Always,
    /// False.
    Never,
    /// All hold.
    All(Vec<Condition>),
    /// One holds.
    Any(Vec<Condition>),
    /// Does not hold.
    Not(Box<Condition>),
    /// Quantity ≥ value.
    AtLeast(Quantity, f64),
    /// Quantity ≤ value.
    AtMost(Quantity, f64),
    /// Track status.
    TrackIs(TrackId, TrackStatus),
    /// A measure in force.
    SanctionInForce(Who, Who, SectorId, MeasureKind),
    /// An event happened.
    Happened(EventId),
    /// An actor took an action.
    Took(Who, ActionId),
    /// A clash happened.
    Clashed,
}

/// An objective.
#[derive(Clone, Debug)]
pub struct Objective {
    /// String id.
    pub key: String,
    /// Whose.
    pub side: ActorId,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Weight.
    pub weight: f64,
    /// Condition.
    pub condition: Condition,
}

/// A named ending.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Condition.
    pub condition: Condition,
    /// Ends the game as soon as it holds.
    pub ends_game: bool,
}

/// A typed order: what a side does this turn.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Order {
    /// The action.
    pub action: ActionId,
    /// The track it names, if the action takes one.
    pub track: Option<TrackId>,
    /// The region it names, if the action takes one.
    pub region: Option<RegionId>,
}

impl Order {
    /// An order for an action that names nothing.
    pub fn plain(action: ActionId) -> Order {
        Order {
            action,
            track: None,
            region: None,
        }
    }
}

/// An IR concept.
#[derive(Clone, Debug)]
pub struct Concept {
    /// String id.
    pub key: String,
    /// Term.
    pub term: String,
    /// Definition.
    pub definition: String,
    /// How the game uses it.
    pub in_game: String,
    /// Sources.
    pub sources: Vec<SourceId>,
}

/// A source.
#[derive(Clone, Debug)]
pub struct Source {
    /// Key.
    pub key: String,
    /// Citation.
    pub citation: String,
    /// URL.
    pub url: Option<String>,
    /// Weak source.
    pub weak: bool,
}

/// An AI personality.
#[derive(Clone, Debug)]
pub struct Personality {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Weight on the score.
    pub objectives: f64,
    /// Bonus per rung of own escalation.
    pub escalation: f64,
    /// Bonus for historical choices.
    pub history: f64,
    /// Bonus per hawkish order.
    pub hawkishness: f64,
    /// Penalty per point of tension.
    pub tension_aversion: f64,
}

/// An AI difficulty level.
#[derive(Clone, Debug, PartialEq)]
pub struct Difficulty {
    /// String id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Single orders kept after screening.
    pub shortlist: usize,
    /// Imagined futures per candidate.
    pub rollouts: usize,
    /// Turns looked ahead.
    pub depth: u32,
    /// Most orders in a bundle.
    pub bundle: usize,
    /// Noise on each candidate's value.
    pub noise: f64,
}

/// String ids to typed ids.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// Actors.
    pub actors: BTreeMap<String, ActorId>,
    /// Regions.
    pub regions: BTreeMap<String, RegionId>,
    /// Tracks.
    pub tracks: BTreeMap<String, TrackId>,
    /// Actions.
    pub actions: BTreeMap<String, ActionId>,
    /// Events.
    pub events: BTreeMap<String, EventId>,
    /// Sectors.
    pub sectors: BTreeMap<String, SectorId>,
    /// Forces.
    pub forces: BTreeMap<String, ForceId>,
    /// Concepts.
    pub concepts: BTreeMap<String, ConceptId>,
    /// Personalities.
    pub personalities: BTreeMap<String, PersonalityId>,
}

impl Scenario {
    /// The actor playing a side.
    pub fn actor_of(&self, side: Side) -> ActorId {
        self.sides[side.index()]
    }

    /// The side an actor plays, if it is playable.
    pub fn side_of(&self, actor: ActorId) -> Option<Side> {
        Side::BOTH
            .into_iter()
            .find(|s| self.sides[s.index()] == actor)
    }

    /// An actor.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// An action.
    pub fn action(&self, id: ActionId) -> &Action {
        &self.actions[id.index()]
    }

    /// A track.
    pub fn track(&self, id: TrackId) -> &Track {
        &self.tracks[id.index()]
    }

    /// A region.
    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[id.index()]
    }

    /// An event.
    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }

    /// A force.
    pub fn force(&self, id: ForceId) -> &Force {
        &self.forces[id.index()]
    }

    /// A sector.
    pub fn sector(&self, id: SectorId) -> &Sector {
        &self.sectors[id.index()]
    }

    /// The highest rung of the ladder.
    pub fn top_rung(&self) -> u8 {
        self.ladder.last().map_or(0, |r| r.level)
    }

    /// The historical orders of a side in a turn (empty past the record).
    pub fn historical_orders(&self, side: Side, turn: u32) -> &[Order] {
        self.historical[side.index()]
            .get(turn.saturating_sub(1) as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the scenario carries a historical record of any orders for a side.
    pub fn has_record(&self, side: Side) -> bool {
        self.historical[side.index()]
            .iter()
            .any(|turn| !turn.is_empty())
    }

    /// Converts an order written with string ids, explaining what is wrong if it does not fit.
    pub fn resolve_order(&self, raw: &super::raw::RawOrder) -> Result<Order, String> {
        let action = *self.names.actions.get(&raw.action).ok_or_else(|| {
            let keys: Vec<&str> = self.names.actions.keys().map(String::as_str).collect();
            format!(
                "unknown action `{}`; {}",
                raw.action,
                super::suggest::help_for_unknown(&raw.action, &keys)
            )
        })?;
        let track = match &raw.track {
            None => None,
            Some(key) => Some(*self.names.tracks.get(key).ok_or_else(|| {
                let keys: Vec<&str> = self.names.tracks.keys().map(String::as_str).collect();
                format!(
                    "unknown track `{key}`; {}",
                    super::suggest::help_for_unknown(key, &keys)
                )
            })?),
        };
        let region = match &raw.region {
            None => None,
            Some(key) => Some(*self.names.regions.get(key).ok_or_else(|| {
                let keys: Vec<&str> = self.names.regions.keys().map(String::as_str).collect();
                format!(
                    "unknown region `{key}`; {}",
                    super::suggest::help_for_unknown(key, &keys)
                )
            })?),
        };
        Ok(Order {
            action,
            track,
            region,
        })
    }

    /// Writes an order with string ids.
    pub fn raw_order(&self, order: &Order) -> super::raw::RawOrder {
        super::raw::RawOrder {
            action: self.action(order.action).key.clone(),
            track: order.track.map(|t| self.track(t).key.clone()),
            region: order.region.map(|r| self.region(r).key.clone()),
        }
    }
}
