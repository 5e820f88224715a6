//! A teacher and two teams through a turn in a real browser: headless Chromium driven by
//! Debian's `chromedriver` over WebDriver (fantoccini). The teacher opens the key URL (the key
//! moves into a cookie), creates a class and a group of two teams; each team joins from its
//! code's link, drafts an order with a memo for it and for the turn, and submits; the teacher
//! advances; each team reads the report with its own memo and not the other's.
//!
//! Without `chromedriver` the test says it is skipped, and fails when
//! `DEMARCHE_REQUIRE_CHROMIUM=1` (as `.ci/run` sets). With `DEMARCHE_WRITE_SCREENSHOTS=1` it
//! writes `docs/screenshots/classroom-dashboard.png` and `classroom-team.png`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use demarche_classroom::{App, Config};
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

/// A new headless browser (its own profile, so its own cookies).
async fn browser(driver: &Driver, chromium: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1700"],
        }),
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
    let service = app
        .router()
        .into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await });
    (app, base)
}

/// Waits until the page's source holds `text` (10 s at most); returns the source.
async fn wait_text(c: &Client, text: &str) -> String {
    let start = Instant::now();
    loop {
        let source = c.source().await.unwrap();
        if source.contains(text) {
            return source;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the page never showed {text:?}:\n{source}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
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

/// A team joins from its link, drafts the first available order with memos, and submits.
async fn team_turn(c: &Client, base: &str, code: &str, marker: &str) {
    c.goto(&format!("{base}/join?code={code}")).await.unwrap();
    click(c, "#join-form button").await;
    wait_text(c, "id=\"memo-note\"").await;
    click(c, "button[data-add]:not([disabled])").await;
    wait_text(c, "data-order-memo=\"0\"").await;
    type_in(c, "[data-order-memo=\"0\"]", &format!("why {marker}")).await;
    type_in(c, "#memo-note", &format!("note {marker}")).await;
    click(c, "#submit").await;
    wait_text(c, "class=\"ok\"").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_and_two_teams_play_a_turn_in_chromium() {
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
    let teacher = browser(&driver, &chromium).await;
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

    let teams = [
        browser(&driver, &chromium).await,
        browser(&driver, &chromium).await,
    ];
    team_turn(&teams[0], &base, &codes[0], "BROWSER-A").await;
    let other = teams[1].clone();
    team_turn(&other, &base, &codes[1], "BROWSER-B").await;
    let page = teams[1].source().await.unwrap();
    assert!(
        !page.contains("BROWSER-A"),
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
    let start = Instant::now();
    while app.hub.group(1).unwrap().lock().unwrap().game.turn() != 2 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the turn never resolved"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    for (c, mine, theirs) in [
        (&teams[0], "BROWSER-A", "BROWSER-B"),
        (&teams[1], "BROWSER-B", "BROWSER-A"),
    ] {
        c.goto(&format!("{base}/team")).await.unwrap();
        let page = wait_text(c, "Latest report (Turn 1)").await;
        assert!(
            page.contains(&format!("note {mine}")),
            "the report shows the team's memo"
        );
        assert!(
            !page.contains(theirs),
            "the other team's memo shows before the end"
        );
    }
    screenshot("classroom-team.png", &teams[0].screenshot().await.unwrap());
    for c in [teacher, teams[0].clone(), teams[1].clone()] {
        let _ = c.close().await;
    }
}
