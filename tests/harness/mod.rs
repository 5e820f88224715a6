//! The headless harness of the window's UI tests: the session and UI plugins on a bare egui
//! context (no window, no renderer, no map meshes), frames of the egui pass with input events,
//! the texts each frame drew and where, and clicks and typing on them.

// Each test file uses its own part of the harness.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, EguiUserTextures, PrimaryEguiContext, egui};
use demarche::map::{MapSelection, MapState, UiPointer};
use demarche::session::facilitator::Facilitator;
use demarche::session::saves::SavesDir;
use demarche::session::{Catalog, ClassSettings, Flow, Intent, Mode, Screen, SessionPlugin};
use demarche::ui::UiPlugin;
use demarche_ai::{AiSpec, Difficulty};

/// The window's width in the tests, in egui points.
pub const WIDTH: f32 = 1280.0;
/// The window's height in the tests, in egui points.
pub const HEIGHT: f32 = 720.0;
/// The facilitator key of the tests' apps.
pub const TEACHER_KEY: &str = "OWL7K";

/// The texts a frame drew, each with where it was drawn.
pub type Texts = Vec<(String, egui::Rect)>;

/// The size of the window the egui pass lays out in (default [`WIDTH`] × [`HEIGHT`]); a tall
/// one lets a test see every line of a long panel, none scrolled away.
#[derive(Resource, Clone, Copy)]
pub struct Viewport(pub egui::Vec2);

/// The bundled scenarios.
pub fn scenarios() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// The session and UI plugins on a bare egui context, saves in a temporary folder, the
/// facilitator key [`TEACHER_KEY`].
pub fn app() -> (App, tempfile::TempDir) {
    let saves = tempfile::tempdir().expect("temporary folder");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Catalog::scan(scenarios()))
        .insert_resource(SavesDir(saves.path().to_path_buf()))
        .insert_resource(Facilitator::with_key(TEACHER_KEY))
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
pub fn frame(app: &mut App, events: Vec<egui::Event>) -> Texts {
    app.update();
    let size = app
        .world()
        .get_resource::<Viewport>()
        .map_or(egui::vec2(WIDTH, HEIGHT), |v| v.0);
    let ctx = context(app);
    ctx.begin_pass(egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
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

/// The texts of a shape (and of the shapes it holds).
pub fn collect_texts(shape: &egui::Shape, texts: &mut Texts) {
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
pub fn settle(app: &mut App) -> Texts {
    for _ in 0..3 {
        frame(app, Vec::new());
    }
    frame(app, Vec::new())
}

/// Whether some text drawn contains `wanted`.
pub fn shows(texts: &[(String, egui::Rect)], wanted: &str) -> bool {
    texts.iter().any(|(text, _)| text.contains(wanted))
}

/// The middle of the text drawn exactly as `wanted` (the first, if several).
pub fn where_is(texts: &[(String, egui::Rect)], wanted: &str) -> egui::Pos2 {
    texts
        .iter()
        .find(|(text, _)| text == wanted)
        .unwrap_or_else(|| panic!("{wanted:?} is not drawn"))
        .1
        .center()
}

/// Clicks at a point, over three frames (move, press, release).
pub fn click(app: &mut App, at: egui::Pos2) {
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

/// Clicks into the text field at a point, then types `text` into it.
pub fn type_into(app: &mut App, at: egui::Pos2, text: &str) {
    click(app, at);
    frame(app, vec![egui::Event::Text(text.to_owned())]);
    // The intents the typing gave are carried out in the next update.
    app.update();
}

/// The screen shown.
pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Where the turn is.
pub fn flow(app: &App) -> Flow {
    app.world().resource::<Flow>().clone()
}

/// A new game of the 2022 scenario with the class's settings, seed 2022, the easy historical
/// AI.
pub fn new_class(app: &mut App, mode: Mode, class: ClassSettings) {
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
        class,
    });
    app.update();
    app.update();
}

/// A new game of the 2022 scenario, the whole game.
pub fn new_game(app: &mut App, mode: Mode) {
    new_class(app, mode, ClassSettings::default());
}

/// Updates until `done` holds (the AI thinks on its own thread), failing after a while.
pub fn update_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = std::time::Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(300),
            "timed out waiting for {what}; flow {:?}",
            flow(app)
        );
        app.update();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Sends an intent and carries it out.
pub fn send(app: &mut App, intent: Intent) {
    app.world_mut().write_message(intent);
    app.update();
}
