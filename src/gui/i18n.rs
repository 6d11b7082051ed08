//! UI texts in bokmål and English, declared with `crate::texts!` (in `lang.rs`, shared with the exports).

pub use crate::lang::Lang;
