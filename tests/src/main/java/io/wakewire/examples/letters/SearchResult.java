package io.wakewire.examples.letters;

/**
 * The end of a job search.
 *
 * @param ending    why it ended
 * @param chosen    the accepted company, or null if no offer was taken
 * @param wage      the accepted wage (0 if none)
 * @param cancelled correspondences still running when the search ended, and cancelled then
 * @param unread    correspondences that finished but whose answer was not needed any more
 */
public record SearchResult(Ending ending, Company chosen, int wage,
                           int offers, int rejections, int dropped, int cancelled, int unread) {

    public enum Ending {
        /** An offer above the threshold arrived: taken at once, the rest cancelled. */
        ACCEPTED_ABOVE_THRESHOLD,
        /** Every company answered or was dropped: the best offer taken. */
        BEST_OFFER,
        /** The overall deadline passed: the best offer so far taken, the rest cancelled. */
        DEADLINE,
        /** Every company answered or was dropped, and none offered anything. */
        NO_OFFER
    }

    public String describe() {
        String who = chosen == null ? "no company" : "company #" + chosen.id() + " at " + String.format("%,d", wage);
        return switch (ending) {
            case ACCEPTED_ABOVE_THRESHOLD -> "accepted " + who + " at once (above the threshold); every other correspondence cancelled";
            case BEST_OFFER -> "accepted " + who + ", the best of all offers";
            case DEADLINE -> "deadline passed: accepted " + who + " (best so far); the rest cancelled";
            case NO_OFFER -> "no offer from anyone";
        };
    }
}
