//! The historical policy: what the state really did, turn by turn.

use super::Policy;
use crate::scenario::Order;
use crate::side_view::SideView;

/// Gives the scenario's historical orders for the turn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Historical;

impl Policy for Historical {
    fn name(&self) -> String {
        "historical".into()
    }

    fn orders(&mut self, view: &SideView) -> Vec<Order> {
        view.historical_orders().to_vec()
    }
}
