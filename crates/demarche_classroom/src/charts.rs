//! Charts on the host's pages: the shared chart model ([`demarche_cli::chart`], the same charts
//! as the window's and the debrief pack's) drawn as inline SVG in a figure.

use demarche_cli::chart::Chart;

/// The colours of the two sides and of a third line on the host's own drawings (the map).
pub const COLORS: [&str; 3] = ["#1f5fa8", "#a8321f", "#6b7280"];

/// A chart as a `<figure>` holding its inline SVG (empty when it has no point to draw).
pub fn figure(chart: &Chart) -> String {
    if chart.series.iter().all(|s| s.points.is_empty()) {
        return String::new();
    }
    format!("<figure class=\"chart\">{}</figure>", chart.svg())
}
