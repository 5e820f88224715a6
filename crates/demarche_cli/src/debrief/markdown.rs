//! `debrief.md`: the game's outcome, objectives, timeline, sanction episodes and concepts as
//! Markdown.

use std::fmt::Write;

use demarche_sim::report::ReportKind;

use super::gather::Debrief;

/// The Markdown debrief.
pub fn render(d: &Debrief) -> String {
    let mut out = String::new();
    head(&mut out, d);
    for side in &d.sides {
        let _ = writeln!(out, "## {}: score {:.0}\n", side.name, side.score);
        for o in &side.objectives {
            let _ = writeln!(
                out,
                "- **{}** (weight {}): {}. {}",
                o.name, o.weight, o.mark, o.description
            );
        }
        out.push('\n');
    }
    timeline(&mut out, d);
    episodes(&mut out, d);
    concepts(&mut out, d);
    out
}

fn head(out: &mut String, d: &Debrief) {
    let _ = writeln!(out, "# Debrief: {}\n", d.scenario().meta.title);
    let _ = writeln!(
        out,
        "**Outcome:** {} (seed {}, {} turns played)\n",
        d.outcome
            .as_ref()
            .map_or("not over yet", |o| o.name.as_str()),
        d.game.seed(),
        d.turns_played
    );
    if let Some(o) = &d.outcome {
        let _ = writeln!(out, "{}\n", o.text);
    }
    let _ = writeln!(
        out,
        "Highest escalation rung: {} ({}). Incidents: {}.\n",
        d.max_rung, d.max_rung_name, d.incidents
    );
}

fn timeline(out: &mut String, d: &Debrief) {
    let _ = writeln!(out, "## Timeline\n");
    for report in d.game.history() {
        let _ = writeln!(
            out,
            "### Turn {} ({} to {})\n",
            report.turn, report.start, report.end
        );
        for h in &report.headlines {
            let _ = writeln!(out, "- **{h}**");
        }
        for e in &report.events {
            if matches!(
                e.kind,
                ReportKind::Order(_)
                    | ReportKind::Event(_)
                    | ReportKind::Inject
                    | ReportKind::Ending
            ) {
                let mid = e.mid.map(|m| format!(" (MID {m})")).unwrap_or_default();
                let _ = writeln!(out, "- {}{mid}", e.text);
            }
        }
        out.push('\n');
    }
}

fn episodes(out: &mut String, d: &Debrief) {
    let scn = d.scenario();
    let view = d.game.view();
    if view.sanc.episodes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Sanction episodes (TIES)\n");
    for e in &view.sanc.episodes {
        let _ = writeln!(
            out,
            "- Turn {}: {}'s {} on {}: {}",
            e.turn,
            scn.actor(e.sender).name,
            e.kind.label(),
            scn.sector(e.sector).name,
            e.outcome.label()
        );
    }
    out.push('\n');
}

fn concepts(out: &mut String, d: &Debrief) {
    if d.concepts.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Concepts at work in this game\n");
    for c in &d.concepts {
        let concept = &d.scenario().concepts[*c];
        let _ = writeln!(out, "- **{}**: {}", concept.term, concept.definition);
    }
    out.push('\n');
}
