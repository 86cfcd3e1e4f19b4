"Restoration critic started from the session-12 colorization critic (as the paper fine-tuned one for super-resolution)."
import json, sys, torch
from deoldify.critic import pretrain_critic
p = json.load(open('/work/runs/s13/restore_quick.json'))
p['crit_pretrain'].update(epochs=int(sys.argv[1]), lr=float(sys.argv[2]))
torch.set_num_threads(2)
pretrain_critic('/work/runs/s13/sr/color', '/work/runs/s13/decrappify/fakes_c0', sys.argv[3], p, init='/work/runs/s12/run/critic_c0.pth')
