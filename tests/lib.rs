//! Cross-crate integration stories live in it/main.rs; this library is empty.
