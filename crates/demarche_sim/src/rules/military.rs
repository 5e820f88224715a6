//! Military signalling: forces on the map, the escalation ladder, beliefs about resolve updated
//! by costly signals only (Fearon 1997), and the armed clash that ends the game.

use super::Ctx;
use super::effects::{Origin, apply_all};
use crate::ids::*;
use crate::report::{Cause, Metric, Movement, Provenance, ReportEvent, ReportKind};
use crate::scenario::{SignalKind, Visibility};

/// Moves a force along a path of regions; it stops in the last one. Each region passed counts
/// as military activity there (`active`), except when a force goes home.
pub fn move_force(ctx: &mut Ctx, force: ForceId, path: &[RegionId], active: bool) {
    let Some(&last) = path.last() else { return };
    let from = ctx.mil.forces[force.index()].at;
    if from == last && path.len() == 1 {
        return;
    }
    ctx.mil.forces[force.index()].at = last;
    if active {
        for region in path {
            ctx.log.activity[region.index()] += 1.0;
        }
    }
    ctx.log.movements.push(Movement {
        force,
        from,
        path: path.to_vec(),
    });
}

/// Climbs the ladder to `level` if it is higher than the current rung; the first time a rung is
/// reached its effects apply, and named thresholds crossed make headlines.
pub fn raise_rung(ctx: &mut Ctx, level: u8, by: &str) {
    let scn = ctx.scn;
    let level = level.min(scn.top_rung());
    if level == 0 {
        return;
    }
    if level >= ctx.mil.rung {
        ctx.mil.quiet_turns = 0;
        ctx.log_ladder_touched();
    }
    if level <= ctx.mil.rung {
        return;
    }
    let old = ctx.mil.rung;
    ctx.mil.rung = level;
    let rung = &scn.ladder[usize::from(level)];
    ctx.log.say(ReportEvent {
        id: format!("rung:{level}"),
        text: format!("Escalation: rung {level}, \"{}\" ({by}).", rung.name),
        actor: None,
        kind: ReportKind::Ladder,
        visibility: Visibility::Public,
        concepts: Vec::new(),
        mid: None,
        regions: Vec::new(),
        provenance: Provenance::Model,
    });
    for r in usize::from(old)..usize::from(level) {
        if let Some(threshold) = &scn.ladder[r].threshold
            && !ctx.mil.reached[r + 1]
        {
            ctx.log
                .headline_with(|| format!("The crisis crosses the \"{threshold}\" threshold."));
        }
    }
    for r in usize::from(old) + 1..=usize::from(level) {
        if !ctx.mil.reached[r] {
            ctx.mil.reached[r] = true;
            let cause = Cause {
                source: format!("rung:{r}"),
                text: format!("first time at rung {r} ({})", scn.ladder[r].name),
            };
            apply_all(ctx, &scn.ladder[r].on_reach, Origin::default(), &cause);
        }
    }
    ctx.mil.max_rung = ctx.mil.max_rung.max(level);
}

/// End of turn: after enough quiet turns the ladder eases down one rung.
pub fn ease_ladder(ctx: &mut Ctx) {
    if ctx.log.ladder_touched {
        return;
    }
    // Saturating: a loaded save may hold any count, and at rung 0 the count only grows.
    ctx.mil.quiet_turns = ctx.mil.quiet_turns.saturating_add(1);
    if ctx.mil.rung > 0 && ctx.mil.quiet_turns >= ctx.scn.params.rung_quiet_turns {
        ctx.mil.rung -= 1;
        ctx.mil.quiet_turns = 0;
        let name = ctx.scn.ladder[usize::from(ctx.mil.rung)].name.clone();
        ctx.log.say(ReportEvent {
            id: format!("rung:{}", ctx.mil.rung),
            text: format!("The crisis eases to rung {}, \"{name}\".", ctx.mil.rung),
            actor: None,
            kind: ReportKind::Ladder,
            visibility: Visibility::Public,
            concepts: Vec::new(),
            mid: None,
            regions: Vec::new(),
            provenance: Provenance::Model,
        });
    }
}

/// An armed clash: the top of the ladder, tension at its maximum.
pub fn clash(ctx: &mut Ctx, cause: &Cause) {
    if ctx.mil.clash {
        return;
    }
    ctx.mil.clash = true;
    ctx.log
        .headlines
        .push("Armed clash between the two sides' forces.".into());
    ctx.tension(100.0, cause);
    let top = ctx.scn.top_rung();
    raise_rung(ctx, top, "armed clash");
}

/// Updates each side's belief about the other's resolve from this turn's costly signals and
/// climb-downs. Cheap talk moves nothing.
pub fn update_beliefs(ctx: &mut Ctx) {
    let p = &ctx.scn.params;
    let mut alpha = [0.0f64; 2];
    let mut beta = [0.0f64; 2];
    for &(sender, kind, cost) in &ctx.log.signals {
        let observer = sender.other().index();
        match kind {
            SignalKind::CheapTalk => {}
            SignalKind::SunkCost => alpha[observer] += p.belief_sunk * cost / 10.0,
            SignalKind::TiedHands => alpha[observer] += p.belief_tied * cost,
        }
    }
    for side in Side::BOTH {
        beta[side.other().index()] +=
            p.belief_backdown * f64::from(ctx.log.backdowns[side.index()]);
    }
    for side in Side::BOTH {
        let i = side.index();
        if alpha[i] == 0.0 && beta[i] == 0.0 {
            continue;
        }
        let before = ctx.intel.belief_mean(side) * 100.0;
        let (a, b) = &mut ctx.intel.beliefs[i];
        *a += alpha[i];
        *b += beta[i];
        let after = ctx.intel.belief_mean(side) * 100.0;
        let text = match (alpha[i] > 0.0, beta[i] > 0.0) {
            (true, false) => "costly signals of resolve",
            (false, true) => "the other side backed down",
            _ => "costly signals and climb-downs",
        };
        let mut value = before;
        ctx.log.change(
            Metric::Belief(side),
            &mut value,
            after - before,
            0.0,
            100.0,
            &Cause::rule("beliefs", text),
        );
    }
}

impl Ctx<'_> {
    fn log_ladder_touched(&mut self) {
        self.log.ladder_touched = true;
    }
}
