//! The panels and windows of the game screen, one file each: the top bar, the actions on the
//! left, the tabs on the right, what is drawn over the map, the turn's progress, the turn report,
//! the hand-over, the pause menu, help, notices, and the facilitator's panel.

pub mod actions;
pub mod facilitator;
pub mod handover;
pub mod help;
pub mod map_overlay;
pub mod memo;
pub mod notices;
pub mod pause;
pub mod report;
pub mod scenario_problems;
pub mod tabs;
pub mod timeline;
pub mod top_bar;
pub mod turn_progress;

use bevy::prelude::*;

/// The game screen's panels and windows, and the notices.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        facilitator::plugin,
        handover::plugin,
        top_bar::plugin,
        actions::plugin,
        tabs::plugin,
        map_overlay::plugin,
        turn_progress::plugin,
        report::plugin,
        pause::plugin,
        help::plugin,
        notices::plugin,
        scenario_problems::plugin,
    ));
}
