package cn.edu.cumt.union.api.ballot;

import java.util.List;

/**
 * What a voter gets, once, when their vote is taken. The core keeps only the SHA-256 of {@code receipt};
 * it cannot show the receipt again.
 *
 * @param ballotId the ballot
 * @param receipt  a random secret (URL-safe Base64 of 32 bytes): with it the voter finds their vote in the tally
 * @param digest   the lower-case hex SHA-256 of {@code receipt}'s UTF-8 bytes, as the tally lists it
 * @param choices  the keys of the options chosen, in ballot order
 */
public record ReceiptDTO(long ballotId, String receipt, String digest, List<String> choices) {
}
