//! AI seats decide in the background: when a turn opens, each policy seat's decision is a
//! [`Think`] job run by a small pool of worker threads ([`Thinker`]) on an owned copy of its
//! side's [`SideView`], so that Advance only resolves. A [`Pending`] counts the decisions a
//! turn still waits for; Advance waits on it when an AI is still thinking.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};

use demarche_sim::memo::Memo;
use demarche_sim::scenario::Order;
use demarche_sim::{Side, SideView};

/// The decisions a turn still waits for.
#[derive(Debug, Default)]
pub struct Pending {
    left: Mutex<usize>,
    done: Condvar,
}

impl Pending {
    /// A count of `n` decisions.
    pub fn new(n: usize) -> Arc<Pending> {
        Arc::new(Pending {
            left: Mutex::new(n),
            done: Condvar::new(),
        })
    }

    /// Whether every decision has been made.
    pub fn is_done(&self) -> bool {
        *self.left.lock().unwrap_or_else(|e| e.into_inner()) == 0
    }

    /// One decision made (or given up).
    pub fn one_done(&self) {
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        *left = left.saturating_sub(1);
        if *left == 0 {
            self.done.notify_all();
        }
    }

    /// Blocks until every decision has been made.
    pub fn wait(&self) {
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        while *left > 0 {
            left = self.done.wait(left).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// One policy seat's decision to make.
pub struct Think {
    /// The group.
    pub group: i64,
    /// The turn it decides for.
    pub turn: u32,
    /// The side.
    pub side: Side,
    /// The policy's name (`ai:realist:normal`, `historical`…).
    pub policy: String,
    /// The policy's seed.
    pub seed: u64,
    /// The side's view when the turn opened.
    pub view: SideView,
    /// The turn's count of decisions, to mark this one done.
    pub pending: Arc<Pending>,
}

impl Think {
    /// The seat's orders and memo (its reasons); no orders when the policy cannot be built or
    /// fails.
    pub fn decide(&self) -> (Vec<Order>, Memo) {
        catch_unwind(AssertUnwindSafe(|| {
            decide(&self.policy, self.seed, &self.view)
        }))
        .unwrap_or_default()
    }
}

/// A policy's orders and memo for a view.
pub fn decide(policy: &str, seed: u64, view: &SideView) -> (Vec<Order>, Memo) {
    let Ok(mut policy) = demarche_cli::policies::build(policy, seed) else {
        return (Vec::new(), Memo::default());
    };
    let orders = policy.orders(view);
    let memo = policy
        .memo()
        .map_or_else(Memo::default, |note| Memo::note(note).cleaned());
    (orders, memo)
}

type Job = Box<dyn FnOnce() + Send>;

/// A pool of worker threads running jobs in the order given.
pub struct Thinker {
    tx: Mutex<Sender<Job>>,
}

impl Thinker {
    /// A pool of `workers` threads (at least one). They end when the pool is dropped.
    pub fn new(workers: usize) -> Thinker {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..workers.max(1) {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("classroom-ai-{i}"))
                .spawn(move || work(&rx));
            if let Err(e) = spawned {
                eprintln!("warning: an AI worker could not start: {e}");
            }
        }
        Thinker { tx: Mutex::new(tx) }
    }

    /// Queues a job.
    pub fn run(&self, job: impl FnOnce() + Send + 'static) {
        let tx = self.tx.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = tx.send(Box::new(job)) {
            // No worker is left: run it here rather than lose it.
            (e.0)();
        }
    }
}

fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        let job = match rx.lock().unwrap_or_else(|e| e.into_inner()).recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        job();
    }
}

/// The number of AI workers: the machine's cores, at most 4.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().min(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_counts_down_and_wakes_waiters() {
        let pending = Pending::new(2);
        let thinker = Thinker::new(2);
        for _ in 0..2 {
            let p = pending.clone();
            thinker.run(move || p.one_done());
        }
        pending.wait();
        assert!(pending.is_done());
    }
}
