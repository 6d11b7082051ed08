//! What can go wrong when a figure is made.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FigureError {
    #[error("the dataset {0} has no built-in map; a map figure needs the 2020 or 2024 municipality borders")]
    NoMap(String),
    #[error("the map could not be read: {0}")]
    BadMap(String),
    #[error(
        "unknown measure {0:?}: use request, per1000, difference, expected_ratio, county_deviation or a column of the dataset"
    )]
    UnknownMeasure(String),
    #[error("the dataset {0} holds no request with decisions to learn the expected decisions from")]
    NoRecord(String),
    #[error("the scenario has no reference column, so there is no difference to show")]
    NoReference,
    #[error(
        "the scenario holds no county recommendations (a plan opened from the county round does), so there is no deviation to show"
    )]
    NoRecommendations,
    #[error("a waterfall needs a municipality: give --code with its number or name")]
    NeedsCode,
    #[error("no municipality with number or name {code:?} in the dataset {dataset}")]
    UnknownCode { code: String, dataset: String },
    #[error("{name} {value} is outside {min}–{max} pixels")]
    Size { name: &'static str, value: u32, min: u32, max: u32 },
    #[error("{0}: a figure is written as .svg or .png")]
    Format(String),
    #[error("nothing to draw: no municipality is asked")]
    Empty,
    #[error("drawing failed: {0}")]
    Draw(String),
    #[error("PNG encoding failed: {0}")]
    Png(String),
    #[error("could not write {path}: {cause}")]
    Write { path: String, cause: String },
}

/// A plotters error as a figure error.
pub(super) fn draw<E: std::fmt::Debug>(e: E) -> FigureError {
    FigureError::Draw(format!("{e:?}"))
}
