import torch, sys, time
from functools import partial
from deoldify.critic import critic_dls
from deoldify.models import gan_critic, critic_loss
from fastai.vision.all import Learner
from fastai.optimizer import Adam
torch.set_num_threads(2)
dls = critic_dls('/work/runs/s13/sr/color', '/work/runs/s13/decrappify/fakes_c0', 96, 16, crop='random')
for name, lr, mom, nf in [('mom0 1e-3', 1e-3, 0., 32), ('mom0.9 1e-3', 1e-3, 0.9, 32), ('mom0.9 2e-4', 2e-4, 0.9, 32)]:
    torch.manual_seed(0)
    c = gan_critic(nf=nf, n_blocks=3); opt = Adam(c.parameters(), lr=lr, mom=mom, sqr_mom=0.9 if mom == 0 else 0.99)
    lf = critic_loss(); c.train(); t0 = time.time(); losses = []; accs = []
    for i, (x, y) in enumerate(dls.train):
        x, y = torch.Tensor(x).as_subclass(torch.Tensor), y.as_subclass(torch.Tensor)
        out = c(x); loss = lf(out, y); loss.backward(); opt.step(); opt.zero_grad()
        losses.append(loss.item()); accs.append(((out.mean(1) > 0).long() == y).float().mean().item())
        if (i+1) % 60 == 0: print(name, i+1, round(sum(losses[-60:])/60, 4), round(sum(accs[-60:])/60, 3), f'{time.time()-t0:.0f}s', flush=True)
        if i+1 >= 300: break
