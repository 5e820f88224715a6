//! Opening the window: checks that a display and a Vulkan driver are there (and says what to do
//! when they are not), then builds and runs the app.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::window::{ExitCondition, PresentMode, WindowResolution};
use demarche_sim::Side;

/// How to open the window.
#[derive(Clone, Debug)]
pub struct WindowOptions {
    /// Window size in logical pixels.
    pub size: (u32, u32),
    /// Scenarios folder (default: found next to the game).
    pub scenarios: Option<PathBuf>,
    /// The teacher's inject file, chosen in the menu from the start.
    pub injects: Option<PathBuf>,
}

impl Default for WindowOptions {
    fn default() -> Self {
        WindowOptions {
            size: (1280, 720),
            scenarios: None,
            injects: None,
        }
    }
}

/// Why the window cannot open here, if it cannot.
pub fn display_problem() -> Option<String> {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    if display.is_empty() {
        return Some(if std::env::var_os("WAYLAND_DISPLAY").is_some() {
            "no X display: this build draws through X11 (XWayland), and DISPLAY is not set.".into()
        } else {
            "no display: DISPLAY is not set, so the game window cannot open here.".into()
        });
    }
    if let Err(why) = x_server_answers(&display) {
        return Some(format!(
            "the display `{}` does not answer ({why}), so the game window cannot open here.",
            display.escape_debug()
        ));
    }
    let icd_dirs = [
        "/usr/share/vulkan/icd.d",
        "/etc/vulkan/icd.d",
        "/usr/local/share/vulkan/icd.d",
    ];
    let driver = std::env::var_os("VK_ICD_FILENAMES").is_some()
        || std::env::var_os("VK_DRIVER_FILES").is_some()
        || icd_dirs
            .iter()
            .any(|d| std::fs::read_dir(d).is_ok_and(|mut r| r.next().is_some()));
    if !driver {
        return Some("no Vulkan driver found, so the game window cannot draw (Debian: apt-get install mesa-vulkan-drivers libvulkan1).".into());
    }
    None
}

/// Whether an X server listens for `display` (`[host]:number[.screen]`): a connection to its
/// socket (local) or its TCP port (remote) is tried, nothing more.
fn x_server_answers(display: &str) -> Result<(), String> {
    let (host, rest) = display
        .rsplit_once(':')
        .ok_or_else(|| "DISPLAY is not of the form [host]:number".to_owned())?;
    let number: u16 = rest
        .split('.')
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| "DISPLAY is not of the form [host]:number".to_owned())?;
    if host.is_empty() || host == "unix" || host.starts_with('/') {
        let socket = format!("/tmp/.X11-unix/X{number}");
        std::os::unix::net::UnixStream::connect(&socket)
            .map(drop)
            .map_err(|e| format!("{socket}: {e}"))
    } else {
        use std::net::ToSocketAddrs;
        let port = 6000u16.saturating_add(number);
        let addrs = (host, port)
            .to_socket_addrs()
            .map_err(|e| format!("{host}: {e}"))?;
        let timeout = std::time::Duration::from_secs(3);
        let mut last = format!("{host}:{port}: no address");
        for addr in addrs {
            match std::net::TcpStream::connect_timeout(&addr, timeout) {
                Ok(_) => return Ok(()),
                Err(e) => last = format!("{addr}: {e}"),
            }
        }
        Err(last)
    }
}

/// What to print when the window cannot open; the examples use the first scenario that loads
/// in `scenarios` (the folder of scenario folders), or `None` for the default one.
pub fn headless_hint(problem: &str, scenarios: Option<&Path>) -> String {
    let root = scenarios.map_or_else(|| crate::paths::find_dir("scenarios"), Path::to_path_buf);
    let (dir, [first, second]) = example_scenario(&root);
    let dir = dir.display();
    let root = root.display();
    format!(
        "demarche: {problem}\n\
         Everything else works without a display:\n\
         \x20 demarche run --scenario {dir} --side {first}=historical --side {second}=ai\n\
         \x20     play a game headless\n\
         \x20 demarche batch --scenario {dir} --games 100\n\
         \x20     many games\n\
         \x20 demarche validate {root}/*\n\
         \x20     check scenarios\n\
         \x20 demarche --help\n\
         \x20     all commands\n\
         To see the window on a machine without a screen: xvfb-run -a demarche"
    )
}

/// The first scenario folder in `root` that loads and its two sides' actor ids, or placeholders
/// when none does.
fn example_scenario(root: &Path) -> (PathBuf, [String; 2]) {
    let catalog = crate::session::Catalog::scan(root.to_path_buf());
    let loaded = catalog
        .entries
        .iter()
        .find_map(|e| e.loaded.as_ref().ok().map(|scn| (e.dir.clone(), scn)));
    match loaded {
        Some((dir, scn)) => {
            let key = |side: Side| scn.actor(scn.actor_of(side)).key.clone();
            (dir, [key(Side::First), key(Side::Second)])
        }
        None => (root.join("SCENARIO"), ["A".to_owned(), "B".to_owned()]),
    }
}

/// The base app: window, renderer, egui, the game's plugins.
pub fn build_app(options: &WindowOptions, title: &str) -> App {
    let mut app = App::new();
    app.insert_resource(ClearColor(crate::theme::bevy(crate::theme::SEA)))
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title: title.into(),
                        resolution: WindowResolution::new(options.size.0, options.size.1),
                        present_mode: PresentMode::AutoVsync,
                        ..default()
                    }),
                    exit_condition: ExitCondition::OnPrimaryClosed,
                    ..default()
                })
                .set(bevy::log::LogPlugin {
                    level: bevy::log::Level::WARN,
                    ..default()
                }),
        )
        .add_plugins(bevy_egui::EguiPlugin::default())
        .add_plugins((
            crate::session::SessionPlugin,
            crate::map::MapPlugin,
            crate::ui::UiPlugin,
        ));
    if let Some(dir) = &options.scenarios {
        app.insert_resource(crate::session::Catalog::scan(dir.clone()));
    }
    if let Some(file) = &options.injects {
        app.world_mut()
            .resource_mut::<crate::ui::UiState>()
            .menu
            .injects = Some(file.clone());
    }
    app
}

/// Opens the game window; returns when it closes.
pub fn run_window(options: WindowOptions) -> ExitCode {
    if let Some(problem) = display_problem() {
        eprintln!("{}", headless_hint(&problem, options.scenarios.as_deref()));
        return ExitCode::from(1);
    }
    // The display answered a moment ago, but the event loop can still fail to start (a server
    // that refuses the client, a driver that is not there after all): say so rather than panic.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        build_app(&options, "Démarche").run()
    }));
    match run {
        Ok(AppExit::Success) => ExitCode::SUCCESS,
        Ok(AppExit::Error(code)) => ExitCode::from(code.get()),
        Err(_) => {
            eprintln!(
                "{}",
                headless_hint(
                    "the game window could not start on this display (see the message above).",
                    options.scenarios.as_deref(),
                )
            );
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_names_the_first_scenario_that_loads_and_its_sides() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/demarche_sim/tests/fixtures");
        let hint = headless_hint("no display", Some(&root));
        let dir = root.join("two_rivers");
        assert!(hint.starts_with("demarche: no display\n"), "{hint}");
        assert!(
            hint.contains(&format!(
                "demarche run --scenario {} --side ALD=historical --side BOR=ai",
                dir.display()
            )),
            "{hint}"
        );
    }

    #[test]
    fn without_a_scenario_the_hint_uses_placeholders() {
        let empty = tempfile::tempdir().expect("temporary folder");
        let hint = headless_hint("no display", Some(empty.path()));
        assert!(hint.contains("--side A=historical --side B=ai"), "{hint}");
    }
}
