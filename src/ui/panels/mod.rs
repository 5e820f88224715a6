//! The panels and windows of the game screen, one file each: the top bar, the actions on the
//! left, the tabs on the right, what is drawn over the map, the turn's progress, the turn report,
//! the hand-over, the pause menu, help and notices.

pub mod actions;
pub mod handover;
pub mod help;
pub mod map_overlay;
pub mod notices;
pub mod pause;
pub mod report;
pub mod tabs;
pub mod top_bar;
pub mod turn_progress;
