package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.Map;

import org.junit.Test;

/** The caps per case and per member and year, each per fund, and their configuration. */
public class HardshipCapsTest extends HardshipTestBase {

    @Test
    public void perMemberAndYearPerFund() {
        granted(MEMBER, Fund.TEMP_SUBSIDY, "2000", "2000");
        granted(MEMBER, Fund.TEMP_SUBSIDY, "1500", "1500");
        long third = apply(MEMBER, null, Fund.TEMP_SUBSIDY, "1000");
        decide(CS_ADMIN, third, HardshipDecision.APPROVE, null);
        // 4000 a member a year: 3500 granted, 500.01 more is too much, 500 fits
        ApiExceptionCheck.codeContains(expect(409, "welfare.cap.member-year",
                () -> decide(UNION_ADMIN, third, HardshipDecision.APPROVE, "500.01")), "3500.00");
        decide(UNION_ADMIN, third, HardshipDecision.APPROVE, "500");
        // the love fund has caps of its own, another member has theirs, the next year starts again
        granted(MEMBER, Fund.LOVE_FUND, "5000", "5000");
        granted(OTHER_MEMBER, Fund.TEMP_SUBSIDY, "2000", "2000");
        clock.now = Instant.parse("2027-01-05T02:00:00Z");
        long nextYear = granted(MEMBER, Fund.TEMP_SUBSIDY, "2000", "2000");
        assertEquals(2027, hardship.get(MEMBER, nextYear).application().year());
    }

    @Test
    public void aRejectedOrOpenCaseUsesNoneOfTheCap() {
        long open = apply(MEMBER, null, Fund.TEMP_SUBSIDY, "2000");
        long rejected = apply(MEMBER, null, Fund.TEMP_SUBSIDY, "2000");
        decide(CS_ADMIN, rejected, HardshipDecision.REJECT, null);
        granted(MEMBER, Fund.TEMP_SUBSIDY, "2000", "2000");
        granted(MEMBER, Fund.TEMP_SUBSIDY, "2000", "2000");
        decide(CS_ADMIN, open, HardshipDecision.APPROVE, null);
        expect(409, "welfare.cap.member-year", () -> decide(UNION_ADMIN, open, HardshipDecision.APPROVE, "0.01"));
    }

    @Test
    public void capsComeFromConfigurationAndBadOnesAreRefused() {
        Map<Fund, HardshipService.Caps> caps = HardshipService.caps(config("3000", "6000", "800", "800"));
        assertEquals(yuan("3000.00"), caps.get(Fund.LOVE_FUND).perCase());
        assertEquals(yuan("800.00"), caps.get(Fund.TEMP_SUBSIDY).perMemberYear());
        expect(IllegalArgumentException.class, () -> HardshipService.caps(config("3000", "2000", "800", "800")));
        expect(IllegalArgumentException.class, () -> HardshipService.caps(config("abc", "6000", "800", "800")));
        expect(IllegalArgumentException.class, () -> HardshipService.caps(config("3000", "6000", "-1", "800")));
        HardshipService live = new HardshipService(jpa, directory, access, audit,
                cn.edu.cumt.union.testing.TestFlows.of(access, new cn.edu.cumt.union.testing.FakeDuties(directory)),
                notifications, attachments, HardshipService.defaultCaps(), clock);
        live.modified(config("3000", "6000", "800", "800"));
        assertEquals(yuan("3000.00"), live.capsOf(Fund.LOVE_FUND).perCase());
        live.modified(config("3000", "100", "800", "800")); // refused: the caps in force stay
        assertEquals(yuan("6000.00"), live.capsOf(Fund.LOVE_FUND).perMemberYear());
    }

    private static void expect(Class<? extends RuntimeException> type, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            assertEquals(type, e.getClass());
            return;
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    static HardshipService.Config config(String loveCase, String loveYear, String tempCase, String tempYear) {
        return new HardshipService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HardshipService.Config.class;
            }

            @Override
            public String love_fund_case_cap() {
                return loveCase;
            }

            @Override
            public String love_fund_member_year_cap() {
                return loveYear;
            }

            @Override
            public String temp_subsidy_case_cap() {
                return tempCase;
            }

            @Override
            public String temp_subsidy_member_year_cap() {
                return tempYear;
            }
        };
    }

    /** Checks on the message of a refusal. */
    static final class ApiExceptionCheck {
        static void codeContains(cn.edu.cumt.union.api.rest.ApiException e, String text) {
            org.junit.Assert.assertTrue(e.messageZh(), e.messageZh().contains(text) && e.messageEn().contains(text));
        }
    }
}
