//! Keyboard shortcuts, shared by the menus (which show them) and the key handler (which acts on them).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Edit → Copy table (plain Ctrl+C stays with text fields and selections).
pub const COPY_TABLE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

/// Commands for the shortcuts pressed this frame. Shift variants are checked first, since matching
/// ignores extra Shift. While a text field has the keyboard, undo and redo are left to it.
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    // F1 opens the help where the control under the pointer points, else at the top.
    let help_section = super::help::take_hovered(ctx).unwrap_or_default();
    ctx.input_mut(|i| {
        let mut out = Vec::new();
        if i.consume_shortcut(&SAVE_AS) {
            out.push(Command::SaveAsDialog);
        }
        if i.consume_shortcut(&SAVE) {
            out.push(Command::Save);
        }
        if i.consume_shortcut(&NEW) {
            out.push(Command::New);
        }
        if i.consume_shortcut(&OPEN) {
            out.push(Command::OpenDialog);
        }
        if i.consume_shortcut(&HELP) {
            out.push(Command::ShowHelp(Some(help_section)));
        }
        if !typing {
            if i.consume_shortcut(&COPY_TABLE) {
                out.push(Command::CopyTable);
            }
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                out.push(Command::Redo);
            }
            if i.consume_shortcut(&UNDO) {
                out.push(Command::Undo);
            }
        }
        out
    })
}
