/** Storage conventions: the shared DataSource and per-bundle schema migrations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package cn.edu.cumt.union.api.storage;
