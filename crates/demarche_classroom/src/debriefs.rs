//! The class's debriefs as one zip: every group's debrief pack (`demarche_cli::debrief`) in a
//! folder of its own, and the class comparison with the historical record; that comparison also
//! as a page for the projector.

use std::io::Write;
use std::path::Path;

use demarche_cli::commands::compare_games::historical_run;
use demarche_cli::debrief::compare::{Comparison, Group};
use zip::write::SimpleFileOptions;

use crate::error::{Error, Result};
use crate::hub::Hub;

/// The zip of a class's debriefs, as bytes.
pub fn zip_class(hub: &Hub, class_id: i64) -> Result<Vec<u8>> {
    let dir = tempfile::tempdir()?;
    compared(
        hub,
        class_id,
        Some(&dir.path().join("groups")),
        |comparison| {
            comparison.write(&dir.path().join("comparison"))?;
            Ok(())
        },
    )?;
    zip_folder(dir.path())
}

/// The class's comparison with the historical record as a page (the zip's `compare.html`), for
/// the projector.
pub fn comparison_page(hub: &Hub, class_id: i64) -> Result<String> {
    compared(hub, class_id, None, |comparison| Ok(comparison.html()))
}

/// Builds the comparison of a class's groups with the historical record and hands it to `f`;
/// with `packs`, writes every group's debrief pack there on the way.
fn compared<T>(
    hub: &Hub,
    class_id: i64,
    packs: Option<&Path>,
    f: impl FnOnce(&Comparison) -> Result<T>,
) -> Result<T> {
    let class = hub.class(class_id)?;
    let mut groups = Vec::new();
    for id in hub.group_ids(class_id) {
        let group = hub.group(id)?;
        let g = group.lock().unwrap_or_else(|e| e.into_inner());
        let policies = g.policies();
        if let Some(dir) = packs {
            let names = [0, 1].map(|i| Some(format!("{} ({})", g.row.label, policies[i])));
            demarche_cli::debrief::write_named(&g.game, dir, &policies, names)?;
        }
        groups.push(Group::of(
            g.row.label.clone(),
            String::new(),
            &g.game,
            policies,
        ));
    }
    let seeds_differ = groups.iter().any(|g| g.seed != class.seed);
    let turns = groups.iter().map(|g| g.turns).max().unwrap_or(0);
    let historical = historical_run(hub.scenario.clone(), class.seed, turns)
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    let record = [String::from("historical"), String::from("historical")];
    let comparison = Comparison {
        scenario: &hub.scenario,
        groups,
        reference: Group::of(
            "historical record".into(),
            String::new(),
            &historical,
            record,
        ),
        different_draws: seeds_differ,
    };
    f(&comparison)
}

/// Every file under `root`, zipped with their paths relative to it.
fn zip_folder(root: &Path) -> Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut files = Vec::new();
    collect(root, &mut files)?;
    files.sort();
    for path in files {
        let name = path
            .strip_prefix(root)
            .map_err(|e| Error::Corrupt(e.to_string()))?
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(&std::fs::read(&path)?)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::Io(std::io::Error::other(e))
}
