import Foundation

/// Runs independent pieces of work on several threads and hands their results on in index
/// order, so a parallel run writes exactly what a serial one writes.
///
/// Pieces 0..<count are taken in order by up to `jobs` workers; `emit` is called serially, for
/// piece i as soon as i and every piece before it are done. After the first error no new piece
/// starts; the pieces before the failed one are still emitted (finished results are never
/// dropped) and the error is rethrown. Each piece must draw randomness only from its own seeded
/// stream and touch no state that another piece touches.
public enum OrderedParallel {
    /// The default worker count: the machine's active cores.
    public static var machineCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    public static func run<Result>(count: Int, jobs: Int, work: (Int) throws -> Result,
                                   emit: (Int, Result) throws -> Void) throws {
        guard jobs > 1, count > 1 else {
            for index in 0..<count { try emit(index, try work(index)) }
            return
        }
        try withoutActuallyEscaping(work) { work in
            try withoutActuallyEscaping(emit) { emit in
                let state = SharedState<Result>(count: count)
                let box = UncheckedBox((work, emit))
                DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
                    while let index = state.next() {
                        let outcome = Swift.Result { try box.value.0(index) }
                        state.finish(index, outcome, emit: box.value.1)
                    }
                }
                if let error = state.error { throw error }
            }
        }
    }
}

/// The queue position, finished results and first error of one `OrderedParallel.run`, behind a lock.
private final class SharedState<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var nextToStart = 0
    private var nextToEmit = 0
    private var done: [Int: Swift.Result<Result, any Error>] = [:]
    private(set) var error: (any Error)?

    init(count: Int) { self.count = count }

    /// The next piece to start, or `nil` when all have started or one failed.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, nextToStart < count else { return nil }
        nextToStart += 1
        return nextToStart - 1
    }

    /// Records piece `index` and emits every finished piece at the front of the order.
    func finish(_ index: Int, _ outcome: Swift.Result<Result, any Error>, emit: (Int, Result) throws -> Void) {
        lock.lock()
        defer { lock.unlock() }
        done[index] = outcome
        while error == nil, let ready = done.removeValue(forKey: nextToEmit) {
            do {
                try emit(nextToEmit, try ready.get())
                nextToEmit += 1
            } catch {
                self.error = error
            }
        }
    }
}

/// Hands non-Sendable closures to the worker threads; `SharedState`'s lock serialises `emit`, and
/// the pieces of work share no state by `OrderedParallel`'s contract.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
