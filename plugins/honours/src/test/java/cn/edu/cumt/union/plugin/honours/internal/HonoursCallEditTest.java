package cn.edu.cumt.union.plugin.honours.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.Test;

public class HonoursCallEditTest extends HonoursTestBase {

    @Test
    public void theUnionEditsACallWhileNominationsAreOpenAndAwardsKeepTheirNominations() {
        CallDTO call = call();
        NominationDTO nominated = nominate(call, CS_ADMIN, 10, 101);
        CallEditDTO edit = callEdit();
        CallDTO edited = honours.updateCall(UNION_ADMIN, call.id(), new CallEditDTO(2026, "2026年度师德师风先进评选（延期）",
                "推荐截止延后五天", edit.nominationOpens(), edit.nominationCloses().plus(Duration.ofDays(5)), 6, 3, DUTY,
                List.of(new CategoryEditDTO("teaching-model", "师德标兵", HonourKind.INDIVIDUAL, 2, "在职教师", "teacher", null),
                        new CategoryEditDTO("youth-model", "青年岗位能手", HonourKind.INDIVIDUAL, 1, null, null, null)),
                List.of(new QuotaDTO(20L, 2))));
        assertEquals("2026年度师德师风先进评选（延期）", edited.title());
        assertEquals(edit.nominationCloses().plus(Duration.ofDays(5)), edited.nominationCloses());
        assertEquals(3, edited.defaultQuota());
        assertEquals("the award matched by code keeps its id", individual(call), edited.categories().get(0).id());
        assertEquals("师德标兵", edited.categories().get(0).name());
        assertEquals(2, edited.categories().size());
        assertEquals("youth-model", edited.categories().get(1).code());
        assertEquals(List.of(new QuotaDTO(20L, 2)), edited.quotas());
        assertEquals(individual(call), honours.nomination(CS_ADMIN, nominated.id()).categoryId());
        assertTrue(audit.lines.toString(), audit.lines.stream().anyMatch(line -> line.contains("honours.call.update")));
    }

    @Test
    public void onlyTheUnionEditsAndNothingThatWouldStrandANomination() {
        CallDTO call = call();
        nominate(call, MATH_ADMIN, 20, 201);
        honours.nominate(CS_ADMIN, call.id(), new NominationEditDTO(group(call), 10L, null, 11L, "窗口服务优质"));
        CallEditDTO edit = callEdit();
        expect(403, "honours.union-only", () -> honours.updateCall(CS_ADMIN, call.id(), edit));
        expect(404, "honours.call.not-found", () -> honours.updateCall(UNION_ADMIN, call.id() + 999, edit));
        // the group award has a nomination: it can be neither removed nor made an individual one
        expect(409, "honours.category-in-use", () -> honours.updateCall(UNION_ADMIN, call.id(), withCategories(edit,
                List.of(edit.categories().get(0)))));
        expect(409, "honours.category-in-use", () -> honours.updateCall(UNION_ADMIN, call.id(), withCategories(edit,
                List.of(edit.categories().get(0), new CategoryEditDTO("civil-window", "文明窗口", HonourKind.INDIVIDUAL, 1,
                        null, null, null)))));
        // MATH has made one nomination: its quota cannot become 0
        expect(409, "honours.quota-below-used", () -> honours.updateCall(UNION_ADMIN, call.id(), new CallEditDTO(edit.year(),
                edit.title(), edit.description(), edit.nominationOpens(), edit.nominationCloses(), edit.noticeDays(),
                edit.defaultQuota(), edit.committeeDuty(), edit.categories(), List.of(new QuotaDTO(20L, 0)))));
        // a bad body is refused as on creation
        expect(400, "request.field-invalid", () -> honours.updateCall(UNION_ADMIN, call.id(), new CallEditDTO(edit.year(), edit.title(),
                edit.description(), edit.nominationCloses(), edit.nominationOpens(), edit.noticeDays(), edit.defaultQuota(),
                edit.committeeDuty(), edit.categories(), edit.quotas())));
        assertEquals("nothing of the refused edits stayed", "2026年度师德师风先进评选", honours.call(UNION_ADMIN, call.id()).title());
        assertEquals(2, honours.call(UNION_ADMIN, call.id()).categories().size());
    }

    private static CallEditDTO withCategories(CallEditDTO edit, List<CategoryEditDTO> categories) {
        return new CallEditDTO(edit.year(), edit.title() + "改", edit.description(), edit.nominationOpens(), edit.nominationCloses(),
                edit.noticeDays(), edit.defaultQuota(), edit.committeeDuty(), categories, edit.quotas());
    }
}
