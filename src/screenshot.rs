//! `demarche screenshot`: plays the scenario to a point with the historical orders, opens a view,
//! renders it and writes a PNG. Used by the tests and for the README's pictures.

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use demarche_ai::AiSpec;
use demarche_sim::policy::{Historical, Policy};
use demarche_sim::scenario::Category;
use demarche_sim::{Game, Side};

use crate::launch::{WindowOptions, build_app, display_problem, headless_hint};
use crate::map::MapSelection;
use crate::session::facilitator::{Facilitator, InjectStatus, fire_now, status};
use crate::session::{Catalog, ClassSettings, Flow, Mode, Screen, Session, class};
use crate::ui::{RightTab, UiState};

/// What to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// The main menu.
    Menu,
    /// The briefing of the chosen side.
    Briefing,
    /// The map with the disputed islands and the hover card.
    Map,
    /// The actions panel open, with an action's details and expected effects.
    Actions,
    /// A turn report.
    Report,
    /// The game-over screen.
    Gameover,
    /// The History tab: the record beside the game.
    History,
    /// The timeline with a branch: the game played with the record to the turn, a branch from
    /// two turns before it played on by the hawkish rule-based policy, and an earlier turn of
    /// the branch looked at, read-only.
    Timeline,
    /// The facilitator's panel, unlocked, with the scenario's first inject file from the first
    /// turn (those due before the turn shown have fired; one still to come is fired now).
    Facilitator,
}

/// `demarche screenshot` arguments.
#[derive(Clone, Debug, clap::Args)]
pub struct ScreenshotArgs {
    /// What to show.
    #[arg(long, value_enum)]
    pub view: View,
    /// Where to write the PNG.
    #[arg(long, value_name = "FILE.png")]
    pub out: PathBuf,
    /// Scenario folder (default: the first in `scenarios/`).
    #[arg(long, value_name = "DIR")]
    pub scenario: Option<PathBuf>,
    /// The side whose view is shown, by actor id (default: the scenario's first side).
    #[arg(long)]
    pub side: Option<String>,
    /// The turn to show (for `report`: the turn whose report is shown).
    #[arg(long, default_value_t = 3)]
    pub turn: u32,
    /// Window size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x720", value_parser = parse_size)]
    pub size: (u32, u32),
    /// Before the shot, time this many frames (zooming the map in and out on map views) and
    /// print the frame-time statistics.
    #[arg(long, default_value_t = 0)]
    pub measure_frames: u32,
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once('x')
        .ok_or("write WIDTHxHEIGHT, e.g. 1280x720")?;
    let w: u32 = w.parse().map_err(|_| "the width must be a whole number")?;
    let h: u32 = h.parse().map_err(|_| "the height must be a whole number")?;
    if !(320..=7680).contains(&w) || !(240..=4320).contains(&h) {
        return Err("the size must be between 320x240 and 7680x4320".into());
    }
    Ok((w, h))
}

#[derive(Resource)]
struct Plan {
    args: ScreenshotArgs,
    frames: u32,
    ready_at: Option<u32>,
    shot: bool,
    timings: Vec<f32>,
}

/// Frame-time statistics in milliseconds: mean, median, 95th percentile, worst.
pub fn frame_stats(timings: &[f32]) -> Option<(f32, f32, f32, f32)> {
    if timings.is_empty() {
        return None;
    }
    let mut sorted: Vec<f32> = timings.iter().map(|t| t * 1000.0).collect();
    sorted.sort_by(f32::total_cmp);
    let mean = sorted.iter().sum::<f32>() / sorted.len() as f32;
    let at = |q: f32| sorted[((sorted.len() - 1) as f32 * q).round() as usize];
    Some((mean, at(0.5), at(0.95), sorted[sorted.len() - 1]))
}

/// Takes the screenshot; exit 0 once the PNG is written.
pub fn run(args: ScreenshotArgs) -> ExitCode {
    if let Some(problem) = display_problem() {
        let root = args.scenario.as_deref().and_then(std::path::Path::parent);
        eprintln!("{}", headless_hint(&problem, root));
        return ExitCode::from(1);
    }
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        eprintln!("demarche: cannot create {}: {e}", parent.display());
        return ExitCode::from(1);
    }
    let options = WindowOptions {
        size: args.size,
        scenarios: args
            .scenario
            .as_ref()
            .and_then(|s| s.parent().map(|p| p.to_path_buf())),
        injects: None,
    };
    let mut app = build_app(&options, "Démarche (screenshot)");
    app.insert_resource(Plan {
        args: args.clone(),
        frames: 0,
        ready_at: None,
        shot: false,
        timings: Vec::new(),
    })
    .insert_resource(crate::map::IgnorePointer)
    // A key of its own, given already: nothing is printed, and the panel shows unlocked.
    .insert_resource(Facilitator {
        key: "screenshot".into(),
        unlocked: true,
        refused: 0,
    })
    .add_systems(Update, drive);
    let exit = app.run();
    if exit.is_success() && args.out.is_file() {
        println!("wrote {}", args.out.display());
        ExitCode::SUCCESS
    } else {
        eprintln!("demarche: the screenshot was not written");
        ExitCode::from(1)
    }
}

fn play_historical(game: &mut Game, turns: u32) {
    for _ in 0..turns {
        if game.is_over() {
            break;
        }
        for side in Side::BOTH {
            let orders = Historical.orders(&game.side_view(side));
            game.submit_unchecked(side, orders);
        }
        let _ = game.resolve();
    }
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    mut plan: ResMut<Plan>,
    catalog: Res<Catalog>,
    mut screen: ResMut<NextState<Screen>>,
    mut flow: ResMut<Flow>,
    mut ui: ResMut<UiState>,
    mut selection: ResMut<MapSelection>,
    mut exit: MessageWriter<AppExit>,
    time: Res<Time>,
    mut camera: Query<&mut Projection, With<crate::map::MapCamera>>,
) {
    plan.frames += 1;
    if plan.frames > 900 + plan.args.measure_frames {
        eprintln!("demarche: gave up waiting for the view to render");
        exit.write(AppExit::error());
        return;
    }
    if plan.frames == 2 {
        let args = plan.args.clone();
        let entry = match &args.scenario {
            Some(dir) => catalog
                .entries
                .iter()
                .find(|e| e.dir.ends_with(dir.file_name().unwrap_or_default())),
            None => catalog.entries.first(),
        };
        let Some(scenario) =
            entry.and_then(|e| e.loaded.as_ref().ok().map(|s| (e.dir.clone(), s.clone())))
        else {
            eprintln!(
                "demarche: no scenario that loads in {}",
                catalog.root.display()
            );
            exit.write(AppExit::error());
            return;
        };
        let (dir, scenario) = scenario;
        let side = match args.side.as_deref().map(|key| scenario.side_named(key)) {
            None => Side::First,
            Some(Ok(side)) => side,
            Some(Err(why)) => {
                eprintln!("demarche: {why}");
                exit.write(AppExit::error());
                return;
            }
        };
        if args.view == View::Menu {
            plan.ready_at = Some(plan.frames + 40);
            return;
        }
        let mut session = Session::new(
            scenario.clone(),
            dir,
            scenario.meta.default_seed,
            Mode::Play(side),
            AiSpec::default(),
        );
        let turns = scenario.meta.calendar.turns;
        let before = match args.view {
            View::Report => args.turn.clamp(1, turns) - 1,
            View::Gameover => turns,
            _ => args.turn.clamp(1, turns) - 1,
        };
        if args.view == View::Facilitator {
            // The scenario's first inject file, from the first turn: those due before the shown
            // turn fire on the way (the panel lists them as fired).
            let settings = ClassSettings {
                injects: class::inject_files(&session.scenario_dir)
                    .into_iter()
                    .next(),
                ..ClassSettings::default()
            };
            if let Err(why) = session.start_class(settings) {
                eprintln!("demarche: the inject file was not used: {why}");
            }
        }
        play_historical(&mut session.game, before);
        match args.view {
            View::Briefing => {
                *flow = Flow::Planning(side);
                screen.set(Screen::Briefing);
            }
            View::Map | View::Actions => {
                session.begin_turn();
                for order in scenario
                    .historical_orders(side, session.game.turn())
                    .to_vec()
                {
                    let _ = session.add_order(side, order);
                }
                *flow = Flow::Planning(side);
                screen.set(Screen::Playing);
                selection.selected = scenario.focus_region();
                if args.view == View::Actions {
                    ui.category = Some(Category::Sanctions);
                    let me = scenario.actor_of(side);
                    ui.focused = scenario
                        .actions
                        .iter()
                        .enumerate()
                        .find(|(i, a)| {
                            a.category == Category::Sanctions
                                && a.actors.contains(&me)
                                && session
                                    .game
                                    .check(
                                        side,
                                        &demarche_sim::scenario::Order::plain(
                                            demarche_sim::ActionId::from_index(*i),
                                        ),
                                        &session.drafts[side.index()],
                                    )
                                    .is_ok()
                        })
                        .map(|(i, _)| demarche_sim::ActionId::from_index(i));
                }
            }
            View::Report => {
                play_historical(&mut session.game, 1);
                *flow = Flow::Report;
                screen.set(Screen::Playing);
            }
            View::Gameover => {
                *flow = Flow::Over;
                screen.set(Screen::GameOver);
            }
            View::History => {
                session.begin_turn();
                ui.tab = RightTab::History;
                *flow = Flow::Planning(side);
                screen.set(Screen::Playing);
            }
            View::Facilitator => {
                session.begin_turn();
                // One inject still to come, fired now (the panel offers to take it back).
                let turn = session.game.turn();
                let next = session
                    .inject_file
                    .iter()
                    .find(|e| {
                        e.inject.turn.is_some_and(|t| t > turn)
                            && status(&session, &e.inject.key) == InjectStatus::Scheduled
                    })
                    .map(|e| e.inject.key.clone());
                if let Some(key) = next {
                    let _ = fire_now(&mut session, &key);
                }
                ui.facilitator.open = true;
                *flow = Flow::Planning(side);
                screen.set(Screen::Playing);
            }
            View::Timeline => {
                let turn = session.game.turn();
                let from = turn.saturating_sub(2).max(2);
                session.begin_turn();
                let _ = session.look_at(from);
                if session.branch_here().is_ok() {
                    let mut hawk = demarche_sim::policy::RuleBased::new(
                        demarche_sim::policy::Leaning::Hawk,
                        7,
                    );
                    for _ in 0..2 {
                        for side in Side::BOTH {
                            let orders = hawk.orders(&session.game.side_view(side));
                            session.game.submit_unchecked(side, orders);
                        }
                        let _ = session.game.resolve();
                    }
                    let _ = session.look_at(from + 1);
                }
                *flow = Flow::Planning(side);
                screen.set(Screen::Playing);
            }
            View::Menu => {}
        }
        commands.insert_resource(session);
        plan.ready_at = Some(plan.frames + 60);
        return;
    }
    if let Some(at) = plan.ready_at
        && plan.frames >= at
        && (plan.timings.len() as u32) < plan.args.measure_frames
    {
        plan.timings.push(time.delta_secs());
        let k = plan.timings.len() as f32;
        if matches!(plan.args.view, View::Map | View::Actions)
            && let Ok(mut projection) = camera.single_mut()
            && let Projection::Orthographic(ortho) = &mut *projection
        {
            // Zoom from the whole map down to the islands and back, as a player would.
            ortho.scale = 1.1 + 0.9 * (k * 0.05).cos();
        }
        if plan.timings.len() as u32 == plan.args.measure_frames
            && let Some((mean, median, p95, worst)) = frame_stats(&plan.timings)
        {
            // Frame the map again for the picture, and give it time to settle.
            commands.insert_resource(crate::map::FramePending(4));
            plan.ready_at = Some(plan.frames + 10);
            println!(
                "frame time over {} frames ({}x{}, view {:?}): mean {mean:.1} ms, median {median:.1} ms, 95th percentile {p95:.1} ms, worst {worst:.1} ms ({:.1} fps)",
                plan.timings.len(),
                plan.args.size.0,
                plan.args.size.1,
                plan.args.view,
                1000.0 / mean
            );
        }
        return;
    }
    if !plan.shot
        && let Some(at) = plan.ready_at
        && plan.frames >= at
    {
        plan.shot = true;
        let out = plan.args.out.clone();
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(out))
            .observe(
                |_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
                    exit.write(AppExit::Success);
                },
            );
    }
}
