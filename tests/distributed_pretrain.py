"Run by tests/test_distributed.py under torchrun: stage 1 on tiny photos, reporting each process's share of the data."
import sys, torch
from pathlib import Path
from fastai.distributed import rank_distrib, num_distrib
from fastai.callback.core import Callback
import deoldify.training as T
from deoldify.training import pretrain_generator, tiny_preset

bw, color, out = map(Path, sys.argv[1:4])

class Report(Callback):
    def before_train(self):  # one file per rank: two processes printing to one pipe can interleave their lines
        with open(out.parent/f'report_rank{rank_distrib()}.txt', 'a') as f:
            f.write(f'rank {rank_distrib()}/{num_distrib()} batches {len(self.dl)} model {type(self.model).__name__}\n')

_orig = T.maybe_distributed
T.maybe_distributed = lambda learn: _orig(learn).add_cb(Report())
torch.set_num_threads(1)
pretrain_generator(bw, color, out, preset=tiny_preset(), feature_backbone='efficientnet_lite0')
