//! `demarche map import --source FILE --bbox W,S,E,N --out DIR [--id NAME]` and `demarche map
//! preview DIR_OR_FILE --out FILE.svg`: a scenario's map made from GeoJSON or TopoJSON with no
//! other tool, and drawn with every feature's id so an author can pick the ones regions name.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use demarche_map::import::{ImportOptions, check_id, default_id, parse_bbox, show_bbox};
use demarche_map::svg::PREVIEW_MARK;
use demarche_map::{MapAsset, MapModel};

use crate::args::{MapArgs, MapCommand, MapImportArgs, MapPreviewArgs};
use crate::error::CliError;
use crate::scenario_map;
use crate::terminal::{escape, shown};

/// Runs `map import` or `map preview`.
pub fn run(args: &MapArgs) -> Result<ExitCode, CliError> {
    match &args.command {
        MapCommand::Import(args) => import(args),
        MapCommand::Preview(args) => preview(args),
    }
}

/// The tool that writes maps, with its version.
fn tool() -> String {
    format!("demarche {} map import", env!("CARGO_PKG_VERSION"))
}

/// Today's date (UTC), or the day of `$SOURCE_DATE_EPOCH` when set (for reproducible files).
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let days = i32::try_from(seconds.div_euclid(86_400)).unwrap_or(0);
    demarche_sim::date::Date::from_ymd(1970, 1, 1)
        .map(|epoch| epoch.add_days(days).to_string())
        .unwrap_or_default()
}

/// The `map` that `DIR/scenario.ron` names, if the folder is a scenario's and says so.
fn scenario_map_id(dir: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct OnlyMap {
        map: String,
    }
    let text = std::fs::read_to_string(dir.join("scenario.ron")).ok()?;
    demarche_sim::scenario::read::ron_options()
        .from_str::<OnlyMap>(&text)
        .ok()
        .map(|m| m.map)
}

/// A word for the command line: quoted when it has spaces or quotes.
fn word(text: &str) -> String {
    if text.is_empty() || text.contains([' ', '"', '\'', '\\']) {
        format!("{text:?}")
    } else {
        text.to_owned()
    }
}

/// The command recorded in the map: the source by its file name, the folder as given when
/// relative (by its name otherwise).
fn command_line(args: &MapImportArgs, bbox: [f64; 4], id: &str, title: &str) -> String {
    let source = args
        .source
        .file_name()
        .map_or_else(|| "FILE".to_owned(), |n| n.to_string_lossy().into_owned());
    let out = if args.out.is_relative() {
        args.out.display().to_string()
    } else {
        args.out
            .file_name()
            .map_or_else(|| "DIR".to_owned(), |n| n.to_string_lossy().into_owned())
    };
    let mut words = vec![
        "demarche map import".to_owned(),
        format!("--source {}", word(&source)),
        format!("--bbox {}", show_bbox(&bbox)),
        format!("--id {}", word(id)),
        format!("--title {}", word(title)),
    ];
    if let Some(object) = &args.object {
        words.push(format!("--object {}", word(object)));
    }
    if let Some(credit) = &args.credit {
        words.push(format!("--credit {}", word(credit)));
    }
    words.push(format!("--tolerance-km {}", args.tolerance_km));
    words.push(format!("--min-area-km2 {}", args.min_area_km2));
    words.push(format!("--out {}", word(&out)));
    words.join(" ")
}

/// Writes a file through a temporary file in the same folder, so a failed write leaves the old
/// one whole.
fn write_atomically(path: &Path, text: &str) -> Result<(), CliError> {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })?;
    Ok(())
}

/// `map import`.
fn import(args: &MapImportArgs) -> Result<ExitCode, CliError> {
    let bbox = parse_bbox(&args.bbox)?;
    if args.out.exists() && !args.out.is_dir() {
        return Err(CliError::Usage(format!(
            "--out {} is a file; give the folder to write `<id>.map.ron` into (the scenario's folder)",
            shown(&args.out)
        )));
    }
    let named = scenario_map_id(&args.out);
    let id = args
        .id
        .clone()
        .or_else(|| named.clone())
        .unwrap_or_else(|| default_id(&args.source));
    check_id(&id)?;
    let target = args.out.join(format!("{id}.map.ron"));
    if target.exists() && !args.force {
        return Err(CliError::Usage(format!(
            "{} exists; add --force to replace it, or choose another --id",
            shown(&target)
        )));
    }
    let source_name = args
        .source
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let title = match &args.title {
        Some(t) if !t.trim().is_empty() => t.trim().to_owned(),
        _ => format!("{id} (from {source_name})"),
    };
    let options = ImportOptions {
        source: args.source.clone(),
        bbox,
        id: id.clone(),
        title: title.clone(),
        object: args.object.clone(),
        tolerance_km: args.tolerance_km,
        min_area_km2: args.min_area_km2,
        credit: args.credit.clone(),
        date: today(),
        tool: tool(),
        command: command_line(args, bbox, &id, &title),
    };
    let imported = demarche_map::import::import(&options)?;
    let text = imported
        .map
        .to_ron()
        .map_err(|e| CliError::Usage(format!("the map could not be written as RON: {e}")))?;
    std::fs::create_dir_all(&args.out)?;
    write_atomically(
        &target,
        &format!(
            "// Written by `{}`; make it again rather than edit it by hand (the command is below).\n{text}\n",
            tool()
        ),
    )?;
    let map = &imported.map;
    let named_features = map.features.iter().filter(|f| !f.name.is_empty()).count();
    println!(
        "wrote {} ({}, {} features, {} points) from {} ({}): {} polygon(s) read",
        shown(&target),
        escape(&map.title),
        map.features.len(),
        imported.points(),
        escape(&source_name),
        imported.format,
        imported.polygons
    );
    let mut left_out = Vec::new();
    if imported.outside > 0 {
        left_out.push(format!("{} outside the box", imported.outside));
    }
    if imported.small > 0 {
        left_out.push(format!(
            "{} smaller than {} km² (--min-area-km2)",
            imported.small, args.min_area_km2
        ));
    }
    if imported.not_polygons > 0 {
        left_out.push(format!(
            "{} source feature(s) that are not polygons",
            imported.not_polygons
        ));
    }
    if !left_out.is_empty() {
        println!("left out: {}", left_out.join(", "));
    }
    if named_features < map.features.len() {
        println!(
            "{} feature(s) have no name in the source: they are known by their ids (`feature N`, `OBJECT N`, `#P` for parts)",
            map.features.len() - named_features
        );
    }
    match &named {
        Some(m) if *m == id => println!(
            "{} names this map (`map: \"{id}\"`): check it with `demarche validate {}`",
            shown(&args.out.join("scenario.ron")),
            shown(&args.out)
        ),
        Some(m) => println!(
            "note: {} names map `{}`; set `map: \"{id}\"` there to use this one",
            shown(&args.out.join("scenario.ron")),
            escape(m)
        ),
        None => println!(
            "to use it, keep it in the scenario's folder and set `map: \"{id}\"` in its scenario.ron"
        ),
    }
    println!(
        "see every feature's id: demarche map preview {} --out {id}.svg",
        shown(&target)
    );
    Ok(ExitCode::SUCCESS)
}

/// What `map preview` draws: the map, with the scenario's regions when the path is a scenario
/// folder that loads.
fn preview_model(path: &Path) -> Result<(MapModel, PathBuf, Option<String>), CliError> {
    if path.is_file() {
        let asset = MapAsset::load(path)?;
        return Ok((MapModel::bare(asset), path.to_path_buf(), None));
    }
    if !path.is_dir() {
        return Err(CliError::Usage(format!(
            "{}: no such file or folder; give a scenario folder, a folder with a `*.map.ron`, or a map file",
            shown(path)
        )));
    }
    if path.join("scenario.ron").is_file() {
        let loaded = demarche_sim::load(path);
        let map = match &loaded {
            Ok(loaded) => Some(loaded.scenario.meta.map.clone()),
            Err(error) => {
                eprintln!(
                    "note: {} has {} error(s) (see `demarche validate {}`); drawing its map without its regions",
                    shown(path),
                    error.error_count(),
                    shown(path)
                );
                scenario_map_id(path)
            }
        };
        let Some(map) = map else {
            return Err(CliError::Usage(format!(
                "{}: scenario.ron names no map (`map: \"ID\"`)",
                shown(path)
            )));
        };
        let file = scenario_map::find(path, &map).map_err(|missing| {
            CliError::Usage(format!(
                "{missing}; make it with `demarche map import --source FILE --bbox W,S,E,N --out {} --id {map}`",
                shown(path)
            ))
        })?;
        let asset = MapAsset::load(&file)?;
        let model = match loaded {
            Ok(loaded) => scenario_map::model(asset, &loaded.scenario),
            Err(_) => MapModel::bare(asset),
        };
        let scenario = (!model.regions.is_empty()).then(|| path.display().to_string());
        return Ok((model, file, scenario));
    }
    let maps = demarche_map::lookup::maps_in(path);
    match maps.as_slice() {
        [one] => {
            let file = path.join(format!("{one}.map.ron"));
            Ok((MapModel::bare(MapAsset::load(&file)?), file, None))
        }
        [] => Err(CliError::Usage(format!(
            "{}: no scenario.ron and no `*.map.ron` here; give a scenario folder or a map file",
            shown(path)
        ))),
        several => Err(CliError::Usage(format!(
            "{} holds {} maps ({}); give one file, e.g. `demarche map preview {}`",
            shown(path),
            several.len(),
            several.join(", "),
            shown(&path.join(format!("{}.map.ron", several[0])))
        ))),
    }
}

/// `map preview`.
fn preview(args: &MapPreviewArgs) -> Result<ExitCode, CliError> {
    if args.out.is_dir() {
        return Err(CliError::Usage(format!(
            "--out {} is a folder; give the SVG file to write, e.g. --out map.svg",
            shown(&args.out)
        )));
    }
    if args.out.is_file() && !args.force {
        let earlier =
            std::fs::read_to_string(&args.out).is_ok_and(|text| text.starts_with(PREVIEW_MARK));
        if !earlier {
            return Err(CliError::Usage(format!(
                "{} exists and is not an earlier map preview; add --force to replace it",
                shown(&args.out)
            )));
        }
    }
    let (model, file, scenario) = preview_model(&args.path)?;
    let svg = demarche_map::svg::preview(&model);
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    write_atomically(&args.out, &svg)?;
    let in_regions = model.feature_region.iter().filter(|r| r.is_some()).count();
    println!(
        "wrote {}: map `{}` from {}, {} features{}",
        shown(&args.out),
        escape(&model.asset.id),
        shown(&file),
        model.asset.features.len(),
        match &scenario {
            Some(dir) => format!(
                ", {in_regions} in the regions of {} ({} regions)",
                escape(dir),
                model.regions.len()
            ),
            None => String::new(),
        }
    );
    if !model.missing.is_empty() {
        println!(
            "note: {} map_features entr{} name no feature of the map; `demarche validate` shows where",
            model.missing.len(),
            if model.missing.len() == 1 { "y" } else { "ies" }
        );
    }
    if args.list {
        println!("id\tname\tcountry\tkm²\tregion");
        for (f, feature) in model.asset.features.iter().enumerate() {
            println!(
                "{}\t{}\t{}\t{:.0}\t{}",
                escape(feature.key()),
                escape(&feature.name),
                escape(&feature.country),
                model.feature_areas[f],
                model.feature_region[f].map_or("", |r| model.regions[r].key.as_str())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
