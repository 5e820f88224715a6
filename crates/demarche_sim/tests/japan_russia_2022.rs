//! The bundled 2022 scenario's own tests: it validates clean and holds what its history needs,
//! and its historical run gives the 2022 consequences: talks suspended in the turn of 21 March,
//! the end of visa-free exchanges, the sanctions packages, the flotillas and the incursion, Japan
//! keeping Sakhalin-2 LNG, trade falling, tension rising without a clash. (The engine's tests run
//! on the made-up fixture instead; see `common::fixture`.)

mod common;

use demarche_sim::report::{ReportKind, TurnReport};
use demarche_sim::scenario::{Category, TrackStatus, render_problems};
use demarche_sim::{Game, Side};

#[test]
fn every_bundled_scenario_validates_clean() {
    let mut dirs: Vec<_> = std::fs::read_dir(common::bundled_root())
        .expect("the scenarios folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|dir| dir.join("scenario.ron").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no bundled scenario");
    for dir in dirs {
        let loaded = demarche_sim::load(&dir)
            .unwrap_or_else(|e| panic!("{}: {}", dir.display(), render_problems(&e.problems)));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {}",
            dir.display(),
            render_problems(&loaded.warnings)
        );
    }
}

#[test]
fn the_2022_scenario_holds_what_its_history_needs() {
    let s = common::scenario();
    assert!(s.regions.len() >= 10);
    assert!(s.tracks.len() >= 5);
    for category in Category::ALL {
        let n = s.actions.iter().filter(|a| a.category == category).count();
        let needed = if category == Category::Diplomatic {
            4
        } else {
            8
        };
        assert!(n >= needed, "{category:?}: {n} actions");
    }
    let dated = s
        .events
        .iter()
        .filter(|e| matches!(e.when, demarche_sim::scenario::When::Dated(d) if d.ymd().0 == 2022))
        .count();
    assert!(dated >= 10, "{dated} dated 2022 events");
    assert!(
        s.events
            .iter()
            .any(|e| matches!(e.when, demarche_sim::scenario::When::Random { .. }))
    );
}

fn historical_game(seed: u64) -> Game {
    let mut game = Game::new(common::scenario(), seed);
    common::play_the_record(&mut game);
    game
}

fn track(game: &Game, key: &str) -> demarche_sim::TrackId {
    game.scenario().names.tracks[key]
}

fn report(game: &Game, turn: u32) -> &TurnReport {
    &game.history()[turn as usize - 1]
}

#[test]
fn the_historical_run_follows_the_2022_record() {
    let game = historical_game(game_seed());
    let scn = game.scenario();
    common::assert_played_to_the_end_without_a_refusal(&game);

    // Talks suspended in the turn that contains 21 March 2022.
    let halt = common::turn_of(&game, "2022-03-21");
    let peace = track(&game, "peace_treaty");
    let suspended_in = game
        .history()
        .iter()
        .find(|r| {
            r.headlines
                .iter()
                .any(|h| h.contains(&scn.track(peace).name) && h.contains("suspends"))
        })
        .map(|r| r.turn);
    assert_eq!(
        suspended_in,
        Some(halt),
        "peace-treaty talks suspended in turn {halt}"
    );

    // Visa-free exchanges ended (terminated in September).
    let visa = track(&game, "visa_free");
    assert_eq!(
        game.view().dip.tracks[visa.index()].status,
        TrackStatus::Terminated
    );
    let ended_in = game
        .history()
        .iter()
        .find(|r| {
            r.headlines
                .iter()
                .any(|h| h.contains(&scn.track(visa).name) && h.contains("terminates"))
        })
        .map(|r| r.turn);
    assert_eq!(ended_in, Some(common::turn_of(&game, "2022-09-05")));

    // Japan keeps Sakhalin-2 LNG.
    let sakhalin = track(&game, "sakhalin_energy");
    assert_eq!(
        game.view().dip.tracks[sakhalin.index()].status,
        TrackStatus::Active
    );

    // The sanctions packages: Japan imposes measures from the first turn on.
    let japan_sanctions = |r: &TurnReport| {
        r.events
            .iter()
            .filter(|e| {
                e.kind == ReportKind::Order(Category::Sanctions)
                    && e.actor == Some(scn.actor_of(Side::First))
            })
            .count()
    };
    assert!(
        japan_sanctions(report(&game, 1)) >= 2,
        "the first packages in turn 1"
    );
    let total: usize = game.history().iter().map(japan_sanctions).sum();
    assert!(total >= 8, "{total} Japanese sanction orders over the year");

    // The incursion (MID 12, border violation) in the turn of 2 March, flotillas in March.
    let incursion = report(&game, common::turn_of(&game, "2022-03-02"));
    assert!(
        incursion.events.iter().any(|e| e.mid == Some(12)),
        "the airspace incursion"
    );
    let flotillas = report(&game, common::turn_of(&game, "2022-03-10"));
    assert!(
        !flotillas.movements.is_empty(),
        "the March flotillas move on the map"
    );

    // Trade falls; tension rises but there is no clash.
    let view = game.view();
    let start_trade = game.history()[0]
        .changes
        .iter()
        .find(|c| c.metric == demarche_sim::report::Metric::Trade)
        .map_or(view.ind.trade, |c| c.before);
    assert!(
        view.ind.trade < 0.8 * start_trade,
        "trade {} vs {start_trade}",
        view.ind.trade
    );
    let max_tension = game
        .history()
        .iter()
        .flat_map(|r| r.changes.iter())
        .filter(|c| c.metric == demarche_sim::report::Metric::Tension)
        .map(|c| c.after)
        .fold(0.0, f64::max);
    assert!(
        max_tension > scn.params.tension_floor + 15.0,
        "tension rose to {max_tension}"
    );
    assert!(!view.mil.clash, "no armed clash");
    assert!(view.mil.max_rung >= 5, "the record reaches shows of force");
    let outcome = view
        .status
        .ended
        .map(|o| scn.outcomes[o.index()].key.clone());
    assert_ne!(outcome.as_deref(), Some("armed_clash"));
}

fn game_seed() -> u64 {
    common::scenario().meta.default_seed
}

#[test]
fn the_historical_run_has_no_clash_for_other_seeds() {
    let clashes = common::record_clashes(&common::scenario(), 1..=12);
    assert!(clashes.len() <= 1, "clashes with seeds {clashes:?}");
}

#[test]
fn the_historical_run_reaches_the_record_s_milestones_near_their_real_dates() {
    let game = historical_game(game_seed());
    let comparison = common::assert_the_record_reaches_its_milestones(&game);
    assert!(
        comparison.milestones.iter().all(|m| m.real_turn.is_some()),
        "each 2022 milestone falls within the calendar"
    );
    let first = &comparison.turns[0].sides[0];
    assert!(
        first
            .note
            .as_deref()
            .is_some_and(|n| n.contains("sovereign debt"))
    );
    assert!(!first.sources.is_empty() && first.on_record);
}

#[test]
fn the_historical_run_tells_the_record_from_the_model_s_rolls() {
    use demarche_sim::report::Provenance;
    let game = historical_game(game_seed());
    let lines: Vec<_> = game.history().iter().flat_map(|r| &r.events).collect();
    let invasion = lines
        .iter()
        .find(|e| e.id == "event:invasion_of_ukraine")
        .expect("the invasion is in the record");
    assert!(matches!(&invasion.provenance, Provenance::Record { sources } if !sources.is_empty()));
    for e in &lines {
        if let ReportKind::Event(demarche_sim::scenario::EventKind::Incident) = e.kind
            && !matches!(e.provenance, Provenance::Record { .. })
        {
            assert!(
                matches!(e.provenance, Provenance::Roll { chance } if chance > 0.0 && chance <= 1.0),
                "{}: an incident outside the record is a roll",
                e.id
            );
        }
        if matches!(e.kind, ReportKind::Order(_)) {
            assert!(matches!(e.provenance, Provenance::Order(_)), "{}", e.id);
        }
    }
    assert!(
        lines
            .iter()
            .any(|e| matches!(e.provenance, Provenance::Roll { .. })),
        "the routine scrambles at least are rolls"
    );
}

#[test]
fn scrambles_against_russia_are_counted_apart_from_those_against_china() {
    let game = historical_game(game_seed());
    let scn = game.scenario();
    let view = game.view();
    let actor = |key: &str| scn.names.actors[key];
    let (jpn, rus, chn) = (actor("JPN"), actor("RUS"), actor("CHN"));
    let against_russia = view.mil.scrambles_between(jpn, rus);
    let against_china = view.mil.scrambles_between(jpn, chn);
    assert!(
        against_russia >= 220,
        "{against_russia} routine scrambles and more"
    );
    assert!(
        against_russia + against_china <= view.mil.scrambles[jpn.index()],
        "the pairs are part of Japan's total"
    );
    let pairs: Vec<_> = view
        .mil
        .scrambles_against
        .iter()
        .map(|s| (s.by, s.against))
        .collect();
    let mut sorted = pairs.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(pairs, sorted, "one entry per pair, sorted");
}

#[test]
fn the_sample_inject_file_fits_the_2022_scenario_and_fires() {
    let scn = common::scenario();
    let path = common::bundled_root().join("japan_russia_2022/injects/classroom.ron");
    let (injects, warnings) = demarche_sim::scenario::injects::load_injects(&scn, &path)
        .unwrap_or_else(|e| panic!("{}", demarche_sim::scenario::render_problems(&e.problems)));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(injects.len(), 3);
    let mut game = Game::new(scn, game_seed());
    game.add_injects(injects).expect("added");
    common::play_the_record(&mut game);
    assert!(game.has_fired("g7_summit_demand") && game.has_fired("energy_price_shock"));
    let summit = game.history()[8]
        .events
        .iter()
        .any(|e| e.id == "inject:g7_summit_demand");
    assert!(summit, "the summit fires in turn 9");
}

/// Japan's relation with the G7 after the first turn, Russia giving `russia` and Japan nothing.
fn japan_g7_after_first_turn(russia: &[&str]) -> f64 {
    let scn = common::scenario();
    let mut game = Game::new(scn.clone(), game_seed());
    let orders = russia
        .iter()
        .map(|key| {
            // The first target the action offers (an island for a drill).
            demarche_sim::policy::orders_of(&scn, scn.names.actions[*key])
                .into_iter()
                .next()
                .expect("an order for the action")
        })
        .collect();
    game.submit(Side::First, Vec::new()).unwrap();
    game.submit(Side::Second, orders).unwrap();
    game.step().unwrap();
    let actor = |key: &str| scn.names.actors[key];
    game.view().ind.relation(actor("JPN"), actor("G7"))
}

#[test]
fn russia_s_shows_of_force_near_japan_draw_its_partners_closer() {
    let quiet = japan_g7_after_first_turn(&[]);
    let transit = japan_g7_after_first_turn(&["ru_tsugaru_transit"]);
    let drill = japan_g7_after_first_turn(&["ru_island_landing_drill"]);
    assert!(
        quiet < transit && transit < drill,
        "Japan–G7: quiet {quiet}, after a strait transit {transit}, after an island drill {drill}"
    );
}

#[test]
fn only_moscow_can_halt_the_exchanges_and_the_grave_visits() {
    let scn = common::scenario();
    let mut game = Game::new(scn.clone(), game_seed());
    let exchanges = ["visa_free", "grave_visits"];
    // Japan's own suspension and termination do not reach the visits of its former residents.
    for key in ["talk_suspend", "talk_terminate"] {
        let orders = demarche_sim::policy::orders_of(&scn, scn.names.actions[key]);
        assert!(!orders.is_empty(), "{key} still has targets");
        for order in orders {
            let target = order.track.expect("a track order names its track");
            assert!(
                exchanges.iter().all(|k| track(&game, k) != target),
                "{key} may halt {target:?}"
            );
        }
    }
    // Moscow's own action halts both, and can be undone.
    let suspend = demarche_sim::policy::orders_of(&scn, scn.names.actions["ru_suspend_exchanges"]);
    game.submit(Side::First, Vec::new()).unwrap();
    game.submit(Side::Second, suspend).unwrap();
    game.step().unwrap();
    for key in exchanges {
        assert_eq!(
            game.view().dip.tracks[track(&game, key).index()].status,
            TrackStatus::Suspended,
            "{key}"
        );
    }
}

#[test]
fn one_turn_s_orders_agree_on_each_track() {
    let scn = common::scenario();
    let mut game = Game::new(scn.clone(), game_seed());
    let order = |key: &str, on: Option<&str>| demarche_sim::scenario::Order {
        action: scn.names.actions[key],
        track: on.map(|t| scn.names.tracks[t]),
        region: None,
    };
    // Orders that pull the same way combine: halting the talks (which suspends the visa-free
    // exchanges with them) and suspending the exchanges and the grave visits.
    let halt = order("ru_halt_peace_talks", None);
    let exchanges = order("ru_suspend_exchanges", None);
    assert!(
        game.check(Side::Second, &exchanges, std::slice::from_ref(&halt))
            .is_ok()
    );
    game.submit(Side::First, Vec::new()).unwrap();
    game.submit(Side::Second, vec![halt]).unwrap();
    game.step().unwrap();
    // Next turn Moscow may resume what it halted, or end it, but not both at once, in either
    // order; the refusal names the order that came first.
    let resume = order("talk_resume", Some("joint_economic_activity"));
    let end = order("talk_terminate", Some("joint_economic_activity"));
    assert!(game.check(Side::Second, &resume, &[]).is_ok());
    assert!(game.check(Side::Second, &end, &[]).is_ok());
    let refusal = game
        .check(Side::Second, &resume, std::slice::from_ref(&end))
        .unwrap_err();
    assert!(refusal.contains(&scn.action(end.action).name), "{refusal}");
    assert!(
        refusal.contains(&scn.track(track(&game, "joint_economic_activity")).name),
        "{refusal}"
    );
    assert!(
        game.check(Side::Second, &end, std::slice::from_ref(&resume))
            .is_err()
    );
    // Resuming one track and ending another is no contradiction.
    let end_fishing = order("talk_terminate", Some("fisheries"));
    assert!(game.check(Side::Second, &end_fishing, &[resume]).is_ok());
    // A move of progress alone combines with a halt of the same track.
    let deal = order("talk_quiet_fisheries_deal", None);
    let halt_fishing = order("ru_suspend_fishing_pact", None);
    assert!(
        game.check(Side::Second, &halt_fishing, std::slice::from_ref(&deal))
            .is_ok()
    );
    assert!(game.check(Side::Second, &deal, &[halt_fishing]).is_ok());
}
