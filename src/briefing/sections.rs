//! The report's sections, in reading order.

use super::layout::{ACCENT, Align, Col, HEADING_HEIGHT, Layout, MARGIN, MUTED, Op, PAGE_WIDTH, Picture, SHADE, TEXT};
use super::texts::BriefingTexts;
use super::{BriefingError, BriefingInput, Compared};
use crate::analysis::{summary_line, totals_line};
use crate::county_round::{RoundLock, round_lock};
use crate::engine::{MunicipalityResult, Status};
use crate::figure::{FigureSpec, Kind, render_rgb};
use crate::lang::Lang;
use crate::numfmt;

/// How many of the largest requests the report lists.
pub const LARGEST: usize = 15;

pub fn lay_out(
    input: &BriefingInput,
    compared: Option<&Compared>,
) -> Result<(Vec<Vec<Op>>, Vec<Picture>), BriefingError> {
    let t = BriefingTexts::get(input.lang);
    let plan = input.plan;
    let date = crate::dates::long_date(plan.date, input.lang);
    let footer = format!("bosetting · {} · {date}", plan.scenario.name);
    let mut l = Layout::new(footer);
    title(&mut l, input);
    key_figures(&mut l, input, compared);
    if let Some(year) = input.year {
        super::year_section::year_section(&mut l, year, plan.dataset, input.lang);
    }
    map_and_counties(&mut l, input, compared)?;
    super::expected::expected_section(&mut l, input);
    largest(&mut l, input, compared);
    manual_choices(&mut l, input);
    rules_and_weights(&mut l, input);
    if !plan.scenario.notes.trim().is_empty() {
        l.heading(t.notes);
        l.paragraph(plan.scenario.notes.trim(), 9.5, TEXT);
    }
    if let Some(board) = input.board.filter(|b| b.names.len() > 1) {
        board_section(&mut l, input, board);
    }
    sources(&mut l, input);
    appendix(&mut l, input, compared);
    Ok(l.finish(t.page, t.page_of))
}

fn int(v: f64, lang: Lang) -> String {
    numfmt::integer(v, lang)
}

fn signed(v: f64, lang: Lang) -> String {
    let text = int(v, lang);
    if v >= 0.5 { format!("+{text}") } else { text }
}

fn title(l: &mut Layout, input: &BriefingInput) {
    let t = BriefingTexts::get(input.lang);
    let d = input.plan.dataset;
    l.text_at(MARGIN, l.y + 10.0, 10.0, t.kicker, ACCENT, false);
    l.y += 16.0;
    let name = l.fit(&input.plan.scenario.name, 22.0, Layout::content_width());
    l.text_at(MARGIN, l.y + 22.0, 22.0, &name, TEXT, true);
    l.y += 30.0;
    let date = crate::dates::long_date(input.plan.date, input.lang);
    let sub = format!("{} · {date}", input.lang.pick(&d.title.nb, &d.title.en));
    l.text_at(MARGIN, l.y + 10.0, 10.0, &sub, MUTED, false);
    l.y += 18.0;
}

fn key_figures(l: &mut Layout, input: &BriefingInput, compared: Option<&Compared>) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    let a = input.plan.allocation;
    let d = input.plan.dataset;
    let largest = a.rows.iter().enumerate().max_by(|x, y| x.1.allocation.cmp(&y.1.allocation).then(y.0.cmp(&x.0)));
    let largest = largest
        .filter(|(_, r)| r.allocation > 0)
        .map(|(i, r)| (int(f64::from(r.allocation), lang), d.municipalities[i].name.clone()))
        .unwrap_or_else(|| ("–".into(), String::new()));
    let highest = a
        .largest_per_1000()
        .map(|(i, v)| (numfmt::decimal(v, 2, lang), d.municipalities[i].name.clone()))
        .unwrap_or_else(|| ("–".into(), String::new()));
    let population: f64 = d.municipalities.iter().map(|m| m.population).sum();
    let national = if population > 0.0 { a.allocated as f64 / population * 1000.0 } else { 0.0 };
    let change = match compared {
        Some(c) => (signed(c.comparison.total_after - c.comparison.total_before, lang), c.label.clone()),
        None => ("–".into(), t.no_reference.to_owned()),
    };
    let cells: [(&str, String, String); 8] = [
        (t.target, int(f64::from(a.target), lang), String::new()),
        (t.minors, int(f64::from(a.minors_target), lang), String::new()),
        (t.resettlement, int(f64::from(a.resettlement), lang), String::new()),
        (t.asked, int(a.asked as f64, lang), format!("{} {}", t.of, int(d.len() as f64, lang))),
        (t.largest, largest.0, largest.1),
        (t.highest_per_1000, highest.0, highest.1),
        (t.national_per_1000, numfmt::decimal(national, 2, lang), String::new()),
        (t.change, change.0, change.1),
    ];
    l.heading(t.key_figures);
    let gap = 8.0;
    let w = (Layout::content_width() - 3.0 * gap) / 4.0;
    let h = 66.0;
    l.ensure(2.0 * h + gap);
    for (k, (label, value, detail)) in cells.iter().enumerate() {
        let x = MARGIN + (k % 4) as f32 * (w + gap);
        let y = l.y + (k / 4) as f32 * (h + gap);
        l.rect(x, y, w, h, SHADE);
        // A label takes up to two lines, so none is cut ("Per 1 000 innbyggere, hele landet").
        let lines = l.wrap(label, 7.5, w - 12.0);
        for (n, line) in lines.iter().take(2).enumerate() {
            let line =
                if n == 1 && lines.len() > 2 { l.fit(&lines[1..].join(" "), 7.5, w - 12.0) } else { line.clone() };
            l.text_at(x + 6.0, y + 12.0 + n as f32 * 9.0, 7.5, &line, MUTED, false);
        }
        l.text_at(x + 6.0, y + 44.0, 18.0, value, TEXT, true);
        let detail = l.fit(detail, 7.5, w - 12.0);
        l.text_at(x + 6.0, y + 58.0, 7.5, &detail, MUTED, false);
    }
    l.y += 2.0 * h + gap + 6.0;
    if let Some(c) = compared {
        let line = format!(
            "{} {}: {}. {}.",
            t.reference,
            c.label,
            summary_line(&c.comparison, lang),
            totals_line(&c.comparison, lang)
        );
        l.paragraph(&line, 8.5, MUTED);
    }
}

fn map_and_counties(l: &mut Layout, input: &BriefingInput, compared: Option<&Compared>) -> Result<(), BriefingError> {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    l.heading(t.map_and_counties);
    let map_width = 262.0;
    // The map is printed 262 points wide: its text is enlarged so the legend reads at about 7 points.
    let spec = FigureSpec { width: 1000, height: 1200, text_scale: 1.7, ..FigureSpec::new(Kind::Map, lang) };
    let map_height = map_width * spec.height as f32 / spec.width as f32;
    l.ensure(map_height);
    let top = l.y;
    match render_rgb(&input.plan, &spec) {
        Ok(rgb) => l.image(MARGIN, top, map_width, map_height, Picture { rgb, width: spec.width, height: spec.height }),
        // A dataset without built-in borders has no map; the rest of the report still stands.
        Err(crate::figure::FigureError::NoMap(_)) => {}
        Err(e) => return Err(e.into()),
    }
    let x = MARGIN + map_width + 14.0;
    let width = PAGE_WIDTH - MARGIN - x;
    let a = input.plan.allocation;
    let before =
        |code: &str| compared.and_then(|c| c.comparison.counties.iter().find(|k| k.code == code)).map(|k| k.before);
    let mut columns = vec![
        Col { header: t.county.into(), width: 2.6, align: Align::Left },
        Col { header: t.plan.into(), width: 1.0, align: Align::Right },
    ];
    if compared.is_some() {
        columns.push(Col { header: t.reference.into(), width: 1.1, align: Align::Right });
        columns.push(Col { header: t.difference.into(), width: 1.0, align: Align::Right });
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for c in &a.counties {
        let mut row = vec![c.name.clone(), int(c.allocation as f64, lang)];
        if compared.is_some() {
            let b = before(&c.code).unwrap_or(0.0);
            row.push(int(b, lang));
            row.push(signed(c.allocation as f64 - b, lang));
        }
        rows.push(row);
    }
    let mut total = vec![t.total.to_owned(), int(a.allocated as f64, lang)];
    if let Some(c) = compared {
        total.push(int(c.comparison.total_before, lang));
        total.push(signed(c.comparison.total_after - c.comparison.total_before, lang));
    }
    rows.push(total);
    let after_map = top + map_height;
    l.y = top;
    l.table_with_total(x, width, &columns, &rows, 8.0);
    l.y = l.y.max(after_map + 6.0);
    Ok(())
}

/// The reference value of a municipality, if there is a reference.
fn before(compared: Option<&Compared>, row: usize) -> Option<f64> {
    compared.map(|c| c.comparison.rows[row].before)
}

fn largest(l: &mut Layout, input: &BriefingInput, compared: Option<&Compared>) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    let a = input.plan.allocation;
    let d = input.plan.dataset;
    let mut order: Vec<usize> = (0..a.rows.len()).filter(|&i| a.rows[i].asked()).collect();
    order.sort_by(|&x, &y| a.rows[y].allocation.cmp(&a.rows[x].allocation));
    order.truncate(LARGEST);
    // The short table moves to the next page whole rather than break after a few rows.
    l.ensure(HEADING_HEIGHT + Layout::table_height(order.len(), 8.5));
    l.heading(t.largest_requests);
    let mut columns = vec![
        Col { header: t.municipality.into(), width: 2.2, align: Align::Left },
        Col { header: t.county.into(), width: 2.2, align: Align::Left },
        Col { header: t.request.into(), width: 1.1, align: Align::Right },
        Col { header: t.minors_short.into(), width: 1.0, align: Align::Right },
        Col { header: t.per_1000.into(), width: 1.0, align: Align::Right },
    ];
    if compared.is_some() {
        columns.push(Col { header: t.reference.into(), width: 1.1, align: Align::Right });
        columns.push(Col { header: t.difference.into(), width: 1.0, align: Align::Right });
    }
    let rows: Vec<Vec<String>> = order
        .iter()
        .map(|&i| {
            let r = &a.rows[i];
            let m = &d.municipalities[i];
            let mut row = vec![
                marked_name(&m.name, r, lang),
                m.county_name.clone(),
                int(f64::from(r.allocation), lang),
                int(f64::from(r.minors), lang),
                numfmt::decimal(r.per_1000, 2, lang),
            ];
            if let Some(b) = before(compared, i) {
                row.push(int(b, lang));
                row.push(signed(f64::from(r.allocation) - b, lang));
            }
            row
        })
        .collect();
    l.table(MARGIN, Layout::content_width(), &columns, &rows, 8.5);
    if order.iter().any(|&i| a.rows[i].status == Status::Locked) {
        l.paragraph(t.locked_note, 8.0, MUTED);
    }
}

/// A municipality's name, marked when its number is set by hand.
fn marked_name(name: &str, row: &MunicipalityResult, lang: Lang) -> String {
    if row.status == Status::Locked {
        format!("{name} {}", BriefingTexts::get(lang).locked_mark)
    } else {
        name.to_owned()
    }
}

/// Every override with its number in the plan and its reason: what the director must know was set by hand.
fn manual_choices(l: &mut Layout, input: &BriefingInput) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    let plan = input.plan;
    let s = plan.scenario;
    l.heading(t.manual_choices);
    if s.overrides.is_empty() {
        l.paragraph(t.no_manual_choices, 9.5, TEXT);
        return;
    }
    // A plan from the county round locks every municipality: the round's own locks are counted, the rest listed.
    let origin: Vec<Option<RoundLock>> = s.overrides.keys().map(|code| round_lock(plan.dataset, s, code)).collect();
    let listed = origin.iter().filter(|o| o.is_none()).count();
    if !s.county_recommendations.is_empty() {
        let count = |kind| int(origin.iter().filter(|o| **o == Some(kind)).count() as f64, lang);
        let summary = format!(
            "{} {} {} {} {} {}",
            t.round_reconciled,
            count(RoundLock::AsRecommended),
            t.round_as_recommended,
            count(RoundLock::CountyDidNotAnswer),
            t.round_county_missing,
            if listed > 0 { t.round_rest } else { t.round_no_rest }
        );
        l.paragraph(&summary, 9.5, TEXT);
    } else {
        l.paragraph(t.manual_intro, 9.5, TEXT);
    }
    let items: Vec<String> = s
        .overrides
        .iter()
        .zip(&origin)
        .filter(|(_, origin)| origin.is_none())
        .map(|((code, choice), _)| {
            let row = plan.dataset.index_of_code(code);
            let name = row.map_or(code.as_str(), |i| plan.dataset.municipalities[i].name.as_str());
            let request = row.map_or(0, |i| plan.allocation.rows[i].allocation);
            let reason = s.override_notes.get(code).map(|r| r.trim()).filter(|r| !r.is_empty());
            let choice = choice.label(lang);
            let reason = reason.unwrap_or(t.no_reason);
            format!(
                "{name} ({code}): {choice}, {} {} — {reason}",
                t.request.to_lowercase(),
                int(f64::from(request), lang)
            )
        })
        .collect();
    l.bullets(&items, 9.0);
}

fn rules_and_weights(l: &mut Layout, input: &BriefingInput) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    let plan = input.plan;
    l.heading(t.rules_and_weights);
    l.paragraph(t.weights_intro, 9.5, TEXT);
    let weights: Vec<String> = plan
        .allocation
        .weights
        .iter()
        .filter(|(_, w)| *w > 0.0)
        .map(|(id, w)| {
            let column = plan.scenario.criteria.iter().find(|c| c.id == *id).and_then(|c| c.column.as_deref());
            let source = column.map(|c| format!(" ({})", crate::export::column_label(plan.dataset, c, lang)));
            format!("{}: {}{}", id.label(lang), numfmt::percent(*w, 1, lang), source.unwrap_or_default())
        })
        .collect();
    l.bullets(&weights, 9.5);
    l.paragraph(t.rules_intro, 9.5, TEXT);
    l.bullets(&crate::export::rules_in_words(plan.dataset, plan.scenario, lang), 9.5);
    if !plan.allocation.ties.is_empty() {
        let ties: Vec<String> = plan.allocation.ties.iter().map(|tie| tie.message(lang)).collect();
        l.paragraph(t.ties, 9.5, TEXT);
        l.bullets(&ties, 8.5);
    }
}

fn sources(l: &mut Layout, input: &BriefingInput) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    let plan = input.plan;
    let d = plan.dataset;
    l.heading(t.sources);
    l.paragraph(&format!("{}: {} ({}). {}", t.dataset, d.heading(lang), d.id, d.credits), 9.0, TEXT);
    // Every column the plan uses: criteria, rules and the reference.
    let s = plan.scenario;
    let mut used: Vec<&str> =
        s.criteria.iter().filter(|c| c.weight > 0.0).filter_map(|c| c.column.as_deref()).collect();
    if s.rules.immigrant_share_ceiling.is_some() {
        used.push(&s.rules.immigrant_share_column);
    }
    used.extend(s.rules.capacity_column.as_deref());
    used.extend(s.reference_column.as_deref());
    let mut seen = std::collections::HashSet::new();
    used.retain(|id| seen.insert(*id));
    let lines: Vec<String> = used
        .iter()
        .filter_map(|id| d.column(id))
        .map(|c| {
            format!(
                "{} — {}, {} {}, {} {}",
                lang.pick(&c.meta.label.nb, &c.meta.label.en),
                c.meta.source,
                t.year,
                c.meta.year,
                t.licence,
                c.meta.licence
            )
        })
        .chain(std::iter::once(t.map_credit.to_owned()))
        .collect();
    l.bullets(&lines, 8.5);
}

fn appendix(l: &mut Layout, input: &BriefingInput, compared: Option<&Compared>) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    let a = input.plan.allocation;
    let d = input.plan.dataset;
    l.new_page();
    l.heading(t.appendix);
    let mut columns = vec![
        Col { header: t.code.into(), width: 0.7, align: Align::Left },
        Col { header: t.municipality.into(), width: 2.2, align: Align::Left },
        Col { header: t.county.into(), width: 2.0, align: Align::Left },
        Col { header: t.population.into(), width: 1.1, align: Align::Right },
        Col { header: t.request.into(), width: 1.0, align: Align::Right },
        Col { header: t.minors_short.into(), width: 0.9, align: Align::Right },
        Col { header: t.per_1000.into(), width: 0.9, align: Align::Right },
    ];
    if compared.is_some() {
        columns.push(Col { header: t.reference.into(), width: 1.0, align: Align::Right });
        columns.push(Col { header: t.difference.into(), width: 0.9, align: Align::Right });
    }
    l.paragraph(t.appendix_missing, 8.5, MUTED);
    let asked: Vec<usize> = (0..a.rows.len()).filter(|&i| a.rows[i].asked()).collect();
    let mut rows: Vec<Vec<String>> = asked
        .iter()
        .map(|&i| {
            let r = &a.rows[i];
            let m = &d.municipalities[i];
            let mut row = vec![
                m.code.clone(),
                marked_name(&m.name, r, lang),
                m.county_name.clone(),
                int(m.population, lang),
                int(f64::from(r.allocation), lang),
                int(f64::from(r.minors), lang),
                numfmt::decimal(r.per_1000, 2, lang),
            ];
            if let Some(b) = before(compared, i) {
                row.push(int(b, lang));
                row.push(signed(f64::from(r.allocation) - b, lang));
            }
            row
        })
        .collect();
    // The totals of what is listed: the asked municipalities (the reference summed over the same rows).
    let sum = |f: &dyn Fn(usize) -> f64| asked.iter().map(|&i| f(i)).sum::<f64>();
    let population = sum(&|i| d.municipalities[i].population);
    let request = sum(&|i| f64::from(a.rows[i].allocation));
    let per_1000 = if population > 0.0 { request / population * 1000.0 } else { 0.0 };
    let mut total = vec![
        String::new(),
        t.total_listed.to_owned(),
        String::new(),
        int(population, lang),
        int(request, lang),
        int(sum(&|i| f64::from(a.rows[i].minors)), lang),
        numfmt::decimal(per_1000, 2, lang),
    ];
    if compared.is_some() {
        let reference = sum(&|i| before(compared, i).unwrap_or(0.0));
        total.push(int(reference, lang));
        total.push(signed(request - reference, lang));
    }
    rows.push(total);
    l.table_with_total(MARGIN, Layout::content_width(), &columns, &rows, 7.5);
    if asked.iter().any(|&i| a.rows[i].status == Status::Locked) {
        l.paragraph(t.locked_note, 8.0, MUTED);
    }
}

/// A cell of the shared table model as report text.
fn cell_text(cell: &crate::report::Cell, lang: Lang) -> String {
    use crate::report::Cell;
    match cell {
        Cell::Text(t) | Cell::Code(t) => t.clone(),
        Cell::Int(v) => int(*v as f64, lang),
        Cell::Number(v, places) => numfmt::decimal(*v, *places, lang),
        Cell::Empty => String::new(),
    }
}

pub(super) fn table_of(l: &mut Layout, table: &crate::report::ResultTable, first_width: f32, lang: Lang) {
    let columns: Vec<Col> = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| Col {
            header: h.clone(),
            width: if i == 0 { first_width } else { 1.0 },
            align: if i == 0 { Align::Left } else { Align::Right },
        })
        .collect();
    let rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.iter().map(|c| cell_text(c, lang)).collect()).collect();
    l.table(MARGIN, Layout::content_width(), &columns, &rows, 8.0);
}

fn board_section(l: &mut Layout, input: &BriefingInput, board: &crate::board::Board) {
    let t = BriefingTexts::get(input.lang);
    let lang = input.lang;
    l.heading(t.scenarios);
    if board.scaled {
        l.paragraph(
            lang.pick(
                "Andeler: hvert scenario er skalert til samme total som det første.",
                "Shares: every scenario is scaled to the first one's total.",
            ),
            8.5,
            MUTED,
        );
    }
    table_of(l, &crate::board::key_table(input.plan.dataset, board, lang), 2.4, lang);
    let mut counties = crate::board::county_table(board, lang);
    // The county number adds nothing beside the name in print.
    counties.headers.remove(0);
    for row in &mut counties.rows {
        row.remove(0);
    }
    table_of(l, &counties, 1.8, lang);
}
