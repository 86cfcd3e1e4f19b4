"""Session 17 (issue 20): stage 1 of super-resolution on a mixed damage, half of it plain bicubic (see decisions.md).

Each training photo draws one of four damages with equal chances: `superres2`, `superres4` (blur before the shrink,
JPEG on half) and plain bicubic ×2, ×4. One full epoch at 128 px from INIT (lr 1e-4 one-cycle, the session-16 preset
otherwise), stage 1 only.
Usage: python mixed_exp.py COLOR_DIR OUT_DIR INIT.pth"""
import json, sys
from pathlib import Path
from deoldify.degrade import PRESETS, Degradation, OneOf, downscale
from deoldify.crappify import training_photos
from deoldify.nogan import nogan

color, out, init = map(Path, sys.argv[1:4])
plain = [Degradation([(downscale, dict(scale=s))], scale=s, name=f'bicubic{s}') for s in (2, 4)]
mix = OneOf([PRESETS['superres2'], PRESETS['superres4'], *plain], name='superres_mixed')
bw = out/'mixed_inputs'
training_photos(color, bw, crappifier=mix, n_workers=2, skip_grey=False)
preset = json.loads((Path(__file__).parent.parent/'restore_s16'/'superres_stage1.json').read_text())
preset['pretrain'] = [dict(preset['pretrain'][0], keep_pct=1.0, epochs=1, lr=1e-4)]
print(nogan(bw, color, out/'run', preset=preset, stop_after='pretrain', init=init, task='superres', feature_backbone='efficientnet_lite0'))
