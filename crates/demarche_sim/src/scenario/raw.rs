//! The format as written in RON: the items of [`super::model`] at the [`Raw`] stage (string
//! ids), under the names the rest of the workspace knows.

use super::model::*;
use super::stage::Raw;

pub use super::model::{
    ActorKind, Category, EventKind, ForceKind, Indicator, Indicators, MeasureKind, Prior,
    RegionKind, ResolveDraw, SectorKind, Sensitivity, SideSetup, SignalKind, Stance, TrackOp,
    TrackStage, TrackStatus, Visibility,
};

/// `scenario.ron`.
pub type RawScenarioMeta = ScenarioFile<Raw>;
/// The calendar as written.
pub type RawCalendar = Calendar<Raw>;
/// A briefing as written.
pub type RawBriefing = Briefing<Raw>;
/// An entry of `actors.ron`.
pub type RawActor = Actor<Raw>;
/// An entry of `relations.ron`.
pub type RawRelation = Relation<Raw>;
/// An entry of `regions.ron`.
pub type RawRegion = Region<Raw>;
/// An entry of `forces.ron`.
pub type RawForce = Force<Raw>;
/// An entry of `trade.ron`.
pub type RawFlow = Flow<Raw>;
/// An entry of `tracks.ron`.
pub type RawTrack = Track<Raw>;
/// An entry of `ladder.ron`.
pub type RawRung = Rung<Raw>;
/// An entry of `actions.ron`.
pub type RawAction = Action<Raw>;
/// An order target as written.
pub type RawTarget = Target<Raw>;
/// An effect as written.
pub type RawEffect = Effect<Raw>;
/// A quantity as written.
pub type RawQuantity = Quantity<Raw>;
/// A condition as written.
pub type RawCondition = Condition<Raw>;
/// Event timing as written.
pub type RawWhen = When<Raw>;
/// An entry of `events.ron`.
pub type RawEvent = Event<Raw>;
/// An entry of `objectives.ron`.
pub type RawObjective = Objective<Raw>;
/// An entry of `outcomes.ron`.
pub type RawOutcome = Outcome<Raw>;
/// An entry of `historical.ron` (also the entries of order files).
pub type RawHistoricalTurn = HistoricalTurn<Raw>;
/// An order written with string ids (historical orders, order files, replays).
pub type RawOrder = Order<Raw>;
/// An entry of an inject file.
pub type RawInject = Inject<Raw>;
/// An entry of `milestones.ron`.
pub type RawMilestone = Milestone<Raw>;
/// An entry of `glossary.ron`.
pub type RawConcept = Concept<Raw>;
/// An entry of `sources.ron`.
pub type RawSource = Source;
/// An entry of `difficulties.ron`.
pub type RawDifficulty = Difficulty;
/// An entry of `personalities.ron`.
pub type RawPersonality = Personality;
/// Who an effect or condition is about, as written: `"self"`, `"other"` or an actor id.
pub type RawWho = String;
