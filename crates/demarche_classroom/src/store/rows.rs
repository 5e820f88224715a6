//! The rows of the database and the queries that read and write them. Each function takes a
//! connection (or a transaction, which derefs to one), so the caller chooses the transaction.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// A class: one scenario, one default seed, and its switches.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    /// Id.
    pub id: i64,
    /// Name for people.
    pub name: String,
    /// The scenario's id.
    pub scenario_id: String,
    /// The fingerprint of the scenario's files.
    pub scenario_hash: String,
    /// The seed its groups play unless the teacher gave one.
    pub seed: u64,
    /// Submits need a memo.
    pub require_memos: bool,
    /// Submits and advances are held.
    pub paused: bool,
    /// The teacher ended the game: nothing more is played.
    pub ended: bool,
    /// Seconds a turn lasts before it resolves by itself (0: until the teacher advances).
    pub turn_seconds: u32,
}

/// A group: one game, two seats (a team or a policy each).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    /// Id.
    pub id: i64,
    /// Its class.
    pub class_id: i64,
    /// Name for people.
    pub label: String,
    /// The game's seed.
    pub seed: u64,
    /// Who plays each side: `team` or a policy name such as `ai:realist:normal`.
    pub seats: [String; 2],
    /// When this turn resolves by itself (milliseconds since the Unix epoch), if the class
    /// has a turn length.
    pub deadline_ms: Option<i64>,
}

/// A team: one side of one group, with its join code (`None` once revoked).
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    /// Id.
    pub id: i64,
    /// Its group.
    pub group_id: i64,
    /// The side's index (0 first, 1 second).
    pub side: usize,
    /// The join code, while valid.
    pub code: Option<String>,
}

/// A side's draft for a turn: orders and memo as JSON, and whether it was submitted.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftRow {
    /// The side's index.
    pub side: usize,
    /// Orders, a JSON list of `{action, track, region}`.
    pub orders: String,
    /// The memo, JSON.
    pub memo: String,
    /// Whether the side submitted it.
    pub submitted: bool,
}

/// A resolved turn: what each side submitted, their memos, who did not submit, the hash.
#[derive(Clone, Debug, PartialEq)]
pub struct TurnRow {
    /// Turn number.
    pub turn: u32,
    /// Both sides' orders, JSON `[[…],[…]]`.
    pub orders: String,
    /// Both sides' memos, JSON.
    pub memos: String,
    /// Which sides did not submit, JSON `[bool, bool]`.
    pub missing: String,
    /// The state hash after the turn.
    pub hash: String,
}

/// An inject added to a group in a turn, as RON text.
#[derive(Clone, Debug, PartialEq)]
pub struct InjectRow {
    /// The turn it was added in.
    pub turn_added: u32,
    /// The inject, RON.
    pub inject: String,
}

/// A value of the `meta` table.
pub fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Sets a value of the `meta` table.
pub fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Adds a class; returns its id.
pub fn insert_class(conn: &Connection, c: &ClassRow) -> Result<i64> {
    conn.execute(
        "INSERT INTO classes (name, scenario_id, scenario_hash, seed, require_memos, paused, ended,
            turn_seconds)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            c.name,
            c.scenario_id,
            c.scenario_hash,
            c.seed as i64,
            c.require_memos,
            c.paused,
            c.ended,
            c.turn_seconds
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every class, oldest first.
pub fn classes(conn: &Connection) -> Result<Vec<ClassRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, scenario_id, scenario_hash, seed, require_memos, paused, ended,
            turn_seconds
         FROM classes ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ClassRow {
            id: r.get(0)?,
            name: r.get(1)?,
            scenario_id: r.get(2)?,
            scenario_hash: r.get(3)?,
            seed: r.get::<_, i64>(4)? as u64,
            require_memos: r.get(5)?,
            paused: r.get(6)?,
            ended: r.get(7)?,
            turn_seconds: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Saves a class's switches.
pub fn update_class(conn: &Connection, c: &ClassRow) -> Result<()> {
    conn.execute(
        "UPDATE classes SET require_memos = ?2, paused = ?3, ended = ?4, turn_seconds = ?5
         WHERE id = ?1",
        params![c.id, c.require_memos, c.paused, c.ended, c.turn_seconds],
    )?;
    Ok(())
}

/// Adds a group; returns its id.
pub fn insert_group(conn: &Connection, g: &GroupRow) -> Result<i64> {
    conn.execute(
        "INSERT INTO groups (class_id, label, seed, seat_first, seat_second, deadline_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            g.class_id,
            g.label,
            g.seed as i64,
            g.seats[0],
            g.seats[1],
            g.deadline_ms
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every group, oldest first.
pub fn groups(conn: &Connection) -> Result<Vec<GroupRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, class_id, label, seed, seat_first, seat_second, deadline_ms
         FROM groups ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(GroupRow {
            id: r.get(0)?,
            class_id: r.get(1)?,
            label: r.get(2)?,
            seed: r.get::<_, i64>(3)? as u64,
            seats: [r.get(4)?, r.get(5)?],
            deadline_ms: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets a group's deadline for its turn (`None`: none).
pub fn set_deadline(conn: &Connection, group_id: i64, deadline_ms: Option<i64>) -> Result<()> {
    conn.execute(
        "UPDATE groups SET deadline_ms = ?2 WHERE id = ?1",
        params![group_id, deadline_ms],
    )?;
    Ok(())
}

/// Adds a team with its join code; returns its id.
pub fn insert_team(conn: &Connection, group_id: i64, side: usize, code: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO teams (group_id, side, code) VALUES (?1, ?2, ?3)",
        params![group_id, side as i64, code],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every team.
pub fn teams(conn: &Connection) -> Result<Vec<TeamRow>> {
    let mut stmt = conn.prepare("SELECT id, group_id, side, code FROM teams ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(TeamRow {
            id: r.get(0)?,
            group_id: r.get(1)?,
            side: r.get::<_, i64>(2)? as usize,
            code: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets (or, with `None`, revokes) a team's join code; revoking also ends its sessions.
pub fn set_code(conn: &Connection, team_id: i64, code: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE teams SET code = ?2 WHERE id = ?1",
        params![team_id, code],
    )?;
    if code.is_none() {
        conn.execute("DELETE FROM sessions WHERE team_id = ?1", [team_id])?;
    }
    Ok(())
}

/// Adds a team session.
pub fn insert_session(conn: &Connection, token: &str, team_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO sessions (token, team_id) VALUES (?1, ?2)",
        params![token, team_id],
    )?;
    Ok(())
}

/// Every session: `(token, team)`.
pub fn sessions(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare("SELECT token, team_id FROM sessions")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes a side's draft for a turn.
pub fn put_draft(conn: &Connection, group_id: i64, turn: u32, d: &DraftRow) -> Result<()> {
    conn.execute(
        "INSERT INTO drafts (group_id, turn, side, orders, memo, submitted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(group_id, turn, side) DO UPDATE SET
            orders = excluded.orders, memo = excluded.memo, submitted = excluded.submitted",
        params![group_id, turn, d.side as i64, d.orders, d.memo, d.submitted],
    )?;
    Ok(())
}

/// A group's drafts for a turn.
pub fn drafts(conn: &Connection, group_id: i64, turn: u32) -> Result<Vec<DraftRow>> {
    let mut stmt = conn.prepare(
        "SELECT side, orders, memo, submitted FROM drafts WHERE group_id = ?1 AND turn = ?2",
    )?;
    let rows = stmt.query_map(params![group_id, turn], |r| {
        Ok(DraftRow {
            side: r.get::<_, i64>(0)? as usize,
            orders: r.get(1)?,
            memo: r.get(2)?,
            submitted: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records a resolved turn.
pub fn insert_turn(conn: &Connection, group_id: i64, t: &TurnRow) -> Result<()> {
    conn.execute(
        "INSERT INTO turns (group_id, turn, orders, memos, missing, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![group_id, t.turn, t.orders, t.memos, t.missing, t.hash],
    )?;
    Ok(())
}

/// A group's resolved turns, turn 1 first.
pub fn turns(conn: &Connection, group_id: i64) -> Result<Vec<TurnRow>> {
    let mut stmt = conn.prepare(
        "SELECT turn, orders, memos, missing, hash FROM turns WHERE group_id = ?1 ORDER BY turn",
    )?;
    let rows = stmt.query_map([group_id], |r| {
        Ok(TurnRow {
            turn: r.get(0)?,
            orders: r.get(1)?,
            memos: r.get(2)?,
            missing: r.get(3)?,
            hash: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records an inject added to a group.
pub fn insert_inject(conn: &Connection, group_id: i64, i: &InjectRow) -> Result<()> {
    conn.execute(
        "INSERT INTO injects (group_id, turn_added, inject) VALUES (?1, ?2, ?3)",
        params![group_id, i.turn_added, i.inject],
    )?;
    Ok(())
}

/// A group's injects, in the order added.
pub fn injects(conn: &Connection, group_id: i64) -> Result<Vec<InjectRow>> {
    let mut stmt =
        conn.prepare("SELECT turn_added, inject FROM injects WHERE group_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([group_id], |r| {
        Ok(InjectRow {
            turn_added: r.get(0)?,
            inject: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
