//! Figures made for print, drawn from the plan's data (never from the screen): the map, county totals, the
//! largest requests, the concentration curve and one municipality's waterfall, in SVG or PNG, in bokmål or
//! English. The CLI (`bosetting figure`), the planner (File → Export figure) and the briefing report call the
//! same functions, so a figure looks the same wherever it is made.
//!
//! Every figure has a light background, a title, a subtitle (scenario, dataset, target, date), a legend,
//! axis labels with units and a source line; the map carries Kartverket's credit, which its licence requires.
//! Text is set in a font compiled into the program, so no installed font is needed.

mod bars;
mod canvas;
mod concentration;
mod error;
mod glyphs;
mod hatch;
mod map;
mod measure;
mod texts;

use std::path::Path;

use canvas::Surface;
use plotters::coord::Shift;
use plotters::prelude::*;

pub use error::FigureError;
pub use measure::{
    MapMeasure, MeasureValues, RowStatus, STATUS_CLASSES, Values, follow_up_row_status, measure_values, status_classes,
    value_format,
};

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

/// What a figure shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Municipalities coloured by a measure (the Map tab's geometry and classes).
    Map,
    /// Each county's total beside the reference.
    Counties,
    /// The largest requests.
    Top,
    /// The concentration curve with its Gini coefficient.
    Concentration,
    /// One municipality's request, step by step.
    Waterfall,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Map, Kind::Counties, Kind::Top, Kind::Concentration, Kind::Waterfall];

    /// The name on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Map => "map",
            Kind::Counties => "counties",
            Kind::Top => "top",
            Kind::Concentration => "concentration",
            Kind::Waterfall => "waterfall",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The file formats a figure is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    Svg,
    Png,
}

impl FigureFormat {
    /// From the file name's extension (`.svg`, `.png`, any case).
    pub fn from_path(path: &Path) -> Option<FigureFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(FigureFormat::Svg),
            "png" => Some(FigureFormat::Png),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FigureFormat::Svg => "svg",
            FigureFormat::Png => "png",
        }
    }
}

/// What to draw and how large.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureSpec {
    pub kind: Kind,
    /// The map's measure (request by default).
    pub measure: MapMeasure,
    /// The municipality of a waterfall: number or exact name.
    pub code: Option<String>,
    pub lang: Lang,
    /// Pixels (SVG: user units).
    pub width: u32,
    pub height: u32,
    /// Text and spacing relative to the figure's size: 1 for a figure on its own, more when it is printed
    /// small (the briefing's half-page map), so its legend stays readable.
    pub text_scale: f64,
}

impl FigureSpec {
    /// The default size of each kind: the map is tall like Norway, the charts wide like a slide.
    pub fn new(kind: Kind, lang: Lang) -> FigureSpec {
        let (width, height) = match kind {
            Kind::Map => (1000, 1200),
            _ => (1400, 900),
        };
        FigureSpec { kind, measure: MapMeasure::Request, code: None, lang, width, height, text_scale: 1.0 }
    }
}

/// The plan a figure is drawn from.
#[derive(Clone, Copy)]
pub struct Plan<'a> {
    pub dataset: &'a Dataset,
    pub scenario: &'a Scenario,
    pub allocation: &'a Allocation,
    /// The date printed in the subtitle (`YYYY-MM-DD`).
    pub date: &'a str,
}

/// Largest side accepted, in pixels: enough for a poster, small enough to never exhaust memory.
pub const MAX_SIDE: u32 = 10_000;
/// Smallest side that leaves room for the title, the legend and the source line.
pub const MIN_SIDE: u32 = 200;

fn check_size(spec: &FigureSpec) -> Result<(), FigureError> {
    for (name, v) in [("width", spec.width), ("height", spec.height)] {
        if !(MIN_SIDE..=MAX_SIDE).contains(&v) {
            return Err(FigureError::Size { name, value: v, min: MIN_SIDE, max: MAX_SIDE });
        }
    }
    Ok(())
}

/// The figure as SVG text.
pub fn render_svg(plan: &Plan, spec: &FigureSpec) -> Result<String, FigureError> {
    check_size(spec)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (spec.width, spec.height)).into_drawing_area();
        draw(&root, plan, spec)?;
        root.present().map_err(error::draw)?;
    }
    Ok(xml_chars_only(out))
}

/// The SVG with every character XML 1.0 does not allow (controls other than tab and line breaks, U+FFFE,
/// U+FFFF), which a scenario or municipality name may hold, replaced by U+FFFD: the file stays well-formed.
fn xml_chars_only(svg: String) -> String {
    let allowed =
        |c: char| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if svg.chars().all(allowed) {
        return svg;
    }
    svg.chars().map(|c| if allowed(c) { c } else { '\u{fffd}' }).collect()
}

/// The figure as 8-bit RGB pixels, row by row (`width * height * 3` bytes).
pub fn render_rgb(plan: &Plan, spec: &FigureSpec) -> Result<Vec<u8>, FigureError> {
    check_size(spec)?;
    let mut buffer = vec![255u8; spec.width as usize * spec.height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, (spec.width, spec.height)).into_drawing_area();
        draw(&root, plan, spec)?;
        root.present().map_err(error::draw)?;
    }
    Ok(buffer)
}

/// The figure as a PNG file's bytes.
pub fn render_png(plan: &Plan, spec: &FigureSpec) -> Result<Vec<u8>, FigureError> {
    let rgb = render_rgb(plan, spec)?;
    encode_png(&rgb, spec.width, spec.height)
}

/// RGB pixels as PNG bytes.
pub fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, FigureError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let png_error = |e: png::EncodingError| FigureError::Png(e.to_string());
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(rgb).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}

/// Renders in the format of the file's extension and writes it atomically (a failed write leaves no file).
pub fn write_figure(path: &Path, plan: &Plan, spec: &FigureSpec) -> Result<(), FigureError> {
    let bytes = render_for(path, plan, spec)?;
    crate::fileio::write_atomic(path, &bytes)
        .map_err(|e| FigureError::Write { path: path.display().to_string(), cause: e.to_string() })
}

/// The figure's bytes in the format `path`'s extension names (.svg or .png).
pub fn render_for(path: &Path, plan: &Plan, spec: &FigureSpec) -> Result<Vec<u8>, FigureError> {
    let format = FigureFormat::from_path(path).ok_or_else(|| FigureError::Format(path.display().to_string()))?;
    Ok(match format {
        FigureFormat::Svg => render_svg(plan, spec)?.into_bytes(),
        FigureFormat::Png => render_png(plan, spec)?,
    })
}

fn draw<DB: Surface>(root: &DrawingArea<DB, Shift>, plan: &Plan, spec: &FigureSpec) -> Result<(), FigureError> {
    canvas::ensure_font();
    match spec.kind {
        Kind::Map => map::draw(root, plan, spec),
        Kind::Counties => bars::counties(root, plan, spec),
        Kind::Top => bars::top(root, plan, spec),
        Kind::Concentration => concentration::draw(root, plan, spec),
        Kind::Waterfall => bars::waterfall(root, plan, spec),
    }
}

#[cfg(test)]
mod tests;
