//! The scenario format as written in RON: string ids, nothing resolved yet.
//!
//! Every struct denies unknown fields, so a misspelt field is an error rather than silently ignored.
//! Optional fields are marked `#[serde(default)]`; everything else must be present. The validator
//! (`validate.rs`) turns these into the typed [`crate::scenario::Scenario`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `scenario.ron`: what the scenario is, its calendar and its other files.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenarioMeta {
    /// Stable identifier, used by saves and replays.
    pub id: String,
    /// Title shown in menus.
    pub title: String,
    /// One paragraph shown in the scenario list.
    pub summary: String,
    /// Version of the scenario's data; bump it when a change breaks saves.
    pub version: u32,
    /// Start, turn length and number of turns.
    pub calendar: RawCalendar,
    /// Seed used when none is given.
    pub default_seed: u64,
    /// The two playable actors, first side first.
    pub sides: Vec<String>,
    /// Map asset id, resolved by the game as `assets/maps/<map>.map.ron`.
    pub map: String,
    /// Briefing files per side (Markdown, inside the scenario folder).
    pub briefings: Vec<RawBriefing>,
    /// Notes for teachers (Markdown, inside the scenario folder).
    #[serde(default)]
    pub teacher_notes: Option<String>,
    /// Credit lines shown in the menu.
    #[serde(default)]
    pub credits: Vec<String>,
    /// Tension at the start, 0–100 (absent: the rules' `tension_floor`).
    #[serde(default)]
    pub initial_tension: Option<f64>,
}

/// The turn calendar.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    /// First day of turn 1, `YYYY-MM-DD`.
    pub start: String,
    /// Days each turn covers.
    pub days_per_turn: u32,
    /// Number of turns in a full game.
    pub turns: u32,
}

/// A side's briefing file.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawBriefing {
    /// Actor id of the side.
    pub side: String,
    /// Path relative to the scenario folder.
    pub file: String,
}

/// What kind of actor this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum ActorKind {
    /// A sovereign state.
    State,
    /// A coalition of states acting together (the G7/EU).
    Coalition,
}

/// The numeric indicators every actor carries, each on a 0–100 scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
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

/// `actors.ron`: one entry per actor.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    /// Short id, e.g. `"JPN"`.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// State or coalition.
    pub kind: ActorKind,
    /// Colour on the map, `#RRGGBB`.
    pub color: String,
    /// Leader at the start, for briefings.
    #[serde(default)]
    pub leader: Option<String>,
    /// GDP in billions of current US dollars at the start.
    pub gdp_usd_bn: f64,
    /// Starting indicators.
    pub initial: RawIndicators,
    /// Present for the playable actors: budget, resolve, beliefs and sensitivities.
    #[serde(default)]
    pub side: Option<RawSideSetup>,
    /// Source keys for the figures above.
    #[serde(default)]
    pub source: Vec<String>,
}

/// Starting values of the indicators.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicators {
    /// See [`Indicator::Economy`].
    pub economy: f64,
    /// See [`Indicator::Approval`].
    pub approval: f64,
    /// See [`Indicator::Standing`].
    pub standing: f64,
    /// See [`Indicator::Readiness`].
    pub readiness: f64,
    /// See [`Indicator::Hawks`].
    pub hawks: f64,
    /// See [`Indicator::Doves`].
    pub doves: f64,
    /// See [`Indicator::EnergyStress`].
    pub energy_stress: f64,
}

/// What a playable actor needs beyond its indicators.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSideSetup {
    /// Political capital at the start of the game.
    pub initial_capital: f64,
    /// Political capital gained each turn (at 50 % approval; more when approval is higher).
    pub capital_per_turn: f64,
    /// Most political capital that can be banked.
    pub capital_cap: f64,
    /// Private resolve, drawn once per game around `mean` within `± spread`.
    pub resolve: RawResolve,
    /// Prior belief about the other side's resolve (a Beta distribution).
    pub prior: RawPrior,
    /// How strongly approval answers each pressure (1 = the model's baseline).
    pub sensitivity: RawSensitivity,
    /// Approval level the public drifts back to.
    pub approval_baseline: f64,
}

/// A resolve distribution.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawResolve {
    /// Centre, 0–1.
    pub mean: f64,
    /// Half-width of the uniform draw around the centre, 0–0.5.
    pub spread: f64,
}

/// A Beta(alpha, beta) prior.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrior {
    /// Pseudo-count of evidence for high resolve.
    pub alpha: f64,
    /// Pseudo-count of evidence for low resolve.
    pub beta: f64,
}

/// Multipliers on the domestic-politics rules.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSensitivity {
    /// Economic pain to approval.
    pub pain: f64,
    /// Rally-round-the-flag effects.
    pub rally: f64,
    /// Audience costs (democracies pay more for backing down).
    pub audience: f64,
    /// Energy stress to approval.
    pub energy: f64,
}

/// `relations.ron`: the starting relation between two actors, −100 to 100.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    /// One actor.
    pub a: String,
    /// The other actor.
    pub b: String,
    /// −100 (hostile) to 100 (allied).
    pub value: f64,
    /// What this relation stands for, e.g. "coalition standing".
    pub label: String,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// What kind of place a region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum RegionKind {
    /// A single island.
    Island,
    /// A group of islets treated as one region.
    IslandGroup,
    /// A land mass (Hokkaido, Sakhalin).
    Land,
    /// A strait.
    Strait,
    /// A sea.
    Sea,
}

/// `regions.ron`: one entry per region of the map.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    /// Short id, e.g. `"kunashir"`.
    pub id: String,
    /// Names by language code; `en` is required.
    pub names: BTreeMap<String, String>,
    /// What kind of place.
    pub kind: RegionKind,
    /// Who administers it; absent for international waters.
    #[serde(default)]
    pub administered_by: Option<String>,
    /// Who else claims it.
    #[serde(default)]
    pub claimed_by: Vec<String>,
    /// Where its marker and label stand: longitude, latitude.
    pub anchor: (f64, f64),
    /// Names of land features in the map asset that draw this region.
    #[serde(default)]
    pub map_features: Vec<String>,
    /// For seas and straits: an outline as longitude, latitude pairs.
    #[serde(default)]
    pub outline: Vec<(f64, f64)>,
    /// Regions next to this one.
    #[serde(default)]
    pub adjacent: Vec<String>,
    /// A sentence or two for the hover card.
    pub note: String,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// What kind of force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
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

/// `forces.ron`: a force shown on the map.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawForce {
    /// Short id.
    pub id: String,
    /// Owning actor.
    pub owner: String,
    /// Name for people.
    pub name: String,
    /// Fleet, air wing, troops, missile battery.
    pub kind: ForceKind,
    /// Region where it starts and returns to.
    pub home: String,
    /// Relative strength, 1–100.
    pub strength: f64,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// `sectors.ron`: a sector of trade.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSector {
    /// Short id, e.g. `"lng"`.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// Goods, energy (losing it raises the importer's energy stress) or finance (assets and
    /// payments: not counted as trade).
    pub kind: SectorKind,
    /// A sentence for the tooltip.
    pub description: String,
}

/// What kind of sector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum SectorKind {
    /// Goods: counted in trade.
    Goods,
    /// Energy: counted in trade; losing it raises energy stress.
    Energy,
    /// Finance: assets and payments; not counted in trade.
    Finance,
}

/// `trade.ron`: a yearly trade flow between two actors in one sector.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    /// Exporting actor.
    pub exporter: String,
    /// Importing actor.
    pub importer: String,
    /// Sector.
    pub sector: String,
    /// Value per year, in billions of yen.
    pub value: f64,
    /// Share of the importer's supply in this sector that this flow provides, 0–1.
    pub importer_dependence: f64,
    /// How hard the importer finds going without it, 0–1.
    pub criticality: f64,
    /// Turns for either side to adapt to losing the flow (the e-folding time).
    pub adaptation_turns: f64,
    /// A track that must stay active for the flow to continue (e.g. an energy project).
    #[serde(default)]
    pub requires_track: Option<String>,
    /// How the figure was obtained, when it is derived.
    #[serde(default)]
    pub note: Option<String>,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// Status of a track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum TrackStatus {
    /// Talks or cooperation under way.
    Active,
    /// Halted by one side; can be resumed.
    Suspended,
    /// Ended; cannot be resumed.
    Terminated,
}

/// `tracks.ron`: a track of the bilateral relationship.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    /// Short id.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// A paragraph for the tracks panel.
    pub description: String,
    /// Status at the start.
    pub status: TrackStatus,
    /// Progress at the start, 0–100.
    pub progress: f64,
    /// Named stages, by the progress at which each begins (ascending, the first at 0).
    pub stages: Vec<RawStage>,
    /// Progress gained when a proposal is accepted.
    pub step: f64,
    /// Progress can only be gained while this holds.
    #[serde(default = "RawCondition::always")]
    pub advance_requires: RawCondition,
    /// Shown when `advance_requires` does not hold.
    #[serde(default)]
    pub blocked_reason: Option<String>,
    /// Tracks that must be active for this one to be active or to advance.
    #[serde(default)]
    pub requires_active: Vec<String>,
    /// Effects each turn while the track is active.
    #[serde(default)]
    pub while_active: Vec<RawEffect>,
    /// Effects when it is suspended or terminated (the acting side is `self`).
    #[serde(default)]
    pub on_halt: Vec<RawEffect>,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// A named stage of a track.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    /// Name for people.
    pub name: String,
    /// Progress at which the stage begins.
    pub at: f64,
}

/// `ladder.ron`: a rung of the dyad's escalation ladder.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRung {
    /// 0 for the bottom rung, then 1, 2, … without gaps.
    pub level: u8,
    /// Name for people.
    pub name: String,
    /// The rung of Kahn's 44-rung ladder it stands for, if any.
    #[serde(default)]
    pub kahn: Option<u8>,
    /// MID hostility level, 1–5.
    pub hostility: u8,
    /// A sentence for the tooltip.
    pub description: String,
    /// A named threshold crossed when climbing past this rung.
    #[serde(default)]
    pub threshold: Option<String>,
    /// Effects the first time the ladder climbs to this rung.
    #[serde(default)]
    pub on_reach: Vec<RawEffect>,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// The four categories of the action catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Visibility {
    /// Everyone: the other side, third parties, both publics.
    Public,
    /// Only the two governments (back-channels, quiet deals).
    Private,
}

/// Fearon's (1997) kinds of signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum SignalKind {
    /// Costless words: moves no belief.
    CheapTalk,
    /// Costs paid up front (exercises, deployments, lost trade).
    SunkCost,
    /// Public commitments whose cost comes if one backs down (audience costs).
    TiedHands,
}

/// Whether an action reads as hawkish or dovish at home.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Stance {
    /// Confrontational: hawks approve, doves object.
    Hawkish,
    /// Neither.
    Neutral,
    /// Conciliatory: doves approve, hawks object.
    Dovish,
}

/// The kind of a sanction measure, after the TIES data set's types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize)]
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
    Progress(f64),
}

/// Who an effect or condition is about: `"self"` (the acting actor), `"other"` (the other side of
/// the dyad) or an actor id.
pub type RawWho = String;

/// `actions.ron`: an entry of the action catalogue.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// Short id, e.g. `"jp_coal_phaseout"`.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// One or two sentences, written for players.
    pub description: String,
    /// Diplomatic, sanctions, talks or military.
    pub category: Category,
    /// Actor ids that may take it.
    pub actors: Vec<String>,
    /// Political capital it costs.
    pub capital: f64,
    /// Readiness it uses (military actions).
    #[serde(default)]
    pub readiness: f64,
    /// It can only be taken while this holds.
    #[serde(default = "RawCondition::always")]
    pub requires: RawCondition,
    /// Shown when `requires` does not hold.
    #[serde(default)]
    pub requires_text: Option<String>,
    /// Whether the order names a track or a region.
    #[serde(default)]
    pub target: RawTarget,
    /// What it does.
    pub effects: Vec<RawEffect>,
    /// Public or private.
    pub visibility: Visibility,
    /// Cheap talk, sunk cost or tied hands.
    pub signal: SignalKind,
    /// Hawkish, neutral or dovish.
    pub stance: Stance,
    /// Escalation rung it signals at (0: none).
    #[serde(default)]
    pub rung: u8,
    /// MID action code (0–21), required for military actions.
    #[serde(default)]
    pub mid: Option<u8>,
    /// How many times a game it may be taken (absent: no limit).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Glossary concept ids it illustrates.
    pub concepts: Vec<String>,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// What an order for an action must name besides the action.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub enum RawTarget {
    /// Nothing: the action is fully specified.
    #[default]
    Nothing,
    /// A track from the list (empty: any track).
    Track(Vec<String>),
    /// A region from the list (empty: any region).
    Region(Vec<String>),
}

/// One effect of an action, event, track or rung.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub enum RawEffect {
    /// Change an indicator of an actor.
    Adjust(RawWho, Indicator, f64),
    /// Change the dyad's tension (0–100).
    Tension(f64),
    /// Change the relation between two actors.
    Relation(RawWho, RawWho, f64),
    /// Impose (or tighten to) a sanction measure on the other side.
    Impose {
        /// Sector id.
        sector: String,
        /// TIES kind.
        measure: MeasureKind,
        /// Share of the affected flows it covers, 0–1.
        size: f64,
        /// Points it adds to the sender's sanction level against the target.
        severity: f64,
    },
    /// Threaten a measure: a public commitment with a deadline in turns.
    Threaten {
        /// Sector id.
        sector: String,
        /// TIES kind.
        measure: MeasureKind,
        /// Share of the affected flows it would cover.
        size: f64,
        /// Points it would add to the sanction level.
        severity: f64,
        /// Turns the target has to comply.
        deadline: u32,
    },
    /// Lift a measure in force against the other side.
    Lift {
        /// Sector id.
        sector: String,
        /// TIES kind.
        measure: MeasureKind,
    },
    /// Act on a track (`None`: the track named by the order).
    Track(Option<String>, TrackOp),
    /// Build private trust in the back-channel.
    BackChannel(f64),
    /// Move a force along a path of regions; it ends in the last one.
    Move(String, Vec<String>),
    /// Bring a force home.
    Recall(String),
    /// Military activity in a region, raising incident risk (`None`: the order's region).
    Activity(Option<String>, f64),
    /// Scrambles flown by an actor (`"other"` for the defender answering an incursion).
    Scramble(RawWho, u32),
    /// A G7/coalition package: raises what the coalition expects of its members.
    CoalitionPackage(f64),
    /// An election for the actor: its outcome follows approval.
    Election(RawWho),
    /// An armed clash between the two sides (ends the game where an outcome says so).
    Clash,
}

/// A quantity that conditions compare.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub enum RawQuantity {
    /// An indicator of an actor.
    Indicator(RawWho, Indicator),
    /// The relation between two actors.
    Relation(RawWho, RawWho),
    /// The dyad's tension.
    Tension,
    /// The current escalation rung.
    Rung,
    /// The highest escalation rung reached.
    MaxRung,
    /// Trade between the two sides, ¥bn per year.
    Trade,
    /// The current turn (1-based).
    Turn,
    /// Progress of a track.
    Progress(String),
    /// The sanction level of a sender against a target.
    SanctionLevel(RawWho, RawWho),
    /// The holder's belief about the other side's resolve, 0–1.
    Belief(RawWho),
}

/// A condition on the state of the game.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub enum RawCondition {
    /// Always true.
    Always,
    /// Always false.
    Never,
    /// All hold.
    All(Vec<RawCondition>),
    /// At least one holds.
    Any(Vec<RawCondition>),
    /// Does not hold.
    Not(Box<RawCondition>),
    /// The quantity is at least the value.
    AtLeast(RawQuantity, f64),
    /// The quantity is at most the value.
    AtMost(RawQuantity, f64),
    /// A track has this status.
    TrackIs(String, TrackStatus),
    /// A measure of this kind in this sector is in force from sender against target.
    SanctionInForce(RawWho, RawWho, String, MeasureKind),
    /// An event has happened.
    Happened(String),
    /// An actor has taken an action at least once.
    Took(RawWho, String),
    /// An armed clash has happened.
    Clashed,
}

impl RawCondition {
    /// The default for optional conditions.
    pub fn always() -> RawCondition {
        RawCondition::Always
    }
}

/// When an event fires.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub enum RawWhen {
    /// On a date (in the turn that contains it), if its condition holds.
    Dated(String),
    /// Each turn with a probability (plus `per_tension` × tension), at most `max_times` a game.
    Random {
        /// Base probability per turn.
        probability: f64,
        /// Added per point of tension.
        per_tension: f64,
        /// Most times it can happen in a game.
        max_times: u32,
    },
    /// As an incident when the incident roll comes up; `weight` picks among incidents.
    Incident(f64),
}

/// The kind of an event, for the news feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum EventKind {
    /// The war in Ukraine and other context.
    Context,
    /// What third parties do (the G7, the United States, China).
    ThirdParty,
    /// An incident between the two sides' forces.
    Incident,
    /// Domestic politics.
    Domestic,
    /// Markets and the economy.
    Economic,
}

/// `events.ron`: a dated or random event.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Short id.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// One or two sentences for the news feed.
    pub description: String,
    /// When it fires.
    pub when: RawWhen,
    /// Context, third party, incident, domestic, economic.
    pub kind: EventKind,
    /// The actor it is about; `self` in its effects and condition.
    #[serde(default)]
    pub actor: Option<String>,
    /// It only fires while this holds.
    #[serde(default = "RawCondition::always")]
    pub condition: RawCondition,
    /// What it does.
    pub effects: Vec<RawEffect>,
    /// Escalation rung it signals at (0: none).
    #[serde(default)]
    pub rung: u8,
    /// MID action code, for incidents.
    #[serde(default)]
    pub mid: Option<u8>,
    /// Glossary concept ids.
    #[serde(default)]
    pub concepts: Vec<String>,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// `objectives.ron`: a weighted objective of one side.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    /// Short id.
    pub id: String,
    /// Actor id of the side.
    pub side: String,
    /// Name for people.
    pub name: String,
    /// A sentence for the briefing.
    pub description: String,
    /// Weight in the final score.
    pub weight: f64,
    /// Met when this holds at the end (thresholds give partial credit near the line).
    pub condition: RawCondition,
}

/// `outcomes.ron`: a named ending; the first whose condition holds names the game.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    /// Short id.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// A paragraph for the game-over screen.
    pub description: String,
    /// When this ending applies.
    pub condition: RawCondition,
    /// Whether it ends the game as soon as it holds.
    pub ends_game: bool,
}

/// `historical.ron`: what one side really did in one turn.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistoricalTurn {
    /// Actor id of the side.
    pub side: String,
    /// Turn number, 1-based.
    pub turn: u32,
    /// The orders, in the order given.
    pub orders: Vec<RawOrder>,
    /// What happened, in a sentence.
    #[serde(default)]
    pub note: Option<String>,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// An order written with string ids (historical orders, order files, replays).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrder {
    /// Action id.
    pub action: String,
    /// Track id, for actions that name one.
    #[serde(default)]
    pub track: Option<String>,
    /// Region id, for actions that name one.
    #[serde(default)]
    pub region: Option<String>,
}

/// `glossary.ron`: an IR concept.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawConcept {
    /// Short id.
    pub id: String,
    /// The term.
    pub term: String,
    /// A definition written for students.
    pub definition: String,
    /// How the game uses it.
    pub in_game: String,
    /// Source keys.
    #[serde(default)]
    pub source: Vec<String>,
}

/// `sources.ron`: a source of figures and facts.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The key cited elsewhere, e.g. `"jiji-0322"`.
    pub key: String,
    /// Who published what, when.
    pub citation: String,
    /// Where a copy can be read.
    #[serde(default)]
    pub url: Option<String>,
    /// A blog or aggregator, used only for minor details.
    #[serde(default)]
    pub weak: bool,
}

/// `difficulties.ron`: an AI difficulty level (search budget and noise).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDifficulty {
    /// Short id: `easy`, `normal`, `hard` or another.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// Single orders kept after the first screening (1–40).
    pub shortlist: u32,
    /// Imagined futures per candidate (1–64).
    pub rollouts: u32,
    /// Turns looked ahead (1–12).
    pub depth: u32,
    /// Most orders in a bundle (1–5).
    pub bundle: u32,
    /// Noise added to each candidate's value, in score points (0–50).
    pub noise: f64,
}

/// `personalities.ron`: an AI personality.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPersonality {
    /// Short id, e.g. `"hawk"`.
    pub id: String,
    /// Name for people.
    pub name: String,
    /// A sentence for the menu.
    pub description: String,
    /// Weight on the side's objectives (the score).
    pub objectives: f64,
    /// Bonus per rung of escalation the AI's own orders reach (negative: aversion).
    pub escalation: f64,
    /// Bonus for choosing what the state really did that turn.
    pub history: f64,
    /// Bonus per hawkish order (negative for doves).
    pub hawkishness: f64,
    /// Penalty per point of the dyad's tension at the horizon.
    pub tension_aversion: f64,
}
