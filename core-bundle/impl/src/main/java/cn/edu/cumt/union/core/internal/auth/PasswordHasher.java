package cn.edu.cumt.union.core.internal.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA512. The stored form names its own parameters,
 * {@code pbkdf2-sha512$<iterations>$<salt>$<hash>} (Base64), so the iteration count can grow
 * later and old hashes still verify. Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    static final String ALGORITHM_ID = "pbkdf2-sha512";
    private static final String JCA_NAME = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    /** @return the encoded hash of a password, with a fresh random salt */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BITS);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM_ID + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** @return whether the password matches the encoded hash; {@code false} for a malformed hash */
    public boolean verify(String password, String encoded) {
        Parsed parsed = parse(encoded);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt, parsed.iterations, parsed.hash.length * 8);
        return MessageDigest.isEqual(actual, parsed.hash); // constant time
    }

    /** @return whether the hash was made with other parameters than today's and should be replaced */
    public boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || parsed.iterations != iterations || parsed.hash.length * 8 != HASH_BITS;
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !ALGORITHM_ID.equals(parts[0])) {
            return null;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (rounds < 1 || salt.length == 0 || hash.length == 0) {
                return null;
            }
            return new Parsed(rounds, salt, hash);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static byte[] derive(String password, byte[] salt, int rounds, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, rounds, bits);
        try {
            return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(JCA_NAME + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Random passwords for first operators and resets: letters and digits without look-alikes, with
     * at least one upper-case letter, one lower-case letter and one digit.
     */
    public String randomPassword(int length) {
        if (length < 3) {
            throw new IllegalArgumentException("length must be at least 3");
        }
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        while (true) {
            StringBuilder password = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

}
