//! Applying the effects of actions, events, tracks and rungs. Each effect goes to the rule of its
//! domain; this module only dispatches.

use super::{Ctx, domestic, military, sanctions, talks};
use crate::ids::*;
use crate::report::{Cause, Metric};
use crate::scenario::{Effect, Indicator};

/// Who acts and what the order named.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin {
    /// The acting actor (`self`), if any.
    pub actor: Option<ActorId>,
    /// The track the order named.
    pub track: Option<TrackId>,
    /// The region the order named.
    pub region: Option<RegionId>,
    /// The action behind the effects, if an order.
    pub action: Option<ActionId>,
}

/// Applies a list of effects.
pub fn apply_all(ctx: &mut Ctx, effects: &[Effect], origin: Origin, cause: &Cause) {
    for effect in effects {
        apply(ctx, effect, origin, cause);
    }
}

/// Applies one effect.
pub fn apply(ctx: &mut Ctx, effect: &Effect, origin: Origin, cause: &Cause) {
    let actor = origin.actor;
    match effect {
        Effect::Adjust(who, indicator, amount) => {
            if let Some(a) = ctx.who(*who, actor) {
                ctx.adjust(a, *indicator, *amount, cause);
            }
        }
        Effect::Tension(amount) => {
            ctx.tension(*amount, cause);
        }
        Effect::Relation(x, y, amount) => {
            if let (Some(x), Some(y)) = (ctx.who(*x, actor), ctx.who(*y, actor)) {
                ctx.relation(x, y, *amount, cause);
            }
        }
        Effect::Impose {
            sector,
            measure,
            size,
            severity,
        } => {
            if let Some((me, other)) = pair(ctx, actor) {
                let action = origin.action;
                sanctions::impose(ctx, me, other, *sector, *measure, *size, *severity, action);
            }
        }
        Effect::Threaten {
            sector,
            measure,
            size,
            severity,
            deadline,
        } => {
            if let Some((me, other)) = pair(ctx, actor) {
                let action = origin.action;
                sanctions::threaten(
                    ctx, me, other, *sector, *measure, *size, *severity, *deadline, action,
                );
            }
        }
        Effect::Lift { sector, measure } => {
            if let Some((me, other)) = pair(ctx, actor) {
                sanctions::lift(ctx, me, other, *sector, *measure);
            }
        }
        Effect::Track(track, op) => {
            if let Some(track) = track.or(origin.track) {
                talks::operate(ctx, actor, track, *op, cause);
            }
        }
        Effect::BackChannel(amount) => {
            let value = &mut ctx.dip.back_channel;
            ctx.log
                .change(Metric::BackChannel, value, *amount, 0.0, 100.0, cause);
        }
        Effect::Move(force, path) => military::move_force(ctx, *force, path, true),
        Effect::Recall(force) => {
            let home = ctx.scn.force(*force).home;
            military::move_force(ctx, *force, &[home], false);
        }
        Effect::Activity(region, amount) => {
            if let Some(region) = region.or(origin.region) {
                ctx.log.activity[region.index()] += amount;
            }
        }
        Effect::Scramble(who, count) => {
            if let Some(a) = ctx.who(*who, actor) {
                fly_scrambles(ctx, a, *count, None);
            }
        }
        Effect::ScrambleAgainst(who, target, count) => {
            if let (Some(a), Some(t)) = (ctx.who(*who, actor), ctx.who(*target, actor)) {
                ctx.mil.add_scrambles_against(a, t, *count);
                fly_scrambles(ctx, a, *count, Some(t));
            }
        }
        Effect::CoalitionPackage(level) => {
            ctx.sanc.coalition_expectation = (ctx.sanc.coalition_expectation + level).min(100.0);
        }
        Effect::Election(who) => {
            if let Some(a) = ctx.who(*who, actor) {
                domestic::election(ctx, a);
            }
        }
        Effect::Clash => military::clash(ctx, cause),
    }
}

/// The regions a list of effects concerns (activity, moves, recalls), for the map.
pub fn regions_of(
    scn: &crate::scenario::Scenario,
    effects: &[Effect],
    order_region: Option<RegionId>,
) -> Vec<RegionId> {
    let mut out: Vec<RegionId> = order_region.into_iter().collect();
    for effect in effects {
        match effect {
            Effect::Activity(region, _) => out.extend(region.or(order_region)),
            Effect::Move(_, path) => out.extend(path.last().copied()),
            Effect::Recall(force) => out.push(scn.force(*force).home),
            _ => {}
        }
    }
    out.dedup();
    out
}

fn pair(ctx: &Ctx, actor: Option<ActorId>) -> Option<(ActorId, ActorId)> {
    let me = actor?;
    Some((me, ctx.opponent(me)?))
}

/// Counts an actor's scrambles (against `target`, if named) and charges their readiness.
fn fly_scrambles(ctx: &mut Ctx, by: ActorId, count: u32, target: Option<ActorId>) {
    ctx.mil.scrambles[by.index()] = ctx.mil.scrambles[by.index()].saturating_add(count);
    let cost = f64::from(count) * ctx.scn.params.readiness_per_scramble;
    let scn = ctx.scn;
    let cause = ctx.log.cause_with(|| {
        let against = target.map_or(String::new(), |t| format!(" against {}", scn.actor(t).name));
        Cause::rule("scrambles", format!("{count} scrambles flown{against}"))
    });
    ctx.adjust(by, Indicator::Readiness, -cost, &cause);
}
