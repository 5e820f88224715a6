//! Firing scenario events: dated history, random events and incidents share one path.

use super::Ctx;
use super::effects::{Origin, apply_all};
use super::military::raise_rung;
use crate::ids::*;
use crate::report::{Cause, Provenance, ReportEvent, ReportKind};
use crate::scenario::{EventKind, Visibility};

/// Fires an event: records it, reports it (saying whether it is the record or a roll of the
/// model's dice), applies its effects and climbs the ladder.
pub fn fire(ctx: &mut Ctx, id: EventId, provenance: Provenance) {
    let scn = ctx.scn;
    let event = scn.event(id);
    *ctx.record.happened.entry(id).or_insert(0) += 1;
    ctx.log.say_with(|| ReportEvent {
        id: format!("event:{}", event.key),
        text: format!("{}: {}", event.name, event.description),
        actor: event.actor,
        kind: ReportKind::Event(event.kind),
        visibility: Visibility::Public,
        concepts: event.concepts.clone(),
        mid: event.mid,
        regions: super::effects::regions_of(scn, &event.effects, None),
        provenance,
    });
    let cause = ctx.log.cause_with(|| Cause {
        source: format!("event:{}", event.key),
        text: event.name.clone(),
    });
    let origin = Origin {
        actor: event.actor,
        ..Origin::default()
    };
    apply_all(ctx, &event.effects, origin, &cause);
    if event.rung > 0 {
        raise_rung(ctx, event.rung, &event.name);
    }
    if event.kind == EventKind::Incident
        && let Some(actor) = event.actor
        && let Some(side) = scn.side_of(actor)
    {
        ctx.log.provocations[side.other().index()] += 1.0;
        super::sanctions::note_escalation(ctx, actor);
    }
}

/// Whether an event's condition holds now.
pub fn ready(ctx: &Ctx, id: EventId) -> bool {
    let event = ctx.scn.event(id);
    ctx.view().holds(&event.condition, event.actor)
}
