//! "Hent fra SSB…": an SSB table fetched off the UI thread (progress, cancel), then opened in the import
//! dialog like a file, so it goes through the same preview, code list and crosswalk.

use std::time::Duration;

use egui::{Color32, Context, Grid, Id, Modal, TextEdit};

use super::ImportCmd;
use super::texts::SsbTexts;
use crate::gui::command::Command;
use crate::gui::task::{Task, TaskError};
use crate::import::{Table, read_table};
use crate::lang::Lang;
use crate::ssb::{Client, Request, Selection, SsbError, Stage, YearChoice, base_url, fetch};

/// Seconds to wait for each of SSB's answers.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A fetched table, ready for the import dialog.
pub struct FetchedTable {
    pub source: String,
    pub table: Table,
    pub selection: Selection,
}

/// Why a fetch gave no table: what SSB (or the way there) said, or a table that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("{0}")]
    Ssb(SsbError),
    #[error("{0}")]
    Other(String),
}

impl FetchError {
    /// The message in the window's language, naming the cause and what to do about it.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (FetchError::Ssb(e), Lang::Nb) => bokmål(e),
            (FetchError::Ssb(e), Lang::En) => e.to_string(),
            (FetchError::Other(text), _) => text.clone(),
        }
    }
}

/// SSB's errors for the planner's bokmål window; the CLI (and the English window) uses their English text.
/// Field names are the form's, not the CLI's options.
fn bokmål(e: &SsbError) -> String {
    match e {
        SsbError::BadTable(t) => {
            format!("Tabellnummeret «{t}» er ugyldig: det består av bokstaver og sifre, som 07459.")
        }
        SsbError::Proxy { proxy, cause } => format!(
            "Fikk ikke kontakt med SSB gjennom proxyen {proxy} (fra HTTPS_PROXY/HTTP_PROXY/ALL_PROXY). Sjekk \
             proxyadressen, eller sett NO_PROXY=data.ssb.no hvis SSB nås direkte. (Feil: {cause})"
        ),
        SsbError::Timeout { url, secs } => {
            format!(
                "Ikke noe svar fra SSB innen {secs} sekunder ({url}). SSB kan være travel eller nettet tregt: prøv igjen senere."
            )
        }
        SsbError::Connect { url, cause } => format!(
            "Fikk ikke kontakt med SSB ({url}). Sjekk at maskinen er på nettet; bak en proxy må HTTPS_PROXY være \
             satt. (Feil: {cause})"
        ),
        SsbError::AnswerTooLarge { url, limit } => {
            format!("Svaret fra SSB er større enn {limit} byte ({url}). Velg én statistikkvariabel og ett år.")
        }
        SsbError::AnswerCut { url, cause } => {
            format!("Svaret fra SSB ble brutt underveis ({url}): prøv igjen senere. (Feil: {cause})")
        }
        SsbError::Http { url, status, message } => {
            format!("SSB svarte med feil (HTTP {status}) på {url}: {message}")
        }
        SsbError::TooManyCells { table, cells, limit } => format!(
            "Tabell {table}: spørringen ville gitt {cells} verdier, mer enn SSBs grense på {limit}. Velg én \
             statistikkvariabel og ett år."
        ),
        SsbError::NoMunicipalityDimension { table, dims } => {
            format!("Tabell {table} har ingen kommunedimensjon (den har: {dims}). Velg en tabell etter kommune.")
        }
        SsbError::NeedContents { table, available } => format!(
            "Tabell {table} har flere statistikkvariabler: skriv én av dem i feltet Statistikkvariabel: {available}"
        ),
        SsbError::UnknownContents { table, given, available } => {
            format!("Tabell {table} har ingen statistikkvariabel «{given}». Tabellen har: {available}")
        }
        SsbError::UnknownYear { table, given, available } => {
            format!("Tabell {table} har ikke året «{given}». Tabellen har: {available}")
        }
        SsbError::NotChosen { table, dim, label, count } => format!(
            "Tabell {table}: dimensjonen {dim} ({label}) har {count} verdier og kan ikke utelates; bosetting henter \
             én verdi per kommune. Velg en annen tabell, eller eksporter tabellen fra Statistikkbanken og importer filen."
        ),
        SsbError::Metadata { table, cause } => {
            format!("Tabell {table}: SSBs beskrivelse av tabellen kunne ikke leses ({cause}).")
        }
        SsbError::Cancelled => "Avbrutt.".to_owned(),
    }
}

/// The form and, while a request runs, its job.
#[derive(Default)]
pub struct SsbForm {
    pub table: String,
    pub contents: String,
    /// A year, or empty for the latest.
    pub year: String,
    pub error: Option<FetchError>,
    /// The API's address; `None`: SSB's, or `BOSETTING_SSB_URL`.
    pub base: Option<String>,
    job: Option<Task<FetchedTable, FetchError, Option<Stage>>>,
}

impl SsbForm {
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Where the running request is.
    pub fn stage(&self) -> Option<Stage> {
        self.job.as_ref().and_then(Task::status)
    }

    /// Starts the request on a background thread; `repaint` is asked for at each step.
    pub fn start(&mut self, repaint: Option<Context>) {
        let request = Request {
            table: self.table.trim().to_owned(),
            contents: Some(self.contents.trim().to_owned()).filter(|c| !c.is_empty()),
            year: YearChoice::parse(&self.year),
        };
        let base = base_url(self.base.as_deref());
        let spawned = Task::spawn("ssb-fetch", repaint, move |progress| {
            let client = Client::new(&base, TIMEOUT);
            let f = fetch(&client, &request, |stage| progress.report(Some(stage)), || progress.cancelled())
                .map_err(FetchError::Ssb)?;
            let table = read_table(&f.bytes, &f.source_name).map_err(|e| FetchError::Other(e.to_string()))?;
            Ok(FetchedTable { source: f.source_name, table, selection: f.selection })
        });
        match spawned {
            Ok(job) => {
                self.error = None;
                self.job = Some(job);
            }
            Err(e) => self.error = Some(FetchError::Other(e.to_string())),
        }
    }

    /// Stops waiting: the request's answer, whenever it comes, is dropped; nothing is changed.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
    }

    /// The fetched table once it is there.
    pub fn poll(&mut self) -> Option<FetchedTable> {
        let result = self.job.as_mut()?.poll()?;
        self.finish(result)
    }

    fn finish(&mut self, result: Result<FetchedTable, TaskError<FetchError>>) -> Option<FetchedTable> {
        self.job = None;
        let error = |e: TaskError<FetchError>| match e {
            TaskError::Failed(e) => e,
            other => FetchError::Other(other.to_string()),
        };
        result.map_err(|e| self.error = Some(error(e))).ok()
    }

    /// Waits until the running request has ended, leaving its answer for [`SsbForm::poll`] (tests).
    #[cfg(test)]
    pub fn settle(&mut self) {
        if let Some(job) = &mut self.job {
            job.wait(Duration::from_secs(120));
        }
    }

    /// Waits for the running request (tests).
    #[cfg(test)]
    pub fn wait(&mut self) -> Option<FetchedTable> {
        self.job.as_mut()?.wait(Duration::from_secs(120));
        self.poll()
    }
}

/// The SSB form as a modal, while open (a finished fetch is taken by the app, see `App::poll_work`).
pub fn show(ctx: &Context, form: &mut SsbForm, lang: Lang, cmds: &mut Vec<Command>) {
    if form.is_running() {
        ctx.request_repaint_after(Duration::from_millis(100));
    }
    let t = SsbTexts::get(lang);
    let response = Modal::new(Id::unique("fetch from ssb")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(t.title);
        ui.label(t.intro);
        let running = form.is_running();
        Grid::new("ssb fields").num_columns(2).show(ui, |ui| {
            for (name, hint, field) in [
                (t.table, "07459", &mut form.table),
                (t.contents, t.contents_hint, &mut form.contents),
                (t.year, t.year_hint, &mut form.year),
            ] {
                let label = ui.label(name);
                ui.add_enabled(!running, TextEdit::singleline(field).hint_text(hint).desired_width(260.0))
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
        if let Some(stage) = form.stage().filter(|_| running) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(match stage {
                    Stage::Metadata => t.reading_metadata,
                    Stage::Data => t.reading_data,
                });
            });
        } else if running {
            ui.spinner();
        }
        if let Some(e) = &form.error {
            ui.add(egui::Label::new(egui::RichText::new(e.text(lang)).color(Color32::from_rgb(200, 40, 40))).wrap());
        }
        ui.separator();
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            if running {
                if ui.button(t.cancel_request).clicked() {
                    out.push(ImportCmd::CancelSsb);
                }
            } else {
                let ready = !form.table.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(t.fetch)).clicked() {
                    out.push(ImportCmd::FetchSsb);
                }
                if ui.button(t.close).clicked() {
                    out.push(ImportCmd::CloseSsb);
                }
            }
        });
        out
    });
    let close = response.should_close();
    cmds.extend(response.inner.into_iter().map(Command::Import));
    if close {
        cmds.push(Command::Import(ImportCmd::CloseSsb));
    }
}

#[cfg(test)]
#[path = "../../../tests/support/ssb_server.rs"]
pub(super) mod ssb_server;

#[cfg(test)]
mod tests {
    use super::ssb_server::serve;
    use super::*;
    use crate::data::embedded_dataset;
    use crate::gui::data_tab::ImportDialog;

    #[test]
    fn a_fetched_2020_table_opens_in_the_import_dialog_on_2024_borders() {
        let mut form = SsbForm { table: "07459".into(), year: "2020".into(), ..SsbForm::default() };
        form.base = Some(serve(false));
        form.start(None);
        assert!(form.is_running());
        let fetched = form.wait().unwrap_or_else(|| panic!("{:?}", form.error));
        assert_eq!(fetched.selection.year.as_deref(), Some("2020"));
        let d2024 = embedded_dataset("norway-2024").unwrap();
        let mut dialog = ImportDialog::fetched(fetched, &d2024);
        dialog.kind = crate::data::Kind::Extensive;
        dialog.refresh(&d2024);
        assert_eq!(
            (dialog.year.as_str(), dialog.unit.as_str(), dialog.label.as_str()),
            ("2020", "personer", "Personer")
        );
        let preview = dialog.preview.as_ref().unwrap();
        assert_eq!((preview.with_value, preview.unknown.len()), (357, 0));
        assert_eq!(preview.borders.as_ref().unwrap().split.len(), 1);
    }

    #[test]
    fn a_request_can_be_cancelled_and_errors_are_kept_in_the_form() {
        let mut form = SsbForm { table: "07459".into(), ..SsbForm::default() };
        form.base = Some(serve(true));
        form.start(None);
        assert!(form.is_running());
        form.cancel();
        assert!(!form.is_running());
        assert!(form.poll().is_none());
        let mut form = SsbForm { table: "99999".into(), ..SsbForm::default() };
        form.base = Some(serve(false));
        form.start(None);
        assert!(form.wait().is_none());
        let error = form.error.clone().unwrap();
        assert!(matches!(error, FetchError::Ssb(SsbError::Http { status: 404, .. })), "{error:?}");
        assert!(error.text(Lang::Nb).starts_with("SSB svarte med feil (HTTP 404)"), "{}", error.text(Lang::Nb));
    }

    #[test]
    fn no_connection_is_told_in_bokmål_with_the_cause_and_a_hint() {
        // Nothing listens on port 9 of this machine: the connection is refused.
        let mut form = SsbForm { table: "07459".into(), ..SsbForm::default() };
        form.base = Some("http://127.0.0.1:9/api".into());
        form.start(None);
        assert!(form.wait().is_none());
        let error = form.error.clone().unwrap();
        assert!(matches!(error, FetchError::Ssb(SsbError::Connect { .. } | SsbError::Proxy { .. })), "{error:?}");
        let text = error.text(Lang::Nb);
        assert!(text.starts_with("Fikk ikke kontakt med SSB"), "{text}");
        assert!(text.contains("proxy"), "the hint names the proxy setting: {text}");
    }
}
