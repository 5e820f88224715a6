//! A teacher and two teams through a class in a real browser: headless Chromium driven by
//! Debian's `chromedriver` over WebDriver (fantoccini). The teacher opens the key URL (the key
//! moves into a cookie), creates a class and a group of two teams. Team A's browser runs the
//! pages' script; team B's has JavaScript switched off and plays with plain forms. Each joins
//! from its code's link, drafts an order with a memo for it and for the turn (A opens an
//! action's expected effects and saves with Enter, from the keyboard), and submits; the
//! teacher advances, and A's page shows the report by itself (live), B's on a reload, each with
//! its own memo and not the other's. Then the teacher pauses and resumes (A's page follows
//! live), sets a turn of two seconds that passes with B unsubmitted (A's page shows the next
//! report, saying B did not submit), and revokes B's code (B is sent back to the join page,
//! and the old code is refused). A's page on a phone's width scrolls no wider than the screen.
//!
//! Without `chromedriver` the test says it is skipped, and fails when
//! `DEMARCHE_REQUIRE_CHROMIUM=1` (as `.ci/run` sets). With `DEMARCHE_WRITE_SCREENSHOTS=1` it
//! writes `docs/screenshots/classroom-dashboard.png`, `classroom-team.png` and
//! `classroom-team-phone.png`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use demarche_classroom::{App, Config};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../demarche_sim/tests/fixtures/two_rivers")
}

/// `chromedriver` and `chromium`, if both are installed.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let find = |names: &[&str]| {
        names
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .or_else(|| which(names[0]))
    };
    Some((
        find(&["/usr/bin/chromedriver"]).or_else(|| which("chromedriver"))?,
        find(&["/usr/bin/chromium"]).or_else(|| which("chromium"))?,
    ))
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// A running chromedriver, ended when dropped.
struct Driver(Child, u16);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_driver(path: &Path) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver never listened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver(child, port)
}

/// A new headless browser (its own profile, so its own cookies), with JavaScript or without.
async fn browser(driver: &Driver, chromium: &Path, script: bool) -> Client {
    let mut args = vec![
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1700",
    ];
    if !script {
        args.push("--blink-settings=scriptEnabled=false");
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": chromium, "args": args }),
    );
    ClientBuilder::rustls()
        .expect("rustls")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.1))
        .await
        .expect("a browser session")
}

/// Serves an app on a free localhost port; returns it and its base URL.
async fn host(db: &Path) -> (App, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut config = Config::new(fixture(), db.to_path_buf());
    config.base_url = base.clone();
    let app = App::open(config).unwrap();
    app.start_deadlines();
    let service = app
        .router()
        .into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await });
    (app, base)
}

/// Waits until the page's source holds `text` (10 s at most); returns the source.
async fn wait_text(c: &Client, text: &str) -> String {
    wait_until(c, text, |source| source.contains(text)).await
}

/// Waits until the page's source no longer holds `text` (10 s at most).
async fn wait_gone(c: &Client, text: &str) -> String {
    wait_until(c, &format!("no {text}"), |source| !source.contains(text)).await
}

async fn wait_until(c: &Client, what: &str, done: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let source = c.source().await.unwrap();
        if done(&source) {
            return source;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the page never showed {what:?}:\n{source}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The address bar's path now.
async fn path(c: &Client) -> String {
    c.current_url().await.unwrap().path().to_owned()
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn type_in(c: &Client, css: &str, text: &str) {
    let e = c.find(Locator::Css(css)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(text).await.unwrap();
}

fn screenshot(name: &str, png: &[u8]) {
    if std::env::var("DEMARCHE_WRITE_SCREENSHOTS").as_deref() != Ok("1") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

/// A team joins from its link (the join form posts, with or without script).
async fn join(c: &Client, base: &str, code: &str) {
    c.goto(&format!("{base}/join?code={code}")).await.unwrap();
    click(c, "#join-form button").await;
    wait_text(c, "id=\"memo-note\"").await;
}

/// Adds the first available order, writes its memo and the turn's, and submits.
async fn draft_and_submit(c: &Client, marker: &str) {
    click(c, "button[data-add]:not([disabled])").await;
    wait_text(c, "data-order-memo=\"0\"").await;
    type_in(c, "[data-order-memo=\"0\"]", &format!("why {marker}")).await;
    type_in(c, "#memo-note", &format!("note {marker}")).await;
    click(c, "#submit").await;
    wait_text(c, "class=\"ok\"").await;
}

/// Waits until the team's group is at `turn`.
async fn wait_turn(app: &App, turn: u32) {
    let start = Instant::now();
    while app.hub.group(1).unwrap().lock().unwrap().game.turn() != turn {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "turn {turn} never came"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_and_two_teams_play_a_class_in_chromium() {
    let Some((chromedriver, chromium)) = tools() else {
        let required = std::env::var("DEMARCHE_REQUIRE_CHROMIUM").as_deref() == Ok("1");
        assert!(
            !required,
            "chromedriver or chromium is missing (apt-get install chromium chromium-driver)"
        );
        eprintln!(
            "skipped: chromedriver or chromium is not installed (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (app, base) = host(&dir.path().join("c.db")).await;
    let driver = start_driver(&chromedriver);
    let teacher = browser(&driver, &chromium, true).await;
    teacher
        .goto(&format!("{base}/teacher?key={}", app.hub.teacher_key()))
        .await
        .unwrap();
    let url = teacher.current_url().await.unwrap();
    assert_eq!(url.path(), "/teacher");
    assert!(url.query().is_none(), "the key left the URL");
    type_in(&teacher, "#class-name", "3B").await;
    click(&teacher, "button[data-build=newClass]").await;
    wait_text(&teacher, "id=\"group-label\"").await;
    click(&teacher, "button[data-build=newGroup]").await;
    wait_text(&teacher, "<code>").await;
    let mut codes = Vec::new();
    for e in teacher.find_all(Locator::Css("td code")).await.unwrap() {
        codes.push(e.text().await.unwrap());
    }
    assert_eq!(codes.len(), 2, "a code per team");

    // A with the pages' script, B without.
    let a = browser(&driver, &chromium, true).await;
    let b = browser(&driver, &chromium, false).await;
    join(&a, &base, &codes[0]).await;
    join(&b, &base, &codes[1]).await;
    assert!(a.source().await.unwrap().contains("class=\"js\""));
    assert!(
        !b.source().await.unwrap().contains("class=\"js\""),
        "B's browser runs no script"
    );

    // A adds an order and saves its memo with Enter alone (the form's default button saves;
    // it does not remove the order), then writes the turn's memo and submits.
    click(&a, "button[data-add]:not([disabled])").await;
    wait_text(&a, "data-order-memo=\"0\"").await;
    type_in(&a, "[data-order-memo=\"0\"]", "why BROWSER-A").await;
    a.find(Locator::Css("[data-order-memo=\"0\"]"))
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    wait_text(&a, "Saved.").await;
    let (_, stored) = app.hub.draft_of(1).unwrap();
    assert_eq!(stored.orders.len(), 1, "Enter kept the order");
    assert_eq!(
        stored.memo.orders.first().map(|m| m.text.as_str()),
        Some("why BROWSER-A")
    );
    type_in(&a, "#memo-note", "note BROWSER-A").await;
    click(&a, "#submit").await;
    wait_text(&a, "class=\"ok\"").await;

    // B, without script, plays the same turn with plain form posts.
    draft_and_submit(&b, "BROWSER-B").await;
    assert!(
        !b.source().await.unwrap().contains("BROWSER-A"),
        "A's memo reached B before the turn resolved"
    );

    teacher.refresh().await.unwrap();
    wait_text(&teacher, "Advance every group").await;
    screenshot(
        "classroom-dashboard.png",
        &teacher.screenshot().await.unwrap(),
    );
    click(
        &teacher,
        "button[data-url$='/advance'][data-url*='classes']",
    )
    .await;
    wait_turn(&app, 2).await;

    // A's page shows the report by itself; B reloads.
    let page = wait_text(&a, "Latest report (Turn 1)").await;
    assert_eq!(path(&a).await, "/team");
    assert!(page.contains("note BROWSER-A"), "the report shows A's memo");
    assert!(!page.contains("BROWSER-B"), "B's memo shows before the end");
    b.goto(&format!("{base}/team")).await.unwrap();
    let page = wait_text(&b, "Latest report (Turn 1)").await;
    assert!(page.contains("note BROWSER-B") && !page.contains("BROWSER-A"));
    // A opens an action's details on the page as it came live: its expected effects come in
    // place.
    click(&a, ".action:not(.off) details summary").await;
    let effects = a
        .find(Locator::Css(".action:not(.off) details .effects"))
        .await
        .unwrap();
    let start = Instant::now();
    loop {
        let text = effects.text().await.unwrap();
        if !text.is_empty() && text != "…" {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no preview came");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot("classroom-team.png", &a.screenshot().await.unwrap());

    // Pause and resume: A's page follows live, and keeps what A is typing.
    type_in(&a, "#memo-note", "UNSAVED-NOTE").await;
    click(&teacher, "button[data-body*='\"paused\":true']").await;
    wait_text(&a, "The class is paused.").await;
    let typed = a.find(Locator::Css("#memo-note")).await.unwrap();
    assert_eq!(
        typed.prop("value").await.unwrap().as_deref(),
        Some("UNSAVED-NOTE"),
        "a live update wiped the text being typed"
    );
    let submit = a.find(Locator::Css("#submit")).await.unwrap();
    assert_eq!(
        submit.attr("disabled").await.unwrap().as_deref(),
        Some("true"),
        "no submit while paused"
    );
    wait_text(&teacher, "Resume all").await;
    click(&teacher, "button[data-body*='\"paused\":false']").await;
    wait_gone(&a, "The class is paused.").await;

    // A submits turn 2; a turn of two seconds passes with B unsubmitted.
    draft_and_submit(&a, "BROWSER-A2").await;
    wait_text(&teacher, "Pause all").await;
    type_in(&teacher, "#turn-seconds", "2").await;
    click(&teacher, "button[data-build=turnLength]").await;
    wait_text(&a, "data-deadline=").await;
    let page = wait_text(&a, "Latest report (Turn 2)").await;
    assert!(
        page.contains("did not submit"),
        "the report says B did not submit"
    );
    assert_eq!(path(&a).await, "/team", "A's page followed by itself");
    wait_text(&teacher, "Pause all").await;
    type_in(&teacher, "#turn-seconds", "0").await;
    click(&teacher, "button[data-build=turnLength]").await;
    wait_text(&teacher, "value=\"0\"").await;

    // The teacher revokes B's code: B's next page is the join page, and the code is refused.
    let b_team = app.hub.teams_of(1)[1].id;
    click(
        &teacher,
        &format!("button[data-method=DELETE][data-url='/api/teacher/teams/{b_team}/code']"),
    )
    .await;
    wait_text(&teacher, "revoked").await;
    b.goto(&format!("{base}/team")).await.unwrap();
    assert_eq!(path(&b).await, "/join", "a revoked team's session ends");
    type_in(&b, "#join-code", &codes[1]).await;
    click(&b, "#join-form button").await;
    wait_text(&b, "role=\"alert\"").await;
    assert_eq!(path(&b).await, "/join");

    // On a phone's width, A's page scrolls no wider than the screen.
    a.set_window_size(390, 844).await.unwrap();
    a.refresh().await.unwrap();
    wait_text(&a, "id=\"memo-note\"").await;
    let widths = a
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
            Vec::new(),
        )
        .await
        .unwrap();
    let (scroll, client) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(
        scroll <= client,
        "the page is {scroll} px wide on a {client} px screen"
    );
    screenshot("classroom-team-phone.png", &a.screenshot().await.unwrap());
    for c in [teacher, a, b] {
        let _ = c.close().await;
    }
}
