package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.Test;

import cn.edu.cumt.union.testing.FakeAccess;

/** etc/cn.edu.cumt.union.study.cfg changes the check-in window in place; a bad value keeps the old one. */
public class LiveStudySettingsTest extends StudyTestBase {

    private static StudyService.Config window(int minutes) {
        return new StudyService.Config() {
            @Override
            public int check_in_window_minutes() {
                return minutes;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return StudyService.Config.class;
            }
        };
    }

    @Test
    public void aNewWindowAppliesAndAnInvalidOneKeepsTheOld() {
        study.modified(window(40));
        assertEquals(Duration.ofMinutes(40), study.window());
        study.modified(window(-1));
        assertEquals(Duration.ofMinutes(40), study.window());
        study.modified(window(100_000));
        assertEquals(Duration.ofMinutes(40), study.window());
        study.modified(window(0));
        assertEquals(Duration.ZERO, study.window());
    }

    @Test
    public void anInvalidWindowAtStartGivesTheDefault() {
        StudyService started = new StudyService(jpa, null, directory, new FakeAccess(directory), audit, window(-3));
        assertEquals(Duration.ofMinutes(15), started.window());
    }
}
