/**
 * Review flows: a plugin describes its flow ({@link cn.edu.cumt.union.api.flow.FlowDefinition}: stages, the
 * decisions allowed at each, who acts), keeps its cases and their history in its own tables, and asks the
 * core's {@link cn.edu.cumt.union.api.flow.Flows} whether a step is allowed and what comes next.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package cn.edu.cumt.union.api.flow;
