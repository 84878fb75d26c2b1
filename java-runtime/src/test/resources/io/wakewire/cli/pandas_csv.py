"""The monitor's CSV as pandas reads it (MonitorCapturesTest runs this with the system python3).

Exits 1 naming the column unless every numeric column has an integer dtype (a float column is
what an empty or non-integer cell anywhere makes). Then prints the rows as pandas holds them:
"edge,<board_ns>,<pin>,<level>" or "lost,<board_ns>,<pin>,<count>", for the test to compare
with the VCD of the same run.
"""
import sys

import pandas as pd
from pandas.api.types import is_integer_dtype

INTEGER_COLUMNS = ["board_ns", "host_unix_ns", "level", "latency_ns", "latency_valid", "lost"]

frame = pd.read_csv(sys.argv[1])
expected = ["board_ns", "host_unix_ns", "pin", "level", "latency_ns", "latency_valid", "lost", "event"]
if list(frame.columns) != expected:
    sys.exit(f"columns are {list(frame.columns)}, expected {expected}")
for column in INTEGER_COLUMNS:
    if not is_integer_dtype(frame[column].dtype):
        sys.exit(f"column {column} has dtype {frame[column].dtype}, not an integer")
if len(frame) == 0:
    sys.exit("no rows")
for row in frame.itertuples(index=False):
    if row.event == "edge":
        print(f"edge,{row.board_ns},{row.pin},{row.level}")
    else:
        print(f"lost,{row.board_ns},{row.pin},{row.lost}")
