//! `debrief.md`: the game's outcome, objectives, timeline, sanction episodes and concepts as
//! Markdown.

use std::fmt::Write;

use demarche_sim::Side;

use super::gather::{Debrief, memo_text, milestone_times, orders_text};

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
    record(&mut out, d);
    episodes(&mut out, d);
    concepts(&mut out, d);
    questions(&mut out, d);
    sources(&mut out, d);
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
    let scn = d.scenario();
    let played: Vec<String> = Side::BOTH
        .iter()
        .map(|s| {
            let agenda = d
                .game
                .agenda(*s)
                .and_then(|key| scn.agendas.iter().find(|a| a.key == key))
                .map(|a| format!(", with the agenda \"{}\"", a.name))
                .unwrap_or_default();
            format!(
                "{} played by {}{agenda}",
                d.sides[s.index()].name,
                d.player(*s)
            )
        })
        .collect();
    let _ = writeln!(out, "{}.\n", played.join("; "));
    let _ = writeln!(
        out,
        "Highest escalation rung: {} ({}). Incidents: {}.\n",
        d.max_rung, d.max_rung_name, d.incidents
    );
}

fn timeline(out: &mut String, d: &Debrief) {
    let scn = d.scenario();
    let _ = writeln!(out, "## Timeline\n");
    let _ = writeln!(
        out,
        "Each line says what it is: an order, a historical event (with its sources below), a \
         model roll with its probability, or a teacher's inject. Recurring events are told once, \
         with their count.\n"
    );
    for report in d.game.history() {
        let _ = writeln!(
            out,
            "### Turn {} ({} to {})\n",
            report.turn, report.start, report.end
        );
        for h in &report.headlines {
            let _ = writeln!(out, "- **{}**", cell(h));
        }
        for e in d.entries_in(report.turn) {
            let mid = e.mid.map(|m| format!(" (MID {m})")).unwrap_or_default();
            let _ = writeln!(out, "- *[{}]* {}{mid}", e.tag(), cell(&e.text));
        }
        for side in Side::BOTH {
            let memo = &report.memos[side.index()];
            if !memo.is_empty() {
                let _ = writeln!(
                    out,
                    "- ✍ *{}:* {}",
                    d.memo_label(side),
                    cell(&memo_text(scn, memo))
                );
            }
        }
        for m in report
            .milestones
            .iter()
            .filter_map(|m| scn.milestones.get(m.index()))
        {
            let _ = writeln!(out, "- ★ *Milestone of the record:* {}", cell(&m.text));
        }
        out.push('\n');
    }
}

fn record(out: &mut String, d: &Debrief) {
    let scn = d.scenario();
    let comparison = &d.record;
    if comparison.turns.iter().all(|t| {
        t.sides
            .iter()
            .all(|s| s.record.is_empty() && s.note.is_none())
    }) && comparison.milestones.is_empty()
    {
        return;
    }
    let _ = writeln!(out, "## The record beside this game\n");
    for side in Side::BOTH {
        let name = &d.sides[side.index()].name;
        match comparison.departed[side.index()] {
            Some(turn) => {
                let _ = writeln!(out, "- {name} first left the record in turn {turn}.");
            }
            None if scn.has_record(side) => {
                let _ = writeln!(out, "- {name} kept to the record in every turn played.");
            }
            None => {}
        }
    }
    out.push('\n');
    if !comparison.milestones.is_empty() {
        let _ = writeln!(
            out,
            "| Milestone | In the record | In this game |\n|---|---|---|"
        );
        for m in &comparison.milestones {
            let (real, game) = milestone_times(m);
            let _ = writeln!(out, "| {} | {real} | {game} |", cell(&m.text));
        }
        out.push('\n');
    }
    let names: Vec<&str> = d.sides.iter().map(|s| s.name.as_str()).collect();
    let _ = writeln!(
        out,
        "| Turn | {0} in the record | {0} in this game | {1} in the record | {1} in this game |\n|---|---|---|---|---|",
        names[0], names[1]
    );
    for t in &comparison.turns {
        let mut row = format!("| {} ", t.turn);
        for s in &t.sides {
            let mut real = orders_text(scn, &s.record);
            if let Some(note) = &s.note {
                real = format!("{real}. {note}");
            }
            if !s.sources.is_empty() {
                real = format!("{real} [{}]", s.sources.join(", "));
            }
            let mut game = if s.on_record {
                "as in the record".to_owned()
            } else {
                orders_text(scn, &s.played)
            };
            if !s.memo.is_empty() {
                game = format!("{game}. Memo: {}", memo_text(scn, &s.memo));
            }
            row.push_str(&format!("| {} | {} ", cell(&real), cell(&game)));
        }
        let _ = writeln!(out, "{row}|");
    }
    out.push('\n');
}

fn questions(out: &mut String, d: &Debrief) {
    if d.questions.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Questions for the class\n");
    for (i, q) in d.questions.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, cell(q));
    }
    out.push('\n');
}

fn sources(out: &mut String, d: &Debrief) {
    if d.sources.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Sources of the record\n");
    for (key, citation, url) in &d.sources {
        match url {
            Some(url) => {
                let _ = writeln!(out, "- `{key}`: {} <{url}>", cell(citation));
            }
            None => {
                let _ = writeln!(out, "- `{key}`: {}", cell(citation));
            }
        }
    }
    out.push('\n');
}

/// Text for a Markdown line or table cell: no line breaks, no pipes that would split a cell.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
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
