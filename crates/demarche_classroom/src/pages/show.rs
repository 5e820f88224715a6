//! `/teacher/groups/{group}/show?turn=N`: one group's game turn by turn on the projector, for
//! the hot wash (teacher only). A turn selector (links, and the arrow keys); the turn's report
//! with every "why"; both sides' orders, refusals and memos (the turn is resolved, so the
//! class may see them); charts of tension and scores as inline SVG with the turn marked; and
//! the record beside the game up to that turn (`demarche_sim::record::compare`), in large
//! type.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use demarche_sim::Side;
use demarche_sim::memo::Memo;
use demarche_sim::record::compare;
use demarche_sim::report::{Metric, TurnReport};
use demarche_sim::scenario::Scenario;
use demarche_sim::scenario::raw::RawOrder;
use serde::Deserialize;

use super::html;
use crate::auth::Who;
use crate::charts::figure;
use crate::group::GroupRt;
use crate::html::{esc, page};
use crate::hub::Hub;
use crate::strings::{Strings, strings};
use crate::views::{changes, news, order_label};
use demarche_cli::chart::Chart;

/// The projector view's query.
#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    /// The turn shown (default: the last resolved).
    #[serde(default)]
    pub turn: Option<u32>,
}

/// `GET /teacher/groups/{group}/show`.
pub async fn show(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Path(group): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Response {
    if let Err(e) = Who::of(&hub, &headers).teacher() {
        return e.into_response();
    }
    let Ok(group) = hub.group(group) else {
        return (StatusCode::NOT_FOUND, strings().no_group).into_response();
    };
    let g = group.lock().unwrap_or_else(|e| e.into_inner());
    html(render(strings(), &g, q.turn))
}

fn render(s: &Strings, g: &GroupRt, turn: Option<u32>) -> String {
    let scn = g.game.scenario();
    let names = Side::BOTH.map(|side| scn.actor(scn.actor_of(side)).name.clone());
    let title = format!("{} · {} / {}", g.row.label, names[0], names[1]);
    let history = g.game.history();
    let body = if history.is_empty() {
        format!(
            "<section class=\"wide\"><p>{}</p></section>",
            esc(s.no_report)
        )
    } else {
        let turn = turn
            .unwrap_or(history.len() as u32)
            .clamp(1, history.len() as u32);
        turn_body(s, g, &names, turn)
    };
    page(&title, "", &body).replace(
        "<body data-live=\"\">",
        "<body data-live=\"\" class=\"projector\">",
    )
}

fn turn_body(s: &Strings, g: &GroupRt, names: &[String; 2], turn: u32) -> String {
    let scn = g.game.scenario();
    let history = g.game.history();
    let r = &history[turn as usize - 1];
    let mut body = selector(s, g.row.id, turn, history.len() as u32);
    body.push_str(&report(s, scn, r, missing(g, names, turn)));
    for side in Side::BOTH {
        body.push_str(&side_orders(
            s,
            scn,
            r,
            side,
            &names[side.index()],
            &g.row.seats[side.index()],
        ));
    }
    body.push_str(&charts(s, g, names, turn));
    // The record as the class may know it at that turn: the game's end only on its last turn.
    let over = g.game.is_over() && turn as usize == history.len();
    body.push_str(&record(s, scn, &history[..turn as usize], over, names));
    body
}

/// Links to every resolved turn, with the previous and next (the arrow keys follow them).
fn selector(s: &Strings, group: i64, turn: u32, turns: u32) -> String {
    let link = |t: u32, text: &str, rel: &str| {
        format!(
            "<a href=\"/teacher/groups/{group}/show?turn={t}\" data-key=\"{rel}\">{}</a>",
            esc(text)
        )
    };
    let mut out = format!("<nav class=\"wide turns\" aria-label=\"{}\">", esc(s.turn));
    if turn > 1 {
        out.push_str(&link(turn - 1, "←", "prev"));
    }
    for t in 1..=turns {
        if t == turn {
            let _ = write!(
                out,
                " <strong aria-current=\"page\">{} {t}</strong>",
                esc(s.turn)
            );
        } else {
            out.push(' ');
            out.push_str(&link(t, &t.to_string(), ""));
        }
    }
    if turn < turns {
        out.push(' ');
        out.push_str(&link(turn + 1, "→", "next"));
    }
    out.push_str("</nav>");
    out
}

/// The team sides that did not submit in `turn`.
fn missing(g: &GroupRt, names: &[String; 2], turn: u32) -> Vec<String> {
    g.missing
        .get(turn as usize - 1)
        .map(|m| {
            Side::BOTH
                .into_iter()
                .filter(|s| m[s.index()] && g.is_team(*s))
                .map(|s| names[s.index()].clone())
                .collect()
        })
        .unwrap_or_default()
}

fn report(s: &Strings, scn: &Scenario, r: &TurnReport, missing: Vec<String>) -> String {
    let mut out = format!(
        "<section class=\"wide\"><h2>{} ({} {}: {} – {})</h2>",
        esc(s.report),
        esc(s.turn),
        r.turn,
        r.start,
        r.end
    );
    for side in missing {
        let _ = write!(
            out,
            "<p class=\"banner\">{} {}</p>",
            esc(&side),
            esc(s.did_not_submit)
        );
    }
    for h in &r.headlines {
        let _ = write!(out, "<p><strong>{}</strong></p>", esc(h));
    }
    out.push_str("<ul>");
    for l in news(std::slice::from_ref(r)) {
        let _ = write!(
            out,
            "<li>{} <span class=\"tag\">{}</span></li>",
            esc(&l.text),
            esc(&l.tag)
        );
    }
    out.push_str("</ul><table><tbody>");
    for c in changes(scn, r) {
        let causes: Vec<String> = c
            .causes
            .iter()
            .map(|(t, a)| format!("{t} ({a:+.1})"))
            .collect();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{:.1} → {:.1}</td><td class=\"muted\">{}: {}</td></tr>",
            esc(&c.label),
            c.before,
            c.after,
            esc(s.why),
            esc(&causes.join("; "))
        );
    }
    out.push_str("</tbody></table></section>");
    out
}

fn side_orders(
    s: &Strings,
    scn: &Scenario,
    r: &TurnReport,
    side: Side,
    name: &str,
    seat: &str,
) -> String {
    let i = side.index();
    let memo = &r.memos[i];
    let mut out = format!(
        "<section><h2>{} <span class=\"tag\">{}</span></h2><h3>{}</h3><ul>",
        esc(name),
        esc(seat),
        esc(s.orders_played)
    );
    if r.orders[i].is_empty() {
        let _ = write!(out, "<li class=\"muted\">{}</li>", esc(s.no_orders_played));
    }
    for o in &r.orders[i] {
        out.push_str(&order_item(scn, o, memo, None));
    }
    for (o, why) in &r.refused[i] {
        out.push_str(&order_item(scn, o, memo, Some(why)));
    }
    out.push_str("</ul>");
    if let Some(note) = &memo.note {
        let _ = write!(out, "<p><em>{}</em> {}</p>", esc(s.memo), esc(note));
    }
    out.push_str("</section>");
    out
}

fn order_item(scn: &Scenario, o: &RawOrder, memo: &Memo, refused: Option<&String>) -> String {
    let why = memo
        .of_order(o)
        .map(|m| format!("<div class=\"muted\">“{}”</div>", esc(m)))
        .unwrap_or_default();
    let refused = refused
        .map(|r| format!(" <span class=\"refused\">({})</span>", esc(r)))
        .unwrap_or_default();
    format!("<li>{}{refused}{why}</li>", esc(&order_label(scn, o)))
}

fn charts(s: &Strings, g: &GroupRt, names: &[String; 2], turn: u32) -> String {
    let scn = g.game.scenario();
    let tension = Chart::new(s.tension, s.scale_100, s.turn_axis)
        .with(s.tension, g.game.series(Metric::Tension), false)
        .marked(f64::from(turn));
    let scores = Side::BOTH
        .into_iter()
        .fold(
            Chart::new(s.scores, s.scale_100, s.turn_axis),
            |chart, side| {
                chart.with_colour(
                    names[side.index()].clone(),
                    g.game
                        .history()
                        .iter()
                        .map(|r| [f64::from(r.turn), r.scores[side.index()]])
                        .collect(),
                    scn.actor(scn.actor_of(side)).color,
                )
            },
        )
        .marked(f64::from(turn));
    format!(
        "<section class=\"wide charts\">{}{}</section>",
        figure(&tension),
        figure(&scores)
    )
}

fn record(
    s: &Strings,
    scn: &Scenario,
    history: &[TurnReport],
    over: bool,
    names: &[String; 2],
) -> String {
    let comparison = compare(scn, history, over);
    let words = |orders: &[RawOrder]| -> String {
        orders
            .iter()
            .map(|o| order_label(scn, o))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = format!(
        "<section class=\"wide\"><h2>{}</h2><table><thead><tr><th>{}</th>",
        esc(s.history),
        esc(s.turn)
    );
    for name in names {
        let _ = write!(
            out,
            "<th>{} · {}</th><th>{} · {}</th>",
            esc(name),
            esc(s.record),
            esc(name),
            esc(s.this_game)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for t in &comparison.turns {
        let _ = write!(out, "<tr><td>{}</td>", t.turn);
        for side in &t.sides {
            let _ = write!(
                out,
                "<td>{}<div class=\"muted\">{}</div></td><td>{}</td>",
                esc(&words(&side.record)),
                esc(side.note.as_deref().unwrap_or("")),
                esc(&words(&side.played))
            );
        }
        out.push_str("</tr>");
    }
    let _ = write!(out, "</tbody></table><h3>{}</h3><ul>", esc(s.milestones));
    for m in &comparison.milestones {
        let when = m
            .game_turn
            .map_or_else(|| s.not_reached.to_owned(), |t| format!("{} {t}", s.turn));
        let _ = write!(
            out,
            "<li>{} <span class=\"tag\">{}</span></li>",
            esc(&m.text),
            esc(&when)
        );
    }
    out.push_str("</ul></section>");
    out
}
