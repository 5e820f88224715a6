//! A progress bar on standard error, shown only when it is a terminal.

use std::io::{IsTerminal, Write};

/// Draws `done / total` as a bar when standard error is a terminal; silent otherwise.
pub struct Progress {
    total: u32,
    shown: bool,
    last: u32,
}

impl Progress {
    /// A bar for `total` steps.
    pub fn new(total: u32) -> Progress {
        Progress {
            total,
            shown: std::io::stderr().is_terminal() && total > 1,
            last: u32::MAX,
        }
    }

    /// Shows progress; cheap when nothing changed.
    pub fn set(&mut self, done: u32) {
        if !self.shown {
            return;
        }
        let percent = done * 100 / self.total.max(1);
        if percent == self.last {
            return;
        }
        self.last = percent;
        let width = 40;
        let filled = (done as usize * width) / self.total.max(1) as usize;
        let bar: String = "█".repeat(filled) + &"·".repeat(width - filled);
        let mut err = std::io::stderr();
        let _ = write!(err, "\r{bar} {done}/{} games ({percent}%)", self.total);
        let _ = err.flush();
    }

    /// Clears the bar.
    pub fn finish(&mut self) {
        if self.shown {
            let mut err = std::io::stderr();
            let _ = write!(err, "\r{}\r", " ".repeat(70));
            let _ = err.flush();
        }
    }
}
