//! Every string of the pages, in one table ready for translation: a translation is another
//! `const` of [`Strings`].

/// The pages' strings.
#[derive(Clone, Copy, Debug)]
pub struct Strings {
    /// Site name.
    pub site: &'static str,
    /// Teacher's dashboard title.
    pub dashboard: &'static str,
    /// Create a class.
    pub create_class: &'static str,
    /// Class name.
    pub class_name: &'static str,
    /// Seed (optional).
    pub seed: &'static str,
    /// Add a group.
    pub add_group: &'static str,
    /// Group name.
    pub group_name: &'static str,
    /// A team of students.
    pub team_seat: &'static str,
    /// Advance every group.
    pub advance_all: &'static str,
    /// Advance this group.
    pub advance: &'static str,
    /// Pause.
    pub pause: &'static str,
    /// Resume.
    pub resume: &'static str,
    /// Require memos.
    pub require_memos: &'static str,
    /// Memos optional.
    pub memos_optional: &'static str,
    /// End the game.
    pub end_game: &'static str,
    /// Confirm ending.
    pub end_confirm: &'static str,
    /// Download debriefs.
    pub download: &'static str,
    /// Link to the comparison of the class's groups.
    pub compare: &'static str,
    /// Fire an inject.
    pub fire_inject: &'static str,
    /// At every group.
    pub all_groups: &'static str,
    /// Or an inject written in RON.
    pub inject_ron: &'static str,
    /// Whom an inject is fired at.
    pub inject_at: &'static str,
    /// An inject of the scenario's files.
    pub inject_file: &'static str,
    /// Fire.
    pub fire: &'static str,
    /// Class URL.
    pub class_url: &'static str,
    /// Groups heading.
    pub groups: &'static str,
    /// Turn.
    pub turn: &'static str,
    /// Submitted.
    pub submitted: &'static str,
    /// Waiting.
    pub waiting: &'static str,
    /// Rung.
    pub rung: &'static str,
    /// Tension.
    pub tension: &'static str,
    /// Scores.
    pub scores: &'static str,
    /// Outcome.
    pub outcome: &'static str,
    /// Game goes on.
    pub ongoing: &'static str,
    /// Join code.
    pub code: &'static str,
    /// Revoked.
    pub revoked: &'static str,
    /// Revoke.
    pub revoke: &'static str,
    /// New code.
    pub reissue: &'static str,
    /// Paused banner.
    pub paused: &'static str,
    /// Ended banner.
    pub ended: &'static str,
    /// Join page title.
    pub join_title: &'static str,
    /// Join prompt.
    pub join_prompt: &'static str,
    /// Join button.
    pub join: &'static str,
    /// Teacher sign-in needed.
    pub teacher_sign_in: &'static str,
    /// Briefing.
    pub briefing: &'static str,
    /// Orders this turn.
    pub orders: &'static str,
    /// No orders.
    pub no_orders: &'static str,
    /// Memo for the turn.
    pub memo: &'static str,
    /// Memo for an order.
    pub order_memo: &'static str,
    /// Remove.
    pub remove: &'static str,
    /// Add.
    pub add: &'static str,
    /// Save draft.
    pub save: &'static str,
    /// Submit.
    pub submit: &'static str,
    /// Submitted note.
    pub submitted_note: &'static str,
    /// Capital left.
    pub capital_left: &'static str,
    /// Actions.
    pub actions: &'static str,
    /// Latest report.
    pub report: &'static str,
    /// No report yet.
    pub no_report: &'static str,
    /// Why.
    pub why: &'static str,
    /// Did not submit.
    pub did_not_submit: &'static str,
    /// Refused orders.
    pub refused: &'static str,
    /// News.
    pub news: &'static str,
    /// History.
    pub history: &'static str,
    /// The record.
    pub record: &'static str,
    /// This game.
    pub this_game: &'static str,
    /// Milestones.
    pub milestones: &'static str,
    /// Not reached.
    pub not_reached: &'static str,
    /// Saved.
    pub saved: &'static str,
    /// Game over.
    pub game_over: &'static str,
    /// Seat label for a side.
    pub plays: &'static str,
    /// Turn length.
    pub turn_length: &'static str,
    /// Set the turn length.
    pub set_turn_length: &'static str,
    /// Deadline countdown label.
    pub deadline: &'static str,
    /// No deadline.
    pub no_deadline: &'static str,
    /// An AI still deciding.
    pub thinking: &'static str,
    /// Orders given in a turn (projector).
    pub orders_played: &'static str,
    /// A side that gave no orders.
    pub no_orders_played: &'static str,
    /// Link to a group's projector view.
    pub show: &'static str,
    /// The map.
    pub map: &'static str,
    /// The map's key.
    pub map_key: &'static str,
    /// Tracks.
    pub tracks: &'static str,
    /// Progress.
    pub progress: &'static str,
    /// Halted by.
    pub halted_by: &'static str,
    /// Sanctions.
    pub sanctions: &'static str,
    /// No sanctions.
    pub no_sanctions: &'static str,
    /// A threat (not imposed).
    pub threat: &'static str,
    /// A threat's deadline.
    pub until: &'static str,
    /// In force since.
    pub since: &'static str,
    /// Intelligence.
    pub intelligence: &'static str,
    /// Own resolve.
    pub own_resolve: &'static str,
    /// Estimate of the other's resolve.
    pub estimate_other: &'static str,
    /// Charts.
    pub charts: &'static str,
    /// Link to reload a page whose draft a teammate changed while text was being typed here.
    pub changed_elsewhere: &'static str,
    /// An action's details and preview, folded.
    pub details: &'static str,
    /// The preview's heading.
    pub expected: &'static str,
    /// What a preview is (and is not).
    pub expected_hint: &'static str,
    /// Button that asks for a preview (without JavaScript).
    pub show_effects: &'static str,
    /// A preview that moves nothing visible.
    pub no_change: &'static str,
    /// A preview is being computed.
    pub computing: &'static str,
    /// Before an option's reason for being unavailable.
    pub not_available: &'static str,
    /// An order was added.
    pub added: &'static str,
    /// An order was removed.
    pub removed: &'static str,
    /// Without JavaScript, the page does not refresh by itself.
    pub reload_hint: &'static str,
    /// Said when a new turn has opened (live).
    pub new_turn: &'static str,
    /// Said when the page was brought up to date (live).
    pub updated: &'static str,
    /// Political capital, as a unit.
    pub capital_unit: &'static str,
    /// Readiness, as a unit.
    pub readiness_unit: &'static str,
    /// A 0–100 scale.
    pub scale_100: &'static str,
    /// The turns axis.
    pub turn_axis: &'static str,
    /// Between two seats.
    pub versus: &'static str,
    /// Before an AI seat's personality.
    pub ai: &'static str,
    /// Personalities of the AI, for the seat picker.
    pub personalities: [(&'static str, &'static str); 4],
    /// Difficulties of the AI, for the seat picker.
    pub difficulties: [(&'static str, &'static str); 3],
    /// No such group (projector).
    pub no_group: &'static str,
    /// Before an error's message.
    pub error: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    site: "Démarche classroom",
    dashboard: "Teacher's dashboard",
    create_class: "Create the class",
    class_name: "Class name",
    seed: "Seed (optional)",
    add_group: "Add a group",
    group_name: "Group name",
    team_seat: "a team of students",
    advance_all: "Advance every group",
    advance: "Advance",
    pause: "Pause all",
    resume: "Resume all",
    require_memos: "Require memos",
    memos_optional: "Make memos optional",
    end_game: "End the game",
    end_confirm: "End the game for every group? This cannot be undone.",
    download: "Download every debrief (zip)",
    compare: "Compare the groups with the historical record",
    fire_inject: "Fire an inject",
    all_groups: "every group",
    inject_ron: "or write one in RON",
    inject_at: "At",
    inject_file: "An inject of the scenario",
    fire: "Fire",
    class_url: "Students open",
    groups: "Groups",
    turn: "Turn",
    submitted: "submitted",
    waiting: "waiting",
    rung: "Rung",
    tension: "Tension",
    scores: "Scores",
    outcome: "Outcome",
    ongoing: "goes on",
    code: "Join code",
    revoked: "revoked",
    revoke: "Revoke",
    reissue: "New code",
    paused: "The class is paused.",
    ended: "The teacher has ended the game.",
    join_title: "Join your team",
    join_prompt: "Enter the code your teacher gave your team.",
    join: "Join",
    teacher_sign_in: "Open the teacher's link printed by `demarche classroom`.",
    briefing: "Briefing",
    orders: "Orders this turn",
    no_orders: "No orders yet: add actions below.",
    memo: "Memo: why these orders?",
    order_memo: "Why this order?",
    remove: "Remove",
    add: "Add",
    save: "Save draft",
    submit: "Submit",
    submitted_note: "Submitted. Change anything to take it back.",
    capital_left: "Capital left",
    actions: "Actions",
    report: "Latest report",
    no_report: "No turn resolved yet.",
    why: "why",
    did_not_submit: "did not submit: it played no orders this turn.",
    refused: "Refused",
    news: "News",
    history: "History: the record beside this game",
    record: "The record",
    this_game: "This game",
    milestones: "Milestones",
    not_reached: "not reached",
    saved: "Saved.",
    game_over: "Game over",
    plays: "plays",
    turn_length: "Turn length in seconds (0: until you advance)",
    set_turn_length: "Set the turn length",
    deadline: "Resolves in",
    no_deadline: "The turn resolves when the teacher advances.",
    thinking: "AI deciding…",
    orders_played: "Orders",
    no_orders_played: "No orders.",
    show: "Projector",
    map: "Map",
    map_key: "Blue: held by your side · red: by the other side · dashed: claimed · dots: forces · yellow arrows: last turn's moves",
    tracks: "Talks and cooperation",
    progress: "progress",
    halted_by: "halted by",
    sanctions: "Sanctions",
    no_sanctions: "No sanctions or threats.",
    threat: "threat",
    until: "deadline: turn",
    since: "since turn",
    intelligence: "Intelligence",
    own_resolve: "Your resolve",
    estimate_other: "Your estimate of their resolve",
    charts: "Charts",
    changed_elsewhere: "↻ Your team changed the draft on another screen: reload to see it (what you typed here and did not save is lost)",
    details: "Details and expected effects",
    expected: "Expected next turn (estimate)",
    expected_hint: "One turn played forward from what your side knows, with and without this order. The other side's choices and chance are not known: this is a hint, not a promise.",
    show_effects: "Show expected effects",
    no_change: "no visible change next turn",
    computing: "…",
    not_available: "Not available:",
    added: "Added to your orders.",
    removed: "Removed from your orders.",
    reload_hint: "This page does not refresh by itself without JavaScript: reload it to see a new turn.",
    new_turn: "A new turn has begun: the report is below.",
    updated: "Updated.",
    capital_unit: "PC",
    readiness_unit: "readiness",
    scale_100: "0–100",
    turn_axis: "turn",
    versus: "vs",
    ai: "AI",
    personalities: [
        ("realist", "realist"),
        ("hawk", "hawk"),
        ("dove", "dove"),
        ("historical", "historical"),
    ],
    difficulties: [("easy", "easy"), ("normal", "normal"), ("hard", "hard")],
    no_group: "No such group.",
    error: "Not done:",
};

/// The strings pages use.
pub fn strings() -> &'static Strings {
    &EN
}
