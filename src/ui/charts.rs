//! The window's charts: the shared chart model ([`demarche_cli::chart`], the same charts the
//! debrief pack and the classroom host print) drawn with egui_plot, for the charts tab and the
//! game-over screen.

use bevy_egui::egui;
use demarche_cli::chart::{self, Chart, Values};
use demarche_sim::{Scenario, Side};

/// The standard charts of a game as a viewer sees it (a side's view, or the whole game).
pub fn standard(scn: &Scenario, viewer: Option<Side>, values: Values) -> Vec<Chart> {
    chart::standard(scn, viewer, values)
}

/// Draws one chart.
pub fn draw(ui: &mut egui::Ui, id: &str, chart: &Chart, height: f32) {
    draw_compared(ui, id, chart, None, height);
}

/// Draws one chart; with `other` (a name and the same chart of another game: a branch's
/// parent), each of its lines is drawn again, dashed and a little fainter.
pub fn draw_compared(
    ui: &mut egui::Ui,
    id: &str,
    chart: &Chart,
    other: Option<(&str, &Chart)>,
    height: f32,
) {
    ui.label(egui::RichText::new(chart.title.as_str()).strong());
    egui_plot::Plot::new(id.to_owned())
        .height(height)
        .legend(egui_plot::Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label(chart.x_label.clone())
        .y_axis_label(chart.unit.clone())
        .show(ui, |plot| {
            for (i, series) in chart.series.iter().enumerate() {
                let colour = colour(i, series);
                plot.line(
                    egui_plot::Line::new(series.label.clone(), finite(&series.points))
                        .color(colour)
                        .width(2.0),
                );
                let Some((name, other)) = other else {
                    continue;
                };
                if let Some(theirs) = other.series.get(i) {
                    plot.line(
                        egui_plot::Line::new(
                            format!("{} ({name})", theirs.label),
                            finite(&theirs.points),
                        )
                        .color(colour.gamma_multiply(0.8))
                        .style(egui_plot::LineStyle::dashed_loose())
                        .width(1.6),
                    );
                }
            }
        });
}

/// A series' colour as the model gives it.
fn colour(index: usize, series: &chart::Series) -> egui::Color32 {
    let [r, g, b] = chart::rgb(index, series);
    egui::Color32::from_rgb(r, g, b)
}

/// The points egui_plot can draw (a non-finite value is a gap in the model; here it is left out).
fn finite(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    points
        .iter()
        .copied()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .collect()
}
