/* Buttons raced against a deadline: one task (race.c). */
#define APP_TASKS(X) X(race)
#define WW_EDGE_SLOTS 3
