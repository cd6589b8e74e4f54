#!/usr/bin/env python3
"""Golden values for the original's expression of disabled hidden-to-hidden connections (ExpressionTests).

Runs the ORIGINAL WANN release's own wann_src/ind.py (google/brain-tokyo-workshop, WANNRelease/WANN):
Ind.express() (through getNodeOrder) for nConn and the ordered weight matrix, task.py's setWeights step
(every non-zero entry becomes the shared weight) and act() for the outputs, on three small genomes:
  base       bias 0, inputs 1 2, output 3, hidden 4 (linear), 5 (linear), 6 (abs), grown by splits
             1->3 (node 4), 4->3 (node 5), 4->5 (node 6): 4->5 is a disabled hidden-to-hidden connection
  split      base with 6->5 split by a new linear node 7 (6->7, 7->5; 6->5 disabled)
  reenabled  base with 4->5 enabled again
  input-off  base with 1->4 disabled (a disabled input-to-hidden connection)
and, for each, the same genes with every disabled connection dropped (the accident removed).
Prints nConn, the outputs for inputs (0.5, 0.25) at shared weights 1 and -1.5, and the exported matrix.

Usage: make_expression_golden.py ORIGINAL_WANN_DIR     (needs numpy; Debian: python3-numpy)
"""
import importlib.util, io, os, sys
import numpy as np

spec = importlib.util.spec_from_file_location("ind", os.path.join(sys.argv[1], "wann_src", "ind.py"))
ind = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ind)  # ind.py needs only numpy; the package's __init__ would pull in gym

# Node genes: id, type (1 input, 2 output, 3 hidden, 4 bias), activation id.
NODES = [(0, 4, 1), (1, 1, 1), (2, 1, 1), (3, 2, 1), (4, 3, 1), (5, 3, 1), (6, 3, 8)]
# Connection genes: innovation, source, destination, enabled (every weight 1, as in a WANN search).
BASE = [(0, 0, 3, 0), (1, 1, 3, 0), (2, 2, 3, 1), (3, 1, 4, 1), (4, 4, 3, 0),
        (5, 4, 5, 0), (6, 5, 3, 1), (7, 4, 6, 1), (8, 6, 5, 1)]
SPLIT_NODES = NODES + [(7, 3, 1)]
SPLIT = [c if c[0] != 8 else (8, 6, 5, 0) for c in BASE] + [(9, 6, 7, 1), (10, 7, 5, 1)]
REENABLED = [c if c[0] != 5 else (5, 4, 5, 1) for c in BASE]
INPUT_OFF = [c if c[0] != 3 else (3, 1, 4, 0) for c in BASE]


def run(name, nodes, conns):
    node = np.array(nodes, dtype=float).T
    conn = np.array([(i, s, d, 1.0, e) for i, s, d, e in conns], dtype=float).T
    individual = ind.Ind(conn, node)
    individual.express()
    print(f"{name}: nConn {individual.nConn} (enabled genes {individual.nConns()})")
    for w in (1.0, -1.5):
        w_vec = np.copy(individual.wVec)
        w_vec[w_vec != 0] = w  # task.py setWeights
        out = ind.act(w_vec, individual.aVec, 2, 1, np.array([0.5, 0.25]))
        print(f"  w={w}: output {float(np.ravel(out)[0])!r}")
    text = io.StringIO()
    np.savetxt(text, np.c_[individual.wMat, individual.aVec], delimiter=",", fmt="%1.2e")  # ind.exportNet
    print("  exported:\n    " + text.getvalue().strip().replace("\n", "\n    "))


for name, nodes, conns in (("base", NODES, BASE), ("split", SPLIT_NODES, SPLIT), ("reenabled", NODES, REENABLED),
                           ("input-off", NODES, INPUT_OFF)):
    run(name, nodes, conns)
    run(name + " (accident removed)", nodes, [c for c in conns if c[3] == 1])
