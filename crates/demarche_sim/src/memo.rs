//! Memos: a side's written reasons for a turn's orders, kept beside the orders (in the report,
//! saves, replays and debriefs) but never part of the state, so they change no hash.
//!
//! A side's memos are seen by that side and the teacher; the other side sees them only once the
//! game is over ([`crate::report::TurnReport::visible_to`]).

use serde::{Deserialize, Serialize};

use crate::scenario::raw::RawOrder;

/// Longest memo text kept, in characters; longer texts are cut there (with "…").
pub const MAX_MEMO_CHARS: usize = 4000;

/// A side's memos for one turn: one for the turn's orders as a whole and one per order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    /// Why these orders, as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why each order, by the order (an order given twice shares its memo).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orders: Vec<OrderMemo>,
}

/// The memo of one order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderMemo {
    /// The order, as written.
    pub order: RawOrder,
    /// Why.
    pub text: String,
}

impl Memo {
    /// A memo with only a note for the turn.
    pub fn note(text: impl Into<String>) -> Memo {
        Memo {
            note: Some(text.into()),
            orders: Vec::new(),
        }
    }

    /// Whether it says nothing.
    pub fn is_empty(&self) -> bool {
        self.note.is_none() && self.orders.is_empty()
    }

    /// The memo of an order, if it has one.
    pub fn of_order(&self, order: &RawOrder) -> Option<&str> {
        self.orders
            .iter()
            .find(|m| &m.order == order)
            .map(|m| m.text.as_str())
    }

    /// The memo cleaned for keeping: texts trimmed and cut at [`MAX_MEMO_CHARS`], blank texts
    /// dropped.
    pub fn cleaned(self) -> Memo {
        Memo {
            note: self.note.and_then(clean),
            orders: self
                .orders
                .into_iter()
                .filter_map(|m| {
                    clean(m.text).map(|text| OrderMemo {
                        order: m.order,
                        text,
                    })
                })
                .collect(),
        }
    }
}

/// A memo text trimmed and capped; `None` when blank.
fn clean(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().count() <= MAX_MEMO_CHARS {
        return Some(trimmed.to_owned());
    }
    let mut cut: String = trimmed.chars().take(MAX_MEMO_CHARS - 1).collect();
    cut.push('…');
    Some(cut)
}

/// Whether both sides' memos are empty (to leave them out of files).
pub fn both_empty(memos: &[Memo; 2]) -> bool {
    memos.iter().all(Memo::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(action: &str) -> RawOrder {
        RawOrder {
            action: action.into(),
            track: None,
            region: None,
        }
    }

    #[test]
    fn cleaning_trims_drops_blanks_and_caps() {
        let memo = Memo {
            note: Some("  because  ".into()),
            orders: vec![
                OrderMemo {
                    order: order("a"),
                    text: "   ".into(),
                },
                OrderMemo {
                    order: order("b"),
                    text: "x".repeat(MAX_MEMO_CHARS + 10),
                },
            ],
        }
        .cleaned();
        assert_eq!(memo.note.as_deref(), Some("because"));
        assert_eq!(memo.orders.len(), 1);
        assert_eq!(memo.orders[0].text.chars().count(), MAX_MEMO_CHARS);
        assert!(memo.orders[0].text.ends_with('…'));
        assert_eq!(memo.of_order(&order("a")), None);
        assert!(memo.of_order(&order("b")).is_some());
        assert!(Memo::default().cleaned().is_empty());
        assert!(!Memo::note("x").is_empty());
    }
}
