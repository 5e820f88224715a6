//! Policies: who gives a side's orders when no person does. `historical` replays the record,
//! `random` picks among what is available, `hawk` and `dove` follow simple rules (and spar with the
//! AI, which lives in its own crate and uses the same [`Policy`] trait). A policy sees only its
//! side's [`SideView`].

mod fixed;
mod historical;
mod random;
mod rule_based;

pub use fixed::{FixedPlan, PREFIX as PLAN_PREFIX, PlanSpec};
pub use historical::Historical;
pub use random::RandomPolicy;
pub use rule_based::{Leaning, RuleBased};

use crate::ids::*;
use crate::scenario::{Order, Scenario, Target};
use crate::side_view::SideView;

/// Chooses a side's orders each turn.
pub trait Policy: Send {
    /// Name for reports, e.g. `hawk`.
    fn name(&self) -> String;

    /// The orders for this turn, chosen from what the side sees (its [`SideView`]).
    fn orders(&mut self, view: &SideView) -> Vec<Order>;

    /// Why the last orders were chosen, one sentence per order (empty when the policy does not
    /// explain itself).
    fn reasons(&self) -> Vec<String> {
        Vec::new()
    }

    /// The memo the policy leaves with its last orders, as a player's memo: by default its
    /// reasons joined, or nothing when it does not explain itself.
    fn memo(&self) -> Option<String> {
        let reasons = self.reasons();
        (!reasons.is_empty()).then(|| reasons.join(" "))
    }

    /// Milliseconds the last decision took, for policies that search.
    fn decision_ms(&self) -> Option<f64> {
        None
    }
}

/// Every order the view's side could give now on its own (each action with each target it may
/// name).
pub fn candidates(view: &SideView) -> Vec<Order> {
    view.candidates()
}

/// Every order of one action, one per target its target list allows (all tracks or regions
/// when the list is empty), whether or not it is available now.
pub fn orders_of(scn: &Scenario, id: ActionId) -> Vec<Order> {
    match &scn.action(id).target {
        Target::Nothing => vec![Order::plain(id)],
        Target::Track(allowed) => {
            let all: Vec<TrackId> = (0..scn.tracks.len()).map(TrackId::from_index).collect();
            let list = if allowed.is_empty() { &all } else { allowed };
            list.iter()
                .map(|&t| Order {
                    action: id,
                    track: Some(t),
                    region: None,
                })
                .collect()
        }
        Target::Region(allowed) => {
            let all: Vec<RegionId> = (0..scn.regions.len()).map(RegionId::from_index).collect();
            let list = if allowed.is_empty() { &all } else { allowed };
            list.iter()
                .map(|&r| Order {
                    action: id,
                    track: None,
                    region: Some(r),
                })
                .collect()
        }
    }
}

/// Why a policy name was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown policy `{0}`: expected `historical`, `random`, `hawk`, `dove` or `plan:ACTION[@TARGET]+…`"
)]
pub struct UnknownPolicy(pub String);

/// A built-in policy by name.
pub fn builtin(name: &str, seed: u64) -> Result<Box<dyn Policy>, UnknownPolicy> {
    match name {
        "historical" => Ok(Box::new(Historical)),
        "random" => Ok(Box::new(RandomPolicy::new(seed))),
        "hawk" => Ok(Box::new(RuleBased::new(Leaning::Hawk, seed))),
        "dove" => Ok(Box::new(RuleBased::new(Leaning::Dove, seed))),
        other if other.starts_with(fixed::PREFIX) => {
            let spec = PlanSpec::parse(&other[fixed::PREFIX.len()..])
                .map_err(|_| UnknownPolicy(other.to_owned()))?;
            Ok(Box::new(FixedPlan::new(spec)))
        }
        other => Err(UnknownPolicy(other.to_owned())),
    }
}
