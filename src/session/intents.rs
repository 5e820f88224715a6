//! What the player asks for. The UI (or a test) writes intents; the session carries them out.
//! This keeps every change to the game in one place and lets the headless tests drive the
//! window's logic without drawing anything.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use demarche_ai::AiSpec;
use demarche_sim::scenario::Order;
use demarche_sim::{Scenario, Side};

use super::flow::{Flow, Notices, Paused, Screen, start_turn};
use super::{ClassSettings, Mode, Session, saves};

/// A request from the player.
#[derive(Message, Clone, Debug)]
pub enum Intent {
    /// Start a new game.
    NewGame {
        /// The scenario.
        scenario: Arc<Scenario>,
        /// Its folder.
        dir: PathBuf,
        /// The seed.
        seed: u64,
        /// Who plays.
        mode: Mode,
        /// The AI for AI sides.
        ai: AiSpec,
        /// The class's settings (the defaults: the whole game, no memo required, no injects).
        class: ClassSettings,
    },
    /// Load a saved game.
    Load(PathBuf),
    /// Leave the briefing for the game.
    BeginPlay,
    /// Add an order to a side's draft.
    AddOrder(Side, Order),
    /// Remove a drafted order.
    RemoveOrder(Side, usize),
    /// The side's memo for the turn ("why these orders?"), as typed so far.
    SetMemoNote(Side, String),
    /// The memo of the drafted order at this place, as typed so far.
    SetOrderMemo(Side, usize, String),
    /// The planning side is done: submit its orders.
    EndTurn,
    /// Two players: the next player has the device.
    HandoverDone,
    /// Close the turn report.
    DismissReport,
    /// Skip the rest of the playback.
    SkipPlayback,
    /// Save the game (to a new file in the saves folder when no path is given).
    Save(Option<PathBuf>),
    /// Write the debrief (Markdown and CSV) next to the saves.
    ExportDebrief,
    /// Open or close the pause menu.
    TogglePause,
    /// Back to the main menu.
    QuitToMenu,
    /// Leave the program.
    Exit,
    /// Give the facilitator key (carried out by [`super::facilitator::handle`]).
    UnlockFacilitator(String),
    /// The facilitator fires the inject file's inject with this id in this turn.
    FireInject(String),
    /// The facilitator takes back the inject with this id fired in this turn.
    TakeBackInject(String),
    /// The facilitator requires (or no longer requires) a memo before End turn.
    SetRequireMemo(bool),
    /// Show the state at the start of this turn of the current line, read-only (the live
    /// turn: back to it).
    LookAt(u32),
    /// Back to the live turn from a turn looked at.
    BackToNow,
    /// Play on from the turn looked at, as a new branch; the line it came from is kept.
    BranchHere,
    /// Make this line of play (0: the trunk) current.
    SwitchLine(usize),
}

/// What a refused order says while an earlier turn is shown.
const READ_ONLY: &str = "This earlier turn is shown read-only: go back to now, or branch from here to play other orders.";

/// Carries out the player's intents.
#[allow(clippy::too_many_arguments)]
pub fn handle(
    mut commands: Commands,
    mut intents: MessageReader<Intent>,
    mut session: Option<ResMut<Session>>,
    mut flow: ResMut<Flow>,
    mut screen: ResMut<NextState<Screen>>,
    mut notices: ResMut<Notices>,
    mut paused: ResMut<Paused>,
    catalog: Res<super::Catalog>,
    saves_dir: Res<saves::SavesDir>,
    mut exit: MessageWriter<AppExit>,
) {
    for intent in intents.read() {
        match intent {
            Intent::NewGame {
                scenario,
                dir,
                seed,
                mode,
                ai,
                class,
            } => {
                let mut new = Session::new(scenario.clone(), dir.clone(), *seed, *mode, ai.clone());
                match new.start_class(class.clone()) {
                    Ok(notes) => notes.into_iter().for_each(|n| notices.push(n)),
                    Err(why) => {
                        notices.push(format!("The game could not start: {why}"));
                        continue;
                    }
                }
                start_turn(&mut new, &mut flow);
                commands.insert_resource(new);
                paused.0 = false;
                screen.set(Screen::Briefing);
            }
            Intent::Load(path) => match saves::load(path, &catalog) {
                Ok(mut loaded) => {
                    let pending = (loaded.drafts.clone(), loaded.memos.clone());
                    start_turn(&mut loaded, &mut flow);
                    (loaded.drafts, loaded.memos) = pending;
                    let over = loaded.finished();
                    commands.insert_resource(loaded);
                    paused.0 = false;
                    notices.push(format!("Loaded {}", path.display()));
                    screen.set(if over {
                        Screen::GameOver
                    } else {
                        Screen::Playing
                    });
                }
                Err(e) => notices.push(format!("Could not load: {e}")),
            },
            Intent::BeginPlay => screen.set(Screen::Playing),
            Intent::AddOrder(..)
            | Intent::RemoveOrder(..)
            | Intent::EndTurn
            | Intent::SetMemoNote(..)
            | Intent::SetOrderMemo(..)
                if session.as_deref().and_then(Session::looking_at).is_some() =>
            {
                notices.push(READ_ONLY);
            }
            Intent::AddOrder(side, order) => {
                if let Some(s) = session.as_deref_mut()
                    && let Err(why) = s.add_order(*side, order.clone())
                {
                    notices.push(format!("Not available: {why}"));
                }
            }
            Intent::RemoveOrder(side, index) => {
                if let Some(s) = session.as_deref_mut() {
                    s.remove_order(*side, *index);
                }
            }
            Intent::SetMemoNote(side, text) => {
                if let Some(s) = session.as_deref_mut()
                    && !s.ready[side.index()]
                {
                    s.memos[side.index()].note = text.clone();
                }
            }
            Intent::SetOrderMemo(side, index, text) => {
                if let Some(s) = session.as_deref_mut()
                    && !s.ready[side.index()]
                    && *index < s.drafts[side.index()].len()
                {
                    s.memos[side.index()].set_order_text(*index, text.clone());
                }
            }
            Intent::EndTurn => {
                let (Some(s), Flow::Planning(side)) = (session.as_deref_mut(), flow.clone()) else {
                    continue;
                };
                match s.submit(side) {
                    Ok(()) => *flow = super::flow::next_step(s),
                    Err(why) => notices.push(why),
                }
            }
            Intent::HandoverDone => {
                if let Flow::Handover(side) = *flow {
                    *flow = Flow::Planning(side);
                }
            }
            Intent::SkipPlayback => {
                if matches!(*flow, Flow::Playback { .. }) {
                    *flow = Flow::Report;
                }
            }
            Intent::DismissReport => {
                let Some(s) = session.as_deref_mut() else {
                    continue;
                };
                if *flow != Flow::Report {
                    continue;
                }
                if s.finished() {
                    *flow = Flow::Over;
                    screen.set(Screen::GameOver);
                } else {
                    start_turn(s, &mut flow);
                }
            }
            Intent::Save(path) => {
                let Some(s) = session.as_deref() else {
                    continue;
                };
                match saves::save(s, &saves_dir.0, path.clone()) {
                    Ok(written) => notices.push(format!("Saved to {}", written.display())),
                    Err(e) => notices.push(format!("Save failed (earlier saves are intact): {e}")),
                }
            }
            Intent::ExportDebrief => {
                let Some(s) = session.as_deref() else {
                    continue;
                };
                let policies = s.controllers.clone().map(|c| match c {
                    crate::session::Controller::Human => "player".to_owned(),
                    crate::session::Controller::Ai(spec) => spec.to_string(),
                });
                match demarche_cli::debrief::write(s.live_game(), &saves_dir.0, &policies) {
                    Ok(folder) => {
                        notices.push(format!("Debrief written to {}", folder.display()));
                    }
                    Err(e) => notices.push(format!("The debrief could not be written: {e}")),
                }
            }
            Intent::TogglePause => paused.0 = !paused.0,
            Intent::QuitToMenu => {
                commands.remove_resource::<Session>();
                *flow = Flow::Idle;
                paused.0 = false;
                screen.set(Screen::Menu);
            }
            Intent::Exit => {
                exit.write(AppExit::Success);
            }
            Intent::LookAt(turn) => {
                let Some(s) = session.as_deref_mut() else {
                    continue;
                };
                if !matches!(*flow, Flow::Planning(_) | Flow::Over) {
                    notices.push("Look back between turns: after the report, while planning.");
                    continue;
                }
                match s.look_at(*turn) {
                    Ok(()) => screen.set(Screen::Playing),
                    Err(why) => notices.push(format!("Turn {turn} cannot be shown: {why}")),
                }
            }
            Intent::BackToNow => {
                if let Some(s) = session.as_deref_mut() {
                    s.back_to_now();
                    if s.finished() {
                        *flow = Flow::Over;
                        screen.set(Screen::GameOver);
                    }
                }
            }
            Intent::BranchHere => {
                let Some(s) = session.as_deref_mut() else {
                    continue;
                };
                match s.branch_here() {
                    Ok(line) => {
                        notices.push(format!(
                            "{}: play on with other orders; the line it came from is kept (switch lines in the timeline).",
                            s.lines.lines[line].name
                        ));
                        start_turn(s, &mut flow);
                        screen.set(Screen::Playing);
                    }
                    Err(why) => notices.push(why),
                }
            }
            Intent::SwitchLine(line) => {
                let Some(s) = session.as_deref_mut() else {
                    continue;
                };
                if !matches!(*flow, Flow::Planning(_) | Flow::Over) {
                    notices.push("Switch lines between turns: after the report, while planning.");
                    continue;
                }
                match s.switch_line(*line) {
                    Ok(()) => {
                        start_turn(s, &mut flow);
                        screen.set(if s.finished() {
                            Screen::GameOver
                        } else {
                            Screen::Playing
                        });
                    }
                    Err(why) => notices.push(why),
                }
            }
            // The facilitator's intents: `facilitator::handle`.
            Intent::UnlockFacilitator(_)
            | Intent::FireInject(_)
            | Intent::TakeBackInject(_)
            | Intent::SetRequireMemo(_) => {}
        }
    }
}
