//! The random policy: up to three available orders, drawn from the game's seeded streams.

use super::{Policy, candidates};
use crate::rng::SimRng;
use crate::scenario::Order;
use crate::side_view::SideView;

/// Picks a few available orders at random.
#[derive(Clone, Debug)]
pub struct RandomPolicy {
    rng: SimRng,
}

impl RandomPolicy {
    /// A random policy whose draws follow `seed`.
    pub fn new(seed: u64) -> RandomPolicy {
        RandomPolicy {
            rng: SimRng { seed },
        }
    }
}

impl Policy for RandomPolicy {
    fn name(&self) -> String {
        "random".into()
    }

    fn orders(&mut self, view: &SideView) -> Vec<Order> {
        let side = view.side();
        let stream = format!("policy:random:{side:?}");
        let mut rng = self.rng.fork(view.turn(), &stream);
        let mut pool = candidates(view);
        let wanted = rng.below(4);
        let mut chosen: Vec<Order> = Vec::new();
        while chosen.len() < wanted && !pool.is_empty() {
            let order = pool.swap_remove(rng.below(pool.len()));
            if view.allows(&order, &chosen) {
                chosen.push(order);
            }
        }
        chosen
    }
}
