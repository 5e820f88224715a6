//! The window's screens and panels without a window: the UI plugin's egui pass runs on a bare
//! egui context, and each screen shows its own panels and nothing else; clicks on the panels'
//! buttons come back as intents.

mod harness;

use bevy::prelude::*;
use bevy_egui::egui;
use demarche::map::UiPointer;
use demarche::session::flow::Paused;
use demarche::session::{Flow, Intent, Mode, Screen};
use demarche::ui::UiState;
use demarche_sim::Side;

use harness::*;

/// What only the game screen's panels draw.
const GAME_PANELS: [&str; 3] = ["Orders this turn", "End turn (Enter)", "Intelligence"];

#[test]
fn each_screen_shows_its_own_panels_and_its_buttons_give_intents() {
    let (mut app, _saves) = app();
    let texts = settle(&mut app);
    assert!(shows(&texts, "Démarche") && shows(&texts, "Start"));
    assert!(GAME_PANELS.iter().all(|p| !shows(&texts, p)));
    assert!(
        app.world().resource::<UiPointer>().over_ui,
        "off the game screen the map gets no pointer"
    );

    // The menu's Start button gives the intent that starts a game (Japan against the AI).
    click(&mut app, where_is(&texts, "Start"));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Briefing);
    let texts = settle(&mut app);
    assert!(shows(&texts, "Briefing: Japan") && !shows(&texts, "Briefing: Russia"));
    assert!(!shows(&texts, "Start"));
    assert!(GAME_PANELS.iter().all(|p| !shows(&texts, p)));

    app.world_mut().write_message(Intent::BeginPlay);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Playing);
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let texts = settle(&mut app);
    assert!(GAME_PANELS.iter().all(|p| shows(&texts, p)));
    assert!(!shows(&texts, "Briefing: Japan") && !shows(&texts, "Pass the device"));
    assert!(!shows(&texts, "Keyboard shortcuts") && !shows(&texts, "Resume"));

    // The top bar, then the side panels, leave the map the middle of the window.
    let (min, max) = app
        .world()
        .resource::<UiPointer>()
        .free
        .expect("the free area is recorded");
    assert!(min.x >= 250.0 && max.x <= WIDTH - 250.0, "{min} {max}");
    assert!(min.y > 0.0 && max.y == HEIGHT, "{min} {max}");

    // Help (from the top bar's button, in the same pass) and the pause menu open over the game.
    click(&mut app, where_is(&texts, "Help"));
    let texts = settle(&mut app);
    assert!(app.world().resource::<UiState>().help);
    assert!(shows(&texts, "Keyboard shortcuts"));
    app.insert_resource(Paused(true));
    let texts = settle(&mut app);
    assert!(shows(&texts, "Resume") && shows(&texts, "Quit to the menu"));
    click(&mut app, where_is(&texts, "Resume"));
    app.update();
    assert!(!app.world().resource::<Paused>().0, "Resume unpauses");
    app.world_mut().resource_mut::<UiState>().help = false;
    let texts = settle(&mut app);
    assert!(!shows(&texts, "Keyboard shortcuts") && !shows(&texts, "Resume"));

    // The game over shows the outcome, not the game's panels.
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::GameOver);
    let texts = settle(&mut app);
    assert!(shows(&texts, "The game is over") && shows(&texts, "Japan: score"));
    assert!(GAME_PANELS.iter().all(|p| !shows(&texts, p)));
}

#[test]
fn the_hand_over_hides_the_game_and_the_next_player_takes_it() {
    let (mut app, _saves) = app();
    new_game(&mut app, Mode::TwoPlayers);
    app.world_mut().write_message(Intent::BeginPlay);
    app.update();
    assert_eq!(flow(&app), Flow::Handover(Side::First));
    let texts = settle(&mut app);
    assert!(shows(&texts, "Pass the device to Japan"));
    assert!(GAME_PANELS.iter().all(|p| !shows(&texts, p)));
    click(&mut app, where_is(&texts, "I play Japan: continue"));
    app.update();
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let texts = settle(&mut app);
    assert!(GAME_PANELS.iter().all(|p| shows(&texts, p)));
    assert!(!shows(&texts, "Pass the device"));
}

/// Every text the Markdown renderer draws for `text`, on a page tall enough that nothing is
/// scrolled away or culled (the second frame's, once fonts and grids have settled).
fn markdown_texts(text: &str) -> Vec<(String, egui::Rect)> {
    let ctx = egui::Context::default();
    let mut texts = Vec::new();
    for _ in 0..2 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(860.0, 20_000.0),
            )),
            ..default()
        };
        let mut output = ctx.run_ui(input, |ui| demarche::ui::markdown::show(ui, text));
        // No renderer here to upload the font atlas to.
        output.textures_delta.clear();
        texts.clear();
        for clipped in &output.shapes {
            collect_texts(&clipped.shape, &mut texts);
        }
    }
    texts
}

/// The cells of each row of the Markdown tables in `text` (the separator rows left out).
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|line| line.starts_with('|') && !line.contains("---"))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

/// How many numbered list items `text` has ("1. ", "2. " at a line's start).
fn numbered_items(text: &str) -> usize {
    text.lines()
        .filter(|line| {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && line[digits..].starts_with(". ")
        })
        .count()
}

#[test]
fn the_briefings_render_tables_as_cells_and_numbered_lists_as_items() {
    let folders = std::fs::read_dir(scenarios()).expect("the scenarios folder");
    let mut tables = 0;
    let mut checked = 0;
    for folder in folders {
        let briefings = folder.expect("a scenario folder").path().join("briefings");
        let Ok(files) = std::fs::read_dir(&briefings) else {
            continue;
        };
        for file in files {
            let path = file.expect("a briefing").path();
            let text = std::fs::read_to_string(&path).expect("a readable briefing");
            let texts = markdown_texts(&text);
            let name = path.display();
            checked += 1;
            assert!(
                texts
                    .iter()
                    .all(|(t, _)| !t.contains('|') && !t.contains("**")),
                "{name}: table pipes or emphasis markers drawn as text"
            );
            // Each cell is its own text, and the cells of a row stand side by side (a short cell
            // such as a weight may be drawn in other rows too: the one beside is looked for).
            for row in table_rows(&text) {
                let mut before: Option<egui::Rect> = None;
                for cell in &row {
                    let beside = |rect: &egui::Rect| {
                        before.is_none_or(|b| {
                            rect.left() > b.right() && rect.y_range().intersects(b.y_range())
                        })
                    };
                    let found = texts
                        .iter()
                        .find(|(t, rect)| t == cell && beside(rect))
                        .unwrap_or_else(|| {
                            panic!("{name}: the cell {cell:?} of {row:?} is not a cell beside the one before")
                        });
                    before = Some(found.1);
                }
                tables += 1;
            }
            // Each numbered item shows its number on its own, below the one before.
            let numbers: Vec<&egui::Rect> = texts
                .iter()
                .filter(|(t, _)| {
                    t.ends_with('.') && t.len() > 1 && t[..t.len() - 1].parse::<u32>().is_ok()
                })
                .map(|(_, rect)| rect)
                .collect();
            assert_eq!(
                numbers.len(),
                numbered_items(&text),
                "{name}: numbered items drawn"
            );
            assert!(
                numbers.windows(2).all(|w| w[1].top() >= w[0].bottom()),
                "{name}: numbered items run together"
            );
        }
    }
    assert!(
        checked >= 3,
        "the bundled briefings and teacher's notes are checked"
    );
    assert!(tables >= 10, "the scoring tables are found ({tables} rows)");
}

#[test]
fn long_action_names_wrap_inside_the_actions_panel() {
    let (mut app, _saves) = app();
    new_game(&mut app, Mode::Play(Side::First));
    app.world_mut().write_message(Intent::BeginPlay);
    app.update();
    app.update();
    app.world_mut().resource_mut::<UiState>().category =
        Some(demarche_sim::scenario::Category::Sanctions);
    let texts = settle(&mut app);
    let (panel_right, _) = app
        .world()
        .resource::<UiPointer>()
        .free
        .expect("the free area is recorded");
    let name = "Package 1: sovereign-debt ban and DNR/LNR measures";
    let (_, rect) = texts
        .iter()
        .find(|(text, _)| text == name)
        .unwrap_or_else(|| panic!("{name:?} is drawn whole"));
    assert!(
        rect.right() <= panel_right.x,
        "the name ends at {} beyond the panel's edge at {}",
        rect.right(),
        panel_right.x
    );
    assert!(
        rect.height() > 24.0,
        "the name is wrapped on more than one line"
    );
}

#[test]
fn the_map_legend_lists_every_force_kind_present_and_the_panels_fold_away() {
    let (mut app, _saves) = app();
    app.insert_resource(Viewport(egui::vec2(1536.0, 864.0)));
    new_game(&mut app, Mode::Play(Side::First));
    app.world_mut().write_message(Intent::BeginPlay);
    app.update();
    app.update();
    let texts = settle(&mut app);
    let session = app.world().resource::<demarche::session::Session>();
    let kinds = demarche::ui::panels::map_overlay::kinds_present(session.scenario());
    assert_eq!(
        kinds.len(),
        4,
        "the 2022 scenario has ships, aircraft, troops and missiles"
    );
    for kind in kinds {
        let name = demarche::map::icons::kind_name(kind);
        assert!(shows(&texts, name), "the legend lists {name}");
    }
    assert!(shows(&texts, "Timeline") && shows(&texts, "1 now"));
    // M (or the top bar's button) folds the side panels away: the map takes the width.
    click(&mut app, where_is(&texts, "Map only (M)"));
    let texts = settle(&mut app);
    assert!(!shows(&texts, "Orders this turn") && !shows(&texts, "Intelligence"));
    let (min, max) = app
        .world()
        .resource::<UiPointer>()
        .free
        .expect("the free area");
    assert!(min.x == 0.0 && max.x >= 1536.0, "{min} {max}");
    assert!(shows(&texts, "Show panels (M)"));
}

#[test]
fn a_broken_save_lists_its_located_problems_over_the_menu_and_the_menu_stays_usable() {
    let (mut app, _saves) = app();
    let texts = settle(&mut app);
    assert!(!shows(
        &texts,
        demarche::ui::panels::scenario_problems::TITLE
    ));
    app.world_mut()
        .resource_mut::<demarche::session::Catalog>()
        .entries[0]
        .problems = Some("error: unknown actor `NOBODY`\n  --> regions.ron:8:27\n".into());
    let texts = settle(&mut app);
    assert!(shows(
        &texts,
        demarche::ui::panels::scenario_problems::TITLE
    ));
    assert!(
        texts.iter().any(|(t, _)| t.contains("regions.ron:8:27")),
        "the problem is shown with its place"
    );
    assert!(
        texts
            .iter()
            .any(|(t, _)| t.contains("the last good version"))
    );
    assert!(shows(&texts, "Start"), "the menu stays under the window");
}
