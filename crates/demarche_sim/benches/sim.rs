//! Benchmarks of the simulation core: loading and validating the scenario, one turn, the same
//! turn schedule with empty systems (so the ratio of real to bare cost is known), and whole
//! headless games with random policies.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use bevy_app::App;
use bevy_ecs::prelude::*;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use demarche_sim::policy::{self, Policy};
use demarche_sim::turn::schedule::turn_schedule;
use demarche_sim::turn::{ResolveTurn, TurnPhase};
use demarche_sim::{Game, Scenario, Side};

fn scenario_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/japan_russia_2022")
}

fn scenario() -> Arc<Scenario> {
    Arc::new(
        demarche_sim::load(&scenario_dir())
            .expect("the bundled scenario loads")
            .scenario,
    )
}

fn random_pair(seed: u64) -> [Box<dyn Policy>; 2] {
    [
        policy::builtin("random", seed).unwrap(),
        policy::builtin("random", seed + 1).unwrap(),
    ]
}

/// A game at turn 6 with both sides' random orders for it submitted.
fn game_at_turn_six(scn: &Arc<Scenario>) -> Game {
    let mut game = Game::new(scn.clone(), 9);
    let mut policies = random_pair(9);
    for _ in 0..6 {
        for side in Side::BOTH {
            let orders = policies[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().unwrap();
    }
    for side in Side::BOTH {
        let orders = policies[side.index()].orders(&game.side_view(side));
        game.submit_unchecked(side, orders);
    }
    game
}

fn empty_system() {}

/// The turn schedule with one empty system per phase.
fn bare_app() -> App {
    let mut app = App::empty();
    app.add_schedule(turn_schedule());
    for phase in TurnPhase::ALL {
        app.add_systems(ResolveTurn, empty_system.in_set(phase));
    }
    app
}

fn benches(c: &mut Criterion) {
    let scn = scenario();
    c.bench_function("load and validate the 2022 scenario", |b| {
        b.iter(|| demarche_sim::load(black_box(&scenario_dir())).unwrap())
    });
    c.bench_function(
        "resolve one turn (turn 7, random orders, report and hash)",
        |b| {
            b.iter_batched(
                || game_at_turn_six(&scn),
                |mut game| black_box(game.resolve().unwrap().hash),
                BatchSize::LargeInput,
            )
        },
    );
    c.bench_function("resolve one turn, fast mode (no report, no hash)", |b| {
        b.iter_batched(
            || {
                let mut g = game_at_turn_six(&scn);
                g.set_fast(true);
                g
            },
            |mut game| black_box(game.step().unwrap()),
            BatchSize::LargeInput,
        )
    });
    let mut bare = bare_app();
    c.bench_function("bare turn schedule (same phases, empty systems)", |b| {
        b.iter(|| bare.world_mut().run_schedule(ResolveTurn))
    });
    c.bench_function("whole headless game, random policies, fast mode", |b| {
        let mut seed = 0;
        b.iter(|| {
            seed += 1;
            let mut policies = random_pair(seed);
            black_box(demarche_sim::batch::play(scn.clone(), seed, &mut policies).turn())
        })
    });
    c.bench_function("state snapshot and hash", |b| {
        let game = game_at_turn_six(&scn);
        b.iter(|| black_box(game.state().hash()))
    });
}

criterion_group! {
    name = sim;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(sim);
