package cn.edu.cumt.union.api.directory;

/**
 * Registered as an OSGi service by the core only while {@code demo.data=true} in
 * {@code etc/cn.edu.cumt.union.demo.cfg} and the membership is the platform's demonstration university
 * (its units and members were loaded by the demo, not by people). A plugin that ships demo records of its
 * own references this service (mandatory, static): its demo component then starts exactly when there is a
 * demo university to attach them to, and never over real data.
 */
public interface DemoUniversity {

    /** The seed of the demo university; plugins derive theirs from it so that every demo looks the same everywhere. */
    long seed();
}
