/* A control loop closed on the board: one task (loop.c), its parameter from the host. */
#define APP_TASKS(X) X(stretch) X(params) X(heartbeat)
#define WW_EDGE_SLOTS 1
