"Does the restoration critic learn with more epochs? decrappify fakes of s13, 4 epochs."
import json, sys, torch
from deoldify.critic import pretrain_critic
p = json.load(open('/work/runs/s13/restore_quick.json'))
p['crit_pretrain'].update(epochs=int(sys.argv[1]) if len(sys.argv) > 1 else 4)
torch.set_num_threads(2)
pretrain_critic('/work/runs/s13/sr/color', '/work/runs/s13/decrappify/fakes_c0', '/work/runs/s14/critic_exp', p, num_workers=0)
