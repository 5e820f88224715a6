//! `ai[:personality[:difficulty]]`: which AI, how strong.

use std::fmt;
use std::str::FromStr;

/// How hard the AI tries: search budget and noise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difficulty {
    /// A shallow look, few samples, noisy judgement, and some turns played by routine.
    Easy,
    /// The default: a three-turn look with a handful of samples.
    Normal,
    /// A four-turn look with more samples.
    Hard,
}

/// The share of turns the easy AI plays by routine (its personality's plain strategy, without a
/// look-ahead): about one in three. A design choice, measured in `docs/model.md` §13.3p: a
/// one-turn look that deliberates every turn plays Japan's seat of 2022 as well as the normal AI
/// does, so an easy AI that is easy to play against needs turns in which it does not think.
pub const EASY_ROUTINE: f64 = 0.3;

/// The search budget of a difficulty.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Single orders kept after the first screening.
    pub shortlist: usize,
    /// Samples of the hidden state and the future per bundle.
    pub rollouts: usize,
    /// Turns played forward per sample.
    pub depth: u32,
    /// Most orders in a bundle.
    pub bundle: usize,
    /// Noise added to each bundle's value (score points).
    pub noise: f64,
    /// Share of turns in which the AI does not deliberate and plays its personality's plain
    /// strategy (its routine) instead.
    pub routine: f64,
}

impl Difficulty {
    /// The budget for this difficulty: the scenario's `difficulties.ron` entry of the same id if
    /// there is one, else the built-in budget.
    pub fn budget_in(self, scn: &demarche_sim::Scenario) -> Budget {
        scn.difficulties
            .iter()
            .find(|d| d.key == self.key())
            .map_or_else(
                || self.budget(),
                |d| Budget {
                    shortlist: d.shortlist as usize,
                    rollouts: d.rollouts as usize,
                    depth: d.depth,
                    bundle: d.bundle as usize,
                    noise: d.noise,
                    routine: d.routine,
                },
            )
    }

    /// The built-in budget for this difficulty.
    pub fn budget(self) -> Budget {
        match self {
            Difficulty::Easy => Budget {
                shortlist: 5,
                rollouts: 2,
                depth: 1,
                bundle: 2,
                noise: 6.0,
                routine: EASY_ROUTINE,
            },
            Difficulty::Normal => Budget {
                shortlist: 10,
                rollouts: 5,
                depth: 3,
                bundle: 3,
                noise: 0.2,
                routine: 0.0,
            },
            Difficulty::Hard => Budget {
                shortlist: 14,
                rollouts: 12,
                depth: 4,
                bundle: 3,
                noise: 0.0,
                routine: 0.0,
            },
        }
    }

    /// The id used in policy strings and in a scenario's `difficulties.ron`.
    pub fn key(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Normal => "normal",
            Difficulty::Hard => "hard",
        }
    }
}

/// Which AI: a personality of the scenario and a difficulty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AiSpec {
    /// Personality id from the scenario's `personalities.ron`.
    pub personality: String,
    /// Difficulty.
    pub difficulty: Difficulty,
}

impl Default for AiSpec {
    fn default() -> Self {
        AiSpec {
            personality: "realist".into(),
            difficulty: Difficulty::Normal,
        }
    }
}

/// Why a policy string is not an AI spec.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    /// Not of the form `ai[:personality[:difficulty]]`.
    #[error("`{0}` is not an AI policy: write ai[:PERSONALITY[:DIFFICULTY]]")]
    NotAi(String),
    /// An unknown difficulty.
    #[error("unknown difficulty `{0}`: expected easy, normal or hard")]
    Difficulty(String),
}

impl FromStr for AiSpec {
    type Err = SpecError;

    fn from_str(text: &str) -> Result<AiSpec, SpecError> {
        let mut parts = text.split(':');
        if parts.next() != Some("ai") {
            return Err(SpecError::NotAi(text.to_owned()));
        }
        let personality = parts
            .next()
            .filter(|p| !p.is_empty())
            .unwrap_or("realist")
            .to_owned();
        let difficulty = match parts.next().unwrap_or("normal") {
            "easy" => Difficulty::Easy,
            "normal" | "" => Difficulty::Normal,
            "hard" => Difficulty::Hard,
            other => return Err(SpecError::Difficulty(other.to_owned())),
        };
        if parts.next().is_some() {
            return Err(SpecError::NotAi(text.to_owned()));
        }
        Ok(AiSpec {
            personality,
            difficulty,
        })
    }
}

impl fmt::Display for AiSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ai:{}:{}", self.personality, self.difficulty.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!("ai".parse::<AiSpec>().unwrap(), AiSpec::default());
        assert_eq!(AiSpec::default().to_string(), "ai:realist:normal");
        let s: AiSpec = "ai:hawk:hard".parse().unwrap();
        assert_eq!(
            (s.personality.as_str(), s.difficulty),
            ("hawk", Difficulty::Hard)
        );
        assert_eq!(
            "ai:dove".parse::<AiSpec>().unwrap().difficulty,
            Difficulty::Normal
        );
        assert!("ai:hawk:brutal".parse::<AiSpec>().is_err());
        assert!("hawk".parse::<AiSpec>().is_err());
        assert!("ai:a:b:c".parse::<AiSpec>().is_err());
        assert_eq!(s.to_string(), "ai:hawk:hard");
    }
}
