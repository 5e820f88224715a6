//! The window's screens and panels without a window: the UI plugin's egui pass runs on a bare
//! egui context, and each screen shows its own panels and nothing else; clicks on the panels'
//! buttons come back as intents.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, EguiUserTextures, PrimaryEguiContext, egui};
use demarche::map::{MapSelection, MapState, UiPointer};
use demarche::session::flow::Paused;
use demarche::session::saves::SavesDir;
use demarche::session::{Catalog, Flow, Intent, Mode, Screen, SessionPlugin};
use demarche::ui::{UiPlugin, UiState};
use demarche_ai::{AiSpec, Difficulty};
use demarche_sim::Side;

const WIDTH: f32 = 1280.0;
const HEIGHT: f32 = 720.0;

fn scenarios() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// The session and UI plugins on a bare egui context (no window, no renderer, no map meshes).
fn app() -> (App, tempfile::TempDir) {
    let saves = tempfile::tempdir().expect("temporary folder");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Catalog::scan(scenarios()))
        .insert_resource(SavesDir(saves.path().to_path_buf()))
        .init_resource::<MapState>()
        .init_resource::<MapSelection>()
        .init_resource::<UiPointer>()
        .init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<EguiUserTextures>()
        .add_plugins((SessionPlugin, UiPlugin));
    app.world_mut().spawn(PrimaryEguiContext);
    app.update();
    (app, saves)
}

fn context(app: &mut App) -> egui::Context {
    let mut query = app.world_mut().query::<&mut EguiContext>();
    let mut context = query.single_mut(app.world_mut()).expect("one egui context");
    context.get_mut().clone()
}

/// One frame: the app's update, then the egui pass with these input events. Returns every
/// text drawn, with where it was drawn.
fn frame(app: &mut App, events: Vec<egui::Event>) -> Vec<(String, egui::Rect)> {
    app.update();
    let ctx = context(app);
    ctx.begin_pass(egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WIDTH, HEIGHT),
        )),
        events,
        ..default()
    });
    app.world_mut().run_schedule(EguiPrimaryContextPass);
    let mut output = ctx.end_pass();
    // No renderer here to upload the font atlas to.
    output.textures_delta.clear();
    let mut texts = Vec::new();
    for clipped in &output.shapes {
        collect_texts(&clipped.shape, &mut texts);
    }
    texts
}

fn collect_texts(shape: &egui::Shape, texts: &mut Vec<(String, egui::Rect)>) {
    match shape {
        egui::Shape::Text(text) => {
            texts.push((
                text.galley.text().to_owned(),
                text.galley.rect.translate(text.pos.to_vec2()),
            ));
        }
        egui::Shape::Vec(shapes) => {
            for shape in shapes {
                collect_texts(shape, texts);
            }
        }
        _ => {}
    }
}

/// A few frames, so that fonts, panels and windows settle; the texts of the last.
fn settle(app: &mut App) -> Vec<(String, egui::Rect)> {
    for _ in 0..3 {
        frame(app, Vec::new());
    }
    frame(app, Vec::new())
}

fn shows(texts: &[(String, egui::Rect)], wanted: &str) -> bool {
    texts.iter().any(|(text, _)| text.contains(wanted))
}

fn where_is(texts: &[(String, egui::Rect)], wanted: &str) -> egui::Pos2 {
    texts
        .iter()
        .find(|(text, _)| text == wanted)
        .unwrap_or_else(|| panic!("{wanted:?} is not drawn"))
        .1
        .center()
}

/// Clicks at a point, over three frames (move, press, release).
fn click(app: &mut App, at: egui::Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    frame(app, vec![egui::Event::PointerMoved(at)]);
    frame(app, vec![button(true)]);
    frame(app, vec![button(false)]);
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn flow(app: &App) -> Flow {
    app.world().resource::<Flow>().clone()
}

fn new_game(app: &mut App, mode: Mode) {
    let catalog = app.world().resource::<Catalog>().clone();
    let entry = catalog
        .by_id("japan_russia_2022")
        .expect("the 2022 scenario loads");
    app.world_mut().write_message(Intent::NewGame {
        scenario: entry.loaded.clone().unwrap(),
        dir: entry.dir.clone(),
        seed: 2022,
        mode,
        ai: AiSpec {
            personality: "historical".into(),
            difficulty: Difficulty::Easy,
        },
    });
    app.update();
    app.update();
}

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
