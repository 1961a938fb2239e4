package cn.edu.cumt.union.core.internal.ballot;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;

/** The core's own task source: every open ballot the user may vote in and has not voted in yet. */
@Component(service = TaskSource.class)
public class BallotTasks implements TaskSource {

    private final BallotService ballots;

    @Activate
    public BallotTasks(@Reference BallotService ballots) {
        this.ballots = ballots;
    }

    @Override
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        return ballots.waitingOn(user).stream().map(b -> new TaskDTO(b.title(), "/api/ballots/" + b.id(), "投票 Vote",
                b.opensAt(), b.closesAt())).toList();
    }
}
