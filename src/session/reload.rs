//! Scenario hot reload: while the menu or a briefing is shown, the scenarios folder (and the
//! shared maps) are looked at twice a second; a saved file is read again at once. A good version
//! replaces the one shown (a briefing starts again on it, with the same seed and players); a
//! broken one keeps the last good version, and the menu and the briefing list its located
//! problems until the file is fixed.

use bevy::prelude::*;

use super::catalog::Reloaded;
use super::flow::Notices;
use super::{Catalog, Intent, Screen, Session};

/// How often the folders are looked at.
const EVERY_SECONDS: f32 = 0.5;

/// What was seen last, and when to look again.
#[derive(Resource)]
pub struct Watch {
    /// Time until the next look.
    timer: Timer,
    /// The folders' fingerprint at the last look (`None` before the first).
    seen: Option<demarche_cli::watch::Fingerprint>,
}

impl Default for Watch {
    fn default() -> Self {
        Watch {
            timer: Timer::from_seconds(EVERY_SECONDS, TimerMode::Repeating),
            seen: None,
        }
    }
}

/// Registers the watch, active on the menu and the briefing.
pub fn plugin(app: &mut App) {
    app.init_resource::<Watch>().add_systems(
        Update,
        watch
            .run_if(in_state(Screen::Menu).or_else(in_state(Screen::Briefing)))
            .before(super::intents::handle),
    );
}

/// The folders watched: the scenarios folder and the shared maps.
fn watched(catalog: &Catalog) -> Vec<std::path::PathBuf> {
    vec![
        catalog.root.clone(),
        crate::paths::find_dir("assets").join("maps"),
    ]
}

/// Looks at the folders; reads again what changed.
#[allow(clippy::too_many_arguments)]
fn watch(
    time: Res<Time>,
    mut watch: ResMut<Watch>,
    mut catalog: ResMut<Catalog>,
    screen: Res<State<Screen>>,
    session: Option<Res<Session>>,
    mut notices: ResMut<Notices>,
    mut intents: MessageWriter<Intent>,
    mut map: Option<ResMut<crate::map::MapState>>,
) {
    if !watch.timer.tick(time.delta()).just_finished() && watch.seen.is_some() {
        return;
    }
    let now = demarche_cli::watch::fingerprint(&watched(&catalog));
    let Some(before) = watch.seen.replace(now.clone()) else {
        return;
    };
    if before == now {
        return;
    }
    let maps_changed = {
        let maps = crate::paths::find_dir("assets").join("maps");
        let of = |f: &demarche_cli::watch::Fingerprint| -> Vec<_> {
            f.iter()
                .filter(|(p, _, _)| p.starts_with(&maps))
                .cloned()
                .collect()
        };
        of(&before) != of(&now)
    };
    // A shared map changed: every folder is read again (any may use it).
    let before = if maps_changed { Vec::new() } else { before };
    for change in catalog.refresh(&before, &now) {
        match change {
            Reloaded::Updated { dir, title } => {
                notices.push(format!("Reloaded {title}"));
                if let Some(map) = map.as_mut() {
                    // Read the map again on entering the game.
                    map.scenario = None;
                }
                restart_briefing(
                    &catalog,
                    &dir,
                    *screen.get(),
                    session.as_deref(),
                    &mut intents,
                );
            }
            Reloaded::Broken { dir, errors } => notices.push(format!(
                "{}: {errors} error(s) in the saved files; the last good version is kept",
                dir.display()
            )),
        }
    }
}

/// On a briefing of the reloaded scenario: the same game started again on the new version.
fn restart_briefing(
    catalog: &Catalog,
    dir: &std::path::Path,
    screen: Screen,
    session: Option<&Session>,
    intents: &mut MessageWriter<Intent>,
) {
    let (Screen::Briefing, Some(session)) = (screen, session) else {
        return;
    };
    if session.scenario_dir != dir {
        return;
    }
    let Some(Ok(scenario)) = catalog
        .entries
        .iter()
        .find(|e| e.dir == dir)
        .map(|e| e.loaded.clone())
    else {
        return;
    };
    intents.write(Intent::NewGame {
        scenario,
        dir: dir.to_path_buf(),
        seed: session.game.seed(),
        mode: session.mode,
        ai: session.ai.clone(),
        class: session.class.clone(),
    });
}
