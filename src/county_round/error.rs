//! Why a county round step is refused: each message names the county, or the file, row and cause.

/// A frame, a reconciliation or an override that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("the frames add up to {sum}, but the year's need is {need}; they must add up to it exactly")]
    FramesSum { sum: u64, need: u32 },
    #[error("the frames name {county:?}, which is not a county of the dataset")]
    UnknownCounty { county: String },
    #[error("the frames have no number for {county}")]
    MissingFrame { county: String },
    #[error("the frames give {county} twice")]
    RepeatedFrame { county: String },
    #[error(
        "{county}: the frame {frame} is below {lower}, what the scenario's lower bounds (floors, change band) ask of its municipalities"
    )]
    FrameBelowBounds { county: String, frame: u32, lower: u64 },
    #[error("{county}: the frame {frame} is above {upper}, all its municipalities can take under the scenario's caps")]
    FrameAboveBounds { county: String, frame: u32, upper: u64 },
    #[error("column {column:?} is not in the dataset")]
    UnknownColumn { column: String },
    #[error("column {column:?}: the county sums add up to 0, so they cannot split the need")]
    EmptyColumn { column: String },
    #[error("{county}: the overrides add up to {overrides}, more than the frame {frame}")]
    OverridesAboveFrame { county: String, overrides: u64, frame: u32 },
    #[error("{county}: its numbers ({numbers}) cannot be brought to the frame {frame}: {cause}")]
    CannotReachFrame { county: String, numbers: u64, frame: u32, cause: String },
    #[error("override of {code}: no such municipality in the dataset")]
    UnknownOverride { code: String },
    #[error("override of {code}: a reason is needed")]
    OverrideWithoutReason { code: String },
}
