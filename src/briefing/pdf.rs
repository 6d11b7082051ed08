//! The laid-out pages written as PDF with krilla: the font is subset and embedded, the pictures are
//! embedded as images, and the document carries its title and language.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

use super::BriefingError;
use super::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Picture, Rgb};

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c[0], c[1], c[2]).into()
}

fn fill(c: Rgb) -> Fill {
    Fill { paint: paint(c), ..Fill::default() }
}

/// RGB pixels as RGBA for krilla.
fn rgba(p: &Picture) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.rgb.len() / 3 * 4);
    for px in p.rgb.chunks_exact(3) {
        out.extend_from_slice(&[px[0], px[1], px[2], 255]);
    }
    out
}

pub fn write_pdf(
    pages: &[Vec<Op>],
    pictures: &[Picture],
    title: &str,
    language: &str,
) -> Result<Vec<u8>, BriefingError> {
    let font_data: Data = epaint_default_fonts::UBUNTU_LIGHT.into();
    let font = Font::new(font_data, 0).ok_or_else(|| BriefingError::Pdf("the embedded font cannot be read".into()))?;
    let images: Vec<Image> = pictures.iter().map(|p| Image::from_rgba8(rgba(p), p.width, p.height)).collect();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.to_owned()).language(language.to_owned()).creator("bosetting".into()),
    );
    let settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| BriefingError::Pdf("page size".into()))?;
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text { x, y, size, text, colour, bold } => {
                    surface.set_fill(Some(fill(*colour)));
                    // Bold: the same glyphs filled and thinly stroked (the embedded family has one weight).
                    let stroke =
                        bold.then(|| Stroke { paint: paint(*colour), width: size * 0.045, ..Stroke::default() });
                    surface.set_stroke(stroke);
                    surface.draw_text(Point::from_xy(*x, *y), font.clone(), *size, text, false, TextDirection::Auto);
                    surface.set_stroke(None);
                }
                Op::Rect { x, y, w, h, colour } => {
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        let mut pb = PathBuilder::new();
                        pb.push_rect(rect);
                        if let Some(path) = pb.finish() {
                            surface.set_fill(Some(fill(*colour)));
                            surface.draw_path(&path);
                        }
                    }
                }
                Op::Line { x0, y0, x1, y1, width, colour } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x0, *y0);
                    pb.line_to(*x1, *y1);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke { paint: paint(*colour), width: *width, ..Stroke::default() }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Op::Image { x, y, w, h, pixels } => {
                    if let (Some(image), Some(size)) = (images.get(*pixels), Size::from_wh(*w, *h)) {
                        surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                        surface.draw_image(image.clone(), size);
                        surface.pop();
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| BriefingError::Pdf(format!("{e:?}")))
}
