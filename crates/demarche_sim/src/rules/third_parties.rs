//! Third parties by rule: dated history (coalition packages, the war in Ukraine, allies' moves),
//! coalition pressure on members who lag behind its packages, and allied assurance in a crisis.
//! A dated event may carry a `chance`, drawn from the game's seed. China's role as an outlet for
//! sanctioned trade lives in `economy::evasion`.

use super::Ctx;
use super::events::{fire, ready};
use crate::ids::*;
use crate::report::{Cause, Provenance};
use crate::scenario::{ActorKind, Indicator, When};

/// Fires this turn's dated events whose conditions hold, in file order.
pub fn dated_events(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let turn = ctx.turn();
    for (i, event) in scn.events.iter().enumerate() {
        let When::Dated(date) = event.when else {
            continue;
        };
        let id = EventId::from_index(i);
        if scn.meta.calendar.turn_of(date) == Some(turn) && ready(ctx, id) && drawn(ctx, id) {
            let provenance = match event.chance {
                Some(chance) => Provenance::Roll { chance },
                None => Provenance::Record {
                    sources: event.sources.clone(),
                },
            };
            fire(ctx, id, provenance);
        }
    }
}

/// Whether a dated event with a `chance` comes up this time (always, without one). Each event
/// draws from its own stream of the turn, so one event's draw never shifts another's.
fn drawn(ctx: &Ctx, id: EventId) -> bool {
    match ctx.scn.event(id).chance {
        None => true,
        Some(p) => ctx
            .rng
            .fork(ctx.turn(), &format!("event:{}", ctx.scn.event(id).key))
            .chance(p),
    }
}

/// Each side that belongs to a coalition (a positive relation) is judged on whether its
/// sanction level keeps pace with what the coalition's packages expect.
pub fn coalition_pressure(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let p = &scn.params;
    let expected = ctx.sanc.coalition_expectation;
    if expected <= 0.0 {
        return;
    }
    for (c, coalition) in scn.actors.iter().enumerate() {
        if coalition.kind != ActorKind::Coalition {
            continue;
        }
        let c = ActorId::from_index(c);
        for side in Side::BOTH {
            let member = scn.actor_of(side);
            if ctx.ind.relation(member, c) <= 0.0 {
                continue;
            }
            let other = scn.actor_of(side.other());
            let level = ctx.sanc.level(member, other);
            let pace = p.coalition_pace_share * expected;
            let lag = pace - level;
            let delta = if level >= pace {
                p.coalition_keep_pace
            } else {
                -(p.coalition_lag_penalty * lag).min(p.coalition_lag_cap)
            };
            let cause = ctx.log.cause_with(|| {
                let text = if level >= pace {
                    format!("keeps pace with {} packages", coalition.name)
                } else {
                    format!("lags {lag:.0} points behind {} packages", coalition.name)
                };
                Cause::rule("coalition_pressure", text)
            });
            ctx.relation(member, c, delta, &cause);
            ctx.adjust(
                member,
                Indicator::Standing,
                delta * p.coalition_standing_share,
                &cause,
            );
        }
    }
}

/// Allies (a relation of `ally_relation` or more with a side) give public assurance when tension
/// is high.
pub fn allied_assurance(ctx: &mut Ctx) {
    let scn = ctx.scn;
    if ctx.ind.tension < scn.params.assurance_tension {
        return;
    }
    for (a, ally) in scn.actors.iter().enumerate() {
        let ally_id = ActorId::from_index(a);
        if ally.kind != ActorKind::State || scn.sides.contains(&ally_id) {
            continue;
        }
        for side in Side::BOTH {
            let member = scn.actor_of(side);
            if ctx.ind.relation(member, ally_id) < scn.params.ally_relation {
                continue;
            }
            let cause = ctx.log.cause_with(|| {
                Cause::rule(
                    "allied_assurance",
                    format!("public assurance from {}", ally.name),
                )
            });
            let p = &scn.params;
            ctx.adjust(member, Indicator::Approval, p.assurance_approval, &cause);
            ctx.adjust(member, Indicator::Readiness, p.assurance_readiness, &cause);
            ctx.relation(member, ally_id, p.assurance_relation, &cause);
        }
    }
}
