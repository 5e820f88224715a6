//! The record beside the game: what each side really did in each turn (its orders and the
//! record's sourced note) next to what this game's sides did, and the record's milestones with
//! their real dates next to the turn this game reached them.
//!
//! Everything here is built from the reports a viewer has seen, so it never tells the record of
//! a turn the game has not played yet: the History tab, the debrief and the classroom host all
//! go through [`compare`].

use serde::Serialize;

use crate::date::Date;
use crate::ids::*;
use crate::memo::Memo;
use crate::report::TurnReport;
use crate::rules::View;
use crate::scenario::Scenario;
use crate::scenario::raw::RawOrder;

/// The milestones whose conditions hold in `view` and that no earlier report lists: those the
/// game reached in the turn just resolved, in the scenario's order.
pub fn reached(view: &View, earlier: &[TurnReport]) -> Vec<MilestoneId> {
    view.scn
        .milestones
        .iter()
        .enumerate()
        .map(|(i, _)| MilestoneId::from_index(i))
        .filter(|id| !earlier.iter().any(|r| r.milestones.contains(id)))
        .filter(|id| view.holds(&view.scn.milestones[id.index()].condition, None))
        .collect()
}

/// The record and the game, turn by turn, up to the last turn played.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// One entry per turn played, turn 1 first.
    pub turns: Vec<RecordTurn>,
    /// The milestones a viewer may know of: those this game reached, and those whose real date
    /// falls in a turn already played (or all of them once the game is over).
    pub milestones: Vec<MilestoneRow>,
    /// Per side, the first turn whose orders differ from the record's (`None`: it kept to the
    /// record so far, or the scenario has no record for it).
    pub departed: [Option<u32>; 2],
}

/// One turn of the record beside the game.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordTurn {
    /// Turn number.
    pub turn: u32,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Per side.
    pub sides: [RecordSide; 2],
}

/// One side's turn in the record and in the game.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordSide {
    /// What the side really did, as orders.
    pub record: Vec<RawOrder>,
    /// The record's note.
    pub note: Option<String>,
    /// The note's source keys.
    pub sources: Vec<String>,
    /// What the side did in this game (the orders carried out).
    pub played: Vec<RawOrder>,
    /// The side's memo, where the viewer may see it.
    pub memo: Memo,
    /// Whether the game's orders were the record's (as a set of orders).
    pub on_record: bool,
}

/// A milestone of the record and when this game reached it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MilestoneRow {
    /// The milestone's id.
    pub key: String,
    /// What happened.
    pub text: String,
    /// When it really happened (`None` while its date lies after the turns played).
    pub real_date: Option<Date>,
    /// The turn of the real date (`None` when outside the calendar or not yet told).
    pub real_turn: Option<u32>,
    /// The turn this game reached it (`None`: not reached).
    pub game_turn: Option<u32>,
    /// Source keys (empty while the real date is not told).
    pub sources: Vec<String>,
}

/// The record beside the game shown by `history`: the reports a viewer has seen (a side's
/// visible reports or the whole game's), `over` when the game has ended.
pub fn compare(scn: &Scenario, history: &[TurnReport], over: bool) -> Comparison {
    let turns: Vec<RecordTurn> = history.iter().map(|r| record_turn(scn, r)).collect();
    let departed = Side::BOTH.map(|side| {
        (scn.has_record(side))
            .then(|| {
                turns
                    .iter()
                    .find(|t| !t.sides[side.index()].on_record)
                    .map(|t| t.turn)
            })
            .flatten()
    });
    let played = history.last().map_or(0, |r| r.turn);
    Comparison {
        turns,
        milestones: milestone_rows(scn, history, played, over),
        departed,
    }
}

fn record_turn(scn: &Scenario, report: &TurnReport) -> RecordTurn {
    let sides = Side::BOTH.map(|side| {
        let record: Vec<RawOrder> = scn
            .historical_orders(side, report.turn)
            .iter()
            .map(|o| scn.raw_order(o))
            .collect();
        let note = scn.record_note(side, report.turn);
        let played = report.orders[side.index()].clone();
        RecordSide {
            on_record: same_orders(&record, &played),
            record,
            note: note.and_then(|n| n.note.clone()),
            sources: note.map_or_else(Vec::new, |n| source_keys(scn, &n.sources)),
            played,
            memo: report.memos[side.index()].clone(),
        }
    });
    RecordTurn {
        turn: report.turn,
        start: report.start,
        end: report.end,
        sides,
    }
}

fn milestone_rows(
    scn: &Scenario,
    history: &[TurnReport],
    played: u32,
    over: bool,
) -> Vec<MilestoneRow> {
    let calendar = scn.meta.calendar;
    scn.milestones
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let id = MilestoneId::from_index(i);
            let game_turn = history
                .iter()
                .find(|r| r.milestones.contains(&id))
                .map(|r| r.turn);
            let real_turn = calendar.turn_of(m.date);
            let told = over || real_turn.is_some_and(|t| t <= played);
            (told || game_turn.is_some()).then(|| MilestoneRow {
                key: m.key.clone(),
                text: m.text.clone(),
                real_date: told.then_some(m.date),
                real_turn: if told { real_turn } else { None },
                game_turn,
                sources: if told {
                    source_keys(scn, &m.sources)
                } else {
                    Vec::new()
                },
            })
        })
        .collect()
}

fn source_keys(scn: &Scenario, ids: &[SourceId]) -> Vec<String> {
    ids.iter()
        .filter_map(|s| scn.sources.get(s.index()))
        .map(|s| s.key.clone())
        .collect()
}

/// Whether two turns' orders are the same orders, whatever their order.
fn same_orders(a: &[RawOrder], b: &[RawOrder]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}
