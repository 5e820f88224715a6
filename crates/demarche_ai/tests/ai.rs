//! The AI: deterministic, limited to what its side may know, explains every order, and — in its
//! historical personality — takes most of the key steps of 2022 when it plays both sides. The
//! engine-level tests run on the made-up test fixture (`demarche_sim/tests/fixtures/two_rivers`);
//! only the 2022 steps load the bundled scenario.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use demarche_ai::{AiSpec, decide};
use demarche_sim::policy::Policy;
use demarche_sim::scenario::TrackStatus;
use demarche_sim::{Game, Scenario, Side};

/// Loads a scenario folder given relative to the workspace.
fn load(dir: &str) -> Arc<Scenario> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    match demarche_sim::load(&dir) {
        Ok(loaded) => Arc::new(loaded.scenario),
        Err(e) => panic!("{}", demarche_sim::scenario::render_problems(&e.problems)),
    }
}

/// The engine's test fixture, a small made-up scenario.
fn fixture() -> Arc<Scenario> {
    static FIXTURE: OnceLock<Arc<Scenario>> = OnceLock::new();
    FIXTURE
        .get_or_init(|| load("crates/demarche_sim/tests/fixtures/two_rivers"))
        .clone()
}

/// The bundled 2022 scenario, for the test of its own history.
fn scenario_2022() -> Arc<Scenario> {
    static SCENARIO: OnceLock<Arc<Scenario>> = OnceLock::new();
    SCENARIO
        .get_or_init(|| load("scenarios/japan_russia_2022"))
        .clone()
}

fn ai(spec: &str, seed: u64) -> demarche_ai::Ai {
    demarche_ai::Ai::new(spec.parse::<AiSpec>().expect("a valid spec"), seed)
}

/// Plays `turns` turns AI against AI; returns each turn's orders (as strings) and hash.
fn ai_game(
    scn: Arc<Scenario>,
    spec: &str,
    seed: u64,
    turns: u32,
) -> (Game, Vec<(Vec<String>, String)>) {
    let mut game = Game::new(scn.clone(), seed);
    let mut sides = [ai(spec, seed), ai(spec, seed ^ 0x5eed)];
    let mut record = Vec::new();
    for _ in 0..turns {
        if game.is_over() {
            break;
        }
        let mut keys = Vec::new();
        for side in Side::BOTH {
            let orders = sides[side.index()].orders(&game.side_view(side));
            assert_eq!(
                sides[side.index()].reasons().len(),
                orders.len(),
                "one explanation per order"
            );
            keys.extend(
                orders
                    .iter()
                    .map(|o| format!("{side:?}:{}", scn.action(o.action).key)),
            );
            game.submit(side, orders)
                .expect("the AI's orders are available");
        }
        let hash = game.resolve().expect("turn").hash.to_string();
        record.push((keys, hash));
    }
    (game, record)
}

#[test]
fn the_same_seed_gives_the_same_orders_and_hashes() {
    let (_, first) = ai_game(fixture(), "ai:realist:easy", 4, 5);
    let (_, second) = ai_game(fixture(), "ai:realist:easy", 4, 5);
    assert_eq!(first, second);
    assert!(
        first.iter().any(|(orders, _)| !orders.is_empty()),
        "the AI gives orders"
    );
}

#[test]
fn the_ai_decides_only_on_what_its_side_may_know() {
    let scn = fixture();
    let game = Game::new(scn.clone(), 9);
    let spec: AiSpec = "ai:realist:easy".parse().unwrap();
    let base = decide(&game.side_view(Side::First), &spec, 1).orders;

    // The other side's private resolve is not known to the AI: changing it changes nothing.
    let mut state = game.state();
    state.intel.resolve[Side::Second.index()] = 1.0 - state.intel.resolve[Side::Second.index()];
    let altered = Game::resume(scn.clone(), 9, state, Vec::new());
    assert_eq!(
        decide(&altered.side_view(Side::First), &spec, 1).orders,
        base
    );

    // Nor does it see the other side's orders before they resolve.
    let mut with_orders = Game::new(scn.clone(), 9);
    let theirs = scn.historical_orders(Side::Second, 1).to_vec();
    with_orders.submit(Side::Second, theirs).unwrap();
    assert_eq!(
        decide(&with_orders.side_view(Side::First), &spec, 1).orders,
        base
    );
}

#[test]
fn the_historical_personality_takes_most_of_the_key_2022_steps() {
    let scn = scenario_2022();
    let (game, _) = ai_game(
        scn.clone(),
        "ai:historical:easy",
        2022,
        scn.meta.calendar.turns,
    );
    let view = game.view();
    let took = |side: Side, action: &str| {
        view.record
            .times_taken(scn.actor_of(side), scn.names.actions[action])
            > 0
    };
    let track = |key: &str| view.dip.tracks[scn.names.tracks[key].index()].status;
    let moved = game.history().iter().any(|r| !r.movements.is_empty());
    let steps = [
        (
            "Japan's first sanctions package",
            took(Side::First, "jp_package1_debt_dnr"),
        ),
        (
            "Japan joins the SWIFT cut-off",
            took(Side::First, "jp_swift_central_bank"),
        ),
        (
            "Japan phases out Russian coal",
            took(Side::First, "jp_coal_phaseout"),
        ),
        (
            "Russia halts the peace-treaty talks",
            track("peace_treaty") != TrackStatus::Active,
        ),
        (
            "Russia ends the visa-free exchanges",
            track("visa_free") == TrackStatus::Terminated,
        ),
        ("Russian flotillas move through the straits", moved),
        (
            "Russia decrees a new operator for Sakhalin-2",
            took(Side::Second, "ru_sakhalin2_decree"),
        ),
        (
            "Japan keeps its Sakhalin stake",
            track("sakhalin_energy") == TrackStatus::Active,
        ),
        ("no armed clash", !view.mil.clash),
    ];
    let missed: Vec<&str> = steps
        .iter()
        .filter(|(_, done)| !done)
        .map(|(name, _)| *name)
        .collect();
    assert!(missed.len() <= 2, "the historical AI missed {missed:?}");
}

#[test]
fn the_ai_decides_alike_whether_or_not_turn_reports_are_kept() {
    // Batches run in fast mode, which keeps no turn reports; a single run keeps them. The AI
    // reads only the game state, so the same seed gives the same game either way.
    let scn = fixture();
    let play = |fast: bool| {
        let mut game = Game::new(scn.clone(), 31);
        game.set_fast(fast);
        let mut russia = ai("ai:realist:easy", 31);
        let mut japan =
            demarche_sim::policy::RuleBased::new(demarche_sim::policy::Leaning::Hawk, 31);
        let mut hashes = Vec::new();
        for _ in 0..5 {
            let theirs = japan.orders(&game.side_view(Side::First));
            let mine = russia.orders(&game.side_view(Side::Second));
            game.submit(Side::First, theirs).unwrap();
            game.submit(Side::Second, mine).unwrap();
            game.step().expect("turn");
            hashes.push(game.hash());
        }
        hashes
    };
    assert_eq!(play(false), play(true));
}

#[test]
fn the_ai_learns_the_other_sides_style_from_its_conduct() {
    use demarche_ai::opponent::{OpponentModel, Style};
    use demarche_sim::policy::{Historical, Leaning, RuleBased};
    let scn = fixture();
    let after = |japan: &mut dyn Policy| {
        let mut game = Game::new(scn.clone(), 5);
        let mut russia = Historical;
        for _ in 0..4 {
            let theirs = japan.orders(&game.side_view(Side::First));
            let mine = russia.orders(&game.side_view(Side::Second));
            game.submit_unchecked(Side::First, theirs);
            game.submit_unchecked(Side::Second, mine);
            game.step().expect("turn");
        }
        OpponentModel::of_view(&game.side_view(Side::Second))
    };
    let styles =
        |model: &OpponentModel| -> Vec<Style> { (0..6).map(|r| model.style_for(r, 6)).collect() };
    let most = |model: &OpponentModel, style: Style| {
        styles(model).iter().filter(|s| **s == style).count() >= 4
    };

    let hawk = after(&mut RuleBased::new(Leaning::Hawk, 5));
    assert!(most(&hawk, Style::Hawk), "{:?}", hawk.weights());
    let dove = after(&mut RuleBased::new(Leaning::Dove, 5));
    assert!(most(&dove, Style::Dove), "{:?}", dove.weights());
    let record = after(&mut Historical);
    assert!(most(&record, Style::Record), "{:?}", record.weights());
}

#[test]
fn every_personality_of_the_fixture_plays_it_to_the_end() {
    let scn = fixture();
    for personality in &scn.personalities {
        let spec = format!("ai:{}:easy", personality.key);
        let (game, record) = ai_game(scn.clone(), &spec, 3, scn.meta.calendar.turns);
        assert!(game.is_over(), "{spec}: the game ends");
        assert!(
            record.iter().any(|(orders, _)| !orders.is_empty()),
            "{spec}: the AI gives orders"
        );
    }
}

#[test]
fn every_reason_names_only_an_objective_its_order_moves_in_the_look_ahead() {
    let scn = fixture();
    let mut named = 0;
    for seed in [1u64, 2, 3] {
        let mut game = Game::new(scn.clone(), seed);
        let mut sides = [
            ai("ai:realist:easy", seed),
            ai("ai:hawk:easy", seed ^ 0x5eed),
        ];
        while !game.is_over() {
            for side in Side::BOTH {
                let policy = &mut sides[side.index()];
                let orders = policy.orders(&game.side_view(side));
                let decision = policy.last_decision().expect("a decision");
                assert_eq!(decision.attributions.len(), orders.len());
                for ((reason, attribution), order) in decision
                    .reasons
                    .iter()
                    .zip(&decision.attributions)
                    .zip(&orders)
                {
                    let serves = reason.contains("serves our objective");
                    match attribution {
                        Some(a) => {
                            assert!(serves, "an attribution but no objective named: {reason}");
                            let objective = &scn.objectives[a.objective];
                            assert_eq!(objective.side, scn.actor_of(side), "{reason}");
                            assert!(
                                reason.contains(&format!("\"{}\"", objective.name)),
                                "the reason names another objective than the attributed one: {reason}"
                            );
                            assert!(
                                a.points >= demarche_ai::MATERIAL,
                                "{} attributes only {} points: {reason}",
                                scn.action(order.action).key,
                                a.points
                            );
                            named += 1;
                        }
                        None => assert!(!serves, "an objective named without a gain: {reason}"),
                    }
                }
                game.submit_unchecked(side, orders);
            }
            game.step().expect("turn");
        }
    }
    assert!(named > 0, "no reason named an objective in three games");
}

/// Plays one game of the 2022 scenario to its end, `first` against `second` (personalities, at
/// normal), and returns the id of its ending.
fn ending_of(scn: &Arc<Scenario>, first: &str, second: &str, seed: u64) -> String {
    let mut game = Game::new(scn.clone(), seed);
    let mut sides = [
        ai(&format!("ai:{first}:normal"), seed),
        ai(&format!("ai:{second}:normal"), seed ^ 0x5eed),
    ];
    while !game.is_over() {
        for side in Side::BOTH {
            let orders = sides[side.index()].orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        game.step().expect("turn");
    }
    let ending = game.view().status.ended.expect("the game ended");
    scn.outcomes[ending.index()].key.clone()
}

#[test]
fn the_normal_ai_against_itself_reaches_at_least_four_endings_across_the_personalities() {
    // Each of the 4 × 4 pairings of the 2022 scenario's personalities, at normal, on two seeds:
    // the games must not all end alike (the issue asks for at least four outcomes). The games
    // run on scoped threads; the result does not depend on their order.
    let scn = scenario_2022();
    let keys: Vec<&str> = scn.personalities.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys.len(), 4, "four personalities: {keys:?}");
    let games: Vec<(&str, &str, u64)> = keys
        .iter()
        .flat_map(|first| keys.iter().map(move |second| (*first, *second)))
        .flat_map(|(first, second)| [1u64, 2].map(|seed| (first, second, seed)))
        .collect();
    let endings: std::collections::BTreeSet<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = games
            .chunks(games.len().div_ceil(4))
            .map(|chunk| {
                let scn = &scn;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(first, second, seed)| ending_of(scn, first, second, *seed))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a worker"))
            .collect()
    });
    assert!(endings.len() >= 4, "only {endings:?}");
}
