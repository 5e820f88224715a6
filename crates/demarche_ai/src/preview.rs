//! The expected effects of adding an order to a side's draft: one turn played forward twice
//! from what the side may know (its [`SideView`], the other side's secrets replaced by
//! estimates through [`crate::imagined`], other random draws than the real game's), once with
//! the drafted orders and once with the order added. The differences are the preview.
//!
//! The window's action panel and the classroom host's team page both show these numbers; this
//! is their one source.

use demarche_sim::report::{Metric, metric_value};
use demarche_sim::rng::SimRng;
use demarche_sim::scenario::{ActorKind, Indicator, Order};
use demarche_sim::{ActorId, Game, SideView};

/// Changes smaller than this (in the metric's own units) are not shown.
pub const THRESHOLD: f64 = 0.05;

/// At most this many changes are shown, the largest first.
pub const MOST: usize = 7;

/// Mixed into the game's seed so that a preview's draws are not the real game's.
const PREVIEW_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// The metrics a preview compares for the view's side: its own approval, economy, energy
/// stress and standing, the other side's economy and approval, tension, trade, the other
/// side's estimate of this side's resolve, and this side's relation with each coalition.
pub fn metrics(view: &SideView) -> Vec<Metric> {
    let scn = view.scenario();
    let side = view.side();
    let me = view.actor();
    let other = scn.actor_of(side.other());
    let mut list = vec![
        Metric::Actor(me, Indicator::Approval),
        Metric::Actor(me, Indicator::Economy),
        Metric::Actor(me, Indicator::EnergyStress),
        Metric::Actor(me, Indicator::Standing),
        Metric::Actor(other, Indicator::Economy),
        Metric::Actor(other, Indicator::Approval),
        Metric::Tension,
        Metric::Trade,
        Metric::Belief(side.other()),
    ];
    for (i, actor) in scn.actors.iter().enumerate() {
        let id = ActorId::from_index(i);
        if actor.kind == ActorKind::Coalition {
            list.push(Metric::Relation(me.min(id), me.max(id)));
        }
    }
    list
}

/// The value of each of [`metrics`] after one turn played forward from the view with `orders`
/// for its side (the other side gives none).
fn play(view: &SideView, metrics: &[Metric], orders: Vec<Order>) -> Vec<f64> {
    let scn = view.scenario_arc().clone();
    let seed = view.game_seed() ^ PREVIEW_SEED;
    let mut rng = SimRng { seed }.fork(view.turn(), "preview");
    let state = crate::imagined(view.state(), &scn, view.side(), &mut rng);
    let mut game = Game::resume(scn, seed, state, Vec::new());
    game.set_fast(true);
    game.submit_unchecked(view.side(), orders);
    let _ = game.step();
    let world = game.view();
    metrics.iter().map(|m| metric_value(&world, *m)).collect()
}

/// The previews of one draft: the turn played once with the drafted orders, then once per
/// order asked about, so that several orders' previews cost one play each.
pub struct Previewer<'v> {
    view: &'v SideView,
    drafted: Vec<Order>,
    metrics: Vec<Metric>,
    before: Vec<f64>,
}

impl<'v> Previewer<'v> {
    /// Plays the turn forward with `drafted`, the side's orders so far.
    pub fn new(view: &'v SideView, drafted: &[Order]) -> Previewer<'v> {
        let metrics = metrics(view);
        let before = play(view, &metrics, drafted.to_vec());
        Previewer {
            view,
            drafted: drafted.to_vec(),
            metrics,
            before,
        }
    }

    /// The expected change of each metric that moves by at least [`THRESHOLD`] when `order`
    /// is added to the draft, labelled for people, the largest first, at most [`MOST`].
    pub fn estimate(&self, order: &Order) -> Vec<(String, f64)> {
        let mut with = self.drafted.clone();
        with.push(order.clone());
        let after = play(self.view, &self.metrics, with);
        let scn = self.view.scenario();
        let mut out: Vec<(String, f64)> = self
            .metrics
            .iter()
            .zip(self.before.iter().zip(&after))
            .map(|(m, (b, a))| (m.label(scn), a - b))
            .filter(|(_, d)| d.abs() >= THRESHOLD)
            .collect();
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        out.truncate(MOST);
        out
    }
}

/// The expected change of each metric (those that move) when `order` is added to `drafted`,
/// the side's orders so far: [`Previewer::estimate`] for one order.
pub fn estimate(view: &SideView, drafted: &[Order], order: &Order) -> Vec<(String, f64)> {
    Previewer::new(view, drafted).estimate(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> std::sync::Arc<demarche_sim::Scenario> {
        crate::two_rivers()
    }

    #[test]
    fn a_preview_is_the_same_for_the_same_view_and_some_order_moves_something() {
        let game = Game::new(fixture(), 7);
        let view = game.side_view(demarche_sim::Side::First);
        let candidates = view.candidates();
        let previewer = Previewer::new(&view, &[]);
        let moved: Vec<_> = candidates
            .iter()
            .map(|o| previewer.estimate(o))
            .filter(|d| !d.is_empty())
            .collect();
        assert!(!moved.is_empty(), "no order of the fixture moves anything");
        let order = &candidates[0];
        assert_eq!(estimate(&view, &[], order), previewer.estimate(order));
        for deltas in &moved {
            assert!(deltas.len() <= MOST);
            assert!(deltas.iter().all(|(_, d)| d.abs() >= THRESHOLD));
            assert!(deltas.windows(2).all(|w| w[0].1.abs() >= w[1].1.abs()));
        }
    }
}
