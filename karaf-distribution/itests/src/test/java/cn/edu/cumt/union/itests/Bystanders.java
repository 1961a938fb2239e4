package cn.edu.cumt.union.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that call the API at full speed, each logged in as the first operator, while a test
 * changes the platform underneath them; every answer that is not 2xx is kept with when it came.
 */
public final class Bystanders implements AutoCloseable {

    /** The core ({@code /api/me}, member search, the unit list), the study plugin, and readiness. */
    public static final List<String> PATHS = List.of("/api/me", "/api/members?q=%E7%8E%8B", "/api/study/sessions",
            "/api/units", "/api/health");

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    // A flag, not interrupts: an interrupted HTTP call would count as a failure of the platform.
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final long started = System.nanoTime();

    public Bystanders(Rest rest, int count, String name) {
        for (int i = 0; i < count; i++) {
            Rest client = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
            int offset = i;
            Thread thread = new Thread(() -> {
                for (int n = offset; running.get(); n++) {
                    String path = PATHS.get(n % PATHS.size());
                    int status;
                    try {
                        status = client.get(path).status();
                    } catch (RuntimeException broken) {
                        status = -1;
                    }
                    requests.incrementAndGet();
                    if (status / 100 != 2) {
                        failures.add(path + " -> " + status + " at " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    }
                }
            }, name + "-client-" + i);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
    }

    public long requests() {
        return requests.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The first few failures, for a message. */
    public String firstFailures(int most) {
        List<String> all = failures();
        return all.isEmpty() ? "-" : String.join("; ", all.subList(0, Math.min(most, all.size())));
    }

    /** Stops the clients and waits for their last requests. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(20_000);
        }
    }
}
