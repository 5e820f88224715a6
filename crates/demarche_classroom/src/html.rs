//! HTML helpers: escaping, the page frame, Markdown (with tables; raw HTML in it is shown as
//! text), and QR codes as SVG.

use pulldown_cmark::{Event, Options, Parser, html};

/// Text escaped for HTML content and attribute values (the chart model's escaping, so every
/// page and printed chart escapes alike).
pub fn esc(text: &str) -> String {
    demarche_cli::chart::escape(text)
}

/// JSON for a `<script type="application/json">` block (no `<` that could close it).
pub fn json_block(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
}

/// A whole page: `live` is `teacher`, `team` or empty (no live updates).
pub fn page(title: &str, live: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>\
<body data-live=\"{live}\"><header><h1>{title}</h1><p id=\"status\" role=\"status\" aria-live=\"polite\"></p></header>\
<main>{body}</main><script src=\"/static/app.js\"></script></body></html>",
        title = esc(title),
        live = esc(live),
    )
}

/// Markdown rendered to HTML with tables; raw HTML in the text is escaped, not passed on.
pub fn markdown(text: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let parser = Parser::new_ext(text, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

/// A QR code of `text` as an SVG element (empty when the text is too long for one).
pub fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_has_tables_and_no_raw_html() {
        let out = markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x</script>");
        assert!(out.contains("<table>"), "{out}");
        assert!(!out.contains("<script>"), "{out}");
        assert_eq!(esc("<a href=\"x\">"), "&lt;a href=&quot;x&quot;&gt;");
        assert!(qr_svg("http://127.0.0.1:8080/join").contains("<svg"));
        assert!(json_block(&"</script>").contains("\\u003c/script>"));
    }
}
