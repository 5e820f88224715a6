//! Sanction measures: imposing, tightening, threatening, lifting, and what happens to threats at
//! their deadline (after the TIES data set: many threats work, or fail, before any imposition).

use super::{Ctx, domestic};
use crate::ids::*;
use crate::scenario::MeasureKind;
use crate::state::{Episode, EpisodeOutcome, Measure, Threat};

/// Imposes a measure, or tightens one in force to a larger size.
#[allow(clippy::too_many_arguments)]
pub fn impose(
    ctx: &mut Ctx,
    sender: ActorId,
    target: ActorId,
    sector: SectorId,
    kind: MeasureKind,
    size: f64,
    severity: f64,
    action: Option<ActionId>,
) {
    let turn = ctx.turn();
    let scn = ctx.scn;
    let key = |m: &Measure| (m.sender, m.target, m.sector, m.kind);
    match ctx
        .sanc
        .measures
        .iter_mut()
        .find(|m| key(m) == (sender, target, sector, kind))
    {
        Some(m) => {
            if size > m.size || severity > m.severity {
                // The newly covered share has not adapted yet: the measure's age becomes the
                // size-weighted mean of the old part's age and zero.
                if size > m.size {
                    let age = f64::from(turn.saturating_sub(m.since)) * m.size / size;
                    m.since = turn.saturating_sub(age.round() as u32);
                }
                m.size = m.size.max(size);
                m.severity = m.severity.max(severity);
                let what = match kind {
                    MeasureKind::TravelBan | MeasureKind::AgreementSuspension => {
                        kind.label().to_owned()
                    }
                    _ => format!("{} on {}", kind.label(), scn.sector(sector).name),
                };
                ctx.log.consequence_with(
                    "sanction_tightened",
                    || format!("{} widens its {what}.", scn.actor(sender).name),
                    Some(sender),
                );
            }
        }
        None => {
            ctx.sanc.add(Measure {
                sender,
                target,
                sector,
                kind,
                size,
                severity,
                since: turn,
                action,
            });
        }
    }
    // A threat of this measure is now carried out.
    let mut carried = Vec::new();
    ctx.sanc.threats.retain(|t| {
        let done = t.sender == sender && t.target == target && t.sector == sector && t.kind == kind;
        if done {
            carried.push(t.clone());
        }
        !done
    });
    for t in carried {
        close(ctx, &t, EpisodeOutcome::ImposedAfterThreat);
    }
}

/// Threatens a measure: it must be imposed by the deadline if the target defies it.
#[allow(clippy::too_many_arguments)]
pub fn threaten(
    ctx: &mut Ctx,
    sender: ActorId,
    target: ActorId,
    sector: SectorId,
    kind: MeasureKind,
    size: f64,
    severity: f64,
    deadline: u32,
    action: Option<ActionId>,
) {
    let turn = ctx.turn();
    if ctx.sanc.find(sender, target, sector, kind).is_some() {
        return;
    }
    // A threat already open stands as it was issued: saying it again neither moves its
    // deadline nor forgives a defiance (else a bluff renewed every turn would never come due).
    if ctx
        .sanc
        .threats
        .iter()
        .any(|t| t.sender == sender && t.target == target && t.sector == sector && t.kind == kind)
    {
        return;
    }
    ctx.sanc.threats.push(Threat {
        sender,
        target,
        sector,
        kind,
        size,
        severity,
        issued: turn,
        deadline: turn + deadline,
        defied: false,
        action,
    });
}

/// Lifts a measure in force. Lifting without a settlement is backing down.
pub fn lift(ctx: &mut Ctx, sender: ActorId, target: ActorId, sector: SectorId, kind: MeasureKind) {
    let before = ctx.sanc.measures.len();
    ctx.sanc.measures.retain(|m| {
        !(m.sender == sender && m.target == target && m.sector == sector && m.kind == kind)
    });
    if ctx.sanc.measures.len() == before {
        return;
    }
    let turn = ctx.turn();
    ctx.sanc.episodes.push(Episode {
        sender,
        target,
        sector,
        kind,
        turn,
        outcome: EpisodeOutcome::SenderCapitulatedAfterImposition,
    });
    let text = format!(
        "{} lifts its {} on {}",
        ctx.scn.actor(sender).name,
        kind.label(),
        ctx.scn.sector(sector).name
    );
    domestic::backdown(ctx, sender, &text);
}

/// Marks open threats against `actor` as defied when it escalates against their sender.
pub fn note_escalation(ctx: &mut Ctx, actor: ActorId) {
    for threat in ctx.sanc.threats.iter_mut().filter(|t| t.target == actor) {
        threat.defied = true;
    }
}

/// Closes threats whose deadline has passed: complied with (the sender gains), or defied and not
/// carried out (the sender loses face and credibility).
pub fn resolve_threats(ctx: &mut Ctx) {
    let turn = ctx.turn();
    let (due, open): (Vec<Threat>, Vec<Threat>) =
        ctx.sanc.threats.drain(..).partition(|t| t.deadline <= turn);
    ctx.sanc.threats = open;
    for threat in due {
        if threat.defied {
            close(ctx, &threat, EpisodeOutcome::SenderCapitulatedAtThreat);
            let text = format!(
                "{} did not carry out its threatened {} on {}",
                ctx.scn.actor(threat.sender).name,
                threat.kind.label(),
                ctx.scn.sector(threat.sector).name
            );
            domestic::backdown(ctx, threat.sender, &text);
        } else {
            close(ctx, &threat, EpisodeOutcome::AcquiescenceToThreat);
            let cause = ctx.because(
                "threat_worked",
                "a threat that worked without being carried out",
            );
            ctx.adjust(
                threat.sender,
                crate::scenario::Indicator::Standing,
                ctx.scn.params.threat_success_standing,
                &cause,
            );
            if let Some(side) = ctx.scn.side_of(threat.sender) {
                ctx.log.signals.push((
                    side,
                    crate::scenario::SignalKind::TiedHands,
                    ctx.scn.params.threat_success_signal,
                ));
            }
        }
    }
}

fn close(ctx: &mut Ctx, threat: &Threat, outcome: EpisodeOutcome) {
    let turn = ctx.turn();
    ctx.sanc.episodes.push(Episode {
        sender: threat.sender,
        target: threat.target,
        sector: threat.sector,
        kind: threat.kind,
        turn,
        outcome,
    });
    let scn = ctx.scn;
    ctx.log.consequence_with(
        "threat_closed",
        || {
            format!(
                "Threat by {} of a {} on {}: {}.",
                scn.actor(threat.sender).name,
                threat.kind.label(),
                scn.sector(threat.sector).name,
                outcome.label()
            )
        },
        Some(threat.sender),
    );
}
