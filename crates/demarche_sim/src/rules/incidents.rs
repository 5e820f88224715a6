//! Incidents and random events. Incident risk grows with tension and with military activity near
//! the other side; an incident at high tension can turn into an armed clash, which is rare.

use super::Ctx;
use super::events::{fire, ready};
use super::military::clash;
use crate::ids::*;
use crate::report::{Cause, Provenance};
use crate::scenario::When;

/// Probability of an incident this turn.
pub fn incident_risk(
    tension: f64,
    activity: f64,
    back_channel: f64,
    p: &super::params::Params,
) -> f64 {
    let raw =
        p.incident_base + p.incident_per_tension * tension + p.incident_per_activity * activity;
    (raw * (1.0 - p.back_channel_incident_damping * back_channel / 100.0))
        .clamp(0.0, p.incident_cap)
}

/// Probability that an incident becomes an armed clash.
pub fn clash_risk(tension: f64, p: &super::params::Params) -> f64 {
    let over = ((tension - p.clash_tension_from) / (100.0 - p.clash_tension_from)).max(0.0);
    p.clash_at_full_tension * over * over
}

/// The incident roll of the turn, then the clash roll if an incident happened.
pub fn incidents(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let p = &scn.params;
    let activity: f64 = ctx.log.activity.iter().sum();
    let risk = incident_risk(ctx.ind.tension, activity, ctx.dip.back_channel, p);
    let mut rng = ctx.rng.fork(ctx.turn(), "incidents");
    if !rng.chance(risk) {
        return;
    }
    let candidates: Vec<(EventId, f64)> = scn
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e.when {
            When::Incident(w) => Some((EventId::from_index(i), w)),
            _ => None,
        })
        .filter(|(id, _)| ready(ctx, *id))
        .collect();
    let weights: Vec<f64> = candidates.iter().map(|(_, w)| *w).collect();
    let Some(pick) = rng.weighted(&weights) else {
        return;
    };
    let (id, weight) = candidates[pick];
    let total: f64 = weights.iter().sum();
    ctx.mil.incidents += 1;
    let chance = if total > 0.0 {
        risk * weight / total
    } else {
        0.0
    };
    fire(ctx, id, Provenance::Roll { chance });
    if rng.chance(clash_risk(ctx.ind.tension, p)) {
        let cause = Cause {
            source: format!("event:{}", scn.event(id).key),
            text: format!("{} escalates into an exchange of fire", scn.event(id).name),
        };
        clash(ctx, &cause);
    }
}

/// Random events: each rolls on its own, in id order.
pub fn random_events(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let mut rng = ctx.rng.fork(ctx.turn(), "random-events");
    for (i, event) in scn.events.iter().enumerate() {
        let When::Random {
            probability,
            per_tension,
            max_times,
        } = event.when
        else {
            continue;
        };
        let id = EventId::from_index(i);
        // Draw for every random event whatever its eligibility, so one event's condition never
        // shifts the numbers another event sees.
        let roll = rng.unit();
        if ctx.record.times_happened(id) >= max_times || !ready(ctx, id) {
            continue;
        }
        let chance = (probability + per_tension * ctx.ind.tension).clamp(0.0, 1.0);
        if roll < chance {
            fire(ctx, id, Provenance::Roll { chance });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::params::Params;

    #[test]
    fn risk_grows_with_tension_and_activity_and_is_capped() {
        let p = Params::default();
        assert!(incident_risk(80.0, 0.0, 0.0, &p) > incident_risk(20.0, 0.0, 0.0, &p));
        assert!(incident_risk(20.0, 5.0, 0.0, &p) > incident_risk(20.0, 0.0, 0.0, &p));
        assert!(incident_risk(20.0, 5.0, 100.0, &p) < incident_risk(20.0, 5.0, 0.0, &p));
        assert_eq!(incident_risk(100.0, 1000.0, 0.0, &p), p.incident_cap);
    }

    #[test]
    fn clashes_need_high_tension() {
        let p = Params::default();
        assert_eq!(clash_risk(50.0, &p), 0.0);
        assert!(clash_risk(75.0, &p) < clash_risk(100.0, &p));
        assert!((clash_risk(100.0, &p) - p.clash_at_full_tension).abs() < 1e-12);
    }
}
