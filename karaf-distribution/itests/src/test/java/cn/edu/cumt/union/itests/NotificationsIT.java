package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Notifications through a unit plugin that uses them (familyday tells a member of their sign-up),
 * with email to a real SMTP server (GreenMail) that the test starts inside the container: the
 * member's inbox has it after the sign-up commits, nobody else sees or marks it, and the mail
 * arrives once etc/cn.edu.cumt.union.mail.cfg names the server (applied in place).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT extends UnionKarafTestSupport {

    private static final String FAMILYDAY_JAR = "union.itests.familyday-jar";
    private static final int SMTP_PORT = 2525 + KarafSetup.PORT_OFFSET;

    @Override
    protected Option[] extraOptions() {
        return new Option[] { systemProperty(FAMILYDAY_JAR).value(Distribution.familydayJar().toString()),
                mavenBundle("com.icegreen", "greenmail", System.getProperty("union.itests.greenmail-version", "1.6.15")) };
    }

    @Test
    public void aSignUpReachesTheMembersInboxAndMailboxAndNobodyElses() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        long mining = Fixtures.unit(operator, "MINING");
        Fixtures.importMembers(operator, "NT0001,管理员甲,M,1980-01-01,13900000301,nt1@cumt.edu.cn,MINING,ACTIVE,\n"
                + "NT0002,会员乙,F,1985-01-01,13900000302,nt2@cumt.edu.cn,MINING,ACTIVE,\n"
                + "NT0003,会员丙,F,1986-01-01,13900000303,nt3@cumt.edu.cn,MINING,ACTIVE,\n");
        Rest miningAdmin = withToken(login(Fixtures.account(operator, "NT0001", mining), Fixtures.PASSWORD));
        Rest member = withToken(login(Fixtures.account(operator, "NT0002", null), Fixtures.PASSWORD));
        Rest other = withToken(login(Fixtures.account(operator, "NT0003", null), Fixtures.PASSWORD));

        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Path cfg = Paths.get(System.getProperty("karaf.etc"), "cn.edu.cumt.union.mail.cfg");
            Files.writeString(cfg, "host = 127.0.0.1\nport = " + SMTP_PORT + "\nstarttls = off\nfrom = union@cumt.edu.cn\n"
                    + ".password = never-shown\n", StandardCharsets.UTF_8);
            await("the mail settings applied in place", Duration.ofSeconds(30),
                    () -> !services("(&(objectClass=cn.edu.cumt.union.api.notify.NotificationChannel)(host=127.0.0.1))").isEmpty());
            assertTrue("the password is no service property",
                    services("(&(objectClass=cn.edu.cumt.union.api.notify.NotificationChannel)(.password=*))").isEmpty());

            installFamilyday(miningAdmin);
            Rest.Reply day = miningAdmin.post("/api/familyday/activities",
                    Map.of("title", "南湖家庭日", "startsAt", Instant.now().plusSeconds(86_400).toString(), "place", "南湖"));
            assertEquals(day.toString(), 201, day.status());
            long dayId = day.json().path("id").asLong();

            assertEquals(0, member.get("/api/me/notifications/unread-count").json().path("unread").asInt());
            Rest.Reply signedUp = member.put("/api/familyday/activities/" + dayId + "/signups/mine", Map.of("adults", 1, "children", 1));
            assertEquals(signedUp.toString(), 200, signedUp.status());

            JsonNode inbox = member.get("/api/me/notifications").json();
            assertEquals(inbox.toString(), 1, inbox.path("total").asInt());
            JsonNode notice = inbox.path("items").get(0);
            assertEquals("familyday", notice.path("source").asText());
            assertEquals("南湖家庭日", notice.path("body").asText());
            assertEquals("/familyday/activities/" + dayId, notice.path("link").asText());
            long noticeId = notice.path("id").asLong();
            assertEquals(1, member.get("/api/me/notifications/unread-count").json().path("unread").asInt());

            // Nobody else sees it or can mark it
            assertEquals(0, other.get("/api/me/notifications").json().path("total").asInt());
            assertEquals(0, miningAdmin.get("/api/me/notifications").json().path("total").asInt());
            Rest.Reply foreign = other.post("/api/me/notifications/" + noticeId + "/read", Map.of());
            assertEquals(foreign.toString(), 404, foreign.status());
            assertEquals("notify.not-found", foreign.json().path("code").asText());
            assertEquals(0, other.post("/api/me/notifications/read-all", Map.of()).json().path("marked").asInt());
            assertEquals(1, member.get("/api/me/notifications/unread-count").json().path("unread").asInt());
            assertEquals(401, rest().get("/api/me/notifications").status());
            assertEquals(400, member.get("/api/me/notifications?limit=abc").status());

            // The mail, off the request thread
            assertTrue("the mail arrived", smtp.waitForIncomingEmail(20_000, 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("nt2@cumt.edu.cn", mail.getAllRecipients()[0].toString());
            assertEquals("家庭日报名成功 · Signed up for the family day", mail.getSubject());

            // Changing the sign-up tells nobody again; marking read works for the owner
            assertEquals(200, member.put("/api/familyday/activities/" + dayId + "/signups/mine", Map.of("adults", 2)).status());
            assertEquals(1, member.get("/api/me/notifications").json().path("total").asInt());
            Rest.Reply read = member.post("/api/me/notifications/" + noticeId + "/read", Map.of());
            assertEquals(read.toString(), 200, read.status());
            assertTrue(read.json().path("readAt").isTextual());
            assertEquals(0, member.get("/api/me/notifications/unread-count").json().path("unread").asInt());
            assertEquals(0, member.get("/api/me/notifications?unread=true").json().path("total").asInt());
            assertEquals(200, miningAdmin.delete("/api/plugins/familyday").status());
        } finally {
            smtp.stop();
        }
    }
}
