use super::*;
use crate::export::test_data;
use crate::figure::Plan;

/// All text of the PDF, page by page, as a reader would extract it.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!pages.is_empty());
    doc.extract_text(&pages).expect("text extracts")
}

#[test]
fn the_pdf_opens_and_holds_the_key_figures() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let input = BriefingInput { plan, reference: None, board: None, lang: Lang::Nb };
    let bytes = briefing_pdf(&input).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    // Norwegian number format: a no-break space between thousands.
    let target = crate::numfmt::integer(f64::from(a.target), Lang::Nb);
    assert_eq!(target, "5\u{a0}120");
    let flat = text.replace('\u{a0}', " ");
    assert!(flat.contains("5 120"), "the target");
    assert!(flat.contains("Nøkkeltall") && flat.contains("Kommuner anmodet"), "{}", &flat[..flat.len().min(600)]);
    assert!(flat.contains(&a.asked.to_string()), "the number asked");
    let (largest_row, largest) = a.rows.iter().enumerate().max_by_key(|(_, r)| r.allocation).unwrap();
    assert!(flat.contains(&d.municipalities[largest_row].name), "the largest request's municipality");
    assert!(flat.contains(&crate::numfmt::integer(f64::from(largest.allocation), Lang::Nb).replace('\u{a0}', " ")));
    assert!(flat.contains("Kartverket") && flat.contains("CC BY 4.0"), "the map credit");
    assert!(flat.contains("Vedlegg"), "the appendix");
    for m in ["Bodø", "Tromsø"] {
        assert!(flat.contains(m), "{m} in the appendix");
    }
}

#[test]
fn a_reference_plan_and_a_board_add_their_sections() {
    let (d, s, a) = test_data::imdi_2020_case();
    let mut other = s.clone();
    other.name = "Alternativ B".into();
    other.target.total = 4000;
    let b = crate::engine::allocate(&d, &other).unwrap();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let plans = [
        crate::board::BoardPlan { name: &s.name, allocation: &a },
        crate::board::BoardPlan { name: &other.name, allocation: &b },
    ];
    let board = crate::board::board(&d, &plans, false).unwrap();
    let input = BriefingInput {
        plan,
        reference: Some(Reference::Plan { name: &other.name, allocation: &b }),
        board: Some(&board),
        lang: Lang::En,
    };
    let (pages, pictures) = briefing_pages(&input).unwrap();
    assert_eq!(pictures.len(), 1, "the map");
    let texts: Vec<&str> = pages
        .iter()
        .flatten()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&"Scenarios side by side"));
    assert!(texts.contains(&"Alternativ B"));
    assert!(texts.contains(&"+1,120"), "the change from the reference plan (5,120 − 4,000)");
    // Everything stays on the A4 page.
    for op in pages.iter().flatten() {
        if let Op::Text { x, y, .. } = op {
            assert!((0.0..layout::PAGE_WIDTH).contains(x) && (0.0..layout::PAGE_HEIGHT).contains(y));
        }
    }
}
