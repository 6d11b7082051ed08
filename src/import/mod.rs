//! Reading indicator tables from SSB and IMDi exports (CSV, SSB statbank CSV, JSON-stat 2.0).
