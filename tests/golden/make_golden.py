#!/usr/bin/env python3
"""Golden values from the ORIGINAL WANN release (google/brain-tokyo-workshop, WANNRelease/WANN).

Runs the original's own code -- wann_src/ind.py act(), wann_src/task.py Task.testInd/getDistFitness and
domain/cartpole_swingup.py -- on the champions in reference/wann-original (this repository), and writes:
  forward-<net>-inputs.csv            inputs (numpy seed 20191124, normal * 1.5)
  forward-<net>-w1.csv, -wm1.5.csv    outputs at shared weight 1.0 and -1.5 (Task.setWeights, then act())
  forward-<net>-stored.csv            outputs with the stored weights (act() on the matrix as loaded)
  swingup-champion-scores.csv         weight, episodes, mean, std of Task.getDistFitness per episode seed

Usage: make_golden.py ORIGINAL_WANN_DIR REFERENCE_DIR OUT_DIR [EPISODES]
Needs numpy (Debian: python3-numpy). The 'gym' package is replaced by a stand-in that provides only
what the swing-up env touches (Env base class, spaces.Box, seeding.np_random); physics is the original's.
"""
import os, sys, tempfile

orig, ref, out = sys.argv[1], sys.argv[2], sys.argv[3]
episodes = int(sys.argv[4]) if len(sys.argv) > 4 else 300

stub = tempfile.mkdtemp()
os.makedirs(os.path.join(stub, "gym", "utils"))
open(os.path.join(stub, "gym", "__init__.py"), "w").write("class Env:\n    pass\n")
open(os.path.join(stub, "gym", "spaces.py"), "w").write("class Box:\n    def __init__(self, *a, **k):\n        pass\n")
open(os.path.join(stub, "gym", "utils", "__init__.py"), "w").write("")
open(os.path.join(stub, "gym", "utils", "seeding.py"), "w").write(
    "import numpy as np\ndef np_random(seed=None):\n    return np.random.RandomState(seed), seed\n")
sys.path.insert(0, stub)
sys.path.insert(1, orig)

import numpy as np
import domain.make_env
from domain.cartpole_swingup import CartPoleSwingUpEnv
domain.make_env.make_env = lambda name, seed=-1, render_mode=False: CartPoleSwingUpEnv()
import wann_src.task as task_module
task_module.make_env = domain.make_env.make_env
from wann_src.ind import act
from domain.config import games

def load(name):
    m = np.loadtxt(os.path.join(ref, name), delimiter=",")
    return m[:, :-1].copy(), m[:, -1].copy()

def write(path, rows):
    with open(path, "w") as f:
        for r in np.atleast_2d(rows):
            f.write(",".join(repr(float(v)) for v in r) + "\n")

shapes = {"swing": (5, 1), "biped": (24, 4), "racer": (16, 3)}
rng = np.random.RandomState(20191124)
for net, (n_in, n_out) in shapes.items():
    w_mat, a_vec = load(net + ".out")
    inputs = rng.normal(size=(16, n_in)) * 1.5
    write(os.path.join(out, f"forward-{net}-inputs.csv"), inputs)
    task = task_module.Task(games["swingup"], paramOnly=True)
    for label, w in (("w1", 1.0), ("wm1.5", -1.5)):
        shared = task.setWeights(w_mat.flatten().copy(), w)
        write(os.path.join(out, f"forward-{net}-{label}.csv"), act(shared, a_vec, n_in, n_out, inputs))
    write(os.path.join(out, f"forward-{net}-stored.csv"), act(w_mat.copy(), a_vec, n_in, n_out, inputs))

if episodes > 0:
    w_mat, a_vec = load("swing.out")
    task = task_module.Task(games["swingup"], nReps=1)
    hyp = {"alg_wDist": "standard", "alg_nReps": 1}
    per_episode = []
    for seed in range(episodes):
        per_episode.append(task.getDistFitness(w_mat.flatten().copy(), a_vec, hyp, seed=seed, nRep=1, nVals=6))
    per_episode = np.array(per_episode)  # [episode, weight]
    with open(os.path.join(out, "swingup-champion-scores.csv"), "w") as f:
        f.write("weight,episodes,mean,std\n")
        for i, w in enumerate((-2, -1.0, -0.5, 0.5, 1.0, 2)):
            f.write(f"{w},{episodes},{per_episode[:, i].mean():.4f},{per_episode[:, i].std(ddof=1):.4f}\n")
