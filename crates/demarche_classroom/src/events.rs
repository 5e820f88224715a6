//! Live updates: every change is a [`Note`] on one broadcast bus; the teacher's stream gets all
//! of them, a team's stream only the notes meant for its group's teams or for itself. Notes say
//! what changed, never what a side drafted or submitted: pages fetch what they may see again.

use tokio::sync::broadcast;

/// Who may receive a note besides the teacher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The teacher alone.
    Teacher,
    /// Every team of the note's group (a resolution, a pause, a new deadline).
    Group,
    /// One team (its own draft saved or submitted, from another of its members' pages).
    Team(i64),
}

/// What changed.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Note {
    /// What kind of change: `class`, `group`, `draft`, `submitted`, `inject`, `resolved`.
    pub kind: &'static str,
    /// The class.
    pub class: i64,
    /// The group, when one group changed.
    pub group: Option<i64>,
    /// The group's turn after the change, when known.
    pub turn: Option<u32>,
    /// Who may receive it besides the teacher.
    #[serde(skip)]
    pub audience: Audience,
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

/// Whether team `team` of group `group` may receive `note`.
pub fn for_team(note: &Note, group: i64, team: i64) -> bool {
    note.group == Some(group)
        && match note.audience {
            Audience::Teacher => false,
            Audience::Group => true,
            Audience::Team(t) => t == team,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(group: Option<i64>, audience: Audience) -> Note {
        Note {
            kind: "draft",
            class: 1,
            group,
            turn: Some(1),
            audience,
        }
    }

    #[test]
    fn a_team_gets_its_group_notes_and_its_own_but_not_its_rivals() {
        assert!(for_team(&note(Some(1), Audience::Group), 1, 10));
        assert!(!for_team(&note(Some(2), Audience::Group), 1, 10));
        assert!(!for_team(&note(None, Audience::Group), 1, 10));
        assert!(!for_team(&note(Some(1), Audience::Teacher), 1, 10));
        assert!(for_team(&note(Some(1), Audience::Team(10)), 1, 10));
        assert!(!for_team(&note(Some(1), Audience::Team(11)), 1, 10));
    }
}
