//! Démarche's simulation core: headless and deterministic.
//!
//! A scenario is loaded from RON files and validated ([`scenario`]); a [`Game`] runs it in its own
//! ECS world, where each turn is an on-demand schedule of chained phases ([`turn`]) over the
//! model's rules ([`rules`]). Sides change the game only by submitting typed orders and learn what
//! happened only from turn reports ([`report`]) and read-only views; a side sees the game only
//! through its [`SideView`], which leaves out what it may not know of the other side. The same scenario, seed and
//! orders always give the same state hashes ([`hash`], [`rng`]).
//!
//! This crate depends on Bevy's ECS and app crates only: no rendering, windowing or assets, so it
//! builds fast and runs in the CLI, batch runs and the AI's look-ahead.

pub mod batch;
pub mod date;
pub mod files;
pub mod game;
pub mod hash;
pub mod ids;
pub mod invariants;
pub mod memo;
pub mod policy;
pub mod record;
pub mod replay;
pub mod report;
pub mod rng;
pub mod rules;
pub mod save;
pub mod scenario;
pub mod side_view;
pub mod state;
pub mod timeline;
pub mod turn;

pub use game::{Game, GameError};
pub use ids::*;
pub use scenario::{Scenario, load};
pub use side_view::{SideSnapshot, SideView};
