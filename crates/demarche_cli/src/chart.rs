//! One chart model for every chart: the window's charts, the debrief pack and the group
//! comparison (lines over turns, with labels, a unit and colours), drawn here as a
//! self-contained inline SVG with axes, ticks, a legend and escaped text, and by the window with
//! egui_plot. [`standard`] is the standard set of a game's charts, built from its metrics.

use std::fmt::Write;

use demarche_sim::report::Metric;
use demarche_sim::scenario::Indicator;
use demarche_sim::{Scenario, Side};

/// A line chart: one or more series over a shared x axis (turns, usually).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    /// The chart's title.
    pub title: String,
    /// The unit of the y axis, e.g. `0–100` or `rung`; empty for none.
    pub unit: String,
    /// The lines, drawn in order; their colour follows their index (see [`colour`]).
    pub series: Vec<Series>,
    /// The label of the x axis, e.g. `turn`.
    pub x_label: String,
    /// An x value to mark with a vertical line (the turn shown on a projector), if any.
    pub mark: Option<f64>,
}

/// One line of a [`Chart`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// The legend's label.
    pub label: String,
    /// `[x, y]` points in x order; a point with a non-finite coordinate is a gap in the line.
    pub points: Vec<[f64; 2]>,
    /// Drawn dashed and near-black: a reference line, such as the historical record.
    pub dashed: bool,
    /// Its own colour (an actor's), instead of the palette's by index.
    pub colour: Option<[u8; 3]>,
}

/// Line colours by series index (Okabe–Ito, readable in grey and by most colour-blind readers).
pub const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#555555",
];

/// The colour of a dashed (reference) series, whatever its index.
pub const REFERENCE: &str = "#222222";

/// The colour of the series at `index` as `#rrggbb`: near-black when dashed, else its own colour,
/// else from [`PALETTE`] by index.
pub fn colour(index: usize, series: &Series) -> String {
    let [r, g, b] = rgb(index, series);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The colour of the series at `index` as RGB (see [`colour`]), for renderers other than SVG.
pub fn rgb(index: usize, series: &Series) -> [u8; 3] {
    let hex = if series.dashed {
        REFERENCE
    } else if let Some(own) = series.colour {
        return own;
    } else {
        PALETTE[index % PALETTE.len()]
    };
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    [byte(1), byte(3), byte(5)]
}

/// Width of the drawing, in SVG units (pages scale it to their width).
const WIDTH: f64 = 640.0;
/// Height of the plot area.
const PLOT_HEIGHT: f64 = 190.0;
/// Margins around the plot area: left, right, top.
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 38.0;
/// Space under the plot for tick labels and the x label.
const BELOW: f64 = 40.0;
/// Height of one legend row.
const LEGEND_ROW: f64 = 16.0;

/// Escapes text for XML and HTML (the one escape the map's SVG uses too).
pub use demarche_map::svg::escape;

impl Chart {
    /// A chart with a title, a unit and an x label, and no series yet.
    pub fn new(title: impl Into<String>, unit: impl Into<String>, x_label: &str) -> Chart {
        Chart {
            title: title.into(),
            unit: unit.into(),
            series: Vec::new(),
            x_label: x_label.to_owned(),
            mark: None,
        }
    }

    /// Marks an x value with a vertical line (builder style).
    pub fn marked(mut self, x: f64) -> Chart {
        self.mark = Some(x);
        self
    }

    /// Adds a series (builder style).
    pub fn with(mut self, label: impl Into<String>, points: Vec<[f64; 2]>, dashed: bool) -> Chart {
        self.series.push(Series {
            label: label.into(),
            points,
            dashed,
            colour: None,
        });
        self
    }

    /// Adds a series in its own colour (builder style).
    pub fn with_colour(
        mut self,
        label: impl Into<String>,
        points: Vec<[f64; 2]>,
        colour: [u8; 3],
    ) -> Chart {
        self.series.push(Series {
            label: label.into(),
            points,
            dashed: false,
            colour: Some(colour),
        });
        self
    }

    /// The chart as one `<svg>` element: no external reference, no script.
    pub fn svg(&self) -> String {
        svg(self)
    }
}

/// A number's values over the turns (`[turn, value]`, turn 0 the start), as a viewer may see
/// them.
pub type Values<'a> = &'a dyn Fn(Metric) -> Vec<[f64; 2]>;

/// The standard charts of a game: approval and economy (a line per side, in the sides'
/// colours), tension (with the viewer's belief in the other side's resolve, for a side's view)
/// and trade. The window's charts tab and game-over screen, the debrief pack and the classroom
/// host draw these.
pub fn standard(scn: &Scenario, viewer: Option<Side>, values: Values) -> Vec<Chart> {
    let both = |title: &str, indicator: Indicator| {
        Side::BOTH
            .iter()
            .fold(Chart::new(title, "0–100", "turn"), |chart, side| {
                let actor = scn.actor(scn.actor_of(*side));
                chart.with_colour(
                    actor.name.clone(),
                    values(Metric::Actor(scn.actor_of(*side), indicator)),
                    actor.color,
                )
            })
    };
    let mut tension =
        Chart::new("Tension", "0–100", "turn").with("tension", values(Metric::Tension), false);
    if let Some(viewer) = viewer {
        tension = tension.with(
            "our belief in their resolve ×100",
            values(Metric::Belief(viewer)),
            false,
        );
    }
    vec![
        both("Approval", Indicator::Approval),
        both("Economy", Indicator::Economy),
        tension,
        Chart::new(
            format!("Trade ({} a year)", scn.meta.currency.billions()),
            scn.meta.currency.billions(),
            "turn",
        )
        .with("trade", values(Metric::Trade), false),
    ]
}

/// Draws a chart as a self-contained inline SVG string: title, unit, axes with ticks and
/// gridlines, one `<path>` per series (gaps at non-finite points, isolated points as dots) and a
/// legend under the plot. Every text is escaped.
pub fn svg(chart: &Chart) -> String {
    let legend = legend_layout(&chart.series);
    let legend_rows = legend.iter().map(|e| e.row + 1).max().unwrap_or(0);
    let height = TOP + PLOT_HEIGHT + BELOW + legend_rows as f64 * LEGEND_ROW + 4.0;
    let frame = Frame::of(chart);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" font-family="sans-serif" font-size="11">"#
    );
    let _ = write!(out, "<title>{}</title>", escape(&chart.title));
    let _ = write!(
        out,
        r##"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>"##
    );
    let _ = write!(
        out,
        r##"<text x="{LEFT}" y="16" font-size="13" font-weight="bold" fill="#111111">{}</text>"##,
        escape(&chart.title)
    );
    if !chart.unit.is_empty() {
        let _ = write!(
            out,
            r##"<text x="{LEFT}" y="{}" fill="#555555">{}</text>"##,
            TOP - 6.0,
            escape(&chart.unit)
        );
    }
    axes(&mut out, &frame, &chart.x_label);
    if let Some(x) = chart.mark.filter(|x| x.is_finite()) {
        let px = frame.px(x);
        let _ = write!(
            out,
            r##"<line x1="{px:.1}" y1="{TOP}" x2="{px:.1}" y2="{:.1}" stroke="#e69f00" stroke-width="3"/>"##,
            TOP + PLOT_HEIGHT
        );
    }
    for (i, series) in chart.series.iter().enumerate() {
        line(&mut out, &frame, series, &colour(i, series));
    }
    legend_svg(&mut out, &chart.series, &legend);
    out.push_str("</svg>");
    out
}

/// The data ranges and the plot area they map to.
struct Frame {
    x: (f64, f64),
    y: (f64, f64),
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
    empty: bool,
}

impl Frame {
    fn of(chart: &Chart) -> Frame {
        let finite = || {
            chart
                .series
                .iter()
                .flat_map(|s| s.points.iter())
                .filter(|p| p[0].is_finite() && p[1].is_finite())
        };
        let range = |axis: usize| {
            finite().fold(None, |acc: Option<(f64, f64)>, p| {
                let v = p[axis];
                Some(acc.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
            })
        };
        let empty = finite().next().is_none();
        let (x, x_ticks) = nice(range(0).unwrap_or((0.0, 1.0)));
        let (y, y_ticks) = nice(range(1).unwrap_or((0.0, 1.0)));
        Frame {
            x,
            y,
            x_ticks,
            y_ticks,
            empty,
        }
    }

    /// SVG x of a data x.
    fn px(&self, x: f64) -> f64 {
        LEFT + (x - self.x.0) / (self.x.1 - self.x.0) * (WIDTH - LEFT - RIGHT)
    }

    /// SVG y of a data y.
    fn py(&self, y: f64) -> f64 {
        TOP + PLOT_HEIGHT - (y - self.y.0) / (self.y.1 - self.y.0) * PLOT_HEIGHT
    }
}

/// A range widened to round ticks (steps of 1, 2 or 5 times a power of ten, about five of
/// them), and those ticks. A range of one value is widened around it.
fn nice((lo, hi): (f64, f64)) -> ((f64, f64), Vec<f64>) {
    let (lo, hi) = if hi - lo < 1e-9 {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let count = ((end - start) / step).round() as usize;
    let ticks = (0..=count).map(|i| start + i as f64 * step).collect();
    ((start, end), ticks)
}

/// A tick's label: as few decimals as the step needs.
fn tick_label(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    let text = format!("{value:.decimals$}");
    if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        "0".into()
    } else {
        text
    }
}

/// Gridlines, tick labels, the axes and the x label.
fn axes(out: &mut String, frame: &Frame, x_label: &str) {
    let bottom = TOP + PLOT_HEIGHT;
    let right = WIDTH - RIGHT;
    let y_step = frame.y_ticks.get(1).map_or(1.0, |t| t - frame.y_ticks[0]);
    for &t in &frame.y_ticks {
        let y = frame.py(t);
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="#e3e3e3"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#333333">{}</text>"##,
            LEFT - 5.0,
            y + 4.0,
            tick_label(t, y_step)
        );
    }
    let x_step = frame.x_ticks.get(1).map_or(1.0, |t| t - frame.x_ticks[0]);
    for &t in &frame.x_ticks {
        let x = frame.px(t);
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{bottom}" x2="{x:.1}" y2="{:.1}" stroke="#333333"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="#333333">{}</text>"##,
            bottom + 4.0,
            bottom + 16.0,
            tick_label(t, x_step)
        );
    }
    let _ = write!(
        out,
        r##"<path d="M{LEFT} {TOP}V{bottom}H{right}" fill="none" stroke="#333333"/>"##
    );
    if !x_label.is_empty() {
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#333333">{}</text>"##,
            (LEFT + right) / 2.0,
            bottom + 31.0,
            escape(x_label)
        );
    }
    if frame.empty {
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#777777">no data</text>"##,
            (LEFT + right) / 2.0,
            TOP + PLOT_HEIGHT / 2.0
        );
    }
}

/// One series: a single `<path>` whose non-finite points break the line, plus a dot for each
/// point that has no finite neighbour (so a one-turn game still shows its values).
fn line(out: &mut String, frame: &Frame, series: &Series, colour: &str) {
    let ok = |p: &[f64; 2]| p[0].is_finite() && p[1].is_finite();
    let mut d = String::new();
    let mut pen_down = false;
    let mut dots = Vec::new();
    for (i, p) in series.points.iter().enumerate() {
        if !ok(p) {
            pen_down = false;
            continue;
        }
        let (x, y) = (frame.px(p[0]), frame.py(p[1]));
        if !(x.is_finite() && y.is_finite()) {
            pen_down = false;
            continue;
        }
        let _ = write!(d, "{}{x:.1} {y:.1}", if pen_down { "L" } else { "M" });
        pen_down = true;
        let before = i > 0 && ok(&series.points[i - 1]);
        let after = series.points.get(i + 1).is_some_and(ok);
        if !before && !after {
            dots.push((x, y));
        }
    }
    let dash = if series.dashed {
        r#" stroke-dasharray="6 4""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="2" stroke-linejoin="round"{dash}><title>{}</title></path>"#,
        escape(&series.label)
    );
    for (x, y) in dots {
        let _ = write!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="2.5" fill="{colour}"/>"#
        );
    }
}

/// Where a legend entry goes.
struct LegendEntry {
    row: usize,
    x: f64,
}

/// Legend entries laid out left to right, wrapping to new rows (text width estimated from its
/// characters).
fn legend_layout(series: &[Series]) -> Vec<LegendEntry> {
    let mut entries = Vec::new();
    let (mut row, mut x) = (0, LEFT);
    for s in series {
        let width = 30.0 + s.label.chars().count() as f64 * 6.0 + 14.0;
        if x > LEFT && x + width > WIDTH - RIGHT {
            row += 1;
            x = LEFT;
        }
        entries.push(LegendEntry { row, x });
        x += width;
    }
    entries
}

/// The legend: a short line sample (dashed for dashed series) and the label.
fn legend_svg(out: &mut String, series: &[Series], layout: &[LegendEntry]) {
    for (i, (s, at)) in series.iter().zip(layout).enumerate() {
        let y = TOP + PLOT_HEIGHT + BELOW + at.row as f64 * LEGEND_ROW + 8.0;
        let colour = colour(i, s);
        let dash = if s.dashed {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r##"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{colour}" stroke-width="2"{dash}/><text x="{:.1}" y="{:.1}" fill="#111111">{}</text>"##,
            at.x,
            at.x + 24.0,
            at.x + 30.0,
            y + 4.0,
            escape(&s.label)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_come_from_the_series_then_the_palette_and_reference_lines_are_near_black() {
        let own = Chart::new("t", "", "turn").with_colour("a", Vec::new(), [1, 2, 3]);
        assert_eq!(rgb(5, &own.series[0]), [1, 2, 3]);
        assert_eq!(colour(5, &own.series[0]), "#010203");
        let plain = Chart::new("t", "", "turn")
            .with("a", Vec::new(), false)
            .with("b", Vec::new(), true);
        assert_eq!(colour(0, &plain.series[0]), PALETTE[0]);
        assert_eq!(colour(1, &plain.series[1]), REFERENCE);
        assert_eq!(
            rgb(9, &plain.series[0]),
            [0xd5, 0x5e, 0x00],
            "index 9 wraps to 1"
        );
    }

    fn sample() -> Chart {
        Chart::new("Tension <&> \"quotes\"", "0–100", "turn")
            .with(
                "Aldova & <allies>",
                vec![[0.0, 10.0], [1.0, 20.0], [2.0, 15.0]],
                false,
            )
            .with(
                "record",
                vec![[0.0, 12.0], [1.0, f64::NAN], [2.0, 18.0], [3.0, 30.0]],
                true,
            )
            .with("empty", Vec::new(), false)
    }

    #[test]
    fn text_is_escaped() {
        let svg = sample().svg();
        assert!(svg.contains("Tension &lt;&amp;&gt; &quot;quotes&quot;"));
        assert!(svg.contains("Aldova &amp; &lt;allies&gt;"));
        assert!(!svg.contains("<&>"));
        assert!(!svg.contains("& <"));
        for (i, _) in svg.match_indices('&') {
            let rest = &svg[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "a bare & at {i}: {}",
                &rest[..rest.len().min(20)]
            );
        }
    }

    #[test]
    fn one_path_per_series_plus_the_axes() {
        let chart = sample();
        let svg = chart.svg();
        let paths = svg.matches("<path ").count();
        assert_eq!(paths, chart.series.len() + 1, "{svg}");
        assert_eq!(
            svg.matches("stroke-dasharray").count(),
            2,
            "line and legend"
        );
    }

    /// Checks that every tag closes, in order, and that no `<` or `>` is left in text.
    fn assert_well_formed(xml: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = xml;
        while let Some(start) = rest.find('<') {
            assert!(!rest[..start].contains('>'), "a bare > in text");
            let end = start + rest[start..].find('>').expect("every tag closes");
            let tag = &rest[start + 1..end];
            assert!(!tag.contains('<'), "a < inside a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "</{name}> closes another tag");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().expect("a tag name"));
            }
            rest = &rest[end + 1..];
        }
        assert!(!rest.contains('>'), "a bare > after the last tag");
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    #[test]
    fn the_svg_is_well_formed() {
        let svg = sample().svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert_well_formed(&svg);
    }

    #[test]
    fn coordinates_are_finite_and_gaps_skip_nan() {
        let svg = sample().svg();
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        let record = svg
            .split("<path ")
            .find(|p| p.contains("<title>record</title>"))
            .expect("the record's path");
        assert_eq!(
            record.matches('M').count(),
            2,
            "a gap starts a new subpath: {record}"
        );
        for d in svg.split("d=\"").skip(1) {
            let d = &d[..d.find('"').unwrap_or(0)];
            for n in d.split(['M', 'L', 'V', 'H', ' ']) {
                if !n.is_empty() {
                    let v: f64 = n.parse().expect("a number");
                    assert!(v.is_finite() && (0.0..=640.0).contains(&v), "{v} in {d}");
                }
            }
        }
    }

    #[test]
    fn an_isolated_point_is_a_dot() {
        let svg = sample().svg();
        assert_eq!(
            svg.matches("<circle ").count(),
            1,
            "the record's first point"
        );
    }

    #[test]
    fn a_chart_without_data_says_so() {
        let svg = Chart::new("Nothing", "", "turn")
            .with("x", vec![[f64::NAN, 1.0]], false)
            .svg();
        assert!(svg.contains("no data"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn ticks_are_round() {
        let ((lo, hi), ticks) = nice((0.0, 22.0));
        assert_eq!((lo, hi), (0.0, 25.0));
        assert_eq!(ticks, vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        let ((lo, hi), _) = nice((50.0, 50.0));
        assert!(lo < 50.0 && hi > 50.0);
        assert_eq!(tick_label(0.30000000000000004, 0.1), "0.3");
        assert_eq!(tick_label(-0.0, 0.5), "0");
    }

    #[test]
    fn a_long_legend_wraps() {
        let mut chart = Chart::new("Many", "", "turn");
        for i in 0..12 {
            chart = chart.with(format!("group number {i}"), vec![[0.0, i as f64]], false);
        }
        let rows = legend_layout(&chart.series).iter().map(|e| e.row).max();
        assert!(rows > Some(0));
        let svg = chart.svg();
        assert!(svg.contains("group number 11"));
    }
}
