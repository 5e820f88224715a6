//! Turning `--japan hawk` and friends into a policy for each side.

use demarche_ai::{Ai, AiSpec};
use demarche_sim::policy::{self, Policy};
use demarche_sim::{Scenario, Side};

use crate::args::SidePolicies;
use crate::error::CliError;

/// The policy name each side plays, resolved from the arguments (default `historical`).
pub fn names(scn: &Scenario, args: &SidePolicies) -> Result<[String; 2], CliError> {
    let mut names = [String::from("historical"), String::from("historical")];
    let mut set = |actor: &str, name: &str| -> Result<(), CliError> {
        let id = scn.names.actors.get(actor).ok_or_else(|| {
            CliError::Side(format!(
                "`{actor}` is not an actor of scenario `{}`",
                scn.meta.id
            ))
        })?;
        let side = scn.side_of(*id).ok_or_else(|| {
            CliError::Side(format!(
                "`{actor}` is not a playable side of `{}`",
                scn.meta.id
            ))
        })?;
        names[side.index()] = name.to_owned();
        Ok(())
    };
    if let Some(p) = &args.japan {
        set("JPN", p)?;
    }
    if let Some(p) = &args.russia {
        set("RUS", p)?;
    }
    for entry in &args.sides {
        let (actor, name) = entry
            .split_once('=')
            .ok_or_else(|| CliError::Usage(format!("`--side {entry}`: write ACTOR=POLICY")))?;
        set(actor, name)?;
    }
    for name in &names {
        check(scn, name)?;
    }
    Ok(names)
}

/// Checks a policy name without building it (AI personalities must exist in the scenario).
pub fn check(scn: &Scenario, name: &str) -> Result<(), CliError> {
    if name == "ai" || name.starts_with("ai:") {
        let spec: AiSpec = name
            .parse()
            .map_err(|e: demarche_ai::SpecError| CliError::Policy(e.to_string()))?;
        let builtin = ["realist", "historical", "hawk", "dove"];
        let defined = if scn.personalities.is_empty() {
            builtin.contains(&spec.personality.as_str())
        } else {
            scn.personalities.iter().any(|p| p.key == spec.personality)
        };
        if !defined {
            let known: Vec<&str> = scn.personalities.iter().map(|p| p.key.as_str()).collect();
            return Err(CliError::Policy(format!(
                "unknown AI personality `{}`; scenario `{}` has {known:?}",
                spec.personality, scn.meta.id
            )));
        }
        return Ok(());
    }
    build(name, 0).map(|_| ())
}

/// Builds a policy by name for a game with this seed: a built-in one, or the AI.
pub fn build(name: &str, seed: u64) -> Result<Box<dyn Policy>, CliError> {
    if name == "ai" || name.starts_with("ai:") {
        let spec: AiSpec = name
            .parse()
            .map_err(|e: demarche_ai::SpecError| CliError::Policy(e.to_string()))?;
        return Ok(Box::new(Ai::new(spec, seed)));
    }
    policy::builtin(name, seed).map_err(|e| CliError::Policy(e.to_string()))
}

/// Builds both sides' policies for a game.
pub fn build_pair(names: &[String; 2], seed: u64) -> Result<[Box<dyn Policy>; 2], CliError> {
    Ok([
        build(&names[Side::First.index()], seed)?,
        build(&names[Side::Second.index()], seed ^ 0x5eed_0f5e_c0d5_1d00)?,
    ])
}
