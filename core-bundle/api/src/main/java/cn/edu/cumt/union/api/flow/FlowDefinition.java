package cn.edu.cumt.union.api.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A review flow: its stages in order. Approving at a stage moves the case to the next one, approving at
 * the last approves the case. Immutable; plugins declare it once, as a constant.
 *
 * @param id                      a short code, e.g. {@code brand.project}
 * @param stages                  at least one, with distinct ids
 * @param finalNotByFirstReviewer when {@code true} the approval that closes the case (at the last
 *                                stage) is never taken by whoever took the case's first decision; needs two
 *                                stages or more
 */
public record FlowDefinition(String id, List<Stage> stages, boolean finalNotByFirstReviewer) {

    public FlowDefinition {
        Objects.requireNonNull(id, "id");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("flow " + id + " has no stage");
        }
        if (finalNotByFirstReviewer && stages.size() < 2) {
            // with one stage the first decision is the final one
            throw new IllegalArgumentException("flow " + id + ": finalNotByFirstReviewer needs two stages or more");
        }
        Set<String> ids = new HashSet<>();
        for (Stage stage : stages) {
            if (!ids.add(stage.id())) {
                throw new IllegalArgumentException("flow " + id + ": stage " + stage.id() + " twice");
            }
        }
    }

    /** @return the stage with this id, or {@code null} */
    public Stage stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst().orElse(null);
    }

    /** @return the stage after this one, or {@code null} after the last */
    public Stage after(String stageId) {
        for (int i = 0; i < stages.size() - 1; i++) {
            if (stages.get(i).id().equals(stageId)) {
                return stages.get(i + 1);
            }
        }
        return null;
    }
}
