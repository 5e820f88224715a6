//! The window's logic without a window: the game's plugins run headless, and intents drive whole
//! turns against the AI, two-player hand-overs, saves and loads. The games are of the engine's
//! made-up test fixture (`crates/demarche_sim/tests/fixtures/two_rivers`); the map test checks
//! the bundled scenarios and the fixture.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use demarche::session::saves::SavesDir;
use demarche::session::{Catalog, Flow, Intent, Mode, Screen, Session, SessionPlugin};
use demarche_ai::{AiSpec, Difficulty};
use demarche_sim::Side;

/// The bundled scenarios.
fn scenarios() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// The folder of the engine's test fixtures (scenario folders, like `scenarios/`).
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/demarche_sim/tests/fixtures")
}

/// The app with the game's logic plugins and no window. Saves (and autosaves) go to a
/// temporary folder, never the user's.
fn app() -> (App, tempfile::TempDir) {
    let saves = tempfile::tempdir().expect("temporary folder");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Catalog::scan(fixtures()))
        .insert_resource(SavesDir(saves.path().to_path_buf()))
        .add_plugins(SessionPlugin);
    app.update();
    (app, saves)
}

fn new_game(app: &mut App, mode: Mode) {
    let catalog = app.world().resource::<Catalog>().clone();
    let entry = catalog.by_id("two_rivers").expect("the test fixture loads");
    let scenario = entry.loaded.clone().unwrap();
    app.world_mut().write_message(Intent::NewGame {
        scenario,
        dir: entry.dir.clone(),
        seed: 2022,
        mode,
        ai: AiSpec {
            personality: "historical".into(),
            difficulty: Difficulty::Easy,
        },
        class: Default::default(),
    });
    app.update();
    app.update();
}

fn flow(app: &App) -> Flow {
    app.world().resource::<Flow>().clone()
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Updates until `done` holds (the AI thinks on its own thread), failing after a while.
fn update_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out waiting for {what}; flow {:?}",
            flow(app)
        );
        app.update();
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn send(app: &mut App, intent: Intent) {
    app.world_mut().write_message(intent);
    app.update();
}

#[test]
fn the_game_plugins_run_headless_and_a_full_turn_resolves_against_the_ai() {
    let (mut app, saves) = app();
    assert_eq!(screen(&app), Screen::Menu);
    new_game(&mut app, Mode::Play(Side::First));
    assert_eq!(screen(&app), Screen::Briefing);
    send(&mut app, Intent::BeginPlay);
    app.update();
    assert_eq!(screen(&app), Screen::Playing);
    assert_eq!(flow(&app), Flow::Planning(Side::First));

    // Choose orders: the first side's historical first-turn orders.
    let orders = {
        let session = app.world().resource::<Session>();
        session
            .scenario()
            .historical_orders(Side::First, 1)
            .to_vec()
    };
    for order in &orders {
        send(&mut app, Intent::AddOrder(Side::First, order.clone()));
    }
    assert_eq!(app.world().resource::<Session>().drafts[0], orders);
    send(&mut app, Intent::EndTurn);
    update_until(&mut app, "the turn to resolve", |a| {
        matches!(flow(a), Flow::Playback { .. } | Flow::Report)
    });
    send(&mut app, Intent::SkipPlayback);
    assert_eq!(flow(&app), Flow::Report);
    {
        let session = app.world().resource::<Session>();
        let report = session.game.last_report().expect("a report");
        assert_eq!(report.turn, 1);
        assert_eq!(
            report.orders[0].len(),
            orders.len(),
            "the first side's orders were carried out"
        );
        assert!(report.refused[0].is_empty());
        assert!(
            !session.ai_reasons[1].is_empty() || report.orders[1].is_empty(),
            "the AI explains its orders"
        );
    }
    send(&mut app, Intent::DismissReport);
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    assert_eq!(app.world().resource::<Session>().game.turn(), 2);
    for _ in 0..10 {
        app.update();
    }
    assert!(
        saves.path().join("autosave.save.ron").is_file(),
        "an autosave after the turn"
    );
}

#[test]
fn two_players_hand_over_and_never_see_each_others_drafts() {
    let (mut app, _saves) = app();
    new_game(&mut app, Mode::TwoPlayers);
    send(&mut app, Intent::BeginPlay);
    assert_eq!(flow(&app), Flow::Handover(Side::First));
    send(&mut app, Intent::HandoverDone);
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let order = app
        .world()
        .resource::<Session>()
        .scenario()
        .historical_orders(Side::First, 1)[0]
        .clone();
    send(&mut app, Intent::AddOrder(Side::First, order));
    send(&mut app, Intent::EndTurn);
    assert_eq!(
        flow(&app),
        Flow::Handover(Side::Second),
        "a hand-over before the second player plans"
    );
    {
        let session = app.world().resource::<Session>();
        assert!(session.ready[0] && !session.ready[1]);
        assert_eq!(
            session.viewer(&flow(&app)),
            Side::Second,
            "the hand-over shows the next player's side only"
        );
    }
    send(&mut app, Intent::HandoverDone);
    assert_eq!(flow(&app), Flow::Planning(Side::Second));
    send(&mut app, Intent::EndTurn);
    update_until(&mut app, "the turn to resolve", |a| {
        matches!(flow(a), Flow::Playback { .. } | Flow::Report)
    });
    assert_eq!(app.world().resource::<Session>().game.history().len(), 1);
}

/// Plays one turn of a two-player game: the first side gives `orders`, the second none; stops
/// at the turn's report.
fn play_turn_to_the_report(app: &mut App, orders: &[demarche_sim::scenario::Order]) {
    send(app, Intent::HandoverDone);
    for order in orders {
        send(app, Intent::AddOrder(Side::First, order.clone()));
    }
    send(app, Intent::EndTurn);
    send(app, Intent::HandoverDone);
    send(app, Intent::EndTurn);
    update_until(app, "the turn to resolve", |a| {
        matches!(flow(a), Flow::Playback { .. } | Flow::Report)
    });
    send(app, Intent::SkipPlayback);
    assert_eq!(flow(app), Flow::Report);
}

#[test]
fn the_orders_panel_shows_the_reported_turns_orders_or_the_new_turns_drafts() {
    let (mut app, _saves) = app();
    new_game(&mut app, Mode::TwoPlayers);
    send(&mut app, Intent::BeginPlay);
    let historical = |app: &App, turn| {
        app.world()
            .resource::<Session>()
            .scenario()
            .historical_orders(Side::First, turn)
            .to_vec()
    };
    let (first, second) = (historical(&app, 1), historical(&app, 2));
    assert!(!first.is_empty() && first != second, "two different turns");
    for (turn, orders) in [(1, &first), (2, &second)] {
        play_turn_to_the_report(&mut app, orders);
        let session = app.world().resource::<Session>();
        let report = session.game.last_report().expect("a report");
        assert!(report.refused[0].is_empty(), "turn {turn}: all carried out");
        for shown in [
            Flow::Report,
            Flow::Playback {
                elapsed: 0.0,
                duration: 1.0,
            },
        ] {
            let panel = session.panel_orders(&shown, Side::First);
            assert_eq!(
                (panel.turn, &panel.orders, panel.resolved),
                (turn, orders, true),
                "while turn {turn} is reported, its orders are listed"
            );
        }
        // The resolved orders are no longer drafts: the new turn's start empty, and the
        // capital left is the new turn's whole capital.
        assert!(session.drafts[0].is_empty(), "turn {turn}: drafts cleared");
        let actor = session.scenario().actor_of(Side::First);
        let capital = session
            .side_view(Side::First)
            .view()
            .ind
            .get(actor, demarche_sim::scenario::Indicator::Capital);
        assert_eq!(session.capital_left(Side::First), capital);
        send(&mut app, Intent::DismissReport);
        assert_eq!(flow(&app), Flow::Handover(Side::First));
        let session = app.world().resource::<Session>();
        let panel = session.panel_orders(&Flow::Planning(Side::First), Side::First);
        assert_eq!(
            (panel.turn, panel.orders.is_empty(), panel.resolved),
            (turn + 1, true, false),
            "after the report, the new turn's (empty) drafts"
        );
    }
}

#[test]
fn save_and_load_in_the_middle_gives_the_same_game() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("middle.save.ron");
    let (mut app, _saves) = app();
    new_game(&mut app, Mode::TwoPlayers);
    send(&mut app, Intent::BeginPlay);
    // Two turns with historical orders.
    for turn in 1..=2 {
        for side in Side::BOTH {
            send(&mut app, Intent::HandoverDone);
            let orders = app
                .world()
                .resource::<Session>()
                .scenario()
                .historical_orders(side, turn)
                .to_vec();
            for order in orders {
                send(&mut app, Intent::AddOrder(side, order));
            }
            send(&mut app, Intent::EndTurn);
        }
        update_until(&mut app, "the turn to resolve", |a| {
            matches!(flow(a), Flow::Playback { .. } | Flow::Report)
        });
        send(&mut app, Intent::SkipPlayback);
        send(&mut app, Intent::DismissReport);
    }
    let before = app.world().resource::<Session>().game.state();
    send(&mut app, Intent::Save(Some(path.clone())));
    assert!(path.is_file(), "the save was written");
    send(&mut app, Intent::QuitToMenu);
    app.update();
    assert!(app.world().get_resource::<Session>().is_none());
    send(&mut app, Intent::Load(path));
    app.update();
    let session = app.world().resource::<Session>();
    assert_eq!(session.game.state(), before);
    assert_eq!(session.game.history().len(), 2);
    assert_eq!(session.mode, Mode::TwoPlayers);
    assert_eq!(screen(&app), Screen::Playing);
}

#[test]
fn every_scenario_map_has_the_features_its_regions_name() {
    let bundled = Catalog::scan(scenarios());
    let fixtures = Catalog::scan(fixtures());
    assert!(!bundled.entries.is_empty() && !fixtures.entries.is_empty());
    for entry in bundled.entries.iter().chain(&fixtures.entries) {
        let scenario = entry.loaded.as_ref().expect("every scenario loads");
        let path = demarche::map::map_file(&entry.dir, &scenario.meta.map);
        let asset = demarche_map::MapAsset::load(&path).expect("the map asset loads");
        for region in &scenario.regions {
            for name in &region.map_features {
                assert!(
                    asset.feature(name).is_some(),
                    "{}: region {} names map feature {name:?}, which the map lacks",
                    entry.dir.display(),
                    region.key
                );
            }
        }
        let data = demarche::map::MapData::build(asset, scenario);
        // Hovering a land region inside one of its triangles finds it.
        let (land, feature) = data
            .regions
            .iter()
            .find_map(|shape| shape.features.first().map(|f| (shape.id, *f)))
            .expect("a region drawn from the map");
        let shape = &data.asset.features[feature];
        let triangle = shape.triangles.first().expect("a triangulated feature");
        let inside = triangle.iter().fold(Vec2::ZERO, |acc, &i| {
            acc + Vec2::new(shape.ring[i as usize][0], shape.ring[i as usize][1])
        }) / 3.0;
        assert_eq!(
            data.hit(scenario, inside),
            Some(land),
            "hovering {} finds it",
            scenario.region(land).key
        );
        for shape in &data.regions {
            let region = scenario.region(shape.id);
            assert!(
                !shape.features.is_empty() || shape.outline.len() >= 3,
                "{} can be drawn and hovered",
                region.key
            );
        }
    }
}

/// Plays `turns` turns of the session's current game with a policy for both sides.
fn play(app: &mut App, turns: u32, policy: &mut dyn demarche_sim::policy::Policy) -> Vec<u64> {
    let mut session = app.world_mut().resource_mut::<Session>();
    for _ in 0..turns {
        for side in Side::BOTH {
            let orders = policy.orders(&session.game.side_view(side));
            session.game.submit_unchecked(side, orders);
        }
        session.game.resolve().expect("a turn");
    }
    session.begin_turn();
    hashes(&session.game)
}

fn hashes(game: &demarche_sim::Game) -> Vec<u64> {
    game.history().iter().map(|r| r.hash.0).collect()
}

#[test]
fn rewind_shows_an_earlier_turn_read_only_and_a_branch_leaves_the_trunk_as_it_was() {
    use demarche_sim::policy::{Historical, Leaning, RuleBased};
    let (mut app, saves) = app();
    new_game(&mut app, Mode::Play(Side::First));
    send(&mut app, Intent::BeginPlay);
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let trunk = play(&mut app, 6, &mut Historical);
    let session = app.world().resource::<Session>();
    assert_eq!(session.game.turn(), 7);
    let start_of_3 = session.game.state_at(3).expect("turn 3");

    // Looking back: every panel sees the state then; orders and End turn are refused.
    send(&mut app, Intent::LookAt(3));
    let session = app.world().resource::<Session>();
    assert_eq!(session.looking_at(), Some(3));
    assert_eq!(session.game.turn(), 3);
    assert_eq!(session.game.state(), start_of_3);
    assert_eq!(session.game.hash().0, trunk[1], "the state after turn 2");
    assert_eq!(session.live_game().turn(), 7);
    let order = session
        .scenario()
        .historical_orders(Side::First, 3)
        .first()
        .cloned();
    if let Some(order) = order {
        send(&mut app, Intent::AddOrder(Side::First, order));
    }
    send(&mut app, Intent::EndTurn);
    app.update();
    let session = app.world().resource::<Session>();
    assert!(session.drafts[0].is_empty(), "no orders while looking back");
    assert_eq!(
        session.game.turn(),
        3,
        "nothing resolved while looking back"
    );
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let mut session = app.world_mut().resource_mut::<Session>();
    let refused = demarche::session::facilitator::fire_now(&mut session, "any_inject")
        .expect_err("no inject is fired into a turn shown read-only");
    assert!(!refused.is_empty());
    let refused = demarche::session::facilitator::take_back(&mut session, "any_inject")
        .expect_err("nor taken back");
    assert!(refused.contains("read-only"), "{refused}");
    send(&mut app, Intent::BackToNow);
    let session = app.world().resource::<Session>();
    assert_eq!((session.looking_at(), session.game.turn()), (None, 7));

    // A branch from turn 5 plays other orders; the trunk keeps its hashes.
    send(&mut app, Intent::LookAt(5));
    send(&mut app, Intent::BranchHere);
    let session = app.world().resource::<Session>();
    assert_eq!(session.lines.lines.len(), 2);
    assert_eq!(session.lines.current, 1);
    assert_eq!(session.game.turn(), 5);
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let branch = play(&mut app, 3, &mut RuleBased::new(Leaning::Hawk, 7));
    assert_eq!(branch[..4], trunk[..4], "the branch shares turns 1-4");
    assert_ne!(branch[4..6], trunk[4..6], "other orders, another game");
    let session = app.world().resource::<Session>();
    assert_eq!(hashes(session.line_game(0).expect("the trunk")), trunk);
    // The branch is reproducible: the same orders from the same turn give the same hashes.
    let mut again = session.line_game(0).unwrap().branch_at(5).unwrap();
    let mut hawk = RuleBased::new(Leaning::Hawk, 7);
    for _ in 0..3 {
        for side in Side::BOTH {
            let orders = demarche_sim::policy::Policy::orders(&mut hawk, &again.side_view(side));
            again.submit_unchecked(side, orders);
        }
        again.resolve().unwrap();
    }
    assert_eq!(hashes(&again), branch);

    // Saved with the game (the trunk and a file per branch), loaded back on the branch.
    let path = saves.path().join("lines.save.ron");
    send(&mut app, Intent::Save(Some(path.clone())));
    assert!(path.is_file());
    assert!(demarche::session::saves::branch_file(&path, 1).is_file());
    let listed = demarche::session::saves::list(saves.path());
    assert!(
        listed.iter().all(|e| !e.name.contains(".branch-")),
        "trunks only"
    );
    send(&mut app, Intent::QuitToMenu);
    send(&mut app, Intent::Load(path));
    app.update();
    let session = app.world().resource::<Session>();
    assert_eq!(session.lines.lines.len(), 2);
    assert_eq!(session.lines.current, 1);
    assert_eq!(hashes(&session.game), branch);
    assert_eq!(hashes(session.line_game(0).unwrap()), trunk);
    assert_eq!(session.parent_game().map(|(name, _)| name), Some("Trunk"));

    // Back to the trunk, as it was.
    send(&mut app, Intent::SwitchLine(0));
    let session = app.world().resource::<Session>();
    assert_eq!(session.lines.current, 0);
    assert_eq!(hashes(&session.game), trunk);
}

#[test]
fn regions_outlined_on_the_land_are_hovered_before_the_land_under_them() {
    let catalog = Catalog::scan(fixtures());
    let entry = catalog
        .entries
        .iter()
        .find(|e| e.dir.ends_with("two_rivers"))
        .expect("the fixture");
    let mut scenario = entry
        .loaded
        .as_ref()
        .expect("the fixture loads")
        .as_ref()
        .clone();
    let path = demarche::map::map_file(&entry.dir, &scenario.meta.map);
    let asset = demarche_map::MapAsset::load(&path).expect("the map asset loads");
    let data = demarche::map::MapData::build(asset.clone(), &scenario);
    // Two points inside one land region, far apart: the centres of its first triangle and of the
    // triangle farthest from it.
    let (land, feature) = data
        .regions
        .iter()
        .find_map(|shape| shape.features.first().map(|f| (shape.id, *f)))
        .expect("a region drawn from the map");
    let shape = &data.asset.features[feature];
    let centre = |t: &[u32; 3]| {
        t.iter().fold(Vec2::ZERO, |acc, &i| {
            acc + Vec2::new(shape.ring[i as usize][0], shape.ring[i as usize][1])
        }) / 3.0
    };
    let inside = centre(shape.triangles.first().expect("a triangulated feature"));
    let far = shape
        .triangles
        .iter()
        .map(centre)
        .max_by(|a, b| a.distance(inside).total_cmp(&b.distance(inside)))
        .expect("a triangle");
    assert_eq!(data.hit(&scenario, inside), Some(land));
    assert_eq!(data.hit(&scenario, far), Some(land));
    // A land sector outlined around the first point, and a lake inside the sector.
    let half = (far.distance(inside) / 4.0).min(5.0);
    assert!(half > 0.0, "the land region is more than one point");
    let square = |side: f32| -> Vec<(f64, f64)> {
        [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]
            .iter()
            .map(|(dx, dy)| {
                let [lon, lat] = asset.projection.unproject(
                    f64::from(inside.x + dx * side),
                    f64::from(inside.y + dy * side),
                );
                (lon, lat)
            })
            .collect()
    };
    let mut sector = scenario.region(land).clone();
    sector.key = "upper_valley".into();
    sector.kind = demarche_sim::scenario::RegionKind::Sector;
    sector.map_features.clear();
    sector.outline = square(half);
    let mut lake = sector.clone();
    lake.key = "still_lake".into();
    lake.kind = demarche_sim::scenario::RegionKind::Lake;
    lake.outline = square(half / 4.0);
    // The lake is listed first: the smaller outline wins whatever the order.
    scenario.regions.push(lake);
    scenario.regions.push(sector);
    let lake = demarche_sim::RegionId::from_index(scenario.regions.len() - 2);
    let sector = demarche_sim::RegionId::from_index(scenario.regions.len() - 1);
    let data = demarche::map::MapData::build(asset, &scenario);
    assert_eq!(
        data.hit(&scenario, inside),
        Some(lake),
        "the lake over the sector"
    );
    let in_sector = inside + Vec2::new(half * 0.7, half * 0.7);
    assert_eq!(
        data.hit(&scenario, in_sector),
        Some(sector),
        "the sector over the land"
    );
    assert_eq!(
        data.hit(&scenario, far),
        Some(land),
        "the land outside the sector"
    );
}

/// Copies a folder (one level of subfolders is enough for a scenario).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("the folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a copy");
        }
    }
}

#[test]
fn a_scenario_saved_during_the_briefing_is_read_again_and_a_broken_save_keeps_the_last_good_one() {
    let root = tempfile::tempdir().expect("temporary folder");
    let dir = root.path().join("two_rivers");
    copy_dir(&fixtures().join("two_rivers"), &dir);
    let saves = tempfile::tempdir().expect("temporary folder");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Catalog::scan(root.path().to_path_buf()))
        .insert_resource(SavesDir(saves.path().to_path_buf()))
        .add_plugins(SessionPlugin);
    app.update();
    new_game(&mut app, Mode::Play(Side::First));
    assert_eq!(screen(&app), Screen::Briefing);
    let title = |app: &App| {
        app.world()
            .resource::<Session>()
            .scenario()
            .meta
            .title
            .clone()
    };
    assert_eq!(title(&app), "Two Rivers (test fixture)");
    // Let the watch take its first look, then save a new title.
    for _ in 0..3 {
        app.update();
        std::thread::sleep(Duration::from_millis(300));
    }
    let file = dir.join("scenario.ron");
    let text = std::fs::read_to_string(&file).expect("scenario.ron");
    std::fs::write(
        &file,
        text.replace("Two Rivers (test fixture)", "Two Rivers, second draft"),
    )
    .expect("saved");
    update_until(&mut app, "the briefing on the new version", |app| {
        title(app) == "Two Rivers, second draft"
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let seed = app.world().resource::<Session>().game.seed();
    assert_eq!(seed, 2022, "the same game started again");
    // A broken save: a region that names an owner nobody is.
    let regions = dir.join("regions.ron");
    let text = std::fs::read_to_string(&regions).expect("regions.ron");
    let owner = "administered_by: \"";
    let at = text.find(owner).expect("a region with an administrator") + owner.len();
    let broken = format!("{}NOBODY{}", &text[..at], &text[at..]);
    std::fs::write(&regions, broken).expect("saved");
    update_until(&mut app, "the problems listed", |app| {
        app.world().resource::<Catalog>().entries[0]
            .problems
            .is_some()
    });
    let catalog = app.world().resource::<Catalog>();
    let entry = &catalog.entries[0];
    let problems = entry.problems.as_deref().unwrap_or_default();
    assert!(problems.contains("regions.ron:"), "located: {problems}");
    let kept = entry
        .loaded
        .as_ref()
        .expect("the last good version is kept");
    assert_eq!(kept.meta.title, "Two Rivers, second draft");
    assert_eq!(title(&app), "Two Rivers, second draft");
    // Fixed again: the problems go.
    std::fs::write(&regions, text).expect("saved");
    update_until(&mut app, "the problems cleared", |app| {
        app.world().resource::<Catalog>().entries[0]
            .problems
            .is_none()
    });
}

#[test]
fn a_map_imported_by_the_game_itself_is_drawn_for_a_new_scenario() {
    let root = tempfile::tempdir().expect("temporary folder");
    let dir = root.path().join("my_dyad");
    let game = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_demarche"))
            .args(args)
            .output()
            .expect("the game's binary runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let dir_text = dir.to_str().expect("a UTF-8 path");
    // The sides' lands are named as the source file names them.
    game(&[
        "new",
        dir_text,
        "--sides",
        "AAA,BBB",
        "--names",
        "Atlantis,Borduria",
    ]);
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/demarche_cli/tests/data/islands.geojson");
    game(&[
        "map",
        "import",
        "--source",
        source.to_str().expect("a UTF-8 path"),
        "--bbox",
        "-21,-33,-15,-28.5",
        "--out",
        dir_text,
        "--force",
    ]);
    game(&["validate", dir_text]);
    // What the window reads on entering the game: the map beside the scenario, matched with its
    // regions; every region has a shape to draw and is found under its own anchor.
    let catalog = Catalog::scan(root.path().to_path_buf());
    let scn = catalog.entries[0]
        .loaded
        .clone()
        .expect("the new scenario loads");
    let file = demarche::map::map_file(&dir, &scn.meta.map);
    assert!(
        file.starts_with(&dir),
        "the scenario's own map: {}",
        file.display()
    );
    let asset = demarche_map::MapAsset::load(&file).expect("the imported map loads");
    let data = demarche::map::MapData::build(asset, &scn);
    for shape in &data.regions {
        let region = scn.region(shape.id);
        assert!(
            !shape.features.is_empty() || shape.outline.len() >= 3,
            "{} has nothing to draw",
            region.key
        );
    }
    let drawn = data
        .regions
        .iter()
        .filter(|s| !s.features.is_empty())
        .count();
    assert!(drawn >= 2, "both sides' lands come from the imported map");
}
