//! The turn schedule and its phases, declared and chained here and nowhere else.

use bevy_ecs::prelude::*;
use bevy_ecs::schedule::{LogLevel, ScheduleBuildSettings, ScheduleLabel, SingleThreadedExecutor};

/// The schedule that resolves one turn. It runs on demand (`World::run_schedule`), never per
/// frame: a turn is a schedule, not a frame.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResolveTurn;

/// The phases of a turn, in the order they run.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TurnPhase {
    /// A fresh log for the turn.
    Begin,
    /// Both sides' orders are checked together; refused ones are reported.
    ValidateOrders,
    /// Protests, summons, expulsions, statements.
    Diplomacy,
    /// Sanctions and countersanctions, threats at their deadline, what measures cost.
    Sanctions,
    /// Proposals, answers, halts and resumptions; prerequisites; the back-channel.
    Talks,
    /// Military signalling, the escalation ladder, beliefs about resolve.
    Military,
    /// Incidents (and the rare clash) and random events.
    Incidents,
    /// Dated history, coalition pressure, allied assurance.
    ThirdParties,
    /// Approval, pressures, audience costs, recovery, tension.
    Domestic,
    /// Scores and endings.
    Objectives,
    /// The ladder eases, capital for next turn, the report and the state hash.
    End,
}

impl TurnPhase {
    /// All phases in order.
    pub const ALL: [TurnPhase; 11] = [
        TurnPhase::Begin,
        TurnPhase::ValidateOrders,
        TurnPhase::Diplomacy,
        TurnPhase::Sanctions,
        TurnPhase::Talks,
        TurnPhase::Military,
        TurnPhase::Incidents,
        TurnPhase::ThirdParties,
        TurnPhase::Domestic,
        TurnPhase::Objectives,
        TurnPhase::End,
    ];
}

/// An empty turn schedule: phases chained, single-threaded (the phases run in sequence anyway,
/// and one thread keeps batch runs free to use the others). Every phase takes the whole state
/// mutably (any phase may touch any domain), so the chain, not the borrows, orders them;
/// ambiguity detection stays on so that two systems added to one phase cannot touch the same
/// data in no set order.
pub fn turn_schedule() -> Schedule {
    let mut schedule = Schedule::new(ResolveTurn);
    schedule.set_executor(SingleThreadedExecutor::new());
    schedule.set_build_settings(ScheduleBuildSettings {
        ambiguity_detection: LogLevel::Error,
        ..ScheduleBuildSettings::default()
    });
    schedule.configure_sets(
        (
            TurnPhase::Begin,
            TurnPhase::ValidateOrders,
            TurnPhase::Diplomacy,
            TurnPhase::Sanctions,
            TurnPhase::Talks,
            TurnPhase::Military,
            TurnPhase::Incidents,
            TurnPhase::ThirdParties,
            TurnPhase::Domestic,
            TurnPhase::Objectives,
            TurnPhase::End,
        )
            .chain(),
    );
    schedule
}
