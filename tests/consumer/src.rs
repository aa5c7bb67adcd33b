//! Intentionally empty: the consumer's code is its tests.
