//! The game screen: the map with its panels and windows, or the hand-over between two players.
//! Each panel is a plugin of its own in [`crate::ui::panels`], added here; this file says when
//! the game is shown.

use bevy::prelude::*;

use crate::session::{Flow, Session};

/// The game screen's panels.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins(crate::ui::panels::plugin);
}

/// Whether the game screen shows the game: there is a session, and no hand-over hides it. The
/// panels of the game screen run under `in_state(Screen::Playing).and_then(game_shown)`.
pub fn game_shown(session: Option<Res<Session>>, flow: Res<Flow>) -> bool {
    session.is_some() && !matches!(*flow, Flow::Handover(_))
}

/// Whether two players are handing the device over (everything else is hidden).
pub fn handing_over(session: Option<Res<Session>>, flow: Res<Flow>) -> bool {
    session.is_some() && matches!(*flow, Flow::Handover(_))
}
