//! Evaluating the scenario's conditions and quantities against the state.

use super::{View, resolve_who};
use crate::ids::*;
use crate::scenario::{Condition, Quantity, Scenario};

impl View<'_> {
    /// Turns still to be played, the current one included (0 once the calendar has run out).
    pub fn turns_left(&self) -> u32 {
        self.scn
            .meta
            .calendar
            .turns
            .saturating_sub(self.clock.turn.saturating_sub(1))
    }

    /// The value of a quantity; `actor` is who `self` means.
    pub fn quantity(&self, q: &Quantity, actor: Option<ActorId>) -> f64 {
        let who = |w| resolve_who(self.scn, w, actor);
        match q {
            Quantity::Indicator(w, indicator) => {
                who(*w).map_or(0.0, |a| self.ind.get(a, *indicator))
            }
            Quantity::Relation(x, y) => match (who(*x), who(*y)) {
                (Some(x), Some(y)) if x != y => self.ind.relation(x, y),
                _ => 0.0,
            },
            Quantity::Tension => self.ind.tension,
            Quantity::Rung => f64::from(self.mil.rung),
            Quantity::MaxRung => f64::from(self.mil.max_rung),
            Quantity::Trade => self.ind.trade,
            Quantity::Turn => f64::from(self.clock.turn),
            Quantity::Progress(t) => self.dip.tracks[t.index()].progress,
            Quantity::SanctionLevel(s, t) => match (who(*s), who(*t)) {
                (Some(s), Some(t)) => self.sanc.level(s, t),
                _ => 0.0,
            },
            Quantity::Belief(w) => who(*w)
                .and_then(|a| self.scn.side_of(a))
                .map_or(0.5, |s| self.intel.belief_mean(s)),
        }
    }

    /// Whether a condition holds; `actor` is who `self` means.
    pub fn holds(&self, c: &Condition, actor: Option<ActorId>) -> bool {
        let who = |w| resolve_who(self.scn, w, actor);
        match c {
            Condition::Always => true,
            Condition::Never => false,
            Condition::All(items) => items.iter().all(|c| self.holds(c, actor)),
            Condition::Any(items) => items.iter().any(|c| self.holds(c, actor)),
            Condition::Not(inner) => !self.holds(inner, actor),
            Condition::AtLeast(q, v) => self.quantity(q, actor) >= *v,
            Condition::AtMost(q, v) => self.quantity(q, actor) <= *v,
            Condition::TrackIs(t, status) => self.dip.tracks[t.index()].status == *status,
            Condition::SanctionInForce(s, t, sector, kind) => match (who(*s), who(*t)) {
                (Some(s), Some(t)) => self.sanc.find(s, t, *sector, *kind).is_some(),
                _ => false,
            },
            Condition::Happened(e) => self.record.times_happened(*e) > 0,
            Condition::Took(w, action) => {
                who(*w).is_some_and(|a| self.record.times_taken(a, *action) > 0)
            }
            Condition::Clashed => self.mil.clash,
        }
    }

    /// How far a condition is met, 0–1: thresholds earn partial credit within `margin` of the
    /// line; everything else is 0 or 1.
    pub fn degree(&self, c: &Condition, actor: Option<ActorId>, margin: f64) -> f64 {
        match c {
            Condition::All(items) => items
                .iter()
                .map(|c| self.degree(c, actor, margin))
                .fold(1.0, f64::min),
            Condition::Any(items) => items
                .iter()
                .map(|c| self.degree(c, actor, margin))
                .fold(0.0, f64::max),
            Condition::Not(inner) => match negate(inner) {
                Some(opposite) => self.degree(&opposite, actor, margin),
                None => 1.0 - f64::from(u8::from(self.holds(inner, actor))),
            },
            Condition::AtLeast(q, v) => ramp(self.quantity(q, actor) - v, margin),
            Condition::AtMost(q, v) => ramp(v - self.quantity(q, actor), margin),
            other => f64::from(u8::from(self.holds(other, actor))),
        }
    }
}

/// The opposite of a condition written without `Not`, where thresholds allow it (De Morgan for
/// `All` and `Any`), so partial credit still runs toward the line from the right side.
pub fn negate(c: &Condition) -> Option<Condition> {
    let not = |i: &Condition| negate(i).unwrap_or_else(|| Condition::Not(Box::new(i.clone())));
    Some(match c {
        Condition::AtLeast(q, v) => Condition::AtMost(q.clone(), *v),
        Condition::AtMost(q, v) => Condition::AtLeast(q.clone(), *v),
        Condition::Not(inner) => (**inner).clone(),
        Condition::All(items) => Condition::Any(items.iter().map(not).collect()),
        Condition::Any(items) => Condition::All(items.iter().map(not).collect()),
        Condition::Always => Condition::Never,
        Condition::Never => Condition::Always,
        _ => return None,
    })
}

/// 1 at or above zero, falling linearly to 0 at `-margin`.
fn ramp(excess: f64, margin: f64) -> f64 {
    if excess >= 0.0 {
        1.0
    } else {
        (1.0 + excess / margin.max(1e-9)).clamp(0.0, 1.0)
    }
}

/// Describes a condition in words, for greyed-out actions and the briefing.
pub fn describe(scn: &Scenario, c: &Condition) -> String {
    let who = |w: &crate::scenario::Who| match w {
        crate::scenario::Who::Actor(a) => scn.actor(*a).name.clone(),
        crate::scenario::Who::Me => "you".into(),
        crate::scenario::Who::Opponent => "the other side".into(),
    };
    let quantity = |q: &Quantity| match q {
        Quantity::Indicator(w, i) => format!("{}'s {}", who(w), i.label()),
        Quantity::Relation(x, y) => format!("the relation between {} and {}", who(x), who(y)),
        Quantity::Tension => "tension".into(),
        Quantity::Rung => "the escalation rung".into(),
        Quantity::MaxRung => "the highest escalation rung".into(),
        Quantity::Trade => "bilateral trade".into(),
        Quantity::Turn => "the turn".into(),
        Quantity::Progress(t) => format!("progress on {}", scn.track(*t).name),
        Quantity::SanctionLevel(s, t) => {
            format!("the sanction level of {} against {}", who(s), who(t))
        }
        Quantity::Belief(w) => format!("{}'s belief in the other side's resolve", who(w)),
    };
    match c {
        Condition::Always => "always".into(),
        Condition::Never => "never".into(),
        Condition::All(items) => items
            .iter()
            .map(|c| describe(scn, c))
            .collect::<Vec<_>>()
            .join(" and "),
        Condition::Any(items) => format!(
            "either {}",
            items
                .iter()
                .map(|c| describe(scn, c))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        Condition::Not(inner) => format!("not ({})", describe(scn, inner)),
        Condition::AtLeast(q, v) => format!("{} is at least {v}", quantity(q)),
        Condition::AtMost(q, v) => format!("{} is at most {v}", quantity(q)),
        Condition::TrackIs(t, status) => {
            format!("{} is {:?}", scn.track(*t).name, status).to_lowercase()
        }
        Condition::SanctionInForce(s, t, sector, kind) => format!(
            "{} has a {} on {} in {}",
            who(s),
            kind.label(),
            who(t),
            scn.sector(*sector).name
        ),
        Condition::Happened(e) => format!("{} has happened", scn.event(*e).name),
        Condition::Took(w, a) => format!("{} has taken \"{}\"", who(w), scn.action(*a).name),
        Condition::Clashed => "an armed clash has happened".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_gives_partial_credit_near_the_line() {
        assert_eq!(ramp(0.0, 10.0), 1.0);
        assert_eq!(ramp(5.0, 10.0), 1.0);
        assert!((ramp(-5.0, 10.0) - 0.5).abs() < 1e-12);
        assert_eq!(ramp(-20.0, 10.0), 0.0);
    }
}
