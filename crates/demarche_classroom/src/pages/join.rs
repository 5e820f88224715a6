//! `/join`: a team enters its code (or comes with `?code=` from a link or a QR code).

use axum::extract::Query;
use axum::response::Response;
use serde::Deserialize;

use super::html;
use crate::html::{esc, page as frame};
use crate::strings::strings;

/// `?code=` on the join page.
#[derive(Debug, Deserialize)]
pub struct JoinQuery {
    /// A code to fill in.
    #[serde(default)]
    pub code: Option<String>,
}

/// The join page.
pub async fn page(Query(q): Query<JoinQuery>) -> Response {
    let s = strings();
    let code: String = q
        .code
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    let body = format!(
        "<section><h2>{title}</h2><form id=\"join-form\"><label for=\"join-code\">{prompt}</label>\
<div class=\"row\"><input id=\"join-code\" type=\"text\" autocomplete=\"off\" autocapitalize=\"characters\" value=\"{code}\" required>\
<button type=\"submit\">{join}</button></div></form></section>",
        title = esc(s.join_title),
        prompt = esc(s.join_prompt),
        code = esc(&code),
        join = esc(s.join),
    );
    html(frame(s.site, "", &body))
}
