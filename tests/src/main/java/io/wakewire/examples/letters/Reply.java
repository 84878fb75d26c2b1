package io.wakewire.examples.letters;

/** What a company writes back: a question, an offer, or a no. */
public sealed interface Reply {

    /** "Tell us more": one more round trip before the company decides. */
    record InfoRequest() implements Reply {}

    record Offer(int wage) implements Reply {}

    record Rejection() implements Reply {}
}
