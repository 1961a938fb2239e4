package cn.edu.cumt.union.core.internal.notify;

import java.util.Properties;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.notify.NotificationChannel;
import cn.edu.cumt.union.api.notify.NotificationDTO;
import cn.edu.cumt.union.api.notify.Recipient;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * Email through an SMTP server ({@code etc/cn.edu.cumt.union.mail.cfg}, applied in place). With no
 * host (the default) it sends nothing; a member without an address gets only the in-app copy.
 */
@Component(service = NotificationChannel.class, configurationPid = MailChannel.PID)
@Designate(ocd = MailChannel.Config.class)
public class MailChannel implements NotificationChannel {

    static final String PID = "cn.edu.cumt.union.mail";
    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    @ObjectClassDefinition(name = "Union email notifications")
    public @interface Config {
        @AttributeDefinition(description = "SMTP host; empty: no email is sent")
        String host() default "";

        @AttributeDefinition(description = "SMTP port")
        int port() default 25;

        @AttributeDefinition(description = "Sender address")
        String from() default "union-noreply@localhost";

        @AttributeDefinition(description = "SMTP user; empty: no authentication")
        String username() default "";

        /** {@code .password} in the file: a key starting with a dot stays out of the service's properties (DS). */
        @AttributeDefinition(description = "SMTP password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String _password() default "";

        @AttributeDefinition(description = "STARTTLS: off, optional or required")
        String starttls() default "optional";

        @AttributeDefinition(description = "TLS from the first byte (SMTPS, usually port 465)")
        boolean ssl() default false;

        @AttributeDefinition(description = "Connect and read timeout in milliseconds")
        int timeout_ms() default 10000;

        @AttributeDefinition(description = "The platform's address as members reach it (https://union.cumt.edu.cn), put before a notice's link; empty: the link as a path")
        String base_url() default "";
    }

    /** The SMTP settings, swapped whole on a change. */
    record Settings(String host, int port, InternetAddress from, String username, String password, String starttls,
            boolean ssl, int timeoutMs, String baseUrl) {

        Settings {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535 (is " + port + ")");
            }
            if (!starttls.equals("off") && !starttls.equals("optional") && !starttls.equals("required")) {
                throw new IllegalArgumentException("starttls must be off, optional or required (is " + starttls + ")");
            }
            LiveConfig.atLeast("timeout.ms", timeoutMs, 100);
        }

        static Settings of(Config config) {
            InternetAddress from;
            try {
                from = new InternetAddress(config.from().strip(), true);
            } catch (javax.mail.internet.AddressException e) {
                throw new IllegalArgumentException("from is not an email address (" + config.from() + ")");
            }
            String base = config.base_url().strip();
            return new Settings(config.host().strip(), config.port(), from, config.username().strip(), config._password(),
                    config.starttls().strip(), config.ssl(), config.timeout_ms(),
                    base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }

        boolean enabled() {
            return !host.isEmpty();
        }

        Properties properties() {
            Properties p = new Properties();
            String protocol = ssl ? "smtps" : "smtp";
            p.setProperty("mail.transport.protocol", protocol);
            p.setProperty("mail." + protocol + ".host", host);
            p.setProperty("mail." + protocol + ".port", Integer.toString(port));
            p.setProperty("mail." + protocol + ".auth", Boolean.toString(!username.isEmpty()));
            p.setProperty("mail." + protocol + ".connectiontimeout", Integer.toString(timeoutMs));
            p.setProperty("mail." + protocol + ".timeout", Integer.toString(timeoutMs));
            p.setProperty("mail." + protocol + ".writetimeout", Integer.toString(timeoutMs));
            p.setProperty("mail.smtp.starttls.enable", Boolean.toString(!starttls.equals("off")));
            p.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls.equals("required")));
            return p;
        }
    }

    private volatile Settings settings;

    @Activate
    public MailChannel(Config config) {
        settings = LiveConfig.initial(LOG, PID, () -> Settings.of(config),
                () -> Settings.of(LiveConfig.defaults(Config.class)));
    }

    @Modified
    void modified(Config config) {
        settings = LiveConfig.changed(LOG, PID, settings, () -> Settings.of(config));
    }

    @Override
    public String id() {
        return "mail";
    }

    @Override
    public void send(NotificationDTO notice, Recipient recipient) throws Exception {
        Settings s = settings;
        if (!s.enabled() || recipient.email() == null || recipient.email().isBlank()) {
            return;
        }
        // Jakarta Mail finds its providers and the text/plain handler through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(s.properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(s.from());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.email().strip(), true));
            message.setSubject(notice.title(), "UTF-8");
            message.setText(text(notice, s.baseUrl()), "UTF-8");
            message.setHeader("Auto-Submitted", "auto-generated");
            if (s.username().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, s.username(), s.password());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static String text(NotificationDTO notice, String baseUrl) {
        StringBuilder text = new StringBuilder();
        if (notice.body() != null && !notice.body().isBlank()) {
            text.append(notice.body()).append("\n\n");
        }
        if (notice.link() != null) {
            text.append(baseUrl).append(notice.link()).append("\n\n");
        }
        return text.append("—— 中国矿业大学工会 · CUMT Staff Union").toString();
    }
}
