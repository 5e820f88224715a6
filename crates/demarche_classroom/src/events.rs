//! Live updates: every change is a [`Note`] on one broadcast bus; the teacher's stream gets all
//! of them, a team's stream only its own group's notes meant for teams. Notes say what changed,
//! never what a side drafted or submitted: pages fetch what they may see again.

use tokio::sync::broadcast;

/// What changed.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Note {
    /// What kind of change: `class`, `group`, `submitted`, `resolved`, `paused`, `ended`…
    pub kind: &'static str,
    /// The class.
    pub class: i64,
    /// The group, when one group changed.
    pub group: Option<i64>,
    /// The group's turn after the change, when known.
    pub turn: Option<u32>,
    /// Only for the teacher's stream.
    #[serde(skip)]
    pub teacher_only: bool,
}

/// The bus.
#[derive(Clone)]
pub struct Bus {
    tx: broadcast::Sender<Note>,
}

impl Default for Bus {
    fn default() -> Self {
        Bus {
            tx: broadcast::channel(1024).0,
        }
    }
}

impl Bus {
    /// Sends a note to whoever listens.
    pub fn send(&self, note: Note) {
        let _ = self.tx.send(note);
    }

    /// A new listener.
    pub fn subscribe(&self) -> broadcast::Receiver<Note> {
        self.tx.subscribe()
    }
}

/// Whether a team of `group` may receive `note`.
pub fn for_team(note: &Note, group: i64) -> bool {
    !note.teacher_only && note.group == Some(group)
}
