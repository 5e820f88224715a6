//! Tracks of the relationship: proposals answered a turn later, suspension (cheap), resumption
//! (a climb-down), termination, preconditions on progress, and the private back-channel.

use super::effects::{Origin, apply_all};
use super::orders::Words;
use super::{Ctx, View, domestic};
use crate::ids::*;
use crate::report::{Cause, Metric};
use crate::scenario::{TrackOp, TrackStatus};
use crate::state::Proposal;

/// Whether `actor` may do `op` on `track` now; the reason if not, written out if `words` says so.
pub fn can_operate(
    view: &View,
    actor: Option<ActorId>,
    track: TrackId,
    op: TrackOp,
    words: Words,
) -> Result<(), String> {
    let scn = view.scn;
    let t = &view.dip.tracks[track.index()];
    let name = &scn.track(track).name;
    let other_pending = |me: ActorId| {
        view.dip
            .proposals
            .iter()
            .any(|p| p.track == track && p.from != me && p.turn < view.clock.turn)
    };
    match op {
        TrackOp::Propose => {
            if t.status == TrackStatus::Terminated {
                return Err(words.refuse(|| format!("{name} has been terminated")));
            }
            if let Some(me) = actor
                && view
                    .dip
                    .proposals
                    .iter()
                    .any(|p| p.track == track && p.from == me)
            {
                return Err(
                    words.refuse(|| format!("you already have a proposal pending on {name}"))
                );
            }
            Ok(())
        }
        TrackOp::Accept | TrackOp::Reject => match actor {
            Some(me) if other_pending(me) => Ok(()),
            _ => Err(words.refuse(|| {
                format!("there is no proposal from the other side on {name} to answer")
            })),
        },
        TrackOp::Suspend => match t.status {
            TrackStatus::Active => Ok(()),
            _ => Err(words.refuse(|| format!("{name} is not active"))),
        },
        TrackOp::Terminate => match t.status {
            TrackStatus::Terminated => {
                Err(words.refuse(|| format!("{name} has already been terminated")))
            }
            _ => Ok(()),
        },
        TrackOp::Resume => {
            match (t.status, t.halted_by) {
                (TrackStatus::Suspended, Some(by)) if Some(by) == actor => Ok(()),
                (TrackStatus::Suspended, _) => Err(words
                    .refuse(|| format!("you did not suspend {name}; propose resuming it instead"))),
                _ => Err(words.refuse(|| format!("{name} is not suspended"))),
            }
        }
        // Progress changes never block an order: on a terminated track they do nothing.
        TrackOp::Progress(_) => Ok(()),
    }
}

/// Resolution order of track operations within the talks phase: halts first, then answers, then
/// new proposals, so simultaneous orders meet a predictable state.
pub fn priority(op: TrackOp) -> u8 {
    match op {
        TrackOp::Terminate => 0,
        TrackOp::Suspend => 1,
        TrackOp::Resume => 2,
        TrackOp::Accept | TrackOp::Reject => 3,
        TrackOp::Propose => 4,
        TrackOp::Progress(_) => 5,
    }
}

/// Carries out a track operation (re-checking it: the state may have moved since the order was
/// accepted, e.g. the other side suspended the track in the same turn).
pub fn operate(ctx: &mut Ctx, actor: Option<ActorId>, track: TrackId, op: TrackOp, cause: &Cause) {
    let scn = ctx.scn;
    let name = scn.track(track).name.clone();
    if let Err(why) = can_operate(&ctx.view(), actor, track, op, Words::Say) {
        ctx.log.consequence_with(
            "track_op_moot",
            || format!("No effect on {name}: {why}."),
            actor,
        );
        return;
    }
    let who = actor.map_or_else(String::new, |a| scn.actor(a).name.clone());
    let turn = ctx.turn();
    match op {
        TrackOp::Propose => {
            let Some(me) = actor else { return };
            let other_pending = ctx
                .dip
                .proposals
                .iter()
                .position(|p| p.track == track && p.from != me);
            if let Some(i) = other_pending {
                ctx.dip.proposals.remove(i);
                ctx.log.consequence_with(
                    "proposals_meet",
                    || format!("Both sides propose on {name} at once: agreement."),
                    actor,
                );
                agree(ctx, track, cause);
            } else {
                ctx.dip.proposals.push(Proposal {
                    track,
                    from: me,
                    turn,
                });
            }
        }
        TrackOp::Accept => {
            let Some(me) = actor else { return };
            ctx.dip
                .proposals
                .retain(|p| !(p.track == track && p.from != me));
            ctx.log.consequence_with(
                "proposal_accepted",
                || format!("{who} accepts the proposal on {name}."),
                actor,
            );
            agree(ctx, track, cause);
        }
        TrackOp::Reject => {
            let Some(me) = actor else { return };
            ctx.dip
                .proposals
                .retain(|p| !(p.track == track && p.from != me));
            ctx.log.consequence_with(
                "proposal_rejected",
                || format!("{who} rejects the proposal on {name}."),
                actor,
            );
        }
        TrackOp::Suspend | TrackOp::Terminate => {
            halt(ctx, actor, track, op == TrackOp::Terminate, cause);
        }
        TrackOp::Resume => {
            let state = &mut ctx.dip.tracks[track.index()];
            state.status = TrackStatus::Active;
            state.halted_by = None;
            state.since = turn;
            ctx.log
                .consequence_with("track_resumed", || format!("{who} resumes {name}."), actor);
            if let Some(me) = actor {
                domestic::backdown(ctx, me, &format!("resuming {name} after halting it"));
            }
        }
        TrackOp::Progress(delta) => {
            if ctx.dip.tracks[track.index()].status == TrackStatus::Terminated {
                return;
            }
            let value = &mut ctx.dip.tracks[track.index()].progress;
            ctx.log
                .change(Metric::Progress(track), value, delta, 0.0, 100.0, cause);
        }
    }
}

/// An agreed proposal: resumes a suspended track, or advances an active one if it may.
fn agree(ctx: &mut Ctx, track: TrackId, cause: &Cause) {
    let scn = ctx.scn;
    let spec = scn.track(track);
    let turn = ctx.turn();
    if ctx.dip.tracks[track.index()].status == TrackStatus::Suspended {
        let state = &mut ctx.dip.tracks[track.index()];
        state.status = TrackStatus::Active;
        state.halted_by = None;
        state.since = turn;
        ctx.log
            .headline_with(|| format!("{} resume by agreement.", spec.name));
        return;
    }
    if let Err(why) = can_advance(&ctx.view(), track) {
        ctx.log.consequence_with(
            "track_blocked",
            || format!("{} cannot advance: {why}.", spec.name),
            None,
        );
        return;
    }
    let before = ctx.dip.tracks[track.index()].progress;
    let step = spec.step * (1.0 + ctx.dip.back_channel * scn.params.back_channel_step_bonus);
    let value = &mut ctx.dip.tracks[track.index()].progress;
    ctx.log
        .change(Metric::Progress(track), value, step, 0.0, 100.0, cause);
    let after = ctx.dip.tracks[track.index()].progress;
    if spec.stage_at(after) != spec.stage_at(before) {
        ctx.log.headline_with(|| {
            format!("{} reach a new stage: {}.", spec.name, spec.stage_at(after))
        });
    }
}

/// Whether a track may gain progress now; the reason if not.
pub fn can_advance(view: &View, track: TrackId) -> Result<(), String> {
    let scn = view.scn;
    let spec = scn.track(track);
    if let Some(&needed) = spec
        .requires_active
        .iter()
        .find(|t| view.dip.tracks[t.index()].status != TrackStatus::Active)
    {
        return Err(format!("it needs {} to be active", scn.track(needed).name));
    }
    if !view.holds(&spec.advance_requires, None) {
        return Err(spec
            .blocked_reason
            .clone()
            .unwrap_or_else(|| super::eval::describe(scn, &spec.advance_requires)));
    }
    Ok(())
}

fn halt(ctx: &mut Ctx, actor: Option<ActorId>, track: TrackId, terminate: bool, cause: &Cause) {
    let scn = ctx.scn;
    let spec = scn.track(track);
    let turn = ctx.turn();
    let state = &mut ctx.dip.tracks[track.index()];
    state.status = if terminate {
        TrackStatus::Terminated
    } else {
        TrackStatus::Suspended
    };
    state.halted_by = actor;
    state.since = turn;
    if terminate {
        let value = &mut ctx.dip.tracks[track.index()].progress;
        ctx.log
            .change(Metric::Progress(track), value, -100.0, 0.0, 100.0, cause);
    }
    ctx.dip.proposals.retain(|p| p.track != track);
    ctx.log.headline_with(|| match actor {
        Some(a) => format!(
            "{} {} {}.",
            scn.actor(a).name,
            if terminate { "terminates" } else { "suspends" },
            spec.name
        ),
        None => format!(
            "{} {}.",
            spec.name,
            if terminate { "end" } else { "are suspended" }
        ),
    });
    let origin = Origin {
        actor,
        ..Origin::default()
    };
    apply_all(ctx, &spec.on_halt, origin, cause);
}

/// The talks step after orders: unanswered proposals lapse, tracks whose prerequisites stopped
/// are halted, active tracks have their per-turn effects, back-channel trust fades.
pub fn upkeep(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let turn = ctx.turn();
    let lapsed: Vec<Proposal> = ctx
        .dip
        .proposals
        .iter()
        .filter(|p| p.turn < turn)
        .cloned()
        .collect();
    ctx.dip.proposals.retain(|p| p.turn >= turn);
    for p in lapsed {
        ctx.log.consequence_with(
            "proposal_lapsed",
            || {
                format!(
                    "{}'s proposal on {} lapses unanswered.",
                    scn.actor(p.from).name,
                    scn.track(p.track).name
                )
            },
            Some(p.from),
        );
    }
    for (i, spec) in scn.tracks.iter().enumerate() {
        let id = TrackId::from_index(i);
        if ctx.dip.tracks[i].status != TrackStatus::Active {
            continue;
        }
        if let Some(&needed) = spec
            .requires_active
            .iter()
            .find(|t| ctx.dip.tracks[t.index()].status != TrackStatus::Active)
        {
            let cause = ctx.log.cause_with(|| {
                Cause::rule(
                    "track_prerequisite",
                    format!("{} needs {}", spec.name, scn.track(needed).name),
                )
            });
            // The side that halted the prerequisite halts this track too.
            let by = ctx.dip.tracks[needed.index()].halted_by;
            halt(ctx, by, id, false, &cause);
            ctx.log.consequence_with(
                "track_prerequisite",
                || format!("{} stop: they need {}.", spec.name, scn.track(needed).name),
                by,
            );
            continue;
        }
        let cause = ctx.log.cause_with(|| Cause {
            source: format!("track:{}", spec.key),
            text: format!("{} continue", spec.name),
        });
        apply_all(ctx, &spec.while_active, Origin::default(), &cause);
    }
    let fade = -ctx.dip.back_channel * scn.params.back_channel_decay;
    let cause = ctx.because("back_channel_decay", "trust fades without contact");
    let value = &mut ctx.dip.back_channel;
    ctx.log
        .change(Metric::BackChannel, value, fade, 0.0, 100.0, &cause);
}
