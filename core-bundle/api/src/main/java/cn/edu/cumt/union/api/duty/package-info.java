/** Duties (职务): who holds which duty, for which unit, on which day; granted by union administrators. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package cn.edu.cumt.union.api.duty;
