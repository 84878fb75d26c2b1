package io.wakewire.examples.letters;

/** How one correspondence ended. {@code wage} is meaningful for offers only. */
public record Outcome(Company company, Kind kind, int wage) {

    public enum Kind { OFFER, REJECTION, DROPPED }

    static Outcome of(Company c, Reply finalReply) {
        return finalReply instanceof Reply.Offer o
                ? new Outcome(c, Kind.OFFER, o.wage())
                : new Outcome(c, Kind.REJECTION, 0);
    }

    static Outcome dropped(Company c) {
        return new Outcome(c, Kind.DROPPED, 0);
    }
}
