package cn.edu.cumt.union.core.internal.task;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;

/** The task list across plugins: stamped, sorted, time-boxed, and a source cannot speak for another plugin. */
public class TaskListTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final UnionPrincipal USER = new UnionPrincipal(1, "u", 5L, 3L, Set.of(Roles.MEMBER), Set.of(), "s");

    private final TaskList tasks = new TaskList(Clock.fixed(NOW, ZoneOffset.UTC), 300);
    private final CountDownLatch never = new CountDownLatch(1);

    @After
    public void release() {
        never.countDown();
        tasks.deactivate();
    }

    /** Waits until the test ends, or until interrupted. */
    private void hang() {
        try {
            never.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static TaskDTO task(String title, String link, Instant due) {
        return new TaskDTO(title, link, "审核", NOW.minusSeconds(3600), due);
    }

    @Test
    public void everyPluginsTasksAreListedStampedWithItsIdOverdueFirst() {
        tasks.add(1, "brand", user -> List.of(task("书香矿大", "/api/brand/projects/1", null),
                task("健步走", "/api/brand/projects/2", NOW.minusSeconds(1))));
        tasks.add(2, "study", user -> List.of(task("学习会", "/api/study/sessions/9", NOW.plusSeconds(60))));
        TaskListDTO list = tasks.tasksFor(USER, false);
        assertEquals(List.of("健步走", "学习会", "书香矿大"), list.items().stream().map(TaskItemDTO::title).toList());
        assertEquals(List.of("brand", "study", "brand"), list.items().stream().map(TaskItemDTO::plugin).toList());
        assertTrue(list.items().get(0).overdue());
        assertFalse(list.items().get(1).overdue());
        assertEquals(List.of(), list.missing());
        assertEquals(List.of("健步走"), tasks.tasksFor(USER, true).items().stream().map(TaskItemDTO::title).toList());
    }

    @Test
    public void aSourceLearnsWhoAsksButNotTheirLoginSession() {
        List<UnionPrincipal> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        tasks.add(1, "brand", user -> {
            seen.add(user);
            return List.of();
        });
        tasks.tasksFor(USER, false);
        assertEquals("u", seen.get(0).username());
        assertEquals(USER.roles(), seen.get(0).roles());
        assertEquals(null, seen.get(0).sessionId());
    }

    @Test
    public void theCoresOwnSourceSpeaksAsCoreAndStaysUnderApi() {
        tasks.addCore(1, user -> List.of(task("工会委员选举", "/api/ballots/7", null), task("外链", "https://example.com/x", null),
                task("上跳", "/api/ballots/../members/1", null)));
        tasks.add(2, "brand", user -> List.of(task("冒充投票", "/api/ballots/7", null)));
        TaskListDTO list = tasks.tasksFor(USER, false);
        assertEquals(List.of("工会委员选举"), list.items().stream().map(TaskItemDTO::title).toList());
        assertEquals("core", list.items().get(0).plugin());
    }

    @Test
    public void aRemovedSourceDropsOut() {
        tasks.add(1, "brand", user -> List.of(task("书香矿大", "/api/brand/projects/1", null)));
        tasks.remove(1);
        assertEquals(List.of(), tasks.tasksFor(USER, false).items());
    }

    @Test
    public void aSlowSourceIsLeftOutAndNamedWhileTheOthersAnswer() {
        tasks.add(1, "slow", user -> {
            hang();
            return List.of(task("late", "/api/slow/x/1", null));
        });
        tasks.add(2, "brand", user -> List.of(task("书香矿大", "/api/brand/projects/1", null)));
        long start = System.nanoTime();
        TaskListDTO list = tasks.tasksFor(USER, false);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("answered within the time box, took " + ms + " ms", ms < 2000);
        assertEquals(List.of("书香矿大"), list.items().stream().map(TaskItemDTO::title).toList());
        assertEquals(List.of(new TaskListDTO.MissingSourceDTO("slow", "timeout")), list.missing());
    }

    @Test
    public void aFailingSourceIsLeftOutAndNamed() {
        tasks.add(1, "broken", user -> {
            throw new IllegalStateException("database down");
        });
        tasks.add(2, "nulls", user -> null);
        tasks.add(3, "brand", user -> List.of(task("书香矿大", "/api/brand/projects/1", null)));
        TaskListDTO list = tasks.tasksFor(USER, false);
        assertEquals(1, list.items().size());
        assertEquals(List.of(new TaskListDTO.MissingSourceDTO("broken", "failed")), list.missing());
    }

    @Test
    public void aSourceThatHangsCannotPileUpThreads() throws Exception {
        CountDownLatch entered = new CountDownLatch(TaskList.MAX_IN_FLIGHT);
        TaskSource hung = user -> {
            entered.countDown();
            hang();
            return List.of();
        };
        tasks.add(1, "hung", hung);
        for (int i = 0; i < TaskList.MAX_IN_FLIGHT; i++) {
            tasks.tasksFor(USER, false);
        }
        // cancel(true) interrupts the hung calls; a source that ignores interrupts would stay busy
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        TaskSource deaf = user -> {
            while (true) {
                try {
                    never.await();
                    return List.of();
                } catch (InterruptedException ignored) {
                    // a badly written source that swallows the interrupt
                }
            }
        };
        tasks.add(2, "deaf", deaf);
        for (int i = 0; i < TaskList.MAX_IN_FLIGHT; i++) {
            assertEquals(List.of(new TaskListDTO.MissingSourceDTO("deaf", "timeout")),
                    tasks.tasksFor(USER, false).missing().stream().filter(m -> m.plugin().equals("deaf")).toList());
        }
        assertEquals(List.of(new TaskListDTO.MissingSourceDTO("deaf", "busy")),
                tasks.tasksFor(USER, false).missing().stream().filter(m -> m.plugin().equals("deaf")).toList());
    }

    @Test
    public void aTaskWhoseLinkLeavesItsPluginsBaseIsDropped() {
        tasks.add(1, "brand", user -> Arrays.asList(task("ok", "/api/brand/projects/1?tab=review", null),
                task("other plugin", "/api/study/sessions/1", null), task("core", "/api/auth/login", null),
                task("dots", "/api/brand/../auth/login", null), task("encoded", "/api/brand/%2e%2e/auth", null),
                task("absolute", "https://evil.example/api/brand/1", null), task("prefix", "/api/brandx/1", null),
                task("slashes", "/api/brand//evil.example", null), task("backslash", "/api/brand/a\\b", null),
                task("no link", null, null), task(" ", "/api/brand/projects/2", null), null));
        assertEquals(List.of("ok"), tasks.tasksFor(USER, false).items().stream().map(TaskItemDTO::title).toList());
    }
}
