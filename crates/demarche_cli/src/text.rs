//! The readable form of turn reports and summaries.

use std::fmt::Write;

use demarche_sim::report::{Metric, ReportKind, TurnReport};
use demarche_sim::rules::View;
use demarche_sim::rules::objectives::{self, Mark};
use demarche_sim::scenario::Indicator;
use demarche_sim::{Scenario, Side};

/// A turn report as text: orders and events, headlines, the key numbers, and why the biggest
/// changes happened.
pub fn turn(scn: &Scenario, report: &TurnReport, view: &View) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "── Turn {} · {} to {} · hash {}",
        report.turn, report.start, report.end, report.hash
    );
    for event in &report.events {
        let mark = match event.kind {
            ReportKind::Order(_) => "•",
            ReportKind::Refused => "✗",
            ReportKind::Event(_) => "◆",
            ReportKind::Consequence => "→",
            ReportKind::Ladder => "▲",
            ReportKind::Ending => "■",
            ReportKind::Inject => "✎",
        };
        let private = if event.visibility == demarche_sim::scenario::Visibility::Private {
            " (private)"
        } else {
            ""
        };
        let mid = event
            .mid
            .map(|m| {
                format!(
                    " [MID {m}: {}]",
                    demarche_sim::scenario::validate::MID_NAMES[usize::from(m).min(21)]
                )
            })
            .unwrap_or_default();
        let origin = match &event.provenance {
            demarche_sim::report::Provenance::Record { .. }
            | demarche_sim::report::Provenance::Roll { .. }
            | demarche_sim::report::Provenance::Inject => {
                format!(" [{}]", event.provenance.label())
            }
            _ => String::new(),
        };
        let _ = writeln!(out, "  {mark} {}{private}{mid}{origin}", event.text);
    }
    for side in Side::BOTH {
        let memo = &report.memos[side.index()];
        let name = &scn.actor(scn.actor_of(side)).name;
        if let Some(note) = &memo.note {
            let _ = writeln!(out, "  ✍ {name}'s memo: {note}");
        }
        for m in &memo.orders {
            let _ = writeln!(out, "  ✍ {name}, on {}: {}", m.order.action, m.text);
        }
    }
    for id in &report.milestones {
        if let Some(m) = scn.milestones.get(id.index()) {
            let real = scn
                .meta
                .calendar
                .turn_of(m.date)
                .filter(|t| *t <= report.turn)
                .map(|_| format!(" (in the record: {})", m.date))
                .unwrap_or_default();
            let _ = writeln!(out, "  ★ Milestone of the record: {}{real}", m.text);
        }
    }
    for headline in &report.headlines {
        let _ = writeln!(out, "  ! {headline}");
    }
    let _ = writeln!(out, "  {}", numbers(scn, view));
    let mut biggest: Vec<_> = report
        .changes
        .iter()
        .filter(|c| {
            matches!(
                c.metric,
                Metric::Actor(_, Indicator::Approval | Indicator::Economy)
                    | Metric::Tension
                    | Metric::Trade
            )
        })
        .collect();
    biggest.sort_by(|a, b| {
        (b.after - b.before)
            .abs()
            .total_cmp(&(a.after - a.before).abs())
    });
    for change in biggest.iter().take(4) {
        let causes: Vec<String> = change
            .causes
            .iter()
            .take(3)
            .map(|(cause, amount)| format!("{amount:+.1} {}", cause.text))
            .collect();
        let _ = writeln!(
            out,
            "    why {} {:+.1}: {}",
            change.metric.label(scn),
            change.after - change.before,
            causes.join("; ")
        );
    }
    out
}

/// One line with the numbers that matter most.
pub fn numbers(scn: &Scenario, view: &View) -> String {
    let mut parts = Vec::new();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let name = &scn.actor(actor).name;
        parts.push(format!(
            "{name}: approval {:.0}, economy {:.0}",
            view.ind.get(actor, Indicator::Approval),
            view.ind.get(actor, Indicator::Economy)
        ));
    }
    let rung = &scn.ladder[usize::from(view.mil.rung)].name;
    parts.push(format!(
        "tension {:.0}, trade {}/yr, rung {} \"{rung}\"",
        view.ind.tension,
        scn.meta.currency.amount(view.ind.trade),
        view.mil.rung
    ));
    parts.join(" · ")
}

/// The closing summary of a game.
pub fn summary(scn: &Scenario, view: &View) -> String {
    let mut out = String::new();
    let outcome = view.status.ended.map_or("no outcome yet".to_owned(), |o| {
        scn.outcomes[o.index()].name.clone()
    });
    let _ = writeln!(out, "══ Outcome: {outcome}");
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let _ = writeln!(
            out,
            "   {} score {:.1}",
            scn.actor(actor).name,
            view.status.scores[side.index()]
        );
        for (objective, degree) in objectives::of_side(view, actor) {
            let mark = Mark::of(degree).label();
            let _ = writeln!(
                out,
                "     [{mark:>10}] {} (weight {})",
                objective.name, objective.weight
            );
        }
    }
    out
}
