//! The turn schedule: its phases run in the order declared, once each per turn, and only when a
//! turn is resolved (a turn is a schedule, not a frame).
//!
//! There is no test that the phases could run in parallel: every phase takes the one state
//! resource mutably, because any phase may touch any domain (see `docs/architecture.md`).

mod common;

use bevy_app::App;
use bevy_ecs::prelude::*;
use demarche_sim::state::SimState;
use demarche_sim::turn::{ResolveTurn, SimPlugin, TurnPhase};

/// The phases seen running, in order.
#[derive(Resource, Default)]
struct Seen(Vec<TurnPhase>);

/// An app with the simulation and a tracer in every phase.
fn traced_app() -> App {
    let mut app = App::new();
    app.add_plugins(SimPlugin {
        scenario: common::fixture(),
        seed: 1,
        state: None,
    });
    app.init_resource::<Seen>();
    for phase in TurnPhase::ALL {
        app.add_systems(
            ResolveTurn,
            (move |mut seen: ResMut<Seen>| seen.0.push(phase)).in_set(phase),
        );
    }
    app
}

fn turn(app: &App) -> u32 {
    app.world().resource::<SimState>().clock.turn
}

#[test]
fn the_phases_run_in_their_declared_order_once_per_turn() {
    let mut app = traced_app();
    app.world_mut().run_schedule(ResolveTurn);
    assert_eq!(app.world().resource::<Seen>().0, TurnPhase::ALL.to_vec());
    app.world_mut().run_schedule(ResolveTurn);
    let seen = &app.world().resource::<Seen>().0;
    assert_eq!(seen.len(), 2 * TurnPhase::ALL.len());
    assert_eq!(seen[TurnPhase::ALL.len()..], TurnPhase::ALL);
    assert_eq!(turn(&app), 3);
}

#[test]
fn a_turn_runs_only_on_demand() {
    let mut app = traced_app();
    assert_eq!(turn(&app), 1);
    app.update();
    app.update();
    assert_eq!(turn(&app), 1, "updating the app must not resolve turns");
    assert!(app.world().resource::<Seen>().0.is_empty());
    app.world_mut().run_schedule(ResolveTurn);
    assert_eq!(turn(&app), 2);
}
