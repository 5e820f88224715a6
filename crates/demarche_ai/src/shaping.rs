//! The AI's view of its objectives: the scenario's conditions with gentler slopes, so a
//! look-ahead of a turn or two can tell a move that brings an objective closer (or keeps a safer
//! margin above its line) from one that does not. The game's own score is unchanged.

use demarche_sim::ActorId;
use demarche_sim::rules::View;
use demarche_sim::scenario::Condition;

/// How far below a threshold an objective still earns partial credit, for the AI.
const MARGIN: f64 = 30.0;
/// The most extra credit for keeping a margin above a threshold.
const CUSHION: f64 = 0.1;

fn ramp(excess: f64) -> f64 {
    if excess >= 0.0 {
        1.0 + CUSHION * (excess / MARGIN).min(1.0)
    } else {
        (1.0 + excess / MARGIN).max(0.0)
    }
}

/// A condition's shaped degree, 0 to 1 + the cushion.
pub fn degree(view: &View, condition: &Condition, actor: Option<ActorId>) -> f64 {
    match condition {
        Condition::All(items) => items
            .iter()
            .map(|c| degree(view, c, actor))
            .fold(1.0 + CUSHION, f64::min),
        Condition::Any(items) => items
            .iter()
            .map(|c| degree(view, c, actor))
            .fold(0.0, f64::max),
        Condition::Not(inner) => match demarche_sim::rules::eval::negate(inner) {
            Some(opposite) => degree(view, &opposite, actor),
            None => f64::from(u8::from(!view.holds(inner, actor))),
        },
        Condition::AtLeast(q, v) => ramp(view.quantity(q, actor) - v),
        Condition::AtMost(q, v) => ramp(v - view.quantity(q, actor)),
        other => f64::from(u8::from(view.holds(other, actor))),
    }
}

/// Each objective's shaped degree (by objective index; other sides' objectives too).
pub fn objectives(view: &View) -> Vec<f64> {
    view.scn
        .objectives
        .iter()
        .map(|o| degree(view, &o.condition, Some(o.side)))
        .collect()
}

/// A side's shaped score, 0–100.
pub fn score(view: &View, actor: ActorId, degrees: &[f64]) -> f64 {
    let (sum, weight) = view
        .scn
        .objectives
        .iter()
        .zip(degrees)
        .filter(|(o, _)| o.side == actor)
        .fold((0.0, 0.0), |(s, w), (o, d)| {
            (s + o.weight * d, w + o.weight)
        });
    if weight > 0.0 {
        100.0 * sum / (weight * (1.0 + CUSHION))
    } else {
        0.0
    }
}

/// A side's shaped score at the end of a look-ahead, discounted for the chance that the tension
/// left there turns into an armed clash before the game ends: the game's own incident and
/// clash risks, compounded over the turns that remain.
pub fn expected_score(view: &View, actor: ActorId, degrees: &[f64]) -> f64 {
    let now = score(view, actor, degrees);
    if view.mil.clash {
        return now;
    }
    let p = &view.scn.params;
    let per_turn = demarche_sim::rules::incidents::incident_risk(
        view.ind.tension,
        0.0,
        view.dip.back_channel,
        p,
    ) * demarche_sim::rules::incidents::clash_risk(view.ind.tension, p);
    let remaining = view
        .scn
        .meta
        .calendar
        .turns
        .saturating_sub(view.clock.turn.saturating_sub(1));
    let hazard = 1.0 - (1.0 - per_turn).powi(remaining as i32);
    if hazard <= 0.0 {
        return now;
    }
    let mut military = view.mil.clone();
    military.clash = true;
    let clashed = View {
        mil: &military,
        ..*view
    };
    let after_clash = score(&clashed, actor, &objectives(&clashed));
    (1.0 - hazard) * now + hazard * after_clash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ramp_rewards_margins_and_proximity() {
        assert_eq!(ramp(0.0), 1.0);
        assert!(ramp(15.0) > ramp(5.0));
        assert!((ramp(100.0) - 1.0 - CUSHION).abs() < 1e-12);
        assert!(ramp(-10.0) > ramp(-20.0));
        assert_eq!(ramp(-40.0), 0.0);
    }
}
