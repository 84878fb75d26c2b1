/* Loss accounting, both ways: one task (burst.c). */
#define APP_TASKS(X) X(burst)
#define WW_EDGE_SLOTS 1
