import java.security.SecureRandom;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes per second on one thread, with the same JDK algorithm and parameters as the core's
 * PasswordHasher (PBKDF2WithHmacSHA512, 16-byte salt, 512-bit output). Args: iterations seconds (at least 3 hashes, at most 4 x seconds).
 */
public final class HashRate {

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        char[] password = "Bench-password-42".toCharArray();
        factory.generateSecret(new PBEKeySpec(password, salt, iterations, 512)); // warm-up (JIT)
        long start = System.nanoTime();
        long minEnd = start + (long) (seconds * 1e9);
        long maxEnd = start + (long) (4 * seconds * 1e9); // bounded even on a very slow machine
        int hashes = 0;
        while ((System.nanoTime() < minEnd || hashes < 3) && System.nanoTime() < maxEnd && hashes < 10_000) {
            factory.generateSecret(new PBEKeySpec(password, salt, iterations, 512)).getEncoded();
            hashes++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.2f %d %.3f%n", hashes / elapsed, hashes, elapsed);
    }
}
