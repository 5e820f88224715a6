//! Side flags (`--aldova hawk`): the `flag` a scenario gives a side, written like an option.
//!
//! Clap cannot know a scenario's flags before the scenario is read, so [`expand`] rewrites each
//! long option a policy-taking command does not know into the hidden `--side-flag FLAG=POLICY`
//! before parsing; [`crate::policies::names`] then resolves it against the scenario.

use std::ffi::OsString;

/// The hidden option side flags are rewritten into.
pub const ARG: &str = "--side-flag";

/// The clap id of [`ARG`]'s field; a subcommand that has it takes side policies.
const ARG_ID: &str = "side_flags";

/// Rewrites, after a subcommand that takes side policies (`run`, `batch`), every long option that
/// subcommand does not know (`--NAME VALUE` or `--NAME=VALUE`) into `--side-flag NAME=VALUE`.
/// Everything before the subcommand, after a `--`, or for other subcommands is left as it is.
pub fn expand(args: Vec<OsString>, cmd: &clap::Command) -> Vec<OsString> {
    let Some(start) = args.iter().position(|a| takes_side_flags(cmd, a)) else {
        return args;
    };
    let sub = cmd
        .find_subcommand(&args[start])
        .expect("found by takes_side_flags");
    let mut out: Vec<OsString> = args[..=start].to_vec();
    let mut rest = args[start + 1..].iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            out.push(arg.clone());
            out.extend(rest.cloned());
            break;
        }
        let Some(name) = arg.to_str().and_then(|a| a.strip_prefix("--")) else {
            out.push(arg.clone());
            continue;
        };
        let (flag, inline) = match name.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_owned())),
            None => (name, None),
        };
        if flag.is_empty() || known(sub, flag) {
            out.push(arg.clone());
            continue;
        }
        let value = match inline {
            Some(value) => value,
            None => rest
                .next()
                .map(|v| v.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        out.push(ARG.into());
        out.push(format!("{flag}={value}").into());
    }
    out
}

/// Whether `arg` names a subcommand of `cmd` that takes side policies.
fn takes_side_flags(cmd: &clap::Command, arg: &OsString) -> bool {
    arg.to_str()
        .and_then(|name| cmd.find_subcommand(name))
        .is_some_and(|sub| sub.get_arguments().any(|a| a.get_id() == ARG_ID))
}

/// Whether a subcommand has the long option `--flag` (its own, an alias, or help).
fn known(sub: &clap::Command, flag: &str) -> bool {
    flag == "help"
        || sub.get_arguments().any(|a| {
            a.get_long() == Some(flag)
                || a.get_all_aliases()
                    .is_some_and(|aliases| aliases.contains(&flag))
        })
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(subcommand)]
        command: crate::Command,
    }

    fn expanded(line: &str) -> Vec<String> {
        let args = line.split(' ').map(OsString::from).collect();
        expand(args, &Cli::command())
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn rewrites_unknown_options_of_run_and_batch() {
        assert_eq!(
            expanded("x run --aldova hawk --seed 3 --borenia=ai:dove --json"),
            [
                "x",
                "run",
                "--side-flag",
                "aldova=hawk",
                "--seed",
                "3",
                "--side-flag",
                "borenia=ai:dove",
                "--json"
            ]
        );
        assert_eq!(
            expanded("x batch --games 2 --aldova dove"),
            ["x", "batch", "--games", "2", "--side-flag", "aldova=dove"]
        );
    }

    #[test]
    fn leaves_other_commands_and_known_options_alone() {
        assert_eq!(
            expanded("x replay f --aldova"),
            ["x", "replay", "f", "--aldova"]
        );
        assert_eq!(
            expanded("x run --side ALD=hawk --help"),
            ["x", "run", "--side", "ALD=hawk", "--help"]
        );
        assert_eq!(
            expanded("x run -- --aldova"),
            ["x", "run", "--", "--aldova"]
        );
    }

    #[test]
    fn rewritten_line_parses() {
        let line = expanded("x run --scenario s --aldova hawk --borenia dove");
        let cli = Cli::try_parse_from(line).unwrap();
        let crate::Command::Run(run) = cli.command else {
            panic!("not run");
        };
        assert_eq!(run.policies.side_flags, ["aldova=hawk", "borenia=dove"]);
    }
}
