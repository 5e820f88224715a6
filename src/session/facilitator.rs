//! The facilitator (the teacher): a key that unlocks the facilitator panel once per run of the
//! program, and what the panel may do to a game: fire one of the inject file's injects now (it
//! fires when the turn resolves), take it back before End turn, and require memos.
//!
//! The key is `$DEMARCHE_TEACHER_KEY`, or else a short random key made at start-up and printed
//! once on standard output (`facilitator key: XXXX`). Every facilitator intent but the unlocking
//! one is refused while the panel is locked.

use bevy::prelude::*;
use demarche_sim::scenario::injects::LoadedInject;

use super::flow::Notices;
use super::{Intent, Session};

/// The environment variable that sets the facilitator's key.
pub const KEY_VAR: &str = "DEMARCHE_TEACHER_KEY";

/// Length of a made-up key.
const KEY_LENGTH: usize = 5;

/// The facilitator's key and whether it was given in this run of the program.
#[derive(Resource, Clone, Debug, Default)]
pub struct Facilitator {
    /// The key (empty until start-up sets it).
    pub key: String,
    /// Whether the key was given: the panel asks for it once per run.
    pub unlocked: bool,
    /// How many wrong keys were given.
    pub refused: u32,
}

impl Facilitator {
    /// A locked facilitator with this key.
    pub fn with_key(key: impl Into<String>) -> Facilitator {
        Facilitator {
            key: key.into(),
            ..Facilitator::default()
        }
    }

    /// Tries a key; returns whether it unlocked the panel. Spaces around it and the letters'
    /// case do not matter.
    pub fn try_key(&mut self, given: &str) -> bool {
        let ok = !self.key.is_empty() && given.trim().eq_ignore_ascii_case(self.key.trim());
        if ok {
            self.unlocked = true;
        } else {
            self.refused += 1;
        }
        ok
    }
}

/// A short random key, from the operating system's random source (as the classroom host's).
pub fn make_key() -> String {
    demarche_classroom::secret::random_text(KEY_LENGTH)
}

/// Start-up: the key from `$DEMARCHE_TEACHER_KEY`, or a made-up one printed once (unless a key
/// was set already, as the tests and the screenshot tool do).
pub fn setup(mut facilitator: ResMut<Facilitator>) {
    if !facilitator.key.is_empty() {
        return;
    }
    match std::env::var(KEY_VAR).ok().filter(|k| !k.trim().is_empty()) {
        Some(key) => facilitator.key = key,
        None => {
            facilitator.key = make_key();
            println!("facilitator key: {}", facilitator.key);
        }
    }
}

/// Where one of the inject file's injects stands in the game.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InjectStatus {
    /// It fired (on its own, or fired by the facilitator), in this turn if the report says.
    Fired(Option<u32>),
    /// The facilitator fired it in this turn: it fires when the turn resolves.
    Queued,
    /// It waits for its turn or its condition.
    Scheduled,
    /// It is not in the game (its turn was before the class started, or it was fired and taken
    /// back after its turn): only the facilitator can fire it.
    Unscheduled,
}

/// The id of the copy of `key` fired in `turn`.
pub fn copy_key(key: &str, turn: u32) -> String {
    format!("{key}@turn{turn}")
}

/// Whether `id` is the inject `key` or one of its fired copies.
fn is_of(id: &str, key: &str) -> bool {
    id == key
        || id
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix("@turn"))
            .is_some_and(|n| n.parse::<u32>().is_ok())
}

/// Where the file's inject `key` stands.
pub fn status(session: &Session, key: &str) -> InjectStatus {
    let game = &session.game;
    let fired = game
        .injects()
        .iter()
        .map(|e| e.inject.key.as_str())
        .chain(std::iter::once(key))
        .find(|id| is_of(id, key) && game.has_fired(id));
    if let Some(id) = fired {
        let event = format!("inject:{id}");
        let turn = game
            .history()
            .iter()
            .find(|r| r.events.iter().any(|e| e.id == event))
            .map(|r| r.turn);
        return InjectStatus::Fired(turn);
    }
    let queued = copy_key(key, game.turn());
    if game.injects().iter().any(|e| e.inject.key == queued) {
        InjectStatus::Queued
    } else if game.injects().iter().any(|e| e.inject.key == key) {
        InjectStatus::Scheduled
    } else {
        InjectStatus::Unscheduled
    }
}

/// While an earlier turn is shown read-only, the game on screen is a copy that is thrown away on
/// "Back to now": an inject fired or taken back there would be lost, so neither is allowed.
fn refuse_while_looking_back(session: &Session) -> Result<(), String> {
    match session.looking_at() {
        Some(turn) => Err(format!(
            "turn {turn} is shown read-only: go back to now to fire or take back an inject"
        )),
        None => Ok(()),
    }
}

/// Fires the file's inject `key` in this turn: a copy of it due now is added to the game (it
/// fires when the turn resolves), and the original, if it was waiting for its turn or condition,
/// is held so that it does not fire a second time. Returns its title.
pub fn fire_now(session: &mut Session, key: &str) -> Result<String, String> {
    let file = session
        .inject_file
        .iter()
        .find(|e| e.inject.key == key)
        .cloned()
        .ok_or_else(|| format!("the inject file has no inject `{key}`"))?;
    if session.finished() {
        return Err("the game is over".into());
    }
    refuse_while_looking_back(session)?;
    match status(session, key) {
        InjectStatus::Fired(_) => return Err(format!("“{}” has fired already", file.inject.title)),
        InjectStatus::Queued => {
            return Err(format!(
                "“{}” fires at the end of this turn already",
                file.inject.title
            ));
        }
        InjectStatus::Scheduled | InjectStatus::Unscheduled => {}
    }
    let now = session.game.turn();
    let copy = file.clone().due_now(copy_key(key, now), now);
    let held = session.game.withdraw_inject(key).ok();
    if let Err(e) = session.game.add_injects(vec![copy]) {
        if let Some(original) = held {
            let _ = session.game.add_injects(vec![original]);
        }
        return Err(e.to_string());
    }
    Ok(file.inject.title)
}

/// Takes back the file's inject `key` fired in this turn (before End turn resolves it); the
/// original goes back to its turn or condition if it is still ahead. Returns its title.
pub fn take_back(session: &mut Session, key: &str) -> Result<String, String> {
    refuse_while_looking_back(session)?;
    let now = session.game.turn();
    let taken = session
        .game
        .withdraw_inject(&copy_key(key, now))
        .map_err(|e| e.to_string())?;
    let original = session
        .inject_file
        .iter()
        .find(|e| e.inject.key == key)
        .cloned();
    if let Some(original) = original
        && original.inject.turn.is_none_or(|t| t >= now)
        && !session.game.has_fired(key)
        && !session.game.injects().iter().any(|e| e.inject.key == key)
    {
        let _ = session.game.add_injects(vec![original]);
    }
    Ok(taken.inject.title)
}

/// The injects of the file that are due from `turn` on (those of earlier turns are left to the
/// facilitator), and how many were left out.
pub fn due_from(injects: &[LoadedInject], turn: u32) -> (Vec<LoadedInject>, usize) {
    let due: Vec<LoadedInject> = injects
        .iter()
        .filter(|e| e.inject.turn.is_none_or(|t| t >= turn))
        .cloned()
        .collect();
    let left = injects.len() - due.len();
    (due, left)
}

/// Carries out the facilitator's intents (after [`super::intents::handle`], in the same frame).
pub fn handle(
    mut intents: MessageReader<Intent>,
    mut facilitator: ResMut<Facilitator>,
    mut session: Option<ResMut<Session>>,
    mut notices: ResMut<Notices>,
) {
    for intent in intents.read() {
        match intent {
            Intent::UnlockFacilitator(given) => {
                if !facilitator.try_key(given) {
                    notices.push("That is not the facilitator key.");
                }
                continue;
            }
            Intent::FireInject(_) | Intent::TakeBackInject(_) | Intent::SetRequireMemo(_) => {}
            _ => continue,
        }
        if !facilitator.unlocked {
            notices.push("The facilitator panel is locked: give its key first (F9).");
            continue;
        }
        let Some(s) = session.as_deref_mut() else {
            continue;
        };
        match intent {
            Intent::FireInject(key) => match fire_now(s, key) {
                Ok(title) => notices.push(format!(
                    "“{title}” fires when this turn resolves (take it back before End turn)."
                )),
                Err(why) => notices.push(format!("Could not fire the inject: {why}")),
            },
            Intent::TakeBackInject(key) => match take_back(s, key) {
                Ok(title) => notices.push(format!("“{title}” was taken back.")),
                Err(why) => notices.push(format!("Could not take the inject back: {why}")),
            },
            Intent::SetRequireMemo(on) => s.class.require_memo = *on,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters of a made-up key (the classroom host's alphabet: no 0/O or 1/I, so it reads aloud
    /// and types back without doubt).
    const KEY_LETTERS: &[u8] = demarche_classroom::secret::ALPHABET;

    #[test]
    fn keys_are_short_readable_and_checked_without_case_or_spaces() {
        let key = make_key();
        assert_eq!(key.len(), KEY_LENGTH);
        assert!(key.bytes().all(|b| KEY_LETTERS.contains(&b)), "{key}");
        let mut facilitator = Facilitator::with_key("AB3CD");
        assert!(!facilitator.try_key("nope"));
        assert!(!facilitator.unlocked);
        assert_eq!(facilitator.refused, 1);
        assert!(facilitator.try_key(" ab3cd "));
        assert!(facilitator.unlocked);
        assert!(!Facilitator::default().try_key(""), "no key, no entry");
    }

    #[test]
    fn copies_belong_to_their_inject() {
        assert!(is_of("fish", "fish"));
        assert!(is_of(&copy_key("fish", 4), "fish"));
        assert!(!is_of("fisheries@turn4", "fish"));
        assert!(!is_of("fish@turnx", "fish"));
    }
}
