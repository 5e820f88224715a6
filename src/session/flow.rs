//! The screens and the turn loop: who is planning, the hand-over between two players, the AI
//! thinking, resolution, playback on the map, and the report.

use bevy::prelude::*;
use demarche_sim::Side;

use super::Session;
use super::saves;

/// The screen shown.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Choose a scenario, a side, difficulty, seed, or load a game.
    #[default]
    Menu,
    /// The chosen side's briefing.
    Briefing,
    /// The game: the map and the panels.
    Playing,
    /// Outcome, score, objectives, charts.
    GameOver,
}

/// Where the turn is.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub enum Flow {
    /// No game.
    #[default]
    Idle,
    /// A person is choosing this side's orders.
    Planning(Side),
    /// Two players: pass the device to this side's player.
    Handover(Side),
    /// Waiting for the AI's orders.
    Thinking,
    /// The turn has resolved; its moves play out on the map.
    Playback {
        /// Seconds since the playback began.
        elapsed: f32,
        /// Seconds it lasts.
        duration: f32,
    },
    /// The turn report is shown.
    Report,
    /// The game is over.
    Over,
}

impl Flow {
    /// Progress of the playback, 0–1, when playing back.
    pub fn playback(&self) -> Option<f32> {
        match self {
            Flow::Playback { elapsed, duration } => {
                Some((elapsed / duration.max(0.01)).clamp(0.0, 1.0))
            }
            _ => None,
        }
    }
}

/// Whether the pause menu is open.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paused(pub bool);

/// Short messages for the player (saved, refused, failed to load) and how long each stays.
#[derive(Resource, Clone, Debug, Default)]
pub struct Notices {
    /// Message and seconds left.
    pub items: Vec<(String, f32)>,
}

impl Notices {
    /// Shows a message for a few seconds.
    pub fn push(&mut self, text: impl Into<String>) {
        self.items.push((text.into(), 6.0));
        if self.items.len() > 6 {
            self.items.remove(0);
        }
    }
}

/// Starts the current turn: clears the drafts and hands the turn to the first person who has
/// to plan, or to the AI.
pub fn start_turn(session: &mut Session, flow: &mut Flow) {
    session.begin_turn();
    *flow = next_step(session);
}

/// After a side submits: the next person to plan, a hand-over, or the AI.
pub fn next_step(session: &Session) -> Flow {
    if session.finished() {
        return Flow::Over;
    }
    let waiting: Vec<Side> = Side::BOTH
        .into_iter()
        .filter(|s| session.is_human(*s) && !session.ready[s.index()])
        .collect();
    match waiting.first() {
        None => Flow::Thinking,
        Some(&side) => {
            // Two players: the device changes hands before each side plans.
            if session.mode == super::Mode::TwoPlayers {
                Flow::Handover(side)
            } else {
                Flow::Planning(side)
            }
        }
    }
}

/// Resolves the turn once both sides have submitted; autosaves; starts the playback.
pub fn resolve_when_ready(
    session: Option<ResMut<Session>>,
    mut flow: ResMut<Flow>,
    mut notices: ResMut<Notices>,
    paused: Res<Paused>,
    saves: Res<saves::SavesDir>,
) {
    let Some(mut session) = session else { return };
    if *flow != Flow::Thinking || paused.0 || !session.ready.iter().all(|r| *r) {
        return;
    }
    let moves = match session.game.resolve() {
        Ok(report) => {
            report.movements.len() + report.events.iter().filter(|e| e.mid.is_some()).count()
        }
        Err(e) => {
            notices.push(format!("The turn could not be resolved: {e}"));
            *flow = Flow::Over;
            return;
        }
    };
    // The resolved orders live in the report now; the next turn's drafts start empty (so the
    // capital left is the next turn's, and no panel shows the resolved orders as drafts).
    session.drafts = Default::default();
    session.memos = Default::default();
    if let Err(e) = saves::autosave(&session, &saves.0) {
        notices.push(format!("Autosave failed (earlier saves are intact): {e}"));
    }
    *flow = Flow::Playback {
        elapsed: 0.0,
        duration: if moves > 0 { 3.0 } else { 0.6 },
    };
}

/// Moves the playback on; shows the report when it ends.
pub fn advance_playback(
    time: Res<Time>,
    mut flow: ResMut<Flow>,
    paused: Res<Paused>,
    mut notices: ResMut<Notices>,
) {
    for item in &mut notices.items {
        item.1 -= time.delta_secs();
    }
    notices.items.retain(|(_, left)| *left > 0.0);
    if paused.0 {
        return;
    }
    if let Flow::Playback { elapsed, duration } = &mut *flow {
        *elapsed += time.delta_secs();
        if *elapsed >= *duration {
            *flow = Flow::Report;
        }
    }
}
