//! A small Markdown renderer for briefings: headings, paragraphs, bullet lists, bold and
//! italic markers removed. Enough for the scenario's briefing files.

use bevy_egui::egui;

/// One block of a Markdown text.
#[derive(Debug, PartialEq)]
pub enum Block {
    /// `#`, `##`, `###` headings, with their level.
    Heading(usize, String),
    /// A paragraph.
    Paragraph(String),
    /// A bullet item.
    Bullet(String),
}

/// Splits Markdown into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(clean(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(rest) = trimmed.strip_prefix('#') {
            flush(&mut paragraph, &mut blocks);
            let level = 1 + rest.chars().take_while(|c| *c == '#').count();
            blocks.push(Block::Heading(
                level,
                clean(rest.trim_start_matches('#').trim()),
            ));
        } else if let Some(rest) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Bullet(clean(rest)));
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

fn clean(text: &str) -> String {
    text.replace("**", "")
        .replace("__", "")
        .replace(['`', '*'], "")
}

/// Shows Markdown in a Ui.
pub fn show(ui: &mut egui::Ui, text: &str) {
    for block in parse(text) {
        match block {
            Block::Heading(level, title) => {
                ui.add_space(if level == 1 { 6.0 } else { 4.0 });
                let size = match level {
                    1 => 24.0,
                    2 => 19.0,
                    _ => 16.0,
                };
                ui.label(egui::RichText::new(title).size(size).strong());
            }
            Block::Paragraph(p) => {
                ui.label(p);
                ui.add_space(4.0);
            }
            Block::Bullet(b) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label("•");
                    ui.label(b);
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headings_paragraphs_and_bullets() {
        let blocks = parse("# Title\n\nOne **bold**\n*line*.\n\n- a\n- b\n## Sub\ntext");
        assert_eq!(
            blocks,
            vec![
                Block::Heading(1, "Title".into()),
                Block::Paragraph("One bold line.".into()),
                Block::Bullet("a".into()),
                Block::Bullet("b".into()),
                Block::Heading(2, "Sub".into()),
                Block::Paragraph("text".into()),
            ]
        );
    }
}
