//! Page layout for the briefing: text, boxes, lines and images placed on A4 pages as a list of drawing
//! operations, with wrapping, tables that break across pages (repeating their header), and a footer.
//! Measuring uses the embedded font's own glyph advances, so what is laid out is what the PDF shows.

use ab_glyph::{Font, FontRef};

/// A4 in PDF points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 48.0;
/// How far a heading reaches down the page: space above, the 13-point line, the rule and the space below.
pub const HEADING_HEIGHT: f32 = 38.0;
const FOOTER_ROOM: f32 = 28.0;

pub type Rgb = [u8; 3];
pub const TEXT: Rgb = [0x22, 0x22, 0x22];
pub const MUTED: Rgb = [0x5f, 0x5f, 0x5f];
pub const RULE: Rgb = [0xcc, 0xcc, 0xcc];
pub const SHADE: Rgb = [0xf1, 0xf4, 0xf7];
pub const ACCENT: Rgb = [0x21, 0x66, 0xac];

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        colour: Rgb,
        bold: bool,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: Rgb,
    },
    Line {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        width: f32,
        colour: Rgb,
    },
    /// RGB pixels drawn into the box.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        pixels: usize,
    },
}

/// An RGB picture placed by `Op::Image` (by index).
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub rgb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: header, share of the width, alignment.
#[derive(Debug, Clone)]
pub struct Col {
    pub header: String,
    pub width: f32,
    pub align: Align,
}

pub struct Layout {
    font: FontRef<'static>,
    pub pages: Vec<Vec<Op>>,
    pub pictures: Vec<Picture>,
    /// The cursor: the top of the next block on the current page.
    pub y: f32,
    footer: String,
}

impl Layout {
    pub fn new(footer: String) -> Layout {
        // The font is compiled in; it parses or the build is broken.
        let font = FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).expect("embedded font");
        Layout { font, pages: vec![Vec::new()], pictures: Vec::new(), y: MARGIN, footer }
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text_width(&self.font, text, size)
    }

    pub fn content_width() -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN - FOOTER_ROOM {
            self.new_page();
        }
    }

    pub fn text_at(&mut self, x: f32, baseline: f32, size: f32, text: &str, colour: Rgb, bold: bool) {
        if !text.is_empty() {
            self.ops().push(Op::Text { x, y: baseline, size, text: text.to_owned(), colour, bold });
        }
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
        self.ops().push(Op::Rect { x, y, w, h, colour });
    }

    pub fn line(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, width: f32, colour: Rgb) {
        self.ops().push(Op::Line { x0, y0, x1, y1, width, colour });
    }

    pub fn image(&mut self, x: f32, y: f32, w: f32, h: f32, picture: Picture) {
        self.pictures.push(picture);
        let pixels = self.pictures.len() - 1;
        self.ops().push(Op::Image { x, y, w, h, pixels });
    }

    /// Lines of at most `max` points, broken between words.
    pub fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for paragraph in text.split('\n') {
            let mut current = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
                if self.width(&candidate, size) > max && !current.is_empty() {
                    lines.push(std::mem::replace(&mut current, word.to_owned()));
                } else {
                    current = candidate;
                }
            }
            lines.push(current);
        }
        lines
    }

    /// The text cut with "…" to fit in `max` points.
    pub fn fit(&self, text: &str, size: f32, max: f32) -> String {
        if self.width(text, size) <= max {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        (1..chars.len())
            .rev()
            .map(|keep| chars[..keep].iter().collect::<String>() + "…")
            .find(|t| self.width(t, size) <= max)
            .unwrap_or_else(|| "…".to_owned())
    }

    /// A section heading: HEADING_HEIGHT points of space, rule included.
    pub fn heading(&mut self, text: &str) {
        self.ensure(60.0);
        self.y += 10.0;
        self.text_at(MARGIN, self.y + 13.0, 13.0, text, ACCENT, true);
        self.y += 20.0;
        self.line(MARGIN, self.y, PAGE_WIDTH - MARGIN, self.y, 0.6, RULE);
        self.y += 8.0;
    }

    /// A wrapped paragraph across the content width.
    pub fn paragraph(&mut self, text: &str, size: f32, colour: Rgb) {
        let leading = size * 1.35;
        for line in self.wrap(text, size, Self::content_width()) {
            self.ensure(leading);
            self.text_at(MARGIN, self.y + size, size, &line, colour, false);
            self.y += leading;
        }
        self.y += size * 0.4;
    }

    /// A bulleted list.
    pub fn bullets(&mut self, items: &[String], size: f32) {
        let indent = 12.0;
        let leading = size * 1.35;
        for item in items {
            for (k, line) in self.wrap(item, size, Self::content_width() - indent).into_iter().enumerate() {
                self.ensure(leading);
                if k == 0 {
                    self.text_at(MARGIN + 2.0, self.y + size, size, "•", MUTED, false);
                }
                self.text_at(MARGIN + indent, self.y + size, size, &line, TEXT, false);
                self.y += leading;
            }
        }
        self.y += size * 0.4;
    }

    /// How tall a table of `rows` rows (and its header) is at `size`.
    pub fn table_height(rows: usize, size: f32) -> f32 {
        size * 1.6 * (rows + 1) as f32 + size
    }

    /// A table of `rows` in `columns` starting at `x` and `width` wide; breaks across pages, repeating the header.
    pub fn table(&mut self, x: f32, width: f32, columns: &[Col], rows: &[Vec<String>], size: f32) {
        self.table_rows(x, width, columns, rows, size, false);
    }

    /// A table whose last row is its totals: set in bold under a stronger rule.
    pub fn table_with_total(&mut self, x: f32, width: f32, columns: &[Col], rows: &[Vec<String>], size: f32) {
        self.table_rows(x, width, columns, rows, size, true);
    }

    fn table_rows(&mut self, x: f32, width: f32, columns: &[Col], rows: &[Vec<String>], size: f32, total_last: bool) {
        let row_height = size * 1.6;
        let total: f32 = columns.iter().map(|c| c.width).sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = columns.iter().map(|c| c.width / total * width).collect();
        let header = |me: &mut Layout| {
            me.rect(x, me.y, width, row_height, SHADE);
            me.cells(x, &widths, columns, &columns.iter().map(|c| c.header.clone()).collect::<Vec<_>>(), size, true);
            me.y += row_height;
        };
        self.ensure(row_height * 3.0);
        header(self);
        for (k, row) in rows.iter().enumerate() {
            if self.y + row_height > PAGE_HEIGHT - MARGIN - FOOTER_ROOM {
                self.new_page();
                header(self);
            }
            let is_total = total_last && k + 1 == rows.len();
            if is_total {
                self.line(x, self.y, x + width, self.y, 0.9, TEXT);
            }
            self.cells(x, &widths, columns, row, size, is_total);
            self.y += row_height;
            self.line(x, self.y, x + width, self.y, 0.3, RULE);
        }
        self.y += size;
    }

    fn cells(&mut self, x: f32, widths: &[f32], columns: &[Col], values: &[String], size: f32, bold: bool) {
        let pad = 3.0;
        let baseline = self.y + size * 1.15;
        let mut cx = x;
        for ((value, w), col) in values.iter().zip(widths).zip(columns) {
            let text = self.fit(value, size, w - 2.0 * pad);
            let tx = match col.align {
                Align::Left => cx + pad,
                Align::Right => cx + w - pad - self.width(&text, size),
            };
            self.text_at(tx, baseline, size, &text, TEXT, bold);
            cx += w;
        }
    }

    /// Footer with page numbers on every page ("Side 2 av 5").
    pub fn finish(mut self, page_word: &str, of_word: &str) -> (Vec<Vec<Op>>, Vec<Picture>) {
        let count = self.pages.len();
        let footer = std::mem::take(&mut self.footer);
        for (i, page) in self.pages.iter_mut().enumerate() {
            let y = PAGE_HEIGHT - MARGIN + 14.0;
            page.push(Op::Line {
                x0: MARGIN,
                y0: y - 12.0,
                x1: PAGE_WIDTH - MARGIN,
                y1: y - 12.0,
                width: 0.4,
                colour: RULE,
            });
            page.push(Op::Text { x: MARGIN, y, size: 7.5, text: footer.clone(), colour: MUTED, bold: false });
            let number = format!("{page_word} {} {of_word} {count}", i + 1);
            let w = text_width(&self.font, &number, 7.5);
            page.push(Op::Text { x: PAGE_WIDTH - MARGIN - w, y, size: 7.5, text: number, colour: MUTED, bold: false });
        }
        (self.pages, self.pictures)
    }
}

/// The width of `text` set at `size` points. PDF font sizes are em sizes; ab_glyph's own scale is the
/// ascent-to-descent height, which would measure every line too short.
fn text_width(font: &FontRef<'static>, text: &str, size: f32) -> f32 {
    let per_unit = size / font.units_per_em().unwrap_or(1000.0);
    text.chars().map(|c| font.h_advance_unscaled(font.glyph_id(c)) * per_unit).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_tables_break_across_pages_and_repeat_the_header() {
        let mut l = Layout::new("footer".into());
        let cols = vec![Col { header: "Kommune".into(), width: 1.0, align: Align::Left }];
        let rows: Vec<Vec<String>> = (0..200).map(|i| vec![format!("row {i}")]).collect();
        l.table(MARGIN, 300.0, &cols, &rows, 8.0);
        let (pages, _) = l.finish("Side", "av");
        assert!(pages.len() >= 3, "{}", pages.len());
        for page in &pages {
            let headers = page.iter().filter(|op| matches!(op, Op::Text { text, .. } if text == "Kommune")).count();
            assert_eq!(headers, 1);
            assert!(page.iter().any(|op| matches!(op, Op::Text { text, .. } if text.starts_with("Side "))));
        }
        let all: usize = pages
            .iter()
            .map(|p| p.iter().filter(|op| matches!(op, Op::Text { text, .. } if text.starts_with("row "))).count())
            .sum();
        assert_eq!(all, 200, "every row once");
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let l = Layout::new(String::new());
        let text = "Kommuner med færre enn 1 000 innbyggere anmodes ikke om å bosette flyktninger i denne planen";
        let lines = l.wrap(text, 10.0, 120.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|line| l.width(line, 10.0) <= 120.0 || !line.contains(' ')));
        assert_eq!(lines.join(" "), text);
        assert!(l.width(&l.fit("Nordre Land kommune i Innlandet", 10.0, 60.0), 10.0) <= 60.0);
    }
}
