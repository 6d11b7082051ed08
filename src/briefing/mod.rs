//! The briefing report: a print-ready A4 PDF for a director or the Ministry. Key figures, the map, county
//! totals beside the reference, the largest requests, the rules and weights in words, the scenario's notes,
//! the data sources with years and licences, and an appendix of every municipality asked. Numbers are
//! written the Norwegian way in bokmål; the font is embedded, so the file looks the same everywhere.
//!
//! Pure: the planner (File → Export briefing…) and the CLI (`bosetting report`) call [`briefing_pdf`].

mod expected;
mod layout;
mod pdf;
mod sections;
mod texts;
mod year_section;

pub use layout::{Op, Picture};

use crate::analysis::{Baseline, CompareError, Comparison, compare};
use crate::board::Board;
use crate::engine::Allocation;
use crate::figure::{FigureError, Plan};
use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BriefingError {
    #[error("the map could not be drawn: {0}")]
    Figure(#[from] FigureError),
    #[error("the reference cannot be compared: {0}")]
    Compare(#[from] CompareError),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// What the plan is set beside.
#[derive(Debug, Clone, Copy)]
pub enum Reference<'a> {
    /// A dataset column that counts people (e.g. last year's request).
    Column(&'a str),
    /// Another plan on the same dataset, by name.
    Plan { name: &'a str, allocation: &'a Allocation },
}

/// Everything the report is made from.
#[derive(Clone, Copy)]
pub struct BriefingInput<'a> {
    pub plan: Plan<'a>,
    /// `None`: the scenario's reference column, if it has one.
    pub reference: Option<Reference<'a>>,
    /// Other scenarios to set side by side (a section when there are two or more).
    pub board: Option<&'a Board>,
    /// The settlement year open beside the plan: its figures and timeline (a section when given).
    pub year: Option<&'a crate::year::YearStatus>,
    pub lang: Lang,
}

/// The reference used and its comparison, if any.
pub(crate) struct Compared {
    pub label: String,
    pub comparison: Comparison,
}

fn resolve_reference(input: &BriefingInput) -> Result<Option<Compared>, BriefingError> {
    let plan = input.plan;
    let lang = input.lang;
    let reference = input.reference.or_else(|| plan.scenario.reference_column.as_deref().map(Reference::Column));
    let Some(reference) = reference else { return Ok(None) };
    let (label, baseline) = match reference {
        Reference::Column(id) => {
            let label = crate::export::column_label(plan.dataset, id, lang);
            (label, Baseline::Column(id))
        }
        Reference::Plan { name, allocation } => (name.to_owned(), Baseline::Allocation(allocation)),
    };
    let comparison = compare(plan.dataset, plan.allocation, baseline)?;
    Ok(Some(Compared { label, comparison }))
}

/// The report laid out on pages (for tests and previews).
pub fn briefing_pages(input: &BriefingInput) -> Result<(Vec<Vec<Op>>, Vec<Picture>), BriefingError> {
    let compared = resolve_reference(input)?;
    sections::lay_out(input, compared.as_ref())
}

/// The report as PDF bytes.
pub fn briefing_pdf(input: &BriefingInput) -> Result<Vec<u8>, BriefingError> {
    let (pages, pictures) = briefing_pages(input)?;
    let t = texts::BriefingTexts::get(input.lang);
    let title = format!("{}: {}", t.kicker, input.plan.scenario.name);
    let language = input.lang.pick("nb-NO", "en");
    pdf::write_pdf(&pages, &pictures, &title, language)
}

/// Writes the report atomically (a failed write leaves no half-written file).
pub fn write_briefing(path: &std::path::Path, input: &BriefingInput) -> anyhow::Result<()> {
    let bytes = briefing_pdf(input)?;
    crate::fileio::write_atomic(path, &bytes).map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests;
