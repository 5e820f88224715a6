//! Trade and what sanctions cost: each measure's cost to its target and to its sender follows
//! from the trade flows it closes, the importer's dependence, adaptation over time and evasion
//! through third countries.

use super::{Ctx, View};
use crate::ids::*;
use crate::report::{Cause, Metric};
use crate::scenario::{Flow, Indicator, MeasureKind, Scenario, SectorKind, TrackStatus};
use crate::state::{SanctionRegime, TrackState};

/// What closes a trade flow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Closure {
    /// Nothing: the flow is open.
    Open,
    /// A measure in force (index into `SanctionRegime::measures`).
    Measure(usize),
    /// A track the flow needs is not active.
    Track(TrackId),
}

/// Whether a measure covers a flow.
pub fn covers(kind: MeasureKind, sender: ActorId, target: ActorId, flow: &Flow) -> bool {
    match kind {
        MeasureKind::ImportRestriction | MeasureKind::AssetFreeze => {
            flow.exporter == target && flow.importer == sender
        }
        MeasureKind::ExportRestriction => flow.exporter == sender && flow.importer == target,
        MeasureKind::TravelBan | MeasureKind::AgreementSuspension => false,
    }
}

/// For each flow: the share still open and what closes the rest.
pub fn open_shares(
    scn: &Scenario,
    sanc: &SanctionRegime,
    tracks: &[TrackState],
) -> Vec<(f64, Closure)> {
    scn.flows
        .iter()
        .map(|flow| {
            if let Some(t) = flow.requires_track
                && tracks[t.index()].status != TrackStatus::Active
            {
                return (0.0, Closure::Track(t));
            }
            sanc.measures
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.sector == flow.sector && covers(m.kind, m.sender, m.target, flow)
                })
                .max_by(|(_, a), (_, b)| a.size.total_cmp(&b.size))
                .map_or((1.0, Closure::Open), |(i, m)| {
                    (1.0 - m.size, Closure::Measure(i))
                })
        })
        .collect()
}

/// Trade between the two sides, billions of the scenario's currency a year, given each flow's open share.
pub fn bilateral_trade(scn: &Scenario, open: &[f64]) -> f64 {
    scn.flows
        .iter()
        .zip(open)
        .filter(|(f, _)| counts_as_trade(scn, f))
        .map(|(f, share)| f.value * share)
        .sum()
}

/// Whether a flow is trade between the two sides (finance is not trade).
pub fn counts_as_trade(scn: &Scenario, flow: &Flow) -> bool {
    scn.sides.contains(&flow.exporter)
        && scn.sides.contains(&flow.importer)
        && scn.sector(flow.sector).kind != SectorKind::Finance
}

/// Share of an actor's lost trade that third countries take over after `turns` turns: grows with
/// its best relation to a state outside the dyad that stands outside the sanctions coalition
/// (a negative relation with every coalition).
pub fn evasion(view: &View, actor: ActorId, turns: u32) -> f64 {
    let scn = view.scn;
    let coalitions: Vec<ActorId> = scn
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == crate::scenario::ActorKind::Coalition)
        .map(|(i, _)| ActorId::from_index(i))
        .collect();
    let best = scn
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (ActorId::from_index(i), a))
        .filter(|(id, a)| {
            *id != actor
                && !scn.sides.contains(id)
                && a.kind == crate::scenario::ActorKind::State
                && coalitions.iter().all(|c| view.ind.relation(*id, *c) < 0.0)
        })
        .map(|(id, _)| view.ind.relation(actor, id))
        .fold(0.0, f64::max);
    let ramp = 1.0 - (-f64::from(turns) / scn.params.evasion_turns).exp();
    scn.params.evasion_max * (best / 100.0) * ramp
}

fn label(scn: &Scenario, sanc: &SanctionRegime, closure: Closure, flow: &Flow) -> String {
    match closure {
        Closure::Open => "trade reopened".into(),
        Closure::Measure(i) => {
            let m = &sanc.measures[i];
            format!(
                "{}'s {} on {}",
                scn.actor(m.sender).name,
                m.kind.label(),
                scn.sector(flow.sector).name
            )
        }
        Closure::Track(t) => format!("{} halted", scn.track(t).name),
    }
}

/// The sanctions step of a turn: updates trade and charges each closed flow's cost to the
/// exporter (lost revenue) and the importer (lost supply, energy stress).
pub fn sanction_costs(ctx: &mut Ctx) {
    let scn = ctx.scn;
    let p = &scn.params;
    let shares = open_shares(scn, ctx.sanc, &ctx.dip.tracks);
    for (i, flow) in scn.flows.iter().enumerate() {
        let (share, closure) = shares[i];
        let old = ctx.sanc.flow_open[i];
        if (share - old).abs() > 1e-12 {
            if counts_as_trade(scn, flow) {
                let cause = ctx.log.cause_with(|| Cause {
                    source: format!("sector:{}", scn.sector(flow.sector).key),
                    text: label(scn, ctx.sanc, closure, flow),
                });
                let mut trade = ctx.ind.trade;
                ctx.log.change(
                    Metric::Trade,
                    &mut trade,
                    flow.value * (share - old),
                    0.0,
                    f64::MAX,
                    &cause,
                );
                ctx.ind.trade = trade;
            }
            ctx.sanc.flow_open[i] = share;
        }
        let closed = 1.0 - share;
        if closed <= 0.0 {
            continue;
        }
        let (since, kind) = match closure {
            Closure::Open => continue,
            Closure::Measure(m) => (ctx.sanc.measures[m].since, Some(ctx.sanc.measures[m].kind)),
            Closure::Track(t) => (ctx.dip.tracks[t.index()].since, None),
        };
        let turns = ctx.turn().saturating_sub(since);
        let adapt = p.adaptation_max * (1.0 - (-f64::from(turns) / flow.adaptation_turns).exp());
        let view = ctx.view();
        let exporter_evasion = evasion(&view, flow.exporter, turns);
        let importer_evasion = evasion(&view, flow.importer, turns);
        // Who chose the closure pays without evasion; the target may evade.
        let (exporter_evades, importer_evades, importer_scale) = match kind {
            Some(MeasureKind::ImportRestriction) => (true, false, 1.0),
            Some(MeasureKind::ExportRestriction) => (false, true, 1.0),
            Some(MeasureKind::AssetFreeze) => (false, false, p.asset_freeze_importer_share),
            _ => (true, false, 1.0),
        };
        let closing = ctx.log.cause_with(|| Cause {
            source: format!("sector:{}", scn.sector(flow.sector).key),
            text: label(scn, ctx.sanc, closure, flow),
        });
        let gdp = scn.actor(flow.exporter).gdp_usd_bn * scn.meta.currency.per_usd;
        let revenue = flow.value * closed * (1.0 - adapt) / gdp
            * p.export_pain_scale
            * (1.0
                - if exporter_evades {
                    exporter_evasion
                } else {
                    0.0
                });
        let supply = flow.importer_dependence
            * flow.criticality
            * closed
            * (1.0 - adapt)
            * p.supply_pain_scale
            * importer_scale
            * (1.0
                - if importer_evades {
                    importer_evasion
                } else {
                    0.0
                });
        charge(ctx, flow.exporter, revenue, &closing, "lost exports");
        charge(ctx, flow.importer, supply, &closing, "lost supply");
        if scn.sector(flow.sector).kind == SectorKind::Energy {
            let stress = p.energy_stress_share
                * flow.importer_dependence
                * flow.criticality
                * closed
                * (1.0 - adapt)
                * p.energy_stress_scale;
            let cause = ctx.log.cause_with(|| Cause {
                source: closing.source.clone(),
                text: format!("{}: energy prices", closing.text),
            });
            ctx.adjust(flow.importer, Indicator::EnergyStress, stress, &cause);
        }
    }
}

/// Charges `pain` to `actor`'s economy for the flow `closing` names, as its `loss`.
fn charge(ctx: &mut Ctx, actor: ActorId, pain: f64, closing: &Cause, loss: &str) {
    if pain <= 1e-9 {
        return;
    }
    let cause = ctx.log.cause_with(|| Cause {
        source: "rule:sanction_costs".into(),
        text: format!("{}: {loss}", closing.text),
    });
    let applied = -ctx.adjust(actor, Indicator::Economy, -pain, &cause);
    if let Some(side) = ctx.scn.side_of(actor) {
        ctx.log.pain[side.index()] += applied;
    }
}
