//! Work shared by two cores, results as a single pass would give them.
//!
//! A large article is most of its time in independent per-row or per-piece
//! work, or in checks that do not depend on each other. Lists are mapped by
//! two threads taking chunks in turn (not a fixed half each), so a core busy
//! with something else, such as hashing the capture, does not hold the other
//! up; the chunks are put back in order, item for item.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `first` and `second` run side by side, `second` on a thread of its own;
/// a panic in either reaches the caller.
pub(crate) fn join<A, B: Send>(
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    join_if(true, first, second)
}

/// [`join`] if `apart` (the work is large enough to pay for a thread), else
/// one after the other on the calling thread.
pub(crate) fn join_if<A, B: Send>(
    apart: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !apart {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    })
}

/// `items` mapped by `work`, in order. Items are taken `chunk` at a time;
/// a list of one chunk or less is mapped on the calling thread alone, where
/// a second thread would cost more than it saves.
pub(crate) fn map_in_order<T: Sync, U: Send>(
    items: &[T],
    chunk: usize,
    work: impl Fn(&T) -> U + Sync,
) -> Vec<U> {
    map_in_order_with(items, chunk, || (), |(), item| work(item))
}

/// [`map_in_order`] where each thread keeps a scratch value made by `init`
/// (reused buffers, say: allocating afresh for every item costs time, and
/// buffers freed on one thread and grown on the other make the allocator's
/// per-thread pools contend for one lock).
pub(crate) fn map_in_order_with<T: Sync, U: Send, S>(
    items: &[T],
    chunk: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> U + Sync,
) -> Vec<U> {
    let chunk = chunk.max(1);
    if items.len() <= chunk {
        let mut scratch = init();
        return items.iter().map(|item| work(&mut scratch, item)).collect();
    }
    let chunks: Vec<&[T]> = items.chunks(chunk).collect();
    let next = AtomicUsize::new(0);
    let take_chunks = || {
        let mut scratch = init();
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(items) = chunks.get(index) else {
                return done;
            };
            let mapped: Vec<U> = items.iter().map(|item| work(&mut scratch, item)).collect();
            done.push((index, mapped));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let helper = scope.spawn(take_chunks);
        let mut done = take_chunks();
        done.extend(
            helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        done
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    let mut out = Vec::with_capacity(items.len());
    for (_, mapped) in done {
        out.extend(mapped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_input_order_at_every_chunk_size() {
        let items: Vec<usize> = (0..1000).collect();
        for chunk in [0, 1, 2, 7, 999, 1000, 5000] {
            let mapped = map_in_order(&items, chunk, |&i| i * 3);
            assert_eq!(mapped, items.iter().map(|&i| i * 3).collect::<Vec<_>>());
        }
        assert!(map_in_order(&[] as &[u8], 4, |&b| b).is_empty());
    }

    #[test]
    fn each_thread_keeps_its_own_scratch() {
        // The scratch counts the items its thread mapped so far: per thread,
        // the counts run 1, 2, 3, ... and together they cover every item.
        let items: Vec<u32> = (0..500).collect();
        let mapped = map_in_order_with(
            &items,
            7,
            || 0usize,
            |seen, &i| {
                *seen += 1;
                (std::thread::current().id(), *seen, i)
            },
        );
        assert_eq!(mapped.iter().map(|m| m.2).collect::<Vec<_>>(), items);
        let mut per_thread = std::collections::HashMap::new();
        for (thread, seen, _) in mapped {
            per_thread.entry(thread).or_insert_with(Vec::new).push(seen);
        }
        for mut counts in per_thread.into_values() {
            counts.sort_unstable();
            assert_eq!(counts, (1..=counts.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn both_threads_take_work() {
        // Each thread's first item waits for the other thread's first item:
        // the map finishes only if two threads share the list.
        let both = std::sync::Barrier::new(2);
        let seen = std::sync::Mutex::new(std::collections::HashSet::new());
        let mapped = map_in_order(&[(); 64], 1, |()| {
            let first = seen
                .lock()
                .expect("no panics while held")
                .insert(std::thread::current().id());
            if first {
                both.wait();
            }
        });
        assert_eq!(mapped.len(), 64);
        assert_eq!(seen.lock().expect("no panics while held").len(), 2);
    }

    #[test]
    fn a_panic_on_either_thread_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            map_in_order(&(0..100).collect::<Vec<u32>>(), 1, |&i| {
                assert!(i != 99, "item 99");
                i
            })
        });
        assert!(caught.is_err());
    }
}
