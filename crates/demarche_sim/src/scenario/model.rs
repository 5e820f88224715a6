//! The scenario format, each item written once and generic over its [`Stage`]: as read from RON
//! (`Action<Raw>`, string ids) and as built (`Action`, typed ids, every value checked).
//!
//! `#[derive(Format)]` resolves raw items into built ones (field paths, ranges and the checks
//! named in `#[format(...)]`) and describes them for the generated reference
//! (`docs/scenario-format-reference.md`). Every struct denies unknown fields, so a misspelt
//! field is an error rather than silently ignored; fields marked `#[serde(default)]` may be left
//! out. A [`Scenario`] only exists when the validator found no error, so the simulation can
//! index its tables without checks.

use std::collections::BTreeMap;

use demarche_format_derive::Format;
use serde::{Deserialize, Serialize};

use super::check::Scope;
use super::stage::{Built, Stage};
use super::validate::checks;
use crate::date::Date;
use crate::ids::*;
use crate::rules::params::Params;

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
    /// The sourced note of each side's historical turn: `record_notes[side][turn - 1]`.
    pub record_notes: [Vec<RecordNote>; 2],
    /// Turning points of the real record, to look for in each game.
    pub milestones: Vec<Milestone>,
    /// Hidden agendas each side may draw at the start of a game.
    pub agendas: Vec<Agenda>,
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
    /// The money trade is counted in.
    pub currency: Currency,
    /// Content hashes of earlier versions of the files whose saves and replays still hold.
    pub compatible_hashes: Vec<String>,
    /// Questions for the class after a game, printed in every debrief.
    pub debrief_questions: Vec<String>,
    /// Starting indicators drawn within ranges, per game.
    pub start_ranges: Vec<StartRange>,
}

/// `scenario.ron`: what the scenario is, its calendar and its other files.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::scenario_file)]
pub struct ScenarioFile<S: Stage = Built> {
    /// Stable identifier, used by saves and replays (letters, digits, `_` and `-`).
    pub id: String,
    /// Title shown in menus.
    #[format(nonempty)]
    pub title: String,
    /// One paragraph shown in the scenario list.
    #[format(nonempty)]
    pub summary: String,
    /// Version of the scenario's data, from 1; bump it when a change breaks saves.
    pub version: u32,
    /// Start, turn length and number of turns.
    pub calendar: Calendar<S>,
    /// Seed used when none is given.
    pub default_seed: u64,
    /// The two playable actors, first side first.
    pub sides: Vec<S::Actor>,
    /// Map asset id: the game loads `<map>.map.ron` from the scenario's folder if it is there,
    /// else from `assets/maps/`.
    pub map: String,
    /// Briefing files per side (Markdown, inside the scenario folder), one per side.
    pub briefings: Vec<Briefing<S>>,
    /// Notes for teachers (Markdown, inside the scenario folder).
    #[serde(default)]
    pub teacher_notes: Option<String>,
    /// Credit lines shown in the menu.
    #[serde(default)]
    pub credits: Vec<String>,
    /// Tension at the start (absent: the rules' `tension_floor`).
    #[serde(default)]
    #[format(range = 0.0..=100.0)]
    pub initial_tension: Option<f64>,
    /// The money trade values are counted in (absent: US dollars, `(code: "USD", symbol: "$",
    /// name: "US dollars", unit: "bn", per_usd: 1.0)`).
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Content hashes (16 hex digits, as saves and replays write them in `scenario_hash`) of
    /// earlier versions of this scenario's files whose saves and replays still play the same
    /// here. List the old hash only when a change leaves every rule and number as it was (new
    /// labels, a currency that names the old money), so older saves keep loading.
    #[serde(default)]
    pub compatible_hashes: Vec<String>,
    /// Questions for the class after a game, printed in every debrief pack (one sentence each).
    #[serde(default)]
    pub debrief_questions: Vec<String>,
    /// Starting indicators drawn per game within a range (from the game's seed), so that games
    /// vary within what the sources allow; an actor's `initial` value is used where none is given.
    #[serde(default)]
    pub start_ranges: Vec<StartRange<S>>,
}

/// A starting indicator drawn within a range at the start of each game.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct StartRange<S: Stage = Built> {
    /// The actor.
    pub actor: S::Actor,
    /// Its indicator (not capital or audience costs, which are worked out in play).
    pub indicator: Indicator,
    /// The lowest starting value.
    #[format(range = 0.0..=100.0)]
    pub low: f64,
    /// The highest starting value.
    #[format(range = 0.0..=100.0)]
    pub high: f64,
    /// Source keys for the range.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// `agendas.ron`: a hidden agenda a side may draw at the start of a game. It changes the weights
/// of some of the side's objectives (what this government cares most about), and the other side
/// does not see which one was drawn. A draw is fixed by the seed, or by naming the agenda.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::agenda)]
pub struct Agenda<S: Stage = Built> {
    /// Short id, unique among agendas.
    #[serde(rename = "id")]
    pub key: String,
    /// The side that may draw it (a playable side).
    pub side: S::Actor,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// What this government wants most, for its own side's briefing.
    #[format(nonempty)]
    pub description: String,
    /// Relative chance of being drawn among the side's agendas.
    #[format(range = 0.0..=1000.0)]
    pub chance: f64,
    /// New weights for some of the side's objectives, by objective id.
    #[serde(default)]
    pub weights: Vec<AgendaWeight>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// An objective's weight under an agenda.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct AgendaWeight {
    /// The objective's id (one of the agenda's side).
    pub objective: String,
    /// Its weight under this agenda.
    #[format(range = 0.0..=100.0)]
    pub weight: f64,
}

/// The money a scenario counts trade in: every trade value (`trade.ron`, `sectors.ron`) is in
/// billions of it a year, and every label of money is written with it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// Short code, such as an ISO 4217 code (`"USD"`).
    #[format(nonempty)]
    pub code: String,
    /// Symbol written before an amount (`"$"`); may be empty.
    pub symbol: String,
    /// Name for people (`"US dollars"`).
    #[format(nonempty)]
    pub name: String,
    /// How "billions" is written after an amount (`"bn"`): trade values are always billions.
    pub unit: String,
    /// Units of this currency per US dollar, to compare trade with GDP (given in US dollars).
    #[format(range = 0.000_001..=1.0e9)]
    pub per_usd: f64,
}

impl Default for Currency {
    /// US dollars, the money GDP is given in: trade and GDP then compare without conversion.
    fn default() -> Self {
        Currency {
            code: "USD".into(),
            symbol: "$".into(),
            name: "US dollars".into(),
            unit: "bn".into(),
            per_usd: 1.0,
        }
    }
}

impl Currency {
    /// An amount of billions for people, rounded: `$12bn`.
    pub fn amount(&self, billions: f64) -> String {
        format!("{}{billions:.0}{}", self.symbol, self.unit)
    }

    /// The unit of a yearly amount: `$bn/yr`.
    pub fn per_year(&self) -> String {
        format!("{}{}/yr", self.symbol, self.unit)
    }

    /// The unit of an amount without the year: `$bn`.
    pub fn billions(&self) -> String {
        format!("{}{}", self.symbol, self.unit)
    }
}

/// The turn calendar.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct Calendar<S: Stage = Built> {
    /// First day of turn 1, `YYYY-MM-DD`.
    pub start: S::Date,
    /// Days each turn covers.
    #[format(range = 1..=366)]
    pub days_per_turn: u32,
    /// Number of turns in a full game.
    #[format(range = 1..=520)]
    pub turns: u32,
}

impl Copy for Calendar<Built> {}

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

/// A side's briefing file.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct Briefing<S: Stage = Built> {
    /// Actor id of the side.
    pub side: S::Actor,
    /// Path relative to the scenario folder.
    pub file: String,
}

/// Who an effect or condition is about: `"self"` (the acting actor), `"other"` (the other side of
/// the dyad) or an actor id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Who {
    /// A named actor.
    Actor(ActorId),
    /// The acting actor (`"self"`).
    Me,
    /// The other side of the dyad (`"other"`).
    Opponent,
}

/// `actors.ron`: one entry per actor.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::actor)]
pub struct Actor<S: Stage = Built> {
    /// Short id, e.g. `"ALD"`.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// State or coalition.
    pub kind: ActorKind,
    /// Colour on the map, `#RRGGBB`.
    pub color: S::Color,
    /// Leader at the start, for briefings.
    #[serde(default)]
    pub leader: Option<String>,
    /// GDP in billions of current US dollars at the start.
    #[format(range = 0.001..=1.0e6)]
    pub gdp_usd_bn: f64,
    /// Starting indicators.
    pub initial: Indicators,
    /// Present for the playable actors: budget, resolve, beliefs and sensitivities.
    #[serde(default)]
    pub side: Option<SideSetup>,
    /// Source keys for the figures above.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

impl Actor {
    /// Every indicator at the start, by [`Indicator::index`]: political capital from the side
    /// block, audience costs at zero.
    pub fn start_indicators(&self) -> [f64; Indicator::ALL.len()] {
        let mut values = [0.0; Indicator::ALL.len()];
        for indicator in Indicator::ALL {
            values[indicator.index()] = self.initial.get(indicator).unwrap_or(0.0);
        }
        values[Indicator::Capital.index()] = self
            .side
            .as_ref()
            .map_or(0.0, |s| s.initial_capital.min(s.capital_cap));
        values
    }
}

/// Starting values of the indicators, each 0–100.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    /// See [`Indicator::Economy`].
    #[format(range = 0.0..=100.0)]
    pub economy: f64,
    /// See [`Indicator::Approval`].
    #[format(range = 0.0..=100.0)]
    pub approval: f64,
    /// See [`Indicator::Standing`].
    #[format(range = 0.0..=100.0)]
    pub standing: f64,
    /// See [`Indicator::Readiness`].
    #[format(range = 0.0..=100.0)]
    pub readiness: f64,
    /// See [`Indicator::Hawks`].
    #[format(range = 0.0..=100.0)]
    pub hawks: f64,
    /// See [`Indicator::Doves`].
    #[format(range = 0.0..=100.0)]
    pub doves: f64,
    /// See [`Indicator::EnergyStress`].
    #[format(range = 0.0..=100.0)]
    pub energy_stress: f64,
}

impl Indicators {
    /// The starting value of an indicator, if the file gives one (capital and audience costs are
    /// not given here).
    pub fn get(&self, indicator: Indicator) -> Option<f64> {
        match indicator {
            Indicator::Economy => Some(self.economy),
            Indicator::Approval => Some(self.approval),
            Indicator::Standing => Some(self.standing),
            Indicator::Readiness => Some(self.readiness),
            Indicator::Hawks => Some(self.hawks),
            Indicator::Doves => Some(self.doves),
            Indicator::EnergyStress => Some(self.energy_stress),
            Indicator::Capital | Indicator::AudienceCost => None,
        }
    }
}

/// What a playable actor needs beyond its indicators.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
#[format(check = checks::side_setup)]
pub struct SideSetup {
    /// Political capital at the start of the game, 0 to `capital_cap`.
    pub initial_capital: f64,
    /// Political capital gained each turn (at 50 % approval; more when approval is higher).
    #[format(range = 0.0..=100.0)]
    pub capital_per_turn: f64,
    /// Most political capital that can be banked.
    #[format(range = 1.0..=100.0)]
    pub capital_cap: f64,
    /// Private resolve, drawn once per game around `mean` within `± spread`.
    pub resolve: ResolveDraw,
    /// Prior belief about the other side's resolve (a Beta distribution).
    pub prior: Prior,
    /// How strongly approval answers each pressure (1 = the model's baseline).
    pub sensitivity: Sensitivity,
    /// Approval level the public drifts back to.
    #[format(range = 0.0..=100.0)]
    pub approval_baseline: f64,
    /// A command-line flag naming this side's policy, as a shorthand for `--side ID=POLICY`:
    /// `flag: "aldova"` lets `--aldova hawk` be written (lowercase letters, digits and `-`).
    #[serde(default)]
    pub flag: Option<String>,
}

/// A resolve distribution.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct ResolveDraw {
    /// Centre.
    #[format(range = 0.0..=1.0)]
    pub mean: f64,
    /// Half-width of the uniform draw around the centre.
    #[format(range = 0.0..=0.5)]
    pub spread: f64,
}

/// A Beta(alpha, beta) prior.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Prior {
    /// Pseudo-count of evidence for high resolve.
    #[format(range = 0.1..=100.0)]
    pub alpha: f64,
    /// Pseudo-count of evidence for low resolve.
    #[format(range = 0.1..=100.0)]
    pub beta: f64,
}

impl Prior {
    /// `(alpha, beta)`.
    pub fn pair(self) -> (f64, f64) {
        (self.alpha, self.beta)
    }
}

/// Multipliers on the domestic-politics rules.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Sensitivity {
    /// Economic pain to approval.
    #[format(range = 0.0..=5.0)]
    pub pain: f64,
    /// Rally-round-the-flag effects.
    #[format(range = 0.0..=5.0)]
    pub rally: f64,
    /// Audience costs (democracies pay more for backing down).
    #[format(range = 0.0..=5.0)]
    pub audience: f64,
    /// Energy stress to approval.
    #[format(range = 0.0..=5.0)]
    pub energy: f64,
}

/// `relations.ron`: the starting relation between two actors.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::relation)]
pub struct Relation<S: Stage = Built> {
    /// One actor.
    pub a: S::Actor,
    /// The other actor.
    pub b: S::Actor,
    /// −100 (hostile) to 100 (allied).
    #[format(range = -100.0..=100.0)]
    pub value: f64,
    /// What this relation stands for, e.g. "coalition standing".
    pub label: String,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// `regions.ron`: one entry per region of the map.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::region)]
pub struct Region<S: Stage = Built> {
    /// Short id, e.g. `"gull_island"`.
    #[serde(rename = "id")]
    pub key: String,
    /// Names by language code; `en` is required.
    pub names: BTreeMap<String, String>,
    /// What kind of place.
    pub kind: RegionKind,
    /// Who administers it; absent for international waters.
    #[serde(default)]
    pub administered_by: Option<S::Actor>,
    /// Who else claims it.
    #[serde(default)]
    pub claimed_by: Vec<S::Actor>,
    /// Where its marker and label stand: longitude (−180 to 180), latitude (−90 to 90).
    #[format(check = checks::lon_lat)]
    pub anchor: (f64, f64),
    /// Names of land features in the map asset that draw this region.
    #[serde(default)]
    pub map_features: Vec<String>,
    /// For a region the map's features do not draw (a sea, a strait, a lake, a land sector): an
    /// outline of at least three longitude, latitude pairs; hovered and selected like the
    /// features.
    #[serde(default)]
    #[format(check = checks::outline)]
    pub outline: Vec<(f64, f64)>,
    /// Regions next to this one.
    #[serde(default)]
    pub adjacent: Vec<S::Region>,
    /// A sentence or two for the hover card.
    #[format(nonempty)]
    pub note: String,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
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

/// `forces.ron`: a force shown on the map.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct Force<S: Stage = Built> {
    /// Short id.
    #[serde(rename = "id")]
    pub key: String,
    /// Owning actor.
    pub owner: S::Actor,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// Fleet, air wing, troops, missile battery.
    pub kind: ForceKind,
    /// Region where it starts and returns to.
    pub home: S::Region,
    /// Relative strength.
    #[format(range = 1.0..=100.0)]
    pub strength: f64,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// `sectors.ron`: a sector of trade.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// Short id, e.g. `"lng"`.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// Goods, energy (losing it raises the importer's energy stress) or finance (assets and
    /// payments: not counted as trade).
    pub kind: SectorKind,
    /// A sentence for the tooltip.
    pub description: String,
}

/// `trade.ron`: a yearly trade flow between two actors in one sector.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::flow)]
pub struct Flow<S: Stage = Built> {
    /// Exporting actor.
    pub exporter: S::Actor,
    /// Importing actor.
    pub importer: S::Actor,
    /// Sector.
    pub sector: S::Sector,
    /// Value per year, in billions of the scenario's currency.
    #[format(range = 0.0..=1.0e7)]
    pub value: f64,
    /// Share of the importer's supply in this sector that this flow provides.
    #[format(range = 0.0..=1.0)]
    pub importer_dependence: f64,
    /// How hard the importer finds going without it.
    #[format(range = 0.0..=1.0)]
    pub criticality: f64,
    /// Turns for either side to adapt to losing the flow (the e-folding time).
    #[format(range = 0.5..=1000.0)]
    pub adaptation_turns: f64,
    /// A track that must stay active for the flow to continue (e.g. an energy project).
    #[serde(default)]
    pub requires_track: Option<S::Track>,
    /// How the figure was obtained, when it is derived.
    #[serde(default)]
    pub note: Option<String>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// `tracks.ron`: a track of the bilateral relationship.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::track)]
pub struct Track<S: Stage = Built> {
    /// Short id.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// A paragraph for the tracks panel.
    #[format(nonempty)]
    pub description: String,
    /// Status at the start.
    pub status: TrackStatus,
    /// Progress at the start.
    #[format(range = 0.0..=100.0)]
    pub progress: f64,
    /// Named stages, by the progress at which each begins (ascending, the first at 0).
    pub stages: Vec<TrackStage>,
    /// Progress gained when a proposal is accepted.
    #[format(range = 0.0..=100.0)]
    pub step: f64,
    /// Progress can only be gained while this holds.
    #[serde(default = "Condition::always")]
    pub advance_requires: Condition<S>,
    /// Shown when `advance_requires` does not hold.
    #[serde(default)]
    pub blocked_reason: Option<String>,
    /// Tracks that must be active for this one to be active or to advance.
    #[serde(default)]
    pub requires_active: Vec<S::Track>,
    /// Effects each turn while the track is active.
    #[serde(default)]
    pub while_active: Vec<Effect<S>>,
    /// Effects when it is suspended or terminated (the acting side is `self`).
    #[serde(default)]
    #[format(scope = Scope::SIDES)]
    pub on_halt: Vec<Effect<S>>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

impl Track {
    /// The stage reached at `progress`.
    pub fn stage_at(&self, progress: f64) -> &str {
        self.stages
            .iter()
            .rev()
            .find(|s| progress >= s.at)
            .or(self.stages.first())
            .map_or("", |s| s.name.as_str())
    }
}

/// A named stage of a track.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct TrackStage {
    /// Name for people.
    pub name: String,
    /// Progress at which the stage begins.
    #[format(range = 0.0..=100.0)]
    pub at: f64,
}

/// `ladder.ron`: a rung of the dyad's escalation ladder.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct Rung<S: Stage = Built> {
    /// 0 for the bottom rung, then 1, 2, … without gaps.
    pub level: u8,
    /// Name for people.
    pub name: String,
    /// The rung of Kahn's 44-rung ladder it stands for, if any.
    #[serde(default)]
    #[format(range = 1..=44)]
    pub kahn: Option<u8>,
    /// MID hostility level (1: no militarized action, 5: war).
    #[format(range = 1..=5)]
    pub hostility: u8,
    /// A sentence for the tooltip.
    pub description: String,
    /// A named threshold crossed when climbing past this rung.
    #[serde(default)]
    pub threshold: Option<String>,
    /// Effects the first time the ladder climbs to this rung.
    #[serde(default)]
    pub on_reach: Vec<Effect<S>>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// `actions.ron`: an entry of the action catalogue.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(scope = checks::action_scope, check = checks::action)]
pub struct Action<S: Stage = Built> {
    /// Short id, e.g. `"jp_coal_phaseout"`.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// One or two sentences, written for players.
    #[format(nonempty)]
    pub description: String,
    /// Diplomatic, sanctions, talks or military.
    pub category: Category,
    /// Actor ids that may take it (at least one).
    pub actors: Vec<S::Actor>,
    /// Political capital it costs.
    #[format(range = 0.0..=100.0)]
    pub capital: f64,
    /// Readiness it uses (military actions).
    #[serde(default)]
    #[format(range = 0.0..=100.0)]
    pub readiness: f64,
    /// It can only be taken while this holds.
    #[serde(default = "Condition::always")]
    pub requires: Condition<S>,
    /// Shown when `requires` does not hold.
    #[serde(default)]
    pub requires_text: Option<String>,
    /// Whether the order names a track or a region.
    #[serde(default)]
    pub target: Target<S>,
    /// What it does.
    pub effects: Vec<Effect<S>>,
    /// Public or private.
    pub visibility: Visibility,
    /// Cheap talk, sunk cost or tied hands.
    pub signal: SignalKind,
    /// Hawkish, neutral or dovish.
    pub stance: Stance,
    /// Escalation rung it signals at (0: none), at most the ladder's top rung.
    #[serde(default)]
    pub rung: u8,
    /// MID action code (0–21), required for military actions.
    #[serde(default)]
    pub mid: Option<u8>,
    /// How many times a game it may be taken (absent: no limit; at least 1).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Glossary concept ids it illustrates (at least one).
    pub concepts: Vec<S::Concept>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// What an order for an action must name besides the action.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, Format)]
#[serde(bound = "")]
pub enum Target<S: Stage = Built> {
    /// Nothing: the action is fully specified.
    #[default]
    Nothing,
    /// A track from the list (empty: any track).
    Track(Vec<S::Track>),
    /// A region from the list (empty: any region).
    Region(Vec<S::Region>),
}

/// When an event fires.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(bound = "")]
pub enum When<S: Stage = Built> {
    /// On a date (in the turn that contains it), if its condition holds; dated events are listed
    /// in chronological order, within the calendar.
    Dated(S::Date),
    /// Each turn with a probability (plus `per_tension` × tension), at most `max_times` a game.
    Random {
        /// Base probability per turn.
        #[format(range = 0.0..=1.0)]
        probability: f64,
        /// Added per point of tension.
        #[format(range = 0.0..=0.01)]
        per_tension: f64,
        /// Most times it can happen in a game.
        #[format(range = 1..=u32::MAX)]
        max_times: u32,
    },
    /// As an incident when the incident roll comes up; the weight picks among incidents.
    Incident(#[format(range = 0.001..=1000.0)] f64),
}

/// `events.ron`: a dated or random event.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(scope = checks::event_scope, check = checks::event)]
pub struct Event<S: Stage = Built> {
    /// Short id.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// One or two sentences for the news feed.
    #[format(nonempty)]
    pub description: String,
    /// When it fires.
    pub when: When<S>,
    /// Context, third party, incident, domestic, economic.
    pub kind: EventKind,
    /// The actor it is about; `self` in its effects and condition.
    #[serde(default)]
    pub actor: Option<S::Actor>,
    /// It only fires while this holds.
    #[serde(default = "Condition::always")]
    pub condition: Condition<S>,
    /// What it does.
    pub effects: Vec<Effect<S>>,
    /// Escalation rung it signals at (0: none), at most the ladder's top rung.
    #[serde(default)]
    pub rung: u8,
    /// MID action code (0–21), for incidents.
    #[serde(default)]
    pub mid: Option<u8>,
    /// Glossary concept ids.
    #[serde(default)]
    pub concepts: Vec<S::Concept>,
    /// Source keys (a dated event should cite one).
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
    /// For a dated event: the chance (0–1) that it happens when its date comes and its
    /// condition holds (absent: it happens). A branch: two events on one date, the second with
    /// `condition: Not(Happened(first))`, make one outcome or the other, drawn from the game's
    /// seed, so every group with the same seed gets the same branch.
    #[serde(default)]
    #[format(range = 0.0..=1.0)]
    pub chance: Option<f64>,
}

/// One effect of an action, event, track or rung.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(bound = "")]
#[format(check = checks::effect)]
pub enum Effect<S: Stage = Built> {
    /// Change an indicator of an actor.
    Adjust(S::Who, Indicator, #[format(range = -100.0..=100.0)] f64),
    /// Change the dyad's tension (0–100).
    Tension(#[format(range = -100.0..=100.0)] f64),
    /// Change the relation between two different actors.
    Relation(S::Who, S::Who, #[format(range = -200.0..=200.0)] f64),
    /// Impose (or tighten to) a sanction measure on the other side.
    Impose {
        /// Sector id.
        sector: S::Sector,
        /// TIES kind.
        measure: MeasureKind,
        /// Share of the affected flows it covers.
        #[format(range = 0.0..=1.0)]
        size: f64,
        /// Points it adds to the sender's sanction level against the target.
        #[format(range = 0.0..=100.0)]
        severity: f64,
    },
    /// Threaten a measure: a public commitment with a deadline in turns.
    Threaten {
        /// Sector id.
        sector: S::Sector,
        /// TIES kind.
        measure: MeasureKind,
        /// Share of the affected flows it would cover.
        #[format(range = 0.0..=1.0)]
        size: f64,
        /// Points it would add to the sanction level.
        #[format(range = 0.0..=100.0)]
        severity: f64,
        /// Turns the target has to comply.
        #[format(range = 1..=12)]
        deadline: u32,
    },
    /// Lift a measure in force against the other side.
    Lift {
        /// Sector id.
        sector: S::Sector,
        /// TIES kind.
        measure: MeasureKind,
    },
    /// Act on a track (`None`: the track named by the order).
    Track(Option<S::Track>, TrackOp),
    /// Build private trust in the back-channel.
    BackChannel(#[format(range = -100.0..=100.0)] f64),
    /// Move a force along a path of at least one region; it ends in the last one.
    Move(S::Force, Vec<S::Region>),
    /// Bring a force home.
    Recall(S::Force),
    /// Military activity in a region, raising incident risk (`None`: the order's region).
    Activity(Option<S::Region>, #[format(range = 0.0..=100.0)] f64),
    /// Scrambles flown by an actor (`"other"` for the defender answering an incursion).
    Scramble(S::Who, #[format(range = 0..=1000)] u32),
    /// Scrambles flown by the first actor against the second's aircraft or ships, counted apart
    /// per pair as well as in the flyer's total (so scrambles against one neighbour are told
    /// from those against another).
    ScrambleAgainst(S::Who, S::Who, #[format(range = 0..=1000)] u32),
    /// A coalition package: raises what the coalition expects of its members.
    CoalitionPackage(#[format(range = 0.0..=100.0)] f64),
    /// An election for the actor: its outcome follows approval.
    Election(S::Who),
    /// An armed clash between the two sides (ends the game where an outcome says so).
    Clash,
}

/// A quantity that conditions compare.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(bound = "")]
pub enum Quantity<S: Stage = Built> {
    /// An indicator of an actor.
    Indicator(S::Who, Indicator),
    /// The relation between two actors.
    Relation(S::Who, S::Who),
    /// The dyad's tension.
    Tension,
    /// The current escalation rung.
    Rung,
    /// The highest escalation rung reached.
    MaxRung,
    /// Trade between the two sides, billions of the scenario's currency a year.
    Trade,
    /// The current turn (1-based).
    Turn,
    /// Progress of a track.
    Progress(S::Track),
    /// The sanction level of a sender against a target.
    SanctionLevel(S::Who, S::Who),
    /// The holder's belief about the other side's resolve, 0–1.
    Belief(S::Who),
}

/// A condition on the state of the game.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(bound = "")]
pub enum Condition<S: Stage = Built> {
    /// Always true.
    Always,
    /// Always false.
    Never,
    /// All hold.
    All(Vec<Condition<S>>),
    /// At least one holds.
    Any(Vec<Condition<S>>),
    /// Does not hold.
    Not(Box<Condition<S>>),
    /// The quantity is at least the value.
    AtLeast(Quantity<S>, #[format(range = -1.0e7..=1.0e7)] f64),
    /// The quantity is at most the value.
    AtMost(Quantity<S>, #[format(range = -1.0e7..=1.0e7)] f64),
    /// A track has this status.
    TrackIs(S::Track, TrackStatus),
    /// A measure of this kind in this sector is in force from sender against target.
    SanctionInForce(S::Who, S::Who, S::Sector, MeasureKind),
    /// An event has happened.
    Happened(S::Event),
    /// An actor has taken an action at least once.
    Took(S::Who, S::Action),
    /// An armed clash has happened.
    Clashed,
}

impl<S: Stage> Condition<S> {
    /// The default for optional conditions.
    pub fn always() -> Condition<S> {
        Condition::Always
    }
}

/// `objectives.ron`: a weighted objective of one side.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(scope = checks::objective_scope, check = checks::objective)]
pub struct Objective<S: Stage = Built> {
    /// Short id, unique among objectives.
    #[serde(rename = "id")]
    pub key: String,
    /// Actor id of the side (a playable side).
    pub side: S::Actor,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// A sentence for the briefing.
    pub description: String,
    /// Weight in the final score.
    #[format(range = 0.01..=100.0)]
    pub weight: f64,
    /// Met when this holds at the end (thresholds give partial credit near the line).
    pub condition: Condition<S>,
    /// Width of the band short of a threshold in which this objective earns partial credit
    /// (absent: the rules' `objective_margin`). A wide band gives continuous credit: with
    /// `AtLeast(q, 60)` and a margin of 40, every point of `q` from 20 to 60 counts.
    #[serde(default)]
    #[format(range = 0.1..=1000.0)]
    pub margin: Option<f64>,
}

/// `outcomes.ron`: a named ending; the first whose condition holds names the game.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::outcome)]
pub struct Outcome<S: Stage = Built> {
    /// Short id, unique among outcomes.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    #[format(nonempty)]
    pub name: String,
    /// A paragraph for the game-over screen.
    pub description: String,
    /// When this ending applies.
    pub condition: Condition<S>,
    /// Whether it ends the game as soon as it holds.
    pub ends_game: bool,
    /// Sentences added to the description when their condition holds at the end, so that the
    /// ending tells what happened in this game (for example whether sanctions were imposed).
    #[serde(default)]
    pub details: Vec<OutcomeDetail<S>>,
}

/// A sentence of an ending that is told only when its condition holds.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct OutcomeDetail<S: Stage = Built> {
    /// When the sentence is true of the game.
    pub when: Condition<S>,
    /// The sentence.
    #[format(nonempty)]
    pub text: String,
}

/// `historical.ron`: what one side really did in one turn.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct HistoricalTurn<S: Stage = Built> {
    /// Actor id of the side (a playable side).
    pub side: S::Actor,
    /// Turn number, 1-based, within the calendar; each side's turns ascending.
    pub turn: u32,
    /// The orders, in the order given.
    pub orders: Vec<Order<S>>,
    /// What happened, in a sentence.
    #[serde(default)]
    pub note: Option<String>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// An inject file's entry: a teacher's event, fired into a game in a named turn or in the first
/// turn its condition holds, with its text, effects in the scenario's own terms, and optionally a
/// decision put to a side. Inject files are checked like scenario files (every problem at once,
/// located, with a did-you-mean) against the scenario they are used with.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(scope = checks::inject_scope, check = checks::inject)]
pub struct Inject<S: Stage = Built> {
    /// Short id, unique in the file.
    #[serde(rename = "id")]
    pub key: String,
    /// A headline.
    #[format(nonempty)]
    pub title: String,
    /// What happens, for the news feed and the report.
    #[format(nonempty)]
    pub text: String,
    /// The turn it fires in (give this or `when`).
    #[serde(default)]
    pub turn: Option<u32>,
    /// It fires in the first turn this holds, checked where dated events fire (give this or
    /// `turn`).
    #[serde(default)]
    pub when: Option<Condition<S>>,
    /// The actor it is about: `self` in its effects and condition.
    #[serde(default)]
    pub actor: Option<S::Actor>,
    /// What it does.
    #[serde(default)]
    pub effects: Vec<Effect<S>>,
    /// A question put to one side, to answer with one of the named actions in its next orders.
    #[serde(default)]
    pub decision: Option<InjectDecision<S>>,
    /// Glossary concept ids it illustrates.
    #[serde(default)]
    pub concepts: Vec<S::Concept>,
}

/// A decision an inject puts to a side: the report of the next turn says which of the actions
/// the side chose, or that it chose none.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct InjectDecision<S: Stage = Built> {
    /// The side asked (a playable side).
    pub side: S::Actor,
    /// The question.
    #[format(nonempty)]
    pub question: String,
    /// The actions that answer it.
    pub options: Vec<S::Action>,
}

/// What the record says of one side's turn, beside its orders: a sentence and its sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordNote {
    /// What happened, in a sentence (absent when the record gives none).
    pub note: Option<String>,
    /// Source keys.
    pub sources: Vec<SourceId>,
}

/// `milestones.ron`: a turning point of the real record (the talks suspended, a clash avoided),
/// told with its real date and sources and looked for in every game: the game's turn where its
/// condition first holds is set beside the real date.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
#[format(check = checks::milestone)]
pub struct Milestone<S: Stage = Built> {
    /// Short id, unique among milestones.
    #[serde(rename = "id")]
    pub key: String,
    /// What happened, in a sentence for students ("Russia suspends the peace-treaty talks").
    #[format(nonempty)]
    pub text: String,
    /// When it really happened (`YYYY-MM-DD`); a date outside the calendar means it did not
    /// happen within the game's months.
    pub date: S::Date,
    /// When a game has reached it (the first turn after which this holds).
    pub condition: Condition<S>,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// An order: what a side does this turn. Written with string ids in historical orders, order
/// files and replays.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct Order<S: Stage = Built> {
    /// Action id.
    pub action: S::Action,
    /// Track id, for actions that name one.
    #[serde(default)]
    pub track: Option<S::Track>,
    /// Region id, for actions that name one.
    #[serde(default)]
    pub region: Option<S::Region>,
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

/// `glossary.ron`: an IR concept.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields, bound = "")]
pub struct Concept<S: Stage = Built> {
    /// Short id.
    #[serde(rename = "id")]
    pub key: String,
    /// The term.
    #[format(nonempty)]
    pub term: String,
    /// A definition written for students.
    #[format(nonempty)]
    pub definition: String,
    /// How the game uses it.
    pub in_game: String,
    /// Source keys.
    #[serde(default, rename = "source")]
    pub sources: Vec<S::Source>,
}

/// `sources.ron`: a source of figures and facts.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The key cited elsewhere, e.g. `"jiji-0322"`.
    pub key: String,
    /// Who published what, when.
    #[format(nonempty)]
    pub citation: String,
    /// Where a copy can be read.
    #[serde(default)]
    pub url: Option<String>,
    /// A blog or aggregator, used only for minor details.
    #[serde(default)]
    pub weak: bool,
}

/// `difficulties.ron`: an AI difficulty level (search budget and noise).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
#[format(check = checks::difficulty)]
pub struct Difficulty {
    /// Short id: `easy`, `normal` or `hard` (the AI uses no other).
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    pub name: String,
    /// Single orders kept after the first screening.
    #[format(range = 1..=40)]
    pub shortlist: u32,
    /// Imagined futures per candidate.
    #[format(range = 1..=64)]
    pub rollouts: u32,
    /// Turns looked ahead.
    #[format(range = 1..=12)]
    pub depth: u32,
    /// Most orders in a bundle.
    #[format(range = 1..=5)]
    pub bundle: u32,
    /// Noise added to each candidate's value, in score points.
    #[format(range = 0.0..=50.0)]
    pub noise: f64,
    /// Share of turns, 0 to 1, drawn from the game's seed, in which the AI does not deliberate
    /// and gives the plain orders of its personality's strategy instead (its ministries'
    /// routine); absent: 0, every turn deliberated.
    #[serde(default)]
    #[format(range = 0.0..=1.0)]
    pub routine: f64,
}

/// `personalities.ron`: an AI personality.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, Format)]
#[serde(deny_unknown_fields)]
pub struct Personality {
    /// Short id, e.g. `"hawk"`.
    #[serde(rename = "id")]
    pub key: String,
    /// Name for people.
    pub name: String,
    /// A sentence for the menu.
    pub description: String,
    /// Weight on the side's objectives (the score).
    #[format(range = 0.0..=10.0)]
    pub objectives: f64,
    /// Bonus per rung of escalation the AI's own orders reach (negative: aversion).
    #[format(range = -10.0..=10.0)]
    pub escalation: f64,
    /// Bonus for choosing what the state really did that turn.
    #[format(range = 0.0..=10.0)]
    pub history: f64,
    /// Bonus per hawkish order (negative for doves).
    #[format(range = -10.0..=10.0)]
    pub hawkishness: f64,
    /// Penalty per point of the dyad's tension at the horizon.
    #[format(range = 0.0..=10.0)]
    pub tension_aversion: f64,
}

/// What kind of actor this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum ActorKind {
    /// A sovereign state.
    State,
    /// A coalition of states acting together, whose packages set what it expects of its members.
    Coalition,
}

/// The numeric indicators every actor carries, each on a 0–100 scale.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, Format,
)]
pub enum Indicator {
    /// Health of the economy (100 = booming, 0 = collapse).
    Economy,
    /// Public approval of the government.
    Approval,
    /// International standing.
    Standing,
    /// Military readiness.
    Readiness,
    /// Political capital available this turn (the action budget).
    Capital,
    /// Pressure from domestic hawks.
    Hawks,
    /// Pressure from domestic doves.
    Doves,
    /// Audience-cost meter: how much backing down would now cost.
    AudienceCost,
    /// Stress on energy supply and prices.
    EnergyStress,
}

impl Indicator {
    /// Every indicator, in table order.
    pub const ALL: [Indicator; 9] = [
        Indicator::Economy,
        Indicator::Approval,
        Indicator::Standing,
        Indicator::Readiness,
        Indicator::Capital,
        Indicator::Hawks,
        Indicator::Doves,
        Indicator::AudienceCost,
        Indicator::EnergyStress,
    ];

    /// Position in [`Indicator::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Indicator::Economy => "economy",
            Indicator::Approval => "approval",
            Indicator::Standing => "standing",
            Indicator::Readiness => "readiness",
            Indicator::Capital => "political capital",
            Indicator::Hawks => "hawk pressure",
            Indicator::Doves => "dove pressure",
            Indicator::AudienceCost => "audience costs",
            Indicator::EnergyStress => "energy stress",
        }
    }

    /// Name for machines (JSON keys).
    pub fn key(self) -> &'static str {
        match self {
            Indicator::Economy => "economy",
            Indicator::Approval => "approval",
            Indicator::Standing => "standing",
            Indicator::Readiness => "readiness",
            Indicator::Capital => "capital",
            Indicator::Hawks => "hawks",
            Indicator::Doves => "doves",
            Indicator::AudienceCost => "audience_cost",
            Indicator::EnergyStress => "energy_stress",
        }
    }
}

/// What kind of place a region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum RegionKind {
    /// A single island.
    Island,
    /// A group of islets treated as one region.
    IslandGroup,
    /// A land mass (a large island, a stretch of mainland).
    Land,
    /// A strait.
    Strait,
    /// A sea.
    Sea,
    /// A part of a land mass (a province, a district, a front line's sector; not an economic
    /// sector of `sectors.ron`), usually drawn by its `outline` over the land.
    Sector,
    /// A mountain pass.
    Pass,
    /// A lake, drawn in the colour of water.
    Lake,
    /// A plateau or upland.
    Plateau,
}

impl RegionKind {
    /// Whether the region is water (a sea, a strait, a lake): drawn and named as water, and
    /// "international waters" when no one administers it.
    pub fn is_water(self) -> bool {
        matches!(
            self,
            RegionKind::Sea | RegionKind::Strait | RegionKind::Lake
        )
    }

    /// Whether the region lies on the land (every kind but a sea and a strait; a lake does): its
    /// outline, if it has one, is drawn over the land and hovered before it.
    pub fn on_land(self) -> bool {
        !matches!(self, RegionKind::Sea | RegionKind::Strait)
    }
}

/// What kind of force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum ForceKind {
    /// A naval group.
    Fleet,
    /// Aircraft.
    AirWing,
    /// Ground troops.
    Troops,
    /// Coastal missile batteries.
    MissileBattery,
}

/// What kind of sector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum SectorKind {
    /// Goods: counted in trade.
    Goods,
    /// Energy: counted in trade; losing it raises energy stress.
    Energy,
    /// Finance: assets and payments; not counted in trade.
    Finance,
}

/// Status of a track.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, Format,
)]
pub enum TrackStatus {
    /// Talks or cooperation under way.
    Active,
    /// Halted by one side; can be resumed.
    Suspended,
    /// Ended; cannot be resumed.
    Terminated,
}

/// The four categories of the action catalogue.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, Format,
)]
pub enum Category {
    /// Protests, summons, expulsions, statements.
    Diplomatic,
    /// Economic sanctions and countersanctions.
    Sanctions,
    /// Talks on the tracks of the relationship.
    Talks,
    /// Military signalling.
    Military,
}

impl Category {
    /// Every category, in resolution order.
    pub const ALL: [Category; 4] = [
        Category::Diplomatic,
        Category::Sanctions,
        Category::Talks,
        Category::Military,
    ];

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Category::Diplomatic => "Diplomatic",
            Category::Sanctions => "Sanctions",
            Category::Talks => "Talks",
            Category::Military => "Military signalling",
        }
    }
}

/// Who sees an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum Visibility {
    /// Everyone: the other side, third parties, both publics.
    Public,
    /// Only the two governments (back-channels, quiet deals).
    Private,
}

/// Fearon's (1997) kinds of signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum SignalKind {
    /// Costless words: moves no belief.
    CheapTalk,
    /// Costs paid up front (exercises, deployments, lost trade).
    SunkCost,
    /// Public commitments whose cost comes if one backs down (audience costs).
    TiedHands,
}

/// Whether an action reads as hawkish or dovish at home.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Format)]
pub enum Stance {
    /// Confrontational: hawks approve, doves object.
    Hawkish,
    /// Neither.
    Neutral,
    /// Conciliatory: doves approve, hawks object.
    Dovish,
}

/// The kind of a sanction measure, after the TIES data set's types.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, Format,
)]
pub enum MeasureKind {
    /// The sender stops buying from the target.
    ImportRestriction,
    /// The sender stops selling to the target.
    ExportRestriction,
    /// The sender freezes the target's assets or financial channels.
    AssetFreeze,
    /// Entry bans on the target's officials.
    TravelBan,
    /// The sender suspends an economic agreement.
    AgreementSuspension,
}

impl MeasureKind {
    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            MeasureKind::ImportRestriction => "import restriction",
            MeasureKind::ExportRestriction => "export restriction",
            MeasureKind::AssetFreeze => "asset freeze",
            MeasureKind::TravelBan => "travel ban",
            MeasureKind::AgreementSuspension => "suspension of an economic agreement",
        }
    }
}

/// What an action or event does to a track.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize, Format)]
pub enum TrackOp {
    /// Propose progress (or, on a suspended track, resumption); answered next turn.
    Propose,
    /// Accept the other side's pending proposal.
    Accept,
    /// Reject the other side's pending proposal.
    Reject,
    /// Halt the track; can be resumed.
    Suspend,
    /// End the track for good.
    Terminate,
    /// Lift one's own suspension.
    Resume,
    /// Change progress directly (events, quiet deals), within 0–100.
    Progress(#[format(range = -100.0..=100.0)] f64),
}

/// The kind of an event, for the news feed.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, Format,
)]
pub enum EventKind {
    /// The war in Ukraine and other context.
    Context,
    /// What third parties do (allies, coalitions, other states).
    ThirdParty,
    /// An incident between the two sides' forces.
    Incident,
    /// Domestic politics.
    Domestic,
    /// Markets and the economy.
    Economic,
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

    /// Whether a save or replay written with the files of content hash `hash` (16 hex digits)
    /// belongs to these files: their own hash, or one `compatible_hashes` lists.
    pub fn accepts_hash(&self, hash: &str) -> bool {
        hash == format!("{:016x}", self.content_hash)
            || self.meta.compatible_hashes.iter().any(|h| h == hash)
    }

    /// The side an actor plays, if it is playable.
    pub fn side_of(&self, actor: ActorId) -> Option<Side> {
        Side::BOTH
            .into_iter()
            .find(|s| self.sides[s.index()] == actor)
    }

    /// The side an actor id names (`"ALD"`, in any case), or a message with a did-you-mean and
    /// the list of sides.
    pub fn side_named(&self, key: &str) -> Result<Side, String> {
        let keys: Vec<&str> = self
            .sides
            .iter()
            .map(|a| self.actor(*a).key.as_str())
            .collect();
        if let Some(side) = Side::BOTH.into_iter().find(|s| keys[s.index()] == key) {
            return Ok(side);
        }
        let close = super::suggest::did_you_mean(key, keys.iter().copied())
            .map_or_else(|| ".".to_owned(), |k| format!("; did you mean `{k}`?"));
        Err(format!(
            "unknown side `{key}`{close} The sides of this scenario are: {}",
            keys.join(", ")
        ))
    }

    /// The region to show first: the first disputed one, else the first one.
    pub fn focus_region(&self) -> Option<RegionId> {
        let region = self
            .regions
            .iter()
            .find(|r| r.is_disputed())
            .or_else(|| self.regions.first())?;
        self.names.regions.get(&region.key).copied()
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

    /// The record's note of a side's turn (`None` past the record or where it has no entry).
    pub fn record_note(&self, side: Side, turn: u32) -> Option<&RecordNote> {
        self.record_notes[side.index()].get(turn.checked_sub(1)? as usize)
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
