//! The second bundled scenario's own tests (Turkey and Russia, November 2015 – September 2016):
//! it loads and validates clean with its own map, holds what its history needs, its historical
//! run plays without a refused order and reaches every milestone of the record within a turn
//! of its real date (the letter and the reopened channel in the turn of 27–29 June 2016, the
//! charters back in the turn of 28 August), it ends without a second exchange of fire, each
//! side can lift the measures it can impose, Moscow's price for the tourists is a promise the
//! game keeps, and its games are deterministic. (The engine's
//! tests run on the made-up fixture; see `common::fixture`.)

mod common;

use std::sync::{Arc, OnceLock};

use demarche_sim::policy::{self, Policy};
use demarche_sim::scenario::{
    Category, Effect, MeasureKind, Order, TrackStatus, When, render_problems,
};
use demarche_sim::{Game, Scenario, Side};

fn dir() -> std::path::PathBuf {
    common::bundled_root().join("turkey_russia_2015")
}

/// The scenario, loaded once.
fn scenario() -> Arc<Scenario> {
    static SCENARIO: OnceLock<Arc<Scenario>> = OnceLock::new();
    SCENARIO.get_or_init(|| common::load(&dir())).clone()
}

fn seed() -> u64 {
    scenario().meta.default_seed
}

/// Plays both sides' record to the end of the game.
fn historical_game(seed: u64) -> Game {
    let mut game = Game::new(scenario(), seed);
    common::play_the_record(&mut game);
    game
}

fn status(game: &Game, track: &str) -> TrackStatus {
    let id = game.scenario().names.tracks[track];
    game.view().dip.tracks[id.index()].status
}

#[test]
fn the_2015_scenario_loads_clean_with_its_own_map() {
    let loaded =
        demarche_sim::load(&dir()).unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        render_problems(&loaded.warnings)
    );
    let scn = &loaded.scenario;
    assert_eq!(scn.meta.id, "turkey_russia_2015");
    let map = dir().join(format!("{}.map.ron", scn.meta.map));
    assert!(map.is_file(), "the map lives in the scenario's folder");
    let text = std::fs::read_to_string(&map).expect("the map file");
    assert!(
        text.contains("Natural Earth"),
        "the map records its provenance"
    );
}

/// Every measure a side can impose, it can also lift (version 2): a measure without a way back
/// is a trap (`docs/model.md` §13.3t). The one exception is on purpose: Russia's end of the
/// visa-free regime did not come back within the game's months, and its track stays for talks.
#[test]
fn each_side_can_lift_every_measure_it_can_impose() {
    let s = scenario();
    let on_purpose = [(
        s.names.actors["RUS"],
        s.names.sectors["turkish_goods"],
        MeasureKind::TravelBan,
    )];
    let lifts: Vec<_> = s
        .actions
        .iter()
        .flat_map(|a| {
            a.effects.iter().filter_map(move |e| match e {
                Effect::Lift { sector, measure } => Some((a, *sector, *measure)),
                _ => None,
            })
        })
        .collect();
    let mut trapped = Vec::new();
    for action in &s.actions {
        for effect in &action.effects {
            let Effect::Impose {
                sector, measure, ..
            } = effect
            else {
                continue;
            };
            for &actor in &action.actors {
                let liftable = lifts.iter().any(|(lift, sec, kind)| {
                    lift.actors.contains(&actor) && sec == sector && kind == measure
                });
                if !liftable && !on_purpose.contains(&(actor, *sector, *measure)) {
                    trapped.push(format!("{} ({measure:?})", action.key));
                }
            }
        }
    }
    assert!(trapped.is_empty(), "no way back from {trapped:?}");
}

/// An order of the 2015 scenario by its action's id and, where it names one, its track's.
fn order(action: &str, track: Option<&str>) -> Order {
    let names = &scenario().names;
    Order {
        action: names.actions[action],
        track: track.map(|t| names.tracks[t]),
        region: None,
    }
}

/// Whether the scenario's event with this id has happened in the game.
fn happened(game: &Game, event: &str) -> bool {
    let id = game.scenario().names.events[event];
    game.view().record.times_happened(id) > 0
}

/// Whether Russia's measure on `sector` of this kind against Turkey is in force.
fn russian_measure(game: &Game, sector: &str, kind: MeasureKind) -> bool {
    let scn = game.scenario();
    let (tur, rus) = (scn.actor_of(Side::First), scn.actor_of(Side::Second));
    let sector = scn.names.sectors[sector];
    game.view().sanc.find(rus, tur, sector, kind).is_some()
}

/// Turn 1: Russia stops the tour sales and grounds the charters. Turn 2: Russia sends `word`
/// through the mediators. Turn 3: Turkey answers with the letter of regret. Returns the game
/// after turn 3.
fn the_letter_answers(word: &str) -> Game {
    let mut game = Game::new(scenario(), seed());
    let mediators = Some("kazakh_mediation");
    game.submit(
        Side::Second,
        vec![
            order("ru_stop_tour_sales", None),
            order("ru_charter_ban", None),
        ],
    )
    .expect("the bans are open to Russia");
    game.resolve().expect("turn 1");
    let letter = order("tr_letter_of_regret", mediators);
    assert!(
        !game.allows(Side::First, &letter, &[]),
        "the letter answers a word from Moscow, and none has come"
    );
    game.submit(Side::Second, vec![order(word, mediators)])
        .expect("the word is open to Russia");
    game.resolve().expect("turn 2");
    game.submit(Side::First, vec![letter])
        .expect("the letter answers Moscow's word");
    game.resolve().expect("turn 3");
    for report in game.history() {
        assert!(
            report.refused.iter().all(Vec::is_empty),
            "turn {}: refused {:?}",
            report.turn,
            report.refused
        );
    }
    game
}

#[test]
fn moscow_s_price_for_the_tourists_is_a_promise_the_game_keeps() {
    // Moscow named its price: the letter brings the tourists back in the same turn, and Russia
    // cannot ground them again without breaking its word.
    let priced = the_letter_answers("ru_set_terms");
    assert!(happened(&priced, "moscow_keeps_its_word"));
    assert_eq!(status(&priced, "charter_flights"), TrackStatus::Active);
    assert!(!russian_measure(
        &priced,
        "tourism",
        MeasureKind::ImportRestriction
    ));
    for ban in ["ru_charter_ban", "ru_stop_tour_sales"] {
        assert!(
            !priced.allows(Side::Second, &order(ban, None), &[]),
            "{ban} after the promise was kept"
        );
    }
    assert!(
        priced.allows(Side::Second, &order("ru_food_ban", None), &[]),
        "the promise was about the tourists, not the tomatoes"
    );
    // A plain word through the mediators: the letter is written, and the bans stay until
    // Moscow lifts them itself.
    let plain = the_letter_answers("talk_propose");
    assert!(!happened(&plain, "moscow_keeps_its_word"));
    assert_eq!(status(&plain, "charter_flights"), TrackStatus::Suspended);
    assert!(russian_measure(
        &plain,
        "tourism",
        MeasureKind::ImportRestriction
    ));
}

#[test]
fn the_2015_scenario_holds_what_its_history_needs() {
    let s = scenario();
    assert!(s.regions.len() >= 12, "{} regions", s.regions.len());
    assert!(s.tracks.len() >= 6, "{} tracks", s.tracks.len());
    for category in Category::ALL {
        let n = s.actions.iter().filter(|a| a.category == category).count();
        assert!(n >= 8, "{category:?}: {n} actions");
    }
    let dated = s
        .events
        .iter()
        .filter(|e| matches!(e.when, When::Dated(d) if (2015..=2016).contains(&d.ymd().0)))
        .count();
    assert!(dated >= 15, "{dated} dated events");
    assert!(
        s.events
            .iter()
            .any(|e| matches!(e.when, When::Random { .. })),
        "random events"
    );
    assert!(
        s.events.iter().any(|e| matches!(e.when, When::Incident(_))),
        "incidents"
    );
    assert!(
        s.events.iter().filter(|e| e.chance.is_some()).count() >= 2,
        "events that branch on the seed"
    );
    assert!(s.milestones.len() >= 10);
    assert!(s.sources.len() >= 100, "{} sources", s.sources.len());
}

#[test]
fn the_historical_run_plays_the_record_without_a_refused_order() {
    let game = historical_game(seed());
    let scn = game.scenario();
    common::assert_played_to_the_end_without_a_refusal(&game);
    let view = game.view();
    assert!(!view.mil.clash, "no second exchange of fire");
    assert!(
        view.mil.max_rung >= 9,
        "the shoot-down opens the game at rung 9"
    );
    // The end state of September 2016: the presidents talk, the charters fly, TurkStream is
    // back on paper, visa-free travel is still suspended and Turkish food still banned.
    assert_eq!(status(&game, "leaders_channel"), TrackStatus::Active);
    assert_eq!(status(&game, "charter_flights"), TrackStatus::Active);
    assert_eq!(status(&game, "turkstream"), TrackStatus::Active);
    assert_eq!(status(&game, "visa_free"), TrackStatus::Suspended);
    let outcome = view
        .status
        .ended
        .map(|o| scn.outcomes[o.index()].key.clone());
    assert_eq!(outcome.as_deref(), Some("step_by_step"));
    // Trade falls with the bans and partly returns with the tourists.
    let start = game.history()[0]
        .changes
        .iter()
        .find(|c| c.metric == demarche_sim::report::Metric::Trade)
        .map(|c| c.before)
        .expect("trade changes in turn 1");
    assert!(
        view.ind.trade < 0.95 * start,
        "{} vs {start}",
        view.ind.trade
    );
}

#[test]
fn the_historical_run_reaches_the_record_s_milestones_within_a_turn() {
    let game = historical_game(seed());
    let comparison = common::assert_the_record_reaches_its_milestones(&game);
    // The letter and the first call fall in the turn of 27–29 June 2016.
    let june = common::turn_of(&game, "2016-06-27");
    let letter = comparison
        .milestones
        .iter()
        .find(|m| m.key == "letter")
        .and_then(|m| m.game_turn);
    assert_eq!(letter, Some(june));
}

#[test]
fn the_historical_run_rarely_clashes_across_seeds() {
    let clashes = common::record_clashes(&scenario(), 1..=12);
    assert!(clashes.len() <= 1, "clashes with seeds {clashes:?}");
}

#[test]
fn games_of_the_2015_scenario_are_deterministic() {
    let play = |seed: u64| {
        let mut game = Game::new(scenario(), seed);
        let mut policies: [Box<dyn Policy>; 2] = [
            policy::builtin("hawk", seed).unwrap(),
            policy::builtin("random", seed + 1).unwrap(),
        ];
        common::play_turns(&mut game, &mut policies, 10)
    };
    assert_eq!(play(5), play(5));
    assert_ne!(play(5), play(6), "another seed, another game");
    let a: Vec<_> = historical_game(seed())
        .history()
        .iter()
        .map(|r| r.hash)
        .collect();
    let b: Vec<_> = historical_game(seed())
        .history()
        .iter()
        .map(|r| r.hash)
        .collect();
    assert_eq!(a, b);
}

#[test]
fn the_sample_inject_file_fits_the_2015_scenario() {
    let scn = scenario();
    let path = dir().join("injects/classroom.ron");
    let (injects, warnings) = demarche_sim::scenario::injects::load_injects(&scn, &path)
        .unwrap_or_else(|e| panic!("{}", render_problems(&e.problems)));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(injects.len(), 3);
    let mut game = Game::new(scn, seed());
    game.add_injects(injects).expect("added");
    common::play_the_record(&mut game);
    assert!(game.has_fired("stranded_tourists") && game.has_fired("mediator_offer"));
}
