//! UI texts in bokmål and English. Every text is declared with both, so a missing translation does not compile.

pub use crate::lang::Lang;

/// Declares a struct of UI texts with a bokmål (`NB`) and an English (`EN`) instance:
///
/// ```ignore
/// texts!(MenuTexts {
///     file: "Fil", "File";
///     open: "Åpne …", "Open…";
/// });
/// let t = MenuTexts::get(lang);
/// ui.label(t.file);
/// ```
#[macro_export]
macro_rules! texts {
    ($name:ident { $($field:ident : $nb:expr , $en:expr ;)* }) => {
        pub struct $name { $(pub $field: &'static str,)* }
        impl $name {
            pub const NB: $name = $name { $($field: $nb,)* };
            pub const EN: $name = $name { $($field: $en,)* };
            pub fn get(lang: $crate::lang::Lang) -> &'static $name {
                match lang {
                    $crate::lang::Lang::Nb => &Self::NB,
                    $crate::lang::Lang::En => &Self::EN,
                }
            }
        }
    };
}
