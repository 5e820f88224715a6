//! The team page's sections on the state of the game, from its [`TeamView`] alone (built from
//! the side's `SideView`): the tracks of talks, sanctions and threats, what the side knows of
//! resolve, and charts of tension and scores as inline SVG.

use std::fmt::Write;

use crate::charts::figure;
use crate::html::esc;
use crate::strings::Strings;
use crate::views::TeamView;
use demarche_cli::chart::Chart;

/// The tracks of talks and cooperation, with status and progress.
pub fn tracks_section(s: &Strings, v: &TeamView) -> String {
    let mut out = format!(
        "<section id=\"tracks\"><h2>{}</h2><table><tbody>",
        esc(s.tracks)
    );
    for t in &v.tracks {
        let halted = t
            .halted_by
            .as_ref()
            .map(|who| format!(" ({} {})", esc(s.halted_by), esc(who)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}{halted}</td><td><meter min=\"0\" max=\"100\" value=\"{:.0}\"></meter> {:.0} {}</td></tr>",
            esc(&t.name),
            esc(&t.status),
            t.progress,
            t.progress,
            esc(s.progress)
        );
    }
    out.push_str("</tbody></table></section>");
    out
}

/// Sanctions in force and threats standing.
pub fn sanctions_section(s: &Strings, v: &TeamView) -> String {
    let mut out = format!("<section id=\"sanctions\"><h2>{}</h2>", esc(s.sanctions));
    if v.sanctions.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", esc(s.no_sanctions));
    } else {
        out.push_str("<ul>");
        for m in &v.sanctions {
            let when = match m.deadline {
                Some(turn) => format!("{} · {} {turn}", s.threat, s.until),
                None => format!("{} {}", s.since, m.since),
            };
            let _ = write!(
                out,
                "<li>{} → {}: {} ({}) <span class=\"tag\">{}</span></li>",
                esc(&m.sender),
                esc(&m.target),
                esc(&m.measure),
                esc(&m.sector),
                esc(&when)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}

/// What the side knows of resolve: its own, and its estimate of the other side's.
pub fn intel_section(s: &Strings, v: &TeamView) -> String {
    format!(
        "<section id=\"intel\"><h2>{}</h2><table><tbody><tr><td>{}</td><td>{:.0} %</td></tr><tr><td>{} ({})</td><td>{:.0} %</td></tr></tbody></table></section>",
        esc(s.intelligence),
        esc(s.own_resolve),
        v.intel.own_resolve * 100.0,
        esc(s.estimate_other),
        esc(&v.other_name),
        v.intel.estimate_of_other * 100.0
    )
}

/// Charts of tension and of both sides' scores.
pub fn charts_section(s: &Strings, v: &TeamView) -> String {
    let tension = Chart::new(s.tension, s.scale_100, s.turn_axis).with(
        s.tension,
        v.tension_series.clone(),
        false,
    );
    let names = [&v.actor_name, &v.other_name];
    let scores = (0..2).fold(
        Chart::new(s.scores, s.scale_100, s.turn_axis),
        |chart, i| {
            chart.with(
                names[i].clone(),
                v.score_series.iter().map(|p| [p[0], p[1 + i]]).collect(),
                false,
            )
        },
    );
    format!(
        "<section class=\"wide charts\" id=\"charts\"><h2 class=\"sr\">{}</h2>{}{}</section>",
        esc(s.charts),
        figure(&tension),
        figure(&scores)
    )
}
