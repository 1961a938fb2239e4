package cn.edu.cumt.union.core.internal.ballot;

import java.util.List;

/**
 * The answer to "is my vote counted?".
 *
 * @param counted whether a vote with this receipt is in the published tally
 * @param digest  the receipt's SHA-256, as the tally lists it
 * @param choices the keys chosen with it, or empty when not counted
 */
public record ReceiptCheckDTO(boolean counted, String digest, List<String> choices) {

    /** @param receipt the receipt given when voting */
    public record Query(String receipt) {
    }
}
