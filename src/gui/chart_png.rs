//! The central area saved as a PNG: the next frame is captured, cropped to the area, and written atomically.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::{ColorImage, Rect};

/// A capture on its way: the answer arrives after the next frame has been drawn.
pub struct PendingChart {
    pub path: PathBuf,
    pub rx: Receiver<Result<(), String>>,
}

/// Asks for a screenshot of the next frame; its `rect` (in points) is written to `path` as a PNG.
pub fn request(ctx: &egui::Context, rect: Rect, path: &Path) -> PendingChart {
    let (tx, rx) = channel();
    let ppp = ctx.pixels_per_point();
    let target = path.to_path_buf();
    let repaint = ctx.clone();
    ctx.request_screenshot(move |image| {
        let written = crop_png(&image, rect, ppp)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::fileio::write_atomic(&target, &bytes).map_err(|e| e.to_string()));
        // The window may be gone already; then nobody needs the answer.
        let _ = tx.send(written);
        repaint.request_repaint();
    });
    PendingChart { path: path.to_path_buf(), rx }
}

/// The part of `image` under `rect` (points, scaled by `ppp`) as PNG bytes; a rect reaching outside the image
/// is cut to it.
pub fn crop_png(image: &ColorImage, rect: Rect, ppp: f32) -> Result<Vec<u8>, png::EncodingError> {
    let [w, h] = image.size;
    let clamp = |v: f32, max: usize| ((v * ppp).round().max(0.0) as usize).min(max);
    let (x0, x1) = (clamp(rect.min.x, w), clamp(rect.max.x, w));
    let (y0, y1) = (clamp(rect.min.y, h), clamp(rect.max.y, h));
    let (cw, ch) = (x1.saturating_sub(x0).max(1).min(w), y1.saturating_sub(y0).max(1).min(h));
    let (x0, y0) = (x0.min(w - cw), y0.min(h - ch));
    let mut rgba = Vec::with_capacity(cw * ch * 4);
    for y in y0..y0 + ch {
        for px in &image.pixels[y * w + x0..y * w + x0 + cw] {
            rgba.extend_from_slice(&px.to_srgba_unmultiplied());
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, cw as u32, ch as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgba)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_to_the_rect_and_stays_inside_the_image() {
        let mut image = ColorImage::filled([10, 8], egui::Color32::WHITE);
        image.pixels[3 * 10 + 2] = egui::Color32::RED;
        let bytes = crop_png(&image, Rect::from_min_max(egui::pos2(1.0, 1.5), egui::pos2(3.0, 3.5)), 2.0).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (4, 4));
        let outside = crop_png(&image, Rect::from_min_max(egui::pos2(-5.0, -5.0), egui::pos2(50.0, 50.0)), 1.0);
        assert!(outside.is_ok());
    }
}
