package cn.edu.cumt.union.core.internal.ballot;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import cn.edu.cumt.union.api.ballot.BallotChecks;
import cn.edu.cumt.union.api.ballot.BallotDTO;

/** The core's side of ballots as pure logic: stored choices, receipts, vote slots, counts ({@link BallotChecks} has the rest). */
final class BallotRules {

    /** Width of the vote table's CHOICES column: one bit per option in hex, so a slot is filled in place. */
    static final int CHOICES_WIDTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BallotRules() {
    }

    /** The choices as the vote table stores them: a bit per option index, {@link #CHOICES_WIDTH} hex digits. */
    static String encode(List<Integer> indexes) {
        BigInteger bits = BigInteger.ZERO;
        for (int i : indexes) {
            bits = bits.setBit(i);
        }
        String hex = bits.toString(16);
        return "0".repeat(CHOICES_WIDTH - hex.length()) + hex;
    }

    /** @return the option indexes of stored choices, ascending */
    static List<Integer> decode(String stored) {
        BigInteger bits = new BigInteger(stored.strip(), 16);
        List<Integer> indexes = new ArrayList<>();
        for (int i = bits.getLowestSetBit(); i >= 0; i = bits.getLowestSetBit()) {
            indexes.add(i);
            bits = bits.clearBit(i);
        }
        return indexes;
    }

    static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    // ---- receipts and slots ----

    /** @return a fresh receipt: 32 random bytes, URL-safe Base64 without padding */
    static String newReceipt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return a fresh vote slot id: 16 random bytes, hex */
    static String newSlotId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static int randomBelow(int bound) {
        return RANDOM.nextInt(bound);
    }

    /** @return the lower-case hex SHA-256 of the receipt's UTF-8 bytes */
    static String digest(String receipt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(receipt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Slots allocated when a ballot is created for {@code eligible} voters: a quarter more, and some to spare. */
    static int initialSlots(int eligible) {
        return eligible + eligible / 4 + 8;
    }

    /**
     * Slots to add before a vote so that it is always placed at random among many free ones: when fewer
     * than a quarter (or 8) are free, half as many again as there are.
     */
    static int slotsToAdd(int total, int free) {
        return free < Math.max(8, total / 4) ? Math.max(8, total / 2) : 0;
    }

    /** @return the counts per option of these votes (indexes as stored) */
    static long[] count(int options, List<List<Integer>> votes) {
        long[] counts = new long[options];
        votes.forEach(vote -> vote.forEach(i -> counts[i]++));
        return counts;
    }

    /** Whether the ballot is past its closing time (and so must be closed before anyone reads it). */
    static boolean due(BallotDTO ballot, Instant now) {
        return ballot.closedAt() == null && !now.isBefore(ballot.closesAt());
    }
}
