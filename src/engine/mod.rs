pub mod apportion;
