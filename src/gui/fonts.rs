//! Fonts: egui's defaults, with its monospace face as a last fallback for symbols the proportional face
//! lacks (● for unsaved changes, ▲ ▼).

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(list) = fonts.families.get_mut(&egui::FontFamily::Proportional)
        && !list.iter().any(|f| f == "Hack")
    {
        list.push("Hack".to_owned());
    }
    ctx.set_fonts(fonts);
}
