package chat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    /** Few iterations keep the tamper tests fast; the round trip uses the real count. */
    private static final int FEW = 1_000;
    private static final byte[] SALT = "sixteen byte slt".getBytes();

    @Test
    void roundTripWithTheRealIterationCountAndAFreshSalt() {
        String hash = PasswordHash.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
        assertThat(PasswordHash.ITERATIONS).isGreaterThanOrEqualTo(600_000);
        assertThat(PasswordHash.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.verify("correct horsf".toCharArray(), hash)).isFalse();
        PasswordHash.requireWellFormed(hash, PasswordHash.ITERATIONS);
        String again = PasswordHash.hash("correct horse".toCharArray());
        assertThat(again.split("\\$")[2]).isNotEqualTo(hash.split("\\$")[2]);
        assertThat(Base64.getDecoder().decode(hash.split("\\$")[2])).hasSize(PasswordHash.SALT_BYTES);
        assertThat(Base64.getDecoder().decode(hash.split("\\$")[3])).hasSize(PasswordHash.HASH_BYTES);
    }

    @Test
    void wrongPasswordsFail() {
        String hash = PasswordHash.hash("secret".toCharArray(), SALT, FEW);
        assertThat(PasswordHash.verify("secret".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.verify("Secret".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.verify("secret ".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.verify("x".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.verify("secret".toCharArray(), null)).isFalse();
    }

    @Test
    void tamperedStringsFail() {
        String hash = PasswordHash.hash("secret".toCharArray(), SALT, FEW);
        String[] p = hash.split("\\$");
        char[] pw = "secret".toCharArray();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], "1001", p[2], p[3]))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], p[1], flip(p[2]), p[3]))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], p[1], p[2], flip(p[3])))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", "pbkdf2-sha1", p[1], p[2], p[3]))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], p[1], p[2]))).isFalse();
        assertThat(PasswordHash.verify(pw, hash + "$")).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], "0", p[2], p[3]))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], "999999999", p[2], p[3]))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], p[1], "!!!", p[3]))).isFalse();
        assertThat(PasswordHash.verify(pw, String.join("$", p[0], p[1], p[2], p[3].substring(0, 10)))).isFalse();
        assertThat(PasswordHash.verify(pw, "")).isFalse();
    }

    @Test
    void wellFormednessIsCheckedWithoutEchoingTheValue() {
        String weak = PasswordHash.hash("secret".toCharArray(), SALT, FEW);
        assertThatThrownBy(() -> PasswordHash.requireWellFormed(weak, PasswordHash.ITERATIONS))
                .hasMessageContaining("1000 iterations").hasMessageNotContaining(weak.split("\\$")[3]);
        assertThatThrownBy(() -> PasswordHash.requireWellFormed("hunter2", PasswordHash.ITERATIONS))
                .hasMessageContaining("--hash-password").hasMessageNotContaining("hunter2");
        PasswordHash.requireWellFormed(weak, FEW);
    }

    @Test
    void wipeOverwrites() {
        char[] pw = "secret".toCharArray();
        PasswordHash.wipe(pw);
        assertThat(pw).containsOnly('\0');
        PasswordHash.wipe(null);
    }

    private static String flip(String b64) {
        char c = b64.charAt(0);
        return (c == 'A' ? 'B' : 'A') + b64.substring(1);
    }
}
