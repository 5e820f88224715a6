//! `/join`: a team enters its code (or comes with `?code=` from a link or a QR code). The form
//! posts to `/join` (no JavaScript needed): the team's session cookie is set and the browser
//! sent to `/team`; a wrong, revoked or rate-limited code shows the page again with why.

use std::sync::Arc;

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::form::same_origin;
use super::html;
use crate::auth::{ClientIp, TEAM_COOKIE, set_cookie};
use crate::error::Error;
use crate::html::{esc, page as frame};
use crate::hub::Hub;
use crate::strings::strings;

/// `?code=` on the join page, and the join form's field.
#[derive(Debug, Deserialize)]
pub struct JoinQuery {
    /// A code to fill in (or, posted, the code to join with).
    #[serde(default)]
    pub code: Option<String>,
}

/// The join page.
pub async fn page(Query(q): Query<JoinQuery>) -> Response {
    html(render(q.code.as_deref().unwrap_or(""), None))
}

/// `POST /join`: joins with the posted code (rate-limited per address, as `POST /api/join`).
pub async fn post(
    ClientIp(ip): ClientIp,
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Form(q): Form<JoinQuery>,
) -> Response {
    if !same_origin(&headers) {
        return Error::Forbidden.into_response();
    }
    let code = q.code.unwrap_or_default();
    let joined = if !hub.joins.allow(ip) {
        Err(Error::TooMany)
    } else if code.len() > 64 {
        Err(Error::NotFound("no team has this code".into()))
    } else {
        hub.join(&code)
    };
    match joined {
        Ok((token, _)) => (
            StatusCode::SEE_OTHER,
            [
                (header::SET_COOKIE, set_cookie(TEAM_COOKIE, &token)),
                (header::LOCATION, "/team".to_owned()),
            ],
        )
            .into_response(),
        Err(e) => (e.status(), html(render(&code, Some(&e)))).into_response(),
    }
}

fn render(code: &str, error: Option<&Error>) -> String {
    let s = strings();
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(16)
        .collect();
    let error = error
        .map(|e| {
            format!(
                "<p class=\"banner error\" role=\"alert\"><strong>{}</strong> {}</p>",
                esc(s.error),
                esc(&e.to_string())
            )
        })
        .unwrap_or_default();
    let body = format!(
        "{error}<section><h2>{title}</h2><form id=\"join-form\" method=\"post\" action=\"/join\"><label for=\"join-code\">{prompt}</label>\
<div class=\"row\"><input id=\"join-code\" name=\"code\" type=\"text\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" value=\"{code}\" maxlength=\"64\" required>\
<button type=\"submit\">{join}</button></div></form></section>",
        title = esc(s.join_title),
        prompt = esc(s.join_prompt),
        code = esc(&code),
        join = esc(s.join),
    );
    frame(s.site, "", &body)
}
