//! The turn schedule: its phases are chained in one place and it has no ambiguities.

mod common;

use bevy_app::App;
use demarche_sim::turn::{ResolveTurn, SimPlugin, TurnPhase};

#[test]
fn the_turn_schedule_builds_without_ambiguities() {
    let mut app = App::empty();
    app.add_plugins(SimPlugin {
        scenario: common::fixture(),
        seed: 1,
        state: None,
    });
    let result = app
        .world_mut()
        .schedule_scope(ResolveTurn, |world, schedule| {
            schedule.initialize(world).map(|_| schedule.systems_len())
        });
    let systems = result.unwrap_or_else(|e| panic!("the turn schedule does not build: {e:?}"));
    assert!(systems >= TurnPhase::ALL.len(), "{systems} systems");
}

#[test]
fn a_turn_runs_only_on_demand() {
    let mut app = App::new();
    app.add_plugins(SimPlugin {
        scenario: common::fixture(),
        seed: 1,
        state: None,
    });
    let turn = |app: &App| app.world().resource::<demarche_sim::state::Clock>().turn;
    assert_eq!(turn(&app), 1);
    app.update();
    app.update();
    assert_eq!(turn(&app), 1, "updating the app must not resolve turns");
    app.world_mut().run_schedule(ResolveTurn);
    assert_eq!(turn(&app), 2);
}
