//! The game session: one game of the simulation, who plays each side, the orders being drafted,
//! and the turn loop (plan, hand over, let the AI think, resolve, play back, report). This is the
//! window's logic; it renders nothing and runs in headless tests.

pub mod ai_worker;
pub mod catalog;
pub mod class;
pub mod facilitator;
pub mod flow;
pub mod intents;
pub mod memos;
pub mod reload;
pub mod saves;
pub mod timeline;

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use demarche_ai::AiSpec;
use demarche_sim::scenario::Order;
use demarche_sim::scenario::injects::LoadedInject;
use demarche_sim::{Game, Scenario, Side, SideView};

pub use catalog::Catalog;
pub use class::ClassSettings;
pub use flow::{Flow, Screen};
pub use intents::Intent;
pub use memos::MemoDraft;

/// Who gives a side's orders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Controller {
    /// A person at this machine.
    Human,
    /// The AI with this personality and difficulty.
    Ai(AiSpec),
}

/// How the game is played.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One person plays this side against the AI.
    Play(Side),
    /// Two people on one machine, each side's orders hidden from the other.
    TwoPlayers,
    /// The AI plays both sides; the people watch.
    Watch,
}

impl Mode {
    /// The controllers of both sides in this mode.
    pub fn controllers(self, ai: &AiSpec) -> [Controller; 2] {
        let ai = || Controller::Ai(ai.clone());
        match self {
            Mode::Play(Side::First) => [Controller::Human, ai()],
            Mode::Play(Side::Second) => [ai(), Controller::Human],
            Mode::TwoPlayers => [Controller::Human, Controller::Human],
            Mode::Watch => [ai(), ai()],
        }
    }

    /// A key for saves.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Play(Side::First) => "first",
            Mode::Play(Side::Second) => "second",
            Mode::TwoPlayers => "two-players",
            Mode::Watch => "watch",
        }
    }

    /// Reads a key written by [`Mode::key`].
    pub fn from_key(key: &str) -> Option<Mode> {
        Some(match key {
            "first" => Mode::Play(Side::First),
            "second" => Mode::Play(Side::Second),
            "two-players" => Mode::TwoPlayers,
            "watch" => Mode::Watch,
            _ => return None,
        })
    }
}

/// One game being played in the window.
#[derive(Resource)]
pub struct Session {
    /// The game.
    pub game: Game,
    /// The scenario folder it was loaded from.
    pub scenario_dir: PathBuf,
    /// How it is played.
    pub mode: Mode,
    /// The AI used for AI-controlled sides.
    pub ai: AiSpec,
    /// Who controls each side.
    pub controllers: [Controller; 2],
    /// Orders each side is drafting for this turn.
    pub drafts: [Vec<Order>; 2],
    /// The memo each side is drafting for this turn, beside its orders.
    pub memos: [MemoDraft; 2],
    /// The class's settings: where the players start, how long they play, memos, injects.
    pub class: ClassSettings,
    /// The injects of the class's inject file (for the facilitator panel; those due are in the
    /// game too).
    pub inject_file: Vec<LoadedInject>,
    /// Whether each side has submitted its orders for this turn.
    pub ready: [bool; 2],
    /// The AI's reasons for its last orders, per side.
    pub ai_reasons: [Vec<String>; 2],
    /// Milliseconds of the AI's last decision, per side.
    pub ai_millis: [Option<f64>; 2],
    /// The lines of play: the trunk and its branches ([`timeline`]).
    pub lines: timeline::Lines,
    /// The earlier turn shown read-only, with the live game kept aside.
    pub looking: Option<timeline::Looking>,
}

impl Session {
    /// A new session of a scenario.
    pub fn new(
        scenario: Arc<Scenario>,
        scenario_dir: PathBuf,
        seed: u64,
        mode: Mode,
        ai: AiSpec,
    ) -> Session {
        Session::with_game(Game::new(scenario, seed), scenario_dir, mode, ai)
    }

    /// A session around an existing game (a loaded save).
    pub fn with_game(game: Game, scenario_dir: PathBuf, mode: Mode, ai: AiSpec) -> Session {
        let controllers = mode.controllers(&ai);
        let mut session = Session {
            game,
            scenario_dir,
            mode,
            ai,
            controllers,
            drafts: Default::default(),
            memos: Default::default(),
            class: ClassSettings::default(),
            inject_file: Vec::new(),
            ready: [false; 2],
            ai_reasons: Default::default(),
            ai_millis: [None; 2],
            lines: timeline::Lines::default(),
            looking: None,
        };
        for side in Side::BOTH {
            let submitted = session.game.submitted(side).to_vec();
            session.memos[side.index()] =
                MemoDraft::from_memo(session.game.memo(side), session.scenario(), &submitted);
            session.drafts[side.index()] = submitted;
        }
        session
    }

    /// Sets the game up for a class: reads the inject file, plays the record's turns before the
    /// class's first turn, and adds the file's injects due from there on. Returns what to tell
    /// the players (injects left to the facilitator); refuses an inject file that does not fit
    /// the scenario or a start the record cannot reach.
    pub fn start_class(&mut self, class: ClassSettings) -> Result<Vec<String>, String> {
        let injects = match &class.injects {
            Some(path) => class::read_injects(self.scenario(), path)?,
            None => Vec::new(),
        };
        if class.start_turn > 1 {
            class::play_the_record_until(&mut self.game, class.start_turn)?;
        }
        let mut notes = Vec::new();
        let (due, left) = facilitator::due_from(&injects, self.game.turn());
        if left > 0 {
            notes.push(format!(
                "{left} inject(s) of the file fall before turn {}: only the facilitator can fire them (F9).",
                self.game.turn()
            ));
        }
        self.game.add_injects(due).map_err(|e| e.to_string())?;
        self.game.stop_after(class.last_turn());
        self.inject_file = injects;
        self.class = class;
        Ok(notes)
    }

    /// Whether the game is finished: over, or stopped after the class's last turn (the game
    /// itself knows its stop, so its side views and reports treat a stopped class as over).
    pub fn finished(&self) -> bool {
        self.game.is_over()
    }

    /// The class's last turn, once the game has been stopped after it (with no ending of its own).
    pub fn stopped_after(&self) -> Option<u32> {
        self.game.stopped().then(|| self.game.last_turn())
    }

    /// Why `side` cannot end its turn yet, if it cannot: the class requires a memo and the
    /// turn's note is blank (the AI is never asked).
    pub fn end_turn_blocked(&self, side: Side) -> Option<String> {
        (self.class.require_memo && self.is_human(side) && !self.memos[side.index()].has_note())
            .then(|| "Write why these orders (the memo under your orders) before End turn.".into())
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        self.game.scenario()
    }

    /// Whether a person plays this side.
    pub fn is_human(&self, side: Side) -> bool {
        self.controllers[side.index()] == Controller::Human
    }

    /// The side whose view the window shows: the human's, the side planning in a two-player
    /// game, or the first side when the AI plays both.
    pub fn viewer(&self, flow: &Flow) -> Side {
        match (self.mode, flow) {
            (Mode::Play(side), _) => side,
            (Mode::TwoPlayers, Flow::Planning(side) | Flow::Handover(side)) => *side,
            _ => Side::First,
        }
    }

    /// What `side` sees of the game: everything the window draws for a side comes from it.
    pub fn side_view(&self, side: Side) -> SideView {
        self.game.side_view(side)
    }

    /// Adds an order to a side's draft if it is available after the orders already drafted.
    pub fn add_order(&mut self, side: Side, order: Order) -> Result<(), String> {
        let drafted = &self.drafts[side.index()];
        self.side_view(side).check(&order, drafted)?;
        self.drafts[side.index()].push(order);
        Ok(())
    }

    /// Removes a drafted order (and its memo).
    pub fn remove_order(&mut self, side: Side, index: usize) {
        let drafts = &mut self.drafts[side.index()];
        if index < drafts.len() {
            drafts.remove(index);
            self.memos[side.index()].remove_order(index);
        }
    }

    /// Political capital left after the drafted orders.
    pub fn capital_left(&self, side: Side) -> f64 {
        let scn = self.scenario();
        let actor = scn.actor_of(side);
        let spent: f64 = self.drafts[side.index()]
            .iter()
            .map(|o| scn.action(o.action).capital)
            .sum();
        self.side_view(side)
            .view()
            .ind
            .get(actor, demarche_sim::scenario::Indicator::Capital)
            - spent
    }

    /// Submits a side's draft with its memo; refused orders come back with reasons and nothing
    /// is submitted. A person's turn waits for its memo when the class requires one.
    pub fn submit(&mut self, side: Side) -> Result<(), String> {
        if let Some(why) = self.end_turn_blocked(side) {
            return Err(why);
        }
        let orders = self.drafts[side.index()].clone();
        let memo = self.memos[side.index()].to_memo(self.scenario(), &orders);
        self.game.submit(side, orders).map_err(|e| e.to_string())?;
        self.game.set_memo(side, memo);
        self.ready[side.index()] = true;
        Ok(())
    }

    /// The orders the orders panel lists for `side` while the turn is at `flow`: once a turn
    /// has resolved (its playback and report), the orders its report says were carried out;
    /// otherwise this turn's drafts. Never the orders of a turn before the one reported.
    pub fn panel_orders(&self, flow: &Flow, side: Side) -> PanelOrders {
        let resolved = matches!(flow, Flow::Playback { .. } | Flow::Report);
        match self.game.last_report() {
            Some(report) if resolved => {
                let scn = self.scenario();
                PanelOrders {
                    turn: report.turn,
                    orders: report.orders[side.index()]
                        .iter()
                        .filter_map(|raw| scn.resolve_order(raw).ok())
                        .collect(),
                    resolved: true,
                }
            }
            _ => PanelOrders {
                turn: self.game.turn(),
                orders: self.drafts[side.index()].clone(),
                resolved: false,
            },
        }
    }

    /// Clears the drafts, memos and readiness for a new turn.
    pub fn begin_turn(&mut self) {
        self.drafts = Default::default();
        self.memos = Default::default();
        self.ready = [false; 2];
    }
}

/// What the orders panel lists: a turn's orders, drafted or resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelOrders {
    /// The turn the orders are for.
    pub turn: u32,
    /// The orders, in the order given.
    pub orders: Vec<Order>,
    /// Whether the turn has resolved (the orders are its report's, and can no longer change).
    pub resolved: bool,
}

/// The window's logic: states, the session flow, intents, saves. No rendering.
pub struct SessionPlugin;

impl Plugin for SessionPlugin {
    fn build(&self, app: &mut App) {
        app.init_state::<Screen>()
            .init_resource::<Flow>()
            .init_resource::<Catalog>()
            .init_resource::<flow::Notices>()
            .init_resource::<flow::Paused>()
            .init_resource::<ai_worker::AiJobs>()
            .init_resource::<saves::SavesDir>()
            .init_resource::<facilitator::Facilitator>()
            .add_message::<Intent>()
            .add_plugins(reload::plugin)
            .add_systems(Startup, (catalog::scan, facilitator::setup))
            .add_systems(
                Update,
                (
                    intents::handle,
                    facilitator::handle,
                    ai_worker::start_jobs,
                    ai_worker::collect_jobs,
                    flow::resolve_when_ready,
                    flow::advance_playback,
                )
                    .chain(),
            );
    }
}
