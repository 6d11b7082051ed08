//! `bosetting expect SCENARIO`: the decisions to expect for the scenario's plan (or a request column), and
//! with `--backtest county` how well the estimate would have predicted a year's decisions.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use super::output_args::{Destination, OutputArgs};
use super::terminal::escape;
use crate::data::Dataset;
use crate::expect::{ColumnChoice, Estimate, ExpectError, Inputs, Model, Totals, Year};
use crate::lang::Lang;
use crate::numfmt;
use crate::report::{Cell, ResultTable, rounded, write_csv};

#[derive(clap::Args, Debug)]
pub struct ExpectArgs {
    /// The scenario file (.ron); it names its dataset, and its plan is the request estimated unless --request
    /// names a column.
    pub scenario: PathBuf,
    /// A request column of the dataset to estimate instead of the plan (with --backtest: the request whose
    /// decisions are predicted).
    #[arg(long, value_name = "COLUMN")]
    pub request: Option<String>,
    /// With --backtest: the decisions made on --request.
    #[arg(long, value_name = "COLUMN")]
    pub decisions: Option<String>,
    /// A past request and the decisions made on it, as REQUEST:DECISIONS; repeat for more years. The record
    /// the shares are learnt from.
    #[arg(long, value_name = "REQUEST:DECISIONS")]
    pub history: Vec<String>,
    /// Refugees settled in the year before the request: the part of a request above it is expected at a lower
    /// share than the part up to it.
    #[arg(long, value_name = "COLUMN")]
    pub settled: Option<String>,
    /// A class column (centrality class): each municipality's factor is pulled towards its class's.
    #[arg(long, value_name = "COLUMN")]
    pub group: Option<String>,
    /// Instead of the estimate, write the plan whose expected decisions reach the target (in `allocate`'s
    /// form): the plan's requests raised by one factor within its bounds. A proposal; the scenario is unchanged.
    #[arg(long, conflicts_with_all = ["request", "backtest"])]
    pub needed: bool,
    /// Leave one county out: predict each county's --decisions from a model fitted on the other counties.
    #[arg(long, value_parser = ["county"])]
    pub backtest: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &ExpectArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    if to.format == "xlsx" {
        bail!("expect writes text, csv or json; XLSX is not offered");
    }
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    args.output.check_out(|rules| super::scenario_input::reads(rules, &args.scenario, &scenario))?;
    let choice = ColumnChoice {
        history: args.history.iter().map(|h| history_pair(h)).collect::<Result<_>>()?,
        settled: args.settled.clone(),
        group: args.group.clone(),
    };
    let inputs = crate::expect::read_inputs(&dataset, &choice).with_context(|| dataset_name(&dataset))?;
    let bytes = if args.backtest.is_some() {
        let (Some(request), Some(decisions)) = (&args.request, &args.decisions) else {
            bail!("--backtest needs --request COLUMN and --decisions COLUMN: the request and the decisions to predict");
        };
        if choice.history.iter().any(|(_, d)| d == decisions) {
            return Err(ExpectError::DecisionsInRecord { column: decisions.clone() }.into());
        }
        let target = crate::expect::read_year(&dataset, request, decisions).with_context(|| dataset_name(&dataset))?;
        let backtest = crate::expect::backtest_by_county(&inputs, &target)?;
        super::expect_backtest::render(&dataset, &backtest, &to)?
    } else {
        if args.decisions.is_some() {
            bail!("--decisions is what a backtest predicts; add --backtest county, or give past years with --history");
        }
        let years: Vec<&Year> = inputs.history.iter().collect();
        let model = Model::fit(&inputs, &years, &|_| true).map_err(|e| match e {
            ExpectError::NoRecord => anyhow::anyhow!("{e}: give --history REQUEST:DECISIONS"),
            other => other.into(),
        })?;
        if args.needed {
            return needed(args, &scenario, &dataset, &inputs, &model, &to);
        }
        let (request, label) = match &args.request {
            Some(column) => {
                (crate::expect::read_request(&dataset, column).with_context(|| dataset_name(&dataset))?, column.clone())
            }
            None => {
                let plan = crate::engine::allocate(&dataset, &scenario)
                    .with_context(|| args.scenario.display().to_string())?;
                (plan.rows.iter().map(|r| f64::from(r.allocation)).collect(), "plan".to_owned())
            }
        };
        let estimates = model.estimate(&inputs, &request)?;
        let report = Report {
            dataset: &dataset,
            inputs: &inputs,
            model: &model,
            estimates: &estimates,
            target: f64::from(scenario.target.total),
            request: &label,
        };
        report.render(&to)?
    };
    to.write(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// The plan whose expected decisions reach the scenario's target, written as `allocate` writes a plan; what it
/// takes goes to standard error, with every municipality asked above its own record.
fn needed(
    args: &ExpectArgs,
    scenario: &crate::scenario::Scenario,
    dataset: &Dataset,
    inputs: &Inputs,
    model: &Model,
    to: &Destination,
) -> Result<ExitCode> {
    let context = || args.scenario.display().to_string();
    let plan = crate::engine::allocate(dataset, scenario).with_context(context)?;
    let request: Vec<f64> = plan.rows.iter().map(|r| f64::from(r.allocation)).collect();
    // Only municipalities the plan asks by its criteria are raised, each up to its cap (band and ceilings).
    let upper: Vec<f64> = plan
        .rows
        .iter()
        .map(|r| match (&r.status, r.cap) {
            (crate::engine::Status::Asked, Some(cap)) => f64::from(cap),
            (crate::engine::Status::Asked, None) => f64::INFINITY,
            _ => f64::from(r.allocation),
        })
        .collect();
    let target = f64::from(scenario.target.total);
    let n = crate::expect::needed_request(model, inputs, &request, &upper, target)?;
    let mut raised = scenario.clone();
    raised.name = format!(
        "{} — {}",
        scenario.name,
        to.lang.pick("forventet vedtak når målet", "expected decisions reach the target")
    );
    raised.target.total = n.requested.round() as u32;
    for (m, r) in dataset.municipalities.iter().zip(&n.request) {
        if *r > 0.0 {
            raised.overrides.insert(m.code.clone(), crate::scenario::Override::Lock(r.round() as u32));
        }
    }
    let allocation = crate::engine::allocate(dataset, &raised).with_context(context)?;
    super::allocate::write_plan(dataset, &raised, &allocation, to, &args.scenario)?;
    let lang = to.lang;
    let num = |v: f64| numfmt::integer(v, lang);
    eprintln!(
        "{}: {} {} → {} {}",
        if n.reached {
            lang.pick("Nødvendig anmodning", "Request needed")
        } else {
            lang.pick("Målet nås ikke innenfor planens grenser", "The target is not reached within the plan's bounds")
        },
        num(n.requested),
        lang.pick("anmodet", "requested"),
        num(n.expected),
        lang.pick("forventet vedtatt", "expected decided"),
    );
    for (row, record) in &n.above_record {
        eprintln!(
            "  {} {}: {} ({} {})",
            lang.pick("over egen rekord", "above its own record"),
            super::terminal::safe(&dataset.display_name(*row)),
            num(n.request[*row]),
            lang.pick("rekord", "record"),
            num(*record)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn dataset_name(dataset: &Dataset) -> String {
    format!("dataset {}", dataset.id)
}

/// `REQUEST:DECISIONS` into its two column ids.
fn history_pair(text: &str) -> Result<(String, String)> {
    match text.split_once(':') {
        Some((r, d)) if !r.is_empty() && !d.is_empty() => Ok((r.to_owned(), d.to_owned())),
        _ => bail!("--history {text:?}: write the request column and the decisions column as REQUEST:DECISIONS"),
    }
}

/// The estimate of one request, ready to be written.
struct Report<'a> {
    dataset: &'a Dataset,
    inputs: &'a Inputs,
    model: &'a Model,
    estimates: &'a [Estimate],
    target: f64,
    /// "plan" or the request column's id.
    request: &'a str,
}

impl Report<'_> {
    fn render(&self, to: &Destination) -> Result<Vec<u8>> {
        Ok(match to.format.as_str() {
            "json" => {
                let mut text = serde_json::to_string_pretty(&self.json(to.lang))?;
                text.push('\n');
                text.into_bytes()
            }
            "csv" => write_csv(&self.table(to.lang), to.csv_style),
            _ => self.text(to.lang).into_bytes(),
        })
    }

    fn national(&self) -> Totals {
        crate::expect::national_totals(self.estimates)
    }

    fn json(&self, lang: Lang) -> Value {
        let r = |v: f64| rounded(v, 1);
        let national = self.national();
        let counties: Vec<Value> = crate::expect::county_totals(self.inputs, self.estimates)
            .iter()
            .map(|c| {
                json!({"code": c.code, "name": c.name, "requested": r(c.totals.requested),
                    "expected": r(c.totals.expected), "low": r(c.totals.low), "high": r(c.totals.high),
                    "coverage": rounded(c.totals.coverage(), 4)})
            })
            .collect();
        let municipalities: Vec<Value> = self
            .estimates
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let m = &self.dataset.municipalities[i];
                let b = &e.basis;
                json!({"code": m.code, "name": self.dataset.display_name(i), "county": m.county_name,
                    "request": r(e.request), "expected": r(e.expected), "low": r(e.low), "high": r(e.high),
                    "basis": b.sentence(lang),
                    "inputs": {"settled": b.settled, "within": r(b.within), "above": r(b.above),
                        "base": r(b.base), "group": b.group, "group_factor": rounded(b.group_factor, 4),
                        "own_decided": r(b.own_decided), "own_base": r(b.own_base),
                        "own_weight": rounded(b.own_weight, 4), "factor": rounded(b.factor, 4)}})
            })
            .collect();
        let groups: Vec<Value> = self
            .model
            .groups
            .iter()
            .map(|(class, g)| {
                json!({"class": class, "factor": rounded(g.factor, 4), "low": rounded(g.low, 4),
                    "high": rounded(g.high, 4), "decisions": g.count})
            })
            .collect();
        json!({
            "request": self.request,
            "target": self.target,
            "requested": r(national.requested),
            "expected_decided": r(national.expected),
            "expected_coverage": rounded(national.coverage(), 4),
            "expected_shortfall": r(national.shortfall(self.target)),
            "range": {"low": r(national.low), "high": r(national.high)},
            "model": {"within_share": rounded(self.model.within_share, 4),
                "above_share": rounded(self.model.above_share, 4), "national_factor": rounded(self.model.national.factor, 4),
                "groups": groups},
            "counties": counties,
            "municipalities": municipalities,
        })
    }

    fn table(&self, lang: Lang) -> ResultTable {
        let t = |nb: &str, en: &str| lang.pick(nb, en).to_owned();
        let headers = vec![
            t("Kommunenummer", "Code"),
            t("Kommune", "Municipality"),
            t("Fylke", "County"),
            t("Anmodning", "Request"),
            t("Forventet vedtak", "Expected decision"),
            t("Lav", "Low"),
            t("Høy", "High"),
            t("Grunnlag", "Basis"),
        ];
        let rows = self
            .estimates
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let m = &self.dataset.municipalities[i];
                vec![
                    Cell::Code(m.code.clone()),
                    Cell::Text(self.dataset.display_name(i)),
                    Cell::Text(m.county_name.clone()),
                    Cell::Int(e.request as i64),
                    Cell::Number(e.expected, 1),
                    Cell::Number(e.low, 1),
                    Cell::Number(e.high, 1),
                    Cell::Text(e.basis.sentence(lang)),
                ]
            })
            .collect();
        ResultTable { headers, rows }
    }

    fn text(&self, lang: Lang) -> String {
        let n = |v: f64| numfmt::integer(v, lang);
        let national = self.national();
        let mut out = format!(
            "{} ({})\n{}: {}  {}: {}  {}: {} ({} – {})  {}: {}  {}: {}\n\n",
            lang.pick("Forventede vedtak", "Decisions to expect"),
            escape(self.request, false),
            lang.pick("Mål", "Target"),
            n(self.target),
            lang.pick("anmodet", "requested"),
            n(national.requested),
            lang.pick("forventet vedtatt", "expected decided"),
            n(national.expected),
            n(national.low),
            n(national.high),
            lang.pick("dekning", "coverage"),
            numfmt::percent(national.coverage(), 1, lang),
            lang.pick("forventet mangel", "expected shortfall"),
            n(national.shortfall(self.target)),
        );
        out.push_str(&format!(
            "{:<22} {:>9} {:>9} {:>15}\n",
            lang.pick("Fylke", "County"),
            lang.pick("Anmodet", "Requested"),
            lang.pick("Forventet", "Expected"),
            lang.pick("Spenn", "Range"),
        ));
        for c in crate::expect::county_totals(self.inputs, self.estimates) {
            let name: String = escape(&c.name, false).chars().take(22).collect();
            let range = format!("{} – {}", n(c.totals.low), n(c.totals.high));
            out.push_str(&format!("{name:<22} {:>9} {:>9} {range:>15}\n", n(c.totals.requested), n(c.totals.expected)));
        }
        out.push_str(&format!(
            "\n{:<6} {:<28} {:>8} {:>9} {:>13}  {}\n",
            lang.pick("Nr", "Code"),
            lang.pick("Kommune", "Municipality"),
            lang.pick("Anmodn.", "Request"),
            lang.pick("Forventet", "Expected"),
            lang.pick("Spenn", "Range"),
            lang.pick("Grunnlag", "Basis"),
        ));
        for (i, e) in self.estimates.iter().enumerate() {
            let m = &self.dataset.municipalities[i];
            let name: String = escape(&self.dataset.display_name(i), false).chars().take(28).collect();
            let range = format!("{} – {}", n(e.low), n(e.high));
            out.push_str(&format!(
                "{:<6} {name:<28} {:>8} {:>9} {range:>13}  {}\n",
                escape(&m.code, false),
                n(e.request),
                numfmt::decimal(e.expected, 1, lang),
                e.basis.sentence(lang)
            ));
        }
        out
    }
}
