package cn.edu.cumt.union.core.internal.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManager;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.UnitOfWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.coordinator.Coordination;
import org.osgi.service.coordinator.Coordinator;
import org.osgi.service.coordinator.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action once the caller's transaction has committed, and never if it rolled back.
 *
 * <p>Why this way: the platform's persistence units are RESOURCE_LOCAL, so there is no JTA
 * transaction to synchronise with, and a unit plugin's data lives in a database of its own, so an
 * outbox row cannot share the plugin's transaction. What every {@code JpaTemplate} call does share is
 * an OSGi coordination: Aries runs each transaction inside one and keeps the entity managers of the
 * outermost one in its variables (under {@code EntityManager.class}), closing them when it ends. So
 * an action waits on the outermost coordination, and each entity manager with a transaction open at
 * that moment is watched through EclipseLink's unit-of-work events: a commit raises
 * {@code postCommitUnitOfWork}, a rollback only releases the unit of work. When the coordination
 * ends, the action runs if every watched transaction committed; a failed coordination or any rolled
 * back transaction drops it. Outside any coordination the action runs at once. The Felix coordinator
 * calls participants last-added first, so the action runs before Aries closes the entity managers,
 * on the caller's thread, after its commit; it must not throw (it would fail the caller's call).
 */
@Component(service = AfterCommit.class)
public class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final Coordinator coordinator;

    @Activate
    public AfterCommit(@Reference Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** Runs {@code action} after the current transaction commits (now, if there is none). */
    public void run(Runnable action) {
        Coordination top = outermost(coordinator.peek());
        if (top == null) {
            action.run();
            return;
        }
        List<AtomicBoolean> committed = new ArrayList<>();
        for (EntityManager em : entityManagers(top)) {
            if (em.isOpen() && em.getTransaction().isActive()) {
                AtomicBoolean done = new AtomicBoolean();
                em.unwrap(UnitOfWork.class).getEventManager().addListener(new SessionEventAdapter() {
                    @Override
                    public void postCommitUnitOfWork(SessionEvent event) {
                        done.set(true);
                    }
                });
                committed.add(done);
            }
        }
        top.addParticipant(new Participant() {
            @Override
            public void ended(Coordination coordination) {
                if (committed.stream().allMatch(AtomicBoolean::get)) {
                    runSafely(action);
                } else {
                    LOG.debug("Transaction rolled back: deferred action dropped");
                }
            }

            @Override
            public void failed(Coordination coordination) {
                LOG.debug("Coordination failed: deferred action dropped");
            }
        });
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("An action after commit failed", e);
        }
    }

    private static Coordination outermost(Coordination coordination) {
        while (coordination != null && coordination.getEnclosingCoordination() != null) {
            coordination = coordination.getEnclosingCoordination();
        }
        return coordination;
    }

    private static List<EntityManager> entityManagers(Coordination coordination) {
        Map<Class<?>, Object> variables = coordination.getVariables();
        synchronized (variables) {
            if (variables.get(EntityManager.class) instanceof Map<?, ?> byUnit) {
                return byUnit.values().stream().filter(EntityManager.class::isInstance).map(EntityManager.class::cast)
                        .toList();
            }
            return List.of();
        }
    }
}
