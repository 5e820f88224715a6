//! The window's teaching tools, driven headless through the session and its egui pass: the
//! History tab never tells the record of a turn not yet played (nor does `record::compare` over
//! a side's view), memos typed in the orders panel reach the turn's report, the facilitator's
//! panel refuses without its key and fires an inject with it, and "Require a memo" holds End
//! turn until the memo is written.

mod harness;

use bevy::prelude::*;
use bevy_egui::egui;
use demarche::session::facilitator::{Facilitator, InjectStatus, status};
use demarche::session::flow::Notices;
use demarche::session::{ClassSettings, Flow, Intent, Mode, Screen, Session};
use demarche::ui::panels::facilitator::KEY_HINT;
use demarche::ui::panels::memo::{NOTE_HINT, ORDER_HINT};
use demarche::ui::{RightTab, UiState};
use demarche_sim::Side;
use demarche_sim::record::compare;

use harness::*;

fn session(app: &App) -> &Session {
    app.world().resource::<Session>()
}

/// The texts of the right-hand panel's History tab (with everything else on the screen).
fn history_texts(app: &mut App) -> Texts {
    app.world_mut().resource_mut::<UiState>().tab = RightTab::History;
    settle(app)
}

/// Plays the turn's planning of `side` in a two-player game: the record's orders, unless the
/// side `leaves` the record this turn (then no orders).
fn plan(app: &mut App, side: Side, leaves: bool) {
    assert_eq!(flow(app), Flow::Handover(side));
    send(app, Intent::HandoverDone);
    assert_eq!(flow(app), Flow::Planning(side));
    let (turn, orders) = {
        let s = session(app);
        let turn = s.game.turn();
        (turn, s.scenario().historical_orders(side, turn).to_vec())
    };
    if !leaves {
        for order in orders {
            send(app, Intent::AddOrder(side, order));
        }
    }
    check_history(app, side, turn);
    send(app, Intent::EndTurn);
}

/// At the start of `turn`, `side`'s History tab and its `record::compare` tell the turns played
/// and none after.
fn check_history(app: &mut App, side: Side, turn: u32) {
    let texts = history_texts(app);
    let s = session(app);
    let scn = s.scenario();
    let played = turn - 1;
    let view = s.side_view(side);
    assert_eq!(view.turn(), turn);

    let record = compare(scn, view.history(), view.is_over());
    assert_eq!(
        record.turns.len() as u32,
        played,
        "one entry per turn played"
    );
    assert!(record.turns.iter().all(|t| t.turn <= played));
    for row in &record.milestones {
        assert!(
            row.real_date.is_none() || row.real_turn.is_some_and(|t| t <= played),
            "turn {turn}: the real date of {} is told before its turn: {row:?}",
            row.key
        );
        assert!(row.game_turn.is_none_or(|t| t <= played), "{row:?}");
    }
    assert!(
        !shows(&texts, &format!("Turn {turn} · ")),
        "turn {turn}: the History tab has an entry for the turn being planned"
    );

    // The record's notes: those of the turns played are drawn, none of a later turn (a later
    // note that repeats an earlier one's words tells nothing new, and is not looked for).
    let notes: Vec<(u32, &str)> = Side::BOTH
        .iter()
        .flat_map(|side| {
            scn.record_notes[side.index()]
                .iter()
                .enumerate()
                .filter_map(|(i, n)| Some((i as u32 + 1, n.note.as_deref()?)))
        })
        .collect();
    for (note_turn, note) in &notes {
        let told_before = notes.iter().any(|(t, n)| *t <= played && n == note);
        if *note_turn > played && !told_before {
            assert!(
                !shows(&texts, note),
                "turn {turn}: {side:?}'s History tab tells the record's note of turn {note_turn}: {note}"
            );
        } else if *note_turn <= played {
            assert!(
                shows(&texts, note),
                "turn {turn}: the note of turn {note_turn} is missing from the History tab: {note}"
            );
        }
    }
}

#[test]
fn the_history_tab_never_tells_a_turn_not_yet_played() {
    let (mut app, _saves) = app();
    // A tall window: the whole History tab is laid out, none of it scrolled away.
    app.insert_resource(Viewport(egui::vec2(WIDTH, 40_000.0)));
    // A short class: turns 1–2 play the record, the players play turns 3 to 10.
    let class = ClassSettings {
        start_turn: 3,
        turns: Some(8),
        ..ClassSettings::default()
    };
    new_class(&mut app, Mode::TwoPlayers, class);
    assert_eq!(
        session(&app).game.turn(),
        3,
        "turns 1–2 were played as the record"
    );
    send(&mut app, Intent::BeginPlay);
    // Japan leaves the record in the first turn from 4 on whose record has orders (it gives none).
    let leaves_at = (4..=10)
        .find(|t| {
            !session(&app)
                .scenario()
                .historical_orders(Side::First, *t)
                .is_empty()
        })
        .expect("the record has orders for Japan");
    for turn in 3..=10 {
        assert_eq!(session(&app).game.turn(), turn);
        plan(&mut app, Side::First, turn == leaves_at);
        plan(&mut app, Side::Second, false);
        update_until(&mut app, "the turn to resolve", |a| {
            matches!(flow(a), Flow::Playback { .. } | Flow::Report)
        });
        send(&mut app, Intent::SkipPlayback);
        send(&mut app, Intent::DismissReport);
    }
    // After its last turn the class stops: the game-over screen says so, with the record
    // beside the game.
    app.update();
    assert_eq!(flow(&app), Flow::Over);
    assert_eq!(screen(&app), Screen::GameOver);
    assert_eq!(session(&app).stopped_after(), Some(10));
    let texts = settle(&mut app);
    assert!(shows(&texts, "Stopped after turn 10"));
    assert!(shows(&texts, "The record beside your game"));
    assert!(shows(
        &texts,
        &format!("Japan left the record in turn {leaves_at}")
    ));
    assert!(shows(&texts, "Russia kept to the record throughout"));
    assert!(shows(&texts, "Russia halts the peace-treaty talks"));
}

#[test]
fn the_history_tab_marks_the_turn_a_side_left_the_record() {
    let (mut app, _saves) = app();
    app.insert_resource(Viewport(egui::vec2(WIDTH, 40_000.0)));
    new_game(&mut app, Mode::TwoPlayers);
    send(&mut app, Intent::BeginPlay);
    for turn in 1..=2 {
        plan(&mut app, Side::First, turn == 1);
        plan(&mut app, Side::Second, false);
        update_until(&mut app, "the turn to resolve", |a| {
            matches!(flow(a), Flow::Playback { .. } | Flow::Report)
        });
        send(&mut app, Intent::SkipPlayback);
        send(&mut app, Intent::DismissReport);
    }
    send(&mut app, Intent::HandoverDone);
    let texts = history_texts(&mut app);
    assert!(shows(&texts, "Japan left the record in turn 1"));
    assert!(shows(&texts, "leaves the record here"));
    assert!(shows(&texts, "Russia has kept to the record so far"));
    assert!(shows(&texts, "Really: "));
    assert!(shows(&texts, "In this game: no orders"));
    assert!(shows(&texts, "Source: "), "the notes' sources are cited");
}

#[test]
fn memos_typed_in_the_orders_panel_reach_the_turns_report() {
    let (mut app, _saves) = app();
    new_game(&mut app, Mode::Play(Side::First));
    send(&mut app, Intent::BeginPlay);
    app.update();
    assert_eq!(flow(&app), Flow::Planning(Side::First));
    let order = session(&app).scenario().historical_orders(Side::First, 1)[0].clone();
    send(&mut app, Intent::AddOrder(Side::First, order.clone()));

    let texts = settle(&mut app);
    type_into(
        &mut app,
        where_is(&texts, NOTE_HINT),
        "Follow the G7, keep Sakhalin.",
    );
    let texts = settle(&mut app);
    type_into(&mut app, where_is(&texts, ORDER_HINT), "Cheap and public.");
    {
        let memo = &session(&app).memos[Side::First.index()];
        assert_eq!(memo.note, "Follow the G7, keep Sakhalin.");
        assert_eq!(memo.order_text(0), "Cheap and public.");
    }
    let texts = settle(&mut app);
    click(&mut app, where_is(&texts, "End turn (Enter)"));
    update_until(&mut app, "the turn to resolve", |a| {
        matches!(flow(a), Flow::Playback { .. } | Flow::Report)
    });
    send(&mut app, Intent::SkipPlayback);
    let s = session(&app);
    let scn = s.scenario();
    let report = s.game.last_report().expect("a report");
    let memo = &report.memos[Side::First.index()];
    assert_eq!(memo.note.as_deref(), Some("Follow the G7, keep Sakhalin."));
    assert_eq!(
        memo.of_order(&scn.raw_order(&order)),
        Some("Cheap and public.")
    );
    assert!(
        report.memos[Side::Second.index()].is_empty(),
        "the AI wrote none"
    );
    assert!(
        report.visible_to(scn, Side::Second, false).memos[0].is_empty(),
        "the other side does not read it while the game goes on"
    );
    // A tall window: the whole report is laid out, none of it scrolled away.
    app.insert_resource(Viewport(egui::vec2(WIDTH, 8_000.0)));
    let texts = settle(&mut app);
    assert!(shows(&texts, "Japan's memo"));
    assert!(shows(&texts, "Follow the G7, keep Sakhalin."));
    assert!(shows(&texts, "Cheap and public."));
    assert!(
        shows(&texts, "[historical event]") || shows(&texts, "[model"),
        "the report's lines say what they are"
    );
}

/// Presses a key for one update, as the keyboard would.
fn press(app: &mut App, key: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    input.release(key);
    input.clear();
}

/// The "Fire now" or "Take back" button on the row of the inject titled `title`.
fn button_of(texts: &Texts, title: &str, button: &str) -> egui::Pos2 {
    let row = where_is(texts, title);
    texts
        .iter()
        .filter(|(t, _)| t == button)
        .map(|(_, rect)| rect.center())
        .min_by(|a, b| (a.y - row.y).abs().total_cmp(&(b.y - row.y).abs()))
        .unwrap_or_else(|| panic!("no {button:?} button"))
}

#[test]
fn the_facilitator_panel_needs_its_key_and_fires_an_inject() {
    let (mut app, _saves) = app();
    let injects = scenarios().join("japan_russia_2022/injects/classroom.ron");
    let class = ClassSettings {
        injects: Some(injects),
        ..ClassSettings::default()
    };
    new_class(&mut app, Mode::Play(Side::First), class);
    send(&mut app, Intent::BeginPlay);
    app.update();
    let g7 = "g7_summit_demand";
    let title = "The G7 summit asks Japan for more";
    assert_eq!(status(session(&app), g7), InjectStatus::Scheduled);

    // Locked: the intents are refused, and the panel asks for the key.
    send(&mut app, Intent::FireInject(g7.into()));
    assert_eq!(status(session(&app), g7), InjectStatus::Scheduled);
    assert!(
        app.world()
            .resource::<Notices>()
            .items
            .iter()
            .any(|(n, _)| n.contains("locked"))
    );
    press(&mut app, KeyCode::F9);
    let texts = settle(&mut app);
    assert!(shows(&texts, "Facilitator") && shows(&texts, KEY_HINT));
    assert!(!shows(&texts, "Fire now") && !shows(&texts, title));
    type_into(&mut app, where_is(&texts, KEY_HINT), "nope");
    let texts = settle(&mut app);
    click(&mut app, where_is(&texts, "Unlock"));
    let texts = settle(&mut app);
    assert!(shows(&texts, "That is not the key."));
    assert!(!shows(&texts, "Fire now"));
    assert!(!app.world().resource::<Facilitator>().unlocked);

    // With the key: the file's injects, fired now and taken back, then fired for good.
    type_into(&mut app, where_is(&texts, KEY_HINT), TEACHER_KEY);
    let texts = settle(&mut app);
    click(&mut app, where_is(&texts, "Unlock"));
    let texts = settle(&mut app);
    assert!(app.world().resource::<Facilitator>().unlocked);
    assert!(shows(&texts, title) && shows(&texts, "scheduled for turn 9"));
    click(&mut app, button_of(&texts, title, "Fire now"));
    app.update();
    assert_eq!(status(session(&app), g7), InjectStatus::Queued);
    let texts = settle(&mut app);
    assert!(shows(&texts, "fires when turn 1 resolves"));
    click(&mut app, button_of(&texts, title, "Take back"));
    app.update();
    assert_eq!(
        status(session(&app), g7),
        InjectStatus::Scheduled,
        "taken back, it waits for its own turn again"
    );
    let texts = settle(&mut app);
    click(&mut app, button_of(&texts, title, "Fire now"));
    app.update();
    assert_eq!(status(session(&app), g7), InjectStatus::Queued);

    send(&mut app, Intent::EndTurn);
    update_until(&mut app, "the turn to resolve", |a| {
        matches!(flow(a), Flow::Playback { .. } | Flow::Report)
    });
    send(&mut app, Intent::SkipPlayback);
    let s = session(&app);
    let report = s.game.last_report().expect("a report");
    assert!(
        report
            .events
            .iter()
            .any(|e| e.id.starts_with("inject:") && e.id.contains(g7) && e.text.contains(title)),
        "the report has the inject's line: {:#?}",
        report.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    assert_eq!(status(s, g7), InjectStatus::Fired(Some(1)));
    assert!(
        !s.game.injects().iter().any(|e| e.inject.key == g7),
        "fired now, it no longer waits for turn 9"
    );
    app.insert_resource(Viewport(egui::vec2(WIDTH, 8_000.0)));
    let texts = settle(&mut app);
    assert!(shows(&texts, "[teacher's inject]"));
    assert!(
        shows(&texts, &format!("turn 1: {title}")),
        "the panel lists it as fired"
    );

    // The news feed tags it too.
    send(&mut app, Intent::DismissReport);
    app.world_mut().resource_mut::<UiState>().tab = RightTab::News;
    let texts = settle(&mut app);
    assert!(
        shows(&texts, "[teacher's inject]"),
        "the news feed tags the inject"
    );
}

#[test]
fn require_memo_holds_end_turn_until_the_memo_is_written() {
    let (mut app, _saves) = app();
    let class = ClassSettings {
        require_memo: true,
        ..ClassSettings::default()
    };
    new_class(&mut app, Mode::Play(Side::First), class);
    send(&mut app, Intent::BeginPlay);
    app.update();
    let texts = settle(&mut app);
    assert!(shows(&texts, "Memo required"));
    assert!(shows(&texts, "The class requires a memo before End turn."));
    click(&mut app, where_is(&texts, "End turn (Enter)"));
    app.update();
    assert_eq!(
        flow(&app),
        Flow::Planning(Side::First),
        "the button is disabled"
    );
    send(&mut app, Intent::EndTurn);
    assert_eq!(
        flow(&app),
        Flow::Planning(Side::First),
        "Enter is refused too"
    );
    assert!(
        app.world()
            .resource::<Notices>()
            .items
            .iter()
            .any(|(n, _)| n.contains("Write why these orders"))
    );

    let texts = settle(&mut app);
    type_into(
        &mut app,
        where_is(&texts, &format!("{NOTE_HINT} (required before End turn)")),
        "Wait and see.",
    );
    let texts = settle(&mut app);
    assert!(!shows(&texts, "Memo required"));
    click(&mut app, where_is(&texts, "End turn (Enter)"));
    app.update();
    assert_ne!(flow(&app), Flow::Planning(Side::First));
    update_until(&mut app, "the turn to resolve", |a| {
        matches!(flow(a), Flow::Playback { .. } | Flow::Report)
    });
    let report = session(&app).game.last_report().expect("a report");
    assert_eq!(report.memos[0].note.as_deref(), Some("Wait and see."));

    // The facilitator can lift the requirement.
    send(&mut app, Intent::UnlockFacilitator(TEACHER_KEY.into()));
    send(&mut app, Intent::SetRequireMemo(false));
    assert!(!session(&app).class.require_memo);
}
