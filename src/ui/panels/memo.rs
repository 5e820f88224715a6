//! The memo beside the orders panel's drafts: a "Why these orders?" box for the turn and a small
//! field per drafted order. What is typed goes to the session's draft (as intents) and is handed
//! to the game with the orders when the side ends its turn; once the turn resolved, its report's
//! memo is shown instead.

use bevy_egui::egui;
use demarche_sim::Side;

use crate::session::{Intent, PanelOrders, Session};
use crate::theme;
use crate::ui::format;

/// The hint in the turn's memo box while it is empty.
pub const NOTE_HINT: &str = "Why these orders?";

/// The hint in an order's memo field while it is empty.
pub const ORDER_HINT: &str = "why this order?";

/// The field for the memo of the drafted order at `index`.
pub(crate) fn order_field(
    ui: &mut egui::Ui,
    session: &Session,
    viewer: Side,
    index: usize,
    planning: bool,
    out: &mut Vec<Intent>,
) {
    let mut text = session.memos[viewer.index()].order_text(index).to_owned();
    let field = ui
        .add_enabled(
            planning,
            egui::TextEdit::singleline(&mut text)
                .id_salt(("order_memo", viewer.index(), index))
                .hint_text(egui::RichText::new(ORDER_HINT).small())
                .font(egui::TextStyle::Small)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(
            "A line on why you give this order: it is kept in the turn's report and the debrief.",
        );
    if field.changed() {
        out.push(Intent::SetOrderMemo(viewer, index, text));
    }
}

/// The turn's memo: the box to write it while planning, or the resolved turn's memo from its
/// report.
pub(crate) fn note(
    ui: &mut egui::Ui,
    session: &Session,
    viewer: Side,
    shown: &PanelOrders,
    planning: bool,
    out: &mut Vec<Intent>,
) {
    if shown.resolved {
        let memo = session
            .game
            .last_report()
            .map(|r| r.memos[viewer.index()].clone())
            .unwrap_or_default();
        if let Some(note) = &memo.note {
            ui.add(egui::Label::new(egui::RichText::new(format!("Memo: {note}")).italics()).wrap());
        }
        for order in &memo.orders {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!(
                        "• {}: {}",
                        format::raw_order(session.scenario(), &order.order),
                        order.text
                    ))
                    .small()
                    .italics(),
                )
                .wrap(),
            );
        }
        return;
    }
    let required = session.class.require_memo && session.is_human(viewer);
    let mut text = session.memos[viewer.index()].note.clone();
    let hint = if required {
        format!("{NOTE_HINT} (required before End turn)")
    } else {
        NOTE_HINT.to_owned()
    };
    let field = ui
        .add_enabled(
            planning,
            egui::TextEdit::multiline(&mut text)
                .id_salt(("turn_memo", viewer.index()))
                .hint_text(hint)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text("Your memo for this turn: why these orders, what you expect the other side to do. It stays in the report and the debrief; the other side reads it only when the game is over.");
    if field.changed() {
        out.push(Intent::SetMemoNote(viewer, text));
    }
    if required && !session.memos[viewer.index()].has_note() {
        ui.label(
            egui::RichText::new("The class requires a memo before End turn.")
                .small()
                .color(theme::ACCENT),
        );
    }
}
