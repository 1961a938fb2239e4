package cn.edu.cumt.union.core.internal.table;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import cn.edu.cumt.union.api.table.TableException;

/**
 * Which encoding a CSV is in. Excel and WPS on Chinese Windows save "CSV (comma delimited)" in GBK, and
 * union staff cannot be asked to know that; the file's first bytes tell, without reading it all: a UTF-8
 * or UTF-16 byte-order mark; else valid UTF-8 (plain ASCII included); else GB18030, the national standard
 * that contains GBK and GB2312.
 */
final class CsvEncoding {

    /** How much of the file decides: a header row of Chinese column names is far shorter. */
    static final int SNIFF_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvEncoding() {
    }

    /** Looks at the first bytes and puts them back. */
    static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return detect(head, head.length < SNIFF_BYTES);
    }

    /** @param whole whether {@code head} is the whole file (else its last character may be cut) */
    static Charset detect(byte[] head, boolean whole) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16; // reads the mark and drops it
        }
        return validUtf8(head, whole) ? StandardCharsets.UTF_8 : GB18030;
    }

    /** The charset a sender named; GBK and GB2312 are read as GB18030, which contains both. */
    static Charset declared(String name) throws TableException {
        String trimmed = name.strip().replace("\"", "");
        try {
            Charset charset = Charset.forName(trimmed);
            String canonical = charset.name().toUpperCase(Locale.ROOT);
            return canonical.equals("GBK") || canonical.equals("GB2312") ? GB18030 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw TableException.unreadable("不支持声明的字符集：" + shorten(trimmed),
                    "The declared charset is not supported: " + shorten(trimmed), e);
        }
    }

    private static boolean validUtf8(byte[] head, boolean whole) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CharBuffer chars = CharBuffer.allocate(head.length + 1);
        // not the end of input unless it is: a character cut at the end of the sample is not an error
        CoderResult result = decoder.decode(bytes, chars, whole);
        if (result.isError()) {
            return false;
        }
        return !whole || !decoder.flush(chars).isError();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
