//! Démarche's classroom host: `demarche classroom --scenario DIR` serves a teacher's dashboard
//! and every team's page to browsers, over a JSON API under `/api`, with live updates by
//! server-sent events, on an SQLite database from which every group's game is rebuilt on start.
//! See `docs/classroom.md`.

pub mod api;
pub mod auth;
pub mod charts;
pub mod debriefs;
pub mod error;
pub mod events;
pub mod group;
pub mod html;
pub mod hub;
pub mod limit;
pub mod map;
pub mod pages;
pub mod preview;
pub mod secret;
pub mod store;
pub mod strings;
pub mod think;
pub mod views;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use demarche_cli::{ClassroomArgs, CliError};

pub use error::{Error, Result};
pub use hub::{Config, Hub};

/// A host: its state and the router that serves it.
pub struct App {
    /// The state.
    pub hub: Arc<Hub>,
}

impl App {
    /// Opens the host: the scenario loaded, the database opened and migrated, every group
    /// rebuilt by replaying its turns.
    pub fn open(config: Config) -> Result<App> {
        let scenario = demarche_sim::load(&config.scenario_dir).map_err(|e| {
            Error::Invalid(format!(
                "{} cannot be loaded: {} error(s); run `demarche validate` on it",
                config.scenario_dir.display(),
                e.error_count()
            ))
        })?;
        let hub = Hub::open(config, Arc::new(scenario.scenario))?;
        Ok(App { hub })
    }

    /// Starts the background task that resolves every group whose deadline has passed
    /// (checked four times a second). Call it inside a Tokio runtime; it runs until the
    /// host is dropped.
    pub fn start_deadlines(&self) -> tokio::task::JoinHandle<()> {
        let hub = Arc::downgrade(&self.hub);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_millis(250));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(hub) = hub.upgrade() else { return };
                let now = hub::now_ms();
                let _ = tokio::task::spawn_blocking(move || hub.resolve_overdue(now)).await;
            }
        })
    }

    /// The router of the site.
    pub fn router(&self) -> Router {
        api::router(self.hub.clone())
    }

    /// The teacher's URL with its key.
    pub fn teacher_url(&self) -> String {
        format!(
            "{}/teacher?key={}",
            self.hub.config.base_url,
            self.hub.teacher_key()
        )
    }
}

/// The host's configuration for the command's arguments (and the crash tests' hook,
/// `DEMARCHE_CLASSROOM_COMMIT_DELAY_MS`: see [`Config::commit_delay`]).
pub fn config_of(args: &ClassroomArgs) -> Config {
    let mut config = Config::new(args.scenario.clone(), args.db.clone());
    config.base_url = format!("http://{}", args.addr);
    config.lan = !args.addr.ip().is_loopback() && !args.addr.ip().is_unspecified();
    if let Some(ms) = std::env::var("DEMARCHE_CLASSROOM_COMMIT_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        config.commit_delay = std::time::Duration::from_millis(ms);
    }
    config
}

/// Runs `demarche classroom` until Ctrl-C.
pub fn run(args: &ClassroomArgs) -> std::result::Result<ExitCode, CliError> {
    let app = App::open(config_of(args)).map_err(|e| CliError::Usage(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(app, args.addr))?;
    Ok(ExitCode::SUCCESS)
}

/// Serves the app on `addr` until Ctrl-C, printing the teacher's URL (and the class's, on a
/// LAN address) first.
pub async fn serve(app: App, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    app.start_deadlines();
    println!("teacher: {}", app.teacher_url());
    if app.hub.config.lan {
        println!("class: {}/join", app.hub.config.base_url);
    }
    let service = app
        .router()
        .into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Registers this host as the runner of `demarche classroom` (see
/// [`demarche_cli::set_classroom_runner`]).
pub fn register() {
    demarche_cli::set_classroom_runner(run);
}
