/** The append-only audit log that every change is written to. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package cn.edu.cumt.union.api.audit;
