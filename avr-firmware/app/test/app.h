/* The host tests' app (test_ww.c): sizes only. */
#define APP_TASKS(X) X(periodic)
#define WW_EDGE_SLOTS 3
#define WW_MSG_DEPTH 3
#define WW_MSG_MAX 4
