"""Issue 19, item 4: does a cheap inference-time method lower the blotch rate of the shipped colorizer?
Rule, written before any score: the first 200 colour photos (sorted paths, full size) of the held-out split /work/runs/s12/holdout
(5% by file-name hash, never trained on). Methods: (a) rf 8 as shipped; (b) chroma averaged over rf 8 and 12;
(c) chroma averaged over rf 6, 8 and 10; (d) rf 8 with chroma scaled by 0.8. A method may become the default only if
its blotch rate is lower than (a)'s AND its mean PSNR is not lower; its cost is its extra model passes."""
import json, sys, time, cv2, numpy as np, torch
from pathlib import Path
from PIL import Image
from deoldify.crappify import image_files
from deoldify.crappify import to_bw, is_greyscale
from deoldify.visualize import load_colorizer_model, colorize_images
from deoldify.evaluate import image_scores, summarize
torch.set_num_threads(1)
files = [f for f in sorted(image_files('/work/runs/s12/holdout')) if not is_greyscale(Image.open(f).convert('RGB'))][:200]
model = load_colorizer_model('default')
def yuv(im): return cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2YUV).astype(np.float32)
def combine(grey, raws, scale=1.):
    uv = np.mean([yuv(r)[..., 1:] for r in raws], 0)
    out = yuv(grey); out[..., 1:] = 128 + scale*(uv - 128)
    return Image.fromarray(cv2.cvtColor(out.round().clip(0, 255).astype(np.uint8), cv2.COLOR_YUV2RGB))
methods = {'a_rf8': ([8], 1.), 'b_rf8+12': ([8, 12], 1.), 'c_rf6+8+10': ([6, 8, 10], 1.), 'd_rf8_x0.8': ([8], 0.8)}
per = {m: [] for m in methods}; secs = {m: 0. for m in methods}
for i, f in enumerate(files):
    truth = Image.open(f).convert('RGB'); grey = to_bw(truth).convert('RGB')
    raws = {}
    for rf in (6, 8, 10, 12):
        t = time.time(); raws[rf] = colorize_images(model, [grey], rf, post_process=False)[0]; raws[f't{rf}'] = time.time() - t
    for m, (rfs, s) in methods.items():
        per[m].append(image_scores(f.name, combine(grey, [raws[r] for r in rfs], s), truth)); secs[m] += sum(raws[f't{r}'] for r in rfs)
    if i % 25 == 0: print(i, flush=True)
res = {m: dict(summarize(p), model_seconds=secs[m]) for m, p in per.items()}
Path('/work/runs/s14/blotch/results.json').write_text(json.dumps(res, indent=1))
for m, r in res.items():
    print(f"{m:12s} psnr {r['psnr']:.3f} blotch {100*r['blotch_rate']:.1f}% ({r['n_blotched']}) cf {r['colorfulness']:.2f} yb_gap {r['yellow_blue_gap']:+.2f} blue {100*r['blue_cast']:.0f}% model s {r['model_seconds']:.1f}")
