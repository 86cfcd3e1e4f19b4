"""Session 16 experiment (issue 20): does super-resolution's training damage explain its gap on Set5/Set14?

The shipped model learns from inputs blurred before the shrink and JPEG-compressed on half of them (it fits real old
photos); the benchmarks shrink by plain bicubic interpolation. This fine-tunes the session-16 stage-1 generator for
35% of an epoch on plain bicubic ×2/×4 inputs only (same preset otherwise, lr 1e-4), stage 1 only.
Usage: python clean_bicubic_exp.py COLOR_DIR OUT_DIR INIT.pth"""
import copy, json, sys
from pathlib import Path
from deoldify.degrade import Degradation, OneOf, downscale
from deoldify.crappify import training_photos
from deoldify.nogan import nogan

color, out, init = map(Path, sys.argv[1:4])
clean = OneOf([Degradation([(downscale, dict(scale=s))], scale=s, name=f'bicubic{s}') for s in (2, 4)], name='superres_bicubic')
bw = out/'bicubic_inputs'
training_photos(color, bw, crappifier=clean, n_workers=2, skip_grey=False)
preset = json.loads((Path(__file__).parent/'superres_stage1.json').read_text())
preset['pretrain'] = [dict(preset['pretrain'][0], keep_pct=0.35, epochs=1, lr=1e-4)]
print(nogan(bw, color, out/'run', preset=preset, stop_after='pretrain', init=init, task='superres', feature_backbone='efficientnet_lite0'))
