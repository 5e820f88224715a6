//! `/team`: a team's page, from its [`TeamView`] alone: briefing, drafted orders with memos,
//! actions by category with costs and greyed-out reasons, Submit, the latest report with its
//! "why", the news with each line's kind, and the record beside the game.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::json;

use super::html;
use crate::api::team::team_view;
use crate::auth::Who;
use crate::html::{esc, json_block, markdown, page as frame};
use crate::hub::Hub;
use crate::strings::{Strings, strings};
use crate::views::{ActionView, ReportView, TeamView};

/// The team's page (nobody: to `/join`).
pub async fn page_handler(hub: &Hub, headers: &HeaderMap) -> Response {
    let Who::Team(team) = Who::of(hub, headers) else {
        return Redirect::to("/join").into_response();
    };
    match team_view(hub, team) {
        Ok(view) => html(render(&view)),
        Err(e) => e.into_response(),
    }
}

/// `GET /team`.
pub async fn page(State(hub): State<Arc<Hub>>, headers: HeaderMap) -> Response {
    page_handler(&hub, &headers).await
}

fn render(v: &TeamView) -> String {
    let s = strings();
    let mut body = String::new();
    body.push_str(&format!(
        "<p class=\"banner\" id=\"news-flash\" hidden><a href=\"/team\">{}</a></p>",
        esc("↻ New: reload")
    ));
    for (on, text) in [
        (v.paused, s.paused),
        (v.ended, s.ended),
        (v.over, s.game_over),
    ] {
        if on {
            body.push_str(&format!("<p class=\"banner\">{}</p>", esc(text)));
        }
    }
    body.push_str(&orders_section(s, v));
    body.push_str(&actions_section(s, v));
    body.push_str(&report_section(s, v.report.as_ref()));
    body.push_str(&map_section(s, v));
    body.push_str(&super::team_state::tracks_section(s, v));
    body.push_str(&super::team_state::sanctions_section(s, v));
    body.push_str(&super::team_state::intel_section(s, v));
    body.push_str(&super::team_state::charts_section(s, v));
    body.push_str(&news_section(s, v));
    body.push_str(&history_section(s, v));
    body.push_str(&format!(
        "<section class=\"wide\"><h2>{}</h2>{}</section>",
        esc(s.briefing),
        markdown(&v.briefing)
    ));
    let draft = json!({
        "orders": v.draft.orders.iter().map(|o| &o.order).collect::<Vec<_>>(),
        "memo": { "note": v.draft.note, "orders": [] },
    });
    body.push_str(&format!(
        "<script type=\"application/json\" id=\"draft\">{}</script>",
        json_block(&draft)
    ));
    let title = format!(
        "{} · {} · {} {}",
        v.actor_name, v.group_label, s.turn, v.turn
    );
    frame(&title, "team", &body).replace(
        "<body data-live=\"team\">",
        &format!(
            "<body data-live=\"team\" data-team=\"{}\" data-saved=\"{}\">",
            v.team,
            esc(s.saved)
        ),
    )
}

fn map_section(s: &Strings, v: &TeamView) -> String {
    match &v.map_svg {
        Some(svg) => format!(
            "<section class=\"wide\"><h2>{}</h2>{svg}<p class=\"muted\">{}</p></section>",
            esc(s.map),
            esc(s.map_key)
        ),
        None => String::new(),
    }
}

fn orders_section(s: &Strings, v: &TeamView) -> String {
    let open = !v.over && !v.paused && !v.ended;
    let mut out = format!(
        "<section><h2>{} ({} {})</h2><p>{}: <strong>{:.0}</strong></p>",
        esc(s.orders),
        esc(s.turn),
        v.turn,
        esc(s.capital_left),
        v.capital_left
    );
    match v.deadline_ms {
        Some(at) if open => out.push_str(&format!(
            "<p class=\"deadline\">{} <strong data-deadline=\"{at}\"></strong></p>",
            esc(s.deadline)
        )),
        _ => {}
    }
    if v.draft.orders.is_empty() {
        out.push_str(&format!("<p class=\"muted\">{}</p>", esc(s.no_orders)));
    }
    for (i, o) in v.draft.orders.iter().enumerate() {
        out.push_str(&format!(
            "<div class=\"action\"><div class=\"row\"><span>{label}</span><button class=\"secondary\" data-remove=\"{i}\">{remove}</button></div>\
<label for=\"om-{i}\" class=\"muted\">{why}</label><input id=\"om-{i}\" type=\"text\" data-order-memo=\"{i}\" value=\"{memo}\" maxlength=\"4000\"></div>",
            label = esc(&o.label),
            remove = esc(s.remove),
            why = esc(s.order_memo),
            memo = esc(o.memo.as_deref().unwrap_or("")),
        ));
    }
    out.push_str(&format!(
        "<label for=\"memo-note\">{}</label><textarea id=\"memo-note\" maxlength=\"4000\">{}</textarea>",
        esc(s.memo),
        esc(v.draft.note.as_deref().unwrap_or(""))
    ));
    if v.draft.submitted {
        out.push_str(&format!("<p class=\"ok\">{}</p>", esc(s.submitted_note)));
    }
    let disabled = if open { "" } else { " disabled" };
    out.push_str(&format!(
        "<div class=\"row\"><button id=\"save\" class=\"secondary\"{disabled}>{}</button><button id=\"submit\"{disabled}>{}</button></div></section>",
        esc(s.save),
        esc(s.submit)
    ));
    out
}

fn actions_section(s: &Strings, v: &TeamView) -> String {
    let mut out = format!("<section><h2>{}</h2>", esc(s.actions));
    for (c, category) in v.actions.iter().enumerate() {
        if category.actions.is_empty() {
            continue;
        }
        out.push_str(&format!("<h3>{}</h3>", esc(&category.label)));
        for (a, action) in category.actions.iter().enumerate() {
            out.push_str(&action_row(s, action, &format!("pick-{c}-{a}")));
        }
    }
    out.push_str("</section>");
    out
}

fn action_row(s: &Strings, a: &ActionView, id: &str) -> String {
    let available = a.options.iter().any(|o| o.refused.is_none());
    let first_refusal = a
        .options
        .iter()
        .find_map(|o| o.refused.clone())
        .unwrap_or_default();
    let picker = if a.options.len() > 1 {
        let options: String = a
            .options
            .iter()
            .map(|o| {
                let label = match &o.refused {
                    None => o.target.clone().unwrap_or_default(),
                    Some(why) => format!("{} ({why})", o.target.clone().unwrap_or_default()),
                };
                format!(
                    "<option value=\"{}\"{}>{}</option>",
                    esc(&serde_json::to_string(&o.order).unwrap_or_default()),
                    if o.refused.is_some() { " disabled" } else { "" },
                    esc(&label)
                )
            })
            .collect();
        format!(
            "<select id=\"{id}\" aria-label=\"{}\">{options}</select>",
            esc(&a.name)
        )
    } else {
        String::new()
    };
    let order = a
        .options
        .first()
        .map(|o| serde_json::to_string(&o.order).unwrap_or_default())
        .unwrap_or_default();
    let add_target = if a.options.len() > 1 { id } else { "" };
    format!(
        "<div class=\"action{off}\"><div class=\"row\"><button data-add=\"{add_target}\" data-order=\"{order}\"{disabled} title=\"{desc}\">{add}</button>\
<span class=\"name\"><strong>{name}</strong></span> <span class=\"tag\">{cost}</span>{picker}</div>{why}</div>",
        off = if available { "" } else { " off" },
        order = esc(&order),
        disabled = if available { "" } else { " disabled" },
        desc = esc(&a.description),
        add = esc(s.add),
        name = esc(&a.name),
        cost = esc(&crate::views::cost(a.capital, a.readiness)),
        why = if available || a.options.len() > 1 {
            String::new()
        } else {
            format!("<div class=\"refused\">{}</div>", esc(&first_refusal))
        },
    )
}

fn report_section(s: &Strings, report: Option<&ReportView>) -> String {
    let Some(r) = report else {
        return format!(
            "<section><h2>{}</h2><p class=\"muted\">{}</p></section>",
            esc(s.report),
            esc(s.no_report)
        );
    };
    let mut out = format!(
        "<section><h2>{} ({} {})</h2>",
        esc(s.report),
        esc(s.turn),
        r.turn
    );
    for side in &r.missing {
        out.push_str(&format!(
            "<p class=\"banner\">{} {}</p>",
            esc(side),
            esc(s.did_not_submit)
        ));
    }
    for h in &r.headlines {
        out.push_str(&format!("<p><strong>{}</strong></p>", esc(h)));
    }
    out.push_str("<ul>");
    for l in &r.lines {
        out.push_str(&format!(
            "<li>{} <span class=\"tag\">{}</span></li>",
            esc(&l.text),
            esc(&l.tag)
        ));
    }
    out.push_str("</ul>");
    if !r.refused.is_empty() {
        out.push_str(&format!("<h3>{}</h3><ul>", esc(s.refused)));
        for why in &r.refused {
            out.push_str(&format!("<li>{}</li>", esc(why)));
        }
        out.push_str("</ul>");
    }
    out.push_str("<table><tbody>");
    for c in &r.changes {
        let causes: Vec<String> = c
            .causes
            .iter()
            .map(|(t, a)| format!("{t} ({a:+.1})"))
            .collect();
        out.push_str(&format!(
            "<tr><td>{}</td><td>{:.1} → {:.1}</td><td class=\"muted\">{}: {}</td></tr>",
            esc(&c.label),
            c.before,
            c.after,
            esc(s.why),
            esc(&causes.join("; "))
        ));
    }
    out.push_str("</tbody></table>");
    if let Some(memo) = &r.memo {
        out.push_str(&format!("<p><em>{}</em> {}</p>", esc(s.memo), esc(memo)));
    }
    out.push_str("</section>");
    out
}

fn news_section(s: &Strings, v: &TeamView) -> String {
    let items: String = v
        .news
        .iter()
        .rev()
        .map(|l| {
            format!(
                "<li>{} {}: {} <span class=\"tag\">{}</span></li>",
                esc(s.turn),
                l.turn,
                esc(&l.text),
                esc(&l.tag)
            )
        })
        .collect();
    format!(
        "<section><h2>{}</h2><ul>{items}</ul></section>",
        esc(s.news)
    )
}

fn history_section(s: &Strings, v: &TeamView) -> String {
    let scn_orders = |orders: &[demarche_sim::scenario::raw::RawOrder]| -> String {
        orders
            .iter()
            .map(|o| o.action.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = format!(
        "<section class=\"wide\"><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(s.history),
        esc(s.turn),
        esc(s.record),
        esc(s.this_game)
    );
    for t in &v.record.turns {
        let mine = &t.sides[v.snapshot.side.index()];
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}<div class=\"muted\">{}</div></td><td>{}</td></tr>",
            t.turn,
            esc(&scn_orders(&mine.record)),
            esc(mine.note.as_deref().unwrap_or("")),
            esc(&scn_orders(&mine.played))
        ));
    }
    out.push_str(&format!(
        "</tbody></table><h3>{}</h3><ul>",
        esc(s.milestones)
    ));
    for m in &v.record.milestones {
        let when = m
            .game_turn
            .map_or_else(|| s.not_reached.to_owned(), |t| format!("{} {t}", s.turn));
        out.push_str(&format!(
            "<li>{} <span class=\"tag\">{}</span></li>",
            esc(&m.text),
            esc(&when)
        ));
    }
    out.push_str("</ul></section>");
    out
}
