/* The reaction timer: one task (reaction.c). */
#define APP_TASKS(X) X(reaction)
#define WW_EDGE_SLOTS 1
