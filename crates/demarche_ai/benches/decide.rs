//! Benchmarks of AI decisions on the 2022 scenario: one decision at each difficulty, from the
//! position after the historical first three turns.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use demarche_ai::{AiSpec, decide};
use demarche_sim::policy::{Historical, Policy};
use demarche_sim::{Game, Scenario, Side};

fn position() -> Game {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/japan_russia_2022");
    let scn: Arc<Scenario> = Arc::new(demarche_sim::load(&dir).expect("scenario").scenario);
    let mut game = Game::new(scn, 2022);
    for _ in 0..3 {
        for side in Side::BOTH {
            let orders = Historical.orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.resolve().unwrap();
    }
    game
}

fn benches(c: &mut Criterion) {
    let game = position();
    for difficulty in ["easy", "normal", "hard"] {
        for side in Side::BOTH {
            let spec: AiSpec = format!("ai:historical:{difficulty}").parse().unwrap();
            let view = game.side_view(side);
            c.bench_function(&format!("decision {difficulty} as {side:?}"), |b| {
                b.iter(|| black_box(decide(&view, &spec, 7).orders.len()))
            });
        }
    }
}

criterion_group! {
    name = ai;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(ai);
