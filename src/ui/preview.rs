//! The expected effects of adding an order, cached per turn and draft: the numbers come from
//! `demarche_ai::preview` (one turn played forward twice from what the side may know, with and
//! without the order), the one preview the classroom host's team page shows too.

use demarche_sim::Side;
use demarche_sim::scenario::Order;

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

/// The expected change of each metric (those that move) when the order is added: the shared
/// preview of `demarche_ai::preview`, which the classroom's team page shows too.
pub fn estimate(session: &Session, side: Side, order: &Order) -> Vec<(String, f64)> {
    demarche_ai::preview::estimate(
        &session.side_view(side),
        &session.drafts[side.index()],
        order,
    )
}
