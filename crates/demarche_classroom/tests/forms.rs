//! The join page and a team's page without JavaScript: plain form posts, as a browser with
//! scripts off sends them. Joining by the form (a wrong, revoked or guessed code refused, the
//! attempts rate-limited), adding an order from its action, memos, Save, Submit, Remove, a
//! preview, a page drafted for a turn since resolved (nothing saved), a paused class (the
//! typed text comes back with why), and posts from another site or the teacher refused.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::{Value, json};

const HERE: Option<&str> = Some("http://127.0.0.1:8080");

/// The first action with an available option: its key and that option's form value.
fn first_action(view: &Value) -> (String, String, Value) {
    for category in view["actions"].as_array().unwrap() {
        for action in category["actions"].as_array().unwrap() {
            for option in action["options"].as_array().unwrap() {
                if option["refused"].is_null() {
                    let o = &option["order"];
                    let key = format!(
                        "{}|{}|{}",
                        o["action"].as_str().unwrap(),
                        o["track"].as_str().unwrap_or(""),
                        o["region"].as_str().unwrap_or("")
                    );
                    return (action["key"].as_str().unwrap().to_owned(), key, o.clone());
                }
            }
        }
    }
    panic!("no available action")
}

#[tokio::test]
async fn a_team_plays_a_turn_with_plain_forms() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (class, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let code = codes(&group)[0].clone();

    let joined = post_form(&router, &As::Nobody, "/join", &[("code", &code)], HERE).await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER, "{}", joined.text());
    assert_eq!(joined.location.as_deref(), Some("/team"));
    let a = As::Cookie(joined.cookie.expect("the team's cookie"));
    let me = call(&router, &a, "GET", "/api/me", None).await.json();
    let id = me["team"].as_i64().unwrap();
    let page = call(&router, &a, "GET", "/team", None).await.text();
    assert!(page.contains("<form id=\"draft-form\" method=\"post\" action=\"/team\">"));
    assert!(page.contains("name=\"turn\" value=\"1\""));
    let view = || async {
        call(&router, &a, "GET", &format!("/api/teams/{id}"), None)
            .await
            .json()
    };
    let (action, key, order) = first_action(&view().await);
    let pick = format!("pick-{action}");
    let add = format!("add:{action}");

    // Add: the order of the action's picker joins the draft; the note typed is kept.
    let added = post_form(
        &router,
        &a,
        "/team",
        &[
            ("turn", "1"),
            ("note", "NOTE-X"),
            (&pick, &key),
            ("do", &add),
        ],
        HERE,
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text());
    assert_eq!(
        added.location.as_deref(),
        Some(format!("/team?done=added#a-{action}").as_str())
    );
    let v = view().await;
    assert_eq!(
        v["draft"]["orders"],
        json!([{"order": order, "label": v["draft"]["orders"][0]["label"], "memo": null}])
    );
    assert_eq!(v["draft"]["note"], "NOTE-X");
    let page = call(&router, &a, "GET", "/team?done=added", None)
        .await
        .text();
    assert!(page.contains("Added to your orders."));
    assert!(
        page.contains("name=\"order-0\""),
        "the order is in the form"
    );

    // A memo for the order, saved (Enter in a text field presses the form's first button,
    // a hidden Save, never Remove).
    let saved = [
        ("turn", "1"),
        ("order-0", key.as_str()),
        ("memo-0", "WHY-X"),
        ("note", "NOTE-X"),
    ];
    let answer = post_form(
        &router,
        &a,
        "/team",
        &[&saved[..], &[("do", "save")]].concat(),
        HERE,
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(view().await["draft"]["orders"][0]["memo"], "WHY-X");
    let first_button = page.find("name=\"do\"").unwrap();
    assert!(
        page[first_button..].starts_with("name=\"do\" value=\"save\""),
        "the form's default button saves"
    );

    // Submit; saving it unchanged keeps the submission.
    let answer = post_form(
        &router,
        &a,
        "/team",
        &[&saved[..], &[("do", "submit")]].concat(),
        HERE,
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text());
    assert_eq!(view().await["draft"]["submitted"], true);
    post_form(
        &router,
        &a,
        "/team",
        &[&saved[..], &[("do", "save")]].concat(),
        HERE,
    )
    .await;
    assert_eq!(
        view().await["draft"]["submitted"],
        true,
        "an unchanged save"
    );

    // A page drafted for another turn saves nothing.
    let stale = post_form(
        &router,
        &a,
        "/team",
        &[("turn", "7"), ("note", "STALE"), ("do", "save")],
        HERE,
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.text().contains("turn 7 has been resolved"),
        "{}",
        stale.text()
    );
    assert_eq!(view().await["draft"]["note"], "NOTE-X");

    // A preview, asked by its button, opens on the page.
    let preview = format!("preview:{action}");
    let asked = post_form(
        &router,
        &a,
        "/team",
        &[
            &saved[..],
            &[(pick.as_str(), key.as_str()), ("do", &preview)],
        ]
        .concat(),
        HERE,
    )
    .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    let to = asked.location.unwrap();
    assert!(to.starts_with("/team?preview="), "{to}");
    let shown = call(&router, &a, "GET", &to, None).await.text();
    assert!(shown.contains(&format!("<details data-action=\"{action}\" open>")));
    assert_eq!(
        view().await["draft"]["submitted"],
        true,
        "a preview takes nothing back"
    );

    // Remove takes the order (and the submission) back.
    let answer = post_form(
        &router,
        &a,
        "/team",
        &[&saved[..], &[("do", "remove:0")]].concat(),
        HERE,
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    let v = view().await;
    assert_eq!(v["draft"]["orders"], json!([]));
    assert_eq!(v["draft"]["submitted"], false);

    // Another site's form, the teacher, nobody, a malformed form.
    let evil = post_form(&router, &a, "/team", &saved, Some("http://evil.example")).await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&router, &t, "/team", &saved, HERE).await.status,
        StatusCode::FORBIDDEN
    );
    let nobody = post_form(&router, &As::Nobody, "/team", &saved, HERE).await;
    assert_eq!(nobody.location.as_deref(), Some("/join"));
    assert_eq!(
        post_form(&router, &a, "/team", &[("turn", "x")], HERE)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Paused: nothing is saved, and the page comes back with why and the text as typed.
    let uri = format!("/api/teacher/classes/{class}");
    call(&router, &t, "PATCH", &uri, Some(json!({"paused": true}))).await;
    let held = post_form(
        &router,
        &a,
        "/team",
        &[
            ("turn", "1"),
            ("note", "TYPED-WHILE-PAUSED"),
            ("do", "save"),
        ],
        HERE,
    )
    .await;
    assert_eq!(held.status, StatusCode::CONFLICT);
    let text = held.text();
    assert!(
        text.contains("TYPED-WHILE-PAUSED") && text.contains("paused"),
        "{text}"
    );
    assert_eq!(view().await["draft"]["note"], "NOTE-X");
}

#[tokio::test]
async fn the_join_form_refuses_wrong_and_revoked_codes_and_is_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with(&dir.path().join("c.db"), |c| {
        c.join_burst = 4;
        c.join_per_minute = 0;
    });
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let code = codes(&group)[0].clone();
    let team = group["teams"][0]["id"].as_i64().unwrap();
    let page = call(
        &router,
        &As::Nobody,
        "GET",
        &format!("/join?code={code}"),
        None,
    )
    .await
    .text();
    assert!(page.contains("<form id=\"join-form\" method=\"post\" action=\"/join\">"));
    assert!(
        page.contains(&format!("value=\"{code}\"")),
        "the link fills the code in"
    );

    let wrong = post_form(
        &router,
        &As::Nobody,
        "/join",
        &[("code", "AAAAAAAAAA")],
        HERE,
    )
    .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    assert!(wrong.cookie.is_none());
    assert!(wrong.text().contains("role=\"alert\""), "the page says why");
    let evil = post_form(
        &router,
        &As::Nobody,
        "/join",
        &[("code", &code)],
        Some("http://evil.example"),
    )
    .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    let revoke = format!("/api/teacher/teams/{team}/code");
    call(&router, &t, "DELETE", &revoke, None).await;
    let revoked = post_form(&router, &As::Nobody, "/join", &[("code", &code)], HERE).await;
    assert_eq!(revoked.status, StatusCode::NOT_FOUND, "a revoked code");
    let other = codes(&group)[1].clone();
    let ok = post_form(&router, &As::Nobody, "/join", &[("code", &other)], HERE).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "the third attempt");
    // Four attempts at once, then none: the right code too is refused.
    let limited = post_form(&router, &As::Nobody, "/join", &[("code", &other)], HERE).await;
    assert_eq!(limited.status, StatusCode::SEE_OTHER, "the fourth attempt");
    let limited = post_form(&router, &As::Nobody, "/join", &[("code", &other)], HERE).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
}
