//! Objectives, scores and endings.

use super::{Ctx, View};
use crate::ids::*;
use crate::report::{Provenance, ReportEvent, ReportKind};
use crate::scenario::Visibility;

/// How far an objective was met, for lists and debriefs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Fully met.
    Met,
    /// Met in part (near its threshold).
    Partly,
    /// Missed.
    Missed,
}

impl Mark {
    /// The mark of a degree of achievement (0–1).
    pub fn of(degree: f64) -> Mark {
        if degree >= 1.0 {
            Mark::Met
        } else if degree > 0.0 {
            Mark::Partly
        } else {
            Mark::Missed
        }
    }

    /// Word for people.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Met => "met",
            Mark::Partly => "partly met",
            Mark::Missed => "missed",
        }
    }
}

/// A side's objectives with their current degree of achievement, in file order.
pub fn of_side<'a>(view: &View<'a>, actor: ActorId) -> Vec<(&'a crate::scenario::Objective, f64)> {
    view.scn
        .objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| o.side == actor)
        .map(|(i, o)| (o, view.status.objectives.get(i).copied().unwrap_or(0.0)))
        .collect()
}

/// Each objective's degree of achievement (0–1) and each side's score (0–100).
pub fn scores(view: &View) -> (Vec<f64>, [f64; 2]) {
    let scn = view.scn;
    let margin = scn.params.objective_margin;
    let degrees: Vec<f64> = scn
        .objectives
        .iter()
        .map(|o| view.degree(&o.condition, Some(o.side), o.margin.unwrap_or(margin)))
        .collect();
    let mut scores = [0.0; 2];
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let (sum, weight) = scn
            .objectives
            .iter()
            .enumerate()
            .zip(&degrees)
            .filter(|((_, o), _)| o.side == actor)
            .fold((0.0, 0.0), |(s, w), ((i, _), d)| {
                let weight = view.status.weight(scn, i);
                (s + weight * d, w + weight)
            });
        scores[side.index()] = if weight > 0.0 {
            100.0 * sum / weight
        } else {
            0.0
        };
    }
    (degrees, scores)
}

/// An ending's text for this game: its description, then each of its details whose condition
/// holds now.
pub fn ending_text(view: &View, outcome: &crate::scenario::Outcome) -> String {
    let mut text = outcome.description.clone();
    for detail in &outcome.details {
        if view.holds(&detail.when, None) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&detail.text);
        }
    }
    text
}

/// The objectives step: scores, then endings (an early end, or the last turn's outcome).
pub fn evaluate(ctx: &mut Ctx) {
    let (degrees, scores) = scores(&ctx.view());
    ctx.status.objectives = degrees;
    ctx.status.scores = scores;
    if ctx.status.ended.is_some() {
        return;
    }
    let scn = ctx.scn;
    let last_turn = ctx.turn() >= scn.meta.calendar.turns;
    let view = ctx.view();
    let ending = scn
        .outcomes
        .iter()
        .position(|o| (o.ends_game || last_turn) && view.holds(&o.condition, None));
    if let Some(i) = ending {
        let outcome = &scn.outcomes[i];
        let told = ending_text(&view, outcome);
        ctx.status.ended = Some(OutcomeId::from_index(i));
        ctx.log.say(ReportEvent {
            id: format!("outcome:{}", outcome.key),
            text: format!("The game ends: {}. {}", outcome.name, told),
            actor: None,
            kind: ReportKind::Ending,
            visibility: Visibility::Public,
            concepts: Vec::new(),
            mid: None,
            regions: Vec::new(),
            provenance: Provenance::Model,
        });
        ctx.log
            .headline_with(|| format!("Outcome: {}.", outcome.name));
    }
}
