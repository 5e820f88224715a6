//! The historical policy: what the state really did, turn by turn.

use super::Policy;
use crate::game::Game;
use crate::ids::Side;
use crate::scenario::Order;

/// Gives the scenario's historical orders for the turn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Historical;

impl Policy for Historical {
    fn name(&self) -> String {
        "historical".into()
    }

    fn orders(&mut self, game: &Game, side: Side) -> Vec<Order> {
        game.scenario()
            .historical_orders(side, game.turn())
            .to_vec()
    }
}
