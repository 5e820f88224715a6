//! `demarche map import` and `demarche map preview`, and `validate`'s map checks: a map imported
//! from a small GeoJSON into a new scenario's folder validates; a region naming a missing
//! feature, a missing map and a broken map file are refused with their place and a did-you-mean;
//! the preview shows every feature's id; TopoJSON imports; bad input is refused clearly, never
//! with a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use demarche_map::MapAsset;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche-headless"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A refusal: exit status 1, no panic; its standard error.
fn refused(output: &Output) -> String {
    let err = text(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "stdout: {}\nstderr: {err}",
        text(&output.stdout)
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Line and column (1-based, in characters) of the first `needle` in `file`.
fn place(file: &Path, needle: &str) -> (usize, usize) {
    let body = std::fs::read_to_string(file).expect("the file");
    for (i, line) in body.lines().enumerate() {
        if let Some(at) = line.find(needle) {
            return (i + 1, line[..at].chars().count() + 1);
        }
    }
    panic!("{needle} is not in {}", file.display());
}

/// A new scenario whose sides are named like the fixture's islands, with the fixture imported
/// as its map.
fn scenario_with_imported_map(root: &Path) -> PathBuf {
    let folder = root.join("my_dyad");
    let made = run(&[
        "new",
        folder.to_str().unwrap(),
        "--sides",
        "AAA,BBB",
        "--names",
        "Atlantis,Borduria",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let source = data("islands.geojson");
    let import = |force: bool| {
        let mut args = vec![
            "map",
            "import",
            "--source",
            &source,
            "--bbox",
            "-21,-33,-15,-28.5",
            "--out",
            folder.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        run(&args)
    };
    // `new` wrote a placeholder map under the scenario's map id: it is kept without --force.
    let err = refused(&import(false));
    assert!(err.contains("my_dyad.map.ron exists; add --force"), "{err}");
    let imported = import(true);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let out = text(&imported.stdout);
    assert!(
        out.contains("5 features") && out.contains("from islands.geojson (GeoJSON)"),
        "{out}"
    );
    assert!(
        out.contains("1 outside the box")
            && out.contains("1 source feature(s) that are not polygons"),
        "{out}"
    );
    folder
}

#[test]
fn an_imported_map_validates_and_keeps_every_name_and_its_provenance() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = scenario_with_imported_map(dir.path());
    let map = MapAsset::load(&folder.join("my_dyad.map.ron")).expect("the imported map loads");
    let ids: Vec<&str> = map.features.iter().map(|f| f.key()).collect();
    assert_eq!(
        ids,
        ["Atlantis", "Borduria #0", "Borduria #1", "Gull Island", "7"]
    );
    let gull = map.feature("Gull Island").expect("Gull Island");
    let langs: Vec<&str> = gull.names.keys().map(String::as_str).collect();
    assert_eq!(langs, ["en", "fr", "ja", "ru", "tr"]);
    assert_eq!(gull.names["tr"], "Martı Adası");
    assert!(gull.disputed && gull.country == "BBB");
    let borduria = &map.features[1];
    assert_eq!(borduria.name, "Borduria");
    assert_eq!(borduria.country, "BBB", "ADM0_A3 stands in for ISO_A3 -99");
    assert_eq!(borduria.names["de"], "Bordurien");
    assert_eq!(map.features[4].name, "", "the rock has no name");
    // A name takes every part of a multi-part feature.
    assert_eq!(map.features_named("Borduria"), vec![1, 2]);
    let record = map.import.as_ref().expect("the import record");
    assert_eq!(
        (
            record.source.as_str(),
            record.format.as_str(),
            record.date.as_str()
        ),
        ("islands.geojson", "GeoJSON", "2023-11-14")
    );
    assert!(record.tool.starts_with("demarche ") && record.tool.ends_with(" map import"));
    assert_eq!(map.bbox, [-21.0, -33.0, -15.0, -28.5]);
    assert!(map.provenance.contains("islands.geojson") && map.provenance.contains("2023-11-14"));
    assert!(map.command.starts_with(
        "demarche map import --source islands.geojson --bbox -21,-33,-15,-28.5 --id my_dyad"
    ));

    let checked = run(&["validate", folder.to_str().unwrap()]);
    let out = text(&checked.stdout);
    assert!(checked.status.success(), "{out}");
    assert!(
        out.contains("map `my_dyad` (5 features, in the folder) (0 warnings)"),
        "{out}"
    );
}

#[test]
fn a_region_naming_a_missing_feature_is_refused_with_its_place_and_a_did_you_mean() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = scenario_with_imported_map(dir.path());
    let regions = folder.join("regions.ron");
    let body = std::fs::read_to_string(&regions).expect("regions.ron");
    let named = |feature: &str| format!("map_features: [\"{feature}\"]");
    std::fs::write(
        &regions,
        body.replace(&named("Gull Island"), &named("Gul Island")),
    )
    .expect("written");
    let (line, col) = place(&regions, "[\"Gul Island\"]");
    let col = col + 1;
    let checked = run(&["validate", folder.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(1));
    let out = text(&checked.stdout);
    let headline = format!(
        "{}:{line}:{col}: error: region `gull_island` names `Gul Island`, which map `my_dyad`",
        regions.display()
    );
    assert!(out.contains(&headline), "{headline}\n{out}");
    assert!(out.contains("--> field `[2].map_features[0]`"), "{out}");
    assert!(out.contains("help: did you mean `Gull Island`?"), "{out}");
    assert!(out.contains("my_dyad: 1 error(s)"), "{out}");

    // Nothing close: the help lists the ids and points to the preview.
    std::fs::write(
        &regions,
        body.replace(&named("Gull Island"), &named("zzzzzzzzzz")),
    )
    .expect("written");
    let out = text(&run(&["validate", folder.to_str().unwrap()]).stdout);
    assert!(
        out.contains("expected one of `Atlantis`, `Borduria #0`")
            && out.contains("demarche map preview"),
        "{out}"
    );
}

#[test]
fn a_missing_or_broken_map_is_a_located_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = scenario_with_imported_map(dir.path());
    let scenario = folder.join("scenario.ron");
    let body = std::fs::read_to_string(&scenario).expect("scenario.ron");
    std::fs::write(
        &scenario,
        body.replace("map: \"my_dyad\"", "map: \"my_dyda\""),
    )
    .expect("written");
    let (line, col) = place(&scenario, "\"my_dyda\"");
    let checked = run(&["validate", folder.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(1));
    let out = text(&checked.stdout);
    let headline = format!(
        "{}:{line}:{col}: error: map `my_dyda`: no `my_dyda.map.ron` in the scenario's folder",
        scenario.display()
    );
    assert!(out.contains(&headline), "{headline}\n{out}");
    assert!(out.contains("help: did you mean `my_dyad`?"), "{out}");
    std::fs::write(&scenario, &body).expect("written");

    let map = folder.join("my_dyad.map.ron");
    std::fs::write(&map, "(\n format_version: 2,\n oops: 1,\n)\n").expect("written");
    let checked = run(&["validate", folder.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(1));
    let out = text(&checked.stdout);
    assert!(
        out.contains(&format!(
            "{}:3:2: error: the map does not load",
            map.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("make it again with `demarche map import`"),
        "{out}"
    );
}

#[test]
fn the_preview_shows_every_feature_id_and_the_regions() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = scenario_with_imported_map(dir.path());
    let svg_path = dir.path().join("map.svg");
    let drawn = run(&[
        "map",
        "preview",
        folder.to_str().unwrap(),
        "--out",
        svg_path.to_str().unwrap(),
        "--list",
    ]);
    assert!(drawn.status.success(), "{}", text(&drawn.stderr));
    let out = text(&drawn.stdout);
    assert!(out.contains("5 features, 4 in the regions of"), "{out}");
    assert!(out.contains("Gull Island\tGull Island\tBBB\t"), "{out}");
    assert!(
        out.contains("\ngull_island\n") || out.contains("\tgull_island\n"),
        "{out}"
    );
    let svg = std::fs::read_to_string(&svg_path).expect("the svg");
    assert!(svg.starts_with(demarche_map::svg::PREVIEW_MARK));
    let map = MapAsset::load(&folder.join("my_dyad.map.ron")).expect("the map");
    for feature in &map.features {
        let id = demarche_map::svg::escape(feature.key());
        assert!(svg.contains(&format!("data-id=\"{id}\"")), "{id} drawn");
        assert!(svg.contains(&format!(">{id}")), "{id} labelled");
    }
    assert!(svg.contains("fr: Île aux Mouettes") && svg.contains("ru: Чаячий остров"));
    assert!(
        svg.contains("Gull Island (gull_island)"),
        "the region's label"
    );

    // An earlier preview is replaced; another file only with --force.
    let again = run(&[
        "map",
        "preview",
        folder.join("my_dyad.map.ron").to_str().unwrap(),
        "--out",
        svg_path.to_str().unwrap(),
    ]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let other = dir.path().join("notes.svg");
    std::fs::write(&other, "<svg>mine</svg>").expect("written");
    let err = refused(&run(&[
        "map",
        "preview",
        folder.to_str().unwrap(),
        "--out",
        other.to_str().unwrap(),
    ]));
    assert!(
        err.contains("is not an earlier map preview; add --force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "<svg>mine</svg>");
}

#[test]
fn topojson_imports_with_its_object_and_ids_for_unnamed_parts() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("maps");
    let source = data("islands.topojson");
    let import = |extra: &[&str]| {
        let mut args = vec![
            "map",
            "import",
            "--source",
            &source,
            "--bbox",
            "-21,-33,-15,-28.5",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    let err = refused(&import(&[]));
    assert!(
        err.contains("it has several objects; choose one with --object")
            && err.contains("`coast`, `islands`"),
        "{err}"
    );
    let err = refused(&import(&["--object", "isles"]));
    assert!(err.contains("no object `isles`"), "{err}");
    let err = refused(&import(&["--object", "coast"]));
    assert!(err.contains("no Polygon or MultiPolygon"), "{err}");

    let made = import(&[
        "--object", "islands", "--id", "skerries", "--title", "Skerries",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let map = MapAsset::load(&out.join("skerries.map.ron")).expect("the map");
    let ids: Vec<&str> = map.features.iter().map(|f| f.key()).collect();
    assert_eq!(ids, ["Gull Island", "SKR #0", "SKR #1"]);
    assert_eq!(map.title, "Skerries");
    assert_eq!(map.features[0].names["tr"], "Martı Adası");
    // Gull Island is stitched from two arcs into one ring of five corners.
    assert_eq!(map.features[0].ring.len(), 5);
    let record = map.import.as_ref().expect("the import record");
    assert_eq!(
        (record.format.as_str(), record.object.as_deref()),
        ("TopoJSON", Some("islands"))
    );

    let svg = dir.path().join("skerries.svg");
    let drawn = run(&[
        "map",
        "preview",
        out.to_str().unwrap(),
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(drawn.status.success(), "{}", text(&drawn.stderr));
    let svg = std::fs::read_to_string(&svg).expect("the svg");
    assert!(svg.contains("data-id=\"SKR #0\"") && svg.contains("data-id=\"SKR #1\""));
}

#[test]
fn bad_input_is_refused_clearly_and_never_with_a_panic() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let source = data("islands.geojson");
    let import = |source: &str, bbox: &str| {
        run(&[
            "map", "import", "--source", source, "--bbox", bbox, "--out", out, "--id", "x",
        ])
    };
    for (bbox, says) in [
        (
            "1,2,3",
            "--bbox 1,2,3: expected four numbers WEST,SOUTH,EAST,NORTH",
        ),
        ("10,0,5,1", "WEST 10 must be less than EAST 5"),
        ("0,north,1,1", "SOUTH `north` is not a number"),
        ("0,0,1,100", "NORTH 100 is not a latitude"),
    ] {
        let err = refused(&import(&source, bbox));
        assert!(err.contains(says), "{bbox}: {err}");
    }
    let err = refused(&import(&source, "0,0,1,1"));
    assert!(
        err.contains("no land inside --bbox 0,0,1,1") && err.contains("polygon(s) lie within"),
        "{err}"
    );

    let missing = dir.path().join("missing.geojson");
    let err = refused(&import(missing.to_str().unwrap(), "0,0,1,1"));
    assert!(err.contains("missing.geojson: cannot read it"), "{err}");

    let not_geo = dir.path().join("config.json");
    std::fs::write(&not_geo, "{\"hello\": \"world\"}").expect("written");
    let err = refused(&import(not_geo.to_str().unwrap(), "0,0,1,1"));
    assert!(
        err.contains("config.json:1:1: neither GeoJSON nor TopoJSON: an object without a \"type\""),
        "{err}"
    );

    let broken = dir.path().join("broken.geojson");
    std::fs::write(
        &broken,
        "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    oops\n  ]\n}\n",
    )
    .expect("written");
    let err = refused(&import(broken.to_str().unwrap(), "0,0,1,1"));
    assert!(err.contains("broken.geojson:4:5: not valid JSON"), "{err}");

    let binary = dir.path().join("image.geojson");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x01]).expect("written");
    let err = refused(&import(binary.to_str().unwrap(), "0,0,1,1"));
    assert!(err.contains("image.geojson:1:1: not valid JSON"), "{err}");

    let err = refused(&run(&[
        "map",
        "import",
        "--source",
        &source,
        "--bbox",
        "-21,-33,-15,-28.5",
        "--out",
        out,
        "--id",
        "../up",
    ]));
    assert!(err.contains("--id `../up`: a map id needs"), "{err}");

    let err = refused(&run(&[
        "map",
        "preview",
        dir.path().join("nowhere").to_str().unwrap(),
        "--out",
        dir.path().join("x.svg").to_str().unwrap(),
    ]));
    assert!(err.contains("no such file or folder"), "{err}");
    let garbage = dir.path().join("garbage.map.ron");
    std::fs::write(&garbage, "not a map").expect("written");
    let err = refused(&run(&[
        "map",
        "preview",
        garbage.to_str().unwrap(),
        "--out",
        dir.path().join("x.svg").to_str().unwrap(),
    ]));
    assert!(err.contains("garbage.map.ron:1:1:"), "{err}");
}
