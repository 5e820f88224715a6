//! `debrief.html`: a self-contained printable page (A4, no external file, no script): outcome,
//! scores, objectives, charts as inline SVG, the timeline and the concepts.

use std::fmt::Write;

use demarche_sim::Side;
use demarche_sim::report::{ReportKind, TurnReport};
use demarche_sim::scenario::Visibility;

use super::gather::{Debrief, memo_text, milestone_times, orders_text, partners};
use super::table::{TurnTable, relation_key};
use crate::chart::{Chart, escape};

/// The style sheet of the printed pages (debriefs and group comparisons).
pub const STYLE: &str = "@page { size: A4; margin: 15mm }
* { box-sizing: border-box }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #111; background: #fff; max-width: 180mm; margin: 0 auto; padding: 4mm 0; line-height: 1.35 }
h1 { font-size: 18pt; margin: 0 0 2mm }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; page-break-after: avoid }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid }
p.meta { color: #444; margin: 0 0 3mm }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border-bottom: 1px solid #ccc }
th { background: #eee }
td.num, th.num { text-align: right }
table.groups { font-size: 8pt }
table.groups th, table.groups td { padding: 0.8mm 1.2mm }
figure { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid }
svg.chart { display: block; width: 100%; height: auto; max-width: 100% }
ul { margin: 1mm 0 2mm; padding-left: 6mm }
li { margin: 0.5mm 0 }
.kind { color: #555; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.03em }
.refused { color: #8a1c1c }
.private { font-style: italic }
.headline { font-weight: bold }
dt { font-weight: bold; margin-top: 2mm }
.memo { color: #1c3f8a }
table.record td { vertical-align: top; font-size: 8pt }
.sources li { font-size: 8pt; overflow-wrap: anywhere }
dd { margin: 0 0 1mm 6mm }
";

/// The HTML debrief.
pub fn render(d: &Debrief) -> String {
    let title = format!("Debrief: {}", d.scenario().meta.title);
    let mut out = page_start(&title);
    head(&mut out, d);
    objectives(&mut out, d);
    let _ = write!(out, "<section><h2>Charts</h2>");
    for chart in charts(d) {
        figure(&mut out, &chart);
    }
    out.push_str("</section>");
    timeline(&mut out, d);
    record(&mut out, d);
    episodes(&mut out, d);
    concepts(&mut out, d);
    questions(&mut out, d);
    sources(&mut out, d);
    out.push_str(PAGE_END);
    out
}

/// The start of a page, up to the opened `<body>`.
pub fn page_start(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(title),
        escape(title)
    )
}

/// The end of a page.
pub const PAGE_END: &str = "\n</body>\n</html>\n";

/// A chart in a figure.
pub fn figure(out: &mut String, chart: &Chart) {
    let _ = writeln!(out, "<figure>{}</figure>", chart.svg());
}

fn head(out: &mut String, d: &Debrief) {
    let scn = d.scenario();
    let players: Vec<String> = d
        .sides
        .iter()
        .zip(Side::BOTH)
        .map(|(s, side)| format!("{}: {}", escape(&s.name), escape(&d.player(side))))
        .collect();
    let _ = write!(
        out,
        "<p class=\"meta\">Scenario <code>{}</code> · seed {} · {} turns played · {}</p>",
        escape(&scn.meta.id),
        d.game.seed(),
        d.turns_played,
        players.join(" · ")
    );
    let _ = write!(
        out,
        "<section><h2>Outcome: {}</h2>",
        escape(
            d.outcome
                .as_ref()
                .map_or("not over yet", |o| o.name.as_str())
        )
    );
    if let Some(o) = &d.outcome {
        let _ = write!(out, "<p>{}</p>", escape(&o.text));
    }
    let _ = write!(
        out,
        "<p>Highest escalation rung: {} ({}). Incidents: {}.</p>",
        d.max_rung,
        escape(&d.max_rung_name),
        d.incidents
    );
    out.push_str("<table><tr><th>Side</th><th>Played by</th><th class=\"num\">Score</th></tr>");
    for (s, p) in d.sides.iter().zip(&d.policies) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{:.0}</td></tr>",
            escape(&s.name),
            escape(p),
            s.score
        );
    }
    out.push_str("</table></section>");
}

fn objectives(out: &mut String, d: &Debrief) {
    out.push_str("<section><h2>Objectives</h2><table><tr><th>Side</th><th>Objective</th><th class=\"num\">Weight</th><th class=\"num\">Achieved</th><th>Mark</th></tr>");
    for s in &d.sides {
        for o in &s.objectives {
            let _ = write!(
                out,
                "<tr><td>{}</td><td><strong>{}</strong><br>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0} %</td><td>{}</td></tr>",
                escape(&s.name),
                escape(&o.name),
                escape(&o.description),
                o.weight,
                o.degree * 100.0,
                escape(o.mark)
            );
        }
    }
    out.push_str("</table></section>");
}

/// The debrief's charts: the standard set ([`crate::chart::standard`]: approval, economy,
/// tension, trade), the ladder, each side's
/// relations with its partners, and both scores.
pub fn charts(d: &Debrief) -> Vec<Chart> {
    let scn = d.scenario();
    let t = &d.table;
    let mut charts = crate::chart::standard(scn, None, &|m| d.game.series(m));
    charts.push(Chart::new("Escalation ladder", "rung", "turn").with(
        "rung",
        t.points("rung"),
        false,
    ));
    for side in Side::BOTH {
        charts.push(relations_chart(t, d, side));
    }
    let mut scores = Chart::new("Scores", "0–100", "turn");
    for (side, s) in Side::BOTH.iter().zip(&d.sides) {
        scores = scores.with_colour(
            s.name.clone(),
            t.points(&format!("{}.score", s.key)),
            scn.actor(scn.actor_of(*side)).color,
        );
    }
    charts.push(scores);
    charts
}

fn relations_chart(t: &TurnTable, d: &Debrief, side: Side) -> Chart {
    let scn = d.scenario();
    let me = scn.actor_of(side);
    let mut chart = Chart::new(
        format!("{}: relations", scn.actor(me).name),
        "−100 to 100",
        "turn",
    );
    for other in partners(scn, side) {
        chart = chart.with(
            format!("with {}", scn.actor(other).name),
            t.points(&relation_key(scn, me, other)),
            false,
        );
    }
    chart
}

fn timeline(out: &mut String, d: &Debrief) {
    out.push_str(
        "<section><h2>Timeline</h2><p class=\"meta\">Each line says what it is: an order, a \
         historical event (sources at the end), a model roll with its probability, or a \
         teacher's inject. Recurring events are told once, with their count.</p>",
    );
    for report in d.game.history() {
        turn(out, d, report);
    }
    out.push_str("</section>");
}

fn turn(out: &mut String, d: &Debrief, report: &TurnReport) {
    let scn = d.scenario();
    let _ = write!(
        out,
        "<h3>Turn {} ({} to {})</h3><ul>",
        report.turn, report.start, report.end
    );
    for h in &report.headlines {
        let _ = write!(out, "<li class=\"headline\">{}</li>", escape(h));
    }
    for e in d.entries_in(report.turn) {
        let mut class = Vec::new();
        if e.kind == ReportKind::Refused {
            class.push("refused");
        }
        if e.visibility == Visibility::Private {
            class.push("private");
        }
        let mid = e.mid.map(|m| format!(" (MID {m})")).unwrap_or_default();
        let _ = write!(
            out,
            "<li class=\"{}\"><span class=\"kind\">{}</span> {}{}</li>",
            class.join(" "),
            escape(&e.tag()),
            escape(&e.text),
            escape(&mid)
        );
    }
    for side in Side::BOTH {
        let memo = &report.memos[side.index()];
        if !memo.is_empty() {
            let _ = write!(
                out,
                "<li class=\"memo\"><span class=\"kind\">memo</span> <b>{}:</b> {}</li>",
                escape(&d.memo_label(side)),
                escape(&memo_text(scn, memo))
            );
        }
    }
    for m in report
        .milestones
        .iter()
        .filter_map(|m| scn.milestones.get(m.index()))
    {
        let _ = write!(
            out,
            "<li class=\"headline\"><span class=\"kind\">milestone</span> {}</li>",
            escape(&m.text)
        );
    }
    out.push_str("</ul>");
}

fn record(out: &mut String, d: &Debrief) {
    let scn = d.scenario();
    let comparison = &d.record;
    if !scn.has_record(Side::First)
        && !scn.has_record(Side::Second)
        && comparison.milestones.is_empty()
    {
        return;
    }
    out.push_str("<section><h2>The record beside this game</h2><ul>");
    for side in Side::BOTH {
        let name = escape(&d.sides[side.index()].name);
        match comparison.departed[side.index()] {
            Some(turn) => {
                let _ = write!(out, "<li>{name} first left the record in turn {turn}.</li>");
            }
            None if scn.has_record(side) => {
                let _ = write!(
                    out,
                    "<li>{name} kept to the record in every turn played.</li>"
                );
            }
            None => {}
        }
    }
    out.push_str("</ul>");
    if !comparison.milestones.is_empty() {
        out.push_str(
            "<table><tr><th>Milestone</th><th>In the record</th><th>In this game</th></tr>",
        );
        for m in &comparison.milestones {
            let (real, game) = milestone_times(m);
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&m.text),
                escape(&real),
                escape(&game)
            );
        }
        out.push_str("</table>");
    }
    let _ = write!(
        out,
        "<table class=\"record\"><tr><th>Turn</th><th>{0} in the record</th><th>{0} in this game</th><th>{1} in the record</th><th>{1} in this game</th></tr>",
        escape(&d.sides[0].name),
        escape(&d.sides[1].name)
    );
    for t in &comparison.turns {
        let _ = write!(out, "<tr><td class=\"num\">{}</td>", t.turn);
        for s in &t.sides {
            let mut real = escape(&orders_text(scn, &s.record));
            if let Some(note) = &s.note {
                real.push_str(&format!("<br><small>{}</small>", escape(note)));
            }
            if !s.sources.is_empty() {
                real.push_str(&format!(
                    " <small>[{}]</small>",
                    escape(&s.sources.join(", "))
                ));
            }
            let mut game = if s.on_record {
                "<i>as in the record</i>".to_owned()
            } else {
                escape(&orders_text(scn, &s.played))
            };
            if !s.memo.is_empty() {
                game.push_str(&format!(
                    "<br><small>Memo: {}</small>",
                    escape(&memo_text(scn, &s.memo))
                ));
            }
            let _ = write!(out, "<td>{real}</td><td>{game}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></section>");
}

fn questions(out: &mut String, d: &Debrief) {
    if d.questions.is_empty() {
        return;
    }
    out.push_str("<section><h2>Questions for the class</h2><ol>");
    for q in &d.questions {
        let _ = write!(out, "<li>{}</li>", escape(q));
    }
    out.push_str("</ol></section>");
}

fn sources(out: &mut String, d: &Debrief) {
    if d.sources.is_empty() {
        return;
    }
    out.push_str("<section><h2>Sources of the record</h2><ul class=\"sources\">");
    for (key, citation, url) in &d.sources {
        let link = url
            .as_ref()
            .map(|u| format!(" <small>{}</small>", escape(u)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li><code>{}</code> {}{link}</li>",
            escape(key),
            escape(citation)
        );
    }
    out.push_str("</ul></section>");
}

fn episodes(out: &mut String, d: &Debrief) {
    let scn = d.scenario();
    let view = d.game.view();
    if view.sanc.episodes.is_empty() {
        return;
    }
    out.push_str("<section><h2>Sanction episodes (TIES)</h2><ul>");
    for e in &view.sanc.episodes {
        let _ = write!(
            out,
            "<li>Turn {}: {}'s {} on {}: {}</li>",
            e.turn,
            escape(&scn.actor(e.sender).name),
            escape(e.kind.label()),
            escape(&scn.sector(e.sector).name),
            escape(e.outcome.label())
        );
    }
    out.push_str("</ul></section>");
}

fn concepts(out: &mut String, d: &Debrief) {
    if d.concepts.is_empty() {
        return;
    }
    out.push_str("<section><h2>Concepts at work in this game</h2><dl>");
    for c in &d.concepts {
        let concept = &d.scenario().concepts[*c];
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&concept.term),
            escape(&concept.definition)
        );
    }
    out.push_str("</dl></section>");
}
