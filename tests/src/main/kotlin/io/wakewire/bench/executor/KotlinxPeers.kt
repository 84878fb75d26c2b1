package io.wakewire.bench.executor

import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.yield
import kotlin.coroutines.resume

/**
 * The kotlinx-coroutines side of bench-executor: each function does a whole batch and returns when
 * it is done, so that JMH (which calls these from Java; a suspend function cannot be a benchmark
 * method) divides by the batch and a thread hand-off at the batch's ends does not count.
 */
object KotlinxPeers {

    /** One thread, dispatched like a single-threaded executor: the usual way to confine coroutines. */
    @OptIn(ExperimentalCoroutinesApi::class)
    @JvmStatic
    fun singleThread(): CoroutineDispatcher = Dispatchers.Default.limitedParallelism(1)

    /** `yield()` n times in a coroutine on [dispatcher]. */
    @JvmStatic
    fun yieldOn(dispatcher: CoroutineDispatcher, n: Int): Int = runBlocking(dispatcher) {
        repeat(n) { yield() }
        n
    }

    /** `yield()` n times in runBlocking's own event loop on the calling thread. */
    @JvmStatic
    fun yieldLoop(n: Int): Int = runBlocking {
        repeat(n) { yield() }
        n
    }

    /** n `launch {}` from inside a coroutine on runBlocking's event loop, all run to completion. */
    @JvmStatic
    fun launchBatch(n: Int): Int = runBlocking {
        repeat(n) { launch { } }
        n
    }

    /**
     * Two coroutines on one thread pass a baton n times each: each pass suspends the passer
     * (suspendCancellableCoroutine) and resumes the other, so one pass is one suspend + one resume.
     */
    @JvmStatic
    fun baton(n: Int): Int = runBlocking {
        val slot = Slot()
        launch { player(slot, n) }
        launch { player(slot, n) }
        2 * n
    }

    private class Slot {
        var parked: CancellableContinuation<Unit>? = null
    }

    private suspend fun player(slot: Slot, n: Int) {
        repeat(n) {
            val other = slot.parked
            slot.parked = null
            suspendCancellableCoroutine<Unit> { c ->
                slot.parked = c
                other?.resume(Unit)
            }
        }
        val other = slot.parked
        slot.parked = null
        other?.resume(Unit)
    }

    /** [n] coroutines that each delay 1 ms, run to completion (the heap probe's warm-up). */
    @JvmStatic
    fun sleepBriefly(n: Int) {
        runBlocking {
            repeat(n) { launch { delay(1L) } }
        }
    }

    /**
     * Heap per coroutine asleep in `delay(1 h)`: [measure] is read before and after launching
     * [count] of them on runBlocking's event loop (a yield lets each run up to its delay first);
     * [report] gets bytes per coroutine and must not return (the sleepers would keep runBlocking
     * waiting an hour): it prints and halts the JVM.
     */
    @JvmStatic
    fun sleepingBytes(count: Int, measure: java.util.function.LongSupplier, report: java.util.function.DoubleConsumer) {
        runBlocking {
            val before = measure.asLong
            repeat(count) { launch { delay(3_600_000L) } }
            yield()
            val after = measure.asLong
            report.accept((after - before) / count.toDouble())
        }
    }
}
