//! Diminishing returns on repeated gestures: audiences discount what they have just heard. Each
//! use of an action adds a point of wear to it (for that actor), wear fades each turn, and an
//! action's audience effects are worth `rate ^ wear`, a steeper discount for cheap talk than for
//! costly signals. Material effects (economy, readiness, energy, sanctions, moves, tension) are
//! never discounted: a second frigate is as real as the first.

use super::params::Params;
use crate::scenario::{Effect, Indicator, SignalKind};

/// The indicators that measure an audience's opinion, which repetition wears down.
pub const AUDIENCE: [Indicator; 4] = [
    Indicator::Approval,
    Indicator::Standing,
    Indicator::Hawks,
    Indicator::Doves,
];

/// Whether repetition counts at all under these rules (a rate below 1); when it does not, no
/// wear is recorded.
pub fn active(p: &Params) -> bool {
    p.cheap_talk_repeat < 1.0 || p.costly_repeat < 1.0
}

/// What an action's audience effects are worth now, given its wear (1 for a fresh gesture).
pub fn factor(p: &Params, signal: SignalKind, wear: f64) -> f64 {
    let rate = match signal {
        SignalKind::CheapTalk => p.cheap_talk_repeat,
        SignalKind::SunkCost | SignalKind::TiedHands => p.costly_repeat,
    };
    rate.powf(wear.max(0.0))
}

/// Whether repetition wears this effect down: a relation, or an [`AUDIENCE`] indicator.
fn is_audience(effect: &Effect) -> bool {
    match effect {
        Effect::Relation(..) => true,
        Effect::Adjust(_, indicator, _) => AUDIENCE.contains(indicator),
        _ => false,
    }
}

/// The effects with their audience parts (relations and [`AUDIENCE`] indicators) multiplied
/// by `factor`; everything else as it was.
pub fn audience_scaled(effects: &[Effect], factor: f64) -> Vec<Effect> {
    effects
        .iter()
        .map(|effect| match effect {
            Effect::Relation(x, y, amount) => Effect::Relation(*x, *y, amount * factor),
            Effect::Adjust(who, indicator, amount) if is_audience(effect) => {
                Effect::Adjust(*who, *indicator, amount * factor)
            }
            other => other.clone(),
        })
        .collect()
}

/// Whether any of the effects is one that repetition wears down.
pub fn has_audience_effect(effects: &[Effect]) -> bool {
    effects.iter().any(is_audience)
}

/// The words a "why?" line adds to a worn action's name, e.g. "repeated: worth 13 % of a
/// fresh gesture".
pub fn note(factor: f64) -> String {
    format!("repeated: worth {:.0} % of a fresh gesture", factor * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ActorId;
    use crate::scenario::Who;

    #[test]
    fn a_fresh_gesture_is_worth_all_of_itself() {
        let p = Params::default();
        assert_eq!(factor(&p, SignalKind::CheapTalk, 0.0), 1.0);
        assert_eq!(factor(&p, SignalKind::SunkCost, 0.0), 1.0);
    }

    #[test]
    fn cheap_talk_wears_faster_than_costly_signals() {
        let p = Params::default();
        let cheap = factor(&p, SignalKind::CheapTalk, 2.0);
        let costly = factor(&p, SignalKind::TiedHands, 2.0);
        assert!((cheap - p.cheap_talk_repeat.powi(2)).abs() < 1e-12);
        assert!(cheap < costly, "{cheap} vs {costly}");
    }

    #[test]
    fn a_gesture_repeated_every_turn_settles_at_a_small_share() {
        // Wear before each use settles where w = memory × (w + 1).
        let p = Params::default();
        let mut wear = 0.0;
        let mut last = 1.0;
        for _ in 0..200 {
            wear *= p.repeat_memory;
            last = factor(&p, SignalKind::CheapTalk, wear);
            wear += 1.0;
        }
        let settled = p.repeat_memory / (1.0 - p.repeat_memory);
        assert!((wear - 1.0 - settled).abs() < 1e-6, "{wear}");
        assert!(last < 0.2, "an every-turn statement is still worth {last}");
    }

    #[test]
    fn only_audience_effects_are_scaled() {
        let effects = vec![
            Effect::Relation(
                Who::Actor(ActorId::from_index(0)),
                Who::Actor(ActorId::from_index(1)),
                4.0,
            ),
            Effect::Adjust(Who::Me, Indicator::Approval, 2.0),
            Effect::Adjust(Who::Me, Indicator::Economy, -2.0),
            Effect::Tension(3.0),
        ];
        let scaled = audience_scaled(&effects, 0.25);
        assert_eq!(
            scaled,
            vec![
                Effect::Relation(
                    Who::Actor(ActorId::from_index(0)),
                    Who::Actor(ActorId::from_index(1)),
                    1.0
                ),
                Effect::Adjust(Who::Me, Indicator::Approval, 0.5),
                Effect::Adjust(Who::Me, Indicator::Economy, -2.0),
                Effect::Tension(3.0),
            ]
        );
        assert!(has_audience_effect(&effects));
        assert!(!has_audience_effect(&[Effect::Tension(1.0)]));
    }
}
