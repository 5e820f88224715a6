//! Maps as SVG: the plane every SVG renderer draws in (the map's extent with y turned
//! downwards), text escaping, and `demarche map preview`'s drawing of a [`MapModel`]: every
//! feature with its id (and name), regions tinted and named when a scenario is given.

use std::fmt::Write;

use crate::MapAsset;
use crate::model::MapModel;

/// The first line of a preview, by which `demarche map preview` knows a file it may replace.
pub const PREVIEW_MARK: &str = "<!-- demarche map preview";

/// The map's plane in SVG units (km): the extent, with y turned downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    /// West edge, km.
    pub min_x: f32,
    /// North edge, km.
    pub max_y: f32,
    /// Width, km (at least 1).
    pub width: f32,
    /// Height, km (at least 1).
    pub height: f32,
}

impl Plane {
    /// The plane of a map's extent.
    pub fn of(asset: &MapAsset) -> Plane {
        let [x0, y0, x1, y1] = asset.extent;
        Plane {
            min_x: x0,
            max_y: y1,
            width: (x1 - x0).max(1.0),
            height: (y1 - y0).max(1.0),
        }
    }

    /// A projected point in SVG coordinates.
    pub fn point(&self, [x, y]: [f32; 2]) -> (f32, f32) {
        (x - self.min_x, self.max_y - y)
    }

    /// A ring or line as an SVG `points` attribute.
    pub fn points(&self, ring: &[[f32; 2]]) -> String {
        let mut out = String::with_capacity(ring.len() * 12);
        for (i, p) in ring.iter().enumerate() {
            let (x, y) = self.point(*p);
            if i > 0 {
                out.push(' ');
            }
            let _ = write!(out, "{x:.1},{y:.1}");
        }
        out
    }

    /// A size for text and markers: a fortieth of the map's larger side.
    pub fn unit(&self) -> f32 {
        self.width.max(self.height) / 40.0
    }

    /// The `viewBox` attribute's value.
    pub fn view_box(&self) -> String {
        format!("0 0 {:.0} {:.0}", self.width, self.height)
    }
}

/// Text escaped for SVG and HTML content and attribute values; control characters become
/// U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Fills for regions in a preview, in turn (no blue: blue is water).
const REGION_FILLS: [&str; 8] = [
    "#eee1b8", "#efcfc9", "#d5e8c8", "#dccdea", "#f0d2e4", "#e0d8c8", "#d9e4b0", "#f2d9bf",
];

/// A whole SVG document that shows every feature with its id (and name), the regions in their
/// colours with their names when the model has regions, the title and the provenance.
pub fn preview(model: &MapModel) -> String {
    let asset = &model.asset;
    let plane = Plane::of(asset);
    let unit = plane.unit();
    let margin = unit * 3.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "{PREVIEW_MARK}: map `{}`, {} features; hover a shape for its id, names and country -->",
        escape(&asset.id).replace("--", "- -"),
        asset.features.len()
    );
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{:.0} {:.0} {:.0} {:.0}\" width=\"1200\" font-family=\"sans-serif\">\
<rect x=\"{:.0}\" y=\"{:.0}\" width=\"100%\" height=\"100%\" fill=\"#dbe8f4\"/>\
<text x=\"0\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"#1d2330\">{} · {} · {} features</text>",
        -margin,
        -margin,
        plane.width + 2.0 * margin,
        plane.height + 2.0 * margin,
        -margin,
        -margin,
        -margin * 0.4,
        unit,
        escape(&asset.id),
        escape(&asset.title),
        asset.features.len()
    );
    svg.push('\n');
    for region in model.regions.iter().filter(|r| r.outline.len() >= 3) {
        let _ = writeln!(
            svg,
            "<polygon class=\"outline\" points=\"{}\" fill=\"#c4dbee\" fill-opacity=\"0.6\" stroke=\"#7aa6cf\" stroke-dasharray=\"{:.1}\" stroke-width=\"{:.2}\"><title>{} (outline)</title></polygon>",
            plane.points(&region.outline),
            unit / 2.0,
            unit / 8.0,
            escape(&region.key)
        );
    }
    for (f, feature) in asset.features.iter().enumerate() {
        let region = model.feature_region[f];
        let fill = region.map_or("#e4e2da", |r| REGION_FILLS[r % REGION_FILLS.len()]);
        let mut title = model.feature_label(f);
        for (lang, name) in &feature.names {
            let _ = write!(title, "\n{lang}: {name}");
        }
        if !feature.country.is_empty() {
            let _ = write!(title, "\ncountry: {}", feature.country);
        }
        if feature.disputed {
            title.push_str("\ndisputed");
        }
        let _ = write!(title, "\n{:.0} km²", model.feature_areas[f]);
        if let Some(r) = region {
            let _ = write!(title, "\nregion: {}", model.regions[r].key);
        }
        let _ = writeln!(
            svg,
            "<polygon class=\"feature\" data-id=\"{}\" points=\"{}\" fill=\"{fill}\" stroke=\"#555\" stroke-width=\"{:.2}\"{}><title>{}</title></polygon>",
            escape(feature.key()),
            plane.points(&feature.ring),
            unit / 12.0,
            if feature.disputed {
                format!(" stroke-dasharray=\"{:.1}\"", unit / 3.0)
            } else {
                String::new()
            },
            escape(&title)
        );
    }
    let size = unit * 0.45;
    for f in 0..asset.features.len() {
        let (x, y) = plane.point(model.label_points[f]);
        let _ = writeln!(
            svg,
            "<text class=\"feature-id\" x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" text-anchor=\"middle\" fill=\"#1d2330\" stroke=\"#fff\" stroke-width=\"{:.2}\" paint-order=\"stroke\">{}</text>",
            size / 5.0,
            escape(&model.feature_label(f))
        );
    }
    for region in &model.regions {
        let (x, y) = plane.point(region.anchor);
        let _ = writeln!(
            svg,
            "<g class=\"region\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#b03a2e\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#b03a2e\" stroke=\"#fff\" stroke-width=\"{:.2}\" paint-order=\"stroke\">{} ({})</text></g>",
            unit / 6.0,
            y - unit * 0.4,
            unit * 0.6,
            unit / 6.0,
            escape(&region.label),
            escape(&region.key)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"#555\">{}</text>\n</svg>\n",
        plane.height + margin * 0.6,
        unit * 0.4,
        escape(&asset.provenance)
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plane_turns_y_downwards_and_escaping_is_safe() {
        let plane = Plane {
            min_x: -10.0,
            max_y: 20.0,
            width: 40.0,
            height: 30.0,
        };
        assert_eq!(plane.point([-10.0, 20.0]), (0.0, 0.0));
        assert_eq!(
            plane.points(&[[0.0, 0.0], [10.0, -10.0]]),
            "10.0,20.0 20.0,30.0"
        );
        assert_eq!(plane.unit(), 1.0);
        assert_eq!(
            escape("a<b & \"c\"\u{1b}"),
            "a&lt;b &amp; &quot;c&quot;\u{fffd}"
        );
    }
}
