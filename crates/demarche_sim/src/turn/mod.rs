//! The turn as an on-demand ECS schedule: phases declared and chained in one place
//! ([`schedule`]), each phase a thin system over the rules ([`systems`]), wired up by
//! [`SimPlugin`].

pub mod plugin;
pub mod schedule;
pub mod systems;

pub use plugin::{ScenarioRes, SimPlugin, TurnOrders, TurnSettings};
pub use schedule::{ResolveTurn, TurnPhase};
