import ReaderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the whole of an edition whose first 版 is on screen, on a thread of its
/// own, so that the reader stays responsive meanwhile; the loop collects the result
/// between key reads (`poll`) or waits for it (`wait`) before anything that needs
/// the whole edition. A plain pthread: no Foundation or Dispatch at start-up.
final class EditionCompletion: @unchecked Sendable {
    private let opening: EditionOpening
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private let ready: UnsafeMutablePointer<pthread_cond_t>
    // Guarded by `lock`.
    private var result: Edition?
    /// Only touched by the thread that owns the reader loop.
    private var started = false

    init(_ opening: EditionOpening) {
        self.opening = opening
        lock = .allocate(capacity: 1)
        ready = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(ready, nil)
    }

    deinit {
        pthread_cond_destroy(ready)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        ready.deallocate()
    }

    /// Starts the parse (once). If no thread can be made, it parses here and now.
    func start() {
        guard !started else { return }
        started = true
        // The thread holds its own reference: the object lives until the parse is done.
        let context = Unmanaged.passRetained(self).toOpaque()
        var id = pthread_t()
        let made = pthread_create(
            &id, nil,
            { context in
                let me = Unmanaged<EditionCompletion>.fromOpaque(context!).takeRetainedValue()
                me.finish(me.opening.complete())
                return nil
            }, context)
        if made == 0 {
            pthread_detach(id)
        } else {
            Unmanaged<EditionCompletion>.fromOpaque(context).release()
            finish(opening.complete())
        }
    }

    /// The whole edition if it is ready; never waits.
    func poll() -> Edition? {
        peek()
    }

    /// The whole edition, waiting for the thread (starting the parse if need be).
    func wait() -> Edition {
        start()
        pthread_mutex_lock(lock)
        while result == nil { pthread_cond_wait(ready, lock) }
        let edition = result!
        pthread_mutex_unlock(lock)
        return edition
    }

    /// The result so far.
    private func peek() -> Edition? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return result
    }

    /// Stores the result and wakes a waiter.
    private func finish(_ edition: Edition) {
        pthread_mutex_lock(lock)
        result = edition
        pthread_cond_broadcast(ready)
        pthread_mutex_unlock(lock)
    }
}
