//! `/teacher`: the dashboard. `?key=KEY` on the first visit puts the key in an HttpOnly,
//! SameSite=Strict cookie and redirects to the bare URL, so a projector shows no key.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::html;
use crate::api::teacher::statuses;
use crate::auth::{TEACHER_COOKIE, Who, set_cookie};
use crate::html::{esc, page, qr_svg};
use crate::hub::Hub;
use crate::secret;
use crate::store::rows::ClassRow;
use crate::strings::{Strings, strings};
use crate::views::GroupStatus;

/// The dashboard's query.
#[derive(Debug, Deserialize)]
pub struct DashQuery {
    /// The teacher's key (first visit).
    #[serde(default)]
    pub key: Option<String>,
    /// The class shown (default: the newest).
    #[serde(default)]
    pub class: Option<i64>,
}

/// The dashboard.
pub async fn dashboard(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<DashQuery>,
) -> Response {
    if let Some(key) = &q.key {
        if !secret::same(key, hub.teacher_key()) {
            return refused(StatusCode::FORBIDDEN);
        }
        return (
            StatusCode::SEE_OTHER,
            [
                (header::SET_COOKIE, set_cookie(TEACHER_COOKIE, key)),
                (header::LOCATION, "/teacher".to_owned()),
            ],
        )
            .into_response();
    }
    match Who::of(&hub, &headers) {
        Who::Teacher => html(render(&hub, q.class)),
        Who::Team(_) => refused(StatusCode::FORBIDDEN),
        Who::Nobody => refused(StatusCode::UNAUTHORIZED),
    }
}

fn refused(status: StatusCode) -> Response {
    let s = strings();
    let body = format!("<section><p>{}</p></section>", esc(s.teacher_sign_in));
    (status, html(page(s.dashboard, "", &body))).into_response()
}

fn render(hub: &Hub, class: Option<i64>) -> String {
    let s = strings();
    let classes = hub.classes();
    let chosen = class
        .and_then(|id| classes.iter().find(|c| c.id == id))
        .or(classes.last());
    let Some(class) = chosen else {
        return page(s.dashboard, "", &new_class_form(s));
    };
    let mut body = String::new();
    if class.paused {
        body.push_str(&format!("<p class=\"banner\">{}</p>", esc(s.paused)));
    }
    if class.ended {
        body.push_str(&format!("<p class=\"banner\">{}</p>", esc(s.ended)));
    }
    body.push_str(&controls(s, class));
    body.push_str(&add_group_form(s, hub, class.id));
    body.push_str(&inject_form(s, hub, class.id));
    if hub.config.lan {
        let url = format!("{}/join", hub.config.base_url);
        body.push_str(&format!(
            "<section><h2>{}</h2><p><a href=\"{u}\">{u}</a></p><div class=\"qr\">{}</div></section>",
            esc(s.class_url),
            qr_svg(&url),
            u = esc(&url),
        ));
    }
    body.push_str(&format!(
        "<section class=\"wide\"><h2>{}</h2><div id=\"groups\" data-src=\"/teacher/groups?class={}\">{}</div></section>",
        esc(s.groups),
        class.id,
        groups_table(hub, class.id)
    ));
    page(
        &format!("{} · {}", s.dashboard, class.name),
        "teacher",
        &body,
    )
}

fn new_class_form(s: &Strings) -> String {
    format!(
        "<section><h2>{create}</h2><label for=\"class-name\">{name}</label><input id=\"class-name\" type=\"text\">\
<label for=\"class-seed\">{seed}</label><input id=\"class-seed\" type=\"number\" min=\"0\">\
<p><button data-method=\"POST\" data-url=\"/api/teacher/classes\" data-build=\"newClass\">{create}</button></p></section>",
        create = esc(s.create_class),
        name = esc(s.class_name),
        seed = esc(s.seed),
    )
}

fn button(label: &str, method: &str, url: &str, body: &str, class: &str) -> String {
    format!(
        "<button class=\"{class}\" data-method=\"{method}\" data-url=\"{}\" data-body=\"{}\">{}</button>",
        esc(url),
        esc(body),
        esc(label)
    )
}

fn controls(s: &Strings, c: &ClassRow) -> String {
    let url = format!("/api/teacher/classes/{}", c.id);
    let pause = if c.paused {
        button(s.resume, "PATCH", &url, r#"{"paused":false}"#, "")
    } else {
        button(s.pause, "PATCH", &url, r#"{"paused":true}"#, "secondary")
    };
    let memos = if c.require_memos {
        button(
            s.memos_optional,
            "PATCH",
            &url,
            r#"{"require_memos":false}"#,
            "secondary",
        )
    } else {
        button(
            s.require_memos,
            "PATCH",
            &url,
            r#"{"require_memos":true}"#,
            "secondary",
        )
    };
    let end = format!(
        "<button class=\"secondary\" data-method=\"PATCH\" data-url=\"{}\" data-body=\"{}\" data-confirm=\"{}\">{}</button>",
        esc(&url),
        esc(r#"{"ended":true}"#),
        esc(s.end_confirm),
        esc(s.end_game)
    );
    let turn_length = format!(
        "<label for=\"turn-seconds\">{label}</label><div class=\"row\"><input id=\"turn-seconds\" type=\"number\" min=\"0\" max=\"86400\" value=\"{v}\">\
<button class=\"secondary\" data-method=\"PATCH\" data-url=\"{url}\" data-build=\"turnLength\">{set}</button></div>",
        label = esc(s.turn_length),
        v = c.turn_seconds,
        url = esc(&url),
        set = esc(s.set_turn_length),
    );
    format!(
        "<section><h2>{name}</h2><div class=\"row\"><button data-method=\"POST\" data-url=\"{url}/advance\" data-build=\"advanceAll\">{advance}</button>\
{pause}{memos}{end}</div>{turn_length}<p><a href=\"{url}/debriefs.zip\">{download}</a></p>\
<p><a href=\"/teacher/classes/{id}/compare\">{compare}</a></p></section>",
        name = esc(&c.name),
        id = c.id,
        compare = esc(s.compare),
        advance = esc(s.advance_all),
        url = esc(&url),
        download = esc(s.download),
    )
}

fn seat_select(s: &Strings, id: &str, side: &str) -> String {
    let mut options = format!("<option value=\"team\">{}</option>", esc(s.team_seat));
    for (p, p_name) in s.personalities {
        for (d, d_name) in s.difficulties {
            let v = format!("ai:{p}:{d}");
            options.push_str(&format!(
                "<option value=\"{v}\">{} {} ({})</option>",
                esc(s.ai),
                esc(p_name),
                esc(d_name)
            ));
        }
    }
    format!(
        "<span><label for=\"{id}\">{}</label> <select id=\"{id}\">{options}</select></span>",
        esc(side)
    )
}

fn add_group_form(s: &Strings, hub: &Hub, class: i64) -> String {
    let scn = &hub.scenario;
    let side = |side: demarche_sim::Side| scn.actor(scn.actor_of(side)).name.clone();
    format!(
        "<section><h2>{add}</h2><label for=\"group-label\">{name}</label><input id=\"group-label\" type=\"text\">\
<div class=\"row\">{a} {vs} {b}</div><label for=\"group-seed\">{seed}</label><input id=\"group-seed\" type=\"number\" min=\"0\">\
<p><button data-method=\"POST\" data-url=\"/api/teacher/classes/{class}/groups\" data-build=\"newGroup\">{add}</button></p></section>",
        add = esc(s.add_group),
        name = esc(s.group_name),
        a = seat_select(s, "seat-0", &side(demarche_sim::Side::First)),
        b = seat_select(s, "seat-1", &side(demarche_sim::Side::Second)),
        vs = esc(s.versus),
        seed = esc(s.seed),
    )
}

fn inject_form(s: &Strings, hub: &Hub, class: i64) -> String {
    let mut targets = format!(
        "<option value=\"/api/teacher/classes/{class}/injects\">{}</option>",
        esc(s.all_groups)
    );
    for id in hub.group_ids(class) {
        if let Ok(g) = hub.group(id) {
            let label = g.lock().map(|g| g.row.label.clone()).unwrap_or_default();
            targets.push_str(&format!(
                "<option value=\"/api/teacher/groups/{id}/injects\">{}</option>",
                esc(&label)
            ));
        }
    }
    let injects: String = hub
        .catalogue
        .iter()
        .map(|c| {
            format!(
                "<option value=\"{}\">{} ({})</option>",
                esc(&c.inject.raw.key),
                esc(&c.inject.raw.title),
                esc(&c.file)
            )
        })
        .collect();
    let from_files = if injects.is_empty() {
        String::new()
    } else {
        format!(
            "<label for=\"inject-id\">{}</label><select id=\"inject-id\">{injects}</select>",
            esc(s.inject_file)
        )
    };
    format!(
        "<section><h2>{fire_inject}</h2><label for=\"inject-target\">{at}</label><select id=\"inject-target\">{targets}</select>\
{from_files}<label for=\"inject-ron\">{ron}</label><textarea id=\"inject-ron\"></textarea>\
<p><button data-method=\"POST\" data-build=\"inject\">{fire}</button></p></section>",
        fire_inject = esc(s.fire_inject),
        at = esc(s.inject_at),
        ron = esc(s.inject_ron),
        fire = esc(s.fire),
    )
}

/// `GET /teacher/classes/{class}/compare`: every group of the class side by side with the
/// historical record (the debrief's comparison page), for the hot wash on the projector.
pub async fn compare(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Path(class): Path<i64>,
) -> Response {
    if let Err(e) = Who::of(&hub, &headers).teacher() {
        return e.into_response();
    }
    match crate::api::teacher::blocking(move || crate::debriefs::comparison_page(&hub, class)).await
    {
        Ok(page) => html(page),
        Err(e) => e.into_response(),
    }
}

/// `GET /teacher/groups?class=ID`: the groups table alone, for live refreshes.
pub async fn groups_fragment(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<DashQuery>,
) -> Response {
    match Who::of(&hub, &headers).teacher() {
        Ok(()) => html(groups_table(&hub, q.class.unwrap_or_default())),
        Err(e) => e.into_response(),
    }
}

fn groups_table(hub: &Hub, class: i64) -> String {
    let s = strings();
    let Ok(groups) = statuses(hub, class) else {
        return String::new();
    };
    let rows: String = groups.iter().map(|g| group_row(s, hub, g)).collect();
    format!(
        "<table><thead><tr><th></th><th>{turn}</th><th>{tension}</th><th>{rung}</th><th>{scores}</th><th>{outcome}</th><th>{code}</th><th></th></tr></thead><tbody>{rows}</tbody></table>",
        turn = esc(s.turn),
        tension = esc(s.tension),
        rung = esc(s.rung),
        scores = esc(s.scores),
        outcome = esc(s.outcome),
        code = esc(s.code),
    )
}

fn group_row(s: &Strings, hub: &Hub, g: &GroupStatus) -> String {
    let sides: String = (0..2)
        .map(|i| {
            let state = if g.submitted[i] {
                ("ok", s.submitted)
            } else {
                ("no", s.waiting)
            };
            format!(
                "<div>{} {} <em>{}</em> · <span class=\"{}\">{}</span></div>",
                esc(&g.sides[i]),
                esc(s.plays),
                esc(&g.seats[i]),
                state.0,
                esc(state.1)
            )
        })
        .collect();
    let teams: String = g.teams.iter().map(|t| team_cell(s, hub, g, t)).collect();
    let mut turn = g.turn.to_string();
    if let Some(at) = g.deadline_ms {
        turn.push_str(&format!(
            "<div class=\"muted\">{} <span data-deadline=\"{at}\"></span></div>",
            esc(s.deadline)
        ));
    }
    if g.thinking {
        turn.push_str(&format!("<div class=\"muted\">{}</div>", esc(s.thinking)));
    }
    let meant = if g.over {
        String::new()
    } else {
        format!(" data-group=\"{}\" data-group-turn=\"{}\"", g.id, g.turn)
    };
    format!(
        "<tr{meant}><td><strong>{label}</strong>{sides}</td><td>{turn}</td><td>{tension:.0}</td><td>{rung}</td>\
<td>{s0:.1} / {s1:.1}</td><td>{outcome}</td><td>{teams}</td><td>{advance}<p><a href=\"/teacher/groups/{id}/show\">{show}</a></p></td></tr>",
        label = esc(&g.label),
        tension = g.tension,
        rung = g.rung,
        s0 = g.scores[0],
        s1 = g.scores[1],
        outcome = esc(g.outcome.as_deref().unwrap_or(s.ongoing)),
        advance = button(
            s.advance,
            "POST",
            &format!("/api/teacher/groups/{}/advance?turn={}", g.id, g.turn),
            "",
            ""
        ),
        id = g.id,
        show = esc(s.show),
    )
}

fn team_cell(s: &Strings, hub: &Hub, g: &GroupStatus, t: &crate::views::TeamStatus) -> String {
    let url = format!("/api/teacher/teams/{}/code", t.id);
    let code = match &t.code {
        Some(code) => {
            let link = format!("{}/join?code={code}", hub.config.base_url);
            format!(
                "<code>{code}</code> <a href=\"{l}\">{l}</a><div class=\"qr\">{qr}</div>{revoke}",
                code = esc(code),
                l = esc(&link),
                qr = qr_svg(&link),
                revoke = button(s.revoke, "DELETE", &url, "", "secondary"),
            )
        }
        None => format!("<em>{}</em>", esc(s.revoked)),
    };
    format!(
        "<div><strong>{}</strong>: {code} {}</div>",
        esc(&g.sides[t.side]),
        button(s.reissue, "POST", &url, "", "secondary")
    )
}
