package io.wakewire.task;

/**
 * The winner of a two-way race, {@link Futures#either}: the first future's value or the second's,
 * each with its own type, so that no index and no cast is needed:
 *
 * <pre>{@code
 * switch (await(Futures.either(pin.nextEdge(EdgeFilter.RISING), Futures.sleep(limit)))) {
 *     case Either.First<Edge, Void>(Edge e) -> System.out.println("edge " + e);
 *     case Either.Second<Edge, Void> timeout -> System.out.println("no edge in time");
 * }
 * }</pre>
 *
 * For more than two branches, or branches of one type, {@link Futures#select} gives a
 * {@link Selected} (index and value).
 */
public sealed interface Either<A, B> {

    /** The first future won with {@code value}. */
    record First<A, B>(A value) implements Either<A, B> {
    }

    /** The second future won with {@code value}. */
    record Second<A, B>(B value) implements Either<A, B> {
    }

    /** Whether the first future won. */
    default boolean isFirst() {
        return this instanceof First;
    }
}
