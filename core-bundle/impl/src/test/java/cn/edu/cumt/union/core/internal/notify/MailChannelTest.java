package cn.edu.cumt.union.core.internal.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.edu.cumt.union.api.notify.NotificationDTO;
import cn.edu.cumt.union.api.notify.Recipient;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/** The SMTP channel against a real SMTP server (GreenMail) started by the test. */
public class MailChannelTest {

    private GreenMail smtp;
    private final int port = freePort();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startServer() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @After
    public void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private MailChannel channel(Map<String, Object> values) {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "starttls", "off",
                "from", "union@cumt.edu.cn", "base_url", "https://union.cumt.edu.cn/", "timeout_ms", 2000));
        config.putAll(values);
        return new MailChannel(LiveConfig.of(MailChannel.Config.class, config));
    }

    private static NotificationDTO notice() {
        return new NotificationDTO(7, "study", "您的提案已答复", "Your proposal was answered", "/study/sessions/3",
                Instant.now(), null);
    }

    private static final Recipient ALICE = new Recipient(1L, 2L, "Alice", "alice@cumt.edu.cn");

    @Test
    public void aNoticeReachesTheMembersAddressInUtf8WithTheFullLink() throws Exception {
        startServer();
        channel(Map.of()).send(notice(), ALICE);
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("您的提案已答复", mail.getSubject());
        assertEquals("alice@cumt.edu.cn", mail.getAllRecipients()[0].toString());
        assertEquals("union@cumt.edu.cn", mail.getFrom()[0].toString());
        String text = (String) mail.getContent();
        assertTrue(text, text.contains("Your proposal was answered"));
        assertTrue(text, text.contains("https://union.cumt.edu.cn/study/sessions/3"));
    }

    @Test
    public void withNoHostOrNoAddressNothingIsSent() throws Exception {
        startServer();
        channel(Map.of("host", "")).send(notice(), ALICE);
        channel(Map.of()).send(notice(), new Recipient(1L, 2L, "Bob", null));
        channel(Map.of()).send(notice(), new Recipient(3L, 4L, "Carol", "carol@cumt.edu.cn"));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        assertEquals("only Carol's", 1, smtp.getReceivedMessages().length);
        assertEquals("carol@cumt.edu.cn", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }

    @Test
    public void aServerThatIsDownMakesTheSendFailSoItIsTriedAgain() {
        assertThrows(javax.mail.MessagingException.class, () -> channel(Map.of()).send(notice(), ALICE));
    }

    @Test
    public void theDispatcherDeliversOnceTheServerIsBack() throws Exception {
        Dispatcher dispatcher = new Dispatcher(Duration.ofMillis(300));
        try {
            dispatcher.addChannel(channel(Map.of()));
            dispatcher.dispatch(notice(), ALICE);
            startServer(); // the first attempt met no server (or this one, if it was slower)
            assertTrue("delivered by a retry", smtp.waitForIncomingEmail(15000, 1));
            assertEquals("您的提案已答复", smtp.getReceivedMessages()[0].getSubject());
        } finally {
            dispatcher.deactivate();
        }
    }

    @Test
    public void anInvalidChangeKeepsTheSettingsInForce() throws Exception {
        startServer();
        MailChannel mail = channel(Map.of());
        Map<String, Object> bad = new HashMap<>(Map.of("host", "127.0.0.1", "port", 0, "from", "union@cumt.edu.cn"));
        mail.modified(LiveConfig.of(MailChannel.Config.class, bad));
        mail.modified(LiveConfig.of(MailChannel.Config.class, Map.of("host", "127.0.0.1", "from", "not an address")));
        mail.modified(LiveConfig.of(MailChannel.Config.class, Map.of("host", "127.0.0.1", "starttls", "maybe")));
        mail.send(notice(), ALICE);
        assertTrue("still the old host and port", smtp.waitForIncomingEmail(5000, 1));

        mail.modified(LiveConfig.of(MailChannel.Config.class, Map.of("host", "")));
        mail.send(notice(), ALICE);
        assertEquals("switched off in place", 1, smtp.getReceivedMessages().length);
    }
}
