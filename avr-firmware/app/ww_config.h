/* The runtime's sizes: the app's own app.h first (it may set any of them), then the defaults.
 * Numbers only: ww_edge_isr.S includes it too. */
#ifndef WW_CONFIG_H
#define WW_CONFIG_H
#include "app.h"

#ifndef WW_EDGE_SLOTS
#define WW_EDGE_SLOTS 4 /* edges armed at once, over all tasks (2 B of RAM each) */
#endif
#ifndef WW_MSG_MAX
#define WW_MSG_MAX 8 /* data bytes a message (<= 58) */
#endif
#ifndef WW_MSG_DEPTH
#define WW_MSG_DEPTH 4 /* messages each way the board holds */
#endif

#endif
