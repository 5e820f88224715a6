//! The pages beyond the API: the projector view of one group turn by turn (teacher only,
//! both sides' orders and memos once resolved, charts as SVG, the record beside the game),
//! and the team page's map, tracks, sanctions, intelligence and charts from its side's view.

mod common;

use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn the_projector_shows_one_group_turn_by_turn_to_the_teacher_only() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let g = group["id"].as_i64().unwrap();
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    let show = format!("/teacher/groups/{g}/show");
    let empty = call(&router, &t, "GET", &show, None).await;
    assert_eq!(empty.status, StatusCode::OK);
    for turn in 1..=2 {
        draft_and_submit(&router, &a, a_id, &format!("PROJ-A{turn}")).await;
        draft_and_submit(&router, &b, b_id, &format!("PROJ-B{turn}")).await;
        let uri = format!("/api/teacher/groups/{g}/advance");
        assert_eq!(
            call(&router, &t, "POST", &uri, None).await.status,
            StatusCode::OK
        );
    }
    // Turn 3 drafted, not resolved: the projector never shows it.
    draft_and_submit(&router, &a, a_id, "PROJ-A3").await;
    let last = call(&router, &t, "GET", &show, None).await.text();
    assert!(
        last.contains("PROJ-A2") && last.contains("PROJ-B2"),
        "both sides' memos"
    );
    assert!(!last.contains("PROJ-A3"), "an unresolved turn shows");
    assert!(last.contains("class=\"projector\""));
    assert!(last.contains("aria-current=\"page\""));
    assert_eq!(last.matches("<svg").count(), 2, "tension and scores charts");
    let first = call(&router, &t, "GET", &format!("{show}?turn=1"), None)
        .await
        .text();
    assert!(first.contains("PROJ-A1") && first.contains("PROJ-B1"));
    assert!(!first.contains("PROJ-A2"), "turn 1 shows turn 1");
    assert!(first.contains("data-key=\"next\"") && !first.contains("data-key=\"prev\""));
    assert!(first.contains("History: the record beside this game"));
    // Out of range turns are clamped; teams and strangers are refused.
    let far = call(&router, &t, "GET", &format!("{show}?turn=99"), None)
        .await
        .text();
    assert!(far.contains("PROJ-A2"));
    assert_eq!(
        call(&router, &a, "GET", &show, None).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&router, &As::Nobody, "GET", &show, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let missing = call(&router, &t, "GET", "/teacher/groups/999/show", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_team_page_draws_the_map_and_the_state_from_its_side_only() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("c.db"));
    let router = app.router();
    let t = teacher_of(&app);
    let (_, group) = class_with_group(&router, &t, ["team", "team"]).await;
    let g = group["id"].as_i64().unwrap();
    let codes = codes(&group);
    let (a, a_id) = join(&router, &codes[0]).await;
    let (b, b_id) = join(&router, &codes[1]).await;
    draft_and_submit(&router, &a, a_id, "MAP-A").await;
    draft_and_submit(&router, &b, b_id, "MAP-B").await;
    let uri = format!("/api/teacher/groups/{g}/advance");
    assert_eq!(
        call(&router, &t, "POST", &uri, None).await.status,
        StatusCode::OK
    );
    let page = call(&router, &a, "GET", "/team", None).await.text();
    assert!(page.contains("<svg class=\"map\""), "the map");
    for region in ["Aldova", "Borenia", "Gull Island", "The Narrows"] {
        assert!(page.contains(region), "{region} is named");
    }
    assert!(page.contains("claimed by"), "administrator and claimants");
    assert!(page.contains("class=\"force\""), "forces are placed");
    for heading in ["Talks and cooperation", "Sanctions", "Intelligence"] {
        assert!(page.contains(heading), "{heading}");
    }
    assert!(page.matches("<svg").count() >= 3, "the map and two charts");
    // Intelligence is the side's own: its resolve, and its estimate of the other's.
    let (truth, belief) = {
        let group = app.hub.group(g).unwrap();
        let g = group.lock().unwrap();
        let v = g.game.view();
        (
            v.intel.resolve,
            v.intel.belief_mean(demarche_sim::Side::Second),
        )
    };
    let view = call(&router, &b, "GET", &format!("/api/teams/{b_id}"), None)
        .await
        .json();
    assert_eq!(view["intel"]["own_resolve"].as_f64().unwrap(), truth[1]);
    assert_eq!(view["intel"]["estimate_of_other"].as_f64().unwrap(), belief);
    assert!(
        view.get("map_svg").is_none(),
        "the SVG is for the page only"
    );
    let resolve_a = view["snapshot"]["state"]["intel"]["resolve"][0]
        .as_f64()
        .unwrap();
    assert_eq!(resolve_a, demarche_sim::side_view::NEUTRAL_RESOLVE);
    assert_eq!(view["tension_series"].as_array().unwrap().len(), 2);
    assert_eq!(view["score_series"].as_array().unwrap().len(), 1);
}
