package cn.edu.cumt.union.itests.reliability;

/** Order of the access matrix: reads first, then writes, and last what ends records or sessions. */
final class ApiOperationOrder {

    private ApiOperationOrder() {
    }

    static int rank(ApiOperation operation) {
        String path = operation.path();
        if (path.endsWith("/logout") || path.endsWith("/retire") || path.endsWith("/disable")
                || "delete".equals(operation.method())) {
            return 3;
        }
        return switch (operation.method()) {
        case "get" -> 0;
        case "put" -> 1;
        default -> 2;
        };
    }
}
