//! The county round's workbooks: one per county and one for all, each the template a county fills in and
//! returns. The municipalities with the model's proposal, earlier numbers, the criteria's values and a
//! one-sentence explanation; the frame with a live sum of the **Anbefaling** column against it. Only the
//! Anbefaling cells are unlocked; the rest of the sheet is protected. Codes are text; pages print with titles.

use rust_xlsxwriter::utility::{cell_range, row_col_to_cell};
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};

use super::xlsx::{Styles, number, page_titles, print_setup, sum_formula, text};
use super::{ExportError, column_label};
use crate::analysis::{explain, explain_sentences};
use crate::county_round::{Frames, Reconciled};
use crate::data::{ColumnRole, Dataset};
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

crate::texts!(RoundTexts {
    title: "Fylkesrunden", "County round";
    all: "Alle fylker", "All counties";
    sheet: "Anbefaling", "Recommendation";
    counties_sheet: "Fylker", "Counties";
    frame: "Ramme", "Frame";
    recommended_sum: "Sum av anbefalingene", "Sum of the recommendations";
    left: "Igjen til rammen", "Left to the frame";
    code: "Kommunenummer", "Code";
    name: "Kommune", "Municipality";
    county: "Fylke", "County";
    proposal: "Modellens forslag", "Model's proposal";
    value: "Anbefaling", "Recommendation";
    population: "Folketall", "Population";
    explanation: "Forklaring", "Explanation";
    total: "Sum", "Total";
    how: "Skriv fylkets anbefaling for hver kommune i kolonnen Anbefaling (0 for ingen) og send arket tilbake. Resten av arket er låst.", "Write the county's recommendation for each municipality in the Recommendation column (0 for none) and send the sheet back. The rest of the sheet is locked.";
});

/// What the workbooks show besides the plan: earlier numbers per municipality, each a dataset column.
pub struct RoundWorkbooks<'a> {
    pub dataset: &'a Dataset,
    pub scenario: &'a Scenario,
    pub allocation: &'a Allocation,
    pub frames: &'a Frames,
    /// Dataset columns shown beside the proposal (last year's request, decisions, settled), in order.
    pub earlier: Vec<String>,
    pub lang: Lang,
    pub saved_at: &'a str,
}

/// The latest column of each kind the dataset has (request, decisions, settled for a whole year), by the year
/// its role names.
pub fn latest_earlier(dataset: &Dataset) -> Vec<String> {
    let kinds: [fn(ColumnRole) -> bool; 3] = [
        |r| matches!(r, ColumnRole::Request { .. }),
        |r| matches!(r, ColumnRole::Decisions { .. }),
        |r| matches!(r, ColumnRole::Settled { partial: false, .. }),
    ];
    kinds
        .iter()
        .filter_map(|is_kind| {
            dataset
                .roles()
                .filter(|(_, role)| is_kind(*role))
                .filter_map(|(c, role)| Some((role.year()?, c.meta.id.clone())))
                .max()
                .map(|(_, id)| id)
        })
        .collect()
}

/// Rows above the table: title, how-to, frame, sum, left; the header comes after a blank row.
const HEADER_ROW: u32 = 6;

/// Every workbook: (file name, bytes), one per county in code order, then the one for all counties.
pub fn county_round_workbooks(input: &RoundWorkbooks<'_>) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let d = input.dataset;
    let sentences = explanations(input);
    let index = d.row_index();
    let t = RoundTexts::get(input.lang);
    let mut out = Vec::new();
    for (c, (code, name)) in index.counties.iter().enumerate() {
        let rows: Vec<usize> = (0..d.len()).filter(|&r| index.county_of[r] == c).collect();
        let title = format!("{} – {name}", t.title);
        let bytes = workbook(input, &title, &rows, &sentences, &[(code.clone(), name.clone())])?;
        out.push((format!("{}-{code}-{}.xlsx", slug(t.title), slug(name)), bytes));
    }
    let rows: Vec<usize> = index.by_code.iter().map(|&r| r as usize).collect();
    let title = format!("{} – {}", t.title, t.all);
    out.push((
        format!("{}-{}.xlsx", slug(t.title), slug(t.all)),
        workbook(input, &title, &rows, &sentences, &index.counties)?,
    ));
    Ok(out)
}

/// A file name part: lower case ASCII letters and digits, words joined by `-`.
fn slug(text: &str) -> String {
    let mut s = String::new();
    for ch in text.to_lowercase().chars() {
        match ch {
            'æ' => s.push_str("ae"),
            'ø' => s.push('o'),
            'å' => s.push_str("aa"),
            // The Sami and Kven letters of county names, plainly.
            'á' | 'ä' => s.push('a'),
            'č' => s.push('c'),
            'đ' => s.push('d'),
            'ŋ' => s.push('n'),
            'š' => s.push('s'),
            'ŧ' => s.push('t'),
            'ž' => s.push('z'),
            'é' => s.push('e'),
            'ö' => s.push('o'),
            c if c.is_ascii_alphanumeric() => s.push(c),
            _ if !s.ends_with('-') => s.push('-'),
            _ => {}
        }
    }
    s.trim_matches('-').to_owned()
}

/// Per row, one sentence on why the model proposes what it does: the reason it is not asked, or what its
/// largest criterion gives (from the explanation's own sentences).
fn explanations(input: &RoundWorkbooks<'_>) -> Vec<String> {
    let (d, s, a, lang) = (input.dataset, input.scenario, input.allocation, input.lang);
    (0..d.len())
        .map(|row| {
            let e = explain(d, s, a, row);
            let sentences = explain_sentences(&e, d, s, a, lang);
            let r = &a.rows[row];
            let largest = r
                .contributions
                .iter()
                .enumerate()
                .max_by(|x, y| x.1.total_cmp(y.1))
                .and_then(|(k, _)| a.weights.get(k))
                .map(|(id, _)| id.label(lang));
            let pick = if r.asked() { largest.and_then(|l| sentences.iter().find(|x| x.starts_with(l))) } else { None };
            // Not asked, or no criterion sentence: the sentence before the closing "Anmodning: N.".
            pick.or_else(|| sentences.len().checked_sub(2).and_then(|i| sentences.get(i)))
                .or(sentences.last())
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

fn workbook(
    input: &RoundWorkbooks<'_>,
    title: &str,
    rows: &[usize],
    sentences: &[String],
    counties: &[(String, String)],
) -> Result<Vec<u8>, ExportError> {
    let styles = Styles::new();
    let t = RoundTexts::get(input.lang);
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name(t.sheet)?;
    let value_col = write_sheet(ws, &styles, input, title, rows, sentences, counties)?;
    if counties.len() > 1 {
        let ws = book.add_worksheet().set_name(t.counties_sheet)?;
        write_counties(ws, &styles, input, rows.len() as u32, value_col, counties)?;
    }
    page_titles(&mut book, title, input.saved_at, input.lang);
    Ok(book.save_to_buffer()?)
}

/// The municipalities' sheet; returns the Anbefaling column.
fn write_sheet(
    ws: &mut Worksheet,
    styles: &Styles,
    input: &RoundWorkbooks<'_>,
    title: &str,
    rows: &[usize],
    sentences: &[String],
    counties: &[(String, String)],
) -> Result<u16, XlsxError> {
    let (d, a, lang) = (input.dataset, input.allocation, input.lang);
    let t = RoundTexts::get(lang);
    let unlocked = Format::new().set_unlocked().set_num_format("#,##0").set_background_color(0xFF_F2_CC);
    let frame: u64 = counties.iter().map(|(c, _)| u64::from(input.frames.of(c))).sum();
    let criteria: Vec<&str> = input
        .scenario
        .criteria
        .iter()
        .filter(|c| c.weight > 0.0)
        .filter_map(|c| c.column.as_deref())
        .filter(|id| d.column(id).is_some())
        .collect();
    let mut headers: Vec<String> =
        vec![t.code.into(), t.name.into(), t.county.into(), t.proposal.into(), t.value.into()];
    headers.extend(input.earlier.iter().map(|id| column_label(d, id, lang)));
    headers.push(t.population.into());
    headers.extend(criteria.iter().map(|id| column_label(d, id, lang)));
    headers.push(t.explanation.into());
    let value_col: u16 = 4;
    let first = HEADER_ROW + 1;
    let last = HEADER_ROW + rows.len() as u32;
    let total_row = last + 1;

    text(ws, 0, 0, title, &styles.title)?;
    text(ws, 1, 0, t.how, &styles.text)?;
    text(ws, 2, 0, t.frame, &styles.bold)?;
    number(ws, 2, 3, frame as f64, &styles.int)?;
    text(ws, 3, 0, t.recommended_sum, &styles.text)?;
    let sum = format!("=SUM({})", cell_range(first, value_col, last, value_col));
    ws.write_formula_with_format(3, 3, Formula::new(sum).set_result("0"), &styles.int)?;
    text(ws, 4, 0, t.left, &styles.text)?;
    let left = format!("={}-{}", row_col_to_cell(2, 3), row_col_to_cell(3, 3));
    ws.write_formula_with_format(4, 3, Formula::new(left).set_result(frame.to_string()), &styles.int)?;

    for (col, h) in headers.iter().enumerate() {
        text(ws, HEADER_ROW, col as u16, h, &styles.header)?;
    }
    let mut proposal_sum = 0.0;
    for (i, &row) in rows.iter().enumerate() {
        let r = first + i as u32;
        let m = &d.municipalities[row];
        text(ws, r, 0, &m.code, &styles.code)?;
        text(ws, r, 1, &d.display_name(row), &styles.text)?;
        text(ws, r, 2, &m.county_name, &styles.text)?;
        let proposal = f64::from(a.rows[row].allocation);
        proposal_sum += proposal;
        number(ws, r, 3, proposal, &styles.int)?;
        ws.write_blank(r, value_col, &unlocked)?;
        let mut col = value_col + 1;
        for id in &input.earlier {
            if let Some(v) = d.column(id).and_then(|c| c.values[row]) {
                number(ws, r, col, v, &styles.int)?;
            }
            col += 1;
        }
        number(ws, r, col, m.population, &styles.int)?;
        col += 1;
        for id in &criteria {
            if let Some(v) = d.column(id).and_then(|c| c.values[row]) {
                number(ws, r, col, v, styles.decimals(if v.fract() == 0.0 { 0 } else { 2 }))?;
            }
            col += 1;
        }
        text(ws, r, col, sentences.get(row).map_or("", String::as_str), &styles.text)?;
    }
    text(ws, total_row, 1, t.total, &styles.total_text)?;
    sum_formula(ws, total_row, 3, first..=last, proposal_sum, &styles.total_int)?;
    sum_formula(ws, total_row, value_col, first..=last, 0.0, &styles.total_int)?;
    ws.set_column_width(0, 15)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 18)?;
    for col in 3..headers.len() as u16 - 1 {
        ws.set_column_width(col, 14)?;
    }
    ws.set_column_width(headers.len() as u16 - 1, 90)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 2)?;
    print_setup(ws, Some(HEADER_ROW))?;
    ws.protect();
    Ok(value_col)
}

/// The all-counties workbook's county sheet: each frame beside a live sum of its municipalities'
/// recommendations.
fn write_counties(
    ws: &mut Worksheet,
    styles: &Styles,
    input: &RoundWorkbooks<'_>,
    count: u32,
    value_col: u16,
    counties: &[(String, String)],
) -> Result<(), XlsxError> {
    let t = RoundTexts::get(input.lang);
    let sheet = t.sheet;
    for (col, h) in [t.county, t.frame, t.recommended_sum, t.left].iter().enumerate() {
        text(ws, 0, col as u16, h, &styles.header)?;
    }
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + count);
    let names = format!("'{sheet}'!{}", cell_range(first, 2, last, 2));
    let values = format!("'{sheet}'!{}", cell_range(first, value_col, last, value_col));
    for (i, (code, name)) in counties.iter().enumerate() {
        let r = 1 + i as u32;
        text(ws, r, 0, name, &styles.text)?;
        let frame = input.frames.of(code);
        number(ws, r, 1, f64::from(frame), &styles.int)?;
        let sum = format!("=SUMIF({names},{},{values})", row_col_to_cell(r, 0));
        ws.write_formula_with_format(r, 2, Formula::new(sum).set_result("0"), &styles.int)?;
        let left = format!("={}-{}", row_col_to_cell(r, 1), row_col_to_cell(r, 2));
        ws.write_formula_with_format(r, 3, Formula::new(left).set_result(frame.to_string()), &styles.int)?;
    }
    let total = counties.len() as u32 + 1;
    text(ws, total, 0, t.total, &styles.total_text)?;
    sum_formula(ws, total, 1, 1..=total - 1, input.frames.total() as f64, &styles.total_int)?;
    ws.set_column_width(0, 24)?;
    for col in 1..4 {
        ws.set_column_width(col, 18)?;
    }
    print_setup(ws, Some(0))?;
    ws.protect();
    Ok(())
}

crate::texts!(DeviationSheet {
    sheet: "Avvik", "Deviations";
    status_sheet: "Fylkesstatus", "County status";
    code: "Kommunenummer", "Code";
    name: "Kommune", "Municipality";
    county: "Fylke", "County";
    recommended: "Anbefalt", "Recommended";
    final_request: "Endelig", "Final";
    difference: "Differanse", "Difference";
    reason: "Årsak", "Reason";
    frame: "Ramme", "Frame";
    status: "Status", "Status";
    zeros: "Anbefalt 0", "Recommended 0";
    received: "Mottatt", "Received";
    files: "Filer", "Files";
});

/// The reconciled plan's workbook: the plan's own sheets, then the deviation log and the county status.
pub fn reconciled_xlsx(
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    reconciled: &Reconciled,
    lang: Lang,
    saved_at: &str,
) -> Result<Vec<u8>, ExportError> {
    let styles = Styles::new();
    let t = DeviationSheet::get(lang);
    let mut book = super::xlsx::allocation_book(dataset, scenario, allocation, lang, saved_at, &[])?;
    let ws = book.add_worksheet().set_name(t.sheet)?;
    let headers = [t.code, t.name, t.county, t.recommended, t.final_request, t.difference, t.reason];
    for (col, h) in headers.iter().enumerate() {
        text(ws, 0, col as u16, h, &styles.header)?;
    }
    for (i, d) in reconciled.deviations.iter().enumerate() {
        let r = 1 + i as u32;
        text(ws, r, 0, &d.code, &styles.code)?;
        text(ws, r, 1, &d.name, &styles.text)?;
        text(ws, r, 2, &d.county, &styles.text)?;
        number(ws, r, 3, f64::from(d.recommended), &styles.int)?;
        number(ws, r, 4, f64::from(d.final_request), &styles.int)?;
        number(ws, r, 5, d.difference() as f64, &styles.int)?;
        text(ws, r, 6, &d.reason.label(lang), &styles.text)?;
    }
    for (col, w) in [12, 24, 18, 12, 12, 12, 60].iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    print_setup(ws, Some(0))?;
    let ws = book.add_worksheet().set_name(t.status_sheet)?;
    let headers = [t.county, t.frame, t.recommended, t.final_request, t.status, t.zeros, t.received, t.files];
    for (col, h) in headers.iter().enumerate() {
        text(ws, 0, col as u16, h, &styles.header)?;
    }
    for (i, c) in reconciled.counties.iter().enumerate() {
        let r = 1 + i as u32;
        text(ws, r, 0, &c.name, &styles.text)?;
        number(ws, r, 1, f64::from(c.frame), &styles.int)?;
        if let Some(v) = c.recommended {
            number(ws, r, 2, v as f64, &styles.int)?;
        }
        number(ws, r, 3, c.final_total as f64, &styles.int)?;
        text(ws, r, 4, c.state.label(lang), &styles.text)?;
        number(ws, r, 5, c.zeros as f64, &styles.int)?;
        text(ws, r, 6, &c.received, &styles.text)?;
        text(ws, r, 7, &c.files.join(", "), &styles.text)?;
    }
    for (col, w) in [24, 12, 12, 12, 12, 12, 12, 40].iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    print_setup(ws, Some(0))?;
    page_titles(&mut book, &scenario.name, saved_at, lang);
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader};

    use super::super::xlsx::read_back::{open, sheet};
    use super::*;
    use crate::county_round::frames_from_plan;
    use crate::engine::allocate;

    fn plan() -> (Dataset, Scenario, Allocation) {
        let s =
            crate::scenario::parse_scenario(include_str!("../../scenarios/imdi-2024.ron"), "imdi-2024.ron").unwrap();
        let d = crate::data::embedded_dataset("norway-2024").unwrap();
        let a = allocate(&d, &s).unwrap();
        (d, s, a)
    }

    #[test]
    fn one_workbook_per_county_and_one_for_all_with_the_frame_and_an_open_column() {
        let (d, s, a) = plan();
        let proposal: Vec<u32> = a.rows.iter().map(|r| r.allocation).collect();
        let frames = frames_from_plan(&d, &proposal);
        let input = RoundWorkbooks {
            dataset: &d,
            scenario: &s,
            allocation: &a,
            frames: &frames,
            earlier: vec!["anmodning_2024".into()],
            lang: Lang::Nb,
            saved_at: "2026-12-07",
        };
        let books = county_round_workbooks(&input).unwrap();
        assert_eq!(books.len(), 16);
        let (name, bytes) = books.iter().find(|(n, _)| n.contains("-46-")).unwrap();
        assert_eq!(name, "fylkesrunden-46-vestland.xlsx");
        let range = sheet(bytes, "Anbefaling");
        assert_eq!(range.get((HEADER_ROW as usize, 4)), Some(&Data::String("Anbefaling".into())));
        assert_eq!(range.get((HEADER_ROW as usize + 1, 0)), Some(&Data::String("4601".into())), "codes as text");
        assert_eq!(range.get((2, 3)), Some(&Data::Float(f64::from(frames.of("46")))));
        let vestland = d.municipalities.iter().filter(|m| m.county_code == "46").count();
        assert_eq!(range.height(), HEADER_ROW as usize + vestland + 2);
        // The sum is a live formula over the open column.
        let formulas = open(bytes).worksheet_formula("Anbefaling").unwrap();
        let first = HEADER_ROW + 1;
        let f = formulas.get_value((3, 3)).cloned().unwrap_or_default();
        assert_eq!(f, format!("SUM(E{}:E{})", first + 1, first + vestland as u32));
        // Protected, with the Anbefaling cells unlocked.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut xml).unwrap();
        assert!(xml.contains("<sheetProtection"), "protected");
        let mut styles = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
        assert!(styles.contains(r#"<protection locked="0"/>"#), "an unlocked format");
        assert!(xml.contains(r#"<pageSetup paperSize="9""#));
        // The all-counties workbook sums each county's recommendations live against its frame.
        let (_, all) = books.last().unwrap();
        let counties = open(all).worksheet_formula("Fylker").unwrap();
        assert!(counties.get_value((1, 2)).is_some_and(|f| f.starts_with("SUMIF('Anbefaling'!")));
        assert_eq!(sheet(all, "Anbefaling").height(), HEADER_ROW as usize + d.len() + 2);
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(slug("Møre og Romsdal"), "more-og-romsdal");
        assert_eq!(slug("Troms – Romsa – Tromssa"), "troms-romsa-tromssa");
        assert_eq!(slug("Finnmark – Finnmárku – Finmarkku"), "finnmark-finnmarku-finmarkku");
    }
}
