//! The game's timeline for people: every report line with what it is (a historical event, a
//! model roll, a side's order, a teacher's inject, the model's rules), with recurring events
//! folded into one line with a count, so twenty-two "routine scrambles" read as one.
//!
//! The debrief, the window's news feed and the classroom host all read it, so an entry is told
//! the same everywhere.

use serde::Serialize;

use crate::ids::*;
use crate::report::{Provenance, ReportKind, TurnReport};
use crate::scenario::Visibility;

/// An event that happens in at least this many turns is folded into one line.
pub const FOLD_AT: usize = 3;

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    /// The turn it happened in (the first, for a folded line).
    pub turn: u32,
    /// The report line's id (`order:ACTION`, `event:EVENT`, `inject:ID`, `rule:NAME`).
    pub id: String,
    /// What happened.
    pub text: String,
    /// The kind of line.
    pub kind: ReportKind,
    /// Where it comes from.
    pub provenance: Provenance,
    /// The actor it is about.
    pub actor: Option<ActorId>,
    /// Public, or private between the two governments.
    pub visibility: Visibility,
    /// MID action code.
    pub mid: Option<u8>,
    /// Every turn it happened in (one turn unless folded).
    pub turns: Vec<u32>,
}

impl Entry {
    /// How many times it happened.
    pub fn count(&self) -> usize {
        self.turns.len()
    }

    /// Whether this line stands for several turns.
    pub fn folded(&self) -> bool {
        self.turns.len() > 1
    }

    /// A short tag for people: "historical event", "model roll (p = 5 %)", "order",
    /// "teacher's inject", "model", with the count for a folded line ("× 22, turns 1–22").
    pub fn tag(&self) -> String {
        let mut tag = self.provenance.label();
        if self.folded() {
            let first = self.turns.first().copied().unwrap_or(self.turn);
            let last = self.turns.last().copied().unwrap_or(self.turn);
            tag.push_str(&format!(", × {}, turns {first}–{last}", self.turns.len()));
        }
        tag
    }
}

/// Whether a line may fold: scenario events (routine or random), never orders, injects,
/// consequences, the ladder or the ending, which are each worth a line.
fn foldable(kind: ReportKind) -> bool {
    matches!(kind, ReportKind::Event(_))
}

/// The timeline of `history` (a side's visible reports, or the whole game's), in turn order; an
/// event that happened in [`FOLD_AT`] turns or more becomes one line at its first turn, with
/// every turn it happened in.
pub fn timeline(history: &[TurnReport]) -> Vec<Entry> {
    let mut seen_turns: std::collections::BTreeMap<&str, Vec<u32>> = Default::default();
    for report in history {
        for e in report.events.iter().filter(|e| foldable(e.kind)) {
            let turns = seen_turns.entry(e.id.as_str()).or_default();
            if turns.last() != Some(&report.turn) {
                turns.push(report.turn);
            }
        }
    }
    let mut out = Vec::new();
    let mut emitted: std::collections::BTreeSet<&str> = Default::default();
    for report in history {
        for e in &report.events {
            let turns = seen_turns.get(e.id.as_str());
            let fold = foldable(e.kind) && turns.is_some_and(|t| t.len() >= FOLD_AT);
            if fold && !emitted.insert(e.id.as_str()) {
                continue;
            }
            out.push(Entry {
                turn: report.turn,
                id: e.id.clone(),
                text: e.text.clone(),
                kind: e.kind,
                provenance: e.provenance.clone(),
                actor: e.actor,
                visibility: e.visibility,
                mid: e.mid,
                turns: if fold {
                    turns.cloned().unwrap_or_default()
                } else {
                    vec![report.turn]
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportEvent;
    use crate::scenario::EventKind;

    fn report(turn: u32, ids: &[&str]) -> TurnReport {
        TurnReport {
            turn,
            start: "2030-01-01".parse().unwrap(),
            end: "2030-01-14".parse().unwrap(),
            hash: Default::default(),
            events: ids
                .iter()
                .map(|id| ReportEvent {
                    id: (*id).into(),
                    text: format!("{id} happened"),
                    actor: None,
                    kind: if id.starts_with("order:") {
                        ReportKind::Order(crate::scenario::Category::Diplomatic)
                    } else {
                        ReportKind::Event(EventKind::Context)
                    },
                    visibility: Visibility::Public,
                    concepts: Vec::new(),
                    mid: None,
                    regions: Vec::new(),
                    provenance: Provenance::Roll { chance: 1.0 },
                })
                .collect(),
            headlines: Vec::new(),
            changes: Vec::new(),
            movements: Vec::new(),
            orders: Default::default(),
            refused: Default::default(),
            rung: 0,
            scores: [0.0; 2],
            ended: None,
            memos: Default::default(),
            milestones: Vec::new(),
        }
    }

    #[test]
    fn recurring_events_fold_into_one_line_with_their_turns_and_orders_never_fold() {
        let history: Vec<TurnReport> = (1..=4)
            .map(|t| {
                let mut ids = vec!["event:routine", "order:protest"];
                if t == 2 {
                    ids.push("event:rare");
                }
                report(t, &ids)
            })
            .collect();
        let lines = timeline(&history);
        let routine: Vec<&Entry> = lines.iter().filter(|e| e.id == "event:routine").collect();
        assert_eq!(routine.len(), 1);
        assert_eq!(routine[0].turns, [1, 2, 3, 4]);
        assert_eq!(routine[0].turn, 1);
        assert!(
            routine[0].tag().contains("× 4, turns 1–4"),
            "{}",
            routine[0].tag()
        );
        assert_eq!(lines.iter().filter(|e| e.id == "order:protest").count(), 4);
        let rare: Vec<&Entry> = lines.iter().filter(|e| e.id == "event:rare").collect();
        assert_eq!(rare.len(), 1);
        assert!(!rare[0].folded());
    }

    #[test]
    fn an_event_of_two_turns_keeps_two_lines() {
        let history = vec![report(1, &["event:x"]), report(3, &["event:x"])];
        assert_eq!(timeline(&history).len(), 2);
    }
}
