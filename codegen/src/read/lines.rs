//! Byte offsets to line numbers, for every reader and the configuration
//! file alike: errors name lines, parsers give offsets.

/// Byte offset -> 1-based line, for a whole document.
#[derive(Default)]
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_their_lines() {
        let lines = Lines::new("ab\ncd\n\ne");
        let at: Vec<usize> = [0, 2, 3, 5, 6, 7, 100].map(|o| lines.line(o)).into();
        assert_eq!(at, [1, 1, 2, 2, 3, 4, 4]);
    }
}
