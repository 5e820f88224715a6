//! Markdown in a Ui (briefings, teacher's notes), rendered by `egui_commonmark`: headings,
//! paragraphs, bullet and numbered lists, tables, emphasis, code and links as written.

use std::sync::{Arc, Mutex};

use bevy_egui::egui;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

/// The renderer's cache, kept in egui's memory from one frame to the next (it holds which
/// links were clicked and where headings are; no images are loaded).
type SharedCache = Arc<Mutex<CommonMarkCache>>;

/// Shows Markdown in a Ui, as CommonMark with GitHub's tables.
pub fn show(ui: &mut egui::Ui, text: &str) {
    let cache = shared_cache(ui.ctx());
    let mut cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    CommonMarkViewer::new().show(ui, &mut cache, text);
}

/// The one cache of this egui context, made on first use.
fn shared_cache(ctx: &egui::Context) -> SharedCache {
    let id = egui::Id::new("demarche_markdown_cache");
    ctx.data_mut(|data| data.get_temp_mut_or_default::<SharedCache>(id).clone())
}
