/**
 * Notifications: what flows and plugins tell members ("your proposal was answered", "a case waits
 * for you"). {@link cn.edu.cumt.union.api.notify.Notifications} writes to the in-app inbox (always)
 * and hands each message to every {@link cn.edu.cumt.union.api.notify.NotificationChannel} (email,
 * and whatever a later bundle adds), after the caller's transaction commits.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package cn.edu.cumt.union.api.notify;
