/** REST conventions every resource follows: the core application, JSON errors, paging. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package cn.edu.cumt.union.api.rest;
