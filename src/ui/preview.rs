//! The expected effects of adding an order: one turn played forward twice from what the side may
//! know (the other side's secrets replaced by estimates, other random draws than the real game),
//! once with the drafted orders and once with the order added. The differences are the preview.

use demarche_sim::report::Metric;
use demarche_sim::rng::SimRng;
use demarche_sim::scenario::{Indicator, Order};
use demarche_sim::{Game, Side};

use crate::session::Session;

/// Cached previews, valid for one turn and one draft.
#[derive(Default)]
pub struct PreviewCache {
    key: Option<(u32, Side, Vec<Order>)>,
    entries: Vec<(Order, Vec<(String, f64)>)>,
}

impl PreviewCache {
    /// The preview of adding `order` to `side`'s draft.
    pub fn get(&mut self, session: &Session, side: Side, order: &Order) -> &[(String, f64)] {
        let key = (
            session.game.turn(),
            side,
            session.drafts[side.index()].clone(),
        );
        if self.key.as_ref() != Some(&key) {
            self.key = Some(key);
            self.entries.clear();
        }
        if let Some(i) = self.entries.iter().position(|(o, _)| o == order) {
            return &self.entries[i].1;
        }
        let deltas = estimate(session, side, order);
        self.entries.push((order.clone(), deltas));
        &self.entries[self.entries.len() - 1].1
    }
}

/// The metrics a preview compares.
fn metrics(session: &Session, side: Side) -> Vec<Metric> {
    let scn = session.scenario();
    let me = scn.actor_of(side);
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
        let id = demarche_sim::ActorId::from_index(i);
        if actor.kind == demarche_sim::scenario::ActorKind::Coalition {
            list.push(Metric::Relation(me.min(id), me.max(id)));
        }
    }
    list
}

fn play(session: &Session, side: Side, orders: Vec<Order>) -> Vec<f64> {
    let scn = session.game.scenario_arc().clone();
    let mut rng = SimRng {
        seed: session.game.seed() ^ 0x9e37_79b9_7f4a_7c15,
    }
    .fork(session.game.turn(), "preview");
    let seen = session.side_view(side);
    let state = demarche_ai::imagined(seen.state(), &scn, side, &mut rng);
    let mut game = Game::resume(
        scn,
        session.game.seed() ^ 0x9e37_79b9_7f4a_7c15,
        state,
        Vec::new(),
    );
    game.set_fast(true);
    game.submit_unchecked(side, orders);
    let _ = game.step();
    metrics(session, side)
        .into_iter()
        .map(|m| demarche_sim::report::metric_value(&game.view(), m))
        .collect()
}

/// The expected change of each metric (those that move) when the order is added.
pub fn estimate(session: &Session, side: Side, order: &Order) -> Vec<(String, f64)> {
    let drafted = session.drafts[side.index()].clone();
    let mut with = drafted.clone();
    with.push(order.clone());
    let before = play(session, side, drafted);
    let after = play(session, side, with);
    let scn = session.scenario();
    let mut out: Vec<(String, f64)> = metrics(session, side)
        .into_iter()
        .zip(before.iter().zip(&after))
        .map(|(m, (b, a))| (m.label(scn), a - b))
        .filter(|(_, d)| d.abs() >= 0.05)
        .collect();
    out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    out.truncate(7);
    out
}
