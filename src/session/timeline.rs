//! Rewind and branches in the window. A session holds lines of play: the trunk (the game as
//! first played) and branches, each played on from a turn of another line with other orders.
//! One line is current: its game is [`Session::game`], the others wait in [`Lines`].
//!
//! Looking back at a turn puts that turn's game (`Game::branch_at`, built on `Game::state_at`)
//! in [`Session::game`] for every panel and the map to show, read-only: the live game, with the
//! turn's drafts, waits in [`Looking`], orders and End turn are refused, and saves and the
//! debrief use the live game. "Branch from here" makes the game looked at a new line and plays
//! on from it; the line it came from is kept as it was.

use demarche_sim::Game;
use demarche_sim::scenario::Order;

use super::{MemoDraft, Session};

/// A line of play.
pub struct Line {
    /// Its name: "Trunk", "Branch 1 (from turn 5)".
    pub name: String,
    /// The line it branched from (none for the trunk).
    pub parent: Option<usize>,
    /// The turn it branched at (1 for the trunk).
    pub from_turn: u32,
    /// Its game while another line is current.
    pub game: Option<Game>,
}

/// The lines of play of a session and which is current.
pub struct Lines {
    /// The trunk first, then the branches in the order made.
    pub lines: Vec<Line>,
    /// The current line.
    pub current: usize,
}

impl Default for Lines {
    fn default() -> Self {
        Lines {
            lines: vec![Line {
                name: "Trunk".into(),
                parent: None,
                from_turn: 1,
                game: None,
            }],
            current: 0,
        }
    }
}

/// A turn looked at, read-only: the live game and its drafts wait here.
pub struct Looking {
    /// The turn shown.
    pub turn: u32,
    /// The live game of the current line.
    pub live: Game,
    /// The drafts of the live turn.
    pub drafts: [Vec<Order>; 2],
    /// The memos of the live turn.
    pub memos: [MemoDraft; 2],
    /// Whether each side had submitted.
    pub ready: [bool; 2],
}

impl Session {
    /// The current line's live game (not the turn looked at).
    pub fn live_game(&self) -> &Game {
        self.looking.as_ref().map_or(&self.game, |l| &l.live)
    }

    /// The turn looked at, read-only, if any.
    pub fn looking_at(&self) -> Option<u32> {
        self.looking.as_ref().map(|l| l.turn)
    }

    /// The game of a line.
    pub fn line_game(&self, line: usize) -> Option<&Game> {
        if line == self.lines.current {
            Some(self.live_game())
        } else {
            self.lines.lines.get(line)?.game.as_ref()
        }
    }

    /// The game of the current line's parent (the trunk of a branch), for comparisons.
    pub fn parent_game(&self) -> Option<(&str, &Game)> {
        let parent = self.lines.lines[self.lines.current].parent?;
        Some((
            self.lines.lines[parent].name.as_str(),
            self.line_game(parent)?,
        ))
    }

    /// Shows the state at the start of `turn` of the current line, read-only; the live turn
    /// (and its drafts) is kept. Looking at the live turn goes back to it.
    pub fn look_at(&mut self, turn: u32) -> Result<(), String> {
        self.back_to_now();
        if turn == self.game.turn() {
            return Ok(());
        }
        let past = self.game.branch_at(turn).map_err(|e| e.to_string())?;
        let live = std::mem::replace(&mut self.game, past);
        self.looking = Some(Looking {
            turn,
            live,
            drafts: std::mem::take(&mut self.drafts),
            memos: std::mem::take(&mut self.memos),
            ready: std::mem::take(&mut self.ready),
        });
        Ok(())
    }

    /// Back to the live turn of the current line.
    pub fn back_to_now(&mut self) {
        if let Some(looking) = self.looking.take() {
            self.game = looking.live;
            self.drafts = looking.drafts;
            self.memos = looking.memos;
            self.ready = looking.ready;
        }
    }

    /// Makes the turn looked at a new line and plays on from it (with empty drafts); the line
    /// it came from is kept as it was. Returns the new line's index.
    pub fn branch_here(&mut self) -> Result<usize, String> {
        let Some(looking) = self.looking.take() else {
            return Err("Choose a turn in the timeline first.".into());
        };
        let parent = self.lines.current;
        self.lines.lines[parent].game = Some(looking.live);
        let n = self.lines.lines.len();
        self.lines.lines.push(Line {
            name: format!("Branch {n} (from turn {})", looking.turn),
            parent: Some(parent),
            from_turn: looking.turn,
            game: None,
        });
        self.lines.current = n;
        self.begin_turn();
        Ok(n)
    }

    /// Makes another line current (its live turn, with empty drafts).
    pub fn switch_line(&mut self, line: usize) -> Result<(), String> {
        self.back_to_now();
        if line == self.lines.current {
            return Ok(());
        }
        let game = self
            .lines
            .lines
            .get_mut(line)
            .and_then(|l| l.game.take())
            .ok_or_else(|| format!("there is no line {line}"))?;
        let old = std::mem::replace(&mut self.game, game);
        let current = self.lines.current;
        self.lines.lines[current].game = Some(old);
        self.lines.current = line;
        self.begin_turn();
        Ok(())
    }
}
