//! Orders: whether one is available to a side now (and why not), and carrying one out.

use super::effects::{Origin, apply_all};
use super::{Ctx, View, domestic, military, repetition, sanctions, talks};
use crate::ids::*;
use crate::report::{Cause, Provenance, ReportEvent, ReportKind};
use crate::scenario::{
    Category, Effect, Indicator, Order, SignalKind, Stance, Target, TrackOp, Visibility,
};

/// Why an order cannot be given, in words for the player.
pub type Refusal = String;

/// Whether `actor` may give `order` now, after the orders already given this turn; the reason
/// if not.
pub fn check(view: &View, actor: ActorId, order: &Order, earlier: &[Order]) -> Result<(), Refusal> {
    judge(view, actor, order, earlier, Words::Say)
}

/// Whether `actor` may give `order` now, after the orders already given this turn: [`check`]
/// without writing out the reason, for the look-aheads that try thousands of orders a decision.
pub fn allows(view: &View, actor: ActorId, order: &Order, earlier: &[Order]) -> bool {
    judge(view, actor, order, earlier, Words::Skip).is_ok()
}

/// Whether a refusal's reason is written out (for people) or skipped (for a look-ahead that only
/// needs the verdict). The rules that decide are the same either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// Write the reason.
    Say,
    /// Leave the reason empty.
    Skip,
}

impl Words {
    /// The refusal `why` writes, or an empty one.
    pub fn refuse(self, why: impl FnOnce() -> String) -> Refusal {
        match self {
            Words::Say => why(),
            Words::Skip => Refusal::new(),
        }
    }
}

/// [`check`] and [`allows`]: the verdict, with the reason written out if `words` says so.
fn judge(
    view: &View,
    actor: ActorId,
    order: &Order,
    earlier: &[Order],
    words: Words,
) -> Result<(), Refusal> {
    let scn = view.scn;
    if view.status.ended.is_some() {
        return Err(words.refuse(|| "the game is over".into()));
    }
    let Some(action) = scn.actions.get(order.action.index()) else {
        return Err(words.refuse(|| "no such action".into()));
    };
    if !action.actors.contains(&actor) {
        return Err(words.refuse(|| format!("{} cannot take this action", scn.actor(actor).name)));
    }
    if earlier.iter().any(|o| o.action == order.action) {
        return Err(words.refuse(|| "already ordered this turn".into()));
    }
    if let Some(limit) = action.limit
        && view.record.times_taken(actor, order.action) >= limit
    {
        return Err(words.refuse(|| {
            if limit == 1 {
                "can only be done once a game".into()
            } else {
                format!("can only be done {limit} times a game")
            }
        }));
    }
    let spent: f64 = earlier.iter().map(|o| scn.action(o.action).capital).sum();
    let capital = view.ind.get(actor, Indicator::Capital) - spent;
    if action.capital > capital + 1e-9 {
        return Err(words.refuse(|| {
            format!(
                "needs {:.0} political capital; {:.0} left",
                action.capital,
                capital.max(0.0)
            )
        }));
    }
    let used: f64 = earlier.iter().map(|o| scn.action(o.action).readiness).sum();
    let readiness = view.ind.get(actor, Indicator::Readiness) - used;
    if action.readiness > readiness + 1e-9 {
        return Err(words.refuse(|| {
            format!(
                "needs {:.0} readiness; {:.0} left",
                action.readiness,
                readiness.max(0.0)
            )
        }));
    }
    check_target(scn, &action.target, order, words)?;
    if !view.holds(&action.requires, Some(actor)) {
        return Err(words.refuse(|| {
            action.requires_text.clone().unwrap_or_else(|| {
                format!(
                    "requires that {}",
                    super::eval::describe(scn, &action.requires)
                )
            })
        }));
    }
    let other = scn.side_of(actor).map(|s| scn.actor_of(s.other()));
    for effect in &action.effects {
        match effect {
            Effect::Track(track, op) => {
                if let Some(track) = track.or(order.track) {
                    talks::can_operate(view, Some(actor), track, *op, words)?;
                    if let Some((first, done)) = contradicted_by(scn, track, *op, earlier) {
                        return Err(words.refuse(|| {
                            format!(
                                "{} already {} {} this turn: one turn's orders cannot {}",
                                scn.action(first.action).name,
                                done_to(done),
                                scn.track(track).name,
                                clash_text(done, *op)
                            )
                        }));
                    }
                }
            }
            Effect::Impose {
                sector,
                measure,
                size,
                ..
            } => {
                if let Some(other) = other
                    && view
                        .sanc
                        .find(actor, other, *sector, *measure)
                        .is_some_and(|m| m.size >= *size)
                {
                    return Err(words.refuse(|| "this measure is already in force".into()));
                }
            }
            Effect::Threaten {
                sector, measure, ..
            } if other.is_some_and(|o| view.sanc.find(actor, o, *sector, *measure).is_some()) => {
                return Err(words.refuse(|| {
                    "this measure is already in force: there is nothing left to threaten".into()
                }));
            }
            Effect::Threaten {
                sector, measure, ..
            } => {
                if let Some(threat) = other.and_then(|o| {
                    view.sanc.threats.iter().find(|t| {
                        t.sender == actor
                            && t.target == o
                            && t.sector == *sector
                            && t.kind == *measure
                    })
                }) {
                    return Err(words.refuse(|| format!(
                        "this threat already stands until turn {}: saying it again would not move its deadline",
                        threat.deadline
                    )));
                }
            }
            Effect::Lift { sector, measure }
                if other.is_none_or(|o| view.sanc.find(actor, o, *sector, *measure).is_none()) =>
            {
                return Err(words.refuse(|| "there is no such measure in force to lift".into()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The order given earlier this turn, and what it does to `track`, that `op` would contradict:
/// one halts the track (suspends or ends it) and the other opens it (resumes it, proposes on it
/// or accepts a proposal on it), or both answer the proposal on it. Without this a side could end
/// a track and resume it in one turn, or accept and reject the same proposal, and pay for an
/// order that the other undoes. Orders that pull the same way combine (halting the talks and, in
/// the same turn, suspending the exchanges they include; the stronger halt prevails, §4.2 of
/// `docs/model.md`), and so do moves of progress alone ([`TrackOp::Progress`]).
fn contradicted_by<'a>(
    scn: &crate::scenario::Scenario,
    track: TrackId,
    op: TrackOp,
    earlier: &'a [Order],
) -> Option<(&'a Order, TrackOp)> {
    if !scn.params.track_orders_agree {
        return None;
    }
    earlier.iter().find_map(|o| {
        scn.action(o.action).effects.iter().find_map(|e| match e {
            Effect::Track(t, done) if t.or(o.track) == Some(track) && contradicts(*done, op) => {
                Some((o, *done))
            }
            _ => None,
        })
    })
}

/// Whether two operations on one track, ordered by one side in one turn, contradict each other.
fn contradicts(a: TrackOp, b: TrackOp) -> bool {
    let halts = |op| matches!(op, TrackOp::Suspend | TrackOp::Terminate);
    let opens = |op| matches!(op, TrackOp::Resume | TrackOp::Propose | TrackOp::Accept);
    let answers = |op| matches!(op, TrackOp::Accept | TrackOp::Reject);
    (halts(a) && opens(b)) || (opens(a) && halts(b)) || (answers(a) && answers(b))
}

/// What an earlier order did to a track, as the verb of a refusal.
fn done_to(op: TrackOp) -> &'static str {
    match op {
        TrackOp::Suspend => "suspends",
        TrackOp::Terminate => "ends",
        TrackOp::Resume => "resumes",
        TrackOp::Propose => "makes a proposal on",
        TrackOp::Accept => "accepts the proposal on",
        TrackOp::Reject => "rejects the proposal on",
        TrackOp::Progress(_) => "moves",
    }
}

/// Why `op` cannot follow `done` on the same track in one turn, in words.
fn clash_text(done: TrackOp, op: TrackOp) -> &'static str {
    match (done, op) {
        (TrackOp::Accept | TrackOp::Reject, TrackOp::Accept | TrackOp::Reject) => {
            "answer one proposal twice"
        }
        _ => "both halt a track and open it",
    }
}

fn check_target(
    scn: &crate::scenario::Scenario,
    target: &Target,
    order: &Order,
    words: Words,
) -> Result<(), Refusal> {
    match target {
        Target::Nothing => {
            if order.track.is_some() || order.region.is_some() {
                return Err(words.refuse(|| "this action does not take a track or a region".into()));
            }
        }
        Target::Track(allowed) => match order.track {
            None => return Err(words.refuse(|| "choose a track".into())),
            Some(t) if t.index() >= scn.tracks.len() => {
                return Err(words.refuse(|| "no such track".into()));
            }
            Some(t) if !allowed.is_empty() && !allowed.contains(&t) => {
                return Err(
                    words.refuse(|| format!("this action cannot name {}", scn.track(t).name))
                );
            }
            _ => {}
        },
        Target::Region(allowed) => match order.region {
            None => return Err(words.refuse(|| "choose a region".into())),
            Some(r) if r.index() >= scn.regions.len() => {
                return Err(words.refuse(|| "no such region".into()));
            }
            Some(r) if !allowed.is_empty() && !allowed.contains(&r) => {
                return Err(
                    words.refuse(|| format!("this action cannot name {}", scn.region(r).name()))
                );
            }
            _ => {}
        },
    }
    Ok(())
}

/// The validation step: checks each side's orders in the order given, pays for those accepted
/// and reports those refused.
pub fn validate(ctx: &mut Ctx, submitted: &[Vec<Order>; 2]) {
    let scn = ctx.scn;
    ctx.record.fade_wear(scn.params.repeat_memory);
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let mut accepted: Vec<Order> = Vec::new();
        for order in &submitted[side.index()] {
            match check(&ctx.view(), actor, order, &accepted) {
                Ok(()) => accepted.push(order.clone()),
                Err(why) => {
                    let name = scn
                        .actions
                        .get(order.action.index())
                        .map_or("an unknown action", |a| a.name.as_str());
                    ctx.log.say(ReportEvent {
                        id: format!(
                            "refused:{}",
                            scn.actions
                                .get(order.action.index())
                                .map_or("?", |a| a.key.as_str())
                        ),
                        text: format!(
                            "{}'s order \"{name}\" was refused: {why}.",
                            scn.actor(actor).name
                        ),
                        actor: Some(actor),
                        kind: ReportKind::Refused,
                        visibility: Visibility::Private,
                        concepts: Vec::new(),
                        mid: None,
                        regions: Vec::new(),
                        provenance: Provenance::Order(side),
                    });
                    ctx.log.refused[side.index()].push((order.clone(), why));
                }
            }
        }
        let record = scn.historical_orders(side, ctx.clock.turn);
        for order in &accepted {
            let action = scn.action(order.action);
            if record.contains(order) {
                *ctx.record.on_record.entry(actor).or_insert(0) += 1;
            }
            let cause = ctx.log.cause_with(|| Cause {
                source: format!("order:{}", action.key),
                text: format!("cost of \"{}\"", action.name),
            });
            ctx.adjust(actor, Indicator::Capital, -action.capital, &cause);
            ctx.adjust(actor, Indicator::Readiness, -action.readiness, &cause);
            *ctx.record.taken.entry((actor, order.action)).or_insert(0) += 1;
        }
        ctx.log.accepted[side.index()] = accepted;
    }
}

/// Carries out this turn's accepted orders of one category, both sides, in a fixed order:
/// track operations by priority (halts first), then first side before second, then the order
/// in which each side gave them.
pub fn run_category(ctx: &mut Ctx, category: Category) {
    let scn = ctx.scn;
    let mut queue: Vec<(u8, Side, usize, Order)> = Vec::new();
    for side in Side::BOTH {
        for (i, order) in ctx.log.accepted[side.index()].iter().enumerate() {
            let action = scn.action(order.action);
            if action.category != category {
                continue;
            }
            let priority = action
                .effects
                .iter()
                .filter_map(|e| match e {
                    Effect::Track(_, op) => Some(talks::priority(*op)),
                    _ => None,
                })
                .min()
                .unwrap_or(u8::MAX);
            queue.push((priority, side, i, order.clone()));
        }
    }
    queue.sort_by_key(|(priority, side, i, _)| (*priority, *side, *i));
    for (_, side, _, order) in queue {
        execute(ctx, side, &order);
    }
}

/// Carries out one accepted order.
pub fn execute(ctx: &mut Ctx, side: Side, order: &Order) {
    let scn = ctx.scn;
    let actor = scn.actor_of(side);
    let action = scn.action(order.action);
    ctx.log.say_with(|| {
        let mut text = format!("{}: {}", scn.actor(actor).name, action.name);
        if let Some(t) = order.track {
            text.push_str(&format!(" ({})", scn.track(t).name));
        }
        if let Some(r) = order.region {
            text.push_str(&format!(" ({})", scn.region(r).name()));
        }
        ReportEvent {
            id: format!("order:{}", action.key),
            text,
            actor: Some(actor),
            kind: ReportKind::Order(action.category),
            visibility: action.visibility,
            concepts: action.concepts.clone(),
            mid: action.mid,
            regions: super::effects::regions_of(scn, &action.effects, order.region),
            provenance: Provenance::Order(side),
        }
    });
    let worth = repetition::factor(
        &scn.params,
        action.signal,
        ctx.record.wear_of(actor, order.action),
    );
    if repetition::active(&scn.params) {
        ctx.record.add_wear(actor, order.action);
    }
    let worn = worth < 1.0 && repetition::has_audience_effect(&action.effects);
    let cause = ctx.log.cause_with(|| Cause {
        source: format!("order:{}", action.key),
        text: if worn {
            format!("{} ({})", action.name, repetition::note(worth))
        } else {
            action.name.clone()
        },
    });
    let origin = Origin {
        actor: Some(actor),
        track: order.track,
        region: order.region,
        action: Some(order.action),
    };
    if worn {
        let effects = repetition::audience_scaled(&action.effects, worth);
        apply_all(ctx, &effects, origin, &cause);
    } else {
        apply_all(ctx, &action.effects, origin, &cause);
    }
    let public = action.visibility == Visibility::Public;
    if public {
        domestic::stance_reaction(ctx, actor, action.stance, &action.name);
    }
    match action.signal {
        SignalKind::CheapTalk => {}
        SignalKind::SunkCost => {
            let cost = action.capital + action.readiness;
            ctx.log.signals.push((side, SignalKind::SunkCost, cost));
        }
        SignalKind::TiedHands => {
            if public {
                domestic::commit(ctx, actor, &action.name);
                let weight = scn
                    .actor(actor)
                    .side
                    .as_ref()
                    .map_or(1.0, |s| s.sensitivity.audience);
                ctx.log.signals.push((side, SignalKind::TiedHands, weight));
            }
        }
    }
    if action.rung > 0 {
        military::raise_rung(ctx, action.rung, &action.name);
    }
    if escalates(action) {
        sanctions::note_escalation(ctx, actor);
    }
    if public && action.stance == Stance::Hawkish {
        ctx.log.provocations[side.other().index()] += 1.0;
    }
}

/// Whether carrying out an action escalates against the other side: a hawkish sanction, a
/// hawkish military move, or any hawkish order of rung 5 or more. It defies the other side's open
/// threats (§3.8 of `docs/model.md`).
pub fn escalates(action: &crate::scenario::Action) -> bool {
    action.stance == Stance::Hawkish
        && (action.category == Category::Sanctions
            || action.category == Category::Military
            || action.rung >= 5)
}

/// Whether an action is a track operation of this kind (for policies and the window).
pub fn has_track_op(action: &crate::scenario::Action, op: TrackOp) -> bool {
    action
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Track(_, o) if *o == op))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halting_and_opening_one_track_contradict_but_two_halts_do_not() {
        use TrackOp::*;
        for (a, b) in [
            (Terminate, Resume),
            (Suspend, Propose),
            (Accept, Suspend),
            (Accept, Reject),
        ] {
            assert!(contradicts(a, b) && contradicts(b, a), "{a:?} {b:?}");
        }
        for (a, b) in [
            (Suspend, Terminate),
            (Suspend, Suspend),
            (Propose, Accept),
            (Reject, Suspend),
            (Progress(5.0), Terminate),
            (Progress(5.0), Resume),
        ] {
            assert!(!contradicts(a, b) && !contradicts(b, a), "{a:?} {b:?}");
        }
    }
}
