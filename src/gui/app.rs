//! The planner window: owns the document, its result, the view state and the history, and draws one frame.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::autosave::Autosave;
use super::changes::{ChangeNote, asked_flags};
use super::command::{Command, FileAction};
use super::document::Document;
use super::file_dialog::{FileDialogs, Outcome};
use super::history::History;
use super::modal::{DialogContext, Modal, Modals, PathField, Pending};
use super::notices::Notice;
use super::view::ViewContext;
use super::view_state::{Prefs, Tab, ViewState};
use super::{panels, shortcuts, table, tabs};
use crate::engine::{AllocError, Allocation, allocate};

/// How long the note about newly asked municipalities stays in the status bar.
const NOTE_LIFETIME: Duration = Duration::from_secs(15);

/// The narrowest the left panel gets, and the share of the window it may take at most.
const CONTROLS_MIN: f32 = 300.0;
const CONTROLS_SHARE: f32 = 0.4;

/// The latest allocation of the document, and what it took.
pub struct Computed {
    pub result: Result<Allocation, AllocError>,
    /// Bumped on every recompute; views cache derived data against it.
    pub generation: u64,
    pub elapsed: Duration,
    /// The document revision this result belongs to.
    revision: u64,
}

/// Who came in or left with the last change, and the state a drag started from.
#[derive(Default)]
pub struct ChangeTracker {
    pub note: Option<(ChangeNote, Instant)>,
    /// Who was asked when the open gesture (a slider drag) began: its note covers the whole drag.
    pub gesture_start: Option<(egui::Id, Vec<bool>)>,
}

/// What the app knows of its window.
pub struct Window {
    pub ctx: Option<egui::Context>,
    /// Set once the user agreed to close; the next close request goes through.
    pub allow_close: bool,
    /// Unsaved changes were dealt with before the Open dialog: the file chosen there opens without asking
    /// again. Any other command ends it.
    pub open_settled: bool,
    /// The look last handed to egui; set again when the preference changes.
    theme_applied: Option<super::view_state::Theme>,
    started: Option<Instant>,
    title: String,
}

pub struct App {
    pub doc: Document,
    pub history: History,
    pub computed: Computed,
    pub changes: ChangeTracker,
    pub view: ViewState,
    pub prefs: Prefs,
    pub notices: Vec<Notice>,
    /// The dialogs that take the keyboard.
    pub modal: Modals,
    /// The native file dialog while one is open.
    pub dialogs: FileDialogs,
    /// A figure or briefing being written.
    pub chart: Option<super::chart_png::PendingChart>,
    pub autosave: Autosave,
    pub window: Window,
    /// The open settlement year, beside the document (its own file, saved on each sent change).
    pub year: Option<super::year_view::OpenYear>,
}

impl App {
    /// The planner on `doc`, with saved preferences.
    pub fn new(doc: Document, prefs: Prefs) -> Self {
        let view = ViewState { lang: prefs.lang, ..ViewState::default() };
        let computed = Self::compute(&doc, 0);
        App {
            doc,
            history: History::default(),
            computed,
            changes: ChangeTracker::default(),
            view,
            prefs,
            notices: Vec::new(),
            modal: Modals::default(),
            dialogs: FileDialogs::default(),
            chart: None,
            autosave: Autosave::off(),
            window: Window {
                ctx: None,
                allow_close: false,
                open_settled: false,
                theme_applied: None,
                started: None,
                title: String::new(),
            },
            year: None,
        }
    }

    /// Prints the time to the first frame (when `BOSETTING_TIMING` is set).
    pub fn with_start_time(mut self, started: Instant) -> Self {
        self.window.started = Some(started);
        self
    }

    /// Autosaves with `autosave`, and offers to recover what an earlier session left there.
    pub fn with_autosave(mut self, mut autosave: Autosave) -> Self {
        if let Some(found) = autosave.find() {
            self.modal.open(Modal::Recovery(Box::new(found)));
        }
        self.autosave = autosave;
        self
    }

    /// Autosaves when the interval is over (see [`Autosave::tick`]); a failure is reported once.
    pub fn autosave_tick(&mut self, now: Instant) {
        if let Err(e) = self.autosave.tick(now, &self.doc) {
            let folder = self.autosave.folder().map(|f| f.display().to_string()).unwrap_or_default();
            let text = format!("{} {folder}: {e}", super::apply::OpenTexts::get(self.view.lang).cannot_autosave);
            if !self.notices.iter().any(|n| n.text == text) {
                self.notices.push(Notice::warning(text));
            }
        }
    }

    /// This session's autosave is no longer needed (saved, discarded, or a clean exit). Work left by
    /// another session lives in its own slot and is untouched.
    pub(super) fn drop_autosave(&mut self) {
        self.autosave.remove();
    }

    fn compute(doc: &Document, generation: u64) -> Computed {
        let start = Instant::now();
        let result = allocate(doc.dataset(), doc.scenario());
        Computed { result, generation, elapsed: start.elapsed(), revision: doc.revision() }
    }

    /// Recomputes when the scenario changed since the last result, and notes who came in or left.
    pub(super) fn refresh(&mut self) {
        if self.doc.revision() == self.computed.revision {
            return;
        }
        let next = Self::compute(&self.doc, self.computed.generation + 1);
        // Within a gesture the note compares with its start, as its undo step does.
        let gesture_base = match &self.changes.gesture_start {
            Some((id, flags)) if self.history.open_gesture() == Some(*id) => Some(flags),
            _ => None,
        };
        let note = match (&self.computed.result, &next.result) {
            (Ok(before), Ok(after)) => {
                let before = gesture_base.cloned().unwrap_or_else(|| asked_flags(before));
                ChangeNote::between(self.doc.dataset(), &before, &asked_flags(after))
            }
            _ => None,
        };
        // The note tells what the latest change did: one that moved nobody in or out (an undo, a lock
        // within the asked) clears the note of the change before it.
        self.changes.note = note.map(|n| (n, Instant::now()));
        self.computed = next;
    }

    /// A fresh result for the document as it is, without a change note (a new document).
    pub(super) fn recompute(&mut self) {
        self.computed = Self::compute(&self.doc, self.computed.generation + 1);
    }

    pub fn view_context(&self) -> ViewContext<'_> {
        ViewContext {
            dataset: self.doc.dataset(),
            scenario: self.doc.scenario(),
            allocation: self.computed.result.as_ref(),
            lang: self.view.lang,
            selected: self.view.selected,
            expected: self.view.expected.get(),
        }
    }

    /// The change note while it is fresh.
    pub fn current_note(&self) -> Option<&ChangeNote> {
        self.changes.note.as_ref().filter(|(_, at)| at.elapsed() < NOTE_LIFETIME).map(|(n, _)| n)
    }

    /// One frame: input, panels, dialogs; then the commands they returned are applied.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.window.ctx = Some(ctx.clone());
        self.report_first_frame();
        if self.window.theme_applied != Some(self.prefs.theme) {
            ctx.set_theme(self.prefs.theme.preference());
            self.window.theme_applied = Some(self.prefs.theme);
        }
        // While a dialog is up, it has the keyboard.
        let mut cmds = if self.modal.is_up() { Vec::new() } else { shortcuts::pressed(&ctx) };
        cmds.extend(self.dropped_files(&ctx));
        cmds.extend(self.poll_dialog());
        self.poll_ssb();
        self.guard_close(&ctx);

        let lang = self.view.lang;
        egui::Panel::top("menu").show(ui, |ui| {
            panels::menu::show(ui, &self.menu_state(), &mut cmds);
            panels::header::show(ui, &self.doc, lang, &mut cmds);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            let year = self.year.as_ref().map(super::year_view::OpenYear::name);
            panels::status::show(ui, &self.computed, self.doc.dataset(), self.current_note(), year.as_deref(), lang);
        });
        // Content never widens the panel past this; the user may drag it wider up to the same bound.
        let widest = (ui.available_width() * CONTROLS_SHARE).max(CONTROLS_MIN);
        let panel = egui::Panel::left("controls").resizable(true).default_size(400.0).min_size(CONTROLS_MIN);
        panel.max_size(widest).show(ui, |ui| {
            let plan = self.computed.result.as_ref().ok();
            panels::controls::show(ui, self.doc.scenario(), self.doc.dataset(), plan, lang, &mut cmds);
        });
        let central = egui::CentralPanel::default().show(ui, |ui| {
            self.central(ui, &mut cmds);
        });
        panels::notices::toasts(&ctx, central.response.rect, &self.notices, lang, &mut cmds);
        self.poll_chart();
        super::help::show(&ctx, self.view.help, lang, &mut cmds);
        let dc = DialogContext {
            dataset: self.doc.dataset(),
            scenario: self.doc.scenario(),
            path: self.doc.path(),
            lang,
            picking: self.dialogs.is_open() || self.modal.path_field().is_some(),
        };
        self.modal.show(&ctx, &dc, &mut cmds);
        let county_round = super::county_round_view::CountyRoundTexts::get(lang).drop_hint;
        panels::dialogs::drop_hint(&ctx, lang, (self.view.tab == Tab::CountyRound).then_some(county_round));

        // The views drew the previous result; draw again at once with the new one.
        if !cmds.is_empty() {
            ctx.request_repaint();
        }
        self.apply_all(cmds);
        self.update_title(&ctx);
        self.autosave_tick(Instant::now());
        if self.doc.is_dirty() {
            ctx.request_repaint_after(self.autosave.every);
        }
        self.notices.retain(|n| !n.expired());
        if self.notices.iter().any(|n| n.level == super::notices::Level::Info) {
            ctx.request_repaint_after(super::notices::INFO_LIFETIME);
        }
        if let Some((_, at)) = &self.changes.note {
            let left = NOTE_LIFETIME.saturating_sub(at.elapsed());
            if !left.is_zero() {
                ctx.request_repaint_after(left);
            }
        }
    }

    fn central(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let lang = self.view.lang;
        let t = tabs::TabTexts::get(lang);
        // Wrapped: in a narrow window the tabs take two lines rather than widening the central area past it.
        ui.horizontal_wrapped(|ui| {
            let compare = super::compare_view::CompareTexts::get(lang).tab;
            for (tab, label) in [
                (Tab::Table, t.table),
                (Tab::Charts, t.charts),
                (Tab::Map, t.map),
                (Tab::Explain, t.explain),
                (Tab::Compare, compare),
                (Tab::FollowUp, super::followup_view::FollowUpTexts::get(lang).tab),
                (Tab::Year, super::year_view::YearTexts::get(lang).tab),
                (Tab::CountyRound, super::county_round_view::CountyRoundTexts::get(lang).tab),
                (Tab::Data, t.data),
            ] {
                if ui.selectable_label(self.view.tab == tab, label).clicked() {
                    cmds.push(Command::SetTab(tab));
                }
            }
        });
        ui.separator();
        panels::notices::show(ui, &self.notices, lang, cmds);
        if let Err(e) = &self.computed.result {
            panels::notices::alloc_error(ui, e, lang);
        }
        let generation = self.computed.generation;
        self.view.expected.update(self.doc.dataset(), self.computed.result.as_ref().ok(), generation);
        let ctx = ViewContext {
            dataset: self.doc.dataset(),
            scenario: self.doc.scenario(),
            allocation: self.computed.result.as_ref(),
            lang,
            selected: self.view.selected,
            expected: self.view.expected.get(),
        };
        // The target range feeds the table's range column too, so it is kept up to date on every tab.
        self.view.explain.update(&ctx, generation, self.view.tab == Tab::Explain, ui.ctx());
        let range_column = self.view.explain.range_column(&ctx, generation);
        // Charts and map are wired here (see src/gui/tabs.rs).
        let actions = match self.view.tab {
            Tab::Table => table::show_table(
                ui,
                &ctx,
                &mut self.view.table,
                &mut self.view.table_rows,
                generation,
                range_column.as_ref(),
                cmds,
            ),
            Tab::Charts => tabs::show_charts_tab(ui, &ctx, &mut self.view.charts),
            Tab::Map => tabs::show_map_tab(ui, &ctx, &mut self.view.map),
            Tab::Data => tabs::show_data_tab(ui, &ctx, &mut self.view.data, self.doc.dataset_unsaved(), cmds),
            Tab::Explain => super::explain_view::show(ui, &ctx, &mut self.view.explain, generation, cmds),
            Tab::FollowUp => super::followup_view::show(ui, &ctx, &mut self.view.followup, cmds),
            Tab::Year => {
                if let Some(open) = &mut self.year
                    && open.prepared().lang != lang
                {
                    open.refresh(lang);
                }
                let picking = self.dialogs.is_open() || self.modal.path_field().is_some();
                let inputs = super::year_view::YearInputs { year: self.year.as_ref(), lang, picking };
                super::year_view::show(ui, &inputs, &mut self.view.year, cmds);
                Vec::new()
            }
            Tab::CountyRound => {
                super::county_round_view::show(ui, &ctx, &mut self.view.county_round, generation, cmds);
                Vec::new()
            }
            Tab::Compare => {
                let inputs = super::compare_view::inputs(&self.doc, &self.computed, lang);
                let open = self.dialogs.is_open();
                super::compare_view::show(ui, &mut self.view.compare, &inputs, self.view.selected, open, cmds)
            }
        };
        cmds.extend(actions.into_iter().map(super::view::ViewAction::into_command));
    }

    fn report_first_frame(&mut self) {
        if let Some(started) = self.window.started.take()
            && std::env::var_os("BOSETTING_TIMING").is_some()
        {
            eprintln!("bosetting: first frame after {} ms", started.elapsed().as_millis());
        }
    }

    /// A file dropped on the window: a scenario is opened, a dataset file used, a table imported.
    /// On the county round tab, the returned workbooks and CSV files dropped go to its import, all together.
    fn dropped_files(&self, ctx: &egui::Context) -> Vec<Command> {
        if self.view.tab == Tab::CountyRound {
            let paths = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect::<Vec<_>>());
            let returned = super::county_round_view::returned_files(paths);
            return if returned.is_empty() {
                Vec::new()
            } else {
                vec![Command::CountyRound(super::county_round_view::CountyRoundCmd::Import(returned))]
            };
        }
        ctx.input(|i| i.raw.dropped_files.iter().find_map(|f| dropped_file_command(f.path().to_path_buf())))
            .into_iter()
            .collect()
    }

    /// The command a file dialog's answer makes, if any.
    fn poll_dialog(&mut self) -> Option<Command> {
        match self.dialogs.poll()? {
            Outcome::Chosen(action, path) => return Some(action.chosen(path)),
            Outcome::Cancelled => {
                self.modal.take_after_save();
            }
            Outcome::Unavailable(action) => self.show_path_field(action),
        }
        None
    }

    /// A finished SSB fetch opens in the import dialog, in place of the form.
    fn poll_ssb(&mut self) {
        let Some(fetched) = self.modal.ssb_mut().and_then(|form| form.poll()) else { return };
        self.modal.take_ssb();
        let dialog = super::data_tab::ImportDialog::fetched(fetched, self.doc.dataset());
        self.modal.open(Modal::Import(Box::new(dialog)));
    }

    /// What the menu bar shows enabled and checked.
    fn menu_state(&self) -> panels::menu::MenuState<'_> {
        panels::menu::MenuState {
            lang: self.view.lang,
            theme: self.prefs.theme,
            recent: &self.prefs.recent,
            picking: self.dialogs.is_open(),
            has_result: self.computed.result.is_ok(),
            writing: self.chart.is_some(),
            can_undo: self.history.can_undo(),
            can_redo: self.history.can_redo(),
        }
    }

    pub fn show_path_field(&mut self, action: FileAction) {
        let text = match (action, self.doc.path()) {
            (FileAction::SaveAs, Some(p)) => p.display().to_string(),
            (FileAction::SaveAs, None) => format!("{}.ron", self.doc.scenario().name),
            (FileAction::Export(_) | FileAction::Chart | FileAction::Briefing, _) => {
                let extension = match action {
                    FileAction::Export(format) => format.extension(),
                    FileAction::Briefing => "pdf",
                    _ => "png",
                };
                let dir = self.doc.path().and_then(std::path::Path::parent).map(std::path::Path::to_path_buf);
                let name = format!("{}.{extension}", self.doc.scenario().name);
                dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name)
            }
            (FileAction::Open | FileAction::Import | FileAction::Dataset | FileAction::CalibrationReference, _) => {
                String::new()
            }
            (FileAction::FollowUp(file), _) => {
                let name = file.file_name(&self.doc.scenario().name, self.view.lang);
                let dir = self.doc.path().and_then(std::path::Path::parent);
                dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name)
            }
            (FileAction::Year(file), _) if file.opens() => String::new(),
            (FileAction::Year(file), _) => {
                let name = file.file_name(self.year_number(), self.view.lang);
                let dir = self.doc.path().and_then(std::path::Path::parent);
                dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name)
            }
            (FileAction::Compare(file), _) => {
                let name = file.file_name(&self.doc.scenario().name, self.view.lang);
                let dir = self.doc.path().and_then(std::path::Path::parent).filter(|_| !file.opens());
                dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name)
            }
        };
        let base = std::env::current_dir().unwrap_or_default();
        self.modal.open(Modal::PathField(PathField { action, text, focus_tries: 3, base, listed: None }));
    }

    /// Closing the window with unsaved changes asks first.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.window.allow_close && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal.open(Modal::Guard(Pending::Quit));
        }
    }

    /// The open year's number, or the dataset's year (a new year's default name).
    pub(super) fn year_number(&self) -> i32 {
        self.year.as_ref().map_or(self.doc.dataset().year, |y| y.saved().year)
    }

    /// The window's title: the document, whether it is unsaved, and the open year.
    pub fn title(&self) -> &str {
        &self.window.title
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.doc.is_dirty() { " ●" } else { "" };
        let year = self.year.as_ref().map(|y| format!(" – {}", y.name())).unwrap_or_default();
        let title = format!("{}{mark}{year} – bosetting", self.doc.display_name());
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Prefs::KEY, &self.prefs);
    }

    /// The window only closes with unsaved changes once the user chose to discard them.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.doc.is_dirty() || self.window.allow_close {
            self.drop_autosave();
        }
    }
}

/// What dropping `path` on the window does, by its name; `None` for files the planner does not read.
pub fn dropped_file_command(path: PathBuf) -> Option<Command> {
    use super::data_tab::ImportCmd;
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".dataset.ron") {
        Some(Command::Import(ImportCmd::UseDatasetFile(path)))
    } else if name.ends_with(".ron") {
        Some(Command::Open(path))
    } else if [".csv", ".tsv", ".txt", ".json"].iter().any(|ext| name.ends_with(ext)) {
        Some(Command::Import(ImportCmd::Load(path)))
    } else {
        None
    }
}
