//! The memos a side drafts beside its orders ("why these orders?", and a line per order): kept in
//! the session's draft while the side plans, handed to the game with [`demarche_sim::Game::set_memo`]
//! when the side submits (the same path for two players and against the AI), then kept in the
//! turn's report.

use demarche_sim::Scenario;
use demarche_sim::memo::{Memo, OrderMemo};
use demarche_sim::scenario::Order;

/// A side's memo while it plans: the turn's note and one text per drafted order, by the order's
/// place in the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoDraft {
    /// Why these orders, as a whole.
    pub note: String,
    /// Why each order, by its place in the draft (missing entries are blank).
    pub orders: Vec<String>,
}

impl MemoDraft {
    /// Whether the turn's note says something.
    pub fn has_note(&self) -> bool {
        !self.note.trim().is_empty()
    }

    /// The text of the order at `index` in the draft (blank when none).
    pub fn order_text(&self, index: usize) -> &str {
        self.orders.get(index).map_or("", String::as_str)
    }

    /// Sets the text of the order at `index`.
    pub fn set_order_text(&mut self, index: usize, text: String) {
        if self.orders.len() <= index {
            self.orders.resize(index + 1, String::new());
        }
        self.orders[index] = text;
    }

    /// Forgets the text of the order at `index` (the order left the draft); later orders move up.
    pub fn remove_order(&mut self, index: usize) {
        if index < self.orders.len() {
            self.orders.remove(index);
        }
    }

    /// The memo to keep with `orders` (the draft these texts belong to); blank texts are left
    /// out.
    pub fn to_memo(&self, scn: &Scenario, orders: &[Order]) -> Memo {
        Memo {
            note: self.has_note().then(|| self.note.clone()),
            orders: orders
                .iter()
                .enumerate()
                .filter(|(i, _)| !self.order_text(*i).trim().is_empty())
                .map(|(i, order)| OrderMemo {
                    order: scn.raw_order(order),
                    text: self.order_text(i).to_owned(),
                })
                .collect(),
        }
    }

    /// The draft of a memo kept with `orders` (a loaded save's pending memo).
    pub fn from_memo(memo: &Memo, scn: &Scenario, orders: &[Order]) -> MemoDraft {
        MemoDraft {
            note: memo.note.clone().unwrap_or_default(),
            orders: orders
                .iter()
                .map(|o| memo.of_order(&scn.raw_order(o)).unwrap_or("").to_owned())
                .collect(),
        }
    }
}
