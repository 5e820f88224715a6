//! Démarche's game window: a Bevy app that shows the simulation on a map and lets people play it.
//!
//! The window only reads the simulation's state, submits orders and asks for turns to resolve:
//! the game itself lives in its own ECS world inside [`session::Session`]. Plugins:
//! - [`session::SessionPlugin`]: screens, the turn loop, intents, saves, the AI's thread (no
//!   rendering; it runs in headless tests);
//! - [`map::MapPlugin`]: coastlines, regions, markers, camera, playback;
//! - [`ui::UiPlugin`]: the panels and screens, drawn with egui.

pub mod launch;
pub mod map;
pub mod paths;
pub mod screenshot;
pub mod session;
pub mod theme;
pub mod ui;
