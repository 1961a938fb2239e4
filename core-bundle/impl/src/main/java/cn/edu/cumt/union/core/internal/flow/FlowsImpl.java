package cn.edu.cumt.union.core.internal.flow;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.flow.Flows;
import cn.edu.cumt.union.api.flow.StandardFlows;
import cn.edu.cumt.union.api.security.AccessControl;

/** The {@link Flows} service: the API's {@link StandardFlows} on the core's access rules and duties. */
@Component(service = Flows.class)
public class FlowsImpl extends StandardFlows {

    @Activate
    public FlowsImpl(@Reference AccessControl access, @Reference Duties duties) {
        super(access, duties);
    }
}
