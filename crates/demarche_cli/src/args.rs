//! Command-line arguments of the headless commands.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// A headless command.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Check scenario folders: every problem at once, located; exit 1 if any error.
    Validate(ValidateArgs),
    /// Play a game headless with policies (and optional order files) for each side.
    Run(RunArgs),
    /// Re-run a recorded game and check every turn's state hash.
    Replay(ReplayArgs),
    /// Run many games and summarize outcomes, indicators, escalation and scores.
    Batch(BatchArgs),
    /// Play many games checking the state's invariants after every turn and a save/load round
    /// trip in each game; exit 1 on any failure.
    Soak(SoakArgs),
    /// Print the scenario format's reference tables, or write its JSON Schemas (one per file,
    /// for editors and tools), made from the format's types.
    Schema(SchemaArgs),
    /// Hunt for fixed plans (cheap talk, doing nothing, all-out pressure, steady sanctions, a
    /// local search over bundles) that score at least as well as the AI against the AI; exit 1 if one beats it
    /// beyond its 95 % interval.
    Balance(BalanceArgs),
    /// Write the debrief pack (Markdown, CSV, JSON, printable HTML with charts) of a saved or
    /// recorded game into a new folder.
    Debrief(DebriefArgs),
    /// Compare several games of one scenario (a class's groups) with the historical record:
    /// charts, one CSV row per game and JSON, in a new folder.
    CompareGames(CompareGamesArgs),
    /// Write a new scenario folder: the format's minimal complete scenario with your sides'
    /// ids and names, which validates clean and plays; then edit it.
    New(NewArgs),
    /// Maps: `import` a GeoJSON or TopoJSON file into a scenario's `<id>.map.ron`, or `preview`
    /// a map as SVG with every feature's id, to pick the features regions name.
    Map(MapArgs),
    /// Host a class in the browser: prints the teacher's URL (with its key) and serves the
    /// teacher's dashboard and every team's page until stopped (Ctrl-C).
    Classroom(ClassroomArgs),
}

/// `demarche classroom --scenario DIR [--addr 127.0.0.1:8080] [--db FILE]`
#[derive(Debug, Clone, Args)]
pub struct ClassroomArgs {
    /// Scenario folder the class plays (its `injects/*.ron` files are offered to the teacher).
    #[arg(long, value_name = "DIR")]
    pub scenario: PathBuf,
    /// Address to listen on: localhost unless a LAN address is given (e.g. 192.168.1.20:8080).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    pub addr: std::net::SocketAddr,
    /// The class's database (SQLite): created if missing; a restart on it resumes every group.
    #[arg(long, default_value = "classroom.sqlite3", value_name = "FILE")]
    pub db: PathBuf,
}

/// `demarche debrief SAVE_OR_REPLAY --out DIR`
#[derive(Debug, Clone, Args)]
pub struct DebriefArgs {
    /// A save (`--save`, or the window's saves) or a replay (`--record`); which is read from
    /// the file.
    #[arg(value_name = "SAVE_OR_REPLAY")]
    pub file: PathBuf,
    /// Scenario folder (default: the folder under `scenarios/` whose scenario has the file's id).
    #[arg(long, value_name = "DIR")]
    pub scenario: Option<PathBuf>,
    /// Where to write: the pack goes to a new folder inside this one; it never overwrites.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Read the game even when the scenario's files differ from those it was played with.
    #[arg(long)]
    pub force_scenario: bool,
    /// Leave the players' names out of the pack (they are in it only if players gave names).
    #[arg(long)]
    pub anonymous: bool,
}

/// `demarche new DIR --sides A,B`
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The folder to write (it must not exist, or be empty); its name is the scenario's id.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The two sides' actor ids, first side first, e.g. `--sides AAA,BBB`.
    #[arg(long, value_name = "A,B", value_delimiter = ',', required = true)]
    pub sides: Vec<String>,
    /// The sides' names, e.g. `--names Aldova,Borenia` (default: the ids).
    #[arg(long, value_name = "NAME_A,NAME_B", value_delimiter = ',')]
    pub names: Vec<String>,
    /// The scenario's title.
    #[arg(long)]
    pub title: Option<String>,
}

/// `demarche map import|preview`
#[derive(Debug, Clone, Args)]
pub struct MapArgs {
    /// What to do with maps.
    #[command(subcommand)]
    pub command: MapCommand,
}

/// A `demarche map` command.
#[derive(Debug, Clone, Subcommand)]
pub enum MapCommand {
    /// Make `<id>.map.ron` from a GeoJSON or TopoJSON file: polygons clipped to the box,
    /// projected, simplified, with every `name_*` language and the import's provenance.
    Import(MapImportArgs),
    /// Draw a map as SVG with each feature's id and name (and a scenario's regions, given its
    /// folder).
    Preview(MapPreviewArgs),
}

/// `demarche map import --source FILE --bbox W,S,E,N --out DIR [--id NAME]`
#[derive(Debug, Clone, Args)]
pub struct MapImportArgs {
    /// A GeoJSON (FeatureCollection, Feature or geometry) or TopoJSON file; which one is read
    /// from its content.
    #[arg(long, value_name = "FILE")]
    pub source: PathBuf,
    /// The area to keep, in degrees: WEST,SOUTH,EAST,NORTH (e.g. `--bbox 26,35,45,43`).
    #[arg(long, value_name = "W,S,E,N", allow_hyphen_values = true)]
    pub bbox: String,
    /// The folder to write `<id>.map.ron` into: the scenario's folder (made if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The map's id (default: the `map` that `DIR/scenario.ron` names, else the source file's
    /// name).
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// The map's title (default: its id and the source file's name).
    #[arg(long)]
    pub title: Option<String>,
    /// The TopoJSON object to read (default: the topology's only object).
    #[arg(long, value_name = "NAME")]
    pub object: Option<String>,
    /// The data's credit line or licence, kept in the map's provenance (e.g. "Made with
    /// Natural Earth.").
    #[arg(long, value_name = "TEXT")]
    pub credit: Option<String>,
    /// Simplification tolerance in km (0 keeps every point).
    #[arg(long, default_value_t = 0.3, value_name = "KM")]
    pub tolerance_km: f64,
    /// Leave out polygons smaller than this, in km² (after clipping).
    #[arg(long, default_value_t = 1.0, value_name = "KM2")]
    pub min_area_km2: f64,
    /// Replace `<id>.map.ron` if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `demarche map preview DIR_OR_FILE --out FILE.svg`
#[derive(Debug, Clone, Args)]
pub struct MapPreviewArgs {
    /// A scenario folder (its map, with its regions), a folder holding one `*.map.ron`, or a
    /// map file.
    #[arg(value_name = "DIR_OR_FILE")]
    pub path: PathBuf,
    /// The SVG file to write (an earlier preview there is replaced; any other file only with
    /// --force).
    #[arg(long, value_name = "FILE.svg")]
    pub out: PathBuf,
    /// Also print every feature: id, name, country, area and region.
    #[arg(long)]
    pub list: bool,
    /// Replace `--out` even if it is not an earlier preview.
    #[arg(long)]
    pub force: bool,
}

/// `demarche compare-games FILES... --out DIR`
#[derive(Debug, Clone, Args)]
pub struct CompareGamesArgs {
    /// Saves or replays of one scenario, one per group; each group is named after its file.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where to write `compare.html`, `compare.csv` and `compare.json`: a new folder inside this
    /// one; it never overwrites.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Scenario folder (default: the folder under `scenarios/` whose scenario has the files' id).
    #[arg(long, value_name = "DIR")]
    pub scenario: Option<PathBuf>,
    /// Compare games played with different seeds (their chance events differ; a warning says
    /// so).
    #[arg(long)]
    pub allow_different_draws: bool,
}

/// `demarche balance`
#[derive(Debug, Clone, Args)]
pub struct BalanceArgs {
    /// Scenario folder.
    #[arg(long, value_name = "DIR")]
    pub scenario: PathBuf,
    /// CPU time to spend, in minutes, shared equally between the seats (the processor time the
    /// games take, all worker threads together).
    #[arg(long, default_value_t = 5.0, value_name = "MINUTES")]
    pub budget: f64,
    /// The AI: the opponent of every plan, and the reference each plan is compared with.
    #[arg(long, default_value = "ai")]
    pub ai: String,
    /// Games per plan (every plan plays the same games).
    #[arg(long, default_value_t = 12)]
    pub games: u32,
    /// Base seed; game i uses a seed derived from it and i (default: the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Search only this side's seat (an actor id); default: both.
    #[arg(long, value_name = "ACTOR")]
    pub seat: Option<String>,
    /// Stop each seat's search after this many plans, even with budget left (a report that
    /// does not depend on the machine's speed).
    #[arg(long)]
    pub max_plans: Option<usize>,
    /// Plans to list per seat (the plans replayed on fresh games are always listed).
    #[arg(long, default_value_t = 5)]
    pub top: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `demarche soak`
#[derive(Debug, Clone, Args)]
pub struct SoakArgs {
    /// Scenario folder.
    #[arg(long, value_name = "DIR")]
    pub scenario: PathBuf,
    /// Games between the rule-based policies (random and hawk, in turn).
    #[arg(long, default_value_t = 10_000)]
    pub games: u32,
    /// Games with the AI on one side.
    #[arg(long, default_value_t = 200)]
    pub ai_games: u32,
    /// The AI of those games.
    #[arg(long, default_value = "ai:realist:easy")]
    pub ai: String,
    /// Base seed (default: the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// `demarche schema --markdown`, `demarche schema --json [--out DIR]`, or a file converted to or
/// from its JSON form
#[derive(Debug, Clone, Args)]
#[command(group(
    clap::ArgGroup::new("schema_kind")
        .required(true)
        .args(["markdown", "json", "to_json", "to_ron"])
))]
#[command(group(clap::ArgGroup::new("schema_convert").args(["to_json", "to_ron"])))]
pub struct SchemaArgs {
    /// Print the tables as Markdown (the committed `docs/scenario-format-reference.md`).
    #[arg(long)]
    pub markdown: bool,
    /// A JSON Schema (draft-07) per file (`actions.schema.json`, …, `injects.schema.json`),
    /// describing its JSON form: printed as one JSON object by schema name, or written with
    /// `--out`.
    #[arg(long)]
    pub json: bool,
    /// With `--json`: the folder to write the schemas to (made if missing; schemas already there
    /// are replaced).
    #[arg(long, value_name = "DIR", requires = "json")]
    pub out: Option<PathBuf>,
    /// Print a scenario or inject file's JSON form, the JSON the schemas describe.
    #[arg(long, value_name = "FILE.ron")]
    pub to_json: Option<PathBuf>,
    /// Print a JSON form back as RON that the loader reads (every field written out).
    #[arg(long, value_name = "FILE.json")]
    pub to_ron: Option<PathBuf>,
    /// Which file of the format FILE is, e.g. `actions.ron` or `injects.ron` (default: FILE's
    /// name, with `.ron` for `.json`).
    #[arg(long = "as", value_name = "NAME", requires = "schema_convert")]
    pub as_file: Option<String>,
}

/// `demarche validate DIR...`
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Scenario folders to check.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Also check a teacher's inject file against each scenario.
    #[arg(long, value_name = "FILE")]
    pub injects: Option<PathBuf>,
    /// Keep watching the folders (and the inject file) and check again after every save, until
    /// stopped with Ctrl-C.
    #[arg(long)]
    pub watch: bool,
}

/// Who plays each side.
#[derive(Debug, Clone, Args)]
pub struct SidePolicies {
    /// Policy for a side by its actor id, e.g. `--side ALD=hawk`: historical, random, hawk,
    /// dove, ai[:PERSONALITY[:DIFFICULTY]]. A side with a `flag` in the scenario also takes
    /// `--FLAG POLICY`.
    #[arg(long = "side", value_name = "ACTOR=POLICY")]
    pub sides: Vec<String>,
    /// Side flags as written on the command line (`--FLAG POLICY`), rewritten by
    /// [`crate::side_flags::expand`].
    #[arg(long = "side-flag", value_name = "FLAG=POLICY", hide = true)]
    pub side_flags: Vec<String>,
}

/// `demarche run`
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Scenario folder.
    #[arg(long, value_name = "DIR")]
    pub scenario: PathBuf,
    /// Game seed (default: the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Resolve at most this many turns (after those the record plays with --from-turn).
    #[arg(long)]
    pub turns: Option<u32>,
    /// Start at this turn: the turns before it are played as the record has them (both sides'
    /// historical orders), for a short class that begins in the middle of the year.
    #[arg(long, value_name = "N")]
    pub from_turn: Option<u32>,
    /// A teacher's inject file (RON): events fired in a named turn or when a condition holds.
    #[arg(long, value_name = "FILE")]
    pub injects: Option<PathBuf>,
    /// Refuse an orders file in which a turn has no memo (`memo: "..."`).
    #[arg(long)]
    pub require_memos: bool,
    /// A side's agenda, e.g. `--agenda AAA=energy_first` (default: drawn from the seed), so
    /// that every group of a class plays the same one; `--agenda AAA=none` plays the scenario's
    /// own weights.
    #[arg(long = "agenda", value_name = "ACTOR=AGENDA")]
    pub agendas: Vec<String>,
    /// A player's name for a side, e.g. `--player AAA="Team 3"`: kept in the save and replay
    /// and printed in the debrief (left out, the debrief names no one).
    #[arg(long = "player", value_name = "ACTOR=NAME")]
    pub players: Vec<String>,
    /// Policies.
    #[command(flatten)]
    pub policies: SidePolicies,
    /// Orders file: entries `(side: "ALD", turn: 3, orders: [(action: "...")])` that replace a
    /// side's policy in those turns.
    #[arg(long, value_name = "FILE")]
    pub orders: Option<PathBuf>,
    /// Save the game here when the run stops (an existing file is kept unless --force).
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Continue a saved game.
    #[arg(long, value_name = "FILE")]
    pub load: Option<PathBuf>,
    /// With --load: go back to the start of this turn and play on from there (a branch), leaving
    /// the save as it was; the branch keeps the turns before it.
    #[arg(long, value_name = "N")]
    pub branch_at: Option<u32>,
    /// Record a replay here (an existing file is kept unless --force).
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Write the debrief pack for teachers (timeline, outcome, objectives as Markdown; every
    /// number per turn as CSV; the whole game as JSON; a printable HTML page with charts) into a
    /// new folder inside this one when the run stops; it never overwrites.
    #[arg(long, value_name = "DIR")]
    pub debrief: Option<PathBuf>,
    /// Replace an existing save or replay file.
    #[arg(long)]
    pub force: bool,
    /// One JSON object per line per turn, then a summary line.
    #[arg(long)]
    pub json: bool,
}

/// `demarche replay FILE`
#[derive(Debug, Clone, Args)]
pub struct ReplayArgs {
    /// The replay file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Scenario folder (default: the folder under `scenarios/` whose scenario has the replay's id).
    #[arg(long, value_name = "DIR")]
    pub scenario: Option<PathBuf>,
    /// JSON lines instead of text.
    #[arg(long)]
    pub json: bool,
    /// Replay even when the scenario's files differ from those it was recorded with.
    #[arg(long)]
    pub force: bool,
}

/// `demarche batch`
#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// Scenario folder.
    #[arg(long, value_name = "DIR")]
    pub scenario: PathBuf,
    /// Number of games.
    #[arg(long, default_value_t = 100)]
    pub games: u32,
    /// Base seed; game i uses a seed derived from it and i (default: the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Policies.
    #[command(flatten)]
    pub policies: SidePolicies,
    /// Worker threads (default: all cores). The result does not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
    /// One JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Paired comparison of the AI with `random`, `hawk` and `dove` in the same seat, against
    /// each opponent, on the same game seeds; prints the rate at which the AI outscores each,
    /// with 95 % confidence intervals.
    #[arg(long, conflicts_with = "ladder")]
    pub compare: bool,
    /// Paired comparison of the AI's difficulties in the same seat: its personality at easy,
    /// normal and hard in each seat, against each opponent, on the same game seeds; prints each
    /// difficulty's mean score and the steps normal − easy and hard − normal with 95 %
    /// intervals, and whether each step is beyond its interval; then each of the seat's
    /// objectives with its mean degree at each difficulty.
    #[arg(long)]
    pub ladder: bool,
    /// The AI compared (with --compare), or whose personality climbs the ladder (with --ladder).
    #[arg(long, default_value = "ai:realist:normal")]
    pub ai: String,
    /// Opponents, comma-separated (default: hawk,historical for --compare; the normal AI of
    /// --ai's personality for --ladder).
    #[arg(long, value_delimiter = ',')]
    pub opponents: Vec<String>,
}

impl BatchArgs {
    /// The opponents given, or `default` when none were.
    pub fn opponents_or(&self, default: &[&str]) -> Vec<String> {
        if self.opponents.is_empty() {
            default.iter().map(|s| (*s).to_owned()).collect()
        } else {
            self.opponents.clone()
        }
    }
}
