//! `/team`: a team's page, from its [`TeamView`] alone: briefing, drafted orders with memos,
//! actions by category with costs, greyed-out reasons and their expected effects, Submit, the
//! latest report with its "why", the news with each line's kind, and the record beside the
//! game.
//!
//! The page is a plain form (`POST /team`), so it works without JavaScript: every button posts
//! the orders and memos as they stand with what it asks for, and the host answers with the
//! page again (303 to `/team`, or the page with what went wrong). With JavaScript the same
//! posts are sent in the background and the page is swapped in place, and the page refreshes
//! itself on the live updates (`/api/events`).

use std::sync::Arc;

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::json;

use super::form::{Do, DraftForm, order_key, parse_order_key, same_origin};
use super::html;
use crate::api::team::team_view;
use crate::auth::Who;
use crate::error::Error;
use crate::html::{esc, json_block, markdown, page as frame};
use crate::hub::Hub;
use crate::preview::PreviewView;
use crate::strings::{Strings, strings};
use crate::views::{ActionView, ReportView, TeamView, draft_view};

/// `GET /team`'s query: what the last post did, and an order whose effects to show.
#[derive(Debug, Default, Deserialize)]
pub struct TeamQuery {
    /// `saved`, `submitted`, `added` or `removed`: said at the top of the page.
    #[serde(default)]
    pub done: Option<String>,
    /// An order (`action|track|region`) whose expected effects the page shows open.
    #[serde(default)]
    pub preview: Option<String>,
}

/// What a page shows besides the team's view.
#[derive(Default)]
struct Extra {
    /// A line of what was just done.
    notice: Option<&'static str>,
    /// What went wrong, with its reasons.
    error: Option<(String, Vec<String>)>,
    /// The action whose preview is shown open, with the preview.
    preview: Option<(String, PreviewView)>,
}

/// `GET /team`: the team's page (nobody: to `/join`).
pub async fn page(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TeamQuery>,
) -> Response {
    let Who::Team(team) = Who::of(&hub, &headers) else {
        return Redirect::to("/join").into_response();
    };
    let s = strings();
    let mut extra = Extra {
        notice: match q.done.as_deref() {
            Some("saved") => Some(s.saved),
            Some("submitted") => Some(s.submitted_note),
            Some("added") => Some(s.added),
            Some("removed") => Some(s.removed),
            _ => None,
        },
        ..Extra::default()
    };
    if let Some(raw) = q.preview.as_deref().and_then(parse_order_key) {
        let worker = hub.clone();
        let action = raw.action.clone();
        match tokio::task::spawn_blocking(move || crate::preview::for_team(&worker, team, &raw))
            .await
        {
            Ok(Ok(p)) => extra.preview = Some((action, p)),
            Ok(Err(e)) => extra.error = Some(described(&e)),
            Err(e) => extra.error = Some((e.to_string(), Vec::new())),
        }
    }
    match team_view(&hub, team) {
        Ok(view) => html(render(&view, &extra)),
        Err(e) => e.into_response(),
    }
}

/// `POST /team`: the draft form (see [`DraftForm`]). Saves the orders and memos as posted
/// (unless unchanged), then adds, removes, submits or shows a preview, and answers 303 to the
/// page; on a refusal, the page with the reasons and the draft as posted.
pub async fn post(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if !same_origin(&headers) {
        return Error::Forbidden.into_response();
    }
    let team = match Who::of(&hub, &headers) {
        Who::Team(team) => team,
        Who::Teacher => return Error::Forbidden.into_response(),
        Who::Nobody => return Redirect::to("/join").into_response(),
    };
    let form = match DraftForm::parse(&fields) {
        Ok(form) => form,
        Err(e) => return e.into_response(),
    };
    let worker = hub.clone();
    let posted = form.clone();
    let done = tokio::task::spawn_blocking(move || apply(&worker, team, form))
        .await
        .unwrap_or_else(|e| Err(Error::Internal(e.to_string())));
    match done {
        Ok(to) => (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response(),
        Err(e) => refused_page(&hub, team, &posted, &e),
    }
}

/// Carries out a draft form: returns where to send the browser.
fn apply(hub: &Hub, team: i64, form: DraftForm) -> Result<String, Error> {
    let mut orders = form.orders.clone();
    let mut anchor = "orders".to_owned();
    let done = match &form.action {
        Do::Save => "saved",
        Do::Submit => "submitted",
        Do::Add(action) => {
            orders.push(form.pick(action)?);
            anchor = format!("a-{action}");
            "added"
        }
        Do::Remove(i) => {
            if *i < orders.len() {
                orders.remove(*i);
            }
            "removed"
        }
        Do::Preview(action) => {
            let order = form.pick(action)?;
            // The memos typed so far are kept if they can be; a preview needs none of them.
            let _ = save(hub, team, &form, orders);
            return Ok(format!(
                "/team?preview={}#a-{}",
                url_encode(&order_key(&order)),
                url_encode(action)
            ));
        }
    };
    save(hub, team, &form, orders)?;
    if form.action == Do::Submit {
        hub.submit(team, Some(form.turn))?;
    }
    Ok(format!("/team?done={done}#{}", url_encode(&anchor)))
}

/// Saves the posted orders and memos unless they are what is stored already (so that saving
/// an unchanged, submitted draft does not take the submission back).
fn save(
    hub: &Hub,
    team: i64,
    form: &DraftForm,
    orders: Vec<demarche_sim::scenario::raw::RawOrder>,
) -> Result<(), Error> {
    let (turn, stored) = hub.draft_of(team)?;
    let memo = form.memo.clone().cleaned();
    if turn == form.turn && stored.orders == orders && stored.memo == memo {
        return Ok(());
    }
    hub.set_draft(team, Some(form.turn), orders, form.memo.clone())
}

/// The page again with what went wrong and the draft as posted (nothing typed is lost).
fn refused_page(hub: &Hub, team: i64, posted: &DraftForm, e: &Error) -> Response {
    match team_view(hub, team) {
        Ok(mut view) => {
            if posted.turn == view.turn {
                let scn = &hub.scenario;
                view.draft = draft_view(scn, &posted.orders, &posted.memo, false);
            }
            let extra = Extra {
                error: Some(described(e)),
                ..Extra::default()
            };
            (e.status(), html(render(&view, &extra))).into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// An error's message and reasons, for the page.
fn described(e: &Error) -> (String, Vec<String>) {
    let reasons = match e {
        Error::Refused(why) => why.clone(),
        _ => Vec::new(),
    };
    (e.to_string(), reasons)
}

/// Percent-encodes a query value or fragment.
fn url_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn render(v: &TeamView, extra: &Extra) -> String {
    let s = strings();
    let open = !v.over && !v.paused && !v.ended;
    let mut body = String::new();
    body.push_str(&banners(s, v, extra));
    body.push_str(&orders_section(s, v, open));
    body.push_str(&actions_section(s, v, open, extra));
    body.push_str(&report_section(s, v.report.as_ref()));
    body.push_str(&map_section(s, v));
    body.push_str(&super::team_state::tracks_section(s, v));
    body.push_str(&super::team_state::sanctions_section(s, v));
    body.push_str(&super::team_state::intel_section(s, v));
    body.push_str(&super::team_state::charts_section(s, v));
    body.push_str(&news_section(s, v));
    body.push_str(&history_section(s, v));
    body.push_str(&format!(
        "<section class=\"wide\" id=\"briefing\"><h2>{}</h2>{}</section>",
        esc(s.briefing),
        markdown(&v.briefing)
    ));
    let said = json!({
        "saved": s.saved,
        "new_turn": s.new_turn,
        "updated": s.updated,
        "expected": s.expected,
        "no_change": s.no_change,
        "computing": s.computing,
        "not_available": s.not_available,
    });
    body.push_str(&format!(
        "<script type=\"application/json\" id=\"said\">{}</script>",
        json_block(&said)
    ));
    let title = format!(
        "{} · {} · {} {}",
        v.actor_name, v.group_label, s.turn, v.turn
    );
    frame(&title, "team", &body).replace(
        "<body data-live=\"team\">",
        &format!(
            "<body data-live=\"team\" data-team=\"{}\" data-turn=\"{}\">",
            v.team, v.turn
        ),
    )
}

/// The class's state (paused, ended, over), what was just done or refused, and a line for
/// browsers without JavaScript.
fn banners(s: &Strings, v: &TeamView, extra: &Extra) -> String {
    let mut out = String::from("<div id=\"banners\" class=\"banners\">");
    out.push_str(&format!(
        "<p class=\"banner\" id=\"news-flash\" hidden><a href=\"/team\">{}</a></p>",
        esc(s.changed_elsewhere)
    ));
    for (on, text) in [
        (v.paused, s.paused),
        (v.ended, s.ended),
        (v.over, s.game_over),
    ] {
        if on {
            out.push_str(&format!("<p class=\"banner\">{}</p>", esc(text)));
        }
    }
    if let Some((message, reasons)) = &extra.error {
        out.push_str(&format!(
            "<div class=\"banner error\" role=\"alert\"><p><strong>{}</strong> {}</p>",
            esc(s.error),
            esc(message)
        ));
        if !reasons.is_empty() {
            out.push_str("<ul>");
            for r in reasons {
                out.push_str(&format!("<li>{}</li>", esc(r)));
            }
            out.push_str("</ul>");
        }
        out.push_str("</div>");
    }
    if let Some(notice) = extra.notice {
        out.push_str(&format!(
            "<p class=\"banner ok\" role=\"status\">{}</p>",
            esc(notice)
        ));
    }
    out.push_str(&format!(
        "<noscript><p class=\"banner\">{}</p></noscript></div>",
        esc(s.reload_hint)
    ));
    out
}

fn map_section(s: &Strings, v: &TeamView) -> String {
    match &v.map_svg {
        Some(svg) => format!(
            "<section class=\"wide\" id=\"map\"><h2>{}</h2>{svg}<p class=\"muted\">{}</p></section>",
            esc(s.map),
            esc(s.map_key)
        ),
        None => String::new(),
    }
}

/// Minutes and seconds left before `at` (ms since the Unix epoch), as the countdown shows them.
fn time_left(at: i64) -> String {
    let left = ((at - crate::hub::now_ms()).max(0) + 999) / 1000;
    format!("{}:{:02}", left / 60, left % 60)
}

fn orders_section(s: &Strings, v: &TeamView, open: bool) -> String {
    let disabled = if open { "" } else { " disabled" };
    let mut out = format!(
        "<section id=\"orders\"><form id=\"draft-form\" method=\"post\" action=\"/team\">\
<input type=\"hidden\" name=\"turn\" value=\"{turn}\">\
<button type=\"submit\" name=\"do\" value=\"save\" class=\"sr\" tabindex=\"-1\" aria-hidden=\"true\"{disabled}>{save}</button>\
<h2>{orders} ({turn_word} {turn})</h2><div id=\"order-state\" data-fresh>\
<p>{capital}: <strong>{left:.0}</strong></p>",
        turn = v.turn,
        save = esc(s.save),
        orders = esc(s.orders),
        turn_word = esc(s.turn),
        capital = esc(s.capital_left),
        left = v.capital_left,
    );
    match v.deadline_ms {
        Some(at) if open => out.push_str(&format!(
            "<p class=\"deadline\">{} <strong data-deadline=\"{at}\">{}</strong></p>",
            esc(s.deadline),
            time_left(at)
        )),
        _ => {}
    }
    if v.draft.submitted {
        out.push_str(&format!("<p class=\"ok\">{}</p>", esc(s.submitted_note)));
    }
    out.push_str("</div>");
    if v.draft.orders.is_empty() {
        out.push_str(&format!("<p class=\"muted\">{}</p>", esc(s.no_orders)));
    }
    for (i, o) in v.draft.orders.iter().enumerate() {
        out.push_str(&format!(
            "<div class=\"action\"><input type=\"hidden\" name=\"order-{i}\" value=\"{key}\"><div class=\"row\"><span>{label}</span>\
<button type=\"submit\" class=\"secondary\" name=\"do\" value=\"remove:{i}\" data-remove=\"{i}\" aria-label=\"{remove}: {label}\"{disabled}>{remove}</button></div>\
<label for=\"om-{i}\" class=\"muted\">{why}</label><input id=\"om-{i}\" name=\"memo-{i}\" type=\"text\" data-order-memo=\"{i}\" value=\"{memo}\" maxlength=\"4000\"></div>",
            key = esc(&order_key(&o.order)),
            label = esc(&o.label),
            remove = esc(s.remove),
            why = esc(s.order_memo),
            memo = esc(o.memo.as_deref().unwrap_or("")),
        ));
    }
    out.push_str(&format!(
        "<label for=\"memo-note\">{}</label><textarea id=\"memo-note\" name=\"note\" maxlength=\"4000\">{}</textarea>",
        esc(s.memo),
        esc(v.draft.note.as_deref().unwrap_or(""))
    ));
    out.push_str(&format!(
        "<div class=\"row\" id=\"order-buttons\" data-fresh><button type=\"submit\" name=\"do\" value=\"save\" id=\"save\" class=\"secondary\"{disabled}>{}</button>\
<button type=\"submit\" name=\"do\" value=\"submit\" id=\"submit\"{disabled}>{}</button></div></form></section>",
        esc(s.save),
        esc(s.submit)
    ));
    out
}

fn actions_section(s: &Strings, v: &TeamView, open: bool, extra: &Extra) -> String {
    let mut out = format!("<section id=\"actions\"><h2>{}</h2>", esc(s.actions));
    for category in &v.actions {
        if category.actions.is_empty() {
            continue;
        }
        out.push_str(&format!("<h3>{}</h3>", esc(&category.label)));
        for action in &category.actions {
            let preview = extra
                .preview
                .as_ref()
                .filter(|(a, _)| *a == action.key)
                .map(|(_, p)| p);
            out.push_str(&action_row(s, action, open, preview));
        }
    }
    out.push_str("</section>");
    out
}

fn action_row(s: &Strings, a: &ActionView, open: bool, preview: Option<&PreviewView>) -> String {
    let available = a.options.iter().any(|o| o.refused.is_none());
    let first_refusal = a
        .options
        .iter()
        .find_map(|o| o.refused.clone())
        .unwrap_or_default();
    let key = esc(&a.key);
    let chosen = preview.map(|p| order_key(&p.order));
    let picker = if a.options.len() > 1 {
        let options: String = a
            .options
            .iter()
            .map(|o| {
                let label = match &o.refused {
                    None => o.target.clone().unwrap_or_default(),
                    Some(why) => format!("{} ({why})", o.target.clone().unwrap_or_default()),
                };
                let value = order_key(&o.order);
                format!(
                    "<option value=\"{}\"{}{}>{}</option>",
                    esc(&value),
                    if o.refused.is_some() { " disabled" } else { "" },
                    if chosen.as_deref() == Some(value.as_str()) {
                        " selected"
                    } else {
                        ""
                    },
                    esc(&label)
                )
            })
            .collect();
        format!(
            "<select id=\"pick-{key}\" name=\"pick-{key}\" form=\"draft-form\" aria-label=\"{}\">{options}</select>",
            esc(&a.name)
        )
    } else {
        let order = a
            .options
            .first()
            .map(|o| order_key(&o.order))
            .unwrap_or_default();
        format!(
            "<input type=\"hidden\" id=\"pick-{key}\" name=\"pick-{key}\" form=\"draft-form\" value=\"{}\">",
            esc(&order)
        )
    };
    let addable = available && open;
    let why = if available || a.options.len() > 1 {
        String::new()
    } else {
        format!(
            "<div class=\"refused\">{} {}</div>",
            esc(s.not_available),
            esc(&first_refusal)
        )
    };
    let effects = match preview {
        Some(p) => effects_html(s, p),
        None => String::new(),
    };
    let ask = if available {
        format!(
            "<button type=\"submit\" form=\"draft-form\" class=\"secondary\" name=\"do\" value=\"preview:{key}\" data-preview=\"{key}\">{}</button>",
            esc(s.show_effects)
        )
    } else {
        String::new()
    };
    format!(
        "<div class=\"action{off}\" id=\"a-{key}\"><div class=\"row\"><button type=\"submit\" form=\"draft-form\" name=\"do\" value=\"add:{key}\" data-add=\"{key}\" aria-label=\"{add}: {name}\"{disabled}>{add}</button>\
<span class=\"name\"><strong>{name}</strong></span> <span class=\"tag\">{cost}</span>{picker}</div>{why}\
<details data-action=\"{key}\"{opened}><summary>{details}</summary><p>{desc}</p>\
<h4 title=\"{hint}\">{expected}</h4><p class=\"muted\">{hint}</p><div class=\"effects\" id=\"effects-{key}\" aria-live=\"polite\">{effects}</div>{ask}</details></div>",
        off = if available { "" } else { " off" },
        disabled = if addable { "" } else { " disabled" },
        add = esc(s.add),
        name = esc(&a.name),
        cost = esc(&crate::views::cost(a.capital, a.readiness)),
        opened = if preview.is_some() { " open" } else { "" },
        details = esc(s.details),
        desc = esc(&a.description),
        hint = esc(s.expected_hint),
        expected = esc(s.expected),
    )
}

/// A preview's expected changes as a list (or why the order is not available, or that nothing
/// visible moves).
fn effects_html(s: &Strings, p: &PreviewView) -> String {
    if let Some(why) = &p.refused {
        return format!(
            "<p class=\"refused\">{} {}</p>",
            esc(s.not_available),
            esc(why)
        );
    }
    if p.effects.is_empty() {
        return format!("<p class=\"muted\">{}</p>", esc(s.no_change));
    }
    let items: String = p
        .effects
        .iter()
        .map(|e| {
            format!(
                "<li class=\"{}\">{}: {}</li>",
                if e.delta >= 0.0 { "up" } else { "down" },
                esc(&e.label),
                signed(e.delta)
            )
        })
        .collect();
    format!("<ul>{items}</ul>")
}

/// A change with its sign, one decimal: "+1.5", "−0.3".
pub fn signed(x: f64) -> String {
    if x < 0.0 {
        format!("−{:.1}", -x)
    } else {
        format!("+{x:.1}")
    }
}

fn report_section(s: &Strings, report: Option<&ReportView>) -> String {
    let Some(r) = report else {
        return format!(
            "<section id=\"report\"><h2>{}</h2><p class=\"muted\">{}</p></section>",
            esc(s.report),
            esc(s.no_report)
        );
    };
    let mut out = format!(
        "<section id=\"report\"><h2>{} ({} {})</h2>",
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
        "<section id=\"news\"><h2>{}</h2><ul>{items}</ul></section>",
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
        "<section class=\"wide\" id=\"history\"><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
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
