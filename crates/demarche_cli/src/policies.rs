//! Turning `--side ALD=hawk` (or a side flag such as `--aldova hawk`) into a policy for each side.

use demarche_ai::{Ai, AiSpec};
use demarche_sim::policy::{self, Policy};
use demarche_sim::{Scenario, Side};

use crate::args::SidePolicies;
use crate::error::CliError;

/// The policy name each side plays, resolved from the arguments (default `historical`).
pub fn names(scn: &Scenario, args: &SidePolicies) -> Result<[String; 2], CliError> {
    let mut names = [String::from("historical"), String::from("historical")];
    for entry in &args.side_flags {
        let (flag, name) = entry.split_once('=').unwrap_or((entry, ""));
        let side = side_of_flag(scn, flag)?;
        if name.is_empty() {
            return Err(CliError::Usage(format!("`--{flag}` needs a policy")));
        }
        names[side.index()] = name.to_owned();
    }
    for entry in &args.sides {
        let (actor, name) = entry
            .split_once('=')
            .ok_or_else(|| CliError::Usage(format!("`--side {entry}`: write ACTOR=POLICY")))?;
        names[scn.side_named(actor).map_err(CliError::Side)?.index()] = name.to_owned();
    }
    for name in &names {
        check(scn, name)?;
    }
    Ok(names)
}

/// The side whose `flag` is `flag`, or an error naming the scenario's side flags.
fn side_of_flag(scn: &Scenario, flag: &str) -> Result<Side, CliError> {
    let flag_of = |side: Side| {
        scn.actor(scn.actor_of(side))
            .side
            .as_ref()
            .and_then(|s| s.flag.as_deref())
    };
    if let Some(side) = Side::BOTH.into_iter().find(|s| flag_of(*s) == Some(flag)) {
        return Ok(side);
    }
    let flags: Vec<&str> = Side::BOTH.into_iter().filter_map(flag_of).collect();
    let known = if flags.is_empty() {
        "its sides have no flags".to_owned()
    } else {
        let listed: Vec<String> = flags.iter().map(|f| format!("--{f}")).collect();
        format!("its side flags are {}", listed.join(", "))
    };
    let close = demarche_sim::scenario::suggest::did_you_mean(flag, flags.iter().copied())
        .map(|f| format!("did you mean `--{f}`? "))
        .unwrap_or_default();
    let sides: Vec<&str> = scn
        .sides
        .iter()
        .map(|a| scn.actor(*a).key.as_str())
        .collect();
    Err(CliError::Usage(format!(
        "unknown option `--{flag}`: not an option of this command, and scenario `{}` has no side flag `{flag}` ({known}); {close}`--side ACTOR=POLICY` works for every side: {}",
        scn.meta.id,
        sides.join(", ")
    )))
}

/// Checks a policy name without building it (AI personalities must exist in the scenario).
pub fn check(scn: &Scenario, name: &str) -> Result<(), CliError> {
    if let Some(text) = name.strip_prefix(policy::PLAN_PREFIX) {
        return policy::PlanSpec::parse(text)
            .and_then(|spec| spec.resolve(scn))
            .map(|_| ())
            .map_err(|why| CliError::Policy(format!("plan `{text}`: {why}")));
    }
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
