//! Rule-based policies: a hawk that climbs and punishes, a dove that talks and de-escalates.
//! They are simple on purpose: sparring partners for the AI and baselines for batch runs.

use super::{Policy, candidates};
use crate::rng::SimRng;
use crate::scenario::{Category, Effect, Order, Stance, TrackOp};
use crate::side_view::SideView;

/// Which way a rule-based policy leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leaning {
    /// Escalates: sanctions, shows of force, rejects proposals.
    Hawk,
    /// De-escalates: proposals, acceptances, back-channels, restraint.
    Dove,
}

/// A rule-based policy.
#[derive(Clone, Debug)]
pub struct RuleBased {
    leaning: Leaning,
    rng: SimRng,
}

impl RuleBased {
    /// A policy of this leaning whose tie-breaks follow `seed`.
    pub fn new(leaning: Leaning, seed: u64) -> RuleBased {
        RuleBased {
            leaning,
            rng: SimRng { seed },
        }
    }

    /// How much this policy likes an order (higher is better; below zero it is skipped).
    fn appeal(&self, view: &SideView, order: &Order) -> f64 {
        let action = view.scenario().action(order.action);
        let track_ops: Vec<TrackOp> = action
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::Track(_, op) => Some(*op),
                _ => None,
            })
            .collect();
        let rung = f64::from(action.rung);
        match self.leaning {
            Leaning::Hawk => {
                let mut score = match action.stance {
                    Stance::Hawkish => 2.0 + 0.3 * rung,
                    Stance::Neutral => 0.2,
                    Stance::Dovish => -3.0,
                };
                if track_ops.contains(&TrackOp::Reject) || track_ops.contains(&TrackOp::Suspend) {
                    score += 1.0;
                }
                if track_ops.contains(&TrackOp::Accept) || track_ops.contains(&TrackOp::Resume) {
                    score -= 3.0;
                }
                score
            }
            Leaning::Dove => {
                let mut score = match action.stance {
                    Stance::Dovish => 2.0,
                    Stance::Neutral => 0.3,
                    Stance::Hawkish => -2.0 - 0.3 * rung,
                };
                if track_ops.contains(&TrackOp::Accept) || track_ops.contains(&TrackOp::Propose) {
                    score += 1.5;
                }
                if track_ops.contains(&TrackOp::Suspend) || track_ops.contains(&TrackOp::Terminate)
                {
                    score -= 3.0;
                }
                if action.category == Category::Military {
                    score -= 1.0;
                }
                score
            }
        }
    }
}

impl Policy for RuleBased {
    fn name(&self) -> String {
        match self.leaning {
            Leaning::Hawk => "hawk".into(),
            Leaning::Dove => "dove".into(),
        }
    }

    fn orders(&mut self, view: &SideView) -> Vec<Order> {
        let side = view.side();
        let stream = format!("policy:{}:{side:?}", self.name());
        // Each order's tie-break is its own keyed draw, not the next of a sequence: whether
        // another order is open this turn never changes how this one ranks (see
        // `SimRng::keyed`).
        let keyed = self.rng.keyed(view.turn(), &stream);
        let mut scored: Vec<(f64, Order)> = candidates(view)
            .into_iter()
            .map(|o| {
                let draw = keyed.unit(order_key(&o));
                (self.appeal(view, &o) + draw, o)
            })
            .filter(|(score, _)| *score > 0.5)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut chosen: Vec<Order> = Vec::new();
        for (_, order) in scored {
            if chosen.len() >= 3 {
                break;
            }
            if view.allows(&order, &chosen) {
                chosen.push(order);
            }
        }
        chosen
    }
}

/// A key that tells orders apart: the action's, the track's and the region's indexes.
fn order_key(order: &Order) -> u64 {
    let part = |i: Option<usize>| i.map_or(0xffff, |i| i as u64 & 0xffff);
    (order.action.index() as u64) << 32
        | part(order.track.map(|t| t.index())) << 16
        | part(order.region.map(|r| r.index()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ActionId;
    use crate::policy::orders_of;

    /// Each order of the fixture gets a key of its own, so its keyed draw is its own too.
    #[test]
    fn every_order_has_its_own_tie_break() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two_rivers");
        let scn = crate::load(&dir)
            .expect("the engine's test fixture")
            .scenario;
        let orders: Vec<Order> = (0..scn.actions.len())
            .flat_map(|a| orders_of(&scn, ActionId::from_index(a)))
            .collect();
        let mut keys: Vec<u64> = orders.iter().map(order_key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), orders.len(), "two orders share a key");
    }
}
