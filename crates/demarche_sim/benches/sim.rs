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

/// Every file of the fixture scenario, with `extra` more sources and `extra` more glossary
/// concepts (each citing one of the new sources, the first `typos` of them misspelt): `2 × extra`
/// entries in the large lists.
fn large_fixture(extra: usize, typos: usize) -> std::collections::BTreeMap<String, Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two_rivers");
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    let append = |files: &mut std::collections::BTreeMap<String, Vec<u8>>,
                  name: &str,
                  item: &dyn Fn(usize) -> String| {
        let text = String::from_utf8(files[name].clone()).unwrap();
        let end = text.rfind(']').unwrap();
        let mut out = text[..end].to_owned();
        for i in 0..extra {
            out.push_str(&item(i));
        }
        out.push_str("]\n");
        files.insert(name.to_owned(), out.into_bytes());
    };
    append(&mut files, "sources.ron", &|i| {
        format!("    (key: \"bench-source-{i}\", citation: \"A bench source.\"),\n")
    });
    append(&mut files, "glossary.ron", &|i| {
        // The first `typos` concepts cite a misspelt source: unknown references to report.
        let source = if i < typos {
            "bench-sourse"
        } else {
            "bench-source"
        };
        format!(
            "    (id: \"bench_concept_{i}\", term: \"T\", definition: \"D\", in_game: \"G\", source: [\"{source}-{i}\"]),\n"
        )
    });
    files
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
    let large = large_fixture(50_000, 0);
    let misspelt = large_fixture(50_000, 10_000);
    c.bench_function(
        "validate 100,000 list entries with 10,000 unknown references",
        |b| {
            b.iter_batched(
                || misspelt.clone(),
                |files| black_box(demarche_sim::scenario::load_files("large", files).unwrap_err()),
                BatchSize::LargeInput,
            )
        },
    );
    c.bench_function(
        "load and validate 100,000 list entries (the fixture + 50,000 sources and concepts)",
        |b| {
            b.iter_batched(
                || large.clone(),
                |files| black_box(demarche_sim::scenario::load_files("large", files).unwrap()),
                BatchSize::LargeInput,
            )
        },
    );
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
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(sim);
