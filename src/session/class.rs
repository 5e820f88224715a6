//! A class's settings for a game: where it starts (the turns before play the record's orders for
//! both sides), how many turns it lasts (then it stops, with no named outcome), whether a memo is
//! required before End turn, and the teacher's inject file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use demarche_sim::scenario::Order;
use demarche_sim::scenario::injects::{LoadedInject, load_injects};
use demarche_sim::{Game, Scenario, Side};

/// The class's settings for a game (the defaults: the whole game, no memo required, no injects).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassSettings {
    /// The first turn the players play; the turns before it play the record (1: from the start).
    pub start_turn: u32,
    /// How many turns the players play (`None`: to the end of the game).
    pub turns: Option<u32>,
    /// Whether End turn waits until the turn's memo ("why these orders?") is written.
    pub require_memo: bool,
    /// The teacher's inject file.
    pub injects: Option<PathBuf>,
}

impl Default for ClassSettings {
    fn default() -> Self {
        ClassSettings {
            start_turn: 1,
            turns: None,
            require_memo: false,
            injects: None,
        }
    }
}

impl ClassSettings {
    /// The last turn the players play, when the class stops before the game's end.
    pub fn last_turn(&self) -> Option<u32> {
        self.turns
            .map(|m| self.start_turn.max(1).saturating_add(m.max(1)) - 1)
    }

    /// Writes the settings into a save's settings (only those that differ from the defaults).
    pub fn write(&self, settings: &mut BTreeMap<String, String>) {
        if self.start_turn > 1 {
            settings.insert("class.start_turn".into(), self.start_turn.to_string());
        }
        if let Some(turns) = self.turns {
            settings.insert("class.turns".into(), turns.to_string());
        }
        if self.require_memo {
            settings.insert("class.require_memo".into(), "true".into());
        }
        if let Some(path) = &self.injects {
            settings.insert("class.injects".into(), path.display().to_string());
        }
    }

    /// Reads the settings written by [`ClassSettings::write`] (what is missing or unreadable
    /// takes its default).
    pub fn read(settings: &BTreeMap<String, String>) -> ClassSettings {
        let number = |key: &str| settings.get(key).and_then(|v| v.parse::<u32>().ok());
        ClassSettings {
            start_turn: number("class.start_turn").unwrap_or(1).max(1),
            turns: number("class.turns").filter(|t| *t > 0),
            require_memo: settings
                .get("class.require_memo")
                .is_some_and(|v| v == "true"),
            injects: settings.get("class.injects").map(PathBuf::from),
        }
    }
}

/// Plays the turns before `from` as the record has them (both sides' historical orders), for a
/// class that starts in the middle of the record (the same loop as `demarche run --from-turn`).
pub fn play_the_record_until(game: &mut Game, from: u32) -> Result<(), String> {
    let turns = game.scenario().meta.calendar.turns;
    if from == 0 || from > turns {
        return Err(format!(
            "the class cannot start at turn {from}: the game has turns 1 to {turns}"
        ));
    }
    while game.turn() < from && !game.is_over() {
        let turn = game.turn();
        let orders: [Vec<Order>; 2] =
            Side::BOTH.map(|side| game.scenario().historical_orders(side, turn).to_vec());
        for side in Side::BOTH {
            game.submit_unchecked(side, orders[side.index()].clone());
        }
        game.resolve().map_err(|e| e.to_string())?;
    }
    if game.is_over() {
        return Err(format!(
            "the record's own game ends before turn {from}, so the class cannot start there"
        ));
    }
    Ok(())
}

/// The inject files of a scenario folder: the `.ron` files of its `injects/` folder, by name.
pub fn inject_files(scenario_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_dir.join("injects"))
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads and checks an inject file against the scenario; the first problem (and how many there
/// are) when it does not fit.
pub fn read_injects(scn: &Scenario, path: &Path) -> Result<Vec<LoadedInject>, String> {
    match load_injects(scn, path) {
        Ok((injects, _warnings)) => Ok(injects),
        Err(e) => {
            let first = e
                .problems
                .iter()
                .find(|p| p.is_error())
                .map(|p| p.headline())
                .unwrap_or_else(|| e.to_string());
            Err(if e.error_count() > 1 {
                format!("{first} (and {} more)", e.error_count() - 1)
            } else {
                first
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_survive_a_save_and_the_last_turn_counts_from_the_start() {
        let class = ClassSettings {
            start_turn: 8,
            turns: Some(4),
            require_memo: true,
            injects: Some(PathBuf::from("injects/classroom.ron")),
        };
        assert_eq!(class.last_turn(), Some(11));
        let mut map = BTreeMap::new();
        class.write(&mut map);
        assert_eq!(ClassSettings::read(&map), class);
        assert_eq!(
            ClassSettings::read(&BTreeMap::new()),
            ClassSettings::default()
        );
        assert_eq!(ClassSettings::default().last_turn(), None);
    }
}
