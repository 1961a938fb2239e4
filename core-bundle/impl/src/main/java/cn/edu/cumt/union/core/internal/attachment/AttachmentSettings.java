package cn.edu.cumt.union.core.internal.attachment;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

/** Attachment limits ({@code etc/cn.edu.cumt.union.attachments.cfg}, optional), applied in place. */
@Component(service = AttachmentSettings.class, configurationPid = AttachmentSettings.PID)
@Designate(ocd = AttachmentSettings.Config.class)
public class AttachmentSettings {

    static final String PID = "cn.edu.cumt.union.attachments";
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentSettings.class);
    /** The database column holds at most 64 MB. */
    static final long CEILING = 64L * 1024 * 1024;

    @ObjectClassDefinition(name = "Union attachments")
    public @interface Config {
        @AttributeDefinition(description = "Largest file, in bytes (10 MB; 1024 to 67108864)")
        long max_bytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "Most files on one record")
        int max_per_record() default 50;
    }

    /** The limits, swapped whole. */
    public record Limits(long maxBytes, int maxPerRecord) {

        public Limits {
            LiveConfig.atLeast("max.bytes", maxBytes, 1024);
            if (maxBytes > CEILING) {
                throw new IllegalArgumentException("max.bytes must be at most " + CEILING + " (is " + maxBytes + ")");
            }
            LiveConfig.atLeast("max.per.record", maxPerRecord, 1);
        }

        static Limits of(Config config) {
            return new Limits(config.max_bytes(), config.max_per_record());
        }
    }

    private volatile Limits limits;

    @Activate
    public AttachmentSettings(Config config) {
        limits = LiveConfig.initial(LOG, PID, () -> Limits.of(config), () -> Limits.of(LiveConfig.defaults(Config.class)));
    }

    @Modified
    void modified(Config config) {
        limits = LiveConfig.changed(LOG, PID, limits, () -> Limits.of(config));
    }

    public Limits limits() {
        return limits;
    }
}
