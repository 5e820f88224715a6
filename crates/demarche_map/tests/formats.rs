//! Map files of every format version load: the committed version-1 maps (the 2022 scenario's and
//! the engine fixture's), whose features have no `id` and are known by their names, and a
//! version-2 map written and read back with its ids and import record.

use std::path::Path;

use demarche_map::{ImportRecord, MAP_FORMAT_VERSION, MapAsset, MapModel, ParseError};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn version_one_maps_still_load_with_names_as_ids() {
    for file in [
        "scenarios/japan_russia_2022/kurils_region.map.ron",
        "crates/demarche_sim/tests/fixtures/two_rivers/two_rivers.map.ron",
    ] {
        let map = MapAsset::load(&root().join(file)).expect("a committed map loads");
        assert_eq!(map.format_version, 1, "{file}");
        assert!(map.import.is_none());
        for feature in &map.features {
            assert!(feature.id.is_empty());
            assert_eq!(feature.key(), feature.name);
            assert!(map.feature(&feature.name).is_some());
        }
    }
}

#[test]
fn a_version_two_map_round_trips_with_its_ids_and_record() {
    let mut map = MapAsset::load(
        &root().join("crates/demarche_sim/tests/fixtures/two_rivers/two_rivers.map.ron"),
    )
    .expect("the fixture's map");
    map.format_version = MAP_FORMAT_VERSION;
    map.features[0].id = "land #0".into();
    map.import = Some(ImportRecord {
        source: "land.geojson".into(),
        format: "GeoJSON".into(),
        object: None,
        source_hash: "0123456789abcdef".into(),
        date: "2026-01-31".into(),
        tool: "demarche 0.1.0 map import".into(),
    });
    let text = map.to_ron().expect("written");
    let back = MapAsset::parse(&text).expect("read back");
    assert_eq!(back, map);
    assert_eq!(back.features[0].key(), "land #0");
    // The id names the feature; its name still takes every feature that has it.
    assert_eq!(back.features_named("land #0"), vec![0]);
    assert_eq!(back.features_named(&back.features[0].name.clone()), vec![0]);
    assert!(back.features_named("nowhere").is_empty());
    let model = MapModel::bare(back);
    assert!(model.regions.is_empty() && model.missing.is_empty());
    assert_eq!(model.label_points.len(), model.asset.features.len());
}

#[test]
fn broken_map_text_is_refused_with_its_place() {
    match MapAsset::parse("(\n format_version: 1,\n nonsense: 3,\n)") {
        Err(ParseError::Syntax { line, col, .. }) => assert_eq!((line, col), (3, 2)),
        other => panic!("{other:?}"),
    }
    let newer =
        std::fs::read_to_string(root().join("scenarios/japan_russia_2022/kurils_region.map.ron"))
            .expect("the map")
            .replace("format_version: 1", "format_version: 99");
    match MapAsset::parse(&newer) {
        Err(ParseError::Invalid(why)) => assert!(why.contains("reads 1 to 2"), "{why}"),
        other => panic!("{other:?}"),
    }
}
