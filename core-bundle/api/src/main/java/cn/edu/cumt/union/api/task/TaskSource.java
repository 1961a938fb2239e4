package cn.edu.cumt.union.api.task;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * Implemented by a plugin, registered as an OSGi service (a DS component providing this interface):
 * tells the core which of the plugin's records wait on a user. The core asks every registered source
 * for the current user's list, in parallel and time-boxed: a source that is slow or throws is left out
 * of that answer (and named as missing), never breaks it. The core stamps each task with the plugin id
 * of the bundle that registered the source, so a source cannot speak for another plugin. A source
 * goes away with its plugin. Called from many threads at once.
 */
@ConsumerType
public interface TaskSource {

    /**
     * @param user who asks (their session id is left out: {@code null})
     * @return the records waiting on {@code user} now; empty when none, never {@code null}
     */
    List<TaskDTO> tasksFor(UnionPrincipal user);
}
