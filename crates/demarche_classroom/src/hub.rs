//! The host's state: the scenario, the database, every class, group and team in memory, the
//! sessions, the live-update bus, the rate limiters, the AI workers and each group's deadline.
//! Every change goes to the database in one transaction before it is applied in memory or
//! answered.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, Weak};

use demarche_sim::memo::Memo;
use demarche_sim::scenario::injects::{LoadedInject, load_injects};
use demarche_sim::scenario::raw::{RawInject, RawOrder};
use demarche_sim::{Scenario, Side};

use crate::error::{Error, Result};
use crate::events::{Audience, Bus, Note};
use crate::group::{GroupRt, TEAM, side_of};
use crate::limit::Limiter;
use crate::secret;
use crate::store::Store;
use crate::store::rows::{self, ClassRow, GroupRow, TeamRow};
use crate::think::{Think, Thinker};

/// How the host is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// The scenario folder every class plays.
    pub scenario_dir: PathBuf,
    /// The database file.
    pub db: PathBuf,
    /// The address people reach the host at, e.g. `http://192.168.1.20:8080`.
    pub base_url: String,
    /// Whether the host listens on a LAN address (then the dashboard shows the class's URL as a
    /// QR code).
    pub lan: bool,
    /// Join attempts a client may make at once.
    pub join_burst: u32,
    /// Join attempts a client regains per minute.
    pub join_per_minute: u32,
    /// Requests a client (a session, or an address without one) may make at once.
    pub request_burst: u32,
    /// Requests a client regains per second.
    pub requests_per_second: u32,
    /// Threads on which AI seats decide.
    pub ai_workers: usize,
    /// A pause between a turn's resolution in memory and its commit: a fault-injection hook
    /// for the crash tests (`DEMARCHE_CLASSROOM_COMMIT_DELAY_MS`), zero otherwise.
    pub commit_delay: std::time::Duration,
}

impl Config {
    /// The defaults for a scenario and a database: localhost, 10 join attempts then 10 a
    /// minute, 120 requests then 30 a second per client, an AI worker per core (up to 4).
    pub fn new(scenario_dir: PathBuf, db: PathBuf) -> Config {
        Config {
            scenario_dir,
            db,
            base_url: "http://127.0.0.1:8080".into(),
            lan: false,
            join_burst: 10,
            join_per_minute: 10,
            request_burst: 120,
            requests_per_second: 30,
            ai_workers: crate::think::workers(),
            commit_delay: std::time::Duration::ZERO,
        }
    }
}

/// An inject of the scenario's `injects/` folder, offered to the teacher.
#[derive(Clone, Debug)]
pub struct CatalogueInject {
    /// The file's name.
    pub file: String,
    /// The inject.
    pub inject: LoadedInject,
}

/// Where an inject is fired.
#[derive(Clone, Copy, Debug)]
pub enum InjectTarget {
    /// One group.
    Group(i64),
    /// Every group of a class.
    Class(i64),
}

/// The host's state.
pub struct Hub {
    /// The setup.
    pub config: Config,
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The database.
    pub store: Store,
    /// The live-update bus.
    pub bus: Bus,
    /// The join limiter, per address.
    pub joins: Limiter<std::net::IpAddr>,
    /// The request limiter, per client (see [`crate::limit::Client`]).
    pub requests: Limiter<crate::limit::Client>,
    /// The scenario's injects.
    pub catalogue: Vec<CatalogueInject>,
    /// The scenario's map with its regions on it, if found.
    pub map: Option<demarche_map::MapModel>,
    /// The teams' effect previews, cached.
    pub previews: crate::preview::Previews,
    teacher_key: String,
    this: Weak<Hub>,
    thinker: Thinker,
    classes: Mutex<BTreeMap<i64, ClassRow>>,
    groups: RwLock<BTreeMap<i64, Entry>>,
    deadlines: Mutex<BTreeMap<i64, (u32, i64)>>,
    teams: Mutex<BTreeMap<i64, TeamRow>>,
    sessions: Mutex<HashMap<String, i64>>,
}

/// A group in the hub's index: its class (to list a class's groups without locking them) and
/// its game.
#[derive(Clone)]
struct Entry {
    class_id: i64,
    rt: Arc<Mutex<GroupRt>>,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Hub {
    /// Opens the host on its database, rebuilding every group's game by replaying it (AI seats
    /// that had not decided this turn decide again, in the background).
    pub fn open(config: Config, scenario: Arc<Scenario>) -> Result<Arc<Hub>> {
        let store = Store::open(&config.db)?;
        let teacher_key = store.tx(|tx| match rows::meta(tx, "teacher_key")? {
            Some(key) => Ok(key),
            None => {
                let key = secret::key();
                rows::set_meta(tx, "teacher_key", &key)?;
                Ok(key)
            }
        })?;
        let catalogue = catalogue(&scenario, &config.scenario_dir);
        let map = crate::map::load(&config.scenario_dir, &scenario);
        let hub = Arc::new_cyclic(|this| Hub {
            joins: Limiter::new(config.join_burst, f64::from(config.join_per_minute) / 60.0),
            requests: Limiter::new(config.request_burst, f64::from(config.requests_per_second)),
            thinker: Thinker::new(config.ai_workers),
            this: this.clone(),
            config,
            scenario,
            store,
            bus: Bus::default(),
            catalogue,
            map,
            previews: Default::default(),
            teacher_key,
            classes: Mutex::new(BTreeMap::new()),
            groups: RwLock::new(BTreeMap::new()),
            deadlines: Mutex::new(BTreeMap::new()),
            teams: Mutex::new(BTreeMap::new()),
            sessions: Mutex::new(HashMap::new()),
        });
        hub.load()?;
        Ok(hub)
    }

    fn load(&self) -> Result<()> {
        let (classes, groups, teams, sessions) = self.store.read(|c| {
            Ok((
                rows::classes(c)?,
                rows::groups(c)?,
                rows::teams(c)?,
                rows::sessions(c)?,
            ))
        })?;
        for class in &classes {
            self.check_scenario(class)?;
        }
        for row in groups {
            let (group, jobs) = self.rebuild(row)?;
            self.index(group);
            self.think(jobs);
        }
        *lock(&self.classes) = classes.into_iter().map(|c| (c.id, c)).collect();
        *lock(&self.teams) = teams.into_iter().map(|t| (t.id, t)).collect();
        *lock(&self.sessions) = sessions.into_iter().collect();
        Ok(())
    }

    fn check_scenario(&self, class: &ClassRow) -> Result<()> {
        let scn = &self.scenario;
        if class.scenario_id != scn.meta.id || !scn.accepts_hash(&class.scenario_hash) {
            return Err(Error::Corrupt(format!(
                "class {} plays scenario `{}` ({}), not these files of `{}`; start the host with its scenario or another --db",
                class.id, class.scenario_id, class.scenario_hash, scn.meta.id
            )));
        }
        Ok(())
    }

    /// Puts a group in the index, with its deadline.
    fn index(&self, group: GroupRt) {
        let (id, class_id) = (group.row.id, group.row.class_id);
        self.set_deadline_index(&group);
        let entry = Entry {
            class_id,
            rt: Arc::new(Mutex::new(group)),
        };
        self.groups
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, entry);
    }

    fn set_deadline_index(&self, g: &GroupRt) {
        let mut deadlines = lock(&self.deadlines);
        match g.row.deadline_ms.filter(|_| !g.game.is_over()) {
            Some(at) => deadlines.insert(g.row.id, (g.game.turn(), at)),
            None => deadlines.remove(&g.row.id),
        };
    }

    /// Queues policy seats' decisions; each is submitted (and stored) once made.
    fn think(&self, jobs: Vec<Think>) {
        for job in jobs {
            let hub = self.this.clone();
            self.thinker.run(move || {
                let (orders, memo) = job.decide();
                if let Some(hub) = hub.upgrade() {
                    hub.decided(&job, orders, memo);
                }
                job.pending.one_done();
            });
        }
    }

    /// Submits a policy seat's decision and stores it (unless its turn has moved on).
    fn decided(&self, job: &Think, orders: Vec<demarche_sim::scenario::Order>, memo: Memo) {
        let Ok(group) = self.group(job.group) else {
            return;
        };
        let mut g = lock(&group);
        let Some(row) = g.decided(job.turn, job.side, orders, memo) else {
            return;
        };
        if let Err(e) = self
            .store
            .tx(|tx| rows::put_draft(tx, job.group, job.turn, &row))
        {
            // Kept in memory: the turn's row records the orders when it resolves; a restart
            // before then decides again, identically.
            eprintln!("warning: group {}: an AI's orders: {e}", job.group);
        }
        let class = g.row.class_id;
        drop(g);
        self.note(
            "submitted",
            class,
            Some(job.group),
            Some(job.turn),
            Audience::Teacher,
        );
    }

    fn rebuild(&self, row: GroupRow) -> Result<(GroupRt, Vec<Think>)> {
        let id = row.id;
        let (turns, injects) = self
            .store
            .read(|c| Ok((rows::turns(c, id)?, rows::injects(c, id)?)))?;
        let turn = turns.last().map_or(1, |t| t.turn + 1);
        let drafts = self.store.read(|c| rows::drafts(c, id, turn))?;
        let mut group = GroupRt::rebuild(row, self.scenario.clone(), &turns, &injects, &drafts)?;
        let undecided: Vec<Side> = Side::BOTH
            .into_iter()
            .filter(|s| !group.is_team(*s) && !group.drafts[s.index()].submitted)
            .filter(|_| !group.game.is_over())
            .collect();
        let jobs = group.think_for(&undecided);
        Ok((group, jobs))
    }

    /// The teacher's key.
    pub fn teacher_key(&self) -> &str {
        &self.teacher_key
    }

    /// Every class, oldest first.
    pub fn classes(&self) -> Vec<ClassRow> {
        lock(&self.classes).values().cloned().collect()
    }

    /// A class.
    pub fn class(&self, id: i64) -> Result<ClassRow> {
        lock(&self.classes)
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::NotFound(format!("no class {id}")))
    }

    /// Creates a class of the host's scenario (seed: the scenario's unless given).
    pub fn create_class(&self, name: &str, seed: Option<u64>) -> Result<ClassRow> {
        let name = clean_label(name, "Class")?;
        let scn = &self.scenario;
        let mut class = ClassRow {
            id: 0,
            name,
            scenario_id: scn.meta.id.clone(),
            scenario_hash: format!("{:016x}", scn.content_hash),
            seed: seed.unwrap_or(scn.meta.default_seed),
            require_memos: false,
            paused: false,
            ended: false,
            turn_seconds: 0,
        };
        class.id = self.store.tx(|tx| rows::insert_class(tx, &class))?;
        lock(&self.classes).insert(class.id, class.clone());
        self.note("class", class.id, None, None, Audience::Teacher);
        Ok(class)
    }

    /// Adds a group to a class: each seat `team` or a policy (`ai:realist:normal`…); its seed
    /// is the class's unless given. Returns the group's id.
    pub fn add_group(
        &self,
        class_id: i64,
        label: Option<&str>,
        seats: [String; 2],
        seed: Option<u64>,
    ) -> Result<i64> {
        let class = self.class(class_id)?;
        for seat in &seats {
            if seat != TEAM {
                demarche_cli::policies::check(&self.scenario, seat)
                    .map_err(|e| Error::Invalid(format!("seat `{seat}`: {e}")))?;
            }
        }
        let count = self.group_ids(class_id).len();
        let label = clean_label(label.unwrap_or(""), &format!("Group {}", count + 1))?;
        let mut row = GroupRow {
            id: 0,
            class_id,
            label,
            seed: seed.unwrap_or(class.seed),
            seats,
            deadline_ms: deadline_of(&class, now_ms()),
        };
        let mut new_teams = Vec::new();
        let (id, jobs) = self
            .store
            .tx(|tx| {
                row.id = rows::insert_group(tx, &row)?;
                for side in Side::BOTH
                    .into_iter()
                    .filter(|s| row.seats[s.index()] == TEAM)
                {
                    let code = secret::join_code();
                    let team = rows::insert_team(tx, row.id, side.index(), &code)?;
                    new_teams.push(TeamRow {
                        id: team,
                        group_id: row.id,
                        side: side.index(),
                        code: Some(code),
                    });
                }
                Ok(row.id)
            })
            .map(|id| {
                let (group, jobs) = GroupRt::start(row.clone(), self.scenario.clone());
                self.index(group);
                (id, jobs)
            })?;
        lock(&self.teams).extend(new_teams.into_iter().map(|t| (t.id, t)));
        self.think(jobs);
        self.note("group", class_id, Some(id), Some(1), Audience::Teacher);
        Ok(id)
    }

    /// A group.
    pub fn group(&self, id: i64) -> Result<Arc<Mutex<GroupRt>>> {
        self.groups
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .map(|e| e.rt.clone())
            .ok_or_else(|| Error::NotFound(format!("no group {id}")))
    }

    /// The ids of a class's groups, oldest first (no group is locked).
    pub fn group_ids(&self, class_id: i64) -> Vec<i64> {
        self.groups
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(_, e)| e.class_id == class_id)
            .map(|(id, _)| *id)
            .collect()
    }

    /// The class of a group, without locking it.
    fn class_id_of(&self, group_id: i64) -> Result<i64> {
        self.groups
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&group_id)
            .map(|e| e.class_id)
            .ok_or_else(|| Error::NotFound(format!("no group {group_id}")))
    }

    /// A team.
    pub fn team(&self, id: i64) -> Result<TeamRow> {
        lock(&self.teams)
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::NotFound(format!("no team {id}")))
    }

    /// A group's teams.
    pub fn teams_of(&self, group_id: i64) -> Vec<TeamRow> {
        lock(&self.teams)
            .values()
            .filter(|t| t.group_id == group_id)
            .cloned()
            .collect()
    }

    /// The class a group belongs to.
    pub fn class_of_group(&self, group_id: i64) -> Result<ClassRow> {
        self.class(self.class_id_of(group_id)?)
    }

    /// Joins with a code: a new session for its team. Returns the session's token and the team.
    pub fn join(&self, code: &str) -> Result<(String, TeamRow)> {
        let unknown = || Error::NotFound("no team has this code (or it was revoked)".into());
        let code = secret::normalize_code(code).ok_or_else(unknown)?;
        let team = lock(&self.teams)
            .values()
            .find(|t| t.code.as_deref().is_some_and(|c| secret::same(c, &code)))
            .cloned()
            .ok_or_else(unknown)?;
        let token = secret::key();
        self.store
            .tx(|tx| rows::insert_session(tx, &token, team.id))?;
        lock(&self.sessions).insert(token.clone(), team.id);
        Ok((token, team))
    }

    /// The team of a session token.
    pub fn session(&self, token: &str) -> Option<i64> {
        lock(&self.sessions).get(token).copied()
    }

    /// Revokes a team's join code (and ends its sessions: its members join again with a new
    /// code).
    pub fn revoke(&self, team_id: i64) -> Result<()> {
        let team = self.team(team_id)?;
        self.store.tx(|tx| rows::set_code(tx, team_id, None))?;
        if let Some(t) = lock(&self.teams).get_mut(&team_id) {
            t.code = None;
        }
        lock(&self.sessions).retain(|_, t| *t != team_id);
        // The team's open pages hear of it (and find their session gone).
        let class = self.class_id_of(team.group_id)?;
        self.note(
            "revoked",
            class,
            Some(team.group_id),
            None,
            Audience::Team(team_id),
        );
        Ok(())
    }

    /// Gives a team a new join code (the old one stops working). Returns it.
    pub fn reissue(&self, team_id: i64) -> Result<String> {
        self.team(team_id)?;
        let code = secret::join_code();
        self.store
            .tx(|tx| rows::set_code(tx, team_id, Some(&code)))?;
        if let Some(t) = lock(&self.teams).get_mut(&team_id) {
            t.code = Some(code.clone());
        }
        Ok(code)
    }

    /// The team's group and side, checking the class lets it play now.
    fn playing(&self, team_id: i64) -> Result<(TeamRow, Arc<Mutex<GroupRt>>, ClassRow)> {
        let team = self.team(team_id)?;
        let group = self.group(team.group_id)?;
        let class = self.class_of_group(team.group_id)?;
        if class.ended {
            return Err(Error::Conflict("the teacher has ended the game".into()));
        }
        if class.paused {
            return Err(Error::Conflict("the class is paused".into()));
        }
        Ok((team, group, class))
    }

    /// Replaces a team's draft (withdrawing its submission, if any). With `turn`, refused
    /// (409) unless that is still the group's turn: a page drafted for a turn that has been
    /// resolved since saves nothing into the next.
    pub fn set_draft(
        &self,
        team_id: i64,
        turn: Option<u32>,
        orders: Vec<RawOrder>,
        memo: Memo,
    ) -> Result<()> {
        let (team, group, _) = self.playing(team_id)?;
        let side = side_of(team.side)?;
        let mut g = lock(&group);
        check_turn(&g, turn)?;
        let old = g.drafts[side.index()].clone();
        let row = g.set_draft(side, orders, memo)?;
        let turn = g.game.turn();
        if let Err(e) = self
            .store
            .tx(|tx| rows::put_draft(tx, team.group_id, turn, &row))
        {
            g.drafts[side.index()] = old.clone();
            if old.submitted {
                g.drafts[side.index()].submitted = false;
                let _ = g.submit(side, false);
            }
            return Err(e);
        }
        let class = g.row.class_id;
        drop(g);
        self.note(
            "draft",
            class,
            Some(team.group_id),
            Some(turn),
            Audience::Team(team.id),
        );
        Ok(())
    }

    /// A team's turn and draft as stored.
    pub fn draft_of(&self, team_id: i64) -> Result<(u32, crate::group::Draft)> {
        let team = self.team(team_id)?;
        let side = side_of(team.side)?;
        let group = self.group(team.group_id)?;
        let g = lock(&group);
        Ok((g.game.turn(), g.drafts[side.index()].clone()))
    }

    /// Submits a team's draft; committed to the database before it returns. With `turn`,
    /// refused (409) unless that is still the group's turn.
    pub fn submit(&self, team_id: i64, turn: Option<u32>) -> Result<()> {
        let (team, group, class) = self.playing(team_id)?;
        let side = side_of(team.side)?;
        let mut g = lock(&group);
        if g.game.is_over() {
            return Err(Error::Conflict("this group's game is over".into()));
        }
        check_turn(&g, turn)?;
        let row = g.submit(side, class.require_memos)?;
        let turn = g.game.turn();
        if let Err(e) = self
            .store
            .tx(|tx| rows::put_draft(tx, team.group_id, turn, &row))
        {
            g.withdraw(side);
            return Err(e);
        }
        drop(g);
        self.note(
            "submitted",
            class.id,
            Some(team.group_id),
            Some(turn),
            Audience::Team(team.id),
        );
        Ok(())
    }

    /// Resolves a group's turn with what was submitted (waiting for an AI still deciding);
    /// returns the new turn.
    pub fn advance(&self, group_id: i64) -> Result<u32> {
        let class = self.class_of_group(group_id)?;
        check_playing(&class)?;
        let group = self.group(group_id)?;
        let g = wait_for_ai(&group);
        self.resolve_locked(g, &class)
    }

    /// Resolves a group's turn `turn` if it is still the group's turn (a deadline's
    /// resolution, which a teacher's Advance may have done already); returns the new turn.
    pub fn advance_turn(&self, group_id: i64, turn: u32) -> Result<Option<u32>> {
        let class = self.class_of_group(group_id)?;
        check_playing(&class)?;
        let group = self.group(group_id)?;
        let g = wait_for_ai(&group);
        if g.game.turn() != turn || g.game.is_over() {
            return Ok(None);
        }
        self.resolve_locked(g, &class).map(Some)
    }

    /// Resolves the turn of the locked group, stores it with the next turn's deadline, and
    /// queues the next turn's AI decisions.
    fn resolve_locked(&self, mut g: MutexGuard<'_, GroupRt>, class: &ClassRow) -> Result<u32> {
        let group_id = g.row.id;
        let turn_row = g.resolve()?;
        let jobs = g.open_turn();
        let next = g.game.turn();
        let deadline = deadline_of(class, now_ms()).filter(|_| !g.game.is_over());
        if !self.config.commit_delay.is_zero() {
            std::thread::sleep(self.config.commit_delay);
        }
        let stored = self.store.tx(|tx| {
            rows::insert_turn(tx, group_id, &turn_row)?;
            rows::set_deadline(tx, group_id, deadline)
        });
        if let Err(e) = stored {
            let row = g.row.clone();
            let (rebuilt, jobs) = self.rebuild(row)?;
            *g = rebuilt;
            drop(g);
            self.think(jobs);
            return Err(e);
        }
        g.row.deadline_ms = deadline;
        self.set_deadline_index(&g);
        drop(g);
        self.think(jobs);
        self.note(
            "resolved",
            class.id,
            Some(group_id),
            Some(next),
            Audience::Group,
        );
        Ok(next)
    }

    /// Resolves the turn of every group of a class whose game goes on; returns how many.
    pub fn advance_class(&self, class_id: i64) -> Result<usize> {
        self.class(class_id)?;
        let mut done = 0;
        for id in self.group_ids(class_id) {
            let over = lock(&*self.group(id)?).game.is_over();
            if !over {
                self.advance(id)?;
                done += 1;
            }
        }
        Ok(done)
    }

    /// Resolves the turn of each group of a class named in `turns` that is still at the turn
    /// named for it (so that a click as deadlines pass resolves no group's next turn); returns
    /// how many. Groups of other classes are left alone.
    pub fn advance_class_turns(&self, class_id: i64, turns: &BTreeMap<i64, u32>) -> Result<usize> {
        self.class(class_id)?;
        let mut done = 0;
        for id in self.group_ids(class_id) {
            if let Some(&turn) = turns.get(&id)
                && self.advance_turn(id, turn)?.is_some()
            {
                done += 1;
            }
        }
        Ok(done)
    }

    /// The groups whose deadline has passed at `now` (ms), with their turn, in classes that
    /// are neither paused nor ended.
    pub fn overdue(&self, now: i64) -> Vec<(i64, u32)> {
        let due: Vec<(i64, u32)> = lock(&self.deadlines)
            .iter()
            .filter(|(_, (_, at))| *at <= now)
            .map(|(id, (turn, _))| (*id, *turn))
            .collect();
        due.into_iter()
            .filter(|(id, _)| {
                self.class_of_group(*id)
                    .is_ok_and(|c| !c.paused && !c.ended)
            })
            .collect()
    }

    /// Resolves every group whose deadline has passed at `now` (ms); returns how many.
    pub fn resolve_overdue(&self, now: i64) -> usize {
        let mut done = 0;
        for (id, turn) in self.overdue(now) {
            match self.advance_turn(id, turn) {
                Ok(Some(_)) => done += 1,
                Ok(None) => {}
                Err(e) => eprintln!("warning: group {id}: the deadline's resolution: {e}"),
            }
        }
        done
    }

    /// Gives every group of a class whose game goes on a new deadline: `now` plus the turn
    /// length (none without one).
    fn restart_deadlines(&self, class: &ClassRow) -> Result<()> {
        let deadline = deadline_of(class, now_ms());
        for id in self.group_ids(class.id) {
            let group = self.group(id)?;
            let mut g = lock(&group);
            let deadline = deadline.filter(|_| !g.game.is_over());
            self.store.tx(|tx| rows::set_deadline(tx, id, deadline))?;
            g.row.deadline_ms = deadline;
            self.set_deadline_index(&g);
        }
        Ok(())
    }

    /// Sets a class's switches (those given). A new turn length, or a resume, gives every
    /// group a full turn from now.
    pub fn set_switches(&self, class_id: i64, switches: &Switches) -> Result<ClassRow> {
        let before = self.class(class_id)?;
        let mut class = before.clone();
        class.paused = switches.paused.unwrap_or(class.paused);
        class.require_memos = switches.require_memos.unwrap_or(class.require_memos);
        class.ended = switches.ended.unwrap_or(class.ended);
        if let Some(seconds) = switches.turn_seconds {
            if seconds > MAX_TURN_SECONDS {
                return Err(Error::Invalid(format!(
                    "a turn lasts at most {MAX_TURN_SECONDS} seconds (0: no deadline)"
                )));
            }
            class.turn_seconds = seconds;
        }
        self.store.tx(|tx| rows::update_class(tx, &class))?;
        lock(&self.classes).insert(class_id, class.clone());
        let resumed = before.paused && !class.paused;
        if resumed || switches.turn_seconds.is_some() {
            self.restart_deadlines(&class)?;
        }
        for group in self.group_ids(class_id) {
            self.note("class", class_id, Some(group), None, Audience::Group);
        }
        self.note("class", class_id, None, None, Audience::Teacher);
        Ok(class)
    }

    /// Fires an inject (it takes effect when the turn resolves) at one group or at every group
    /// of a class whose game goes on; returns how many groups got it.
    pub fn fire(&self, target: InjectTarget, raw: &RawInject) -> Result<usize> {
        let ids = match target {
            InjectTarget::Group(id) => vec![id],
            InjectTarget::Class(id) => {
                self.class(id)?;
                self.group_ids(id)
            }
        };
        let mut fired = 0;
        for id in ids {
            let group = self.group(id)?;
            let mut g = lock(&group);
            if g.game.is_over() {
                continue;
            }
            let row = g.fire(raw.clone())?;
            if let Err(e) = self.store.tx(|tx| rows::insert_inject(tx, id, &row)) {
                let _ = g.game.withdraw_inject(&raw.key);
                return Err(e);
            }
            fired += 1;
            let class = g.row.class_id;
            drop(g);
            self.note("inject", class, Some(id), None, Audience::Teacher);
        }
        Ok(fired)
    }

    fn note(
        &self,
        kind: &'static str,
        class: i64,
        group: Option<i64>,
        turn: Option<u32>,
        audience: Audience,
    ) {
        self.bus.send(Note {
            kind,
            class,
            group,
            turn,
            audience,
        });
    }
}

/// The longest turn a teacher may set: a day.
pub const MAX_TURN_SECONDS: u32 = 86_400;

/// A class's switches to change (those given).
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switches {
    /// Hold submits, draft changes, advances and deadlines.
    #[serde(default)]
    pub paused: Option<bool>,
    /// Submits need a memo.
    #[serde(default)]
    pub require_memos: Option<bool>,
    /// End the game (for good).
    #[serde(default)]
    pub ended: Option<bool>,
    /// Seconds a turn lasts before it resolves by itself (0: no deadline).
    #[serde(default)]
    pub turn_seconds: Option<u32>,
}

/// The deadline of a turn opening at `now` (ms) in `class`, if it has a turn length.
pub fn deadline_of(class: &ClassRow, now: i64) -> Option<i64> {
    (class.turn_seconds > 0).then(|| now + i64::from(class.turn_seconds) * 1000)
}

/// Refuses to play in an ended or paused class.
fn check_playing(class: &ClassRow) -> Result<()> {
    if class.ended {
        return Err(Error::Conflict("the teacher has ended the game".into()));
    }
    if class.paused {
        return Err(Error::Conflict(
            "the class is paused: resume it first".into(),
        ));
    }
    Ok(())
}

/// Refuses a change meant for turn `turn` once the group has moved past it.
fn check_turn(g: &GroupRt, turn: Option<u32>) -> Result<()> {
    match turn {
        Some(t) if t != g.game.turn() => Err(Error::Conflict(format!(
            "turn {t} has been resolved since this page was loaded: nothing was saved; the group now plays turn {}",
            g.game.turn()
        ))),
        _ => Ok(()),
    }
}

/// Locks a group once no policy seat of it is still deciding this turn.
fn wait_for_ai(group: &Mutex<GroupRt>) -> MutexGuard<'_, GroupRt> {
    loop {
        let g = lock(group);
        match g.thinking.clone() {
            Some(pending) if !pending.is_done() => {
                drop(g);
                pending.wait();
            }
            _ => return g,
        }
    }
}

/// A label for people: trimmed, at most 80 characters, no control characters; `default` when
/// blank.
pub fn clean_label(text: &str, default: &str) -> Result<String> {
    let text = text.trim();
    if text.chars().count() > 80 || text.chars().any(char::is_control) {
        return Err(Error::Invalid(
            "a name has at most 80 characters and no control characters".into(),
        ));
    }
    Ok(if text.is_empty() {
        default.to_owned()
    } else {
        text.to_owned()
    })
}

/// The injects of the scenario's `injects/*.ron` files (a file with problems is skipped, said
/// on standard error).
fn catalogue(scn: &Scenario, dir: &std::path::Path) -> Vec<CatalogueInject> {
    let Ok(entries) = std::fs::read_dir(dir.join("injects")) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        match load_injects(scn, &path) {
            Ok((injects, _)) => out.extend(injects.into_iter().map(|inject| CatalogueInject {
                file: file.clone(),
                inject,
            })),
            Err(e) => eprintln!("warning: {e}; its injects are not offered"),
        }
    }
    out
}
