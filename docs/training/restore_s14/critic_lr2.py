import torch, sys, time, torch.nn as nn
from deoldify.critic import critic_dls
from deoldify.models import gan_critic, critic_loss
from fastai.optimizer import Adam
torch.set_num_threads(2)
dls = critic_dls('/work/runs/s13/sr/color', '/work/runs/s13/decrappify/fakes_c0', 96, 16, crop='random')
x, y = dls.one_batch(); x = torch.Tensor(x).as_subclass(torch.Tensor)
c = gan_critic(nf=32, n_blocks=3); c.train()
h = x
for i, l in enumerate(c): h = l(h); print(i, type(l).__name__, tuple(h.shape), round(h.std().item(), 5))
def run(name, lr, mom, mk, n=240):
    torch.manual_seed(0); c = mk()
    opt = Adam(c.parameters(), lr=lr, mom=mom, sqr_mom=0.9 if mom == 0 else 0.99)
    lf = nn.BCEWithLogitsLoss(); c.train(); t0 = time.time(); losses = []; accs = []
    for i, (x, y) in enumerate(dls.train):
        x, y = torch.Tensor(x).as_subclass(torch.Tensor), y.as_subclass(torch.Tensor).float()
        out = c(x); loss = lf(out, y[:, None].expand_as(out)); loss.backward(); opt.step(); opt.zero_grad()
        losses.append(loss.item()); accs.append(((out.mean(1) > 0).float() == y).float().mean().item())
        if (i+1) % 60 == 0: print(name, i+1, round(sum(losses[-60:])/60, 4), round(sum(accs[-60:])/60, 3), f'{time.time()-t0:.0f}s', flush=True)
        if i+1 >= n: break
def plain():
    L = lambda ni, nf, s: [nn.Conv2d(ni, nf, 4 if s == 2 else 3, s, 1), nn.LeakyReLU(0.2)]
    return nn.Sequential(*L(3, 32, 2), *L(32, 32, 1), *L(32, 64, 2), *L(64, 64, 1), *L(64, 128, 2), *L(128, 128, 1), *L(128, 256, 2), nn.Conv2d(256, 1, 4, 1, 0), nn.Flatten())
run('plain cnn 2e-4', 2e-4, 0.9, plain)
run('sn lr 5e-3', 5e-3, 0., lambda: gan_critic(nf=32, n_blocks=3))
