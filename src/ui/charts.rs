//! Indicator charts over the turns, shared by the charts tab and the game-over screen.

use bevy_egui::egui;
use demarche_sim::report::Metric;
use demarche_sim::scenario::Indicator;
use demarche_sim::{Scenario, Side};

use crate::theme;

/// One line of a chart.
pub struct Line {
    /// Legend name.
    pub name: String,
    /// The number drawn.
    pub metric: Metric,
    /// Its colour.
    pub color: egui::Color32,
}

/// A chart: title and lines.
pub type Chart = (String, Vec<Line>);

/// One line per side for an indicator, in the sides' colours.
fn both_sides(scn: &Scenario, indicator: Indicator) -> Vec<Line> {
    Side::BOTH
        .iter()
        .map(|s| {
            let actor = scn.actor_of(*s);
            Line {
                name: scn.actor(actor).name.clone(),
                metric: Metric::Actor(actor, indicator),
                color: theme::egui(scn.actor(actor).color),
            }
        })
        .collect()
}

/// The standard charts: approval, economy, tension (with the viewer's belief, if any), trade.
pub fn standard(scn: &Scenario, viewer: Option<Side>) -> Vec<Chart> {
    let mut tension = vec![Line {
        name: "tension".into(),
        metric: Metric::Tension,
        color: theme::ACCENT,
    }];
    if let Some(viewer) = viewer {
        tension.push(Line {
            name: "our belief in their resolve ×100".into(),
            metric: Metric::Belief(viewer),
            color: egui::Color32::from_rgb(204, 121, 167),
        });
    }
    vec![
        ("Approval".to_owned(), both_sides(scn, Indicator::Approval)),
        ("Economy".to_owned(), both_sides(scn, Indicator::Economy)),
        ("Tension".to_owned(), tension),
        (
            format!("Trade ({} a year)", scn.meta.currency.billions()),
            vec![Line {
                name: "trade".into(),
                metric: Metric::Trade,
                color: theme::GOOD,
            }],
        ),
    ]
}

/// A number's values over the turns so far, as someone may see them (a side's view, or the
/// whole game once it is over).
pub type Series<'a> = &'a dyn Fn(Metric) -> Vec<[f64; 2]>;

/// Draws one chart of the game so far.
pub fn draw(ui: &mut egui::Ui, series: Series, id: &str, chart: &Chart, height: f32) {
    draw_compared(ui, series, None, id, chart, height);
}

/// Draws one chart; with `other` (a name and its series: a branch's trunk), each line is drawn
/// twice, this game's solid and the other's dashed.
pub fn draw_compared(
    ui: &mut egui::Ui,
    series: Series,
    other: Option<(&str, Series)>,
    id: &str,
    chart: &Chart,
    height: f32,
) {
    ui.label(egui::RichText::new(chart.0.as_str()).strong());
    egui_plot::Plot::new(id.to_owned())
        .height(height)
        .legend(egui_plot::Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("turn")
        .show(ui, |plot| {
            for line in &chart.1 {
                plot.line(
                    egui_plot::Line::new(line.name.clone(), series(line.metric))
                        .color(line.color)
                        .width(2.0),
                );
                if let Some((name, other)) = &other {
                    plot.line(
                        egui_plot::Line::new(format!("{} ({name})", line.name), other(line.metric))
                            .color(line.color.gamma_multiply(0.8))
                            .style(egui_plot::LineStyle::dashed_loose())
                            .width(1.6),
                    );
                }
            }
        });
}
