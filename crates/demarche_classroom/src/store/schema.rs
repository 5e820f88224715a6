//! The database's schema version and its migrations: each migration runs once, in order, in a
//! transaction that also records the new version.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The migrations, version 1 first: `MIGRATIONS[i]` takes the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE classes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        seed INTEGER NOT NULL,
        require_memos INTEGER NOT NULL DEFAULT 0,
        paused INTEGER NOT NULL DEFAULT 0,
        ended INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes(id),
        label TEXT NOT NULL,
        seed INTEGER NOT NULL,
        seat_first TEXT NOT NULL,
        seat_second TEXT NOT NULL
    );
    CREATE TABLE teams (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES groups(id),
        side INTEGER NOT NULL,
        code TEXT UNIQUE,
        UNIQUE (group_id, side)
    );
    CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES teams(id)
    );
    CREATE TABLE drafts (
        group_id INTEGER NOT NULL REFERENCES groups(id),
        turn INTEGER NOT NULL,
        side INTEGER NOT NULL,
        orders TEXT NOT NULL,
        memo TEXT NOT NULL,
        submitted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (group_id, turn, side)
    );
    CREATE TABLE turns (
        group_id INTEGER NOT NULL REFERENCES groups(id),
        turn INTEGER NOT NULL,
        orders TEXT NOT NULL,
        memos TEXT NOT NULL,
        missing TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (group_id, turn)
    );
    CREATE TABLE injects (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES groups(id),
        turn_added INTEGER NOT NULL,
        inject TEXT NOT NULL
    );
    ",
    // 2: a turn length per class and each group's deadline for its turn.
    "
    ALTER TABLE classes ADD COLUMN turn_seconds INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE groups ADD COLUMN deadline_ms INTEGER;
    ",
];

/// The schema version this build writes.
pub fn current() -> u32 {
    MIGRATIONS.len() as u32
}

/// The database's schema version (0 for a new database).
pub fn version(conn: &Connection) -> Result<u32> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
    let found: Option<u32> = conn
        .query_row("SELECT MAX(version) FROM schema_version", [], |r| r.get(0))
        .unwrap_or(None);
    Ok(found.unwrap_or(0))
}

/// Brings the database to [`current`]; refuses a database of a newer build.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = version(conn)?;
    if found > current() {
        return Err(Error::Corrupt(format!(
            "the database is at schema version {found}; this build knows versions up to {}",
            current()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [i as i64 + 1],
        )?;
        tx.commit()?;
    }
    Ok(())
}
